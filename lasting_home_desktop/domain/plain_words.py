"""Numbers and dates in the words a Team Manager reads: "1 child", "6 days", "12 November"."""

from __future__ import annotations

import datetime as dt


def count(number: int, one: str, many: str | None = None) -> str:
    """ "1 child", "2 children", "0 children"; "1,250 children"."""
    word = one if number == 1 else (many if many is not None else one + "s")
    return f"{number:,} {word}"


def days(number: int) -> str:
    return count(number, "day")


def day_month(day: dt.date, today: dt.date) -> str:
    """ "12 November" this year (and within a few months of it); "12 November 2025" otherwise."""
    if abs((day - today).days) <= 200 and day.year == today.year:
        return f"{day.day} {day.strftime('%B')}"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def weekday_day_month(day: dt.date) -> str:
    """ "Monday 25 January"."""
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"
