"""A normal (non-editable) install carries the pictures, fonts and guides the app needs."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_contains_assets_and_guides(tmp_path: Path):
    """The built wheel has every module, and every asset and guide inside the package, where
    resources finds them."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("lasting_home_desktop-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("assets", "guides"):
        for source in (ROOT / folder).rglob("*"):
            if source.is_file() and "__pycache__" not in source.parts:
                packaged = f"lasting_home_desktop/{source.relative_to(ROOT).as_posix()}"
                assert packaged in names, f"{packaged} is missing from the wheel"
    assert "lasting_home_desktop/assets/pictures/LICENSE.md" in names
    # Every module of the app, so `lasting-home` runs from a normal install too.
    for module in (ROOT / "lasting_home_desktop").rglob("*.py"):
        packaged = module.relative_to(ROOT).as_posix()
        assert packaged in names, f"{packaged} is missing from the wheel"


def test_resources_find_assets_in_source_tree():
    """In a checkout, pictures and fonts are found beside the package."""
    from lasting_home_desktop import resources

    assert resources.picture("feeling-happy").is_file()
    assert resources.asset(*resources.FONT_REGULAR).is_file()
    assert "sticker-star" in resources.pictures("sticker-")
