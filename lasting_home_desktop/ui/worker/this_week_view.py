"""This week: shown beside the caseload when the app opens (and whenever no child is chosen),
a short list of what is due in the next seven days; each line opens the child."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.this_week import WEEK, DueItem
from ..widgets import plain_label

LATE = QBrush(QColor("#8a1c0c"))
WORKING_OUT = "Working out what is due this week…"


class ThisWeekPanel(QWidget):
    childOpened = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.items: list[DueItem] = []
        self.title = plain_label("This week", "Headline")
        self.note = plain_label(name="Subtle")
        self.list = QTreeWidget()
        self.list.setAccessibleName("Due in the next seven days")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(["When", "Child", "What"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.list.header()
        header.setStretchLastSection(True)
        # Fitted to the lines once they are set (show_items): fitting on every relayout would
        # measure every line each time, which held up the window's first paint.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        self.empty = plain_label(
            "Nothing is due in the next seven days. Choose a child from the list to see their "
            "page.",
            "Subtle",
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)

    def show_items(self, items: Sequence[DueItem], today: dt.date) -> None:
        self.items = list(items)
        self.list.clear()
        last = today + dt.timedelta(days=WEEK - 1)
        late = sum(1 for item in items if item.late)
        self.note.setText(
            f"Due from today to {last.strftime('%A')} {last.day} {last.strftime('%B')}"
            + (f", and {late} already late" if late else "")
            + ". Click a line to open the child."
        )
        for item in items:
            row = QTreeWidgetItem([item.when(today), item.child_name, item.what])
            row.setData(0, Qt.ItemDataRole.UserRole, item.child_id)
            row.setToolTip(2, f"{item.child_name}: {item.what}, {item.when(today)}")
            if item.late:
                for column in range(3):
                    row.setForeground(column, LATE)
            self.list.addTopLevelItem(row)
        # A little room over the measured width: names mixing scripts (Ayesha (عائشہ)) are
        # drawn a few pixels wider than Qt measures them, and were clipped.
        room = self.list.fontMetrics().averageCharWidth() * 2
        for column in (0, 1):
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, self.list.columnWidth(column) + room)
        self.list.setVisible(bool(items))
        self.empty.setVisible(not items)

    def show_waiting(self) -> None:
        """At start-up, until the caseload's statuses are known: neither a list nor "nothing
        is due", which may not be true."""
        self.items = []
        self.list.clear()
        self.note.setText(WORKING_OUT)
        self.list.setVisible(False)
        self.empty.setVisible(False)

    def lines(self) -> list[str]:
        """What the list says, line by line (for tests)."""
        out = []
        for index in range(self.list.topLevelItemCount()):
            row = self.list.topLevelItem(index)
            out.append(" | ".join(row.text(column) for column in range(3)))
        return out

    def _open(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        child_id = row.data(0, Qt.ItemDataRole.UserRole)
        if child_id:
            self.childOpened.emit(str(child_id))
