"""The child's voice tab for the worker's child page, built only when the tab is opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..section_context import ChildSectionContext


def child_voice_section(context: ChildSectionContext) -> QWidget:
    # Imported here so opening the app does not load together mode and speech.
    from .worker_view import ChildVoiceSection

    return ChildVoiceSection(context)
