"""Small widgets every screen uses the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit


def plain_label(
    text: str = "",
    name: str = "",
    *,
    wrap: bool = True,
    selectable: bool = False,
    centred: bool = False,
) -> QLabel:
    """A label that shows user text literally: a name like "<b>&amp;" stays as typed."""
    label = QLabel(text)
    # Set by name, not through Qt.TextFormat and friends: the first use of Qt's namespace
    # builds every enum in it (about 15 ms), and the unlock screen is made of these labels.
    label.setProperty("textFormat", "PlainText")
    label.setWordWrap(wrap)
    if selectable:
        label.setProperty("textInteractionFlags", "TextSelectableByMouse")
    if centred:
        label.setProperty("alignment", "AlignCenter")
    if name:
        label.setObjectName(name)
    return label


def password_field(placeholder: str) -> QLineEdit:
    """A hidden-text field whose placeholder also names it for screen readers."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(placeholder)
    return field
