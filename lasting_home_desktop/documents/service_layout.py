"""The page the service documents share (the panel agenda, the team chart, a child's timeline):
A4, OFFICIAL-SENSITIVE in the header beside the title, "Page n of m" in the footer."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus.flowables import Flowable

from .fonts import BOLD, REGULAR
from .numbered_canvas import NumberedCanvas
from .style import name_style, paragraph, style

MARGIN = 42
INK, MUTED, RULE = "#1c2430", "#55606b", "#c9d1d8"
FLAG, GOOD, PLANNED, TARGET = "#b3261e", "#1d6b46", "#8aa4b3", "#c77700"
MARKING = "OFFICIAL-SENSITIVE"


def heading(text: str, size: float = 17) -> Flowable:
    return paragraph(text, name_style(size, INK, True, TA_LEFT, space_after=6))


def body(text: str, size: float = 10, colour: str = INK) -> Flowable:
    return paragraph(text, style(size, colour, False, TA_LEFT, space_after=4))


def service_pdf(title: str, story: Sequence[Flowable], header: str, wide: bool = False) -> bytes:
    """Build the story on A4 (landscape when `wide`) with the shared header and footer. The
    PDF's own title names the kind of document only, never a child."""
    pagesize = landscape(A4) if wide else A4
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 22,
        bottomMargin=MARGIN + 12,
        title=title,
        author="Lasting Home",
        subject="",
        creator="Lasting Home Desktop",
        pageCompression=1,
    )

    def canvas_maker(*args, **kwargs) -> Canvas:  # type: ignore[no-untyped-def]
        return _NumberedCanvas(header, *args, **kwargs)

    doc.build(list(story), canvasmaker=canvas_maker)
    return out.getvalue()


def usable_width(wide: bool = False) -> float:
    width = (landscape(A4) if wide else A4)[0]
    return width - 2 * MARGIN


class _NumberedCanvas(NumberedCanvas):
    def __init__(self, header: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._header = header
        self._size = kwargs.get("pagesize") or A4

    def furniture(self, total: int) -> None:
        width, height = self._size
        self.saveState()
        self.setStrokeColor(HexColor(RULE))
        self.setLineWidth(0.6)
        self.line(MARGIN, height - MARGIN + 2, width - MARGIN, height - MARGIN + 2)
        self.line(MARGIN, MARGIN - 4, width - MARGIN, MARGIN - 4)
        header = paragraph(self._header, style(9, MUTED, align=TA_LEFT))
        header.wrapOn(self, width - 2 * MARGIN - 130, 30)
        header.drawOn(self, MARGIN, height - MARGIN + 8)
        self.setFont(BOLD, 9)
        self.setFillColor(HexColor(INK))
        self.drawRightString(width - MARGIN, height - MARGIN + 10, MARKING)
        self.setFont(REGULAR, 9)
        self.setFillColor(HexColor(MUTED))
        self.drawString(MARGIN, MARGIN - 18, "Lasting Home")
        self.drawRightString(width - MARGIN, MARGIN - 18, f"Page {self._pageNumber} of {total}")
        self.restoreState()
