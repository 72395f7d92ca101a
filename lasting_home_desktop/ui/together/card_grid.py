"""A grid of picture cards that fits the space it is given.

The cards keep their own size where there is room; with less room (a small laptop screen, a
child who added twelve people) the grid tries every number of columns and takes the biggest
cards whose words still show whole, never smaller than a 64 px target. Only when even that
cannot fit does it scroll, with kinetic touch scrolling and a big scroll bar, and a card that
gets the keyboard focus is scrolled into view.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QScrollArea, QScroller, QSizePolicy, QWidget

from .cards import MIN_TARGET_PX, PictureCard


@dataclass(frozen=True)
class GridFit:
    columns: int
    width: int
    height: int
    words_fit: bool

    @property
    def area(self) -> int:
        return self.width * self.height


def kinetic(area: QScrollArea) -> None:
    """A finger drags the page and lets it glide; the scroll area itself is no Tab stop."""
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)


class CardGrid(QScrollArea):
    """Cards in rows; arrow keys move between them; single choice when `exclusive`.
    `columns` caps the columns (0: as many as fit)."""

    chosen = Signal(str, bool)  # card key, now chosen
    readRequested = Signal(str)  # a card asked to be read aloud (long press)

    def __init__(
        self,
        columns: int = 0,
        exclusive: bool = False,
        parent: QWidget | None = None,
        *,
        min_px: int = MIN_TARGET_PX,
        spacing: int = 12,
    ):
        super().__init__(parent)
        self.max_columns = columns
        self.columns = max(1, columns)
        self.exclusive = exclusive
        self.min_px = min_px
        self.spacing = spacing
        self.cards: list[PictureCard] = []
        self.inner = QWidget()
        self.inner.setObjectName("CardShelf")
        self.setWidget(self.inner)
        self.setWidgetResizable(False)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        kinetic(self)
        self.fit = GridFit(1, 0, 0, True)
        self._pending = False

    # -- cards -------------------------------------------------------------------------------

    def add(self, card: PictureCard) -> PictureCard:
        self.cards.append(card)
        card.setParent(self.inner)
        card.show()  # at once, not after the next event loop turn
        card.clicked.connect(self._clicked)
        card.readRequested.connect(self.readRequested)
        card.installEventFilter(self)
        self.relayout_soon()
        return card

    def remove(self, card: PictureCard) -> None:
        self.cards.remove(card)
        card.hide()
        card.setParent(None)
        card.deleteLater()

    def clear(self) -> None:
        for card in list(self.cards):
            self.remove(card)
        self.relayout_soon()

    def relayout_soon(self) -> None:
        """Cards added one after another are laid out once, when the adding is over."""
        self.updateGeometry()
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.relayout)

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

    # -- fitting -----------------------------------------------------------------------------

    def _room(self) -> QSize:
        return QSize(max(1, self.width() - 2), max(1, self.height() - 2))

    def best_fit(self, width: int, height: int) -> GridFit:
        """The biggest cards that fit: every column count is tried; words that show whole
        come first, then the bigger card."""
        n = len(self.cards)
        if not n:
            return GridFit(1, 0, 0, True)
        base = self.cards[0].base_size
        gap = self.spacing
        most = min(n, self.max_columns or n)
        options = []
        for columns in range(1, most + 1):
            rows = math.ceil(n / columns)
            w = min(base.width, (width - gap * (columns - 1)) // columns)
            h = min(base.height, (height - gap * (rows - 1)) // rows)
            if w < self.min_px or h < self.min_px:
                continue
            fits = all(card.fits_cell(w, h) for card in self.cards)
            options.append(GridFit(columns, w, h, fits))
        if options:
            return max(options, key=lambda o: (o.words_fit, o.area, -o.columns))
        # Even the smallest cards do not fit: keep them at least 64 px and scroll.
        w = max(self.min_px, min(base.width, base.width * height // max(base.height, 1)))
        w = max(self.min_px, min(w, width))
        columns = max(1, min(most, (width + gap) // (w + gap)))
        h = max(self.min_px, min(base.height, round(base.height * w / base.width)))
        return GridFit(columns, w, h, all(card.fits_cell(w, h) for card in self.cards))

    def relayout(self) -> None:
        self._pending = False
        room = self._room()
        self.fit = fit = self.best_fit(room.width(), room.height())
        self.columns = fit.columns
        gap = self.spacing
        for index, card in enumerate(self.cards):
            card.set_cell(fit.width, fit.height)
            row, column = divmod(index, fit.columns)
            card.move(column * (fit.width + gap), row * (fit.height + gap))
        rows = math.ceil(len(self.cards) / fit.columns) if self.cards else 0
        needed = max(0, rows * (fit.height + gap) - gap)
        # The scroll bar only when cards really are out of sight (decided here, at once).
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if needed > room.height()
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.inner.resize(max(1, min(room.width(), fit.columns * (fit.width + gap) - gap)), needed)

    def natural_height(self, width: int) -> int:
        """How tall the grid is with every card at its own size."""
        if not self.cards:
            return 0
        base, gap = self.cards[0].base_size, self.spacing
        most = min(len(self.cards), self.max_columns or len(self.cards))
        columns = max(1, min(most, (width + gap) // (base.width + gap)))
        rows = math.ceil(len(self.cards) / columns)
        return rows * (base.height + gap) - gap + 2

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.natural_height(width)

    def sizeHint(self) -> QSize:
        if not self.cards:
            return QSize(0, 0)
        base, gap = self.cards[0].base_size, self.spacing
        columns = min(len(self.cards), self.max_columns or 6)
        width = columns * (base.width + gap) - gap + 2
        return QSize(width, self.natural_height(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.min_px, self.min_px if self.cards else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def scrolls(self) -> bool:
        """Whether some cards are out of sight (only when even the smallest cards cannot fit)."""
        return self.inner.height() > self.viewport().height() + 1

    # -- keys --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, PictureCard):
            self.ensureWidgetVisible(watched, 0, 8)
        return False

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
