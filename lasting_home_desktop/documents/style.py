"""Drawing pieces the child's documents share: text boxes that shrink to fit, pictures,
borders and sprinkled stickers in the child's colours."""

from __future__ import annotations

import random
from functools import lru_cache

from reportlab.lib.colors import HexColor, white
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ..domain.card_message import Palette
from .fonts import BOLD, REGULAR, markup, register_fonts
from .pictures import DECORATION_SIDE, PreparedPicture, fitted, place, prepared, set_picture


def style(
    size: float,
    colour: str,
    bold: bool = False,
    align: int = TA_CENTER,
    leading: float | None = None,
    space_after: float = 0,
) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(
        name=f"s{size}{bold}{align}",
        fontName=BOLD if bold else REGULAR,
        fontSize=size,
        leading=leading or size * 1.3,
        textColor=HexColor(colour),
        alignment=align,
        spaceAfter=space_after,
    )


def paragraph(text: str, para_style: ParagraphStyle, bold: bool = False) -> Paragraph:
    """User or fixed text, escaped and split into font runs in one place (fonts.markup)."""
    return Paragraph(markup(text, bold), para_style)


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
    """Draw text in the box, sizing it down until it fits (never below `smallest`; then it
    is drawn whole and may run lower). Returns the height used."""
    while True:
        para = paragraph(text, style(size, colour, bold, align), bold)
        _, used = para.wrap(width, height)
        if used <= height or size <= smallest:
            para.drawOn(canvas, x, top - used)
            return used
        size = max(smallest, size * 0.9)


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
    canvas.setFillColor(HexColor(colours.paper))
    canvas.rect(x, y, width, height, stroke=0, fill=1)


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
        along = rng.random()
        side = index % 4
        depth = rng.uniform(22, edge)
        if side < 2:
            cx, cy = x + along * width, y + (depth if side == 0 else height - depth)
        else:
            cx, cy = x + (depth if side == 2 else width - depth), y + along * height
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
