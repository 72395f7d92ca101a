"""Start-up to the shown caseload with 1,000 children, against a bare QMainWindow start.

Whole processes, alternated in the same run; the median of several runs each.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import (  # noqa: E402
    app_command,
    bare_command,
    figure,
    gui_environment,
    make_caseload,
    median,
    wall_seconds,
)

RUNS = 7
TARGET_RATIO = 1.3


def main() -> None:
    env = gui_environment()
    with tempfile.TemporaryDirectory(prefix="lasting-home-bench-") as temp:
        folder = make_caseload(Path(temp) / "data", encrypted=True)
        # An empty folder too, to tell the fixed cost from the cost of 1,000 children.
        empty = make_caseload(Path(temp) / "empty", count=0, encrypted=True)
        app, bare, app_empty = app_command(folder), bare_command(), app_command(empty)
        for command in (app, bare, app_empty):
            wall_seconds(command, env)  # warm the file cache before timing
        app_times, bare_times, empty_times = [], [], []
        for _ in range(RUNS):
            app_times.append(wall_seconds(app, env))
            bare_times.append(wall_seconds(bare, env))
            empty_times.append(wall_seconds(app_empty, env))
    app_s, bare_s, empty_s = median(app_times), median(bare_times), median(empty_times)
    print(
        f"start-up, median of {RUNS}: app with 1,000 children {app_s:.3f} s, "
        f"app with none {empty_s:.3f} s, bare window {bare_s:.3f} s"
    )
    figure("startup_ratio_1000_children", app_s / bare_s, "x", "<=", TARGET_RATIO)


if __name__ == "__main__":
    main()
