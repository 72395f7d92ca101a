"""Encrypting a data folder made before encryption, in place, and opening it afterwards.

Every plain file is replaced, one at a time and atomically, by its sealed copy. A plain file
is recognised by its missing magic, so a crash part-way leaves a mix of sealed and plain
files that all still read, and the next unlock simply carries on. Nothing is ever decrypted
to a temporary plain file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .crypto import (
    DEFAULT_COST,
    KEY_FILE_NAME,
    UNLOCK_TRIES_NAME,
    FolderKey,
    NewFolderKey,
    ScryptCost,
    is_encrypted_folder,
    is_sealed,
    set_up_folder_key,
    unlock_folder,
    unlock_with_recovery_key,
)
from .last_worker import LAST_WORKER_NAME
from .lock import LOCK_NAME
from .safe_files import TEMP_SUFFIX, atomic_write

# Files in the folder that are not data: the key file (wrapped keys only), the lock, the count
# of wrong passphrases and the last worker's name.
_NOT_DATA = {KEY_FILE_NAME, LOCK_NAME, UNLOCK_TRIES_NAME, LAST_WORKER_NAME}


def data_files(folder: Path) -> Iterator[Path]:
    """Every file that holds data: the database, backups, media, the audit trail."""
    folder = Path(folder)
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name in _NOT_DATA or path.name.endswith(TEMP_SUFFIX):
            continue
        yield path


def plain_files(folder: Path) -> list[Path]:
    """Data files not sealed yet (the audit trail when any of its lines is plain)."""
    from .audit import AUDIT_NAME, has_plain_lines

    out = []
    for path in data_files(folder):
        if path.name == AUDIT_NAME:
            if has_plain_lines(path):
                out.append(path)
            continue
        with open(path, "rb") as handle:
            if not is_sealed(handle.read(16)):
                out.append(path)
    return out


def seal_plain_files(folder: Path, key: FolderKey) -> int:
    """Seal every plain data file in place; returns how many. Safe to stop at any moment and
    run again. The audit trail is sealed line by line by its own module."""
    from .audit import AUDIT_NAME, seal_plain_lines

    sealed = 0
    for path in plain_files(folder):
        if path.name == AUDIT_NAME:
            if seal_plain_lines(path, key):
                sealed += 1
            continue
        atomic_write(path, key.seal(path.read_bytes()))
        sealed += 1
    return sealed


def needs_passphrase(folder: Path) -> bool:
    """True once the folder has been given a passphrase (its key file exists)."""
    return is_encrypted_folder(Path(folder))


def first_passphrase(
    folder: Path, passphrase: str, cost: ScryptCost = DEFAULT_COST
) -> NewFolderKey:
    """Give a folder (new, or made before encryption) its passphrase. Its files are
    encrypted when the store next opens it with the key (under the folder's lock). The
    recovery key in the result must be shown to the worker once."""
    return set_up_folder_key(Path(folder), passphrase, cost)


def unlock(folder: Path, passphrase: str) -> FolderKey:
    """The folder's key; WrongPassphrase if the passphrase does not fit."""
    return unlock_folder(Path(folder), passphrase)


def unlock_by_recovery_key(folder: Path, recovery_key: str) -> FolderKey:
    return unlock_with_recovery_key(Path(folder), recovery_key)
