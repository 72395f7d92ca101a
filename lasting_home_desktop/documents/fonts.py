"""The typefaces of every PDF, registered once, and which face draws each character.

Andika (SIL) is the main face: clear letter shapes made for early readers, with Latin Extended
(Polish, Czech, Romanian, Turkish, Vietnamese) and Cyrillic. Its Greek covers only the letters
used in phonetics, so Noto Sans fills in Greek and anything else Andika lacks; Noto Sans Arabic
(regular and bold) draws Urdu, Arabic and Persian. Emoji are drawn as pictures (documents.emoji);
a character nothing can draw is left out (documents.text_layout), so a PDF never shows an empty
box and never fails.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
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
ARABIC_BOLD = "LastingHomeArabic-Bold"

_FILES = {
    REGULAR: resources.FONT_REGULAR,
    BOLD: resources.FONT_BOLD,
    FALLBACK: resources.FONT_FALLBACK,
    FALLBACK_BOLD: resources.FONT_FALLBACK_BOLD,
    ARABIC: resources.FONT_ARABIC,
    ARABIC_BOLD: resources.FONT_ARABIC_BOLD,
}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map for a font subset, with each joined Arabic letter form
    (a presentation form) mapped back to the letters it stands for: a reader copying Urdu out
    of the PDF gets the letters as typed, not their printed shapes."""
    entries = []
    for index, code in enumerate(subset):
        letters = unicodedata.normalize("NFKC", chr(code)) if _presentation_form(code) else ""
        target = (letters or chr(code)).encode("utf-16-be").hex().upper()
        entries.append(f"<{index:02X}> <{target}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _presentation_form(code: int) -> bool:
    return 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


@cache
def register_fonts() -> str:
    """Register the bundled fonts with reportlab once; returns the main font's name."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # the same map, Arabic letters copy out whole
    for name, parts in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resources.asset(*parts))))
    for family, bold in ((REGULAR, BOLD), (FALLBACK, FALLBACK_BOLD), (ARABIC, ARABIC_BOLD)):
        addMapping(family, 0, 0, family)
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 1, 1, bold)
    return REGULAR


def initial_font() -> dict[str, object]:
    """Arguments for every Canvas and document template: each page starts in our own face.
    reportlab's default, Helvetica, would otherwise be named (and not embedded) on every page."""
    return {"initialFontName": register_fonts(), "initialFontSize": 10}


@cache
def _glyphs(font_name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


@cache
def font_for(char: str, bold: bool = False) -> str | None:
    """The bundled face that draws this character (bold where asked), or None."""
    code = ord(char)
    faces = (BOLD, FALLBACK_BOLD, ARABIC_BOLD) if bold else (REGULAR, FALLBACK, ARABIC)
    main, fallback, arabic = faces
    # Greek words come wholly from the fallback, not mixed with Andika's phonetic letters.
    if (0x0370 <= code <= 0x03FF or 0x1F00 <= code <= 0x1FFF) and code in _glyphs(fallback):
        return fallback
    # Arabic-script letters, joined forms and marks come from one face, so a word is whole.
    if _arabic_script(code) and code in _glyphs(arabic):
        return arabic
    for face in (main, fallback, arabic):
        if code in _glyphs(face):
            return face
    return None


def _arabic_script(code: int) -> bool:
    return (
        0x0600 <= code <= 0x06FF
        or 0x0750 <= code <= 0x077F
        or 0x08A0 <= code <= 0x08FF
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    )


def width(text: str, font: str, size: float = 1.0) -> float:
    """How wide the text is in that face, in points."""
    return pdfmetrics.stringWidth(text, font, size)


def markup(text: str, bold: bool = False) -> str:
    """Fixed left-to-right text (the guides) as Paragraph markup: escaped in one place
    (text.escape_markup), each character in a face that can draw it, line breaks kept.
    Children's and carers' own words go through documents.text_layout instead."""
    register_fonts()
    main = BOLD if bold else REGULAR
    parts: list[str] = []
    current, run = main, ""

    def flush() -> None:
        escaped = "<br/>".join(escape_markup(line) for line in run.split("\n"))
        parts.append(escaped if current == main else f'<font name="{current}">{escaped}</font>')

    for char in text:
        font = current if char.isspace() else font_for(char, bold)
        if font is None:
            continue
        if font != current and run:
            flush()
            run = ""
        current = font
        run += char
    if run:
        flush()
    return "".join(parts)
