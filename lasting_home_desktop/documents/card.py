"""The child's personalised card: an A4 sheet printed on both sides and folded in half.

Page 1 is the outside (front on the right, back on the left); page 2 the inside (what was
decided on the left, the personal message on the right). Print both sides, flipping on the
short edge, and fold. A long message carries on to more pages rather than being cut off.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph, Spacer
from reportlab.platypus.flowables import Flowable

from ..domain.card_message import Palette
from ..domain.child import AgeBand, DecisionRoute
from ..domain.dates import format_long
from ..domain.outcome import require_outcome_decided
from .keepsakes import KeepsakeSources, outcome_detail, outcome_sentence
from .pictures import prepared
from .style import (
    border,
    document_info,
    dots,
    draw_fitted,
    draw_picture,
    paper,
    paragraph,
    sticker,
    style,
)

PAGE_W, PAGE_H = landscape(A4)
PANEL_W = PAGE_W / 2
MARGIN = 44
TITLE = "Lasting Home card"


def card_pdf(sources: KeepsakeSources) -> bytes:
    """The card as PDF bytes."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(PAGE_W, PAGE_H), pageCompression=1)
    document_info(canvas, TITLE)
    draw_card(canvas, sources)
    canvas.save()
    return out.getvalue()


def draw_card(canvas: Canvas, sources: KeepsakeSources) -> int:
    """Draw the card's pages onto a canvas (one card, or one of many in a batch); returns
    how many pages it took."""
    require_outcome_decided(sources.child)  # never a yes before the decision
    colours = sources.palette
    start = canvas.getPageNumber()
    _outside(canvas, sources, colours)
    canvas.showPage()
    _inside(canvas, sources, colours)
    canvas.showPage()
    return canvas.getPageNumber() - start


def _panel(canvas: Canvas, colours: Palette, left: float) -> None:
    paper(canvas, colours, left, 0, PANEL_W, PAGE_H)
    border(canvas, colours, left, 0, PANEL_W, PAGE_H, inset=18)


def _outside(canvas: Canvas, sources: KeepsakeSources, colours: Palette) -> None:
    child_band = sources.band is AgeBand.CHILD
    # The back (left half): small and quiet.
    _panel(canvas, colours, 0)
    sticker(canvas, "sticker-house", PANEL_W / 2 - 30, PAGE_H / 2 - 10, 60)
    draw_fitted(
        canvas,
        "Lasting Home",
        MARGIN,
        PAGE_H / 2 - 24,
        PANEL_W - 2 * MARGIN,
        30,
        16,
        colours.main,
        bold=True,
    )
    draw_fitted(
        canvas,
        format_long(sources.decided_on),
        MARGIN,
        PAGE_H / 2 - 50,
        PANEL_W - 2 * MARGIN,
        24,
        11,
        colours.ink,
    )
    # The front (right half): their picture and their name.
    left = PANEL_W
    _panel(canvas, colours, left)
    for name, x, y, size in (
        ("sticker-star", left + 40, PAGE_H - 92, 48),
        ("sticker-sparkles", left + PANEL_W - 90, PAGE_H - 96, 50),
        ("sticker-heart", left + 42, 44, 40),
        ("sticker-balloon" if child_band else "sticker-star", left + PANEL_W - 86, 40, 46),
    ):
        sticker(canvas, name, x, y, size)
    width = PANEL_W - 2 * MARGIN
    greeting = "A card just for you" if child_band else "For you"
    draw_fitted(canvas, greeting, left + MARGIN, PAGE_H - 70, width, 30, 18, colours.main)
    picture = prepared(sources.picture)
    box_top, box_h = PAGE_H - 120, 270
    if not draw_picture(
        canvas, picture, left + 80, box_top - box_h, PANEL_W - 160, box_h, colours.main
    ):
        sticker(canvas, "sticker-house", left + PANEL_W / 2 - 100, box_top - box_h + 35, 200)
    draw_fitted(
        canvas,
        sources.name,
        left + MARGIN,
        box_top - box_h - 24,
        width,
        84,  # long names size down to stay above the dots
        44,
        colours.main,
        bold=True,
        smallest=14,
    )
    dots(canvas, colours, left + MARGIN + 40, 84, width - 80)


