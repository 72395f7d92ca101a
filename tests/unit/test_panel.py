"""The Lasting Home Panel route: dates, the booking rule and the agenda flag."""

import datetime as dt

from lasting_home_desktop.domain.child import ChildRecord, DecisionRoute
from lasting_home_desktop.domain.child_status import StatusFacts, child_status
from lasting_home_desktop.domain.journey import Flag, JourneyDates
from lasting_home_desktop.domain.panel import (
    PanelBooking,
    Participation,
    agenda_confirm_by,
    booking_refusal,
    monthly_dates,
    panel_dates_from_value,
    panel_dates_to_value,
    parse_panel_dates,
)
from lasting_home_desktop.domain.tracker import tracker_rows

TODAY = dt.date(2026, 11, 22)
PANELS = (dt.date(2026, 12, 10), dt.date(2027, 1, 14))


def test_booking_is_refused_until_minutes_are_complete():
    """The Panel Administrator is told why: the minutes must be complete first."""
    refusal = booking_refusal(False, dt.date(2026, 11, 1), PANELS[0], PANELS, TODAY)
    assert refusal is not None and "minutes are not complete" in refusal


def test_booking_allowed_with_minutes_complete():
    """With complete minutes and a real panel date the booking goes ahead."""
    assert booking_refusal(True, dt.date(2026, 11, 1), PANELS[0], PANELS, TODAY) is None


def test_booking_must_use_a_panel_date_in_the_future():
    """Dates not in the panel list, or already past, are refused."""
    assert "not one of the panel dates" in booking_refusal(
        True, None, dt.date(2026, 12, 11), PANELS, TODAY
    )
    past = dt.date(2026, 11, 12)
    assert "already met" in booking_refusal(True, None, past, (past, *PANELS), TODAY)


def test_after_school_slot_when_the_child_attends():
    """A 10:00 slot is refused for a child who is coming; fine if they take part by letter."""
    coming = PanelBooking(time_slot=dt.time(10, 0), participation=(Participation.IN_PERSON,))
    assert coming.child_attends
    assert "after-school" in coming.problems()[0]
    letter = PanelBooking(time_slot=dt.time(10, 0), participation=(Participation.LETTER,))
    assert letter.problems() == []


def test_agenda_confirm_by_is_one_month_before():
    """14 January -> 14 December; 31 March -> 26 February (28 February 2027 is a Sunday)."""
    assert agenda_confirm_by(dt.date(2027, 1, 14)) == dt.date(2026, 12, 14)
    assert agenda_confirm_by(dt.date(2027, 3, 31)) == dt.date(2027, 2, 26)


def test_agenda_confirm_by_is_a_working_day():
    """A panel on 25 January 2027 is confirmed by Thursday 24 December 2026, not Christmas Day;
    one on 27 January 2028 also by a Friday 24 December, as 25-26 December 2027 are a weekend
    and 27-28 December its bank holidays."""
    assert agenda_confirm_by(dt.date(2027, 1, 25)) == dt.date(2026, 12, 24)
    assert agenda_confirm_by(dt.date(2028, 1, 27)) == dt.date(2027, 12, 24)
    assert agenda_confirm_by(dt.date(2027, 6, 6)) == dt.date(2027, 5, 6)  # 6 May: a Thursday
    # Easter 2027: Good Friday 26 March, Easter Monday 29 March. A panel on 29 April is
    # confirmed by Thursday 25 March.
    assert agenda_confirm_by(dt.date(2027, 4, 29)) == dt.date(2027, 3, 25)


def _panel_child(panel_date):
    return ChildRecord(
        "Ola",
        "Nowak",
        route=DecisionRoute.PANEL,
        journey=JourneyDates(matching_meeting=dt.date(2026, 10, 1), visit=panel_date),
    )


def _agenda_flagged(panel_date, confirmed=False, today=TODAY) -> bool:
    status = child_status(_panel_child(panel_date), today, facts=StatusFacts(confirmed))
    return Flag.AGENDA_TO_CONFIRM in status.flags


def test_agenda_flag_when_the_confirm_by_date_has_passed():
    """Panel on 10 December, today 22 November: the agenda should have been confirmed."""
    assert _agenda_flagged(dt.date(2026, 12, 10))
    assert not _agenda_flagged(dt.date(2026, 12, 10), confirmed=True)


