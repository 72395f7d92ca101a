"""Bringing photos in safely: limits, kind messages, and nothing of the metadata kept."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image, PngImagePlugin

from lasting_home_desktop.storage.photo_import import (
    LONG_SIDE,
    PhotoProblem,
    import_photo,
    photo_extension,
)

GPS_IFD = 0x8825


def jpeg_with_secrets(size=(60, 40), orientation=None) -> bytes:
    image = Image.new("RGB", size, (200, 40, 40))
    image.paste((20, 20, 200), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (53.0, 45.0, 1.0), 3: "W", 4: (2.0, 42.0, 5.0)})
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=b"lives at 12 Secret Street")
    return out.getvalue()


def png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG that claims to be huge: costs nothing to make, would cost GBs to decode."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def test_clean_jpeg_has_no_exif_gps_or_comment():
    """GPS, camera details and the JPEG comment are all gone after import."""
    original = jpeg_with_secrets()
    assert b"Secret Street" in original and b"SecretCameraMaker" in original
    clean = import_photo(original)
    assert photo_extension(clean) == "jpg"
    assert b"Secret Street" not in clean and b"SecretCameraMaker" not in clean
    assert b"Exif" not in clean
    image = Image.open(io.BytesIO(clean))
    assert not image.getexif() and "comment" not in image.info and "exif" not in image.info
    assert image.size == (60, 40)


def test_png_text_chunks_are_dropped():
    """Words hidden in a PNG (location, author) do not come through."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "12 Secret Street")
    out = io.BytesIO()
    Image.new("RGBA", (30, 30), (0, 200, 0, 128)).save(out, "PNG", pnginfo=info)
    clean = import_photo(out.getvalue())
    assert photo_extension(clean) == "png" and b"Secret" not in clean
    image = Image.open(io.BytesIO(clean))
    assert image.mode == "RGBA" and image.getpixel((5, 5)) == (0, 200, 0, 128)


def test_orientation_is_applied_before_the_metadata_goes():
    """A phone photo taken sideways still shows the right way up."""
    clean = import_photo(jpeg_with_secrets(size=(60, 40), orientation=6))
    assert Image.open(io.BytesIO(clean)).size == (40, 60)


def test_large_photo_is_shrunk():
    """A big photo is kept at a sensible size for the screen and the book."""
    out = io.BytesIO()
    Image.new("RGB", (4000, 1000), "white").save(out, "JPEG")
    image = Image.open(io.BytesIO(import_photo(out.getvalue())))
    assert max(image.size) == LONG_SIDE


def test_text_file_renamed_as_a_picture_gets_a_kind_message():
    """A file that is not a picture is explained, never a crash."""
    with pytest.raises(PhotoProblem, match="doesn't look like a picture"):
        import_photo(b"Dear diary, this is not a photo at all.\n" * 20)


def test_empty_file_gets_a_kind_message():
    """A zero-byte file is explained."""
    with pytest.raises(PhotoProblem):
        import_photo(b"")


def test_corrupt_photo_gets_a_kind_message():
    """A photo cut off half way is called damaged."""
    data = jpeg_with_secrets(size=(400, 300))
    with pytest.raises(PhotoProblem, match="damaged"):
        import_photo(data[: len(data) // 2])


def test_twenty_thousand_square_picture_is_refused_without_decoding():
    """A 20,000 x 20,000 picture is refused with a kind message."""
    with pytest.raises(PhotoProblem, match="too big to open safely") as problem:
        import_photo(png_header_claiming(20_000, 20_000))
    assert "400" in problem.value.kind_message


def test_picture_just_over_the_pixel_limit_is_refused():
    """Below Pillow's own bomb limit, our 120 megapixel limit still applies."""
    with pytest.raises(PhotoProblem, match="too big") as problem:
        import_photo(png_header_claiming(12_000, 10_500))
    assert "126 million" in problem.value.kind_message


def test_file_over_the_size_limit_is_refused_before_opening():
    """A 61 MB file is turned away at once."""
    with pytest.raises(PhotoProblem, match="60 MB"):
        import_photo(b"\xff\xd8\xff" + b"\x00" * (61 * 1024 * 1024))
