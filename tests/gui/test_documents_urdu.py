"""Urdu in the PDFs looks as a real shaping engine draws it: joined, in order, right-aligned.

The PDF side is the documents' own text drawing (text_block.draw_layout, which the card, the
certificate and the book use), on a plain page so nothing else is in the picture, rendered by
pdftoppm. The other side is Qt drawing the same lines with the same Noto Sans Arabic faces at
the same places: Qt shapes with HarfBuzz and orders with its own bidirectional algorithm, so it
is an independent judge. The two pictures must overlap closely; the same check on the faults
the issue reported (letters unjoined, lines in reverse order) scores far lower, so it can fail.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageFilter
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPainter
from reportlab.lib.enums import TA_LEFT
from reportlab.pdfgen.canvas import Canvas

from lasting_home_desktop import resources
from lasting_home_desktop.documents.text_block import TextStyle, draw_layout, lay_out

NAME = "عائشہ"
MESSAGE = "پیاری عائشہ، ہم سب کو آپ پر بہت فخر ہے۔ آپ کا گھر ہمیشہ آپ کا گھر رہے گا۔"
DPI = 96  # 24 pt and 36 pt are whole pixel sizes (32 and 48 px) for Qt
PAGE = (440.0, 170.0)
LEFT, ROOM = 30.0, 380.0
Spec = tuple[str, TextStyle, float]  # a line as typed, its style, its baseline (points)

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm")


def pdf_lines(tmp: Path) -> tuple[Path, list[Spec]]:
    """The name (bold) and the message (two lines) drawn by the documents' own code."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=PAGE)
    top = PAGE[1] - 16
    specs: list[Spec] = []
    for text, style in (
        (NAME, TextStyle(36, "#000000", bold=True, align=TA_LEFT)),
        (MESSAGE, TextStyle(24, "#000000", align=TA_LEFT)),
    ):
        layout = lay_out(text, style, ROOM)
        baseline = top - style.size * (1.15 if layout.line_height > style.size * 1.5 else 1.0)
        for line in layout.lines:
            specs.append((line.typed, style, baseline))
            baseline -= layout.line_height
        top -= draw_layout(canvas, layout, LEFT, top, ROOM)
    canvas.showPage()
    canvas.save()
    source = tmp / "urdu.pdf"
    source.write_bytes(out.getvalue())
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(DPI), "-singlefile", str(source), str(tmp / "pdf")],
        check=True,
    )
    return tmp / "pdf.png", specs


def qt_lines(specs: list[Spec], target: Path) -> Path:
    """The same lines drawn by Qt, each ending at the right edge of the box."""
    scale = DPI / 72
    image = QImage(round(PAGE[0] * scale), round(PAGE[1] * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    painter.setPen(QColor("black"))
    for text, style, baseline in specs:
        font = QFont("Noto Sans Arabic")
        font.setPixelSize(round(style.size * scale))
        font.setBold(style.bold)
        painter.setFont(font)
        advance = QFontMetricsF(font).horizontalAdvance(text)
        painter.drawText(
            QPointF((LEFT + ROOM) * scale - advance, (PAGE[1] - baseline) * scale), text
        )
    painter.end()
    image.save(str(target))
    return target


def overlap(first: Path, second: Path) -> float:
    """How much the ink of two pictures overlaps (intersection over union, with a pixel of
    leeway for anti-aliasing)."""

    def ink(path: Path) -> bytes:
        image = Image.open(path).convert("L").point(lambda v: 255 if v < 160 else 0)
        return image.filter(ImageFilter.MaxFilter(3)).tobytes()

    a, b = ink(first), ink(second)
    both = sum(1 for x, y in zip(a, b, strict=True) if x and y)
    either = sum(1 for x, y in zip(a, b, strict=True) if x or y)
    return both / either


@pytest.fixture(scope="module")
def arabic_faces(qapp):
    for parts in (resources.FONT_ARABIC, resources.FONT_ARABIC_BOLD):
        assert QFontDatabase.addApplicationFont(str(resources.asset(*parts))) >= 0


def test_urdu_name_and_two_line_message_match_a_shaping_engine(arabic_faces, tmp_path):
    """The Urdu name and a two-line message print as HarfBuzz draws them: letters joined,
    first line on top, leaning right; unjoined letters or swapped lines would not match."""
    pdf, specs = pdf_lines(tmp_path)
    assert len(specs) == 3, "the name, then the message in exactly two lines"
    name, first, second = specs
    assert name[0] == NAME and first[0].startswith("پیاری") and second[0].endswith("رہے گا۔")
    right = overlap(pdf, qt_lines(specs, tmp_path / "qt.png"))
    swapped = [name, (second[0], second[1], first[2]), (first[0], first[1], second[2])]
    lines_reversed = overlap(pdf, qt_lines(swapped, tmp_path / "swapped.png"))
    # Zero-width non-joiners between the letters: what unjoined letters look like.
    apart = [("\u200c".join(text), style, base) for text, style, base in specs]
    unjoined = overlap(pdf, qt_lines(apart, tmp_path / "apart.png"))
    assert right > 0.7, right
    assert lines_reversed < right - 0.3 and unjoined < right - 0.3, (lines_reversed, unjoined)
