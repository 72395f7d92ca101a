"""Plain professional documents to upload to the case system: the matching meeting record, the
carers' letter of commitment and the partner contributions (A4 portrait).

Every page carries the child's name and case-system person ID in its header, OFFICIAL-SENSITIVE
at its top and its foot, and "Page n of m"; each part says who wrote it and when. A heading or a
question always keeps with what follows it. A letter that is not final says DRAFT across every
page. The PDF's own title and author name only the kind of document, never the child.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, replace

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from ..domain.carers_commitment import PROMPTS as LETTER_PROMPTS
from ..domain.carers_commitment import CarersCommitment, LetterStatus
from ..domain.child import ChildRecord, DecisionRoute
from ..domain.child_voice import child_views_text
from ..domain.dates import format_long
from ..domain.matching_meeting import MatchingMeeting
from ..domain.partner_contributions import (
    OPTIONAL_NOTE,
    PARTNER_QUESTIONS,
    PartnerContribution,
    PartnerContributions,
)
from ..storage.adults import AdultRecords
from ..storage.caseload import CaseloadStore
from ..storage.child_voice import ChildVoiceRecords
from ..storage.drawings import DrawingLibrary
from .fonts import BOLD, REGULAR, initial_font
from .numbered_canvas import NumberedCanvas
from .style import OUR_FONT, name_style, paragraph, style
from .text_block import TextStyle

PAGE_W, PAGE_H = A4
MARGIN = 56
INK, MUTED, RULE = "#1c2430", "#55606b", "#c9d1d8"
MARKING = "OFFICIAL-SENSITIVE"
NOT_RECORDED = "Not recorded."


@dataclass(frozen=True)
class ProfessionalDocument:
    key: str
    title: str
    build: Callable[[CaseloadStore, ChildRecord, dt.date], list[Flowable]]
    draft: Callable[[CaseloadStore, ChildRecord], bool] = lambda store, child: False


def professional_pdf(store: CaseloadStore, child_id: str, key: str, today: dt.date) -> bytes:
    """One of the three documents ("matching", "commitment", "contributions") as PDF bytes."""
    document = PROFESSIONAL_DOCUMENTS[key]
    child = store.child(child_id)
    story = [_title(document.title, child, today), *document.build(store, child, today)]
    page = _PageFurniture(child.full_name, child.case_id.strip(), document.draft(store, child))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 24,
        bottomMargin=MARGIN + 10,
        title=document.title,
        author="Lasting Home",
        subject="",
        creator="Lasting Home Desktop",
        pageCompression=1,
        **initial_font(),
    )
    doc.build(story, canvasmaker=lambda *a, **k: _NumberedCanvas(page, *a, **k))
    return out.getvalue()


@dataclass(frozen=True)
class _PageFurniture:
    name: str
    person_id: str  # the case system's ID for the child ("" when not recorded)
    draft: bool

    @property
    def header(self) -> str:
        return f"{self.name} · Person ID {self.person_id}" if self.person_id else self.name


class _NumberedCanvas(NumberedCanvas):
    def __init__(self, furniture: _PageFurniture, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._page_furniture = furniture

    def furniture(self, total: int) -> None:
        furniture = self._page_furniture
        self.saveState()
        if furniture.draft:
            self._draft_mark()
        self.setStrokeColor(HexColor(RULE))
        self.setLineWidth(0.6)
        self.line(MARGIN, PAGE_H - MARGIN + 4, PAGE_W - MARGIN, PAGE_H - MARGIN + 4)
        self.line(MARGIN, MARGIN - 6, PAGE_W - MARGIN, MARGIN - 6)
        header = paragraph(furniture.header, _in_form(name_style(9, MUTED, align=TA_LEFT)))
        header.wrapOn(self, PAGE_W - 2 * MARGIN - 120, 40)
        header.drawOn(self, MARGIN, PAGE_H - MARGIN + 10)
        self.setFont(BOLD, 9)
        self.setFillColor(HexColor(INK))
        self.drawRightString(PAGE_W - MARGIN, PAGE_H - MARGIN + 12, MARKING)
        self.drawCentredString(PAGE_W / 2, MARGIN - 20, MARKING)
        self.setFont(REGULAR, 9)
        self.setFillColor(HexColor(MUTED))
        self.drawString(MARGIN, MARGIN - 20, "Lasting Home")
        self.drawRightString(PAGE_W - MARGIN, MARGIN - 20, f"Page {self._pageNumber} of {total}")
        self.restoreState()

    def _draft_mark(self) -> None:
        """DRAFT across the page, pale enough to read the words through."""
        self.saveState()
        self.setFillColor(HexColor("#b03a2e"))
        self.setFillAlpha(0.13)
        self.setFont(BOLD, 120)
        self.translate(PAGE_W / 2, PAGE_H / 2)
        self.rotate(50)
        self.drawCentredString(0, -40, "DRAFT")
        self.restoreState()


def _decision_rows(child: ChildRecord) -> list[tuple[str, str]]:
    """Where the recommendation went: the Head of Service, or the Lasting Home Panel."""
    journey = child.journey
    if child.route is DecisionRoute.PANEL:
        return [("Lasting Home Panel", format_long(journey.visit, "Not booked yet"))]
    return [
        ("Sent to Head of Service", format_long(journey.recommendation_sent, "Not yet")),
        ("Decision due by", format_long(journey.head_of_service_due, "-")),
    ]


# -- shared pieces -----------------------------------------------------------------------------


def _title(title: str, child: ChildRecord, today: dt.date) -> Table:
    rows = [
        [paragraph(title, name_style(20, INK, True, TA_LEFT)), ""],
        [_label("Child"), _value(child.display_name)],
        [_label("Person ID"), _value(child.case_id.strip() or "Not recorded")],
        [_label("Date of birth"), _value(format_long(child.date_of_birth, "Not recorded"))],
        [_label("Home"), _value(f"{child.home_type.label}; {child.route.label} route")],
        [_label("Printed"), _value(format_long(today))],
    ]
    table = Table(rows, colWidths=[120, PAGE_W - 2 * MARGIN - 120])
    table.setStyle(
        TableStyle(
            [
                OUR_FONT,
                ("SPAN", (0, 0), (-1, 0)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 12),
                ("LINEBELOW", (0, -1), (-1, -1), 1, HexColor(RULE)),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
            ]
        )
    )
    table.spaceAfter = 10
    return table


def _in_form(text_style: TextStyle) -> TextStyle:
    """Names and short answers read left to right as the form does, whatever their script."""
    return replace(text_style, left_to_right=True)


def _label(text: str):
    return paragraph(text, name_style(10, MUTED, True, TA_LEFT))


def _value(text: str):
    return paragraph(text or NOT_RECORDED, _in_form(name_style(10.5, INK, align=TA_LEFT)))


def _heading(text: str, note: str = "") -> list[Flowable]:
    # Headings keep with what follows, so none is left alone at the foot of a page.
    heading = replace(
        name_style(13.5, INK, True, TA_LEFT, space_after=2), space_before=10, keep_with_next=True
    )
    flow: list[Flowable] = [paragraph(text, heading)]
    if note:
        small = replace(style(9.5, MUTED, align=TA_LEFT, space_after=4), keep_with_next=True)
        flow.append(paragraph(note, small))
    return flow


def _text(text: str) -> list[Flowable]:
    """Free text written in the app, kept whole however long (it flows over pages)."""
    parts = [part for part in text.strip().split("\n\n") if part.strip()]
    body = style(10.5, INK, align=TA_LEFT, leading=15, space_after=6)
    if not parts:
        return [paragraph(NOT_RECORDED, style(10.5, MUTED, align=TA_LEFT))]
    return [paragraph(part, body) for part in parts]


def _facts(rows: list[tuple[str, str]]) -> Table:
    table = Table(
        [[_label(label), _value(value)] for label, value in rows],
        colWidths=[170, PAGE_W - 2 * MARGIN - 170],
    )
    table.setStyle(TableStyle([OUR_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


# -- the three documents -----------------------------------------------------------------------


def _matching(store: CaseloadStore, child: ChildRecord, today: dt.date) -> list[Flowable]:
    meeting = AdultRecords(store).load(MatchingMeeting, child.id)
    journey = child.journey
    flow: list[Flowable] = _heading("The meeting")
    flow.append(
        _facts(
            [
                ("Date", format_long(journey.matching_meeting, "Not recorded")),
                ("Chair", meeting.chair or child.people.team_manager),
                ("Parents invited", _yes_no(meeting.parents_invited)),
                ("Parents attended", _yes_no(meeting.parents_attended)),
                ("Minutes complete", _yes_no(meeting.minutes_complete)),
            ]
        )
    )
    flow += _attendees(meeting) + _child_views(store, child, meeting)
    for heading, text in (
        ("Birth family's views", meeting.birth_family_views),
        ("Strengths", meeting.strengths),
        ("Concerns", meeting.concerns),
        ("Celebration plan", meeting.celebration_plan),
    ):
        flow += _heading(heading) + _text(text)
    flow += _heading(child.route.recommendation_heading)
    flow.append(
        _facts(
            [
                ("Financial contribution", meeting.contribution_text or "Not agreed yet"),
                (
                    "Recommendation",
                    meeting.recommendation.label if meeting.recommendation else "Not made yet",
                ),
                *_decision_rows(child),
            ]
        )
    )
    if meeting.recommendation_reasons.strip():
        flow += _heading("Reasons") + _text(meeting.recommendation_reasons)
    return flow + _partners_in_brief(store, child)


def _attendees(meeting: MatchingMeeting) -> list[Flowable]:
    flow = _heading("Who attended")
    people = [a for a in meeting.attendees if not a.is_blank]
    if not people:
        return flow + _text("")
    rows = [[_label("Name"), _label("Role"), _label("Agency")]]
    rows += [[_value(a.name), _value(a.role or "-"), _value(a.agency or "-")] for a in people]
    table = Table(rows, colWidths=[170, 160, PAGE_W - 2 * MARGIN - 330], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                OUR_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(RULE)),
            ]
        )
    )
    return [*flow, table]


def _child_views(
    store: CaseloadStore, child: ChildRecord, meeting: MatchingMeeting
) -> list[Flowable]:
    """As recorded at the meeting; else what the child chose and said in together mode."""
    if meeting.child_views.strip():
        return _heading("The child's views", "Recorded at the meeting.") + _text(
            meeting.child_views
        )
    voice = ChildVoiceRecords(store).load(child.id)
    from_voice = child_views_text(voice, len(DrawingLibrary(store).drawings(child.id)))
    if from_voice:
        return _heading(
            "The child's views", "What the child chose and said in Lasting Home."
        ) + _text(from_voice.replace("\n", "\n\n"))
    return _heading("The child's views") + _text("")


def _partners_in_brief(store: CaseloadStore, child: ChildRecord) -> list[Flowable]:
    """Partners' answers, as the meeting read them: who wrote each, and when."""
    partners = AdultRecords(store).load(PartnerContributions, child.id).partners
    flow = _heading("Partners' contributions", f"{len(partners)} received." if partners else "")
    if not partners:
        return flow + _text("")
    for partner in partners:
        flow.append(paragraph(partner.heading, style(11, INK, True, TA_LEFT, space_after=1)))
        flow.append(paragraph(_written_by(partner), style(9.5, MUTED, align=TA_LEFT)))
        for number, question in enumerate(PARTNER_QUESTIONS, start=1):
            answer = partner.answers[number - 1] if number <= len(partner.answers) else ""
            if answer.strip():
                flow.append(paragraph(f"{number}. {question}", style(10, MUTED, True, TA_LEFT)))
                flow += _text(answer)
    return flow


