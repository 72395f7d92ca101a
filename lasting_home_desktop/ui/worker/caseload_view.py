"""The caseload: every child on the worker's list, searchable and filterable by stage, each
row showing where the child's journey stands and, in red, why they need attention."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.caseload_filter import CaseloadFilter, attention_count, showing_text
from ...domain.child import ChildRecord
from ...domain.child_status import ChildStatus, StatusFacts, child_statuses
from ...domain.journey import JourneySettings, Stage
from ..after_paint import AfterFirstPaint

ANY_STAGE = "All stages"
FLAGGED = "Needs attention (flagged)"
FLAG_RED = "#8a1c0c"
SUBTLE = "#5b6770"
# Said while the statuses are worked out at start-up, never "0 need attention" or a blank.
WORKING_OUT = "working out who needs attention…"
WORKING_OUT_ROW = "Working out where things stand…"
_Index = QModelIndex | QPersistentModelIndex
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2


class CaseloadModel(QAbstractTableModel):
    HEADINGS = ("Child", "Age", "Where things stand")

    def __init__(self) -> None:
        super().__init__()
        self.statuses: list[ChildStatus] = []
        # Children shown by name only while their statuses are worked out (start-up).
        self.waiting: list[ChildRecord] = []
        self.today = dt.date.today()
        # In a team, each row also says who holds the case (the allocated social worker).
        self.show_social_worker = False

    @property
    def children(self) -> list[ChildRecord]:
        return [self.child_at(row) for row in range(self.rowCount())]

    def child_at(self, row: int) -> ChildRecord:
        return self.waiting[row] if self.waiting else self.statuses[row].child

    def set_statuses(self, statuses: list[ChildStatus], today: dt.date) -> None:
        self.beginResetModel()
        self.statuses = statuses
        self.waiting = []
        self.today = today
        self.endResetModel()

    def set_waiting(self, children: list[ChildRecord], today: dt.date) -> None:
        self.beginResetModel()
        self.statuses = []
        self.waiting = children
        self.today = today
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.waiting or self.statuses)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADINGS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        child, column = self.child_at(index.row()), index.column()
        if role == Qt.ItemDataRole.UserRole:
            return child.id
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return f"{child.display_name} (archived)" if child.archived else child.display_name
        if role == Qt.ItemDataRole.DisplayRole and column == 1:
            age = child.age(self.today)
            return "" if age is None else str(age)
        if self.waiting:
            return self._waiting_data(child, column, role)
        status = self.statuses[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(filter(None, (status.stage_label, status.reason_text)))
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [child.display_name, status.stage_label]
            if child.people.social_worker:
                lines.append(f"Allocated social worker: {child.people.social_worker}")
            return "\n".join(lines + [reason.text for reason in status.reasons])
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 2:
            return ". ".join(filter(None, (status.stage_label, status.reason_text)))
        if role == STATUS_ROLE:
            return status
        return None

    @staticmethod
    def _waiting_data(child: ChildRecord, column: int, role: int) -> object:
        """A row whose status is still being worked out says so, in grey."""
        if role == Qt.ItemDataRole.ToolTipRole:
            return child.display_name
        if column != 2:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return WORKING_OUT_ROW
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(SUBTLE)
        return None


class StatusDelegate(QStyledItemDelegate):
    """The stage on the first line, the reasons for attention in red on the second."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        status = index.data(STATUS_ROLE)
        if not isinstance(status, ChildStatus):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        area = option.rect.adjusted(4, 2, -4, -2)
        line = option.fontMetrics.height()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        first = QRect(area.left(), area.top(), area.width(), line)
        holder = status.child.people.social_worker
        if holder and getattr(index.model(), "show_social_worker", False):
            width = min(option.fontMetrics.horizontalAdvance(holder) + 8, area.width() * 2 // 5)
            painter.setPen(option.palette.highlightedText().color() if selected else QColor(SUBTLE))
            right = QRect(first.right() - width, first.top(), width, line)
            self._line(painter, option, right, holder, Qt.AlignmentFlag.AlignRight)
            first.setWidth(first.width() - width)
        painter.setPen(option.palette.highlightedText().color() if selected else QColor("#1c2430"))
        self._line(painter, option, first, status.stage_label)
        if status.reasons:
            painter.setPen(
                option.palette.highlightedText().color() if selected else QColor(FLAG_RED)
            )
            below = QRect(area.left(), area.top() + line, area.width(), line)
            self._line(painter, option, below, status.reason_text)
        painter.restore()

    def _line(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        rect: QRect,
        text: str,
        side: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        font = font_to_fit(option.font, text, rect.width())
        painter.setFont(font)
        shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(side | Qt.AlignmentFlag.AlignVCenter), shown)
        painter.setFont(option.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(200, option.fontMetrics.height() * 2 + 6)


def font_to_fit(font: QFont, text: str, width: int) -> QFont:
    """`font`, or a little smaller where that lets `text` fit `width` (a reason on a
    1280-wide screen) rather than be cut short; far too long, it is cut as it is."""
    if QFontMetrics(font).horizontalAdvance(text) <= width or font.pointSizeF() <= 0:
        return font  # fits, or sized in pixels (nothing to scale by points)
    smaller = QFont(font)
    for _ in range(4):
        smaller.setPointSizeF(smaller.pointSizeF() * 0.96)
        if QFontMetrics(smaller).horizontalAdvance(text) <= width:
            return smaller
    return font


class CaseloadView(QWidget):
    """Search box, stage filter, the list, and the add / archive buttons."""

    childSelected = Signal(str)
    addRequested = Signal()
    archiveRequested = Signal(str, bool)

    def __init__(self, today: dt.date, settings: JourneySettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.settings = settings
        self._all: list[ChildStatus] = []
        # While the children are shown by name only (start-up): works out their statuses.
        self._work_out: Callable[[], None] | None = None

        self.search = QLineEdit(placeholderText="Search by name or person ID")
        self.search.setAccessibleName("Search children by name or person ID")
        self.search.setClearButtonEnabled(True)
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
        self.stage_filter.setMinimumContentsLength(10)
        self.show_archived = QCheckBox("Show archived")

        self.model = CaseloadModel()
        self.table = self._make_table()

        self.count = QLabel(objectName="Subtle")
        self.count.setWordWrap(True)
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

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName("Caseload")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setItemDelegateForColumn(2, StatusDelegate(table))
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() * 2 + 8)
        header = table.horizontalHeader()
        # Fixed widths: sizing to contents would measure every row of a 1,000-child caseload.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 175)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 44)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        return table

    def set_children(
        self, children: list[ChildRecord], facts: Mapping[str, StatusFacts] | None = None
    ) -> None:
        """Show these children (archived ones only when asked), keeping the selection.
        `facts` are what each child's status needs beyond their record (the store gathers them).
        """
        keep = self.selected_child_id()
        self._work_out = None
        self._all = child_statuses(children, self.today, self.settings, facts)
        self._refilter()
        if keep:
            self.select(keep, emit=False)

    def show_waiting(self, children: list[ChildRecord], work_out: Callable[[], None]) -> None:
        """At start-up: these children (not archived) by name and age at once, their rows and
        the count saying that who needs attention is being worked out. `work_out` is called
        once the list has been painted (half a second from now at the latest), or sooner
        should the filters be used; it ends with `set_children`."""
        self._work_out = work_out
        self._all = []
        self.model.set_waiting(children, self.today)
        self.count.setText(f"{showing_text(len(children), len(children))} · {WORKING_OUT}")
        self._update_buttons()
        AfterFirstPaint(self.table, self._finish_waiting, latest_ms=500)

    def _finish_waiting(self) -> None:
        if self._work_out is not None:  # unless the filters needed it sooner
            self._work_out()

    @property
    def waiting(self) -> bool:
        """True while the children are shown by name only."""
        return self._work_out is not None

    @property
    def statuses(self) -> list[ChildStatus]:
        """Every child given to the caseload, archived too, with their status today."""
        return list(self._all)

    def current_filter(self) -> CaseloadFilter:
        stage = self.stage_filter.currentData()
        return CaseloadFilter(
            text=self.search.text(),
            stage=stage if isinstance(stage, Stage) else None,
            needs_attention=self.stage_filter.currentText() == FLAGGED,
            include_archived=self.show_archived.isChecked(),
        )

    def selected_child_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.child_at(index.row()).id

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

    def visible_status_lines(self) -> list[str]:
        """What the "Where things stand" column shows, row by row (for tests)."""
        rows = range(self.model.rowCount())
        return [str(self.model.index(row, 2).data()) for row in rows]

    def _refilter(self) -> None:
        if self._work_out is not None:
            self._work_out()  # the filters need every child's status: worked out now
            return
        chosen = self.current_filter()
        shown = chosen.apply(self._all)
        self.model.set_statuses(shown, self.today)
        # "Of" counts the children the worker could see with only the archive box as it is.
        everyone = CaseloadFilter(include_archived=chosen.include_archived).apply(self._all)
        self.count.setText(showing_text(len(shown), len(everyone), attention_count(everyone)))
        self._update_buttons()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        if current.isValid():
            self.childSelected.emit(self.model.child_at(current.row()).id)

    def _update_buttons(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.archive_button.setEnabled(False)
            self.archive_button.setText("Archive")
            return
        archived = self.model.child_at(index.row()).archived
        self.archive_button.setEnabled(True)
        self.archive_button.setText("Bring back from archive" if archived else "Archive")

    def _on_archive(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            child = self.model.child_at(index.row())
            self.archiveRequested.emit(child.id, not child.archived)
