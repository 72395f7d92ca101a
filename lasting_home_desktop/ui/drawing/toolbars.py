"""The studio's buttons: tools, colours, pen sizes and stickers. All big, all named."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QToolButton,
    QWidget,
)

from ... import resources
from .picture_ops import sticker_icon
from .style import StudioSizes, picture_icon

COLOURS: tuple[tuple[str, str], ...] = (
    ("Red", "#e63946"),
    ("Orange", "#ff8c1a"),
    ("Yellow", "#ffd60a"),
    ("Light green", "#8ac926"),
    ("Green", "#2a9d3f"),
    ("Light blue", "#4cc9f0"),
    ("Blue", "#1d4ed8"),
    ("Purple", "#7b2cbf"),
    ("Pink", "#ff70a6"),
    ("Brown", "#8b5a2b"),
    ("Grey", "#8d99ae"),
    ("Black", "#1b1b1b"),
)
MORE_COLOURS: tuple[tuple[str, str], ...] = (
    ("White", "#ffffff"),
    ("Peach", "#ffcba4"),
    ("Dark brown", "#5c3a1e"),
    ("Teal", "#168aad"),
)
# The young person's "More colours": our own big panel, never the system's colour window.
EXTRA_COLOURS: tuple[tuple[str, str], ...] = (
    ("Dark red", "#9d0208"),
    ("Coral", "#ff6b6b"),
    ("Salmon", "#fa8072"),
    ("Gold", "#f4a261"),
    ("Mustard", "#e9c46a"),
    ("Lemon", "#fff3b0"),
    ("Lime", "#b5e48c"),
    ("Mint", "#99e2b4"),
    ("Forest green", "#1b4332"),
    ("Olive", "#6a994e"),
    ("Sea green", "#2a9d8f"),
    ("Sky blue", "#a2d2ff"),
    ("Navy", "#14213d"),
    ("Royal blue", "#3a0ca3"),
    ("Lavender", "#cdb4db"),
    ("Violet", "#9d4edd"),
    ("Magenta", "#d00070"),
    ("Rose", "#ffafcc"),
    ("Skin light", "#f6d5b8"),
    ("Skin medium", "#c68642"),
    ("Skin dark", "#6b4226"),
    ("Sand", "#e6ccb2"),
    ("Silver", "#ced4da"),
    ("Charcoal", "#343a40"),
)
STICKER_SIZES: tuple[tuple[str, int], ...] = (
    ("Small sticker", 160),
    ("Middle sticker", 280),
    ("Big sticker", 460),
)


def big_button(
    name: str,
    tip: str,
    sizes: StudioSizes,
    icon: QIcon | None = None,
    checkable: bool = False,
    text: str | None = None,
) -> QToolButton:
    """A square button at least 64 px, with an accessible name and a tooltip."""
    button = QToolButton()
    button.setAccessibleName(name)
    button.setToolTip(tip)
    button.setCheckable(checkable)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setMinimumSize(sizes.button, sizes.button)
    if icon is not None:
        button.setIcon(icon)
        button.setIconSize(QSize(sizes.icon, sizes.icon))
    if sizes.labels or icon is None:
        button.setText(text or name)
        button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextUnderIcon
            if icon is not None
            else Qt.ToolButtonStyle.ToolButtonTextOnly
        )
    return button


def icon_button(
    picture: str,
    name: str,
    tip: str,
    sizes: StudioSizes,
    checkable: bool = False,
    text: str | None = None,
) -> QToolButton:
    return big_button(name, tip, sizes, picture_icon(picture, sizes.icon), checkable, text)


def _swatch_icon(colour: QColor, size: int) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(4, 4, size * 2 - 8, size * 2 - 8))
    painter.end()
    pixmap.setDevicePixelRatio(2)
    return QIcon(pixmap)


def _dot_icon(width: int, biggest: int, size: int) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#333333"))
    diameter = max(6.0, size * 2 * 0.8 * width / biggest)
    painter.drawEllipse(QRectF(size - diameter / 2, size - diameter / 2, diameter, diameter))
    painter.end()
    pixmap.setDevicePixelRatio(2)
    return QIcon(pixmap)


def colour_swatch(label: str, colour: QColor, size: int) -> QToolButton:
    """One big round colour button, named for screen readers and read-aloud."""
    swatch = QToolButton()
    swatch.setCheckable(True)
    swatch.setAccessibleName(label)
    swatch.setToolTip(label)
    swatch.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    swatch.setMinimumSize(size, size)
    swatch.setIcon(_swatch_icon(colour, size - 16))
    swatch.setIconSize(QSize(size - 16, size - 16))
    swatch.setProperty("colour", colour.name())
    return swatch


class ColourPalette(QWidget):
    """Big colour swatches (12, and more for young people) plus the full colour chooser."""

    colourChosen = Signal(QColor)
    moreRequested = Signal()  # the studio shows its own big "more colours" panel

    def __init__(self, sizes: StudioSizes, columns: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._sizes = sizes
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        grid = QGridLayout()
        grid.setSpacing(6)
        row.addLayout(grid)
        choices = COLOURS + (MORE_COLOURS if sizes.more_colours else ())
        self.swatches: list[QToolButton] = []
        for index, (label, code) in enumerate(choices):
            swatch = self._swatch(label, QColor(code))
            grid.addWidget(swatch, index // columns, index % columns)
        if sizes.more_colours:
            more = icon_button("icon-palette", "More colours", "Choose any colour you like", sizes)
            more.clicked.connect(self.moreRequested)
            row.addWidget(more)
            self.more_button = more
        self.swatches[0].setChecked(True)

    def _swatch(self, label: str, colour: QColor) -> QToolButton:
        swatch = colour_swatch(label, colour, self._sizes.swatch)
        swatch.clicked.connect(lambda _=False, c=colour: self.colourChosen.emit(QColor(c)))
        self.group.addButton(swatch)
        self.swatches.append(swatch)
        return swatch

    def choose_extra(self, colour: QColor) -> None:
        """A colour from the "more colours" panel: no swatch here stays ticked."""
        checked = self.group.checkedButton()
        if checked is not None:
            self.group.setExclusive(False)
            checked.setChecked(False)
            self.group.setExclusive(True)
        self.colourChosen.emit(colour)


class SizeChooser(QWidget):
    """A row of big dot buttons; emits the chosen value (pen width or sticker size)."""

    chosen = Signal(int)

    def __init__(
        self,
        choices: tuple[tuple[str, int], ...],
        sizes: StudioSizes,
        columns: int,
        start: int = 1,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        biggest = max(value for _, value in choices)
        self.buttons: list[QToolButton] = []
        for index, (label, value) in enumerate(choices):
            button = big_button(
                label,
                f"{label}: tap, then draw",
                sizes,
                _dot_icon(value, biggest, sizes.icon),
                checkable=True,
            )
            button.clicked.connect(lambda _=False, v=value: self.chosen.emit(v))
            self.group.addButton(button)
            self.buttons.append(button)
            grid.addWidget(button, index // columns, index % columns)
        self.buttons[min(start, len(self.buttons) - 1)].setChecked(True)


class StickerChooser(QWidget):
    """Every sticker of the picture set as a big button."""

    chosen = Signal(str)

    def __init__(self, sizes: StudioSizes, columns: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Shelf")
        self.group = QButtonGroup(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.buttons: dict[str, QToolButton] = {}
        for index, name in enumerate(resources.pictures("sticker-")):
            label = name.removeprefix("sticker-").replace("-", " ").capitalize() + " sticker"
            button = QToolButton()
            button.setCheckable(True)
            button.setAccessibleName(label)
            button.setToolTip(f"{label}: tap the picture to stick it on")
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setMinimumSize(sizes.swatch, sizes.swatch)
            icon = sizes.swatch - 16
            button.setIcon(QIcon(QPixmap.fromImage(sticker_icon(name, icon))))
            button.setIconSize(QSize(icon, icon))
            button.clicked.connect(lambda _=False, n=name: self.chosen.emit(n))
            self.group.addButton(button)
            self.buttons[name] = button
            grid.addWidget(button, index // columns, index % columns)
