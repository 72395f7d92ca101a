"""The Lasting Home Panel route: dates, the booking rule and the agenda flag."""

import datetime as dt

from lasting_home_desktop.domain.child import ChildRecord, DecisionRoute
from lasting_home_desktop.domain.journey import Flag, JourneyDates
from lasting_home_desktop.domain.panel import (
    PanelBooking,
    Participation,
    agenda_confirm_by,
    booking_refusal,
    monthly_dates,
    panel_dates_from_value,
    panel_dates_to_value,
    panel_flags,
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
    coming = PanelBooking(time_slot=dt.time(10, 0), child_attends=True)
    assert "after-school" in coming.problems()[0]
    letter = PanelBooking(time_slot=dt.time(10, 0), participation=(Participation.LETTER,))
    assert letter.problems() == []


def test_agenda_confirm_by_is_one_month_before():
    """10 January -> 10 December; 31 March -> 28 February."""
    assert agenda_confirm_by(dt.date(2027, 1, 10)) == dt.date(2026, 12, 10)
    assert agenda_confirm_by(dt.date(2027, 3, 31)) == dt.date(2027, 2, 28)


def _panel_child(panel_date):
    return ChildRecord(
        "Ola",
        "Nowak",
        route=DecisionRoute.PANEL,
        journey=JourneyDates(matching_meeting=dt.date(2026, 10, 1), visit=panel_date),
    )


def test_agenda_flag_when_the_confirm_by_date_has_passed():
    """Panel on 10 December, today 22 November: the agenda should have been confirmed."""
    child = _panel_child(dt.date(2026, 12, 10))
    assert panel_flags(child, PanelBooking(), TODAY) == (Flag.AGENDA_TO_CONFIRM,)
    assert panel_flags(child, PanelBooking(agenda_confirmed=True), TODAY) == ()


def test_no_agenda_flag_before_the_date_or_after_the_panel():
    """Too early to confirm, or the panel has already met: no flag."""
    assert panel_flags(_panel_child(dt.date(2027, 1, 14)), PanelBooking(), TODAY) == ()
    assert panel_flags(_panel_child(dt.date(2026, 11, 20)), PanelBooking(), TODAY) == ()


def test_tracker_shows_the_agenda_flag():
    """The tracker row carries the flag when given the extra flags function."""
    child = _panel_child(dt.date(2026, 12, 10))
    [row] = tracker_rows([child], TODAY, extra_flags=lambda c: panel_flags(c, None, TODAY))
    assert "Panel agenda to confirm" in row.flag_text
    [plain] = tracker_rows([child], TODAY)
    assert plain.flags == ()


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
    """After the last Friday-of-five, the next months use their last Friday."""
    assert monthly_dates(dt.date(2026, 10, 30), 2) == (dt.date(2026, 11, 27), dt.date(2026, 12, 25))
    assert monthly_dates(dt.date(2026, 12, 10), 1) == (dt.date(2027, 1, 14),)


def test_booking_round_trip():
    """The booking comes back as saved."""
    booking = PanelBooking(
        time_slot=dt.time(16, 0),
        child_attends=True,
        participation=(Participation.IN_PERSON, Participation.DRAWING),
        agenda_confirmed=True,
        chair="Mrs Łucja Ahmed",
        notes="<b>&amp;",
    )
    assert PanelBooking.from_dict(booking.to_dict()) == booking
