"""One child's status: stage, days waiting, flags and the plain reason for each flag.

The tracker, the caseload, the child's page header, "this week" and the command line all ask
this one function, so a child flagged in one place is flagged, in the same words, everywhere.
Facts beyond the child's own record (the panel booking, how the child said they feel) are
gathered by the storage layer once for all children and passed in as `StatusFacts`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .child import ChildRecord, DecisionRoute
from .journey import Flag, JourneySettings, JourneyStatus, Stage, journey_status
from .panel import agenda_overdue
from .parts import part_title
from .plain_words import day_month, days

if TYPE_CHECKING:
    from .child_voice import ChildVoice


@dataclass(frozen=True)
class Worry:
    """The child chose a worried, sad or scared face in together mode."""

    feeling: str  # "worried", "sad" or "scared", as the child's card says it
    said_on: dt.date | None = None


@dataclass(frozen=True)
class StatusFacts:
    """What a child's status needs from beyond their own record."""

    agenda_confirmed: bool = False  # the panel booking's agenda has been confirmed
    worry: Worry | None = None
    clashes: tuple[str, ...] = ()  # parts two laptops of a team changed differently


NO_FACTS = StatusFacts()


@dataclass(frozen=True)
class Reason:
    flag: Flag
    text: str  # "Head of Service decision 6 days overdue"


@dataclass(frozen=True)
class ChildStatus:
    child: ChildRecord
    journey: JourneyStatus
    reasons: tuple[Reason, ...]
    facts: StatusFacts = NO_FACTS

    @property
    def stage(self) -> Stage:
        return self.journey.stage

    @property
    def stage_label(self) -> str:
        return self.journey.stage.label(self.child.route)

    @property
    def flags(self) -> tuple[Flag, ...]:
        return tuple(reason.flag for reason in self.reasons)

    @property
    def needs_attention(self) -> bool:
        return bool(self.reasons)

    @property
    def days_waiting(self) -> int | None:
        return self.journey.days_waiting

    @property
    def next_step(self) -> str:
        return self.journey.next_step

    @property
    def reason_text(self) -> str:
        """Every reason in one line, most urgent first."""
        return "; ".join(reason.text for reason in self.reasons)

    @property
    def urgency(self) -> int:
        """For sorting: flagged children first, then the longest waiting."""
        waiting = self.days_waiting or 0
        return (len(self.reasons) * 100_000 if self.reasons else 0) + min(waiting, 99_999)


def child_status(
    child: ChildRecord,
    today: dt.date,
    settings: JourneySettings | None = None,
    facts: StatusFacts = NO_FACTS,
) -> ChildStatus:
    """Where this child's journey stands today and, in plain words, why they need attention.
    An archived child is never flagged."""
    journey = journey_status(child.journey, child.route, today, settings, child.added_on)
    if child.archived:
        return ChildStatus(child, journey, (), facts)
    flags = set(journey.flags)
    panel = child.route is DecisionRoute.PANEL
    if panel and agenda_overdue(facts.agenda_confirmed, child.journey.visit, today):
        flags.add(Flag.AGENDA_TO_CONFIRM)
    if facts.worry is not None:
        flags.add(Flag.CHILD_WORRIED)
    if facts.clashes:
        flags.add(Flag.TEAM_CLASH)
    reasons = tuple(
        Reason(flag, _reason(flag, child, journey, facts, today)) for flag in Flag if flag in flags
    )
    return ChildStatus(child, journey, reasons, facts)


def child_statuses(
    children: Iterable[ChildRecord],
    today: dt.date,
    settings: JourneySettings | None = None,
    facts: Mapping[str, StatusFacts] | None = None,
) -> list[ChildStatus]:
    facts = facts or {}
    return [
        child_status(child, today, settings, facts.get(child.id, NO_FACTS)) for child in children
    ]


def _reason(
    flag: Flag, child: ChildRecord, journey: JourneyStatus, facts: StatusFacts, today: dt.date
) -> str:
    dates = child.journey
    if flag is Flag.CHILD_WORRIED and facts.worry is not None:
        said = facts.worry.said_on
        when = f" on {day_month(said, today)}" if said else ""
        return f"Said they feel {facts.worry.feeling}{when}: talk with them"
    if flag is Flag.TEAM_CLASH and facts.clashes:
        return f"{flag.label} ({', '.join(part_title(p) for p in facts.clashes)})"
    if flag is Flag.HEAD_OF_SERVICE_OVERDUE and dates.head_of_service_due is not None:
        return f"Head of Service decision {days((today - dates.head_of_service_due).days)} overdue"
    if flag is Flag.AVOID_DELAY and dates.decision_date is not None:
        return f"Agreed {days((today - dates.decision_date).days)} ago, no visit booked"
    if flag is Flag.PANEL_DECISION_TO_RECORD and dates.visit is not None:
        return f"Panel met {days((today - dates.visit).days)} ago: record its decision"
    if flag is Flag.AGENDA_TO_CONFIRM and dates.visit is not None:
        # Short enough to be read whole in the caseload beside the child's name.
        return f"Panel agenda for {day_month(dates.visit, today)} overdue: confirm it"
    if flag is Flag.DEFERRED_TOO_LONG and journey.days_waiting is not None:
        return f"Deferred {days(journey.days_waiting)} ago: review"
    if flag is Flag.GETTING_READY_TOO_LONG and journey.days_waiting is not None:
        return f"Getting ready for {days(journey.days_waiting)}"
    return flag.label


def worry_from_voice(voice: ChildVoice) -> Worry | None:
    """The worry flag's facts from what the child said in together mode (None: no worry)."""
    if not voice.worry_flag or voice.feeling is None:
        return None
    from .child_voice import FEELINGS, choice  # the catalogue is needed only for a worry

    face = choice(FEELINGS, voice.feeling.face)
    feeling = face.wording.young.lower() if face else voice.feeling.face
    return Worry(feeling, voice.feeling.date)
