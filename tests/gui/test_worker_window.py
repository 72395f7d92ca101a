"""The worker window as a Team Manager uses it: first start, caseload, child's page, tracker."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from lasting_home_desktop.domain.child import ChildRecord, PeopleAroundChild
from lasting_home_desktop.domain.journey import Decision, JourneyDates
from lasting_home_desktop.domain.tracker import column_index
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.example_caseload import add_example_children
from lasting_home_desktop.ui.worker.child_form import ChildForm
from lasting_home_desktop.ui.worker.main_window import WorkerWindow

ATTENTION = column_index("Needs attention")
DAYS = column_index("Days waiting")


def make_window(qtbot, store, today, messages) -> WorkerWindow:
    window = WorkerWindow(store, today, messages, add_example_children)
    qtbot.addWidget(window)
    window.show()
    return window


def fill_form(form: ChildForm, **fields: str) -> None:
    for name, value in fields.items():
        getattr(form, name).setText(value)


def test_first_start_offers_example_children(qtbot, store, today, messages):
    """A new user sees both choices, and example children fill the caseload and tracker."""
    window = make_window(qtbot, store, today, messages)
    assert window.screens.currentWidget() is window.first_start
    qtbot.mouseClick(window.first_start.example_button, Qt.MouseButton.LeftButton)
    assert window.screens.currentWidget() is window.caseload_screen
    assert len(window.caseload_names()) == 12
    window.show_tracker()
    assert window.tracker.model.rowCount() == 12


def test_empty_start_is_remembered(qtbot, data_dir, today, messages):
    """Choosing an empty caseload is not asked again next time."""
    store = CaseloadStore.open(data_dir)
    window = make_window(qtbot, store, today, messages)
    qtbot.mouseClick(window.first_start.empty_button, Qt.MouseButton.LeftButton)
    assert window.caseload_names() == []
    window.close()
    store.close()
    store = CaseloadStore.open(data_dir)
    again = make_window(qtbot, store, today, messages)
    assert again.screens.currentWidget() is again.caseload_screen
    store.close()


def test_added_child_shows_in_caseload_page_and_tracker(qtbot, store, today, messages, monkeypatch):
    """A child added through the form appears in the list, on their page and in the tracker."""
    window = make_window(qtbot, store, today, messages)

    def fill_and_save(form: ChildForm) -> bool:
        fill_form(
            form,
            first_name="Zuzanna",
            preferred_name="Zuzia",
            last_name="Wójcik-Łęcka",
            date_of_birth="29/02/2016",
            carers="Jo and Sam",
            matching="01/11/2026",
            sent="03/11/2026",
        )
        return form.try_save()

    monkeypatch.setattr(ChildForm, "exec", fill_and_save)
    window.add_child()
    assert window.caseload_names() == ["Zuzanna (Zuzia) Wójcik-Łęcka"]
    page = window.child_page
    assert page is not None
    assert page.name.text() == "Zuzanna (Zuzia) Wójcik-Łęcka"
    assert page.stage.text() == "With the Head of Service"
    assert "17 November 2026" in page.next_step.text()
    assert page.flags.text() == "Head of Service decision 5 days overdue"
    window.show_tracker()
    rows = window.tracker.visible_rows()
    assert rows[0][0] == "Zuzanna (Zuzia) Wójcik-Łęcka"
    assert rows[0][ATTENTION] == "Head of Service decision 5 days overdue"


def test_form_keeps_what_was_typed_and_says_what_to_fix(qtbot, store, today):
    """Empty names, a bad date and a 10,000-character name are explained; nothing is lost."""
    form = ChildForm(today, lambda child: store.add_child(child, today))
    qtbot.addWidget(form)
    fill_form(form, first_name="", last_name="x" * 10_000, date_of_birth="31/02/2015")
    assert form.try_save() is False
    shown = form.problems.text()
    assert "Date of birth" in shown and "not a real date" in shown
    form.date_of_birth.setText("01/02/2015")
    assert form.try_save() is False
    shown = form.problems.text()
    assert "Please enter the child's first name." in shown
    assert "10,000 characters long" in shown
    assert form.last_name.text() == "x" * 10_000
    assert store.children() == []


def test_dates_in_the_wrong_order_are_refused_kindly(qtbot, store, today):
    """A visit before the decision gets a plain message naming both dates."""
    form = ChildForm(today, lambda child: store.add_child(child, today))
    qtbot.addWidget(form)
    fill_form(form, first_name="Ana", last_name="Popescu", decision_date="10/11/2026")
    form.decision.setCurrentIndex(form.decision.findData(Decision.AGREED))
    form.visit.setText("01/11/2026")
    assert form.try_save() is False
    assert "commitment visit (1 November 2026) is before the decision date" in form.problems.text()


def test_markup_in_a_name_shows_literally(qtbot, store, today, messages):
    """A name like <b>&amp; is shown exactly as typed, never as bold text."""
    child = store.add_child(ChildRecord("<b>&amp;", "O'Neill"), today)
    window = make_window(qtbot, store, today, messages)
    window.open_child(child.id)
    assert window.child_page.name.text() == "<b>&amp; O'Neill"
    assert window.child_page.name.textFormat() == Qt.TextFormat.PlainText
    assert window.caseload_names() == ["<b>&amp; O'Neill"]


def test_search_and_stage_filter(qtbot, store, today, messages):
    """Typing part of a name or picking a stage narrows the caseload."""
    add_example_children(store, today)
    window = make_window(qtbot, store, today, messages)
    first = store.children()[0]
    window.caseload.search.setText(first.last_name[:4].lower())
    assert all(first.last_name[:4].lower() in n.lower() for n in window.caseload_names())
    window.caseload.search.clear()
    index = window.caseload.stage_filter.findText("Needs attention (flagged)")
    window.caseload.stage_filter.setCurrentIndex(index)
    flagged = window.caseload_names()
    assert flagged and len(flagged) < 12


def test_archiving_removes_child_from_caseload_and_tracker(qtbot, store, today, messages):
    """An archived child leaves the list and the tracker but can be brought back."""
    keep = store.add_child(ChildRecord("Maya", "Singh"), today)
    leave = store.add_child(ChildRecord("Leo", "Brown"), today)
    window = make_window(qtbot, store, today, messages)
    window.set_archived(leave.id, True)
    assert messages.asked and "Archive Leo Brown?" in messages.asked[0][0]
    assert window.caseload_names() == ["Maya Singh"]
    window.show_tracker()
    assert [row[0] for row in window.tracker.visible_rows()] == ["Maya Singh"]
    window.set_archived(leave.id, False)
    assert keep.id and "Leo Brown" in window.caseload_names()


def test_tracker_sorts_and_exports_csv(qtbot, store, today, messages, tmp_path):
    """The tracker sorts by days waiting and exports a CSV Excel reads (UTF-8 with BOM)."""
    store.add_child(
        ChildRecord(
            "Łucja",
            "Nowak",
            people=PeopleAroundChild(social_worker="=cmd()"),
            journey=JourneyDates(matching_meeting=today - dt.timedelta(days=40)),
        ),
        today,
    )
    store.add_child(
        ChildRecord("Amir", "Shah", journey=JourneyDates(matching_meeting=today - dt.timedelta(5))),
        today,
    )
    window = make_window(qtbot, store, today, messages)
    window.tracker.choose_file = lambda parent, suggested: tmp_path / "tracker"
    window.show_tracker()
    window.tracker.table.sortByColumn(DAYS, Qt.SortOrder.DescendingOrder)
    assert [row[DAYS] for row in window.tracker.visible_rows()] == ["40", "5"]
    window.tracker.table.sortByColumn(DAYS, Qt.SortOrder.AscendingOrder)
    assert [row[DAYS] for row in window.tracker.visible_rows()] == ["5", "40"]
    saved = window.tracker.export_csv()
    assert saved == tmp_path / "tracker.csv"
    raw = saved.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "Łucja Nowak" in text and "'=cmd()" in text
    assert messages.told[-2][0] == "Tracker exported"
    assert messages.told[-1][0] == "Saved files are not protected"
    window.tracker.export_csv()
    assert messages.told[-1][0] == "Tracker exported"  # said once, not every time


def test_editing_dates_updates_stage_and_flags(qtbot, store, today, messages, monkeypatch):
    """Recording the decision moves the child on and raises 'avoid delay' when due."""
    child = store.add_child(
        ChildRecord("Ola", "Kowalska", journey=JourneyDates(matching_meeting=dt.date(2026, 9, 1))),
        today,
    )
    window = make_window(qtbot, store, today, messages)
    window.open_child(child.id)
    assert window.child_page.stage.text() == "Matching meeting held: recommendation to send"

    def record_decision(form: ChildForm) -> bool:
        form.sent.setText("05/09/2026")
        form.decision.setCurrentIndex(form.decision.findData(Decision.AGREED))
        form.decision_date.setText("15/09/2026")
        return form.try_save()

    monkeypatch.setattr(ChildForm, "exec", record_decision)
    window.edit_child(child.id)
    assert window.child_page.stage.text() == "Agreed: visit to book"
    assert window.child_page.flags.text() == "Agreed 68 days ago, no visit booked"


def test_flags_from_other_records_show_in_caseload_and_tracker(qtbot, store, today, messages):
    """The panel agenda to confirm (from the booking) and the child's worry (from together
    mode) show, in the same words, in the caseload, the tracker and the child's page."""
    from lasting_home_desktop.domain.child_voice import ChildVoice
    from lasting_home_desktop.domain.journey import DecisionRoute
    from lasting_home_desktop.domain.panel import PanelBooking
    from lasting_home_desktop.storage.adults import AdultRecords
    from lasting_home_desktop.storage.child_voice import ChildVoiceRecords

    panel = JourneyDates(matching_meeting=dt.date(2026, 10, 1), visit=dt.date(2026, 12, 10))
    child = store.add_child(
        ChildRecord("Aisha", "Begum", route=DecisionRoute.PANEL, journey=panel), today
    )
    AdultRecords(store).save(child.id, PanelBooking())
    ChildVoiceRecords(store).save(
        child.id, ChildVoice().with_feeling("scared", "", dt.date(2026, 11, 12))
    )
    window = make_window(qtbot, store, today, messages)
    worry = "Said they feel scared or unsure on 12 November: talk with them"
    agenda = "Panel agenda for 10 December overdue: confirm it"
    assert window.caseload.visible_status_lines() == [f"Booked on a panel\n{worry}; {agenda}"]
    assert window.caseload.count.text() == "1 child · 1 needs attention"
    window.show_tracker()
    assert window.tracker.visible_rows()[0][ATTENTION] == f"{worry}; {agenda}"
    window.open_child(child.id)
    assert window.child_page.flags.text() == agenda
    assert window.child_page.worry.text() == worry


