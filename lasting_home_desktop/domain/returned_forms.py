"""Fillable forms for people outside the team, and what they bring back.

A partner (a teacher, a school nurse, the IRO) gets the five questions of the Partner
Contribution Guide; the foster carers get the prompts of their letter of commitment. Either
fills the form in any PDF reader and emails it back. The form carries its own ticket: a random
reference, the child's id, the kind of form, the day it was made, and a keyed check made by the
data folder that made it (the key stays in the folder: see storage.returned_forms). So a
returned form finds its child and part by itself, and an edited one is refused.

What comes back is only text: the values of the fields this app wrote, kept exactly (only line
breaks are made "\\n", whichever reader wrote them). Nothing else in the file is ever used.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from . import carers_commitment, partner_contributions
from .carers_commitment import PROMPTS
from .dates import age_on
from .ids import new_id
from .limits import ADULT_NAME, LONG_TEXT
from .partner_contributions import PARTNER_QUESTIONS

# The words of one answer may be as long as the app's own text boxes allow; the letter longer.
ANSWER_LIMIT = LONG_TEXT
LETTER_LIMIT = 30_000
TICKET_VERSION = "1"


class FormKind(enum.Enum):
    PARTNER = "partner"
    CARERS = "carers"

    @property
    def part(self) -> str:
        """The part of the child's record the answers are filed in."""
        if self is FormKind.PARTNER:
            return partner_contributions.SECTION
        return carers_commitment.SECTION

    @property
    def label(self) -> str:
        return "partner form" if self is FormKind.PARTNER else "carers' letter form"


# -- the fields a form holds ----------------------------------------------------------------------

# Hidden, read-only fields: the ticket.
FORM_ID_FIELD = "lasting_home_form"
CHILD_FIELD = "lasting_home_child"
KIND_FIELD = "lasting_home_kind"
MADE_FIELD = "lasting_home_made"
CHECK_FIELD = "lasting_home_check"
VERSION_FIELD = "lasting_home_version"
TICKET_FIELDS = (VERSION_FIELD, FORM_ID_FIELD, CHILD_FIELD, KIND_FIELD, MADE_FIELD, CHECK_FIELD)

# What a partner fills in.
NAME_FIELD = "your_name"
ROLE_FIELD = "your_role"
AGENCY_FIELD = "your_agency"
DATE_FIELD = "date_written"
ANSWER_FIELDS = tuple(f"answer_{number}" for number in range(1, len(PARTNER_QUESTIONS) + 1))
PARTNER_FIELDS = (NAME_FIELD, ROLE_FIELD, AGENCY_FIELD, DATE_FIELD, *ANSWER_FIELDS)

# What the foster carers fill in.
CARERS_NAMES_FIELD = "your_names"
PROMPT_FIELDS = {key: f"prompt_{key}" for key, _prompt, _heading in PROMPTS}
LETTER_FIELD = "letter"
CARERS_FIELDS = (CARERS_NAMES_FIELD, DATE_FIELD, *PROMPT_FIELDS.values(), LETTER_FIELD)

FIELDS_OF = {FormKind.PARTNER: PARTNER_FIELDS, FormKind.CARERS: CARERS_FIELDS}
# The fields whose words count as answers (a form with none of them filled is empty).
ANSWERS_OF = {
    FormKind.PARTNER: ANSWER_FIELDS,
    FormKind.CARERS: (*PROMPT_FIELDS.values(), LETTER_FIELD),
}
_LIMITS = {LETTER_FIELD: LETTER_LIMIT, **{name: ANSWER_LIMIT for name in ANSWER_FIELDS}}
_LIMITS.update({name: ANSWER_LIMIT for name in PROMPT_FIELDS.values()})

_FORM_ID = re.compile(r"^LH-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$")
_CHILD_ID = re.compile(r"^[0-9a-zA-Z_-]{1,64}$")


def new_form_id() -> str:
    """A random reference people can read out: LH-3F9A-07C2-B41E."""
    letters = new_id(12).upper()
    return "LH-" + "-".join(letters[i : i + 4] for i in range(0, 12, 4))


@dataclass(frozen=True)
class FormTicket:
    """What identifies a form: written into its hidden fields and checked when it returns."""

    form_id: str
    child_id: str
    kind: FormKind
    made: dt.date
    check: str = ""

    def signed_text(self) -> bytes:
        """The exact words the keyed check covers: change any of them and the check fails."""
        return "\n".join(
            (
                f"lasting-home form {TICKET_VERSION}",
                self.form_id,
                self.child_id,
                self.kind.value,
                self.made.isoformat(),
            )
        ).encode("utf-8")

    def fields(self) -> dict[str, str]:
        return {
            VERSION_FIELD: TICKET_VERSION,
            FORM_ID_FIELD: self.form_id,
            CHILD_FIELD: self.child_id,
            KIND_FIELD: self.kind.value,
            MADE_FIELD: self.made.isoformat(),
            CHECK_FIELD: self.check,
        }


