"""The child's drawings: a list per child in the store section "drawings", PNGs in the media
folder. The PNG write is the only part that may run on a worker thread; every change to the
list goes through the store on the thread that owns it."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..domain.drawing import DEFAULT_NAME, background, clean_drawing_name
from .caseload import CaseloadStore
from .safe_files import StorageWriteError

SECTION = "drawings"
EXT = "png"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class DrawingInfo:
    drawing_id: str
    name: str
    created: str  # ISO datetime
    updated: str  # ISO datetime
    binned: bool = False
    background: str = "plain"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.drawing_id,
            "name": self.name,
            "created": self.created,
            "updated": self.updated,
            "binned": self.binned,
            "background": self.background,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DrawingInfo:
        return cls(
            drawing_id=str(data["id"]),
            name=clean_drawing_name(data.get("name")),
            created=str(data.get("created", "")),
            updated=str(data.get("updated") or data.get("created", "")),
            binned=bool(data.get("binned", False)),
            background=background(data.get("background")).key,
        )


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class DrawingLibrary:
    """Each child's drawings, most recently changed first (so the last picture comes back)."""

    def __init__(self, store: CaseloadStore, clock: Callable[[], dt.datetime] = _now):
        self.store = store
        self._clock = clock

    # -- reading -----------------------------------------------------------------------------

    def drawings(self, child_id: str, include_binned: bool = False) -> list[DrawingInfo]:
        """Newest first. A drawing whose picture never reached the disk is left out, so the
        list never points at a missing file."""
        return [
            info
            for info in self._all(child_id)
            if (include_binned or not info.binned) and self.has_picture(child_id, info.drawing_id)
        ]

    def binned(self, child_id: str) -> list[DrawingInfo]:
        return [info for info in self.drawings(child_id, include_binned=True) if info.binned]

    def info(self, child_id: str, drawing_id: str) -> DrawingInfo:
        for info in self._all(child_id):
            if info.drawing_id == drawing_id:
                return info
        raise KeyError(drawing_id)

    def png_path(self, child_id: str, drawing_id: str) -> Path:
        """Where the file is. In an encrypted folder it is sealed: read it with png_bytes."""
        return self.store.media.path(child_id, drawing_id, EXT)

    def png_bytes(self, child_id: str, drawing_id: str) -> bytes | None:
        """The drawing's PNG, opened; None if it is missing or damaged."""
        return self.store.media.read_or_none(child_id, drawing_id, EXT)

    def has_picture(self, child_id: str, drawing_id: str) -> bool:
        try:
            return self.store.media.exists(child_id, drawing_id, EXT)
        except ValueError:  # a damaged id in the list: there is no file to show
            return False

    # -- changing ----------------------------------------------------------------------------

    def new_drawing(
        self, child_id: str, background_key: str = "plain", name: str = DEFAULT_NAME
    ) -> DrawingInfo:
        """Add a drawing to the child's list; it shows once its first picture is saved."""
        stamp = self._clock().isoformat()
        info = DrawingInfo(
            drawing_id=secrets.token_hex(8),
            name=clean_drawing_name(name),
            created=stamp,
            updated=stamp,
            background=background(background_key).key,
        )
        self._write(child_id, [info, *self._all(child_id)])
        return info

    def save_png(self, child_id: str, drawing_id: str, png_bytes: bytes) -> Path:
        """Write the picture crash-safely. Safe on a worker thread: it touches only the file,
        never the store (call `record_saved` afterwards on the store's thread)."""
        if not png_bytes.startswith(_PNG_SIGNATURE):
            raise StorageWriteError("This drawing could not be saved because it is not a picture.")
        self.store.media.put(child_id, png_bytes, EXT, media_id=drawing_id)
        return self.png_path(child_id, drawing_id)

    def record_saved(self, child_id: str, drawing_id: str) -> DrawingInfo:
        """Note the new picture in the list and move the drawing to the front."""
        return self._change(child_id, drawing_id, to_front=True, updated=self._clock().isoformat())

    def rename(self, child_id: str, drawing_id: str, name: str) -> DrawingInfo:
        return self._change(child_id, drawing_id, name=clean_drawing_name(name))

    def bin(self, child_id: str, drawing_id: str) -> DrawingInfo:
        """Throw away into the bin: hidden from the child, kept for the worker to restore."""
        return self._change(child_id, drawing_id, binned=True)

    def restore(self, child_id: str, drawing_id: str) -> DrawingInfo:
        return self._change(child_id, drawing_id, binned=False)

    def delete_for_good(self, child_id: str, drawing_id: str) -> None:
        """Only for a drawing already in the bin: removes its entry, then its picture."""
        drawings = self._all(child_id)
        target = self.info(child_id, drawing_id)
        if not target.binned:
            raise ValueError("Only a drawing in the bin can be deleted for good.")
        self._write(child_id, [info for info in drawings if info.drawing_id != drawing_id])
        self.store.media.delete(child_id, drawing_id, EXT)

    # -- inside ------------------------------------------------------------------------------

    def _all(self, child_id: str) -> list[DrawingInfo]:
        section = self.store.section(SECTION, child_id) or {}
        out: list[DrawingInfo] = []
        for item in section.get("drawings") or []:
            try:
                out.append(DrawingInfo.from_dict(item))
            except (KeyError, TypeError, ValueError):
                continue  # one damaged entry must not hide the others
        return out

    def _change(
        self, child_id: str, drawing_id: str, *, to_front: bool = False, **changes: Any
    ) -> DrawingInfo:
        drawings = self._all(child_id)
        for index, info in enumerate(drawings):
            if info.drawing_id == drawing_id:
                changed = replace(info, **changes)
                if to_front:
                    drawings = [changed, *drawings[:index], *drawings[index + 1 :]]
                else:
                    drawings[index] = changed
                self._write(child_id, drawings)
                return changed
        raise KeyError(drawing_id)

    def _write(self, child_id: str, drawings: list[DrawingInfo]) -> None:
        self.store.save_section(SECTION, child_id, {"drawings": [d.to_dict() for d in drawings]})
