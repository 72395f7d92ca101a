"""Undo steps. Each keeps only the pixels it changed (before and after), squeezed with zlib
when large, so fifty or more steps fit in little memory whatever the picture holds."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QImage, QPainter, QUndoCommand

from .picture_ops import PICTURE_FORMAT, draw_sticker, sticker_rect

UNDO_STEPS = 60
_SQUEEZE_FROM = 64 * 64  # pixels; small patches stay raw (fast), big ones are compressed


class Patch:
    """A rectangle of pixels, kept compact. Large ones are squeezed with zlib on a worker
    thread (zlib lets go of Python's lock), so lifting the pencil after a big stroke stays
    quick; until then the plain copy is used."""

    def __init__(self, image: QImage, rect: QRect):
        self.rect = QRect(rect)
        self._piece: QImage | None = image.copy(rect).convertToFormat(PICTURE_FORMAT)
        self._stride = self._piece.bytesPerLine()
        self._data: bytes | None = None
        if rect.width() * rect.height() >= _SQUEEZE_FROM:
            _squeezer.submit(self._squeeze)

    def _squeeze(self) -> None:
        piece = self._piece
        if piece is not None:
            self._data = zlib.compress(piece.constBits(), 1)
            self._piece = None  # the squeezed copy replaces the plain one

    @property
    def stored_bytes(self) -> int:
        piece = self._piece
        return piece.sizeInBytes() if piece is not None else len(self._data or b"")

    def image(self) -> QImage:
        piece = self._piece
        if piece is not None:
            return piece
        raw = zlib.decompress(self._data or b"")
        return QImage(
            raw, self.rect.width(), self.rect.height(), self._stride, PICTURE_FORMAT
        ).copy()

    def put_on(self, target: QImage) -> None:
        painter = QPainter(target)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawImage(self.rect.topLeft(), self.image())
        painter.end()


_squeezer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="undo-squeeze")


Changed = Callable[[QRect], None]


class PatchCommand(QUndoCommand):
    """A stroke, a fill or a clear: the rect's pixels before and after."""

    def __init__(
        self,
        text: str,
        picture: Callable[[], QImage],
        changed: Changed,
        before: QImage,
        after: QImage,
        rect: QRect,
    ):
        super().__init__(text)
        self._picture = picture
        self._changed = changed
        self._before = Patch(before, rect)
        self._after = Patch(after, rect)
        self._first = True

    def redo(self) -> None:
        if self._first:  # pushed after the change was already made on screen
            self._first = False
            return
        self._after.put_on(self._picture())
        self._changed(self._after.rect)

    def undo(self) -> None:
        self._before.put_on(self._picture())
        self._changed(self._before.rect)


class StickerCommand(QUndoCommand):
    """A sticker tapped onto the picture. While it is the newest step it can still change
    size: it takes itself off and goes back on at the new size."""

    def __init__(
        self, picture: Callable[[], QImage], changed: Changed, name: str, centre: QPointF, size: int
    ):
        super().__init__("Sticker")
        self._picture = picture
        self._changed = changed
        self.name = name
        self.centre = QPointF(centre)
        self.size = size
        self._before: Patch | None = None
        self._after: Patch | None = None

    @property
    def rect(self) -> QRect:
        image = self._picture()
        return sticker_rect(self.centre, self.size).intersected(image.rect())

    def redo(self) -> None:
        image = self._picture()
        rect = self.rect
        if self._after is not None:
            self._after.put_on(image)
        else:
            self._before = Patch(image, rect)
            draw_sticker(image, self.name, self.centre, self.size)
            self._after = Patch(image, rect)
        self._changed(rect)

    def undo(self) -> None:
        if self._before is not None:
            self._before.put_on(self._picture())
            self._changed(self._before.rect)

    def resize(self, size: int) -> None:
        self.undo()
        self.size = size
        self._before = self._after = None
        self.redo()
