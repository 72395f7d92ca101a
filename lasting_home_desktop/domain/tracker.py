"""The tracker: every child's stage, why they need attention, days waiting, the people, the
case-system details and the key dates, as rows on screen and as CSV.

The columns are defined once here, in the order a Team Manager reads them: who, why they need
attention, where they are and for how long, then the people and the dates.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .child import ChildRecord
from .child_status import ChildStatus, StatusFacts, child_statuses
from .dates import format_short
from .journey import JourneySettings

TrackerRow = ChildStatus
DateFormat = Callable[[dt.date | None], str]
SortKey = int | str


@dataclass(frozen=True)
class TrackerColumn:
    heading: str
    cell: Callable[[ChildStatus, DateFormat], str]
    # Dates sort as dates and days as numbers, not as text.
    sort_key: Callable[[ChildStatus], SortKey] | None = None
    date: Callable[[ChildRecord], dt.date | None] | None = None


def _date_column(heading: str, date: Callable[[ChildRecord], dt.date | None]) -> TrackerColumn:
    return TrackerColumn(
        heading,
        lambda row, fmt: fmt(date(row.child)),
        lambda row: (date(row.child) or dt.date.min).toordinal(),
        date,
    )


def _text_column(heading: str, text: Callable[[ChildStatus], str]) -> TrackerColumn:
    return TrackerColumn(heading, lambda row, fmt: text(row))


TRACKER_COLUMNS: tuple[TrackerColumn, ...] = (
    _text_column("Child", lambda row: row.child.display_name),
    TrackerColumn("Needs attention", lambda row, fmt: row.reason_text, lambda row: row.urgency),
    TrackerColumn("Stage", lambda row, fmt: row.stage_label, lambda row: row.stage.value),
    TrackerColumn(
        "Days waiting",
        lambda row, fmt: "" if row.days_waiting is None else str(row.days_waiting),
        lambda row: -1 if row.days_waiting is None else row.days_waiting,
    ),
    _text_column("Social worker", lambda row: row.child.people.social_worker),
    _text_column("Team Manager", lambda row: row.child.people.team_manager),
    _text_column("Route", lambda row: row.child.route.label),
    _text_column("Home", lambda row: row.child.home_type.label),
    _text_column("Person ID", lambda row: row.child.case_id),
    _text_column("Legal status", lambda row: row.child.legal_status),
    _date_column("Placement start", lambda child: child.placement_start),
    _date_column("Matching meeting", lambda child: child.journey.matching_meeting),
    _date_column("Recommendation sent", lambda child: child.journey.recommendation_sent),
    _date_column("Head of Service due", lambda child: child.journey.head_of_service_due),
    _text_column("Decision", lambda row: _decision(row.child)),
    _date_column("Decision date", lambda child: child.journey.decision_date),
    _date_column("Visit or panel", lambda child: child.journey.visit),
    _date_column("Celebration", lambda child: child.journey.celebration),
)
TRACKER_HEADINGS = tuple(column.heading for column in TRACKER_COLUMNS)


def _decision(child: ChildRecord) -> str:
    return child.journey.decision.label if child.journey.decision else ""


def column_index(heading: str) -> int:
    return TRACKER_HEADINGS.index(heading)


def tracker_rows(
    children: Iterable[ChildRecord],
    today: dt.date,
    settings: JourneySettings | None = None,
    facts: Mapping[str, StatusFacts] | None = None,
) -> list[TrackerRow]:
    """One row per child still on the caseload (archived children are left out)."""
    kept = [child for child in children if not child.archived]
    return child_statuses(kept, today, settings, facts)


def row_cells(row: TrackerRow, date_format: DateFormat = format_short) -> list[str]:
    return [column.cell(row, date_format) for column in TRACKER_COLUMNS]


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
