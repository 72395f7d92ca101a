"""Questions asked inside the studio, as big friendly panels in place of the picture (never a
small pop-up box a young child cannot read)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.drawing import BACKGROUNDS, NAME_LIMIT
from ..widgets import plain_label
from .picture_ops import paper
from .style import StudioSizes, picture_icon
from .toolbars import EXTRA_COLOURS, colour_swatch


def _panel(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    # Margins kept small: the panel must fit the studio on a 1280 x 720 screen.
    outer = QVBoxLayout(parent)
    outer.setContentsMargins(12, 12, 12, 12)
    frame = QFrame()
    frame.setObjectName("Panel")
    frame.setMaximumWidth(1160)
    inner = QVBoxLayout(frame)
    inner.setContentsMargins(32, 16, 32, 16)
    inner.setSpacing(12)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(frame, 4)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(1)
    return frame, inner


def _answer_button(text: str, primary: bool, icon: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setObjectName("Primary" if primary else "Gentle")
    button.setAccessibleName(text)
    button.setToolTip(text)
    button.setMinimumHeight(72)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if icon:
        button.setIcon(picture_icon(icon, 40))
        button.setIconSize(QSize(40, 40))
    return button


class ConfirmPanel(QWidget):
    """ "Are you sure?" with two big answers. The studio shows it in place of the picture."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        _frame, inner = _panel(self)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = plain_label(name="StudioTitle", centred=True)
        self.detail = plain_label(centred=True)
        self.yes = _answer_button("Yes", True)
        self.no = _answer_button("No", False)
        answers = QHBoxLayout()
        answers.setSpacing(24)
        answers.addWidget(self.no)
        answers.addWidget(self.yes)
        for widget in (self.picture, self.headline, self.detail):
            inner.addWidget(widget)
        inner.addLayout(answers)
        self._on_yes: Callable[[], None] = lambda: None
        self._on_done: Callable[[], None] = lambda: None
        self.yes.clicked.connect(self._yes)
        self.no.clicked.connect(self._no)

    def ask(
        self,
        headline: str,
        detail: str,
        yes: str,
        no: str,
        icon: str,
        on_yes: Callable[[], None],
        on_done: Callable[[], None],
    ) -> None:
        self.headline.setText(headline)
        self.detail.setText(detail)
        for button, text in ((self.yes, yes), (self.no, no)):
            button.setText(text)
            button.setAccessibleName(text)
            button.setToolTip(text)
        self.picture.setPixmap(picture_icon(icon, 96).pixmap(96, 96))
        self._on_yes, self._on_done = on_yes, on_done
        self.no.setFocus()  # the safe answer is the one Enter gives

    def _yes(self) -> None:
        self._on_done()
        self._on_yes()

    def _no(self) -> None:
        self._on_done()


class NamePanel(QWidget):
    """Give a drawing a name ("My house")."""

    named = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        _frame, inner = _panel(self)
        inner.addWidget(plain_label("What is your drawing called?", "StudioTitle", centred=True))
        self.field = QLineEdit()
        self.field.setMaxLength(NAME_LIMIT)
        self.field.setPlaceholderText("My house")
        self.field.setAccessibleName("Name of the drawing")
        self.field.setToolTip("Type a name for your drawing")
        self.field.setMinimumHeight(72)
        # No desktop right-click menu for a child (Cut, Copy and Paste work from the keys).
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        inner.addWidget(self.field)
        answers = QHBoxLayout()
        answers.setSpacing(24)
        self.cancel = _answer_button("Leave it", False)
        self.keep = _answer_button("Keep this name", True, "icon-done")
        answers.addWidget(self.cancel)
        answers.addWidget(self.keep)
        inner.addLayout(answers)
        self.keep.clicked.connect(lambda: self.named.emit(self.field.text()))
        self.field.returnPressed.connect(self.keep.click)
        self.cancel.clicked.connect(self.cancelled.emit)

    def start(self, current: str) -> None:
        self.field.setText(current)
        self.field.selectAll()
        self.field.setFocus()


class PaperPanel(QWidget):
    """Choose the paper for a new drawing: plain, soft colours or lined."""

    chosen = Signal(str)
    cancelled = Signal()

    def __init__(self, sizes: StudioSizes, parent: QWidget | None = None):
        super().__init__(parent)
        _frame, inner = _panel(self)
        inner.addWidget(plain_label("Choose your paper", "StudioTitle", centred=True))
        grid = QGridLayout()
        grid.setSpacing(16)
        self.buttons: dict[str, QToolButton] = {}
        for index, choice in enumerate(BACKGROUNDS):
            button = QToolButton()
            button.setObjectName("Paper")
            button.setText(choice.label)
            button.setAccessibleName(choice.label)
            button.setToolTip(f"Start a new drawing on {choice.label.lower()}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            sheet = paper(choice).scaled(
                128,
                96,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            button.setIcon(QIcon(QPixmap.fromImage(sheet)))
            button.setIconSize(QSize(128, 96))
            button.setMinimumSize(max(sizes.button, 160), 140)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _=False, key=choice.key: self.chosen.emit(key))
            grid.addWidget(button, 0, index)  # one row: it fits the smallest screens
            self.buttons[choice.key] = button
        inner.addLayout(grid)
        back = _answer_button("Keep my drawing", False, "icon-back")
        back.clicked.connect(self.cancelled.emit)
        inner.addWidget(back)

    def start(self) -> None:
        self.buttons["plain"].setFocus()


def swatch_colour(button: QToolButton) -> QColor:
    return QColor(str(button.property("colour")))


class MoreColoursPanel(QWidget):
    """Many more colours as big named swatches, in place of the picture (no system window)."""

    chosen = Signal(QColor)
    cancelled = Signal()

    def __init__(self, sizes: StudioSizes, parent: QWidget | None = None):
        super().__init__(parent)
        _frame, inner = _panel(self)
        inner.addWidget(plain_label("More colours", "StudioTitle", centred=True))
        grid = QGridLayout()
        grid.setSpacing(8)
        self.swatches: list[QToolButton] = []
        for index, (label, code) in enumerate(EXTRA_COLOURS):
            swatch = colour_swatch(label, QColor(code), sizes.swatch)
            swatch.setCheckable(False)
            swatch.clicked.connect(lambda _=False, c=code: self.chosen.emit(QColor(c)))
            grid.addWidget(swatch, index // 12, index % 12)
            self.swatches.append(swatch)
        inner.addLayout(grid)
        back = _answer_button("Back to my drawing", False, "icon-back")
        back.clicked.connect(self.cancelled.emit)
        inner.addWidget(back)

    def start(self) -> None:
        self.swatches[0].setFocus()
