"""Crash-safe file writes: a power cut at any moment leaves either the old or the new file."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from pathlib import Path

from ..domain.ids import new_id

TEMP_SUFFIX = ".lh-tmp"


class StorageWriteError(OSError):
    """Saving failed; nothing already saved was harmed. `kind_message` says what to do."""

    def __init__(self, kind_message: str, cause: OSError | None = None):
        super().__init__(cause.errno if cause else errno.EIO, kind_message)
        self.kind_message = kind_message


def atomic_write(
    path: Path, data: bytes, *, sync_folder: bool = True, durable: bool = True
) -> None:
    """Write to a temporary file beside `path`, flush, fsync, replace, then fsync the folder.
    `sync_folder=False` where losing the rename in a power cut is harmless (the old file, whole,
    stays): it saves one disk flush. `durable=False` waits for the disk not at all, for a file
    that can be made again if a power cut spoils it (the team cache)."""
    path = Path(path)
    temp = new_temp_path(path)
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        _replace_with_retry(temp, path)
        if durable and sync_folder:
            fsync_folder(path.parent)
    except OSError as error:
        _remove_quietly(temp)
        raise StorageWriteError(describe_write_error(error, path), error) from error


def create_exclusively(path: Path, data: bytes) -> None:
    """Write a new file whole, crash-safely, only if nothing is at `path` yet: written to a
    temporary file, then linked into place, so an existing file is never replaced (not even by
    a writer racing this one). FileExistsError if something is there."""
    path = Path(path)
    temp = new_temp_path(path)
    try:
        with open(temp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temp, path)
        except FileExistsError:
            raise
        except OSError:
            # No hard links here (some network drives): a rename that refuses to replace.
            if path.exists():
                raise FileExistsError(path) from None
            os.rename(temp, path)
        fsync_folder(path.parent)
    finally:
        _remove_quietly(temp)


def new_temp_path(path: Path) -> Path:
    """A temporary name beside `path`, cleaned away at the next start if a crash leaves it."""
    return path.with_name(f".{path.name}.{os.getpid()}.{new_id(8)}{TEMP_SUFFIX}")


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no folder handles to sync."""
    if sys.platform.startswith("win"):
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_whole(fd: int) -> bytes:
    """All of an open file, from the start, whatever its position."""
    size = os.fstat(fd).st_size
    return os.pread(fd, size, 0) if hasattr(os, "pread") else _read_from_start(fd, size)


def _read_from_start(fd: int, size: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks, left = [], size
    while left > 0:
        chunk = os.read(fd, left)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def file_identity(fd: int) -> tuple[int, int, int, int]:
    """Which file this is and how it stands (device, inode, size, time): any write changes it."""
    status = os.fstat(fd)
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def append_whole(fd: int, data: bytes) -> None:
    """All of `data` at the end of the file, or none of it: a failure part-way (the disk is
    full) cuts the file back to where it was."""
    size = os.fstat(fd).st_size
    try:
        written = 0
        while written < len(data):
            written += os.write(fd, data[written:])
        os.fsync(fd)
    except OSError:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, size)
            os.fsync(fd)
        raise


def clean_stray_temp_files(folder: Path) -> int:
    """Remove temporary files a crash left behind; they never hold the only good copy."""
    removed = 0
    if not folder.is_dir():
        return 0
    for stray in folder.rglob(f"*{TEMP_SUFFIX}"):
        if stray.is_file():
            _remove_quietly(stray)
            removed += 1
    return removed


def cannot_write_message(folder: Path, what: str = "this change was not saved") -> str:
    """The one message for a folder that is read-only or not ours to write."""
    return (
        f"The data folder {folder} cannot be written (it may be read-only, or belong to "
        f"another user), so {what}. Nothing has been lost. Everything saved before is safe. "
        "Check the folder is not read-only, or choose another data folder."
    )


def is_not_writable(error: OSError) -> bool:
    return error.errno in (errno.EACCES, errno.EPERM, errno.EROFS)


def _replace_with_retry(source: Path, target: Path) -> None:
    # Windows refuses to replace a file another program (a virus scanner, a backup tool) has
    # open for a moment; try again briefly before giving up.
    delay = 0.02
    for attempt in range(8):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == 7 or not sys.platform.startswith("win"):
                raise
            time.sleep(delay)
            delay *= 2


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)


def describe_write_error(error: OSError, path: Path) -> str:
    """What went wrong writing `path`, kindly, and that what was saved before is safe."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            "The disk is full, so this change could not be saved. Everything saved before it "
            "is safe. Free some space (empty the recycle bin, move large files) and try again."
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return cannot_write_message(path.parent)
    return (
        f"This change could not be saved ({error.strerror or error}). Everything saved before "
        "it is safe. Please try again."
    )
