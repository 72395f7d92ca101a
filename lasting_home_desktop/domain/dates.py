"""UK date handling: parsing what people type and showing dates the way councils write them."""

from __future__ import annotations

import datetime as dt
import re

UK_LONG = "%-d %B %Y"

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_UK = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")


class DateProblem(ValueError):
    """A date someone typed could not be understood; the message says why, kindly."""


def parse_date(text: str | None) -> dt.date | None:
    """Read DD/MM/YYYY (UK) or YYYY-MM-DD; empty means "not known yet" (None)."""
    if text is None:
        return None
    text = str(text).strip()
    if not text:
        return None
    match = _ISO.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = _UK.match(text)
        if not match:
            raise DateProblem(
                f"'{_short(text)}' is not a date we can read. Please use DD/MM/YYYY, "
                "for example 22/11/2026."
            )
        day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateProblem(
            f"'{_short(text)}' is not a real date (check the day and month). "
            "Please use DD/MM/YYYY, for example 22/11/2026."
        ) from None


def format_long(day: dt.date | None, empty: str = "") -> str:
    """22 November 2026."""
    if day is None:
        return empty
    return f"{day.day} {day.strftime('%B')} {day.year}"


def format_short(day: dt.date | None, empty: str = "") -> str:
    """22/11/2026."""
    if day is None:
        return empty
    return day.strftime("%d/%m/%Y")


def to_iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def from_iso(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day-of-month `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last = _days_in_month(year, month)
    return dt.date(year, month, min(day.day, last))


def age_on(birth: dt.date, today: dt.date) -> int:
    """Whole years; a 29 February birthday counts from 1 March in other years."""
    years = today.year - birth.year
    if (today.month, today.day) < (birth.month, birth.day):
        years -= 1
    return years


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
