"""What both fillable forms share: A4 pages marked OFFICIAL-SENSITIVE, the form's reference and
page numbers, text boxes anyone can type into with any PDF reader (AcroForm text fields), and
the hidden, read-only fields holding the form's ticket.

Field appearance uses Helvetica, the one kind of font every PDF reader can type into; readers
draw letters Helvetica lacks (Polish, Urdu) with their own fonts, and the words come back as
typed whatever the font (the field's value is Unicode). The page text around the fields uses
the app's own fonts, so names in any script print correctly. No JavaScript, no actions, no
links: the form is only text and boxes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, replace

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.acroform import PDFFromString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from ..domain.limits import ADULT_NAME
from ..domain.returned_forms import FormTicket
from .fonts import BOLD, REGULAR, initial_font
from .style import paragraph, style

PAGE_W, PAGE_H = A4
MARGIN = 50
WIDTH = PAGE_W - 2 * MARGIN - 12  # the frame keeps 6 points each side
INK, MUTED, RULE, PAPER = "#1c2430", "#55606b", "#c9d1d8", "#eef3f8"
FIELD_FILL, FIELD_BORDER = "#f7fafc", "#7f95ab"
MARKING = "OFFICIAL-SENSITIVE"
FIELD_FONT = "Helvetica"  # the field's own font: see the module's note


class TextBox(Flowable):
    """A box to type in, as wide as the column. Multi-line boxes scroll in every reader, so
    `limit` (not the box's size) says how much may be written."""

    def __init__(
        self,
        name: str,
        tooltip: str,
        height: float,
        limit: int,
        *,
        multiline: bool = True,
        value: str = "",
        width: float | None = None,
    ):
        super().__init__()
        self.name, self.tooltip, self.limit = name, tooltip, limit
        self.multiline, self.value = multiline, value
        self._fixed_width = width  # None: as wide as the column it is placed in
        self.width, self.height = width or WIDTH, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = self._fixed_width or available_width
        return self.width, self.height

    def draw(self) -> None:
        self.canv.acroForm.textfield(
            name=self.name,
            tooltip=self.tooltip,  # what a screen reader says for the box
            value=self.value,
            x=0,
            y=0,
            relative=True,
            width=self.width,
            height=self.height,
            fieldFlags="multiline" if self.multiline else "",
            maxlen=self.limit,
            fontName=FIELD_FONT,
            fontSize=10.5 if self.multiline else 11,
            textColor=HexColor(INK),
            fillColor=HexColor(FIELD_FILL),
            borderColor=HexColor(FIELD_BORDER),
            borderWidth=1,
        )


def line_box(name: str, tooltip: str, value: str = "", limit: int = ADULT_NAME) -> TextBox:
    """A one-line box (a name, a date), filled in with `value` if the worker knows it."""
    return TextBox(name, tooltip, 22, limit, multiline=False, value=value.strip()[:limit])


@dataclass(frozen=True)
class FormPage:
    """What every page of one form shows: its title, its reference, the hidden ticket."""

    title: str
    ticket: FormTicket


def build_form(page: FormPage, story: Callable[[], list[Flowable]]) -> bytes:
    """The form's PDF bytes. Built twice (the first time only to count the pages), so every
    footer can say "Page n of m"; `story` makes fresh flowables each time."""
    total = _build(page, story(), total=0)[1]
    return _build(page, story(), total=total)[0]


def _build(page: FormPage, flowables: list[Flowable], total: int) -> tuple[bytes, int]:
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 22,
        bottomMargin=MARGIN + 14,
        title=page.title,  # never the child's name: a file's title shows in many places
        author="Lasting Home",
        subject="",
        creator="Lasting Home Desktop",
        pageCompression=1,
        **initial_font(),
    )

    def furniture(canvas: Canvas, document: SimpleDocTemplate) -> None:
        _furniture(canvas, page, document.page, total)
        if document.page == 1:
            _ticket_fields(canvas, page.ticket)

    doc.build(flowables, onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue(), doc.page


def _furniture(canvas: Canvas, page: FormPage, number: int, total: int) -> None:
    canvas.saveState()
    canvas.setStrokeColor(HexColor(RULE))
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, PAGE_H - MARGIN + 4, PAGE_W - MARGIN, PAGE_H - MARGIN + 4)
    canvas.line(MARGIN, MARGIN - 4, PAGE_W - MARGIN, MARGIN - 4)
    canvas.setFont(BOLD, 9.5)
    canvas.setFillColor(HexColor(INK))
    canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - MARGIN + 10, MARKING)
    canvas.drawString(MARGIN, MARGIN - 40, MARKING)
    canvas.setFont(REGULAR, 9)
    canvas.setFillColor(HexColor(MUTED))
    canvas.drawString(MARGIN, PAGE_H - MARGIN + 10, f"Lasting Home: {page.title.lower()}")
    canvas.drawString(MARGIN, MARGIN - 18, f"Form reference {page.ticket.form_id}")
    pages = f"Page {number} of {total}" if total else f"Page {number}"
    canvas.drawRightString(PAGE_W - MARGIN, MARGIN - 18, pages)
    canvas.restoreState()


