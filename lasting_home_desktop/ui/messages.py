"""Every message to a user goes through here: a short headline and a kind, plain next step.

Screens receive a `UserMessages` object, so tests can pass `RecordedMessages` and read what a
user would have been told instead of clicking through modal boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


class UserMessages:
    """Shows real message boxes; a detail too long for the screen scrolls inside its box."""

    def __init__(self, parent: QWidget | None = None):
        self.parent = parent

    def tell(self, headline: str, detail: str, *, problem: bool = False) -> None:
        icon = QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information
        self.message_box(headline, detail, icon).exec()

    def ask(self, headline: str, detail: str, yes: str, no: str = "Cancel") -> bool:
        """A question whose buttons say what they do; True if the user chose `yes`."""
        return self.choose(headline, detail, [yes, no]) == 0

    def choose(self, headline: str, detail: str, options: list[str]) -> int:
        """A question with several answers, each saying what it does; returns the index of
        the one chosen (the last is the safe way out, also taken by Escape or closing)."""
        box = self.message_box(headline, detail, QMessageBox.Icon.Question, tuple(options))
        box.exec()
        chosen = box.property("chosen")
        return chosen if isinstance(chosen, int) else len(options) - 1

    def message_box(
        self,
        headline: str,
        detail: str,
        icon: QMessageBox.Icon,
        choices: tuple[str, ...] | None = None,
    ) -> QDialog:
        """The box for a message, not yet shown (tests look at it at 1280 × 720)."""
        if _too_tall(detail, self.parent):
            return LongMessage(headline, detail, icon, choices, self.parent)
        box = QMessageBox(self.parent)
        box.setWindowTitle("Lasting Home")
        # Names can hold "<b>&amp;": show them literally, never as markup.
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(headline)
        box.setInformativeText(detail)
        box.setIcon(icon)
        if choices:
            roles = [QMessageBox.ButtonRole.AcceptRole] + [QMessageBox.ButtonRole.ActionRole] * (
                len(choices) - 2
            )
            roles.append(QMessageBox.ButtonRole.RejectRole)
            buttons = [
                box.addButton(text, role) for text, role in zip(choices, roles, strict=False)
            ]
            box.setDefaultButton(buttons[0])
            box.setEscapeButton(buttons[-1])
            box.buttonClicked.connect(
                lambda button: box.setProperty("chosen", buttons.index(button))
            )
        return box


def _too_tall(detail: str, parent: QWidget | None) -> bool:
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


@dataclass
class RecordedMessages(UserMessages):
    """For tests: remembers what was said and answers questions with `answer`."""

    answer: bool = True
    choice: int = 0  # the option `choose` picks
    told: list[tuple[str, str, bool]] = field(default_factory=list)
    asked: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.parent = None

    def tell(self, headline: str, detail: str, *, problem: bool = False) -> None:
        self.told.append((headline, detail, problem))

    def ask(self, headline: str, detail: str, yes: str, no: str = "Cancel") -> bool:
        self.asked.append((headline, detail))
        return self.answer

    def choose(self, headline: str, detail: str, options: list[str]) -> int:
        self.asked.append((headline, detail))
        return self.choice
