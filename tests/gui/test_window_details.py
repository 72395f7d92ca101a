"""Details a Team Manager meets every day: every problem in the child form at once with the
fields highlighted and Ctrl+S; the attendee table's six rows and fixed buttons; the PDF
preview's zoom; Print… on the first click; the timeline on a child's page."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
from documents_support import add_child  # noqa: E402

from lasting_home_desktop.domain.child import ChildRecord  # noqa: E402
from lasting_home_desktop.domain.journey import Decision, JourneyDates  # noqa: E402
from lasting_home_desktop.domain.matching_meeting import AGENCIES  # noqa: E402
from lasting_home_desktop.ui.messages import RecordedMessages  # noqa: E402
from lasting_home_desktop.ui.worker.attendee_table import ROWS_SHOWN, PeopleTable  # noqa: E402
from lasting_home_desktop.ui.worker.child_form import ChildForm  # noqa: E402
from lasting_home_desktop.ui.worker.documents_section import DocumentsSection  # noqa: E402
from lasting_home_desktop.ui.worker.main_window import WorkerWindow  # noqa: E402
from lasting_home_desktop.ui.worker.pdf_output import PdfOutput  # noqa: E402
from lasting_home_desktop.ui.worker.pdf_preview import PdfPreviewPanel  # noqa: E402
from lasting_home_desktop.ui.worker.sections import ChildSectionContext  # noqa: E402


def test_child_form_shows_every_problem_at_once_and_highlights_each_field(qtbot, store, today):
    """Empty names, an impossible date of birth, an unreadable placement date and a visit
    before the decision are all listed the first time, and each of those fields is marked."""
    form = ChildForm(today, lambda child: store.add_child(child, today))
    qtbot.addWidget(form)
    form.first_name.setText("")
    form.last_name.setText("Nowak")
    form.date_of_birth.setText("31/02/2015")
    form.placement_start.setText("last spring")
    form.decision.setCurrentIndex(form.decision.findData(Decision.AGREED))
    form.decision_date.setText("20/11/2026")
    form.visit.setText("10/11/2026")
    assert form.try_save() is False
    shown = form.problems.text()
    assert shown.startswith("Please check these 4 things:")
    for expected in (
        "Date of birth: '31/02/2015' is not a real date",
        "Placement start: 'last spring' is not a date we can read",
        "Please enter the child's first name.",
        "The commitment visit (10 November 2026) is before the decision date (20 November 2026)",
    ):
        assert expected in shown
    marked = {field for field in form.highlighted if field.property("problem")}
    assert marked == {
        form.date_of_birth,
        form.placement_start,
        form.first_name,
        form.visit,
        form.decision_date,
    }
    assert "first name" in form.first_name.toolTip()
    assert not form.last_name.property("problem")
    assert store.children() == []


def test_fixing_the_problems_clears_the_marks_and_ctrl_s_saves(qtbot, store, today):
    """Once put right, Ctrl+S saves the child and nothing stays marked."""
    form = ChildForm(today, lambda child: store.add_child(child, today))
    qtbot.addWidget(form)
    form.show()
    form.last_name.setText("Nowak")
    assert not form.try_save()
    assert form.first_name.property("problem")
    form.first_name.setText("Ola")
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keySequence(form, QKeySequence.StandardKey.Save)
    assert form.saved is not None and [c.first_name for c in store.children()] == ["Ola"]
    assert not form.first_name.property("problem")


def test_attendee_table_shows_six_rows_keeps_its_buttons_and_full_agency_names(qtbot):
    """Adding ten people never moves the buttons; "Children's social care" is not cut."""
    table = PeopleTable(("Name", "Role", "Agency"), suggestions=AGENCIES)
    qtbot.addWidget(table)
    table.resize(760, 400)
    table.show()
    buttons_at = table.add_button.mapTo(table, table.add_button.rect().topLeft())
    height = table.table.height()
    for number in range(10):
        table.add_button.click()
        table.table.item(number, 0).setText(f"Person {number}")
    assert table.table.height() == height
    assert table.add_button.mapTo(table, table.add_button.rect().topLeft()) == buttons_at
    rows_in_view = table.table.viewport().height() // table.table.rowHeight(0)
    assert rows_in_view >= ROWS_SHOWN
    agency = table.table.columnWidth(2)
    widest = max(table.fontMetrics().horizontalAdvance(text) for text in AGENCIES)
    assert agency >= widest + 30
    assert len(table.rows()) == 10 and table.rows()[9][0][0] == "Person 9"


def test_preview_zooms_and_opens_larger(qtbot, store, today):
    """Zoom in and out step by a quarter; Fit width goes back; the larger view shows the same
    pages in a window as big as the screen."""
    section, _ = _documents(qtbot, store, today)
    section.preview()
    viewer = section.viewer
    assert viewer.zoomMode() == QPdfView.ZoomMode.FitToWidth
    start = viewer.current_zoom()
    viewer.zoom_in()
    assert viewer.zoomMode() == QPdfView.ZoomMode.Custom
    assert viewer.zoomFactor() == pytest.approx(start * 1.25, rel=0.01)
    viewer.zoom_out()
    viewer.zoom_out()
    assert viewer.zoomFactor() < start
    viewer.fit_width()
    assert viewer.zoomMode() == QPdfView.ZoomMode.FitToWidth
    panel = section.preview_panel
    assert isinstance(panel, PdfPreviewPanel)
    larger = panel.show_larger()  # a child of the panel: it goes with it
    big = larger.findChild(PdfPreviewPanel)
    assert big.viewer.page_count == viewer.page_count == 2
    area = larger.screen().availableGeometry()
    assert larger.width() >= 0.9 * area.width() and larger.height() >= 0.9 * area.height()
    larger.close()


def _documents(qtbot, store, today, **dialogs):
    child = add_child(store, today)
    messages = RecordedMessages()
    context = ChildSectionContext(store, child.id, today, messages, lambda: None)
    section = DocumentsSection(context, **dialogs)
    qtbot.addWidget(section)
    section.resize(900, 600)
    return section, messages


def test_print_opens_the_print_dialog_on_the_first_click(qtbot, store, today, tmp_path):
    """Straight from opening the tab, one click on Print… asks the print dialog and prints;
    the one-time note about unprotected copies comes after, once."""
    asked = []

    def dialog(printer: QPrinter, parent) -> bool:
        asked.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(96)  # a quick test: the pages, not photo quality
        printer.setOutputFileName(str(tmp_path / "card.pdf"))
        return True

    section, messages = _documents(qtbot, store, today, print_dialog=dialog)
    qtbot.mouseClick(section.print_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and (tmp_path / "card.pdf").stat().st_size > 1000
    assert [told[0] for told in messages.told] == ["Saved files are not protected"]
    section.print_button.click()
    assert len(asked) == 2 and len(messages.told) == 1


def test_timeline_on_the_childs_page_prints_for_a_service_meeting(qtbot, store, today, tmp_path):
    """The page shows the journey as a timeline with its windows; Save as PDF writes it."""
    child = store.add_child(
        ChildRecord(
            "Ola",
            "Nowak",
            journey=JourneyDates(
                matching_meeting=dt.date(2026, 10, 1),
                recommendation_sent=dt.date(2026, 10, 2),
                decision=Decision.AGREED,
                decision_date=dt.date(2026, 10, 10),
            ),
        ),
        today,
    )
    messages = RecordedMessages()
    window = WorkerWindow(store, today, messages)
    qtbot.addWidget(window)
    window.open_child(child.id)
    box = window.child_page.timeline_box
    verdicts = [window_.verdict(today) for window_ in box.timeline.windows]
    assert verdicts == ["Met: 8 days", "15 days overdue"]
    assert "Visit within 28 days: 15 days overdue" in box.chart.accessibleDescription()
    box.output = PdfOutput(store, messages, save_dialog=lambda p, name: str(tmp_path / name))
    saved = box.save_timeline()
    assert saved.endswith("Ola Nowak - journey timeline.pdf")
    from pypdf import PdfReader

    text = PdfReader(saved).pages[0].extract_text()
    assert "Ola Nowak: the journey so far" in text and "15 days overdue" in text
    assert ("exported", child.id) in [(e.action, e.child_id) for e in store.audit.entries()]
