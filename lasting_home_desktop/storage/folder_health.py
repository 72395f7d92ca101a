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
from .crash_safe import NOT_ENCRYPTED_REASON, DamagedDatabase, LoadedDatabase, load_database
from .crypto import FolderKey, SealBroken, sealed_version
from .deletions import pending_deletions
from .file_roles import AUDIT_NAME, MEDIA_FOLDER
from .folder_opening import MISSING_ANCHOR, load_checked, load_earlier, open_read_only
from .folder_sealing import (
    bring_up_to_date,
    finish,
    is_earlier_version_folder,
    listed_for_sealing,
    plain_files,
)
from .key_file import (
    belongs,
    intact,
    is_encrypted_folder,
    key_copy,
    key_file,
    read_key_document,
)
from .lock import DataFolderLock
from .media_check import picture_problems
from .migrations import SCHEMA_VERSION, migrate, schema_version

RESTORE_COMMAND = "lasting-home restore --data-dir {folder}"


@dataclass
class FolderReport:
    """What `check` found: `problems` is empty when the folder is sound; `notes` are things
    the next open of the folder finishes by itself."""

    folder: Path
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    children: int = 0
    archived: int = 0
    data_version: int = SCHEMA_VERSION
    newest_backup: Path | None = None
    plain_files: int = 0
    encrypted: bool = False
    audit_entries: int = 0
    pictures: int = 0
    database_damaged: bool = False

    @property
    def sound(self) -> bool:
        return not self.problems


def check_folder(folder: Path, key: FolderKey | None, today: dt.date) -> FolderReport:
    """Read everything and report each kind of damage by name; never writes. A database that
    cannot be used is the one problem reported (with what to do), since nothing else can be
    checked against it."""
    folder = Path(folder)
    report = FolderReport(folder, encrypted=key is not None)
    earlier = key is not None and is_earlier_version_folder(folder)
    try:
        tables, own_anchor = _database(folder, key, earlier, report)
    except DamagedDatabase as error:
        report.problems = [damage_message(folder, error, key)]
        report.database_damaged = True
        return report
    if tables is None:
        report.problems.append(f"There is no Lasting Home data in {folder} yet.")
        return report
    report.problems += record_problems(tables, today)
    children = tables.get(CHILDREN, {})
    report.children = len(children)
    report.archived = sum(1 for doc in children.values() if doc.get("archived"))
    audit = AuditTrail(folder, key, read_only=True, legacy_ok=earlier)
    report.problems += audit.verify(own_anchor)
    report.audit_entries = len(audit.entries())
    names = {doc.get("id"): _name(doc) for doc in children.values() if isinstance(doc, dict)}
    problems, report.pictures = picture_problems(folder, key, tables, names, earlier)
    report.problems += problems
    report.newest_backup, problems = _backups(folder, key, earlier)
    report.problems += problems
    if key is not None:
        report.problems += key_file_problems(folder, key, earlier)
        report.problems += _stray_files(folder, key, earlier, report)
        report.notes += _unfinished(folder, key)
    return report


def _database(
    folder: Path, key: FolderKey | None, earlier: bool, report: FolderReport
) -> tuple[dict[str, Any] | None, Any]:
    database = folder / DATABASE_NAME
    if earlier:
        if not database.exists():
            return None, None
        tables, notes = open_read_only(folder, key)
        report.notes += notes
        report.data_version = schema_version(tables)
        return tables, None
    loaded: LoadedDatabase | None = load_checked(folder, key)
    if loaded is None:
        return None, None
    tables = loaded.tables
    report.data_version = schema_version(tables)
    migrate(tables)  # in memory only
    return tables, loaded.anchor


def _name(doc: dict[str, Any]) -> str:
    try:
        return ChildRecord.from_dict(doc).display_name[:80]
    except (KeyError, ValueError, TypeError, AttributeError):
        return ""


def _backups(folder: Path, key: FolderKey | None, earlier: bool) -> tuple[Path | None, list[str]]:
    backups = DatabaseBackups(folder / BACKUP_FOLDER, folder / DATABASE_NAME, key=key)
    problems, newest = [], None
    for backup in backups.all():
        try:
            if earlier and key is not None:
                load_earlier(backup, key)  # brought up to date at the next open
            else:
                load_database(backup, key, role="backup")
        except DamagedDatabase as error:
            problems.append(f"The backup {backup.name} cannot be used: {error.reason}.")
            continue
        newest = newest or backup
    return newest, problems


