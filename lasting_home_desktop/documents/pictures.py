"""Pictures for the PDFs: the bundled picture set and the child's own drawings and photos.

reportlab cannot read SVG and documents/ stays free of Qt, so the picture set is also kept as
512 px PNG renders in assets/pictures/png (made by scripts/render_pictures.py). A drawing or
photo is read once, checked, shrunk to print size and kept as JPEG bytes, which reportlab embeds
as they are: the card and the certificate then share the work. A picture that cannot be read is
left out of the document, never a failure.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.utils import ImageReader

from .. import resources

LONG_SIDE = 1600  # about 300 dpi across an A5 card
PIXEL_LIMIT = 40_000_000
JPEG_QUALITY = 90


@dataclass(frozen=True)
class PreparedPicture:
    data: bytes
    width: int
    height: int
    transparent: bool

    def reader(self) -> ImageReader:
        return ImageReader(io.BytesIO(self.data))

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 1.0


def set_picture(name: str) -> Path | None:
    """The PNG render of one picture of the set, e.g. "avatar-fox", or None if there is none."""
    try:
        return resources.asset("pictures", "png", f"{name}.png")
    except FileNotFoundError:
        return None


def prepared(path: Path | None) -> PreparedPicture | None:
    """The picture ready to place, or None when it is missing or cannot be read safely."""
    if path is None:
        return None
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    return _prepared(str(path), stamp)


@lru_cache(maxsize=64)
def _prepared(path: str, _stamp: int) -> PreparedPicture | None:
    from PIL import Image  # imported when the first picture is placed

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.width * image.height > PIXEL_LIMIT:
                    return None
                image.load()
                transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
                picture = image.convert("RGBA" if transparent else "RGB")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Warning):
        return None
    if max(picture.size) > LONG_SIDE:
        picture.thumbnail((LONG_SIDE, LONG_SIDE))
    out = io.BytesIO()
    if transparent:
        picture.save(out, "PNG", compress_level=1)
    else:
        picture.save(out, "JPEG", quality=JPEG_QUALITY)
    return PreparedPicture(out.getvalue(), picture.width, picture.height, transparent)


def fitted(picture: PreparedPicture, width: float, height: float) -> tuple[float, float]:
    """The largest size with the picture's shape that fits in width x height."""
    if picture.aspect >= width / height:
        return width, width / picture.aspect
    return height * picture.aspect, height
