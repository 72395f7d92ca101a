"""The idle lock always works: whatever was open when it came (a message box, a file or print
dialog, a menu, a drop-down list, the together-mode PIN), the unlock screen takes the keyboard
and mouse, and after unlocking the worker is back where they were, with their typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QMenu, QMessageBox
from session_support import FakeClock, _session, _unlock_later
from together_support import force_close, together
from trust_support import PASSPHRASE, TEST_COST

from lasting_home_desktop.domain.child import ChildRecord
from lasting_home_desktop.storage.child_voice import WorkerPin
from lasting_home_desktop.storage.folder_sealing import first_passphrase


@pytest.fixture
def running(qtbot, data_dir, today):
    """The app unlocked on a folder with one child open at the matching meeting."""
    first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    clock = FakeClock()
    session, _holder, messages = _session(qtbot, data_dir, today, clock)
    _unlock_later(session.unlock_screen, "Priya Shah", PASSPHRASE)
    child = session.store.add_child(ChildRecord("Maya", "Khan"), today)
    session.window.open_child(child.id)
    meeting = session.window.child_page.section("Matching meeting")
    meeting.concerns.setPlainText("Typed before the lock")
    yield session, clock, meeting
    session.close()


def lock_now(session, clock) -> None:
    clock.now += 31 * 60
    session.idle.check()


def unlock_takes_the_input(session) -> bool:
    """The unlock screen is shown and is the window input goes to, above any other modal."""
    screen = session.unlock_screen
    return screen.isVisible() and QApplication.activeModalWidget() is screen


def run_over_modal(dialog, session, clock) -> dict:
    """Open `dialog` modally; while it waits, lock, check and unlock; then close it."""
    seen: dict = {}

    def while_open() -> None:
        seen["dialog was up"] = dialog.isVisible()
        lock_now(session, clock)
        seen["unlock takes input"] = unlock_takes_the_input(session)
        seen["dialog hidden"] = dialog.windowOpacity() == 0.0 or not dialog.isVisible()
        _unlock_later(session.unlock_screen, "Priya Shah", PASSPHRASE)
        seen["dialog back"] = dialog.isVisible() and dialog.isEnabled()
        seen["window back"] = session.window.isVisible()
        dialog.reject()

    QTimer.singleShot(0, while_open)
    dialog.exec()
    return seen


def everything_came_back(seen: dict) -> bool:
    return all(seen.values()) and len(seen) == 5


def test_over_a_message_box(running):
    session, clock, meeting = running
    box = QMessageBox(session.window)
    box.setText("Please check the matching meeting record")
    assert everything_came_back(run_over_modal(box, session, clock))
    assert meeting.concerns.toPlainText() == "Typed before the lock"


def test_over_a_file_dialog(running):
    session, clock, meeting = running
    dialog = QFileDialog(session.window, "Save the PDF")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    assert everything_came_back(run_over_modal(dialog, session, clock))
    assert meeting.concerns.toPlainText() == "Typed before the lock"


def test_over_a_print_dialog(running):
    session, clock, meeting = running
    printer = QPrinter()  # kept alive for as long as the dialog uses it
    dialog = QPrintDialog(printer, session.window)
    assert everything_came_back(run_over_modal(dialog, session, clock))


def test_over_a_menu_and_a_drop_down_list(running, qtbot):
    """Menus and lists grab the mouse: they are closed (nothing is lost by that)."""
    session, clock, meeting = running
    menu = QMenu(session.window)
    menu.addAction("Hand over this record…")
    menu.popup(session.window.mapToGlobal(session.window.rect().center()))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    lock_now(session, clock)
    assert QApplication.activePopupWidget() is None
    assert unlock_takes_the_input(session)
    _unlock_later(session.unlock_screen, "Priya Shah", PASSPHRASE)
    combo: QComboBox = meeting.recommendation
    combo.showPopup()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    lock_now(session, clock)
    assert QApplication.activePopupWidget() is None and unlock_takes_the_input(session)
    _unlock_later(session.unlock_screen, "Priya Shah", PASSPHRASE)
    assert session.window.isVisible()
    assert meeting.concerns.toPlainText() == "Typed before the lock"


def test_over_the_together_mode_pin(running, today):
    """The PIN panel was up in together mode: the child sees 'waiting for your worker', which
    takes the input; the worker unlocks and together mode is back as it was."""
    session, clock, _meeting = running
    store = session.store
    child = store.children()[0]
    WorkerPin(store).set("5827")
    window = together(store, child.id, today)
    try:
        window.request_leave()
        assert window.pin_showing()
        lock_now(session, clock)
        waiting = session.screen_lock.waiting
        assert waiting is not None and QApplication.activeModalWidget() is waiting
        waiting.worker_button.click()
        assert unlock_takes_the_input(session)
        _unlock_later(session.unlock_screen, "Priya Shah", PASSPHRASE)
        assert window.isVisible() and window.pin_showing()
        assert session.screen_lock.waiting is None
    finally:
        force_close(window)


def test_the_lock_keeps_the_typing_as_a_draft(running):
    """The laptop may be shut while locked: the typing is already a draft by then."""
    session, clock, meeting = running
    lock_now(session, clock)
    assert session.store.drafts.get(meeting.context.child_id, "matching_meeting") is not None
    _unlock_later(session.unlock_screen, "Priya Shah", PASSPHRASE)
    assert meeting.concerns.toPlainText() == "Typed before the lock"
