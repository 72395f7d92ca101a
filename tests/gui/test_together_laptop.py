"""Together mode on the screens councils issue: every page fits without scrolling, nothing of
the laptop shows through (no system window, no outside clipboard, no way past minimising), and
the focus follows reading order."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QColorDialog,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QWidget,
)
from shiboken6 import isValid
from together_support import OTHER, force_close, together

from lasting_home_desktop.domain.child import AgeBand
from lasting_home_desktop.domain.child_voice import (
    NAME_LIMIT,
    PAGE_ORDER,
    TYPED_CHOICE_LIMIT,
    ChildVoice,
    Page,
    WordsMark,
)
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords
from lasting_home_desktop.ui.drawing.canvas import Tool
from lasting_home_desktop.ui.together.card_grid import CardGrid
from lasting_home_desktop.ui.together.cards import PictureCard

TODAY = dt.date(2026, 11, 22)
SIZES = [(1280, 720), (1366, 768), (1920, 1080)]


def busiest_voice(band: AgeBand) -> ChildVoice:
    """The longest words the pages can hold, and a child who added twelve people."""
    voice = ChildVoice().with_preferred_name("Ż" * NAME_LIMIT, TODAY)
    for person in ("carers", "head_of_service", "iro", "health_worker", "pets"):
        voice = voice.with_person(person, True, TODAY)
    for number in range(12):
        voice = voice.with_added_person(
            f"Przemysław Wojciechowski {number}", "person-family", TODAY
        )
    voice = voice.with_place("somewhere_else", "W" * TYPED_CHOICE_LIMIT, TODAY)
    voice = voice.with_celebration("something_else", True, TODAY)
    voice = voice.with_celebration_typed("Go-karting with Jo and everyone " * 2, TODAY)
    voice = voice.with_feeling("scared", "because " * 120, TODAY)
    for prompt in ("feels_like_home", "tell_the_visit", "what_it_means"):
        voice = voice.with_answer(prompt, "word " * 600, WordsMark.OWN_WORDS, TODAY)
    return voice.with_look(band)


def controls(window: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit)
    return [w for w in window.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()]


def fully_in_sight(widget: QWidget, window: QWidget) -> bool:
    """Inside the window and not cut off by anything around it (a scroll area, the edge)."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    inside = window.rect().contains(top_left) and window.rect().contains(
        top_left + QPoint(widget.width() - 1, widget.height() - 1)
    )
    return inside and widget.visibleRegion().boundingRect() == widget.rect()


@pytest.mark.parametrize("band", list(AgeBand))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_fits_the_screen_without_scrolling(qtbot, caseload, today, size, band):
    """At 1280x720 and up, in both looks, with the longest words and twelve added people,
    every control of every page is in sight, at least 64 px, and no card word is cut."""
    store, child_id = caseload
    ChildVoiceRecords(store).save(child_id, busiest_voice(band))
    window = together(store, child_id, today)
    try:
        window.resize(*size)
        for page in PAGE_ORDER:
            window.go_to(page)
            if page is Page.PEOPLE:  # the box for a new name must be in sight too
                window.page_widget(page).grid.card("_add").click()
            qtbot.waitUntil(lambda: window.size().height() == size[1], timeout=2000)
            QApplication.processEvents()
            for widget in controls(window):
                assert fully_in_sight(widget, window), (page, widget.accessibleName())
                if isinstance(widget, QAbstractButton):
                    assert min(widget.width(), widget.height()) >= 64, (page, widget)
            for grid in window.findChildren(CardGrid):
                if grid.isVisible():
                    assert not grid.scrolls(), (page, [c.text() for c in grid.cards][:3])
            for card in window.findChildren(PictureCard):
                if card.isVisible():
                    assert card.text_fits(), (page, card.text(), card.size())
    finally:
        force_close(window)


def test_read_it_to_me_and_back_and_next_stay_put_while_typing(qtbot, window):
    """A text box opened by a card is in sight, and the page itself never scrolls."""
    window.resize(1280, 720)
    window.go_to(Page.PLACE)
    page = window.page_widget(Page.PLACE)
    page.grid.card("somewhere_else").click()
    assert page.typed_edit.hasFocus() or page.typed_edit.isVisible()
    for widget in (page.read_button, window.back_button, window.next_button, page.typed_edit):
        assert fully_in_sight(widget, window)


# -- no window of the laptop, ever ------------------------------------------------------------


def _no_system_windows(monkeypatch) -> list[str]:
    opened: list[str] = []

    def record(name):  # type: ignore[no-untyped-def]
        def opened_instead(*_args, **_kwargs):  # type: ignore[no-untyped-def]
            opened.append(name)
            return None

        return opened_instead

    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(record(name)))
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(record("getColor")))
    monkeypatch.setattr(QDialog, "exec", record("QDialog.exec"))
    monkeypatch.setattr(QDialog, "open", record("QDialog.open"))
    return opened


def _buttons(window: QWidget) -> list[QAbstractButton]:
    """Every visible button; from a grid of cards only the first (the rest are alike)."""
    found, per_grid = [], {}
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or not button.isEnabled():
            continue
        if isinstance(button, PictureCard):
            grid = button.parent()
            per_grid[grid] = per_grid.get(grid, 0) + 1
            if per_grid[grid] > 1:
                continue
        found.append(button)
    return found


def _back_to(window, page: Page) -> None:  # type: ignore[no-untyped-def]
    if window.pin_showing():
        window.pin_panel.cancelled.emit()
    if window.current_page() is not page:
        window.go_to(page)
    if page is Page.DRAWINGS:
        studio = window.page_widget(page).studio
        studio.show_workspace()
        studio.choose_tool(Tool.PENCIL)  # the colours show again after the stickers


