"""Peak memory of the app showing 1,000 children, against a bare QMainWindow.

Each process runs inside its own small wrapper, so ru_maxrss is that one process's peak. The
app is given its passphrase, shows the caseload until it says who needs attention, and closes
(closing checks the backup, as every close does). Two more lines say where the memory goes:
the app on its unlock screen, and the worker window on an empty folder.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import (  # noqa: E402
    app_command,
    bare_command,
    compile_the_code,
    figure,
    gui_environment,
    make_caseload,
    median,
    peak_kib,
)

RUNS = 3
TARGET_RATIO = 1.5


def main() -> None:
    compile_the_code()
    env, waiting = gui_environment(), gui_environment(passphrase=False)
    with tempfile.TemporaryDirectory(prefix="lasting-home-bench-") as temp:
        folder = make_caseload(Path(temp) / "data", encrypted=True)
        empty = make_caseload(Path(temp) / "empty", count=0, encrypted=True)
        app_kib, bare_kib, screen_kib, empty_kib = [], [], [], []
        for _ in range(RUNS):
            app_kib.append(peak_kib(app_command(folder), env))
            bare_kib.append(peak_kib(bare_command(), env))
            screen_kib.append(peak_kib(app_command(folder), waiting))
            empty_kib.append(peak_kib(app_command(empty), env))
    app_mib, bare_mib = median(app_kib) / 1024, median(bare_kib) / 1024
    print(
        f"peak memory, median of {RUNS}: app with 1,000 children {app_mib:.1f} MiB, "
        f"on its unlock screen {median(screen_kib) / 1024:.1f} MiB, worker window on an "
        f"empty folder {median(empty_kib) / 1024:.1f} MiB, bare window {bare_mib:.1f} MiB"
    )
    figure("peak_memory_ratio_1000_children", app_mib / bare_mib, "x", "<=", TARGET_RATIO)


if __name__ == "__main__":
    main()
