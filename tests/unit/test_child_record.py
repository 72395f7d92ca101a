"""The child's record: names, checks before saving, and keeping it intact on disk."""

import datetime as dt

import pytest

from lasting_home_desktop.domain.child import (
    AgeBand,
    ChildRecord,
    DecisionRoute,
    HomeType,
    PeopleAroundChild,
    RecordProblem,
    join_names,
    split_names,
)
from lasting_home_desktop.domain.journey import Decision, JourneyDates


def make_child(**changes) -> ChildRecord:
    base = ChildRecord(first_name="Aleksandra", last_name="Nowak", preferred_name="Ola")
    return base.with_changes(**changes)


def test_names_show_the_way_worker_and_child_expect():
    """The worker sees 'Aleksandra (Ola) Nowak'; the child is called Ola."""
    child = make_child()
    assert child.display_name == "Aleksandra (Ola) Nowak"
    assert child.known_as == "Ola"
    assert make_child(preferred_name="").known_as == "Aleksandra"


def test_missing_names_are_asked_for_and_spaces_trimmed():
    """Empty names are refused with a plain request; stray spaces are tidied away."""
    with pytest.raises(RecordProblem) as caught:
        make_child(first_name="  ", last_name="").validated(dt.date(2026, 11, 22))
    assert caught.value.problems == [
        "Please enter the child's first name.",
        "Please enter the child's last name.",
    ]
    tidy = make_child(first_name=" Ola ", last_name=" Nowak ").validated(dt.date(2026, 11, 22))
    assert (tidy.first_name, tidy.last_name) == ("Ola", "Nowak")


def test_a_ten_thousand_character_name_is_refused_kindly(today):
    """A pasted essay in the name field gets a message giving its length and the limit."""
    with pytest.raises(RecordProblem) as caught:
        make_child(first_name="A" * 10_000).validated(today)
    assert caught.value.problems == [
        "The first name is 10,000 characters long. Please shorten it to 100 characters or "
        "fewer (nothing has been lost: your text is still there)."
    ]


def test_a_future_or_too_early_birth_date_is_questioned(today):
    """A birth date after today, or one making the person 21 or more, is queried."""
    with pytest.raises(RecordProblem, match="in the future"):
        make_child(date_of_birth=today + dt.timedelta(days=1)).validated(today)
    with pytest.raises(RecordProblem, match="21 or older"):
        make_child(date_of_birth=dt.date(2005, 11, 22)).validated(today)


def test_age_band_follows_birth_date_unless_the_worker_chose(today):
    """Eleven-year-olds get the young person's look; the worker can choose otherwise."""
    ten = make_child(date_of_birth=dt.date(2015, 11, 23))
    eleven = make_child(date_of_birth=dt.date(2015, 11, 22))
    assert ten.age_band(today) is AgeBand.CHILD
    assert eleven.age_band(today) is AgeBand.YOUNG_PERSON
    chosen = eleven.with_changes(age_band_override=AgeBand.CHILD)
    assert chosen.age_band(today) is AgeBand.CHILD


def test_markup_emoji_and_other_alphabets_survive_a_round_trip(today):
    """`<b>&amp;`, emoji, Polish and Urdu letters come back exactly as typed."""
    child = ChildRecord(
        first_name="<b>&amp;",
        last_name="Wiśniewska-Łęcka",
        preferred_name="عائشہ 🦄",
        date_of_birth=dt.date(2016, 2, 29),
        home_type=HomeType.KINSHIP,
        route=DecisionRoute.PANEL,
        people=PeopleAroundChild(carers=("Jo", "Sam O'Neill"), team_manager="Zoë"),
        journey=JourneyDates(
            matching_meeting=dt.date(2026, 10, 1),
            decision=Decision.AGREED,
            decision_date=dt.date(2026, 11, 1),
            visit=dt.date(2026, 11, 1),
        ),
        archived=True,
    ).validated(today)
    assert ChildRecord.from_dict(child.to_dict()) == child


def test_carers_names_split_and_join_as_people_write_them():
    """'Jo and Sam', 'Jo; Sam' and 'Jo & Sam' all mean two carers, shown as 'Jo and Sam'."""
    for text in ("Jo and Sam", "Jo; Sam", "Jo & Sam", "Jo, Sam", "Jo / Sam"):
        assert split_names(text) == ("Jo", "Sam")
    assert join_names(("Jo", "Sam", "Alex")) == "Jo, Sam and Alex"
    assert join_names(("Jo",)) == "Jo"
    assert join_names(()) == ""


def test_search_matches_any_name_ignoring_case():
    """Typing 'ola' or 'NOWAK' finds Aleksandra (Ola) Nowak; 'Sam' does not."""
    child = make_child()
    assert child.matches("ola") and child.matches("NOWAK") and child.matches("")
    assert not child.matches("Sam")


def test_case_system_fields_are_kept_and_checked():
    """The person ID, legal status and placement start survive a save and are checked kindly."""
    today = dt.date(2026, 11, 22)
    child = make_child(
        date_of_birth=dt.date(2016, 3, 1),
        case_id=" 1234567 ",
        legal_status="Full care order (section 31)",
        placement_start=dt.date(2024, 5, 7),
    ).validated(today)
    assert child.case_id == "1234567"
    back = ChildRecord.from_dict(child.to_dict())
    assert (back.case_id, back.legal_status, back.placement_start) == (
        "1234567",
        "Full care order (section 31)",
        dt.date(2024, 5, 7),
    )
    assert back.matches("12345")  # found by the case-system ID too
    with pytest.raises(RecordProblem) as caught:
        make_child(
            date_of_birth=dt.date(2016, 3, 1),
            case_id="<b>&amp;",
            placement_start=dt.date(2015, 1, 1),
        ).validated(today)
    assert caught.value.problems == [
        "The person ID can hold letters, numbers, spaces, '-' and '/' only. Please copy it "
        "from the case system.",
        "The placement started before the date of birth. Please check it.",
    ]
    with pytest.raises(RecordProblem) as caught:
        make_child(case_id="9" * 31, placement_start=dt.date(2027, 1, 1)).validated(today)
    assert len(caught.value.problems) == 2
    assert "at most 30" in caught.value.problems[0] and "future" in caught.value.problems[1]


def test_an_older_record_without_case_system_fields_still_opens():
    """Records saved before these fields existed read back with them empty."""
    data = make_child().to_dict()
    for name in ("case_id", "legal_status", "placement_start"):
        del data[name]
    back = ChildRecord.from_dict(data)
    assert (back.case_id, back.legal_status, back.placement_start) == ("", "", None)