def _written_by(partner: PartnerContribution) -> str:
    when = format_long(partner.dated, "date not given")
    how = f" {partner.source}." if partner.source else ""
    return f"Contribution written by {partner.name}, {when}.{how}"


def _commitment(store: CaseloadStore, child: ChildRecord, today: dt.date) -> list[Flowable]:
    letter = AdultRecords(store).load(CarersCommitment, child.id)
    carers = child.people.carers_text
    flow: list[Flowable] = [
        _facts(
            [
                ("Written by", carers or "The carers"),
                ("For", child.known_as),
                ("Status", letter.status.label),
                *([("How it came", letter.source)] if letter.source else []),
            ]
        )
    ]
    flow += _heading("The letter", f"In the carers' own words ({carers or 'the carers'}).")
    if letter.letter.strip():
        flow += _text(letter.letter)
    else:
        answered = [(h, letter.answer(k)) for k, _p, h in LETTER_PROMPTS if letter.answer(k)]
        if not answered:
            flow += _text("")
        for heading, words in answered:
            flow += _heading(heading) + _text(words)
    flow += _heading("Review by the supervising social worker")
    flow.append(
        _facts(
            [
                ("Reviewed by", letter.reviewer or child.people.supervising_social_worker),
                ("Reviewed on", format_long(letter.reviewed_on, "Not reviewed yet")),
            ]
        )
    )
    flow += _text(letter.review_comment)
    return flow


