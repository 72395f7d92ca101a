"""Passphrases on the command line and in the app: the same growing wait everywhere, a wait
record that cannot be deleted or edited away, the same passphrase however it was typed,
`recover` with the recovery key, and no plain folder made by a task."""

import json
import time
import unicodedata

import pytest
from trust_support import PASSPHRASE, TEST_COST, fill_folder

from lasting_home_desktop.cli import main
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.crypto import KEY_FILE_NAME, UNLOCK_TRIES_NAME, WrongPassphrase
from lasting_home_desktop.storage.folder_sealing import (
    first_passphrase,
    unlock,
    unlock_by_recovery_key,
)
from lasting_home_desktop.storage.unlock_tries import FREE_TRIES, LONGEST_WAIT_SECONDS, UnlockTries


def run(capsys, *argv):
    code = main([str(part) for part in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def no_passphrase_variable(monkeypatch):
    monkeypatch.delenv("LASTING_HOME_PASSPHRASE", raising=False)
    monkeypatch.setattr("lasting_home_desktop.cli.common.NEW_PASSPHRASE_COST", TEST_COST)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)


@pytest.fixture
def sealed(data_dir, today):
    created = first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    fill_folder(data_dir, today, created.key, count=2)
    return data_dir, created


def _guess(capsys, folder, monkeypatch, guess):
    monkeypatch.setenv("LASTING_HOME_PASSPHRASE", guess)
    return run(capsys, "check", "--data-dir", folder, "--today", "22/11/2026")


# -- 10. the same wait on the command line ------------------------------------------------------


def test_the_command_line_makes_guessers_wait_like_the_app(capsys, sealed, monkeypatch):
    """After five wrong passphrases a task is refused without trying, even with the right
    one, until the wait is over; the count is the app's."""
    folder, _ = sealed
    for _ in range(FREE_TRIES):
        code, _, err = _guess(capsys, folder, monkeypatch, "a wrong guess, again")
        assert code == 1 and "does not open" in err
    code, _, err = _guess(capsys, folder, monkeypatch, PASSPHRASE)
    assert code == 1 and "please wait" in err and "0:3" in err
    assert UnlockTries(folder).wrong == FREE_TRIES
    assert UnlockTries(folder).seconds_to_wait() > 20


def test_waiting_is_over_and_the_right_passphrase_resets_the_count(capsys, sealed, monkeypatch):
    """Once the wait has passed, the right passphrase works and the count starts again."""
    folder, _ = sealed
    clock = [time.time()]
    for _ in range(FREE_TRIES):
        UnlockTries(folder, lambda: clock[0]).failed()
    later = clock[0] + 31
    monkeypatch.setattr("lasting_home_desktop.storage.unlock_tries.time.time", lambda: later)
    code, _, err = _guess(capsys, folder, monkeypatch, PASSPHRASE)
    assert code == 0, err
    assert UnlockTries(folder).wrong == 0


def test_deleting_the_wait_record_does_not_skip_the_wait(sealed):
    """The wrong-tries record cannot simply be deleted to try again at once."""
    folder, _ = sealed
    tries = UnlockTries(folder)
    for _ in range(FREE_TRIES + 1):
        tries.failed()
    (folder / UNLOCK_TRIES_NAME).unlink()
    assert UnlockTries(folder).seconds_to_wait() >= 60


def test_editing_the_wait_record_does_not_skip_the_wait(sealed):
    """Setting the count back to nought by hand is noticed, and waited for."""
    folder, _ = sealed
    tries = UnlockTries(folder)
    for _ in range(FREE_TRIES + 1):
        tries.failed()
    path = folder / UNLOCK_TRIES_NAME
    saved = json.loads(path.read_text())
    saved.update(wrong=0, wait_until=0)
    path.write_text(json.dumps(saved))
    assert UnlockTries(folder).seconds_to_wait() >= 60


def test_a_huge_wait_until_never_freezes_the_app(sealed):
    """A wait written as the year 3000 is held to the longest wait there is."""
    folder, _ = sealed
    tries = UnlockTries(folder)
    tries.failed()
    path = folder / UNLOCK_TRIES_NAME
    saved = json.loads(path.read_text())
    saved["wait_until"] = 1e300
    path.write_text(json.dumps(saved))
    assert 0 < UnlockTries(folder).seconds_to_wait() <= LONGEST_WAIT_SECONDS


def test_a_wait_record_for_a_folder_never_unlocked_wrongly_costs_nothing(sealed):
    """A new folder, with no wrong tries, never makes anyone wait."""
    folder, _ = sealed
    assert UnlockTries(folder).seconds_to_wait() == 0


# -- 10. the same passphrase however it was typed -----------------------------------------------


@pytest.mark.parametrize("typed_first", ["NFC", "NFD"])
def test_the_same_passphrase_typed_in_either_form_opens_the_folder(data_dir, typed_first):
    """'Zoë' typed as one letter or as e plus a dot-pair is the same passphrase."""
    words = "Zoë and Łukasz, خوش آمدید"
    created = first_passphrase(data_dir, unicodedata.normalize(typed_first, words), TEST_COST)
    for form in ("NFC", "NFD"):
        assert unlock(data_dir, unicodedata.normalize(form, words))._data_key == (
            created.key._data_key
        )
    with pytest.raises(WrongPassphrase):
        unlock(data_dir, "Zoe and Lukasz")


def test_an_empty_passphrase_variable_is_mentioned(capsys, sealed, monkeypatch):
    """LASTING_HOME_PASSPHRASE set to nothing is not silently ignored."""
    folder, _ = sealed
    monkeypatch.setenv("LASTING_HOME_PASSPHRASE", "")
    code, _, err = run(capsys, "check", "--data-dir", folder)
    assert code == 1
    assert "LASTING_HOME_PASSPHRASE is set but empty" in err


# -- 7. recover --------------------------------------------------------------------------------


def test_recover_sets_a_new_passphrase_with_the_recovery_key(capsys, sealed, tmp_path):
    """`recover` opens the folder with the recovery key and sets a new passphrase; the old
    one stops working and the recovery key still works."""
    folder, created = sealed
    recovery_file = tmp_path / "recovery.txt"
    recovery_file.write_text(created.recovery_key.lower().replace("-", " ") + "\n")
    new_file = tmp_path / "new.txt"
    new_file.write_text("a brand new passphrase for us\n")
    code, out, err = run(
        capsys,
        "recover",
        "--data-dir",
        folder,
        "--recovery-key-file",
        recovery_file,
        "--new-passphrase-file",
        new_file,
    )
    assert code == 0, err
    assert "new passphrase" in out
    with pytest.raises(WrongPassphrase):
        unlock(folder, PASSPHRASE)
    key = unlock(folder, "a brand new passphrase for us")
    assert unlock_by_recovery_key(folder, created.recovery_key)._data_key == key._data_key
    with CaseloadStore.open(folder, key=key) as store:
        assert len(store.children()) == 2


def test_recover_rebuilds_a_missing_key_file(capsys, sealed, tmp_path):
    """With the key file gone, `recover` makes it again from its copy."""
    folder, created = sealed
    (folder / KEY_FILE_NAME).unlink()
    recovery_file = tmp_path / "recovery.txt"
    recovery_file.write_text(created.recovery_key)
    new_file = tmp_path / "new.txt"
    new_file.write_text("another new passphrase here")
    code, out, err = run(
        capsys,
        "recover",
        "--data-dir",
        folder,
        "--recovery-key-file",
        recovery_file,
        "--new-passphrase-file",
        new_file,
    )
    assert code == 0, err
    assert (folder / KEY_FILE_NAME).is_file() and "key file" in out
    assert unlock(folder, "another new passphrase here")


def test_recover_with_a_wrong_recovery_key_changes_nothing_and_counts(capsys, sealed, tmp_path):
    """A wrong recovery key is one kind line, nothing changes, and it counts as a wrong try."""
    folder, _ = sealed
    before = (folder / KEY_FILE_NAME).read_bytes()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    new_file = tmp_path / "new.txt"
    new_file.write_text("a brand new passphrase for us")
    code, _, err = run(
        capsys,
        "recover",
        "--data-dir",
        folder,
        "--recovery-key-file",
        wrong,
        "--new-passphrase-file",
        new_file,
    )
    assert code == 1 and "recovery key does not open" in err
    assert (folder / KEY_FILE_NAME).read_bytes() == before
    assert UnlockTries(folder).wrong == 1


# -- 12. no task makes a plain folder -----------------------------------------------------------


def test_a_task_never_makes_a_new_plain_folder(capsys, data_dir):
    """Adding children to a new folder without a passphrase is refused: a new folder is
    encrypted from its first write."""
    code, _, err = run(capsys, "demo-data", "--data-dir", data_dir, "--children", 2)
    assert code == 1 and "passphrase" in err
    assert not data_dir.exists() or not any(data_dir.rglob("*.json"))