def _inside(canvas: Canvas, sources: KeepsakeSources, colours: Palette) -> None:
    child_band = sources.band is AgeBand.CHILD
    _panel(canvas, colours, 0)
    width = PANEL_W - 2 * MARGIN
    cheer = f"Great news, {sources.name}!" if child_band else f"Good news, {sources.name}"
    used = draw_fitted(canvas, cheer, MARGIN, PAGE_H - 60, width, 90, 30, colours.main, True, 14)
    sticker(canvas, "sticker-house", PANEL_W / 2 - 55, PAGE_H - 90 - used - 110, 110)
    top = PAGE_H - 110 - used - 120
    used = draw_fitted(
        canvas,
        outcome_sentence(sources),
        MARGIN,
        top,
        width,
        130,
        22,
        colours.ink,
        bold=True,
        smallest=12,
    )
    draw_fitted(
        canvas,
        outcome_detail(sources),
        MARGIN,
        top - used - 14,
        width,
        110,
        15,
        colours.ink,
        smallest=10,
    )
    dots(canvas, colours, MARGIN + 40, 70, width - 80)

    _panel(canvas, colours, PANEL_W)
    flow = _message_flow(sources, colours)
    _fill(_frame(PANEL_W), flow, canvas)
    # A long message carries on over more pages, two panels at a time; nothing is cut off.
    while flow:
        canvas.showPage()
        for left in (0, PANEL_W):
            _panel(canvas, colours, left)
            if flow and not _fill(_frame(left), flow, canvas):
                flow.pop(0)  # taller than a whole panel and cannot split: never loop for ever


def _fill(frame: Frame, flow: list[Flowable], canvas: Canvas) -> int:
    """Put as much of the flow into the frame as fits, splitting a paragraph at the foot
    (Frame.addFromList never splits). Returns how many pieces went in."""
    placed = 0
    while flow:
        if frame.add(flow[0], canvas, trySplit=1):
            flow.pop(0)
            placed += 1
            continue
        parts = frame.split(flow[0], canvas)
        if len(parts) < 2:
            break
        flow[0:1] = parts
        if frame.add(flow[0], canvas, trySplit=1):
            flow.pop(0)
            placed += 1
        break
    return placed


def _frame(left: float) -> Frame:
    return Frame(
        left + MARGIN,
        MARGIN + 6,
        PANEL_W - 2 * MARGIN,
        PAGE_H - 2 * MARGIN - 24,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        showBoundary=0,
    )


def _message_flow(sources: KeepsakeSources, colours: Palette) -> list[Flowable]:
    child_band = sources.band is AgeBand.CHILD
    message = sources.card.message.strip()
    # A short message is written large; a long one smaller, and then it flows on.
    size = 17 if len(message) < 300 else 14 if len(message) < 900 else 12
    heading = "A message for you" if child_band else "A message for you"
    flow: list[Flowable] = [
        paragraph(heading, style(20, colours.main, bold=True, space_after=12), bold=True),
    ]
    if message:
        for part in message.split("\n\n"):
            flow.append(paragraph(part, style(size, colours.ink, align=TA_LEFT, space_after=8)))
    else:
        flow.append(Spacer(1, 150))
    role = "Panel Chair" if sources.child.route is DecisionRoute.PANEL else "Team Manager"
    flow += [
        Spacer(1, 18),
        paragraph("With very best wishes,", style(14, colours.ink, align=TA_LEFT)),
        Spacer(1, 40),
        _SignatureLine(colours.ink),
        paragraph(sources.signer or role, style(14, colours.ink, bold=True, align=TA_LEFT), True),
        Paragraph(role, style(11, colours.ink, align=TA_LEFT)),
    ]
    return flow


class _SignatureLine(Flowable):
    """A line to sign on, as part of the message flow so it always follows the message."""

    def __init__(self, colour: str):
        super().__init__()
        self.colour = colour

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(available_width, 220)
        return self.width, 8

    def draw(self) -> None:
        self.canv.setStrokeColor(HexColor(self.colour))
        self.canv.setLineWidth(0.8)
        self.canv.line(0, 4, self.width, 4)
