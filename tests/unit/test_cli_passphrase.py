"""The command line on an encrypted folder: where the passphrase comes from, and `check`
verifying the audit trail."""

import pytest
from trust_support import PASSPHRASE, TEST_COST, fill_folder

from lasting_home_desktop.cli import main
from lasting_home_desktop.storage.audit import AUDIT_NAME
from lasting_home_desktop.storage.caseload import DATABASE_NAME, CaseloadStore
from lasting_home_desktop.storage.crypto import KEY_FILE_NAME, UNLOCK_TRIES_NAME
from lasting_home_desktop.storage.folder_sealing import first_passphrase, plain_files, unlock
from lasting_home_desktop.storage.unlock_tries import UnlockTries


def run(capsys, *argv):
    code = main([str(part) for part in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sealed_folder(data_dir, today):
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    fill_folder(data_dir, today, key, count=3)
    return data_dir


@pytest.fixture(autouse=True)
def no_passphrase_variable(monkeypatch):
    monkeypatch.delenv("LASTING_HOME_PASSPHRASE", raising=False)
    monkeypatch.setattr("lasting_home_desktop.cli.common.NEW_PASSPHRASE_COST", TEST_COST)


def test_passphrase_from_a_file(capsys, sealed_folder, tmp_path):
    """--passphrase-file FILE opens the folder (a trailing newline is fine)."""
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE + "\n")
    code, out, err = run(capsys, "check", "--data-dir", sealed_folder, "--passphrase-file", secret)
    assert code == 0, err
    assert "is sound: 3 children" in out and "; encrypted;" in out


def test_passphrase_from_the_environment(capsys, sealed_folder, monkeypatch):
    """LASTING_HOME_PASSPHRASE opens the folder too."""
    monkeypatch.setenv("LASTING_HOME_PASSPHRASE", PASSPHRASE)
    code, out, _ = run(capsys, "check", "--data-dir", sealed_folder)
    # 3 children added, 3 celebrations saved, 3 records opened
    assert code == 0 and "audit trail of 9 entries whole" in out


def test_passphrase_asked_for_in_a_terminal(capsys, sealed_folder, monkeypatch):
    """In a terminal with no passphrase given, it is asked for without echo."""
    asked = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or PASSPHRASE)
    code, _, _ = run(capsys, "check", "--data-dir", sealed_folder)
    assert code == 0 and asked == [f"Passphrase for {sealed_folder}: "]


def test_no_passphrase_outside_a_terminal_is_one_clear_line(capsys, sealed_folder, monkeypatch):
    """A script without a passphrase gets one line saying how to give it, and exit 1."""
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    for argv in (["check"], ["tracker", "--csv", sealed_folder.parent / "t.csv"], ["restore"]):
        code, out, err = run(capsys, *argv, "--data-dir", sealed_folder)
        assert code == 1 and out == "" and err.count("\n") == 1
        assert "--passphrase-file" in err and "LASTING_HOME_PASSPHRASE" in err


def test_wrong_passphrase_on_the_command_line_is_kind(capsys, sealed_folder, monkeypatch):
    """A wrong passphrase is one kind line, exit 1, and nothing is changed but the count of
    wrong tries."""
    tries = sealed_folder / UNLOCK_TRIES_NAME
    before = {p: p.read_bytes() for p in sealed_folder.rglob("*") if p.is_file() and p != tries}
    monkeypatch.setenv("LASTING_HOME_PASSPHRASE", "not it at all, sorry")
    code, _, err = run(capsys, "demo-data", "--data-dir", sealed_folder)
    assert code == 1 and "does not open this data folder" in err
    after = {p: p.read_bytes() for p in sealed_folder.rglob("*") if p.is_file() and p != tries}
    assert after == before
    assert UnlockTries(sealed_folder).wrong == 1


def test_a_task_given_a_passphrase_sets_up_a_new_folder_encrypted(capsys, data_dir, monkeypatch):
    """demo-data with a passphrase makes an encrypted folder and shows its recovery key once."""
    monkeypatch.setenv("LASTING_HOME_PASSPHRASE", PASSPHRASE)
    code, out, _ = run(capsys, "demo-data", "--data-dir", data_dir, "--children", 2)
    assert code == 0 and "recovery key" in out
    assert (data_dir / KEY_FILE_NAME).exists() and not plain_files(data_dir)
    with CaseloadStore.open(data_dir, key=unlock(data_dir, PASSPHRASE)) as store:
        assert len(store.children()) == 2


def test_check_reports_an_edited_audit_line(capsys, data_dir, today):
    """Editing one line of the audit trail makes `check` fail and say which entry."""
    fill_folder(data_dir, today, None, count=2)
    path = data_dir / AUDIT_NAME
    path.write_text(path.read_text().replace("Sam Worker", "Nobody", 1))
    code, _, err = run(capsys, "check", "--data-dir", data_dir, "--today", "22/11/2026")
    assert code == 1
    assert "Audit entry 1" in err and "has been changed" in err and "1 problem found" in err


def test_check_reports_a_damaged_sealed_audit_line(capsys, sealed_folder, monkeypatch):
    """In an encrypted folder a changed audit line is caught too."""
    monkeypatch.setenv("LASTING_HOME_PASSPHRASE", PASSPHRASE)
    path = sealed_folder / AUDIT_NAME
    lines = path.read_bytes().split(b"\n")
    lines[1] = lines[1].replace(lines[1][10:14], b"ABCD")
    path.write_bytes(b"\n".join(lines))
    code, _, err = run(capsys, "check", "--data-dir", sealed_folder, "--today", "22/11/2026")
    assert code == 1 and "Audit entry 2 cannot be read" in err


def test_restore_from_the_command_line_is_in_the_audit(capsys, sealed_folder, monkeypatch):
    """Putting back a backup is written in the audit trail, as done from the command line."""
    monkeypatch.setenv("LASTING_HOME_PASSPHRASE", PASSPHRASE)
    database = sealed_folder / DATABASE_NAME
    database.write_bytes(database.read_bytes()[:200])  # damaged: cut short
    code, out, err = run(capsys, "check", "--data-dir", sealed_folder)
    assert code == 1 and "is damaged" in err and "restore" in err
    code, out, err = run(capsys, "restore", "--data-dir", sealed_folder)
    assert code == 0 and "Restored the backup" in out, err
    with CaseloadStore.open(sealed_folder, key=unlock(sealed_folder, PASSPHRASE)) as store:
        last = store.audit.entries()[-1]
        assert last.action == "restored" and last.worker.endswith("(command line)")
        assert store.audit.verify() == []
