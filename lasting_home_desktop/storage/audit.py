"""The audit trail: who did what to which child's record, and when.

Append-only, one entry per line. Each entry carries the hash of the one before, so editing,
removing or reordering a line breaks the chain and `lasting-home check` says where. In an
encrypted folder each line is sealed as well, bound to its number, so a chain cannot be made up
or recomputed without the key, and the anchor (see anchor) keeps how many entries there are and
the last one's hash, so cutting the trail short or deleting it is noticed too. An entry is
written whole or not at all: a write that fails half-way (a full disk) is cut back, and half a
line left by a power cut is tidied before the next entry. Entries name the worker and the
child's id, never the child: after a record is deleted the fact stays and the data does not.
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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .anchor import (
    GENESIS,
    Anchor,
    OwedAnchor,
    anchor_guard,
    anchor_path,
    move_anchor,
    read_anchor,
    reading_guard,
    write_anchor,
)
from .crypto import FolderKey, SealBroken
from .file_roles import AUDIT_NAME
from .safe_files import (
    StorageWriteError,
    append_whole,
    describe_write_error,
    file_identity,
    fsync_folder,
    read_whole,
)

__all__ = ["ACTIONS", "AUDIT_NAME", "GENESIS", "AuditEntry", "AuditTrail", "entry_hash"]

_SEALED_LINE = b"S2:"
LEGACY_LINE = b"S:"  # sealed by an earlier version, without the binding
_NOT_SEALED = "it is not sealed, though this folder is encrypted, so Lasting Home did not write it"

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
    "team-created": "Made a team",
    "team-invited": "Made a join code for the team",
    "team-join-asked": "Asked to join a team",
    "team-joined": "Joined a team",
    "team-member-removed": "Removed a laptop from the team",
    "deleted-by-team": "Deleted by the team",
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
        legacy_ok: bool = False,
    ):
        """`legacy_ok`: lines from an earlier version are entries too (a folder not yet
        brought up to date); otherwise, in an encrypted folder, they are problems."""
        self.folder = Path(folder)
        self.path = self.folder / AUDIT_NAME
        self.key = key
        self.read_only = read_only
        self.legacy_ok = legacy_ok
        self.worker = ""  # set once the worker has said who they are at unlock
        self._clock = clock
        # Where the chain ended after this trail's last write (file identity, count, hash):
        # while the file is unchanged the next entry follows on without reading a year's trail.
        self._end: tuple[tuple[int, int, int, int], int, str] | None = None
        self.owed: OwedAnchor | None = None  # the store's save that this entry also anchors

    def now(self) -> dt.datetime:
        """The time as this trail writes it down."""
        return self._clock()

    # -- writing -------------------------------------------------------------------------------

    def record(self, action: str, child_id: str = "", detail: str = "") -> AuditEntry | None:
        """Append one entry, whole or not at all. A read-only look writes nothing (and returns
        None). The file is held while the last entry is read and the new one written, so a
        command-line task writing at the same moment as the app cannot fork the chain."""
        written = self.record_many([(action, child_id, detail)])
        return written[0] if written else None

    def record_many(self, items: list[tuple[str, str, str]]) -> list[AuditEntry]:
        """Append several entries (action, child id, detail) in one write, all or none: a
        save that changed many children costs one read of the chain's end and one fsync."""
        if self.read_only or not items:
            return []
        try:
            new_file = not self.path.exists()
            with anchor_guard(self.folder) as handle:
                count, prev = self._chain_end(handle.fileno())
                entries, encoded = [], []
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
                    count += 1
                    entries.append(entry)
                    encoded.append(self.encode_line(entry, count) + b"\n")
                    prev = entry.hash
                append_whole(handle.fileno(), b"".join(encoded))
                self._end = (file_identity(handle.fileno()), count, prev)
                self._move_anchor(count, prev)
            if new_file:
                fsync_folder(self.folder)
        except StorageWriteError:
            raise
        except OSError as error:
            raise StorageWriteError(_audit_problem(error), error) from error
        return entries

    def tidy(self) -> bool:
        """Tidy half an entry left at the end by a power cut (done by whoever opens the folder
        to write). True if anything was cut."""
        if self.read_only or not self.path.exists():
            return False
        with anchor_guard(self.folder) as handle:
            before = os.fstat(handle.fileno()).st_size
            return len(self._tidied(handle.fileno())) != before

    def catch_up_anchor(self) -> None:
        """When the anchor is first made for a folder whose trail already has entries (written
        by an earlier version), it starts from the whole trail."""
        if self.key is None or self.read_only:
            return
        with anchor_guard(self.folder) as handle:
            lines = [line for line in self._tidied(handle.fileno()).split(b"\n") if line.strip()]
            try:
                anchor = read_anchor(self.folder, self.key) or Anchor()
            except SealBroken:
                return
            if len(lines) > anchor.audit_count:
                moved = anchor.with_audit(len(lines), self._last_hash(lines))
                write_anchor(self.folder, self.key, moved)

    def _chain_end(self, fd: int) -> tuple[int, str]:
        """How many entries the trail holds and the last one's hash (the file held)."""
        if self._end is not None and self._end[0] == file_identity(fd):
            return self._end[1], self._end[2]
        self._end = None
        raw = self._tidied(fd)
        lines = [line for line in raw.split(b"\n") if line.strip()]
        return len(lines), self._last_hash(lines)

    def _tidied(self, fd: int) -> bytes:
        """The file's bytes, with a partial last line completed (if it is a whole entry) or
        cut off (if it is not), while the caller holds the file."""
        raw = read_whole(fd)
        if not raw or raw.endswith(b"\n"):
            return raw
        cut = raw.rfind(b"\n") + 1
        if self.decode_line(raw[cut:], _count_lines(raw[:cut]) + 1, legacy=True)[0] is not None:
            append_whole(fd, b"\n")
            return raw + b"\n"
        os.ftruncate(fd, cut)
        os.fsync(fd)
        return raw[:cut]

    def _move_anchor(self, count: int, last_hash: str) -> None:
        # Only where the anchor already exists: it is made with the first sealed database, so
        # a folder not yet brought up to date is not made to look like one that was.
        if self.key is not None and anchor_path(self.folder).exists():
            move_anchor(self.folder, self.key, count, last_hash, self.owed)

    # -- reading -------------------------------------------------------------------------------

    def entries(self) -> list[AuditEntry]:
        """Every entry that can be read, oldest first."""
        return [entry for _, entry, _problem in self._lines() if entry is not None]

    def verify(self, anchor: Anchor | None = None) -> list[str]:
        """Plain sentences saying where the chain is broken, and whether it is shorter than
        the folder's anchor (its own file, and `anchor` if given: the database's copy) says;
        empty when it is whole."""
        problems: list[str] = []
        expected = GENESIS
        with reading_guard(self.folder):  # the trail and its anchor as one moment left them
            lines = self._lines()
            anchor = self._anchor(anchor)
        for number, entry, problem in lines:
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
        return problems + self._anchor_problems(lines, anchor)

    def _anchor(self, given: Anchor | None) -> Anchor:
        """The longest trail the anchor file or the database's copy (`given`) knows of."""
        anchor = given or Anchor()
        if self.key is not None:
            with contextlib.suppress(SealBroken):
                anchor = (read_anchor(self.folder, self.key) or Anchor()).with_audit(
                    anchor.audit_count, anchor.audit_hash
                )
        return anchor

    def _anchor_problems(
        self, lines: list[tuple[int, AuditEntry | None, str]], anchor: Anchor
    ) -> list[str]:
        if self.key is None:
            return []
        wanted = anchor.audit_count
        if wanted == 0:
            return []
        if not self.path.exists():
            return [f"The audit trail is missing: this folder has written {wanted:,} entries."]
        if len(lines) < wanted:
            return [
                f"The audit trail has been cut short: it holds {len(lines):,} entries, but this "
                f"folder has written {wanted:,}."
            ]
        entry = lines[wanted - 1][1]
        if entry is not None and entry.hash != anchor.audit_hash:
            return [f"The audit trail has been replaced: entry {wanted} is not the one written."]
        if len(lines) > wanted + 1:  # one more is a write cut off before the anchor moved
            return [
                f"The audit trail holds {len(lines):,} entries, but the folder's anchor knows "
                f"only {wanted:,}: the anchor, and the records with it, may have been put back "
                "from an older copy."
            ]
        return []

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

    def _last_hash(self, lines: list[bytes]) -> str:
        # The last line that can be read (lines from an earlier version too, for the chain).
        for number in range(len(lines), 0, -1):
            entry, _ = self.decode_line(lines[number - 1], number, legacy=True)
            if entry is not None:
                return entry.hash
        return GENESIS

    def encode_line(self, entry: AuditEntry, number: int) -> bytes:
        text = json.dumps(entry.to_dict(), ensure_ascii=False, separators=(",", ":"))
        if self.key is None:
            return text.encode("utf-8")
        sealed = self.key.seal(text.encode("utf-8"), role="audit", name=str(number))
        return _SEALED_LINE + base64.b64encode(sealed)

    def _lines(self) -> list[tuple[int, AuditEntry | None, str]]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        out: list[tuple[int, AuditEntry | None, str]] = []
        for line in raw.split(b"\n"):
            if line.strip():
                number = len(out) + 1
                out.append((number, *self.decode_line(line, number, legacy=self.legacy_ok)))
        return out

    def decode_line(
        self, line: bytes, number: int, *, legacy: bool
    ) -> tuple[AuditEntry | None, str]:
        try:
            if line.startswith(_SEALED_LINE):
                if self.key is None:
                    return None, "it is sealed and no key was given"
                sealed = base64.b64decode(line[len(_SEALED_LINE) :], validate=True)
                line = self.key.open_sealed(sealed, role="audit", name=str(number))
            elif line.startswith(LEGACY_LINE):
                if self.key is None:
                    return None, "it is sealed and no key was given"
                if not legacy:
                    return None, "it was sealed by an earlier version and not brought up to date"
                line = self.key.open_legacy(base64.b64decode(line[len(LEGACY_LINE) :]))
            elif self.key is not None and not legacy:
                return None, _NOT_SEALED
            data = json.loads(line.decode("utf-8"))
            return AuditEntry(**{k: str(data[k]) for k in AuditEntry.__dataclass_fields__}), ""
        except SealBroken:
            return None, "it has been changed since it was written, or moved"
        except (ValueError, KeyError, TypeError):
            return None, "it has been changed or cut short"


def _count_lines(raw: bytes) -> int:
    return sum(1 for line in raw.split(b"\n") if line.strip())


def _audit_problem(error: OSError) -> str:
    why = describe_write_error(error, Path(AUDIT_NAME))
    return f"The audit trail could not be written, so this was not done. {why}"


def _spreadsheet_safe(text: str) -> str:
    # A cell starting with = + - @ would run as a formula in Excel.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
