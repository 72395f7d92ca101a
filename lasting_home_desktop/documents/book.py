"""My Lasting Home book: everything the child chose and made in together mode, in their look,
to share at the meeting or panel and to keep in their memory box (A4 portrait)."""

from __future__ import annotations

import io
from dataclasses import replace

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from ..domain.card_message import Palette
from ..domain.child import AgeBand
from ..domain.child_voice import (
    PROMPTS,
    Page,
    WordsMark,
    choice,
    page_title,
)
from ..domain.dates import format_long
from ..domain.voice_summary import chosen_items
from .fonts import REGULAR, initial_font
from .keepsakes import KeepsakeSources
from .pictures import DECORATION_SIDE, PreparedPicture, fitted, place, prepared, set_picture
from .style import OUR_FONT, border, confetti, name_style, paper, paragraph, style
from .text_block import Box

PAGE_W, PAGE_H = A4
MARGIN = 62
TITLE = "My Lasting Home book"
FRAME_W = PAGE_W - 2 * MARGIN


def book_pdf(sources: KeepsakeSources) -> bytes:
    """The book as PDF bytes."""
    out = io.BytesIO()
    colours = sources.palette
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 10,
        title=TITLE,
        author="Lasting Home",
        subject="",
        creator="Lasting Home Desktop",
        pageCompression=1,
        **initial_font(),
    )

    def decorate(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        paper(canvas, colours, 0, 0, PAGE_W, PAGE_H)
        confetti(canvas, colours, 0, 0, PAGE_W, PAGE_H, edge=34)
        border(canvas, colours, 0, 0, PAGE_W, PAGE_H, inset=20)
        canvas.setFillColor(HexColor(colours.main))
        canvas.setFont(REGULAR, 11)
        canvas.drawCentredString(PAGE_W / 2, 40, str(document.page))
        canvas.restoreState()

    doc.build(_story(sources, colours), onFirstPage=decorate, onLaterPages=decorate)
    return out.getvalue()


def _story(sources: KeepsakeSources, colours: Palette) -> list[Flowable]:
    band = sources.band
    voice = sources.voice
    story: list[Flowable] = _cover(sources, colours)

    def heading(page: Page, icon: str) -> list[Flowable]:
        return [CondPageBreak(220), _heading(page_title(page, band), icon, colours)]

    # What the child chose, worded as on every screen (one rule: domain.voice_summary).
    for page, icon in (
        (Page.PEOPLE, "person-friends"),
        (Page.PLACE, "place-home"),
        (Page.CELEBRATION, "celebrate-party"),
    ):
        chosen = [(item.label, item.picture) for item in chosen_items(voice, band, page)]
        if chosen:
            story += heading(page, icon) + [_grid(chosen, colours)]
    if voice.feeling is not None and (voice.feeling.face or voice.feeling.why.strip()):
        items = [(i.label, i.picture) for i in chosen_items(voice, band, Page.FEELING)]
        story += heading(Page.FEELING, "sticker-sun")
        if items:
            story.append(_grid(items, colours))
        if voice.feeling.why.strip():
            story += _words("Why", voice.feeling.why, None, colours)
    answers = [a for a in voice.answers if a.text.strip()]
    if answers:
        story += heading(Page.WORDS, "sticker-star")
        for answer in answers:
            prompt = choice(PROMPTS, answer.prompt)
            story += _words(prompt.text(band) if prompt else "", answer.text, answer.mark, colours)
    if sources.drawings:
        story += heading(Page.DRAWINGS, "sticker-rainbow") + _drawings(sources, colours)
    if len(story) <= 8:
        story.append(
            paragraph(
                "There is nothing else in this book yet. It fills up as you choose and make "
                "things with your worker.",
                style(15, colours.ink),
            )
        )
    return story


def _drawings(sources: KeepsakeSources, colours: Palette) -> list[Flowable]:
    """Each drawing with its name above it, kept together on one page."""
    flow: list[Flowable] = []
    for drawing in sources.drawings:
        picture = prepared(drawing.data)
        if picture is None:
            continue
        name = paragraph(drawing.name, name_style(16, colours.main, True))
        flow.append(
            KeepTogether([name, Spacer(1, 6), _image(picture, FRAME_W, 420), Spacer(1, 22)])
        )
    return flow


def _cover(sources: KeepsakeSources, colours: Palette) -> list[Flowable]:
    child_band = sources.band is AgeBand.CHILD
    title = "My Lasting Home" if child_band else "My Lasting Home"
    flow: list[Flowable] = [
        Spacer(1, 40),
        paragraph(title, name_style(40, colours.main, True)),
        Spacer(1, 30),
    ]
    picture = prepared(sources.picture) or prepared(set_picture("sticker-house"))
    if picture is not None:
        flow.append(_image(picture, 300, 300))
    flow += [
        Spacer(1, 30),
        paragraph(sources.name, name_style(36, colours.ink, True)),
        Spacer(1, 16),
        paragraph(
            "Everything I chose and made" if child_band else "What I chose, said and made",
            style(17, colours.ink),
        ),
        paragraph(format_long(sources.today), style(13, colours.ink)),
        PageBreak(),
    ]
    return flow


def _heading(text: str, icon: str, colours: Palette) -> Table:
    picture = prepared(set_picture(icon), DECORATION_SIDE)
    cells = [
        _image(picture, 44, 44) if picture else "",
        paragraph(text, name_style(24, colours.main, True, TA_LEFT)),
    ]
    table = Table([cells], colWidths=[58, FRAME_W - 58])
    table.setStyle(
        TableStyle(
            [
                OUR_FONT,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 2, HexColor(colours.light)),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 14, 12
    return table


def _grid(items: list[tuple[str, str]], colours: Palette, columns: int = 3) -> Table:
    """Pictures with their words under them, three to a row, on soft white cards."""
    width = FRAME_W / columns
    cells = []
    for label, picture_name in items:
        picture = prepared(set_picture(picture_name), DECORATION_SIDE)
        cell: list[Flowable] = [_image(picture, 84, 84)] if picture else []
        cell.append(Spacer(1, 6))
        cell.append(paragraph(label, name_style(14, colours.ink, align=TA_CENTER)))
        cells.append(cell)
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [""] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=[width] * columns)
    table.setStyle(
        TableStyle(
            [
                OUR_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
            ]
        )
    )
    table.spaceAfter = 10
    return table


def _words(prompt: str, text: str, mark: WordsMark | None, colours: Palette) -> list[Flowable]:
    """The child's words in a soft box, with who wrote them down; long words flow on. The
    prompt keeps with the first lines of its answer, never alone at the foot of a page."""
    flow: list[Flowable] = []
    if prompt:
        ask = replace(style(15, colours.main, True, TA_LEFT), space_after=14, keep_with_next=True)
        flow.append(paragraph(prompt, ask))
    box = replace(
        style(15, colours.ink, align=TA_LEFT, leading=21, space_after=8), box=Box(colours.light)
    )
    flow += [paragraph(part, box) for part in _paragraphs(text)]
    if mark is not None:
        note = "In my own words" if mark is WordsMark.OWN_WORDS else "Written down by my worker"
        flow.append(Spacer(1, 4))
        flow.append(paragraph(note, style(11, colours.main, align=TA_LEFT)))
    flow.append(Spacer(1, 16))
    return flow


def _paragraphs(text: str) -> list[str]:
    return [part for part in text.strip().split("\n\n") if part.strip()] or [""]


class _Picture(Flowable):
    """A prepared picture as a flowable, placed without re-encoding (pictures.place)."""

    def __init__(self, picture: PreparedPicture, width: float, height: float):
        super().__init__()
        self.picture = picture
        self.width, self.height = fitted(picture, width, height)
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        place(self.canv, self.picture, 0, 0, self.width, self.height)


def _image(picture: PreparedPicture, width: float, height: float) -> _Picture:
    return _Picture(picture, width, height)
