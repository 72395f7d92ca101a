"""Save PNGs of the unlock screen (first run, recovery key, later, after wrong tries), the
together-mode waiting screen, the audit trail and the delete confirmation.

Usage: python scripts/screenshots_trust.py [output folder]   (default docs/screenshots)
Files: trust-*.png.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.crypto import ScryptCost  # noqa: E402
from lasting_home_desktop.storage.example_caseload import add_example_children  # noqa: E402
from lasting_home_desktop.storage.folder_sealing import first_passphrase  # noqa: E402
from lasting_home_desktop.ui.idle_lock import WaitingForWorker  # noqa: E402
from lasting_home_desktop.ui.messages import RecordedMessages  # noqa: E402
from lasting_home_desktop.ui.theme import apply_worker_theme  # noqa: E402
from lasting_home_desktop.ui.unlock_screen import UnlockScreen  # noqa: E402
from lasting_home_desktop.ui.worker.audit_view import AuditView  # noqa: E402
from lasting_home_desktop.ui.worker.handover_dialog import DeleteRecordDialog  # noqa: E402
from lasting_home_desktop.ui.worker.main_window import WorkerWindow  # noqa: E402
from lasting_home_desktop.ui.worker.trust_menu import TrustMenu  # noqa: E402

TODAY = dt.date(2026, 11, 22)
PASSPHRASE = "blue kettle on the windowsill"
QUICK = ScryptCost(n=2**12)  # screenshots only: no need to wait for the real cost


class NoLock:
    """The menu's lock controls, for a picture of the menu only."""

    idle = None

    def lock_now(self) -> None:
        pass

    def set_idle_minutes(self, minutes: int) -> int:
        return minutes


class StoppedClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def save(widget: QWidget, out: Path, name: str, size: tuple[int, int] = (900, 640)) -> None:
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(out / f"trust-{name}.png"))
    print(out / f"trust-{name}.png")


def main(out: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_worker_theme(app)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "data"
        screen = UnlockScreen(folder, cost=QUICK)
        screen.new_name.setText("Priya Shah")
        screen.new_passphrase.setText(PASSPHRASE)
        screen.repeat_passphrase.setText(PASSPHRASE)
        save(screen, out, "unlock-first-run")
        screen.set_up()
        save(screen, out, "recovery-key")
        screen.written_down.setChecked(True)
        screen.close()

        clock = StoppedClock()
        later = UnlockScreen(folder, clock=clock, cost=QUICK, worker="Priya Shah")
        save(later, out, "unlock")
        for _ in range(5):
            later.passphrase.setText("a wrong guess")
            later.try_unlock()
        save(later, out, "unlock-wrong-tries")
        later.close()

        waiting = WaitingForWorker()
        save(waiting, out, "waiting-for-worker", (1280, 800))
        waiting.close()

        key = first_passphrase(Path(temp) / "team", PASSPHRASE, QUICK).key
        with CaseloadStore.open(Path(temp) / "team", key=key) as store:
            children = add_example_children(store, TODAY, count=6, seed=11)
            moments = iter(dt.datetime(2026, 11, 22, 9, m) for m in range(0, 60, 4))
            store.audit._clock = lambda: next(moments)
            store.audit.worker = "Priya Shah"
            store.audit.record("unlocked")
            for child in children[:3]:
                store.audit.record("opened", child.id)
            store.audit.record("printed", children[0].id, "Later life letter")
            store.audit.record("exported", children[1].id, "Child's book (PDF)")
            store.audit.worker = "Mark Ellis"
            store.audit.record("unlocked")
            store.audit.record("handed-over", children[2].id, "Encrypted hand-over file")
            store.audit.record("deleted", "a1b2c3d4e5f60718", "Record, 6 section(s) removed")
            names = {c.id: c.display_name for c in children}
            view = AuditView(store.audit, RecordedMessages(), lambda i: names.get(i, ""))
            save(view, out, "audit-view", (1100, 560))
            view.close()
            window = WorkerWindow(store, TODAY, RecordedMessages())
            menu = TrustMenu(window, NoLock(), RecordedMessages())
            window.resize(1280, 800)
            window.show()
            window.open_child(children[0].id)
            QApplication.processEvents()
            menu.menu.popup(window.mapToGlobal(window.rect().center()))
            QApplication.processEvents()
            menu.menu.grab().save(str(out / "trust-menu.png"))
            print(out / "trust-menu.png")
            menu.menu.hide()
            window.close()
            dialog = DeleteRecordDialog(children[0])
            dialog.typed.setText(children[0].first_name)
            save(dialog, out, "delete-record", (620, 330))
            dialog.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
