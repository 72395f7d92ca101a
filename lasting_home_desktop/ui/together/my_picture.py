"""The child's own pictures: the one that stands for them, and their drawings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from ...domain.child_voice import PictureChoice, PictureKind
from ...storage.caseload import CaseloadStore
from .cards import picture_pixmap


def drawing_library(store: CaseloadStore):  # type: ignore[no-untyped-def]
    """The drawing library, or None where this copy has no drawing part."""
    try:
        from ...storage.drawings import DrawingLibrary
    except ImportError:
        return None
    return DrawingLibrary(store)


def drawings_of(store: CaseloadStore, child_id: str) -> list[tuple[str, str, Path]]:
    """(drawing id, name, PNG path) for each of the child's drawings, newest first."""
    library = drawing_library(store)
    if library is None:
        return []
    return [
        (info.drawing_id, info.name, library.png_path(child_id, info.drawing_id))
        for info in library.drawings(child_id)
    ]


def file_pixmap(path: Path, px: int) -> QPixmap:
    pixmap = QPixmap(str(path))
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
        ext = choice.ext or "jpg"
        try:
            path = store.media.path(child_id, choice.ref, ext)
        except ValueError:
            return None
    else:
        library = drawing_library(store)
        if library is None:
            return None
        try:
            path = library.png_path(child_id, choice.ref)
        except (ValueError, KeyError):
            return None
    if not path.is_file():
        return None
    pixmap = file_pixmap(path, px)
    if pixmap.isNull():
        return None
    pixmap.setDevicePixelRatio(2.0)
    return pixmap
