"""Journey stages and the flags a Team Manager must see, derived from the dates alone."""

import datetime as dt

import pytest

from lasting_home_desktop.domain.child import ChildRecord, DecisionRoute, RecordProblem
from lasting_home_desktop.domain.journey import (
    Decision,
    Flag,
    JourneyDates,
    JourneySettings,
    Stage,
    journey_status,
)

CV = DecisionRoute.COMMITMENT_VISIT
PANEL = DecisionRoute.PANEL
TODAY = dt.date(2026, 11, 22)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def agreed(decided: dt.date, **more) -> JourneyDates:
    return JourneyDates(
        matching_meeting=decided - dt.timedelta(days=20),
        recommendation_sent=decided - dt.timedelta(days=10),
        decision=Decision.AGREED,
        decision_date=decided,
        **more,
    )


@pytest.mark.parametrize(
    ("dates", "route", "stage"),
    [
        (JourneyDates(), CV, Stage.GETTING_READY),
        (JourneyDates(matching_meeting=TODAY + dt.timedelta(days=3)), CV, Stage.MATCHING_BOOKED),
        (JourneyDates(matching_meeting=TODAY), CV, Stage.MATCHING_HELD),
        (
            JourneyDates(matching_meeting=days_ago(9), recommendation_sent=days_ago(2)),
            CV,
            Stage.WITH_HEAD_OF_SERVICE,
        ),
        (agreed(days_ago(3)), CV, Stage.AGREED_VISIT_TO_BOOK),
        (agreed(days_ago(3), visit=TODAY + dt.timedelta(days=4)), CV, Stage.VISIT_BOOKED),
        (agreed(days_ago(9), visit=days_ago(1)), CV, Stage.VISIT_DONE),
        (agreed(days_ago(30), visit=days_ago(20), celebration=days_ago(2)), CV, Stage.CELEBRATED),
        (
            JourneyDates(decision=Decision.DEFERRED, decision_date=days_ago(4)),
            CV,
            Stage.DEFERRED,
        ),
        (
            JourneyDates(decision=Decision.NOT_AGREED, decision_date=days_ago(4)),
            CV,
            Stage.NOT_AGREED,
        ),
        (
            JourneyDates(matching_meeting=days_ago(30), visit=TODAY + dt.timedelta(1)),
            PANEL,
            Stage.VISIT_BOOKED,
        ),
        # The panel has sat but its decision is not recorded: nobody may assume a yes.
        (
            JourneyDates(matching_meeting=days_ago(30), visit=days_ago(1)),
            PANEL,
            Stage.OUTCOME_TO_RECORD,
        ),
        (
            JourneyDates(
                matching_meeting=days_ago(30),
                visit=days_ago(1),
                decision=Decision.AGREED,
                decision_date=days_ago(1),
            ),
            PANEL,
            Stage.VISIT_DONE,
        ),
        (
            JourneyDates(
                matching_meeting=days_ago(60), visit=days_ago(20), celebration=days_ago(2)
            ),
            PANEL,
            Stage.OUTCOME_TO_RECORD,
        ),
        (
            JourneyDates(visit=days_ago(5), decision=Decision.DEFERRED, decision_date=days_ago(5)),
            PANEL,
            Stage.DEFERRED,
        ),
    ],
)
def test_the_stage_follows_from_the_dates(dates, route, stage):
    """Each combination of dates puts the child at the stage a worker would expect."""
    assert journey_status(dates, route, TODAY).stage is stage


def test_head_of_service_is_overdue_after_fourteen_days():
    """Day 14 after sending is still in time; day 15 shows 'Head of Service decision overdue'."""
    on_time = JourneyDates(matching_meeting=days_ago(20), recommendation_sent=days_ago(14))
    late = JourneyDates(matching_meeting=days_ago(20), recommendation_sent=days_ago(15))
    assert journey_status(on_time, CV, TODAY).flags == ()
    status = journey_status(late, CV, TODAY)
    assert status.flags == (Flag.HEAD_OF_SERVICE_OVERDUE,)
    assert status.flag_text == "Head of Service decision overdue"
    assert status.days_waiting == 15
    assert "21 November 2026" in status.next_step


def test_head_of_service_due_date_crosses_month_and_year_ends():
    """Sent on 24 December, the decision is due on 7 January next year."""
    sent = JourneyDates(recommendation_sent=dt.date(2026, 12, 24))
    assert sent.head_of_service_due == dt.date(2027, 1, 7)
    leap = JourneyDates(recommendation_sent=dt.date(2028, 2, 20))
    assert leap.head_of_service_due == dt.date(2028, 3, 5)


def test_avoid_delay_after_the_chosen_number_of_days():
    """With no visit booked, 'avoid delay' shows once more days pass than the setting allows."""
    settings = JourneySettings(avoid_delay_days=10)
    assert journey_status(agreed(days_ago(10)), CV, TODAY, settings).flags == ()
    assert journey_status(agreed(days_ago(11)), CV, TODAY, settings).flags == (Flag.AVOID_DELAY,)
    booked = agreed(days_ago(40), visit=TODAY + dt.timedelta(days=2))
    assert journey_status(booked, CV, TODAY, settings).flags == ()


def test_finished_journeys_do_not_count_days_waiting():
    """A celebrated or not-agreed journey shows no days waiting."""
    done = agreed(days_ago(60), visit=days_ago(40), celebration=days_ago(30))
    assert journey_status(done, CV, TODAY).days_waiting is None
    refused = JourneyDates(decision=Decision.NOT_AGREED, decision_date=days_ago(3))
    assert journey_status(refused, CV, TODAY).days_waiting is None


def test_dates_in_the_wrong_order_are_explained(today):
    """A visit before the matching meeting is refused, naming both dates in words."""
    child = ChildRecord(
        first_name="Ola",
        last_name="Nowak",
        journey=JourneyDates(matching_meeting=dt.date(2026, 11, 10), visit=dt.date(2026, 11, 1)),
    )
    with pytest.raises(RecordProblem) as caught:
        child.validated(today)
    assert caught.value.problems == [
        "The commitment visit (1 November 2026) is before the matching meeting "
        "(10 November 2026). Please check the dates."
    ]


def test_a_decision_needs_its_date_and_a_date_needs_its_decision():
    """Choosing 'Agreed' without a date, or a date without a decision, is pointed out."""
    assert JourneyDates(decision=Decision.AGREED).problems(CV) == [
        "Please give the date of the decision."
    ]
    assert JourneyDates(decision_date=TODAY).problems(CV) == [
        "There is a decision date but no decision. Please choose the decision."
    ]


def test_missing_dates_are_not_problems():
    """Only some dates known (a celebration with nothing before it) is allowed."""
    assert JourneyDates(celebration=TODAY).problems(CV) == []
    assert JourneyDates().problems(PANEL) == []


def test_panel_labels_speak_of_the_panel():
    """On the panel route, a booked child shows 'Booked on a panel', not a visit."""
    assert Stage.VISIT_BOOKED.label(PANEL) == "Booked on a panel"
    assert Stage.VISIT_BOOKED.label(CV) == "Commitment visit booked"
