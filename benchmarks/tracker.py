"""The tracker with 2,500 children: opening it (every child's status, reasons, the rows and the
frozen name column, shown), sorting by a heading and filtering by a Team Manager; sorting is
also compared with Qt's own C++ sort of the same cells in a plain table, in the same run."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _shared import TODAY, figure, make_caseload, median  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from lasting_home_desktop.domain.tracker import TRACKER_HEADINGS, column_index  # noqa: E402
from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.ui.messages import RecordedMessages  # noqa: E402
from lasting_home_desktop.ui.theme import apply_worker_theme  # noqa: E402
from lasting_home_desktop.ui.worker.main_window import WorkerWindow  # noqa: E402

CHILDREN = 2500
RUNS = 7
TARGET_OPEN_MS = 1000
TARGET_SORT_MS = 150
TARGET_FILTER_MS = 200
TARGET_SORT_RATIO = 3.0
SORTED_BY = ("Days waiting", "Child", "Stage", "Needs attention", "Matching meeting")


def main() -> None:
    app = QApplication.instance() or QApplication([])
    apply_worker_theme(app)
    with tempfile.TemporaryDirectory(prefix="lasting-home-bench-") as temp:
        folder = make_caseload(Path(temp) / "data", count=CHILDREN)
        with CaseloadStore.open(folder) as store:
            opens, sorts, filters, floor = measure(app, store)
    print(
        f"tracker, {CHILDREN:,} children, median of {RUNS}: open {opens * 1000:.0f} ms, "
        f"sort {sorts * 1000:.1f} ms (plain Qt table {floor * 1000:.1f} ms), "
        f"filter {filters * 1000:.1f} ms"
    )
    figure("tracker_open_ms_2500_children", opens * 1000, "ms", "<=", TARGET_OPEN_MS)
    figure("tracker_sort_ms_2500_children", sorts * 1000, "ms", "<=", TARGET_SORT_MS)
    figure("tracker_sort_ratio_2500_children", sorts / floor, "x", "<=", TARGET_SORT_RATIO)
    figure("tracker_filter_ms_2500_children", filters * 1000, "ms", "<=", TARGET_FILTER_MS)


def measure(app: QApplication, store: CaseloadStore) -> tuple[float, float, float, float]:
    open_times, sort_times, filter_times, floor_times = [], [], [], []
    floor_view, floor_model = plain_table()
    for _ in range(RUNS):
        window = WorkerWindow(store, TODAY, RecordedMessages())
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        start = time.perf_counter()
        window.show_tracker()
        app.processEvents()  # painted, frozen column and all
        open_times.append(time.perf_counter() - start)
        table = window.tracker.table
        for heading in SORTED_BY:
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                start = time.perf_counter()
                table.sortByColumn(column_index(heading), order)
                app.processEvents()
                sort_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                floor_view.sortByColumn(TRACKER_HEADINGS.index(heading), order)
                app.processEvents()
                floor_times.append(time.perf_counter() - start)
        filters = window.tracker.filters
        for index in range(1, filters.team_manager.count()):
            start = time.perf_counter()
            filters.team_manager.setCurrentIndex(index)
            app.processEvents()
            filter_times.append(time.perf_counter() - start)
        window.close()
        window.deleteLater()
        app.processEvents()
    floor_view.close()
    return median(open_times), median(sort_times), median(filter_times), median(floor_times)


def plain_table() -> tuple[QTableView, QStandardItemModel]:
    """The floor: the same number of rows and columns of text in Qt's own model and view,
    sorted by Qt in C++."""
    model = QStandardItemModel(CHILDREN, len(TRACKER_HEADINGS))
    model.setHorizontalHeaderLabels(list(TRACKER_HEADINGS))
    for row in range(CHILDREN):
        for column in range(len(TRACKER_HEADINGS)):
            model.setItem(row, column, QStandardItem(f"{(row * 7919 + column) % 9973:05d}"))
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.resize(1366, 768)
    view.show()
    return view, model


if __name__ == "__main__":
    main()
