"""File names made from people's names are safe on Windows, macOS and Linux."""

from __future__ import annotations

import pytest

from lasting_home_desktop.documents.filenames import safe_file_name, unique_path_name


@pytest.mark.parametrize(
    "text",
    ["../../etc/passwd", "a\\b/c", 'What? <b>&amp; "quoted" *star* |pipe| :colon'],
)
def test_no_path_separators_or_characters_windows_refuses(text):
    """Slashes, colons, quotes and the like never reach the file name."""
    name = safe_file_name(text, ext="pdf")
    assert not set('<>:"/\\|?*') & set(name[:-4])
    assert name.endswith(".pdf")


@pytest.mark.parametrize("text", ["CON", "prn", "Aux", "NUL", "COM1", "lpt9", "con.txt"])
def test_reserved_windows_names_are_avoided(text):
    """CON, PRN, AUX, NUL, COM1 and LPT1 cannot be made on Windows, so they are changed."""
    name = safe_file_name(text, ext="pdf")
    assert name.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT9"}


def test_letters_in_any_script_are_kept_and_emoji_dropped():
    """Polish, Greek and Urdu letters stay; emoji and control characters go."""
    assert (
        safe_file_name("Łukasz Αθηνά عائشہ 😀\x00 card", ext="pdf") == "Łukasz Αθηνά عائشہ card.pdf"
    )


@pytest.mark.parametrize("text", ["", "   ", "...", "😀😀", "\x01\x02"])
def test_never_empty_and_no_trailing_dots_or_spaces(text):
    """A name with nothing usable falls back to a plain word."""
    assert safe_file_name(text, fallback="card", ext="pdf") == "card.pdf"
    assert safe_file_name("Ola. . ", ext="") == "Ola"


def test_length_is_sensible():
    """Very long names are cut to at most 80 characters, extension included."""
    name = safe_file_name("Wiśniewska-" * 40, ext="pdf")
    assert len(name) <= 80 and name.endswith(".pdf")


def test_duplicates_get_a_number():
    """Two children with the same name get different files."""
    taken = {"Ola Nowak - Card.pdf"}
    assert unique_path_name("ola nowak - card.pdf", taken) == "ola nowak - card (2).pdf"
