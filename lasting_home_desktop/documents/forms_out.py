"""Making a fillable form for one child: its signed ticket, its PDF, a file name, and its note
in the child's register once the file is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..domain.returned_forms import Addressee, FormKind, FormTicket, form_child
from ..storage.caseload import CaseloadStore
from ..storage.returned_forms import ReturnedForms
from ..storage.safe_files import atomic_write
from .carers_form import carers_form_pdf
from .filenames import safe_file_name
from .partner_form import partner_form_pdf


@dataclass(frozen=True)
class MadeForm:
    ticket: FormTicket
    pdf: bytes
    file_name: str  # a suggestion: the child's name as the form shows it, never more


def make_form(
    store: CaseloadStore,
    child_id: str,
    kind: FormKind,
    today: dt.date,
    to: Addressee | None = None,
) -> MadeForm:
    """The form's PDF (nothing is written or registered yet). ChildNotFound if the child is
    not here."""
    child = store.child(child_id)
    ticket = ReturnedForms(store).sign(child_id, kind, today)
    about = form_child(child.known_as, child.last_name, None, today).name
    if kind is FormKind.PARTNER:
        pdf = partner_form_pdf(child, ticket, today, to)
        who = f" for {to.name.strip()}" if to is not None and to.name.strip() else ""
        name = f"Partner form about {about}{who}"
    else:
        pdf = carers_form_pdf(child, ticket, today)
        name = f"Carers' letter form for {about}"
    return MadeForm(ticket, pdf, safe_file_name(name, "Lasting Home form", "pdf"))


def save_form(store: CaseloadStore, made: MadeForm, target: Path, to: Addressee | None) -> None:
    """Write the form (whole, or not at all) and note it in the register and audit trail.
    StorageWriteError with a kind message if the file cannot be written."""
    atomic_write(Path(target), made.pdf)
    ReturnedForms(store).register(made.ticket, to)
