"""The child's personalised card: one A4 sheet, printed on both sides and folded in half.

Page 1 is the outside (front on the right, back on the left); page 2 the inside (what was
decided and how the child chose to celebrate on the left, the personal message on the right).
Printed on both sides and flipped on the short edge, the inside is the right way up; a small
line on the back says so, for whoever prints it. The message always fits its panel: it is
written smaller as it grows, and a message too long for any size a child can read is refused
with a kind word, never run on to a second sheet. Every mark keeps 5 mm from the paper's edge,
where office printers cannot print.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Spacer
from reportlab.platypus.flowables import Flowable

from ..domain.card_message import Palette
from ..domain.child import AgeBand, DecisionRoute
from ..domain.dates import format_long
from ..domain.limits import CARD_MESSAGE
from ..domain.outcome import require_outcome_decided
from .fonts import initial_font
from .keepsakes import KeepsakeSources, celebration_choice, outcome_detail, outcome_sentence
from .pictures import prepared
from .style import (
    SAFE_EDGE,
    border,
    document_info,
    dots,
    draw_fitted,
    draw_picture,
    name_style,
    paper,
    paragraph,
    sticker,
    style,
)

PAGE_W, PAGE_H = landscape(A4)
PANEL_W = PAGE_W / 2
MARGIN = 44
TITLE = "Lasting Home card"
PRINTING_NOTE = (
    "Print on both sides of one A4 sheet, flipping on the short edge, then fold in half."
)
MESSAGE_SIZES = (17, 16, 15, 14, 13, 12, 11.5, 11, 10.5, 10)  # a child can read 10 pt
_MESSAGE_TOP = PAGE_H - MARGIN - 18
_MESSAGE_BOTTOM = MARGIN + 6


class MessageTooLong(ValueError):
    """The card message cannot fit inside the card at any size a child can read."""

    def __init__(self, name: str, length: int):
        self.kind_message = (
            f"The message on {name}'s card is too long to fit inside the card ({length:,} "
            f"characters; up to {CARD_MESSAGE:,} fit, on fewer lines). Please shorten it on "
            "the Documents part of the child's page. Nothing has been lost."
        )
        super().__init__(self.kind_message)


def card_pdf(sources: KeepsakeSources) -> bytes:
    """The card as PDF bytes."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(PAGE_W, PAGE_H), pageCompression=1, **initial_font())
    document_info(canvas, TITLE)
    draw_card(canvas, sources)
    canvas.save()
    return out.getvalue()


def draw_card(canvas: Canvas, sources: KeepsakeSources) -> int:
    """Draw the card's two pages onto a canvas (one card, or one of many in a batch); returns
    how many pages it took (always 2: one sheet)."""
    require_outcome_decided(sources.child)  # never a yes before the decision
    flow = message_flow(sources)  # before drawing anything: a refusal leaves no half card
    colours = sources.palette
    start = canvas.getPageNumber()
    _outside(canvas, sources, colours)
    canvas.showPage()
    _inside(canvas, sources, colours, flow)
    canvas.showPage()
    return canvas.getPageNumber() - start


def _sheet(canvas: Canvas, colours: Palette) -> None:
    paper(canvas, colours, 0, 0, PAGE_W, PAGE_H)
    for left in (0, PANEL_W):
        inner = SAFE_EDGE + 4
        x = left + (inner if left == 0 else 8)
        border(canvas, colours, x, inner, PANEL_W - inner - 8, PAGE_H - 2 * inner, inset=0)


def _outside(canvas: Canvas, sources: KeepsakeSources, colours: Palette) -> None:
    child_band = sources.band is AgeBand.CHILD
    _sheet(canvas, colours)
    # The back (left half): small and quiet, with how to print it.
    sticker(canvas, "sticker-house", PANEL_W / 2 - 30, PAGE_H / 2 - 10, 60)
    back = PANEL_W - 2 * MARGIN
    draw_fitted(canvas, "Lasting Home", MARGIN, PAGE_H / 2 - 24, back, 30, 16, colours.main, True)
    draw_fitted(
        canvas, format_long(sources.decided_on), MARGIN, PAGE_H / 2 - 50, back, 24, 11, colours.ink
    )
    draw_fitted(canvas, PRINTING_NOTE, MARGIN, 64, back, 24, 7.5, colours.ink, smallest=6)
    # The front (right half): their picture and their name.
    left = PANEL_W
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
    name_top = box_top - box_h - 24
    # Long names size down (never cut mid-word) to stay above the dots.
    draw_fitted(
        canvas, sources.name, left + MARGIN, name_top, width, 84, 44, colours.main, True, 12
    )
    dots(canvas, colours, left + MARGIN + 40, 84, width - 80)


