"""The Qt binding survives a long session: PySide6 6.12.0 on Python 3.11 aborted the process
after about 5,000 calls of methods that return nothing (a few seconds of drawing)."""

import os
import subprocess
import sys

CALLS = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for number in range(100_000):
    label.setText("x")  # returns nothing: each call once dropped a reference to None
    label.setEnabled(number % 2 == 0)
print("done")
"""


def test_a_hundred_thousand_calls_that_return_nothing_do_not_crash():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", CALLS], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "done"
