"""What the Team Manager (or Panel Chair) adds to the child's card and certificate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MESSAGE_LIMIT = 5000
SIGNER_LIMIT = 80


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

    def problems(self) -> list[str]:
        out = []
        if len(self.message) > MESSAGE_LIMIT:
            out.append(
                f"The message is {len(self.message):,} characters; the card holds up to "
                f"{MESSAGE_LIMIT:,}. Please shorten it a little. Nothing has been lost."
            )
        if len(self.signer) > SIGNER_LIMIT:
            out.append(f"The name under the message can be up to {SIGNER_LIMIT} characters.")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "signer": self.signer,
            "colour": self.colour,
            "picture_on_certificate": self.picture_on_certificate,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> CardMessage:
        if not data:
            return cls()
        return cls(
            message=str(data.get("message") or ""),
            signer=str(data.get("signer") or ""),
            colour=palette(str(data.get("colour") or "look")).key,
            picture_on_certificate=bool(data.get("picture_on_certificate", True)),
        )
