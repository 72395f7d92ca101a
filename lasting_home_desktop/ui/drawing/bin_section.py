"""For the worker, on the child's page: drawings the child threw away, to bring back (or, with
the child's agreement, delete for good)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_long, from_iso
from ...storage.drawings import DrawingInfo, DrawingLibrary
from ..widgets import card_grid, empty_layout
from .gallery import ThumbnailCache

if TYPE_CHECKING:  # the worker's page imports this module: no import back at run time
    from ..section_context import ChildSectionContext

THUMB = 200


class DrawingBinSection(QWidget):
    def __init__(self, context: ChildSectionContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.library = DrawingLibrary(context.store)
        self.thumbnails = ThumbnailCache()
        layout = QVBoxLayout(self)
        title = QLabel("Drawings in the bin")
        title.setObjectName("Headline")
        layout.addWidget(title)
        self.summary = QLabel()
        self.summary.setObjectName("Subtle")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        scroll, self._grid = card_grid()
        layout.addWidget(scroll, 1)
        self.restore_buttons: dict[str, QPushButton] = {}
        self.delete_buttons: dict[str, QPushButton] = {}
        self.refresh()

    def refresh(self) -> None:
        empty_layout(self._grid)
        self.restore_buttons, self.delete_buttons = {}, {}
        binned = self.library.binned(self.context.child_id)
        kept = len(self.library.drawings(self.context.child_id))
        if binned:
            self.summary.setText(
                f"The child put {len(binned)} drawing{'s' if len(binned) != 1 else ''} in the "
                f"bin ({kept} still in their drawings). Bring one back and it shows in their "
                "drawings again."
            )
        else:
            self.summary.setText(
                f"The bin is empty. The child has {kept} drawing{'s' if kept != 1 else ''}."
            )
        for row, info in enumerate(binned):
            self._row(row, info)

    def _row(self, row: int, info: DrawingInfo) -> None:
        picture = QToolButton()
        picture.setAccessibleName(f"Picture of {info.name}")
        picture.setToolTip(info.name)
        pixmap = self.thumbnails.get(
            self.library.png_path(self.context.child_id, info.drawing_id),
            THUMB,
            lambda: self.library.png_bytes(self.context.child_id, info.drawing_id),
        )
        if pixmap is not None:
            picture.setIcon(QIcon(pixmap))
            picture.setIconSize(pixmap.size())
        name = QLabel(f"{info.name}\nLast changed {_day(info.updated)}")
        name.setTextFormat(Qt.TextFormat.PlainText)  # names are shown literally
        restore = QPushButton("Bring back")
        restore.setObjectName("Primary")
        restore.setAccessibleName(f"Bring back {info.name}")
        restore.setToolTip("Put this drawing back in the child's drawings")
        restore.clicked.connect(lambda: self._restore(info))
        delete = QPushButton("Delete for good")
        delete.setAccessibleName(f"Delete {info.name} for good")
        delete.setToolTip("Remove the drawing and its file from this computer")
        delete.clicked.connect(lambda: self._delete(info))
        self._grid.addWidget(picture, row, 0)
        self._grid.addWidget(name, row, 1)
        self._grid.addWidget(restore, row, 2)
        self._grid.addWidget(delete, row, 3)
        self.restore_buttons[info.drawing_id] = restore
        self.delete_buttons[info.drawing_id] = delete

    def _restore(self, info: DrawingInfo) -> None:
        self.library.restore(self.context.child_id, info.drawing_id)
        self.context.store.audit.record(
            "restored", self.context.child_id, "A drawing brought back from the bin"
        )
        self.refresh()

    def _delete(self, info: DrawingInfo) -> None:
        if self.context.messages.ask(
            f"Delete \u201c{info.name}\u201d for good?",
            "The drawing and its file are removed from this computer and cannot be brought "
            "back. Check with the child first.",
            "Delete for good",
            "Keep it in the bin",
        ):
            self.library.delete_for_good(self.context.child_id, info.drawing_id)
            self.context.store.audit.record(
                "deleted", self.context.child_id, "A drawing deleted for good from the bin"
            )
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # the child may have thrown something away since
        super().showEvent(event)


def drawing_bin_section(context: ChildSectionContext) -> QWidget:
    return DrawingBinSection(context)


def _day(stamp: str) -> str:
    try:
        return format_long(from_iso(stamp[:10]), empty="at an unknown time")
    except (TypeError, ValueError):
        return "at an unknown time"
