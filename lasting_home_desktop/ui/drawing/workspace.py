"""The studio's drawing page: name and buttons along the top, tools on the left, the picture
in the middle, pen sizes on the right and colours (or stickers) along the bottom."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.drawing import DEFAULT_NAME
from .canvas import DrawingCanvas, Tool
from .style import StudioSizes, new_paper_icon
from .toolbars import (
    STICKER_SIZES,
    ColourPalette,
    SizeChooser,
    StickerChooser,
    big_button,
    icon_button,
)

TOOLS = (
    (Tool.PENCIL, "icon-pencil", "Pencil", "Draw lines"),
    (Tool.ERASER, "icon-eraser", "Rubber", "Rub out"),
    (Tool.FILL, "icon-fill", "Fill", "Fill a space with colour"),
    (Tool.STICKER, "sticker-star", "Stickers", "Stick on pictures"),
)


def _tray() -> QFrame:
    tray = QFrame()
    tray.setObjectName("Tray")
    return tray


class StudioWorkspace(QWidget):
    def __init__(self, canvas: DrawingCanvas, sizes: StudioSizes, parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = canvas
        self.sizes = sizes
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 6)
        outer.setSpacing(6)
        outer.addLayout(self._top())
        middle = QHBoxLayout()
        middle.addWidget(self._tools())
        middle.addWidget(canvas, 1)
        middle.addWidget(self._sizes())
        outer.addLayout(middle, 1)
        outer.addWidget(self._bottom())

    def _top(self) -> QHBoxLayout:
        s = self.sizes
        top = QHBoxLayout()
        self.title = QLabel(DEFAULT_NAME)
        self.title.setObjectName("StudioTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setMinimumWidth(self.title.sizeHint().width())  # never clipped
        self.status = QLabel("")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.name_button = icon_button("icon-words", "Name my drawing", "Give it a name", s)
        self.new_button = big_button(
            "New drawing", "Start on fresh paper", s, new_paper_icon(s.icon)
        )
        self.gallery_button = icon_button("icon-drawings", "My drawings", "See all of them", s)
        top.addWidget(self.title)
        top.addWidget(self.name_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.gallery_button)
        return top

    def _tools(self) -> QFrame:
        s = self.sizes
        tray = _tray()
        grid = QGridLayout(tray)
        grid.setSpacing(8)
        self.tool_grid = grid
        self.tool_group = QButtonGroup(self)
        self.tool_buttons: dict[Tool, QToolButton] = {}
        for tool, icon, name, tip in TOOLS:
            button = icon_button(icon, name, tip, s, checkable=True)
            self.tool_group.addButton(button)
            self.tool_buttons[tool] = button
        self.tool_buttons[Tool.PENCIL].setChecked(True)
        self.undo_button = icon_button("icon-undo", "Undo", "Take back the last thing", s)
        self.redo_button = icon_button("icon-redo", "Redo", "Put it back again", s)
        self.clear_button = icon_button("icon-clear", "Start again", "A clean sheet", s)
        self._place_tools(2)
        return tray

    def _place_tools(self, columns: int) -> None:
        """Tools, then Undo and Redo, then Start again across the bottom."""
        grid = self.tool_grid
        buttons = [*self.tool_buttons.values(), self.undo_button, self.redo_button]
        for button in [*buttons, self.clear_button]:
            grid.removeWidget(button)
        for index, button in enumerate(buttons):
            grid.addWidget(button, index // columns, index % columns)
        rows = (len(buttons) + columns - 1) // columns
        grid.addWidget(self.clear_button, rows, 0, 1, columns)
        for row in range(6):
            grid.setRowStretch(row, 0)
        grid.setRowStretch(rows + 1, 1)

    def fit(self, button: int, swatch: int, icon: int, tool_columns: int) -> None:
        """Make every button this size (never under 64 px), e.g. to fit a small screen."""
        for widget in self.findChildren(QToolButton):
            if widget.objectName() in ("Thumb", "Paper"):
                continue
            is_swatch = widget.property("colour") is not None or widget.parent() is self.stickers
            side = swatch if is_swatch else button
            widget.setMinimumSize(side, side)
            widget.setIconSize(
                QSize(icon if not is_swatch else side - 16, icon if not is_swatch else side - 16)
            )
        self._place_tools(tool_columns)
        for holder in [self, *self.findChildren(QWidget)]:
            if holder.layout() is not None:
                holder.layout().invalidate()  # measured again at once, not at the next paint
        self._fit_bottom()

    def needed_height(self, button: int, swatch: int, tool_columns: int) -> int:
        """How tall the page must be for every button at these sizes (worked out, not asked of
        the layouts, which only learn new sizes after the next paint)."""
        tool_rows = -(-(len(self.tool_buttons) + 2) // tool_columns) + 1  # + Start again
        tools = tool_rows * button + (tool_rows - 1) * 8 + 22
        pens = len(self.pen_sizes.buttons)
        side = pens * button + (pens - 1) * 6 + 22
        sticker_rows = -(-len(self.stickers.buttons) // 10)
        bottom = (sticker_rows if self.bottom.currentIndex() == 1 else 1) * (swatch + 6) + 14
        return button + 6 + max(tools, side, self.canvas.minimumHeight()) + 6 + bottom + 10

    def _fit_bottom(self) -> None:
        page = self.bottom.currentWidget()
        if page is not None:
            self.bottom.setFixedHeight(page.sizeHint().height())

    def _sizes(self) -> QStackedWidget:
        s = self.sizes
        self.size_side = QStackedWidget()
        pens = _tray()
        box = QVBoxLayout(pens)
        self.pen_sizes = SizeChooser(s.pen_widths, s, 1, start=1)
        self.canvas.pen_width = float(s.pen_widths[1][1])
        box.addWidget(self.pen_sizes)
        box.addStretch(1)
        stickers = _tray()
        box = QVBoxLayout(stickers)
        self.sticker_sizes = SizeChooser(STICKER_SIZES, s, 1, start=1)
        self.canvas.sticker_size = STICKER_SIZES[1][1]
        box.addWidget(self.sticker_sizes)
        box.addStretch(1)
        self.size_side.addWidget(pens)
        self.size_side.addWidget(stickers)
        return self.size_side

    def _bottom(self) -> QStackedWidget:
        s = self.sizes
        self.bottom = QStackedWidget()
        colours = _tray()
        box = QHBoxLayout(colours)
        box.setContentsMargins(8, 4, 8, 4)
        self.palette = ColourPalette(s, 12 if not s.more_colours else 16)
        box.addStretch(1)
        box.addWidget(self.palette)
        box.addStretch(1)
        stickers = _tray()
        box = QHBoxLayout(stickers)
        box.setContentsMargins(8, 4, 8, 4)
        self.stickers = StickerChooser(s, 10)  # two rows: every sticker in view
        self.stickers.buttons[self.canvas.sticker].setChecked(True)
        scroll = QScrollArea()
        scroll.setWidget(self.stickers)
        scroll.setWidgetResizable(True)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the stickers are the Tab stops
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        box.addWidget(scroll)
        self.bottom.addWidget(colours)
        self.bottom.addWidget(stickers)
        self._fit_bottom()
        return self.bottom

    def show_tool(self, tool: Tool) -> None:
        self.tool_buttons[tool].setChecked(True)
        sticker = tool is Tool.STICKER
        self.bottom.setCurrentIndex(1 if sticker else 0)
        self.size_side.setCurrentIndex(1 if sticker else 0)
        self._fit_bottom()  # the bottom is as tall as what it shows, the picture gets the rest
