"""Bringing a photo in safely: size and pixel limits, rebuilt from its pixels alone.

A photo can carry where it was taken (GPS) and other details in its metadata; a crafted file
can claim billions of pixels. Every imported photo is decoded under limits, turned the right way
up, shrunk, and re-encoded from bare pixels so no metadata survives. Pillow is imported only
when a photo arrives, to keep start-up quick.
"""

from __future__ import annotations

import io
import warnings

SIZE_LIMIT_BYTES = 25 * 1024 * 1024
PIXEL_LIMIT = 40_000_000
LONG_SIDE = 2000
JPEG_QUALITY = 90
_ACCEPTED = {"JPEG", "PNG", "GIF", "WEBP", "BMP"}


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
    "That photo file is very big (over 25 MB). Please choose a smaller copy of the photo."
)
TOO_MANY_PIXELS = (
    "That picture is far too big to open safely ({megapixels:,} million dots). Please choose a "
    "normal photo from a phone or camera."
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
    from PIL import Image, ImageOps, UnidentifiedImageError

    with warnings.catch_warnings():
        # Pillow only warns about decompression bombs below ~179 megapixels: make it an error.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except UnidentifiedImageError:
            raise PhotoProblem(NOT_A_PICTURE) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoProblem(
                TOO_MANY_PIXELS.format(megapixels=_claimed_megapixels(data))
            ) from None
        except (OSError, SyntaxError, ValueError):
            raise PhotoProblem(DAMAGED) from None
        if image.format not in _ACCEPTED:
            raise PhotoProblem(NOT_A_PICTURE)
        width, height = image.size
        if width <= 0 or height <= 0:
            raise PhotoProblem(DAMAGED)
        if width * height > PIXEL_LIMIT:
            raise PhotoProblem(TOO_MANY_PIXELS.format(megapixels=width * height // 1_000_000))
        is_jpeg = image.format == "JPEG"
        try:
            if is_jpeg:
                image.draft("RGB", (LONG_SIDE, LONG_SIDE))  # decode big JPEGs at a smaller scale
            image.load()
            image = ImageOps.exif_transpose(image) or image
            image = _plain_mode(image, is_jpeg)
            image.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS, reducing_gap=3.0)
            # A brand-new image from the bare pixels: no EXIF, GPS, comments, ICC or text chunks.
            clean = Image.frombytes(image.mode, image.size, image.tobytes())
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoProblem(
                TOO_MANY_PIXELS.format(megapixels=width * height // 1_000_000)
            ) from None
        except (OSError, SyntaxError, ValueError, EOFError):
            raise PhotoProblem(DAMAGED) from None
    out = io.BytesIO()
    if is_jpeg:
        clean.save(out, "JPEG", quality=JPEG_QUALITY)
    else:
        clean.save(out, "PNG")
    return out.getvalue()


def _plain_mode(image, is_jpeg: bool):  # type: ignore[no-untyped-def]
    if is_jpeg:
        return image if image.mode in ("RGB", "L") else image.convert("RGB")
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    if image.mode == "P" and "transparency" not in image.info:
        return image.convert("RGB")
    return image.convert("RGBA")


def _claimed_megapixels(data: bytes) -> int:
    """Best guess of the size a PNG claims, for the message only."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width = int.from_bytes(data[16:20], "big")
        height = int.from_bytes(data[20:24], "big")
        return width * height // 1_000_000
    return 0
