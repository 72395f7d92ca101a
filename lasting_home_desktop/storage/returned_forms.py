"""Forms sent out and answers filed back: the register of forms, the folder's keyed check, and
filing a returned form against the right child and part without overwriting anything.

The check is an HMAC-SHA256 of the form's ticket (reference, child, kind, day made) keyed by a
random secret this data folder keeps among its folder values: inside the encrypted database,
never in a form, and the same whether or not a passphrase was set after the form was made. A
form from another folder, or one whose hidden reference was edited, fails it.

Each child's register (the section "returned_forms") lists the forms made for them (whom to,
when) and each copy received (when, and a digest of its words), so a copy received twice is
recognised. Filing goes through `part_saving`, in one transaction with the register.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..domain.carers_commitment import CarersCommitment
from ..domain.child import ChildRecord
from ..domain.dates import format_long, from_iso
from ..domain.form_filing import (
    Filing,
    file_carers_form,
    file_partner_form,
    partner_contribution,
    received_letter,
)
from ..domain.partner_contributions import PartnerContributions
from ..domain.parts import part_title
from ..domain.returned_forms import Addressee, FormKind, FormTicket, ReturnedForm, new_form_id
from .caseload import CaseloadStore, ChildNotFound, StoredPart
from .part_saving import ChangedAgain, PartEdit, commit_save, plan_save

SECTION = "returned_forms"
SECRET_VALUE = "returned_forms_secret"
SECRET_BYTES = 32
CHECK_BYTES = 20  # 160 bits of HMAC-SHA256: far beyond guessing


class FormNotFiled(Exception):
    """A returned form that cannot be filed: `headline` and `kind_message` say why and what to
    do. Nothing was changed."""

    def __init__(self, headline: str, kind_message: str):
        super().__init__(f"{headline}. {kind_message}")
        self.headline = headline
        self.kind_message = kind_message


@dataclass(frozen=True)
class FilingPlan:
    """A returned form ready to file: the child, where its words go, and what the worker must
    choose (`filing.clashes`; none for a partner's first form)."""

    form: ReturnedForm
    child: ChildRecord
    filing: Filing
    part_base: StoredPart
    register_base: StoredPart
    register: dict[str, Any]
    received_on: dt.date

    @property
    def kind(self) -> FormKind:
        return self.form.kind

    @property
    def who(self) -> str:
        """Whose words these are, as the worker would say it."""
        if self.kind is FormKind.PARTNER:
            entry = self.filing.data["partners"][self.filing.entry]
            extra = ", ".join(x for x in (entry.get("role"), entry.get("agency")) if x)
            return f"{entry.get('name')} ({extra})" if extra else str(entry.get("name"))
        names = received_letter(self.form).names
        return names or "the foster carers"


class ReturnedForms:
    """The forms of one data folder: making their tickets and filing what comes back."""

    def __init__(self, store: CaseloadStore):
        self.store = store

    # -- forms going out -----------------------------------------------------------------------

    def sign(self, child_id: str, kind: FormKind, today: dt.date) -> FormTicket:
        """A new form's ticket with this folder's keyed check (the folder's secret is made the
        first time). ChildNotFound if the child is not here."""
        self.store.child(child_id)
        ticket = FormTicket(new_form_id(), child_id, kind, today)
        return replace(ticket, check=self._check(ticket, create=True))

    def register(self, ticket: FormTicket, to: Addressee | None = None) -> None:
        """Note a form that went out in the child's register and the audit trail (it takes the
        child's name and age out of the laptop). Done once its file is written."""
        to = to or Addressee()
        register = _register(self.store.section(SECTION, ticket.child_id))
        register["forms"][ticket.form_id] = {
            "kind": ticket.kind.value,
            "made": ticket.made.isoformat(),
            "to": to.name.strip(),
            "role": to.role.strip(),
            "agency": to.agency.strip(),
            "received": [],
        }
        self.store.save_section(SECTION, ticket.child_id, register)
        self.store.audit.record(
            "form-made", ticket.child_id, f"{ticket.kind.label}, {ticket.form_id}"
        )

    def forms_made(self, child_id: str, kind: FormKind) -> list[dict[str, Any]]:
        """The forms of that kind made for the child, oldest first, each with its reference
        ("id") and the copies received."""
        register = _register(self.store.section(SECTION, child_id))
        found = [
            {"id": form_id, **entry}
            for form_id, entry in register["forms"].items()
            if entry.get("kind") == kind.value
        ]
        return sorted(found, key=lambda entry: (str(entry.get("made")), entry["id"]))

    # -- forms coming back ---------------------------------------------------------------------

    def plan(self, form: ReturnedForm, today: dt.date) -> FilingPlan:
        """Where the form's words go. FormNotFiled (nothing changed) for a form from another
        folder or with an edited reference, for a child who is not here, an empty form, words
        too long to keep, or a copy already filed."""
        ticket = form.ticket
        child = self._child_of(ticket)
        register_part = self.store.part(child.id, SECTION)
        register = _register(register_part.data)
        entry = register["forms"].get(ticket.form_id, {})
        if form.is_empty:
            raise FormNotFiled(
                "This form came back empty",
                f"No answers were written in the {form.kind.label} for {child.known_as}. "
                "Nothing has been filed. If the person meant to answer, the file sent may be "
                "the blank form: ask them to save the form after typing, then send it again.",
            )
        problems = form.problems()
        if problems:
            raise FormNotFiled(
                "Some answers are too long to keep",
                " ".join(problems) + " Nothing has been filed. Ask the sender to shorten them, "
                "or copy their words in by hand.",
            )
        part = self.store.part(child.id, form.kind.part)
        filing = self._filing(form, part, today, str(entry.get("to", "")))
        receipts = entry.get("received") or []
        seen = any(r.get("digest") == form.digest() for r in receipts)
        if filing.nothing_new or (seen and not filing.first_time):
            when = _last_received(receipts)
            raise FormNotFiled(
                "This form is already filed",
                f"The same answers from this {form.kind.label} were filed for "
                f"{child.known_as}{when}. Nothing has changed."
                if when
                else f"The words in this {form.kind.label} are already in {child.known_as}'s "
                f"{part_title(form.kind.part).lower()}. Nothing has changed.",
            )
        self._note_receipt(register, ticket, form.digest(), today)
        return FilingPlan(form, child, filing, part, register_part, register, today)

    def file(self, plan: FilingPlan, chosen: Mapping[str, Any] | None = None) -> None:
        """Store the form's words (with the worker's choices for any clash) and its receipt,
        in one transaction. ChangedAgain if the part moved on since planning (plan again)."""
        data = plan.filing.settled(chosen or {})
        child_id = plan.child.id
        save = plan_save(
            self.store,
            child_id,
            [
                PartEdit(plan.kind.part, plan.part_base, data),
                PartEdit(SECTION, plan.register_base, plan.register),
            ],
        )
        if save.clashes:  # saved again meanwhile, in the same places: the worker sees it anew
            raise ChangedAgain(plan.kind.part)
        commit_save(self.store, save, plan.received_on)
        self.store.audit.record(
            "received-form", child_id, f"{plan.kind.label}, {plan.form.ticket.form_id}"
        )

    # -- inside --------------------------------------------------------------------------------

    def _child_of(self, ticket: FormTicket) -> ChildRecord:
        if not hmac.compare_digest(self._check(ticket, create=False), ticket.check or "-"):
            if self._issued_here(ticket.form_id):
                raise FormNotFiled(
                    "This form has been changed",
                    f"The hidden reference of form {ticket.form_id} was changed after Lasting "
                    "Home made it, so it cannot be filed safely. Nothing has been filed. Make "
                    "a fresh form for the sender, or type their answers in yourself.",
                )
            raise FormNotFiled(
                "This form was not made here",
                "It was made by another Lasting Home data folder (another laptop or team), or "
                "its hidden reference was changed. Nothing has been filed. Please pass it to "
                "the worker who sent it, or type the answers in yourself.",
            )
        try:
            return self.store.child(ticket.child_id)
        except ChildNotFound:
            raise FormNotFiled(
                "This form is for a child who is not here",
                f"Form {ticket.form_id} was made for a child whose record is no longer in "
                "this caseload (handed over to another laptop, or deleted). Nothing has been "
                "filed. Pass the form to whoever holds the child's record now.",
            ) from None

    def _filing(self, form: ReturnedForm, part: StoredPart, today: dt.date, to: str) -> Filing:
        if form.kind is FormKind.PARTNER:
            current = PartnerContributions.from_dict(part.data)
            return file_partner_form(current, partner_contribution(form, today, to))
        letter = CarersCommitment.from_dict(part.data)
        return file_carers_form(letter, received_letter(form), today)

    def _issued_here(self, form_id: str) -> bool:
        return any(
            form_id in _register(data)["forms"] for data in self.store.sections(SECTION).values()
        )

    def _note_receipt(
        self, register: dict[str, Any], ticket: FormTicket, digest: str, today: dt.date
    ) -> None:
        entry = register["forms"].setdefault(
            ticket.form_id,  # made before a backup was restored, say: the check vouches for it
            {"kind": ticket.kind.value, "made": ticket.made.isoformat(), "to": "", "received": []},
        )
        entry.setdefault("received", []).append({"on": today.isoformat(), "digest": digest})

    def _check(self, ticket: FormTicket, create: bool) -> str:
        secret = self._secret(create)
        if secret is None:
            return ""
        code = hmac.new(secret, ticket.signed_text(), "sha256").digest()[:CHECK_BYTES]
        return base64.b32encode(code).decode("ascii").rstrip("=")

    def _secret(self, create: bool) -> bytes | None:
        value = self.store.folder_value(SECRET_VALUE)
        if isinstance(value, str) and value:
            return bytes.fromhex(value)
        if not create:
            return None
        secret = os.urandom(SECRET_BYTES)
        self.store.save_folder_value(SECRET_VALUE, secret.hex())
        return secret


def _register(data: Mapping[str, Any] | None) -> dict[str, Any]:
    forms = (data or {}).get("forms")
    if not isinstance(forms, dict):
        forms = {}
    # A copy: the stored part is never changed in place.
    return {
        "forms": {
            str(key): copy.deepcopy(value)
            for key, value in forms.items()
            if isinstance(value, dict)
        }
    }


def _last_received(receipts: list[dict[str, Any]]) -> str:
    days = [from_iso(r.get("on")) for r in receipts if r.get("on")]
    days = [day for day in days if day is not None]
    return f" on {format_long(max(days))}" if days else ""
