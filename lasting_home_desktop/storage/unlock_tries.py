"""Counting wrong passphrases: after five, each next try waits longer (30 s, 60 s, 2 min...), in
the app and on the command line alike.

Kept in a small file beside the data (a count and a time, no one's details), so closing and
reopening the app does not reset the wait. The record is keyed with this folder's key file, so
one edited by hand does not fit; a folder set up by this version always keeps it, so one that
is missing or does not fit was tampered with, and the longest wait applies. A wait is never
longer than the longest one, whatever the record says. The real protection against guessing is
scrypt's cost (and, for someone who copies the files, the laptop's disk encryption); this stops
someone at the keyboard trying passphrase after passphrase.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from pathlib import Path

from .crypto import SealBroken
from .file_roles import UNLOCK_TRIES_NAME
from .key_file import KEY_FORMAT, key_documents
from .safe_files import atomic_write

FREE_TRIES = 5
FIRST_WAIT_SECONDS = 30
LONGEST_WAIT_SECONDS = 15 * 60
_MOST_TRIES = 10_000
TAMPERED = (
    "The record of wrong passphrases was missing or had been changed, so Lasting Home waits "
    "the longest time before the next try."
)


def wait_after(wrong_tries: int) -> int:
    """Seconds to wait before the next try: none for the first five, then 30 s, doubling."""
    if wrong_tries < FREE_TRIES:
        return 0
    return min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** min(wrong_tries - FREE_TRIES, 20))


class UnlockTries:
    def __init__(self, folder: Path, clock: Callable[[], float] | None = None):
        self.folder = Path(folder)
        self.path = self.folder / UNLOCK_TRIES_NAME
        self._clock = clock or time.time
        self.tampered = False
        self.wrong, self.wait_until = self._load()

    def seconds_to_wait(self) -> int:
        left = min(self.wait_until - self._clock(), LONGEST_WAIT_SECONDS)
        return max(0, int(round(left + 0.49)))

    def failed(self) -> int:
        """Note a wrong try; returns how many seconds to wait now (0 for the first five)."""
        self.wrong = min(self.wrong + 1, _MOST_TRIES)
        wait = wait_after(self.wrong)
        if wait:
            self.wait_until = self._clock() + wait
        write_wait_record(self.folder, self.wrong, self.wait_until)
        return wait

    def succeeded(self) -> None:
        self.wrong, self.wait_until, self.tampered = 0, 0.0, False
        write_wait_record(self.folder, 0, 0.0)

    def _load(self) -> tuple[int, float]:
        saved = read_wait_record(self.folder)
        now = self._clock()
        if saved is None:
            if not keeps_wait_record(self.folder):
                return 0, 0.0  # a folder from an earlier version that never had a wrong try
            self.tampered = True
            return max(FREE_TRIES, 10), now + LONGEST_WAIT_SECONDS
        wrong, wait_until = saved
        # Never longer than the longest wait, whatever the file says (a clock set back, or an
        # edit): a huge time must not freeze the app.
        return min(max(wrong, 0), _MOST_TRIES), min(wait_until, now + LONGEST_WAIT_SECONDS)


# -- the record -----------------------------------------------------------------------------------


def _record_key(folder: Path) -> bytes | None:
    """A key for the record from this folder's key file, so a record made up by hand or taken
    from another folder does not fit. (It cannot stop someone who reads this code: that is
    what scrypt's cost is for.)"""
    try:
        document = key_documents(folder)[0]
    except (FileNotFoundError, SealBroken):
        return None
    material = json.dumps([document["passphrase"], document["recovery"]], sort_keys=True)
    return hashlib.sha256(b"lasting-home wait record\0" + material.encode()).digest()


def _check(key: bytes, wrong: int, wait_until: float) -> str:
    return hmac.new(key, f"{wrong}|{wait_until!r}".encode(), hashlib.sha256).hexdigest()


def read_wait_record(folder: Path) -> tuple[int, float] | None:
    """(wrong tries, wait until); None if the record is missing, changed or made up."""
    key = _record_key(folder)
    if key is None:
        return None
    try:
        saved = json.loads((Path(folder) / UNLOCK_TRIES_NAME).read_text(encoding="utf-8"))
        wrong, wait_until = saved["wrong"], saved["wait_until"]
        if isinstance(wrong, bool) or not isinstance(wrong, int):
            return None
        if isinstance(wait_until, bool) or not isinstance(wait_until, (int, float)):
            return None
        wait_until = float(wait_until)
        if not hmac.compare_digest(str(saved.get("check")), _check(key, wrong, wait_until)):
            return None
    except (OSError, ValueError, KeyError, TypeError, OverflowError):
        return None
    return wrong, wait_until


def write_wait_record(folder: Path, wrong: int, wait_until: float) -> None:
    """Best effort: a read-only folder must not stop anyone unlocking."""
    key = _record_key(folder)
    if key is None:
        return
    wait_until = float(wait_until)
    saved = {"wrong": wrong, "wait_until": wait_until, "check": _check(key, wrong, wait_until)}
    with contextlib.suppress(OSError):
        atomic_write(Path(folder) / UNLOCK_TRIES_NAME, json.dumps(saved).encode("utf-8"))


def keeps_wait_record(folder: Path) -> bool:
    """True for a folder set up (or brought up to date) by this version, which always keeps
    its record: a missing one was removed by someone."""
    try:
        return any(d.get("format") == KEY_FORMAT for d in key_documents(folder))
    except (FileNotFoundError, SealBroken):
        return False
