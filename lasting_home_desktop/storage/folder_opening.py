"""Opening a data folder to work in: everything `CaseloadStore.open` does before the store
exists, under the folder's lock.

In order: take the lock; clear temporary files a crash left; in an encrypted folder, check
again (now that nothing else can change it) that the key given is this folder's, finish or
begin sealing what a sealed journal lists, load the database and refuse one that is plain,
sealed as something else, or older than the folder's anchor; migrate and save; make a missing
or damaged key file or copy again; tidy half an audit entry; take a backup. Any failure leaves
the folder as it was and releases the lock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .anchor import read_anchor, reading_guard
from .audit import AuditTrail
from .backups import BACKUP_FOLDER, DatabaseBackups
from .crash_safe import DamagedDatabase, LoadedDatabase, load_database, write_database
from .crypto import FolderKey, SealBroken, sealed_version
from .file_roles import ANCHOR_NAME, DATABASE_NAME
from .folder_sealing import bring_up_to_date, finish, is_earlier_version_folder
from .key_file import ensure_key_files, key_documents, key_fits_folder
from .lock import DataFolderLock
from .migrations import migrate
from .safe_files import (
    StorageWriteError,
    cannot_write_message,
    clean_stray_temp_files,
    describe_write_error,
    is_not_writable,
)
from .unlock_tries import keeps_wait_record, read_wait_record, write_wait_record

MISSING_ANCHOR = (
    f"the record of its last save ({ANCHOR_NAME}) is missing or damaged, so Lasting Home "
    "cannot tell whether this is the newest data"
)


@dataclass
class OpenedFolder:
    tables: dict[str, Any]
    generation: int
    lock: DataFolderLock
    notes: list[str] = field(default_factory=list)


def open_for_writing(folder: Path, key: FolderKey | None) -> OpenedFolder:
    """Raises FolderInUse, DamagedDatabase (nothing changed), NewerSchema, or
    StorageWriteError with a kind message (a folder that cannot be written among them)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageWriteError(
            f"Lasting Home could not create its data folder {folder} "
            f"({error.strerror or error}). Nothing has been lost. Please choose a folder you "
            "can write to.",
            error,
        ) from error
    lock = DataFolderLock(folder)
    lock.acquire()
    try:
        return _prepare(folder, key, lock)
    except OSError as error:
        lock.release()
        if isinstance(error, StorageWriteError):
            raise
        what = "Lasting Home cannot work in it" if is_not_writable(error) else ""
        message = (
            cannot_write_message(folder, what)
            if what
            else describe_write_error(error, folder / DATABASE_NAME)
        )
        raise StorageWriteError(message, error) from error
    except BaseException:
        lock.release()
        raise


def _prepare(folder: Path, key: FolderKey | None, lock: DataFolderLock) -> OpenedFolder:
    clean_stray_temp_files(folder)
    database = folder / DATABASE_NAME
    notes: list[str] = []
    if key is not None:
        _check_key(folder, key)
        try:
            notes += bring_up_to_date(folder, key)
        except SealBroken as broken:
            raise DamagedDatabase(database, f"{broken.what} cannot be read") from None
    loaded = load_database(database, key)
    if key is not None:
        check_anchor(folder, key, loaded)
    backups = DatabaseBackups(folder / BACKUP_FOLDER, database, key=key)
    tables = {} if loaded is None else loaded.tables
    generation = loaded.anchor.generation if loaded is not None and loaded.anchor else 0
    first_sealed = key is not None and (loaded is None or loaded.anchor is None)
    migrated = migrate(tables)
    rewritten = loaded is None or migrated or first_sealed
    if rewritten:
        if loaded is not None and migrated and loaded.tables:
            backups.take()  # the pre-migration state is one of the good ones
        anchor = write_database(database, tables, key, generation)
        generation = anchor.generation if anchor is not None else 0
        if first_sealed:
            AuditTrail(folder, key).catch_up_anchor()  # entries from before the anchor
    if key is not None:
        finish(folder)
        if keeps_wait_record(folder) and read_wait_record(folder) is None:
            write_wait_record(folder, 0, 0.0)  # unlocked: a fresh record from here on
        notes += ensure_key_files(folder, key)
    AuditTrail(folder, key).tidy()
    # Read, opened and parsed just now, and not written since: not read again to back it up.
    backups.take(None if rewritten or loaded is None else loaded.plain or None)
    return OpenedFolder(tables, generation, lock, notes)


