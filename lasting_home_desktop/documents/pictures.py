"""Pictures for the PDFs: the bundled picture set and the child's own drawings and photos.

reportlab cannot read SVG and documents/ stays free of Qt, so the picture set is also kept as
512 px PNG renders in assets/pictures/png (made by scripts/render_pictures.py). A drawing or
photo is read once, checked, shrunk to print size and kept as JPEG bytes, which reportlab embeds
as they are: the card and the certificate then share the work. A picture that cannot be read is
left out of the document, never a failure.
"""

from __future__ import annotations

import hashlib
import io
import struct
import warnings
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFImageXObject,
    PDFName,
    PDFStream,
)
from reportlab.pdfgen.canvas import Canvas

from .. import resources

LONG_SIDE = 1600  # about 300 dpi across an A5 card
DECORATION_SIDE = 256  # stickers and small pictures: over 200 dpi at the sizes they print
PIXEL_LIMIT = 40_000_000
JPEG_QUALITY = 90


@dataclass(frozen=True)
class PreparedPicture:
    """A picture encoded once, as the PDF will hold it: JPEG bytes for a drawing or photo,
    compressed pixels plus a compressed transparency mask for a picture of the set."""

    data: bytes  # JPEG, or PNG for the transparent ones (for readers that want a file)
    width: int
    height: int
    transparent: bool
    stream: bytes = b""  # JPEG bytes, or zlib-compressed RGB
    alpha: bytes = b""  # zlib-compressed alpha channel, for transparent pictures
    key: str = ""
    predicted: bool = False  # the stream is a PNG's own compressed rows (PNG predictor)

    def reader(self) -> ImageReader:
        return ImageReader(io.BytesIO(self.data))

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 1.0


def place(canvas: Canvas, picture: PreparedPicture, x: float, y: float, w: float, h: float):
    """Draw the picture. Like Canvas.drawImage, but the encoded streams are made once per
    picture, not once per document: drawImage decodes, hashes and compresses every image again
    for each PDF, most of the time of a card. The PDF objects are the ones drawImage makes."""
    doc = canvas._doc
    reg_name = doc.getXObjectName(picture.key)
    if doc.idToObject.get(reg_name) is None:
        image = _PredictedImage(picture.key) if picture.predicted else PDFImageXObject(picture.key)
        flate = picture.transparent or picture.predicted
        _fill_xobject(image, picture.width, picture.height, picture.stream, flate)
        canvas._setXObjects(image)
        doc.Reference(image, reg_name)
        doc.addForm(picture.key, image)
        if picture.alpha:
            mask = PDFImageXObject(picture.key + "a")
            _fill_xobject(mask, picture.width, picture.height, picture.alpha, True, gray=True)
            mask._decode = [0, 1]
            canvas._setXObjects(mask)
            image.smask = doc.Reference(mask, doc.getXObjectName(mask.name))
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(w, h)
    canvas._code.append(f"/{reg_name} Do")
    canvas.restoreState()
    canvas._formsinuse.append(picture.key)


class _PredictedImage(PDFImageXObject):
    """An image whose Flate stream carries PNG predictor bytes (DecodeParms says so)."""

    def format(self, document) -> bytes:
        stream = PDFStream(content=self.streamContent)
        entries = stream.dictionary
        entries["Type"] = PDFName("XObject")
        entries["Subtype"] = PDFName("Image")
        entries["Width"] = self.width
        entries["Height"] = self.height
        entries["BitsPerComponent"] = 8
        entries["ColorSpace"] = PDFName("DeviceRGB")
        entries["Filter"] = PDFName("FlateDecode")  # one filter, so one DecodeParms dictionary
        entries["DecodeParms"] = PDFDictionary(
            {"Predictor": 15, "Colors": 3, "BitsPerComponent": 8, "Columns": self.width}
        )
        entries["Length"] = len(self.streamContent)
        return stream.format(document)


def _fill_xobject(image, width: int, height: int, stream: bytes, flate: bool, gray=False) -> None:
    image.width, image.height = width, height
    image.bitsPerComponent = 8
    image.colorSpace = "DeviceGray" if gray else "DeviceRGB"
    image.streamContent = stream
    image._filters = ("FlateDecode",) if flate else ("DCTDecode",)
    image.mask = None


