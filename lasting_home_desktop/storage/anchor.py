"""The folder's anchor: how many times the database has been saved (its generation) and how
long the audit trail is (its count of entries and the last one's hash).

It is kept sealed in two places: inside the database itself, and in its own small file beside
it. Someone without the key cannot make either up, so a database older than the anchor (an
older copy put back) or an audit trail shorter than it (lines or the whole file removed) is
noticed. Every change of the anchor file is made while holding the audit file's lock, so the
app saving and a command-line task writing an audit entry at the same moment never undo each
other's numbers.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .crypto import FolderKey, SealBroken
from .file_roles import ANCHOR_NAME, AUDIT_NAME
from .safe_files import atomic_write

GENESIS = "0" * 64
ANCHOR_TABLE = "_anchor"  # the same numbers, inside the database


@dataclass(frozen=True)
class Anchor:
    generation: int = 0
    audit_count: int = 0
    audit_hash: str = GENESIS

    def to_dict(self) -> dict[str, Any]:
        return {
            "generation": self.generation,
            "audit_count": self.audit_count,
            "audit_hash": self.audit_hash,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Anchor:
        """ValueError unless `data` is an anchor as Lasting Home writes it."""
        if not isinstance(data, dict):
            raise ValueError("not an anchor")
        generation, count, last = (
            data.get("generation"),
            data.get("audit_count"),
            data.get("audit_hash"),
        )
        if not (isinstance(generation, int) and isinstance(count, int) and generation >= 0):
            raise ValueError("not an anchor")
        if count < 0 or not isinstance(last, str) or len(last) != 64:
            raise ValueError("not an anchor")
        return cls(generation, count, last)

    def with_audit(self, count: int, last_hash: str) -> Anchor:
        """The longer of the two audit trails known: an anchor never goes back."""
        if count < self.audit_count:
            return self
        return replace(self, audit_count=count, audit_hash=last_hash)


class OwedAnchor:
    """A generation the database file has and the anchor file has not been told of yet.
    The store's save leaves it to the audit entry that follows (one small flushed write of the
    anchor instead of two); `settle` writes it when no entry follows. Until then the anchor is
    behind the database, never ahead of it, as after a power cut between the two."""

    def __init__(self, folder: Path, key: FolderKey):
        self.folder = Path(folder)
        self.key = key
        self.generation: int | None = None

    def owe(self, generation: int) -> None:
        self.generation = max(self.generation or 0, generation)

    def folded_into(self, anchor: Anchor) -> Anchor:
        if self.generation is None:
            return anchor
        return replace(anchor, generation=max(anchor.generation, self.generation))

    def settle(self) -> None:
        """Tell the anchor file now (while nothing is owed, nothing is written)."""
        if self.generation is None:
            return
        with anchor_guard(self.folder):
            write_anchor(
                self.folder, self.key, self.folded_into(current_anchor(self.folder, self.key))
            )
        self.generation = None


def anchor_path(folder: Path) -> Path:
    return Path(folder) / ANCHOR_NAME


def read_anchor(folder: Path, key: FolderKey) -> Anchor | None:
    """The anchor file's numbers; None if there is none; SealBroken if it was changed."""
    path = anchor_path(folder)
    try:
        sealed = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise SealBroken(f"The anchor {path}") from error
    opened = key.open_sealed(sealed, role="anchor", name=ANCHOR_NAME, what=f"The anchor {path}")
    try:
        return Anchor.from_dict(json.loads(opened.decode("utf-8")))
    except (ValueError, UnicodeDecodeError):
        raise SealBroken(f"The anchor {path}") from None


def write_anchor(folder: Path, key: FolderKey, anchor: Anchor) -> None:
    """Only while holding `anchor_guard`. The folder itself is not flushed: if a power cut
    loses the rename, the previous anchor stays whole, and it is never ahead of what it
    anchors (the database and the audit trail are written, and flushed, first)."""
    payload = json.dumps(anchor.to_dict()).encode("utf-8")
    sealed = key.seal(payload, role="anchor", name=ANCHOR_NAME)
    atomic_write(anchor_path(folder), sealed, sync_folder=False)


def move_anchor(
    folder: Path, key: FolderKey, count: int, last_hash: str, owed: OwedAnchor | None
) -> None:
    """Tell the anchor file of the audit trail's new end, and of the save `owed` (if any)
    that the entry followed. Only while holding `anchor_guard`."""
    owing = owed is not None and owed.generation is not None
    try:
        anchor = read_anchor(folder, key) or Anchor()
    except SealBroken:
        if not owing:
            return  # reported by check; the entry itself is written
        anchor = Anchor()  # a save writes a fresh anchor over a damaged one
    if owed is not None:
        anchor = owed.folded_into(anchor)
    write_anchor(folder, key, anchor.with_audit(count, last_hash))
    if owed is not None:
        owed.generation = None


def current_anchor(folder: Path, key: FolderKey) -> Anchor:
    """The anchor file's numbers, or nothing known (a missing or damaged anchor is reported by
    `check` and on opening; a writer carries on from what it knows itself)."""
    try:
        return read_anchor(folder, key) or Anchor()
    except SealBroken:
        return Anchor()


def database_anchor(tables: dict[str, Any]) -> Anchor | None:
    """The numbers a database carries inside itself; None for one from an earlier version."""
    table = tables.get(ANCHOR_TABLE)
    if not isinstance(table, dict) or "1" not in table:
        return None
    try:
        return Anchor.from_dict(table["1"])
    except ValueError:
        return None


@contextlib.contextmanager
def anchor_guard(folder: Path) -> Iterator[io.BufferedRandom]:
    """The audit file, open and locked: the one lock every writer of the anchor (and of the
    audit trail) holds, waited for, since writes take milliseconds."""
    with open(Path(folder) / AUDIT_NAME, "a+b") as handle, held_exclusively(handle):
        yield handle


@contextlib.contextmanager
def reading_guard(folder: Path) -> Iterator[None]:
    """The same lock, for a reader that must see the database, the anchor and the audit trail
    as one moment left them (a look while the app saves). Creates nothing: without an audit
    file there is nothing to hold."""
    try:
        handle = open(Path(folder) / AUDIT_NAME, "rb")  # noqa: SIM115 (held while locked)
    except OSError:
        yield
        return
    with handle, held_exclusively(handle):
        yield


@contextlib.contextmanager
def held_exclusively(handle: Any) -> Iterator[None]:
    """An exclusive lock on an open file, waited for."""
    if sys.platform.startswith("win"):
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
        try:
            yield
        finally:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
