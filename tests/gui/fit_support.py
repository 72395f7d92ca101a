"""Putting a window on one of the test screens (tests/screens.json) and checking that it fits
and that no text in it is cut off."""

from __future__ import annotations

from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

LAPTOP = "1366x768"
SCALED = "1280x720"


def screen(size: str) -> QScreen:
    found = [s for s in QApplication.screens() if s.name().endswith(size)]
    assert found, f"no {size} test screen: is tests/screens.json in QT_QPA_PLATFORM?"
    return found[0]


def place(widget: QWidget, where: QScreen) -> None:
    """Put a top-level widget on that screen before it is shown."""
    widget.setScreen(where)
    widget.move(where.availableGeometry().topLeft())


def outside(widget: QWidget, where: QScreen) -> str:
    """ "" when the whole window is on the screen; otherwise how it sticks out."""
    area = where.availableGeometry()
    frame = widget.frameGeometry()
    if area.contains(frame):
        return ""
    return f"{type(widget).__name__} at {frame.getRect()} is outside {area.getRect()}"


def cut_off(top: QWidget) -> list[str]:
    """Every visible label or button whose text does not fit the space it was given."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if widget.height() + 1 < needed:
                    found.append(f"label {widget.text()[:50]!r}: {widget.height()} < {needed}")
            elif widget.width() + 1 < widget.minimumSizeHint().width():
                found.append(f"label {widget.text()[:50]!r} is narrower than its text")
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.width() + 2 < widget.minimumSizeHint().width()
        ):
            found.append(f"button {widget.text()!r} is narrower than its text")
    return found


def settle(widget: QWidget) -> None:
    """Let the layouts finish before measuring."""
    for _ in range(3):
        QApplication.processEvents()
    widget.updateGeometry()
