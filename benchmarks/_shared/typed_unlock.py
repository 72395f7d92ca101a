"""Run by startup.py, one process per run: the app opened on a data folder the way a worker
opens it. The unlock screen comes up; after a pause for typing, the name and passphrase go in
and Unlock is pressed. Prints two times in milliseconds, both from the moment the key has been
derived from the passphrase: until the caseload is first painted, and until it says who needs
attention.

    python typed_unlock.py DATA_FOLDER PASSPHRASE
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

# The copy of the code these benchmarks sit beside, whichever one the environment installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

import lasting_home_desktop.storage.folder_sealing as folder_sealing  # noqa: E402
from lasting_home_desktop.cli import main  # noqa: E402
from lasting_home_desktop.ui.unlock_screen import UnlockScreen  # noqa: E402
from lasting_home_desktop.ui.worker.caseload_view import WORKING_OUT  # noqa: E402

TYPING_MS = 1500  # a worker takes longer than this to type their name and passphrase
GIVE_UP_MS = 30_000


class Worker(QObject):
    """Types at the unlock screen and times what follows."""

    def __init__(self, passphrase: str):
        super().__init__()
        self.passphrase = passphrase
        self.key_derived = self.painted = self.flagged = 0.0
        real_unlock = folder_sealing.unlock

        def timed_unlock(folder: Path, secret: str) -> object:
            key = real_unlock(folder, secret)
            self.key_derived = time.perf_counter()
            return key

        # The unlock screen imports unlock from folder_sealing when the button is pressed.
        folder_sealing.unlock = timed_unlock

    def wait_for_the_screen(self) -> None:
        screens = [w for w in QApplication.topLevelWidgets() if isinstance(w, UnlockScreen)]
        if screens and screens[0].isVisible():
            QTimer.singleShot(TYPING_MS, lambda: self.type_into(screens[0]))
        else:
            QTimer.singleShot(10, self.wait_for_the_screen)

    def type_into(self, screen: UnlockScreen) -> None:
        screen.name.setText("Benchmark worker")
        screen.passphrase.setText(self.passphrase)
        # Pressing Unlock opens the folder and builds the window at once; it is painted once
        # the event loop runs again, which this filter on the caseload's rows sees.
        screen.unlock_button.click()
        _worker_window().caseload.table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.painting_done)  # once the whole window is painted
        return False

    def painting_done(self) -> None:
        self.painted = time.perf_counter()
        self.wait_for_the_flags()

    def wait_for_the_flags(self) -> None:
        count = _worker_window().caseload.count.text()
        if WORKING_OUT in count:
            QTimer.singleShot(1, self.wait_for_the_flags)
            return
        self.flagged = time.perf_counter()
        QApplication.instance().exit(0)


def _worker_window() -> QMainWindow:
    return next(w for w in QApplication.topLevelWidgets() if hasattr(w, "caseload"))


def run(folder: str, passphrase: str) -> int:
    app = QApplication(sys.argv[:1])
    worker = Worker(passphrase)
    QTimer.singleShot(0, worker.wait_for_the_screen)
    QTimer.singleShot(GIVE_UP_MS, lambda: app.exit(3))
    code = main(["--data-dir", folder])
    if code != 0 or not worker.flagged:
        print("the caseload never showed", file=sys.stderr)
        return code or 3
    to_paint = (worker.painted - worker.key_derived) * 1000
    to_flags = (worker.flagged - worker.key_derived) * 1000
    print(f"{to_paint:.1f} {to_flags:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2]))
