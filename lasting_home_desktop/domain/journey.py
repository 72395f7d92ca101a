"""The Lasting Home journey: its dates, the stage they imply, and the flags a Team Manager needs.

The stage is always derived from the dates; it is never stored.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .codec import decode, encode
from .dates import format_long

# The protocol gives the Head of Service two weeks to consider the matching meeting.
HEAD_OF_SERVICE_WINDOW = dt.timedelta(days=14)
DEFAULT_AVOID_DELAY_DAYS = 28
# A deferred decision is reviewed within four weeks; a child is not left "getting ready" for
# more than about three months without a matching meeting in view.
DEFAULT_DEFERRED_REVIEW_DAYS = 28
DEFAULT_GETTING_READY_DAYS = 90


class DecisionRoute(enum.Enum):
    COMMITMENT_VISIT = "commitment_visit"
    PANEL = "panel"

    @property
    def label(self) -> str:
        return {
            DecisionRoute.COMMITMENT_VISIT: "Commitment visit",
            DecisionRoute.PANEL: "Lasting Home Panel",
        }[self]

    @property
    def decided_by(self) -> str:
        """Who the matching meeting's recommendation goes to on this route."""
        return {
            DecisionRoute.COMMITMENT_VISIT: "the Head of Service",
            DecisionRoute.PANEL: "the Lasting Home Panel",
        }[self]

    @property
    def recommendation_heading(self) -> str:
        return f"Recommendation to {self.decided_by}"


class Decision(enum.Enum):
    AGREED = "agreed"
    NOT_AGREED = "not_agreed"
    DEFERRED = "deferred"

    @property
    def label(self) -> str:
        return {
            Decision.AGREED: "Agreed (ratified)",
            Decision.NOT_AGREED: "Not agreed",
            Decision.DEFERRED: "Deferred",
        }[self]


class Stage(enum.Enum):
    """Journey stages in the order a child moves through them."""

    GETTING_READY = 1
    MATCHING_BOOKED = 2
    MATCHING_HELD = 3
    WITH_HEAD_OF_SERVICE = 4
    AGREED_VISIT_TO_BOOK = 5
    VISIT_BOOKED = 6
    VISIT_DONE = 7
    CELEBRATED = 8
    DEFERRED = 9
    NOT_AGREED = 10
    OUTCOME_TO_RECORD = 11  # panel route: the panel has met, its decision is not recorded

    def label(self, route: DecisionRoute | None = None) -> str:
        panel = route is DecisionRoute.PANEL
        if panel:
            special = {
                Stage.MATCHING_HELD: "Matching meeting held: to book on a panel",
                Stage.AGREED_VISIT_TO_BOOK: "Agreed: panel outcome recorded",
                Stage.VISIT_BOOKED: "Booked on a panel",
                Stage.VISIT_DONE: "Panel held: celebration to come",
            }
            if self in special:
                return special[self]
        return {
            Stage.GETTING_READY: "Getting ready",
            Stage.MATCHING_BOOKED: "Matching meeting booked",
            Stage.MATCHING_HELD: "Matching meeting held: recommendation to send",
            Stage.WITH_HEAD_OF_SERVICE: "With the Head of Service",
            Stage.AGREED_VISIT_TO_BOOK: "Agreed: visit to book",
            Stage.VISIT_BOOKED: "Commitment visit booked",
            Stage.VISIT_DONE: "Visit done: celebration to come",
            Stage.CELEBRATED: "Celebrated",
            Stage.DEFERRED: "Deferred",
            Stage.NOT_AGREED: "Not agreed",
            Stage.OUTCOME_TO_RECORD: "Panel held: decision to record",
        }[self]


class Flag(enum.Enum):
    """Why a child needs attention, most urgent first (the order reasons are listed in)."""

    CHILD_WORRIED = "child_worried"
    TEAM_CLASH = "team_clash"  # two laptops of a team changed the same field differently
    HEAD_OF_SERVICE_OVERDUE = "head_of_service_overdue"
    AVOID_DELAY = "avoid_delay"
    PANEL_DECISION_TO_RECORD = "panel_decision_to_record"
    AGENDA_TO_CONFIRM = "agenda_to_confirm"
    DEFERRED_TOO_LONG = "deferred_too_long"
    GETTING_READY_TOO_LONG = "getting_ready_too_long"

    @property
    def label(self) -> str:
        return {
            Flag.CHILD_WORRIED: "Child said they feel worried",
            Flag.TEAM_CLASH: "Changed on two laptops: choose what to keep",
            Flag.HEAD_OF_SERVICE_OVERDUE: "Head of Service decision overdue",
            Flag.AVOID_DELAY: "Avoid delay: no visit booked",
            Flag.PANEL_DECISION_TO_RECORD: "Panel decision to record",
            Flag.AGENDA_TO_CONFIRM: "Panel agenda to confirm",
            Flag.DEFERRED_TOO_LONG: "Deferred: to review",
            Flag.GETTING_READY_TOO_LONG: "Getting ready for a long time",
        }[self]


