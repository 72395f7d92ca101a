"""Drawings and photos: files beside the database, referenced from it by id (never base64)."""

from __future__ import annotations

import re
from pathlib import Path

from ..domain.ids import new_id
from .crypto import FolderKey, SealBroken, open_with, seal_with
from .file_roles import MEDIA_FOLDER, media_name
from .safe_files import atomic_write

__all__ = ["MEDIA_FOLDER", "MediaStore", "is_valid_id"]

_ID = re.compile(r"^[a-z0-9]{6,40}$")
_EXT = re.compile(r"^[a-z0-9]{1,5}$")


class MediaStore:
    """media/<child id>/<media id>.<ext>. Ids are checked so no path can escape the folder.
    With a key every file is sealed on disk, bound to its child, id and type, so a file moved
    to another child or name does not open: read it through `read`, never by its path."""

    def __init__(self, folder: Path, key: FolderKey | None = None):
        self.folder = Path(folder)
        self.key = key

    def child_folder(self, child_id: str) -> Path:
        _check(child_id, _ID, "child id")
        return self.folder / child_id

    def put(self, child_id: str, data: bytes, ext: str, media_id: str | None = None) -> str:
        """Save (or replace) one file crash-safely; returns its media id."""
        media_id = media_id or new_id(16)
        path = self.path(child_id, media_id, ext)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, seal_with(self.key, data, role="media", name=self._name(path)))
        return media_id

    def path(self, child_id: str, media_id: str, ext: str) -> Path:
        _check(media_id, _ID, "media id")
        _check(ext, _EXT, "file type")
        return self.child_folder(child_id) / f"{media_id}.{ext}"

    def read(self, child_id: str, media_id: str, ext: str) -> bytes:
        """The file's contents, opened if sealed (SealBroken if it was tampered with or moved,
        NotSealed if a plain file was put into an encrypted folder)."""
        path = self.path(child_id, media_id, ext)
        return open_with(
            self.key, path.read_bytes(), role="media", name=self._name(path), what="A picture"
        )

    @staticmethod
    def _name(path: Path) -> str:
        return media_name(path.parent.name, path.name)

    def read_or_none(self, child_id: str, media_id: str, ext: str) -> bytes | None:
        """The contents, or None when the file is missing, damaged or the id is not valid."""
        try:
            return self.read(child_id, media_id, ext)
        except (OSError, ValueError, SealBroken):
            return None

    def exists(self, child_id: str, media_id: str, ext: str) -> bool:
        return self.path(child_id, media_id, ext).is_file()

    def delete(self, child_id: str, media_id: str, ext: str) -> None:
        self.path(child_id, media_id, ext).unlink(missing_ok=True)

    def list(self, child_id: str, ext: str | None = None) -> list[str]:
        folder = self.child_folder(child_id)
        if not folder.is_dir():
            return []
        pattern = f"*.{ext}" if ext else "*.*"
        return sorted(p.stem for p in folder.glob(pattern) if _ID.match(p.stem))


def is_valid_id(value: object) -> bool:
    """An id Lasting Home would make: lower-case letters and digits only, so it is always a
    safe file name."""
    return isinstance(value, str) and bool(_ID.match(value))


def _check(value: str, pattern: re.Pattern[str], what: str) -> None:
    if not isinstance(value, str) or not pattern.match(value):
        raise ValueError(f"Not a valid {what}: {value!r}")
