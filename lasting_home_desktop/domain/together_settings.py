"""How together mode fits one child's hands, set by the worker: bigger buttons for a child with
motor difficulties, and drawing by tapping (tap, move, tap) for a child who cannot drag."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

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
        return {"bigger_buttons": self.bigger_buttons, "tap_to_draw": self.tap_to_draw}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> TogetherSettings:
        data = data if isinstance(data, dict) else {}
        return cls(bool(data.get("bigger_buttons")), bool(data.get("tap_to_draw")))