def _letter_not_final(store: CaseloadStore, child: ChildRecord) -> bool:
    return AdultRecords(store).load(CarersCommitment, child.id).status is not LetterStatus.FINAL


def _contributions(store: CaseloadStore, child: ChildRecord, today: dt.date) -> list[Flowable]:
    record = AdultRecords(store).load(PartnerContributions, child.id)
    flow: list[Flowable] = [paragraph(OPTIONAL_NOTE, style(9.5, MUTED, align=TA_LEFT))]
    if not record.partners:
        return flow + _heading("Contributions") + _text("")
    for partner in record.partners:
        flow += _heading(partner.heading, _written_by(partner))
        for number, question in enumerate(PARTNER_QUESTIONS, start=1):
            asked = replace(style(10.5, INK, True, TA_LEFT, space_after=3), keep_with_next=True)
            flow.append(paragraph(f"{number}. {question}", asked))
            answer = partner.answers[number - 1] if number <= len(partner.answers) else ""
            flow += (
                _text(answer)
                if answer.strip()
                else [paragraph("Not answered.", style(10.5, MUTED, align=TA_LEFT, space_after=6))]
            )
    return flow


PROFESSIONAL_DOCUMENTS: dict[str, ProfessionalDocument] = {
    "matching": ProfessionalDocument("matching", "Matching meeting record", _matching),
    "commitment": ProfessionalDocument(
        "commitment", "Carers' letter of commitment", _commitment, _letter_not_final
    ),
    "contributions": ProfessionalDocument("contributions", "Partner contributions", _contributions),
}
