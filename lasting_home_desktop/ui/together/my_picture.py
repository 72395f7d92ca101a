"""The child's own pictures: the one that stands for them, and their drawings."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from ...domain.child_voice import PictureChoice, PictureKind
from ...storage.caseload import CaseloadStore
from ...storage.drawings import DrawingLibrary
from ..picture_bytes import PictureSource, pixmap_from
from .cards import picture_pixmap


def drawing_library(store: CaseloadStore) -> DrawingLibrary:
    return DrawingLibrary(store)


def drawings_of(store: CaseloadStore, child_id: str) -> list[tuple[str, str, PictureSource]]:
    """(drawing id, name, a way to read its PNG) for each of the child's drawings, newest
    first. The PNG is read (and opened, when sealed) only when it is shown."""
    library = drawing_library(store)
    return [
        (info.drawing_id, info.name, partial(library.png_bytes, child_id, info.drawing_id))
        for info in library.drawings(child_id)
    ]


def file_pixmap(source: PictureSource, px: int) -> QPixmap:
    pixmap = pixmap_from(source)
    if pixmap.isNull():
        return pixmap
    return pixmap.scaled(
        px * 2,
        px * 2,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def choice_pixmap(
    store: CaseloadStore, child_id: str, choice: PictureChoice | None, px: int
) -> QPixmap | None:
    """The picture the child chose, ready to show; None when there is none (or it's gone)."""
    if choice is None:
        return None
    if choice.kind is PictureKind.AVATAR:
        try:
            return picture_pixmap(choice.ref, px)
        except FileNotFoundError:
            return None
    if choice.kind is PictureKind.PHOTO:
        data = store.media.read_or_none(child_id, choice.ref, choice.ext or "jpg")
    else:
        data = drawing_library(store).png_bytes(child_id, choice.ref)
    if not data:
        return None
    pixmap = file_pixmap(data, px)
    if pixmap.isNull():
        return None
    pixmap.setDevicePixelRatio(2.0)
    return pixmap
