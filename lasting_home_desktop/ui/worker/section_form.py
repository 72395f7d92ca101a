"""What every adults' form on a child's page shares: a scrolling form, an explicit Save button,
validation told through the messages helper, and reading dates, money and times kindly."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.child import ChildRecord, DecisionRoute, RecordProblem
from ...domain.dates import DateProblem, format_short, parse_date
from ...domain.record_checks import MoneyProblem, TimeProblem, parse_pence, parse_time
from ...storage.adults import AdultRecords
from ...storage.safe_files import StorageWriteError
from ..section_context import ChildSectionContext
from ..widgets import plain_label


def on_left(*widgets: QWidget) -> QWidget:
    """Buttons and badges at their natural width, not stretched across the form."""
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        line.addWidget(widget)
    line.addStretch(1)
    return row


def date_field(placeholder: str = "DD/MM/YYYY") -> QLineEdit:
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    field.setMaximumWidth(160)
    return field


def text_box(height: int = 90, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setMinimumHeight(height)
    # Room to grow a little, but a form of many boxes stays a readable length.
    box.setMaximumHeight(int(height * 1.6))
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


class SectionForm(QWidget):
    """Subclasses build their fields in `build`, fill them in `reload`, and in `store_changes`
    save and return [] or return the problems that stopped the save."""

    saved = Signal()
    what = "form"  # "matching meeting record": used in messages
    heading = ""
    intro = ""

    def __init__(self, context: ChildSectionContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.records = AdultRecords(context.store)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body = QWidget()
        self.column = QVBoxLayout(self.body)
        if self.heading:
            self.column.addWidget(plain_label(self.heading, "Headline"))
        if self.intro:
            self.column.addWidget(plain_label(self.intro, "Subtle"))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.column.addLayout(self.form)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)

        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 8)
        self.status = plain_label(name="Subtle")
        self.save_button = QPushButton("Save", objectName="Primary")
        self.save_button.clicked.connect(self.save)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)

        self.build()
        self.column.addStretch(1)
        self.reload()
        self._saved_fields = self.fields_fingerprint()

    # -- for subclasses ------------------------------------------------------------------------

    def build(self) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def store_changes(self) -> list[str]:
        raise NotImplementedError

    @property
    def child(self) -> ChildRecord:
        return self.context.store.child(self.context.child_id)

    @property
    def on_panel_route(self) -> bool:
        return self.child.route is DecisionRoute.PANEL

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save if everything is fine; otherwise say what to change and keep what was typed."""
        try:
            problems = self.store_changes()
        except RecordProblem as problem:
            problems = problem.problems
        except StorageWriteError as error:
            self.context.messages.tell(
                "Lasting Home could not save", error.kind_message, problem=True
            )
            return False
        if problems:
            self.status.setText("Not saved yet: please check the highlighted details.")
            self.context.messages.tell(
                f"Please check the {self.what}",
                "\n".join(f"• {problem}" for problem in problems),
                problem=True,
            )
            return False
        self.status.setText(f"Saved {dt.datetime.now():%H:%M}.")
        self.context.record_changed()
        self.reload()
        self._saved_fields = self.fields_fingerprint()
        self.saved.emit()
        return True

    # -- unsaved changes: the page asks before it closes a form someone has typed in -----------

    def fields_fingerprint(self) -> tuple:
        """What every field shows now, in order."""
        values: list[object] = []
        for widget in self.body.findChildren(QWidget):
            if isinstance(widget, QLineEdit):
                values.append(widget.text())
            elif isinstance(widget, QPlainTextEdit) and not widget.isReadOnly():
                values.append(widget.toPlainText())
            elif isinstance(widget, QCheckBox):
                values.append(widget.isChecked())
            elif isinstance(widget, QComboBox) and not widget.isEditable():
                values.append(widget.currentIndex())
            elif isinstance(widget, QTableWidget):
                values.append(_table_cells(widget))
            elif isinstance(widget, QListWidget):
                values.append(tuple(widget.item(i).text() for i in range(widget.count())))
        return tuple(values)

    def has_unsaved_changes(self) -> bool:
        return self.fields_fingerprint() != self._saved_fields


# -- reading fields, collecting problems instead of stopping at the first ----------------------


def _table_cells(table: QTableWidget) -> tuple:
    cells = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            cells.append((item.text(), item.checkState()) if item is not None else None)
    return tuple(cells)


def read_date(field: QLineEdit, label: str, problems: list[str]) -> dt.date | None:
    try:
        return parse_date(field.text())
    except DateProblem as problem:
        problems.append(f"{label}: {problem}")
        return None


def read_pence(field: QLineEdit, label: str, problems: list[str]) -> int | None:
    try:
        return parse_pence(field.text())
    except MoneyProblem as problem:
        problems.append(f"{label}: {problem}")
        return None


def read_time(field: QLineEdit, label: str, problems: list[str]) -> dt.time | None:
    try:
        return parse_time(field.text())
    except TimeProblem as problem:
        problems.append(f"{label}: {problem}")
        return None


def show_date(field: QLineEdit, day: dt.date | None) -> None:
    field.setText(format_short(day))
