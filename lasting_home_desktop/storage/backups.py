"""Rotating, verified backups: the last few good states of the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .crash_safe import (
    DamagedDatabase,
    encode_database,
    load_database,
    load_database_file,
    write_database,
)
from .crypto import FolderKey, SealBroken
from .file_roles import BACKUP_FOLDER, BACKUP_PATTERN
from .safe_files import atomic_write

__all__ = ["BACKUP_FOLDER", "KEEP", "DatabaseBackups", "backup_time", "describe_backup"]

KEEP = 5


class DatabaseBackups:
    """Backups of the database. In an encrypted folder each is sealed as a backup under its
    own file name (so none can stand in for the database or for another backup) and carries
    the anchor numbers of the database it copies."""

    def __init__(
        self, folder: Path, database: Path, keep: int = KEEP, key: FolderKey | None = None
    ):
        self.folder = Path(folder)
        self.database = Path(database)
        self.keep = keep
        self.key = key

    def all(self) -> list[Path]:
        """Newest first."""
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob(BACKUP_PATTERN), reverse=True)

    def take(self, opened: bytes | None = None) -> Path | None:
        """Copy the database if it is sound and differs from the newest backup. In an
        encrypted folder the copy is the same contents resealed as a backup, compared and
        written without parsing them again unless they changed. `opened`: the database's
        contents as the caller has just read, opened and parsed them, with nothing written
        since (opening the folder), so they are not read and checked a second time."""
        if self.key is None:
            return self._take_plain(opened)
        if opened is not None:
            plain = opened
        else:
            try:
                sealed = self.database.read_bytes()
            except FileNotFoundError:
                return None
            try:
                plain = self.key.open_sealed(sealed, role="database", name=self.database.name)
            except SealBroken:
                raise DamagedDatabase(self.database, "it cannot be opened to back it up") from None
        existing = self.all()
        if existing and self._opened(existing[0]) == plain:
            return existing[0]  # already kept, and checked when it was taken
        if opened is None and load_database(self.database, self.key) is None:
            return None
        target = self._new_name()
        return self._write_bytes(self.key.seal(plain, role="backup", name=target.name), target)

    def _opened(self, backup: Path) -> bytes | None:
        assert self.key is not None
        try:
            return self.key.open_sealed(backup.read_bytes(), role="backup", name=backup.name)
        except (OSError, SealBroken):
            return None

    def _take_plain(self, opened: bytes | None) -> Path | None:
        try:
            data = opened if opened is not None else self.database.read_bytes()
        except FileNotFoundError:
            return None
        existing = self.all()
        if existing and existing[0].read_bytes() == data:
            return existing[0]
        if opened is None and load_database(self.database) is None:
            return None
        return self._write_bytes(data)

    def _new_name(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        return self.folder / f"lasting-home-{stamp}.json"

    def _write_bytes(self, data: bytes, target: Path | None = None) -> Path:
        target = target or self._new_name()
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
        for old in self.all()[self.keep :]:
            old.unlink(missing_ok=True)
        return target

    def newest_good(self) -> Path | None:
        """The newest backup that opens, or None."""
        for candidate in self.all():
            try:
                if load_database_file(candidate, self.key, role="backup") is not None:
                    return candidate
            except DamagedDatabase:
                continue
        return None

    def restore_newest(self) -> tuple[Path, Path | None]:
        """Put back the newest good backup, keeping the file it replaces aside. In an
        encrypted folder the restored database gets the next generation, so it is the newest
        the folder has saved.

        Returns (backup used, where the replaced file now is)."""
        good = self.newest_good()
        if good is None:
            raise FileNotFoundError("There is no good backup to restore from.")
        loaded = load_database(good, self.key, role="backup")
        assert loaded is not None
        kept_aside = self._keep_aside() if self.database.exists() else None
        generation = loaded.anchor.generation if loaded.anchor else 0
        write_database(self.database, loaded.tables, self.key, generation)
        return good, kept_aside

    def _keep_aside(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = self.database.with_name(f"{self.database.stem}.damaged-{stamp}.json")
        try:
            loaded = load_database(self.database, self.key) if self.key is not None else None
        except DamagedDatabase:
            loaded = None
        if loaded is None:
            data = self.database.read_bytes()  # plain, or unreadable: kept exactly as it was
        else:
            data = encode_database(
                loaded.tables, self.key, loaded.anchor, role="kept-aside", name=kept.name
            )
        atomic_write(kept, data)
        return kept

    def rewrite_each(self, change: Callable[[dict[str, Any]], bool]) -> int:
        """Open every readable backup, let `change` alter its tables (True if it did), and
        write the changed ones back sealed, each replaced whole. Returns how many changed."""
        changed = 0
        for backup in self.all():
            try:
                loaded = load_database(backup, self.key, role="backup")
            except DamagedDatabase:
                # Unreadable, so never restorable; it may still hold what is being removed.
                backup.unlink(missing_ok=True)
                changed += 1
                continue
            if loaded is None or not change(loaded.tables):
                continue
            encoded = encode_database(
                loaded.tables, self.key, loaded.anchor, role="backup", name=backup.name
            )
            atomic_write(backup, encoded)
            changed += 1
        return changed


def backup_time(path: Path) -> dt.datetime:
    """When a backup was taken, from its name (lasting-home-YYYYMMDD-HHMMSS-micro.json); the
    file's own time if the name was changed."""
    try:
        return dt.datetime.strptime("-".join(path.stem.split("-")[2:4]), "%Y%m%d-%H%M%S")
    except ValueError:
        return dt.datetime.fromtimestamp(path.stat().st_mtime)


def describe_backup(path: Path) -> str:
    """'22 November 2026 at 14:03': how every screen and task names a backup."""
    from ..domain.dates import format_long

    stamp = backup_time(path)
    return f"{format_long(stamp.date())} at {stamp:%H:%M}"
