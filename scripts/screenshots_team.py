"""Save PNGs of working as a team: the Team window before a team is made, the Team Manager's
view of the members with a child changed on two laptops, choosing what to keep, and the
caseload with who holds each case and the team's status line, at 1366 x 768.

Usage: python scripts/screenshots_team.py [output folder]   (default docs/screenshots)
Files: team-*.png.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.crypto import ScryptCost  # noqa: E402
from lasting_home_desktop.storage.example_caseload import add_example_children  # noqa: E402
from lasting_home_desktop.storage.team import setup  # noqa: E402
from lasting_home_desktop.ui.messages import RecordedMessages  # noqa: E402
from lasting_home_desktop.ui.theme import apply_worker_theme  # noqa: E402
from lasting_home_desktop.ui.worker.main_window import WorkerWindow  # noqa: E402
from lasting_home_desktop.ui.worker.team_clash_dialog import TeamClashDialog  # noqa: E402
from lasting_home_desktop.ui.worker.team_dialog import TeamDialog  # noqa: E402

TODAY = dt.date(2026, 11, 22)
setup.CODE_COST = ScryptCost(n=2**10)  # screenshots only: the code's cost is not shown


def save(widget: QWidget, out: Path, name: str, size: tuple[int, int]) -> None:
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(out / f"team-{name}.png"))
    print(out / f"team-{name}.png")


def settle(window: WorkerWindow) -> None:
    for _ in range(500):
        QApplication.processEvents()
        if not window.team.running:
            return
        time.sleep(0.01)


def sync(window: WorkerWindow) -> None:
    window.team.sync_now()
    settle(window)


def laptop(root: Path, name: str) -> WorkerWindow:
    store = CaseloadStore.open(root / name.replace(" ", "-"))
    store.audit.worker = name
    window = WorkerWindow(store, TODAY, RecordedMessages())
    window.team.sync.settle_seconds = 0
    return window


def main(out: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_worker_theme(app)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        manager, sam, ali = (laptop(root, n) for n in ("Joanne Kay", "Sam Okafor", "Ali Nowak"))
        add_example_children(manager.store, TODAY, count=4, seed=21)
        add_example_children(sam.store, TODAY, count=5, seed=22)
        dialog = TeamDialog(manager.team, RecordedMessages(), TODAY)
        dialog.team_name.setText("Fylde Children's Team")
        dialog.create_folder.setText(str(root / "Lasting Home - Fylde team"))
        dialog.create_worker.setText("Joanne Kay")
        save(dialog, out, "start", (720, 620))
        dialog.create()
        settle(manager)
        for worker in (sam, ali):
            code = dialog.invite()
            joining = TeamDialog(worker.team, RecordedMessages(), TODAY)
            joining.join_folder.setText(str(root / "Lasting Home - Fylde team"))
            joining.join_code.setText(code or "")
            joining.join()
            settle(worker)
            sync(manager)
            sync(worker)
        for window in (sam, manager, sam, ali):
            sync(window)
        child = manager.store.children()[0]
        for window, service in ((manager, "Fostering (North)"), (sam, "Fostering (Fylde)")):
            record = window.store.child(child.id)
            window.store.update_child(record.with_changes(service=service), TODAY)
        for window in (manager, sam, manager, ali):
            sync(window)
        dialog.refresh()
        save(dialog, out, "members", (720, 620))
        choosing = TeamClashDialog(manager.team, child.id, TODAY, RecordedMessages())
        choosing.pick(0)
        save(choosing, out, "choose", (760, 440))
        manager.resize(1366, 768)
        manager.show()
        manager.show_caseload()
        settle(manager)
        save(manager, out, "caseload", (1366, 768))
        for window in (manager, sam, ali):
            window.team.stop()
            window.close()
            window.store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
