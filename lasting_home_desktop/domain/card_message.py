"""What the Team Manager (or Panel Chair) adds to the child's card and certificate."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .codec import decode, encode
from .limits import CARD_MESSAGE, CARD_MESSAGE_LINES, CARD_SIGNER, HOME_NAME
from .record_checks import text_problems

# What fits inside the card, on one panel of one folded A4 sheet, in type a child can read
# (documents/card.py checks it fits, in every script, and refuses rather than run over).


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
        if len(self.message) > CARD_MESSAGE:
            out.append(
                f"The message is {len(self.message):,} characters; the card holds up to "
                f"{CARD_MESSAGE:,}. Please shorten it a little. Nothing has been lost."
            )
        lines = message_lines(self.message)
        if lines > CARD_MESSAGE_LINES:
            out.append(
                f"The message has {lines} lines; the card holds up to {CARD_MESSAGE_LINES}. "
                "Please join some of them up. Nothing has been lost."
            )
        out += text_problems("name under the message", self.signer, CARD_SIGNER)
        out += text_problems("home's name", self.home_name, HOME_NAME)
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
    if used > CARD_MESSAGE:
        return f"{used:,} of {CARD_MESSAGE:,} characters: please shorten it to fit the card."
    if lines > CARD_MESSAGE_LINES:
        return f"{lines} of {CARD_MESSAGE_LINES} lines: please join some up to fit the card."
    return f"{used:,} of {CARD_MESSAGE:,} characters fit inside the card."
