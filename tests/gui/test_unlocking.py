"""Unlocking as a worker expects: the name remembered, Enter from either box, a passphrase that
can be changed in the app, and a new one chosen after the recovery key was used (on record)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from session_support import FakeClock, _session, _unlock_later
from trust_support import PASSPHRASE, TEST_COST

from lasting_home_desktop.storage.crypto import WrongPassphrase
from lasting_home_desktop.storage.folder_sealing import first_passphrase, unlock
from lasting_home_desktop.ui.unlock_screen import UnlockScreen

NEW = "green umbrella by the door"


def test_the_name_is_remembered_and_enter_unlocks_from_either_box(qtbot, data_dir):
    """Next time the name is already there; Enter in the name box unlocks too."""
    first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    screen = UnlockScreen(data_dir, cost=TEST_COST)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.unlocked):
        _unlock_later(screen, "Priya Shah", PASSPHRASE)
    again = UnlockScreen(data_dir, cost=TEST_COST)
    qtbot.addWidget(again)
    assert again.name.text() == "Priya Shah"
    again.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(again.unlocked):
        QTest.keyClick(again.name, Qt.Key.Key_Return)


def test_the_recovery_key_leads_to_a_new_passphrase_and_is_on_record(qtbot, data_dir, today):
    """Forgotten passphrase: the recovery key opens the folder, a new passphrase must be set
    before anything else, and the audit trail says the recovery key was used."""
    created = first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    session, _holder, _messages = _session(qtbot, data_dir, today, FakeClock())
    screen = session.unlock_screen
    screen.use_recovery.setChecked(True)
    _unlock_later(screen, "Priya Shah", created.recovery_key)
    assert session.window is None  # not in yet
    assert screen.pages.currentWidget() is screen.new_page
    screen.new_page.passphrase.setText(NEW)
    screen.new_page.repeat.setText(NEW + " typo")
    screen.new_page.button.click()
    assert "different" in screen.new_page.problem.text() and session.window is None
    screen.new_page.repeat.setText(NEW)
    screen.new_page.button.click()
    assert session.window is not None and session.window.isVisible()
    assert unlock(data_dir, NEW)._data_key == created.key._data_key
    with pytest.raises(WrongPassphrase):
        unlock(data_dir, PASSPHRASE)
    actions = [entry.action for entry in session.store.audit.entries()]
    assert actions[:2] == ["unlocked", "recovery-key-used"]
    session.close()


def test_the_passphrase_can_be_changed_in_the_app(qtbot, data_dir, today):
    """Records and safety → Change the passphrase: the old one is checked, the new one works,
    the old one no longer does, and the change is on record."""
    first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    session, holder, messages = _session(qtbot, data_dir, today, FakeClock())
    _unlock_later(session.unlock_screen, "Priya Shah", PASSPHRASE)
    menu = holder["menu"]
    attempts = []

    def fill(dialog) -> bool:
        dialog.current.setText("not the passphrase at all")
        dialog.new.setText(NEW)
        dialog.repeat.setText(NEW)
        attempts.append(dialog.try_change())
        attempts.append(dialog.problem.text())
        dialog.current.setText(PASSPHRASE)
        return dialog.try_change()

    menu.run_dialog = fill
    assert menu.change_passphrase()
    assert attempts[0] is False and "does not open" in attempts[1]
    assert unlock(data_dir, NEW)._data_key == session.store.key._data_key
    with pytest.raises(WrongPassphrase):
        unlock(data_dir, PASSPHRASE)
    assert session.store.audit.entries()[-1].action == "passphrase-changed"
    assert messages.told[-1][0] == "Passphrase changed"
    session.close()
