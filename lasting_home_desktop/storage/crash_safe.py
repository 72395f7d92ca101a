"""TinyDB storage that never leaves a half-written database behind.

TinyDB's own JSONStorage rewrites the file in place, so a crash mid-write corrupts it. Ours
writes a whole new file and swaps it in. It also keeps the last good state in memory, so reads
cost nothing and a save costs one json.dumps plus the write.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from .crypto import FolderKey, SealBroken, is_sealed, seal_with
from .safe_files import StorageWriteError, atomic_write

READ_ONLY_MESSAGE = (
    "This data folder was opened only to read it, so nothing can be changed here. "
    "Everything saved is safe."
)


class DamagedDatabase(Exception):
    """The database file exists but cannot be read. It is never overwritten."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def load_database_file(path: Path, key: FolderKey | None = None) -> dict[str, Any] | None:
    """The parsed file, None if there is none yet, or DamagedDatabase saying what is wrong.
    A sealed file is opened with `key`; a plain one (an older folder) is read as it is."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise DamagedDatabase(path, f"it could not be read ({error.strerror or error})") from error
    if is_sealed(raw):
        if key is None:
            raise DamagedDatabase(path, "it is protected by a passphrase and no key was given")
        try:
            raw = key.open_sealed(raw)
        except SealBroken:
            raise DamagedDatabase(
                path, "it has been changed or damaged since it was saved"
            ) from None
    if not raw.strip():
        raise DamagedDatabase(path, "the file is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DamagedDatabase(path, "the file is not text (it may be corrupted)") from None
    except json.JSONDecodeError as error:
        raise DamagedDatabase(
            path, f"the file is cut short or corrupted (at character {error.pos:,})"
        ) from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise DamagedDatabase(path, "the file does not hold Lasting Home data")
    return data


class CrashSafeStorage(Storage):
    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        initial: dict[str, Any] | None = None,
        key: FolderKey | None = None,
        **_: Any,
    ) -> None:
        """`initial`: the tables the opener already read (and migrated), so the file is not
        parsed twice. `read_only` refuses every write; it keeps a copy of `initial` to fall
        back on, since the file on disk may be an older version migrated only in memory.
        `key` seals every write (and opens what is read); without it the file stays plain."""
        self.path = Path(path)
        self.key = key
        self.read_only = read_only
        self._initial = json.dumps(initial) if (read_only and initial is not None) else None
        self._state: dict[str, Any] | None = initial
        self._deferred = False
        self._dirty = False

    def read(self) -> dict[str, Any] | None:
        if self._state is None:
            if self._initial is not None:
                self._state = json.loads(self._initial)
            else:
                self._state = load_database_file(self.path, self.key)
        return self._state

    def write(self, data: dict[str, Any]) -> None:
        if self._deferred:
            self._state = data
            self._dirty = True
            return
        self._write_now(data)

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
            payload = json.dumps(data, separators=(",", ":")).encode("utf-8")
            atomic_write(self.path, seal_with(self.key, payload))
        except Exception:
            # TinyDB changed the cached dict in place before calling us; the disk still holds
            # the last good state, so forget the cache and read that back next time.
            self._state = None
            raise
        self._state = data

    def forget(self) -> None:
        """Drop the in-memory copy so the next read comes from disk."""
        self._state = None

    def close(self) -> None:
        self._state = None
