"""Someone with the laptop but without the passphrase tries to change what the folder says: two
set-ups racing, files swapped, dropped in or put back from an older copy, the audit trail cut
short or forged. Each attempt is noticed and named; nothing of the real data is lost."""

import json
import os
import re
import shutil
import subprocess
import sys
import time

import pytest
from trust_support import PASSPHRASE, TEST_COST, fill_folder, jpeg_photo

from lasting_home_desktop.storage.anchor import database_anchor, read_anchor
from lasting_home_desktop.storage.audit import AUDIT_NAME, AuditTrail, entry_hash
from lasting_home_desktop.storage.caseload import DATABASE_NAME, CaseloadStore
from lasting_home_desktop.storage.crash_safe import DamagedDatabase
from lasting_home_desktop.storage.drawings import DrawingLibrary
from lasting_home_desktop.storage.folder_health import check_folder
from lasting_home_desktop.storage.folder_sealing import first_passphrase, unlock

# Waits for the starting gun, then runs one command-line task, so two start together.
RACER = """
import os, sys, time
gun = sys.argv[1]
while not os.path.exists(gun):
    time.sleep(0.001)
from lasting_home_desktop.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.fixture
def sealed(data_dir, today):
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    children = fill_folder(data_dir, today, key, count=4)
    return data_dir, key, children


def _problems(folder, key, today) -> str:
    return "\n".join(check_folder(folder, key, today).problems)


# -- 1. two first-time set-ups at once ---------------------------------------------------------


@pytest.mark.parametrize("old_plain_folder", [False, True], ids=["new folder", "old plain folder"])
def test_two_first_setups_at_once_lose_nothing(tmp_path, today, old_plain_folder):
    """Two tasks given a passphrase on a folder without one, started together: one sets it up,
    the other uses it or is told the folder is busy; the passphrase and the one recovery key
    printed both open every child."""
    folder = tmp_path / "data"
    if old_plain_folder:
        fill_folder(folder, today, None, count=2)
    gun = tmp_path / "go"
    env = {**os.environ, "LASTING_HOME_PASSPHRASE": PASSPHRASE}
    racers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                RACER,
                str(gun),
                "demo-data",
                "--data-dir",
                str(folder),
                "--children",
                "3",
                "--seed",
                str(seed),
                "--today",
                "22/11/2026",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in (1, 2)
    ]
    time.sleep(0.3)  # both are waiting at the line
    gun.touch()
    results = [racer.communicate(timeout=60) for racer in racers]
    codes = [racer.returncode for racer in racers]
    keys = [k for out, _ in results for k in re.findall(r"recovery key[^:]*: ([A-Z0-9-]{29})", out)]
    assert len(keys) == 1, results  # set up once, by one of them
    assert 0 in codes, results
    for code, (_, err) in zip(codes, results, strict=True):
        assert code == 0 or "already open" in err, err  # the other waited its turn or was told
    expected = 3 * codes.count(0) + (2 if old_plain_folder else 0)
    key = unlock(folder, PASSPHRASE)
    assert _recovery_unlock(folder, keys[0])._data_key == key._data_key
    with CaseloadStore.open(folder, key=key) as store:
        assert len(store.children()) == expected
    assert _problems(folder, key, today) == ""


def _recovery_unlock(folder, recovery_key):
    from lasting_home_desktop.storage.folder_sealing import unlock_by_recovery_key

    return unlock_by_recovery_key(folder, recovery_key)


def test_a_second_setup_never_replaces_the_key_file(data_dir, today):
    """Setting up a folder that already has a passphrase is refused and changes nothing."""
    from lasting_home_desktop.storage.key_file import AlreadySetUp

    created = first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    fill_folder(data_dir, today, created.key, count=1)
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    with pytest.raises(AlreadySetUp):
        first_passphrase(data_dir, "another passphrase entirely", TEST_COST)
    assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == before


# -- 2. sealed files are tied to what they are --------------------------------------------------


def test_a_plain_database_dropped_into_an_encrypted_folder_is_refused(sealed, today):
    """A forged plain database is never read or sealed: opening refuses it, check names it."""
    folder, key, _ = sealed
    forged = {"children": {"1": {"id": "aaaaaaaaaaaa", "first_name": "Forged"}}}
    (folder / DATABASE_NAME).write_text(json.dumps(forged))
    assert "database is not encrypted" in _problems(folder, key, today)
    with pytest.raises(DamagedDatabase) as caught:
        CaseloadStore.open(folder, key=key)
    assert "not encrypted" in caught.value.reason
    assert json.loads((folder / DATABASE_NAME).read_text()) == forged  # left as it was


def test_an_older_copy_of_the_database_put_back_is_noticed(sealed, today):
    """The database from earlier (43 children become 40) is noticed as older than the last
    one this folder saved, by check and when opening."""
    folder, key, children = sealed
    older = (folder / DATABASE_NAME).read_bytes()
    with CaseloadStore.open(folder, key=key) as store:
        store.archive_child(children[0].id)
    (folder / DATABASE_NAME).write_bytes(older)
    assert "older than the last one this folder saved" in _problems(folder, key, today)
    with pytest.raises(DamagedDatabase) as caught:
        CaseloadStore.open(folder, key=key)
    assert "older" in caught.value.reason


def _saved_generation(folder, key) -> int:
    sealed = (folder / DATABASE_NAME).read_bytes()
    opened = key.open_sealed(sealed, role="database", name=DATABASE_NAME)
    return database_anchor(json.loads(opened)).generation


def test_each_save_is_anchored_with_its_audit_entry(sealed, today):
    """A save and the audit entry that follows it move the anchor together: straight after,
    it knows both the database's new generation and the trail's new length."""
    folder, key, children = sealed
    with CaseloadStore.open(folder, key=key) as store:
        store.archive_child(children[0].id)
        anchor = read_anchor(folder, key)
        assert anchor.generation == _saved_generation(folder, key)
        assert anchor.audit_count == len((folder / AUDIT_NAME).read_bytes().splitlines())
    assert not _problems(folder, key, today)


def test_a_save_with_no_audit_entry_is_anchored_at_once(sealed, today):
    """A save the audit trail does not list (a team clash noted) still moves the anchor
    straight away, so the database from before it cannot be put back unseen, even if the
    app is killed before it closes."""
    folder, key, children = sealed
    older = (folder / DATABASE_NAME).read_bytes()
    lines_before = (folder / AUDIT_NAME).read_bytes().count(b"\n")
    store = CaseloadStore.open(folder, key=key)
    store.receive_team_parts([], {children[0].id: {"record": ["service"]}})
    assert (folder / AUDIT_NAME).read_bytes().count(b"\n") == lines_before
    assert read_anchor(folder, key).generation == _saved_generation(folder, key)
    (folder / DATABASE_NAME).write_bytes(older)
    assert "older than the last one this folder saved" in _problems(folder, key, today)
    store.close()


def test_a_backup_put_in_place_of_the_database_is_refused(sealed, today):
    """A sealed backup is sealed as a backup: in the database's place it does not open."""
    folder, key, _ = sealed
    backup = sorted((folder / "backups").glob("lasting-home-*.json"))[0]
    shutil.copyfile(backup, folder / DATABASE_NAME)
    assert "database" in _problems(folder, key, today)
    with pytest.raises(DamagedDatabase):
        CaseloadStore.open(folder, key=key)


