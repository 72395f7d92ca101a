"""First start with no data: try the app with example children, or start empty."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class FirstStartPanel(QWidget):
    exampleChosen = Signal()
    emptyChosen = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel("Welcome to Lasting Home", objectName="Headline")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            "Your caseload is empty. You can look around with a few example children first "
            "(they are made up, and you can archive them later), or start straight away with "
            "your own caseload."
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(560)
        self.welcome = text
        # Centred by stretches, not by an alignment flag: with a flag the label is given its
        # one-line size hint and the wrapped text is cut off.
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(text, 4)
        middle.addStretch(1)
        self.example_button = QPushButton("Try it with example children", objectName="Primary")
        self.empty_button = QPushButton("Start with an empty caseload")
        for button in (self.example_button, self.empty_button):
            button.setMinimumHeight(48)
            button.setMinimumWidth(260)
        self.example_button.clicked.connect(self.exampleChosen.emit)
        self.empty_button.clicked.connect(self.emptyChosen.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.example_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addLayout(middle)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(2)
