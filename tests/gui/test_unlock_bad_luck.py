"""What the worker is told when the folder cannot be written, when an old plain folder is
encrypted in place, and when the record of wrong passphrases was tampered with."""

from __future__ import annotations

from trust_support import (
    PASSPHRASE,
    TEST_COST,
    fill_folder,
    legacy_folder,
    read_only_folder,
)

from lasting_home_desktop.app import open_store
from lasting_home_desktop.storage.crypto import UNLOCK_TRIES_NAME
from lasting_home_desktop.storage.folder_sealing import first_passphrase, plain_files
from lasting_home_desktop.storage.unlock_tries import LONGEST_WAIT_SECONDS
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.unlock_screen import UnlockScreen


def test_a_read_only_folder_is_explained_plainly_when_the_app_opens(qapp, data_dir, today):
    """Not 'something unexpected went wrong': the folder cannot be written, nothing is lost."""
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    fill_folder(data_dir, today, key, count=1)
    messages = RecordedMessages()
    with read_only_folder(data_dir):
        assert open_store(data_dir, messages, key) is None
    (headline, detail, problem), *_ = messages.told
    assert problem and "could not open" in headline
    assert "cannot be written" in detail and "Nothing has been lost" in detail
    assert "unexpected" not in detail


def test_setting_up_a_read_only_folder_says_so_kindly(qtbot, data_dir):
    """Choosing a passphrase for a folder that cannot be written is explained on the page."""
    data_dir.mkdir()
    screen = UnlockScreen(data_dir, cost=TEST_COST)
    qtbot.addWidget(screen)
    screen.new_name.setText("Priya Shah")
    screen.new_passphrase.setText(PASSPHRASE)
    screen.repeat_passphrase.setText(PASSPHRASE)
    with read_only_folder(data_dir):
        screen.set_up_button.click()
    assert "cannot be written" in screen.set_up_problem.text()
    assert "Nothing has been lost" in screen.set_up_problem.text()
    assert screen.recovery_key.text() == ""


def test_encrypting_an_old_plain_folder_tells_about_the_disk_and_loses_nothing(qtbot, tmp_path):
    """At the moment an old folder is encrypted in place, the worker reads that old copies may
    stay in the disk's free space, and that the laptop's disk encryption protects them."""
    folder = legacy_folder(tmp_path, "plain")
    screen = UnlockScreen(folder, cost=TEST_COST)
    qtbot.addWidget(screen)
    screen.new_name.setText("Priya Shah")
    screen.new_passphrase.setText(PASSPHRASE)
    screen.repeat_passphrase.setText(PASSPHRASE)
    screen.set_up_button.click()
    screen.written_down.setChecked(True)
    with qtbot.waitSignal(screen.unlocked) as got:
        screen.continue_button.click()
    messages = RecordedMessages()
    store = open_store(folder, messages, got.args[0])
    assert store is not None
    try:
        assert len(store.children()) == 3
    finally:
        store.close()
    told = " ".join(detail for _, detail, _ in messages.told)
    assert "free space" in told and "disk encryption" in told
    assert not plain_files(folder)


def test_a_deleted_wait_record_makes_the_screen_wait_and_say_why(qtbot, data_dir):
    """Deleting the record of wrong passphrases does not skip the wait; the screen says why."""
    first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    (data_dir / UNLOCK_TRIES_NAME).unlink()
    screen = UnlockScreen(data_dir, clock=lambda: 1000.0, cost=TEST_COST)
    qtbot.addWidget(screen)
    assert 0 < screen.seconds_to_wait() <= LONGEST_WAIT_SECONDS
    assert not screen.unlock_button.isEnabled()
    assert "missing or had been changed" in screen.countdown.text()