def _stray_files(folder: Path, key: FolderKey, earlier: bool, report: FolderReport) -> list[str]:
    """Files not sealed the current way: plain ones dropped in, or old-style copies put back.
    The database, the audit trail and pictures are reported on their own."""
    listed = listed_for_sealing(folder, key)
    strays = plain_files(folder)
    report.plain_files = len(strays)
    problems = []
    for path in strays:
        if earlier or path in listed:
            continue  # the next open seals these, and says so
        relative = path.relative_to(folder)
        if path.name in (DATABASE_NAME, AUDIT_NAME) or relative.parts[0] == MEDIA_FOLDER:
            continue
        with open(path, "rb") as handle:
            version = sealed_version(handle.read(8))
        if version is None:
            problems.append(
                f"The file {relative.as_posix()} is not encrypted, though this folder is: "
                "Lasting Home did not write it."
            )
        else:
            problems.append(
                f"The file {relative.as_posix()} was sealed by an earlier version and is not "
                "listed to be brought up to date: it may be an old copy put back."
            )
    if listed and not earlier:
        report.notes.append(
            f"{len(listed):,} files are still to be encrypted; Lasting Home finishes this the "
            "next time it opens the folder."
        )
    return problems


def _unfinished(folder: Path, key: FolderKey) -> list[str]:
    try:
        pending = pending_deletions(folder, key)
    except SealBroken as broken:
        return [f"{broken.what} cannot be read."]
    return [
        f"Deleting the record with id {item.child_id} was interrupted; Lasting Home finishes "
        "it the next time it opens the folder."
        for item in pending
    ]


def key_file_problems(folder: Path, key: FolderKey, earlier: bool = False) -> list[str]:
    """What is wrong with the key file and its copy, each by name, and what happens next. (A
    folder from an earlier version has no copy yet: the next open makes it.)"""
    problems = []
    for path, what in ((key_file(folder), "The key file"), (key_copy(folder), "The key copy")):
        try:
            document = read_key_document(path)
        except FileNotFoundError:
            if not (earlier and path == key_copy(folder)):
                problems.append(f"{what} {path} is missing.")
            continue
        except SealBroken:
            problems.append(f"{what} {path} is damaged.")
            continue
        if "key_check" in document and not belongs(document, key):
            problems.append(f"{what} {path} belongs to another data key.")
        elif "key_check" in document and not intact(document, key):
            problems.append(f"{what} {path} is damaged: a wrapped key in it has been changed.")
    if problems:
        problems[-1] += (
            " The data is safe: the other copy opens it. The next time Lasting Home opens this "
            "folder it makes the missing or damaged one again (or run `lasting-home recover "
            f"--data-dir {folder}`)."
        )
    return problems


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
    """One paragraph: what is wrong with the database, that nothing was changed, and what to
    do next."""
    if error.reason == NOT_ENCRYPTED_REASON:
        what = (
            f"The database is not encrypted, though this folder is: Lasting Home did not write "
            f"{error.path}, so it has not been read or changed."
        )
    elif error.reason == MISSING_ANCHOR or "older than the last one" in error.reason:
        what = (
            f"The database {error.path} cannot be trusted: {error.reason}. It has not been changed."
        )
    else:
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
    """The database opens, and (encrypted) is not older than the last one the folder saved."""
    try:
        return load_checked(database.parent, key) is not None
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


def _same_content(database: Path, backup: Path, key: FolderKey | None) -> bool:
    try:
        kept = load_database(backup, key, role="backup")
        current = load_database(database, key)
    except DamagedDatabase:
        return False
    return kept is not None and current is not None and kept.tables == current.tables


def restore_newest_backup(
    folder: Path, key: FolderKey | None, worker: str, *, even_if_sound: bool = False
) -> Restored:
    """Put back the newest good backup under the folder's lock (so nothing is writing), keep
    the file it replaces aside, and note it in the audit trail as done by `worker`.
    Raises FolderInUse, NoGoodBackup or DataStillSound (unless `even_if_sound`)."""
    database = folder / DATABASE_NAME
    backups = DatabaseBackups(folder / BACKUP_FOLDER, database, key=key)
    with DataFolderLock(folder):
        if key is not None:
            bring_up_to_date(folder, key)  # a folder from an earlier version: backups too
        good = backups.newest_good()
        if good is None:
            raise NoGoodBackup(folder)
        sound = is_sound(database, key)
        if sound and _same_content(database, good, key):
            return Restored(good, None, already_matching=True)
        if not even_if_sound and sound:
            raise DataStillSound(folder, good)
        used, kept_aside = backups.restore_newest()
        if key is not None:
            finish(folder)
        trail = AuditTrail(folder, key)
        trail.worker = worker
        trail.record("restored", "", f"The data folder, from the backup of {describe_backup(used)}")
    return Restored(used, kept_aside)
