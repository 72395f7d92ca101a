"""In the installed app (frozen by PyInstaller) pictures, fonts and guides are found inside the
app's own folder, whatever folder it is started from."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lasting_home_desktop import resources


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A simulated app folder, laid out as packaging/lasting-home.spec lays it out."""
    folder = tmp_path / "lasting-home" / "_internal"
    for name in ("Andika-Regular.ttf", "NotoSansArabic.ttf"):
        (folder / "assets" / "fonts").mkdir(parents=True, exist_ok=True)
        (folder / "assets" / "fonts" / name).write_bytes(b"font")
    (folder / "assets" / "pictures" / "png").mkdir(parents=True)
    for name in ("sticker-star", "sticker-heart", "place-park"):
        (folder / "assets" / "pictures" / f"{name}.svg").write_text("<svg/>")
    (folder / "assets" / "pictures" / "png" / "place-park.png").write_bytes(b"png")
    (folder / "guides").mkdir()
    (folder / "guides" / "for-carers.md").write_text("# For carers", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(folder), raising=False)
    monkeypatch.chdir(tmp_path)  # started from anywhere, not from the source checkout
    resources._folder.cache_clear()
    yield folder
    resources._folder.cache_clear()


def test_fonts_pictures_and_guides_are_found_in_the_app_folder(bundle: Path):
    """The installed app uses its own fonts, pictures and guides, not a source checkout's."""
    assert resources.asset(*resources.FONT_REGULAR) == bundle / "assets/fonts/Andika-Regular.ttf"
    assert resources.asset(*resources.FONT_ARABIC).read_bytes() == b"font"
    assert resources.picture("place-park") == bundle / "assets/pictures/place-park.svg"
    assert resources.asset("pictures", "png", "place-park.png").is_file()
    assert resources.pictures("sticker-") == ["sticker-heart", "sticker-star"]
    assert resources.guide("for-carers.md").read_text(encoding="utf-8") == "# For carers"


def test_something_missing_from_the_app_folder_is_named_with_where_it_was_looked_for(
    bundle: Path,
):
    """A damaged installation says which file is missing and where, instead of a blank screen."""
    with pytest.raises(FileNotFoundError) as missing:
        resources.asset(*resources.FONT_BOLD)
    assert "fonts/Andika-Bold.ttf" in str(missing.value)
    assert str(bundle / "assets") in str(missing.value)
    with pytest.raises(FileNotFoundError, match="Missing guide: for-teachers.md"):
        resources.guide("for-teachers.md")


def test_a_source_checkout_still_finds_its_own_folders(monkeypatch: pytest.MonkeyPatch):
    """Outside the installed app (development, tests), the checkout's assets are used."""
    monkeypatch.delattr(sys, "frozen", raising=False)
    resources._folder.cache_clear()
    try:
        root = Path(resources.__file__).resolve().parent.parent
        assert resources.assets_dir() == root / "assets"
        assert resources.guides_dir() == root / "guides"
    finally:
        resources._folder.cache_clear()
