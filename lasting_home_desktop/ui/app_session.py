"""One run of the app on one data folder: the unlock screen first, then the worker window, and
the idle lock hiding everything again until the worker unlocks."""

from __future__ import annotations

import gc
import importlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..storage.crypto import DEFAULT_COST, FolderKey, ScryptCost
from .after_paint import AfterFirstPaint
from .idle_lock import SETTING, IdleLock, ScreenLock, clamp_minutes
from .messages import UserMessages
from .unlock_screen import UnlockScreen

if TYPE_CHECKING:
    from ..storage.caseload import CaseloadStore

OpenStore = Callable[[Path, UserMessages, FolderKey], "CaseloadStore | None"]
BuildWindow = Callable[["CaseloadStore"], QWidget]


def is_together_window(window: QWidget) -> bool:
    from .together.window import TogetherWindow

    return isinstance(window, TogetherWindow)


# After the unlock screen has been painted, the modules the worker window needs are loaded one
# at a time (the typing in between is handled), so that the caseload follows the passphrase
# quickly rather than after a quarter of a second of imports. A moment's pause first: the screen
# is on show and nobody has typed yet.
LOAD_AHEAD_AFTER_MS = 150


class AppSession(QObject):
    """`open_store(folder, messages, key)` opens the folder kindly (None on a problem);
    `build_window(store)` makes the worker window. `failed` is emitted when the folder could
    not be opened after unlocking, so the app can stop. `load_ahead` names the modules those
    two will import, loaded while the unlock screen waits for the passphrase."""

    failed = Signal()
    started = Signal()

    def __init__(
        self,
        folder: Path,
        messages: UserMessages,
        open_store: OpenStore,
        build_window: BuildWindow,
        *,
        clock: Callable[[], float] = time.time,
        cost: ScryptCost = DEFAULT_COST,
        demo_passphrase: str | None = None,
        poll_ms: int = 1000,
        load_ahead: Sequence[str] = (),
    ):
        super().__init__()
        self.folder = Path(folder)
        self.messages = messages
        self._open_store = open_store
        self._build_window = build_window
        self.store: CaseloadStore | None = None
        self.window: QWidget | None = None
        self.cost = cost
        self.worker = ""
        self.unlock_screen = UnlockScreen(
            self.folder, clock=clock, cost=cost, demo_passphrase=demo_passphrase
        )
        self.unlock_screen.resize(900, 640)
        self.unlock_screen.unlocked.connect(self._unlocked)
        self.idle = IdleLock(clock=clock, poll_ms=poll_ms, parent=self)
        self.screen_lock = ScreenLock(
            self.idle, self.unlock_screen, is_together_window, lambda: self.worker, parent=self
        )
        self.screen_lock.lockedChanged.connect(self._locked_changed)
        self._to_load = list(load_ahead)
        self._loader = AfterFirstPaint(self.unlock_screen, self._load_next, LOAD_AHEAD_AFTER_MS)
        self._idle_start: AfterFirstPaint | None = None

    def _load_next(self) -> None:
        if self.store is not None or not self._to_load:
            return
        importlib.import_module(self._to_load.pop(0))
        if self._to_load:
            QTimer.singleShot(0, self, self._load_next)  # the typing in between is handled
            return
        # Everything loaded so far (modules, Qt's types) lives as long as the app: leaving it
        # out of the collector's full passes keeps them from stalling the first minutes of
        # work (opening the caseload ran 60 ms quicker).
        gc.freeze()

    def _locked_changed(self, locked: bool) -> None:
        if locked:
            # The laptop may be shut while locked: keep the typing as drafts first.
            self.keep_drafts_now()

    def keep_drafts_now(self) -> None:
        """Every form's unsaved typing written as a draft now (a lock, logging off)."""
        keep = getattr(self.window, "keep_drafts_now", None)
        if callable(keep):
            keep()

    def session_ending(self, *_: object) -> None:
        """The computer is logging off or shutting down: keep the typing as drafts and let
        the windows close without asking (nobody may be there to answer)."""
        self.keep_drafts_now()
        guard = getattr(self.window, "guard", None)
        if guard is not None:
            guard.session_ending = True

    def show_unlock(self) -> None:
        self.unlock_screen.show()

    def unlock_with(self, passphrase: str, worker: str) -> bool:
        """Unlock without the screen (a passphrase given on the command line)."""
        from ..storage.crypto import WrongPassphrase
        from ..storage.folder_sealing import needs_passphrase, unlock

        if not needs_passphrase(self.folder):
            return False
        try:
            key = unlock(self.folder, passphrase)
        except WrongPassphrase:
            self.unlock_screen.tell(
                "The passphrase given on the command line does not open this data folder. "
                "Please type it here."
            )
            return False
        self._unlocked(key, worker)
        return True

    def lock_now(self) -> None:
        self.screen_lock.lock()

    def set_idle_minutes(self, minutes: int) -> int:
        chosen = self.idle.set_minutes(minutes)
        if self.store is not None:
            self.store.save_folder_value(SETTING, chosen)
        return chosen

    def _unlocked(self, key: FolderKey, worker: str) -> None:
        self.worker = worker
        if self.store is None:
            self._start(key)
            return
        self.store.audit.worker = worker
        self.store.audit.record("unlocked", "", "After the idle lock")
        self._note_recovery()
        self.screen_lock.unlock()

    def _note_recovery(self) -> None:
        if self.store is not None and self.unlock_screen.used_recovery_key:
            self.unlock_screen.used_recovery_key = False
            self.store.record_done(
                "recovery-key-used", "", "Unlocked with the recovery key; a new passphrase was set"
            )

    def _start(self, key: FolderKey) -> None:
        store = self._open_store(self.folder, self.messages, key)
        if store is None:
            self.unlock_screen.hide()
            self.failed.emit()
            return
        self.store = store
        store.audit.worker = self.worker
        store.audit.record("unlocked")
        self._note_recovery()
        self.idle.set_minutes(clamp_minutes(store.folder_value(SETTING)))
        self.window = self._build_window(store)
        self.window.show()  # before the unlock screen goes, so a window is always open
        self.unlock_screen.hide()
        # The idle lock watches every event; during the window's first paint that tripled
        # the time the paint took, so it starts just after (and within a second whatever).
        self._idle_start = AfterFirstPaint(self.window, self.idle.start, latest_ms=1000)
        self.started.emit()

    def close(self) -> None:
        self._loader.cancel()
        self._to_load.clear()
        if self._idle_start is not None:
            self._idle_start.cancel()
        self.idle.stop()
        # The event loop has ended: take the screens down before the data goes away.
        for screen in (self.window, self.unlock_screen):
            if screen is not None:
                screen.hide()
        if self.store is not None:
            self.store.close()
            self.store = None
