"""Handing a child's record to another laptop, receiving one, and deleting a record for good
after the worker has typed the child's name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.child import ChildRecord
from ...storage.child_removal import confirmation_matches
from ..screen_fit import fit_to_text
from ..widgets import password_field, plain_label

PROBLEM_STYLE = "color: #8a1c0c; font-weight: bold;"
DIALOG_WIDTH = 480


class HandoverPasswordDialog(QDialog):
    """Asks for the hand-over file's own password: twice when making one, once to open one.
    `check(password)` returns a kind problem or None; the dialog stays open until it fits."""

    def __init__(
        self,
        title: str,
        explanation: str,
        *,
        confirm: bool,
        check: Callable[[str], str | None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._check = check
        self.password = password_field("Hand-over password")
        self.repeat = password_field("The same password again")
        self.repeat.setVisible(confirm)
        self._confirm = confirm
        self.problem = plain_label("")
        self.problem.setStyleSheet(PROBLEM_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(title)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(plain_label(title, "Headline"))
        box.addWidget(plain_label(explanation))
        for widget in (self.password, self.repeat, self.problem, buttons):
            box.addWidget(widget)
        fit_to_text(self, DIALOG_WIDTH)  # wide enough for a few lines each, never cut short

    def show_problem(self, text: str) -> None:
        """Say what is wrong, and grow so every word of it shows."""
        self.problem.setText(text)
        fit_to_text(self, max(DIALOG_WIDTH, self.width()))

    def try_accept(self) -> None:
        if self._confirm and self.password.text() != self.repeat.text():
            self.show_problem("The two passwords are different. Please type the same twice.")
            return
        trouble = self._check(self.password.text())
        if trouble:
            self.show_problem(trouble)
            return
        self.accept()


class DeleteRecordDialog(QDialog):
    """Deleting a record for good: the worker types the child's name to confirm."""

    def __init__(self, child: ChildRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.child = child
        self.setWindowTitle("Delete this child's record")
        wanted = f"{child.first_name} {child.last_name}".strip()
        self.typed = QLineEdit()
        self.typed.setPlaceholderText(wanted)
        self.typed.setAccessibleName("Type the child's name to confirm")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = buttons.addButton(
            "Delete for good", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setEnabled(False)
        self.delete_button.setStyleSheet(
            "QPushButton:enabled { background: #b3261e; color: white; font-weight: bold; }"
        )
        self.delete_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.typed.textChanged.connect(
            lambda text: self.delete_button.setEnabled(confirmation_matches(child, text))
        )
        box = QVBoxLayout(self)
        box.addWidget(plain_label(f"Delete {child.display_name}'s record for good?", "Headline"))
        box.addWidget(
            plain_label(
                "Everything about this child is removed from this laptop: the record, every "
                "part of their page, their drawings and photos, and their details in every "
                "backup. It cannot be undone. Hand the record over first if it is still "
                "needed. The audit trail keeps only the fact that it was deleted, by whom "
                "and when."
            )
        )
        box.addWidget(plain_label(f"To confirm, type the child's name: {wanted}"))
        box.addWidget(self.typed)
        box.addWidget(buttons)
        fit_to_text(self, DIALOG_WIDTH)


def choose_handover_target(parent: QWidget, child: ChildRecord) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    from ...storage.handover import HANDOVER_SUFFIX

    suggested = f"{child.known_as}-{child.last_name}{HANDOVER_SUFFIX}".replace(" ", "-")
    name, _ = QFileDialog.getSaveFileName(
        parent, "Save the hand-over file", suggested, f"Lasting Home hand-over (*{HANDOVER_SUFFIX})"
    )
    return Path(name) if name else None


def choose_handover_source(parent: QWidget) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    from ...storage.handover import HANDOVER_SUFFIX

    name, _ = QFileDialog.getOpenFileName(
        parent, "Open a hand-over file", "", f"Lasting Home hand-over (*{HANDOVER_SUFFIX})"
    )
    return Path(name) if name else None
