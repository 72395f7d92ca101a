"""All done: everything the child chose and made, shown back as tiles and read aloud."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.child_voice import (
    CELEBRATIONS,
    FEELINGS,
    PEOPLE,
    PLACES,
    Page,
    choice,
    page_title,
    recap_sentences,
)
from ..theme import Look
from .cards import picture_pixmap
from .my_picture import choice_pixmap, drawings_of, file_pixmap
from .page_base import TogetherPage, VoiceSession

NOT_YET = "Not chosen yet. You can go back to this page any time."


class DonePage(TogetherPage):
    page = Page.DONE

    def __init__(self, session: VoiceSession, look: Look, parent: QWidget | None = None):
        super().__init__(session, look, parent)
        self.read_button.setText("  Read it all to me")
        self.read_button.setAccessibleName("Read it all to me")
        self.holder = QWidget(self)
        self.grid = QGridLayout(self.holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(16)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self.body.addWidget(self.holder)
        self.body.addStretch(1)
        self.refresh()

    def spoken_extra(self) -> list[str]:
        return recap_sentences(self.session.voice, self.band, self._drawings())

    def _drawings(self) -> int:
        return len(drawings_of(self.session.store, self.session.child.id))

    def _tile(
        self,
        heading: str,
        text: str,
        pictures: list[str] = (),  # type: ignore[assignment]
        pixmaps: list[QPixmap] = (),  # type: ignore[assignment]
        size: int = 48,
    ) -> QFrame:
        tile = QFrame(self.holder)
        tile.setObjectName("Panel")
        box = QVBoxLayout(tile)
        box.setContentsMargins(20, 14, 20, 16)
        head = QLabel(heading, tile)
        head.setObjectName("Section")
        box.addWidget(head)
        if pictures or pixmaps:
            strip = QHBoxLayout()
            strip.setSpacing(8)
            for name in list(pictures)[:10]:
                pic = QLabel(tile)
                pic.setPixmap(picture_pixmap(name, size))
                strip.addWidget(pic)
            for pixmap in pixmaps:
                pic = QLabel(tile)
                pic.setPixmap(pixmap)
                strip.addWidget(pic)
            strip.addStretch(1)
            box.addLayout(strip)
        words = QLabel(text, tile)
        words.setTextFormat(Qt.TextFormat.PlainText)
        words.setWordWrap(True)
        words.setObjectName("PageIntro" if text != NOT_YET else "Small")
        box.addWidget(words)
        box.addStretch(1)
        return tile

    def refresh(self) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        voice, band = self.session.voice, self.band
        store, child_id = self.session.store, self.session.child.id
        name = voice.preferred_name.strip() or self.session.child.known_as
        mine = choice_pixmap(store, child_id, voice.picture, 72)
        cheer = f"Well done, {name}!" if self.is_child else f"Nice work, {name}."
        tiles: list[tuple[QFrame, int]] = [
            (
                self._tile(
                    cheer,
                    "This is what you chose and made.",
                    pixmaps=[mine] if mine else [],
                    size=72,
                ),
                1,
            )
        ]
        face = choice(FEELINGS, voice.feeling.face) if voice.feeling else None
        feel = face.text(band) if face else NOT_YET
        if voice.feeling and voice.feeling.why.strip():
            feel += f". {voice.feeling.why.strip()}"
        tiles.append(
            (self._tile(page_title(Page.FEELING, band), feel, [face.picture] if face else []), 1)
        )
        people = [c for c in (choice(PEOPLE, i) for i in voice.people) if c]
        names = [c.text(band) for c in people] + [p.name for p in voice.added_people]
        tiles.append(
            (
                self._tile(
                    page_title(Page.PEOPLE, band),
                    ", ".join(names) or NOT_YET,
                    [c.picture for c in people] + [p.picture for p in voice.added_people],
                    size=40,
                ),
                2,
            )
        )
        place = choice(PLACES, voice.place)
        where = place.text(band) if place else NOT_YET
        if place and voice.place_typed.strip():
            where += f": {voice.place_typed.strip()}"
        tiles.append(
            (self._tile(page_title(Page.PLACE, band), where, [place.picture] if place else []), 1)
        )
        ways = [c for c in (choice(CELEBRATIONS, i) for i in voice.celebrations) if c]
        text = ", ".join(c.text(band) for c in ways) or NOT_YET
        if voice.celebration_typed.strip() and any(c.typed for c in ways):
            text += f": {voice.celebration_typed.strip()}"
        tiles.append(
            (self._tile(page_title(Page.CELEBRATION, band), text, [c.picture for c in ways]), 1)
        )
        drawings = drawings_of(store, child_id)
        thumbs = []
        for _, _, path in drawings[:6]:
            thumb = file_pixmap(path, 48)
            thumb.setDevicePixelRatio(2.0)
            thumbs.append(thumb)
        count = len(drawings)
        tiles.append(
            (
                self._tile(
                    page_title(Page.DRAWINGS, band),
                    (f"{count} drawing" if count == 1 else f"{count} drawings")
                    if count
                    else NOT_YET,
                    pixmaps=thumbs,
                ),
                2,
            )
        )
        if voice.answers:
            words = "\n\n".join(
                f"\u201c{a.text.strip()}\u201d  ({a.mark.label})" for a in voice.answers
            )
            tiles.append(
                (self._tile(page_title(Page.WORDS, band), words, ["icon-words"], size=32), 2)
            )
        row = column = 0
        for tile, span in tiles:
            if column + span > 2:
                row, column = row + 1, 0
            self.grid.addWidget(tile, row, column, 1, span)
            tile.show()
            column += span
            if column >= 2:
                row, column = row + 1, 0
