"""Every returned form that must not be filed gets a clear message and changes nothing: a child
who is not here, another folder's form, an edited reference, a PDF that is not a form, an empty
form, one received twice, and files that are damaged, locked, huge or hostile."""

from __future__ import annotations

import io

import pytest
from forms_support import child_record, every_part, fill, new_form, receive, set_raw
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from lasting_home_desktop.documents import form_reader
from lasting_home_desktop.documents.form_reader import (
    FormUnreadable,
    read_form_bytes,
    read_form_file,
)
from lasting_home_desktop.documents.professional import professional_pdf
from lasting_home_desktop.domain.partner_contributions import PartnerContributions
from lasting_home_desktop.domain.returned_forms import CHILD_FIELD, FORM_ID_FIELD, FormKind
from lasting_home_desktop.storage.adults import AdultRecords
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.returned_forms import FormNotFiled, ReturnedForms

ANSWER = {"answer_1": "Always on time for school.", "your_name": "Mr Patel"}


@pytest.fixture
def child(store, today):
    return store.add_child(child_record(), today)


@pytest.fixture
def form(store, child, today):
    return new_form(store, child.id, FormKind.PARTNER, today)


def _refused(store, child_id, pdf: bytes, today, words: str) -> str:
    """File the form; it must be refused with a message holding `words`, nothing changed."""
    before = every_part(store, child_id)
    audit_before = len(store.audit.entries())
    with pytest.raises((FormUnreadable, FormNotFiled)) as refused:
        receive(store, pdf, today)
    message = f"{refused.value.headline}. {refused.value.kind_message}"
    assert words in message
    assert "Nothing has" in message
    assert every_part(store, child_id) == before
    assert len(store.audit.entries()) == audit_before
    return message


def test_form_for_a_child_who_is_not_here(store, child, form, today):
    """A form whose child was deleted (or handed over) is refused."""
    other = store.add_child(child_record(), today)
    store.remove_child(child.id)
    _refused(store, other.id, fill(form.pdf, ANSWER), today, "a child who is not here")


def test_form_from_another_folder(store, child, today, tmp_path):
    """A form made by another data folder, even for a child with the same id, is refused."""
    with CaseloadStore.open(tmp_path / "other") as other:
        twin = other.add_child(child_record(), today)
        foreign = new_form(other, twin.id, FormKind.PARTNER, today, folder=tmp_path)
    message = _refused(store, child.id, fill(foreign.pdf, ANSWER), today, "not made here")
    assert "another Lasting Home data folder" in message


def test_form_whose_child_was_changed_to_another_child(store, child, form, today):
    """Pointing a form at another child in the caseload fails the keyed check."""
    other = store.add_child(child_record(), today)
    edited = set_raw(fill(form.pdf, ANSWER), CHILD_FIELD, other.id)
    message = _refused(store, other.id, edited, today, "This form has been changed")
    assert form.ticket.form_id in message
    assert AdultRecords(store).load(PartnerContributions, child.id).partners == ()


def test_form_with_an_edited_or_damaged_reference(store, child, form, today):
    """A changed form id, a made-up check and a malformed reference are all refused."""
    filled = fill(form.pdf, ANSWER)
    _refused(
        store, child.id, set_raw(filled, FORM_ID_FIELD, "LH-0000-0000-0000"), today, "not made here"
    )
    _refused(store, child.id, set_raw(filled, "lasting_home_check", "A" * 32), today, "changed")
    _refused(store, child.id, set_raw(filled, CHILD_FIELD, "../../etc"), today, "damaged")


def test_pdf_that_is_not_a_form(store, child, today):
    """The app's own matching record is a PDF, but not a form."""
    pdf = professional_pdf(store, child.id, "matching", today)
    message = _refused(store, child.id, pdf, today, "This is not a Lasting Home form")
    assert "Print to PDF" in message or "printed to PDF" in message


def test_files_that_are_not_pdfs(store, child, today, tmp_path):
    """Text, a picture and a folder each get their own plain message."""
    _refused(store, child.id, b"Dear social worker, my answers are...", today, "not a PDF")
    _refused(store, child.id, b"\x89PNG\r\n\x1a\n" + b"\0" * 200, today, "not a PDF")
    with pytest.raises(FormUnreadable, match="folder"):
        read_form_file(tmp_path)
    with pytest.raises(FormUnreadable, match="no file"):
        read_form_file(tmp_path / "missing.pdf")


