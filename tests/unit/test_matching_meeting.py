"""The matching meeting record."""

from lasting_home_desktop.domain.matching_meeting import (
    Attendee,
    MatchingMeeting,
    Recommendation,
)


def _full() -> MatchingMeeting:
    return MatchingMeeting(
        chair="Priya Shah",
        attendees=(
            Attendee("Dr Amir Khan", "Paediatrician", "Health"),
            Attendee("Zofia Wiśniewska", "Head teacher", "Education"),
            Attendee("", "", ""),
        ),
        parents_invited=True,
        birth_family_views="Mum is glad Ola is settled 😊",
        child_views="I want to stay with Jo and Sam.",
        strengths="Warm, steady home.",
        concerns="Contact with brother to keep going.",
        celebration_plan="Bowling, then pizza",
        contribution_pence=15000,
        recommendation=Recommendation.PROGRESS,
        minutes_complete=True,
    )


def test_round_trip_keeps_everything():
    """What is saved comes back the same, Polish letters and emoji included."""
    meeting = _full().cleaned()
    assert MatchingMeeting.from_dict(meeting.to_dict()) == meeting
    assert len(meeting.attendees) == 2  # the blank row is dropped


def test_a_full_record_has_no_problems():
    """A complete, held meeting can be saved with its minutes complete."""
    assert _full().cleaned().problems(meeting_held=True) == []


def test_minutes_cannot_be_complete_before_the_meeting():
    """Ticking 'Minutes complete' for a meeting not yet held is refused, saying why."""
    [problem] = _full().cleaned().problems(meeting_held=False)
    assert "date of a meeting that has taken place" in problem


def test_minutes_complete_needs_chair_and_recommendation():
    """Both missing pieces are named in one message."""
    meeting = MatchingMeeting(minutes_complete=True)
    [problem] = meeting.problems(meeting_held=True)
    assert "the chair and the recommendation" in problem


def test_defer_needs_reasons():
    """A recommendation to defer must say why."""
    meeting = MatchingMeeting(recommendation=Recommendation.DEFER)
    assert any("give the reasons" in p for p in meeting.problems(meeting_held=True))


def test_parents_attended_but_not_invited_is_questioned():
    """Attended implies invited."""
    meeting = MatchingMeeting(parents_attended=True)
    assert any("invited" in p for p in meeting.problems(meeting_held=True))


def test_attendee_without_name_is_named_by_number():
    """A row with a role but no name is pointed out."""
    meeting = MatchingMeeting(attendees=(Attendee("", "Teacher", "Education"),)).cleaned()
    assert "Attendee 1" in meeting.problems(meeting_held=True)[0]


def test_old_or_empty_data_loads():
    """Nothing saved yet gives an empty record."""
    assert MatchingMeeting.from_dict(None) == MatchingMeeting()
