"""A message whose detail is too long for the screen: it scrolls inside its box, so twenty
problems at once still fit a 720-pixel screen. `UserMessages` chooses it when needed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

DETAIL_WIDTH = 520  # the detail text wraps at this width
ROOM_FOR_THE_REST = 220  # headline, buttons, title bar and margins around a long detail


def too_tall(detail: str, parent: QWidget | None) -> bool:
    """True when the detail would make an ordinary message box taller than the screen."""
    probe = QLabel(detail)
    probe.setWordWrap(True)
    screen = (parent.screen() if parent else None) or QApplication.primaryScreen()
    room = screen.availableGeometry().height() - ROOM_FOR_THE_REST
    return probe.heightForWidth(DETAIL_WIDTH) > room


class LongMessage(QDialog):
    """A message whose detail scrolls: twenty problems at once still fit a 720-pixel screen."""

    def __init__(
        self,
        headline: str,
        detail: str,
        icon: QMessageBox.Icon,
        choices: tuple[str, ...] | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Lasting Home")
        self.headline = QLabel(headline)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: bold;")
        self.detail = QLabel(detail)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox()
        if not choices:
            buttons.addButton("OK", QDialogButtonBox.ButtonRole.AcceptRole)
        else:
            for index, text in enumerate(choices):
                last = index == len(choices) - 1
                role = (
                    QDialogButtonBox.ButtonRole.RejectRole
                    if last
                    else QDialogButtonBox.ButtonRole.AcceptRole
                )
                self._answer(buttons.addButton(text, role), index)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        standard = {
            QMessageBox.Icon.Warning: QStyle.StandardPixmap.SP_MessageBoxWarning,
            QMessageBox.Icon.Question: QStyle.StandardPixmap.SP_MessageBoxQuestion,
        }.get(icon, QStyle.StandardPixmap.SP_MessageBoxInformation)
        picture = QLabel()
        picture.setPixmap(self.style().standardIcon(standard).pixmap(32, 32))
        layout.addWidget(picture)
        layout.addWidget(self.headline)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent else None) or QApplication.primaryScreen()
        area = screen.availableGeometry()
        self.resize(DETAIL_WIDTH + 60, area.height() - 80)

    def _answer(self, button: QPushButton, index: int) -> None:
        button.clicked.connect(lambda: self.setProperty("chosen", index))
