"""This week: what is due in the next seven days, for the list shown when the app opens.

Head of Service decisions due, visits to book before the avoid-delay date, commitment visits
and panels, panel agendas to confirm, and celebrations; anything already late comes first.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from .child_status import ChildStatus
from .dates import add_months
from .journey import DecisionRoute, JourneySettings, Stage
from .panel import agenda_confirm_by
from .plain_words import day_month, days

WEEK = 7


class DueKind(enum.Enum):
    DECISION = "decision"
    VISIT_TO_BOOK = "visit_to_book"
    VISIT = "visit"
    PANEL = "panel"
    AGENDA = "agenda"
    DECISION_TO_RECORD = "decision_to_record"
    CELEBRATION = "celebration"


@dataclass(frozen=True)
class DueItem:
    day: dt.date
    kind: DueKind
    child_id: str
    child_name: str
    what: str  # "Head of Service decision due"
    late: bool = False

    def when(self, today: dt.date) -> str:
        """ "Today", "Tomorrow", "Thursday 26 November", "3 days late (19 November)"."""
        if self.late:
            return f"{days((today - self.day).days)} late ({day_month(self.day, today)})"
        if self.day == today:
            return "Today"
        if self.day == today + dt.timedelta(days=1):
            return "Tomorrow"
        return f"{self.day.strftime('%A')} {day_month(self.day, today)}"


def due_this_week(
    statuses: Iterable[ChildStatus],
    today: dt.date,
    settings: JourneySettings | None = None,
    within: int = WEEK,
) -> list[DueItem]:
    """Everything due from today to `within` days ahead, and everything already late, in date
    order (late first). Archived children are left out."""
    settings = settings or JourneySettings()
    last = today + dt.timedelta(days=within - 1)
    found: list[DueItem] = []
    for status in statuses:
        if status.child.archived:
            continue
        for day, kind, what in _dates_of(status, settings, last):
            if day <= last:
                late = day < today
                if late and kind in (DueKind.VISIT, DueKind.PANEL, DueKind.CELEBRATION):
                    continue  # a visit or celebration in the past has happened, not gone late
                found.append(
                    DueItem(day, kind, status.child.id, status.child.display_name, what, late)
                )
    return sorted(found, key=lambda item: (item.day, item.child_name.casefold()))


def _dates_of(
    status: ChildStatus, settings: JourneySettings, last: dt.date
) -> list[tuple[dt.date, DueKind, str]]:
    child, stage, dates = status.child, status.stage, status.child.journey
    panel = child.route is DecisionRoute.PANEL
    out: list[tuple[dt.date, DueKind, str]] = []
    if stage is Stage.WITH_HEAD_OF_SERVICE and dates.head_of_service_due is not None:
        out.append((dates.head_of_service_due, DueKind.DECISION, "Head of Service decision due"))
    if stage is Stage.AGREED_VISIT_TO_BOOK and dates.decision_date is not None and not panel:
        book_by = dates.decision_date + dt.timedelta(days=settings.avoid_delay_days)
        out.append((book_by, DueKind.VISIT_TO_BOOK, "Commitment visit to book (avoid delay)"))
    if stage is Stage.VISIT_BOOKED and dates.visit is not None:
        if panel:
            out.append((dates.visit, DueKind.PANEL, "Lasting Home Panel"))
            # A month ahead, give or take a few days' moving off a bank holiday: only then is
            # the exact confirm-by day worth working out.
            soon = add_months(dates.visit, -1) - dt.timedelta(days=WEEK) <= last
            if soon and not status.facts.agenda_confirmed:
                confirm_by = agenda_confirm_by(dates.visit)
                out.append((confirm_by, DueKind.AGENDA, "Panel agenda to confirm"))
        else:
            out.append(
                (dates.visit, DueKind.VISIT, "Commitment visit: take the card and certificate")
            )
    if stage is Stage.OUTCOME_TO_RECORD and dates.visit is not None:
        out.append((dates.visit, DueKind.DECISION_TO_RECORD, "Panel decision to record"))
    if dates.celebration is not None and stage is Stage.VISIT_DONE:
        out.append((dates.celebration, DueKind.CELEBRATION, "Celebration"))
    return out
