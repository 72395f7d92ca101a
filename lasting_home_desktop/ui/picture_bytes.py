"""Pictures shown from their contents, never from a path: in an encrypted data folder the file
on disk is sealed, and it is opened in memory only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QImageReader, QPixmap

# What a screen may be given for a stored picture: its bytes, a way to read them, or (for a
# bundled asset) a path.
PictureSource = bytes | Callable[[], "bytes | None"] | Path | None


def picture_data(source: PictureSource) -> bytes | None:
    if source is None:
        return None
    if isinstance(source, bytes):
        return source
    if isinstance(source, Path):
        try:
            return source.read_bytes()
        except OSError:
            return None
    return source()


def image_from(source: PictureSource, width: int | None = None) -> QImage:
    """The picture (scaled while decoding to `width` if given); a null QImage if there is
    none or it cannot be read."""
    data = picture_data(source)
    if not data:
        return QImage()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    if width:
        size = reader.size()
        if size.isValid() and size.width() > 0:
            reader.setScaledSize(QSize(width, max(1, round(width * size.height() / size.width()))))
    image = reader.read()
    buffer.close()
    return image


def pixmap_from(source: PictureSource) -> QPixmap:
    image = image_from(source)
    return QPixmap() if image.isNull() else QPixmap.fromImage(image)
