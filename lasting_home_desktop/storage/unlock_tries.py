"""Counting wrong passphrases: after five, each next try waits longer (30 s, 60 s, 2 min...).

Kept in a small file beside the data (a count and a time, no one's details), so closing and
reopening the app does not reset the wait. The real protection against guessing is scrypt's
cost; this stops someone at the keyboard trying passphrase after passphrase.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from .crypto import UNLOCK_TRIES_NAME

FREE_TRIES = 5
FIRST_WAIT_SECONDS = 30
LONGEST_WAIT_SECONDS = 15 * 60


def wait_after(wrong_tries: int) -> int:
    """Seconds to wait before the next try: none for the first five, then 30 s, doubling."""
    if wrong_tries < FREE_TRIES:
        return 0
    return min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (wrong_tries - FREE_TRIES))


class UnlockTries:
    def __init__(self, folder: Path, clock: Callable[[], float] = time.time):
        self.path = Path(folder) / UNLOCK_TRIES_NAME
        self._clock = clock
        self.wrong, self.wait_until = self._load()

    def seconds_to_wait(self) -> int:
        return max(0, int(round(self.wait_until - self._clock() + 0.49)))

    def failed(self) -> int:
        """Note a wrong try; returns how many seconds to wait now (0 for the first five)."""
        self.wrong += 1
        wait = wait_after(self.wrong)
        if wait:
            self.wait_until = self._clock() + wait
        self._save()
        return wait

    def succeeded(self) -> None:
        self.wrong, self.wait_until = 0, 0.0
        self._save()

    def _load(self) -> tuple[int, float]:
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
            return int(saved["wrong"]), float(saved["wait_until"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0

    def _save(self) -> None:
        # Best effort: a read-only folder must not stop anyone unlocking.
        with contextlib.suppress(OSError):
            if self.wrong == 0:
                self.path.unlink(missing_ok=True)
            elif self.path.parent.is_dir():
                saved = {"wrong": self.wrong, "wait_until": self.wait_until}
                self.path.write_text(json.dumps(saved), encoding="utf-8")