def test_two_childrens_drawings_swapped_are_refused(sealed, today):
    """Each picture is sealed with its child and its name: swapped files show as damaged,
    never as the other child's drawing."""
    folder, key, children = sealed
    first, second = children[0], children[1]
    with CaseloadStore.open(folder, key=key) as store:
        library = DrawingLibrary(store)
        a = library.drawings(first.id)[0].drawing_id
        b = library.drawings(second.id)[0].drawing_id
        path_a, path_b = library.png_path(first.id, a), library.png_path(second.id, b)
    raw_a, raw_b = path_a.read_bytes(), path_b.read_bytes()
    path_a.write_bytes(raw_b)
    path_b.write_bytes(raw_a)
    with CaseloadStore.open(folder, key=key) as store:
        library = DrawingLibrary(store)
        assert library.png_bytes(first.id, a) is None
        assert library.png_bytes(second.id, b) is None
    problems = _problems(folder, key, today)
    assert f"{first.id}/{a}.png" in problems and f"{second.id}/{b}.png" in problems


def test_a_plain_picture_dropped_into_an_encrypted_folder_is_refused(sealed, today):
    """A plain photo put among the sealed ones is neither shown nor sealed, and check names
    it."""
    folder, key, children = sealed
    with CaseloadStore.open(folder, key=key) as store:
        media_id = store.media.put(children[0].id, jpeg_photo(), "jpg")
        path = store.media.path(children[0].id, media_id, "jpg")
    path.write_bytes(jpeg_photo((0, 0, 0)))
    with CaseloadStore.open(folder, key=key) as store:
        assert store.media.read_or_none(children[0].id, media_id, "jpg") is None
    assert path.read_bytes() == jpeg_photo((0, 0, 0))
    assert f"{children[0].id}/{media_id}.jpg" in _problems(folder, key, today)


