"""Working days in England and Wales: not a weekend, not a bank holiday.

The bank holidays come from the `holidays` package (kept up to date with each year's
proclamations, including one-off days such as a coronation), for England, whose bank holidays
Wales shares.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> dict[dt.date, str]:
    """England and Wales bank holidays in `year`, with their names."""
    import holidays  # only when a panel date or confirm-by date is worked out

    found = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return {day: str(name) for day, name in sorted(found.items())}


def bank_holiday_name(day: dt.date) -> str:
    """ "Boxing Day (observed)", or "" on an ordinary day."""
    return bank_holidays(day.year).get(day, "")


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and not bank_holiday_name(day)


def working_day_on_or_after(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += ONE_DAY
    return day


def working_day_on_or_before(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day -= ONE_DAY
    return day
