"""Names, messages and headings laid out in lines: any script, emoji as pictures, no word cut.

Every piece of text on a child's document or a professional record goes through here (the
guides, which are our own English, use reportlab's Paragraph). A text is prepared once, for
any size: split into paragraphs at line breaks and into words at spaces; each word has its
emoji replaced by pictures (documents.emoji), its Arabic-script letters joined
(documents.right_to_left), what no face can draw left out, and is cut after its hyphens into
pieces: the only places a line may break are spaces and hyphens. Widths are measured at size 1
and scale. Lines are then broken greedily in the order typed and put in reading order one by
one when drawn, which keeps multi-line Urdu in order; right-to-left paragraphs lean right.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .emoji import emoji_at
from .fonts import ARABIC, ARABIC_BOLD, BOLD, REGULAR, font_for, register_fonts, width
from .right_to_left import joined, starts_right_to_left

PICTURE = "\ufffc"  # stands in for an emoji picture inside prepared text
PICTURE_ADVANCE = 1.12  # an emoji picture's width on the line, in ems
PICTURE_SIDE = 1.0
PICTURE_DROP = 0.16  # how far the picture sits below the baseline, in ems
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")  # breaking spaces (not the no-break ones)
_HYPHENS = "-\u2010"
_ARABIC_FACES = frozenset({ARABIC, ARABIC_BOLD})


@dataclass(frozen=True)
class Piece:
    """A part of a line that is never broken: a word, or a word up to and with a hyphen."""

    text: str  # joined letters in the order typed, PICTURE for each emoji
    fonts: tuple[str, ...]  # the face of each character of text ("" for a picture)
    pictures: tuple[Path, ...]  # one for each PICTURE, in order
    typed: str  # as typed, for a reader copying the text out of the PDF
    unit_width: float  # width at size 1
    space_before: bool  # a space parts it from the piece before


@dataclass(frozen=True)
class Part:
    """One paragraph of a text (between line breaks)."""

    pieces: tuple[Piece, ...]
    right_to_left: bool


@dataclass(frozen=True)
class Prepared:
    parts: tuple[Part, ...]
    space: float  # the width of a space at size 1
    arabic: bool  # some of it is in Arabic script: lines need more room

    @property
    def widest(self) -> float:
        """The widest piece at size 1: the text fits a width only if this does."""
        return max((p.unit_width for part in self.parts for p in part.pieces), default=0.0)


@dataclass(frozen=True)
class Line:
    pieces: tuple[Piece, ...]
    right_to_left: bool
    width: float  # at the size it was laid out

    @property
    def typed(self) -> str:
        """The line's words as they were typed, in the order typed."""
        return "".join(
            (" " if piece.space_before and index else "") + piece.typed
            for index, piece in enumerate(self.pieces)
        )


@lru_cache(maxsize=4096)
def prepare(text: str, bold: bool = False, left_to_right: bool = False) -> Prepared:
    """The text ready to lay out at any size. Each paragraph reads in the direction of its
    first letter, unless `left_to_right` (a name in an English form reads as in the form)."""
    register_fonts()
    text = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    parts = tuple(_part(line, bold, left_to_right) for line in text.split("\n"))
    main = BOLD if bold else REGULAR
    arabic = any(f in _ARABIC_FACES for part in parts for p in part.pieces for f in p.fonts)
    return Prepared(parts, width(" ", main), arabic)


def _part(line: str, bold: bool, left_to_right: bool) -> Part:
    pieces: list[Piece] = []
    space = False
    for word in _SPACES.split(line):
        if not word:
            space = bool(pieces)
            continue
        found = _word(word, bold, space and bool(pieces))
        pieces += found
        space = True
    return Part(tuple(pieces), not left_to_right and starts_right_to_left(line))


def _word(word: str, bold: bool, space_before: bool) -> list[Piece]:
    marked, pictures, typed_pictures = _pictures_marked(word, bold)
    shaped = joined(marked)
    text, fonts, dropped_first = [], [], False
    for char in shaped:
        if char == PICTURE:
            text.append(char)
            fonts.append("")
            continue
        font = None if _invisible(char) else font_for(char, bold)
        if font is None:
            dropped_first = dropped_first or not text
            continue
        text.append(char)
        fonts.append(font)
    if not text:
        return []  # nothing drawable: the word goes, and with it its space
    if dropped_first and unicodedata.category(text[0]).startswith("P"):
        space_before = False  # "Zoë <unknown emoji>!" prints "Zoë!", never "Zoë !"
    typed = _restore(marked, typed_pictures)
    return _pieces("".join(text), tuple(fonts), tuple(pictures), typed, space_before)


def _pictures_marked(word: str, bold: bool) -> tuple[str, list[Path], list[str]]:
    """The word with each emoji we have a picture of replaced by PICTURE."""
    out, pictures, typed = [], [], []
    index = 0
    while index < len(word):
        found = emoji_at(word, index)
        # A character a face draws as text (©, ™, a digit) stays text unless asked as emoji.
        if found is not None and found[1] == 1 and font_for(word[index], bold) is not None:
            found = None
        if found is None:
            out.append(word[index])
            index += 1
            continue
        pictures.append(found[0])
        typed.append(word[index : index + found[1]])
        out.append(PICTURE)
        index += found[1]
    return "".join(out), pictures, typed


