"""UK dates: what people type, and how the app shows dates."""

import datetime as dt

import pytest

from lasting_home_desktop.domain.dates import (
    DateProblem,
    add_months,
    age_on,
    format_long,
    format_short,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22/11/2026", dt.date(2026, 11, 22)),
        ("2026-11-22", dt.date(2026, 11, 22)),
        (" 1/2/2027 ", dt.date(2027, 2, 1)),
        ("29/02/2024", dt.date(2024, 2, 29)),
        ("05.03.2026", dt.date(2026, 3, 5)),
    ],
)
def test_uk_and_iso_dates_are_read(text, expected):
    """Both 22/11/2026 and 2026-11-22 are understood, day first for the UK style."""
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "   ", None])
def test_an_empty_date_means_not_known_yet(text):
    """Leaving a date blank is allowed: it is simply not known yet."""
    assert parse_date(text) is None


def test_a_date_that_does_not_exist_is_explained():
    """31 February is refused with a message telling the person to check the day and month."""
    with pytest.raises(DateProblem, match="not a real date"):
        parse_date("31/02/2026")


def test_leap_day_in_a_common_year_is_refused():
    """29/02/2026 is not a date, and the message says so kindly."""
    with pytest.raises(DateProblem, match="check the day and month"):
        parse_date("29/02/2026")


def test_words_are_not_a_date_and_long_text_is_shortened_in_the_message():
    """Typing text into a date gives an example of the right form, without echoing a novel."""
    with pytest.raises(DateProblem) as caught:
        parse_date("next Tuesday " * 500)
    assert "22/11/2026" in str(caught.value)
    assert len(str(caught.value)) < 200


def test_dates_are_shown_the_uk_way():
    """Dates read 22 November 2026 and 22/11/2026; an unknown date shows as the given blank."""
    day = dt.date(2026, 11, 2)
    assert format_long(day) == "2 November 2026"
    assert format_short(day) == "02/11/2026"
    assert format_long(None, empty="not yet") == "not yet"


def test_adding_months_keeps_to_the_end_of_short_months():
    """31 January plus a month is the last day of February, in leap and common years."""
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 15)


def test_a_leap_day_birthday_counts_from_first_of_march():
    """A child born on 29 February has their birthday on 1 March in other years."""
    born = dt.date(2016, 2, 29)
    assert age_on(born, dt.date(2026, 2, 28)) == 9
    assert age_on(born, dt.date(2026, 3, 1)) == 10
    assert age_on(born, dt.date(2028, 2, 29)) == 12