def test_empty_form(store, child, form, today):
    """A form sent back without answers (only a name) files nothing."""
    _refused(store, child.id, fill(form.pdf, {"your_name": "Mr Patel"}), today, "came back empty")
    _refused(store, child.id, form.pdf, today, "came back empty")


def test_same_form_received_twice(store, child, form, today):
    """The same answers a second time change nothing and say when they were filed."""
    filled = fill(form.pdf, ANSWER)
    receive(store, filled, today)
    message = _refused(store, child.id, filled, today, "already filed")
    assert "22 November 2026" in message
    assert len(AdultRecords(store).load(PartnerContributions, child.id).partners) == 1


def test_second_copy_with_changes_is_offered_to_choose(store, child, form, today):
    """A second copy whose words differ is planned as clashes, the first copy beside it."""
    receive(store, fill(form.pdf, ANSWER), today)
    changed = fill(form.pdf, {**ANSWER, "answer_1": "Always on time, and kind to others."})
    plan = ReturnedForms(store).plan(read_form_bytes(changed), today)
    assert [(c.path, c.theirs, c.mine) for c in plan.filing.clashes] == [
        ("question_1", "Always on time for school.", "Always on time, and kind to others.")
    ]
    ReturnedForms(store).file(plan, {"question_1": "Always on time, and kind to others."})
    partners = AdultRecords(store).load(PartnerContributions, child.id).partners
    assert len(partners) == 1 and partners[0].answers[0] == "Always on time, and kind to others."


def test_encrypted_pdf_is_refused(store, child, form, today):
    """A form saved with a password is not opened."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(fill(form.pdf, ANSWER))))
    writer.encrypt(user_password="", owner_password="secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    _refused(store, child.id, out.getvalue(), today, "locked with a password")


def test_damaged_and_huge_files_are_refused(store, child, form, today, tmp_path):
    """Half a file, junk after the header, and a file too large to be a form."""
    filled = fill(form.pdf, ANSWER)
    _refused(store, child.id, filled[: len(filled) // 3], today, "")
    _refused(store, child.id, b"%PDF-1.7\n" + bytes(range(256)) * 40, today, "could not be read")
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(form_reader.MOST_BYTES + 1)  # sparse: nothing is really written
    with pytest.raises(FormUnreadable, match="too large"):
        read_form_file(huge)


def test_answers_too_long_for_the_record(store, child, form, today):
    """A reader that ignored the box's limit: the message says which answer and how long."""
    filled = set_raw(fill(form.pdf, ANSWER), "answer_3", "x" * 10_001)
    _refused(store, child.id, filled, today, "question 3 is 10,001 characters long")


def test_an_answer_that_is_not_text(store, child, form, today):
    """A field value that is a number, not words, is refused rather than guessed."""
    _refused(
        store,
        child.id,
        set_raw(fill(form.pdf, ANSWER), "answer_2", NumberObject(7)),
        today,
        "could not be read as text",
    )


def test_nothing_in_the_file_but_the_answers_is_taken(store, child, form, today):
    """JavaScript, an opening action, a link and an attachment in the returned file are never
    run, followed or kept: only the typed words are filed."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(fill(form.pdf, ANSWER))))
    writer.add_attachment("payload.exe", b"MZ" + b"\0" * 100)
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hello');"),
        }
    )
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
            NameObject("/A"): DictionaryObject(
                {
                    NameObject("/S"): NameObject("/URI"),
                    NameObject("/URI"): TextStringObject("https://example.invalid/track"),
                }
            ),
        }
    )
    writer.pages[0][NameObject("/Annots")].append(writer._add_object(link))
    out = io.BytesIO()
    writer.write(out)
    receive(store, out.getvalue(), today)
    stored = str(every_part(store, child.id))
    for trace in ("alert", "payload", "example.invalid", "MZ"):
        assert trace not in stored
    partner = AdultRecords(store).load(PartnerContributions, child.id).partners[0]
    assert partner.answers[0] == "Always on time for school."
