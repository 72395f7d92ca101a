"""Only the worker's PIN leaves together mode: the button, closing the window, any shortcut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcutEvent
from PySide6.QtWidgets import QApplication, QMainWindow
from together_support import PIN, force_close, leave_with_pin, open_caseload, together

from lasting_home_desktop.storage.child_voice import WorkerPin


def test_first_use_asks_the_worker_to_set_a_pin(qtbot, data_dir, today):
    """With no PIN yet, the worker sets one (twice, the same) before the child starts."""
    store, child_id = open_caseload(data_dir, today, pin=None)
    win = together(store, child_id, today)
    try:
        panel = win.pin_panel
        assert win.pin_showing() and panel.setting and panel.again_edit.isVisible()
        panel.pin_edit.setText("12")
        panel.ok_button.click()
        assert "4 to 12 numbers" in panel.problem.text()
        panel.pin_edit.setText("5071")
        panel.again_edit.setText("5072")
        panel.ok_button.click()
        assert "different" in panel.problem.text() and not WorkerPin(store).is_set()
        panel.pin_edit.setText("5071")
        panel.again_edit.setText("5071")
        panel.ok_button.click()
        assert not win.pin_showing() and WorkerPin(store).check("5071")
        win.close()
        assert win.isVisible() and win.pin_showing()  # from now on the PIN guards the way out
    finally:
        force_close(win)
        store.close()


def test_leave_button_needs_the_right_pin(qtbot, window):
    """A wrong PIN keeps the child's screen; the right one closes it."""
    window.leave_button.click()
    assert window.pin_showing() and not window.stack.isVisible()
    window.pin_panel.pin_edit.setText("0000")
    window.pin_panel.ok_button.click()
    assert window.isVisible() and "isn't right" in window.pin_panel.problem.text()
    window.pin_panel.back_button.click()
    assert not window.pin_showing() and window.stack.isVisible()
    leave_with_pin(qtbot, window)
    assert not window.isVisible()


def test_closing_the_window_asks_for_the_pin(qtbot, window):
    """The window's close button (or Alt+F4 from the desktop) does not close it."""
    assert window.close() is False
    assert window.isVisible() and window.pin_showing()
    window.pin_panel.pin_edit.setText(PIN)
    with qtbot.waitSignal(window.closed):
        window.pin_panel.ok_button.click()
    assert not window.isVisible()


@pytest.mark.parametrize(
    "key, modifier",
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_keyboard_shortcuts_ask_for_the_pin(qtbot, window, key, modifier):
    """Escape, Ctrl+W, Ctrl+Q, Alt+F4 and Ctrl+F4 bring up the PIN, never close."""
    card = window.page_widget(window.current_page()).read_button
    card.setFocus()
    qtbot.keyClick(card, key, modifier)
    assert window.isVisible() and window.pin_showing()
    if key == Qt.Key.Key_Escape:
        qtbot.keyClick(window.pin_panel.pin_edit, key)  # Escape on the PIN panel goes back
        assert not window.pin_showing()


def test_other_windows_shortcuts_do_nothing_meanwhile(qtbot, window):
    """A worker-window shortcut (export, search) cannot fire while the child is at the screen."""
    worker = QMainWindow()
    fired = []
    export = QAction("Export everything", worker)
    export.setShortcut(QKeySequence("Ctrl+E"))
    export.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    export.triggered.connect(lambda: fired.append(True))
    worker.addAction(export)
    QApplication.sendEvent(export, QShortcutEvent(QKeySequence("Ctrl+E"), 0))
    assert fired == []
    force_close(window)
    QApplication.sendEvent(export, QShortcutEvent(QKeySequence("Ctrl+E"), 0))
    assert fired == [True]  # after together mode the worker's shortcuts work again
    worker.deleteLater()


def test_together_mode_blocks_the_rest_of_the_app(window):
    """The child's window is application-modal: nothing behind it takes clicks."""
    assert window.windowModality() is Qt.WindowModality.ApplicationModal


def test_wrong_pins_make_the_next_try_wait(qtbot, caseload, today):
    """After five wrong PINs the panel says how long to wait and takes no PIN until then."""
    store, child_id = caseload
    now = [5000.0]
    win = together(store, child_id, today)
    try:
        win.pin = win.pin_panel.pin = WorkerPin(store, clock=lambda: now[0])
        win.request_leave()
        for _ in range(5):
            win.pin_panel.pin_edit.setText("0000")
            win.pin_panel.ok_button.click()
        assert "wait 30 seconds" in win.pin_panel.problem.text()
        assert not win.pin_panel.ok_button.isEnabled()
        now[0] += 31
        win.pin_panel.show_wait()
        assert win.pin_panel.ok_button.isEnabled()
        leave_with_pin(qtbot, win)
    finally:
        force_close(win)


def test_an_easy_pin_is_refused_when_set(qtbot, data_dir, today):
    """1111 or 1234 is refused with a reason the worker understands."""
    store, child_id = open_caseload(data_dir, today, pin=None)
    win = together(store, child_id, today)
    try:
        win.pin_panel.pin_edit.setText("1234")
        win.pin_panel.again_edit.setText("1234")
        win.pin_panel.ok_button.click()
        assert "easy for someone to guess" in win.pin_panel.problem.text()
        assert not WorkerPin(store).is_set()
    finally:
        force_close(win)
        store.close()
