"""The Panel Administrator's papers for one Lasting Home Panel: the agenda, and the papers pack
(the agenda, then each child's matching meeting record, carers' letter of commitment and
partner contributions, in agenda order, as one PDF with a bookmark for each child)."""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.colors import HexColor
from reportlab.platypus import Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from ..domain.dates import format_long
from ..domain.panel_agenda import AgendaEntry, PanelAgenda
from ..storage.caseload import CaseloadStore
from .professional import professional_pdf
from .service_layout import INK, MUTED, RULE, body, heading, service_pdf, usable_width
from .style import paragraph, style

AGENDA_TITLE = "Lasting Home Panel agenda"
PACK_TITLE = "Lasting Home Panel papers"
# Each child's papers, in the order the panel reads them.
PAPERS = (
    ("matching", "Matching meeting record"),
    ("commitment", "Carers' letter of commitment"),
    ("contributions", "Partner contributions"),
)


def agenda_pdf(agenda: PanelAgenda, today: dt.date) -> bytes:
    header = f"{AGENDA_TITLE}: {format_long(agenda.panel_date)}"
    return service_pdf(AGENDA_TITLE, _agenda_story(agenda, today), header, wide=True)


def papers_pack_pdf(store: CaseloadStore, agenda: PanelAgenda, today: dt.date) -> bytes:
    """The agenda first, then every child's papers in agenda order."""
    from pypdf import PdfReader, PdfWriter  # only when a pack is made

    writer = PdfWriter()
    writer.add_metadata({"/Title": PACK_TITLE, "/Author": "Lasting Home"})
    _append(writer, PdfReader(io.BytesIO(agenda_pdf(agenda, today))), "Agenda")
    for number, entry in enumerate(agenda.entries, start=1):
        parent = None
        for key, title in _papers_of(entry):
            pdf = PdfReader(io.BytesIO(professional_pdf(store, entry.child.id, key, today)))
            if parent is None:
                parent = writer.add_outline_item(
                    title=f"{number}. {entry.child.display_name}", page_number=len(writer.pages)
                )
            _append(writer, pdf, title, parent)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _papers_of(entry: AgendaEntry) -> list[tuple[str, str]]:
    """Every paper there is: the matching record always; the letter once one is written; the
    contributions once a partner has answered."""
    papers = [PAPERS[0]]
    if entry.papers.letter_status is not None:
        papers.append(PAPERS[1])
    if entry.papers.partner_answers:
        papers.append(PAPERS[2])
    return papers


def _append(writer, reader, title: str, parent=None) -> None:  # type: ignore[no-untyped-def]
    first = len(writer.pages)
    for page in reader.pages:
        writer.add_page(page)
    writer.add_outline_item(title=title, page_number=first, parent=parent)


def _agenda_story(agenda: PanelAgenda, today: dt.date) -> list[Flowable]:
    story: list[Flowable] = [
        heading(
            f"Lasting Home Panel: {agenda.panel_date.strftime('%A')} "
            f"{format_long(agenda.panel_date)}"
        ),
        body(
            f"Agenda to confirm by {agenda.confirm_by.strftime('%A')} "
            f"{format_long(agenda.confirm_by)}"
            + (": confirmed, papers sent." if agenda.confirmed else ".")
            + f" Printed {format_long(today)}.",
            colour=MUTED,
        ),
        Spacer(1, 8),
    ]
    if not agenda.entries:
        story.append(body("No children are booked onto this panel yet."))
        return story
    story.append(_agenda_table(agenda))
    story.append(Spacer(1, 10))
    story.append(
        body(
            "Invited as standard: the child, their carers, the allocated social worker and the "
            "Independent Reviewing Officer, and anyone the child wants there.",
            colour=MUTED,
        )
    )
    return story


def _agenda_table(agenda: PanelAgenda) -> Table:
    cell = style(9.5, INK, align=0)
    head = style(9.5, INK, True, align=0)
    rows: list[list[Flowable]] = [
        [
            paragraph(text, head)
            for text in (
                "",
                "Slot",
                "Child",
                "Taking part",
                "Minutes",
                "Carers' letter",
                "Partners",
                "Social worker",
            )
        ]
    ]
    for number, entry in enumerate(agenda.entries, start=1):
        papers = entry.papers
        rows.append(
            [
                paragraph(str(number), cell),
                paragraph(entry.slot_text, cell),
                [
                    paragraph(entry.child.display_name, cell),
                    paragraph(entry.child.home_type.label, style(8.5, MUTED, align=0)),
                ],
                paragraph(entry.how_taking_part, cell),
                paragraph("In" if papers.minutes_complete else "Not yet", cell),
                paragraph(papers.letter_text, cell),
                paragraph(papers.partners_text, cell),
                paragraph(entry.child.people.social_worker or "Not recorded", cell),
            ]
        )
    widths = [0.03, 0.13, 0.18, 0.16, 0.08, 0.16, 0.1, 0.16]
    total = usable_width(wide=True)
    table = Table(rows, colWidths=[w * total for w in widths], repeatRows=1)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor("#e8eef1")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(RULE)),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for row, entry in enumerate(agenda.entries, start=1):
        if entry.papers.missing:
            commands.append(("BACKGROUND", (4, row), (6, row), HexColor("#fdf0ec")))
    table.setStyle(TableStyle(commands))
    return table
