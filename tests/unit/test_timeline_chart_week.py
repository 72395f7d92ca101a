"""The pictures' models and "this week": the timeline's windows, the team chart's bars and
stage counts, and what is due in the next seven days."""

import datetime as dt

from lasting_home_desktop.domain.child import ChildRecord
from lasting_home_desktop.domain.child_status import child_statuses
from lasting_home_desktop.domain.journey import Decision, DecisionRoute, JourneyDates
from lasting_home_desktop.domain.team_chart import BarTone, team_chart
from lasting_home_desktop.domain.this_week import DueKind, due_this_week
from lasting_home_desktop.domain.timeline import journey_timeline

TODAY = dt.date(2026, 11, 22)
DAY = dt.timedelta(days=1)


def _child(name="Ola", route=DecisionRoute.COMMITMENT_VISIT, archived=False, **dates):
    return ChildRecord(name, "Nowak", route=route, archived=archived, journey=JourneyDates(**dates))


def test_timeline_marks_the_14_day_window_late_and_the_28_day_window_met():
    """Decision 20 days after the recommendation: 6 days late; visit 10 days after: met."""
    child = _child(
        matching_meeting=dt.date(2026, 9, 1),
        recommendation_sent=dt.date(2026, 9, 3),
        decision=Decision.AGREED,
        decision_date=dt.date(2026, 9, 23),
        visit=dt.date(2026, 10, 3),
        celebration=dt.date(2026, 12, 5),
    )
    line = journey_timeline(child, TODAY)
    assert [step.label for step in line.steps] == [
        "Matching meeting",
        "Recommendation sent",
        "Decision: Agreed (ratified)",
        "Commitment visit",
        "Celebration",
    ]
    assert [gap.days for gap in line.gaps] == [2, 20, 10, 63]
    assert line.steps[-1].planned and not line.steps[0].planned
    decision, visit = line.windows
    assert decision.verdict(TODAY) == "6 days late" and decision.late(TODAY)
    assert visit.verdict(TODAY) == "Met: 10 days" and not visit.late(TODAY)
    assert line.first_day == dt.date(2026, 9, 1) and line.last_day == dt.date(2026, 12, 5)


def test_timeline_counts_down_a_window_still_open_and_skips_them_on_the_panel_route():
    """With the Head of Service for 10 days: "4 days left". The panel route has no windows."""
    waiting = _child(matching_meeting=TODAY - 12 * DAY, recommendation_sent=TODAY - 10 * DAY)
    [window] = journey_timeline(waiting, TODAY).windows
    assert window.verdict(TODAY) == "4 days left"
    panel = _child(route=DecisionRoute.PANEL, matching_meeting=TODAY - 30 * DAY, visit=TODAY)
    line = journey_timeline(panel, TODAY)
    assert line.windows == () and [s.label for s in line.steps][-1] == "Lasting Home Panel"
    assert journey_timeline(_child(), TODAY).is_empty


def test_team_chart_bars_are_this_years_children_against_the_targets():
    """Reached within 42 days is green, over is red; still waiting is pale; last year's and
    archived children are left out; stages are counted by their words on each route."""
    children = [
        _child(
            "Quick",
            matching_meeting=dt.date(2026, 3, 1),
            visit=dt.date(2026, 3, 30),
            recommendation_sent=dt.date(2026, 3, 2),
            decision=Decision.AGREED,
            decision_date=dt.date(2026, 3, 10),
        ),
        _child(
            "Slow",
            matching_meeting=dt.date(2026, 3, 1),
            visit=dt.date(2026, 5, 1),
            recommendation_sent=dt.date(2026, 3, 2),
            decision=Decision.AGREED,
            decision_date=dt.date(2026, 3, 10),
        ),
        _child("Waiting", matching_meeting=TODAY - 50 * DAY, recommendation_sent=TODAY - 49 * DAY),
        _child("Old", matching_meeting=dt.date(2025, 6, 1)),
        _child("Gone", archived=True, matching_meeting=TODAY - 5 * DAY),
        _child(
            "Panel",
            route=DecisionRoute.PANEL,
            matching_meeting=TODAY - 9 * DAY,
            visit=TODAY + 9 * DAY,
        ),
        _child("Ready"),
    ]
    chart = team_chart(child_statuses(children, TODAY), TODAY)
    bars = {bar.name.split()[0]: bar for bar in chart.bars}
    assert set(bars) == {"Quick", "Slow", "Waiting", "Panel"}
    assert bars["Quick"].days == 29 and bars["Quick"].tone(42) is BarTone.WITHIN
    assert bars["Slow"].days == 61 and bars["Slow"].tone(42) is BarTone.OVER
    assert bars["Waiting"].tone(42) is BarTone.WAITING_OVER
    assert bars["Panel"].tone(42) is BarTone.WAITING
    assert [bar.name.split()[0] for bar in chart.bars][0] == "Slow"  # longest first
    counts = {stage.label: stage.count for stage in chart.stages}
    assert counts == {
        "Getting ready": 1,
        "Matching meeting held: recommendation to send": 1,
        "With the Head of Service": 1,
        "Booked on a panel": 1,
        "Visit done: celebration to come": 2,
    }
    assert "2 reached their visit or panel; 2 took or are taking longer than 42 days" in (
        chart.summary
    )


def test_this_week_lists_due_and_late_but_not_what_has_already_happened():
    """A decision due in 3 days and one 4 days late are listed; a visit last week is not; an
    archived child never is."""
    children = [
        _child("Due", matching_meeting=TODAY - 15 * DAY, recommendation_sent=TODAY - 11 * DAY),
        _child("Late", matching_meeting=TODAY - 30 * DAY, recommendation_sent=TODAY - 18 * DAY),
        _child("Far", matching_meeting=TODAY - 5 * DAY, recommendation_sent=TODAY - 1 * DAY),
        _child(
            "Visited",
            matching_meeting=TODAY - 60 * DAY,
            recommendation_sent=TODAY - 55 * DAY,
            decision=Decision.AGREED,
            decision_date=TODAY - 45 * DAY,
            visit=TODAY - 7 * DAY,
        ),
        _child(
            "Hidden",
            archived=True,
            matching_meeting=TODAY - 20 * DAY,
            recommendation_sent=TODAY - 12 * DAY,
        ),
    ]
    due = due_this_week(child_statuses(children, TODAY), TODAY)
    assert [(item.child_name.split()[0], item.kind, item.late) for item in due] == [
        ("Late", DueKind.DECISION, True),
        ("Due", DueKind.DECISION, False),
    ]
    assert due[0].when(TODAY) == "4 days late (18 November)"
    assert due[1].when(TODAY) == "Wednesday 25 November"


def test_labels_of_close_dates_go_on_separate_levels():
    """Three steps days apart never print over each other; far apart they share a level."""
    from lasting_home_desktop.domain.timeline import label_levels

    assert label_levels([(0, 100), (40, 140), (90, 190)]) == [0, 1, 2]
    assert label_levels([(0, 100), (40, 140), (150, 250)]) == [0, 1, 0]
    assert label_levels([]) == []
