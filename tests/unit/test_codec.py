"""One way records are stored and read back: exact when writing, forgiving when reading."""

import datetime as dt

import pytest

from lasting_home_desktop.domain.carers_commitment import CarersCommitment, LetterStatus
from lasting_home_desktop.domain.child import ChildRecord, HomeType
from lasting_home_desktop.domain.codec import decode, encode
from lasting_home_desktop.domain.commitment_visit import CommitmentVisit, VisitAttendee
from lasting_home_desktop.domain.journey import Decision, JourneyDates
from lasting_home_desktop.domain.panel import PanelBooking, Participation
from lasting_home_desktop.domain.partner_contributions import PartnerContribution


def test_a_record_comes_back_exactly_as_it_went():
    """Dates, times, choices, nested records and lists all survive the round trip."""
    visit = CommitmentVisit(
        time=dt.time(16, 30),
        place="The park <b>&amp;",
        attendees=(VisitAttendee("Nan", attended=True), VisitAttendee("Łucja")),
        outcome_told=True,
    )
    stored = encode(visit)
    assert stored["time"] == "16:30" and stored["attendees"][0]["name"] == "Nan"
    assert decode(CommitmentVisit, stored) == visit
    child = ChildRecord(
        "Maya", "Khan", journey=JourneyDates(decision=Decision.AGREED, visit=dt.date(2026, 12, 3))
    )
    assert ChildRecord.from_dict(child.to_dict()) == child


def test_missing_and_wrong_fields_take_their_defaults():
    """A field left out, or holding nonsense, reads as the record's default."""
    assert decode(CommitmentVisit, None) == CommitmentVisit()
    read = decode(CommitmentVisit, {"time": "half past four", "outcome_told": 1, "place": 7})
    assert read.time is None and read.outcome_told is True and read.place == "7"
    assert decode(JourneyDates, {"decision": "maybe", "visit": "2026-13-45"}) == JourneyDates()


def test_one_damaged_item_never_hides_the_others():
    """An attendee stored as junk is left out; the rest are kept."""
    read = decode(CommitmentVisit, {"attendees": [{"name": "Nan"}, "junk", {"name": "Jo"}]})
    assert [person.name for person in read.attendees] == ["Nan", "Jo"]


def test_fields_added_later_are_stored_only_when_set():
    """A partner who answered in the app stores no empty form fields, so older records read
    as unchanged."""
    plain = PartnerContribution("Mrs Patel", dated=dt.date(2026, 11, 20))
    assert "form_id" not in encode(plain) and "received_on" not in encode(plain)
    sent = PartnerContribution("Mrs Patel", form_id="LH-1", received_on=dt.date(2026, 11, 22))
    assert encode(sent)["form_id"] == "LH-1"
    assert decode(PartnerContribution, encode(sent)) == sent.cleaned()


def test_old_shapes_are_read_into_new_ones():
    """A booking saved with the old 'child attends' box reads as 'coming in person'."""
    booking = decode(PanelBooking, {"child_attends": True, "participation": ["letter"]})
    assert booking.participation == (Participation.IN_PERSON, Participation.LETTER)


def test_pairs_are_stored_as_one_mapping_and_unknown_prompts_left_out():
    letter = CarersCommitment(answers=(("love", "Your laugh"),), status=LetterStatus.FINAL)
    stored = encode(letter)
    assert stored["answers"] == {"love": "Your laugh"} and stored["status"] == "final"
    stored["answers"]["not_a_prompt"] = "kept out"
    assert decode(CarersCommitment, stored) == letter


def test_strict_reading_names_what_cannot_be_read():
    """`check` reads strictly: an unknown home type is reported, not quietly replaced."""
    stored = ChildRecord("Maya", "Khan").to_dict()
    stored["home_type"] = "castle"
    assert ChildRecord.from_dict(stored).home_type is HomeType.FOSTER
    with pytest.raises(ValueError, match="home_type"):
        decode(ChildRecord, stored, strict=True)


def test_a_child_without_an_id_cannot_be_read():
    """Some fields have no sensible default: the record is refused, never invented."""
    stored = ChildRecord("Maya", "Khan").to_dict()
    del stored["id"]
    with pytest.raises(ValueError, match="id"):
        ChildRecord.from_dict(stored)
