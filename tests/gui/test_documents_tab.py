"""The Documents tab and the batch dialog, driven as a Team Manager would."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
from documents_support import add_child, pdf_text  # noqa: E402

from lasting_home_desktop.domain.journey import Decision  # noqa: E402
from lasting_home_desktop.storage.card_message import CardMessages  # noqa: E402
from lasting_home_desktop.ui.messages import RecordedMessages  # noqa: E402
from lasting_home_desktop.ui.worker.batch_dialog import BatchDialog  # noqa: E402
from lasting_home_desktop.ui.worker.documents_section import DocumentsSection  # noqa: E402
from lasting_home_desktop.ui.worker.sections import ChildSectionContext  # noqa: E402


def tab(qtbot, store, today, child, **dialogs):
    messages = RecordedMessages()
    context = ChildSectionContext(store, child.id, today, messages, lambda: None)
    section = DocumentsSection(context, **dialogs)
    qtbot.addWidget(section)
    return section, messages


def choose(section, key):
    for row in range(section.documents.count()):
        if section.documents.item(row).data(0x0100) == key:
            section.documents.setCurrentRow(row)


def test_preview_shows_every_page_of_the_chosen_document(qtbot, store, today):
    """Preview of the card shows its two pages; the certificate shows one."""
    section, _ = tab(qtbot, store, today, add_child(store, today))
    with qtbot.waitSignal(section.previewed) as signal:
        section.preview_button.click()
    assert signal.args == ["card", 2] and section.viewer.page_count == 2
    choose(section, "certificate")
    section.preview_button.click()
    assert section.viewer.page_count == 1
    assert "Certificate" in section.status.text()


def test_card_message_typed_in_the_tab_is_saved_and_printed(qtbot, store, today):
    """The message the Team Manager types is kept and appears on the card, exactly as typed."""
    child = add_child(store, today)
    section, _ = tab(qtbot, store, today, child)
    section.message.setPlainText("Well done <b>&amp; Łukasz</b>! 🎉")
    section.signer.setText("Tariq Mahmood")
    section.save_card_button.click()
    assert CardMessages(store).load(child.id).signer == "Tariq Mahmood"
    section.preview_button.click()
    text = " ".join(pdf_text(section.shown_pdf).split())
    assert "Well done <b>&amp; Łukasz</b>!" in text and "Tariq Mahmood" in text


def test_too_long_message_is_refused_kindly_and_kept_in_the_box(qtbot, store, today):
    """Over 1,000 characters: a kind message, nothing saved, the text still in the box."""
    child = add_child(store, today, message="Short.")
    section, messages = tab(qtbot, store, today, child)
    section.message.setPlainText("x" * 1001)
    section.save_card_button.click()
    assert messages.told and messages.told[-1][2] is True
    assert CardMessages(store).load(child.id).message == "Short."
    assert len(section.message.toPlainText()) == 1001


def test_print_goes_through_the_print_dialog(qtbot, store, today, tmp_path):
    """Print asks the dialog, then sends every page (here to a PDF printer)."""
    asked = []

    def dialog(printer: QPrinter, parent) -> bool:
        asked.append(printer)
        return _to_file(printer, tmp_path / "printed.pdf")

    section, _ = tab(qtbot, store, today, add_child(store, today), print_dialog=dialog)
    assert section.print_document() == 2
    assert asked and (tmp_path / "printed.pdf").stat().st_size > 1000


def test_the_card_is_set_to_print_both_sides_flipping_on_the_short_edge(qtbot, store, today):
    """The print step says the card prints on both sides, flipped on the short edge, and
    prints it at actual size. (The printer is asked for short-edge duplex too; a machine with
    no printer, like this one, cannot show that.)"""
    printers = []

    def dialog(printer: QPrinter, parent) -> bool:
        printers.append(printer)
        return False  # look, then cancel

    section, messages = tab(
        qtbot,
        store,
        today,
        add_child(store, today),
        print_dialog=dialog,
        save_dialog=lambda parent, name: "",
    )
    assert "flipping on the short edge" in section.printing.text()
    section.print_document()
    (printer,) = printers
    assert printer.fullPage()
    assert "flipping on the short edge" in section.status.text()
    choose(section, "certificate")
    assert "flipping" not in section.printing.text() and "actual size" in section.printing.text()


def test_the_writer_is_told_how_much_of_the_card_the_message_uses(qtbot, store, today):
    """Under the message box: how many of the 1,000 characters are used, live as they type."""
    section, _ = tab(qtbot, store, today, add_child(store, today, message="Well done."))
    assert section.message_room.text() == "10 of 1,000 characters fit inside the card."
    section.message.setPlainText("x" * 1200)
    assert "1,200 of 1,000 characters: please shorten it" in section.message_room.text()
    section.message.setPlainText("\n".join("Hi" for _ in range(20)))
    assert "20 of 16 lines" in section.message_room.text()


def test_a_residential_home_can_be_named_for_the_card(qtbot, store, today):
    """For a child in a residential home the tab asks the home's name and the card uses it;
    for a foster home the question is not asked."""
    from lasting_home_desktop.domain.child import HomeType

    foster, _ = tab(qtbot, store, today, add_child(store, today))
    assert not foster.card_form.isRowVisible(foster.home_name)
    child = add_child(store, today, first="Ola")
    store.update_child(child.with_changes(home_type=HomeType.RESIDENTIAL), today)
    section, _ = tab(qtbot, store, today, child)
    assert section.card_form.isRowVisible(section.home_name)
    section.home_name.setText("Oakfield House")
    section.preview()
    assert "home at Oakfield House" in " ".join(pdf_text(section.shown_pdf).split())


def test_cancelled_print_sends_nothing(qtbot, store, today):
    """Cancelling the print dialog prints nothing."""
    section, _ = tab(qtbot, store, today, add_child(store, today), print_dialog=lambda p, w: False)
    assert section.print_document() == 0


def test_save_as_writes_the_pdf_with_a_safe_suggested_name(qtbot, store, today, tmp_path):
    """Save as suggests a safe name and writes the PDF where the user chose."""
    suggested = []

    def dialog(parent, name):
        suggested.append(name)
        return str(tmp_path / "chosen")

    child = add_child(store, today, first="<b>&amp;", last="O'Brien")
    section, messages = tab(qtbot, store, today, child, save_dialog=dialog)
    choose(section, "book")
    path = section.save_document()
    assert path.endswith("chosen.pdf") and Path(path).read_bytes().startswith(b"%PDF")
    assert "/" not in suggested[0] and "<" not in suggested[0]
    # Told where it went, then (once per folder) that a saved copy is not protected.
    headlines = [headline for headline, _detail, _problem in messages.told]
    assert headlines[-2:] == ["PDF saved", "Saved files are not protected"]
    assert "ordinary files" in messages.told[-1][1]
    section.save_document()
    assert [h for h, _d, _p in messages.told].count("Saved files are not protected") == 1


def test_no_card_when_the_decision_was_not_agreed(qtbot, store, today):
    """A card for a decision that was not agreed is not made; the worker is told why."""
    child = add_child(store, today, decision=Decision.NOT_AGREED)
    section, messages = tab(qtbot, store, today, child)
    assert section.preview() == 0
    assert "not agreed" in messages.told[-1][1]


def test_batch_dialog_makes_files_off_the_gui_thread(qtbot, store, today, tmp_path):
    """The batch runs to the end, the progress bar fills and problems are listed."""
    add_child(store, today, first="Ola", visit=today + dt.timedelta(days=3))
    add_child(
        store, today, first="Zosia", visit=today + dt.timedelta(days=4), decision=Decision.DEFERRED
    )
    dialog = BatchDialog(store, today, RecordedMessages(), folder_dialog=lambda w, s: str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.choose_folder()
    with qtbot.waitSignal(dialog.finished_batch, timeout=30_000) as signal:
        assert dialog.start_batch()
    result = signal.args[0]
    assert result.children_done == 1 and result.combined is not None
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.problems.count() == 1 and "Zosia" in dialog.problems.item(0).text()
    assert (tmp_path / "Ola Nowak - Card.pdf").exists()


def test_batch_dialog_with_no_visits_says_so(qtbot, store, today, tmp_path):
    """An empty date range is explained, and nothing starts."""
    messages = RecordedMessages()
    dialog = BatchDialog(store, today, messages)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path))
    assert not dialog.start_batch()
    assert "No visits" in messages.told[-1][0]


def test_prints_and_saves_are_in_the_audit_trail(qtbot, store, today, tmp_path):
    """Printing and saving a PDF each leave an entry naming the child's id and the document."""
    child = add_child(store, today)
    section, _ = tab(
        qtbot,
        store,
        today,
        child,
        print_dialog=lambda printer, parent: _to_file(printer, tmp_path / "p.pdf"),
        save_dialog=lambda parent, name: str(tmp_path / "saved.pdf"),
    )
    section.print_document()
    section.save_document()
    actions = [(e.action, e.child_id, e.detail) for e in store.audit.entries()]
    assert ("printed", child.id, "Card") in actions
    assert any(a == "exported" and c == child.id and d.startswith("Card") for a, c, d in actions)


