"""The one way to reach assets/ and guides/: in the installed app (frozen by PyInstaller, see
packaging/lasting-home.spec), a source checkout, or a Python install."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


@cache
def _folder(name: str) -> Path:
    # The installed app carries them at the top of its own folder (sys._MEIPASS), wherever
    # it is started from...
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / name
    # ...a source checkout (and an editable install) keeps them beside the package...
    in_source = _SOURCE_ROOT / name
    if in_source.is_dir() and (_SOURCE_ROOT / "pyproject.toml").is_file():
        return in_source
    # ...a normal install carries them inside it. (Imported here: importlib.resources pulls in
    # zipfile and friends, which a source checkout never needs at start-up.)
    from importlib import resources

    return Path(str(resources.files("lasting_home_desktop") / name))


def assets_dir() -> Path:
    return _folder("assets")


def guides_dir() -> Path:
    return _folder("guides")


def asset(*parts: str) -> Path:
    """Path of one asset, e.g. asset("fonts", "Andika-Regular.ttf")."""
    path = assets_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"Missing asset: {'/'.join(parts)} (looked in {assets_dir()})")
    return path


def guide(name: str) -> Path:
    path = guides_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"Missing guide: {name} (looked in {guides_dir()})")
    return path


# Andika (SIL): letter shapes made for early readers; Latin Extended and Cyrillic.
FONT_REGULAR = ("fonts", "Andika-Regular.ttf")
FONT_BOLD = ("fonts", "Andika-Bold.ttf")
# Greek, and anything else Andika lacks.
FONT_FALLBACK = ("fonts", "NotoSans-Regular.ttf")
FONT_FALLBACK_BOLD = ("fonts", "NotoSans-Bold.ttf")
# Urdu, Arabic and Persian letters, which the main typeface does not have.
FONT_ARABIC = ("fonts", "NotoSansArabic.ttf")
FONT_ARABIC_BOLD = ("fonts", "NotoSansArabic-Bold.ttf")


def picture(name: str) -> Path:
    """One picture of the set by meaning, e.g. picture("place-park") -> .../place-park.svg."""
    return asset("pictures", f"{name}.svg")


def pictures(prefix: str) -> list[str]:
    """Names of every picture starting with prefix, e.g. pictures("sticker-")."""
    folder = assets_dir() / "pictures"
    return sorted(p.stem for p in folder.glob(f"{prefix}*.svg"))
