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
    """Rows are worked out only when shown: at start-up a 1,000-child caseload needs a screenful."""

    HEADINGS = ("Child", "Age", "Stage", "Flags")

    def __init__(self) -> None:
        super().__init__()
        self.children: list[ChildRecord] = []
        self._entry_of: Callable[[ChildRecord], CaseloadEntry] | None = None
        self._entries: dict[int, CaseloadEntry] = {}

    def set_children(
        self,
        children: list[ChildRecord],
        entry_of: Callable[[ChildRecord], CaseloadEntry],
        known: dict[int, CaseloadEntry] | None = None,
    ) -> None:
        self.beginResetModel()
        self.children = children
        self._entry_of = entry_of
        self._entries = known or {}
        self.endResetModel()

    def entry(self, row: int) -> CaseloadEntry:
        found = self._entries.get(row)
        if found is None:
            assert self._entry_of is not None
            found = self._entries[row] = self._entry_of(self.children[row])
        return found

    @property
    def entries(self) -> list[CaseloadEntry]:
        return [self.entry(row) for row in range(len(self.children))]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADINGS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entry(index.row())
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
        self.stage_filter = QComboBox()
        self.stage_filter.setAccessibleName("Show children at this stage")
        self.stage_filter.addItem(ANY_STAGE)
        self.stage_filter.addItem(FLAGGED)
        for stage in Stage:
            self.stage_filter.addItem(stage.label(), stage)
        # Long stage names must not squeeze the search box.
        self.stage_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.stage_filter.setMinimumContentsLength(14)
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
        return self.model.children[index.row()].id

    def select(self, child_id: str, emit: bool = True) -> bool:
        for row, child in enumerate(self.model.children):
            if child.id == child_id:
                if not emit:
                    self.table.selectionModel().blockSignals(True)
                self.table.selectRow(row)
                self.table.selectionModel().blockSignals(False)
                self._update_buttons()
                return True
        return False

    def visible_names(self) -> list[str]:
        return [child.display_name for child in self.model.children]

    def _refilter(self) -> None:
        text = self.search.text()
        wanted = self.stage_filter.currentData()
        flagged_only = self.stage_filter.currentText() == FLAGGED
        by_stage = wanted is not None or flagged_only
        shown: list[ChildRecord] = []
        known: dict[int, CaseloadEntry] = {}
        for child in self._all:
            if child.archived and not self.show_archived.isChecked():
                continue
            if not child.matches(text):
                continue
            if by_stage:  # only a stage filter needs every child's stage up front
                entry = self._entry(child)
                if wanted is not None and entry.status.stage is not wanted:
                    continue
                if flagged_only and not entry.status.flags:
                    continue
                known[len(shown)] = entry
            shown.append(child)
        self.model.set_children(shown, self._entry, known)
        total = sum(1 for c in self._all if not c.archived)
        self._show_count(len(shown), total)
        self._update_buttons()

    def _entry(self, child: ChildRecord) -> CaseloadEntry:
        status = journey_status(child.journey, child.route, self.today, self.settings)
        if self._extra_flags is not None:
            more = tuple(f for f in self._extra_flags(child) if f not in status.flags)
            status = replace(status, flags=status.flags + more)
        return CaseloadEntry(child, status, child.age(self.today))

    def _show_count(self, shown: int, total: int) -> None:
        if shown == total:
            self.count.setText(f"{total} {'child' if total == 1 else 'children'}")
        else:
            self.count.setText(f"Showing {shown} of {total} children")

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        if current.isValid():
            self.childSelected.emit(self.model.children[current.row()].id)

    def _update_buttons(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.archive_button.setEnabled(False)
            self.archive_button.setText("Archive")
            return
        archived = self.model.children[index.row()].archived
        self.archive_button.setEnabled(True)
        self.archive_button.setText("Bring back from archive" if archived else "Archive")

    def _on_archive(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            child = self.model.children[index.row()]
            self.archiveRequested.emit(child.id, not child.archived)
