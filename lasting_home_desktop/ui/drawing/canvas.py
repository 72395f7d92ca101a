"""The drawing canvas: one QImage at print size, scaled to the window only when shown.

Each pencil movement paints one short segment onto the picture and repaints only the few
pixels it touched, so drawing stays as quick with a full picture as with an empty one."""

from __future__ import annotations

import enum

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QUndoStack,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain.drawing import DEFAULT_BACKGROUND, Background
from .commands import UNDO_STEPS, PatchCommand, StickerCommand
from .picture_ops import PICTURE_SIZE, flood_fill, paper, segment_rect

_EDGE = 6  # px of the window colour around the paper
KEY_STEP = 20  # picture pixels per arrow key press (four times that with Shift)


class Tool(enum.Enum):
    PENCIL = "pencil"
    ERASER = "eraser"
    FILL = "fill"
    STICKER = "sticker"


class DrawingCanvas(QWidget):
    pictureChanged = Signal()  # after every change to the pixels (strokes, undo, fill...)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self.setAccessibleName("Drawing paper")
        self.setToolTip(
            "Draw here with the mouse, a finger or a pen; or with the arrow keys, and Space to "
            "put the pen down and lift it"
        )
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_STEPS)
        self.undo_stack.indexChanged.connect(self._on_step)
        self.tool = Tool.PENCIL
        self.colour = QColor("#e63946")
        self.pen_width = 24.0  # in picture pixels
        self.sticker = "sticker-star"
        self.sticker_size = 260
        self.surround = QColor("#fff6e0")
        self.background: Background = DEFAULT_BACKGROUND
        self._paper = paper(self.background)
        self.picture = self._paper.copy()
        self._before: QImage | None = None  # the picture when the current stroke began
        self._stroke_rect = QRect()
        self._last = QPointF()
        self._pressure = 1.0
        self._quiet = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.cursor = QPointF(PICTURE_SIZE.width() / 2, PICTURE_SIZE.height() / 2)
        self.pen_down = False  # the keyboard pen, or a tap-to-draw line under way
        self.tap_to_draw = False

    # -- the picture -----------------------------------------------------------------------

    def set_picture(self, picture: QImage | None, background: Background) -> None:
        """Start on a picture (or a fresh sheet); the undo history starts again."""
        self.background = background
        self._paper = paper(background)
        self.picture = (picture if picture is not None else self._paper).copy()
        self._before = None
        self._quiet = True  # opening a picture is not a change to save
        self.undo_stack.clear()
        self._quiet = False
        self.update()

    def blank_paper(self) -> QImage:
        return self._paper

    def is_blank(self) -> bool:
        return self.picture == self._paper

    def clear(self) -> None:
        """Back to a fresh sheet, as one step that undo can bring back."""
        before = QImage(self.picture)
        self.picture = self._paper.copy()
        self._push(
            PatchCommand(
                "Clear", self._get, self._changed, before, self.picture, self.picture.rect()
            )
        )
        self._changed(self.picture.rect())

    def resize_last_sticker(self, size: int) -> bool:
        """Grow or shrink the sticker just placed; True if there was one to change."""
        self.sticker_size = size
        index = self.undo_stack.index()
        if index == 0 or index != self.undo_stack.count():
            return False
        command = self.undo_stack.command(index - 1)
        if not isinstance(command, StickerCommand):
            return False
        command.resize(size)
        self.pictureChanged.emit()
        return True

    # -- the pencil: one code path for mouse, touch and pen ----------------------------------

    def press(self, pos: QPointF, pressure: float = 1.0) -> None:
        point = self.to_picture(pos)
        if self.tool is Tool.FILL:
            self._fill(point)
            return
        if self.tool is Tool.STICKER:
            self._push(
                StickerCommand(self._get, self._changed, self.sticker, point, self.sticker_size)
            )
            return
        self._before = self.picture.copy()
        self._stroke_rect = QRect()
        self._last = point
        self._pressure = pressure
        self._segment(point, point, pressure)

    def move(self, pos: QPointF, pressure: float = 1.0) -> None:
        if self._before is None:
            return
        point = self.to_picture(pos)
        self._segment(self._last, point, (self._pressure + pressure) / 2)
        self._last = point
        self._pressure = pressure

    def release(self, pos: QPointF | None = None, pressure: float = 1.0) -> None:
        if self._before is None:
            return
        if pos is not None:
            self.move(pos, pressure)
        before, self._before = self._before, None
        if self._stroke_rect.isEmpty():
            return
        name = "Rub out" if self.tool is Tool.ERASER else "Line"
        self._push(
            PatchCommand(name, self._get, self._changed, before, self.picture, self._stroke_rect)
        )

    def _segment(self, a: QPointF, b: QPointF, pressure: float) -> None:
        width = max(2.0, self.pen_width * (0.25 + 0.75 * max(0.0, min(pressure, 1.0))))
        brush = QBrush(self._paper) if self.tool is Tool.ERASER else QBrush(self.colour)
        pen = QPen(
            brush, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
        )
        painter = QPainter(self.picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        if a == b:
            painter.drawPoint(a)
        else:
            painter.drawLine(a, b)
        painter.end()
        rect = segment_rect(a, b, width)
        self._stroke_rect = self._stroke_rect.united(rect)
        self.update(self.to_widget(rect))

    def _fill(self, point: QPointF) -> None:
        result = flood_fill(
            self.picture, self._paper, (int(point.x()), int(point.y())), self.colour
        )
        if result is None:
            return
        rect, pixels = result
        before = QImage(self.picture)  # shares pixels until the painter below writes
        painter = QPainter(self.picture)
        painter.drawImage(rect.topLeft(), pixels)
        painter.end()
        self._push(PatchCommand("Fill", self._get, self._changed, before, self.picture, rect))
        self._changed(rect)

    # -- undo support ------------------------------------------------------------------------

    def _get(self) -> QImage:
        return self.picture

    def _push(self, command: PatchCommand | StickerCommand) -> None:
        self.undo_stack.push(command)

    def _changed(self, rect: QRect) -> None:
        self.update(self.to_widget(rect))

    def _on_step(self, _index: int) -> None:
        if not self._quiet:
            self.pictureChanged.emit()

    # -- showing it --------------------------------------------------------------------------

    def target_rect(self) -> QRectF:
        """Where the picture sits in the widget: as big as fits, never stretched."""
        room_w, room_h = self.width() - 2 * _EDGE, self.height() - 2 * _EDGE
        scale = max(min(room_w / PICTURE_SIZE.width(), room_h / PICTURE_SIZE.height()), 0.01)
        w, h = PICTURE_SIZE.width() * scale, PICTURE_SIZE.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def to_picture(self, pos: QPointF) -> QPointF:
        target = self.target_rect()
        scale = PICTURE_SIZE.width() / target.width()
        return QPointF((pos.x() - target.x()) * scale, (pos.y() - target.y()) * scale)

    def to_widget(self, rect: QRect) -> QRect:
        target = self.target_rect()
        scale = target.width() / PICTURE_SIZE.width()
        mapped = QRectF(
            target.x() + rect.x() * scale,
            target.y() + rect.y() * scale,
            rect.width() * scale,
            rect.height() * scale,
        )
        return mapped.toAlignedRect().adjusted(-2, -2, 2, 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setClipRegion(event.region())  # only what changed is scaled and drawn
        target = self.target_rect()
        painter.fillRect(event.rect(), self.surround)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.picture)
        painter.setPen(QPen(QColor(0, 0, 0, 60), 2))
        painter.drawRect(target.adjusted(-1, -1, 1, 1))
        if self.hasFocus() or self.tap_to_draw:
            self._paint_pen_spot(painter)
        painter.end()

    def _paint_pen_spot(self, painter: QPainter) -> None:
        """Where the keyboard pen is: a ring, filled while the pen is down."""
        centre = self.to_widget(QRect(self.cursor.toPoint(), self.cursor.toPoint())).center()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#1b6ef3"), 3))
        painter.setBrush(self.colour if self.pen_down else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(centre), 10, 10)

    # -- input -------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.tap_to_draw and self.tool in (Tool.PENCIL, Tool.ERASER):
            # Tap to start a line, move without holding, tap again to finish it.
            if self.pen_down:
                self.release(event.position())
                self.pen_down = False
            else:
                self.press(event.position())
                self.pen_down = True
            self.cursor = self.to_picture(event.position())
            self.update()
            return
        self.press(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton or (self.tap_to_draw and self.pen_down):
            self.move(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not (
            self.tap_to_draw and self.tool in (Tool.PENCIL, Tool.ERASER)
        ):
            self.release(event.position())

    def set_tap_to_draw(self, on: bool) -> None:
        """Tap, move, tap: for a child who cannot hold a button down while moving."""
        if self.pen_down:
            self.release()
            self.pen_down = False
        self.tap_to_draw = on
        self.setMouseTracking(on)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The arrow keys move the pen (Shift for big steps); Space puts it down or lifts it,
        so a child with a switch or a keyboard can draw too."""
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        key = event.key()
        if key in steps:
            size = KEY_STEP * (4 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            dx, dy = steps[Qt.Key(key)]
            self.move_pen(dx * size, dy * size)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.toggle_pen()
        else:
            super().keyPressEvent(event)

    def move_pen(self, dx: float, dy: float) -> None:
        """Move the keyboard pen by (dx, dy) picture pixels, drawing while it is down."""
        x = min(max(self.cursor.x() + dx, 0.0), PICTURE_SIZE.width() - 1.0)
        y = min(max(self.cursor.y() + dy, 0.0), PICTURE_SIZE.height() - 1.0)
        self.cursor = QPointF(x, y)
        if self.pen_down:
            self.move(self.from_picture(self.cursor))
        self.update()

    def toggle_pen(self) -> None:
        """Space: put the pen down here (or stamp, fill), or lift it to end the line."""
        at = self.from_picture(self.cursor)
        if self.pen_down:
            self.release(at)
            self.pen_down = False
        else:
            self.press(at)
            self.pen_down = self.tool in (Tool.PENCIL, Tool.ERASER)
        self.update()

    def from_picture(self, point: QPointF) -> QPointF:
        target = self.target_rect()
        scale = target.width() / PICTURE_SIZE.width()
        return QPointF(target.x() + point.x() * scale, target.y() + point.y() * scale)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self.pen_down and not self.tap_to_draw:
            self.toggle_pen()  # a line never stays open behind the child's back
        super().focusOutEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        # A pen reports pressure: a lighter touch draws a thinner line.
        kind, pressure = event.type(), event.pressure()
        if kind == QEvent.Type.TabletPress:
            self.press(event.position(), pressure)
        elif kind == QEvent.Type.TabletMove:
            self.move(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            self.release(event.position(), pressure)
        event.accept()  # no second, pretend mouse stroke

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self.press(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self.move(pos)
                else:
                    self.release(pos)
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            self.release()
            event.accept()
            return True
        return super().event(event)
