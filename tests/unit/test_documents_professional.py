"""The professional documents: headings, who wrote what, page numbers, the protective marking."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

import pytest
from documents_support import (
    add_child,
    embedded_fonts,
    last_body_line,
    lines_by_height,
    pdf_text,
    squashed,
)
from pypdf import PdfReader

from lasting_home_desktop.documents.professional import professional_pdf
from lasting_home_desktop.domain.carers_commitment import CarersCommitment, LetterStatus
from lasting_home_desktop.domain.matching_meeting import Attendee, MatchingMeeting, Recommendation
from lasting_home_desktop.domain.partner_contributions import (
    PartnerContribution,
    PartnerContributions,
)
from lasting_home_desktop.storage.adults import AdultRecords

LONG_TEXT = ("Strengths are clear & evidenced <b>daily</b>. " * 140)[:6000]


@pytest.fixture
def child(store, today):
    record = add_child(store, today, first="<b>&amp;", last="Wiśniewska")
    records = AdultRecords(store)
    records.save(
        record.id,
        MatchingMeeting(
            chair="Helen Sharples",
            attendees=(Attendee("Dr Αθηνά Papadopoulou", "Nurse", "Health"),),
            strengths=LONG_TEXT,
            recommendation=Recommendation.PROGRESS,
            recommendation_reasons="Settled & happy.",
        ),
    )
    records.save(
        record.id,
        CarersCommitment(
            letter="Dear Łukasz,\n\nWe promise to be here for you.\n\nJo & Sam",
            status=LetterStatus.REVIEWED,
            reviewer="Dorota Zielińska",
            review_comment="A warm, specific letter.",
            reviewed_on=today - dt.timedelta(days=2),
        ),
    )
    records.save(
        record.id,
        PartnerContributions(
            (
                PartnerContribution(
                    "Mr Жуков",
                    "Class teacher",
                    "St Mary's",
                    ("Reads daily.", "", "", "", ""),
                    dated=today,
                ),
            )
        ),
    )
    return record


@pytest.mark.parametrize("key", ["matching", "commitment", "contributions"])
def test_every_page_has_the_name_the_person_id_the_marking_and_a_page_number(
    store, child, today, key
):
    """Each page's header names the child and their case-system person ID; OFFICIAL-SENSITIVE
    is at the top and at the foot of every page; footers say Page n of m."""
    store.update_child(store.child(child.id).with_changes(case_id="LCS 1234567"), today)
    reader = PdfReader(io.BytesIO(professional_pdf(store, child.id, key, today)))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert "<b>&amp; Wiśniewska · Person ID LCS 1234567" in text
        assert f"Page {number} of {total}" in text
        marks = [y for y, found in lines_by_height(page) if found == "OFFICIAL-SENSITIVE"]
        assert len(marks) == 2 and max(marks) > 780 and min(marks) < 60


def test_a_letter_that_is_not_final_says_draft_on_every_page(store, child, today):
    """The carers' letter says DRAFT across every page until it is marked final."""
    draft = PdfReader(io.BytesIO(professional_pdf(store, child.id, "commitment", today)))
    assert all("DRAFT" in page.extract_text() for page in draft.pages)
    records = AdultRecords(store)
    letter = records.load(CarersCommitment, child.id)
    records.save(child.id, replace(letter, status=LetterStatus.FINAL))
    final = pdf_text(professional_pdf(store, child.id, "commitment", today))
    assert "DRAFT" not in final and "We promise to be here for you." in final
    for key in ("matching", "contributions"):
        assert "DRAFT" not in pdf_text(professional_pdf(store, child.id, key, today))


HEADINGS = {
    "The meeting",
    "Who attended",
    "The child's views",
    "Recorded at the meeting.",
    "Birth family's views",
    "Strengths",
    "Concerns",
    "Celebration plan",
    "Recommendation to the Head of Service",
    "Reasons",
}


