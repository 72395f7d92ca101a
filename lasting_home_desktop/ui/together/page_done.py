"""All done: a celebration of what the child chose and made. Their picture, their stars and
their feeling on the left; who comes, where, how they celebrate, and their words and drawings
as big pictures on the right. With nothing chosen yet it says, gently, that that is fine and
what they could still do."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.child_voice import (
    ChosenItem,
    Page,
    chosen_items,
    nothing_yet_text,
    page_title,
    recap_sentences,
)
from ..theme import Look
from ..widgets import empty_layout
from .cards import picture_pixmap
from .my_picture import choice_pixmap, drawings_of, file_pixmap
from .page_base import TogetherPage, VoiceSession
from .style import font

WORDS_SHOWN = 90  # a few of the child's words: the rest is on the My words page
SUGGESTIONS = (
    (Page.PEOPLE, "Choose who comes", "person-friends"),
    (Page.PLACE, "Choose a place", "place-park"),
    (Page.DRAWINGS, "Make a drawing", "icon-drawings"),
)


def few_words(text: str, limit: int = WORDS_SHOWN) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def _label(text: str, name: str = "", centred: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names like "<b>&amp;" show as typed
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if centred:
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    return label


class DonePage(TogetherPage):
    page = Page.DONE
    goRequested = Signal(object)  # a Page the child wants to go to from here

    def __init__(self, session: VoiceSession, look: Look, parent: QWidget | None = None):
        super().__init__(session, look, parent)
        self.read_button.setText("  Read it all to me")
        self.read_button.setAccessibleName("Read it all to me")
        self.holder = QWidget(self)
        self.row = QHBoxLayout(self.holder)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(14)
        self.body.addWidget(self.holder, 1)
        self.tiles: dict[str, QFrame] = {}
        self.refresh()

    def spoken_extra(self) -> list[str]:
        return recap_sentences(self.session.voice, self.band, self._drawings())

    def spoken_choice(self) -> str:
        return ""  # the recap above already says everything chosen

    def _drawings(self) -> int:
        return len(drawings_of(self.session.store, self.session.child.id))

    # -- building ------------------------------------------------------------------------------

    def refresh(self) -> None:
        empty_layout(self.row)
        self.tiles = {}
        voice = self.session.voice
        items = chosen_items(voice, self.band)
        drawings = drawings_of(self.session.store, self.session.child.id)
        anything = bool(items or voice.answers or drawings or voice.preferred_name.strip())
        hero = self._hero(items, anything)
        self.row.addWidget(hero, 0)
        right = QWidget(self.holder)
        grid = QGridLayout(right)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(14)
        if anything:
            tiles = [
                self._pictures_tile(Page.PEOPLE, items, 48),
                self._pictures_tile(Page.PLACE, items, 96),
                self._pictures_tile(Page.CELEBRATION, items, 64),
                self._words_tile(drawings),
            ]
            for index, tile in enumerate(tiles):
                grid.addWidget(tile, index // 2, index % 2)
        else:
            grid.addWidget(self._nothing_yet(), 0, 0)
        self.row.addWidget(right, 1)
        for part in (hero, right):  # at once: what the child sees is never a step behind
            for widget in [part, *part.findChildren(QWidget)]:
                widget.show()

    def _panel(self, key: str, heading: str) -> tuple[QFrame, QVBoxLayout]:
        tile = QFrame(self.holder)
        tile.setObjectName("Panel")
        box = QVBoxLayout(tile)
        box.setContentsMargins(16, 10, 16, 10)
        box.setSpacing(6)
        if heading:
            box.addWidget(_label(heading, "Section"))
        self.tiles[key] = tile
        return tile, box

    def _hero(self, items: list[ChosenItem], anything: bool) -> QFrame:
        voice, child = self.session.voice, self.session.child
        name = voice.preferred_name.strip() or child.known_as
        tile, box = self._panel("me", "")
        tile.setFixedWidth(300)
        picture = QLabel(tile)
        mine = choice_pixmap(self.session.store, child.id, voice.picture, 140)
        picture.setPixmap(mine if mine is not None else picture_pixmap("person-someone", 120))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setAccessibleName("My picture")
        box.addWidget(picture)
        if anything:
            cheer = f"Well done, {name}!" if self.is_child else f"Nice work, {name}."
        else:
            cheer = f"Hello, {name}!" if self.is_child else f"Hi, {name}."
        box.addWidget(_label(cheer, "PageTitle", centred=True))
        # The child is on All done now, so it counts as a star already.
        done = [p for p in Page if p is not Page.DONE and voice.page_done(p, self._drawings())]
        box.addWidget(self._stars(len(done) + 1))
        face = [item for item in items if item.page is Page.FEELING]
        if face:
            row = QHBoxLayout()
            icon = QLabel(tile)
            icon.setPixmap(picture_pixmap(face[0].picture, 56))
            icon.setAccessibleName(face[0].label)
            row.addWidget(icon)
            feeling = f"I feel {face[0].label.lower()}."
            if voice.feeling and voice.feeling.why.strip():
                feeling += f" \u201c{few_words(voice.feeling.why, 60)}\u201d"
            row.addWidget(_label(feeling, "Small"), 1)
            box.addLayout(row)
        box.addStretch(1)
        return tile

    def _stars(self, count: int) -> QWidget:
        holder = QWidget(self.holder)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        row = QHBoxLayout()
        row.setSpacing(2)
        row.addStretch(1)
        for _ in range(count):
            star = QLabel(holder)
            star.setPixmap(picture_pixmap("icon-star-progress", 26))
            row.addWidget(star)
        row.addStretch(1)
        column.addLayout(row)
        words = f"{count} star" if count == 1 else f"{count} stars"
        column.addWidget(_label(words, "Section", centred=True))
        holder.setAccessibleName(words)
        return holder

    def _pictures_tile(self, page: Page, items: list[ChosenItem], size: int) -> QFrame:
        tile, box = self._panel(page.value, page_title(page, self.band))
        chosen = [item for item in items if item.page is page]
        if not chosen:
            box.addWidget(_label("Not chosen yet. You can go back to this page any time.", "Small"))
            box.addStretch(1)
            return tile
        cells = QGridLayout()
        cells.setSpacing(6)
        width = {48: 96, 64: 150}.get(size, size + 28)
        columns = max(1, 400 // width)
        shown = chosen if len(chosen) <= columns * 2 else chosen[: columns * 2 - 1]
        for index, item in enumerate(shown):
            cells.addWidget(self._cell(item, size, width), index // columns, index % columns)
        if len(shown) < len(chosen):
            more = _label(f"and {len(chosen) - len(shown)} more", "Small", centred=True)
            cells.addWidget(more, (len(shown)) // columns, len(shown) % columns)
        box.addLayout(cells)
        box.addStretch(1)
        return tile

    def _cell(self, item: ChosenItem, size: int, width: int) -> QWidget:
        cell = QWidget(self.holder)
        cell.setFixedWidth(width if size < 90 else 380)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        picture = QLabel(cell)
        picture.setPixmap(picture_pixmap(item.picture, size))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(picture)
        words = _label("", "Small", centred=True)
        words.setWordWrap(False)
        column.addWidget(words)
        words.ensurePolished()  # measured in the style sheet's type, not the default
        # One line under the picture: a long name ends with "..." (it is read out in full).
        room = (width if size < 90 else 380) - 4
        elided = QFontMetrics(words.font()).elidedText(
            item.label, Qt.TextElideMode.ElideRight, room
        )
        words.setText(elided)
        words.setToolTip(item.label)
        cell.setAccessibleName(item.label)
        return cell

    def _words_tile(self, drawings: list) -> QFrame:  # type: ignore[type-arg]
        heading = f"{page_title(Page.WORDS, self.band)} & {page_title(Page.DRAWINGS, self.band)}"
        tile, box = self._panel("words", heading.replace("My drawings", "my drawings"))
        answers = [a for a in self.session.voice.answers if a.text.strip()]
        for answer in answers[:2]:  # a few of their words; the rest are on My words
            quote = _label(f"\u201c{few_words(answer.text, 60)}\u201d  ({answer.mark.label})")
            quote.setFont(font(self.look, self.look.body_pt - 2))
            box.addWidget(quote)
        strip = QHBoxLayout()
        for _id, name, source in drawings[:3]:
            thumb = QLabel(tile)
            pixmap: QPixmap = file_pixmap(source, 88)
            pixmap.setDevicePixelRatio(2.0)
            thumb.setPixmap(pixmap)
            thumb.setAccessibleName(name)
            thumb.setToolTip(name)
            strip.addWidget(thumb)
        strip.addStretch(1)
        box.addLayout(strip)
        if drawings:
            count = len(drawings)
            box.addWidget(_label(f"{count} drawing" if count == 1 else f"{count} drawings"))
        if not answers and not drawings:
            box.addWidget(_label("Nothing here yet. That's fine.", "Small"))
        box.addStretch(1)
        return tile

    def _nothing_yet(self) -> QFrame:
        tile, box = self._panel("nothing", "")
        box.addWidget(_label(nothing_yet_text(self.band), "PageIntro"))
        row = QHBoxLayout()
        for page, words, icon in SUGGESTIONS:
            button = QPushButton(f"  {words}", tile)
            button.setIcon(picture_pixmap(icon, 40))
            button.setMinimumHeight(max(72, self.session.min_target_px))
            button.setAccessibleName(words)
            button.clicked.connect(lambda _=False, p=page: self.goRequested.emit(p))
            row.addWidget(button)
        box.addLayout(row)
        box.addStretch(1)
        return tile
