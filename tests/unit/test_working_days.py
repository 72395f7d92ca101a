"""Bank holidays in England and Wales, 2026 to 2028, and working days around them."""

import datetime as dt

import holidays
import pytest

from lasting_home_desktop.domain.bank_holidays_table import FIRST_YEAR, LAST_YEAR
from lasting_home_desktop.domain.working_days import (
    bank_holidays,
    is_working_day,
    package_bank_holidays,
    working_day_on_or_after,
    working_day_on_or_before,
)

# From gov.uk/bank-holidays (England and Wales), with the 2028 dates as published.
ENGLAND_AND_WALES = {
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2028: ["01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
}


@pytest.mark.parametrize("year", sorted(ENGLAND_AND_WALES))
def test_every_weekday_bank_holiday_is_known(year):
    """Each weekday bank holiday of the year is not a working day."""
    for month_day in ENGLAND_AND_WALES[year]:
        day = dt.date.fromisoformat(f"{year}-{month_day}")
        assert day in bank_holidays(year), day
        assert not is_working_day(day), day
    weekday_holidays = {day for day in bank_holidays(year) if day.weekday() < 5}
    expected = {dt.date.fromisoformat(f"{year}-{md}") for md in ENGLAND_AND_WALES[year]}
    assert weekday_holidays == expected


def test_wales_shares_englands_bank_holidays():
    """The same days off in Cardiff as in Preston (Scotland's differ, and are not used)."""
    years = range(2026, 2029)
    wales = set(holidays.country_holidays("GB", subdiv="WLS", years=years))
    england = {day for year in years for day in bank_holidays(year)}
    assert wales == england
    assert dt.date(2027, 1, 4) not in england  # Scotland's 2 January substitute


def test_weekends_and_moving_to_a_working_day():
    """Saturday is not a working day; Christmas 2026 moves to Tuesday 29 December or back to
    Thursday 24 December."""
    assert not is_working_day(dt.date(2026, 11, 21))
    assert is_working_day(dt.date(2026, 11, 23))
    assert working_day_on_or_after(dt.date(2026, 12, 25)) == dt.date(2026, 12, 29)
    assert working_day_on_or_before(dt.date(2026, 12, 28)) == dt.date(2026, 12, 24)
    assert working_day_on_or_after(dt.date(2026, 11, 23)) == dt.date(2026, 11, 23)


def test_the_quick_table_agrees_with_the_holidays_package():
    """Every year the table holds matches the package; if a new bank holiday is proclaimed
    and the package updated, this fails: run scripts/update_bank_holidays.py."""
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        assert bank_holidays(year) == package_bank_holidays(year), year
    assert bank_holidays(LAST_YEAR + 1) == package_bank_holidays(LAST_YEAR + 1)
