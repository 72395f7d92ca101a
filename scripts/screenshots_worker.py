"""Saves PNGs of the worker screens at 1366 × 768: the caseload with "This week", a child's page
with the timeline, the tracker, the team chart, a panel agenda, the child form and first start."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from lasting_home_desktop.domain.journey import DecisionRoute, Stage  # noqa: E402
from lasting_home_desktop.domain.matching_meeting import (  # noqa: E402
    MatchingMeeting,
    Recommendation,
)
from lasting_home_desktop.domain.panel import PanelBooking, Participation, monthly_dates  # noqa: E402
from lasting_home_desktop.storage.adults import AdultRecords  # noqa: E402
from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.example_caseload import add_example_children  # noqa: E402
from lasting_home_desktop.storage.status_facts import statuses_now  # noqa: E402
from lasting_home_desktop.ui.messages import RecordedMessages  # noqa: E402
from lasting_home_desktop.ui.theme import apply_worker_theme  # noqa: E402
from lasting_home_desktop.ui.worker.child_form import ChildForm  # noqa: E402
from lasting_home_desktop.ui.worker.main_window import WorkerWindow  # noqa: E402

TODAY = dt.date(2026, 11, 22)
SIZE = (1366, 768)


def settle(app: QApplication, seconds: float = 0.3) -> None:
    """Let layouts finish and the PDF preview draw its pages (it renders in the background)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def save(app: QApplication, widget: QWidget, path: Path, seconds: float = 0.3) -> None:
    settle(app, seconds)
    widget.grab().save(str(path))


def book_january_panel(store: CaseloadStore) -> dt.date:
    """The year's panel dates, and the children waiting for a panel booked onto January's, so
    the agenda shows slots, ways of taking part and papers in and missing."""
    records = AdultRecords(store)
    dates = monthly_dates(dt.date(2026, 10, 8), 12)  # second Thursdays, bank holidays skipped
    records.save_panel_dates(dates)
    january = dates[2]
    waiting = [
        status.child
        for status in statuses_now(store, TODAY)
        if status.child.route is DecisionRoute.PANEL and status.stage is Stage.MATCHING_HELD
    ]
    slots = (
        (dt.time(10, 30), (Participation.LETTER,)),
        (
            dt.time(16, 0),
            (
                Participation.IN_PERSON,
                Participation.DRAWING,
            ),
        ),
    )
    for child, (slot, ways) in zip(waiting, slots, strict=False):
        meeting = MatchingMeeting(recommendation=Recommendation.PROGRESS, minutes_complete=True)
        records.save(child.id, meeting)
        records.save_with_journey(
            child.id, PanelBooking(time_slot=slot, participation=ways), TODAY, visit=january
        )
    return january


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    apply_worker_theme(app)
    with tempfile.TemporaryDirectory() as folder:
        store = CaseloadStore.open(Path(folder))
        window = WorkerWindow(store, TODAY, RecordedMessages(), add_example_children)
        window.setWindowState(window.windowState() & ~window.windowState().WindowMaximized)
        window.resize(*SIZE)
        window.show()
        save(app, window.first_start, out / "worker-first-start.png")
        add_example_children(store, TODAY, count=24)
        january = book_january_panel(store)
        window.start_empty()
        save(app, window, out / "worker-caseload.png")
        flagged = next(
            c for c in store.children() if c.journey.recommendation_sent and not c.journey.decision
        )
        window.open_child(flagged.id)
        save(app, window, out / "worker-child-page.png")
        window.show_tracker()
        save(app, window, out / "worker-tracker.png")
        window.show_team_chart()
        save(app, window, out / "worker-team-chart.png")
        window.show_panel_agendas()
        window.panel_agendas.reload(january)
        save(app, window, out / "worker-panel-agenda.png", seconds=1.5)
        form = ChildForm(TODAY, lambda c: c, store.child(flagged.id), window)
        form.show()
        save(app, form, out / "worker-child-form.png")
        form.close()
        window.close()
        store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
