"""The Team Manager's desk: the tracker (filters, the name that stays put, reasons first), the
team chart, "This week" and the menus with their shortcuts."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from lasting_home_desktop.domain.child import ChildRecord, HomeType, PeopleAroundChild
from lasting_home_desktop.domain.child_voice import ChildVoice
from lasting_home_desktop.domain.journey import Decision, DecisionRoute, JourneyDates
from lasting_home_desktop.domain.tracker import column_index
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords
from lasting_home_desktop.storage.example_caseload import add_example_children
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.worker.main_window import WorkerWindow
from lasting_home_desktop.ui.worker.pdf_output import PdfOutput
from lasting_home_desktop.ui.worker.window_menus import ACTIONS

ATTENTION = column_index("Needs attention")


def _child(first, last, sw, tm, route=DecisionRoute.COMMITMENT_VISIT, home=HomeType.FOSTER, **d):
    return ChildRecord(
        first,
        last,
        route=route,
        home_type=home,
        people=PeopleAroundChild(social_worker=sw, team_manager=tm),
        journey=JourneyDates(**d),
    )


@pytest.fixture
def team(store, today):
    """Three children, two Team Managers; Zofia's decision is overdue, Łukasz said he is worried."""
    days = dt.timedelta(days=1)
    zofia = _child(
        "Zofia",
        "Wiśniewska",
        "Gemma Holt",
        "Sarah Ashworth",
        matching_meeting=today - 30 * days,
        recommendation_sent=today - 20 * days,
    )
    lukasz = _child(
        "Łukasz",
        "Kowalczyk",
        "Imran Patel",
        "Sarah Ashworth",
        DecisionRoute.PANEL,
        HomeType.KINSHIP,
    )
    ruby = _child(
        "Ruby", "Brown", "Gemma Holt", "Paul Duckworth", matching_meeting=today + 5 * days
    )
    added = store.add_children([zofia, lukasz, ruby], today)
    ChildVoiceRecords(store).save(
        added[1].id, ChildVoice().with_feeling("worried", "", dt.date(2026, 11, 12))
    )
    return {child.first_name: child for child in added}


def _window(qtbot, store, today, messages=None) -> WorkerWindow:
    window = WorkerWindow(store, today, messages or RecordedMessages(), add_example_children)
    qtbot.addWidget(window)
    window.show()
    return window


def _names(window) -> list[str]:
    return [row[0] for row in window.tracker.visible_rows()]


def test_needs_attention_first_with_the_reason_in_words(qtbot, store, today, team):
    """Flagged children come first, each with why; the summary counts them in good English."""
    window = _window(qtbot, store, today)
    window.show_tracker()
    rows = window.tracker.visible_rows()
    assert [row[0] for row in rows[:2]] == ["Zofia Wiśniewska", "Łukasz Kowalczyk"]
    assert rows[0][ATTENTION] == "Head of Service decision 6 days overdue"
    assert rows[1][ATTENTION] == "Said they feel worried on 12 November: talk with them"
    assert rows[2][ATTENTION] == ""
    assert window.tracker.summary.text() == "3 children · 2 need attention"


def test_filters_by_people_route_home_stage_attention_and_accent_free_search(
    qtbot, store, today, team
):
    """Each filter narrows the rows; "wis" finds Wiśniewska; counts say "of 3 children"."""
    window = _window(qtbot, store, today)
    window.show_tracker()
    filters = window.tracker.filters
    filters.choose(filters.team_manager, "Sarah Ashworth")
    assert _names(window) == ["Zofia Wiśniewska", "Łukasz Kowalczyk"]
    assert window.tracker.summary.text() == "Showing 2 of 3 children · 2 need attention"
    filters.choose(filters.social_worker, "Imran Patel")
    assert _names(window) == ["Łukasz Kowalczyk"]
    filters.choose(filters.team_manager, None)
    filters.choose(filters.social_worker, None)
    filters.choose(filters.route, DecisionRoute.PANEL)
    assert _names(window) == ["Łukasz Kowalczyk"]
    filters.choose(filters.route, None)
    filters.choose(filters.home_type, HomeType.FOSTER)
    assert _names(window) == ["Zofia Wiśniewska", "Ruby Brown"]
    filters.choose(filters.home_type, None)
    filters.needs_attention.setChecked(True)
    assert _names(window) == ["Zofia Wiśniewska", "Łukasz Kowalczyk"]
    filters.needs_attention.setChecked(False)
    filters.search.setText("wis")
    assert _names(window) == ["Zofia Wiśniewska"]
    assert window.tracker.summary.text() == "Showing 1 of 3 children · 2 need attention"
    filters.search.setText("LUKASZ")
    assert _names(window) == ["Łukasz Kowalczyk"]