def test_no_agenda_flag_before_the_date_or_after_the_panel():
    """Too early to confirm, or the panel has already met: no flag."""
    assert not _agenda_flagged(dt.date(2027, 1, 14))
    assert not _agenda_flagged(dt.date(2026, 11, 20))


def test_agenda_flag_counts_from_the_working_day_before_christmas():
    """Panel on 25 January 2027: due by 24 December, so flagged on Christmas Day, not before."""
    panel = dt.date(2027, 1, 25)
    assert not _agenda_flagged(panel, today=dt.date(2026, 12, 24))
    assert _agenda_flagged(panel, today=dt.date(2026, 12, 25))
    for day in range(1, 32):  # the quick answer always agrees with the full one
        today = dt.date(2026, 12, day)
        assert _agenda_flagged(panel, today=today) == (agenda_confirm_by(panel) < today <= panel)


def test_tracker_shows_the_agenda_flag_with_its_reason():
    """The tracker row says which panel and when the agenda was due."""
    child = _panel_child(dt.date(2026, 12, 10))
    [row] = tracker_rows([child], TODAY, facts={child.id: StatusFacts(agenda_confirmed=False)})
    assert row.reason_text == "Panel agenda for 10 December overdue: confirm it"
    [done] = tracker_rows([child], TODAY, facts={child.id: StatusFacts(agenda_confirmed=True)})
    assert done.flags == ()


def test_panel_dates_typed_one_a_line():
    """UK dates are read, sorted; bad lines and repeats are named."""
    dates, problems = parse_panel_dates(
        ["14/01/2027", "10/12/2026", "", "31/02/2027", "10/12/2026"]
    )
    assert dates == PANELS
    assert any("Line 4" in p for p in problems)
    assert any("twice" in p for p in problems)
    assert panel_dates_from_value(panel_dates_to_value(dates)) == dates


def test_monthly_dates_keep_the_weekday():
    """After the last Friday-of-five, the next months use their last Friday (Christmas Day
    moves to the next working day, Tuesday 29 December, after Boxing Day's Monday)."""
    assert monthly_dates(dt.date(2026, 10, 30), 2) == (dt.date(2026, 11, 27), dt.date(2026, 12, 29))
    assert monthly_dates(dt.date(2026, 12, 10), 1) == (dt.date(2027, 1, 14),)


def test_monthly_dates_skip_bank_holidays():
    """From a fifth Monday (30 November 2026) the twelve suggestions avoid 28/12/2026,
    31/05/2027 and 30/08/2027, the bank holidays the old list proposed."""
    dates = monthly_dates(dt.date(2026, 11, 30), 12)
    assert len(dates) == 12
    for bank_holiday in (dt.date(2026, 12, 28), dt.date(2027, 5, 31), dt.date(2027, 8, 30)):
        assert bank_holiday not in dates
    assert {dt.date(2026, 12, 29), dt.date(2027, 6, 1), dt.date(2027, 8, 31)} <= set(dates)
    assert all(day.weekday() < 5 for day in dates)


def test_panel_dates_on_a_weekend_or_bank_holiday_are_refused_by_name():
    """Typing Boxing Day (observed) or a Saturday is explained; good dates are kept."""
    dates, problems = parse_panel_dates(["28/12/2026", "09/01/2027", "14/01/2027"])
    assert dates == (dt.date(2027, 1, 14),)
    assert "Line 1: 28 December 2026 is a bank holiday (Boxing Day (observed))" in problems[0]
    assert "Line 2: 9 January 2027 is a Saturday" in problems[1]


def test_booking_round_trip():
    """The booking comes back as saved."""
    booking = PanelBooking(
        time_slot=dt.time(16, 0),
        participation=(Participation.IN_PERSON, Participation.DRAWING),
        agenda_confirmed=True,
        chair="Mrs Łucja Ahmed",
        notes="<b>&amp;",
    )
    assert PanelBooking.from_dict(booking.to_dict()) == booking


def test_old_bookings_with_the_separate_coming_in_person_box_are_read():
    """A booking saved with the old "coming in person" tick comes back as that way of taking
    part, so the two boxes never disagree."""
    old = {"time_slot": "16:00", "child_attends": True, "participation": ["letter"]}
    booking = PanelBooking.from_dict(old)
    assert booking.participation == (Participation.IN_PERSON, Participation.LETTER)
    assert booking.child_attends
    assert "child_attends" not in booking.to_dict()
