"""Bringing a photo in safely: size and pixel limits, rebuilt from its pixels alone.

A photo can carry where it was taken (GPS) and other details in its metadata; a crafted file
can claim billions of pixels. Every imported photo is decoded under limits, turned the right way
up, shrunk, and re-encoded from bare pixels so no metadata survives. Real phone photos (up to
120 megapixels, MPO files saved as .jpg, 16-bit PNGs) come in right: a JPEG is decoded at a
reduced scale where it can be, so a 108 MP photo costs tens of megabytes, not hundreds. Pillow
is imported only when a photo arrives, to keep start-up quick.
"""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .media import MediaStore

SIZE_LIMIT_BYTES = 60 * 1024 * 1024
PIXEL_LIMIT = 120_000_000
LONG_SIDE = 2000
JPEG_QUALITY = 90
_JPEG_FORMATS = {"JPEG", "MPO"}  # MPO: a JPEG with more pictures after it, as phones save
_ACCEPTED = _JPEG_FORMATS | {"PNG", "GIF", "WEBP", "BMP"}
_SIXTEEN_BIT = {"I", "I;16", "I;16B", "I;16L", "I;16N"}


class PhotoProblem(ValueError):
    """A file could not be brought in as a photo; the message says why, kindly."""

    def __init__(self, message: str):
        super().__init__(message)
        self.kind_message = message


NOT_A_PICTURE = (
    "That file doesn't look like a picture we can use. Please choose a photo (a JPEG or PNG file)."
)
DAMAGED = "That picture seems to be damaged, so it can't be opened. Please try a different photo."
TOO_BIG_FILE = (
    "That photo file is very big (over 60 MB). Please choose a smaller copy of the photo."
)
TOO_MANY_PIXELS = (
    "That picture is far too big to open safely ({megapixels:,} million dots). Please choose a "
    "normal photo from a phone or camera."
)
TOO_MANY_PIXELS_UNKNOWN = (
    "That picture claims to be far too big to open safely. Please choose a normal photo from a "
    "phone or camera."
)


def photo_extension(data: bytes) -> str:
    """The file type `import_photo` produced: "jpg" or "png"."""
    return "jpg" if data[:3] == b"\xff\xd8\xff" else "png"


def import_photo(data: bytes) -> bytes:
    """A clean copy of a photo (JPEG stays JPEG, others become PNG), or PhotoProblem."""
    if len(data) > SIZE_LIMIT_BYTES:
        raise PhotoProblem(TOO_BIG_FILE)
    if not data:
        raise PhotoProblem(NOT_A_PICTURE)
    from PIL import Image

    with warnings.catch_warnings():
        # Our own pixel limit decides (below); Pillow's warning under it is not a refusal.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = _opened(data)
        is_jpeg = image.format in _JPEG_FORMATS
        try:
            if is_jpeg:
                image.draft("RGB", (LONG_SIDE, LONG_SIDE))  # decode big JPEGs at a smaller scale
            image.load()
            clean = _cleaned(image, is_jpeg)
        except Image.DecompressionBombError as error:
            raise PhotoProblem(_too_many(error)) from None
        except (OSError, SyntaxError, ValueError, EOFError, MemoryError):
            raise PhotoProblem(DAMAGED) from None
    out = io.BytesIO()
    if is_jpeg:
        clean.save(out, "JPEG", quality=JPEG_QUALITY)
    else:
        clean.save(out, "PNG")
    return out.getvalue()


def _opened(data: bytes):  # type: ignore[no-untyped-def]
    """The picture, opened (not decoded) and checked against the limits."""
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise PhotoProblem(NOT_A_PICTURE) from None
    except Image.DecompressionBombError as error:
        raise PhotoProblem(_too_many(error)) from None
    except (OSError, SyntaxError, ValueError, EOFError, struct_error()):
        raise PhotoProblem(DAMAGED) from None
    if image.format not in _ACCEPTED:
        raise PhotoProblem(NOT_A_PICTURE)
    width, height = image.size
    if width <= 0 or height <= 0:
        raise PhotoProblem(DAMAGED)
    if width * height > PIXEL_LIMIT:
        raise PhotoProblem(TOO_MANY_PIXELS.format(megapixels=width * height // 1_000_000))
    return image


def _cleaned(image, is_jpeg: bool):  # type: ignore[no-untyped-def]
    from PIL import Image, ImageOps

    image = ImageOps.exif_transpose(image) or image
    image = _plain_mode(image, is_jpeg)
    image.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS, reducing_gap=3.0)
    # A brand-new image from the bare pixels: no EXIF, GPS, comments, ICC or text chunks.
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _plain_mode(image, is_jpeg: bool):  # type: ignore[no-untyped-def]
    """RGB, RGBA or grey, with the colours it had (16-bit greys scaled, not clipped to white)."""
    if image.mode in _SIXTEEN_BIT:
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif image.mode == "F":
        image = image.point(lambda value: value * 255).convert("L")
    if is_jpeg:
        return image if image.mode in ("RGB", "L") else image.convert("RGB")
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    if image.mode == "1":
        return image.convert("L")
    if image.mode == "P" and "transparency" not in image.info:
        return image.convert("RGB")
    return image.convert("RGBA")


def _too_many(error: Exception) -> str:
    """Pillow's refusal says how many pixels the file claims: say it in millions."""
    found = re.search(r"\((\d+) pixels\)", str(error))
    if not found:
        return TOO_MANY_PIXELS_UNKNOWN
    return TOO_MANY_PIXELS.format(megapixels=int(found.group(1)) // 1_000_000)


def struct_error() -> type[Exception]:
    import struct

    return struct.error


UNREADABLE = "That file couldn't be opened. Please check it is still there and try again."


def read_photo_file(path: Path) -> bytes:
    """A chosen file's bytes, its size checked before anything is read (PhotoProblem)."""
    try:
        if path.stat().st_size > SIZE_LIMIT_BYTES:
            raise PhotoProblem(TOO_BIG_FILE)
        return path.read_bytes()
    except OSError:
        raise PhotoProblem(UNREADABLE) from None


def keep_photo(media: MediaStore, child_id: str, data: bytes) -> tuple[str, str]:
    """The one way a photo comes in: cleaned (`import_photo`), then kept sealed in the
    child's media; returns (media id, file type). PhotoProblem or StorageWriteError."""
    clean = import_photo(data)
    ext = photo_extension(clean)
    return media.put(child_id, clean, ext), ext
