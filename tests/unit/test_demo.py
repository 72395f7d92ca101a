"""Fictional example children: every stage, route and kind of home, with realistic dates."""

import collections
import datetime as dt

from lasting_home_desktop.domain.child import DecisionRoute, HomeType
from lasting_home_desktop.domain.demo import example_children
from lasting_home_desktop.domain.journey import Flag, Stage, journey_status


def statuses(count, today, seed=2026):
    examples = example_children(count, today, seed=seed)
    return examples, [journey_status(e.record.journey, e.record.route, today) for e in examples]


def test_the_default_twelve_show_every_stage_route_home_and_flag(today):
    """Twelve example children cover every stage, both routes, four homes, both flags."""
    examples, found = statuses(12, today)
    assert {status.stage for status in found} == set(Stage)
    assert {e.record.route for e in examples} == set(DecisionRoute)
    assert {e.record.home_type for e in examples} == set(HomeType)
    flags = {flag for status in found for flag in status.flags}
    assert {Flag.HEAD_OF_SERVICE_OVERDUE, Flag.AVOID_DELAY} <= flags


def test_every_example_is_a_valid_record_with_dates_around_today(today):
    """All 300 examples pass the record checks, with ages 4 to 17 and dates near today."""
    examples, _ = statuses(300, today)
    for example in examples:
        child = example.record.validated(today)
        assert 4 <= child.age(today) <= 17
        journey_days = [d for d in vars(child.journey).values() if isinstance(d, dt.date)]
        assert all(abs((d - today).days) < 365 for d in journey_days)
        assert child.people.social_worker and child.people.team_manager
    assert len({e.record.id for e in examples}) == 300


def test_the_same_seed_gives_the_same_children_and_another_seed_differs(today):
    """A demo can be repeated exactly; a different seed gives different children."""
    first = [e.record for e in example_children(20, today, seed=7)]
    again = [e.record for e in example_children(20, today, seed=7)]
    other = [e.record for e in example_children(20, today, seed=8)]
    assert first == again
    assert first != other


def test_names_include_other_alphabets_apostrophes_and_hyphens(today):
    """The default twelve names include Polish and Urdu letters, an apostrophe and a hyphen."""
    examples = example_children(12, today)
    text = " ".join(
        f"{e.record.first_name} {e.record.preferred_name} {e.record.last_name}" for e in examples
    )
    assert any(letter in text for letter in "łśŁęą")
    assert any("\u0600" <= letter <= "\u06ff" for letter in text)
    assert "'" in text and "-" in text


def test_stages_stay_spread_in_a_large_caseload(today):
    """With 1,000 children no stage or route is missing and none holds most children."""
    examples, found = statuses(1000, today)
    counts = collections.Counter(status.stage for status in found)
    assert set(counts) == set(Stage)
    assert max(counts.values()) < 250
    routes = collections.Counter(e.record.route for e in examples)
    assert min(routes.values()) > 200


def test_extras_add_sections_to_every_example(today):
    """Later parts of the app can add their own example sections to each child."""

    def feelings(record, rng, day):
        return {"feelings": {"face": rng.choice(["happy", "okay"]), "on": day.isoformat()}}

    examples = example_children(5, today, extras=(feelings,))
    assert all(e.sections["feelings"]["on"] == "2026-11-22" for e in examples)
