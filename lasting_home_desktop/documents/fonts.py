"""The typeface of every PDF, registered once, and user text split into runs each font can draw.

Andika (SIL) is the main face: clear letter shapes made for early readers, with Latin Extended
(Polish, Czech, Romanian, Turkish, Vietnamese) and Cyrillic. Its Greek covers only the letters
used in phonetics, so Noto Sans fills in Greek and anything else Andika lacks; Noto Sans Arabic
draws Urdu and Arabic names. A character no bundled font has (emoji, mostly) is left out and the
rest of the text kept, so a PDF never shows empty boxes and never fails.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import resources
from .text import escape_markup

# reportlab wraps every image and font stream in ASCII85 by default, in pure Python: a
# third of the time of a page with a drawing. PDF readers take the binary streams as they are.
rl_config.useA85 = 0

REGULAR = "LastingHome"
BOLD = "LastingHome-Bold"
FALLBACK = "LastingHomeFallback"
FALLBACK_BOLD = "LastingHomeFallback-Bold"
ARABIC = "LastingHomeArabic"

_FILES = {
    REGULAR: resources.FONT_REGULAR,
    BOLD: resources.FONT_BOLD,
    FALLBACK: resources.FONT_FALLBACK,
    FALLBACK_BOLD: resources.FONT_FALLBACK_BOLD,
    ARABIC: resources.FONT_ARABIC,
}


@cache
def register_fonts() -> str:
    """Register the bundled fonts with reportlab once; returns the main font's name."""
    for name, parts in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resources.asset(*parts))))
    for family, bold in ((REGULAR, BOLD), (FALLBACK, FALLBACK_BOLD), (ARABIC, ARABIC)):
        addMapping(family, 0, 0, family)
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 1, 1, bold)
    return REGULAR


@cache
def _glyphs(font_name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def _font_for(char: str, bold: bool) -> str | None:
    code = ord(char)
    main, fallback = (BOLD, FALLBACK_BOLD) if bold else (REGULAR, FALLBACK)
    # Greek words come wholly from the fallback, not mixed with Andika's phonetic letters.
    if (0x0370 <= code <= 0x03FF or 0x1F00 <= code <= 0x1FFF) and code in _glyphs(fallback):
        return fallback
    if code in _glyphs(main):
        return main
    if code in _glyphs(fallback):
        return fallback
    if code in _glyphs(ARABIC):
        return ARABIC
    return None


def _invisible(char: str) -> bool:
    # Joiners, variation selectors and private-use code points belong to emoji being left out.
    code = ord(char)
    return (
        unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co")
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )


@dataclass(frozen=True)
class Run:
    font: str
    text: str
    right_to_left: bool = False


def text_runs(text: str, bold: bool = False) -> list[Run]:
    """Split text into runs of one font each, leaving out characters no font can draw.

    Runs in Arabic script are put in visual order (letters reversed), since reportlab lays
    text out left to right; the letters are drawn unjoined (no shaping without HarfBuzz).
    """
    main = BOLD if bold else REGULAR
    runs: list[Run] = []
    for char in text:
        if char == "\n" or char.isspace():
            font: str | None = runs[-1].font if runs else main
            char = char if char == "\n" else " "
        elif _invisible(char):
            continue
        else:
            font = _font_for(char, bold)
            if font is None:
                continue
        if runs and runs[-1].font == font:
            runs[-1] = Run(font, runs[-1].text + char)
        else:
            runs.append(Run(font, char))
    return [_visual_order(run) for run in runs]


def _visual_order(run: Run) -> Run:
    if run.font != ARABIC or not any(unicodedata.bidirectional(c) in ("R", "AL") for c in run.text):
        return run
    core = run.text.strip()
    start = run.text.index(core[0]) if core else 0
    lead, tail = run.text[:start], run.text[start + len(core) :]
    return Run(run.font, lead + core[::-1] + tail, right_to_left=True)


def drawable_text(text: str, bold: bool = False) -> str:
    """The text as it will print: what no font can draw left out (for tests and previews)."""
    return "".join(run.text for run in text_runs(text, bold))


def markup(text: str, bold: bool = False) -> str:
    """User text as Paragraph markup: escaped in one place (text.escape_markup), with each run
    in the font that can draw it and line breaks kept."""
    register_fonts()
    main = BOLD if bold else REGULAR
    parts = []
    for run in text_runs(text, bold):
        escaped = "<br/>".join(escape_markup(line) for line in run.text.split("\n"))
        parts.append(escaped if run.font == main else f'<font name="{run.font}">{escaped}</font>')
    return "".join(parts)
