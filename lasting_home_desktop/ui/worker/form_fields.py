"""Small pieces every adults' form uses: dates, money and times read kindly (each problem
collected, so all are shown at once, and its field marked), and fields of a sensible size."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from ...domain.dates import format_short, parse_date
from ...domain.record_checks import parse_pence, parse_time

T = TypeVar("T")

# A field whose contents stopped a save shows it (the theme styles [problem="true"]).
PROBLEM = "problem"


def mark_problem(field: QWidget, problem: bool = True) -> None:
    field.setProperty(PROBLEM, problem)
    field.style().unpolish(field)
    field.style().polish(field)


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


def read_field(
    field: QLineEdit, label: str, problems: list[str], parse: Callable[[str], T]
) -> T | None:
    """What the field says, read by `parse` (a date, an amount, a time); if it cannot be read,
    the problem is added to `problems` (so all are shown at once) and the field is marked."""
    try:
        return parse(field.text())
    except ValueError as problem:
        problems.append(f"{label}: {problem}")
        mark_problem(field)
        return None


def read_date(field: QLineEdit, label: str, problems: list[str]) -> dt.date | None:
    return read_field(field, label, problems, parse_date)


def read_pence(field: QLineEdit, label: str, problems: list[str]) -> int | None:
    return read_field(field, label, problems, parse_pence)


def read_time(field: QLineEdit, label: str, problems: list[str]) -> dt.time | None:
    return read_field(field, label, problems, parse_time)


def show_date(field: QLineEdit, day: dt.date | None) -> None:
    field.setText(format_short(day))
