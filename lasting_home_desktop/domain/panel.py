"""The Lasting Home Panel route: panel dates set a year ahead, booking a child onto a panel only
once the matching meeting minutes are complete, an after-school slot if the child comes, the
agenda confirmed one month before, and how the child takes part.

The panel date itself is the journey's `visit` date, and the panel's outcome is the journey's
decision; this record holds the rest.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .codec import decode, encode
from .dates import DateProblem, add_months, format_long, parse_date
from .record_checks import format_time, name_problems, text_problems
from .working_days import (
    bank_holiday_name,
    is_working_day,
    working_day_on_or_after,
    working_day_on_or_before,
)

SECTION = "panel_booking"
PANEL_DATES_KEY = "panel_dates"
AFTER_SCHOOL = dt.time(15, 30)
MOST_PANEL_DATES = 60


class Participation(enum.Enum):
    """How the child takes part in their panel (they choose; several may apply)."""

    IN_PERSON = "in_person"
    LETTER = "letter"
    DRAWING = "drawing"
    PHOTO = "photo"
    AVATAR = "avatar"

    @property
    def label(self) -> str:
        return {
            Participation.IN_PERSON: "Coming in person",
            Participation.LETTER: "A letter to the panel",
            Participation.DRAWING: "A drawing",
            Participation.PHOTO: "Their photo",
            Participation.AVATAR: "An avatar or picture they chose",
        }[self]


# -- panel dates (for the whole data folder) --------------------------------------------------


def panel_dates_from_value(value: Any) -> tuple[dt.date, ...]:
    """The stored folder value (a list of ISO dates) as sorted dates; junk is ignored."""
    found: set[dt.date] = set()
    for item in value or ():
        try:
            found.add(dt.date.fromisoformat(str(item)))
        except ValueError:
            continue
    return tuple(sorted(found))


def panel_dates_to_value(dates: Iterable[dt.date]) -> list[str]:
    return [day.isoformat() for day in sorted(set(dates))]


def parse_panel_dates(lines: Iterable[str]) -> tuple[tuple[dt.date, ...], list[str]]:
    """What the Panel Administrator typed (one date a line) -> (dates, problems)."""
    dates: list[dt.date] = []
    problems: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            day = parse_date(line)
        except DateProblem as problem:
            problems.append(f"Line {number}: {problem}")
            continue
        if day is None:
            continue
        if day in dates:
            problems.append(f"Line {number}: {format_long(day)} is in the list twice.")
        elif not is_working_day(day):
            problems.append(f"Line {number}: {format_long(day)} is {_not_working(day)}.")
        else:
            dates.append(day)
    if len(dates) > MOST_PANEL_DATES:
        problems.append(
            f"That is {len(dates)} panel dates; please keep to {MOST_PANEL_DATES} or fewer."
        )
    return tuple(sorted(dates)), problems


def _not_working(day: dt.date) -> str:
    holiday = bank_holiday_name(day)
    if holiday:
        return f"a bank holiday ({holiday}): please choose a working day"
    return f"a {day.strftime('%A')}: please choose a working day"


def monthly_dates(after: dt.date, count: int = 12) -> tuple[dt.date, ...]:
    """Panels are monthly on the same kind of day: after the second Thursday, the second
    Thursday of each following month (a fifth weekday becomes that month's last). A date that
    falls on a bank holiday moves to the next working day."""
    week = (after.day - 1) // 7  # 0 = first, 1 = second...
    found = []
    for months in range(1, count + 1):
        first = add_months(after.replace(day=1), months)
        day = first + dt.timedelta(days=(after.weekday() - first.weekday()) % 7 + 7 * week)
        while day.month != first.month:
            day -= dt.timedelta(days=7)
        found.append(working_day_on_or_after(day))
    return tuple(found)


def upcoming(dates: Iterable[dt.date], today: dt.date) -> tuple[dt.date, ...]:
    return tuple(day for day in sorted(dates) if day >= today)


# -- one child's booking ----------------------------------------------------------------------


@dataclass(frozen=True)
class PanelBooking:
    time_slot: dt.time | None = None
    participation: tuple[Participation, ...] = ()
    agenda_confirmed: bool = False
    chair: str = ""
    notes: str = ""

    SECTION = SECTION

    @classmethod
    def _upgrade(cls, data: dict[str, Any]) -> dict[str, Any]:
        # Bookings saved before the two "coming in person" boxes became one.
        ways = list(data.get("participation") or ())
        if data.get("child_attends") and Participation.IN_PERSON.value not in ways:
            return {**data, "participation": [Participation.IN_PERSON.value, *ways]}
        return data

    @property
    def child_attends(self) -> bool:
        """Coming in person is one of the ways the child takes part (one box, not two)."""
        return Participation.IN_PERSON in self.participation

    def problems(self) -> list[str]:
        found: list[str] = []
        if self.child_attends and self.time_slot is not None and self.time_slot < AFTER_SCHOOL:
            found.append(
                f"The child is coming to the panel, so please choose an after-school slot "
                f"(from {format_time(AFTER_SCHOOL)}), not {format_time(self.time_slot)}."
            )
        found.extend(name_problems("chair's name", self.chair))
        found.extend(text_problems("panel notes", self.notes))
        return found

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> PanelBooking:
        return decode(cls, data)


def booking_refusal(
    minutes_complete: bool,
    matching_meeting: dt.date | None,
    panel_date: dt.date,
    panel_dates: Iterable[dt.date],
    today: dt.date,
) -> str | None:
    """Why a child cannot be booked onto this panel, or None if they can.

    The protocol: the Panel Administrator agrees a booking only once the matching meeting
    minutes have been received."""
    if not minutes_complete:
        return (
            "The matching meeting minutes are not complete yet. The Panel Administrator can "
            "only book a child onto a panel once they are: finish the minutes on the Matching "
            "meeting tab and tick 'Minutes complete', then book the panel."
        )
    if panel_date not in set(panel_dates):
        return (
            f"{format_long(panel_date)} is not one of the panel dates. Please choose a date from "
            "the list, or ask the Panel Administrator to add it."
        )
    if panel_date < today:
        return f"The panel on {format_long(panel_date)} has already met. Please choose a later one."
    if matching_meeting is not None and panel_date < matching_meeting:
        return "The panel date is before the matching meeting. Please choose a later panel."
    return None


def agenda_confirm_by(panel_date: dt.date) -> dt.date:
    """The agenda is confirmed one month before the panel, on a working day: when that day is
    a weekend or bank holiday, the working day before it (25 December -> 24 December)."""
    return working_day_on_or_before(add_months(panel_date, -1))


def agenda_overdue(confirmed: bool, panel_date: dt.date | None, today: dt.date) -> bool:
    """The confirm-by date has passed, the panel has not yet met, and no one has confirmed."""
    if panel_date is None or confirmed or today > panel_date:
        return False
    # The confirm-by day is a month before, moved back at most a few days past a weekend or
    # bank holidays: outside that week the answer is known without the bank-holiday tables
    # (which the caseload would otherwise load at start-up).
    month_before = add_months(panel_date, -1)
    if today > month_before:
        return True
    if today <= month_before - dt.timedelta(days=7):
        return False
    return agenda_confirm_by(panel_date) < today