def set_picture(name: str) -> Path | None:
    """The PNG render of one picture of the set, e.g. "avatar-fox", or None if there is none."""
    try:
        return resources.asset("pictures", "png", f"{name}.png")
    except FileNotFoundError:
        return None


def prepared(source: Path | bytes | None, long_side: int = LONG_SIDE) -> PreparedPicture | None:
    """The picture (a file of the set, or the bytes of a drawing or photo read through the
    store, which may be sealed on disk) ready to place, at most long_side pixels on its longer
    side; None when it is missing or cannot be read safely."""
    if source is None:
        return None
    if isinstance(source, bytes):
        digest = hashlib.md5(source, usedforsecurity=False).hexdigest()
        found = _BY_CONTENT.get((digest, long_side), _MISSING)
        if found is _MISSING:
            found = _encoded(io.BytesIO(source), long_side)
            if len(_BY_CONTENT) >= 64:  # a batch of many children keeps only recent ones
                _BY_CONTENT.pop(next(iter(_BY_CONTENT)))
            _BY_CONTENT[(digest, long_side)] = found
        return found
    try:
        stamp = source.stat().st_mtime_ns
    except OSError:
        return None
    return _prepared_file(str(source), stamp, long_side)


_MISSING = object()
_BY_CONTENT: dict[tuple[str, int], PreparedPicture | None] = {}


@lru_cache(maxsize=128)
def _prepared_file(path: str, _stamp: int, long_side: int) -> PreparedPicture | None:
    return _encoded(path, long_side)


def _png_passthrough(raw: bytes, long_side: int) -> PreparedPicture | None:
    """An 8-bit RGB PNG (how drawings are saved) goes into the PDF as it is: its compressed
    rows are a valid PDF image stream with the PNG predictor, so nothing is decoded or
    compressed again. None for any other kind of picture."""
    if not raw.startswith(_PNG_SIGNATURE):
        return None
    chunks, position = [], 8
    width = height = 0
    try:
        while position + 8 <= len(raw):
            length, kind = struct.unpack(">I4s", raw[position : position + 8])
            body = raw[position + 8 : position + 8 + length]
            if kind == b"IHDR":
                width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", body)
                if (depth, colour, interlace) != (8, 2, 0) or max(width, height) > long_side:
                    return None
            elif kind == b"IDAT":
                chunks.append(body)
            elif kind == b"IEND":
                break
            position += 12 + length
    except struct.error:
        return None
    if not (chunks and width and height):
        return None
    stream = b"".join(chunks)
    key = "lh" + hashlib.md5(stream, usedforsecurity=False).hexdigest()
    return PreparedPicture(raw, width, height, False, stream, b"", key, predicted=True)


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _encoded(source, long_side: int) -> PreparedPicture | None:
    from PIL import Image  # imported when the first picture is placed

    if isinstance(source, io.BytesIO):
        passthrough = _png_passthrough(source.getvalue(), long_side)
        if passthrough is not None:
            return passthrough

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as image:
                if image.width * image.height > PIXEL_LIMIT:
                    return None
                image.load()
                transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
                picture = image.convert("RGBA" if transparent else "RGB")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Warning):
        return None
    if max(picture.size) > long_side:
        picture.thumbnail((long_side, long_side))
    out = io.BytesIO()
    if transparent:
        picture.save(out, "PNG", compress_level=1)
        stream = zlib.compress(picture.convert("RGB").tobytes())
        alpha = zlib.compress(picture.getchannel("A").tobytes())
    else:
        picture.save(out, "JPEG", quality=JPEG_QUALITY)
        stream, alpha = out.getvalue(), b""
    key = "lh" + hashlib.md5(stream + alpha, usedforsecurity=False).hexdigest()
    return PreparedPicture(
        out.getvalue(), picture.width, picture.height, transparent, stream, alpha, key
    )


def fitted(picture: PreparedPicture, width: float, height: float) -> tuple[float, float]:
    """The largest size with the picture's shape that fits in width x height."""
    if picture.aspect >= width / height:
        return width, width / picture.aspect
    return height * picture.aspect, height
