"""What every together-mode page shares: the child's voice kept as they go, and the page frame."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.child import AgeBand, ChildRecord
from ...domain.child_voice import (
    PAGE_TEXT,
    ChildVoice,
    Page,
    VoiceProblem,
    page_intro,
    page_title,
    sentence,
    you_chose,
)
from ...domain.together_settings import TogetherSettings
from ...storage.caseload import CaseloadStore
from ...storage.child_voice import ChildVoiceRecords, together_settings
from ...storage.safe_files import StorageWriteError
from ..messages import UserMessages
from ..theme import Look
from .card_grid import CardGrid
from .cards import picture_pixmap
from .safe_text import make_child_safe

TYPING_PAUSE_MS = 400  # typed words are kept after this pause, and at once on leaving a page


class VoiceSession(QObject):
    """The one child's voice while together mode is open; every change is saved at once."""

    changed = Signal()

    def __init__(
        self, store: CaseloadStore, child: ChildRecord, today: dt.date, messages: UserMessages
    ):
        super().__init__()
        self.store = store
        self.child = child
        self.today = today
        self.messages = messages
        self.records = ChildVoiceRecords(store)
        self.voice = self.records.load(child.id)
        self.settings: TogetherSettings = together_settings(store, child.id)

    @property
    def min_target_px(self) -> int:
        return self.settings.min_target_px

    def change(self, make: Callable[[ChildVoice], ChildVoice]) -> str | None:
        """Apply and save a change; returns a kind message instead when it cannot be kept."""
        try:
            new = make(self.voice)
        except VoiceProblem as problem:
            return problem.kind_message
        if new == self.voice:
            return None
        try:
            self.records.save(self.child.id, new)
        except StorageWriteError as error:
            self.messages.tell("That could not be saved", error.kind_message, problem=True)
            return "That couldn't be saved just now. Your worker has been told how to fix it."
        self.voice = new
        self.changed.emit()
        return None


class TypingKeeper(QObject):
    """Saves typed words after a short pause, so a crash loses at most the last few letters."""

    def __init__(self, save: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._save)

    def typed(self) -> None:
        self._timer.start()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._save()


class TogetherPage(QWidget):
    """A heading with a picture, the words, and a "read it to me" button above the page."""

    page: Page
    readRequested = Signal(str)

    def __init__(self, session: VoiceSession, look: Look, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.look = look
        self.band: AgeBand = look.band
        self.keepers: list[TypingKeeper] = []
        self.grids: list[CardGrid] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 10, 28, 4)
        layout.setSpacing(8)
        header = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(picture_pixmap(PAGE_TEXT[self.page].icon, 56 if self.is_child else 44))
        icon.setAccessibleName(self.title())
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(2)
        self.title_label = QLabel(self.title(), self)
        self.title_label.setObjectName("PageTitle")
        self.intro_label = QLabel(self.intro(), self)
        self.intro_label.setObjectName("PageIntro")
        self.intro_label.setWordWrap(True)
        words.addWidget(self.title_label)
        words.addWidget(self.intro_label)
        header.addLayout(words, 1)
        # The page never scrolls, so "Read it to me" always stays in sight at the top.
        self.read_button = QPushButton("  Read it to me", self)
        self.read_button.setIcon(picture_pixmap("icon-read-aloud", 32))
        self.read_button.setAccessibleName("Read it to me")
        self.read_button.setMinimumHeight(session.min_target_px)
        self.read_button.clicked.connect(lambda: self.readRequested.emit(self.spoken_text()))
        header.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        layout.addLayout(self.body, 1)

    def card_grid(self, columns: int = 0, exclusive: bool = False) -> CardGrid:
        """A grid of cards on this page: fits the page, reads a card aloud on a long press."""
        grid = CardGrid(columns, exclusive, self, min_px=self.session.min_target_px)
        grid.readRequested.connect(self.readRequested)
        self.grids.append(grid)
        return grid

    def text_box(self, box: QWidget, name: str) -> QWidget:
        """A text box the child types in: named, with a big child-safe right-click menu."""
        box.setAccessibleName(name)
        box.setMinimumHeight(self.session.min_target_px)
        make_child_safe(box, self.look)
        return box

    @property
    def is_child(self) -> bool:
        return self.band is AgeBand.CHILD

    def title(self) -> str:
        return page_title(self.page, self.band)

    def intro(self) -> str:
        return page_intro(self.page, self.band, self.session.child.route)

    def spoken_text(self) -> str:
        """What "read it to me" says: the heading, the words, the cards on the page, and then
        what the child has chosen so far."""
        parts = [sentence(self.title()), self.intro(), *self.spoken_extra(), self.spoken_choice()]
        return " ".join(part for part in parts if part)

    def spoken_choice(self) -> str:
        return you_chose(self.session.voice, self.band, self.page)

    def focus_chain(self) -> list[QWidget]:
        """This page's controls in reading order (top to bottom, left to right)."""
        found = [
            w
            for w in self.findChildren(QWidget)
            if w.isVisibleTo(self) and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()
        ]

        def place(widget: QWidget) -> tuple[int, int]:
            where = widget.mapTo(self, widget.rect().topLeft())
            return (where.y() // 24, where.x())

        return sorted(found, key=place)

    def spoken_extra(self) -> list[str]:
        return []

    def refresh(self) -> None:
        """Show the voice as it is now (after a change elsewhere, or on coming back)."""

    def flush(self) -> None:
        """Keep anything typed but not yet saved."""
        for keeper in self.keepers:
            keeper.flush()

    def keeper(self, save: Callable[[], None]) -> TypingKeeper:
        keeper = TypingKeeper(save, self)
        self.keepers.append(keeper)
        return keeper

    def kind_label(self) -> QLabel:
        label = QLabel(self)
        label.setObjectName("Kind")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.hide()
        return label


def show_kind(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))
