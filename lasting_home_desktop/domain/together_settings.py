"""How together mode fits one child's hands, set by the worker: bigger buttons for a child with
motor difficulties, and drawing by tapping (tap, move, tap) for a child who cannot drag."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from .codec import decode, encode

BIGGER_MIN_PX = 96  # every target at least this big with bigger buttons (64 otherwise)


@dataclass(frozen=True)
class TogetherSettings:
    SECTION: ClassVar[str] = "together_settings"

    bigger_buttons: bool = False
    tap_to_draw: bool = False

    @property
    def min_target_px(self) -> int:
        return BIGGER_MIN_PX if self.bigger_buttons else 64

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> TogetherSettings:
        return decode(cls, data)