def _restore(marked: str, typed_pictures: list[str]) -> str:
    pictures = iter(typed_pictures)
    return "".join(next(pictures) if char == PICTURE else char for char in marked)


def _invisible(char: str) -> bool:
    # Joiners, variation selectors, tag characters and private-use code points draw nothing.
    code = ord(char)
    return (
        unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co")
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0000 <= code <= 0xE01EF
    )


def _cut_points(text: str) -> list[int]:
    """Where a word may break: after a hyphen with something on both sides."""
    return [i + 1 for i, char in enumerate(text[:-1]) if char in _HYPHENS and i > 0]


def _pieces(
    text: str,
    fonts: tuple[str, ...],
    pictures: tuple[Path, ...],
    typed: str,
    space_before: bool,
) -> list[Piece]:
    cuts = _cut_points(text)
    typed_cuts = _cut_points(typed)
    if len(typed_cuts) != len(cuts):
        typed_cuts = []  # the typed text goes whole with the first piece
    bounds = [0, *cuts, len(text)]
    typed_bounds = [0, *typed_cuts, len(typed)]
    pieces, seen_pictures = [], 0
    for number, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
        part_fonts = fonts[start:end]
        count = sum(1 for f in part_fonts if not f)
        if typed_cuts:
            part_typed = typed[typed_bounds[number] : typed_bounds[number + 1]]
        else:
            part_typed = typed if number == 0 else ""
        piece_text = text[start:end]
        pieces.append(
            Piece(
                piece_text,
                part_fonts,
                pictures[seen_pictures : seen_pictures + count],
                part_typed,
                _unit_width(piece_text, part_fonts),
                space_before if number == 0 else False,
            )
        )
        seen_pictures += count
    return pieces


def _unit_width(text: str, fonts: tuple[str, ...]) -> float:
    total = 0.0
    for run, font in runs(text, fonts):
        total += PICTURE_ADVANCE * len(run) if not font else width(run, font)
    return total


def runs(text: str, fonts: tuple[str, ...]) -> list[tuple[str, str]]:
    """The text in runs of one face each ("" for pictures, one run per picture)."""
    out: list[tuple[str, str]] = []
    for char, font in zip(text, fonts, strict=False):
        if out and font and out[-1][1] == font:
            out[-1] = (out[-1][0] + char, font)
        else:
            out.append((char, font))
    return out


# -- lines ---------------------------------------------------------------------------------------


def break_lines(prepared: Prepared, size: float, room: float, cut_long: bool = True) -> list[Line]:
    """The text in lines no wider than `room` at this size, broken at spaces and hyphens only.
    A piece wider than the room goes on a line of its own; with `cut_long` (long words in a
    message, never names) it is cut between letters instead, as the last resort."""
    lines: list[Line] = []
    gap = prepared.space * size
    for part in prepared.parts:
        current: list[Piece] = []
        used = 0.0
        for piece in part.pieces:
            wide = piece.unit_width * size
            space = gap if current and piece.space_before else 0.0
            if current and used + space + wide > room:
                lines.append(Line(tuple(current), part.right_to_left, used))
                current, used, space = [], 0.0, 0.0
            if not current and wide > room and cut_long:
                *whole, last = _cut(piece, size, room)
                lines += [Line((p,), part.right_to_left, p.unit_width * size) for p in whole]
                piece, wide = last, last.unit_width * size
            current.append(piece)
            used += space + wide
        lines.append(Line(tuple(current), part.right_to_left, used))
    return lines


def _cut(piece: Piece, size: float, room: float) -> list[Piece]:
    """A piece too wide for any line, cut between characters (never inside a letter with its
    marks) into pieces that fit."""
    out: list[Piece] = []
    start, used, pictures = 0, 0.0, 0
    for index, char in enumerate(piece.text):
        font = piece.fonts[index]
        step = (PICTURE_ADVANCE if not font else width(char, font)) * size
        mark = unicodedata.combining(char) > 0
        if index > start and used + step > room and not mark:
            out.append(_slice(piece, start, index, pictures, bool(out)))
            pictures += piece.fonts[start:index].count("")
            start, used = index, 0.0
        used += step
    out.append(_slice(piece, start, len(piece.text), pictures, bool(out)))
    return out


def _slice(piece: Piece, start: int, end: int, pictures: int, later: bool) -> Piece:
    fonts = piece.fonts[start:end]
    count = fonts.count("")
    text = piece.text[start:end]
    return Piece(
        text,
        fonts,
        piece.pictures[pictures : pictures + count],
        "" if later else piece.typed,  # the typed text goes whole with the first slice
        _unit_width(text, fonts),
        piece.space_before and not later,
    )