# -- 6. the audit trail cannot be cut short or replaced unseen ---------------------------------


def test_cutting_the_last_audit_lines_is_noticed(sealed, today):
    """Deleting the last entries leaves a whole-looking chain, but check sees it is short."""
    folder, key, _ = sealed
    lines = (folder / AUDIT_NAME).read_bytes().splitlines(keepends=True)
    (folder / AUDIT_NAME).write_bytes(b"".join(lines[:-2]))
    assert "audit trail has been cut short" in _problems(folder, key, today)


def test_deleting_the_whole_audit_trail_is_noticed(sealed, today):
    """No audit file at all, in a folder that wrote entries, is named as missing."""
    folder, key, _ = sealed
    (folder / AUDIT_NAME).unlink()
    assert "audit trail is missing" in _problems(folder, key, today)


def test_forged_plain_audit_lines_with_a_recomputed_chain_are_noticed(sealed, today):
    """Plain lines with correct hashes, written without the key, are not taken as entries."""
    folder, key, _ = sealed
    prev, lines = "0" * 64, []
    for number in range(3):
        fields = {
            "time": f"2026-11-22T09:00:0{number}",
            "worker": "Nobody",
            "action": "opened",
            "child_id": "",
            "detail": "",
            "prev_hash": prev,
        }
        fields["hash"] = prev = entry_hash(fields)
        lines.append(json.dumps(fields))
    (folder / AUDIT_NAME).write_text("\n".join(lines) + "\n")
    problems = _problems(folder, key, today)
    assert "not sealed" in problems
    assert AuditTrail(folder, key, read_only=True).entries() == []


# -- 7. the key file is not a single point of failure -------------------------------------------


@pytest.mark.parametrize("damage", ["deleted", "emptied", "garbled"])
def test_losing_the_key_file_loses_nothing(sealed, today, damage):
    """Without its key file the folder still opens with the passphrase or the recovery key,
    check says what happened (not 'restore'), and opening puts the key file back."""
    folder, key, children = sealed
    key_file = folder / "lasting-home.key.json"
    if damage == "deleted":
        key_file.unlink()
    elif damage == "emptied":
        key_file.write_bytes(b"")
    else:
        key_file.write_text(key_file.read_text().replace('"wrapped": "', '"wrapped": "AAAA'))
    again = unlock(folder, PASSPHRASE)
    problems = _problems(folder, again, today)
    assert "key file" in problems and "restore" not in problems
    with CaseloadStore.open(folder, key=again) as store:
        assert len(store.children()) == len(children)
    assert unlock(folder, PASSPHRASE)
    assert _problems(folder, again, today) == ""
