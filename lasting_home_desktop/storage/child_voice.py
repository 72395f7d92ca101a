"""Where the child's voice and the worker's PIN are kept in the caseload store."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from typing import Any

from ..domain.child_voice import ChildVoice
from ..domain.together_settings import TogetherSettings
from .caseload import CaseloadStore
from .unlock_tries import wait_after

SECTION = "child_voice"
PIN_KEY = "worker_pin"
PIN_TRIES_KEY = "worker_pin_tries"
PIN_MIN = 4
PIN_MAX = 12
# The PINs people choose most often (published studies of leaked PINs): refused outright.
COMMON_PINS = frozenset(
    {
        "1212",
        "1004",
        "2000",
        "6969",
        "1122",
        "1313",
        "4321",
        "2001",
        "1010",
        "2580",
        "0852",
        "5683",
        "1379",
        "7410",
        "1470",
        "0007",
        "1998",
        "1999",
        "2020",
        "2468",
        "1357",
    }
)
# scrypt cost: about 50 ms on a laptop, slow enough to make guessing a stolen hash costly.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class ChildVoiceRecords:
    """Loads and saves one child's voice; each save is one crash-safe write."""

    def __init__(self, store: CaseloadStore):
        self.store = store

    def load(self, child_id: str) -> ChildVoice:
        return ChildVoice.from_dict(self.store.section(SECTION, child_id))

    def save(self, child_id: str, voice: ChildVoice) -> None:
        self.store.save_section(SECTION, child_id, voice.to_dict())


def together_settings(store: CaseloadStore, child_id: str) -> TogetherSettings:
    return TogetherSettings.from_dict(store.section(TogetherSettings.SECTION, child_id))


def save_together_settings(store: CaseloadStore, child_id: str, settings: TogetherSettings) -> None:
    store.save_section(TogetherSettings.SECTION, child_id, settings.to_dict())


class PinProblem(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.kind_message = message


def pin_problem(pin: str) -> str | None:
    """A kind message when a new PIN is not usable, else None."""
    if not pin.isdigit() or not pin.isascii():
        return "Please use numbers only for the PIN."
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        return f"Please choose a PIN of {PIN_MIN} to {PIN_MAX} numbers."
    if is_easy_pin(pin):
        return (
            "That PIN would be easy for someone to guess (like 1111, 1234 or 1212). Please "
            "choose numbers that don't follow a pattern, and keep them to yourself."
        )
    return None


def is_easy_pin(pin: str) -> bool:
    """One number repeated, a run up or down, a short pattern repeated, or a very common PIN."""
    digits = [int(c) for c in pin]
    steps = {b - a for a, b in zip(digits, digits[1:], strict=False)}
    if len(steps) == 1 and steps <= {-2, -1, 0, 1, 2}:
        return True
    for size in range(1, len(pin) // 2 + 1):
        if len(pin) % size == 0 and pin[:size] * (len(pin) // size) == pin:
            return True
    return pin in COMMON_PINS


class WorkerPin:
    """The worker's PIN for leaving together mode, kept only as a salted scrypt hash.

    After five wrong PINs each next try waits longer (30 s, then a minute, two...), as for the
    passphrase; the count is kept in the data folder, so closing the app does not reset it."""

    def __init__(self, store: CaseloadStore, clock: Callable[[], float] = time.time):
        self.store = store
        self._clock = clock

    def is_set(self) -> bool:
        value = self.store.folder_value(PIN_KEY)
        return isinstance(value, dict) and bool(value.get("hash"))

    def set(self, pin: str) -> None:
        problem = pin_problem(pin)
        if problem:
            raise PinProblem(problem)
        salt = secrets.token_bytes(16)
        self.store.save_folder_value(
            PIN_KEY,
            {
                "scheme": "scrypt",
                "salt": salt.hex(),
                **_SCRYPT,
                "hash": _scrypt(pin, salt, _SCRYPT).hex(),
            },
        )

    def seconds_to_wait(self) -> int:
        """How long before the next PIN may be tried (0: now)."""
        _wrong, until = self._tries()
        return max(0, int(round(until - self._clock() + 0.49)))

    def try_pin(self, pin: str) -> bool:
        """Check a PIN typed to leave, counting wrong ones; False while a wait is on."""
        if self.seconds_to_wait():
            return False
        if self.check(pin):
            if self._tries() != (0, 0.0):
                self.store.save_folder_value(PIN_TRIES_KEY, None)
            return True
        wrong = self._tries()[0] + 1
        wait = wait_after(wrong)
        until = self._clock() + wait if wait else 0.0
        self.store.save_folder_value(PIN_TRIES_KEY, {"wrong": wrong, "wait_until": until})
        return False

    def _tries(self) -> tuple[int, float]:
        value = self.store.folder_value(PIN_TRIES_KEY)
        try:
            return int(value["wrong"]), float(value["wait_until"])
        except (TypeError, KeyError, ValueError):
            return 0, 0.0

    def check(self, pin: str) -> bool:
        value = self.store.folder_value(PIN_KEY)
        if not isinstance(value, dict) or value.get("scheme") != "scrypt":
            return False
        try:
            params = {"n": int(value["n"]), "r": int(value["r"]), "p": int(value["p"])}
            expected = bytes.fromhex(value["hash"])
            got = _scrypt(pin, bytes.fromhex(value["salt"]), params)
        except (KeyError, ValueError, TypeError):
            return False
        return hmac.compare_digest(expected, got)


def _scrypt(pin: str, salt: bytes, params: dict[str, Any]) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=params["n"], r=params["r"], p=params["p"], dklen=32
    )
