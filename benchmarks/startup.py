"""Start-up: the unlock screen against a bare QMainWindow start, and the caseload of 1,000
children after the passphrase has been typed.

Whole processes, alternated in the same run; the median of several runs each.

1. The unlock screen, on a folder of 1,000 children: the app process from start until the
   screen has been shown, against a process that imports PySide6 and shows an empty window.
2. From the moment the key has been derived from the typed passphrase until the caseload has
   been painted (typed_unlock.py drives the real unlock screen, after a pause for typing).
   Deriving the key is the floor (about 0.3 s at the real cost, in encryption.py); this
   folder's cheap derivation takes about a millisecond.
3. For comparison with earlier figures: the whole process given its passphrase on the command
   line, until the caseload says who needs attention, with 1,000 children and with none.
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
    run_output,
    typed_unlock_command,
    wall_seconds,
)

SCREEN_RUNS = 11
TYPED_RUNS = 7
WHOLE_RUNS = 5
SCREEN_TARGET_RATIO = 1.3
CASELOAD_TARGET_MS = 100


def unlock_screen(folder: Path) -> None:
    waiting, given = gui_environment(passphrase=False), gui_environment()
    app, bare = app_command(folder), bare_command()
    wall_seconds(app, waiting), wall_seconds(bare, given)  # warm the file cache first
    app_times, bare_times = [], []
    for _ in range(SCREEN_RUNS):
        app_times.append(wall_seconds(app, waiting))
        bare_times.append(wall_seconds(bare, given))
    app_s, bare_s = median(app_times), median(bare_times)
    print(
        f"unlock screen, median of {SCREEN_RUNS}: app {app_s * 1000:.0f} ms, "
        f"bare window {bare_s * 1000:.0f} ms"
    )
    figure("unlock_screen_ratio", app_s / bare_s, "x", "<=", SCREEN_TARGET_RATIO)


def caseload_after_key(folder: Path) -> None:
    env = gui_environment(passphrase=False, exit_when_ready=False)
    painted, flagged = [], []
    for _ in range(TYPED_RUNS):
        to_paint, to_flags = run_output(typed_unlock_command(folder), env).split()
        painted.append(float(to_paint))
        flagged.append(float(to_flags))
    print(
        f"after key derivation, median of {TYPED_RUNS}: caseload painted {median(painted):.0f} "
        f"ms, who needs attention shown {median(flagged):.0f} ms"
    )
    figure("caseload_ms_after_key_1000_children", median(painted), "ms", "<=", CASELOAD_TARGET_MS)


def whole_process(folder: Path, empty: Path) -> None:
    env = gui_environment()
    full, none = [], []
    for _ in range(WHOLE_RUNS):
        full.append(wall_seconds(app_command(folder), env))
        none.append(wall_seconds(app_command(empty), env))
    print(
        f"given the passphrase, to the caseload with who needs attention, median of "
        f"{WHOLE_RUNS}: 1,000 children {median(full):.3f} s, none {median(none):.3f} s"
    )


def main() -> None:
    compile_the_code()
    with tempfile.TemporaryDirectory(prefix="lasting-home-bench-") as temp:
        folder = make_caseload(Path(temp) / "data", encrypted=True)
        # An empty folder too, to tell the fixed cost from the cost of 1,000 children.
        empty = make_caseload(Path(temp) / "empty", count=0, encrypted=True)
        unlock_screen(folder)
        caseload_after_key(folder)
        whole_process(folder, empty)


if __name__ == "__main__":
    main()
