"""Work on the picture itself (a QImage at print size): papers, stickers, fill, PNG in and out.
Kept apart from the widgets so each piece can be tested on its own."""

from __future__ import annotations

import bisect
import io
import re
from functools import cache
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer

from ... import resources
from ...domain.drawing import (
    LINE_SPACING,
    LINE_TOP,
    MARGIN_COLOUR,
    MARGIN_X,
    PICTURE_HEIGHT,
    PICTURE_WIDTH,
    Background,
)

PICTURE_SIZE = QSize(PICTURE_WIDTH, PICTURE_HEIGHT)
PICTURE_FORMAT = QImage.Format.Format_RGB32
FILL_TOLERANCE = 40  # per channel, out of 255: soft pencil edges still count as the same colour
_MAX_LOAD_PIXELS = 40_000_000
_RUNS = re.compile(rb"\xff+")

# Load Pillow's PNG support now, on the GUI thread at start-up: importing it later inside the
# saving thread would hold Python's lock for several milliseconds and stall the pencil.
Image.preinit()


def paper(choice: Background) -> QImage:
    """A fresh sheet of the chosen paper at print size."""
    image = QImage(PICTURE_SIZE, PICTURE_FORMAT)
    image.fill(QColor(choice.paper))
    if choice.is_lined:
        painter = QPainter(image)
        painter.setPen(QPen(QColor(choice.lines), 3))
        for y in range(LINE_TOP, PICTURE_HEIGHT, LINE_SPACING):
            painter.drawLine(0, y, PICTURE_WIDTH, y)
        painter.setPen(QPen(QColor(MARGIN_COLOUR), 3))
        painter.drawLine(MARGIN_X, 0, MARGIN_X, PICTURE_HEIGHT)
        painter.end()
    return image


def segment_rect(a: QPointF, b: QPointF, width: float) -> QRect:
    """The pixels a round-capped line from a to b can touch (with a margin for smoothing)."""
    half = width / 2 + 2
    return (
        QRectF(a, b).normalized().adjusted(-half, -half, half, half).toAlignedRect()
    ).intersected(QRect(0, 0, PICTURE_WIDTH, PICTURE_HEIGHT))


@cache
def _renderer(name: str) -> QSvgRenderer:
    return QSvgRenderer(str(resources.picture(name)))


def sticker_rect(centre: QPointF, size: int) -> QRect:
    return QRect(round(centre.x() - size / 2), round(centre.y() - size / 2), size, size)


def draw_sticker(image: QImage, name: str, centre: QPointF, size: int) -> None:
    """Render the SVG straight into the picture at full resolution (crisp when printed)."""
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    _renderer(name).render(painter, QRectF(sticker_rect(centre, size)))
    painter.end()


