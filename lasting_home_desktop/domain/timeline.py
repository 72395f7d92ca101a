"""One child's journey as a timeline: the steps with their dates, the days between them, and
the two windows the protocol sets (14 days for the Head of Service, then the visit within the
avoid-delay days), each marked met or late.

The screen and the PDF both draw this; neither works anything out for itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .child import ChildRecord
from .journey import HEAD_OF_SERVICE_WINDOW, Decision, DecisionRoute, JourneySettings
from .plain_words import days


@dataclass(frozen=True)
class Step:
    label: str  # "Matching meeting"
    day: dt.date
    planned: bool  # still ahead of today


@dataclass(frozen=True)
class TargetWindow:
    label: str  # "Head of Service: 14 days"
    start: dt.date
    due: dt.date
    done_on: dt.date | None  # when the awaited step happened, if it has

    def verdict(self, today: dt.date) -> str:
        """ "Met: 9 days", "3 days late", "5 days left", "Due today"."""
        if self.done_on is not None:
            taken = (self.done_on - self.start).days
            if self.done_on <= self.due:
                return f"Met: {days(taken)}"
            return f"{days((self.done_on - self.due).days)} late"
        if today > self.due:
            return f"{days((today - self.due).days)} overdue"
        if today == self.due:
            return "Due today"
        return f"{days((self.due - today).days)} left"

    def late(self, today: dt.date) -> bool:
        end = self.done_on or today
        return end > self.due


@dataclass(frozen=True)
class Gap:
    after: Step
    before: Step

    @property
    def days(self) -> int:
        return (self.before.day - self.after.day).days


@dataclass(frozen=True)
class Timeline:
    child_name: str
    route: DecisionRoute
    today: dt.date
    steps: tuple[Step, ...]
    windows: tuple[TargetWindow, ...]

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return tuple(Gap(a, b) for a, b in zip(self.steps, self.steps[1:], strict=False))

    @property
    def is_empty(self) -> bool:
        return not self.steps

    @property
    def first_day(self) -> dt.date:
        return min([self.today, *(s.day for s in self.steps), *(w.start for w in self.windows)])

    @property
    def last_day(self) -> dt.date:
        return max([self.today, *(s.day for s in self.steps), *(w.due for w in self.windows)])

    @property
    def summary(self) -> str:
        """One line for the PDF and for screen readers."""
        if self.is_empty:
            return "No journey dates yet: the timeline starts with the matching meeting."
        parts = [f"{step.label} {step.day.strftime('%d/%m/%Y')}" for step in self.steps]
        parts += [f"{window.label}: {window.verdict(self.today)}" for window in self.windows]
        return "; ".join(parts) + "."


def journey_timeline(
    child: ChildRecord, today: dt.date, settings: JourneySettings | None = None
) -> Timeline:
    settings = settings or JourneySettings()
    dates = child.journey
    panel = child.route is DecisionRoute.PANEL
    named: list[tuple[str, dt.date | None]] = [("Matching meeting", dates.matching_meeting)]
    if panel:
        named.append(("Lasting Home Panel", dates.visit))
    else:
        decision = dates.decision.label if dates.decision else "Decision"
        named += [
            ("Recommendation sent", dates.recommendation_sent),
            (f"Decision: {decision}" if dates.decision else "Decision", dates.decision_date),
            ("Commitment visit", dates.visit),
        ]
    named.append(("Celebration", dates.celebration))
    steps = tuple(Step(label, day, day > today) for label, day in named if day is not None)
    windows: list[TargetWindow] = []
    if not panel and dates.recommendation_sent is not None:
        windows.append(
            TargetWindow(
                f"Head of Service: {HEAD_OF_SERVICE_WINDOW.days} days",
                dates.recommendation_sent,
                dates.recommendation_sent + HEAD_OF_SERVICE_WINDOW,
                _happened(dates.decision_date, today),
            )
        )
    if not panel and dates.decision is Decision.AGREED and dates.decision_date is not None:
        windows.append(
            TargetWindow(
                f"Visit within {settings.avoid_delay_days} days",
                dates.decision_date,
                dates.decision_date + dt.timedelta(days=settings.avoid_delay_days),
                _happened(dates.visit, today),
            )
        )
    return Timeline(child.display_name, child.route, today, steps, tuple(windows))


def _happened(day: dt.date | None, today: dt.date) -> dt.date | None:
    return day if day is not None and day <= today else None


def label_levels(spans: list[tuple[float, float]], gap: float = 8.0) -> list[int]:
    """For labels spanning (left, right) along a line, in order, the level each goes on so no
    two on one level overlap: each takes the lowest level whose last label ends before it
    starts. Shared by the screen and the PDF, so close dates never print over each other."""
    ends: list[float] = []
    levels = []
    for left, right in spans:
        for level, end in enumerate(ends):
            if end + gap <= left:
                ends[level] = right
                levels.append(level)
                break
        else:
            ends.append(right)
            levels.append(len(ends) - 1)
    return levels
