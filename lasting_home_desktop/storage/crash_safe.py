"""TinyDB storage that never leaves a half-written database behind.

TinyDB's own JSONStorage rewrites the file in place, so a crash mid-write corrupts it. Ours
writes a whole new file and swaps it in. It also keeps the last good state in memory, so reads
cost nothing and a save costs one encoding to JSON plus the write.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from .anchor import (
    ANCHOR_TABLE,
    Anchor,
    OwedAnchor,
    anchor_guard,
    anchor_path,
    current_anchor,
    database_anchor,
    write_anchor,
)
from .crypto import FolderKey, NotSealed, SealBroken, is_sealed, seal_with, sealed_version
from .safe_files import StorageWriteError, atomic_write

READ_ONLY_MESSAGE = (
    "This data folder was opened only to read it, so nothing can be changed here. "
    "Everything saved is safe."
)
NOT_ENCRYPTED_REASON = (
    "it is not encrypted, though this folder is, so Lasting Home did not write it (it may "
    "have been put there by someone without the passphrase)"
)


class DamagedDatabase(Exception):
    """The database file exists but cannot be read. It is never overwritten."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class LoadedDatabase:
    tables: dict[str, Any]
    anchor: Anchor | None  # the numbers it carries; None for one from an earlier version
    # The file's contents as read and opened, so the backup check need not read them again.
    plain: bytes = field(default=b"", repr=False, compare=False)


def load_database_file(
    path: Path, key: FolderKey | None = None, role: str = "database"
) -> dict[str, Any] | None:
    """The parsed tables, None if there is no file yet, or DamagedDatabase saying what is
    wrong. In an encrypted folder (`key`) only a file sealed as this `role` and its own name
    opens (a backup is sealed as "backup", so it cannot stand in for the database)."""
    loaded = load_database(path, key, role)
    return None if loaded is None else loaded.tables


def load_database(
    path: Path, key: FolderKey | None = None, role: str = "database"
) -> LoadedDatabase | None:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise DamagedDatabase(path, f"it could not be read ({error.strerror or error})") from error
    if key is not None:
        try:
            raw = key.open_sealed(raw, role=role, name=path.name)
        except NotSealed:
            raise DamagedDatabase(path, NOT_ENCRYPTED_REASON) from None
        except SealBroken:
            raise DamagedDatabase(path, _seal_problem(raw, role)) from None
    elif is_sealed(raw):
        raise DamagedDatabase(path, "it is protected by a passphrase and no key was given")
    data = _parsed(path, raw)
    anchor = database_anchor(data) if key is not None else None
    data.pop(ANCHOR_TABLE, None)
    return LoadedDatabase(data, anchor, raw)


def _seal_problem(raw: bytes, role: str) -> str:
    if sealed_version(raw) == 1:
        return (
            "it was sealed by an earlier version of Lasting Home and is not listed to be "
            "brought up to date, so it may be an old copy put back"
        )
    what = "the database" if role == "database" else f"a {role} file"
    return (
        f"it has been changed or damaged since it was saved, or it is not {what} of this "
        "folder (a file put in its place)"
    )


