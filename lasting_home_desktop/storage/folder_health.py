"""Is a data folder sound, and putting back a backup: one place for the app and the command
line, so both say the same thing in the same words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.child import ChildRecord, RecordProblem
from ..domain.codec import decode
from .audit import AuditTrail
from .backups import BACKUP_FOLDER, DatabaseBackups, describe_backup
from .caseload import CHILDREN, DATABASE_NAME
from .crash_safe import DamagedDatabase, load_database_file
from .crypto import FolderKey, is_encrypted_folder
from .lock import DataFolderLock
from .migrations import SCHEMA_VERSION, migrate, schema_version

RESTORE_COMMAND = "lasting-home restore --data-dir {folder}"


@dataclass
class FolderReport:
    """What `check` found: `problems` is empty when the folder is sound."""

    folder: Path
    problems: list[str] = field(default_factory=list)
    children: int = 0
    archived: int = 0
    data_version: int = SCHEMA_VERSION
    newest_backup: Path | None = None
    plain_files: int = 0
    encrypted: bool = False
    audit_entries: int = 0

    @property
    def sound(self) -> bool:
        return not self.problems


def check_folder(folder: Path, key: FolderKey | None, today: dt.date) -> FolderReport:
    """Read everything and report; never writes. DamagedDatabase if the database itself
    cannot be opened (see `damage_message`)."""
    from .folder_sealing import plain_files

    database = folder / DATABASE_NAME
    tables = load_database_file(database, key)
    report = FolderReport(folder, encrypted=key is not None)
    if tables is None:
        report.problems.append(f"There is no Lasting Home data in {folder} yet.")
        return report
    report.data_version = schema_version(tables)
    migrate(tables)  # in memory only
    report.problems += record_problems(tables, today)
    audit = AuditTrail(folder, key, read_only=True)
    report.problems += audit.verify()
    children = tables.get(CHILDREN, {})
    report.children = len(children)
    report.archived = sum(1 for doc in children.values() if doc.get("archived"))
    report.newest_backup = DatabaseBackups(folder / BACKUP_FOLDER, database, key=key).newest_good()
    if key is not None:
        report.plain_files = len(plain_files(folder))
    report.audit_entries = len(audit.entries())
    return report


def record_problems(tables: dict[str, Any], today: dt.date) -> list[str]:
    """Each child record that cannot be read, or breaks today's rules, in one line each."""
    lines = []
    for doc_id, doc in tables.get(CHILDREN, {}).items():
        try:
            child = decode(ChildRecord, doc, strict=True)
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            lines.append(f"Child record {doc_id} cannot be read ({type(error).__name__}: {error}).")
            continue
        if child.archived:
            continue  # an archived record is kept as it was, not re-checked against today
        try:
            child.validated(today)
        except RecordProblem as problem:
            for text in problem.problems:
                lines.append(f"{child.display_name[:80]} (id {child.id}): {text}")
    return lines


def damage_message(folder: Path, error: DamagedDatabase, key: FolderKey | None = None) -> str:
    """One paragraph: what is damaged, that nothing was changed, and what to do next."""
    what = f"The data file {error.path} is damaged: {error.reason}. It has not been changed."
    restore = RESTORE_COMMAND.format(folder=folder)
    if key is None and is_encrypted_folder(folder):
        # The backups are sealed too: without the key they cannot be looked at here.
        return f"{what} Run `{restore}` to put back a good backup."
    good = DatabaseBackups(folder / BACKUP_FOLDER, folder / DATABASE_NAME, key=key).newest_good()
    if good is None:
        return f"{what} There is no good backup to go back to; please ask IT support for help."
    return f"{what} Run `{restore}` to put back the backup from {describe_backup(good)}."


def is_sound(database: Path, key: FolderKey | None = None) -> bool:
    try:
        return load_database_file(database, key) is not None
    except DamagedDatabase:
        return False


class NoGoodBackup(Exception):
    def __init__(self, folder: Path):
        self.kind_message = (
            f"There is no good backup in {folder / BACKUP_FOLDER} to restore from. "
            "Nothing has been changed."
        )
        super().__init__(self.kind_message)


class DataStillSound(Exception):
    """The data can be read, so going back would drop changes made since the backup."""

    def __init__(self, folder: Path, backup: Path):
        self.backup = backup
        self.kind_message = (
            f"The data in {folder} can be read, so it was not replaced. To go back to the "
            f"backup from {describe_backup(backup)} anyway, add --even-if-sound."
        )
        super().__init__(self.kind_message)


@dataclass(frozen=True)
class Restored:
    backup: Path
    kept_aside: Path | None
    already_matching: bool = False

    @property
    def when(self) -> str:
        return describe_backup(self.backup)


def restore_newest_backup(
    folder: Path, key: FolderKey | None, worker: str, *, even_if_sound: bool = False
) -> Restored:
    """Put back the newest good backup under the folder's lock (so nothing is writing), keep
    the file it replaces aside, and note it in the audit trail as done by `worker`.
    Raises FolderInUse, NoGoodBackup or DataStillSound (unless `even_if_sound`)."""
    database = folder / DATABASE_NAME
    backups = DatabaseBackups(folder / BACKUP_FOLDER, database, key=key)
    with DataFolderLock(folder):
        good = backups.newest_good()
        if good is None:
            raise NoGoodBackup(folder)
        if database.exists() and database.read_bytes() == good.read_bytes():
            return Restored(good, None, already_matching=True)
        if not even_if_sound and is_sound(database, key):
            raise DataStillSound(folder, good)
        used, kept_aside = backups.restore_newest()
        trail = AuditTrail(folder, key)
        trail.worker = worker
        trail.record("restored", "", f"The data folder, from the backup of {describe_backup(used)}")
    return Restored(used, kept_aside)
