"""The three pages of the unlock screen: set-up, the recovery key shown once, and unlock.
Widgets only; what they do is in unlock_screen."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from .widgets import password_field, plain_label

FORGOTTEN_WARNING = (
    "Please read this: the passphrase protects children's records on this laptop. If it is "
    "forgotten, nobody can get round it: not you, not IT support, not the makers of Lasting "
    "Home. The only other way in is the recovery key shown on the next screen, once."
)

STYLE = (
    "#UnlockScreen { background: #f7f7f5; }"
    "QFrame#Card { background: white; border: 1px solid #d0d8dc; border-radius: 8px; }"
    "QLabel#Warning { background: #fff4e0; border: 1px solid #f2c27b; border-radius: 4px;"
    " padding: 8px; color: #4d3300; }"
    "QLabel#Problem { color: #8a1c0c; font-weight: bold; }"
    "QLabel#RecoveryKey { font-family: monospace; font-size: 16pt; font-weight: bold;"
    " color: #1f3b4d; background: #eef4f7; padding: 12px; }"
    "QPushButton#Primary:disabled { background: #a9bcc4; color: #eef2f4; }"
    "QLabel#Field { font-weight: bold; color: #1f3b4d; margin-top: 6px; }"
)


def _stack(page: QWidget, widgets: tuple[QWidget, ...]) -> None:
    box = QVBoxLayout(page)
    box.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        box.addWidget(widget)
    box.addStretch(1)


class SetUpPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit(placeholderText="Your name (for the record of who did what)")
        self.name.setAccessibleName("Your name")
        self.passphrase = password_field("Passphrase")
        self.repeat = password_field("The same passphrase again")
        self.warning = plain_label(FORGOTTEN_WARNING, "Warning")
        self.problem = plain_label("", "Problem")
        self.button = QPushButton("Protect the data", objectName="Primary")
        _stack(
            self,
            (
                plain_label("Protect this laptop's Lasting Home data", "Headline"),
                plain_label(
                    "Choose a passphrase: a few words you will remember, at least 10 "
                    "characters. Lasting Home will ask for it every time it opens and after it "
                    "has been left idle.",
                    "Subtle",
                ),
                plain_label("Your name", "Field"),
                self.name,
                plain_label("Passphrase", "Field"),
                self.passphrase,
                plain_label("The same passphrase again", "Field"),
                self.repeat,
                self.warning,
                self.problem,
                self.button,
            ),
        )


class RecoveryKeyPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.key = plain_label("", "RecoveryKey", wrap=False, selectable=True, centred=True)
        self.written_down = QCheckBox("I have written the recovery key down and put it away safely")
        self.button = QPushButton("Continue", objectName="Primary")
        self.button.setEnabled(False)
        self.written_down.toggled.connect(self.button.setEnabled)
        _stack(
            self,
            (
                plain_label("Your recovery key", "Headline"),
                plain_label(
                    "Write this down now and keep it somewhere safe away from the laptop (your "
                    "team's locked cabinet, not a sticky note on the lid). It opens the data if "
                    "the passphrase is forgotten. It will not be shown again."
                ),
                self.key,
                self.written_down,
                self.button,
            ),
        )


class UnlockPage(QWidget):
    def __init__(self, worker: str, demo_passphrase: str | None) -> None:
        super().__init__()
        self.title = plain_label("Welcome back", "Headline")
        self.name = QLineEdit(worker, placeholderText="Your name")
        self.name.setAccessibleName("Your name")
        self.secret_label = plain_label("Passphrase", "Field")
        self.secret = password_field("Passphrase")
        self.use_recovery = QCheckBox("I have forgotten it: use the recovery key instead")
        self.use_recovery.toggled.connect(self._recovery_mode)
        self.demo_hint = plain_label(
            f"Example folder: the passphrase is {demo_passphrase}" if demo_passphrase else "",
            "Subtle",
        )
        self.demo_hint.setVisible(bool(demo_passphrase))
        self.problem = plain_label("", "Problem")
        self.countdown = plain_label("", "Subtle")
        self.button = QPushButton("Unlock", objectName="Primary")
        _stack(
            self,
            (
                self.title,
                plain_label("Say who you are and type the passphrase to carry on.", "Subtle"),
                plain_label("Your name", "Field"),
                self.name,
                self.secret_label,
                self.secret,
                self.use_recovery,
                self.demo_hint,
                self.problem,
                self.countdown,
                self.button,
            ),
        )

    def _recovery_mode(self, on: bool) -> None:
        self.secret.clear()
        what = "Recovery key" if on else "Passphrase"
        self.secret_label.setText(what)
        self.secret.setPlaceholderText("Recovery key (groups of four)" if on else "Passphrase")
        self.secret.setAccessibleName(what)
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)


class NewPassphrasePage(QWidget):
    """After the recovery key opened the folder: a new passphrase before anything else."""

    def __init__(self) -> None:
        super().__init__()
        self.passphrase = password_field("New passphrase")
        self.repeat = password_field("The same new passphrase again")
        self.problem = plain_label("", "Problem")
        self.button = QPushButton("Save the new passphrase", objectName="Primary")
        _stack(
            self,
            (
                plain_label("Choose a new passphrase", "Headline"),
                plain_label(
                    "You opened Lasting Home with the recovery key. Choose a new passphrase "
                    "now (a few words, at least 10 characters); the recovery key stays the same "
                    "and still works.",
                    "Subtle",
                ),
                plain_label("New passphrase", "Field"),
                self.passphrase,
                plain_label("The same new passphrase again", "Field"),
                self.repeat,
                self.problem,
                self.button,
            ),
        )
