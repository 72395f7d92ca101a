"""The worker window and every dialog and message fit a 1366 × 768 laptop and a 1280 × 720
screen (1920 × 1080 at 150 %), with no text cut off, whatever part of a child's page is open."""

from __future__ import annotations

import pytest
from fit_support import LAPTOP, SCALED, cut_off, outside, place, screen, settle
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QMessageBox, QScrollArea

from lasting_home_desktop.domain.child import ChildRecord, PeopleAroundChild
from lasting_home_desktop.domain.tracker import column_index
from lasting_home_desktop.storage.adults import AdultRecords
from lasting_home_desktop.storage.example_caseload import add_example_children
from lasting_home_desktop.ui.messages import LongMessage, RecordedMessages, UserMessages
from lasting_home_desktop.ui.screen_fit import fit_main_window
from lasting_home_desktop.ui.theme import apply_worker_theme
from lasting_home_desktop.ui.together.worker_view import ChildVoiceSection
from lasting_home_desktop.ui.worker.caseload_view import font_to_fit
from lasting_home_desktop.ui.worker.child_form import ChildForm
from lasting_home_desktop.ui.worker.handover_dialog import (
    DeleteRecordDialog,
    HandoverPasswordDialog,
)
from lasting_home_desktop.ui.worker.main_window import PREFERRED_SIZE, WorkerWindow
from lasting_home_desktop.ui.worker.panel_dates_editor import PanelDatesEditor
from lasting_home_desktop.ui.worker.settings_dialog import SettingsDialog

LONGEST_NAME = "Aleksandra-Wiktoria (Ola) Wiśniewska-Smith-Okafor"
WRONG_PASSWORD = (
    "That password does not open this hand-over file. Check with the person who made it "
    "(passwords are case-sensitive, and a space at the end counts), then try again."
)


@pytest.fixture(scope="module", autouse=True)
def worker_theme(qapp):
    """The real fonts and style: sizes are measured as a council laptop would show them."""
    apply_worker_theme(qapp)
    yield
    qapp.setStyleSheet("")


def _window(qtbot, store, today, size: str) -> WorkerWindow:
    where = screen(size)
    window = WorkerWindow(store, today, RecordedMessages(), add_example_children)
    qtbot.addWidget(window)
    place(window, where)
    fit_main_window(window, PREFERRED_SIZE, where)
    window.show()
    settle(window)
    return window


@pytest.mark.parametrize("size", [LAPTOP, SCALED])
def test_main_window_fits_and_never_grows(qtbot, store, today, size):
    """Opened maximised on a small screen; every part of a child's page (Documents too) opens
    without the window growing or any text being cut off."""
    add_example_children(store, today)
    window = _window(qtbot, store, today, size)
    where = screen(size)
    assert window.isMaximized()
    assert outside(window, where) == ""
    opened = window.size()
    window.open_child(store.children()[0].id)
    page = window.child_page
    for title in page.section_titles:
        page.section(title)
        settle(window)
        assert window.size() == opened, f"{title} made the window {window.size()}"
        assert outside(window, where) == "", title
    area = where.availableGeometry().size()
    hint = window.minimumSizeHint()
    assert hint.width() <= area.width() and hint.height() <= area.height()
    page.section("Profile and journey")
    settle(window)
    assert cut_off(window) == []


@pytest.mark.parametrize("size", [LAPTOP, SCALED])
def test_no_part_of_a_childs_page_scrolls_sideways(qtbot, store, today, size):
    """Beside the caseload, every part of a child's page fits its width: nothing to scroll
    sideways to (the child's voice once needed 770 px, the matching meeting 525)."""
    add_example_children(store, today)
    window = _window(qtbot, store, today, size)
    window.open_child(store.children()[0].id)
    page = window.child_page
    sideways = []
    for title in page.section_titles:
        page.section(title)
        settle(window)
        for area in page.findChildren(QScrollArea):
            if area.isVisible() and area.horizontalScrollBar().isVisible():
                sideways.append(f"{title}: {area.viewport().width()} px wide")
    assert sideways == []
    # The child's own words get the room beside their questions, not a sliver of it.
    page.section("The child's voice")
    settle(window)
    voice = page.findChild(ChildVoiceSection)
    answers = [voice.grid.itemAtPosition(row, 1) for row in range(voice.grid.rowCount())]
    widths = [item.widget().width() for item in answers if item is not None]
    assert widths and min(widths) >= 200, widths


