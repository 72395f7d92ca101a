"""Every message to a user goes through here: a short headline and a kind, plain next step.

Screens receive a `UserMessages` object, so tests can pass `RecordedMessages` and read what a
user would have been told instead of clicking through modal boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

# Qt's message and dialog classes are imported when a message is first shown (their types
# take several milliseconds to load): the unlock screen comes up without them.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


def __getattr__(name: str) -> object:
    # `messages.LongMessage`, as before, now that it lives in long_message.
    if name == "LongMessage":
        from .long_message import LongMessage

        return LongMessage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class UserMessages:
    """Shows real message boxes; a detail too long for the screen scrolls inside its box."""

    def __init__(self, parent: QWidget | None = None):
        self.parent = parent

    def tell(self, headline: str, detail: str, *, problem: bool = False) -> None:
        from PySide6.QtWidgets import QMessageBox

        icon = QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information
        self.message_box(headline, detail, icon).exec()

    def ask(self, headline: str, detail: str, yes: str, no: str = "Cancel") -> bool:
        """A question whose buttons say what they do; True if the user chose `yes`."""
        return self.choose(headline, detail, [yes, no]) == 0

    def choose(self, headline: str, detail: str, options: list[str]) -> int:
        """A question with several answers, each saying what it does; returns the index of
        the one chosen (the last is the safe way out, also taken by Escape or closing)."""
        from PySide6.QtWidgets import QMessageBox

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
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from .long_message import LongMessage, too_tall

        if too_tall(detail, self.parent):
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