def _ticket_fields(canvas: Canvas, ticket: FormTicket) -> None:
    """The ticket, in hidden read-only fields: no reader shows or prints them, every reader
    keeps them when the form is saved. Readers that ask to update the boxes' look when
    opening (NeedAppearances) draw typed words in their own fonts."""
    for number, (name, value) in enumerate(ticket.fields().items()):
        canvas.acroForm.textfield(
            name=name,
            value=value,
            x=2 + number * 3,
            y=2,
            width=2,
            height=2,
            annotationFlags="hidden",
            fieldFlags="readOnly",
            maxlen=0,
            fontName=FIELD_FONT,
            fontSize=6,
            borderWidth=0,
        )
    canvas.acroForm.extras["NeedAppearances"] = PDFFromString("true")


# -- words on the page ---------------------------------------------------------------------------


def title(text: str, under: str) -> list[Flowable]:
    return [
        paragraph(text, style(21, INK, True, TA_LEFT, space_after=4)),
        paragraph(under, style(13, MUTED, False, TA_LEFT, space_after=10)),
    ]


def heading(text: str) -> Flowable:
    head = replace(
        style(13.5, INK, True, TA_LEFT, space_after=4), space_before=10, keep_with_next=True
    )
    return paragraph(text, head)


def words(text: str, size: float = 10.5, colour: str = INK) -> Flowable:
    return paragraph(text, style(size, colour, False, TA_LEFT, leading=size * 1.38, space_after=5))


def steps(items: list[str]) -> Table:
    """Numbered steps, the number in a column of its own."""
    rows = [[words(f"{n}.", 10.5), words(item)] for n, item in enumerate(items, start=1)]
    table = Table(rows, colWidths=[20, WIDTH - 20])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), _no_padding()]))
    return table


def how_to_return(room: str, whose: str, send: str) -> Table:
    """The three steps every form gives: fill in, save (never print or scan), send."""
    return steps(
        [
            "Open this file in any PDF reader: Microsoft Edge, Google Chrome, Adobe Acrobat "
            f"Reader, or Preview on a Mac. Click in a box and type. The boxes scroll, so {room}.",
            "Save the file as a PDF (File, then Save; if asked, save it with your changes). "
            f"Please do not print it, scan it or use 'Print to PDF': {whose} are read straight "
            "from the boxes.",
            send,
        ]
    )


def panel(flowables: list[Flowable]) -> Table:
    """A tinted box around a few paragraphs (the friendly explanation)."""
    table = Table([[flowables]], colWidths=[WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), HexColor(PAPER)),
                ("BOX", (0, 0), (-1, -1), 0.6, HexColor(RULE)),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    table.spaceAfter = 6
    return table


def facts(rows: list[tuple[str, str]]) -> Table:
    table = Table(
        [[words(label, 10.5, MUTED), words(value)] for label, value in rows if value],
        colWidths=[170, WIDTH - 170],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), _no_padding()]))
    table.spaceAfter = 8
    return table


def labelled_boxes(rows: list[tuple[str, TextBox]]) -> Table:
    """Short boxes with their label on the left ("Your name")."""
    label_width = 150
    table = Table(
        [[words(label), box] for label, box in rows],
        colWidths=[label_width, WIDTH - label_width],
        rowHeights=[box.height + 8 for _label, box in rows],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), _no_padding(), _bottom(6)]))
    return table


def question(number: int | None, text: str, box: TextBox, hint: str = "") -> Flowable:
    """A question (or prompt) and its box, kept on one page together."""
    label = f"{number}. {text}" if number is not None else text
    parts: list[Flowable] = [paragraph(label, style(11.5, INK, True, TA_LEFT, space_after=3))]
    if hint:
        parts.append(words(hint, 9.5, MUTED))
    parts += [box, Spacer(1, 12)]
    return KeepTogether(parts)


def _no_padding() -> tuple:
    return ("LEFTPADDING", (0, 0), (-1, -1), 0)


def _bottom(points: float) -> tuple:
    return ("BOTTOMPADDING", (0, 0), (-1, -1), points)
