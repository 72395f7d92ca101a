"""The lasting home commitment visit: at the place the child chose, with the people the child
chose; the outcome told, the card and certificate given. The visit date is in the journey."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from .codec import decode, encode
from .dates import format_long
from .record_checks import (
    name_problems,
    parse_time,
    text_problems,
)

SECTION = "commitment_visit"


@dataclass(frozen=True)
class VisitAttendee:
    name: str
    invited: bool = True
    attended: bool = False
    child_chose: bool = False  # came from the child's own choices in together mode

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VisitAttendee:
        return decode(cls, data)


@dataclass(frozen=True)
class CommitmentVisit:
    time: dt.time | None = None
    place: str = ""
    attendees: tuple[VisitAttendee, ...] = ()
    outcome_told: bool = False
    notes: str = ""
    card_given: bool = False
    certificate_given: bool = False
    carers_file_note: str = ""  # the supervising social worker's note for the carers' file

    SECTION = SECTION

    def cleaned(self) -> CommitmentVisit:
        people = tuple(
            replace(person, name=person.name.strip())
            for person in self.attendees
            if person.name.strip()
        )
        return replace(self, place=self.place.strip(), attendees=people)

    def problems(self, visit_date: dt.date | None, today: dt.date) -> list[str]:
        found: list[str] = []
        found.extend(name_problems("place", self.place))
        for person in self.attendees:
            found.extend(name_problems(f"name of {person.name[:20]}…", person.name))
        found.extend(text_problems("visit notes", self.notes))
        found.extend(text_problems("note for the carers' file", self.carers_file_note))
        happened = [
            label
            for label, done in (
                ("the outcome was told", self.outcome_told),
                ("the card was given", self.card_given),
                ("the certificate was given", self.certificate_given),
            )
            if done
        ] + [f"{person.name} attended" for person in self.attendees if person.attended]
        if happened and (visit_date is None or visit_date > today):
            when = f"is on {format_long(visit_date)}" if visit_date else "has no date yet"
            found.append(
                f"The visit {when}, so it cannot yet be recorded that {happened[0]}. "
                "Please untick it until the visit has taken place."
            )
        return found

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> CommitmentVisit:
        return decode(cls, data)


__all__ = ["CommitmentVisit", "VisitAttendee", "SECTION", "parse_time"]
