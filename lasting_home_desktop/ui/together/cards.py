"""Big picture cards the child taps, tabs to or chooses with Space or Enter."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton, QGridLayout, QSizePolicy, QWidget

from ... import resources
from ..theme import Look
from .style import CardSize, card_size, chosen_fill, font

MIN_TARGET_PX = 64
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
    """A checkable card: a picture, a few words and a clear chosen state."""

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
        self.size_ = size or card_size(look)
        self.setText(text)
        self.setCheckable(checkable)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAccessibleName(text + (f" ({badge})" if badge else ""))
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        points = look.body_pt - 2 if self.size_.width >= 150 else 11
        self.setFont(font(look, max(10, points), bold=True))

    def sizeHint(self) -> QSize:
        return QSize(max(MIN_TARGET_PX, self.size_.width), max(MIN_TARGET_PX, self.size_.height))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

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
            words = self._words_height(outer.width() - 16)
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

    def _words_height(self, width: float) -> float:
        main, sub = self._split()
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        area = QRectF(0, 0, width, 1000).toRect()
        height = QFontMetrics(self.font()).boundingRect(area, flags, main).height()
        if sub:
            small = font(self.look, max(9, self.font().pointSize() - 3))
            height += QFontMetrics(small).boundingRect(area, flags, sub).height() + 2
        return float(height)

    def _paint_words(self, p: QPainter, rect: QRectF, align: Qt.AlignmentFlag) -> None:
        """The words in bold; a part in brackets, e.g. "(Head of Service)", smaller beneath."""
        main, sub = self._split()
        flags = align | Qt.TextFlag.TextWordWrap
        p.setPen(QColor(self.look.text))
        p.setFont(self.font())
        main_height = p.boundingRect(rect, flags, main).height()
        sub_font = font(self.look, max(9, self.font().pointSize() - 3))
        sub_height = 0.0
        if sub:
            p.setFont(sub_font)
            sub_height = p.boundingRect(rect, flags, sub).height() + 2
        top = rect.top()
        if self.size_.horizontal:
            top = rect.center().y() - min(rect.height(), main_height + sub_height) / 2
        p.setFont(self.font())
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


class CardGrid(QWidget):
    """Cards in rows; arrow keys move between them; single choice when `exclusive`."""

    chosen = Signal(str, bool)  # card key, now chosen

    def __init__(self, columns: int, exclusive: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = columns
        self.exclusive = exclusive
        self.cards: list[PictureCard] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def add(self, card: PictureCard) -> PictureCard:
        index = len(self.cards)
        self.cards.append(card)
        self._grid.addWidget(card, index // self.columns, index % self.columns)
        card.show()  # at once, not after the next event loop turn
        card.clicked.connect(self._clicked)
        return card

    def card(self, key: str) -> PictureCard:
        return next(c for c in self.cards if c.key == key)

    def set_chosen(self, keys: set[str] | tuple[str, ...]) -> None:
        for card in self.cards:
            card.setChecked(card.key in keys)

    def chosen_keys(self) -> list[str]:
        return [c.key for c in self.cards if c.isChecked()]

    def _clicked(self) -> None:
        card = self.sender()
        if not isinstance(card, PictureCard):
            return
        if self.exclusive and card.isChecked():
            for other in self.cards:
                if other is not card:
                    other.setChecked(False)
        self.chosen.emit(card.key, card.isChecked())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -self.columns,
            Qt.Key.Key_Down: self.columns,
        }
        focused = next((i for i, c in enumerate(self.cards) if c.hasFocus()), None)
        if event.key() in steps and focused is not None:
            target = focused + steps[event.key()]
            if 0 <= target < len(self.cards):
                self.cards[target].setFocus(Qt.FocusReason.TabFocusReason)
            return
        super().keyPressEvent(event)
