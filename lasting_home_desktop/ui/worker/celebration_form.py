"""The celebration the child chose: what and when, the contribution agreed at the matching
meeting, and the carers' photos for the memory box (imported safely, shown as a gallery)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ...domain.celebration import Celebration, CelebrationPhoto
from ...domain.matching_meeting import MatchingMeeting
from ...domain.record_checks import format_pounds
from ...storage.adults import child_choices
from ...storage.photo_import import PhotoProblem, keep_photo, read_photo_file
from ...storage.safe_files import StorageWriteError
from ..picture_bytes import pixmap_from
from ..section_context import ChildSectionContext
from ..widgets import plain_label
from .section_form import SectionForm, date_field, read_date, show_date, text_box

PhotoChooser = Callable[[QWidget], list[str]]
THUMB = 150


def _choose_with_dialog(parent: QWidget) -> list[str]:
    files, _filter = QFileDialog.getOpenFileNames(
        parent, "Add celebration photos", "", "Photos (*.jpg *.jpeg *.png *.webp *.gif *.bmp)"
    )
    return files


class CelebrationForm(SectionForm):
    record_type = Celebration
    what = "celebration"
    heading = "Celebration"
    intro = (
        "The celebration the child chose, with the contribution agreed at the matching meeting. "
        "Carers can add photos for the child's life story and memory box."
    )

    def __init__(
        self,
        context: ChildSectionContext,
        choose_photos: PhotoChooser | None = None,
        parent: QWidget | None = None,
    ):
        self.choose_photos = choose_photos or _choose_with_dialog
        super().__init__(context, parent)

    def build(self) -> None:
        self.what_field = QLineEdit()
        self.child_chose = plain_label(name="Subtle")
        self.date = date_field()
        self.contribution = plain_label()
        self.notes = text_box(80)
        self.gallery = QListWidget()
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(THUMB, THUMB))
        self.gallery.setGridSize(QSize(THUMB + 24, THUMB + 44))
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setWordWrap(True)
        self.gallery.setMinimumHeight(THUMB + 70)
        self.add_photos = QPushButton("Add photos…")
        self.add_photos.clicked.connect(self.add_chosen_photos)
        self.remove_photo = QPushButton("Remove selected photo")
        self.remove_photo.clicked.connect(self.remove_selected_photo)
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_photos)
        row.addWidget(self.remove_photo)
        row.addStretch(1)
        form = self.form
        form.addRow("What", self.what_field)
        form.addRow("", self.child_chose)
        form.addRow("When", self.date)
        form.addRow("Agreed contribution", self.contribution)
        form.addRow("Notes", self.notes)
        form.addRow("Photos for the memory box", self.gallery)
        form.addRow("", buttons)
        form.addRow("", plain_label("Double-click a photo to write a caption.", "Subtle"))

    def reload(self) -> None:
        child = self.child
        celebration = self.records.load(Celebration, child.id)
        meeting = self.records.load(MatchingMeeting, child.id)
        chose = child_choices(self.context.store, child.id).celebration
        self.what_field.setText(celebration.what or chose or meeting.celebration_plan[:200])
        show_date(self.date, child.journey.celebration)
        self.show_facts()
        self.notes.setPlainText(celebration.notes)
        self._show_photos(celebration.photos)

    def _show_photos(self, photos: tuple[CelebrationPhoto, ...]) -> None:
        self.gallery.clear()
        media = self.context.store.media
        for photo in photos:
            # Read through the store: in an encrypted folder the file on disk is sealed.
            pixmap = pixmap_from(
                media.read_or_none(self.context.child_id, photo.media_id, photo.ext)
            )
            item = QListWidgetItem(photo.caption)
            if not pixmap.isNull():
                item.setIcon(QIcon(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio)))
            item.setData(Qt.ItemDataRole.UserRole, (photo.media_id, photo.ext))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.gallery.addItem(item)

    def show_facts(self) -> None:
        child_id = self.context.child_id
        chose = child_choices(self.context.store, child_id).celebration
        meeting = self.records.load(MatchingMeeting, child_id)
        self.child_chose.setText(
            f"The child chose: {chose}" if chose else "The child has not chosen yet."
        )
        self.contribution.setText(
            f"{format_pounds(meeting.contribution_pence)} (agreed at the matching meeting)"
            if meeting.contribution_pence is not None
            else "Not agreed yet: it is agreed at the matching meeting."
        )

    def form_state(self) -> dict:
        # Captions typed under the photos are typing too.
        captions = [self.gallery.item(i).text() for i in range(self.gallery.count())]
        return {**super().form_state(), "captions": captions}

    def restore_form_state(self, state: dict) -> None:
        super().restore_form_state(state)
        captions = state.get("captions") or []
        if len(captions) == self.gallery.count():
            for index, caption in enumerate(captions):
                self.gallery.item(index).setText(str(caption))

    def _gallery_photos(self) -> tuple[CelebrationPhoto, ...]:
        photos = []
        for index in range(self.gallery.count()):
            item = self.gallery.item(index)
            media_id, ext = item.data(Qt.ItemDataRole.UserRole)
            photos.append(CelebrationPhoto(media_id, ext, item.text().strip()))
        return tuple(photos)

    # -- photos are kept as soon as they are added, so none is lost ---------------------------

    def add_chosen_photos(self) -> None:
        files = self.choose_photos(self)
        if not files:
            return
        stored = self.records.load(Celebration, self.context.child_id)
        # Keep captions typed in the gallery but not yet saved.
        stored = Celebration(stored.what, stored.notes, self._gallery_photos())
        added, refused = 0, []
        for name in files:
            try:
                data = read_photo_file(Path(name))
                media_id, ext = keep_photo(self.context.store.media, self.context.child_id, data)
            except PhotoProblem as problem:
                refused.append(f"{Path(name).name}: {problem.kind_message}")
                continue
            except (OSError, StorageWriteError) as error:
                refused.append(f"{Path(name).name}: could not be read or saved ({error}).")
                continue
            stored = stored.with_photo(CelebrationPhoto(media_id, ext))
            added += 1
        if added:
            with self.own_changes():
                self.records.save(self.context.child_id, stored)
            self._show_photos(stored.photos)
            self.status.setText(f"{added} photo{'s' if added != 1 else ''} added and saved.")
        if refused:
            self.context.messages.tell(
                "Some photos could not be added" if added else "That photo could not be added",
                "\n".join(f"• {line}" for line in refused),
                problem=True,
            )

    def remove_selected_photo(self) -> None:
        item = self.gallery.currentItem()
        if item is None:
            return
        if not self.context.messages.ask(
            "Remove this photo?",
            "The photo will be taken out of the memory box gallery and deleted.",
            "Remove photo",
            "Keep it",
        ):
            return
        media_id, ext = item.data(Qt.ItemDataRole.UserRole)
        stored = self.records.load(Celebration, self.context.child_id).without_photo(media_id)
        with self.own_changes():
            self.records.save(self.context.child_id, stored)
        self.context.store.media.delete(self.context.child_id, media_id, ext)
        self._show_photos(stored.photos)

    def store_changes(self) -> list[str]:
        problems: list[str] = []
        day = read_date(self.date, "When", problems)
        celebration = Celebration(
            what=self.what_field.text().strip(),
            notes=self.notes.toPlainText(),
            photos=self._gallery_photos(),
        )
        problems += celebration.problems()
        if problems:
            return problems
        self.save_record(celebration, celebration=day)
        return []


def celebration_section(context: ChildSectionContext) -> QWidget:
    return CelebrationForm(context)
