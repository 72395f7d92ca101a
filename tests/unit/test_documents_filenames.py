"""File names made from people's names are safe on Windows, macOS and Linux, and say what
the document is."""

from __future__ import annotations

import datetime as dt

import pytest
from documents_support import add_child

from lasting_home_desktop.documents.batch import export_batch
from lasting_home_desktop.documents.export import DOCUMENT_KINDS, write_child_documents
from lasting_home_desktop.documents.filenames import (
    document_file_name,
    safe_file_name,
    unique_path_name,
)


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


LONG = "Montgomery-Fotheringham-Wetherbyshire Ó Súilleabháin-Featherstonehaugh"
KINDS = (
    "Card",
    "Certificate",
    "My Lasting Home book",
    "Matching meeting record",
    "Carers' letter of commitment",
    "Partner contributions",
)


@pytest.mark.parametrize("document", KINDS)
def test_a_long_name_is_cut_never_the_kind_of_document(document):
    """However long the child's name, the file still says what it is ("Carers' letter")."""
    name = document_file_name(LONG, document)
    assert name.endswith(f" - {document}.pdf") and len(name) <= 80
    assert name.startswith("Montgomery-Fotheringham-Wetherbyshire")


def test_six_documents_of_one_child_need_no_numbers(store, today, tmp_path):
    """Saving every document of a child with a long name makes six distinct names, with no
    "(2).pdf" ... "(6).pdf" series."""
    child = add_child(store, today, first="Montgomery-Fotheringham-Wetherbyshire", last=LONG)
    keys = [kind.key for kind in DOCUMENT_KINDS]
    written = write_child_documents(store, child.id, keys, tmp_path, today)
    names = sorted(path.name for path in written.files)
    assert len(names) == 6 and not any("(" in name for name in names)
    assert any(name.endswith(" - Carers' letter of commitment.pdf") for name in names)


def test_children_who_share_a_name_are_told_apart_by_their_id_or_birthday(store, today, tmp_path):
    """Two children called Ola Nowak in one batch get files that say which is which."""
    first = add_child(store, today, first="Ola")
    add_child(store, today, first="Ola")
    store.update_child(store.child(first.id).with_changes(case_id="LCS 4411"), today)
    result = export_batch(store, today, today + dt.timedelta(days=30), tmp_path, today)
    names = sorted(path.name for path in result.files)
    assert "Ola Nowak (LCS 4411) - Card.pdf" in names
    assert "Ola Nowak (born 01-05-2018) - Card.pdf" in names
    assert not any("(2)" in name for name in names)
