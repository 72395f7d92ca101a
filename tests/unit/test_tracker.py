"""The tracker: rows for the caseload and a CSV a spreadsheet opens correctly."""

import csv
import datetime as dt
import io

from lasting_home_desktop.domain.child import ChildRecord, DecisionRoute, PeopleAroundChild
from lasting_home_desktop.domain.child_status import StatusFacts, Worry
from lasting_home_desktop.domain.journey import Flag, JourneyDates, Stage
from lasting_home_desktop.domain.tracker import (
    TRACKER_HEADINGS,
    row_cells,
    tracker_csv_text,
    tracker_rows,
)

TODAY = dt.date(2026, 11, 22)


def test_archived_children_are_left_out(today):
    """A child archived off the caseload no longer appears on the tracker."""
    kept = ChildRecord(first_name="Ola", last_name="Nowak")
    gone = ChildRecord(first_name="Zoe", last_name="Smith", archived=True)
    rows = tracker_rows([kept, gone], today)
    assert [row.child.first_name for row in rows] == ["Ola"]


def test_overdue_child_shows_flag_and_days_in_the_csv(today):
    """The CSV has the headings, ISO dates and the overdue flag in words."""
    child = ChildRecord(
        first_name="Łukasz",
        last_name="O'Brien",
        journey=JourneyDates(
            matching_meeting=dt.date(2026, 10, 20), recommendation_sent=dt.date(2026, 11, 1)
        ),
    )
    rows = tracker_rows([child], today)
    assert rows[0].stage is Stage.WITH_HEAD_OF_SERVICE
    assert rows[0].flags == (Flag.HEAD_OF_SERVICE_OVERDUE,)
    table = list(csv.reader(io.StringIO(tracker_csv_text(rows))))
    assert tuple(table[0]) == TRACKER_HEADINGS
    cells = dict(zip(table[0], table[1], strict=True))
    assert cells["Child"] == "Łukasz O'Brien"
    assert cells["Recommendation sent"] == "2026-11-01"
    assert cells["Head of Service due"] == "2026-11-15"
    assert cells["Days waiting"] == "21"
    assert cells["Needs attention"] == "Head of Service decision 7 days overdue"


def test_names_that_look_like_formulas_are_not_run_by_a_spreadsheet(today):
    """A name starting with '=' is written with a leading quote so Excel shows it as text."""
    child = ChildRecord(first_name="=HYPERLINK(1)", last_name="Smith", route=DecisionRoute.PANEL)
    text = tracker_csv_text(tracker_rows([child], today))
    row = list(csv.reader(io.StringIO(text)))[1]
    assert row[0].startswith("'=")
    assert row[TRACKER_HEADINGS.index("Route")] == "Lasting Home Panel"


def test_commas_quotes_and_line_breaks_in_names_stay_in_one_cell(today):
    """A name with a comma, a quote or a new line stays in its own cell."""
    child = ChildRecord(first_name='Jo, "JJ"', last_name="Smith\nJones")
    table = list(csv.reader(io.StringIO(tracker_csv_text(tracker_rows([child], today)))))
    assert len(table) == 2
    assert table[1][0] == 'Jo, "JJ" Smith\nJones'


def test_case_system_fields_and_people_are_in_the_csv(today):
    """Person ID, legal status, placement start, social worker and Team Manager are columns."""
    child = ChildRecord(
        first_name="Ola",
        last_name="Nowak",
        case_id="LCS-123456",
        legal_status="Full care order (section 31)",
        placement_start=dt.date(2024, 3, 4),
        people=PeopleAroundChild(social_worker="Gemma Holt", team_manager="Paul Duckworth"),
    )
    table = list(csv.reader(io.StringIO(tracker_csv_text(tracker_rows([child], today)))))
    cells = dict(zip(table[0], table[1], strict=True))
    assert cells["Person ID"] == "LCS-123456"
    assert cells["Legal status"] == "Full care order (section 31)"
    assert cells["Placement start"] == "2024-03-04"
    assert cells["Social worker"] == "Gemma Holt" and cells["Team Manager"] == "Paul Duckworth"


def test_the_csv_carries_the_same_reasons_as_the_screen(today):
    """A worried child's reason is word for word the one the tracker shows."""
    child = ChildRecord(first_name="Ola", last_name="Nowak")
    facts = {child.id: StatusFacts(worry=Worry("worried", dt.date(2026, 11, 12)))}
    [row] = tracker_rows([child], today, facts=facts)
    table = list(csv.reader(io.StringIO(tracker_csv_text([row]))))
    assert table[1][1] == row.reason_text == "Said they feel worried on 12 November: talk with them"
    assert row_cells(row)[1] == row.reason_text
