"""What a form's fields hold, as plain data: to tell whether anything is typed and unsaved, to
keep it as a draft, and to put it back. A form's fields are its attributes holding an editable
widget (a line, a text box, a tick box, a choice, a table of people), found by name, so a draft
written today still fits the form tomorrow even if rows are added to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget


def field_widgets(owner: object) -> dict[str, QWidget]:
    """The owner's editable fields by attribute name (read-only boxes are shown facts)."""
    out: dict[str, QWidget] = {}
    for name, value in vars(owner).items():
        if name.startswith("_"):
            continue
        if isinstance(value, list):
            for index, item in enumerate(value):
                if _is_field(item):
                    out[f"{name}.{index}"] = item
        elif _is_field(value):
            out[name] = value
    return out


def capture(owner: object) -> dict[str, Any]:
    return {name: _value(widget) for name, widget in field_widgets(owner).items()}


def restore(owner: object, state: dict[str, Any]) -> None:
    """Put values back; a name the form no longer has, or a value of the wrong kind, is
    skipped rather than trusted."""
    widgets = field_widgets(owner)
    for name, value in state.items():
        widget = widgets.get(name)
        if widget is not None:
            _set(widget, value)


def on_any_edit(owner: object, callback: Callable[[], None]) -> None:
    """Call `callback` whenever the user changes any field."""
    for widget in field_widgets(owner).values():
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(callback)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(callback)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(callback)
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(callback)
        elif hasattr(widget, "changed"):
            widget.changed.connect(callback)


def _is_field(widget: object) -> bool:
    if isinstance(widget, QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QLineEdit | QCheckBox | QComboBox):
        return True
    return callable(getattr(widget, "rows", None)) and hasattr(widget, "changed")


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return [[list(texts), list(ticks)] for texts, ticks in widget.rows()]  # type: ignore[attr-defined]


def _set(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QCheckBox) and isinstance(value, bool):
        widget.setChecked(value)
    elif isinstance(widget, QComboBox) and isinstance(value, str):
        index = widget.findText(value)
        if index >= 0:
            widget.setCurrentIndex(index)
        elif widget.isEditable():
            widget.setCurrentText(value)
    elif isinstance(value, list) and hasattr(widget, "clear") and hasattr(widget, "add_row"):
        widget.clear()
        for row in value:
            if isinstance(row, list) and len(row) == 2:
                widget.add_row([str(t) for t in row[0]], [bool(t) for t in row[1]])
