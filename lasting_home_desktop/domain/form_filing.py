"""Where a returned form's words go in the child's record, and what a worker must choose.

A partner's first form adds their contribution (or fills the blank one the worker had typed
their name into). The carers' form fills the prompts and the letter, arriving as a draft for
the supervising social worker. Nothing saved is ever overwritten without the worker seeing it:
where the record already holds different words (a second copy of the same form with changes,
or a letter the carers had started with their social worker), both are shown side by side as
clashes, and the worker's choices settle them.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .carers_commitment import CarersCommitment, LetterStatus
from .dates import DateProblem, parse_date, to_iso
from .merge import Clash
from .partner_contributions import PartnerContribution, PartnerContributions
from .returned_forms import (
    AGENCY_FIELD,
    ANSWER_FIELDS,
    CARERS_NAMES_FIELD,
    DATE_FIELD,
    LETTER_FIELD,
    NAME_FIELD,
    PROMPT_FIELDS,
    ROLE_FIELD,
    FormKind,
    ReturnedForm,
)

NO_NAME = "Name not given"
# Clash paths for a partner's contribution, as the clash chooser names them.
_PARTNER_PATHS = ("name", "role", "agency", "dated") + tuple(
    f"question_{number}" for number in range(1, len(ANSWER_FIELDS) + 1)
)


@dataclass(frozen=True)
class Filing:
    """The part as it would be stored (where something clashes, it keeps what is saved now),
    the clashes for the worker (`theirs` is what is saved, `mine` the form's words), and for a
    partner form which contribution they are about. `stamp` marks where the words came from
    (on the contribution, or on the letter) once any of them is taken."""

    kind: FormKind
    data: dict[str, Any]
    clashes: tuple[Clash, ...] = ()
    entry: int = -1
    changed: bool = False  # words taken without asking (empty places, a new contribution)
    first_time: bool = True
    stamp: Mapping[str, Any] = field(default_factory=dict)

    @property
    def nothing_new(self) -> bool:
        return not self.changed and not self.clashes

    def settled(self, chosen: Mapping[str, Any]) -> dict[str, Any]:
        """The part with each clash settled by the worker's choice (a clash not chosen keeps
        what is saved)."""
        data = copy.deepcopy(self.data)
        taken = self.changed
        for clash in self.clashes:
            value = chosen.get(clash.path, clash.theirs)
            taken = taken or (value == clash.mine and clash.mine != clash.theirs)
            if self.kind is FormKind.PARTNER:
                _set_partner_field(data["partners"][self.entry], clash.path, value)
            else:
                _set_letter_field(data, clash.path, value)
        if taken:
            target = data["partners"][self.entry] if self.kind is FormKind.PARTNER else data
            target.update(copy.deepcopy(dict(self.stamp)))
        return data


# -- a partner's form ----------------------------------------------------------------------------


def partner_contribution(
    form: ReturnedForm, received_on: dt.date, addressee: str = ""
) -> PartnerContribution:
    """The contribution a partner's form holds. The date is the one they wrote if it can be
    read and is not in the future (None otherwise: filing then uses the day it arrived); a
    missing name is the one the worker made the form out to."""
    name = form.value(NAME_FIELD).strip() or addressee.strip() or NO_NAME
    return PartnerContribution(
        name=name,
        role=form.value(ROLE_FIELD).strip(),
        agency=form.value(AGENCY_FIELD).strip(),
        answers=tuple(form.value(field_name) for field_name in ANSWER_FIELDS),
        dated=_written_on(form.value(DATE_FIELD), form.ticket.made, received_on),
        form_id=form.ticket.form_id,
        received_on=received_on,
    ).cleaned()


def file_partner_form(current: PartnerContributions, received: PartnerContribution) -> Filing:
    partners = list(current.partners)
    index = next((i for i, p in enumerate(partners) if p.form_id == received.form_id), None)
    if index is not None:  # a second copy of a form already filed
        return Filing(
            FormKind.PARTNER,
            current.to_dict(),
            _partner_differences(partners[index], received),
            entry=index,
            first_time=False,
            stamp={"received_on": to_iso(received.received_on)},
        )
    blank = next(
        (
            i
            for i, p in enumerate(partners)
            if not p.form_id and not p.answered and _same_name(p.name, received.name)
        ),
        None,
    )
    new = replace(received, dated=received.dated or received.received_on)
    if blank is None:
        partners.append(new)
        index = len(partners) - 1
    else:  # the worker had added the partner by name, waiting for their answers
        old = partners[blank]
        partners[blank] = replace(new, role=new.role or old.role, agency=new.agency or old.agency)
        index = blank
    data = PartnerContributions(tuple(partners)).to_dict()
    return Filing(FormKind.PARTNER, data, entry=index, changed=True)


def _partner_differences(
    stored: PartnerContribution, received: PartnerContribution
) -> tuple[Clash, ...]:
    before, after = _partner_values(stored), _partner_values(received)
    return tuple(
        Clash(path, before[path], after[path], before[path])
        for path in _PARTNER_PATHS
        if before[path] != after[path] and not (path == "dated" and received.dated is None)
    )


def _partner_values(partner: PartnerContribution) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": partner.name,
        "role": partner.role,
        "agency": partner.agency,
        "dated": to_iso(partner.dated),
    }
    for number, answer in enumerate(partner.cleaned().answers, start=1):
        values[f"question_{number}"] = answer
    return values


def _set_partner_field(entry: dict[str, Any], path: str, value: Any) -> None:
    if path.startswith("question_"):
        answers = list(entry.get("answers") or [])
        number = int(path.split("_", 1)[1])
        answers += [""] * (number - len(answers))
        answers[number - 1] = value or ""
        entry["answers"] = answers
    else:
        entry[path] = value if path == "dated" else (value or "")


def _same_name(a: str, b: str) -> bool:
    return bool(a.strip()) and a.strip().casefold() == b.strip().casefold()


def _written_on(text: str, made: dt.date, received_on: dt.date) -> dt.date | None:
    try:
        written = parse_date(text)
    except DateProblem:
        return None
    if written is None or written > received_on or written < made:
        return None
    return written


# -- the carers' letter --------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedLetter:
    form_id: str
    names: str
    answers: dict[str, str]  # prompt key -> the carers' words
    letter: str


def received_letter(form: ReturnedForm) -> ReceivedLetter:
    return ReceivedLetter(
        form.ticket.form_id,
        form.value(CARERS_NAMES_FIELD).strip(),
        {key: form.value(name) for key, name in PROMPT_FIELDS.items()},
        form.value(LETTER_FIELD),
    )


def file_carers_form(
    current: CarersCommitment, received: ReceivedLetter, received_on: dt.date
) -> Filing:
    """Empty places take the carers' words at once; where the record already holds other
    words (typed with their social worker, or an earlier copy of this form), the worker
    chooses. Any words taken make the letter a draft again, for the supervising social
    worker to review."""
    data = current.to_dict()
    clashes: list[Clash] = []
    changed = False
    places = [
        (f"answers.{key}", current.answer(key), text) for key, text in received.answers.items()
    ]
    places.append((LETTER_FIELD, current.letter, received.letter))
    for path, saved, words in places:
        if not words.strip() or words == saved:
            continue
        if saved.strip():
            clashes.append(Clash(path, saved, words, saved))
        else:
            _set_letter_field(data, path, words)
            changed = True
    stamp = {
        "form_id": received.form_id,
        "received_from": received.names or current.received_from,
        "received_on": to_iso(received_on),
        "status": LetterStatus.DRAFT.value,
    }
    if changed:
        data.update(stamp)
    return Filing(
        FormKind.CARERS,
        data,
        tuple(clashes),
        changed=changed,
        first_time=current.form_id != received.form_id,
        stamp=stamp,
    )


def _set_letter_field(data: dict[str, Any], path: str, value: Any) -> None:
    if path.startswith("answers."):
        data.setdefault("answers", {})[path.split(".", 1)[1]] = value or ""
    else:
        data[path] = value or ""


__all__ = [
    "DATE_FIELD",
    "Filing",
    "ReceivedLetter",
    "file_carers_form",
    "file_partner_form",
    "partner_contribution",
    "received_letter",
]
