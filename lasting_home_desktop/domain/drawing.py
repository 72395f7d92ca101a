"""Rules for the child's drawings: names, backgrounds and the size a drawing is kept at."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DEFAULT_NAME = "My drawing"
from .limits import DRAWING_NAME as NAME_LIMIT  # noqa: E402 (one name per screen)

# Kept at print quality whatever the window size: 1600 px on the long side (A5 at ~200 dpi).
PICTURE_WIDTH = 1600
PICTURE_HEIGHT = 1200

_SPACES = re.compile(r"\s+")


def clean_drawing_name(text: str | None) -> str:
    """The name a child typed, tidied: no control characters, single spaces, at most 60
    characters; an empty name becomes "My drawing" so every drawing has one."""
    if not text:
        return DEFAULT_NAME
    kept = "".join(ch for ch in str(text) if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    kept = _SPACES.sub(" ", kept).strip()
    if not kept:
        return DEFAULT_NAME
    return kept[:NAME_LIMIT].rstrip()


@dataclass(frozen=True)
class Background:
    """A paper to draw on: a colour, and for lined paper the colour of its lines."""

    key: str
    label: str
    paper: str
    lines: str = ""

    @property
    def is_lined(self) -> bool:
        return bool(self.lines)


BACKGROUNDS: tuple[Background, ...] = (
    Background("plain", "Plain white", "#ffffff"),
    Background("cream", "Soft cream", "#fff4d6"),
    Background("sky", "Soft sky blue", "#e3f1ff"),
    Background("mint", "Soft mint green", "#e4f7ea"),
    Background("pink", "Soft pink", "#fde7ef"),
    Background("lined", "Lined paper", "#fffdf7", lines="#b9cfe8"),
)
DEFAULT_BACKGROUND = BACKGROUNDS[0]

# Lined paper: a line every 80 px at print size (about 1 cm printed), with a red margin.
LINE_SPACING = 80
LINE_TOP = 160
MARGIN_X = 140
MARGIN_COLOUR = "#f0b4b4"


def background(key: str | None) -> Background:
    """The background with this key; an unknown or missing key falls back to plain paper."""
    for choice in BACKGROUNDS:
        if choice.key == key:
            return choice
    return DEFAULT_BACKGROUND
