"""The tracker: all children's stages, key dates, days waiting and flags; sortable; CSV export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.tracker import TRACKER_HEADINGS, TrackerRow, row_cells, tracker_csv_text
from ...storage.safe_files import StorageWriteError, atomic_write
from ..messages import UserMessages

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
DAYS_COLUMN = TRACKER_HEADINGS.index("Days waiting")
FLAGS_COLUMN = TRACKER_HEADINGS.index("Flags")
_DATE_COLUMNS = {
    TRACKER_HEADINGS.index(name): attr
    for name, attr in (
        ("Matching meeting", "matching_meeting"),
        ("Recommendation sent", "recommendation_sent"),
        ("Head of Service due", "head_of_service_due"),
        ("Decision date", "decision_date"),
        ("Visit or panel", "visit"),
        ("Celebration", "celebration"),
    )
}


class TrackerModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[TrackerRow] = []
        self._cells: list[list[str]] = []

    def set_rows(self, rows: list[TrackerRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._cells = [row_cells(row) for row in rows]
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
        if role == SORT_ROLE:
            # Dates sort as dates and days as numbers, not as text.
            if column == DAYS_COLUMN:
                return -1 if row.days_waiting is None else row.days_waiting
            if column in _DATE_COLUMNS:
                day = getattr(row.child.journey, _DATE_COLUMNS[column])
                return day.isoformat() if day else ""
            if column == 1:
                return row.stage.value
            return self._cells[index.row()][column].casefold()
        if role == Qt.ItemDataRole.BackgroundRole and row.flags:
            return QBrush(QColor("#fdf0ec"))
        if role == Qt.ItemDataRole.ForegroundRole and column == FLAGS_COLUMN and row.flags:
            return QBrush(QColor("#8a1c0c"))
        if role == Qt.ItemDataRole.UserRole:
            return row.child.id
        return None


def choose_csv_file(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Export the tracker", suggested, "CSV (*.csv)")
    return Path(path) if path else None


class TrackerView(QWidget):
    childOpened = Signal(str)
    fileSaved = Signal()  # a CSV now sits outside the data folder

    def __init__(
        self,
        messages: UserMessages,
        choose_file: Callable[[QWidget, str], Path | None] = choose_csv_file,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.messages = messages
        self.choose_file = choose_file
        self.model = TrackerModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Tracker of all children")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DAYS_COLUMN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(self._open)

        self.summary = QLabel(objectName="Subtle")
        self.export_button = QPushButton("Export CSV…", objectName="Primary")
        self.export_button.clicked.connect(self.export_csv)
        title = QLabel("Tracker", objectName="Headline")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        hint = QLabel("Double-click a child to open their page. Click a heading to sort.")
        hint.setObjectName("Subtle")
        layout.addWidget(hint)

    def set_rows(self, rows: list[TrackerRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        flagged = sum(1 for row in rows if row.flags)
        self.summary.setText(
            f"{len(rows)} children · {flagged} need attention" if rows else "No children yet"
        )

    def visible_rows(self) -> list[list[str]]:
        """The table as a user sees it, in its current sort order."""
        out = []
        for r in range(self.proxy.rowCount()):
            out.append([self.proxy.index(r, c).data() for c in range(self.proxy.columnCount())])
        return out

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
        self.messages.tell(
            "Tracker exported",
            f"{len(self.model.rows)} children saved to {path}.",
        )
        self.fileSaved.emit()
        return path

    def _open(self, index: QModelIndex) -> None:
        child_id = self.proxy.data(index, Qt.ItemDataRole.UserRole)
        if child_id:
            self.childOpened.emit(child_id)
