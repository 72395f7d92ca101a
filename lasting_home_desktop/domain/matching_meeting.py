"""The matching meeting record: the multi-agency forum chaired by the Team Manager that ends
with a recommendation to the Head of Service (or, on the panel route, the panel submission).

The meeting's date lives in the child's journey dates; this record holds everything else.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from typing import Any

from .codec import decode, encode
from .record_checks import format_pounds, name_problems, text_problems

SECTION = "matching_meeting"

# Suggestions for the agency column; any other text is fine.
AGENCIES = (
    "Children's social care",
    "Fostering service",
    "Health",
    "Education",
    "Independent Reviewing Officer",
    "Foster carers",
    "Parents",
    "Birth family",
    "Other",
)


class Recommendation(enum.Enum):
    PROGRESS = "progress"
    DO_NOT_PROGRESS = "do_not_progress"
    DEFER = "defer"

    @property
    def label(self) -> str:
        return {
            Recommendation.PROGRESS: "Progress the lasting home",
            Recommendation.DO_NOT_PROGRESS: "Do not progress",
            Recommendation.DEFER: "Defer",
        }[self]


@dataclass(frozen=True)
class Attendee:
    name: str
    role: str = ""
    agency: str = ""

    def to_dict(self) -> dict[str, str]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attendee:
        return decode(cls, data)

    @property
    def is_blank(self) -> bool:
        return not (self.name.strip() or self.role.strip() or self.agency.strip())


@dataclass(frozen=True)
class MatchingMeeting:
    chair: str = ""
    attendees: tuple[Attendee, ...] = ()
    parents_invited: bool = False
    parents_attended: bool = False
    birth_family_views: str = ""
    child_views: str = ""
    strengths: str = ""
    concerns: str = ""
    celebration_plan: str = ""
    contribution_pence: int | None = None
    recommendation: Recommendation | None = None
    recommendation_reasons: str = ""
    minutes_complete: bool = False

    SECTION = SECTION

    @property
    def contribution_text(self) -> str:
        return format_pounds(self.contribution_pence)

    def cleaned(self) -> MatchingMeeting:
        """Blank attendee rows dropped and names trimmed, as a form would mean them."""
        people = tuple(
            Attendee(a.name.strip(), a.role.strip(), a.agency.strip())
            for a in self.attendees
            if not a.is_blank
        )
        return replace(self, chair=self.chair.strip(), attendees=people)

    def problems(self, meeting_held: bool) -> list[str]:
        """What stops this record being saved, in plain words. `meeting_held`: the meeting
        date is known and not in the future."""
        found: list[str] = []
        found.extend(name_problems("chair's name", self.chair))
        for number, person in enumerate(self.attendees, start=1):
            if not person.name.strip():
                found.append(f"Attendee {number} has a role or agency but no name. Please add it.")
            for label, value in (("name", person.name), ("role", person.role)):
                found.extend(name_problems(f"{label} of attendee {number}", value))
        if self.parents_attended and not self.parents_invited:
            found.append("The parents attended, so please also tick that they were invited.")
        for label, value in (
            ("birth family's views", self.birth_family_views),
            ("child's views", self.child_views),
            ("strengths", self.strengths),
            ("concerns", self.concerns),
            ("celebration plan", self.celebration_plan),
            ("reasons for the recommendation", self.recommendation_reasons),
        ):
            found.extend(text_problems(label, value))
        if (
            self.recommendation in (Recommendation.DO_NOT_PROGRESS, Recommendation.DEFER)
            and not self.recommendation_reasons.strip()
        ):
            found.append(
                f"The recommendation is '{self.recommendation.label}'. Please give the reasons."
            )
        if self.minutes_complete:
            missing = []
            if not meeting_held:
                missing.append("the date of a meeting that has taken place")
            if not self.chair.strip():
                missing.append("the chair")
            if self.recommendation is None:
                missing.append("the recommendation")
            if missing:
                found.append(
                    "The minutes can be marked complete once they have "
                    + _and(missing)
                    + ". Please add "
                    + ("it" if len(missing) == 1 else "them")
                    + " or untick 'Minutes complete'."
                )
        return found

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> MatchingMeeting:
        return decode(cls, data)


def _and(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
