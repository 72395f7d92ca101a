"""Checks shared by the adults' records: long text, money in pounds, times of day.

Every problem is a plain sentence saying what to change, so a form can show it as it is.
"""

from __future__ import annotations

import datetime as dt
import re

TEXT_LIMIT = 10_000
NAME_LIMIT = 200
MONEY_LIMIT_PENCE = 100_000_00  # £100,000: anything above is surely a typing slip

_MONEY = re.compile(r"^\s*(?:GBP|£)?\s*([0-9][0-9,]*(?:\.[0-9]{1,2})?|\.[0-9]{1,2})\s*(?:GBP)?\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


class MoneyProblem(ValueError):
    """An amount could not be read; the message says how to write it."""


class TimeProblem(ValueError):
    """A time of day could not be read; the message says how to write it."""


def text_problems(label: str, value: str, limit: int = TEXT_LIMIT) -> list[str]:
    """A kind word when a text is too long; nothing is cut off on the user's behalf."""
    if len(value) > limit:
        return [
            f"The {label} is {len(value):,} characters long. Please shorten it to "
            f"{limit:,} characters or fewer (nothing has been lost: your text is still there)."
        ]
    return []


def parse_pence(text: str | None) -> int | None:
    """ "£150", "150", "150.00", "£1,250.50" -> pence; empty -> None."""
    if text is None or not str(text).strip():
        return None
    match = _MONEY.match(str(text))
    if not match:
        raise MoneyProblem(
            f"'{_short(str(text))}' is not an amount we can read. Please write it in pounds, "
            "for example £150 or 150.00."
        )
    digits = match.group(1).replace(",", "")
    from decimal import Decimal, InvalidOperation  # only when money is typed, not at start-up

    try:
        pence = int((Decimal(digits) * 100).to_integral_exact())
    except InvalidOperation:
        raise MoneyProblem(
            f"'{_short(str(text))}' is not an amount we can read. Please write it in pounds, "
            "for example £150 or 150.00."
        ) from None
    if pence > MONEY_LIMIT_PENCE:
        raise MoneyProblem(
            f"{format_pounds(pence)} looks too large for a celebration. Please check the amount."
        )
    return pence


def format_pounds(pence: int | None, empty: str = "") -> str:
    """12345 -> "£123.45"; whole pounds as "£150"."""
    if pence is None:
        return empty
    pounds, rest = divmod(pence, 100)
    if rest == 0:
        return f"£{pounds:,}"
    return f"£{pounds:,}.{rest:02d}"


def parse_time(text: str | None) -> dt.time | None:
    """ "16:00", "4.30" is read as 04:30, so a 24-hour clock is asked for; empty -> None."""
    if text is None or not str(text).strip():
        return None
    match = _TIME.match(str(text))
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise TimeProblem(
        f"'{_short(str(text))}' is not a time we can read. Please use the 24-hour clock, "
        "for example 16:00."
    )


def format_time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def time_from_text(text: str | None) -> dt.time | None:
    """Read a stored "HH:MM" back (stored values were checked when saved)."""
    return dt.time.fromisoformat(text) if text else None


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
