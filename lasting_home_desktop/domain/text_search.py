"""Searching names the way people type them: "wis" finds "Wiśniewska", "lukasz" finds "Łukasz"."""

from __future__ import annotations

import unicodedata

# Letters that are not a base letter plus an accent, so Unicode cannot take the accent off.
_OWN_LETTERS = str.maketrans(
    {"ł": "l", "đ": "d", "ð": "d", "ø": "o", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)


def folded(text: str) -> str:
    """Lower case with accents removed, for comparing what was typed with what is stored.
    Letters of other scripts (Urdu, Greek...) are kept, so they still find themselves."""
    lowered = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in lowered if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare.translate(_OWN_LETTERS))


def contains(haystack: str, needle: str) -> bool:
    """True when `needle` appears in `haystack`, ignoring case and accents."""
    return folded(needle.strip()) in folded(haystack)
