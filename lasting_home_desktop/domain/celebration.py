"""The celebration the child chose, with the contribution agreed at the matching meeting, and
the photos the carers add for the child's memory box. Its date is in the journey dates."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .codec import decode, encode
from .limits import PHOTO_CAPTION
from .record_checks import name_problems, text_problems

SECTION = "celebration"
MOST_PHOTOS = 200


@dataclass(frozen=True)
class CelebrationPhoto:
    media_id: str
    ext: str  # "jpg" or "png", as the media store keeps it
    caption: str = ""

    def to_dict(self) -> dict[str, str]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CelebrationPhoto:
        return decode(cls, data)


@dataclass(frozen=True)
class Celebration:
    what: str = ""
    notes: str = ""
    photos: tuple[CelebrationPhoto, ...] = ()

    SECTION = SECTION

    def with_photo(self, photo: CelebrationPhoto) -> Celebration:
        return replace(self, photos=(*self.photos, photo))

    def without_photo(self, media_id: str) -> Celebration:
        return replace(self, photos=tuple(p for p in self.photos if p.media_id != media_id))

    def problems(self) -> list[str]:
        found: list[str] = []
        found.extend(name_problems("'what the celebration is' (more fits in the notes)", self.what))
        found.extend(text_problems("celebration notes", self.notes))
        for number, photo in enumerate(self.photos, start=1):
            found.extend(text_problems(f"caption of photo {number}", photo.caption, PHOTO_CAPTION))
        if len(self.photos) > MOST_PHOTOS:
            found.append(f"Please keep to {MOST_PHOTOS} photos or fewer.")
        return found

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Celebration:
        return decode(cls, data)