def _inside(
    canvas: Canvas, sources: KeepsakeSources, colours: Palette, flow: list[Flowable]
) -> None:
    child_band = sources.band is AgeBand.CHILD
    _sheet(canvas, colours)
    width = PANEL_W - 2 * MARGIN
    cheer = f"Great news, {sources.name}!" if child_band else f"Good news, {sources.name}"
    top = PAGE_H - 58
    top -= draw_fitted(canvas, cheer, MARGIN, top, width, 80, 30, colours.main, True, 12)
    celebration = celebration_choice(sources)
    side = 80 if celebration else 104
    sticker(canvas, "sticker-house", PANEL_W / 2 - side / 2, top - 8 - side, side)
    top -= side + 22
    top -= draw_fitted(
        canvas, outcome_sentence(sources), MARGIN, top, width, 110, 22, colours.ink, True, 11
    )
    top -= 10
    detail_room = 92 if celebration else 130
    top -= draw_fitted(
        canvas, outcome_detail(sources), MARGIN, top, width, detail_room, 15, colours.ink, False, 10
    )
    if celebration is not None:
        _celebration(canvas, colours, celebration.words, celebration.pictures, top - 12)
    dots(canvas, colours, MARGIN + 40, 62, width - 80)
    _message(canvas, flow)


def _celebration(
    canvas: Canvas, colours: Palette, words: str, pictures: tuple[str, ...], top: float
) -> None:
    """The celebration the child chose: its pictures, with the words under them."""
    # Above the dots (at 62): the pictures shrink, or stand aside, to leave the words room.
    side = min(52.0, top - 76 - 8 - 22)
    shown = pictures[:3] if side >= 26 else ()
    row = len(shown) * side + (len(shown) - 1) * 10
    x = PANEL_W / 2 - row / 2
    for name in shown:
        sticker(canvas, name, x, top - side, side)
        x += side + 10
    width = PANEL_W - 2 * MARGIN
    words_top = top - side - 8 if shown else top
    room = max(14.0, words_top - 76)
    draw_fitted(canvas, words, MARGIN, words_top, width, room, 15, colours.main, True, 9)


def _message(canvas: Canvas, flow: list[Flowable]) -> None:
    x, y = PANEL_W + MARGIN, _MESSAGE_TOP
    width = PANEL_W - 2 * MARGIN
    for item in flow:
        y -= item.getSpaceBefore()
        _, height = item.wrap(width, y - _MESSAGE_BOTTOM)
        item.drawOn(canvas, x, y - height)
        y -= height + item.getSpaceAfter()


def message_flow(sources: KeepsakeSources) -> list[Flowable]:
    """The inside right panel at the largest size at which it fits; MessageTooLong if it does
    not fit even at the smallest size a child can read."""
    width = PANEL_W - 2 * MARGIN
    room = _MESSAGE_TOP - _MESSAGE_BOTTOM
    for size in MESSAGE_SIZES:
        flow = _message_flow(sources, size)
        used = sum(
            item.getSpaceBefore() + item.wrap(width, room)[1] + item.getSpaceAfter()
            for item in flow
        )
        if used <= room:
            return flow
    raise MessageTooLong(sources.name, len(sources.card.message.strip()))


def _message_flow(sources: KeepsakeSources, size: float) -> list[Flowable]:
    colours = sources.palette
    message = sources.card.message.strip()
    flow: list[Flowable] = [
        paragraph("A message for you", style(20, colours.main, True, space_after=12)),
    ]
    if message:
        for part in message.split("\n\n"):
            if part.strip():
                flow.append(paragraph(part, style(size, colours.ink, align=TA_LEFT, space_after=8)))
    else:
        flow.append(Spacer(1, 150))
    role = "Panel Chair" if sources.child.route is DecisionRoute.PANEL else "Team Manager"
    flow += [
        Spacer(1, 14),
        paragraph("With very best wishes,", style(14, colours.ink, align=TA_LEFT)),
        Spacer(1, 36),
        _SignatureLine(colours.ink),
    ]
    if sources.signer:
        flow.append(paragraph(sources.signer, name_style(14, colours.ink, True, TA_LEFT)))
        flow.append(paragraph(role, style(11, colours.ink, align=TA_LEFT)))
    else:  # no one named yet: the role once, never "Panel Chair / Panel Chair"
        flow.append(paragraph(role, style(14, colours.ink, True, TA_LEFT)))
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
