"""The panel booking form and the Panel Administrator's dates."""

import datetime as dt
from dataclasses import replace

import pytest
from adult_forms_support import Page, make_child
from PySide6.QtWidgets import QCheckBox

from lasting_home_desktop.domain.child import DecisionRoute
from lasting_home_desktop.domain.journey import Decision, Stage, journey_status
from lasting_home_desktop.domain.matching_meeting import MatchingMeeting, Recommendation
from lasting_home_desktop.domain.panel import Participation
from lasting_home_desktop.domain.tracker import tracker_rows
from lasting_home_desktop.storage.adults import AdultRecords
from lasting_home_desktop.storage.status_facts import status_facts
from lasting_home_desktop.ui.worker.panel_dates_editor import PanelDatesEditor
from lasting_home_desktop.ui.worker.panel_form import PanelForm

PANELS = (dt.date(2026, 11, 12), dt.date(2026, 12, 10), dt.date(2027, 1, 14))


@pytest.fixture
def page(data_dir, today):
    page = Page(
        data_dir, today, make_child(DecisionRoute.PANEL, matching_meeting=dt.date(2026, 10, 20))
    )
    AdultRecords(page.store).save_panel_dates(PANELS)
    yield page
    page.store.close()


def _minutes_complete(page):
    meeting = MatchingMeeting(
        chair="Priya Shah", recommendation=Recommendation.PROGRESS, minutes_complete=True
    )
    AdultRecords(page.store).save(page.child.id, meeting)


def _choose(form, day):
    form.choose_panel_date(day)


def test_only_future_panel_dates_are_offered(qtbot, page):
    """The panel that already met (12 November) is not offered."""
    form = PanelForm(page.context())
    qtbot.addWidget(form)
    offered = [form.panel_date.itemText(i) for i in range(form.panel_date.count())]
    assert offered == ["Not booked yet", "10 December 2026", "14 January 2027"]


def test_booking_refused_until_minutes_complete(qtbot, page):
    """The form says why it refuses, and books once the minutes are complete."""
    form = PanelForm(page.context())
    qtbot.addWidget(form)
    assert "cannot be booked" in form.minutes_note.text()
    _choose(form, dt.date(2027, 1, 14))
    assert not form.save()
    assert "minutes are not complete" in page.problems()
    assert page.store.child(page.child.id).journey.visit is None
    _minutes_complete(page)
    form.reload()
    _choose(form, dt.date(2027, 1, 14))
    assert form.save(), page.problems()
    child = page.store.child(page.child.id)
    assert child.journey.visit == dt.date(2027, 1, 14)
    assert journey_status(child.journey, child.route, page.today).stage is Stage.VISIT_BOOKED


def test_agenda_flag_shown_and_in_tracker(qtbot, page):
    """Panel on 10 December: confirm-by 10 November has passed, so the form and tracker flag it;
    ticking 'agenda confirmed' clears it."""
    _minutes_complete(page)
    form = PanelForm(page.context())
    qtbot.addWidget(form)
    _choose(form, dt.date(2026, 12, 10))
    assert form.save(), page.problems()
    assert form.agenda_due.text() == "Tuesday 10 November 2026: the agenda is now due"
    facts = status_facts(page.store)
    [row] = tracker_rows(page.store.children(), page.today, facts=facts)
    assert row.reason_text == "Panel agenda for 10 December overdue: confirm it"
    form.agenda_confirmed.setChecked(True)
    assert form.save(), page.problems()
    [row] = tracker_rows(page.store.children(), page.today, facts=status_facts(page.store))
    assert row.flags == ()


def test_after_school_slot_and_outcome_rules(qtbot, page):
    """A morning slot for a child who comes is refused; an outcome before the panel too."""
    _minutes_complete(page)
    form = PanelForm(page.context())
    qtbot.addWidget(form)
    _choose(form, dt.date(2027, 1, 14))
    form.child_attends.setChecked(True)
    form.time_slot.setText("10:00")
    form.outcome.setCurrentIndex(form.outcome.findData(Decision.AGREED))
    assert not form.save()
    said = page.problems()
    assert "after-school slot (from 15:30)" in said
    assert "once the panel has met" in said


def test_saved_booking_reloads_after_restart(qtbot, page):
    """Slot, ways of taking part, chair and notes come back after a restart."""
    _minutes_complete(page)
    form = PanelForm(page.context())
    qtbot.addWidget(form)
    _choose(form, dt.date(2027, 1, 14))
    form.time_slot.setText("4.30pm")
    form.ways[Participation.IN_PERSON].setChecked(True)
    form.ways[Participation.DRAWING].setChecked(True)
    form.chair.setText("Mrs Łucja Ahmed")
    form.notes.setPlainText("<b>&amp; room 2")
    assert form.save(), page.problems()
    page.restart()
    again = PanelForm(page.context())
    qtbot.addWidget(again)
    assert again.chosen_panel_date() == dt.date(2027, 1, 14)
    assert again.time_slot.text() == "16:30"
    assert again.child_attends.isChecked() and again.ways[Participation.IN_PERSON].isChecked()
    assert again.ways[Participation.DRAWING].isChecked()
    assert not again.ways[Participation.LETTER].isChecked()
    assert again.chair.text() == "Mrs Łucja Ahmed"
    assert again.notes.toPlainText() == "<b>&amp; room 2"


