"""Shared set-up for the fillable-form tests: a store with one child, making a form as the app
does, and filling it in the way a PDF reader saves it (pypdf writes the field values)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from lasting_home_desktop.documents.form_reader import read_form_bytes
from lasting_home_desktop.documents.forms_out import MadeForm, make_form, save_form
from lasting_home_desktop.domain.child import ChildRecord, PeopleAroundChild
from lasting_home_desktop.domain.journey import JourneyDates
from lasting_home_desktop.domain.returned_forms import Addressee, FormKind
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.returned_forms import ReturnedForms

POLISH = "Zażółć gęślą jaźń: Łukasz był w szkole"
URDU = "وہ ہر روز اسکول آتی ہے"
EMOJI = "She loves football ⚽😀👍🏽"
HOSTILE = "<b>&amp; <script>alert(1)</script> 0 < 1"
LINES = "First line\r\nSecond line\rThird line\n\nAfter a blank line"
LONG = ("Ten chars. " * 1000)[:10_000]


def child_record() -> ChildRecord:
    return ChildRecord(
        "Aleksandra",
        "Nowak",
        preferred_name="Ola",
        date_of_birth=dt.date(2017, 5, 3),
        people=PeopleAroundChild(
            carers=("Jo Bright", "Sam Bright"),
            social_worker="Amina Rahman",
            supervising_social_worker="Kasia Zielińska",
            team_manager="Priya Shah",
            iro="David Okafor",
            decision_maker="Helen Marsh",
        ),
        journey=JourneyDates(matching_meeting=dt.date(2026, 12, 3)),
    )


def new_form(
    store: CaseloadStore,
    child_id: str,
    kind: FormKind,
    today: dt.date,
    to: Addressee | None = None,
    folder: Path | None = None,
) -> MadeForm:
    """Make a form and save it (so it is registered), as the Make button does."""
    made = make_form(store, child_id, kind, today, to)
    target = (folder or store.folder.parent) / made.file_name
    save_form(store, made, target, to)
    return made


def fill(pdf: bytes, values: dict[str, str]) -> bytes:
    """The form as a reader saves it after typing: the values in the fields."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def set_raw(pdf: bytes, name: str, value: Any) -> bytes:
    """Put any PDF object as one field's value, past every check a reader would make."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for ref in writer._root_object["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/T") == name:
            field[NameObject("/V")] = TextStringObject(value) if isinstance(value, str) else value
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def receive(store: CaseloadStore, pdf: bytes, today: dt.date, chosen: dict | None = None):
    """Read and file a returned form as the app does when nothing clashes."""
    forms = ReturnedForms(store)
    plan = forms.plan(read_form_bytes(pdf, "returned.pdf"), today)
    forms.file(plan, chosen)
    return plan


def every_part(store: CaseloadStore, child_id: str) -> dict:
    """The child's whole record, to show nothing changed."""
    return {"record": store.child(child_id).to_dict(), **store.child_sections(child_id)}


def typed_without_look(pdf: bytes, values: dict[str, str]) -> bytes:
    """The words in the boxes with no drawn look, as many readers save a form: whoever opens
    it (pdftoppm here) draws the words itself."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        for ref in page.get("/Annots", []):
            field = ref.get_object()
            if field.get("/T") in values:
                field[NameObject("/V")] = TextStringObject(values[field["/T"]])
                field.pop(NameObject("/AP"), None)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