def test_the_name_stays_put_while_the_other_columns_scroll(qtbot, store, today, team):
    """Scrolled right to the dates, the frozen column still shows every child's name in the
    same rows, and a row chosen in one is chosen in both."""
    window = _window(qtbot, store, today)
    window.resize(700, 500)
    window.show_tracker()
    table = window.tracker.table
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    assert table.horizontalScrollBar().value() > 0
    frozen = table.frozen
    assert frozen.isVisible() and frozen.x() <= table.frameWidth() + 1
    assert frozen.columnWidth(0) == table.columnWidth(0)
    shown = [frozen.model().index(row, 0).data() for row in range(frozen.model().rowCount())]
    assert shown == _names(window)
    assert all(frozen.isColumnHidden(c) for c in range(1, table.model().columnCount()))
    table.selectRow(2)
    assert frozen.selectionModel() is table.selectionModel()
    assert frozen.selectionModel().isRowSelected(2)


def test_sorting_by_name_and_opening_a_child_from_the_frozen_column(qtbot, store, today, team):
    """Clicking the Child heading sorts by name; double-clicking a name opens that child."""
    window = _window(qtbot, store, today)
    window.show_tracker()
    window.tracker.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _names(window) == ["Łukasz Kowalczyk", "Ruby Brown", "Zofia Wiśniewska"]
    frozen = window.tracker.table.frozen
    with qtbot.waitSignal(window.tracker.childOpened) as opened:
        frozen.doubleClicked.emit(frozen.model().index(1, 0))
    assert opened.args == [team["Ruby"].id]


def test_export_writes_only_the_rows_shown_with_their_reasons(qtbot, store, today, team, tmp_path):
    """Filtered to one Team Manager, the CSV holds their children and the reasons."""
    window = _window(qtbot, store, today)
    window.show_tracker()
    window.tracker.choose_file = lambda parent, suggested: tmp_path / "mine.csv"
    window.tracker.filters.choose(window.tracker.filters.team_manager, "Paul Duckworth")
    text = window.tracker.export_csv().read_text(encoding="utf-8-sig")
    assert "Ruby Brown" in text and "Zofia" not in text
    assert text.splitlines()[0].startswith("Child,Needs attention,Stage,Days waiting")


def _to_pdf_file(path):
    def dialog(printer: QPrinter, parent) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(96)  # a quick test: the pages, not photo quality
        printer.setOutputFileName(str(path))
        return True

    return dialog


def test_team_chart_follows_the_filters_and_prints(qtbot, store, today, team, tmp_path):
    """The chart shows the children the filters show, with the targets, and prints once audited."""
    messages = RecordedMessages()
    window = _window(qtbot, store, today, messages)
    window._pdf_output = PdfOutput(store, messages, print_dialog=_to_pdf_file(tmp_path / "p.pdf"))
    window.show_team_chart()
    chart = window.tracker.team_chart_tab
    assert window.tracker.tabs.currentWidget() is chart
    assert [bar.name for bar in chart.chart.bars] == ["Zofia Wiśniewska"]
    assert (chart.chart.decision_target, chart.chart.visit_target) == (14, 42)
    window.tracker.filters.choose(window.tracker.filters.team_manager, "Paul Duckworth")
    assert chart.chart.bars == () and "Team Manager Paul Duckworth" in chart.summary.text()
    assert chart.print_chart() >= 1
    assert (tmp_path / "p.pdf").stat().st_size > 1000
    assert any(entry.action == "printed" for entry in store.audit.entries())
    saved = PdfOutput(store, messages, save_dialog=lambda p, name: str(tmp_path / name))
    chart.output = saved
    path = chart.save_chart()
    text = PdfReader(path).pages[0].extract_text()
    assert "Days from matching meeting to visit or panel, 2026" in text
    assert "Only: Team Manager Paul Duckworth." in text


