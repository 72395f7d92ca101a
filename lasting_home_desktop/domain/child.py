"""The child's record: who the child is, where they live and the people around them."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from .codec import decode, encode
from .dates import age_on
from .ids import new_id
from .journey import DecisionRoute, JourneyDates
from .limits import ADULT_NAME, CASE_ID, CHILD_NAME
from .record_checks import text_problems
from .text_search import contains

E = TypeVar("E", bound=enum.Enum)

# Suggestions for the legal status; any other wording the council uses is fine.
LEGAL_STATUSES = (
    "Full care order (section 31)",
    "Interim care order (section 38)",
    "Accommodated (section 20)",
    "Placement order",
    "Special guardianship order",
    "Child arrangements order",
)
OLDEST_AGE = 21
YOUNG_PERSON_FROM_AGE = 11


class HomeType(enum.Enum):
    FOSTER = "foster"
    KINSHIP = "kinship"
    RESIDENTIAL = "residential"
    SHORT_BREAKS = "short_breaks"

    @property
    def label(self) -> str:
        return {
            HomeType.FOSTER: "Foster home",
            HomeType.KINSHIP: "Kinship / connected carers",
            HomeType.RESIDENTIAL: "Residential home",
            HomeType.SHORT_BREAKS: "Short breaks",
        }[self]


class AgeBand(enum.Enum):
    CHILD = "child"
    YOUNG_PERSON = "young_person"

    @property
    def label(self) -> str:
        return {AgeBand.CHILD: "Child", AgeBand.YOUNG_PERSON: "Young person"}[self]


class RecordProblem(ValueError):
    """A child's details cannot be saved as they are; `problems` lists each, in plain words."""

    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class PeopleAroundChild:
    carers: tuple[str, ...] = ()
    social_worker: str = ""
    supervising_social_worker: str = ""
    team_manager: str = ""
    iro: str = ""
    decision_maker: str = ""  # Head of Service, or the Panel Chair on the panel route

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PeopleAroundChild:
        return decode(cls, data)

    @property
    def carers_text(self) -> str:
        """ "Jo and Sam", "Jo, Sam and Alex"."""
        return join_names(self.carers)


def join_names(names: tuple[str, ...] | list[str]) -> str:
    names = [name for name in names if name.strip()]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def split_names(text: str) -> tuple[str, ...]:
    """ "Jo and Sam" / "Jo; Sam" / "Jo, Sam" -> ("Jo", "Sam")."""
    for sep in (";", "&", " and ", "/"):
        text = text.replace(sep, ",")
    return tuple(part.strip() for part in text.split(",") if part.strip())


def new_child_id() -> str:
    return new_id(12)


