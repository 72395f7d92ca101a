"""The drawing canvas: strokes, undo and redo, stickers, fill, rubber, pen and touch."""

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QInputDevice, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lasting_home_desktop.domain.drawing import PICTURE_HEIGHT, PICTURE_WIDTH, background
from lasting_home_desktop.ui.drawing.canvas import DrawingCanvas, Tool
from lasting_home_desktop.ui.drawing.commands import UNDO_STEPS

RED = QColor("#e63946")


@pytest.fixture
def canvas(qtbot):
    widget = DrawingCanvas()
    qtbot.addWidget(widget)
    widget.resize(800, 612)
    widget.show()
    qtbot.waitExposed(widget)
    widget.colour = RED
    return widget


def drag(qtbot, canvas, points):
    """Press, move through every point, release: what a child's mouse does."""
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(point),
            QPointF(canvas.mapToGlobal(point)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(canvas, move)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=points[-1])


def pixel(canvas, point: QPoint) -> QColor:
    spot = canvas.to_picture(QPointF(point))
    return canvas.picture.pixelColor(int(spot.x()), int(spot.y()))


def line(y, x0=100, x1=700, step=10):
    return [QPoint(x, y) for x in range(x0, x1 + 1, step)]


def test_a_stroke_paints_the_colour_along_its_path_only(qtbot, canvas):
    """The line appears where the mouse went, in the chosen colour, and nowhere else."""
    drag(qtbot, canvas, line(300))
    for x in (100, 250, 400, 700):
        assert pixel(canvas, QPoint(x, 300)) == RED
    assert pixel(canvas, QPoint(400, 200)) == QColor("white")
    assert pixel(canvas, QPoint(760, 300)) == QColor("white")


def test_undo_and_redo_bring_back_the_exact_pixels(qtbot, canvas):
    """Undo takes a stroke off pixel for pixel; redo puts exactly the same pixels back."""
    drag(qtbot, canvas, line(200))
    after_first = canvas.picture.copy()
    canvas.colour = QColor("#1d4ed8")
    drag(qtbot, canvas, [QPoint(400, 100), QPoint(420, 300), QPoint(450, 500)])
    after_second = canvas.picture.copy()
    assert after_second != after_first
    canvas.undo_stack.undo()
    assert canvas.picture == after_first
    canvas.undo_stack.redo()
    assert canvas.picture == after_second


def test_at_least_fifty_steps_can_be_undone(qtbot, canvas):
    """Fifty-five strokes later, undo walks all the way back to the blank paper."""
    blank = canvas.picture.copy()
    for index in range(55):
        drag(qtbot, canvas, [QPoint(60 + index * 12, 80), QPoint(60 + index * 12, 520)])
    assert UNDO_STEPS >= 50
    while canvas.undo_stack.canUndo():
        canvas.undo_stack.undo()
    assert canvas.picture == blank


def test_a_sticker_lands_where_it_was_tapped(qtbot, canvas):
    """The middle of the new sticker is where the child tapped; the rest is untouched."""
    blank = canvas.picture.copy()
    canvas.tool = Tool.STICKER
    canvas.sticker = "sticker-heart"
    canvas.sticker_size = 300
    tap = QPoint(500, 250)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=tap)
    centre = canvas.to_picture(QPointF(tap))
    changed = [
        (x, y)
        for y in range(0, PICTURE_HEIGHT, 8)
        for x in range(0, PICTURE_WIDTH, 8)
        if canvas.picture.pixel(x, y) != blank.pixel(x, y)
    ]
    assert changed
    mean_x = sum(x for x, _ in changed) / len(changed)
    mean_y = sum(y for _, y in changed) / len(changed)
    assert abs(mean_x - centre.x()) < 40 and abs(mean_y - centre.y()) < 40
    assert all(abs(x - centre.x()) <= 152 and abs(y - centre.y()) <= 152 for x, y in changed)


def test_the_last_sticker_can_still_grow_and_undo_takes_it_off(qtbot, canvas):
    """Choosing a bigger size just after placing a sticker makes that sticker bigger."""
    blank = canvas.picture.copy()
    canvas.tool = Tool.STICKER
    canvas.sticker_size = 160
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    small = canvas.picture.copy()
    assert canvas.resize_last_sticker(460)
    big = canvas.picture.copy()
    assert big != small and canvas.undo_stack.count() == 1

    def coloured(image):
        return sum(
            image.pixel(x, y) != blank.pixel(x, y)
            for y in range(0, PICTURE_HEIGHT, 10)
            for x in range(0, PICTURE_WIDTH, 10)
        )

    assert coloured(big) > 4 * coloured(small)
    canvas.undo_stack.undo()
    assert canvas.picture == blank


