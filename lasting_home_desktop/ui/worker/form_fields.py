"""Small pieces every adults' form uses: dates, money and times read kindly (each problem
collected, so all are shown at once, and its field marked), and fields of a sensible size."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from ...domain.dates import DateProblem, format_short, parse_date
from ...domain.record_checks import MoneyProblem, TimeProblem, parse_pence, parse_time

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


def read_date(field: QLineEdit, label: str, problems: list[str]) -> dt.date | None:
    try:
        return parse_date(field.text())
    except DateProblem as problem:
        problems.append(f"{label}: {problem}")
        mark_problem(field)
        return None


def read_pence(field: QLineEdit, label: str, problems: list[str]) -> int | None:
    try:
        return parse_pence(field.text())
    except MoneyProblem as problem:
        problems.append(f"{label}: {problem}")
        mark_problem(field)
        return None


def read_time(field: QLineEdit, label: str, problems: list[str]) -> dt.time | None:
    try:
        return parse_time(field.text())
    except TimeProblem as problem:
        problems.append(f"{label}: {problem}")
        mark_problem(field)
        return None


def show_date(field: QLineEdit, day: dt.date | None) -> None:
    field.setText(format_short(day))
