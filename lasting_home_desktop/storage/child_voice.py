"""Where the child's voice and the worker's PIN are kept in the caseload store."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from ..domain.child_voice import ChildVoice
from .caseload import CaseloadStore

SECTION = "child_voice"
PIN_KEY = "worker_pin"
PIN_MIN = 4
PIN_MAX = 12
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
    return None


class WorkerPin:
    """The worker's PIN for leaving together mode, kept only as a salted scrypt hash."""

    def __init__(self, store: CaseloadStore):
        self.store = store

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
