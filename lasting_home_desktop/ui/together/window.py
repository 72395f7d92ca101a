"""Together mode: one child, full screen, their pages in order; only the worker's PIN leaves."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.child import AgeBand
from ...domain.child_voice import PAGE_ORDER, Page, page_title
from ...storage.caseload import CaseloadStore
from ...storage.child_voice import WorkerPin
from ..messages import UserMessages
from ..theme import Look, look_for, register_fonts
from .cards import picture_pixmap
from .exit_guard import ExitGuard
from .page_about import AboutMePage, FileChooser
from .page_base import TogetherPage, VoiceSession
from .page_choices import CelebrationPage, PeoplePage, PlacePage
from .page_done import DonePage
from .page_drawings import DrawingsPage
from .page_feeling import FeelingPage
from .page_words import WordsPage
from .pin_panel import PinPanel
from .progress import ProgressTrail
from .read_aloud import NO_VOICE, ReadAloud
from .style import font, together_style


class TogetherWindow(QWidget):
    """The child's side. Loads only this child; the worker's window stays out of reach."""

    closed = Signal()

    def __init__(
        self,
        store: CaseloadStore,
        child_id: str,
        today: dt.date,
        messages: UserMessages,
        speech: ReadAloud | None = None,
        *,
        choose_file: FileChooser | None = None,
    ):
        super().__init__(None, Qt.WindowType.Window)
        register_fonts()
        self.setObjectName("TogetherRoot")
        self.store = store
        self.messages = messages
        self.choose_file = choose_file
        self.session = VoiceSession(store, store.child(child_id), today, messages)
        self.pin = WorkerPin(store)
        self.speech = speech or ReadAloud(parent=self)
        self._may_close = False
        self.setWindowTitle("My Lasting Home")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.root = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.root)
        self.content = QWidget(self)
        self.pin_panel = PinPanel(self.pin, self)
        self.pin_panel.unlocked.connect(self._unlocked)
        self.pin_panel.cancelled.connect(self._pin_cancelled)
        self.root.addWidget(self.content)
        self.root.addWidget(self.pin_panel)
        self.pages: list[TogetherPage] = []
        self.look = self._look()
        self._build(self.look)
        self.go_to(PAGE_ORDER[0])
        if not self.pin.is_set():
            self.pin_panel.ask_to_set()
            self.root.setCurrentWidget(self.pin_panel)
        else:
            QTimer.singleShot(0, self._focus_first)
        self.guard = ExitGuard(self, on_exit_key=self._exit_key)
        self.guard.install()

    # -- building --------------------------------------------------------------------------

    def _look(self) -> Look:
        voice = self.session.voice
        return look_for(voice.look or self.session.child.age_band(self.session.today))

    def _build(self, look: Look) -> None:
        self.setStyleSheet(together_style(look))
        self.setFont(font(look, look.body_pt))
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QWidget(self.content)
        top.setObjectName("TopBar")
        bar = QHBoxLayout(top)
        bar.setContentsMargins(24, 8, 16, 8)
        heading = QLabel("My Lasting Home", top)
        heading.setObjectName("PageTitle")
        heading.setFont(font(look, look.title_pt - 6, bold=True))
        bar.addWidget(heading)
        bar.addStretch(1)
        titles = {page: page_title(page, look.band) for page in PAGE_ORDER}
        self.trail = ProgressTrail(look, titles, top)
        self.trail.pageChosen.connect(self.go_to)
        bar.addWidget(self.trail)
        bar.addStretch(1)
        child_look = look.band is AgeBand.CHILD
        self.look_button = QPushButton("Grown-up look" if child_look else "Colourful look", top)
        self.look_button.setObjectName("Quiet")
        self.look_button.setAccessibleName(
            "Switch to the grown-up look" if child_look else "Switch to the colourful look"
        )
        self.look_button.clicked.connect(self.switch_look)
        bar.addWidget(self.look_button)
        self.leave_button = QPushButton(" Grown-ups", top)
        self.leave_button.setObjectName("Quiet")
        self.leave_button.setIcon(picture_pixmap("icon-lock", 24))
        self.leave_button.setAccessibleName("Leave together mode (grown-ups only, needs the PIN)")
        self.leave_button.clicked.connect(self.request_leave)
        bar.addWidget(self.leave_button)
        layout.addWidget(top)
        self.no_voice = QLabel(NO_VOICE, self.content)
        self.no_voice.setObjectName("Kind")
        self.no_voice.setWordWrap(True)
        self.no_voice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_voice.hide()
        layout.addWidget(self.no_voice)
        self.stack = QStackedWidget(self.content)
        self.pages = []
        for page_class in (
            AboutMePage,
            PeoplePage,
            PlacePage,
            CelebrationPage,
            FeelingPage,
            WordsPage,
            DrawingsPage,
            DonePage,
        ):
            if page_class is AboutMePage:
                page = AboutMePage(self.session, look, self.choose_file)
            else:
                page = page_class(self.session, look)
            page.readRequested.connect(self.read)
            self.pages.append(page)
            if isinstance(page, DrawingsPage):
                page.drawingsChanged.connect(self._progress)
            # On a small screen a page scrolls rather than pushing the buttons off the edge.
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            self.stack.addWidget(scroll)
        layout.addWidget(self.stack, 1)
        bottom = QWidget(self.content)
        bottom.setObjectName("BottomBar")
        row = QHBoxLayout(bottom)
        row.setContentsMargins(32, 8, 32, 16)
        self.back_button = QPushButton("  Back", bottom)
        self.back_button.setIcon(picture_pixmap("icon-back", 32))
        self.back_button.clicked.connect(self.previous_page)
        self.counter = QLabel(bottom)
        self.counter.setObjectName("Small")
        self.next_button = QPushButton("Next  ", bottom)
        self.next_button.setObjectName("Primary")
        self.next_button.setIcon(picture_pixmap("icon-next", 32))
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.next_button.clicked.connect(self.next_page)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.counter)
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout.addWidget(bottom)
        self.session.changed.connect(self._progress)

    def _clear(self) -> None:
        for page in self.pages:
            page.flush()
        self.session.changed.disconnect(self._progress)
        old = self.content.layout()
        replacement = QWidget(self)
        index = self.root.indexOf(self.content)
        self.root.removeWidget(self.content)
        self.content.deleteLater()
        del old
        self.content = replacement
        self.root.insertWidget(index, self.content)
        self.root.setCurrentWidget(self.content)

    # -- moving between pages ----------------------------------------------------------------

    def current_page(self) -> Page:
        return PAGE_ORDER[self.stack.currentIndex()]

    def page_widget(self, page: Page) -> TogetherPage:
        return self.pages[PAGE_ORDER.index(page)]

    def go_to(self, page: Page) -> None:
        if self.stack.currentIndex() >= 0 and self.pages:
            self.page_widget(self.current_page()).flush()
        self.speech.stop()
        self.no_voice.hide()
        index = PAGE_ORDER.index(page)
        self.stack.setCurrentIndex(index)
        self.page_widget(page).refresh()
        self.session.change(lambda v: v.with_visit(page))
        self._progress()

    def next_page(self) -> None:
        index = PAGE_ORDER.index(self.current_page())
        if index + 1 < len(PAGE_ORDER):
            self.go_to(PAGE_ORDER[index + 1])

    def previous_page(self) -> None:
        index = PAGE_ORDER.index(self.current_page())
        if index > 0:
            self.go_to(PAGE_ORDER[index - 1])

    def _progress(self) -> None:
        voice = self.session.voice
        drawings = self.page_widget(Page.DRAWINGS).drawing_count()
        done = {page for page in PAGE_ORDER if voice.page_done(page, drawings)}
        visited = {page for page in PAGE_ORDER if voice.has_visited(page)}
        current = self.current_page()
        self.trail.show_progress(current, done, visited)
        index = PAGE_ORDER.index(current)
        self.back_button.setEnabled(index > 0)
        last = index == len(PAGE_ORDER) - 1
        self.next_button.setVisible(not last)
        skip = current not in done and current is not Page.DONE
        self.next_button.setText("Skip for now  " if skip else "Next  ")
        self.next_button.setAccessibleName("Skip this page for now" if skip else "Next page")
        self.back_button.setAccessibleName("Back to the page before")
        stars = len(done)
        self.counter.setText(
            f"Page {index + 1} of {len(PAGE_ORDER)}  \u2022  {stars} "
            f"{'star' if stars == 1 else 'stars'}"
        )

    # -- looks and reading aloud -------------------------------------------------------------

    def switch_look(self) -> None:
        current = self.current_page()
        band = AgeBand.YOUNG_PERSON if self.look.band is AgeBand.CHILD else AgeBand.CHILD
        self._clear()
        self.session.change(lambda v: v.with_look(band))
        self.look = look_for(band)
        self._build(self.look)
        self.go_to(current)

    def read(self, text: str) -> None:
        if self.speech.say(text):
            self.no_voice.hide()
        else:
            self.no_voice.show()

    # -- leaving: only with the worker's PIN --------------------------------------------------

    def open_full_screen(self) -> None:
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def request_leave(self) -> None:
        if self.root.currentWidget() is self.pin_panel:
            return
        for page in self.pages:
            page.flush()
        self.speech.stop()
        self.pin_panel.ask_to_leave()
        self.root.setCurrentWidget(self.pin_panel)

    def _exit_key(self, key: int) -> None:
        if not self.pin_showing():
            self.request_leave()
        elif key == Qt.Key.Key_Escape:
            self.pin_panel.cancelled.emit()  # Escape on the PIN panel goes back to the pages

    def pin_showing(self) -> bool:
        return self.root.currentWidget() is self.pin_panel

    def _unlocked(self) -> None:
        if self.pin_panel.setting:
            self.root.setCurrentWidget(self.content)
            QTimer.singleShot(0, self._focus_first)
            return
        self._may_close = True
        self.close()

    def _focus_first(self) -> None:
        self.next_button.setFocus()

    def _pin_cancelled(self) -> None:
        if self.pin_panel.setting and not self.pin.is_set():
            self._may_close = True  # nothing has started; no PIN to guard with yet
            self.close()
            return
        self.root.setCurrentWidget(self.content)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close and self.pin.is_set():
            event.ignore()
            self.request_leave()
            return
        for page in self.pages:
            page.flush()
        self.speech.stop()
        self.guard.remove()
        event.accept()
        self.closed.emit()
