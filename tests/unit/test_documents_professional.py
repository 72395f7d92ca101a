"""The professional documents: headings, who wrote what, page numbers, the protective marking."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from documents_support import add_child, embedded_fonts, pdf_text, squashed
from pypdf import PdfReader

from lasting_home_desktop.documents.professional import professional_pdf
from lasting_home_desktop.domain.carers_commitment import CarersCommitment, LetterStatus
from lasting_home_desktop.domain.matching_meeting import Attendee, MatchingMeeting, Recommendation
from lasting_home_desktop.domain.partner_contributions import (
    PartnerContribution,
    PartnerContributions,
)
from lasting_home_desktop.storage.adults import AdultRecords
from lasting_home_desktop.storage.caseload import CaseloadStore

LONG_TEXT = ("Strengths are clear & evidenced <b>daily</b>. " * 140)[:6000]


@pytest.fixture
def store(data_dir):
    with CaseloadStore.open(data_dir) as opened:
        yield opened


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
def test_every_page_has_the_name_the_marking_and_a_page_number(store, child, today, key):
    """Each page's header names the child and says OFFICIAL-SENSITIVE; footers say Page n of m."""
    reader = PdfReader(io.BytesIO(professional_pdf(store, child.id, key, today)))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert "OFFICIAL-SENSITIVE" in text
        assert "<b>&amp; Wiśniewska" in text
        assert f"Page {number} of {total}" in text


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
