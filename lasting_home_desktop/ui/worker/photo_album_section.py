"""For the worker, on the child's page: the photos the child can pick from in together mode.

Worker side only, and so kept out of `ui/together`, where no module may open a system window.
The worker adds photos here with the system's file window; every photo is cleaned on the way
in (shrunk, rebuilt from its pixels, no hidden details such as where it was taken). In together
mode the child only ever sees these photos as big cards, never a file window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...storage.caseload import CaseloadStore
from ...storage.photo_album import PhotoAlbum
from ...storage.photo_import import PhotoProblem
from ..messages import UserMessages
from ..together.my_picture import file_pixmap
from ..widgets import card_grid, empty_layout, plain_label


class AlbumContext(Protocol):
    """What the tab needs from the worker's child page (its ChildSectionContext has it all);
    named here so this module need not import the child page, which imports it."""

    store: CaseloadStore
    child_id: str
    today: dt.date
    messages: UserMessages


FileChooser = Callable[[QWidget], list[Path]]
THUMB = 120


def choose_photo_files(parent: QWidget) -> list[Path]:
    """The worker picks photos with the system's own file window (worker side only)."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        "Add photos for together mode",
        str(Path.home()),
        "Pictures (*.jpg *.jpeg *.png *.gif *.webp *.bmp)",
    )
    return [Path(name) for name in names]


class PhotoAlbumSection(QWidget):
    def __init__(
        self,
        context: AlbumContext,
        choose_files: FileChooser | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.context = context
        self.album = PhotoAlbum(context.store, context.today)
        self.choose_files = choose_files or choose_photo_files
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        intro = plain_label(
            "Photos the child can choose from in together mode (on About me, as the picture "
            "that stands for them). Photos are shrunk and stripped of hidden details, such as "
            "where they were taken, before they are kept.",
            "Subtle",
        )
        top.addWidget(intro, 1)
        self.add_button = QPushButton("Add photos…")
        self.add_button.setObjectName("Primary")
        self.add_button.setAccessibleName("Add photos to the child's album")
        self.add_button.clicked.connect(self.add_photos)
        top.addWidget(self.add_button)
        layout.addLayout(top)
        self.problems = plain_label(name="Flag")
        self.problems.hide()
        layout.addWidget(self.problems)
        scroll, self._grid = card_grid()
        layout.addWidget(scroll, 1)
        self.remove_buttons: dict[str, QPushButton] = {}
        self.refresh()

    def refresh(self) -> None:
        empty_layout(self._grid)
        self.remove_buttons = {}
        child_id = self.context.child_id
        photos = self.album.photos(child_id)
        if not photos:
            self._grid.addWidget(
                plain_label("No photos yet. Add some the child might like to use.", "Subtle"),
                0,
                0,
            )
        for index, photo in enumerate(photos):
            cell = QWidget()
            box = QVBoxLayout(cell)
            picture = QToolButton()
            picture.setAccessibleName(f"Photo: {photo.name}")
            pixmap = file_pixmap(lambda p=photo: self.album.photo_bytes(child_id, p), THUMB)
            if not pixmap.isNull():
                picture.setIcon(QIcon(pixmap))
                picture.setIconSize(pixmap.size() / 2)
            name = plain_label(photo.name, centred=True)
            remove = QPushButton("Take out")
            remove.setAccessibleName(f"Take {photo.name} out of the album")
            remove.clicked.connect(lambda _=False, p=photo: self._remove(p.media_id, p.name))
            for widget in (picture, name, remove):
                box.addWidget(widget)
            self._grid.addWidget(cell, index // 5, index % 5)
            self.remove_buttons[photo.media_id] = remove

    def add_photos(self) -> None:
        problems = []
        for path in self.choose_files(self):
            try:
                self.album.add_file(self.context.child_id, path)
            except PhotoProblem as problem:
                problems.append(f"{path.name}: {problem.kind_message}")
        if problems:
            self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.refresh()

    def _remove(self, media_id: str, name: str) -> None:
        if self.context.messages.ask(
            f"Take \u201c{name}\u201d out of the album?",
            "The child will no longer see it in together mode. If it is their picture now, "
            "it stays their picture until they choose another.",
            "Take it out",
            "Keep it",
        ):
            self.album.remove(self.context.child_id, media_id)
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)


def photo_album_section(context: AlbumContext) -> QWidget:
    return PhotoAlbumSection(context)
