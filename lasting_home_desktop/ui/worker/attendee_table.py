"""A small editable table of people (name, role, agency...) with add and remove buttons.

It always shows six rows (scrolling beyond), so the buttons beside it never move as people
are added, and the agency column is wide enough for every suggested agency's full name."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

ROWS_SHOWN = 6


class PeopleTable(QWidget):
    """Text columns, plus optional tick columns (invited / attended). The last text column can
    offer suggestions (agencies) while still taking any text. `changed` whenever a row is
    added, removed or edited."""

    changed = Signal()

    def __init__(
        self,
        text_columns: Sequence[str],
        tick_columns: Sequence[str] = (),
        suggestions: Sequence[str] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.text_columns = list(text_columns)
        self.tick_columns = list(tick_columns)
        self.suggestions = list(suggestions)
        self.table = QTableWidget(0, len(self.text_columns) + len(self.tick_columns))
        self.table.itemChanged.connect(self.changed)
        self.table.setHorizontalHeaderLabels(self.text_columns + self.tick_columns)
        header = self.table.horizontalHeader()
        for column in range(len(self.text_columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        if self.suggestions:
            # The agency column fits the longest suggestion whole ("Children's social care"),
            # and names keep room of their own beside it.
            agency = len(self.text_columns) - 1
            longest = max(self.fontMetrics().horizontalAdvance(text) for text in self.suggestions)
            header.setSectionResizeMode(agency, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(agency, longest + 56)
            self.table.setMinimumWidth(longest + 56 + 120 * (len(self.text_columns) - 1))
        for offset in range(len(self.tick_columns)):
            header.setSectionResizeMode(
                len(self.text_columns) + offset, QHeaderView.ResizeMode.ResizeToContents
            )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._fit_height()
        self.add_button = QPushButton("Add a person")
        self.remove_button = QPushButton("Remove selected")
        self.add_button.clicked.connect(self._add_blank)
        self.remove_button.clicked.connect(self.remove_selected)
        # Above the table: they stay where they are however many people are added.
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def _add_blank(self) -> None:
        self.add_row([""] * len(self.text_columns))
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)

    def add_row(self, texts: Sequence[str], ticks: Sequence[bool] = ()) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(texts):
            if self.suggestions and column == len(self.text_columns) - 1:
                combo = QComboBox()
                combo.setEditable(True)
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                combo.addItems(["", *self.suggestions])
                combo.setCurrentText(text)
                combo.currentTextChanged.connect(self.changed)
                self.table.setCellWidget(row, column, combo)
            else:
                self.table.setItem(row, column, QTableWidgetItem(text))
        for offset in range(len(self.tick_columns)):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            ticked = offset < len(ticks) and ticks[offset]
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.table.setItem(row, len(self.text_columns) + offset, item)

        self._fit_height()
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self._fit_height()
        self.changed.emit()

    def clear(self) -> None:
        self.table.setRowCount(0)
        self._fit_height()
        self.changed.emit()

    def _fit_height(self) -> None:
        # Always six rows high, whatever the number of people: beyond six it scrolls.
        row_height = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        height = header + ROWS_SHOWN * row_height + 2 * self.table.frameWidth() + 2
        self.table.setFixedHeight(height)

    def rows(self) -> list[tuple[list[str], list[bool]]]:
        out = []
        for row in range(self.table.rowCount()):
            texts = []
            for column in range(len(self.text_columns)):
                widget = self.table.cellWidget(row, column)
                if isinstance(widget, QComboBox):
                    texts.append(widget.currentText())
                else:
                    item = self.table.item(row, column)
                    texts.append(item.text() if item else "")
            ticks = []
            for offset in range(len(self.tick_columns)):
                item = self.table.item(row, len(self.text_columns) + offset)
                ticks.append(item is not None and item.checkState() == Qt.CheckState.Checked)
            out.append((texts, ticks))
        return out