@dataclass(frozen=True)
class ChildRecord:
    first_name: str
    last_name: str
    preferred_name: str = ""
    date_of_birth: dt.date | None = None
    age_band_override: AgeBand | None = None
    home_type: HomeType = HomeType.FOSTER
    route: DecisionRoute = DecisionRoute.COMMITMENT_VISIT
    service: str = ""
    people: PeopleAroundChild = field(default_factory=PeopleAroundChild)
    journey: JourneyDates = field(default_factory=JourneyDates)
    archived: bool = False
    id: str = field(default_factory=new_child_id, metadata={"required": True})
    # For matching this record to the council's case system (an LCS person ID, say).
    case_id: str = ""
    legal_status: str = ""
    placement_start: dt.date | None = None
    # When the child joined the caseload: "Getting ready" counts its days from here.
    added_on: dt.date | None = None

    @property
    def known_as(self) -> str:
        """The name the child likes to be called."""
        return self.preferred_name.strip() or self.first_name.strip()

    @property
    def full_name(self) -> str:
        return f"{self.first_name.strip()} {self.last_name.strip()}".strip()

    @property
    def display_name(self) -> str:
        """Worker-side name: 'Aleksandra (Ola) Nowak'."""
        preferred = self.preferred_name.strip()
        if preferred and preferred != self.first_name.strip():
            return f"{self.first_name.strip()} ({preferred}) {self.last_name.strip()}".strip()
        return self.full_name

    def age(self, today: dt.date) -> int | None:
        return age_on(self.date_of_birth, today) if self.date_of_birth else None

    def age_band(self, today: dt.date) -> AgeBand:
        """From the date of birth unless the worker chose otherwise."""
        if self.age_band_override is not None:
            return self.age_band_override
        age = self.age(today)
        if age is not None and age >= YOUNG_PERSON_FROM_AGE:
            return AgeBand.YOUNG_PERSON
        return AgeBand.CHILD

    def matches(self, text: str) -> bool:
        """Search over the names people would type, ignoring case and accents."""
        if not text.strip():
            return True
        haystack = " ".join(
            (self.first_name, self.preferred_name, self.last_name, self.full_name, self.case_id)
        )
        return contains(haystack, text)

    @classmethod
    def _upgrade(cls, data: dict[str, Any]) -> dict[str, Any]:
        # A record saved without a name part still opens (the checks ask for it).
        return {"first_name": "", "last_name": "", **data}

    def with_changes(self, **changes: Any) -> ChildRecord:
        return replace(self, **changes)

    def joining(self, today: dt.date) -> ChildRecord:
        """The record as it joins the caseload today (kept if it already says when)."""
        return self if self.added_on is not None else replace(self, added_on=today)

    def problems(self, today: dt.date) -> list[str]:
        """Everything that would stop this record being saved, in plain words."""
        found: list[str] = []
        for label, value in (("first name", self.first_name), ("last name", self.last_name)):
            if not value.strip():
                found.append(f"Please enter the child's {label}.")
            else:
                found.extend(text_problems(label, value, CHILD_NAME))
        found.extend(text_problems("preferred name", self.preferred_name, CHILD_NAME))
        for label, value in (
            ("service or division", self.service),
            ("social worker's name", self.people.social_worker),
            ("supervising social worker's name", self.people.supervising_social_worker),
            ("Team Manager's name", self.people.team_manager),
            ("IRO's name", self.people.iro),
            ("Head of Service or Panel Chair's name", self.people.decision_maker),
            ("carers' names", ", ".join(self.people.carers)),
        ):
            found.extend(text_problems(label, value, ADULT_NAME))
        if self.date_of_birth is not None:
            if self.date_of_birth > today:
                found.append("The date of birth is in the future. Please check it.")
            elif age_on(self.date_of_birth, today) >= OLDEST_AGE:
                found.append(
                    f"The date of birth makes this young person {OLDEST_AGE} or older. "
                    "Please check it."
                )
        found.extend(self._case_system_problems(today))
        found.extend(self.journey.problems(self.route))
        return found

    def _case_system_problems(self, today: dt.date) -> list[str]:
        found: list[str] = []
        case_id = self.case_id.strip()
        if len(case_id) > CASE_ID:
            found.append(
                f"The person ID is {len(case_id):,} characters long; case-system IDs are at most "
                f"{CASE_ID}. Please check it."
            )
        elif case_id and not all(ch.isalnum() or ch in "-/ " for ch in case_id):
            found.append(
                "The person ID can hold letters, numbers, spaces, '-' and '/' only. Please "
                "copy it from the case system."
            )
        found.extend(text_problems("legal status", self.legal_status, ADULT_NAME))
        if self.placement_start is not None:
            if self.placement_start > today:
                found.append("The placement start date is in the future. Please check it.")
            elif self.date_of_birth is not None and self.placement_start < self.date_of_birth:
                found.append("The placement started before the date of birth. Please check it.")
        return found

    def validated(self, today: dt.date) -> ChildRecord:
        """The record with names trimmed, or RecordProblem listing what to fix."""
        trimmed = replace(
            self,
            first_name=self.first_name.strip(),
            last_name=self.last_name.strip(),
            preferred_name=self.preferred_name.strip(),
            service=self.service.strip(),
            case_id=self.case_id.strip(),
            legal_status=self.legal_status.strip(),
        )
        problems = trimmed.problems(today)
        if problems:
            raise RecordProblem(problems)
        return trimmed

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChildRecord:
        return decode(cls, data)
