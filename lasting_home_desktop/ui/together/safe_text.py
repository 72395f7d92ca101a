"""Text boxes a child types in: a big right-click menu with only Cut, Copy and Paste, and a
clipboard that holds nothing from outside together mode.

The desktop's own menu is small and offers things a child does not need; ours is big enough
for a finger. The clipboard is emptied when together mode opens and when it closes, and
whatever another program puts on it meanwhile is dropped, so a name copied on the worker side
can never be pasted into a child's words (and the child's words do not leave with the worker).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

from ..theme import Look
from .style import font

TextBox = QLineEdit | QPlainTextEdit | QTextEdit


def clear_clipboard() -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.clear()
        if clipboard.supportsSelection():
            clipboard.clear(clipboard.Mode.Selection)


class ClipboardFence(QObject):
    """While together mode is open: only what is copied inside stays on the clipboard."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ours = ""
        self._active = False

    def start(self) -> None:
        clear_clipboard()
        self._ours = ""
        self._active = True
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.dataChanged.connect(self._changed)

    def stop(self) -> None:
        if self._active:
            self._active = False
            clipboard = QGuiApplication.clipboard()
            if clipboard is not None:
                clipboard.dataChanged.disconnect(self._changed)
            clear_clipboard()

    def copied_inside(self, text: str) -> None:
        """A text box in together mode copied (or cut) this text."""
        self._ours = text

    def _changed(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is None or not self._active:
            return
        text = clipboard.text()
        if text and text != self._ours:
            clipboard.clear()  # not copied in together mode: not for the child's pages


_FENCE: ClipboardFence | None = None


def set_fence(fence: ClipboardFence | None) -> None:
    global _FENCE
    _FENCE = fence


def make_child_safe(box: QWidget, look: Look) -> None:
    """Give a text box the big Cut / Copy / Paste menu instead of the desktop's own."""
    box.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    box.customContextMenuRequested.connect(lambda point: _menu(box, look, point))
    if isinstance(box, QLineEdit | QPlainTextEdit | QTextEdit):
        box.selectionChanged.connect(lambda: _note_copy(box))


def _selected(box: QWidget) -> str:
    if isinstance(box, QLineEdit):
        return box.selectedText()
    if isinstance(box, QPlainTextEdit | QTextEdit):
        return box.textCursor().selectedText().replace("\u2029", "\n")
    return ""


def _note_copy(box: QWidget) -> None:
    if _FENCE is not None and _selected(box):
        _FENCE.copied_inside(_selected(box))


def child_menu(box: QWidget, look: Look) -> QMenu:
    """Cut, Copy and Paste only, in big type with big rows."""
    menu = QMenu(box)
    menu.setObjectName("ChildMenu")
    menu.setFont(font(look, look.body_pt + 2, bold=True))
    menu.setStyleSheet(
        f"QMenu {{ background: {look.surface}; border: 3px solid {look.accent};"
        f" border-radius: 12px; padding: 6px; }}"
        f"QMenu::item {{ padding: 18px 48px; min-height: 32px; color: {look.text}; }}"
        f"QMenu::item:selected {{ background: {look.chosen}; }}"
        f"QMenu::item:disabled {{ color: #a0a0a0; }}"
    )
    has_selection = bool(_selected(box))
    read_only = bool(getattr(box, "isReadOnly", lambda: False)())
    clipboard = QGuiApplication.clipboard()
    can_paste = bool(clipboard and clipboard.text()) and not read_only
    for label, method, enabled in (
        ("Cut", "cut", has_selection and not read_only),
        ("Copy", "copy", has_selection),
        ("Paste", "paste", can_paste),
    ):
        action = menu.addAction(label)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _=False, m=method: _do(box, m))
    return menu


def _do(box: QWidget, method: str) -> None:
    if method in ("cut", "copy"):
        _note_copy(box)
    getattr(box, method)()


def _menu(box: QWidget, look: Look, point: QPoint) -> None:
    menu = child_menu(box, look)
    menu.popup(box.mapToGlobal(point))