def _check_key(folder: Path, key: FolderKey) -> None:
    """The key must be this folder's, read again under the lock: a key file replaced after
    unlocking (or a second set-up racing the first) must never seal anything."""
    fits = key_fits_folder(folder, key)
    if fits and any("key_check" not in d for d in key_documents(folder)):
        fits = _opens_an_earlier_file(folder, key)
    if not fits:
        raise DamagedDatabase(
            folder / DATABASE_NAME,
            "the key given is not this folder's (its key file may have been replaced since it "
            "was unlocked)",
        )


def _opens_an_earlier_file(folder: Path, key: FolderKey) -> bool:
    # A key file from an earlier version has no check of its own: the key is this folder's if
    # it opens the database (or the database is not sealed yet).
    try:
        raw = (folder / DATABASE_NAME).read_bytes()
    except FileNotFoundError:
        return True
    version = sealed_version(raw)
    if version is None:
        return True
    try:
        if version == 1:
            key.open_legacy(raw)
        else:
            key.open_sealed(raw, role="database", name=DATABASE_NAME)
    except SealBroken:
        return False
    return True


def check_anchor(folder: Path, key: FolderKey, loaded: LoadedDatabase | None) -> None:
    """Refuse a database older than the last one this folder saved, or one whose anchor has
    gone (a restore puts back the newest backup and starts the anchor again)."""
    database = folder / DATABASE_NAME
    try:
        anchor = read_anchor(folder, key)
    except SealBroken:
        raise DamagedDatabase(database, MISSING_ANCHOR) from None
    if loaded is None:
        if anchor is not None and anchor.generation > 0:
            raise DamagedDatabase(
                database,
                f"it is missing, though this folder has saved it {anchor.generation:,} times",
            )
        return
    if anchor is None:
        # Only a database from an earlier version (or one just sealed by the journal) has no
        # anchor of its own; one that has had an anchor file.
        if loaded.anchor is not None:
            raise DamagedDatabase(database, MISSING_ANCHOR)
        return
    own = loaded.anchor.generation if loaded.anchor is not None else 0
    if own < anchor.generation:
        raise DamagedDatabase(
            database,
            f"it is older than the last one this folder saved (save {own:,}, but the folder has "
            f"saved {anchor.generation:,} times): an older copy may have been put in its place",
        )


def open_read_only(folder: Path, key: FolderKey | None) -> tuple[dict[str, Any], list[str]]:
    """For a look while the app may have the folder open (check, tracker export): nothing is
    created or written; an older file is migrated in memory only. The same refusals as
    opening to write, except that a folder not yet brought up to date is read as it is."""
    database = folder / DATABASE_NAME
    notes: list[str] = []
    if key is not None and is_earlier_version_folder(folder):
        loaded = load_earlier(database, key)
        notes.append(NOT_YET_UP_TO_DATE)
    else:
        loaded = load_checked(folder, key)
    tables = {} if loaded is None else loaded.tables
    migrate(tables)
    return tables, notes


NOT_YET_UP_TO_DATE = (
    "This folder was encrypted by an earlier version of Lasting Home; it is brought up to date "
    "the next time Lasting Home opens it (nothing needs doing)."
)


def load_checked(folder: Path, key: FolderKey | None) -> LoadedDatabase | None:
    """The database, refused (DamagedDatabase) if it is older than the folder's anchor; read
    together with the anchor under its lock, so a save happening meanwhile is never taken for
    an older copy."""
    with reading_guard(folder):
        loaded = load_database(folder / DATABASE_NAME, key)
        if key is not None:
            check_anchor(folder, key, loaded)
    return loaded


def load_earlier(database: Path, key: FolderKey) -> LoadedDatabase | None:
    """A database (or backup) from a folder not yet brought up to date: sealed the old way,
    or plain."""
    import json

    try:
        raw = database.read_bytes()
    except FileNotFoundError:
        return None
    try:
        if sealed_version(raw) == 1:
            raw = key.open_legacy(raw)
        tables = json.loads(raw.decode("utf-8"))
    except (SealBroken, ValueError):
        raise DamagedDatabase(
            database, "it has been changed or damaged since it was saved"
        ) from None
    if not isinstance(tables, dict):
        raise DamagedDatabase(database, "the file does not hold Lasting Home data")
    return LoadedDatabase(tables, None)
