"""The unlock screen: shown before anything else, and again after the idle lock.

First run: the worker chooses a passphrase (twice), says who they are, reads plainly that a
forgotten passphrase cannot be got round, and sees the recovery key once. Later: name and
passphrase, or the recovery key. After five wrong tries each next try waits a little longer,
shown as a countdown. The clock is passed in so tests need not wait.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from ..storage.crypto import (
    DEFAULT_COST,
    FolderKey,
    ScryptCost,
    SealBroken,
    WeakPassphrase,
    WrongPassphrase,
)
from ..storage.key_file import change_passphrase, is_encrypted_folder
from ..storage.last_worker import last_worker, remember_worker
from ..storage.unlock_tries import TAMPERED, UnlockTries
from .unlock_pages import STYLE, NewPassphrasePage, RecoveryKeyPage, SetUpPage, UnlockPage


class UnlockScreen(QWidget):
    """Emits `unlocked(key, worker name)` once the folder's key is known."""

    unlocked = Signal(object, str)

    def __init__(
        self,
        folder: Path,
        *,
        clock: Callable[[], float] = time.time,
        cost: ScryptCost = DEFAULT_COST,
        demo_passphrase: str | None = None,
        worker: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.folder = Path(folder)
        self._cost = cost
        self.tries = UnlockTries(self.folder, clock)
        # While the app is locked with windows hidden behind this screen, closing it would
        # quit without those windows finishing their saves: the worker unlocks instead.
        self.closable = True
        self._pending: tuple[FolderKey, str] | None = None
        # True once the recovery key opened the folder (the audit trail records it).
        self.used_recovery_key = False
        self.setWindowTitle("Lasting Home")
        self.setObjectName("UnlockScreen")
        self.setStyleSheet(STYLE)

        self.pages = QStackedWidget()
        self._build_pages(worker or last_worker(self.folder), demo_passphrase)
        for page in (self.set_up_page, self.recovery_page, self.unlock_page, self.new_page):
            self.pages.addWidget(page)

        card = QFrame(objectName="Card")
        card.setMaximumWidth(620)
        inside = QVBoxLayout(card)
        inside.setContentsMargins(28, 24, 28, 24)
        inside.addWidget(self.pages)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(card)
        column.addStretch(2)
        outer.addLayout(column, 4)
        outer.addStretch(1)

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.refresh_countdown)
        self.show_right_page()
        if self.seconds_to_wait():
            self._ticker.start()
            self.refresh_countdown()

    def _build_pages(self, worker: str, demo_passphrase: str | None) -> None:
        self.set_up_page = SetUpPage()
        self.recovery_page = RecoveryKeyPage()
        self.unlock_page = UnlockPage(worker, demo_passphrase)
        # The widgets tests and the idle lock reach for, by their everyday names.
        self.new_name = self.set_up_page.name
        self.new_passphrase = self.set_up_page.passphrase
        self.repeat_passphrase = self.set_up_page.repeat
        self.warning = self.set_up_page.warning
        self.set_up_problem = self.set_up_page.problem
        self.set_up_button = self.set_up_page.button
        self.recovery_key = self.recovery_page.key
        self.written_down = self.recovery_page.written_down
        self.continue_button = self.recovery_page.button
        self.unlock_title = self.unlock_page.title
        self.name = self.unlock_page.name
        self.passphrase = self.unlock_page.secret
        self.use_recovery = self.unlock_page.use_recovery
        self.demo_hint = self.unlock_page.demo_hint
        self.unlock_problem = self.unlock_page.problem
        self.countdown = self.unlock_page.countdown
        self.unlock_button = self.unlock_page.button
        self.set_up_button.clicked.connect(self.set_up)
        self.repeat_passphrase.returnPressed.connect(self.set_up)
        self.continue_button.clicked.connect(self._recovery_confirmed)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.name.returnPressed.connect(self.try_unlock)  # Enter unlocks from either box
        self.unlock_button.clicked.connect(self.try_unlock)
        self.new_page = NewPassphrasePage()
        self.new_page.button.clicked.connect(self._set_new_passphrase)
        self.new_page.repeat.returnPressed.connect(self._set_new_passphrase)

    def show_right_page(self) -> None:
        if is_encrypted_folder(self.folder):
            self.pages.setCurrentWidget(self.unlock_page)
            self.passphrase.setFocus()
        else:
            self.pages.setCurrentWidget(self.set_up_page)
            self.new_name.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.closable:
            event.accept()
        else:
            event.ignore()

    def tell(self, problem: str) -> None:
        """Show a problem on the unlock page (a passphrase from the command line that did not
        fit, say)."""
        self.unlock_problem.setText(problem)

    @property
    def is_first_run(self) -> bool:
        return self.pages.currentWidget() is not self.unlock_page

    def prepare_for_relock(self, worker: str) -> None:
        """Shown again after the idle lock: empty passphrase, the same name offered."""
        self.name.setText(worker)
        self.passphrase.clear()
        self.unlock_problem.clear()
        self.unlock_title.setText("Lasting Home was locked while it was left")
        self.show_right_page()

    # -- first run ---------------------------------------------------------------------------

    def set_up(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            self.set_up_problem.setText("Please give your name, so the record shows who did what.")
            return
        if self.new_passphrase.text() != self.repeat_passphrase.text():
            self.set_up_problem.setText(
                "The two passphrases are different. Please type the same one twice."
            )
            return
        # Sealing a folder is imported when it is first needed: the screen opens without it.
        from ..storage.folder_sealing import first_passphrase

        try:
            created = first_passphrase(self.folder, self.new_passphrase.text(), self._cost)
        except WeakPassphrase as problem:
            self.set_up_problem.setText(problem.kind_message)
            return
        except OSError as error:
            self.set_up_problem.setText(
                getattr(error, "kind_message", None)
                or f"The passphrase could not be saved ({error.strerror or error})."
            )
            return
        self.new_passphrase.clear()
        self.repeat_passphrase.clear()
        self._pending = (created.key, name)
        self.recovery_key.setText(created.recovery_key)
        self.pages.setCurrentWidget(self.recovery_page)

    def _recovery_confirmed(self) -> None:
        if self._pending is None or not self.written_down.isChecked():
            return
        key, name = self._pending
        self._pending = None
        self.recovery_key.clear()  # shown once only
        self.name.setText(name)
        remember_worker(self.folder, name)
        self.pages.setCurrentWidget(self.unlock_page)
        self.unlocked.emit(key, name)

    # -- later ---------------------------------------------------------------------------------

    def try_unlock(self) -> None:
        if self.seconds_to_wait() > 0:
            self.refresh_countdown()
            return
        name = self.name.text().strip()
        if not name:
            self.unlock_problem.setText("Please give your name, so the record shows who did what.")
            return
        secret = self.passphrase.text()
        if not secret:
            self.unlock_problem.setText("Please type the passphrase.")
            return
        from ..storage.folder_sealing import unlock, unlock_by_recovery_key  # as in set_up

        try:
            if self.use_recovery.isChecked():
                key = unlock_by_recovery_key(self.folder, secret)
            else:
                key = unlock(self.folder, secret)
        except WrongPassphrase:
            self._wrong()
            return
        except (SealBroken, OSError) as error:
            self.unlock_problem.setText(
                getattr(error, "kind_message", None)
                or "The key file beside the data could not be read. Nothing has been changed."
            )
            return
        self.tries.succeeded()
        self.passphrase.clear()
        self.unlock_problem.clear()
        self.countdown.clear()
        remember_worker(self.folder, name)
        if self.use_recovery.isChecked():
            # The passphrase is forgotten: a new one is set before anything else.
            self._pending = (key, name)
            self.new_page.problem.clear()
            self.pages.setCurrentWidget(self.new_page)
            self.new_page.passphrase.setFocus()
            return
        self.unlocked.emit(key, name)

    def _set_new_passphrase(self) -> None:
        if self._pending is None:
            return
        page = self.new_page
        if page.passphrase.text() != page.repeat.text():
            page.problem.setText(
                "The two passphrases are different. Please type the same one twice."
            )
            return
        key, name = self._pending
        try:
            change_passphrase(self.folder, key, page.passphrase.text(), self._cost)
        except WeakPassphrase as problem:
            page.problem.setText(problem.kind_message)
            return
        except OSError as error:
            page.problem.setText(
                getattr(error, "kind_message", None)
                or f"The new passphrase could not be saved ({error.strerror or error})."
            )
            return
        self._pending = None
        page.passphrase.clear()
        page.repeat.clear()
        self.use_recovery.setChecked(False)
        self.used_recovery_key = True
        self.pages.setCurrentWidget(self.unlock_page)
        self.unlocked.emit(key, name)

    def _wrong(self) -> None:
        wait = self.tries.failed()
        self.passphrase.clear()
        what = "recovery key" if self.use_recovery.isChecked() else "passphrase"
        self.unlock_problem.setText(
            f"That {what} does not open the data. Nothing has been changed. Check the caps "
            "lock key and try again."
        )
        if wait:
            self._ticker.start()
        self.refresh_countdown()

    @property
    def wrong_tries(self) -> int:
        return self.tries.wrong

    def seconds_to_wait(self) -> int:
        return self.tries.seconds_to_wait()

    def refresh_countdown(self) -> None:
        """Show how long to wait (called every second while waiting)."""
        left = self.seconds_to_wait()
        waiting = left > 0
        self.unlock_button.setEnabled(not waiting)
        self.passphrase.setEnabled(not waiting)
        if waiting:
            why = f"{TAMPERED} " if self.tries.tampered else ""
            self.countdown.setText(
                f"{why}To keep the data safe, please wait {left // 60}:{left % 60:02d} before "
                "trying again."
            )
        else:
            self.countdown.clear()
            self._ticker.stop()
