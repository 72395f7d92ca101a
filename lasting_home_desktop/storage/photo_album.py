"""The child's photo album: photos the worker adds on their side, for the child to pick from in
together mode (the child never sees a file window). Each photo is cleaned on the way in (size
and pixel limits, rebuilt from its pixels, no metadata) and kept, sealed, in the media folder;
the list of photos is a section of the store.

A photo's file is written before its entry, and its entry removed before its file, so a crash
at any moment leaves at worst an unlisted file, never an entry pointing at nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .caseload import CaseloadStore
from .photo_import import PhotoProblem, keep_photo, read_photo_file

SECTION = "photo_album"
NAME_LIMIT = 60
ALBUM_LIMIT = 60  # enough for any child; keeps the picker quick to scan
FULL = (
    "This album already has {limit} photos. Please take one out before adding another, so the "
    "child can still find their favourites."
)


@dataclass(frozen=True)
class AlbumPhoto:
    media_id: str
    ext: str  # "jpg" or "png"
    name: str
    added: str = ""  # ISO date

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.media_id, "ext": self.ext, "name": self.name, "added": self.added}

    @classmethod
    def from_dict(cls, data: Any) -> AlbumPhoto | None:
        if not isinstance(data, dict) or not data.get("id"):
            return None
        ext = str(data.get("ext", "jpg"))
        ext = ext if ext in {"jpg", "png"} else "jpg"
        return cls(str(data["id"]), ext, _name(data.get("name")), str(data.get("added", "")))


def _name(value: Any) -> str:
    text = " ".join(str(value or "").split())[:NAME_LIMIT]
    return text or "A photo"


class PhotoAlbum:
    """One album per child."""

    def __init__(self, store: CaseloadStore, today: dt.date | None = None):
        self.store = store
        self.today = today or dt.date.today()

    def photos(self, child_id: str) -> list[AlbumPhoto]:
        """Newest first; an entry whose file is missing is left out."""
        return [
            photo
            for photo in self._entries(child_id)
            if self.store.media.exists(child_id, photo.media_id, photo.ext)
        ]

    def photo(self, child_id: str, media_id: str) -> AlbumPhoto | None:
        return next((p for p in self.photos(child_id) if p.media_id == media_id), None)

    def photo_bytes(self, child_id: str, photo: AlbumPhoto) -> bytes | None:
        return self.store.media.read_or_none(child_id, photo.media_id, photo.ext)

    def add(self, child_id: str, data: bytes, name: str) -> AlbumPhoto:
        """Clean and keep a photo; PhotoProblem (with a kind message) when it cannot be."""
        if len(self._entries(child_id)) >= ALBUM_LIMIT:
            raise PhotoProblem(FULL.format(limit=ALBUM_LIMIT))
        media_id, ext = keep_photo(self.store.media, child_id, data)
        photo = AlbumPhoto(media_id, ext, _name(name), self.today.isoformat())
        self._save(child_id, [photo, *self._entries(child_id)])
        return photo

    def add_file(self, child_id: str, path: Path) -> AlbumPhoto:
        """Add a photo from a file the worker chose; its name becomes the photo's name."""
        return self.add(child_id, read_photo_file(path), path.stem.replace("_", " "))

    def rename(self, child_id: str, media_id: str, name: str) -> None:
        entries = [
            AlbumPhoto(p.media_id, p.ext, _name(name), p.added) if p.media_id == media_id else p
            for p in self._entries(child_id)
        ]
        self._save(child_id, entries)

    def remove(self, child_id: str, media_id: str) -> None:
        """Take a photo out of the album and delete its file (unless the child chose it as
        their picture: then the file stays for that)."""
        entries = self._entries(child_id)
        gone = [p for p in entries if p.media_id == media_id]
        self._save(child_id, [p for p in entries if p.media_id != media_id])
        for photo in gone:
            if not self._chosen_as_picture(child_id, photo.media_id):
                self.store.media.delete(child_id, photo.media_id, photo.ext)

    def _chosen_as_picture(self, child_id: str, media_id: str) -> bool:
        voice = self.store.section("child_voice", child_id) or {}
        picture = voice.get("picture") if isinstance(voice, dict) else None
        return isinstance(picture, dict) and picture.get("ref") == media_id

    def _entries(self, child_id: str) -> list[AlbumPhoto]:
        data = self.store.section(SECTION, child_id) or {}
        found = (AlbumPhoto.from_dict(item) for item in data.get("photos") or [])
        return [photo for photo in found if photo is not None]

    def _save(self, child_id: str, photos: list[AlbumPhoto]) -> None:
        self.store.save_section(SECTION, child_id, {"photos": [p.to_dict() for p in photos]})
