"""The matching meeting form."""

import datetime as dt

import pytest
from adult_forms_support import Page, make_child

from lasting_home_desktop.domain.child_voice import ChildVoice, WordsMark
from lasting_home_desktop.domain.matching_meeting import MatchingMeeting, Recommendation
from lasting_home_desktop.storage.adults import AdultRecords
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords
from lasting_home_desktop.ui.worker.matching_meeting_form import MatchingMeetingForm


@pytest.fixture
def page(data_dir, today):
    page = Page(data_dir, today, make_child())
    yield page
    page.store.close()


def _fill(form):
    form.date.setText("10/11/2026")
    form.chair.setText("Priya Shah")
    form.attendees.add_row(["Dr Amir Khan", "Paediatrician", "Health"])
    form.attendees.add_row(["Zofia Wiśniewska <b>&amp;", "Head teacher", "Education"])
    form.parents_invited.setChecked(True)
    form.birth_family_views.setPlainText("Mum is glad Ola is settled 😊")
    form.strengths.setPlainText("A warm, steady home. یہ گھر")
    form.contribution.setText("£150")
    form.recommendation.setCurrentIndex(form.recommendation.findData(Recommendation.PROGRESS))
    form.minutes_complete.setChecked(True)


def test_saves_and_reloads_after_restart(qtbot, page):
    """Everything typed is there after the app restarts, and the journey date is updated."""
    form = MatchingMeetingForm(page.context())
    qtbot.addWidget(form)
    _fill(form)
    assert form.save(), page.problems()
    assert page.changes == 1
    page.restart()
    again = MatchingMeetingForm(page.context())
    qtbot.addWidget(again)
    assert again.date.text() == "10/11/2026"
    assert again.contribution.text() == "£150"
    assert again.attendees.rows()[1][0] == [
        "Zofia Wiśniewska <b>&amp;",
        "Head teacher",
        "Education",
    ]
    assert again.birth_family_views.toPlainText() == "Mum is glad Ola is settled 😊"
    assert again.minutes_complete.isChecked()
    assert page.store.child(page.child.id).journey.matching_meeting == dt.date(2026, 11, 10)


def test_bad_input_is_explained_and_nothing_is_lost(qtbot, page):
    """A bad date, bad money, long text and defer-without-reasons are all told at once."""
    form = MatchingMeetingForm(page.context())
    qtbot.addWidget(form)
    form.date.setText("31/02/2026")
    form.contribution.setText("lots")
    form.concerns.setPlainText("x" * 10_001)
    form.recommendation.setCurrentIndex(form.recommendation.findData(Recommendation.DEFER))
    assert not form.save()
    said = page.problems()
    assert "not a real date" in said
    assert "for example £150" in said
    assert "10,001 characters" in said
    assert "give the reasons" in said
    assert form.concerns.toPlainText() == "x" * 10_001
    assert page.store.section("matching_meeting", page.child.id) is None
    assert page.changes == 0


def test_minutes_complete_refused_for_a_future_meeting(qtbot, page):
    """Minutes cannot be complete for a meeting that has not happened yet."""
    form = MatchingMeetingForm(page.context())
    qtbot.addWidget(form)
    _fill(form)
    form.date.setText("01/12/2026")
    assert not form.save()
    assert "a meeting that has taken place" in page.problems()


def test_dates_out_of_order_are_refused(qtbot, data_dir, today):
    """A meeting after the recommendation was sent is caught by the journey check."""
    page = Page(data_dir, today, make_child(recommendation_sent=dt.date(2026, 11, 1)))
    form = MatchingMeetingForm(page.context())
    qtbot.addWidget(form)
    _fill(form)
    assert not form.save()
    assert "Please check the dates" in page.problems()
    page.store.close()


def test_child_views_brought_in_with_one_click(qtbot, page):
    """The child's words from together mode appear in the box, ready to edit."""
    voice = ChildVoice().with_answer(
        "what_it_means", "It means I can stay with my dog Biscuit", WordsMark.OWN_WORDS, page.today
    )
    ChildVoiceRecords(page.store).save(page.child.id, voice)
    form = MatchingMeetingForm(page.context())
    qtbot.addWidget(form)
    form.bring_views.click()
    assert "stay with my dog Biscuit" in form.child_views.toPlainText()
    form.child_views.setPlainText(form.child_views.toPlainText() + "\nWorker: said with a smile.")
    _fill(form)
    assert form.save(), page.problems()
    saved = AdultRecords(page.store).load(MatchingMeeting, page.child.id)
    assert saved.child_views.endswith("said with a smile.")


def test_no_child_views_yet_is_said_kindly(qtbot, page):
    """With nothing from the child, the worker is told so and the box stays as it was."""
    form = MatchingMeetingForm(page.context())
    qtbot.addWidget(form)
    form.bring_views.click()
    assert page.messages.told[-1][0] == "Nothing from the child yet"
    assert form.child_views.toPlainText() == ""


def test_partner_contributions_shown_together_in_the_meeting(qtbot, page):
    """Partners' answers appear in the matching meeting form, under each question."""
    from lasting_home_desktop.domain.partner_contributions import (
        PartnerContribution,
        PartnerContributions,
    )

    partner = PartnerContribution("Ewa Nowicka", "Nurse", "Health", ("Every appointment kept.",))
    AdultRecords(page.store).save(page.child.id, PartnerContributions((partner.cleaned(),)))
    form = MatchingMeetingForm(page.context())
    qtbot.addWidget(form)
    assert form.partners_note.text().startswith("1 received")
    assert "Ewa Nowicka (Nurse, Health): Every appointment kept." in (
        form.partners_together.toPlainText()
    )


def test_unsaved_changes_are_noticed(qtbot, page):
    """Typing marks the form as changed; saving clears it."""
    form = MatchingMeetingForm(page.context())
    qtbot.addWidget(form)
    assert not form.has_unsaved_changes()
    form.strengths.setPlainText("Settled at school.")
    assert form.has_unsaved_changes()
    assert form.save(), page.problems()
    assert not form.has_unsaved_changes()
