"""One app per data folder. The operating system drops the lock when a process dies, so a
crash never leaves a stale lock that blocks the next start."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from .file_roles import LOCK_NAME
from .safe_files import StorageWriteError, cannot_write_message

__all__ = ["LOCK_NAME", "DataFolderLock", "FolderInUse"]


def _computer_name() -> str:
    # os.uname rather than the platform module, which costs start-up time for one string.
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "this computer")


class FolderInUse(Exception):
    """Another Lasting Home window already has this data folder open."""

    def __init__(self, folder: Path, holder: str):
        self.folder = folder
        self.holder = holder
        super().__init__(
            "Lasting Home is already open on this computer with the same data folder"
            f"{f' ({holder})' if holder else ''}. Please switch to that window; two windows on "
            "one folder could overwrite each other's work."
        )


class DataFolderLock:
    def __init__(self, folder: Path):
        self.path = Path(folder) / LOCK_NAME
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """FolderInUse if another process holds it; StorageWriteError (with the kind message)
        if the folder cannot be written at all."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held while locked)
        except OSError as error:
            raise StorageWriteError(
                cannot_write_message(self.path.parent, "Lasting Home cannot work in it"), error
            ) from error
        try:
            _lock(handle)
        except OSError:
            try:
                handle.seek(0)
                holder = handle.read().strip()[:200]
            except OSError:  # Windows will not read a locked region
                holder = ""
            handle.close()
            raise FolderInUse(self.path.parent, holder) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()} on {_computer_name()}")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            try:
                _unlock(self._handle)
            finally:
                self._handle.close()
                self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> DataFolderLock:
        self.acquire()
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


if sys.platform.startswith("win"):
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
