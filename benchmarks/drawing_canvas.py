"""The drawing canvas stays instant however full the picture is, and saving never stalls it.

1. Time per mouse-move update (the event, painting the segment into the picture and repainting
   the window) with 100 points drawn, then with 20,000 points drawn, in the same run.
2. The longest gap between handled mouse moves while an autosave encodes and writes the PNG.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import figure  # noqa: E402
from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from lasting_home_desktop.domain.child import ChildRecord  # noqa: E402
from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.drawings import DrawingLibrary  # noqa: E402
from lasting_home_desktop.ui.drawing.canvas import DrawingCanvas  # noqa: E402
from lasting_home_desktop.ui.drawing.picture_ops import encode_png  # noqa: E402
from lasting_home_desktop.ui.drawing.studio import DrawingStudio  # noqa: E402
from lasting_home_desktop.ui.theme import CHILD_LOOK  # noqa: E402

MEASURED_MOVES = 300
ROUNDS = 5


def _event(kind: QEvent.Type, canvas: DrawingCanvas, x: float, y: float) -> QMouseEvent:
    pos = QPointF(x, y)
    held = (
        Qt.MouseButton.NoButton
        if kind == QEvent.Type.MouseButtonRelease
        else (Qt.MouseButton.LeftButton)
    )
    button = (
        Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else (Qt.MouseButton.LeftButton)
    )
    return QMouseEvent(
        kind, pos, canvas.mapToGlobal(pos), button, held, Qt.KeyboardModifier.NoModifier
    )


def _path(index: int, count: int, width: int, height: int) -> list[tuple[float, float]]:
    """A zig-zag across the canvas; each stroke on its own row band, 4 px per move."""
    y0 = 40 + (index * 37) % (height - 80)
    return [(30 + (i * 4) % (width - 60), y0 + (i % 20) * 2) for i in range(count)]


def _stroke(app: QApplication, canvas: DrawingCanvas, points, timed: bool = False) -> list[float]:
    """Press, move through the points (each handled and painted), release; per-move seconds."""
    send = QApplication.sendEvent
    dirty = canvas.dirty_rects
    send(canvas, _event(QEvent.Type.MouseButtonPress, canvas, *points[0]))
    app.processEvents()
    times = []
    for x, y in points[1:]:
        start = time.perf_counter()
        send(canvas, _event(QEvent.Type.MouseMove, canvas, x, y))
        if not dirty:
            raise SystemExit("the canvas asked for no repaint: the benchmark would mislead")
        while dirty:  # paint now what the event loop would paint on the next frame
            canvas.repaint(dirty.pop())
        times.append(time.perf_counter() - start)
    send(canvas, _event(QEvent.Type.MouseButtonRelease, canvas, *points[-1]))
    app.processEvents()
    return times if timed else []


def main() -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="lasting-home-bench-") as temp:
        store = CaseloadStore.open(Path(temp) / "data")
        child = store.add_child(ChildRecord("Ola", "Nowak"), dt.date(2026, 11, 22))
        library = DrawingLibrary(store)
        studio = DrawingStudio(library, child.id, CHILD_LOOK)
        studio.resize(1280, 800)
        studio.show()
        app.processEvents()
        canvas = studio.canvas
        canvas.pen_width = 14.0
        # Note each rectangle the canvas asks to repaint, so every timed move includes painting
        # exactly that part of the window (the offscreen platform would skip frames).
        canvas.dirty_rects = []
        canvas.update = canvas.dirty_rects.append
        studio.autosave._timer.setInterval(10**8)  # saves are started by hand below
        w, h = canvas.width(), canvas.height()
        probe = _path(0, MEASURED_MOVES + 1, w, h)

        # 100 points on the paper, then the measured strokes.
        _stroke(app, canvas, _path(1, 100, w, h))
        light = []
        for _ in range(ROUNDS):
            light += _stroke(app, canvas, probe, timed=True)
            canvas.undo_stack.undo()  # keep the picture at 100 points
        drawn = 100
        index = 2
        while drawn < 20_000:
            canvas.colour = QColor.fromHsv((index * 47) % 360, 200, 220)  # a colourful picture
            _stroke(app, canvas, _path(index, 200, w, h))
            drawn += 200
            index += 1
        heavy = []
        for _ in range(ROUNDS):
            heavy += _stroke(app, canvas, probe, timed=True)
            canvas.undo_stack.undo()
        light_ms = statistics.median(light) * 1000
        heavy_ms = statistics.median(heavy) * 1000
        print(
            f"median per mouse move: {light_ms:.3f} ms with 100 points drawn, "
            f"{heavy_ms:.3f} ms with {drawn:,} points drawn ({len(heavy)} moves each)"
        )
        figure("drawing_move_ms_100_points", light_ms, "ms", "<", 1)
        figure("drawing_move_ms_20000_points", heavy_ms, "ms", "<", 1)
        figure("drawing_move_ratio_20000_vs_100", heavy_ms / light_ms, "x", "<=", 1.1)

        start = time.perf_counter()
        png = encode_png(canvas.picture)
        encode_ms = (time.perf_counter() - start) * 1000
        print(f"PNG of the full picture: {len(png) / 1024:.0f} KiB, {encode_ms:.0f} ms to encode")

        # Keep drawing while a save runs on the worker thread; note the longest gap.
        gaps = []
        for round_index in range(ROUNDS):
            canvas.undo_stack.undo()
            canvas.undo_stack.redo()  # a change, so there is something to save
            saved = []
            studio.autosave.saved.connect(saved.append)
            points = _path(round_index + 3, 100_000, w, h)
            send = QApplication.sendEvent
            send(canvas, _event(QEvent.Type.MouseButtonPress, canvas, *points[0]))
            last = time.perf_counter()
            studio.autosave.save_soon()
            longest, moves = 0.0, 0
            for x, y in points[1:]:
                send(canvas, _event(QEvent.Type.MouseMove, canvas, x, y))
                app.processEvents()
                now = time.perf_counter()
                longest, last = max(longest, now - last), now
                moves += 1
                if saved:
                    break
            send(canvas, _event(QEvent.Type.MouseButtonRelease, canvas, *points[moves]))
            app.processEvents()
            studio.autosave.saved.disconnect(saved.append)
            gaps.append(longest * 1000)
            print(
                f"autosave {round_index + 1}: {moves} moves handled while saving, "
                f"longest gap {longest * 1000:.1f} ms"
            )
        figure("drawing_longest_gap_during_autosave_ms", max(gaps), "ms", "<", 16)
        studio.flush()
        studio.autosave.shutdown()
        store.close()


if __name__ == "__main__":
    main()
