"""Saves PNGs of the drawing studio in both looks (child, young person) and the worker's bin."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QColor, QFont  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from lasting_home_desktop.domain.child import ChildRecord  # noqa: E402
from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.drawings import DrawingLibrary  # noqa: E402
from lasting_home_desktop.ui.drawing.bin_section import DrawingBinSection  # noqa: E402
from lasting_home_desktop.ui.drawing.canvas import DrawingCanvas, Tool  # noqa: E402
from lasting_home_desktop.ui.drawing.studio import DrawingStudio  # noqa: E402
from lasting_home_desktop.ui.messages import RecordedMessages  # noqa: E402
from lasting_home_desktop.ui.theme import (  # noqa: E402
    CHILD_LOOK,
    FAMILY,
    WORKER_STYLE,
    YOUNG_PERSON_LOOK,
    register_fonts,
)
from lasting_home_desktop.ui.worker.sections import ChildSectionContext  # noqa: E402

TODAY = dt.date(2026, 11, 22)


def _at(canvas: DrawingCanvas, x: float, y: float) -> QPointF:
    """A point given on the 1600 x 1200 picture, as a point on the widget."""
    target = canvas.target_rect()
    return QPointF(target.x() + x * target.width() / 1600, target.y() + y * target.height() / 1200)


def _line(canvas: DrawingCanvas, colour: str, width: float, points) -> None:
    canvas.tool, canvas.colour, canvas.pen_width = Tool.PENCIL, QColor(colour), width
    canvas.press(_at(canvas, *points[0]))
    for a, b in zip(points, points[1:], strict=False):
        for step in range(1, 11):  # many small moves, as a hand makes
            t = step / 10
            canvas.move(_at(canvas, a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
    canvas.release()


def _tap(canvas: DrawingCanvas, tool: Tool, x: float, y: float, **what) -> None:
    canvas.tool = tool
    for name, value in what.items():
        setattr(canvas, name, value)
    canvas.press(_at(canvas, x, y))


def draw_house(studio: DrawingStudio) -> None:
    canvas = studio.canvas
    _line(canvas, "#2a9d3f", 40, [(0, 1000), (400, 990), (900, 1010), (1600, 995)])
    _line(canvas, "#8b5a2b", 24, [(450, 960), (450, 600), (950, 600), (950, 960), (450, 960)])
    _line(canvas, "#e63946", 24, [(420, 610), (700, 380), (980, 610), (420, 610)])
    _line(canvas, "#1d4ed8", 16, [(620, 960), (620, 780), (740, 780), (740, 960)])
    _tap(canvas, Tool.FILL, 800, 700, colour=QColor("#ffd60a"))
    _tap(canvas, Tool.FILL, 700, 520, colour=QColor("#ff8c1a"))
    _tap(canvas, Tool.STICKER, 1330, 230, sticker="sticker-sun", sticker_size=300)
    _tap(canvas, Tool.STICKER, 1250, 800, sticker="sticker-tree", sticker_size=380)
    _tap(canvas, Tool.STICKER, 220, 850, sticker="sticker-dog", sticker_size=220)
    _line(canvas, "#7b2cbf", 14, [(140, 260), (220, 200), (300, 260), (380, 200)])


def shoot(app: QApplication, studio: DrawingStudio, path: Path) -> None:
    app.processEvents()
    studio.grab().save(str(path))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    register_fonts()
    app.setFont(QFont(FAMILY, 11))
    with tempfile.TemporaryDirectory() as folder:
        store = CaseloadStore.open(Path(folder))
        for look, tag in ((CHILD_LOOK, "child"), (YOUNG_PERSON_LOOK, "young-person")):
            child = store.add_child(ChildRecord("Ola", "Nowak"), TODAY)
            library = DrawingLibrary(store)
            studio = DrawingStudio(library, child.id, look)
            studio.resize(1366, 768)
            studio.show()
            app.processEvents()
            for background, name, sticker in (
                ("sky", "Me and my dog", "sticker-dog"),
                ("lined", "A rocket", "sticker-rocket"),
            ):
                studio.new_drawing(background)
                canvas = studio.canvas
                _line(canvas, "#1d4ed8", 30, [(300, 300), (800, 700), (1300, 300)])
                _tap(canvas, Tool.STICKER, 800, 500, sticker=sticker, sticker_size=400)
                studio.flush()
                library.rename(child.id, studio.drawing_id, name)
            studio.new_drawing("cream")
            draw_house(studio)
            studio.flush()
            library.rename(child.id, studio.drawing_id, "My house")
            studio.open_drawing(studio.drawing_id)
            studio.choose_tool(Tool.PENCIL)
            shoot(app, studio, out / f"drawing-{tag}-studio.png")
            studio.choose_tool(Tool.STICKER)
            shoot(app, studio, out / f"drawing-{tag}-stickers.png")
            studio.choose_tool(Tool.PENCIL)
            studio.show_gallery()
            shoot(app, studio, out / f"drawing-{tag}-gallery.png")
            studio.show_workspace()
            studio.clear_button.click()
            shoot(app, studio, out / f"drawing-{tag}-clear.png")
            studio.confirm.no.click()
            studio.workspace.new_button.click()
            shoot(app, studio, out / f"drawing-{tag}-paper.png")
            studio.show_workspace()
            studio.flush()
            studio.close()
        thrown = library.drawings(child.id)[1]
        library.bin(child.id, thrown.drawing_id)
        context = ChildSectionContext(store, child.id, TODAY, RecordedMessages(), lambda: None)
        section = DrawingBinSection(context)
        section.setStyleSheet(WORKER_STYLE)
        section.resize(900, 420)
        section.show()
        app.processEvents()
        section.grab().save(str(out / "drawing-worker-bin.png"))
        store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
