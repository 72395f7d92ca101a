"""Drawing pieces the child's documents share: text boxes that shrink to fit, pictures,
borders and sprinkled stickers in the child's colours."""

from __future__ import annotations

import random
from dataclasses import replace
from functools import lru_cache

from reportlab.lib.colors import HexColor, white
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..domain.card_message import Palette
from .fonts import REGULAR
from .pictures import DECORATION_SIDE, PreparedPicture, fitted, place, prepared, set_picture
from .text_block import TextBlock, TextStyle, draw_layout, fitted_layout

# A table's own text (empty cells too) in our face, never reportlab's default Helvetica.
OUR_FONT = ("FONTNAME", (0, 0), (-1, -1), REGULAR)
SAFE_EDGE = 5.5 * mm  # no mark within 5 mm of the paper's edge (half a millimetre to spare)


def style(
    size: float,
    colour: str,
    bold: bool = False,
    align: int = TA_CENTER,
    leading: float | None = None,
    space_after: float = 0,
) -> TextStyle:
    return TextStyle(size, colour, bold, align, leading or 0.0, space_after=space_after)


def name_style(
    size: float, colour: str, bold: bool = False, align: int = TA_CENTER, space_after: float = 0
) -> TextStyle:
    """For names, headings and labels: written smaller rather than cut mid-word."""
    return replace(style(size, colour, bold, align, space_after=space_after), whole_words=True)


def paragraph(text: str, text_style: TextStyle) -> TextBlock:
    """User or fixed text as a block that flows in a document (documents.text_block)."""
    return TextBlock(text, text_style)


def draw_fitted(
    canvas: Canvas,
    text: str,
    x: float,
    top: float,
    width: float,
    height: float,
    size: float,
    colour: str,
    bold: bool = False,
    smallest: float = 9,
    align: int = TA_CENTER,
) -> float:
    """Draw text in the box, sizing it down until it fits with no word cut: lines break only
    at spaces and hyphens, and the longest unbroken part fits across. Never below `smallest`
    (then it is drawn whole and may run lower). Returns the height used."""
    layout = fitted_layout(text, style(size, colour, bold, align), width, height, smallest)
    return draw_layout(canvas, layout, x, top, width)


def draw_picture(
    canvas: Canvas,
    picture: PreparedPicture | None,
    x: float,
    y: float,
    width: float,
    height: float,
    frame: str = "",
) -> bool:
    """The picture centred in the box, keeping its shape, with an optional white mat and
    coloured frame. False when there is no picture to draw."""
    if picture is None:
        return False
    w, h = fitted(picture, width, height)
    left, bottom = x + (width - w) / 2, y + (height - h) / 2
    if frame and not picture.transparent:
        canvas.setFillColor(white)
        canvas.setStrokeColor(HexColor(frame))
        canvas.setLineWidth(3)
        canvas.roundRect(left - 8, bottom - 8, w + 16, h + 16, 10, stroke=1, fill=1)
    place(canvas, picture, left, bottom, w, h)
    return True


def sticker(canvas: Canvas, name: str, x: float, y: float, size: float) -> None:
    """One picture of the set as decoration (left out quietly if it is missing)."""
    draw_picture(canvas, prepared(set_picture(name), DECORATION_SIDE), x, y, size, size)


def paper(canvas: Canvas, colours: Palette, x: float, y: float, width: float, height: float):
    """The paper's colour over the page, kept SAFE_EDGE inside its edges: an office printer
    cannot print there, and a page printed "to fit" would be shrunk to keep it."""
    canvas.setFillColor(HexColor(colours.paper))
    canvas.roundRect(
        x + SAFE_EDGE, y + SAFE_EDGE, width - 2 * SAFE_EDGE, height - 2 * SAFE_EDGE, 10, 0, 1
    )


def border(
    canvas: Canvas, colours: Palette, x: float, y: float, width: float, height: float, inset=14
) -> None:
    """A rounded double border: a thick band in the main colour and a thin light line."""
    canvas.setStrokeColor(HexColor(colours.main))
    canvas.setLineWidth(6)
    canvas.roundRect(x + inset, y + inset, width - 2 * inset, height - 2 * inset, 18)
    canvas.setStrokeColor(HexColor(colours.light))
    canvas.setLineWidth(2)
    inner = inset + 9
    canvas.roundRect(x + inner, y + inner, width - 2 * inner, height - 2 * inner, 12)


