"""The name of the last worker who unlocked this folder, so the unlock screen offers it next
time. The worker's own name only (it is in the audit trail anyway); no child's details."""

from __future__ import annotations

import contextlib
from pathlib import Path

from .file_roles import LAST_WORKER_NAME
from .safe_files import atomic_write

__all__ = ["LAST_WORKER_NAME", "last_worker", "remember_worker"]
_LONGEST = 200


def last_worker(folder: Path) -> str:
    with contextlib.suppress(OSError, UnicodeDecodeError):
        return (Path(folder) / LAST_WORKER_NAME).read_text(encoding="utf-8").strip()[:_LONGEST]
    return ""


def remember_worker(folder: Path, name: str) -> None:
    """Best effort: a read-only folder must not stop anyone unlocking."""
    name = " ".join(name.split())[:_LONGEST]
    if not name or name == last_worker(folder):
        return
    with contextlib.suppress(OSError):
        atomic_write(Path(folder) / LAST_WORKER_NAME, name.encode("utf-8"))
