"""Keeps the child in together mode: every way out by keyboard asks for the worker's PIN, and
no other window's shortcut (search, settings, export) works while together mode is open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

# Key sequences need a running application, so they are made on first use.
_exit_combos: set[int] = set()


def is_exit_key(event: QKeyEvent) -> bool:
    """Escape, Ctrl+W, Ctrl+Q, Ctrl+F4, Alt+F4 and the platform's own Close and Quit keys."""
    if not _exit_combos:
        sequences = [
            QKeySequence(Qt.Key.Key_Escape),
            QKeySequence("Ctrl+W"),
            QKeySequence("Ctrl+Q"),
            QKeySequence("Ctrl+F4"),
            QKeySequence("Alt+F4"),
        ]
        for standard in (QKeySequence.StandardKey.Close, QKeySequence.StandardKey.Quit):
            sequences += QKeySequence.keyBindings(standard)
        _exit_combos.update(seq[0].toCombined() for seq in sequences if not seq.isEmpty())
    return event.keyCombination().toCombined() in _exit_combos


class ExitGuard(QObject):
    """An application-wide event filter for one together-mode window."""

    def __init__(self, window: QWidget, on_exit_key: Callable[[int], None]):
        super().__init__(window)
        self.window = window
        self.on_exit_key = on_exit_key

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Shortcut and not self.owns(watched):
            return True
        if (
            kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and self.owns(watched)
            and is_exit_key(event)
        ):
            # Claiming the override stops any shortcut; the key press then asks for the PIN.
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self.on_exit_key(event.key())
            return True
        return False

    def owns(self, obj: QObject | None) -> bool:
        while obj is not None:
            if obj is self.window:
                return True
            if isinstance(obj, QWidget):
                return obj.window() is self.window
            obj = obj.parent()
        return False
