"""The Panel Administrator's list of Lasting Home Panel dates for the year ahead."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_short
from ...domain.panel import monthly_dates, parse_panel_dates
from ...storage.adults import AdultRecords
from ..messages import UserMessages
from ..widgets import plain_label
from .section_form import on_left


class PanelDatesEditor(QDialog):
    """One date a line. Panels are monthly, agreed twelve months ahead."""

    def __init__(
        self,
        records: AdultRecords,
        today: dt.date,
        messages: UserMessages,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Lasting Home Panel dates")
        self.records = records
        self.today = today
        self.messages = messages
        self.dates = QPlainTextEdit()
        self.dates.setPlaceholderText("14/01/2027\n11/02/2027\n...")
        self.suggest = QPushButton("Add the next 12 monthly dates")
        self.suggest.clicked.connect(self.add_monthly)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("Save dates", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                "Panel dates for the year ahead, one a line (DD/MM/YYYY). Children can be "
                "booked onto these dates once their matching meeting minutes are complete. "
                "Suggested dates skip weekends and England and Wales bank holidays."
            )
        )
        layout.addWidget(self.dates, 1)
        layout.addWidget(on_left(self.suggest))
        layout.addWidget(buttons)
        self.resize(420, 420)
        self.dates.setPlainText("\n".join(format_short(day) for day in records.panel_dates()))

    def add_monthly(self) -> None:
        """The same weekday of the month as the last date (or today), for twelve months: a
        start for the Panel Administrator to edit."""
        current, _problems = parse_panel_dates(self.dates.toPlainText().splitlines())
        start = current[-1] if current else self.today
        extra = monthly_dates(start, 12)
        lines = [format_short(day) for day in (*current, *extra)]
        self.dates.setPlainText("\n".join(lines))

    def save(self) -> bool:
        dates, problems = parse_panel_dates(self.dates.toPlainText().splitlines())
        if problems:
            self.messages.tell(
                "Please check the panel dates",
                "\n".join(f"• {problem}" for problem in problems),
                problem=True,
            )
            return False
        self.records.save_panel_dates(dates)
        self.accept()
        return True