def test_this_week_opens_beside_the_caseload_and_each_line_opens_the_child(
    qtbot, store, today, team
):
    """What is due in seven days (late first) is there on opening; a click opens the child."""
    window = _window(qtbot, store, today)
    assert window.page_area.currentWidget() is window.this_week
    lines = window.this_week.lines()
    assert lines[0] == "6 days late (16 November) | Zofia Wiśniewska | Head of Service decision due"
    assert "Ruby Brown | " not in " ".join(lines)  # her meeting is a booking, not a deadline
    row = window.this_week.list.topLevelItem(0)
    window.this_week.list.itemClicked.emit(row, 0)
    assert window.child_page is not None and window.child_page.child_id == team["Zofia"].id
    window.show_this_week()
    assert window.child_page is None and window.page_area.currentWidget() is window.this_week


def test_this_week_lists_visits_panels_and_celebrations_in_date_order(qtbot, store, today):
    """A celebration tomorrow, a panel's agenda to confirm on Tuesday (a month before its panel
    on 24 December) and a visit on Thursday."""
    days = dt.timedelta(days=1)
    decided = dict(
        matching_meeting=today - 40 * days,
        recommendation_sent=today - 35 * days,
        decision=Decision.AGREED,
        decision_date=today - 20 * days,
    )
    store.add_children(
        [
            _child("Maya", "Singh", "", "", visit=today + 4 * days, **decided),
            _child(
                "Leo",
                "Brown",
                "",
                "",
                visit=today - 5 * days,
                celebration=today + days,
                **decided,
            ),
            _child(
                "Ola",
                "Nowak",
                "",
                "",
                DecisionRoute.PANEL,
                matching_meeting=today - 20 * days,
                visit=dt.date(2026, 12, 24),
            ),
        ],
        today,
    )
    window = _window(qtbot, store, today)
    assert window.this_week.lines() == [
        "Tomorrow | Leo Brown | Celebration",
        "Tuesday 24 November | Ola Nowak | Panel agenda to confirm",
        "Thursday 26 November | Maya Singh | Commitment visit: take the card and certificate",
    ]


def test_every_action_is_in_a_menu_with_its_shortcut_shown(qtbot, store, today):
    """Menus list every action with its shortcut; the toolbar's tooltips name it; Ctrl+2 opens
    the tracker."""
    window = _window(qtbot, store, today)
    in_menus = {
        action.text(): action.shortcut().toString()
        for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
        for action in menu.actions()
    }
    for spec in ACTIONS:
        assert in_menus.get(spec.text) == spec.shortcut
    assert window.menu_actions["tracker"].toolTip() == "Tracker (Ctrl+2)"
    window.start_empty()
    window.menu_actions["tracker"].trigger()
    assert window.screens.currentWidget() is window.tracker
    window.menu_actions["panel_agendas"].trigger()
    assert window.screens.currentWidget() is window.panel_agendas


def test_caseload_counts_and_worry_flag(qtbot, store, today, team):
    """The caseload shows the worry in red under the stage, and counts right when archived
    children are shown."""
    window = _window(qtbot, store, today)
    lines = dict(zip(window.caseload_names(), window.caseload.visible_status_lines(), strict=True))
    assert lines["Łukasz Kowalczyk"] == (
        "Getting ready\nSaid they feel worried on 12 November: talk with them"
    )
    assert lines["Ruby Brown"] == "Matching meeting booked"
    assert window.caseload.count.text() == "3 children · 2 need attention"
    store.archive_child(team["Ruby"].id)
    window.show_caseload()
    assert window.caseload.count.text() == "2 children · 2 need attention"
    window.caseload.show_archived.setChecked(True)
    assert window.caseload.count.text() == "3 children · 2 need attention"
    window.caseload.search.setText("brown")
    assert window.caseload.count.text() == "Showing 1 of 3 children · 2 need attention"
