"""The caseload: every child on the worker's list, searchable and filterable by stage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.child import ChildRecord
from ...domain.journey import Flag, JourneySettings, JourneyStatus, Stage, journey_status

ANY_STAGE = "All stages"
FLAGGED = "Needs attention (flagged)"
_Index = QModelIndex | QPersistentModelIndex
ExtraFlags = Callable[[ChildRecord], tuple[Flag, ...]]


@dataclass(frozen=True)
class CaseloadEntry:
    child: ChildRecord
    status: JourneyStatus
    age: int | None


class CaseloadModel(QAbstractTableModel):
    HEADINGS = ("Child", "Age", "Stage", "Flags")

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[CaseloadEntry] = []

    def set_entries(self, entries: list[CaseloadEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADINGS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                name = entry.child.display_name
                return f"{name} (archived)" if entry.child.archived else name
            if column == 1:
                return "" if entry.age is None else str(entry.age)
            if column == 2:
                return entry.status.stage.label(entry.child.route)
            return entry.status.flag_text
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [entry.child.display_name, entry.status.stage.label(entry.child.route)]
            return "\n".join(parts + [flag.label for flag in entry.status.flags])
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and entry.status.flags:
            return QBrush(QColor("#8a1c0c"))
        if role == Qt.ItemDataRole.UserRole:
            return entry.child.id
        return None


class CaseloadView(QWidget):
    """Search box, stage filter, the list, and the add / archive buttons."""

    childSelected = Signal(str)
    addRequested = Signal()
    archiveRequested = Signal(str, bool)

    def __init__(self, today: dt.date, settings: JourneySettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.settings = settings
        self._all: list[ChildRecord] = []
        self._extra_flags: ExtraFlags | None = None

        self.search = QLineEdit(placeholderText="Search by name")
        self.search.setAccessibleName("Search children by name")
        self.search.setClearButtonEnabled(True)
        self.stage_filter = QComboBox()
        self.stage_filter.setAccessibleName("Show children at this stage")
        self.stage_filter.addItem(ANY_STAGE)
        self.stage_filter.addItem(FLAGGED)
        for stage in Stage:
            self.stage_filter.addItem(stage.label(), stage)
        self.show_archived = QCheckBox("Show archived")

        self.model = CaseloadModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Caseload")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: sizing to contents would measure every row of a 1,000-child caseload.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 48)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 190)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 120)
        header.setMinimumSectionSize(40)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.count = QLabel(objectName="Subtle")
        self.add_button = QPushButton("Add a child", objectName="Primary")
        self.archive_button = QPushButton("Archive")
        self.archive_button.setEnabled(False)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.stage_filter, 1)
        filters.addWidget(self.show_archived)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 4, 10)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._refilter)
        self.stage_filter.currentIndexChanged.connect(self._refilter)
        self.show_archived.toggled.connect(self._refilter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.add_button.clicked.connect(self.addRequested.emit)
        self.archive_button.clicked.connect(self._on_archive)

    def set_children(
        self, children: list[ChildRecord], extra_flags: ExtraFlags | None = None
    ) -> None:
        """Show these children (archived ones only when asked), keeping the selection.

        `extra_flags` adds flags that come from records beyond the journey dates."""
        keep = self.selected_child_id()
        self._all = children
        self._extra_flags = extra_flags
        self._refilter()
        if keep:
            self.select(keep, emit=False)

    def selected_child_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.entries[index.row()].child.id

    def select(self, child_id: str, emit: bool = True) -> bool:
        for row, entry in enumerate(self.model.entries):
            if entry.child.id == child_id:
                if not emit:
                    self.table.selectionModel().blockSignals(True)
                self.table.selectRow(row)
                self.table.selectionModel().blockSignals(False)
                self._update_buttons()
                return True
        return False

    def visible_names(self) -> list[str]:
        return [entry.child.display_name for entry in self.model.entries]

    def _refilter(self) -> None:
        text = self.search.text()
        wanted = self.stage_filter.currentData()
        flagged_only = self.stage_filter.currentText() == FLAGGED
        entries = []
        for child in self._all:
            if child.archived and not self.show_archived.isChecked():
                continue
            if not child.matches(text):
                continue
            status = journey_status(child.journey, child.route, self.today, self.settings)
            if self._extra_flags is not None:
                more = tuple(f for f in self._extra_flags(child) if f not in status.flags)
                status = replace(status, flags=status.flags + more)
            if wanted is not None and status.stage is not wanted:
                continue
            if flagged_only and not status.flags:
                continue
            entries.append(CaseloadEntry(child, status, child.age(self.today)))
        self.model.set_entries(entries)
        shown, total = len(entries), sum(1 for c in self._all if not c.archived)
        if shown == total:
            self.count.setText(f"{total} {'child' if total == 1 else 'children'}")
        else:
            self.count.setText(f"Showing {shown} of {total} children")
        self._update_buttons()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        if current.isValid():
            self.childSelected.emit(self.model.entries[current.row()].child.id)

    def _update_buttons(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.archive_button.setEnabled(False)
            self.archive_button.setText("Archive")
            return
        archived = self.model.entries[index.row()].child.archived
        self.archive_button.setEnabled(True)
        self.archive_button.setText("Bring back from archive" if archived else "Archive")

    def _on_archive(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            child = self.model.entries[index.row()].child
            self.archiveRequested.emit(child.id, not child.archived)