def _parsed(path: Path, raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        raise DamagedDatabase(path, "the file is empty")
    try:
        data = json_loads(raw)
    except UnicodeDecodeError:
        raise DamagedDatabase(path, "the file is not text (it may be corrupted)") from None
    except json.JSONDecodeError as error:
        raise DamagedDatabase(
            path, f"the file is cut short or corrupted (at character {error.pos:,})"
        ) from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise DamagedDatabase(path, "the file does not hold Lasting Home data")
    return data


# The whole database is encoded at every save and parsed at every open, so this is the
# faster encoder (orjson, several times quicker than json.dumps on a big caseload). Anything it
# refuses (text with a lone surrogate, a number beyond 64 bits, a value that is not JSON) goes
# to the standard library, which writes or refuses it exactly as before; both read each
# other's files.
_STRICT = (
    orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
)


def json_dumps(tables: Any) -> bytes:
    """Compact UTF-8 JSON of `tables`."""
    try:
        return orjson.dumps(tables, option=_STRICT)
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(tables, separators=(",", ":")).encode("utf-8")


def json_loads(raw: bytes) -> Any:
    """The parsed JSON; UnicodeDecodeError or json.JSONDecodeError as the standard library
    says them (with the position) for a file that is not JSON."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw.decode("utf-8"))


def encode_database(
    tables: dict[str, Any],
    key: FolderKey | None,
    anchor: Anchor | None,
    *,
    role: str = "database",
    name: str,
) -> bytes:
    """The file's bytes: sealed as `role` and `name`, carrying `anchor`, in an encrypted
    folder; plain JSON in a plain one."""
    if key is not None and anchor is not None:
        tables = {**tables, ANCHOR_TABLE: {"1": anchor.to_dict()}}
    payload = json_dumps(tables)
    return seal_with(key, payload, role=role, name=name)


def write_database(
    path: Path,
    tables: dict[str, Any],
    key: FolderKey | None,
    generation: int = 0,
    owed: OwedAnchor | None = None,
) -> Anchor | None:
    """Save the database whole (the one way it is written). In an encrypted folder it gets the
    next generation, above both `generation` (the writer's own) and the anchor's, and the
    anchor file follows it, both under the anchor's lock; with `owed`, the anchor file is
    told later (by the audit entry that follows the save). Returns the new anchor."""
    path = Path(path)
    if key is None:
        atomic_write(path, encode_database(tables, None, None, name=path.name))
        return None
    with anchor_guard(path.parent):
        if not anchor_path(path.parent).exists():
            # The first sealed save: an anchor that knows of no save yet comes first, so a
            # crash between the two writes leaves a database that is never "older".
            write_anchor(path.parent, key, Anchor())
        known = current_anchor(path.parent, key)
        anchor = Anchor(max(known.generation, generation) + 1, known.audit_count, known.audit_hash)
        atomic_write(path, encode_database(tables, key, anchor, name=path.name))
        if owed is None:
            write_anchor(path.parent, key, anchor)
        else:
            owed.owe(anchor.generation)
    return anchor


class CrashSafeStorage(Storage):
    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        initial: dict[str, Any] | None = None,
        key: FolderKey | None = None,
        generation: int = 0,
        **_: Any,
    ) -> None:
        """`initial`: the tables the opener already read (and migrated), so the file is not
        parsed twice. `read_only` refuses every write; it keeps a copy of `initial` to fall
        back on, since the file on disk may be an older version migrated only in memory.
        `key` seals every write (and opens what is read); without it the file stays plain.
        `generation`: how many times the database had been saved when it was opened."""
        self.path = Path(path)
        self.key = key
        self.read_only = read_only
        self._initial = json_dumps(initial) if (read_only and initial is not None) else None
        self._state: dict[str, Any] | None = initial
        self._deferred = False
        self._dirty = False
        self.generation = generation
        # Whether anything has been saved since opening: closing backs up only a changed file.
        self.written = False
        # Set by the store, whose audit entries tell the anchor file after each save.
        self.owed: OwedAnchor | None = None

    def read(self) -> dict[str, Any] | None:
        if self._state is None:
            if self._initial is not None:
                self._state = json_loads(self._initial)
            else:
                self._state = load_database_file(self.path, self.key)
        return self._state

    def write(self, data: dict[str, Any]) -> None:
        if self._deferred:
            self._state = data
            self._dirty = True
            return
        self._write_now(data)

    def update_document(self, table: str, doc_id: int, fields: dict[str, Any]) -> None:
        """One document's fields changed, as TinyDB's update by id does it, without rebuilding
        the whole table twice around it (a thousand children, at every save). The caller
        clears the table's query cache."""
        data = self.read()
        if data is None or str(doc_id) not in data.get(table, {}):
            raise KeyError(f"{table} {doc_id}")
        data[table][str(doc_id)].update(fields)
        self.write(data)

    def begin(self) -> None:
        """Keep changes in memory until commit(): several changes land in one write."""
        self._deferred = True
        self._dirty = False

    def commit(self) -> None:
        self._deferred = False
        if self._dirty and self._state is not None:
            self._dirty = False
            self._write_now(self._state)

    def rollback(self) -> None:
        self._deferred = False
        self._dirty = False
        self._state = None  # the file still holds the state before begin()

    def _write_now(self, data: dict[str, Any]) -> None:
        try:
            if self.read_only:
                raise StorageWriteError(READ_ONLY_MESSAGE)
            # Inside the try: data that is not JSON must not stay in the cache either.
            anchor = write_database(self.path, data, self.key, self.generation, self.owed)
        except Exception:
            # TinyDB changed the cached dict in place before calling us; the disk still holds
            # the last good state, so forget the cache and read that back next time.
            self._state = None
            raise
        self._state = data
        self.written = True
        if anchor is not None:
            self.generation = anchor.generation

    def forget(self) -> None:
        """Drop the in-memory copy so the next read comes from disk."""
        self._state = None

    def close(self) -> None:
        self._state = None
