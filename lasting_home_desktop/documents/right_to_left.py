"""Urdu and Arabic in the PDFs: letters joined, and each line in reading order.

reportlab lays text out left to right and draws each character's own glyph, so Arabic script
needs two steps it does not take. Joining: each word is turned into the joined letter forms
(Unicode's presentation forms, which the Noto Sans Arabic faces carry) by arabic-reshaper;
joining never crosses a space, so a word can be joined before the text is wrapped, and it is
then measured as it will print. Reading order: only after wrapping, line by line, the
Unicode bidirectional algorithm (python-bidi's reference implementation) gives the order in
which a line's characters stand from left to right. Doing it per line is what keeps the first
line of an Urdu message at the top; doing it before wrapping reverses the lines.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import arabic_reshaper
from bidi import algorithm as bidi

# Right-to-left letters (R, AL), Arabic numbers (AN) and the explicit direction marks.
_RIGHT_TO_LEFT_TYPES = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI"})
_ARABIC_LETTERS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF))

# Harakat (vowel marks) are kept: a name prints with every mark it was typed with.
_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "shift_harakat_position": False}
)


@cache
def _type(char: str) -> str:
    return unicodedata.bidirectional(char)


def has_right_to_left(text: str) -> bool:
    """True when the text holds right-to-left letters or Arabic digits."""
    return any(_type(char) in _RIGHT_TO_LEFT_TYPES for char in text)


def starts_right_to_left(text: str) -> bool:
    """The paragraph's own direction: that of its first strong letter (Unicode rules P2, P3)."""
    for char in text:
        kind = _type(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _has_arabic_letters(word: str) -> bool:
    return any(low <= ord(char) <= high for char in word for low, high in _ARABIC_LETTERS)


def joined(word: str) -> str:
    """The word with its Arabic-script letters in their joined forms (unchanged otherwise).
    Call it on single words: joining stops at spaces anyway."""
    if not _has_arabic_letters(word):
        return word
    return _RESHAPER.reshape(word)


@dataclass(frozen=True)
class Placed:
    """One character of a line in its place from left to right."""

    index: int  # where it stands in the line as typed (logical order)
    char: str  # the character to draw: brackets are mirrored in right-to-left text
    right_to_left: bool


def visual_order(line: str, right_to_left: bool) -> list[Placed]:
    """The characters of one line (already wrapped, in the order typed) from left to right.

    `right_to_left` is the paragraph's direction (starts_right_to_left of the whole
    paragraph, so every line of it agrees)."""
    if not has_right_to_left(line) and not right_to_left:
        return [Placed(index, char, False) for index, char in enumerate(line)]
    storage = bidi.get_empty_storage()
    storage["base_level"] = 1 if right_to_left else 0
    storage["base_dir"] = "R" if right_to_left else "L"
    bidi.get_embedding_levels(line, storage, False, False)
    for index, entry in enumerate(storage["chars"]):
        entry["index"] = index  # travels with the character through the reordering
    bidi.explicit_embed_and_overrides(storage, False)
    bidi.resolve_weak_types(storage, False)
    bidi.resolve_neutral_types(storage, False)
    bidi.resolve_implicit_levels(storage, False)
    bidi.reorder_resolved_levels(storage, False)
    bidi.apply_mirroring(storage, False)
    return [
        Placed(entry["index"], entry["ch"], bool(entry["level"] % 2)) for entry in storage["chars"]
    ]
