"""The child's drawings as big pictures: tap one to carry on, give it a name, or throw it
away into the bin (the worker can bring it back)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...storage.drawings import DrawingInfo, DrawingLibrary
from ..picture_bytes import image_from
from ..widgets import empty_layout
from .style import StudioSizes, new_paper_icon
from .toolbars import big_button, icon_button


class ThumbnailCache:
    """Small copies of saved drawings, remade only when the file changes. The picture is
    read through `read` (it may be sealed on disk); the path only says when it changed."""

    def __init__(self) -> None:
        self._kept: dict[tuple[Path, int], QPixmap] = {}

    def get(
        self, path: Path, width: int, read: Callable[[], bytes | None] | None = None
    ) -> QPixmap | None:
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return None
        key = (path, stamp * 10_000 + width)
        if key not in self._kept:
            image = image_from(read if read is not None else path, width)
            if image.isNull():
                return None
            self._kept = {k: v for k, v in self._kept.items() if k[0] != path}
            self._kept[key] = QPixmap.fromImage(image)
        return self._kept[key]


class DrawingGallery(QWidget):
    openRequested = Signal(str)
    nameRequested = Signal(str)
    binRequested = Signal(str)
    newRequested = Signal()
    backRequested = Signal()

    def __init__(
        self,
        library: DrawingLibrary,
        child_id: str,
        sizes: StudioSizes,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.library = library
        self.child_id = child_id
        self.sizes = sizes
        self.thumbnails = ThumbnailCache()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        # Not a second "Back": together mode has its own. This one carries on drawing.
        back = icon_button(
            "icon-pencil", "Keep drawing", "Carry on with your drawing", sizes, text="Keep drawing"
        )
        back.clicked.connect(self.backRequested.emit)
        title = QLabel("My drawings")
        title.setObjectName("StudioTitle")
        top.addWidget(back)
        top.addWidget(title, 1)
        layout.addLayout(top)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self._holder = QWidget()
        self._holder.setObjectName("Shelf")
        self._grid = QGridLayout(self._holder)
        self._grid.setSpacing(20)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll.setWidget(self._holder)
        layout.addWidget(scroll, 1)
        self.tiles: dict[str, QFrame] = {}

    def refresh(self) -> None:
        empty_layout(self._grid)
        self.tiles = {}
        columns = max(2, (self.width() - 60) // (self.sizes.thumb + 70))
        new = big_button(
            "New drawing",
            "Start a new drawing",
            self.sizes,
            new_paper_icon(self.sizes.thumb // 2),
            text="New drawing",
        )
        new.setText("New drawing")
        new.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        new.setIconSize(QSize(self.sizes.thumb // 2, self.sizes.thumb // 2))
        new.setFixedSize(self.sizes.thumb + 48, self._tile_height())
        new.clicked.connect(self.newRequested.emit)
        self._grid.addWidget(new, 0, 0)
        for index, info in enumerate(self.library.drawings(self.child_id), start=1):
            tile = self._tile(info)
            self.tiles[info.drawing_id] = tile
            self._grid.addWidget(tile, index // columns, index % columns)

    def _tile_height(self) -> int:
        # picture + name + buttons + margins: fixed, so a long list never squeezes a tile
        return self.sizes.thumb * 3 // 4 + 12 + 40 + 64 + 32

    def _tile(self, info: DrawingInfo) -> QFrame:
        tile = QFrame()
        tile.setObjectName("Tray")
        tile.setFixedSize(self.sizes.thumb + 48, self._tile_height())
        box = QVBoxLayout(tile)
        picture = QToolButton()
        picture.setObjectName("Thumb")
        picture.setAccessibleName(f"Open {info.name}")
        picture.setToolTip(f"Carry on with {info.name}")
        picture.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        pixmap = self.thumbnails.get(
            self.library.png_path(self.child_id, info.drawing_id),
            self.sizes.thumb,
            lambda: self.library.png_bytes(self.child_id, info.drawing_id),
        )
        if pixmap is not None:
            picture.setIcon(QIcon(pixmap))
            picture.setIconSize(pixmap.size())
        picture.setMinimumSize(self.sizes.thumb + 12, self.sizes.thumb * 3 // 4 + 12)
        picture.clicked.connect(lambda: self.openRequested.emit(info.drawing_id))
        name = QLabel(info.name)
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name.setWordWrap(True)
        name.setMaximumWidth(self.sizes.thumb + 12)
        actions = QHBoxLayout()
        rename = icon_button(
            "icon-words",
            f"Name {info.name}",
            "Give this drawing a name",
            self.sizes,
            text="Name it",
        )
        rename.setMinimumSize(64, 64)
        rename.clicked.connect(lambda: self.nameRequested.emit(info.drawing_id))
        binned = icon_button(
            "icon-bin",
            f"Throw away {info.name}",
            "Put this drawing in the bin",
            self.sizes,
            text="Throw away",
        )
        binned.setMinimumSize(64, 64)
        binned.clicked.connect(lambda: self.binRequested.emit(info.drawing_id))
        actions.addWidget(rename)
        actions.addStretch(1)
        actions.addWidget(binned)
        box.addWidget(picture)
        box.addWidget(name)
        box.addLayout(actions)
        return tile
