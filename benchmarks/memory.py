"""Peak memory of the app showing 1,000 children, against a bare QMainWindow.

Each process runs inside its own small wrapper, so ru_maxrss is that one process's peak.
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
    peak_kib,
)

RUNS = 3
TARGET_RATIO = 1.3


def main() -> None:
    env = gui_environment()
    with tempfile.TemporaryDirectory(prefix="lasting-home-bench-") as temp:
        folder = make_caseload(Path(temp) / "data", encrypted=True)
        app_kib, bare_kib = [], []
        for _ in range(RUNS):
            app_kib.append(peak_kib(app_command(folder), env))
            bare_kib.append(peak_kib(bare_command(), env))
    app_mib, bare_mib = median(app_kib) / 1024, median(bare_kib) / 1024
    print(f"peak memory, median of {RUNS}: app {app_mib:.1f} MiB, bare window {bare_mib:.1f} MiB")
    figure("peak_memory_ratio_1000_children", app_mib / bare_mib, "x", "<=", TARGET_RATIO)


if __name__ == "__main__":
    main()
