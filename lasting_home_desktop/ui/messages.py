"""Every message to a user goes through here: a short headline and a kind, plain next step.

Screens receive a `UserMessages` object, so tests can pass `RecordedMessages` and read what a
user would have been told instead of clicking through modal boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class UserMessages:
    """Shows real message boxes."""

    def __init__(self, parent: QWidget | None = None):
        self.parent = parent

    def tell(self, headline: str, detail: str, *, problem: bool = False) -> None:
        box = self._box(headline, detail)
        box.setIcon(QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information)
        box.exec()

    def ask(self, headline: str, detail: str, yes: str, no: str = "Cancel") -> bool:
        """A question whose buttons say what they do; True if the user chose `yes`."""
        box = self._box(headline, detail)
        box.setIcon(QMessageBox.Icon.Question)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes_button

    def choose(self, headline: str, detail: str, options: list[str]) -> int:
        """A question with several answers, each saying what it does; returns the index of
        the one chosen (the last is the safe way out, also taken by Escape)."""
        box = self._box(headline, detail)
        box.setIcon(QMessageBox.Icon.Question)
        buttons = [box.addButton(text, QMessageBox.ButtonRole.ActionRole) for text in options]
        box.setEscapeButton(buttons[-1])
        box.setDefaultButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else len(options) - 1

    def _box(self, headline: str, detail: str) -> QMessageBox:
        box = QMessageBox(self.parent)
        box.setWindowTitle("Lasting Home")
        # Names can hold "<b>&amp;": show them literally, never as markup.
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(headline)
        box.setInformativeText(detail)
        return box


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
