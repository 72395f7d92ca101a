"""Saving one child's change with 1,000 children stored, against encoding the same data with
the store's own JSON encoder plus an atomic write of it (the least any crash-safe save can
cost), in the same run. json.dumps, the standard library's encoder the store used before, is
timed alongside for comparison. Also the time to open the data folder and list the 1,000
children."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import TODAY, figure, make_caseload, median  # noqa: E402

from lasting_home_desktop.storage.caseload import DATABASE_NAME, CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.crash_safe import json_dumps, load_database_file  # noqa: E402
from lasting_home_desktop.storage.safe_files import atomic_write  # noqa: E402

SAVES = 40
OPENS = 7
TARGET_SAVE_RATIO = 1.25
TARGET_OPEN_MS = 300


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="lasting-home-bench-") as temp:
        folder = make_caseload(Path(temp) / "data")
        save_s, floor_s, stdlib_s = measure_saves(folder)
        open_s = measure_opens(folder)
    print(
        f"one save, median of {SAVES}: store {save_s * 1000:.2f} ms, "
        f"its encoder + atomic write {floor_s * 1000:.2f} ms, "
        f"json.dumps + atomic write {stdlib_s * 1000:.2f} ms"
    )
    figure("save_ratio_1000_children", save_s / floor_s, "x", "<=", TARGET_SAVE_RATIO)
    figure("open_1000_children", open_s * 1000, "ms", "<=", TARGET_OPEN_MS)


def measure_saves(folder: Path) -> tuple[float, float, float]:
    floor_file = folder / "floor.json"
    store_times, floor_times, stdlib_times = [], [], []
    with CaseloadStore.open(folder) as store:
        child = store.children()[len(store.children()) // 2]
        for step in range(SAVES):
            # Alternate the two so both meet the same disk and cache conditions.
            changed = child.with_changes(service=f"Fostering, step {step}")
            start = time.perf_counter()
            store.update_child(changed, TODAY)
            store_times.append(time.perf_counter() - start)

            tables = load_database_file(folder / DATABASE_NAME)
            start = time.perf_counter()
            atomic_write(floor_file, json_dumps(tables))
            floor_times.append(time.perf_counter() - start)

            start = time.perf_counter()
            atomic_write(floor_file, json.dumps(tables, separators=(",", ":")).encode("utf-8"))
            stdlib_times.append(time.perf_counter() - start)
    return median(store_times), median(floor_times), median(stdlib_times)


def measure_opens(folder: Path) -> float:
    times = []
    for _ in range(OPENS):
        start = time.perf_counter()
        store = CaseloadStore.open(folder)
        children = store.children()
        times.append(time.perf_counter() - start)
        store.close()
        assert len(children) == 1000
    return median(times)


if __name__ == "__main__":
    main()
