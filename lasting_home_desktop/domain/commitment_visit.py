"""The lasting home commitment visit: at the place the child chose, with the people the child
chose; the outcome told, the card and certificate given. The visit date is in the journey."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from .dates import format_long
from .record_checks import (
    NAME_LIMIT,
    format_time,
    parse_time,
    text_problems,
    time_from_text,
)

SECTION = "commitment_visit"


@dataclass(frozen=True)
class VisitAttendee:
    name: str
    invited: bool = True
    attended: bool = False
    child_chose: bool = False  # came from the child's own choices in together mode

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "invited": self.invited,
            "attended": self.attended,
            "child_chose": self.child_chose,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VisitAttendee:
        return cls(
            name=str(data.get("name", "")),
            invited=bool(data.get("invited", True)),
            attended=bool(data.get("attended", False)),
            child_chose=bool(data.get("child_chose", False)),
        )


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
        if len(self.place) > NAME_LIMIT:
            found.append(f"Please keep the place to {NAME_LIMIT} characters or fewer.")
        for person in self.attendees:
            if len(person.name) > NAME_LIMIT:
                found.append(f"Please keep each name to {NAME_LIMIT} characters or fewer.")
                break
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
        return {
            "time": format_time(self.time) or None,
            "place": self.place,
            "attendees": [person.to_dict() for person in self.attendees],
            "outcome_told": self.outcome_told,
            "notes": self.notes,
            "card_given": self.card_given,
            "certificate_given": self.certificate_given,
            "carers_file_note": self.carers_file_note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> CommitmentVisit:
        data = data or {}
        return cls(
            time=time_from_text(data.get("time")),
            place=str(data.get("place", "")),
            attendees=tuple(VisitAttendee.from_dict(a) for a in data.get("attendees") or ()),
            outcome_told=bool(data.get("outcome_told", False)),
            notes=str(data.get("notes", "")),
            card_given=bool(data.get("card_given", False)),
            certificate_given=bool(data.get("certificate_given", False)),
            carers_file_note=str(data.get("carers_file_note", "")),
        )


__all__ = ["CommitmentVisit", "VisitAttendee", "SECTION", "parse_time"]
