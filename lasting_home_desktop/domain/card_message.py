"""What the Team Manager (or Panel Chair) adds to the child's card and certificate."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .codec import decode, encode

# What fits inside the card, on one panel of one folded A4 sheet, in type a child can read
# (documents/card.py checks it fits, in every script, and refuses rather than run over).
MESSAGE_LIMIT = 1000
MESSAGE_LINES_LIMIT = 16
SIGNER_LIMIT = 80
HOME_NAME_LIMIT = 60


@dataclass(frozen=True)
class Palette:
    """The colours of the child's card, certificate and book."""

    key: str
    label: str
    paper: str  # the soft background
    main: str  # borders, headings
    light: str  # ribbons, panels
    ink: str  # body text


PALETTES: tuple[Palette, ...] = (
    Palette("look", "Their together-mode look", "", "", "", ""),
    Palette("sunshine", "Sunshine orange", "#fff6e0", "#e8702a", "#ffd23f", "#3a2a1a"),
    Palette("sky", "Sky blue", "#eef6ff", "#2f6db5", "#9cc9f5", "#1c2430"),
    Palette("meadow", "Meadow green", "#f0f9ec", "#3b8a3e", "#b5e0a0", "#1e2a1c"),
    Palette("berry", "Berry purple", "#f6effb", "#7b3fa6", "#d6b8ee", "#2a1c33"),
    Palette("blossom", "Blossom pink", "#fff0f5", "#c2416f", "#f7b6cc", "#3a1a26"),
    Palette("ocean", "Ocean teal", "#ecf8f7", "#137a7f", "#9ddcd6", "#14282a"),
    Palette("ruby", "Ruby red", "#fff1ee", "#b8322a", "#f5b1a6", "#361512"),
)
# The two together-mode looks, used when "their look" is chosen.
CHILD_PALETTE = PALETTES[1]
YOUNG_PERSON_PALETTE = Palette("slate", "Slate blue", "#eef1f5", "#3d5a80", "#98c1d9", "#1c2430")


def palette(key: str) -> Palette:
    return next((p for p in PALETTES if p.key == key), PALETTES[0])


@dataclass(frozen=True)
class CardMessage:
    """The personal message on the child's card, who signs it, and the look of the keepsakes."""

    message: str = ""
    signer: str = ""  # empty: the Team Manager (or Panel Chair) on the child's record
    colour: str = "look"  # a Palette key
    picture_on_certificate: bool = True
    home_name: str = ""  # a residential home's name, e.g. "Oakfield House"

    def _settled(self) -> CardMessage:
        return replace(self, colour=palette(self.colour).key)  # an unknown colour: the look

    def problems(self) -> list[str]:
        out = []
        if len(self.message) > MESSAGE_LIMIT:
            out.append(
                f"The message is {len(self.message):,} characters; the card holds up to "
                f"{MESSAGE_LIMIT:,}. Please shorten it a little. Nothing has been lost."
            )
        lines = message_lines(self.message)
        if lines > MESSAGE_LINES_LIMIT:
            out.append(
                f"The message has {lines} lines; the card holds up to {MESSAGE_LINES_LIMIT}. "
                "Please join some of them up. Nothing has been lost."
            )
        if len(self.signer) > SIGNER_LIMIT:
            out.append(f"The name under the message can be up to {SIGNER_LIMIT} characters.")
        if len(self.home_name) > HOME_NAME_LIMIT:
            out.append(f"The home's name can be up to {HOME_NAME_LIMIT} characters.")
        return out

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> CardMessage:
        return decode(cls, data)


def message_lines(message: str) -> int:
    """How many lines the writer started (a blank line between paragraphs counts too)."""
    return len(message.strip().splitlines()) if message.strip() else 0


def message_room(message: str) -> str:
    """How much of the card the message uses, in a few words for the person writing it."""
    used, lines = len(message), message_lines(message)
    if used > MESSAGE_LIMIT:
        return f"{used:,} of {MESSAGE_LIMIT:,} characters: please shorten it to fit the card."
    if lines > MESSAGE_LINES_LIMIT:
        return f"{lines} of {MESSAGE_LINES_LIMIT} lines: please join some up to fit the card."
    return f"{used:,} of {MESSAGE_LIMIT:,} characters fit inside the card."
