"""Finding children: one filter for the caseload and the tracker, and counts in good English."""

import datetime as dt

from lasting_home_desktop.domain.caseload_filter import (
    CaseloadFilter,
    people_to_choose,
    showing_text,
)
from lasting_home_desktop.domain.child import ChildRecord, HomeType, PeopleAroundChild
from lasting_home_desktop.domain.child_status import StatusFacts, Worry, child_statuses
from lasting_home_desktop.domain.journey import DecisionRoute, JourneyDates, Stage
from lasting_home_desktop.domain.text_search import folded

TODAY = dt.date(2026, 11, 22)


def _children():
    return [
        ChildRecord(
            "Zofia",
            "Wiśniewska",
            people=PeopleAroundChild(social_worker="Gemma Holt", team_manager="Sarah Ashworth"),
            journey=JourneyDates(matching_meeting=dt.date(2026, 12, 1)),
            id="zofia",
        ),
        ChildRecord(
            "Łukasz",
            "Kowalczyk",
            home_type=HomeType.KINSHIP,
            route=DecisionRoute.PANEL,
            people=PeopleAroundChild(social_worker="Imran Patel", team_manager="sarah ashworth"),
            id="lukasz",
        ),
        ChildRecord(
            "Ayesha",
            "Khan",
            preferred_name="عائشہ",
            people=PeopleAroundChild(social_worker="Gemma Holt", team_manager="Paul Duckworth"),
            id="ayesha",
        ),
        ChildRecord("Siân", "Hughes", archived=True, id="sian"),
    ]


def _statuses():
    facts = {"ayesha": StatusFacts(worry=Worry("worried", dt.date(2026, 11, 12)))}
    return child_statuses(_children(), TODAY, facts=facts)


def _names(chosen: CaseloadFilter) -> list[str]:
    return [status.child.first_name for status in chosen.apply(_statuses())]


def test_search_ignores_accents_and_case():
    """ "wis" finds Wiśniewska, "LUKASZ" finds Łukasz, Urdu letters find themselves."""
    assert _names(CaseloadFilter(text="wis")) == ["Zofia"]
    assert _names(CaseloadFilter(text="LUKASZ")) == ["Łukasz"]
    assert _names(CaseloadFilter(text="عائشہ")) == ["Ayesha"]
    assert _names(CaseloadFilter(text="  ")) == ["Zofia", "Łukasz", "Ayesha"]
    assert folded("Siân Ørsted-Łęcka") == "sian orsted-lecka"


def test_filters_by_people_route_home_stage_and_attention():
    """Each choice narrows the list; names compare without caring about case."""
    assert _names(CaseloadFilter(social_worker="Gemma Holt")) == ["Zofia", "Ayesha"]
    assert _names(CaseloadFilter(team_manager="Sarah Ashworth")) == ["Zofia", "Łukasz"]
    assert _names(CaseloadFilter(route=DecisionRoute.PANEL)) == ["Łukasz"]
    assert _names(CaseloadFilter(home_type=HomeType.KINSHIP)) == ["Łukasz"]
    assert _names(CaseloadFilter(stage=Stage.MATCHING_BOOKED)) == ["Zofia"]
    assert _names(CaseloadFilter(needs_attention=True)) == ["Ayesha"]
    assert _names(CaseloadFilter(include_archived=True, text="sian")) == ["Siân"]
    assert _names(CaseloadFilter(text="sian")) == []


def test_people_to_choose_are_listed_once():
    """ "Sarah Ashworth" and "sarah ashworth" are one Team Manager in the filter list."""
    statuses = _statuses()
    assert people_to_choose(statuses, "team_manager") == ["Paul Duckworth", "Sarah Ashworth"]
    assert people_to_choose(statuses, "social_worker") == ["Gemma Holt", "Imran Patel"]


def test_counts_and_plurals():
    """ "1 child", never "1 children"; never "Showing 1 of 0 children"."""
    assert showing_text(1, 1) == "1 child"
    assert showing_text(12, 12, 3) == "12 children · 3 need attention"
    assert showing_text(12, 12, 1) == "12 children · 1 needs attention"
    assert showing_text(1, 12) == "Showing 1 of 12 children"
    assert showing_text(0, 1) == "Showing 0 of 1 child"
    assert showing_text(0, 0) == "0 children"
    assert showing_text(2500, 2500) == "2,500 children"
