"""Team sharing while the app is open: a sync round a few seconds after each save and every
minute, its folder work off the GUI thread, and a quiet line in the window's status bar
("Team: up to date 2 minutes ago").

The round's first and last steps read and write the store, so they run here on the GUI thread;
the middle (the team folder, sealing, merging) runs on the background worker.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from ...domain.team_status import status_line
from ...storage.caseload import CaseloadStore
from ...storage.changes import TEAM, Change
from ...storage.team.identity import has_team
from ...storage.team.sync import RoundResult, TeamSync
from ..background import Background
from ..store_signals import store_signals

AFTER_SAVE_MS = 4000  # a burst of saves is shared once, a few seconds after it ends
EVERY_MS = 60_000
FIRST_ROUND_MS = 1500


class TeamRunner(QObject):
    """Runs the rounds of one store's TeamSync. `finished` after each round."""

    finished = Signal(object)  # the RoundResult
    statusChanged = Signal(str)

    def __init__(
        self,
        store: CaseloadStore,
        parent: QObject | None = None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        after_save_ms: int = AFTER_SAVE_MS,
        every_ms: int = EVERY_MS,
    ):
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.sync = TeamSync(store, clock=clock)
        self.background = Background(self, workers=1, name="team")
        self.running = False
        self.window: QMainWindow | None = None
        self.label: TeamStatusLabel | None = None
        self._again = False
        self._stopped = False
        self.after_save = QTimer(self, singleShot=True, interval=after_save_ms)
        self.after_save.timeout.connect(self.sync_now)
        self.every = QTimer(self, interval=every_ms)
        self.every.timeout.connect(self.sync_now)
        store_signals(store).changed.connect(self._store_changed)

    def start(self) -> None:
        """Begin (or begin again after joining or making a team); never once stopped (the
        window closed)."""
        if self._stopped:
            return
        if self.sync.active:
            self.every.start()
            self.sync_now()
        self.statusChanged.emit(self.status_text())

    def _store_changed(self, change: Change) -> None:
        if change.origin != TEAM and self.sync.active and not self._stopped:
            self.after_save.start()

    def sync_now(self) -> None:
        if self._stopped:
            return
        if self.running:
            self._again = True
            return
        job = self.sync.prepare()
        if job is None:
            self.statusChanged.emit(self.status_text())
            return
        self.running = True
        self.background.run(lambda: self.sync.work(job), self._done, self._failed)

    def _done(self, result: RoundResult) -> None:
        self.running = False
        if not self._stopped:
            self.sync.finish(result)
            if result.applied is not None and result.applied.skipped:
                self.after_save.start()
        self.statusChanged.emit(self.status_text())
        self.finished.emit(result)
        if result.more_pictures and not self._stopped:
            self._again = True  # the pictures this round left for the next one
        if self._again and not self._stopped:
            self._again = False
            QTimer.singleShot(0, self.sync_now)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.statusChanged.emit(f"Team sharing paused: {error}. Your work is kept here.")
        self.finished.emit(None)

    def wait(self) -> None:
        """Let a running round finish and be written (before changing the team's setup)."""
        self.background.wait()

    def stop(self) -> None:
        """Closing: the round under way finishes and is written, then nothing more."""
        self.after_save.stop()
        self.every.stop()
        self.background.wait()
        self._stopped = True
        self.background.shutdown()
        if self.sync.cache.loaded:
            with contextlib.suppress(OSError):  # rebuilt from the team folder if need be
                self.sync.cache.save()
        self.sync.close()

    def status_text(self) -> str:
        return status_line(self.sync.status(), self.clock())

    def reload(self) -> None:
        """After making or joining a team here."""
        self.wait()
        self.sync.reload_identity()
        self.show_status()
        self.start()

    def show_status(self) -> None:
        """The status line, and who holds each case in the caseload (the team's children are
        not all this worker's)."""
        window = self.window
        if self.label is None and window is not None:
            self.label = TeamStatusLabel(self)
            window.statusBar().addPermanentWidget(self.label)
            caseload = getattr(window, "caseload", None)
            if caseload is not None:
                caseload.model.show_social_worker = True
                caseload.table.viewport().update()


class TeamStatusLabel(QLabel):
    """The quiet line in the status bar; kept fresh every half minute ("2 minutes ago")."""

    def __init__(self, runner: TeamRunner):
        super().__init__()
        self.setObjectName("Subtle")
        self.runner = runner
        self.setAccessibleName("Team sharing")
        runner.statusChanged.connect(self.setText)
        self._tick = QTimer(self, interval=30_000)
        self._tick.timeout.connect(lambda: self.setText(runner.status_text()))
        self._tick.start()
        self.setText(runner.status_text())


def attach_team(window: QMainWindow, **options: Any) -> TeamRunner:
    """The worker window's team sharing. The status line shows only once this laptop is in
    (or asking to join) a team; a window without a team is left exactly as it was."""
    store: CaseloadStore = window.store  # type: ignore[attr-defined]
    runner = TeamRunner(store, window, **options)
    runner.window = window
    if has_team(store.folder):
        runner.show_status()
        # A moment after the window is up: the first round reads this laptop's copy of the
        # team's records, which must not hold up the caseload's first paint.
        QTimer.singleShot(FIRST_ROUND_MS, runner.start)
    return runner
