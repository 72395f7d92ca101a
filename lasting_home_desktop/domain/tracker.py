"""The tracker: every child's stage, key dates, days waiting and flags, as rows and as CSV."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .child import ChildRecord
from .dates import format_short
from .journey import Flag, JourneySettings, Stage, journey_status


@dataclass(frozen=True)
class TrackerRow:
    child: ChildRecord
    stage: Stage
    stage_label: str
    days_waiting: int | None
    flags: tuple[Flag, ...]
    next_step: str

    @property
    def flag_text(self) -> str:
        return "; ".join(flag.label for flag in self.flags)


# (heading, how to get the cell text). Dates in the CSV are ISO so spreadsheets sort them.
TRACKER_HEADINGS = (
    "Child",
    "Stage",
    "Route",
    "Home",
    "Matching meeting",
    "Recommendation sent",
    "Head of Service due",
    "Decision",
    "Decision date",
    "Visit or panel",
    "Celebration",
    "Days waiting",
    "Flags",
    "Social worker",
    "Team Manager",
)


def tracker_rows(
    children: Iterable[ChildRecord],
    today: dt.date,
    settings: JourneySettings | None = None,
    extra_flags: Callable[[ChildRecord], tuple[Flag, ...]] | None = None,
) -> list[TrackerRow]:
    """One row per child still on the caseload (archived children are left out).

    `extra_flags` adds flags that come from records beyond the journey dates (the panel
    agenda still to confirm, say)."""
    rows = []
    for child in children:
        if child.archived:
            continue
        status = journey_status(child.journey, child.route, today, settings)
        flags = status.flags
        if extra_flags is not None:
            flags += tuple(flag for flag in extra_flags(child) if flag not in flags)
        rows.append(
            TrackerRow(
                child=child,
                stage=status.stage,
                stage_label=status.stage.label(child.route),
                days_waiting=status.days_waiting,
                flags=flags,
                next_step=status.next_step,
            )
        )
    return rows


def row_cells(row: TrackerRow, date_format=format_short) -> list[str]:
    child, journey = row.child, row.child.journey
    return [
        child.display_name,
        row.stage_label,
        child.route.label,
        child.home_type.label,
        date_format(journey.matching_meeting),
        date_format(journey.recommendation_sent),
        date_format(journey.head_of_service_due),
        journey.decision.label if journey.decision else "",
        date_format(journey.decision_date),
        date_format(journey.visit),
        date_format(journey.celebration),
        "" if row.days_waiting is None else str(row.days_waiting),
        row.flag_text,
        child.people.social_worker,
        child.people.team_manager,
    ]


def tracker_csv_text(rows: Iterable[TrackerRow]) -> str:
    """CSV that Excel opens correctly (UTF-8 BOM is added by the writer of the file)."""
    import csv  # only when exporting: start-up never needs it

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(TRACKER_HEADINGS)
    for row in rows:
        writer.writerow(_safe_cell(cell) for cell in row_cells(row, _iso))
    return out.getvalue()


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _safe_cell(text: str) -> str:
    # A name starting with = + - @ would run as a formula when opened in a spreadsheet.
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text
