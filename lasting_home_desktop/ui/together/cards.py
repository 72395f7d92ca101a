"""Big picture cards the child taps, tabs to or chooses with Space or Enter."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from ... import resources
from ..theme import Look
from .card_layout import SMALLEST_WORDS_PT, Arrangement, arrange, fonts, split_words
from .style import CardSize, card_size, chosen_fill, font

MIN_TARGET_PX = 64
LONG_PRESS_MS = 650  # holding a card this long reads it aloud instead of choosing it
_RENDERERS: dict[str, QSvgRenderer] = {}


def svg_renderer(name: str) -> QSvgRenderer:
    """One cached renderer per picture; SVG stays crisp at any size."""
    if name not in _RENDERERS:
        _RENDERERS[name] = QSvgRenderer(str(resources.picture(name)))
    return _RENDERERS[name]


def paint_picture(painter: QPainter, name: str, rect: QRectF) -> None:
    renderer = svg_renderer(name)
    size = renderer.defaultSize()
    if size.isEmpty():
        renderer.render(painter, rect)
        return
    scale = min(rect.width() / size.width(), rect.height() / size.height())
    w, h = size.width() * scale, size.height() * scale
    renderer.render(painter, QRectF(rect.center().x() - w / 2, rect.center().y() - h / 2, w, h))


def picture_pixmap(name: str, px: int, ratio: float = 2.0) -> QPixmap:
    pixmap = QPixmap(int(px * ratio), int(px * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_picture(painter, name, QRectF(0, 0, pixmap.width(), pixmap.height()))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class PictureCard(QAbstractButton):
    """A checkable card: a picture, a few words and a clear chosen state.

    Holding it down (a long press, or a right click) reads its words aloud instead of
    choosing it, so a child who cannot read can hear every card."""

    readRequested = Signal(str)

    def __init__(
        self,
        text: str,
        look: Look,
        picture: str | None = None,
        pixmap: QPixmap | None = None,
        *,
        key: str = "",
        badge: str = "",
        size: CardSize | None = None,
        checkable: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.key = key
        self.look = look
        self.picture = picture
        self.pixmap = pixmap
        self.badge = badge
        self.base_size = size or card_size(look)
        self.size_ = self.base_size
        self.scale = 1.0
        self.spoken = ""  # what a long press reads; the words on the card when empty
        self._long_press = QTimer(self)
        self._long_press.setSingleShot(True)
        self._long_press.setInterval(LONG_PRESS_MS)
        self._long_press.timeout.connect(self.read_aloud)
        self._read_instead = False
        self.setText(text)
        self.setCheckable(checkable)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Touch arrives as a tap (a synthesised click); a drag scrolls the grid around the card.
        self.setAccessibleName(text + (f" ({badge})" if badge else ""))
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFont(font(look, self._start_points(), bold=True))

    def _start_points(self, scale: float = 1.0) -> int:
        """The type size the words start from before they give way to fit."""
        base = self.look.body_pt - 2 if self.base_size.width >= 150 else 11
        return max(SMALLEST_WORDS_PT, round(base * max(min(scale, 1.0), 0.75)))

    def arrangement(self, width: int = 0, height: int = 0) -> Arrangement:
        """Where the picture and the words go on a card of this size (the card's own now)."""
        width, height = width or self.width(), height or self.height()
        base = self.base_size
        start = self._start_points(min(width / base.width, height / base.height))
        return arrange(self.look, self.text(), base, width, height, bool(self.badge), start)

    def set_cell(self, width: int, height: int) -> None:
        """Take a cell of a grid that fits its space: smaller than its own size if need be."""
        base = self.base_size
        width, height = min(width, base.width), min(height, base.height)
        self.size_ = replace(base, width=width, height=height)
        self.scale = min(width / base.width, height / base.height)
        self.setFixedSize(width, height)
        self.update()

    def fits_cell(self, width: int, height: int) -> bool:
        """Whether the words would show whole in a cell of that size."""
        width = min(width, self.base_size.width)
        height = min(height, self.base_size.height)
        return self.arrangement(width, height).fits

    def text_fits(self) -> bool:
        """The words show whole on the card as it is now (no word cut, no line lost)."""
        return self.arrangement().fits

    def sizeHint(self) -> QSize:
        return QSize(max(MIN_TARGET_PX, self.size_.width), max(MIN_TARGET_PX, self.size_.height))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    # -- reading a card on its own -------------------------------------------------------------

    def read_aloud(self) -> None:
        self._read_instead = True
        self.readRequested.emit(self.spoken or self.accessibleName() or self.text())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._read_instead = False
        if event.button() == Qt.MouseButton.RightButton:
            self.read_aloud()
            event.accept()
            return
        self._long_press.start()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._long_press.stop()
        if self._read_instead:  # it was read aloud: it is not chosen as well
            self._read_instead = False
            self.setDown(False)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            return
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            event.ignore()  # the grid moves the focus
            return
        super().keyPressEvent(event)

    def paintEvent(self, _event: object) -> None:
        look = self.look
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        outer = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        radius = look.corner_px * 0.75
        chosen = self.isChecked()
        hovered = self.underMouse() or self.isDown()
        fill = QColor(chosen_fill(look)) if chosen else QColor(look.surface)
        if hovered and not chosen:
            fill = QColor(chosen_fill(look)).lighter(108)
        border = QColor(look.accent) if chosen else QColor("#d9d2c5")
        path = QPainterPath()
        path.addRoundedRect(outer, radius, radius)
        # a soft shadow so cards look like cards
        p.fillPath(path.translated(0, 3), QColor(0, 0, 0, 22))
        p.fillPath(path, fill)
        p.setPen(QPen(border, 4 if chosen else 2))
        p.drawPath(path)
        if self.hasFocus():
            ring = QRectF(self.rect()).adjusted(1, 1, -1, -1)
            p.setPen(QPen(QColor(look.focus), 4, Qt.PenStyle.SolidLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(ring, radius + 3, radius + 3)
        arranged = self.arrangement()
        picture_rect = arranged.picture
        self._paint_image(p, picture_rect)
        self._paint_words(p, arranged)
        if chosen:
            self._tick(p, outer)
        if self.badge:
            self._badge(p, outer)
        p.end()

    def _paint_image(self, p: QPainter, rect: QRectF) -> None:
        if self.pixmap is not None and not self.pixmap.isNull():
            side = int(rect.width() * 2)
            scaled = self.pixmap.scaled(
                side,
                side,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(2.0)
            w, h = scaled.width() / 2, scaled.height() / 2
            p.drawPixmap(int(rect.center().x() - w / 2), int(rect.center().y() - h / 2), scaled)
        elif self.picture:
            paint_picture(p, self.picture, rect)

    def _paint_words(self, p: QPainter, arranged: Arrangement) -> None:
        """The words in bold; a part in brackets, e.g. "(Head of Service)", smaller beneath."""
        main, sub = split_words(self.text())
        horizontal = self.base_size.horizontal
        align = Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignHCenter
        flags = align | Qt.TextFlag.TextWordWrap
        main_font, sub_font = fonts(self.look, arranged.points)
        rect = arranged.words
        p.setPen(QColor(self.look.text))
        p.setFont(main_font)
        main_height = p.boundingRect(rect, flags, main).height()
        p.drawText(QRectF(rect.left(), rect.top(), rect.width(), main_height), flags, main)
        if sub:
            p.setFont(sub_font)
            p.setPen(QColor(self.look.text).lighter(170))
            top = rect.top() + main_height + 2
            p.drawText(QRectF(rect.left(), top, rect.width(), rect.bottom() - top + 2), flags, sub)

    def _tick(self, p: QPainter, outer: QRectF) -> None:
        d = 30
        circle = QRectF(outer.right() - d - 6, outer.top() + 6, d, d)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(self.look.accent))
        p.drawEllipse(circle)
        pen = QPen(QColor(self.look.accent_text), 4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        c = circle.center()
        p.drawPolyline([c + _pt(-7, 0), c + _pt(-2, 6), c + _pt(8, -6)])

    def _badge(self, p: QPainter, outer: QRectF) -> None:
        small = font(self.look, 9, bold=True)
        p.setFont(small)
        metrics = QFontMetrics(small)
        w = metrics.horizontalAdvance(self.badge) + 14
        if self.size_.horizontal:
            rect = QRectF(
                outer.right() - w - 8,
                outer.bottom() - metrics.height() - 12,
                w,
                metrics.height() + 6,
            )
        else:
            rect = QRectF(outer.left() + 6, outer.top() + 6, w, metrics.height() + 6)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#e3f4ea"))
        p.drawRoundedRect(rect, 8, 8)
        p.setPen(QColor("#1d5b3f"))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.badge)


def _pt(x: float, y: float):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF

    return QPointF(x, y)