@dataclass(frozen=True)
class Addressee:
    """Whom the worker made a form out to (all optional: the partner writes their own)."""

    name: str = ""
    role: str = ""
    agency: str = ""


class NotAForm(ValueError):
    """The file holds none of a Lasting Home form's hidden fields."""


class DamagedTicket(ValueError):
    """The hidden fields are there but do not make sense: changed by hand, or damaged."""


def ticket_from_fields(values: Mapping[str, str]) -> FormTicket:
    """The ticket read back from a form's hidden fields. NotAForm if there is none at all;
    DamagedTicket if it is incomplete or malformed (the keyed check is done in storage)."""
    present = [name for name in TICKET_FIELDS if values.get(name, "").strip()]
    if not present:
        raise NotAForm()
    try:
        if values.get(VERSION_FIELD, "").strip() != TICKET_VERSION:
            raise ValueError("version")
        form_id = values.get(FORM_ID_FIELD, "").strip()
        child_id = values.get(CHILD_FIELD, "").strip()
        if not _FORM_ID.match(form_id) or not _CHILD_ID.match(child_id):
            raise ValueError("reference")
        kind = FormKind(values.get(KIND_FIELD, "").strip())
        made = dt.date.fromisoformat(values.get(MADE_FIELD, "").strip())
    except ValueError:
        raise DamagedTicket() from None
    return FormTicket(form_id, child_id, kind, made, values.get(CHECK_FIELD, "").strip())


@dataclass(frozen=True)
class ReturnedForm:
    """A form read back: its ticket and the words in its fields (only the fields of its kind,
    line breaks as "\\n")."""

    ticket: FormTicket
    values: Mapping[str, str]

    @property
    def kind(self) -> FormKind:
        return self.ticket.kind

    def value(self, name: str) -> str:
        return self.values.get(name, "")

    @property
    def is_empty(self) -> bool:
        return not any(self.value(name).strip() for name in ANSWERS_OF[self.kind])

    def problems(self) -> list[str]:
        """Plain sentences for words too long to keep (a reader that ignored the form's own
        limit); empty when the form can be filed."""
        found = []
        for name in FIELDS_OF[self.kind]:
            limit = _LIMITS.get(name, ADULT_NAME)
            length = len(self.value(name))
            if length > limit:
                found.append(
                    f"{field_title(name)} is {length:,} characters long; Lasting Home keeps up "
                    f"to {limit:,}."
                )
        return found

    def digest(self) -> str:
        """The same for two copies with the same words, whatever reader saved them."""
        words = {name: self.value(name) for name in FIELDS_OF[self.kind]}
        canonical = json.dumps(words, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def returned_form(ticket: FormTicket, raw: Mapping[str, str]) -> ReturnedForm:
    """Only the fields of the form's kind are kept, with line breaks made "\\n"."""
    return ReturnedForm(
        ticket, {name: clean_words(raw.get(name, "")) for name in FIELDS_OF[ticket.kind]}
    )


def clean_words(text: str) -> str:
    """The words exactly as written, with every kind of line break made one "\\n" (Acrobat
    writes "\\r", others "\\r\\n")."""
    return str(text).replace("\r\n", "\n").replace("\r", "\n")


def field_title(name: str) -> str:
    """A field as a worker or partner would name it: "The answer to question 2"."""
    if name in ANSWER_FIELDS:
        return f"The answer to question {ANSWER_FIELDS.index(name) + 1}"
    for key, field_name in PROMPT_FIELDS.items():
        if field_name == name:
            heading = next(h for k, _p, h in PROMPTS if k == key)
            return f"The words under '{heading}'"
    return {
        NAME_FIELD: "The name",
        ROLE_FIELD: "The role",
        AGENCY_FIELD: "The agency",
        CARERS_NAMES_FIELD: "The carers' names",
        LETTER_FIELD: "The letter",
        DATE_FIELD: "The date",
    }.get(name, name)


# -- what the form says about the child --------------------------------------------------------


@dataclass(frozen=True)
class FormChild:
    """Only as much about the child as the reader needs: the name they like, the initial of
    their last name, and their age. No address, no other people's details."""

    name: str
    age: int | None

    @property
    def line(self) -> str:
        return f"{self.name}, aged {self.age}" if self.age is not None else self.name


def form_child(known_as: str, last_name: str, birth: dt.date | None, today: dt.date) -> FormChild:
    initial = last_name.strip()[:1].upper()
    name = f"{known_as.strip()} {initial}." if initial else known_as.strip()
    return FormChild(name, age_on(birth, today) if birth else None)
