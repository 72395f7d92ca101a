"""The team chart: for every child whose matching meeting was this year, the days from the
matching meeting to the visit (or panel), or to today while they still wait, against the
protocol's targets; and how many children are waiting at each stage.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from .child_status import ChildStatus
from .journey import HEAD_OF_SERVICE_WINDOW, DecisionRoute, JourneySettings, Stage

# Stages a child has left the journey at: not "waiting".
NOT_WAITING = (Stage.CELEBRATED, Stage.NOT_AGREED)
_JOURNEY_ORDER = (
    Stage.GETTING_READY,
    Stage.MATCHING_BOOKED,
    Stage.MATCHING_HELD,
    Stage.WITH_HEAD_OF_SERVICE,
    Stage.DEFERRED,
    Stage.AGREED_VISIT_TO_BOOK,
    Stage.VISIT_BOOKED,
    Stage.OUTCOME_TO_RECORD,
    Stage.VISIT_DONE,
    Stage.CELEBRATED,
    Stage.NOT_AGREED,
)


class BarTone(enum.Enum):
    """How a bar is coloured: reached within the target, reached late, or still waiting."""

    WITHIN = "within"
    OVER = "over"
    WAITING = "waiting"
    WAITING_OVER = "waiting_over"


@dataclass(frozen=True)
class ChildBar:
    child_id: str
    name: str
    days: int
    reached: bool  # True: the visit or panel has happened; False: still waiting (to today)
    panel: bool

    def over(self, target: int) -> bool:
        return self.days > target

    def tone(self, target: int) -> BarTone:
        if self.reached:
            return BarTone.OVER if self.over(target) else BarTone.WITHIN
        return BarTone.WAITING_OVER if self.over(target) else BarTone.WAITING


@dataclass(frozen=True)
class StageCount:
    label: str
    count: int


@dataclass(frozen=True)
class TeamChart:
    year: int
    today: dt.date
    bars: tuple[ChildBar, ...]
    decision_target: int  # days: the Head of Service's two weeks
    visit_target: int  # days: two weeks, then the avoid-delay days to the visit
    stages: tuple[StageCount, ...]

    @property
    def longest(self) -> int:
        return max([self.visit_target, *(bar.days for bar in self.bars)])

    @property
    def over_target(self) -> int:
        return sum(1 for bar in self.bars if bar.over(self.visit_target))

    @property
    def summary(self) -> str:
        if not self.bars:
            return f"No matching meetings held yet in {self.year}."
        reached = sum(1 for bar in self.bars if bar.reached)
        return (
            f"{len(self.bars)} {'child' if len(self.bars) == 1 else 'children'} with a matching "
            f"meeting in {self.year}: {reached} reached their visit or panel; "
            f"{self.over_target} took or are taking longer than {self.visit_target} days."
        )


def team_chart(
    statuses: Iterable[ChildStatus], today: dt.date, settings: JourneySettings | None = None
) -> TeamChart:
    settings = settings or JourneySettings()
    bars: list[ChildBar] = []
    # By the stage's words on each route ("Booked on a panel" is not "Commitment visit booked"),
    # in journey order.
    waiting: dict[tuple[int, str], int] = {}
    for status in statuses:
        child = status.child
        if child.archived:
            continue
        if status.stage not in NOT_WAITING:
            key = (_JOURNEY_ORDER.index(status.stage), status.stage_label)
            waiting[key] = waiting.get(key, 0) + 1
        met = child.journey.matching_meeting
        if met is None or met.year != today.year or met > today:
            continue
        visit = child.journey.visit
        reached = visit is not None and visit <= today
        end = visit if reached and visit is not None else today
        if status.stage is Stage.NOT_AGREED and not reached:
            continue  # no visit will come: not a wait
        panel = child.route is DecisionRoute.PANEL
        bars.append(ChildBar(child.id, child.display_name, (end - met).days, reached, panel))
    bars.sort(key=lambda bar: (-bar.days, bar.name.casefold()))
    stages = tuple(StageCount(label, waiting[(order, label)]) for order, label in sorted(waiting))
    return TeamChart(
        year=today.year,
        today=today,
        bars=tuple(bars),
        decision_target=HEAD_OF_SERVICE_WINDOW.days,
        visit_target=HEAD_OF_SERVICE_WINDOW.days + settings.avoid_delay_days,
        stages=stages,
    )
