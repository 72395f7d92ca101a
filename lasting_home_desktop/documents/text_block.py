"""Laid-out text on the page: drawn in a box that it shrinks to fit, or flowing as a block.

Each line is put in reading order as it is drawn (documents.right_to_left), in one text object
so a reader copying it out gets one line of words, and each emoji is placed as a picture.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from .fonts import BOLD, REGULAR, width
from .pictures import place, prepared
from .right_to_left import has_right_to_left, visual_order
from .text_layout import (
    PICTURE,
    PICTURE_ADVANCE,
    PICTURE_DROP,
    PICTURE_SIDE,
    Line,
    Prepared,
    break_lines,
    prepare,
)

EMOJI_PIXELS = 128
SMALLEST_NAME = 6  # a name or heading never shrinks below this to keep its words whole
ARABIC_LEADING = 1.6  # Urdu and Arabic letters reach further above and below the line


@dataclass(frozen=True)
class Box:
    """A soft box behind a block of text: white, with a thin coloured border."""

    border: str
    background: str = "#ffffff"
    border_width: float = 1.5
    padding: tuple[float, float, float, float] = (10, 12, 10, 12)  # top, right, bottom, left
    radius: float = 8
    indent: float = 12  # from the frame's sides to the box


@dataclass(frozen=True)
class TextStyle:
    size: float
    colour: str
    bold: bool = False
    align: int = TA_CENTER  # TA_LEFT means "from the start": right-to-left text leans right
    leading: float = 0.0  # 0: 1.3 times the size
    space_before: float = 0
    space_after: float = 0
    keep_with_next: bool = False
    box: Box | None = None
    left_to_right: bool = False  # else each paragraph reads in the direction of its first letter
    whole_words: bool = False  # a name or heading: shrink until its longest word fits across

    def prepared(self, text: str) -> Prepared:
        return prepare(text, self.bold, self.left_to_right)

    def line_height(self, prepared: Prepared) -> float:
        leading = self.leading or self.size * 1.3
        return max(leading, self.size * ARABIC_LEADING) if prepared.arabic else leading

    def at(self, size: float) -> TextStyle:
        return replace(self, size=size, leading=self.leading * size / self.size)


@dataclass(frozen=True)
class Layout:
    lines: tuple[Line, ...]
    style: TextStyle
    line_height: float

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height


def lay_out(text: str, style: TextStyle, room: float, cut_long: bool = True) -> Layout:
    prepared = style.prepared(text)
    if style.whole_words and prepared.widest * style.size > room:
        style = style.at(max(SMALLEST_NAME, room / prepared.widest * 0.999))
    lines = break_lines(prepared, style.size, room, cut_long)
    return Layout(tuple(lines), style, style.line_height(prepared))


def fitted_layout(
    text: str, style: TextStyle, room: float, height: float, smallest: float
) -> Layout:
    """The largest size, from style.size down to `smallest`, at which the text fits the box
    with every piece whole (no word cut). If nothing fits, the smallest size (smaller still,
    down to SMALLEST_NAME, if a word would otherwise be cut), running lower than the box."""
    prepared = style.prepared(text)
    size = style.size
    while True:
        current = style.at(size)
        if prepared.widest * size <= room:
            lines = break_lines(prepared, size, room, cut_long=False)
            layout = Layout(tuple(lines), current, current.line_height(prepared))
            if layout.height <= height + 0.01 or size <= smallest:
                return layout
        elif size <= SMALLEST_NAME:
            return lay_out(text, current, room, cut_long=True)  # the very last resort
        size = max(smallest if size > smallest else SMALLEST_NAME, size * 0.93)


def draw_layout(canvas: Canvas, layout: Layout, x: float, top: float, room: float) -> float:
    """Draw the lines from `top` down inside [x, x + room]; returns the height used."""
    style = layout.style
    canvas.setFillColor(HexColor(style.colour))
    baseline = top - style.size * (1.15 if layout.line_height > style.size * 1.5 else 1.0)
    for line in layout.lines:
        _draw_line(canvas, line, style, x, baseline, room)
        baseline -= layout.line_height
    return layout.height


def _start_x(line: Line, align: int, x: float, room: float) -> float:
    if align == TA_CENTER:
        return x + (room - line.width) / 2
    if align == TA_RIGHT or (align == TA_LEFT and line.right_to_left):
        return x + room - line.width
    return x


def _draw_line(canvas: Canvas, line: Line, style: TextStyle, x: float, y: float, room: float):
    text, fonts, pictures = [], [], []
    for piece in line.pieces:
        if piece.space_before and text:
            text.append(" ")
            fonts.append(None)
            pictures.append(None)
        picture_iter = iter(piece.pictures)
        for char, font in zip(piece.text, piece.fonts, strict=False):
            text.append(char)
            fonts.append(font)
            pictures.append(next(picture_iter) if char == PICTURE else None)
    string = "".join(text)
    # A line with emoji pictures says what they are to a reader copying it out (an
    # "ActualText"); not a right-to-left one, which readers put in order themselves.
    special = "" in fonts and not has_right_to_left(string)
    if special:
        canvas._code.append(f"/Span <</ActualText {_pdf_text(line.typed)}>> BDC")
    size = style.size
    gap = width(" ", BOLD if style.bold else REGULAR, size)
    # Runs of one face in reading order (a space joins the run it follows); measured first,
    # so a line is placed by what it really takes.
    placed_runs: list[tuple[str, object]] = []  # (face, text) or ("", picture path) or gap
    for placed in visual_order(string, line.right_to_left):
        font = fonts[placed.index]
        last = placed_runs[-1] if placed_runs else None
        if font is None:
            if last is not None and last[0]:
                placed_runs[-1] = (last[0], f"{last[1]} ")
            else:
                placed_runs.append((" ", None))
        elif font == "":
            placed_runs.append(("", pictures[placed.index]))
        elif last is not None and last[0] == font:
            placed_runs[-1] = (font, f"{last[1]}{placed.char}")
        else:
            placed_runs.append((font, placed.char))
    widths = [
        gap if face == " " else PICTURE_ADVANCE * size if not face else width(str(text), face, size)
        for face, text in placed_runs
    ]
    measured = Line(line.pieces, line.right_to_left, sum(widths))
    start = cursor = _start_x(measured, style.align, x, room)
    # One text object for the line, so a reader copying it out gets one line of words.
    words = canvas.beginText(start, y)
    for (face, text), advance in zip(placed_runs, widths, strict=True):
        if face and face != " ":
            words.setTextOrigin(cursor, y)
            words.setFont(face, size)
            words.textOut(str(text))
        cursor += advance
    canvas.drawText(words)
    cursor = start
    for (face, text), advance in zip(placed_runs, widths, strict=True):
        if face == "":
            _picture(canvas, text, size, cursor, y)
        cursor += advance
    if special:
        canvas._code.append("EMC")


def _picture(canvas: Canvas, path, size: float, x: float, y: float) -> float:
    picture = prepared(path, EMOJI_PIXELS) if path is not None else None
    if picture is not None:
        side = PICTURE_SIDE * size
        inset = (PICTURE_ADVANCE - PICTURE_SIDE) * size / 2
        place(canvas, picture, x + inset, y - PICTURE_DROP * size, side, side)
    return PICTURE_ADVANCE * size


def _pdf_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


# -- a block of text in a flowing document -------------------------------------------------------


class TextBlock(Flowable):
    """Text that flows in a document (platypus): wraps to the frame's width and splits
    between lines at the foot of a page."""

    def __init__(self, text: str, text_style: TextStyle, lines: Layout | None = None):
        super().__init__()
        self.text = text
        self.text_style = text_style
        self.spaceBefore = text_style.space_before
        self.spaceAfter = text_style.space_after
        self.keepWithNext = int(text_style.keep_with_next)
        self._layout = lines
        self._room = -1.0

    def _padding(self) -> tuple[float, float, float, float]:
        box = self.text_style.box
        if box is None:
            return (0, 0, 0, 0)
        top, right, bottom, left = box.padding
        return (top, right + box.indent, bottom, left + box.indent)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        top, right, bottom, left = self._padding()
        room = available_width - left - right
        if self._layout is None or (self._room >= 0 and abs(room - self._room) > 0.01):
            self._layout = lay_out(self.text, self.text_style, room)
        self._room = room
        self.width = available_width
        self.height = self._layout.height + top + bottom
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        top, _right, bottom, _left = self._padding()
        layout = self._layout
        assert layout is not None
        fit = int((available_height - top - bottom + 0.01) // layout.line_height)
        if fit < 1 or fit >= len(layout.lines):
            return []
        # Each part keeps only its own lines' words: laid out again in a frame of another
        # width, a part never repeats the other's words.
        head, tail = _part(layout, 0, fit), _part(layout, fit, len(layout.lines))
        first = TextBlock(_words(head), replace(self.text_style, space_after=0), head)
        rest = TextBlock(_words(tail), replace(self.text_style, space_before=0), tail)
        first._room = rest._room = self._room
        return [first, rest]

    def minWidth(self) -> float:  # noqa: N802 (reportlab's name)
        _top, right, _bottom, left = self._padding()
        prepared = self.text_style.prepared(self.text)
        return prepared.widest * self.text_style.size + left + right

    def draw(self) -> None:
        top, right, bottom, left = self._padding()
        box = self.text_style.box
        if box is not None:
            canvas = self.canv
            canvas.saveState()
            canvas.setFillColor(HexColor(box.background))
            canvas.setStrokeColor(HexColor(box.border))
            canvas.setLineWidth(box.border_width)
            canvas.roundRect(
                box.indent, 0, self.width - 2 * box.indent, self.height, box.radius, 1, 1
            )
            canvas.restoreState()
        assert self._layout is not None
        draw_layout(self.canv, self._layout, left, self.height - top, self._room)


def _words(layout: Layout) -> str:
    return "\n".join(line.typed for line in layout.lines)


def _part(layout: Layout, start: int, end: int) -> Layout:
    return Layout(layout.lines[start:end], layout.style, layout.line_height)
