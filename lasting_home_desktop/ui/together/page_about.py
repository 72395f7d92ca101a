"""About me: the name I like to be called, and a picture that stands for me: an avatar, one of
my drawings, or a photo from the album my worker made for me. No file window, ever."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ... import resources
from ...domain.child_voice import NAME_LIMIT, Page, PictureChoice, PictureKind
from ...storage.photo_album import PhotoAlbum
from ..theme import Look
from .card_grid import CardGrid
from .cards import PictureCard, picture_pixmap
from .my_picture import choice_pixmap, drawings_of, file_pixmap
from .page_base import TogetherPage, VoiceSession, show_kind
from .style import CardSize

KINDS = (
    (PictureKind.AVATAR, "Pictures", "icon-wave"),
    (PictureKind.DRAWING, "My drawings", "icon-drawings"),
    (PictureKind.PHOTO, "Photos", "avatar-camera"),
)
EMPTY = {
    PictureKind.DRAWING: "No drawings yet. You can make some on the My drawings page!",
    PictureKind.PHOTO: "No photos yet. Your worker can add some photos for you on their side.",
}


def avatar_words(name: str) -> str:
    return name.removeprefix("avatar-").replace("-", " ").capitalize()


class AboutMePage(TogetherPage):
    page = Page.ABOUT_ME

    def __init__(self, session: VoiceSession, look: Look, parent: QWidget | None = None):
        super().__init__(session, look, parent)
        self.album = PhotoAlbum(session.store, session.today)
        self._name_row()
        self._picture_kinds()
        self.avatars = self.kind_grids[PictureKind.AVATAR]
        self.drawing_cards = self.kind_grids[PictureKind.DRAWING]
        self.photo_cards = self.kind_grids[PictureKind.PHOTO]
        self.no_drawings = self.empty_notes[PictureKind.DRAWING]
        self.no_photos = self.empty_notes[PictureKind.PHOTO]
        self._small = CardSize(width=112, height=128, picture=64, columns=0)
        self._big = CardSize(width=150, height=150, picture=96, columns=0)
        for name in resources.pictures("avatar-"):
            card = PictureCard(avatar_words(name), look, name, key=name, size=self._small)
            self.avatars.add(card)
        self._typing = self.keeper(self._save_name)
        self._refreshing = False
        self.name_edit.textChanged.connect(self._name_typed)
        self.name_edit.editingFinished.connect(self._typing.flush)
        picture = session.voice.picture
        self.show_kind(picture.kind if picture else PictureKind.AVATAR)
        self.refresh()

    def _name_row(self) -> None:
        session = self.session
        top = QHBoxLayout()
        self.preview = QLabel(self)
        self.preview.setFixedSize(96, 96)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setObjectName("Panel")
        self.preview.setAccessibleName("My picture")
        top.addWidget(self.preview)
        label = QLabel(
            "The name I like to be called" if self.is_child else "The name I like to go by", self
        )
        label.setObjectName("Section")
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.text_box(self.name_edit, label.text())
        self.name_edit.setPlaceholderText(session.child.known_as)
        label.setBuddy(self.name_edit)
        top.addWidget(label)
        top.addWidget(self.name_edit, 1)
        self.body.addLayout(top)
        self.problem = self.kind_label()
        self.body.addWidget(self.problem)

    def _picture_kinds(self) -> None:
        """Three big buttons (pictures, my drawings, photos), each showing its own cards."""
        switch = QHBoxLayout()
        heading = QLabel("Pick a picture to be me:" if self.is_child else "My picture:", self)
        heading.setObjectName("Section")
        switch.addWidget(heading)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[PictureKind, QPushButton] = {}
        self.stack = QStackedWidget(self)
        self._photo_ext: dict[str, str] = {}
        self.kind_grids: dict[PictureKind, CardGrid] = {}
        self.empty_notes: dict[PictureKind, QLabel] = {}
        for kind, words, icon in KINDS:
            button = QPushButton(f"  {words}", self)
            button.setIcon(picture_pixmap(icon, 32))
            button.setCheckable(True)
            button.setAccessibleName(f"Show {words.lower()}")
            button.setMinimumHeight(self.session.min_target_px)
            button.clicked.connect(partial(self.show_kind, kind))
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            switch.addWidget(button)
            holder = QWidget(self.stack)
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            note = QLabel(EMPTY.get(kind, ""), holder)
            note.setObjectName("Gentle")
            note.setWordWrap(True)
            note.hide()
            grid = self.card_grid(exclusive=True)
            grid.setParent(holder)
            grid.chosen.connect(partial(self._picture_chosen, kind))
            box.addWidget(note)
            box.addWidget(grid, 1)
            self.stack.addWidget(holder)
            self.kind_grids[kind] = grid
            self.empty_notes[kind] = note
        switch.addStretch(1)
        self.body.addLayout(switch)
        self.body.addWidget(self.stack, 1)

    def show_kind(self, kind: PictureKind, *_: object) -> None:
        self.kind_buttons[kind].setChecked(True)
        self.stack.setCurrentIndex([k for k, _w, _i in KINDS].index(kind))

    def _name_typed(self, _text: str) -> None:
        if not self._refreshing:
            self._typing.typed()

    def spoken_extra(self) -> list[str]:
        name = self.session.voice.preferred_name.strip()
        extra = [f"You like to be called {name}."] if name else []
        extra.append("You can pick a picture, one of your drawings, or a photo.")
        return extra

    def refresh(self) -> None:
        voice = self.session.voice
        if not self.name_edit.hasFocus() and self.name_edit.text() != voice.preferred_name:
            self._refreshing = True
            self.name_edit.setText(voice.preferred_name)
            self._refreshing = False
        self._fill_drawings()
        self._fill_photos()
        picture = voice.picture
        for kind, grid in self.kind_grids.items():
            chosen = picture is not None and picture.kind is kind
            grid.set_chosen({picture.ref} if chosen and picture else set())
        pixmap = choice_pixmap(self.session.store, self.session.child.id, picture, 88)
        if pixmap is None:
            pixmap = picture_pixmap("person-someone", 80)
            self.preview.setToolTip("No picture chosen yet")
        self.preview.setPixmap(pixmap)

    def _fill_drawings(self) -> None:
        grid = self.drawing_cards
        grid.clear()
        for drawing_id, name, source in drawings_of(self.session.store, self.session.child.id):
            card = PictureCard(
                name, self.look, pixmap=file_pixmap(source, 96), key=drawing_id, size=self._big
            )
            grid.add(card)
        self.no_drawings.setVisible(not grid.cards)

    def _fill_photos(self) -> None:
        grid = self.photo_cards
        grid.clear()
        child_id = self.session.child.id
        for photo in self.album.photos(child_id):
            source = partial(self.album.photo_bytes, child_id, photo)
            card = PictureCard(
                photo.name,
                self.look,
                pixmap=file_pixmap(source, 96),
                key=photo.media_id,
                size=self._big,
            )
            self._photo_ext[photo.media_id] = photo.ext
            grid.add(card)
        self.no_photos.setVisible(not grid.cards)

    def _save_name(self) -> None:
        text = self.name_edit.text()
        show_kind(
            self.problem,
            self.session.change(lambda v: v.with_preferred_name(text, self.session.today)),
        )

    def _set_picture(self, picture: PictureChoice | None) -> None:
        self.flush()  # keep the name being typed before the page is redrawn
        show_kind(
            self.problem, self.session.change(lambda v: v.with_picture(picture, self.session.today))
        )
        self.refresh()

    def _picture_chosen(self, kind: PictureKind, key: str, chosen: bool) -> None:
        if not chosen:
            self._set_picture(None)
            return
        ext = ""
        if kind is PictureKind.PHOTO:
            ext = self._photo_ext.get(key, "jpg")
        self._set_picture(PictureChoice(kind, key, ext))