def test_worry_from_together_mode_shows_on_the_child_page(qtbot, store, today, messages):
    """A child who chose 'worried' in together mode is flagged to the worker on their page."""
    from lasting_home_desktop.domain.child_voice import ChildVoice
    from lasting_home_desktop.storage.child_voice import ChildVoiceRecords

    child = store.add_child(ChildRecord("Ola", "Nowak"), today)
    window = make_window(qtbot, store, today, messages)
    window.open_child(child.id)
    assert not window.child_page.worry.isVisibleTo(window)
    ChildVoiceRecords(store).save(child.id, ChildVoice().with_feeling("worried", "", today))
    window.open_child(child.id)
    assert window.child_page.worry.isVisibleTo(window)
    assert window.child_page.worry.text() == "Said they feel worried on 22 November: talk with them"


def test_child_page_lists_every_part_and_builds_it_when_opened(qtbot, store, today, messages):
    """The parts of a record are listed down the side; each opens when chosen."""
    from lasting_home_desktop.ui.worker.sections import CHILD_SECTIONS

    child = store.add_child(ChildRecord("Maya", "Singh"), today)
    window = make_window(qtbot, store, today, messages)
    window.open_child(child.id)
    page = window.child_page
    assert page.section_titles == ["Profile and journey"] + [t for t, _ in CHILD_SECTIONS]
    assert "Matching meeting" in page.section_titles
    meeting = page.section("Matching meeting")
    assert page.section_stack.currentWidget() is meeting
    assert page.section_list.currentItem().text() == "Matching meeting"