@pytest.mark.parametrize("lines", range(0, 60, 5))
def test_a_heading_is_never_alone_at_the_foot_of_a_page(store, today, lines):
    """However long the text before it, no heading ends a page: it moves on with its text."""
    record = add_child(store, today, first="Ola")
    words = "\n\n".join(f"Line {n} of what the family said & hoped." for n in range(lines))
    AdultRecords(store).save(
        record.id,
        MatchingMeeting(
            child_views="Settled.\n\n" * 8,
            birth_family_views=words,
            strengths=LONG_TEXT[:2500],
            concerns="None raised.\n\n" * 12,
            celebration_plan="A party.",
            recommendation_reasons="Settled & happy.\n\n" * 10,
        ),
    )
    reader = PdfReader(io.BytesIO(professional_pdf(store, record.id, "matching", today)))
    for page in reader.pages[:-1]:
        assert last_body_line(page, top=780, bottom=60) not in HEADINGS


@pytest.mark.parametrize("lines", range(0, 40, 4))
def test_a_question_is_never_apart_from_its_answer(store, today, lines):
    """A partner's question always has its answer under it on the same page."""
    record = add_child(store, today, first="Ola")
    answer = "\n\n".join(f"Point {n}: reads every day with the carer." for n in range(lines))
    partner = PartnerContribution(
        "Mrs Ward", "Teacher", "St Mary's", (answer, "Strong.", answer, "Warm.", "Happy."), today
    )
    AdultRecords(store).save(record.id, PartnerContributions((partner, partner)))
    reader = PdfReader(io.BytesIO(professional_pdf(store, record.id, "contributions", today)))
    for page in reader.pages[:-1]:
        last = last_body_line(page, top=780, bottom=60)
        assert not re.match(r"^\d\. ", last), last


def test_matching_record_keeps_long_text_whole_and_names_who_attended(store, child, today):
    """A 6,000-character strengths box flows over pages with nothing cut off."""
    data = professional_pdf(store, child.id, "matching", today)
    assert len(PdfReader(io.BytesIO(data)).pages) >= 2
    text = pdf_text(data)
    # Page headers and footers sit between the pages' text; take them out to compare.
    body = re.sub(r"Page \d+ of \d+|OFFICIAL-SENSITIVE|Lasting Home|<b>&amp; Wiśniewska", "", text)
    assert squashed(LONG_TEXT) in squashed(body)
    assert "Dr Αθηνά Papadopoulou" in text and "Progress the lasting home" in text
    assert any("NotoSans" in name for name in embedded_fonts(data))


def test_commitment_letter_says_who_wrote_and_reviewed_it(store, child, today):
    """The carers' letter shows their words, its status and the reviewer."""
    text = " ".join(pdf_text(professional_pdf(store, child.id, "commitment", today)).split())
    assert "We promise to be here for you." in text
    assert "Jo Clarke and Sam Clarke" in text
    assert "Dorota Zielińska" in text and "Reviewed by the supervising social worker" in text


def test_contributions_show_each_partner_and_unanswered_questions(store, child, today):
    """Each partner's answers sit under the five questions; blanks say Not answered."""
    text = " ".join(pdf_text(professional_pdf(store, child.id, "contributions", today)).split())
    assert "Mr Жуков (Class teacher, St Mary's)" in text
    assert "Reads daily." in text and "Not answered." in text


def test_empty_records_still_make_a_clear_document(store, today):
    """With nothing recorded yet the documents say so instead of failing."""
    record = add_child(store, today, first="Ola")
    for key in ("matching", "commitment", "contributions"):
        assert "Not recorded." in pdf_text(professional_pdf(store, record.id, key, today))


def test_metadata_names_the_document_not_the_child(store, child, today):
    """The PDF title is the kind of document; the child's name is not in the metadata."""
    meta = PdfReader(io.BytesIO(professional_pdf(store, child.id, "matching", today))).metadata
    assert meta.title == "Matching meeting record"
    assert "Wiśniewska" not in " ".join(str(v) for v in meta.values())
