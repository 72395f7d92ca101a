"""A guide as a PDF: its headings, paragraphs, lists, bold words and pictures, in the bundled
fonts (embedded), with every piece of guide text escaped before it becomes Paragraph markup."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Image,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from ..domain.guides import Block, blocks, spans
from ..storage.safe_files import atomic_write
from .fonts import BOLD, REGULAR, initial_font, markup, register_fonts

# Renders a picture of the set (by name) as PNG bytes; the UI passes one (Qt draws the SVGs).
PictureRenderer = Callable[[str], bytes | None]
PICTURE_SIZE = 2.4 * cm
INK = colors.HexColor("#1f3b4d")


def _styles(large: bool) -> dict[str, ParagraphStyle]:
    body = 15 if large else 11.5
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=body, leading=body * 1.45)
    heading = {"fontName": BOLD, "textColor": INK, "keepWithNext": 1}
    return {
        "body": base,
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            **heading,
            fontSize=body + 11,
            leading=(body + 11) * 1.25,
            spaceAfter=8,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            **heading,
            fontSize=body + 4,
            leading=(body + 4) * 1.3,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            **heading,
            fontSize=body + 1,
            spaceBefore=6,
            spaceAfter=2,
        ),
    }


def inline_markup(text: str) -> str:
    """Guide text with **bold** kept, everything else escaped (through fonts.markup)."""
    parts = []
    for span in spans(text):
        piece = markup(span.text, bold=span.bold)
        if span.bold:
            piece = f"<b>{piece}</b>"  # the font family maps bold to the bold face
        parts.append(f"<i>{piece}</i>" if span.italic else piece)
    return "".join(parts)


def guide_story(
    markdown: str, picture_png: PictureRenderer | None = None, large: bool = False
) -> list:
    register_fonts()
    styles = _styles(large)
    story: list = []
    pending_list: list[tuple[Block, Paragraph]] = []

    def flush_list() -> None:
        if not pending_list:
            return
        numbered = pending_list[0][0].kind == "number"
        items = [
            ListItem(paragraph, value=block.level or None) for block, paragraph in pending_list
        ]
        story.append(
            ListFlowable(
                items,
                bulletType="1" if numbered else "bullet",
                bulletFormat="%s." if numbered else None,
                start=pending_list[0][0].level if numbered else None,
                bulletFontName=REGULAR,
                leftIndent=18,
            )
        )
        story.append(Spacer(1, 4))
        pending_list.clear()

    for block in blocks(markdown):
        if block.kind in ("bullet", "number"):
            if pending_list and pending_list[0][0].kind != block.kind:
                flush_list()
            pending_list.append((block, Paragraph(inline_markup(block.text), styles["body"])))
            continue
        flush_list()
        if block.kind == "heading":
            style = styles[f"h{min(block.level, 3)}"]
            story.append(Paragraph(inline_markup(block.text), style))
        elif block.kind == "picture":
            png = picture_png(block.picture) if picture_png else None
            if png:
                image = Image(io.BytesIO(png), width=PICTURE_SIZE, height=PICTURE_SIZE)
                image.hAlign = "LEFT"
                image.keepWithNext = True  # a picture stays with the words it goes with
                story.append(image)
        else:
            story.append(Paragraph(inline_markup(block.text), styles["body"]))
            story.append(Spacer(1, 5))
    flush_list()
    return story


def guide_pdf_bytes(
    markdown: str,
    title: str,
    picture_png: PictureRenderer | None = None,
    large: bool = False,
) -> bytes:
    """The whole guide as PDF bytes (A4). `large`: bigger type, for the children's guide."""
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=title,
        author="Lasting Home",
        **initial_font(),
    )
    story = guide_story(markdown, picture_png, large)

    def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawRightString(A4[0] - 2.2 * cm, 1.2 * cm, f"{title}  ·  page {doc.page}")
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def write_guide_pdf(
    markdown: str,
    path: Path,
    title: str,
    picture_png: PictureRenderer | None = None,
    large: bool = False,
) -> Path:
    """Write the guide's PDF crash-safely (a half-written file never replaces a good one)."""
    atomic_write(Path(path), guide_pdf_bytes(markdown, title, picture_png, large))
    return Path(path)
