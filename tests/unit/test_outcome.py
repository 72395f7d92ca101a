"""A child is told the outcome only once it is decided: one rule, on both routes."""

import datetime as dt

import pytest

from lasting_home_desktop.domain.child import ChildRecord, DecisionRoute
from lasting_home_desktop.domain.journey import Decision, JourneyDates
from lasting_home_desktop.domain.outcome import (
    OutcomeNotDecided,
    outcome_check,
    require_outcome_decided,
)

DAY = dt.date(2026, 11, 6)


def child(route: DecisionRoute, **dates) -> ChildRecord:
    return ChildRecord("Maya", "Khan", route=route, journey=JourneyDates(**dates))


@pytest.mark.parametrize("route", list(DecisionRoute))
@pytest.mark.parametrize(
    ("dates", "decided", "reason_words"),
    [
        ({}, False, "not recorded yet"),
        ({"matching_meeting": DAY, "visit": DAY}, False, "not recorded yet"),
        ({"decision": Decision.AGREED, "decision_date": DAY}, True, ""),
        ({"decision": Decision.NOT_AGREED, "decision_date": DAY}, False, "not agreed"),
        ({"decision": Decision.DEFERRED, "decision_date": DAY}, False, "deferred"),
        ({"decision": Decision.AGREED}, False, "not recorded yet"),  # no date: not on record
    ],
)
def test_only_an_agreed_decision_on_record_may_be_told(route, dates, decided, reason_words):
    """Every decision on both routes: only 'agreed', with its date, lets the card be made."""
    check = outcome_check(child(route, **dates))
    assert check.decided is decided
    assert reason_words in check.reason
    if not decided:
        assert check.reason  # a reason is always given when the answer is no


def test_the_reason_names_who_has_not_decided():
    """The Team Manager is told whose decision is missing: the Head of Service's or the panel's."""
    visit_route = outcome_check(child(DecisionRoute.COMMITMENT_VISIT)).reason
    panel_route = outcome_check(child(DecisionRoute.PANEL, visit=DAY)).reason
    assert "Head of Service" in visit_route
    assert "Lasting Home Panel" in panel_route


def test_asking_for_a_card_before_the_decision_is_refused_kindly():
    """The card and certificate makers refuse, with words a worker can act on."""
    with pytest.raises(OutcomeNotDecided) as caught:
        require_outcome_decided(child(DecisionRoute.PANEL, visit=DAY))
    assert "Maya" in caught.value.kind_message and "decided" in caught.value.kind_message
