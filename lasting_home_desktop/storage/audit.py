"""The audit trail: who did what to which child's record, and when.

Append-only, one entry per line. Each entry carries the hash of the one before, so editing,
removing or reordering a line breaks the chain and `lasting-home check` says where. In an
encrypted folder each line is sealed as well. Entries name the worker and the child's id,
never the child: after a record is deleted the fact stays and the data does not.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .crypto import FolderKey, SealBroken
from .safe_files import StorageWriteError, atomic_write, fsync_folder

AUDIT_NAME = "lasting-home.audit"
GENESIS = "0" * 64
_SEALED_LINE = b"S:"

# What a worker can do that is written down, and how it reads in the Team Manager's view.
ACTIONS: dict[str, str] = {
    "unlocked": "Unlocked Lasting Home",
    "opened": "Opened a child's record",
    "added": "Added a child's record",
    "changed": "Changed a child's record",
    "exported": "Exported documents",
    "printed": "Printed documents",
    "deleted": "Deleted a child's record",
    "restored": "Restored",
    "handed-over": "Handed over a child's record",
    "received": "Received a handed-over record",
    "audit-exported": "Exported the audit trail",
    "recovery-key-used": "Used the recovery key",
    "passphrase-changed": "Changed the passphrase",
    "form-made": "Made a form for a partner or the carers",
    "received-form": "Filed a returned form",
}


@dataclass(frozen=True)
class AuditEntry:
    time: str
    worker: str
    action: str
    child_id: str
    detail: str
    prev_hash: str
    hash: str

    @property
    def action_text(self) -> str:
        return ACTIONS.get(self.action, self.action)

    @property
    def when(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.time)

    def to_dict(self) -> dict[str, str]:
        return {
            "time": self.time,
            "worker": self.worker,
            "action": self.action,
            "child_id": self.child_id,
            "detail": self.detail,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


def entry_hash(fields: dict[str, Any]) -> str:
    body = {k: fields[k] for k in ("time", "worker", "action", "child_id", "detail", "prev_hash")}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class AuditTrail:
    def __init__(
        self,
        folder: Path,
        key: FolderKey | None = None,
        *,
        read_only: bool = False,
        clock: Callable[[], dt.datetime] = _now,
    ):
        self.path = Path(folder) / AUDIT_NAME
        self.key = key
        self.read_only = read_only
        self.worker = ""  # set once the worker has said who they are at unlock
        self._clock = clock

    # -- writing -------------------------------------------------------------------------------

    def record(self, action: str, child_id: str = "", detail: str = "") -> AuditEntry | None:
        """Append one entry. A read-only look writes nothing (and returns None). The file is
        held while the last entry is read and the new one written, so a command-line task
        writing at the same moment as the app cannot fork the chain."""
        written = self.record_many([(action, child_id, detail)])
        return written[0] if written else None

    def record_many(self, items: list[tuple[str, str, str]]) -> list[AuditEntry]:
        """Append several entries (action, child id, detail) in one write: a save that changed
        many children costs one read of the chain's end and one fsync."""
        if self.read_only or not items:
            return []
        try:
            new_file = not self.path.exists()
            with open(self.path, "a+b") as handle, _held(handle):
                handle.seek(0)
                prev = self._last_hash_in(handle.read())
                entries, lines = [], []
                for action, child_id, detail in items:
                    fields = {
                        "time": self._clock().isoformat(),
                        "worker": self.worker.strip()[:200] or "(name not given)",
                        "action": action,
                        "child_id": child_id,
                        "detail": detail[:500],
                        "prev_hash": prev,
                    }
                    entry = AuditEntry(**fields, hash=entry_hash(fields))
                    entries.append(entry)
                    lines.append(self._encode(entry) + b"\n")
                    prev = entry.hash
                handle.seek(0, os.SEEK_END)
                handle.write(b"".join(lines))
                handle.flush()
                os.fsync(handle.fileno())
            if new_file:
                fsync_folder(self.path.parent)
        except OSError as error:
            raise StorageWriteError(
                "The audit trail could not be written, so this was not done. Please try again.",
                error,
            ) from error
        return entries

    # -- reading -------------------------------------------------------------------------------

    def entries(self) -> list[AuditEntry]:
        """Every entry that can be read, oldest first."""
        out = []
        for _, entry, _problem in self._lines():
            if entry is not None:
                out.append(entry)
        return out

    def verify(self) -> list[str]:
        """Plain sentences saying where the chain is broken; empty when it is whole."""
        problems: list[str] = []
        expected = GENESIS
        for number, entry, problem in self._lines():
            if entry is None:
                problems.append(f"Audit entry {number} cannot be read: {problem}.")
                expected = ""  # the next link cannot be checked against an unreadable one
                continue
            if entry_hash(entry.to_dict()) != entry.hash:
                problems.append(f"Audit entry {number} ({entry.time}) has been changed.")
            elif expected and entry.prev_hash != expected:
                problems.append(
                    f"Audit entry {number} ({entry.time}) does not follow the one before it: "
                    "an entry has been removed, added or moved."
                )
            expected = entry.hash
        return problems

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["When", "Worker", "What", "Child id", "Detail", "Hash"])
        for entry in self.entries():
            writer.writerow(
                [
                    entry.when.strftime("%d/%m/%Y %H:%M:%S"),
                    _spreadsheet_safe(entry.worker),
                    entry.action_text,
                    entry.child_id,
                    _spreadsheet_safe(entry.detail),
                    entry.hash,
                ]
            )
        return out.getvalue()

    # -- inside --------------------------------------------------------------------------------

    def _last_hash_in(self, raw: bytes) -> str:
        # Only the last readable line is opened; a line cut short by a power cut is skipped
        # (and `verify` reports it).
        for line in reversed(raw.split(b"\n")):
            if line.strip():
                entry, _ = self._decode(line)
                if entry is not None:
                    return entry.hash
        return GENESIS

    def _encode(self, entry: AuditEntry) -> bytes:
        text = json.dumps(entry.to_dict(), ensure_ascii=False, separators=(",", ":"))
        if self.key is None:
            return text.encode("utf-8")
        return _SEALED_LINE + base64.b64encode(self.key.seal(text.encode("utf-8")))

    def _lines(self) -> list[tuple[int, AuditEntry | None, str]]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        out: list[tuple[int, AuditEntry | None, str]] = []
        for number, line in enumerate(raw.split(b"\n"), start=1):
            if not line.strip():
                continue
            out.append((number, *self._decode(line)))
        return out

    def _decode(self, line: bytes) -> tuple[AuditEntry | None, str]:
        try:
            if line.startswith(_SEALED_LINE):
                if self.key is None:
                    return None, "it is sealed and no key was given"
                line = self.key.open_sealed(base64.b64decode(line[len(_SEALED_LINE) :]))
            data = json.loads(line.decode("utf-8"))
            return AuditEntry(**{k: str(data[k]) for k in AuditEntry.__dataclass_fields__}), ""
        except SealBroken:
            return None, "it has been changed since it was written"
        except (ValueError, KeyError, TypeError):
            return None, "it has been changed or cut short"


@contextlib.contextmanager
def _held(handle: io.BufferedRandom) -> Iterator[None]:
    """An exclusive lock on the open audit file, waited for (writes take milliseconds)."""
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


def has_plain_lines(path: Path) -> bool:
    return any(line.startswith(b"{") for line in Path(path).read_bytes().split(b"\n"))


def seal_plain_lines(path: Path, key: FolderKey) -> bool:
    """Seal the plain lines of an audit trail made before encryption (one atomic rewrite).
    The hashes are over each entry's content, so the chain stays whole."""
    lines = Path(path).read_bytes().split(b"\n")
    if not any(line.startswith(b"{") for line in lines):
        return False
    out = [
        _SEALED_LINE + base64.b64encode(key.seal(line)) if line.startswith(b"{") else line
        for line in lines
    ]
    atomic_write(Path(path), b"\n".join(out))
    return True


def _spreadsheet_safe(text: str) -> str:
    # A cell starting with = + - @ would run as a formula in Excel.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
