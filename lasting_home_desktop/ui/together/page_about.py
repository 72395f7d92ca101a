"""About me: the name I like to be called, and a picture that stands for me."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ... import resources
from ...domain.child_voice import NAME_LIMIT, Page, PictureChoice, PictureKind
from ...storage.photo_import import (
    SIZE_LIMIT_BYTES,
    TOO_BIG_FILE,
    PhotoProblem,
    import_photo,
    photo_extension,
)
from ..theme import Look
from .cards import CardGrid, PictureCard, picture_pixmap
from .my_picture import choice_pixmap, drawings_of, file_pixmap
from .page_base import TogetherPage, VoiceSession, show_kind
from .style import CardSize

FileChooser = Callable[[QWidget], Path | None]


def choose_photo_file(parent: QWidget) -> Path | None:
    """The worker picks a photo file with the system's own file window."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        "Choose a photo",
        str(Path.home()),
        "Pictures (*.jpg *.jpeg *.png *.gif *.webp *.bmp)",
    )
    return Path(name) if name else None


def avatar_words(name: str) -> str:
    return name.removeprefix("avatar-").replace("-", " ").capitalize()


class AboutMePage(TogetherPage):
    page = Page.ABOUT_ME

    def __init__(
        self,
        session: VoiceSession,
        look: Look,
        choose_file: FileChooser | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(session, look, parent)
        self.choose_file = choose_file or choose_photo_file
        top = QHBoxLayout()
        self.preview = QLabel(self)
        self.preview.setFixedSize(150, 150)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setObjectName("Panel")
        self.preview.setAccessibleName("My picture")
        top.addWidget(self.preview)
        name_box = QHBoxLayout()
        label = QLabel(
            "The name I like to be called" if self.is_child else "The name I like to go by", self
        )
        label.setObjectName("Section")
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.name_edit.setAccessibleName(label.text())
        self.name_edit.setPlaceholderText(session.child.known_as)
        label.setBuddy(self.name_edit)
        column = QWidget(self)
        col = QHBoxLayout(column)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(label)
        col.addWidget(self.name_edit, 1)
        name_box.addWidget(column)
        top.addLayout(name_box, 1)
        self.body.addLayout(top)
        self.problem = self.kind_label()
        self.body.addWidget(self.problem)

        pictures_label = QLabel("Pick a picture to be me" if self.is_child else "An avatar", self)
        pictures_label.setObjectName("Section")
        self.body.addWidget(pictures_label)
        small = CardSize(width=108, height=112, picture=56, columns=10)
        self.avatars = CardGrid(small.columns, exclusive=True, parent=self)
        for name in resources.pictures("avatar-"):
            self.avatars.add(PictureCard(avatar_words(name), look, name, key=name, size=small))
        self.avatars.chosen.connect(self._avatar_chosen)
        self.body.addWidget(self.avatars)

        drawings_label = QLabel(
            "Or one of my drawings" if self.is_child else "Or one of my drawings", self
        )
        drawings_label.setObjectName("Section")
        self.body.addWidget(drawings_label)
        self.drawing_cards = CardGrid(small.columns, exclusive=True, parent=self)
        self.drawing_cards.chosen.connect(self._drawing_chosen)
        self.body.addWidget(self.drawing_cards)
        self.no_drawings = QLabel(
            "No drawings yet. You can make some on the My drawings page!", self
        )
        self.no_drawings.setObjectName("Small")
        self.body.addWidget(self.no_drawings)
        self._small = small

        photo_row = QHBoxLayout()
        self.photo_button = QPushButton("  Use a photo", self)
        self.photo_button.setIcon(picture_pixmap("avatar-camera", 32))
        self.photo_button.setAccessibleName("Use a photo (your worker can help)")
        self.photo_button.clicked.connect(self.use_photo)
        photo_row.addWidget(self.photo_button)
        hint = QLabel("Your worker can help you find one.", self)
        hint.setObjectName("Small")
        photo_row.addWidget(hint)
        photo_row.addStretch(1)
        self.body.addLayout(photo_row)
        self.body.addStretch(1)

        self._typing = self.keeper(self._save_name)
        self._refreshing = False
        self.name_edit.textChanged.connect(self._name_typed)
        self.name_edit.editingFinished.connect(self._typing.flush)
        self.refresh()

    def _name_typed(self, _text: str) -> None:
        if not self._refreshing:
            self._typing.typed()

    def spoken_extra(self) -> list[str]:
        name = self.session.voice.preferred_name.strip()
        return [f"You like to be called {name}."] if name else []

    def refresh(self) -> None:
        voice = self.session.voice
        if not self.name_edit.hasFocus() and self.name_edit.text() != voice.preferred_name:
            self._refreshing = True
            self.name_edit.setText(voice.preferred_name)
            self._refreshing = False
        picture = voice.picture
        self.avatars.set_chosen(
            {picture.ref} if picture and picture.kind is PictureKind.AVATAR else set()
        )
        self._fill_drawings()
        pixmap = choice_pixmap(self.session.store, self.session.child.id, picture, 130)
        if pixmap is None:
            pixmap = picture_pixmap("person-someone", 110)
            self.preview.setToolTip("No picture chosen yet")
        self.preview.setPixmap(pixmap)

    def _fill_drawings(self) -> None:
        for card in self.drawing_cards.cards:
            card.setParent(None)
            card.deleteLater()
        self.drawing_cards.cards.clear()
        drawings = drawings_of(self.session.store, self.session.child.id)
        for drawing_id, name, path in drawings:
            card = PictureCard(
                name, self.look, pixmap=file_pixmap(path, 56), key=drawing_id, size=self._small
            )
            self.drawing_cards.add(card)
        picture = self.session.voice.picture
        self.drawing_cards.set_chosen(
            {picture.ref} if picture and picture.kind is PictureKind.DRAWING else set()
        )
        self.no_drawings.setVisible(not drawings)

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

    def _avatar_chosen(self, key: str, chosen: bool) -> None:
        self._set_picture(PictureChoice(PictureKind.AVATAR, key) if chosen else None)

    def _drawing_chosen(self, key: str, chosen: bool) -> None:
        self._set_picture(PictureChoice(PictureKind.DRAWING, key) if chosen else None)

    def use_photo(self) -> None:
        path = self.choose_file(self)
        if path is None:
            return
        try:
            if path.stat().st_size > SIZE_LIMIT_BYTES:
                raise PhotoProblem(TOO_BIG_FILE)
            clean = import_photo(path.read_bytes())
        except PhotoProblem as problem:
            show_kind(self.problem, problem.kind_message)
            return
        except OSError:
            show_kind(self.problem, "That file couldn't be opened. Please try another photo.")
            return
        ext = photo_extension(clean)
        media_id = self.session.store.media.put(self.session.child.id, clean, ext)
        self._set_picture(PictureChoice(PictureKind.PHOTO, media_id, ext))
