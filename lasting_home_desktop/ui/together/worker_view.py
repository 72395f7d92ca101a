"""The worker's side: what the child chose, felt and said (read only), and the way in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.child_voice import summary_items, worry_text
from ...domain.dates import format_long
from ...storage.child_voice import (
    ChildVoiceRecords,
    save_together_settings,
    together_settings,
)
from ..widgets import empty_layout
from .my_picture import choice_pixmap, drawings_of
from .read_aloud import ReadAloud
from .window import TogetherWindow

if TYPE_CHECKING:
    from ..section_context import ChildSectionContext


class ChildVoiceSection(QWidget):
    """A tab on the child's page. Opening together mode hides the worker's window, so no other
    child's name is on screen while the child sits at it."""

    def __init__(
        self,
        context: ChildSectionContext,
        speech_engine: str | None = None,
        *,
        window_factory: Callable[..., TogetherWindow] = TogetherWindow,
    ):
        super().__init__()
        self.context = context
        self.speech_engine = speech_engine
        self.window_factory = window_factory
        self.together: TogetherWindow | None = None
        self._hidden_window: QWidget | None = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        intro = QLabel(
            "What the child chose, felt and said in together mode. This is their own record, "
            "so it is read only here.",
            self,
        )
        intro.setObjectName("Subtle")
        intro.setWordWrap(True)
        top.addWidget(intro, 1)
        self.open_button = QPushButton("Open together mode", self)
        self.open_button.setObjectName("Primary")
        self.open_button.setAccessibleName("Open together mode for this child, full screen")
        self.open_button.clicked.connect(self.open_together)
        top.addWidget(self.open_button)
        outer.addLayout(top)
        settings = together_settings(context.store, context.child_id)
        access = QVBoxLayout()  # one under the other: side by side they need 770 px
        self.bigger_buttons = QCheckBox("Bigger buttons (for a child who finds small targets hard)")
        self.bigger_buttons.setChecked(settings.bigger_buttons)
        self.tap_to_draw = QCheckBox("Draw by tapping: tap, move, tap (for a child who can't drag)")
        self.tap_to_draw.setChecked(settings.tap_to_draw)
        for box in (self.bigger_buttons, self.tap_to_draw):
            box.toggled.connect(self._save_settings)
            access.addWidget(box)
        outer.addLayout(access)
        self.flag = QLabel(self)
        self.flag.setObjectName("Flag")
        self.flag.setWordWrap(True)
        self.flag.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.flag)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sheet = QWidget(scroll)
        self.grid = QGridLayout(self.sheet)
        # The child's words widest; the questions and the notes keep a readable share too.
        for column, share in enumerate((2, 5, 2)):
            self.grid.setColumnStretch(column, share)
        self.grid.setVerticalSpacing(10)
        scroll.setWidget(self.sheet)
        outer.addWidget(scroll, 1)
        self.refresh()

    def refresh(self) -> None:
        ctx = self.context
        child = ctx.store.child(ctx.child_id)
        voice = ChildVoiceRecords(ctx.store).load(ctx.child_id)
        drawings = len(drawings_of(ctx.store, ctx.child_id))
        self.flag.setText(worry_text(voice, child.known_as))
        self.flag.setVisible(voice.worry_flag)
        empty_layout(self.grid)
        row = 0
        picture = choice_pixmap(ctx.store, ctx.child_id, voice.picture, 64)
        if picture is not None:
            label = QLabel(self.sheet)
            label.setPixmap(picture)
            label.setAccessibleName("The picture the child chose")
            self.grid.addWidget(label, row, 0, 1, 3)
            row += 1
        items = summary_items(voice, drawings)
        if not items:
            empty = QLabel(
                f"Nothing yet. Open together mode with {child.known_as} to start.", self.sheet
            )
            empty.setTextFormat(Qt.TextFormat.PlainText)
            empty.setObjectName("Subtle")
            self.grid.addWidget(empty, row, 0, 1, 3)
        for item in items:
            heading = QLabel(item.heading, self.sheet)
            heading.setStyleSheet("font-weight: bold;")
            heading.setWordWrap(True)
            heading.setTextFormat(Qt.TextFormat.PlainText)
            text = QLabel(f"\u201c{item.text}\u201d" if item.mark else item.text, self.sheet)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            notes = [
                n
                for n in (item.mark.worker_label if item.mark else "", format_long(item.date))
                if n
            ]
            note = QLabel(" \u2022 ".join(notes), self.sheet)
            note.setObjectName("Subtle")
            note.setWordWrap(True)
            # The child's words get the room: the question and the note beside them wrap.
            heading.setMaximumWidth(180)
            note.setMaximumWidth(170)
            self.grid.addWidget(heading, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(text, row, 1, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(note, row, 2, Qt.AlignmentFlag.AlignTop)
            row += 1
        self.grid.setRowStretch(row + 1, 1)
        for index in range(self.grid.count()):
            widget = self.grid.itemAt(index).widget()
            if widget is not None:
                widget.show()  # at once, so what the worker sees is never a step behind

    def _save_settings(self) -> None:
        from ...domain.together_settings import TogetherSettings

        chosen = TogetherSettings(self.bigger_buttons.isChecked(), self.tap_to_draw.isChecked())
        save_together_settings(self.context.store, self.context.child_id, chosen)

    def open_together(self) -> None:
        """Full screen for this child only; the worker's window waits out of sight."""
        if self.together is not None:
            return
        ctx = self.context
        window = self.window_factory(
            ctx.store, ctx.child_id, ctx.today, ctx.messages, ReadAloud(self.speech_engine)
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.closed.connect(self._together_closed)
        self.together = window
        self._hidden_window = self.window()
        self._hidden_window.hide()
        window.open_full_screen()

    def _together_closed(self) -> None:
        self.together = None
        if self._hidden_window is not None:
            self._hidden_window.show()
            self._hidden_window = None
        self.refresh()