@dataclass(frozen=True)
class JourneySettings:
    avoid_delay_days: int = DEFAULT_AVOID_DELAY_DAYS
    deferred_review_days: int = DEFAULT_DEFERRED_REVIEW_DAYS
    getting_ready_days: int = DEFAULT_GETTING_READY_DAYS


@dataclass(frozen=True)
class JourneyDates:
    matching_meeting: dt.date | None = None
    recommendation_sent: dt.date | None = None
    decision: Decision | None = None
    decision_date: dt.date | None = None
    visit: dt.date | None = None  # the commitment visit, or the panel on the panel route
    celebration: dt.date | None = None

    @property
    def head_of_service_due(self) -> dt.date | None:
        if self.recommendation_sent is None:
            return None
        return self.recommendation_sent + HEAD_OF_SERVICE_WINDOW

    def problems(self, route: DecisionRoute) -> list[str]:
        """Dates in the wrong order, or a decision without its date, in plain words."""
        found: list[str] = []
        if self.decision is not None and self.decision_date is None:
            found.append("Please give the date of the decision.")
        if self.decision_date is not None and self.decision is None:
            found.append("There is a decision date but no decision. Please choose the decision.")
        steps = self._ordered_steps(route)
        for (earlier_name, earlier), (later_name, later) in _pairs(steps):
            if later < earlier:
                found.append(
                    f"The {later_name} ({format_long(later)}) is before the {earlier_name} "
                    f"({format_long(earlier)}). Please check the dates."
                )
        return found

    def _ordered_steps(self, route: DecisionRoute) -> list[tuple[str, dt.date]]:
        panel = route is DecisionRoute.PANEL
        named = [
            ("matching meeting", self.matching_meeting),
            ("date the recommendation was sent", None if panel else self.recommendation_sent),
            ("decision date", None if panel else self.decision_date),
            ("panel date" if panel else "commitment visit", self.visit),
            ("celebration", self.celebration),
        ]
        return [(name, day) for name, day in named if day is not None]

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JourneyDates:
        return decode(cls, data)


def _pairs(
    steps: list[tuple[str, dt.date]],
) -> list[tuple[tuple[str, dt.date], tuple[str, dt.date]]]:
    return list(zip(steps, steps[1:], strict=False))


@dataclass(frozen=True)
class JourneyStatus:
    stage: Stage
    flags: tuple[Flag, ...]
    stage_since: dt.date | None  # when the child reached this stage, if known
    days_waiting: int | None  # days since then, while the journey is still moving
    dates: JourneyDates
    panel: bool

    @cached_property
    def next_step(self) -> str:
        # Worked out on demand: a 1,000-child caseload shows only a screenful at start-up.
        return _next_step(self.stage, self.dates, self.panel)

    @property
    def flag_text(self) -> str:
        return "; ".join(flag.label for flag in self.flags)


def journey_status(
    dates: JourneyDates,
    route: DecisionRoute,
    today: dt.date,
    settings: JourneySettings | None = None,
    started: dt.date | None = None,
) -> JourneyStatus:
    """Where the journey stands today, with the flags its dates alone show (`child_status`
    adds the ones that need more than the dates). `started` is when the child joined the
    caseload: "Getting ready" counts its days from then."""
    settings = settings or JourneySettings()
    panel = route is DecisionRoute.PANEL
    stage, since = _stage(dates, panel, today)
    if stage is Stage.GETTING_READY:
        since = started
    flags: list[Flag] = []
    if (
        not panel
        and stage is Stage.WITH_HEAD_OF_SERVICE
        and dates.head_of_service_due is not None
        and today > dates.head_of_service_due
    ):
        flags.append(Flag.HEAD_OF_SERVICE_OVERDUE)
    if (
        not panel
        and stage is Stage.AGREED_VISIT_TO_BOOK
        and dates.decision_date is not None
        and (today - dates.decision_date).days > settings.avoid_delay_days
    ):
        flags.append(Flag.AVOID_DELAY)
    if stage is Stage.OUTCOME_TO_RECORD and dates.visit is not None and dates.visit < today:
        flags.append(Flag.PANEL_DECISION_TO_RECORD)
    if _older_than(since, today, settings.deferred_review_days) and stage is Stage.DEFERRED:
        flags.append(Flag.DEFERRED_TOO_LONG)
    if _older_than(since, today, settings.getting_ready_days) and stage is Stage.GETTING_READY:
        flags.append(Flag.GETTING_READY_TOO_LONG)
    moving = stage not in (Stage.CELEBRATED, Stage.NOT_AGREED)
    waiting = (today - since).days if (since is not None and moving and since <= today) else None
    return JourneyStatus(
        stage=stage,
        flags=tuple(flags),
        stage_since=since,
        days_waiting=waiting,
        dates=dates,
        panel=panel,
    )


