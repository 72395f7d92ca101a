"""Fillable forms out and answers back in: a partner's five answers and the carers' letter make
the whole trip (made, filled in a reader, received) with every word kept exactly."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from documents_support import rendered_ink
from forms_support import (
    EMOJI,
    HOSTILE,
    LINES,
    LONG,
    POLISH,
    URDU,
    child_record,
    fill,
    new_form,
    receive,
    set_raw,
    typed_without_look,
)
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from pypdf import PdfReader

from lasting_home_desktop.documents.form_reader import read_form_bytes
from lasting_home_desktop.documents.professional import professional_pdf
from lasting_home_desktop.domain.carers_commitment import CarersCommitment, LetterStatus
from lasting_home_desktop.domain.partner_contributions import PartnerContributions
from lasting_home_desktop.domain.returned_forms import (
    ANSWER_FIELDS,
    CHECK_FIELD,
    FormKind,
    clean_words,
)
from lasting_home_desktop.storage.adults import AdultRecords
from lasting_home_desktop.storage.caseload import CaseloadStore

ANSWERS = (POLISH, URDU, EMOJI, HOSTILE + "\n" + LINES, LONG)


@pytest.fixture
def child(store, today):
    return store.add_child(child_record(), today)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join((page.extract_text() or "") for page in reader.pages)


def _partner_values() -> dict[str, str]:
    values = dict(zip(ANSWER_FIELDS, ANSWERS, strict=True))
    values.update(
        your_name="Ms Anna Wiśniewska <b>",
        your_role="Class teacher",
        your_agency="Education",
        date_written="20/11/2026",
    )
    return values


def test_partner_answers_make_the_whole_trip(store, child, today):
    """Every answer (Polish, Urdu, emoji, markup, line breaks, 10,000 characters) comes back
    into the record exactly, with who sent it and when."""
    made = new_form(store, child.id, FormKind.PARTNER, today - dt.timedelta(days=7))
    receive(store, fill(made.pdf, _partner_values()), today)
    partner = AdultRecords(store).load(PartnerContributions, child.id).partners[0]
    assert partner.answers == tuple(clean_words(a) for a in ANSWERS)
    assert partner.answers[3].endswith("First line\nSecond line\nThird line\n\nAfter a blank line")
    assert len(partner.answers[4]) == 10_000
    assert (partner.name, partner.role, partner.agency) == (
        "Ms Anna Wiśniewska <b>",
        "Class teacher",
        "Education",
    )
    assert partner.dated == dt.date(2026, 11, 20)
    assert partner.received_on == today
    assert partner.form_id == made.ticket.form_id


def test_received_answers_are_in_the_matching_record_and_its_pdf(store, child, today):
    """The matching meeting's together text and both PDFs show the answers, marked as sent
    back on a form, with the reference and the day received."""
    made = new_form(store, child.id, FormKind.PARTNER, today - dt.timedelta(days=7))
    receive(store, fill(made.pdf, _partner_values()), today)
    together = AdultRecords(store).load(PartnerContributions, child.id).together_text()
    assert "Ms Anna Wiśniewska <b> (Class teacher, Education), 20 November 2026" in together
    assert "(sent back on a form)" in together and POLISH in together
    for key in ("matching", "contributions"):
        text = " ".join(_text(professional_pdf(store, child.id, key, today)).split())
        assert "Zażółć gęślą jaźń" in text, key
        assert "<b>&amp; <script>alert(1)</script> 0 < 1" in text, key
        # Lines may break at the reference's hyphens: compare without the spaces.
        sent = (
            f"Sent back on a form (reference {made.ticket.form_id}), received on 22 November 2026"
        )
        assert "".join(sent.split()) in "".join(text.split()), key
        assert "Ten chars. Ten chars." in text, key


def test_carers_letter_arrives_as_a_draft(store, child, today):
    """The carers' prompts and letter come back exactly, as a draft for the supervising
    social worker, saying who sent it."""
    letter = "Dear Ola,\r\nWe love you. ❤️\r\n\r\n" + POLISH + "\n" + URDU + "\n" + HOSTILE
    made = new_form(store, child.id, FormKind.CARERS, today)
    values = {"prompt_love": EMOJI, "prompt_commit": LONG, "letter": letter}
    receive(store, fill(made.pdf, {**values, "your_names": "Jo & Sam"}), today)
    saved = AdultRecords(store).load(CarersCommitment, child.id)
    assert saved.answer("love") == EMOJI and saved.answer("commit") == LONG
    assert saved.answer("hard_times") == ""
    assert saved.letter == clean_words(letter)
    assert saved.status is LetterStatus.DRAFT
    assert saved.received_from == "Jo & Sam" and saved.received_on == today
    text = " ".join(_text(professional_pdf(store, child.id, "commitment", today)).split())
    sent = f"Sent back on a form by Jo & Sam (reference {made.ticket.form_id})"
    assert "".join(sent.split()) in "".join(text.split())  # lines may break at hyphens
    assert "Zażółć gęślą jaźń" in text


def test_a_letter_already_final_goes_back_to_draft_when_new_words_arrive(store, child, today):
    """New words on an empty prompt of a final letter make it a draft to review again."""
    AdultRecords(store).save(
        child.id,
        CarersCommitment(
            letter="Dear Ola, …",
            status=LetterStatus.FINAL,
            reviewer="Kasia",
            review_comment="Lovely",
            reviewed_on=today,
        ),
    )
    made = new_form(store, child.id, FormKind.CARERS, today)
    receive(store, fill(made.pdf, {"prompt_growing_up": "Always your home."}), today)
    saved = AdultRecords(store).load(CarersCommitment, child.id)
    assert saved.letter == "Dear Ola, …" and saved.answer("growing_up") == "Always your home."
    assert saved.status is LetterStatus.DRAFT


def test_partner_form_shares_only_what_the_partner_needs(store, child, today):
    """Preferred name, initial and age; no full name, date of birth, carers or other people;
    OFFICIAL-SENSITIVE on every page; the child's name is not in the file's title."""
    made = new_form(store, child.id, FormKind.PARTNER, today)
    reader = PdfReader(io.BytesIO(made.pdf))
    text = " ".join(_text(made.pdf).split())
    assert "About Ola N., aged 9" in text
    for secret in ("Aleksandra", "Nowak", "2017", "Bright", "Okafor", "Shah", "Marsh", "Zieli"):
        assert secret not in text, secret
    assert "permanence" not in text.lower()
    for page in reader.pages:
        assert "OFFICIAL-SENSITIVE" in (page.extract_text() or "")
    assert "Ola" not in (reader.metadata.title or "")
    questions = re.findall(r"\b[1-5]\. (How|What|In your)", text)
    assert len(questions) == 5


def test_forms_hold_no_script_link_or_action(store, child, today):
    """Only text and boxes: nothing a reader would run or follow."""
    for kind in FormKind:
        pdf = new_form(store, child.id, kind, today).pdf
        actions = re.findall(
            rb"/(JavaScript|JS|OpenAction|URI|Launch|AA|EmbeddedFiles)(?![A-Za-z0-9+])", pdf
        )
        assert actions == [], kind


def test_form_boxes_are_typeable_and_the_ticket_is_hidden(store, child, today):
    """Answer boxes are multi-line with room for 10,000 characters; the ticket fields are
    hidden and read-only, and readers are asked to draw typed words themselves."""
    pdf = new_form(store, child.id, FormKind.PARTNER, today).pdf
    reader = PdfReader(io.BytesIO(pdf))
    fields = {
        f.get_object()["/T"]: f.get_object()
        for f in reader.trailer["/Root"]["/AcroForm"]["/Fields"]
    }
    for name in ANSWER_FIELDS:
        assert fields[name]["/Ff"] & (1 << 12)  # multiline
        assert fields[name]["/MaxLen"] == 10_000
        assert not fields[name].get("/F", 0) & 2  # visible
    assert fields[CHECK_FIELD]["/F"] & 2  # hidden
    assert fields[CHECK_FIELD]["/Ff"] & 1  # read-only
    assert (
        reader.trailer["/Root"]["/AcroForm"]["/NeedAppearances"] is True
        or str(reader.trailer["/Root"]["/AcroForm"]["/NeedAppearances"]) == "True"
    )


class _Blank(bytes):
    def __repr__(self) -> str:
        return "<a blank partner form>"


@pytest.fixture(scope="module")
def blank_partner_form(tmp_path_factory) -> bytes:
    today = dt.date(2026, 11, 22)
    with CaseloadStore.open(tmp_path_factory.mktemp("forms") / "data") as store:
        child = store.add_child(child_record(), today)
        return _Blank(new_form(store, child.id, FormKind.PARTNER, today).pdf)


@hypothesis_settings(max_examples=20)
@given(words=st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_words_come_back_exactly(blank_partner_form, words):
    """Whatever is typed (any script, any symbol) reads back the same, line breaks made \\n."""
    form = read_form_bytes(set_raw(blank_partner_form, "answer_2", words))
    assert form.value("answer_2") == clean_words(words)


def test_typed_words_are_drawn_by_another_reader(store, child, today, tmp_path):
    """pdftoppm (poppler) draws the words in the boxes itself, and they read back the same."""
    made = new_form(store, child.id, FormKind.PARTNER, today)
    words = {
        name: "Reads with her every night and never misses a meeting. " * 6
        for name in ANSWER_FIELDS
    }
    filled = typed_without_look(made.pdf, words)
    (tmp_path / "blank").mkdir()
    (tmp_path / "filled").mkdir()
    blank_ink = rendered_ink(made.pdf, tmp_path / "blank")
    if not blank_ink:
        pytest.skip("pdftoppm is not installed")
    filled_ink = rendered_ink(filled, tmp_path / "filled")
    assert filled_ink[0] == pytest.approx(blank_ink[0], abs=0.002)  # page 1: no answers
    assert filled_ink[1] > blank_ink[1] + 0.01 and filled_ink[2] > blank_ink[2] + 0.005
    assert read_form_bytes(filled).value("answer_5") == words["answer_5"]
