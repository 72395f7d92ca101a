"""My drawings: the drawing studio, inside together mode."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ...domain.child_voice import Page
from ..drawing.studio import DrawingStudio
from ..theme import Look
from .my_picture import drawing_library, drawings_of
from .page_base import TogetherPage, VoiceSession


class DrawingsPage(TogetherPage):
    page = Page.DRAWINGS
    drawingsChanged = Signal()

    def __init__(self, session: VoiceSession, look: Look, parent: QWidget | None = None):
        super().__init__(session, look, parent)
        self.layout().setContentsMargins(10, 6, 10, 0)  # the picture gets every pixel it can
        self.studio = DrawingStudio(drawing_library(session.store), session.child.id, look, self)
        self.studio.set_min_target(session.min_target_px)
        self.studio.canvas.set_tap_to_draw(session.settings.tap_to_draw)
        self.studio.drawingsChanged.connect(self.drawingsChanged)
        self.studio.drawingBinned.connect(self._binned)
        self.body.addWidget(self.studio, 1)
        self.intro_label.hide()  # the studio speaks for itself; "read it to me" still says it

    def spoken_extra(self) -> list[str]:
        return [self.studio.tools_text()]

    def drawing_count(self) -> int:
        return len(drawings_of(self.session.store, self.session.child.id))

    def _binned(self, drawing_id: str) -> None:
        # A drawing in the bin is no longer the child's picture (their card or book).
        self.session.change(lambda v: v.without_binned_drawing(drawing_id, self.session.today))

    def flush(self) -> None:
        super().flush()
        self.studio.flush()
