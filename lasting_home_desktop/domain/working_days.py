"""Working days in England and Wales: not a weekend, not a bank holiday.

The bank holidays come from the `holidays` package (kept up to date with each year's
proclamations, including one-off days such as a coronation), for England, whose bank holidays
Wales shares. For the years the app mostly needs, a table written from the package is read
instead (scripts/update_bank_holidays.py), so start-up does not spend a tenth of a second
importing every country's holidays; a test checks the table still agrees with the package.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> dict[dt.date, str]:
    """England and Wales bank holidays in `year`, with their names."""
    from .bank_holidays_table import BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR

    if FIRST_YEAR <= year <= LAST_YEAR:
        return {
            dt.date.fromisoformat(day): name
            for day, name in BANK_HOLIDAYS.items()
            if day.startswith(f"{year}-")
        }
    return package_bank_holidays(year)


def package_bank_holidays(year: int) -> dict[dt.date, str]:
    """Straight from the `holidays` package (for years beyond the table, and its test)."""
    import holidays  # about 0.1 s: every country's holidays come with it

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
