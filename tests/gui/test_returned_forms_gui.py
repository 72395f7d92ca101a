"""Making and receiving fillable forms from the worker's side: the buttons on the Partner
contributions and Carers' letter parts, and the "Receive a returned form…" window."""

from __future__ import annotations

from pathlib import Path

import pytest
from adult_forms_support import Page, make_child
from forms_support import fill
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from lasting_home_desktop.domain.carers_commitment import CarersCommitment, LetterStatus
from lasting_home_desktop.domain.partner_contributions import PartnerContributions
from lasting_home_desktop.domain.returned_forms import Addressee
from lasting_home_desktop.storage.adults import AdultRecords
from lasting_home_desktop.ui.clash_chooser import RecordedClashChooser
from lasting_home_desktop.ui.worker.carers_commitment_form import CarersCommitmentForm
from lasting_home_desktop.ui.worker.main_window import WorkerWindow
from lasting_home_desktop.ui.worker.matching_meeting_form import MatchingMeetingForm
from lasting_home_desktop.ui.worker.partner_contributions_form import PartnerContributionsForm
from lasting_home_desktop.ui.worker.returned_forms_window import ReturnedFormsWindow


@pytest.fixture
def page(data_dir, today):
    page = Page(data_dir, today, make_child())
    yield page
    page.store.close()


def _partner_form(qtbot, page, tmp_path) -> PartnerContributionsForm:
    form = PartnerContributionsForm(page.context())
    qtbot.addWidget(form)
    buttons = form.form_buttons
    buttons.asked_for = []
    buttons.ask_addressee = lambda _parent, start: buttons.asked_for.append(start) or start
    buttons.choose_target = lambda _parent, suggested: tmp_path / suggested
    return form


def _made_file(tmp_path: Path) -> Path:
    return next(tmp_path.glob("*.pdf"))


def test_partner_form_made_and_received_from_the_part(qtbot, page, tmp_path):
    """The partner on screen gets a form; their returned answers fill their entry, marked as
    sent back, and the matching meeting tab shows them at once."""
    form = _partner_form(qtbot, page, tmp_path)
    meeting = MatchingMeetingForm(page.context())
    qtbot.addWidget(meeting)
    form.add_partner()
    form.name.setText("Mr Patel")
    form.role.setText("Head teacher")
    assert form.save()
    assert form.form_buttons.make()
    assert form.form_buttons.asked_for == [Addressee("Mr Patel", "Head teacher", "")]
    assert page.messages.told[-2][0] == "The form is ready to send"
    made = _made_file(tmp_path)
    assert made.name == "Partner form about Ola N. for Mr Patel.pdf"
    returned = tmp_path / "returned" / made.name
    returned.parent.mkdir()
    returned.write_bytes(fill(made.read_bytes(), {"answer_4": "Calm\r\nand warm 😀"}))
    form.form_buttons.choose_files = lambda _parent: [returned]
    assert form.form_buttons.receive()
    assert page.messages.told[-1][0] == f"Filed: {made.name}"
    qtbot.waitUntil(lambda: "Calm\nand warm 😀" in form.answers[3].toPlainText())
    assert form.partner_list.count() == 1
    assert form.source_note.isVisibleTo(form) and "Sent back on a form" in form.source_note.text()
    qtbot.waitUntil(lambda: "Calm" in meeting.partners_together.toPlainText())
    assert "sent back on a form" in meeting.partners_together.toPlainText()
    form.answers[0].setPlainText("Added by the worker")
    assert form.save()
    saved = AdultRecords(page.store).load(PartnerContributions, page.child.id).partners[0]
    assert saved.form_id.startswith("LH-") and saved.answers[0] == "Added by the worker"


def test_receiving_with_typing_not_saved_asks_to_save_first(qtbot, page, tmp_path):
    """Typing on the part is saved before a form is filed beside it, so nothing clashes."""
    form = _partner_form(qtbot, page, tmp_path)
    assert form.form_buttons.make()
    returned = tmp_path / "back.pdf"
    returned.write_bytes(fill(_made_file(tmp_path).read_bytes(), {"answer_1": "Yes"}))
    form.add_partner()
    form.name.setText("Dr Shah")
    form.form_buttons.choose_files = lambda _parent: [returned]
    assert form.form_buttons.receive()
    assert page.messages.asked[-1][0] == "Save your typing first?"
    names = [
        p.name for p in AdultRecords(page.store).load(PartnerContributions, page.child.id).partners
    ]
    assert names == ["Dr Shah", "Name not given"]


