"""Money, times and long text in the adults' records."""

import datetime as dt
import re

import pytest

from lasting_home_desktop.domain.record_checks import (
    MoneyProblem,
    TimeProblem,
    format_pounds,
    parse_pence,
    parse_time,
    text_problems,
)


@pytest.mark.parametrize(
    ("typed", "pence"),
    [("£150", 15000), ("150", 15000), ("150.00", 15000), ("£1,250.5", 125050), (" 75.25 ", 7525)],
)
def test_money_is_read_as_pence(typed, pence):
    """The ways people write an amount in pounds are all understood."""
    assert parse_pence(typed) == pence


def test_empty_money_means_not_agreed_yet():
    """Leaving the amount empty is allowed."""
    assert parse_pence("  ") is None


@pytest.mark.parametrize("typed", ["£abc", "150.555", "-20", "£1e5"])
def test_unreadable_money_gets_a_kind_example(typed):
    """Nonsense amounts are refused with an example of what works."""
    with pytest.raises(MoneyProblem, match="for example £150"):
        parse_pence(typed)


def test_huge_money_is_questioned():
    """A slip of the keyboard (an extra nought or five) is caught."""
    with pytest.raises(MoneyProblem, match="too large"):
        parse_pence("£15000000")


def test_pounds_are_shown_the_uk_way():
    """Whole pounds without pence; pence with two digits."""
    assert format_pounds(15000) == "£150"
    assert format_pounds(125050) == "£1,250.50"
    assert format_pounds(None) == ""


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("16:00", dt.time(16, 0)),
        ("16.30", dt.time(16, 30)),
        ("4.30pm", dt.time(16, 30)),
        ("4:30 pm", dt.time(16, 30)),
        ("4:30 P.M.", dt.time(16, 30)),
        ("4pm", dt.time(16, 0)),
        ("12pm", dt.time(12, 0)),
        ("12.15am", dt.time(0, 15)),
        ("9.30", dt.time(9, 30)),
        ("04:30", dt.time(4, 30)),
        ("1630", dt.time(16, 30)),
    ],
)
def test_times_are_read_as_people_write_them(typed, meant):
    """16:30, 16.30, 4.30pm and 4:30 pm all mean half past four in the afternoon."""
    assert parse_time(typed) == meant


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("25:00", "not a time of day"),
        ("13pm", "hours from 1 to 12"),
        ("4.75pm", "not a time of day"),
        ("half four", "not a time we can read"),
        ("4", "not a time we can read"),
        ("4.30", "morning or the afternoon? Please add am or pm (for example 4.30pm)"),
    ],
)
def test_times_that_cannot_be_read_are_refused_kindly(typed, said):
    """A time that is not a time, or could be morning or afternoon, is asked about, not guessed."""
    with pytest.raises(TimeProblem, match=re.escape(said)):
        parse_time(typed)


def test_long_text_is_refused_without_losing_it():
    """10,001 characters gets a message that says the text is still there."""
    assert text_problems("notes", "a" * 10_000) == []
    [message] = text_problems("notes", "ą😀" * 5_001)
    assert "10,002" in message and "nothing has been lost" in message
