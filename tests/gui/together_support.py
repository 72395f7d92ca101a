"""Shared set-up for together-mode tests: a caseload with two children; what is on screen."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from lasting_home_desktop.domain.child import ChildRecord, PeopleAroundChild
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.child_voice import WorkerPin
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.together.read_aloud import ReadAloud
from lasting_home_desktop.ui.together.window import TogetherWindow

PIN = "2957"
OLA = ChildRecord(
    "Aleksandra",
    "Nowak",
    preferred_name="Ola",
    date_of_birth=dt.date(2018, 5, 1),
    people=PeopleAroundChild(carers=("Jo", "Sam"), social_worker="Priya", team_manager="Mark"),
)
OTHER = ChildRecord("Zbigniew", "Quartermaine", date_of_birth=dt.date(2012, 1, 9))


def open_caseload(folder: Path, today: dt.date, pin: str | None = PIN) -> tuple[CaseloadStore, str]:
    """The store with Ola and one other child; returns (store, Ola's id)."""
    store = CaseloadStore.open(folder)
    existing = {c.first_name: c.id for c in store.children()}
    if "Aleksandra" not in existing:
        ola = store.add_child(OLA, today)
        store.add_child(OTHER, today)
        existing["Aleksandra"] = ola.id
    if pin and not WorkerPin(store).is_set():
        WorkerPin(store).set(pin)
    return store, existing["Aleksandra"]


def together(store: CaseloadStore, child_id: str, today: dt.date, **kwargs) -> TogetherWindow:
    window = TogetherWindow(
        store,
        child_id,
        today,
        RecordedMessages(),
        ReadAloud(kwargs.pop("engine", "mock")),
        **kwargs,
    )
    window.resize(1280, 800)
    window.show()
    return window


def leave_with_pin(qtbot, window: TogetherWindow, pin: str = PIN) -> None:
    window.request_leave()
    assert window.pin_showing()
    window.pin_panel.pin_edit.setText(pin)
    with qtbot.waitSignal(window.closed, timeout=3000):
        window.pin_panel.ok_button.click()


def force_close(window: TogetherWindow) -> None:
    """Test clean-up only: close without the PIN so the next test starts clean."""
    if window.isVisible():
        window._may_close = True
        window.close()


def visible_widgets() -> list[QWidget]:
    # allWidgets() hands back raw pointers: a garbage collection in the middle of walking them
    # (a window left over from an earlier test) could delete some under us, so collect first
    # and callers keep collection off while they read the widgets.
    gc.collect()
    return [widget for widget in QApplication.allWidgets() if widget.isVisible()]


def widget_texts(widget: QWidget) -> list[str]:
    """Every piece of text a person (or a screen reader) could get from one widget."""
    texts = [widget.windowTitle(), widget.accessibleName(), widget.toolTip()]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts += [widget.text(), widget.placeholderText()]
    if isinstance(widget, QPlainTextEdit):
        texts += [widget.toPlainText(), widget.placeholderText()]
    if isinstance(widget, QTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for row in range(model.rowCount(QModelIndex())):
            column = 0
            while model.index(row, column).isValid():
                texts.append(str(model.data(model.index(row, column)) or ""))
                column += 1
    return [t for t in texts if t]


def all_visible_text() -> str:
    gc.disable()
    try:
        return "\n".join(text for widget in visible_widgets() for text in widget_texts(widget))
    finally:
        gc.enable()