def confetti(
    canvas: Canvas, colours: Palette, x: float, y: float, width: float, height: float, edge=46
) -> None:
    """Soft confetti scattered round the edge of a panel, the same every time."""
    canvas.saveState()
    canvas._code.append(_confetti_ops(colours, x, y, width, height, edge))
    canvas.restoreState()


@lru_cache(maxsize=64)
def _confetti_ops(
    colours: Palette, x: float, y: float, width: float, height: float, edge: float
) -> str:
    # Written once as PDF drawing operators and reused: a batch draws the same confetti on
    # every certificate, and reportlab formats each circle's numbers in pure Python.
    rng = random.Random(int(width * 7 + height))
    ops = []
    for index in range(int((width + height) / 20)):
        side = index % 4
        depth = rng.uniform(22, edge)  # from the paper's edge: never where a printer cannot print
        if side < 2:
            cx = x + rng.uniform(22, width - 22)
            cy = y + (depth if side == 0 else height - depth)
        else:
            cx = x + (depth if side == 2 else width - depth)
            cy = y + rng.uniform(22, height - 22)
        colour = _blend(colours.light if index % 3 else colours.main, colours.paper, 0.55)
        ops.append(_circle_ops(colour, cx, cy, rng.uniform(1.5, 3.6)))
    return "\n".join(ops)


def _blend(colour: str, paper: str, amount: float) -> str:
    """The colour laid at `amount` opacity over the paper, as PDF "r g b" numbers."""
    top, under = HexColor(colour), HexColor(paper)
    mixed = (
        top.red * amount + under.red * (1 - amount),
        top.green * amount + under.green * (1 - amount),
        top.blue * amount + under.blue * (1 - amount),
    )
    return " ".join(f"{part:.3f}" for part in mixed)


def ribbon(canvas: Canvas, colours: Palette, x: float, y: float, width: float, height: float):
    """A soft rounded band in the light colour, behind a name."""
    canvas.setFillColor(HexColor(colours.light))
    canvas.setFillAlpha(0.6)
    canvas.roundRect(x, y, width, height, height / 2, stroke=0, fill=1)
    canvas.setFillAlpha(1)


def dots(canvas: Canvas, colours: Palette, x: float, y: float, width: float, count: int = 9):
    """A row of soft dots: a quiet divider."""
    canvas.saveState()
    canvas._code.append(_dots_ops(colours, x, y, width, count))
    canvas.restoreState()


@lru_cache(maxsize=64)
def _dots_ops(colours: Palette, x: float, y: float, width: float, count: int) -> str:
    step = width / (count + 1)
    return "\n".join(
        _circle_ops(
            _blend(colours.light if index % 2 else colours.main, colours.paper, 1.0),
            x + index * step,
            y,
            3.2 if index % 2 else 2.2,
        )
        for index in range(1, count + 1)
    )


def _circle_ops(colour: str, cx: float, cy: float, r: float) -> str:
    """A filled circle as PDF operators: four Bezier quarter arcs."""
    k = r * 0.5523
    return (
        f"{colour} rg {cx + r:.2f} {cy:.2f} m "
        f"{cx + r:.2f} {cy + k:.2f} {cx + k:.2f} {cy + r:.2f} {cx:.2f} {cy + r:.2f} c "
        f"{cx - k:.2f} {cy + r:.2f} {cx - r:.2f} {cy + k:.2f} {cx - r:.2f} {cy:.2f} c "
        f"{cx - r:.2f} {cy - k:.2f} {cx - k:.2f} {cy - r:.2f} {cx:.2f} {cy - r:.2f} c "
        f"{cx + k:.2f} {cy - r:.2f} {cx + r:.2f} {cy - k:.2f} {cx + r:.2f} {cy:.2f} c f"
    )


def signature_line(
    canvas: Canvas, colours: Palette, x: float, y: float, width: float, name: str, role: str
) -> None:
    canvas.setStrokeColor(HexColor(colours.ink))
    canvas.setLineWidth(0.8)
    canvas.line(x, y, x + width, y)
    label = f"{name}, {role}" if name.strip() else role
    draw_fitted(canvas, label, x, y - 5, width, 30, 12, colours.ink, smallest=7, align=TA_LEFT)


def document_info(canvas: Canvas, title: str) -> None:
    """Title and author name the kind of document only: a child's name never goes in the
    metadata, which file browsers and upload systems show without opening the file."""
    canvas.setTitle(title)
    canvas.setAuthor("Lasting Home")
    canvas.setSubject("")
    canvas.setCreator("Lasting Home Desktop")
    canvas.setKeywords("")
