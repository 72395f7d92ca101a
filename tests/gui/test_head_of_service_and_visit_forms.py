"""The Head of Service form and the commitment visit form."""

import datetime as dt

import pytest
from adult_forms_support import Page, make_child

from lasting_home_desktop.domain.child import DecisionRoute
from lasting_home_desktop.domain.child_voice import ChildVoice
from lasting_home_desktop.domain.journey import Decision, Flag, Stage, journey_status
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords
from lasting_home_desktop.ui.worker.commitment_visit_form import CommitmentVisitForm
from lasting_home_desktop.ui.worker.head_of_service_form import HeadOfServiceForm

HELD = {"matching_meeting": dt.date(2026, 10, 20)}


def _status(page):
    child = page.store.child(page.child.id)
    return journey_status(child.journey, child.route, page.today)


def test_due_date_shown_and_overdue_flag_in_tracker(qtbot, data_dir, today):
    """Sent 1 November: due 15 November, shown as overdue; the journey flags it."""
    page = Page(data_dir, today, make_child(**HELD))
    form = HeadOfServiceForm(page.context())
    qtbot.addWidget(form)
    form.sent.setText("01/11/2026")
    assert form.due.text() == "15 November 2026 (two weeks after 1 November 2026): overdue"
    assert form.save(), page.problems()
    status = _status(page)
    assert status.stage is Stage.WITH_HEAD_OF_SERVICE
    assert Flag.HEAD_OF_SERVICE_OVERDUE in status.flags
    page.store.close()


def test_decision_saved_reloaded_and_moves_the_stage(qtbot, data_dir, today):
    """Agreed on 12 November: after a restart the form shows it and the stage is 'visit to book'."""
    page = Page(data_dir, today, make_child(**HELD))
    form = HeadOfServiceForm(page.context())
    qtbot.addWidget(form)
    form.sent.setText("01/11/2026")
    form.decision.setCurrentIndex(form.decision.findData(Decision.AGREED))
    form.decision_date.setText("12/11/2026")
    form.notes.setPlainText("Agreed — a lovely match. Dziękuję!")
    assert form.save(), page.problems()
    page.restart()
    again = HeadOfServiceForm(page.context())
    qtbot.addWidget(again)
    assert again.decision.currentData() is Decision.AGREED
    assert again.decision_date.text() == "12/11/2026"
    assert again.notes.toPlainText().endswith("Dziękuję!")
    assert _status(page).stage is Stage.AGREED_VISIT_TO_BOOK
    page.store.close()


def test_decision_without_date_or_in_future_is_refused(qtbot, data_dir, today):
    """Both problems are said; nothing changes on the child's record."""
    page = Page(data_dir, today, make_child(**HELD))
    form = HeadOfServiceForm(page.context())
    qtbot.addWidget(form)
    form.sent.setText("01/11/2026")
    form.decision.setCurrentIndex(form.decision.findData(Decision.AGREED))
    assert not form.save()
    assert "date of the decision" in page.problems()
    form.decision_date.setText("01/12/2026")
    assert not form.save()
    assert "in the future" in page.problems()
    assert page.store.child(page.child.id).journey.recommendation_sent is None
    page.store.close()


AGREED = {
    "matching_meeting": dt.date(2026, 10, 20),
    "recommendation_sent": dt.date(2026, 10, 22),
    "decision": Decision.AGREED,
    "decision_date": dt.date(2026, 11, 1),
}


def test_visit_saved_with_childs_choices_and_reloaded(qtbot, data_dir, today):
    """The child's place is offered, their people added as invited; all kept after a restart."""
    page = Page(data_dir, today, make_child(**AGREED))
    voice = (
        ChildVoice()
        .with_place("park", "", today)
        .with_person("iro", True, today)
        .with_added_person("Nana Ayesha", "person-family", today)
    )
    ChildVoiceRecords(page.store).save(page.child.id, voice)
    form = CommitmentVisitForm(page.context())
    qtbot.addWidget(form)
    assert form.place.text() == "At the park"
    assert form.child_place.text() == "The child chose: At the park"
    form.add_chosen.click()
    names = [texts[0] for texts, _ticks in form.attendees.rows()]
    assert names == ["My IRO (Independent Reviewing Officer)", "Nana Ayesha"]
    form.date.setText("20/11/2026")
    form.time.setText("16:30")
    form.outcome_told.setChecked(True)
    form.card_given.setChecked(True)
    form.certificate_given.setChecked(True)
    form.carers_file_note.setPlainText("Jo & Sam read their commitment <3")
    assert form.save(), page.problems()
    page.restart()
    again = CommitmentVisitForm(page.context())
    qtbot.addWidget(again)
    assert again.time.text() == "16:30"
    assert again.attendees.rows()[1] == (["Nana Ayesha"], [True, False, True])
    assert again.carers_file_note.toPlainText() == "Jo & Sam read their commitment <3"
    assert _status(page).stage is Stage.VISIT_DONE
    page.store.close()


def test_visit_refuses_future_card_and_missing_decision(qtbot, data_dir, today):
    """A card cannot be given at a visit next week; no visit before the decision."""
    page = Page(data_dir, today, make_child(**AGREED))
    form = CommitmentVisitForm(page.context())
    qtbot.addWidget(form)
    form.date.setText("01/12/2026")
    form.time.setText("half four")
    form.card_given.setChecked(True)
    assert not form.save()
    said = page.problems()
    assert "1 December 2026" in said and "'half four' is not a time we can read" in said
    page.store.close()
    other = Page(data_dir.parent / "other", today, make_child(**HELD))
    form = CommitmentVisitForm(other.context())
    qtbot.addWidget(form)
    form.date.setText("01/12/2026")
    assert not form.save()
    assert "Head of Service tab first" in other.problems()
    other.store.close()


def test_visit_tab_on_the_panel_route_says_so(qtbot, data_dir, today):
    """A panel-route child's visit tab explains and cannot be saved."""
    page = Page(data_dir, today, make_child(DecisionRoute.PANEL))
    form = CommitmentVisitForm(page.context())
    qtbot.addWidget(form)
    assert "Lasting Home Panel route" in form.route_note.text()
    assert not form.save_button.isEnabled()
    page.store.close()


@pytest.mark.parametrize("route", [DecisionRoute.PANEL])
def test_head_of_service_on_panel_route_keeps_the_panel_outcome_free(qtbot, data_dir, today, route):
    """On the panel route the approval is stored apart from the journey's panel outcome."""
    page = Page(data_dir, today, make_child(route, **HELD))
    form = HeadOfServiceForm(page.context())
    qtbot.addWidget(form)
    assert form.route_note.isVisibleTo(form)
    form.sent.setText("01/11/2026")
    form.decision.setCurrentIndex(form.decision.findData(Decision.AGREED))
    form.decision_date.setText("10/11/2026")
    assert form.save(), page.problems()
    journey = page.store.child(page.child.id).journey
    assert journey.recommendation_sent == dt.date(2026, 11, 1)
    assert journey.decision is None
    assert page.store.section("head_of_service", page.child.id)["approval_before_panel"] == "agreed"
    page.store.close()