def test_fill_colours_inside_a_shape_and_not_outside(qtbot, canvas):
    """Fill inside a drawn box colours the inside; the paper outside stays white."""
    canvas.pen_width = 20
    corners = [QPoint(200, 150), QPoint(600, 150), QPoint(600, 450), QPoint(200, 450)]
    drag(qtbot, canvas, [*corners, corners[0]])
    canvas.tool = Tool.FILL
    canvas.colour = QColor("#ffd60a")
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    assert pixel(canvas, QPoint(400, 300)) == QColor("#ffd60a")
    assert pixel(canvas, QPoint(230, 180)) == QColor("#ffd60a")
    assert pixel(canvas, QPoint(100, 100)) == QColor("white")
    assert pixel(canvas, QPoint(200, 300)) == RED  # the box's own line stays
    canvas.undo_stack.undo()
    assert pixel(canvas, QPoint(400, 300)) == QColor("white")


def test_fill_on_lined_paper_is_not_stopped_by_the_lines(qtbot, canvas):
    """Tapping empty lined paper fills the whole page, lines and all."""
    canvas.set_picture(None, background("lined"))
    canvas.tool = Tool.FILL
    canvas.colour = QColor("#4cc9f0")
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    for point in (QPoint(30, 30), QPoint(770, 580), QPoint(400, 300)):
        assert pixel(canvas, point) == QColor("#4cc9f0")


def test_the_rubber_gives_back_the_paper_even_lined_paper(qtbot, canvas):
    """Rubbing out a line on lined paper shows the paper's own lines again."""
    canvas.set_picture(None, background("lined"))
    paper = canvas.picture.copy()
    canvas.pen_width = 40
    drag(qtbot, canvas, line(300))
    canvas.tool = Tool.ERASER
    canvas.pen_width = 90
    drag(qtbot, canvas, line(300))
    spot = canvas.to_picture(QPointF(400, 300))
    for dy in range(-6, 7):
        y = int(spot.y()) + dy
        assert canvas.picture.pixel(int(spot.x()), y) == paper.pixel(int(spot.x()), y)


def test_clear_is_one_step_that_undo_brings_back(qtbot, canvas):
    """After clearing, one undo brings the whole picture back exactly."""
    drag(qtbot, canvas, line(300))
    drawn = canvas.picture.copy()
    canvas.clear()
    assert canvas.is_blank()
    canvas.undo_stack.undo()
    assert canvas.picture == drawn


_PENS: list[QPointingDevice] = []  # Qt keeps a pointer to the device: it must outlive events


def a_pen() -> QPointingDevice:
    if not _PENS:
        _PENS.append(
            QPointingDevice(
                "test pen",
                7,
                QInputDevice.DeviceType.Stylus,
                QPointingDevice.PointerType.Pen,
                QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
                1,
                3,
            )
        )
    return _PENS[0]


def pen_event(kind, canvas, point, pressure):
    return QTabletEvent(
        kind,
        a_pen(),
        QPointF(point),
        QPointF(canvas.mapToGlobal(point)),
        pressure,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        Qt.KeyboardModifier.NoModifier,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
    )


def pen_stroke(canvas, y, pressure):
    points = line(y)
    QApplication.sendEvent(canvas, pen_event(QEvent.Type.TabletPress, canvas, points[0], pressure))
    for point in points[1:]:
        QApplication.sendEvent(canvas, pen_event(QEvent.Type.TabletMove, canvas, point, pressure))
    QApplication.sendEvent(
        canvas, pen_event(QEvent.Type.TabletRelease, canvas, points[-1], pressure)
    )


def thickness(canvas, x, y):
    spot = canvas.to_picture(QPointF(x, y))
    column = int(spot.x())
    return sum(
        canvas.picture.pixelColor(column, row) == RED
        for row in range(max(0, int(spot.y()) - 60), min(PICTURE_HEIGHT, int(spot.y()) + 60))
    )


def test_pressing_harder_with_a_pen_draws_a_thicker_line(canvas):
    """A light pen stroke is thinner than a firm one; pen strokes are never doubled as mouse."""
    canvas.pen_width = 48
    pen_stroke(canvas, 150, 0.2)
    pen_stroke(canvas, 450, 1.0)
    light, firm = thickness(canvas, 400, 150), thickness(canvas, 400, 450)
    assert 0 < light < firm * 0.6
    assert canvas.undo_stack.count() == 2


def test_a_finger_draws_like_the_mouse(qtbot, canvas):
    """Touch on the canvas draws a line along the finger's path."""
    finger = QTest.createTouchDevice()
    QTest.touchEvent(canvas, finger).press(0, QPoint(150, 300)).commit()
    for x in range(160, 650, 10):
        QTest.touchEvent(canvas, finger).move(0, QPoint(x, 300)).commit()
    QTest.touchEvent(canvas, finger).release(0, QPoint(650, 300)).commit()
    assert pixel(canvas, QPoint(400, 300)) == RED
    assert canvas.undo_stack.count() == 1


def test_the_picture_keeps_print_size_whatever_the_window(qtbot, canvas):
    """A small window still draws into a 1600 x 1200 picture, at the right place."""
    canvas.resize(400, 306)
    drag(qtbot, canvas, [QPoint(50, 150), QPoint(350, 150)])
    assert canvas.picture.size().width() == PICTURE_WIDTH
    assert canvas.picture.size().height() == PICTURE_HEIGHT
    assert pixel(canvas, QPoint(200, 150)) == RED
    assert isinstance(canvas.grab().toImage(), QImage)
