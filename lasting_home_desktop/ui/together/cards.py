"""Big picture cards the child taps, tabs to or chooses with Space or Enter."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
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
from .style import CardSize, card_size, chosen_fill, font

MIN_TARGET_PX = 64
LONG_PRESS_MS = 650  # holding a card this long reads it aloud instead of choosing it
SMALLEST_WORDS_PT = 9
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
        self._fits: dict[tuple[int, int, str, str], bool] = {}
        self.setText(text)
        self.setCheckable(checkable)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Touch arrives as a tap (a synthesised click); a drag scrolls the grid around the card.
        self.setAccessibleName(text + (f" ({badge})" if badge else ""))
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._set_font()

    def _set_font(self) -> None:
        base = self.look.body_pt - 2 if self.base_size.width >= 150 else 11
        points = max(SMALLEST_WORDS_PT, round(base * max(self.scale, 0.7)))
        self.setFont(font(self.look, points, bold=True))

    def cell_size(self, width: int, height: int) -> CardSize:
        """The card's sizes when given a width x height cell (never over its own size)."""
        base = self.base_size
        width, height = min(width, base.width), min(height, base.height)
        if base.horizontal:
            picture = min(base.picture, height - 20)
        else:  # the picture gives way first, so the words keep their room
            picture = min(base.picture, round(height * 0.45), width - 24)
        return replace(base, width=width, height=height, picture=max(24, picture))

    def set_cell(self, width: int, height: int) -> None:
        """Take a cell of a grid that fits its space: smaller than its own size if need be."""
        self.size_ = self.cell_size(width, height)
        base = self.base_size
        self.scale = min(self.size_.width / base.width, self.size_.height / base.height)
        self._set_font()
        self.setFixedSize(self.size_.width, self.size_.height)
        self.update()

    def fits_cell(self, width: int, height: int) -> bool:
        """Whether the words would show whole in a cell of that size."""
        key = (width, height, self.text(), self.badge)
        if key not in self._fits:
            self._fits[key] = self._measure_fit(width, height)
        return self._fits[key]

    def _measure_fit(self, width: int, height: int) -> bool:
        kept = self.size_, self.scale, self.font()
        self.size_ = self.cell_size(width, height)
        self.scale = min(width / self.base_size.width, height / self.base_size.height, 1.0)
        self._set_font()
        try:
            return self.text_fits(self.size_.width, self.size_.height)
        finally:
            self.size_, self.scale = kept[0], kept[1]
            self.setFont(kept[2])

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
        pic = self.size_.picture
        if self.size_.horizontal:
            picture_rect = QRectF(outer.left() + 14, outer.center().y() - pic / 2, pic, pic)
            # room on the right for the tick, and at the bottom for a badge
            text_rect = QRectF(
                picture_rect.right() + 12,
                outer.top() + 6,
                outer.right() - picture_rect.right() - 40,
                outer.height() - (30 if self.badge else 12),
            )
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        else:
            # the picture and words sit together in the middle of the card
            words = self._words_height(outer.width() - 16, self.words_points())
            spare = outer.height() - pic - 6 - words - 16
            top = outer.top() + max(22 if self.badge else 10, 8 + spare / 2)
            picture_rect = QRectF(outer.center().x() - pic / 2, top, pic, pic)
            text_rect = QRectF(
                outer.left() + 8,
                picture_rect.bottom() + 6,
                outer.width() - 16,
                outer.bottom() - picture_rect.bottom() - 10,
            )
            align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        self._paint_image(p, picture_rect)
        self._paint_words(p, text_rect, align)
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

    def _split(self) -> tuple[str, str]:
        text = self.text()
        if text.endswith(")") and " (" in text:
            main, sub = text[:-1].split(" (", 1)
            return main, sub
        return text, ""

    def _fonts(self, points: int) -> tuple[QFont, QFont]:
        return font(self.look, points, bold=True), font(self.look, max(8, points - 3))

    def _words_height(self, width: float, points: int | None = None) -> float:
        main, sub = self._split()
        main_font, sub_font = self._fonts(points or self.font().pointSize())
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        area = QRectF(0, 0, width, 1000).toRect()
        height = QFontMetrics(main_font).boundingRect(area, flags, main).height()
        if sub:
            height += QFontMetrics(sub_font).boundingRect(area, flags, sub).height() + 2
        return float(height)

    def _widest_word(self, points: int) -> float:
        main, sub = self._split()
        main_font, sub_font = self._fonts(points)
        words = [(QFontMetrics(main_font), w) for w in main.split()]
        words += [(QFontMetrics(sub_font), w) for w in sub.split()]
        return float(max((m.horizontalAdvance(w) for m, w in words), default=0))

    def words_rect(self, width: int = 0, height: int = 0) -> QRectF:
        """Where the words go: beside the picture on a wide tile, under it otherwise."""
        width, height = width or self.width(), height or self.height()
        outer = QRectF(0, 0, width, height).adjusted(4, 4, -4, -4)
        pic = self.size_.picture
        if self.size_.horizontal:
            left = outer.left() + 14 + pic + 12
            height = outer.height() - (30 if self.badge else 12)
            return QRectF(left, outer.top() + 6, outer.right() - left - 28, height)
        top = outer.top() + (22 if self.badge else 10) + pic + 6
        return QRectF(outer.left() + 8, top, outer.width() - 16, outer.bottom() - top - 4)

    def words_points(self, width: int = 0, height: int = 0) -> int:
        """The biggest type size (down to 9 pt) at which the words fit the card unclipped."""
        rect = self.words_rect(width, height)
        points = self.font().pointSize()
        while points > SMALLEST_WORDS_PT and (
            self._words_height(rect.width(), points) > rect.height()
            or self._widest_word(points) > rect.width()
        ):
            points -= 1
        return points

    def text_fits(self, width: int = 0, height: int = 0) -> bool:
        """The words show whole on the card (no word cut, no line lost)."""
        rect = self.words_rect(width, height)
        points = self.words_points(width, height)
        return (
            self._words_height(rect.width(), points) <= rect.height() + 1
            and self._widest_word(points) <= rect.width() + 1
        )

    def _paint_words(self, p: QPainter, rect: QRectF, align: Qt.AlignmentFlag) -> None:
        """The words in bold; a part in brackets, e.g. "(Head of Service)", smaller beneath."""
        main, sub = self._split()
        flags = align | Qt.TextFlag.TextWordWrap
        main_font, sub_font = self._fonts(self.words_points())
        p.setPen(QColor(self.look.text))
        p.setFont(main_font)
        main_height = p.boundingRect(rect, flags, main).height()
        sub_height = 0.0
        if sub:
            p.setFont(sub_font)
            sub_height = p.boundingRect(rect, flags, sub).height() + 2
        top = rect.top()
        if self.size_.horizontal:
            top = rect.center().y() - min(rect.height(), main_height + sub_height) / 2
        p.setFont(main_font)
        p.drawText(QRectF(rect.left(), top, rect.width(), main_height), flags, main)
        if sub:
            p.setFont(sub_font)
            p.setPen(QColor(self.look.text).lighter(170))
            sub_top = top + main_height + 2
            p.drawText(
                QRectF(rect.left(), sub_top, rect.width(), rect.bottom() - sub_top), flags, sub
            )

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