@pytest.mark.parametrize("size", [LAPTOP, SCALED])
def test_the_caseload_says_in_full_why_each_child_needs_attention(qtbot, store, today, size):
    """Beside the caseload's names, each reason is written whole, the longest ("Said they
    feel worried on 10 November: talk with them") a little smaller on a 1280-wide screen.
    (Two reasons share the line and may be cut short; the tooltip and the page say both.)"""
    add_example_children(store, today)
    window = _window(qtbot, store, today, size)
    caseload = window.caseload
    qtbot.waitUntil(lambda: not caseload.waiting and bool(caseload.statuses))
    table = caseload.table
    width = table.columnWidth(2) - 8  # the delegate's margins
    reasons = [s.reason_text for s in caseload.statuses if len(s.reasons) == 1]
    assert any("feel worried" in reason for reason in reasons)
    assert any("agenda" in reason for reason in reasons)
    for reason in reasons:
        font = font_to_fit(table.font(), reason, width)
        assert QFontMetrics(font).horizontalAdvance(reason) <= width, reason
        if size == LAPTOP:
            assert font == table.font(), f"smaller on a 1366-wide laptop: {reason}"


def test_where_there_is_room_the_window_opens_centred_at_its_own_size(qtbot, store, today):
    """A window that fits with room to spare is centred, not maximised."""
    window = WorkerWindow(store, today, RecordedMessages())
    qtbot.addWidget(window)
    where = screen(LAPTOP)
    place(window, where)
    small = PREFERRED_SIZE / 2  # the test screens are small: ask for a small window instead
    assert not fit_main_window(window, small, where)
    assert window.size() == small and not window.isMaximized()
    middle = window.frameGeometry().center() - where.availableGeometry().center()
    assert abs(middle.x()) <= 2 and abs(middle.y()) <= 2