def test_no_control_of_together_mode_opens_a_window_of_the_system(qtbot, window, monkeypatch):
    """Every button on every page (and on what each opens) is pressed: no file, colour or
    print window ever appears, and every text box's menu is our own Cut/Copy/Paste menu."""
    opened = _no_system_windows(monkeypatch)
    for band in AgeBand:
        if window.look.band is not band:
            window.switch_look()
        for page in PAGE_ORDER:
            window.go_to(page)
            _back_to(window, page)
            pressed = 0
            for button in _buttons(window):
                _back_to(window, page)
                if not isValid(button) or not button.isVisible() or button is window.look_button:
                    continue
                if button in window.trail.steps and page is not PAGE_ORDER[0]:
                    continue  # the same footsteps on every page: pressed on the first
                before = set(_buttons(window))
                button.click()
                pressed += 1
                # One step further in: what the press opened on this page (a panel, the
                # gallery, the PIN); another page's buttons are pressed when it is walked.
                opened_here = window.current_page() is page
                for inner in [b for b in _buttons(window) if b not in before and opened_here]:
                    if isValid(inner) and inner.isVisible():
                        inner.click()
                assert not opened, (page, button.accessibleName(), opened)
                dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
                assert not [d for d in dialogs if d.isVisible()], (page, dialogs)
            assert pressed >= 3, page
            for box in window.findChildren(QLineEdit) + window.findChildren(QPlainTextEdit):
                assert box.contextMenuPolicy() in (
                    Qt.ContextMenuPolicy.CustomContextMenu,  # our big Cut / Copy / Paste
                    Qt.ContextMenuPolicy.NoContextMenu,
                ), (page, box.accessibleName())
    assert not opened


def test_a_text_box_menu_is_big_and_offers_only_cut_copy_paste(qtbot, window):
    """Right-click in the child's words gives three big choices, nothing else."""
    from lasting_home_desktop.ui.together.safe_text import child_menu

    window.go_to(Page.WORDS)
    box = window.page_widget(Page.WORDS).answer_edit("feels_like_home")
    menu = child_menu(box, window.look)
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions()] == ["Cut", "Copy", "Paste"]
    assert menu.font().pointSize() >= window.look.body_pt
    menu.deleteLater()


# -- the clipboard --------------------------------------------------------------------------


def test_the_workers_clipboard_never_reaches_the_child(qtbot, caseload, today):
    """A name copied on the worker side is gone when together mode opens; pasting brings
    nothing from outside; what the child copies stays inside; closing empties it again."""
    store, child_id = caseload
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(f"{OTHER.first_name} {OTHER.last_name}")
    window = together(store, child_id, today)
    try:
        window.go_to(Page.FEELING)
        why = window.page_widget(Page.FEELING).why_edit
        assert clipboard.text() == ""
        why.paste()
        assert OTHER.first_name not in why.toPlainText()
        clipboard.setText("Something another program put there")  # meanwhile, from outside
        assert clipboard.text() == ""
        why.setPlainText("Biscuit the dog")
        why.selectAll()
        why.copy()
        why.moveCursor(why.textCursor().MoveOperation.End)
        why.paste()
        assert why.toPlainText() == "Biscuit the dogBiscuit the dog"  # inside, it works
    finally:
        force_close(window)
    assert clipboard.text() == ""  # the child's words do not leave with the worker


# -- staying in front -----------------------------------------------------------------------


def test_minimising_brings_together_mode_straight_back(qtbot, window):
    """Minimised (or hidden by "show desktop"), together mode is back at once, full screen."""
    window.showMinimized()
    qtbot.waitUntil(lambda: not window.isMinimized() and window.isVisible(), timeout=3000)
    assert window.isFullScreen()


def test_another_program_in_front_brings_together_mode_back(qtbot, window, monkeypatch):
    """When focus goes to something outside the app, together mode comes back in front."""
    returned = []
    monkeypatch.setattr(window, "come_back", lambda: returned.append(True))
    monkeypatch.setattr(QApplication, "activeWindow", staticmethod(lambda: None))
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    window._return_timer.setInterval(0)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    qtbot.waitUntil(lambda: returned == [True], timeout=2000)


def test_a_window_of_the_app_itself_may_come_in_front(qtbot, window, monkeypatch):
    """A kind message (or the idle lock's screen) is not pushed away."""
    returned = []
    other = QWidget()
    monkeypatch.setattr(window, "come_back", lambda: returned.append(True))
    monkeypatch.setattr(QApplication, "activeWindow", staticmethod(lambda: other))
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    window._return_timer.setInterval(0)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    qtbot.wait(50)
    assert returned == []


# -- focus and reading order ----------------------------------------------------------------


def test_tab_follows_reading_order_and_skips_the_card_area(qtbot, window):
    """After Next, Tab goes to the top of the screen, then the page top to bottom."""
    window.go_to(Page.PEOPLE)
    window.next_button.setFocus()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is Page.PLACE
    window.next_button.setFocus()
    qtbot.keyClick(window.next_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.trail.steps[0]
    page = window.page_widget(Page.PLACE)
    order = []
    widget = QApplication.focusWidget()
    for _ in range(30):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget = widget.nextInFocusChain()
        if widget is window.trail.steps[0]:
            break
    assert not [w for w in order if isinstance(w, CardGrid)]
    cards = page.grid.cards
    assert order.index(page.read_button) < order.index(cards[0]) < order.index(cards[-1])
    assert (
        order.index(cards[-1]) < order.index(window.back_button) < order.index(window.next_button)
    )
