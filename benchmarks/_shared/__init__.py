"""What the benchmarks share: a 1,000-child data folder, the bare-window floor, timing."""

from __future__ import annotations

import compileall
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

# The copy of the code these benchmarks sit beside, whichever one the environment installed.
CHECKOUT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(CHECKOUT))

from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.crypto import ScryptCost  # noqa: E402
from lasting_home_desktop.storage.example_caseload import add_example_children  # noqa: E402
from lasting_home_desktop.storage.folder_sealing import first_passphrase  # noqa: E402

CHILDREN = 1000
TODAY = dt.date(2026, 11, 22)

# The floor for start-up and memory: an empty QMainWindow, shown, quitting once the event loop
# runs, exactly as the app does when LASTING_HOME_EXIT_WHEN_READY is set.
BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 720)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""

# Runs one command and prints only its peak memory, so ru_maxrss belongs to that one process.
PEAK_MEMORY = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(done.returncode)
"""


# The app opens on its unlock screen; with the passphrase given it unlocks straight away and
# shows the caseload, which is what start-up and memory measure. The passphrase's key
# derivation is made deliberately slow (about 0.3 s) to resist guessing; that cost is measured
# on its own by encryption.py, so these folders use a cheap derivation to time the app itself.
PASSPHRASE = "benchmark passphrase, not a real one"
CHEAP_KEY_DERIVATION = ScryptCost(n=2**10, r=8, p=1)


def make_caseload(folder: Path, count: int = CHILDREN, encrypted: bool = False) -> Path:
    """A data folder holding `count` example children (with their sections); `encrypted` as
    the app makes it, unlocked by PASSPHRASE."""
    key = first_passphrase(folder, PASSPHRASE, CHEAP_KEY_DERIVATION).key if encrypted else None
    with CaseloadStore.open(folder, key=key) as store:
        add_example_children(store, TODAY, count=count, seed=1000)
    return folder


def compile_the_code() -> None:
    """Compile the package to bytecode first, as an installed app is: otherwise, where the
    environment says not to write bytecode, every run would compile every module again (the
    bare window's PySide6 is compiled already)."""
    compileall.compile_dir(CHECKOUT / "lasting_home_desktop", quiet=1)


def app_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "lasting_home_desktop", "--data-dir", str(folder)]


def typed_unlock_command(folder: Path) -> list[str]:
    """The app opened and unlocked as a worker does it (see typed_unlock.py)."""
    driver = Path(__file__).resolve().parent / "typed_unlock.py"
    return [sys.executable, str(driver), str(folder), PASSPHRASE]


def bare_command() -> list[str]:
    return [sys.executable, "-c", BARE_WINDOW]


def gui_environment(passphrase: bool = True, exit_when_ready: bool = True) -> dict[str, str]:
    """Offscreen. With `passphrase` the app unlocks at once; without, it waits on its unlock
    screen. With `exit_when_ready` it quits once its first screen is shown (the worker
    window once it says who needs attention)."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("LASTING_HOME_DATA", None)
    env.pop("LASTING_HOME_PASSPHRASE", None)
    env.pop("LASTING_HOME_EXIT_WHEN_READY", None)
    if passphrase:
        env["LASTING_HOME_PASSPHRASE"] = PASSPHRASE
    if exit_when_ready:
        env["LASTING_HOME_EXIT_WHEN_READY"] = "1"
    return env


def run_output(command: list[str], env: dict[str, str]) -> str:
    """What the command prints; a failed run stops the benchmark."""
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    _require_success(command, done)
    return done.stdout


def wall_seconds(command: list[str], env: dict[str, str]) -> float:
    """Whole-process time from start to exit; a failed run stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    _require_success(command, done)
    return elapsed


def peak_kib(command: list[str], env: dict[str, str]) -> int:
    done = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, *command], env=env, capture_output=True, text=True
    )
    _require_success(command, done)
    return int(done.stdout.split()[-1])


def median(values: list[float]) -> float:
    return statistics.median(values)


def figure(name: str, value: float, unit: str, op: str, target: float) -> None:
    print(f"FIGURE {name} {value:.2f} {unit} (target {op} {target:g})", flush=True)


def _require_success(command: list[str], done: subprocess.CompletedProcess) -> None:
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(command[:4])} ... exited with {done.returncode}:\n{done.stderr[-2000:]}"
        )
