"""Saves PNGs of the worker screens (caseload, a child's page, the tracker, the child form)."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.example_caseload import add_example_children  # noqa: E402
from lasting_home_desktop.ui.messages import RecordedMessages  # noqa: E402
from lasting_home_desktop.ui.theme import apply_worker_theme  # noqa: E402
from lasting_home_desktop.ui.worker.child_form import ChildForm  # noqa: E402
from lasting_home_desktop.ui.worker.main_window import WorkerWindow  # noqa: E402

TODAY = dt.date(2026, 11, 22)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    apply_worker_theme(app)
    with tempfile.TemporaryDirectory() as folder:
        store = CaseloadStore.open(Path(folder))
        window = WorkerWindow(store, TODAY, RecordedMessages(), add_example_children)
        window.resize(1280, 800)
        window.show()
        window.first_start.grab().save(str(out / "worker-first-start.png"))
        window.add_example_children()
        app.processEvents()
        window.grab().save(str(out / "worker-caseload.png"))
        flagged = next(
            c for c in store.children() if c.journey.recommendation_sent and not c.journey.decision
        )
        window.open_child(flagged.id)
        app.processEvents()
        window.grab().save(str(out / "worker-child-page.png"))
        window.show_tracker()
        app.processEvents()
        window.grab().save(str(out / "worker-tracker.png"))
        form = ChildForm(TODAY, lambda c: c, store.child(flagged.id), window)
        form.show()
        app.processEvents()
        form.grab().save(str(out / "worker-child-form.png"))
        form.close()
        window.close()
        store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