def test_carers_letter_form_arrives_as_a_draft(qtbot, page, tmp_path):
    """The carers' words fill the prompts and the letter, as a draft saying who sent them;
    the review saved afterwards keeps where the words came from."""
    form = CarersCommitmentForm(page.context())
    qtbot.addWidget(form)
    form.form_buttons.choose_target = lambda _parent, suggested: tmp_path / suggested
    assert form.form_buttons.make()
    made = _made_file(tmp_path)
    assert made.name == "Carers' letter form for Ola N.pdf"
    returned = tmp_path / "back.pdf"
    returned.write_bytes(
        fill(made.read_bytes(), {"prompt_love": "Her laugh", "letter": "Dear Ola,\nStay."})
    )
    form.form_buttons.choose_files = lambda _parent: [returned]
    assert form.form_buttons.receive()
    qtbot.waitUntil(lambda: form.letter.toPlainText() == "Dear Ola,\nStay.")
    assert form.answers["love"].toPlainText() == "Her laugh"
    assert form.status_choice.currentData() is LetterStatus.DRAFT
    assert "Jo Bright and Sam Bright" in form.source_note.text()
    assert "supervising social worker to review" in form.source_note.text()
    form.status_choice.setCurrentIndex(form.status_choice.findData(LetterStatus.READY_FOR_REVIEW))
    assert form.save()
    saved = AdultRecords(page.store).load(CarersCommitment, page.child.id)
    assert saved.form_id.startswith("LH-") and saved.status is LetterStatus.READY_FOR_REVIEW


def _drop(window: ReturnedFormsWindow, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_window_files_each_dropped_form_and_says_what_happened(qtbot, page, tmp_path):
    """Three files dropped at once: the good form is filed, the others say why not."""
    form = _partner_form(qtbot, page, tmp_path)
    assert form.form_buttons.make()
    good = tmp_path / "good.pdf"
    good.write_bytes(fill(_made_file(tmp_path).read_bytes(), {"answer_2": "Strong bond"}))
    junk = tmp_path / "scan.pdf"
    junk.write_bytes(b"not a pdf at all")
    window = ReturnedFormsWindow(page.store, page.today, RecordedClashChooser())
    qtbot.addWidget(window)
    _drop(window, [good, junk, good])
    lines = [window.results.item(i).text() for i in range(window.results.count())]
    assert lines[2].startswith("Filed: good.pdf\n")
    assert lines[1].startswith("Not filed: scan.pdf: This is not a PDF")
    assert lines[0].startswith("Not filed: good.pdf: This form is already filed")
    partners = AdultRecords(page.store).load(PartnerContributions, page.child.id).partners
    assert [p.answers[1] for p in partners] == ["Strong bond"]


@pytest.mark.parametrize("answer", ["mine", "theirs", None])
def test_second_copy_with_changes_is_shown_beside_the_first(qtbot, page, tmp_path, answer):
    """The copy received now beside the one filed: the worker's choice is kept; going back
    changes nothing."""
    form = _partner_form(qtbot, page, tmp_path)
    assert form.form_buttons.make()
    blank = _made_file(tmp_path).read_bytes()
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    first.write_bytes(fill(blank, {"answer_3": "Committed"}))
    second.write_bytes(fill(blank, {"answer_3": "Committed for the long term"}))
    chooser = RecordedClashChooser(answer=answer)
    window = ReturnedFormsWindow(page.store, page.today, chooser)
    qtbot.addWidget(window)
    window.receive([first])
    receipt = window.receive([second])[0]
    shown = chooser.shown[0]
    assert [(c.clash.path, c.mine_label, c.theirs_label) for c in shown] == [
        ("question_3", "The copy received now", "As filed before (saved now)")
    ]
    kept = AdultRecords(page.store).load(PartnerContributions, page.child.id).partners[0]
    expected = {"mine": "Committed for the long term", "theirs": "Committed", None: "Committed"}
    assert kept.answers[2] == expected[answer]
    assert receipt.filed is (answer is not None)


def test_main_window_opens_the_receive_window(qtbot, page, monkeypatch):
    """The toolbar's "Receive a returned form…" opens the window on this data folder."""
    opened = []
    monkeypatch.setattr(ReturnedFormsWindow, "exec", lambda self: opened.append(self.store))
    window = WorkerWindow(page.store, page.today, page.messages)
    qtbot.addWidget(window)
    action = window.menu_actions["receive_forms"]
    assert action.text() == "Receive a returned form…"
    action.trigger()
    assert opened == [page.store]
