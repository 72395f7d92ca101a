"""Rotating, verified backups: the last few good states of the database."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from .crash_safe import DamagedDatabase, load_database_file
from .safe_files import atomic_write

KEEP = 5
BACKUP_FOLDER = "backups"


class DatabaseBackups:
    def __init__(self, folder: Path, database: Path, keep: int = KEEP):
        self.folder = Path(folder)
        self.database = Path(database)
        self.keep = keep

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
        if load_database_file(self.database) is None:
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.folder / f"lasting-home-{stamp}.json"
        atomic_write(target, data)
        for old in self.all()[self.keep :]:
            old.unlink(missing_ok=True)
        return target

    def newest_good(self) -> Path | None:
        for candidate in self.all():
            try:
                if load_database_file(candidate) is not None:
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
