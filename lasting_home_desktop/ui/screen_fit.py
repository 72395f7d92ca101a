"""Windows and dialogs that fit the screens councils use: 1366 × 768 laptops, and 1920 × 1080
at 150 % (which Qt sees as 1280 × 720). Nothing opens taller than the space it is given."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QScreen, QShowEvent
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

# Room for a title bar and borders that the window manager adds outside the window.
FRAME = QSize(16, 40)


def available_size(widget: QWidget, screen: QScreen | None = None) -> QSize:
    screen = screen or widget.screen() or QApplication.primaryScreen()
    return screen.availableGeometry().size()


def fit_main_window(window: QWidget, preferred: QSize, screen: QScreen | None = None) -> bool:
    """Open at `preferred` where there is plenty of room, centred; otherwise maximised (and
    sized to the screen, for window managers that ignore "maximised" before showing). Returns
    True when maximised."""
    screen = screen or window.screen() or QApplication.primaryScreen()
    area = screen.availableGeometry()
    roomy = (
        area.width() >= preferred.width() + 2 * FRAME.width()
        and area.height() >= preferred.height() + 2 * FRAME.height()
    )
    if roomy:
        window.resize(preferred)
        frame = window.frameGeometry()
        frame.moveCenter(area.center())
        window.move(frame.topLeft())
        return False
    window.resize(area.size() - FRAME)
    window.move(area.topLeft())
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    return True


def fit_dialog(dialog: QWidget, preferred: QSize) -> QSize:
    """The preferred size, or less where the screen (of the dialog's parent) is smaller."""
    area = available_size(dialog.parentWidget() or dialog)
    size = QSize(
        min(preferred.width(), area.width() - FRAME.width()),
        min(preferred.height(), area.height() - FRAME.height()),
    )
    dialog.resize(size)
    return size


def fit_to_text(dialog: QWidget, width: int) -> QSize:
    """`width` wide and tall enough for every wrapped line: labels in a dialog's layout are
    otherwise given the height of a guess made before their fonts were known, and cut short.
    Call again when a label's text changes (a problem shown, say)."""
    dialog.ensurePolished()
    for child in dialog.findChildren(QWidget):
        child.ensurePolished()  # the style sheet's fonts (a larger headline) before measuring
    layout = dialog.layout()
    assert layout is not None
    if layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    else:
        height = layout.totalSizeHint().height()
    size = QSize(width, height)
    dialog.setMinimumSize(size)
    dialog.resize(size)
    return size


class SharedSplitter(QSplitter):
    """Side by side; the first pane gets `share` of the width (between `least` and `most`
    pixels) the first time it is shown, whatever screen the window opened on."""

    def __init__(self, share: float, least: int, most: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._share = (share, least, most)
        self._shared = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._shared:
            self._shared = True
            share, least, most = self._share
            first = max(least, min(most, int(self.width() * share)))
            self.setSizes([first, max(1, self.width() - first)])
