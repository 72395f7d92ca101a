"""Small widgets every screen uses the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QLayout, QLineEdit, QScrollArea, QWidget


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


def empty_layout(layout: QLayout) -> None:
    """Take every widget out of `layout` before it is filled again; each is hidden at once (so
    nothing old shows for a moment) and deleted once Qt is done with it."""
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def card_grid() -> tuple[QScrollArea, QGridLayout]:
    """A scrolling grid whose cards gather at its top left, however few there are."""
    from PySide6.QtCore import Qt  # here: the unlock screen is made without Qt's namespace

    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    holder = QWidget()
    grid = QGridLayout(holder)
    grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    scroll.setWidget(holder)
    return scroll, grid