def test_unsaved_typing_is_not_lost_when_choosing_another_child(qtbot, store, today, messages):
    """Choosing another child with unsaved changes asks first; 'Stay' keeps the typing."""
    first = store.add_child(ChildRecord("Maya", "Singh"), today)
    second = store.add_child(ChildRecord("Leo", "Brown"), today)
    window = make_window(qtbot, store, today, messages)
    window.open_child(first.id)
    meeting = window.child_page.section("Matching meeting")
    meeting.chair.setText("Priya Shah")
    assert window.child_page.unsaved_sections() == ["Matching meeting"]
    messages.choice = 2  # Stay
    assert window.show_child(second.id) is False
    assert window.child_page.child_id == first.id
    assert meeting.chair.text() == "Priya Shah"
    assert messages.asked[-1][0] == "Leave Maya's page with typing not saved?"
    assert window.caseload.selected_child_id() == first.id
    messages.choice = 1  # Leave, keeping it as a draft
    assert window.show_child(second.id) is True
    assert window.child_page.child_id == second.id
    assert store.drafts.get(first.id, "matching_meeting") is not None


def test_case_system_fields_are_typed_in_the_form_and_shown_on_the_page(
    qtbot, store, today, messages
):
    """A Team Manager records the LCS ID, legal status and placement start; the page shows them."""
    child = store.add_child(ChildRecord("Maya", "Khan"), today)
    window = make_window(qtbot, store, today, messages)
    form = ChildForm(today, lambda record: store.update_child(record, today), child, window)
    fill_form(form, case_id="LCS-88231", placement_start="07/05/2024")
    form.legal_status.setCurrentText("Accommodated (section 20)")
    assert form.try_save()
    saved = store.child(child.id)
    assert saved.case_id == "LCS-88231"
    assert saved.legal_status == "Accommodated (section 20)"
    assert saved.placement_start == dt.date(2024, 5, 7)
    window.open_child(child.id)
    shown = " ".join(label.text() for label in window.child_page.overview.findChildren(QLabel))
    assert "LCS-88231" in shown and "7 May 2024" in shown