@pytest.mark.parametrize("size", [LAPTOP, SCALED])
def test_tracker_shows_who_needs_attention_and_why_without_scrolling(qtbot, store, today, size):
    """The name, the reason, the stage and the days waiting are all in view on opening."""
    add_example_children(store, today, count=24)
    window = _window(qtbot, store, today, size)
    window.show_tracker()
    settle(window)
    table = window.tracker.table
    viewport = table.viewport().width()
    for heading in ("Child", "Needs attention", "Stage", "Days waiting"):
        column = column_index(heading)
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert right <= viewport, f"{heading} ends at {right}, beyond {viewport}"
    flagged = [row for row in window.tracker.shown_rows() if row.reasons]
    assert flagged and window.tracker.shown_rows()[: len(flagged)] == flagged
    metrics = table.fontMetrics()
    width = table.columnWidth(column_index("Needs attention")) - 14
    for number, row in enumerate(flagged):  # every reason fits its cell, on one line or more
        lines = max(1, table.rowHeight(number) // metrics.height())
        assert metrics.horizontalAdvance(row.reason_text) <= width * lines, row.reason_text
    assert cut_off(window) == []


def _dialog_fits(qtbot, dialog, parent_window) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    settle(dialog)
    where = screen(SCALED)
    assert dialog.screen() is where
    assert outside(dialog, where) == ""
    assert cut_off(dialog) == []


def _scaled_parent(qtbot, store, today) -> WorkerWindow:
    return _window(qtbot, store, today, SCALED)


def test_child_form_with_every_problem_fits_1280x720(qtbot, store, today):
    """The longest form, showing a dozen problems at once, stays on a 720-pixel screen."""
    parent = _scaled_parent(qtbot, store, today)
    child = ChildRecord(
        "x" * 120,
        LONGEST_NAME,
        people=PeopleAroundChild(social_worker="y" * 300, team_manager="z" * 300),
    )
    form = ChildForm(today, lambda record: record, None, parent)
    form._fill(child)
    form.date_of_birth.setText("31/02/2015")
    form.placement_start.setText("not a date")
    form.matching.setText("01/12/2026")
    form.sent.setText("01/11/2026")
    assert not form.try_save()
    _dialog_fits(qtbot, form, parent)


def test_handover_wrong_password_message_shows_whole(qtbot, store, today):
    """The wrong-password message grows the dialog instead of being cut short."""
    parent = _scaled_parent(qtbot, store, today)
    dialog = HandoverPasswordDialog(
        "Open a hand-over file",
        "Type the password the person who made this hand-over file chose for it. It is not "
        "your own passphrase: each hand-over file has its own password, shared separately.",
        confirm=False,
        check=lambda password: WRONG_PASSWORD,
        parent=parent,
    )
    _dialog_fits(qtbot, dialog, parent)
    dialog.password.setText("wrong")
    dialog.try_accept()
    settle(dialog)
    assert dialog.problem.text() == WRONG_PASSWORD
    assert cut_off(dialog) == []
    assert dialog.problem.height() >= dialog.problem.heightForWidth(dialog.problem.width())


def test_other_dialogs_fit_1280x720(qtbot, store, today):
    """Deleting a record, the panel dates and the settings all fit and show every word."""
    parent = _scaled_parent(qtbot, store, today)
    child = store.add_child(ChildRecord("Aleksandra-Wiktoria", LONGEST_NAME), today)
    _dialog_fits(qtbot, DeleteRecordDialog(child, parent), parent)
    editor = PanelDatesEditor(AdultRecords(store), today, RecordedMessages(), parent)
    editor.add_monthly()
    _dialog_fits(qtbot, editor, parent)
    _dialog_fits(qtbot, SettingsDialog(store.settings(), parent), parent)


def test_messages_fit_1280x720_however_long(qtbot, store, today):
    """A short message is an ordinary box; forty problems at once scroll inside a box that
    stays on the screen, with every word there to read."""
    parent = _scaled_parent(qtbot, store, today)
    messages = UserMessages(parent)
    short = messages.message_box(
        "Saved", "Saved to /home/worker/Documents.", QMessageBox.Icon.Information
    )
    assert isinstance(short, QMessageBox)
    _dialog_fits(qtbot, short, parent)
    problems = "\n".join(
        f"• Line {n}: '{n:02d}/13/2027' is not a real date (check the day and month). Please use "
        "DD/MM/YYYY, for example 22/11/2026."
        for n in range(1, 41)
    )
    long = messages.message_box("Please check the panel dates", problems, QMessageBox.Icon.Warning)
    assert isinstance(long, LongMessage)
    _dialog_fits(qtbot, long, parent)
    assert long.detail.text() == problems
    asked = messages.message_box(
        "Leave without saving?", problems, QMessageBox.Icon.Question, ("Leave", "Stay")
    )
    _dialog_fits(qtbot, asked, parent)


def test_first_start_welcome_is_whole(qtbot, store, today):
    """The welcome text wraps and shows every word at 1280 × 720."""
    window = _window(qtbot, store, today, SCALED)
    assert window.screens.currentWidget() is window.first_start
    assert cut_off(window) == []
    welcome = window.first_start.welcome
    assert welcome.height() >= welcome.heightForWidth(welcome.width())


def test_batch_audit_and_guides_fit_1280x720(qtbot, store, today):
    """Cards and certificates, the audit trail and the guides open within a 720-pixel screen."""
    from lasting_home_desktop.ui.guides_view import GuidesWindow
    from lasting_home_desktop.ui.worker.audit_view import AuditView
    from lasting_home_desktop.ui.worker.batch_dialog import BatchDialog

    parent = _scaled_parent(qtbot, store, today)
    _dialog_fits(qtbot, BatchDialog(store, today, RecordedMessages(), parent), parent)
    audit = AuditView(store.audit, RecordedMessages(), lambda child_id: "", parent=parent)
    _dialog_fits(qtbot, audit, parent)
    guides = GuidesWindow(RecordedMessages(), speech_engine="mock", parent=parent)
    place(guides, screen(SCALED))  # a window of its own: it opens where it is put
    _dialog_fits(qtbot, guides, parent)
    guides.close()


@pytest.mark.parametrize("size", [LAPTOP, SCALED])
def test_agendas_team_chart_and_this_week_fit(qtbot, store, today, size):
    """The panel agendas, the team chart and "This week" show every word on both screens."""
    add_example_children(store, today, count=24)
    window = _window(qtbot, store, today, size)
    assert cut_off(window) == []  # the caseload with "This week" beside it
    window.show_panel_agendas()
    settle(window)
    assert cut_off(window) == []
    window.show_team_chart()
    settle(window)
    assert cut_off(window) == [] and outside(window, screen(size)) == ""