def _older_than(since: dt.date | None, today: dt.date, days: int) -> bool:
    return since is not None and (today - since).days > days


def _stage(dates: JourneyDates, panel: bool, today: dt.date) -> tuple[Stage, dt.date | None]:
    if dates.celebration is not None and dates.celebration <= today and _decided_yes(dates):
        return Stage.CELEBRATED, dates.celebration
    if panel:
        if dates.visit is not None and dates.visit <= today:
            if dates.decision is Decision.NOT_AGREED:
                return Stage.NOT_AGREED, dates.decision_date or dates.visit
            if dates.decision is Decision.DEFERRED:
                return Stage.DEFERRED, dates.decision_date or dates.visit
            if dates.decision is None:
                return Stage.OUTCOME_TO_RECORD, dates.visit
            return Stage.VISIT_DONE, dates.visit
        if dates.visit is not None:
            return Stage.VISIT_BOOKED, dates.matching_meeting
    else:
        if dates.decision is Decision.NOT_AGREED:
            return Stage.NOT_AGREED, dates.decision_date
        if dates.decision is Decision.DEFERRED:
            return Stage.DEFERRED, dates.decision_date
        if dates.decision is Decision.AGREED:
            if dates.visit is None:
                return Stage.AGREED_VISIT_TO_BOOK, dates.decision_date
            if dates.visit > today:
                return Stage.VISIT_BOOKED, dates.decision_date
            return Stage.VISIT_DONE, dates.visit
        if dates.recommendation_sent is not None and dates.recommendation_sent <= today:
            return Stage.WITH_HEAD_OF_SERVICE, dates.recommendation_sent
    if dates.matching_meeting is not None:
        if dates.matching_meeting <= today:
            return Stage.MATCHING_HELD, dates.matching_meeting
        return Stage.MATCHING_BOOKED, None
    return Stage.GETTING_READY, None


def _decided_yes(dates: JourneyDates) -> bool:
    # On both routes only a decision recorded as agreed counts: a panel that has sat has not
    # necessarily said yes.
    return dates.decision is Decision.AGREED and dates.visit is not None


def _next_step(stage: Stage, dates: JourneyDates, panel: bool) -> str:
    if stage is Stage.GETTING_READY:
        return "Book the matching meeting."
    if stage is Stage.MATCHING_BOOKED:
        return f"Matching meeting on {format_long(dates.matching_meeting)}."
    if stage is Stage.MATCHING_HELD:
        if panel:
            return "Book the child onto a Lasting Home Panel once the minutes are complete."
        return "Send the recommendation to the Head of Service."
    if stage is Stage.WITH_HEAD_OF_SERVICE:
        return f"Head of Service decision due by {format_long(dates.head_of_service_due)}."
    if stage is Stage.AGREED_VISIT_TO_BOOK:
        return "Book the commitment visit as soon as possible, at the place the child chose."
    if stage is Stage.VISIT_BOOKED:
        what = "Panel" if panel else "Commitment visit"
        return f"{what} on {format_long(dates.visit)}: bring the card and certificate."
    if stage is Stage.VISIT_DONE:
        if dates.celebration is not None:
            return f"Celebration on {format_long(dates.celebration)}."
        return "Arrange the celebration the child chose."
    if stage is Stage.DEFERRED:
        return "Decision deferred: agree what happens next and when."
    if stage is Stage.NOT_AGREED:
        return "Not agreed: record the reasons and the plan."
    if stage is Stage.OUTCOME_TO_RECORD:
        return "Record the Lasting Home Panel's decision on the Panel tab."
    return "Journey complete."
