"""Emoji in names and messages, drawn as pictures (PDF fonts cannot draw colour emoji).

The pictures are Twemoji renders in assets/pictures/emoji, one per emoji, named by code points
as Twemoji names them ("1f436.png" is 🐶, "1f44d-1f3fd.png" is 👍🏽). At each place in a text
the longest emoji we have a picture for is found; variation selectors are matched either way,
so "❤️" and "❤" are the same heart. An emoji with a skin tone or a family we have no picture for
falls back to the emoji before the modifier; what is still left has no picture and is left out.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .. import resources

_VARIATION = "\ufe0f"


@cache
def _pictures() -> dict[str, Path]:
    """Every emoji we have a picture of, without variation selectors, to its file."""
    try:
        folder = resources.asset("pictures", "emoji")
    except FileNotFoundError:
        return {}
    found = {}
    for path in folder.glob("*.png"):
        try:
            sequence = "".join(chr(int(part, 16)) for part in path.stem.split("-"))
        except ValueError:
            continue
        found[sequence.replace(_VARIATION, "")] = path
    return found


@cache
def _prefixes() -> frozenset[str]:
    return frozenset(sequence[:end] for sequence in _pictures() for end in range(1, len(sequence)))


def emoji_at(text: str, start: int) -> tuple[Path, int] | None:
    """The picture of the emoji that begins at text[start] and how many characters it takes
    (with any variation selector after it), or None when no emoji of ours begins there."""
    pictures, prefixes = _pictures(), _prefixes()
    best: tuple[Path, int] | None = None
    key = ""
    position = start
    while position < len(text):
        char = text[position]
        position += 1
        if char == _VARIATION:
            if best is not None and best[1] == position - 1 - start:
                best = (best[0], position - start)  # the selector belongs to the emoji
            continue
        key += char
        found = pictures.get(key)
        if found is not None:
            best = (found, position - start)
        if key not in prefixes:
            break
    return best


def has_picture(sequence: str) -> bool:
    """True when this exact emoji (variation selectors aside) has a picture."""
    return sequence.replace(_VARIATION, "") in _pictures()
