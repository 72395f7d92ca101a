"""Real phone photos come in right: 16-bit PNGs, MPO 'JPEGs', 50 and 108 megapixel photos;
true bombs are still refused, and always with a real size in the message."""

from __future__ import annotations

import io
import struct
import subprocess
import sys

import pytest
from PIL import Image

from lasting_home_desktop.storage.photo_import import (
    LONG_SIDE,
    PhotoProblem,
    import_photo,
    photo_extension,
)


def _opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_a_16_bit_grey_png_keeps_its_greys():
    """A 16-bit greyscale PNG (scanners, some phones) is not turned white."""
    row = struct.pack("<32H", *[0x2000] * 32) + struct.pack("<32H", *[0xC000] * 32)
    image = Image.frombytes("I;16", (64, 32), row * 32)  # dark grey, then light grey
    assert image.getpixel((5, 5)) == 0x2000
    out = io.BytesIO()
    image.save(out, "PNG")
    clean = _opened(import_photo(out.getvalue())).convert("L")
    assert abs(clean.getpixel((5, 5)) - 0x20) <= 2
    assert abs(clean.getpixel((50, 5)) - 0xC0) <= 2


@pytest.mark.parametrize(
    "mode, fmt",
    [
        ("1", "PNG"),
        ("LA", "PNG"),
        ("P", "PNG"),
        ("CMYK", "JPEG"),
        ("RGB", "GIF"),
        ("RGB", "BMP"),
        ("RGBA", "WEBP"),
    ],
)
def test_every_other_mode_comes_out_as_a_plain_picture(mode, fmt):
    """Whatever colour mode a file uses, the clean copy is RGB, RGBA or grey, not blank."""
    base = Image.new("RGB", (40, 20), (30, 30, 30))
    base.paste((220, 220, 220), (20, 0, 40, 20))
    image = base.convert("L").convert(mode) if mode == "1" else base.convert(mode)
    out = io.BytesIO()
    image.save(out, fmt)
    clean = _opened(import_photo(out.getvalue()))
    assert clean.mode in ("RGB", "RGBA", "L", "LA")
    grey = clean.convert("L")
    assert grey.getpixel((5, 5)) < 100 < grey.getpixel((35, 5))


def test_an_mpo_photo_is_accepted_as_a_jpeg():
    """Many phones save .jpg files as MPO (a JPEG with a second picture): accepted, kept as
    JPEG, the first picture only."""
    first = Image.new("RGB", (120, 90), (200, 30, 30))
    second = Image.new("RGB", (120, 90), (30, 30, 200))
    out = io.BytesIO()
    first.save(out, "MPO", save_all=True, append_images=[second])
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).format == "MPO"
    clean = import_photo(data)
    assert photo_extension(clean) == "jpg"
    image = _opened(clean)
    assert image.format == "JPEG" and image.getpixel((10, 10))[0] > 150


def test_a_50_megapixel_phone_photo_is_accepted_and_shrunk():
    """An 8160 x 6120 photo (50 MP) comes in at the usual size."""
    out = io.BytesIO()
    Image.new("L", (8160, 6120), 128).save(out, "JPEG", quality=50)
    clean = _opened(import_photo(out.getvalue()))
    assert max(clean.size) == LONG_SIDE
    assert clean.size == (LONG_SIDE, round(6120 * LONG_SIDE / 8160))


MEASURE = """
import resource, sys
from lasting_home_desktop.storage.photo_import import import_photo
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
clean = import_photo(data)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(clean), (after - before) // 1024)
"""


@pytest.mark.skipif(sys.platform.startswith("win"), reason="measures with resource")
def test_a_108_megapixel_photo_is_decoded_small(tmp_path):
    """A 12,000 x 9,000 photo (108 MP) is accepted, and decoding it reduced keeps the extra
    memory far below the 324 MB a full decode would take."""
    source = tmp_path / "big.jpg"
    Image.new("L", (12000, 9000), 90).save(source, "JPEG", quality=50)
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(source)], capture_output=True, text=True, check=True
    )
    size, extra_mb = map(int, done.stdout.split())
    assert size > 0
    assert extra_mb < 100, f"decoding took {extra_mb} MB more"


def _bmp_claiming(width: int, height: int) -> bytes:
    header = struct.pack("<2sIHHI", b"BM", 54, 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, 0, 2835, 2835, 0, 0)
    return header + info + b"\0" * 64


def _gif_claiming(width: int, height: int) -> bytes:
    return (
        b"GIF89a"
        + struct.pack("<HHBBB", width, height, 0, 0, 0)
        + b","
        + struct.pack("<HHHHB", 0, 0, width, height, 0)
        + b"\x02\x02\x44\x01\x00;"
    )


@pytest.mark.parametrize(
    "data, megapixels",
    [(_bmp_claiming(50_000, 50_000), "2,500"), (_gif_claiming(65_000, 65_000), "4,225")],
    ids=["BMP", "GIF"],
)
def test_bmp_and_gif_bombs_are_refused_with_their_real_size(data, megapixels):
    """A bomb is described by the size it claims, never as '0 million dots'."""
    with pytest.raises(PhotoProblem) as caught:
        import_photo(data)
    message = caught.value.kind_message
    assert "(0 million" not in message and megapixels in message


def test_a_true_bomb_is_still_refused():
    """A JPEG claiming 20,000 x 20,000 (400 MP) is refused before it is decoded."""
    out = io.BytesIO()
    Image.new("L", (16, 16)).save(out, "JPEG")
    data = bytearray(out.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 20_000, 20_000)
    with pytest.raises(PhotoProblem, match="too big to open safely"):
        import_photo(bytes(data))