def _to_file(printer: QPrinter, path: Path) -> bool:
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(72)  # enough to show the pages were sent; 1,200 dpi takes seconds
    return True


def test_before_the_decision_the_tab_says_what_is_missing(qtbot, store, today):
    """No decision yet: the tab says why there is no card, and the book can still be made."""
    child = add_child(store, today, decision=None)
    section, messages = tab(qtbot, store, today, child)
    assert section.outcome_note.isVisibleTo(section)
    assert "Head of Service's decision is not recorded yet" in section.outcome_note.text()
    choose(section, "card")
    assert section.preview() == 0 and "not recorded yet" in messages.told[-1][1]
    choose(section, "book")
    assert section.preview() > 0


def test_a_damaged_picture_is_named_not_silently_left_out(qtbot, store, today, tmp_path, capsys):
    """The drawing the child chose as their picture is damaged: the card is still made, and
    the tab and the command line both say which picture was left out."""
    from lasting_home_desktop.cli import main
    from lasting_home_desktop.storage.drawings import DrawingLibrary

    child = add_child(store, today)
    [drawing] = DrawingLibrary(store).drawings(child.id)
    path = DrawingLibrary(store).png_path(child.id, drawing.drawing_id)
    path.write_bytes(path.read_bytes()[:200])  # cut short, as a failing disk would
    section, _ = tab(qtbot, store, today, child)
    choose(section, "card")
    assert section.preview() > 0
    assert "could not be read" in section.status.text()
    assert "chose" in section.status.text()
    store.close()
    code, _, err = (
        main(
            [
                "export",
                "--data-dir",
                str(store.folder),
                "--child",
                child.id,
                "--out",
                str(tmp_path),
                "--only",
                "card,book",
                "--today",
                "22/11/2026",
            ]
        ),
        *capsys.readouterr(),
    )
    assert code == 0
    assert err.count("Note:") == 2 and "could not be read" in err
