"""How names and words are laid out in the PDFs: joined Urdu in reading order, right-to-left
lines leaning right, lines broken only at spaces and hyphens, emoji as pictures, no gaps."""

from __future__ import annotations

import io
import unicodedata

import pytest
from documents_support import LONG_NAME, URDU_MESSAGE, URDU_NAME, pdf_text
from pypdf import PdfReader
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.pdfgen.canvas import Canvas

from lasting_home_desktop.documents.right_to_left import visual_order
from lasting_home_desktop.documents.text_block import (
    TextStyle,
    draw_layout,
    fitted_layout,
    lay_out,
)
from lasting_home_desktop.documents.text_layout import PICTURE, prepare


def drawn_chars(text: str) -> str:
    return "".join(p.text for part in prepare(text).parts for p in part.pieces)


def test_urdu_letters_are_joined_and_latin_is_left_alone():
    """An Urdu name is drawn with its joined letter forms; a Polish name exactly as typed."""
    joined = drawn_chars(URDU_NAME)
    assert len(joined) == len(URDU_NAME)
    assert all(unicodedata.name(c).startswith("ARABIC LETTER") for c in URDU_NAME)
    assert all("FORM" in unicodedata.name(c) for c in joined)  # initial, medial, final forms
    assert unicodedata.normalize("NFKC", joined) == URDU_NAME
    assert drawn_chars("Łucja Wiśniewska") == "ŁucjaWiśniewska"


def test_a_long_urdu_message_keeps_its_lines_in_reading_order():
    """Wrapped into several lines, an Urdu message starts on the top line and ends on the
    last; each line reads right to left."""
    layout = lay_out(URDU_MESSAGE, TextStyle(18, "#000000", align=TA_LEFT), 200)
    lines = [line.typed for line in layout.lines]
    assert len(lines) >= 3
    assert " ".join(lines) == " ".join(URDU_MESSAGE.split())
    assert lines[0].startswith("پیاری") and lines[-1].endswith("ہیں۔")
    first = layout.lines[0]
    order = visual_order(" ".join(p.text for p in first.pieces), first.right_to_left)
    assert [placed.index for placed in order] == sorted((p.index for p in order), reverse=True)


def text_origins(data: bytes) -> list[tuple[float, str]]:
    """(x, text) of every run of text on the first page."""
    found: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            found.append((tm[4], text.strip()))

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return found


def test_a_right_to_left_paragraph_leans_right_and_an_english_one_left():
    """With text set from the start of the line, Urdu sits against the right of the box and
    English against the left."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(600, 300))
    style = TextStyle(14, "#000000", align=TA_LEFT)
    draw_layout(canvas, lay_out(URDU_NAME, style, 400), 100, 250, 400)
    draw_layout(canvas, lay_out("Ola", style, 400), 100, 150, 400)
    canvas.save()
    origins = dict((text, x) for x, text in text_origins(out.getvalue()))
    assert origins["Ola"] == pytest.approx(100)
    assert origins[URDU_NAME] > 440  # the name is about 40 points wide, ending at 500


@pytest.mark.parametrize("width", [120, 160, 220, 300])
def test_a_long_name_breaks_only_at_its_hyphens_and_shrinks_to_fit(width):
    """A long name in a small box is written smaller and broken only after its hyphens,
    never inside a word."""
    layout = fitted_layout(LONG_NAME, TextStyle(44, "#000000", True), width, 90, 8)
    lines = [line.typed for line in layout.lines]
    assert "".join(lines) == LONG_NAME
    assert all(line.endswith("-") for line in lines[:-1])
    assert all(line.width <= width + 0.01 for line in layout.lines)


def test_a_word_longer_than_any_line_is_cut_only_in_running_text():
    """A 300-letter word in a message is cut between letters as a last resort; the same word
    as a name is written smaller instead."""
    word = "a" * 300
    running = lay_out(word, TextStyle(12, "#000000"), 200)
    assert len(running.lines) > 1 and "".join(line.typed for line in running.lines) == word
    name = fitted_layout(
        "Wolfeschlegelsteinhausenbergerdorff", TextStyle(50, "#000000"), 200, 80, 6
    )
    assert len(name.lines) == 1 and name.style.size < 50


def test_emoji_become_pictures_and_unknown_ones_leave_no_gap():
    """🎉 and ❤️ are pictures; an emoji we have no picture for disappears with its space."""
    pieces = [p for part in prepare("Well done 🎉, love ❤️!").parts for p in part.pieces]
    assert [p.text.count(PICTURE) for p in pieces] == [0, 0, 1, 0, 1]
    assert [len(p.pictures) for p in pieces] == [0, 0, 1, 0, 1]
    gone = lay_out("Great news, Zoë 🦭!", TextStyle(12, "#000000", align=TA_CENTER), 400)
    assert [p.text for p in gone.lines[0].pieces] == ["Great", "news,", "Zoë", "!"]
    assert gone.lines[0].pieces[-1].space_before is False


def test_markup_and_quotes_are_drawn_literally():
    """Text that looks like markup is just text."""
    out = io.BytesIO()
    canvas = Canvas(out)
    draw_layout(canvas, lay_out('<b>&amp; "O\'Brien"', TextStyle(12, "#000000"), 300), 50, 700, 300)
    canvas.save()
    assert '<b>&amp; "O\'Brien"' in pdf_text(out.getvalue())


def test_a_block_split_over_pages_keeps_every_word_once():
    """Split at the foot of a page, a long block's two parts hold its lines once each, even
    when the next frame is narrower."""
    from lasting_home_desktop.documents.text_block import TextBlock

    words = " ".join(f"word{n}" for n in range(300))
    block = TextBlock(words, TextStyle(12, "#000000", align=TA_LEFT))
    block.wrap(300, 2000)
    first, rest = block.split(300, 200)
    rest.wrap(200, 2000)  # a narrower frame: laid out again from its own words
    parts = [line.typed for part in (first, rest) for line in part._layout.lines]
    assert " ".join(parts).split() == words.split()
