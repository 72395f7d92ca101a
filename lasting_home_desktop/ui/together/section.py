"""The child's voice and photo album tabs for the worker's child page, each built only when
its tab is opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..section_context import ChildSectionContext


def child_voice_section(context: ChildSectionContext) -> QWidget:
    # Imported here so opening the app does not load together mode and speech.
    from .worker_view import ChildVoiceSection

    return ChildVoiceSection(context)


def photo_album_section(context: ChildSectionContext) -> QWidget:
    # Imported here for the same reason: the album is only needed when its tab is opened.
    from .album_section import PhotoAlbumSection

    return PhotoAlbumSection(context)
