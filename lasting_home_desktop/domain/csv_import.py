"""Children from a spreadsheet export (CSV): pure parsing, with every problem row by row.

Nothing here touches files: the caller reads the text and decides what to save. Row numbers are
the ones a spreadsheet shows (the heading row is row 1), so a Team Manager can find each problem.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .child import (
    ChildRecord,
    DecisionRoute,
    HomeType,
    PeopleAroundChild,
    RecordProblem,
    split_names,
)
from .dates import DateProblem, parse_date
from .journey import Decision, JourneyDates

REQUIRED_COLUMNS = ("first_name", "last_name")
# Longer than any sensible cell; csv's own limit would otherwise stop the whole file.
CELL_LIMIT = 1_000_000

# Heading (after tidying: lower case, words joined by "_") -> our field name.
COLUMN_ALIASES: dict[str, str] = {
    "first_name": "first_name",
    "firstname": "first_name",
    "forename": "first_name",
    "given_name": "first_name",
    "preferred_name": "preferred_name",
    "known_as": "preferred_name",
    "last_name": "last_name",
    "lastname": "last_name",
    "surname": "last_name",
    "family_name": "last_name",
    "date_of_birth": "date_of_birth",
    "dob": "date_of_birth",
    "birth_date": "date_of_birth",
    "home_type": "home_type",
    "home": "home_type",
    "placement_type": "home_type",
    "route": "route",
    "decision_route": "route",
    "carers": "carers",
    "carer": "carers",
    "carer_s": "carers",
    "foster_carers": "carers",
    "social_worker": "social_worker",
    "allocated_social_worker": "social_worker",
    "supervising_social_worker": "supervising_social_worker",
    "team_manager": "team_manager",
    "iro": "iro",
    "independent_reviewing_officer": "iro",
    "head_of_service": "decision_maker",
    "panel_chair": "decision_maker",
    "decision_maker": "decision_maker",
    "service": "service",
    "division": "service",
    "matching_meeting": "matching_meeting",
    "recommendation_sent": "recommendation_sent",
    "decision": "decision",
    "decision_date": "decision_date",
    "visit": "visit",
    "commitment_visit": "visit",
    "panel_date": "visit",
    "visit_or_panel": "visit",
    "celebration": "celebration",
    # The case-system fields, as the tracker's own CSV heads them and as councils call them.
    "person_id": "case_id",
    "lcs_id": "case_id",
    "case_id": "case_id",
    "legal_status": "legal_status",
    "placement_start": "placement_start",
    "placement_start_date": "placement_start",
}

_HOME_WORDS: dict[str, HomeType] = {
    "foster": HomeType.FOSTER,
    "foster home": HomeType.FOSTER,
    "fostering": HomeType.FOSTER,
    "foster care": HomeType.FOSTER,
    "kinship": HomeType.KINSHIP,
    "kinship connected carers": HomeType.KINSHIP,
    "connected carers": HomeType.KINSHIP,
    "connected": HomeType.KINSHIP,
    "family and friends": HomeType.KINSHIP,
    "residential": HomeType.RESIDENTIAL,
    "residential home": HomeType.RESIDENTIAL,
    "childrens home": HomeType.RESIDENTIAL,
    "short breaks": HomeType.SHORT_BREAKS,
    "short break": HomeType.SHORT_BREAKS,
}
_ROUTE_WORDS: dict[str, DecisionRoute] = {
    "commitment visit": DecisionRoute.COMMITMENT_VISIT,
    "visit": DecisionRoute.COMMITMENT_VISIT,
    "lasting home commitment visit": DecisionRoute.COMMITMENT_VISIT,
    "panel": DecisionRoute.PANEL,
    "lasting home panel": DecisionRoute.PANEL,
}
_DECISION_WORDS: dict[str, Decision] = {
    "agreed": Decision.AGREED,
    "agreed ratified": Decision.AGREED,
    "ratified": Decision.AGREED,
    "not agreed": Decision.NOT_AGREED,
    "deferred": Decision.DEFERRED,
}
_DATE_COLUMNS = (
    ("matching_meeting", "matching meeting"),
    ("recommendation_sent", "recommendation sent"),
    ("decision_date", "decision date"),
    ("visit", "visit or panel"),
    ("celebration", "celebration"),
)


@dataclass(frozen=True)
class RowProblem:
    row: int  # as a spreadsheet numbers it: the headings are row 1
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}: {self.message}"


@dataclass(frozen=True)
class ImportedRow:
    row: int
    child: ChildRecord


@dataclass
class CsvImport:
    children: list[ImportedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    file_problem: str = ""  # the whole file cannot be used (no headings, not CSV...)

    @property
    def ok(self) -> bool:
        return not self.file_problem and not self.problems

    @property
    def bad_rows(self) -> int:
        return len({problem.row for problem in self.problems})


def parse_children_csv(text: str, today: dt.date) -> CsvImport:
    """Every row as a checked ChildRecord, or the problems that stop it (one per issue)."""
    result = CsvImport()
    text = text.removeprefix("\ufeff")
    if not text.strip():
        result.file_problem = "The file is empty."
        return result
    old_limit = csv.field_size_limit()
    csv.field_size_limit(CELL_LIMIT)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), _dialect(text)))
    except csv.Error as error:
        result.file_problem = f"The file is not a CSV spreadsheet we can read ({error})."
        return result
    finally:
        csv.field_size_limit(old_limit)
    headings = [tidy_heading(cell) for cell in rows[0]]
    columns: dict[str, int] = {}
    for index, heading in enumerate(headings):
        name = COLUMN_ALIASES.get(heading)
        if name is None:
            if heading:
                result.ignored_columns.append(rows[0][index].strip())
        elif name not in columns:
            columns[name] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        result.file_problem = (
            "The first row must name the columns; "
            + " and ".join(f"'{name}'" for name in missing)
            + " could not be found. Please check the headings."
        )
        return result
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # spreadsheets often end with empty rows
        values = {name: _cell(cells, index) for name, index in columns.items()}
        child, problems = _child_from_row(values, today)
        if len(cells) > len(headings) and any(c.strip() for c in cells[len(headings) :]):
            problems.append("This row has more cells than there are headings.")
        if problems:
            label = _row_label(values)
            result.problems.extend(RowProblem(number, f"{label}{p}") for p in problems)
        else:
            assert child is not None
            result.children.append(ImportedRow(number, child))
    return result


def drop_already_known(result: CsvImport, known: Iterable[ChildRecord]) -> CsvImport:
    """Treat a child already in the caseload (or twice in the file) as a problem row, so
    importing the same file twice never doubles anyone."""
    seen = {_identity(child) for child in known}
    kept: list[ImportedRow] = []
    problems = list(result.problems)
    for item in result.children:
        key = _identity(item.child)
        if key in seen:
            problems.append(
                RowProblem(
                    item.row,
                    f"{item.child.full_name} (born "
                    f"{_born(item.child)}) is already in the caseload or earlier in the file.",
                )
            )
        else:
            seen.add(key)
            kept.append(item)
    problems.sort(key=lambda problem: problem.row)
    return CsvImport(kept, problems, result.ignored_columns, result.file_problem)


def tidy_heading(text: str) -> str:
    """'Date of Birth ' / 'date-of-birth' / 'DateOfBirth' -> 'date_of_birth'."""
    text = text.strip().removeprefix("\ufeff")
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", text).lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def _dialect(text: str) -> type[csv.Dialect]:
    # Excel in some locales saves with semicolons; sniff only the heading line.
    first_line = text.splitlines()[0]
    if first_line.count(";") > first_line.count(","):
        return _Semicolon
    return csv.excel


class _Semicolon(csv.excel):
    delimiter = ";"


def _cell(cells: list[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z]+", " ", text.lower().replace("'", "")).split())


def _child_from_row(values: dict[str, str], today: dt.date) -> tuple[ChildRecord | None, list[str]]:
    problems: list[str] = []

    def date_of(column: str, label: str) -> dt.date | None:
        try:
            return parse_date(values.get(column, ""))
        except DateProblem as error:
            problems.append(f"{label[0].upper()}{label[1:]}: {error}")
            return None

    birth = date_of("date_of_birth", "date of birth")
    placement_start = date_of("placement_start", "placement start")
    home = _choice(values.get("home_type", ""), _HOME_WORDS, HomeType.FOSTER)
    if home is None:
        problems.append(
            f"The home type '{_short(values['home_type'])}' is not one we know. Please use "
            "foster, kinship, residential or short breaks."
        )
    route = _choice(values.get("route", ""), _ROUTE_WORDS, DecisionRoute.COMMITMENT_VISIT)
    if route is None:
        problems.append(
            f"The route '{_short(values['route'])}' is not one we know. Please use "
            "commitment visit or panel."
        )
    decision = _choice(values.get("decision", ""), _DECISION_WORDS, None)
    if decision is None and values.get("decision", "").strip():
        problems.append(
            f"The decision '{_short(values['decision'])}' is not one we know. Please use "
            "agreed, not agreed or deferred."
        )
    journey_dates = {column: date_of(column, label) for column, label in _DATE_COLUMNS}
    if problems:
        return None, problems
    child = ChildRecord(
        first_name=values.get("first_name", ""),
        last_name=values.get("last_name", ""),
        preferred_name=values.get("preferred_name", ""),
        date_of_birth=birth,
        home_type=home or HomeType.FOSTER,
        route=route or DecisionRoute.COMMITMENT_VISIT,
        service=values.get("service", ""),
        case_id=values.get("case_id", ""),
        legal_status=values.get("legal_status", ""),
        placement_start=placement_start,
        people=PeopleAroundChild(
            carers=split_names(values.get("carers", "")),
            social_worker=values.get("social_worker", ""),
            supervising_social_worker=values.get("supervising_social_worker", ""),
            team_manager=values.get("team_manager", ""),
            iro=values.get("iro", ""),
            decision_maker=values.get("decision_maker", ""),
        ),
        journey=JourneyDates(decision=decision, **journey_dates),
    )
    try:
        return child.validated(today), []
    except RecordProblem as problem:
        return None, list(problem.problems)


def _choice(text: str, words: dict, default):
    key = _words(text)
    if not key:
        return default
    return words.get(key)


def _row_label(values: dict[str, str]) -> str:
    name = f"{values.get('first_name', '')} {values.get('last_name', '')}".strip()
    return f"({_short(name)}) " if name else ""


def _identity(child: ChildRecord) -> tuple[str, str, dt.date | None]:
    return (child.first_name.casefold(), child.last_name.casefold(), child.date_of_birth)


def _born(child: ChildRecord) -> str:
    return child.date_of_birth.strftime("%d/%m/%Y") if child.date_of_birth else "date unknown"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
