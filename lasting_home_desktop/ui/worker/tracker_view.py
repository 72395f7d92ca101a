"""The tracker: who needs attention and why, first; the child's name stays put while the other
columns scroll; filters; sorting by any heading; CSV export; and the team chart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.caseload_filter import attention_count, showing_text
from ...domain.text_search import folded
from ...domain.tracker import (
    TRACKER_COLUMNS,
    TRACKER_HEADINGS,
    TrackerRow,
    column_index,
    row_cells,
    tracker_csv_text,
)
from ...storage.safe_files import StorageWriteError, atomic_write
from ..messages import UserMessages
from .frozen_table import FrozenFirstColumnTable
from .tracker_filters import TrackerFilters

_Index = QModelIndex | QPersistentModelIndex
ATTENTION_COLUMN = column_index("Needs attention")
DAYS_COLUMN = column_index("Days waiting")
FLAGGED_ROW = QBrush(QColor("#fdf0ec"))
FLAG_TEXT = QBrush(QColor("#8a1c0c"))
# Widths that let a 1366-pixel screen show the name, the reason, the stage, the days and the
# people without scrolling; the reasons column grows to its longest text (within reason).
WIDTHS = {"Child": 210, "Stage": 300, "Days waiting": 96, "Social worker": 150}
REASON_WIDTH = (170, 470)  # beyond this, a row with several reasons takes two lines


class TrackerModel(QAbstractTableModel):
    """Rows in the order shown; sorting is done here, in Python, on keys worked out once per
    column, so 2,500 children sort without calling back into Python for every comparison."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[TrackerRow] = []
        self._cells: list[list[str]] = []
        self._keys: dict[int, list[object]] = {}  # column -> sort key of each row, in order
        self._sort: tuple[int, Qt.SortOrder] = (ATTENTION_COLUMN, Qt.SortOrder.DescendingOrder)

    def set_rows(self, rows: list[TrackerRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._cells = [row_cells(row) for row in self.rows]
        self._keys = {}
        self._reorder(*self._sort)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TRACKER_HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return TRACKER_HEADINGS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, ATTENTION_COLUMN):
            lines = [row.child.display_name, row.stage_label]
            return "\n".join(lines + [reason.text for reason in row.reasons])
        if role == Qt.ItemDataRole.BackgroundRole and row.reasons:
            return FLAGGED_ROW
        if role == Qt.ItemDataRole.ForegroundRole and column == ATTENTION_COLUMN and row.reasons:
            return FLAG_TEXT
        if role == Qt.ItemDataRole.UserRole:
            return row.child.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(TRACKER_COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._reorder(column, order)
        self.layoutChanged.emit()

    def _reorder(self, column: int, order: Qt.SortOrder) -> None:
        """Rows, cells and keys put in the new order together; ties stay in name order."""
        names = self._column_keys(0)
        keys = self._column_keys(column)
        by_name = sorted(range(len(self.rows)), key=names.__getitem__)
        descending = order == Qt.SortOrder.DescendingOrder
        new = sorted(by_name, key=keys.__getitem__, reverse=descending)
        self.rows = [self.rows[i] for i in new]
        self._cells = [self._cells[i] for i in new]
        self._keys = {c: [values[i] for i in new] for c, values in self._keys.items()}

    def _column_keys(self, column: int) -> list[object]:
        if column not in self._keys:
            key = TRACKER_COLUMNS[column].sort_key
            if key is not None:
                self._keys[column] = [key(row) for row in self.rows]
            else:
                # Text sorts as people read it: "Łukasz" among the Ls, not after Z.
                self._keys[column] = [folded(cells[column]) for cells in self._cells]
        return self._keys[column]


def choose_csv_file(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Export the tracker", suggested, "CSV (*.csv)")
    return Path(path) if path else None


class TrackerView(QWidget):
    childOpened = Signal(str)
    fileSaved = Signal()  # a CSV now sits outside the data folder
    filtered = Signal()  # the rows shown changed (the team chart follows the filters)

    def __init__(
        self,
        messages: UserMessages,
        choose_file: Callable[[QWidget, str], Path | None] = choose_csv_file,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.messages = messages
        self.choose_file = choose_file
        self.all_rows: list[TrackerRow] = []
        self._tall_rows: list[int] = []
        self.model = TrackerModel()
        self.table = self._make_table()
        self._set_widths([])

        self.filters = TrackerFilters()
        self.filters.changed.connect(self._refilter)
        self.summary = QLabel(objectName="Subtle")
        self.export_button = QPushButton("Export CSV…", objectName="Primary")
        self.export_button.setToolTip("Save the rows shown as a spreadsheet (Ctrl+E)")
        self.export_button.clicked.connect(self.export_csv)
        title = QLabel("Tracker", objectName="Headline")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)

        children = QWidget()
        column = QVBoxLayout(children)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.table, 1)
        hint = QLabel(
            "Children who need attention come first, with the reason. Double-click a child "
            "(or press Enter) to open their page; click a heading to sort."
        )
        hint.setObjectName("Subtle")
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.tabs = QTabWidget()
        self.tabs.addTab(children, "Children")
        self.team_chart_tab: QWidget | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.tabs, 1)

    def _make_table(self) -> FrozenFirstColumnTable:
        table = FrozenFirstColumnTable()
        table.setModel(self.model)
        table.setAccessibleName("Tracker of all children")
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(ATTENTION_COLUMN, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.model.layoutChanged.connect(self._fit_rows)
        table.doubleClicked.connect(self._open)
        table.frozen.doubleClicked.connect(self._open)
        table.activated.connect(self._open)  # Enter on a row
        return table

    def add_team_chart(self, panel: QWidget) -> None:
        self.team_chart_tab = panel
        self.tabs.addTab(panel, "Team chart")

    def set_rows(self, rows: list[TrackerRow]) -> None:
        """Every child on the caseload; the filters choose which are shown."""
        self.all_rows = rows
        self.filters.offer_people(rows)
        self._refilter()

    def shown_rows(self) -> list[TrackerRow]:
        return list(self.model.rows)

    def _refilter(self) -> None:
        shown = self.filters.current().apply(self.all_rows)
        self.model.set_rows(shown)
        self._set_widths(shown)
        self._fit_rows()
        total = len(self.all_rows)
        if total:
            self.summary.setText(showing_text(len(shown), total, attention_count(self.all_rows)))
        else:
            self.summary.setText("No children yet")
        self.filtered.emit()

    def _set_widths(self, rows: list[TrackerRow]) -> None:
        metrics = self.table.fontMetrics()
        reasons = {row.reason_text for row in rows}
        widest = max((metrics.horizontalAdvance(text) for text in reasons), default=0) + 24
        for heading in TRACKER_HEADINGS:
            width = WIDTHS.get(heading, max(110, metrics.horizontalAdvance(heading) + 36))
            if heading == "Needs attention":
                width = min(REASON_WIDTH[1], max(REASON_WIDTH[0], widest))
            self.table.setColumnWidth(column_index(heading), width)

    def _fit_rows(self) -> None:
        """One line a row, two or three where the reasons need them: nothing is cut off."""
        metrics = self.table.fontMetrics()
        room = max(1, self.table.columnWidth(ATTENTION_COLUMN) - 14)
        line = self.table.verticalHeader().defaultSectionSize()
        for number in self._tall_rows:
            if number < len(self.model.rows):
                self.table.setRowHeight(number, line)
        self._tall_rows = []
        for number, row in enumerate(self.model.rows):
            if row.reasons:
                lines = min(3, -(-metrics.horizontalAdvance(row.reason_text) // room))
                if lines > 1:
                    self.table.setRowHeight(number, line + (lines - 1) * metrics.height())
                    self._tall_rows.append(number)

    def visible_rows(self) -> list[list[str]]:
        """The table as a user sees it, in its current sort order."""
        return [list(cells) for cells in self.model._cells]

    def export_csv(self) -> Path | None:
        suggested = f"lasting-home-tracker-{dt.date.today().isoformat()}.csv"
        path = self.choose_file(self, suggested)
        if path is None:
            return None
        if path.suffix.lower() != ".csv":
            path = path.with_suffix(".csv")
        text = tracker_csv_text(self.model.rows)
        try:
            atomic_write(path, ("\ufeff" + text).encode("utf-8"))  # BOM: Excel reads UTF-8
        except StorageWriteError as error:
            self.messages.tell("The tracker was not exported", error.kind_message, problem=True)
            return None
        count = len(self.model.rows)
        self.messages.tell(
            "Tracker exported",
            f"{count:,} {'child' if count == 1 else 'children'} saved to {path}.",
        )
        self.fileSaved.emit()
        return path

    def _open(self, index: QModelIndex) -> None:
        child_id = self.model.data(self.model.index(index.row(), 0), Qt.ItemDataRole.UserRole)
        if child_id:
            self.childOpened.emit(child_id)
