"""Render the picture set to PNG for the PDFs (run after changing assets/pictures/*.svg).

reportlab cannot read SVG, and documents/ stays free of Qt, so the pictures a child can choose
for a document (avatars, people, places, celebrations, feelings, stickers) are kept as 512 px
PNG renders beside the SVGs. Qt renders them here, once, at build time.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_pictures.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PICTURES = ROOT / "assets" / "pictures"
OUT = PICTURES / "png"
PREFIXES = ("avatar-", "person-", "place-", "celebrate-", "feeling-", "sticker-")
SIZE = 512


def render(svg: Path, target: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"Cannot read {svg}")
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"Cannot write {target}")


def main() -> int:
    QGuiApplication(sys.argv)
    OUT.mkdir(exist_ok=True)
    count = 0
    for svg in sorted(PICTURES.glob("*.svg")):
        if svg.stem.startswith(PREFIXES):
            render(svg, OUT / f"{svg.stem}.png")
            count += 1
    print(f"Rendered {count} pictures to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
