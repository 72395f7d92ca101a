"""The grown-up check: set the worker's PIN on first use, then ask for it to leave."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...storage.child_voice import PIN_MAX, WorkerPin, pin_problem
from .cards import picture_pixmap


class PinPanel(QWidget):
    """Fills the window while shown, so the child's pages are out of sight.

    `unlocked` is emitted after a correct PIN (enter mode) or a new PIN is saved (set mode);
    `cancelled` when the worker goes back (or, in set mode, decides not to start)."""

    unlocked = Signal()
    cancelled = Signal()

    def __init__(self, pin: WorkerPin, parent: QWidget | None = None):
        super().__init__(parent)
        self.pin = pin
        self.setting = False
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame(self)
        card.setObjectName("Panel")
        card.setMaximumWidth(560)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        icon = QLabel(card)
        icon.setPixmap(picture_pixmap("icon-lock", 56))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        icon.setAccessibleName("Lock")
        self.headline = QLabel(card)
        self.headline.setObjectName("PageTitle")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline.setWordWrap(True)
        self.detail = QLabel(card)
        self.detail.setObjectName("PageIntro")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_edit = self._pin_field("Worker's PIN")
        self.again_edit = self._pin_field("The same PIN again")
        self.problem = QLabel(card)
        self.problem.setObjectName("Kind")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        buttons = QHBoxLayout()
        self.back_button = QPushButton(card)
        self.back_button.clicked.connect(self._cancel)
        self.ok_button = QPushButton(card)
        self.ok_button.setObjectName("Primary")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.ok_button)
        for widget in (
            icon,
            self.headline,
            self.detail,
            self.pin_edit,
            self.again_edit,
            self.problem,
        ):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.pin_edit.returnPressed.connect(self._enter_pressed)
        self.again_edit.returnPressed.connect(self.submit)
        self._wait_timer = self._ticker()

    def _ticker(self) -> QTimer:
        """Counts the wait down on screen, once a second, while there is one."""
        timer = QTimer(self)
        timer.setInterval(1000)
        timer.timeout.connect(self.show_wait)
        return timer

    def _pin_field(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(PIN_MAX)
        edit.setPlaceholderText(name)
        edit.setAccessibleName(name)
        edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # nothing to paste in
        edit.setMinimumHeight(64)
        return edit

    def ask_to_set(self) -> None:
        self.setting = True
        self.headline.setText("Before we start: a PIN for grown-ups")
        self.detail.setText(
            "Choose a PIN of 4 to 12 numbers that doesn't follow a pattern (not 1111 or 1234). "
            "You'll need it to leave together mode, so the child's screen stays just theirs."
        )
        self.back_button.setText("Not now")
        self.ok_button.setText("Save PIN and start")
        self.again_edit.show()
        self._reset()

    def ask_to_leave(self) -> None:
        self.setting = False
        self.headline.setText("Grown-ups only")
        self.detail.setText("Please type the worker's PIN to leave.")
        self.back_button.setText("Back to my pages")
        self.ok_button.setText("Leave")
        self.again_edit.hide()
        self._reset()
        self.show_wait()

    def _reset(self) -> None:
        self.pin_edit.clear()
        self.again_edit.clear()
        self.problem.hide()
        self.ok_button.setEnabled(True)
        self.pin_edit.setFocus()

    def show_wait(self) -> None:
        """While too many wrong PINs make the next try wait, say how long, kindly."""
        wait = 0 if self.setting else self.pin.seconds_to_wait()
        self.ok_button.setEnabled(wait == 0)
        self.pin_edit.setEnabled(wait == 0)
        if wait:
            self._say(
                f"That was a few wrong tries. Please wait {_duration(wait)}, then type the PIN "
                "again."
            )
            self._wait_timer.start()
        elif self._wait_timer.isActive():
            self._wait_timer.stop()
            self.problem.hide()
            self.pin_edit.setFocus()

    def _enter_pressed(self) -> None:
        if self.setting:
            self.again_edit.setFocus()
        else:
            self.submit()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def submit(self) -> None:
        typed = self.pin_edit.text()
        if self.setting:
            problem = pin_problem(typed)
            if problem:
                self._say(problem)
                return
            if typed != self.again_edit.text():
                self._say("The two PINs are different. Please type the same PIN twice.")
                self.again_edit.clear()
                return
            self.pin.set(typed)
            self.unlocked.emit()
            return
        if self.pin.try_pin(typed):
            self.unlocked.emit()
            return
        self.pin_edit.clear()
        self._say("That PIN isn't right. Please try again.")
        self.show_wait()

    def _cancel(self) -> None:
        self.cancelled.emit()


def _duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = (seconds + 59) // 60
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