def test_panel_administrator_edits_dates_from_the_form(qtbot, page):
    """Dates typed in the editor are checked, saved and offered in the form."""
    seen = []

    def fill_and_save(editor: PanelDatesEditor) -> int:
        seen.append(editor.dates.toPlainText())
        editor.dates.setPlainText("10/12/2026\n31/02/2027")
        assert not editor.save()
        editor.dates.setPlainText("10/12/2026\n11/02/2027")
        assert editor.save()
        return editor.result()

    form = PanelForm(page.context(), open_dates_editor=fill_and_save)
    qtbot.addWidget(form)
    form.edit_dates.click()
    assert seen == ["12/11/2026\n10/12/2026\n14/01/2027"]
    assert "Line 2" in page.problems()
    offered = [form.panel_date.itemData(i) for i in range(1, form.panel_date.count())]
    assert offered == ["2026-12-10", "2027-02-11"]


def test_monthly_suggestion_fills_a_year(qtbot, page):
    """'Add the next 12 monthly dates' follows the last panel's weekday: second Thursdays."""
    editor = PanelDatesEditor(AdultRecords(page.store), page.today, page.messages)
    qtbot.addWidget(editor)
    editor.add_monthly()
    lines = editor.dates.toPlainText().splitlines()
    assert len(lines) == 15
    assert lines[3:6] == ["11/02/2027", "11/03/2027", "08/04/2027"]
    assert lines[-1] == "13/01/2028"


def test_panel_tab_on_visit_route_says_so(qtbot, data_dir, today):
    """A commitment-visit child's panel tab explains and cannot be saved."""
    page = Page(data_dir, today, make_child())
    form = PanelForm(page.context())
    qtbot.addWidget(form)
    assert "commitment-visit route" in form.route_note.text()
    assert not form.save_button.isEnabled()
    page.store.close()


def test_coming_in_person_is_one_box(qtbot, page):
    """The form has one "coming in person" box: it is a way of taking part and asks for an
    after-school slot, so the two can never disagree."""
    form = PanelForm(page.context())
    qtbot.addWidget(form)
    boxes = [box.text() for box in form.body.findChildren(QCheckBox) if "in person" in box.text()]
    assert boxes == ["Coming in person (after school, from 15:30)"]
    assert form.child_attends is form.ways[Participation.IN_PERSON]
    form.child_attends.setChecked(True)
    assert form.slot_note.text() == "Coming in person: after school, from 15:30"


def test_monthly_suggestions_skip_bank_holidays_in_the_editor(qtbot, page):
    """From a fifth Monday, the suggested dates move off Boxing Day (observed) and the May and
    August bank holidays."""
    AdultRecords(page.store).save_panel_dates([dt.date(2026, 11, 30)])
    editor = PanelDatesEditor(AdultRecords(page.store), page.today, page.messages)
    qtbot.addWidget(editor)
    editor.add_monthly()
    lines = editor.dates.toPlainText().splitlines()
    assert "28/12/2026" not in lines and "31/05/2027" not in lines and "30/08/2027" not in lines
    assert "29/12/2026" in lines and "01/06/2027" in lines and "31/08/2027" in lines
    assert editor.save()


def test_a_panel_a_team_child_is_booked_on_can_be_chosen_without_the_dates_list(
    qtbot, data_dir, today
):
    """In a team, a social worker's laptop may not keep the Panel Administrator's list of
    dates; a panel another child is already booked on (their record came through the team
    folder) is offered, and a booking on it is accepted."""
    page = Page(data_dir, today, make_child(DecisionRoute.PANEL, matching_meeting=today))
    try:
        booked = make_child(
            DecisionRoute.PANEL, matching_meeting=dt.date(2026, 10, 1), visit=dt.date(2027, 2, 11)
        )
        page.store.add_child(replace(booked, first_name="Kacper", id="0123456789ab"), today)
        _minutes_complete(page)
        form = PanelForm(page.context())
        qtbot.addWidget(form)
        offered = [form.panel_date.itemText(i) for i in range(form.panel_date.count())]
        assert offered == ["Not booked yet", "11 February 2027"]
        _choose(form, dt.date(2027, 2, 11))
        assert form.save(), page.problems()
        assert page.store.child(page.child.id).journey.visit == dt.date(2027, 2, 11)
    finally:
        page.store.close()
