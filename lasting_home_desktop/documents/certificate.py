"""The Lasting Home Certificate: one A4 landscape page for the child and their carers."""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from ..domain.child import AgeBand, DecisionRoute, HomeType, join_names
from ..domain.dates import format_long
from ..domain.outcome import require_outcome_decided
from .fonts import initial_font
from .keepsakes import KeepsakeSources, celebration_choice, home_phrase
from .pictures import prepared
from .style import (
    border,
    confetti,
    document_info,
    dots,
    draw_fitted,
    draw_picture,
    paper,
    ribbon,
    signature_line,
    sticker,
    style,
)
from .text_block import draw_layout, fitted_layout

PAGE_W, PAGE_H = landscape(A4)
TITLE = "Lasting Home Certificate"


def certificate_pdf(sources: KeepsakeSources) -> bytes:
    """The certificate as PDF bytes."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(PAGE_W, PAGE_H), pageCompression=1, **initial_font())
    document_info(canvas, TITLE)
    draw_certificate(canvas, sources)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def celebration_line(sources: KeepsakeSources) -> str:
    home = home_phrase(sources.child, sources.card.home_name)
    if sources.band is AgeBand.CHILD:
        return f"to celebrate that {home} is your lasting home."
    return f"celebrating that {home} is your lasting home."


def second_line(sources: KeepsakeSources) -> str:
    """The carers named where the first line did not name them, else a warm word. A
    residential home's key workers change, so the home's name stands for them."""
    carers = join_names([c for c in sources.child.people.carers if c.strip()])
    residential = sources.child.home_type is HomeType.RESIDENTIAL
    if carers and not residential and carers not in home_phrase(sources.child):
        return f"With {carers}."
    if sources.band is AgeBand.CHILD:
        return "This is the home where you will grow up."
    return "Everyone agreed this is where you belong."


def draw_certificate(canvas: Canvas, sources: KeepsakeSources) -> None:
    require_outcome_decided(sources.child)  # never a yes before the decision
    colours = sources.palette
    paper(canvas, colours, 0, 0, PAGE_W, PAGE_H)
    confetti(canvas, colours, 0, 0, PAGE_W, PAGE_H, edge=40)
    border(canvas, colours, 0, 0, PAGE_W, PAGE_H, inset=22)
    for name, x, y in (
        ("sticker-star", 48, PAGE_H - 104),
        ("sticker-star", PAGE_W - 104, PAGE_H - 104),
        ("sticker-sparkles", 48, 48),
        ("sticker-sparkles", PAGE_W - 104, 48),
    ):
        sticker(canvas, name, x, y, 56)

    picture = prepared(sources.picture) if sources.card.picture_on_certificate else None
    text_left, text_width = 120, PAGE_W - 240
    if picture is not None:
        draw_picture(canvas, picture, 70, PAGE_H / 2 - 95, 190, 190, colours.main)
        text_left, text_width = 280, PAGE_W - 280 - 90

    draw_fitted(canvas, TITLE, 120, PAGE_H - 62, PAGE_W - 240, 60, 40, colours.main, bold=True)
    dots(canvas, colours, PAGE_W / 2 - 150, PAGE_H - 120, 300, count=11)
    draw_fitted(
        canvas, "This certificate is for", text_left, PAGE_H - 150, text_width, 30, 17, colours.ink
    )
    ribbon(canvas, colours, text_left + 10, PAGE_H - 262, text_width - 20, 92)
    name_left, name_width = text_left + 30, text_width - 60
    draw_fitted(
        canvas, sources.name, name_left, PAGE_H - 184, name_width, 80, 50, colours.main, True, 12
    )
    _what_it_means(canvas, sources, text_left, text_width)
    _signatures(canvas, sources)


def _what_it_means(canvas: Canvas, sources: KeepsakeSources, left: float, width: float) -> None:
    """Under the name: what is celebrated, the carers or a warm word, the date, and how the
    child chose to celebrate."""
    colours = sources.palette
    top = PAGE_H - 282
    # With a celebration to show as well, the lines above it give up a little room.
    chose = celebration_choice(sources) is not None
    first_room, second_room = (56, 22) if chose else (64, 44)
    top -= draw_fitted(
        canvas, celebration_line(sources), left, top, width, first_room, 20, colours.ink, True, 11
    )
    top -= 8 + draw_fitted(
        canvas, second_line(sources), left, top - 8, width, second_room, 16, colours.ink
    )
    day = format_long(sources.decided_on)
    top -= 12 + draw_fitted(canvas, day, left, top - 12, width, 26, 15, colours.main, True)
    _celebration(canvas, sources, left, width, top - 8)


def _celebration(
    canvas: Canvas, sources: KeepsakeSources, left: float, width: float, top: float
) -> None:
    """How the child chose to celebrate: small pictures and the words, centred in one row
    above the signatures (nothing when they have not chosen)."""
    celebration = celebration_choice(sources)
    if celebration is None:
        return
    side, gap = 34, 6
    shown = celebration.pictures[:2]
    pictures_width = len(shown) * (side + gap)
    room = width - pictures_width
    words = style(14, sources.palette.ink, align=TA_LEFT)
    # Above the seal between the signatures (its top is at 152).
    layout = fitted_layout(celebration.words, words, room, max(12.0, top - 4 - 156), 8)
    used = max(line.width for line in layout.lines)
    x = left + (width - pictures_width - used) / 2
    middle = top - 4 - layout.height / 2
    for name in shown:
        sticker(canvas, name, x, middle - side / 2, side)
        x += side + gap
    draw_layout(canvas, layout, x, top - 4, used)


def _signatures(canvas: Canvas, sources: KeepsakeSources) -> None:
    colours = sources.palette
    people = sources.child.people
    panel = sources.child.route is DecisionRoute.PANEL
    width = 230
    y = 104
    left_x, right_x = 130, PAGE_W - 130 - width
    if panel:
        signature_line(canvas, colours, left_x, y, width, people.decision_maker, "Panel Chair")
        signature_line(canvas, colours, right_x, y, width, people.team_manager, "Team Manager")
    else:
        signature_line(canvas, colours, left_x, y, width, people.team_manager, "Team Manager")
        signature_line(canvas, colours, right_x, y, width, people.decision_maker, "Head of Service")
    # A seal between the signatures: a rosette in the child's colours.
    cx, cy = PAGE_W / 2, y + 8
    canvas.setFillColor(HexColor(colours.light))
    canvas.circle(cx, cy, 40, stroke=0, fill=1)
    canvas.setFillColor(HexColor(colours.main))
    canvas.circle(cx, cy, 31, stroke=0, fill=1)
    sticker(canvas, "sticker-house", cx - 20, cy - 20, 40)
