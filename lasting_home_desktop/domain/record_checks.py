"""Checks shared by the adults' records: long text, money in pounds, times of day.

Every problem is a plain sentence saying what to change, so a form can show it as it is.
"""

from __future__ import annotations

import datetime as dt
import re

from .limits import ADULT_NAME, LONG_TEXT

MONEY_LIMIT_PENCE = 100_000_00  # £100,000: anything above is surely a typing slip

_MONEY = re.compile(r"^\s*(?:GBP|£)?\s*([0-9][0-9,]*(?:\.[0-9]{1,2})?|\.[0-9]{1,2})\s*(?:GBP)?\s*$")
# "16:30", "16.30", "4.30pm", "4:30 pm", "4pm", "4 p.m.", "1630"
_TIME = re.compile(
    r"^\s*(?P<hour>\d{1,2})(?:[:.]?(?P<minute>\d{2}))?\s*(?P<half>[ap])?\.?\s*(?:m\.?)?\s*$",
    re.IGNORECASE,
)


class MoneyProblem(ValueError):
    """An amount could not be read; the message says how to write it."""


class TimeProblem(ValueError):
    """A time of day could not be read; the message says how to write it."""


def text_problems(label: str, value: str, limit: int = LONG_TEXT) -> list[str]:
    """The one length check: a kind word when a text is too long (nothing is cut off on the
    user's behalf). `limit` is one of the named limits in `domain/limits`."""
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
    """ "16:30", "16.30", "4.30pm", "4:30 pm", "4pm" -> a time; empty -> None.

    "4.30" with no am or pm is refused rather than guessed: a meeting at 04:30 is surely meant
    as the afternoon, but a guess that is wrong puts a child's visit at the wrong time."""
    if text is None or not str(text).strip():
        return None
    match = _TIME.match(str(text))
    if match is None or (match.group("minute") is None and match.group("half") is None):
        raise TimeProblem(
            f"'{_short(str(text))}' is not a time we can read. Please write it like 16:30 "
            "or 4.30pm."
        )
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    half = (match.group("half") or "").lower()
    if half:
        if not 1 <= hour <= 12 or minute > 59:
            raise TimeProblem(
                f"'{_short(str(text))}' is not a time of day. With am or pm, please use "
                "hours from 1 to 12, for example 4.30pm."
            )
        hour = hour % 12 + (12 if half == "p" else 0)
    elif hour > 23 or minute > 59:
        raise TimeProblem(
            f"'{_short(str(text))}' is not a time of day. Please write it like 16:30 or 4.30pm."
        )
    elif 1 <= hour <= 6 and not match.group("hour").startswith("0"):
        raise TimeProblem(
            f"Is '{_short(str(text))}' in the morning or the afternoon? Please add am or pm "
            f"(for example {hour}.{minute:02d}pm), or use the 24-hour clock "
            f"({hour + 12}:{minute:02d})."
        )
    return dt.time(hour, minute)


def format_time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def time_from_text(text: str | None) -> dt.time | None:
    """Read a stored "HH:MM" back (stored values were checked when saved)."""
    return dt.time.fromisoformat(text) if text else None


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def name_problems(label: str, value: str) -> list[str]:
    """The length check for a name, role, agency or place on an adults' record."""
    return text_problems(label, value, ADULT_NAME)