def sticker_icon(name: str, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _renderer(name).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


# -- Pillow bridges: the heavy pixel work runs in C, not in Python loops -----------------------


def to_pillow(image: QImage) -> Image.Image:
    image = image.convertToFormat(PICTURE_FORMAT)
    data = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
    return Image.frombuffer(
        "RGB", (image.width(), image.height()), data, "raw", "BGRX", image.bytesPerLine(), 1
    )


def from_pillow(picture: Image.Image) -> QImage:
    rgba = picture.convert("RGBA")
    data = rgba.tobytes("raw", "BGRA")
    out = QImage(data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_ARGB32)
    return out.convertToFormat(PICTURE_FORMAT)  # a deep copy, so `data` may go


def encode_png(image: QImage) -> bytes:
    """PNG bytes of the picture, made to run on a worker thread without stalling the pencil:
    Qt converts the pixels and Pillow compresses them, both without holding Python's lock,
    and Pillow reads Qt's pixels in place (no copies made while holding it)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    picture = Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), rgb.constBits(), "raw", "RGB", rgb.bytesPerLine(), 1
    )
    out = io.BytesIO()
    picture.save(out, "PNG", compress_level=6)
    del picture, rgb
    return out.getvalue()


def load_picture(source: bytes | Path | None, fallback: QImage) -> tuple[QImage, bool]:
    """The saved drawing at print size; (fallback, False) if it is missing or damaged.
    Any other size is fitted onto the paper, never stretched. Give the PNG's bytes (the file
    may be sealed on disk); a path is read as it is."""
    if isinstance(source, Path):
        try:
            source = source.read_bytes()
        except OSError:
            return fallback, False
    if not source:
        return fallback, False
    try:
        with Image.open(io.BytesIO(source)) as probe:
            if probe.width * probe.height > _MAX_LOAD_PIXELS:
                return fallback, False
    except (OSError, ValueError, Image.DecompressionBombError):
        return fallback, False
    loaded = QImage.fromData(source)
    if loaded.isNull():
        return fallback, False
    if loaded.size() == PICTURE_SIZE:
        return loaded.convertToFormat(PICTURE_FORMAT), True
    fitted = fallback.copy()
    scaled = loaded.scaled(
        PICTURE_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    painter = QPainter(fitted)
    painter.drawImage(
        (PICTURE_WIDTH - scaled.width()) // 2, (PICTURE_HEIGHT - scaled.height()) // 2, scaled
    )
    painter.end()
    return fitted, True


# -- fill ---------------------------------------------------------------------------------------


def flood_fill(
    image: QImage, blank_paper: QImage, seed: tuple[int, int], colour: QColor
) -> tuple[QRect, QImage] | None:
    """Fill the area around `seed` with `colour`; returns (changed rect, new pixels of it).

    Tapping empty paper fills the paper area (lined paper's own lines do not stop it); tapping
    a colour fills the patch of that colour. The edge grows by a pixel to cover the soft rim of
    the pencil lines around it."""
    x, y = seed
    if not (0 <= x < image.width() and 0 <= y < image.height()):
        return None
    picture = to_pillow(image)
    sheet = to_pillow(blank_paper)
    seed_rgb = picture.getpixel((x, y))
    on_paper = _close(seed_rgb, sheet.getpixel((x, y)))
    if on_paper:
        diff = ImageChops.difference(picture, sheet)
    else:
        diff = ImageChops.difference(picture, Image.new("RGB", picture.size, seed_rgb))
    red, green, blue = diff.split()
    farthest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    same = farthest.point(lambda v: 255 if v <= FILL_TOLERANCE else 0)
    region = _connected(same, x, y)
    region = region.filter(ImageFilter.MaxFilter(3))
    box = region.getbbox()
    if box is None:
        return None
    rect = QRect(box[0], box[1], box[2] - box[0], box[3] - box[1])
    crop = picture.crop(box)
    crop.paste((colour.red(), colour.green(), colour.blue()), mask=region.crop(box))
    return rect, from_pillow(crop)


def _close(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return max(abs(p - q) for p, q in zip(a, b, strict=False)) <= FILL_TOLERANCE


def _connected(same: Image.Image, x: int, y: int) -> Image.Image:
    """The run-connected part of the white mask that holds (x, y), as a new mask.

    Works on runs of pixels per row (found by a C regular expression), so the Python loop
    is over runs, not over millions of pixels."""
    width, height = same.size
    raw = same.tobytes()
    runs: list[list[tuple[int, int]]] = []
    starts: list[list[int]] = []
    for row in range(height):
        line = raw[row * width : (row + 1) * width]
        found = [(m.start(), m.end()) for m in _RUNS.finditer(line)]
        runs.append(found)
        starts.append([a for a, _ in found])
    first = _run_at(runs[y], starts[y], x)
    if first is None:
        return Image.new("L", same.size, 0)
    out = bytearray(width * height)
    seen = {(y, first)}
    todo = [(y, first)]
    while todo:
        row, index = todo.pop()
        a, b = runs[row][index]
        out[row * width + a : row * width + b] = b"\xff" * (b - a)
        for near in (row - 1, row + 1):
            if 0 <= near < height:
                # Runs on the next row that overlap [a, b) (4-connected).
                i = max(bisect.bisect_right(starts[near], a) - 1, 0)
                while i < len(runs[near]) and runs[near][i][0] < b:
                    if runs[near][i][1] > a and (near, i) not in seen:
                        seen.add((near, i))
                        todo.append((near, i))
                    i += 1
    return Image.frombytes("L", same.size, bytes(out))


def _run_at(runs: list[tuple[int, int]], starts: list[int], x: int) -> int | None:
    i = bisect.bisect_right(starts, x) - 1
    if i >= 0 and runs[i][0] <= x < runs[i][1]:
        return i
    return None
