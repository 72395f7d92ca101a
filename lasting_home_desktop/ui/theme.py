"""Fonts, colours and the two together-mode looks. The app and the PDFs share one typeface
(registered, with the worker window's style, by `worker_style`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.child import AgeBand
from .worker_style import (
    ARABIC_FAMILY,
    FALLBACK_FAMILY,
    FAMILY,
    WORKER_STYLE,
    apply_worker_theme,
    register_fonts,
)

__all__ = [
    "ARABIC_FAMILY",
    "CHILD_LOOK",
    "FALLBACK_FAMILY",
    "FAMILY",
    "WORKER_STYLE",
    "YOUNG_PERSON_LOOK",
    "Look",
    "apply_worker_theme",
    "look_for",
    "register_fonts",
]


@dataclass(frozen=True)
class Look:
    """How together mode looks for one age band."""

    band: AgeBand
    background: str
    surface: str
    accent: str
    accent_text: str
    text: str
    chosen: str
    focus: str
    title_pt: int
    body_pt: int
    corner_px: int


CHILD_LOOK = Look(
    band=AgeBand.CHILD,
    background="#fff6e0",
    surface="#ffffff",
    accent="#ff8a3d",
    accent_text="#ffffff",
    text="#3a2a1a",
    chosen="#ffd23f",
    focus="#1b6ef3",
    title_pt=26,
    body_pt=16,
    corner_px=24,
)

YOUNG_PERSON_LOOK = Look(
    band=AgeBand.YOUNG_PERSON,
    background="#eef1f5",
    surface="#ffffff",
    accent="#3d5a80",
    accent_text="#ffffff",
    text="#1c2430",
    chosen="#98c1d9",
    focus="#e07a5f",
    title_pt=20,
    body_pt=13,
    corner_px=10,
)


def look_for(band: AgeBand) -> Look:
    return CHILD_LOOK if band is AgeBand.CHILD else YOUNG_PERSON_LOOK
