"""My drawings: the drawing studio, inside together mode."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from ...domain.child_voice import Page
from ..theme import Look
from .cards import CardGrid, PictureCard
from .my_picture import drawing_library, drawings_of, file_pixmap
from .page_base import TogetherPage, VoiceSession
from .style import CardSize


def _studio_class():  # type: ignore[no-untyped-def]
    try:
        from ..drawing.studio import DrawingStudio
    except ImportError:
        return None
    return DrawingStudio


class DrawingsPage(TogetherPage):
    page = Page.DRAWINGS
    drawingsChanged = Signal()

    def __init__(self, session: VoiceSession, look: Look, parent: QWidget | None = None):
        super().__init__(session, look, parent)
        self.studio = None
        library = drawing_library(session.store)
        studio_class = _studio_class()
        if library is not None and studio_class is not None:
            self.studio = studio_class(library, session.child.id, look, parent=self)
            self.studio.drawingsChanged.connect(self.drawingsChanged)
            self.body.addWidget(self.studio, 1)
            self.intro_label.hide()  # the studio speaks for itself; "read it to me" still says it
            self.gallery = None
        else:
            # Where this copy has no drawing studio, the child still sees what they drew.
            note = QLabel("Here are your drawings.", self)
            note.setObjectName("Section")
            self.body.addWidget(note)
            size = CardSize(width=200, height=200, picture=140, columns=5)
            self.gallery = CardGrid(size.columns, parent=self)
            self._size = size
            self.body.addWidget(self.gallery)
            self.body.addStretch(1)
        self.refresh()

    def drawing_count(self) -> int:
        return len(drawings_of(self.session.store, self.session.child.id))

    def refresh(self) -> None:
        if self.gallery is None:
            return
        for card in self.gallery.cards:
            card.setParent(None)
            card.deleteLater()
        self.gallery.cards.clear()
        for drawing_id, name, path in drawings_of(self.session.store, self.session.child.id):
            card = PictureCard(
                name,
                self.look,
                pixmap=file_pixmap(path, 140),
                key=drawing_id,
                size=self._size,
                checkable=False,
            )
            self.gallery.add(card)

    def flush(self) -> None:
        super().flush()
        if self.studio is not None:
            self.studio.flush()
