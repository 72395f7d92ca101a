"""Rotating, verified backups: the last few good states of the database."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .crash_safe import DamagedDatabase, load_database_file
from .crypto import FolderKey, seal_with
from .safe_files import atomic_write

KEEP = 5
BACKUP_FOLDER = "backups"


class DatabaseBackups:
    """Backups are copies of the database file's bytes, so in an encrypted folder they are
    sealed just as it is."""

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
        return sorted(self.folder.glob("lasting-home-*.json"), reverse=True)

    def take(self) -> Path | None:
        """Copy the database if it is sound and differs from the newest backup."""
        try:
            data = self.database.read_bytes()
        except FileNotFoundError:
            return None
        existing = self.all()
        if existing and existing[0].read_bytes() == data:
            return existing[0]  # already kept, and checked when it was taken
        if load_database_file(self.database, self.key) is None:
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.folder / f"lasting-home-{stamp}.json"
        atomic_write(target, data)
        for old in self.all()[self.keep :]:
            old.unlink(missing_ok=True)
        return target

    def newest_good(self) -> Path | None:
        """The newest backup that opens, or None."""
        for candidate in self.all():
            try:
                if load_database_file(candidate, self.key) is not None:
                    return candidate
            except DamagedDatabase:
                continue
        return None

    def restore_newest(self) -> tuple[Path, Path | None]:
        """Put back the newest good backup, keeping the damaged file aside.

        Returns (backup used, where the damaged file now is)."""
        good = self.newest_good()
        if good is None:
            raise FileNotFoundError("There is no good backup to restore from.")
        kept_aside: Path | None = None
        if self.database.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept_aside = self.database.with_name(f"{self.database.stem}.damaged-{stamp}.json")
            shutil.copy2(self.database, kept_aside)
        atomic_write(self.database, good.read_bytes())
        return good, kept_aside

    def rewrite_each(self, change: Callable[[dict[str, Any]], bool]) -> int:
        """Open every readable backup, let `change` alter its tables (True if it did), and
        write the changed ones back sealed, each replaced whole. Returns how many changed."""
        changed = 0
        for backup in self.all():
            try:
                tables = load_database_file(backup, self.key)
            except DamagedDatabase:
                # Unreadable, so never restorable; it may still hold what is being removed.
                backup.unlink(missing_ok=True)
                changed += 1
                continue
            if tables is None or not change(tables):
                continue
            payload = json.dumps(tables, separators=(",", ":")).encode("utf-8")
            atomic_write(backup, seal_with(self.key, payload))
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
