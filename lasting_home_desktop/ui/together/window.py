"""Together mode: one child, full screen, their pages in order; only the worker's PIN leaves."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.child import AgeBand
from ...domain.child_voice import PAGE_ORDER, Page, TogetherNavigation, page_title
from ...storage.caseload import CaseloadStore
from ...storage.child_voice import WorkerPin
from ..messages import UserMessages
from ..theme import Look, look_for, register_fonts
from .cards import picture_pixmap
from .exit_guard import ExitGuard
from .page_about import AboutMePage
from .page_base import TogetherPage, VoiceSession
from .page_choices import CelebrationPage, PeoplePage, PlacePage
from .page_done import DonePage
from .page_drawings import DrawingsPage
from .page_feeling import FeelingPage
from .page_words import WordsPage
from .pin_panel import PinPanel
from .progress import ProgressTrail
from .read_aloud import NO_VOICE, ReadAloud
from .safe_text import ClipboardFence, set_fence
from .style import font, together_style

# One screen per page; the order comes from PAGE_ORDER alone.
PAGE_CLASSES: dict[Page, type[TogetherPage]] = {
    Page.ABOUT_ME: AboutMePage,
    Page.PEOPLE: PeoplePage,
    Page.PLACE: PlacePage,
    Page.CELEBRATION: CelebrationPage,
    Page.FEELING: FeelingPage,
    Page.WORDS: WordsPage,
    Page.DRAWINGS: DrawingsPage,
    Page.DONE: DonePage,
}
RETURN_MS = 250  # how soon together mode comes back in front after something else took over


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
    ):
        super().__init__(None, Qt.WindowType.Window)
        register_fonts()
        self.setObjectName("TogetherRoot")
        self.store = store
        self.messages = messages
        self.session = VoiceSession(store, store.child(child_id), today, messages)
        self.pin = WorkerPin(store)
        self.speech = speech or ReadAloud(parent=self)
        self.speech.speaking.connect(self._speaking)
        self.nav = TogetherNavigation()
        self._may_close = False
        self._told_no_voice = False
        self.setWindowTitle("My Lasting Home")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        # Nothing from outside can be pasted in, and the child's words do not leave with us.
        self.fence = ClipboardFence(self)
        set_fence(self.fence)
        self.fence.start()
        self._return_timer = QTimer(self)
        self._return_timer.setSingleShot(True)
        self._return_timer.setInterval(RETURN_MS)
        self._return_timer.timeout.connect(self._return_if_left)
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
        self.pages: dict[Page, TogetherPage] = {}
        self.look = self._look()
        self._build(self.look)
        self.go_to(self.nav.current)
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

    def _top_button(self, text: str, name: str, parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName("Quiet")
        button.setAccessibleName(name)
        button.setMinimumHeight(self.session.min_target_px)
        return button

    def _build(self, look: Look) -> None:
        self.setStyleSheet(together_style(look, self.session.min_target_px))
        self.setFont(font(look, look.body_pt))
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QWidget(self.content)
        top.setObjectName("TopBar")
        bar = QHBoxLayout(top)
        bar.setContentsMargins(20, 4, 12, 4)
        heading = QLabel("My Lasting Home", top)
        heading.setObjectName("PageTitle")
        heading.setFont(font(look, look.title_pt - 8, bold=True))
        bar.addWidget(heading)
        bar.addStretch(1)
        titles = {page: page_title(page, look.band) for page in PAGE_ORDER}
        self.trail = ProgressTrail(look, titles, top)
        self.trail.pageChosen.connect(self.go_to)
        bar.addWidget(self.trail)
        bar.addStretch(1)
        child_look = look.band is AgeBand.CHILD
        self.look_button = self._top_button(
            "Grown-up look" if child_look else "Colourful look",
            "Switch to the grown-up look" if child_look else "Switch to the colourful look",
            top,
        )
        self.look_button.clicked.connect(self.switch_look)
        bar.addWidget(self.look_button)
        self.leave_button = self._top_button(
            " Grown-ups", "Leave together mode (grown-ups only, needs the PIN)", top
        )
        self.leave_button.setIcon(picture_pixmap("icon-lock", 24))
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
        self.pages = {}
        for page in PAGE_ORDER:
            widget = PAGE_CLASSES[page](self.session, look)
            widget.readRequested.connect(self.read)
            self.pages[page] = widget
            self.stack.addWidget(widget)  # no scrolling: every page fits the screen
        self.pages[Page.DRAWINGS].drawingsChanged.connect(self._progress)  # type: ignore[attr-defined]
        self.pages[Page.DONE].goRequested.connect(self.go_to)  # type: ignore[attr-defined]
        layout.addWidget(self.stack, 1)
        layout.addWidget(self._bottom_bar())
        self.session.changed.connect(self._progress)

    def _bottom_bar(self) -> QWidget:
        bottom = QWidget(self.content)
        bottom.setObjectName("BottomBar")
        row = QHBoxLayout(bottom)
        row.setContentsMargins(28, 4, 28, 8)
        self.back_button = QPushButton("  Back", bottom)
        self.back_button.setIcon(picture_pixmap("icon-back", 32))
        self.back_button.setAccessibleName("Back to the page before")
        self.back_button.clicked.connect(self.previous_page)
        self.counter = QLabel(bottom)
        self.counter.setObjectName("Small")
        self.next_button = QPushButton("Next  ", bottom)
        self.next_button.setObjectName("Primary")
        self.next_button.setIcon(picture_pixmap("icon-next", 32))
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.next_button.clicked.connect(self.next_page)
        for button in (self.back_button, self.next_button):
            button.setMinimumHeight(self.session.min_target_px)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.counter)
        row.addStretch(1)
        row.addWidget(self.next_button)
        return bottom

    def _clear(self) -> None:
        for page in self.pages.values():
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
        return self.nav.current

    def page_widget(self, page: Page) -> TogetherPage:
        return self.pages[page]

    def go_to(self, page: Page) -> None:
        if self.stack.currentWidget() is not None and self.pages:
            self.pages[self.nav.current].flush()
        self.speech.stop()
        self.no_voice.hide()
        self.nav.go_to(page)
        self.stack.setCurrentWidget(self.pages[page])
        self.pages[page].refresh()
        self.session.change(lambda v: v.with_visit(page))
        self._progress()
        self._tab_order()

    def next_page(self) -> None:
        page = self.nav.next_page()
        if page is not None:
            self.go_to(page)

    def previous_page(self) -> None:
        page = self.nav.previous_page()
        if page is not None:
            self.go_to(page)

    def _progress(self) -> None:
        drawings = self.pages[Page.DRAWINGS].drawing_count()  # type: ignore[attr-defined]
        state = self.nav.state(self.session.voice, drawings)
        self.trail.show_progress(state.page, set(state.done), set(state.visited))
        self.back_button.setEnabled(state.can_go_back)
        self.next_button.setVisible(state.has_next)
        self.next_button.setText(f"{state.next_text}  ")
        self.next_button.setAccessibleName(state.next_name)
        self.counter.setText(state.counter_text)

    def _tab_order(self) -> None:
        """Tab follows reading order: the top bar, the page top to bottom, then Back, Next."""
        chain: list[QWidget] = [*self.trail.steps, self.look_button, self.leave_button]
        chain += self.pages[self.nav.current].focus_chain()
        chain += [self.back_button, self.next_button, self.trail.steps[0]]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    # -- looks and reading aloud -------------------------------------------------------------

    def switch_look(self) -> None:
        current = self.current_page()
        band = AgeBand.YOUNG_PERSON if self.look.band is AgeBand.CHILD else AgeBand.CHILD
        self._clear()
        self.session.change(lambda v: v.with_look(band))
        self.look = look_for(band)
        self.content.hide()  # built while hidden, so every part shows when it is shown
        self._build(self.look)
        self.root.setCurrentWidget(self.content)
        self.content.show()
        self.go_to(current)

    def read(self, text: str) -> None:
        """Read the page (or a card) aloud; pressing the page's button again stops it."""
        whole_page = text == self.pages[self.nav.current].spoken_text()
        if whole_page and self.speech.is_speaking() and self.speech.spoken[-1:] == [text]:
            self.speech.stop()
            return
        if self.speech.say(text):
            self.no_voice.hide()
            return
        if not self._told_no_voice:  # said once, kindly; then the buttons step aside
            self._told_no_voice = True
            self.no_voice.show()
        for each in self.pages.values():
            each.read_button.hide()

    def _speaking(self, speaking: bool) -> None:
        button = self.pages[self.nav.current].read_button
        reading = "  Read it all to me" if self.nav.current is Page.DONE else "  Read it to me"
        button.setText("  Stop reading" if speaking else reading)
        button.setAccessibleName(button.text().strip())

    # -- leaving: only with the worker's PIN --------------------------------------------------

    def open_full_screen(self) -> None:
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def request_leave(self) -> None:
        if self.root.currentWidget() is self.pin_panel:
            return
        for page in self.pages.values():
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

    # -- staying in front ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """Minimised (or "show desktop"): back at once. Another program in front: back soon."""
        super().changeEvent(event)
        if self._may_close or not self.isVisible():
            return
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            QTimer.singleShot(0, self.come_back)
        elif event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self._return_timer.start()

    def _return_if_left(self) -> None:
        # A window of this app (a kind message, the idle lock's screen) may take the front;
        # anything else (the desktop, another program) may not.
        if self.isVisible() and not self._may_close and QApplication.activeWindow() is None:
            self.come_back()

    def come_back(self) -> None:
        if self._may_close or not self.isVisible() and not self.isMinimized():
            return
        handle = self.windowHandle()
        if handle is not None and not handle.isExposed():
            # "Show desktop" may unmap the window without Qt seeing it minimised: map it again.
            self.hide()
        self.setWindowState(Qt.WindowState.WindowFullScreen | Qt.WindowState.WindowActive)
        self.open_full_screen()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close and self.pin.is_set():
            event.ignore()
            self.request_leave()
            return
        for page in self.pages.values():
            page.flush()
        self.speech.stop()
        self.guard.remove()
        self.fence.stop()
        set_fence(None)
        event.accept()
        self.closed.emit()
