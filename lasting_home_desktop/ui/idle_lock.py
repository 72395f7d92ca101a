"""The idle lock: after a set time without a key press, click or touch, everything is hidden
behind the unlock screen. In together mode the child sees a friendly "waiting for your
worker" screen instead, and the worker unlocks from there.

The time since the last input is read from a clock passed in, so tests move time on instead
of waiting.
"""

from __future__ import annotations

# Qt's own namespace (Qt.Key, Qt.AlignmentFlag...) is imported inside the functions that use
# it, all of them after unlocking: its first import builds every enum in it, about 15 ms that
# the unlock screen need not wait for.
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from .theme import Look

DEFAULT_MINUTES = 10
LONGEST_MINUTES = 30
SHORTEST_MINUTES = 1
SETTING = "idle_lock_minutes"

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
}


def clamp_minutes(value: object) -> int:
    """The setting, kept between 1 and 30 minutes (10 when unset or unreadable)."""
    try:
        minutes = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_MINUTES
    return max(SHORTEST_MINUTES, min(LONGEST_MINUTES, minutes))


class IdleLock(QObject):
    """Watches every input event in the app; emits `idle` once the time runs out."""

    idle = Signal()

    def __init__(
        self,
        minutes: int = DEFAULT_MINUTES,
        clock: Callable[[], float] = time.monotonic,
        poll_ms: int = 1000,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.minutes = clamp_minutes(minutes)
        self._clock = clock
        self._last_input = clock()
        self.locked = False
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._last_input = self._clock()
        self._timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()

    def set_minutes(self, minutes: int) -> int:
        self.minutes = clamp_minutes(minutes)
        return self.minutes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT and not self.locked:
            self._last_input = self._clock()
        return False

    def seconds_idle(self) -> float:
        return self._clock() - self._last_input

    def check(self) -> None:
        if not self.locked and self.seconds_idle() >= self.minutes * 60:
            self.locked = True
            self.idle.emit()

    def resume(self) -> None:
        """After unlocking: the time starts again from now."""
        self.locked = False
        self._last_input = self._clock()


class WaitingForWorker(QWidget):
    """What a child sees when the worker has stepped away: friendly, and nothing to press but
    one button for the worker. If the child pressed it, Escape on the unlock screen that
    follows brings this screen back (the way back the child needs)."""

    workerBack = Signal()

    def __init__(self, look: Look | None = None, parent: QWidget | None = None):
        from PySide6.QtCore import Qt  # here, not at the top: see the note there

        # The pictures and the together-mode looks are read only when a child waits: the
        # session builds the idle lock before the unlock screen first shows.
        from PySide6.QtSvgWidgets import QSvgWidget

        from .. import resources
        from .theme import CHILD_LOOK

        look = look or CHILD_LOOK
        super().__init__(parent)
        self._asked = False
        self.setWindowTitle("Lasting Home")
        self.setObjectName("WaitingForWorker")
        self.setStyleSheet(
            f"#WaitingForWorker {{ background: {look.background}; }}"
            f"QLabel {{ color: {look.text}; }}"
            f"QLabel#Big {{ font-size: {look.title_pt + 6}pt; font-weight: bold; }}"
            f"QLabel#Body {{ font-size: {look.body_pt + 2}pt; }}"
            f"QPushButton {{ background: {look.surface}; color: {look.text}; border: 1px solid"
            f" {look.accent}; border-radius: {look.corner_px}px; padding: 6px 16px; }}"
        )
        box = QVBoxLayout(self)
        box.addStretch(1)
        picture = QSvgWidget(str(resources.picture("person-social-worker")))
        picture.setFixedSize(180, 180)
        box.addWidget(picture, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.headline = QLabel("Waiting for your worker")
        self.headline.setObjectName("Big")
        self.body = QLabel(
            "Your worker will be back in a moment. Everything you made is kept safe."
        )
        self.body.setObjectName("Body")
        self.body.setWordWrap(True)
        for label in (self.headline, self.body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
            box.addWidget(label)
        box.addStretch(2)
        self.worker_button = QPushButton("I'm the worker")
        self.worker_button.setAccessibleName("I'm the worker: unlock (Escape comes back here)")
        self.worker_button.setMinimumSize(160, 64)
        self.worker_button.clicked.connect(self._worker_asked)
        box.addWidget(self.worker_button, alignment=Qt.AlignmentFlag.AlignRight)

    def _worker_asked(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._asked:
            app.installEventFilter(self)
            self._asked = True
        self.workerBack.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        from PySide6.QtCore import Qt  # here, not at the top: see the note there

        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.isVisible()
        ):
            self.come_back()
            return True
        return False

    def come_back(self) -> None:
        """Back from the unlock screen to this one: it goes, and this comes to the front."""
        for window in QApplication.topLevelWidgets():
            # The unlock screen over this one is the one held open (not closable) for now.
            if (
                window is not self
                and window.isVisible()
                and getattr(window, "closable", 1) is False
            ):
                window.hide()
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        self._stop_listening()
        super().hideEvent(event)

    def _stop_listening(self) -> None:
        app = QApplication.instance()
        if app is not None and self._asked:
            app.removeEventFilter(self)
            self._asked = False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        event.ignore()  # only the worker's unlock takes this screen away


class ScreenLock(QObject):
    """Hides every window when the idle lock fires and brings them back once the worker has
    unlocked. `unlock_screen` is the app's UnlockScreen; `child_facing(window)` says whether a
    window is together mode (then the child sees the waiting screen first)."""

    lockedChanged = Signal(bool)

    def __init__(
        self,
        idle: IdleLock,
        unlock_screen: QWidget,
        child_facing: Callable[[QWidget], bool],
        worker: Callable[[], str],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.idle = idle
        self.unlock_screen = unlock_screen
        self.child_facing = child_facing
        self._worker = worker
        self.waiting: WaitingForWorker | None = None
        self._hidden: list[tuple[QWidget, bool]] = []
        self._faded: list[QWidget] = []
        self.is_locked = False
        idle.idle.connect(self.lock)

    def lock(self) -> None:
        from PySide6.QtCore import Qt  # here, not at the top: see the note there

        if self.is_locked:
            return
        self.is_locked = True
        self.idle.locked = True
        self._close_popups()
        from .theme import CHILD_LOOK  # together mode's looks: only when a child is there

        own = {self.unlock_screen}
        child_look: Look | None = None
        self._hidden, self._faded = [], []
        for window in QApplication.topLevelWidgets():
            if window in own or not window.isVisible():
                continue
            if isinstance(window, QDialog):
                # A dialog may be waiting for an answer (exec); hiding it would end that and
                # drop what was typed, so it is made invisible instead.
                window.setWindowOpacity(0.0)
                window.setEnabled(False)
                self._faded.append(window)
                continue
            if self.child_facing(window):
                # The child keeps the look they chose (child or young person).
                child_look = getattr(window, "look", None) or CHILD_LOOK
            self._hidden.append((window, window.isFullScreen()))
            window.hide()
        if child_look is not None:
            self.waiting = WaitingForWorker(child_look)
            self.waiting.workerBack.connect(self._worker_is_back)
            # Modal and shown last, so it takes the keyboard and mouse even from a message
            # box or file dialog that was waiting when the lock came.
            self.waiting.setWindowModality(Qt.WindowModality.ApplicationModal)
            self.waiting.showFullScreen()
        else:
            self._show_unlock()
        self.lockedChanged.emit(True)

    @staticmethod
    def _close_popups() -> None:
        # A menu or a drop-down list grabs the mouse and keyboard; it would keep them from the
        # unlock screen. Nothing is lost by closing one.
        for _ in range(10):
            popup = QApplication.activePopupWidget()
            if popup is None:
                return
            popup.close()

    def _worker_is_back(self) -> None:
        self._show_unlock()

    def _show_unlock(self) -> None:
        from PySide6.QtCore import Qt  # here, not at the top: see the note there

        screen = self.unlock_screen
        prepare = getattr(screen, "prepare_for_relock", None)
        if prepare is not None:
            prepare(self._worker())
        screen.closable = False  # type: ignore[attr-defined]
        screen.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        # Modal and shown last: above any dialog that was open, it alone takes the input.
        screen.hide()
        screen.setWindowModality(Qt.WindowModality.ApplicationModal)
        screen.showFullScreen()
        screen.raise_()
        screen.activateWindow()

    def unlock(self) -> None:
        """Call once the unlock screen has accepted the worker: everything comes back."""
        from PySide6.QtCore import Qt  # here, not at the top: see the note there

        if not self.is_locked:
            return
        self.unlock_screen.closable = True  # type: ignore[attr-defined]
        self.unlock_screen.hide()
        self.unlock_screen.setWindowModality(Qt.WindowModality.NonModal)
        if self.waiting is not None:
            self.waiting.hide()
            self.waiting.deleteLater()
            self.waiting = None
        for window, full in self._hidden:
            if full:
                window.showFullScreen()
            else:
                window.show()
        for dialog in self._faded:
            dialog.setEnabled(True)
            dialog.setWindowOpacity(1.0)
        self._hidden, self._faded = [], []
        self.is_locked = False
        self.idle.resume()
        self.lockedChanged.emit(False)
