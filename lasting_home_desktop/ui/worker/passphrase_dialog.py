"""Changing the passphrase from inside the app (Records and safety): the current one, then the
new one twice. Only the wrapping of the data key changes; no file is encrypted again, and the
recovery key stays the same."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from ...storage.crypto import (
    DEFAULT_COST,
    FolderKey,
    ScryptCost,
    SealBroken,
    WeakPassphrase,
    WrongPassphrase,
)
from ...storage.key_file import change_passphrase, unlock_folder
from ..widgets import password_field, plain_label


class ChangePassphraseDialog(QDialog):
    def __init__(
        self,
        folder: Path,
        key: FolderKey,
        cost: ScryptCost = DEFAULT_COST,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Change the passphrase")
        self.folder, self.key, self.cost = Path(folder), key, cost
        self.current = password_field("The passphrase you use now")
        self.new = password_field("New passphrase")
        self.repeat = password_field("The same new passphrase again")
        self.problem = plain_label("", "Flag")
        form = QFormLayout()
        form.addRow("Current passphrase", self.current)
        form.addRow("New passphrase", self.new)
        form.addRow("New passphrase again", self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.change_button = buttons.addButton(
            "Change the passphrase", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.change_button.setObjectName("Primary")
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                "Choose a few words you will remember, at least 10 characters. The recovery key "
                "stays the same.",
                "Subtle",
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def try_change(self) -> bool:
        if self.new.text() != self.repeat.text():
            return self._say(
                "The two new passphrases are different. Please type the same one twice."
            )
        try:
            typed = unlock_folder(self.folder, self.current.text())
            if typed._data_key != self.key._data_key:
                raise WrongPassphrase()
            change_passphrase(self.folder, self.key, self.new.text(), self.cost)
        except (WrongPassphrase, WeakPassphrase, SealBroken) as problem:
            return self._say(problem.kind_message)
        except OSError as error:
            return self._say(
                getattr(error, "kind_message", None)
                or f"The new passphrase could not be saved ({error.strerror or error}). The "
                "old one still works."
            )
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self.accept()
        return True

    def _say(self, text: str) -> bool:
        self.problem.setText(text)
        return False
