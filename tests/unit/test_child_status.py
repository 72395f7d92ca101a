"""One child's status: the stage, the flags and the reason for each in plain words."""

import datetime as dt

import pytest

from lasting_home_desktop.domain.child import ChildRecord, DecisionRoute
from lasting_home_desktop.domain.child_status import (
    StatusFacts,
    Worry,
    child_status,
    worry_from_voice,
)
from lasting_home_desktop.domain.child_voice import ChildVoice
from lasting_home_desktop.domain.journey import Decision, Flag, JourneyDates, Stage

TODAY = dt.date(2026, 11, 22)


def child(route=DecisionRoute.COMMITMENT_VISIT, added_on=None, **dates) -> ChildRecord:
    return ChildRecord(
        "Zofia", "Wiśniewska", route=route, added_on=added_on, journey=JourneyDates(**dates)
    )


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@pytest.mark.parametrize(
    ("record", "facts", "reason"),
    [
        (
            child(matching_meeting=days_ago(30), recommendation_sent=days_ago(20)),
            StatusFacts(),
            "Head of Service decision 6 days overdue",
        ),
        (
            child(
                matching_meeting=days_ago(70),
                recommendation_sent=days_ago(60),
                decision=Decision.AGREED,
                decision_date=days_ago(40),
            ),
            StatusFacts(),
            "Agreed 40 days ago, no visit booked",
        ),
        (
            child(),
            StatusFacts(worry=Worry("worried", dt.date(2026, 11, 12))),
            "Said they feel worried on 12 November: talk with them",
        ),
        (
            child(
                matching_meeting=days_ago(80),
                recommendation_sent=days_ago(70),
                decision=Decision.DEFERRED,
                decision_date=days_ago(35),
            ),
            StatusFacts(),
            "Deferred 35 days ago: review",
        ),
        (child(added_on=days_ago(120)), StatusFacts(), "Getting ready for 120 days"),
        (
            child(DecisionRoute.PANEL, matching_meeting=days_ago(60), visit=days_ago(1)),
            StatusFacts(),
            "Panel met 1 day ago: record its decision",
        ),
    ],
)
def test_each_reason_is_in_plain_words(record, facts, reason):
    """The tracker's reason column says what is wrong and for how long."""
    status = child_status(record, TODAY, facts=facts)
    assert status.reason_text == reason
    assert status.needs_attention


def test_getting_ready_counts_days_from_joining_the_caseload():
    """A child added 30 days ago has waited 30 days; not flagged until past 90."""
    status = child_status(child(added_on=days_ago(30)), TODAY)
    assert status.stage is Stage.GETTING_READY
    assert status.days_waiting == 30
    assert not status.needs_attention
    assert child_status(child(added_on=days_ago(90)), TODAY).flags == ()
    assert child_status(child(added_on=days_ago(91)), TODAY).flags == (Flag.GETTING_READY_TOO_LONG,)


def test_deferred_is_flagged_only_after_28_days():
    """A decision deferred 28 days ago is not yet flagged; 29 days is."""
    for ago, flagged in ((28, False), (29, True)):
        record = child(
            matching_meeting=days_ago(60),
            recommendation_sent=days_ago(50),
            decision=Decision.DEFERRED,
            decision_date=days_ago(ago),
        )
        assert child_status(record, TODAY).needs_attention is flagged


def test_several_reasons_are_listed_most_urgent_first_and_never_twice():
    """A worried child whose decision is overdue shows both, the worry first."""
    record = child(matching_meeting=days_ago(30), recommendation_sent=days_ago(16))
    status = child_status(record, TODAY, facts=StatusFacts(worry=Worry("scared", None)))
    assert status.flags == (Flag.CHILD_WORRIED, Flag.HEAD_OF_SERVICE_OVERDUE)
    assert status.reason_text == (
        "Said they feel scared: talk with them; Head of Service decision 2 days overdue"
    )


def test_an_archived_child_is_never_flagged():
    """Archived children leave the flags."""
    record = child(matching_meeting=days_ago(30), recommendation_sent=days_ago(20))
    archived = record.with_changes(archived=True)
    assert child_status(archived, TODAY, facts=StatusFacts(worry=Worry("sad"))).reasons == ()


def test_flagged_children_sort_before_longer_waits():
    """Urgency puts any child who needs attention above one who has only waited long."""
    flagged = child_status(
        child(matching_meeting=days_ago(30), recommendation_sent=days_ago(15)), TODAY
    )
    waiting = child_status(child(matching_meeting=days_ago(300)), TODAY)
    assert waiting.days_waiting == 300 and flagged.urgency > waiting.urgency


def test_worry_comes_from_the_face_the_child_chose():
    """Worried, sad and scared raise the flag with the child's own word; happy does not."""
    worried = worry_from_voice(ChildVoice().with_feeling("worried", "", dt.date(2026, 11, 12)))
    assert worried == Worry("worried", dt.date(2026, 11, 12))
    assert worry_from_voice(ChildVoice().with_feeling("happy", "", TODAY)) is None
    assert worry_from_voice(ChildVoice()) is None


def test_a_worry_from_last_year_names_the_year():
    """Dates far from today carry their year, so an old worry is not mistaken for a new one."""
    facts = StatusFacts(worry=Worry("sad", dt.date(2025, 12, 1)))
    assert "on 1 December 2025" in child_status(child(), TODAY, facts=facts).reason_text
