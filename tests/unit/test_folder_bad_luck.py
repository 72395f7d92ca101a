"""Bad luck rather than an attacker: a damaged or missing picture, a deletion stopped half-way,
a full disk under the audit trail, a folder that cannot be written, and folders made by
earlier versions. Nothing is lost, and `check` says what it found."""

import errno
import os
import shutil
import unicodedata

import pytest
from trust_support import (
    LEGACY_NFC_PASSPHRASE,
    PASSPHRASE,
    TEST_COST,
    fill_folder,
    jpeg_photo,
    legacy_folder,
    legacy_recovery_key,
    names_of,
    opened_contents,
    read_only_folder,
    readable_traces,
)

from lasting_home_desktop.domain.celebration import Celebration, CelebrationPhoto
from lasting_home_desktop.storage.audit import AUDIT_NAME, AuditTrail
from lasting_home_desktop.storage.caseload import CaseloadStore, ChildNotFound
from lasting_home_desktop.storage.child_removal import delete_child_record
from lasting_home_desktop.storage.crypto import is_sealed
from lasting_home_desktop.storage.drawings import DrawingLibrary
from lasting_home_desktop.storage.folder_health import check_folder
from lasting_home_desktop.storage.folder_sealing import (
    first_passphrase,
    plain_files,
    unlock,
    unlock_by_recovery_key,
)
from lasting_home_desktop.storage.safe_files import StorageWriteError


@pytest.fixture
def sealed(data_dir, today):
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    children = fill_folder(data_dir, today, key, count=3)
    return data_dir, key, children


def _problems(folder, key, today) -> str:
    return "\n".join(check_folder(folder, key, today).problems)


# -- 3. check looks at every picture ---------------------------------------------------------


def test_check_names_a_damaged_drawing_and_a_missing_photo(sealed, today):
    """A drawing with a changed byte and a celebration photo whose file is gone are each
    named by check, with the child they belong to."""
    folder, key, children = sealed
    child = children[0]
    with CaseloadStore.open(folder, key=key) as store:
        drawing = DrawingLibrary(store).drawings(child.id)[0]
        path = DrawingLibrary(store).png_path(child.id, drawing.drawing_id)
        photo_id = store.media.put(child.id, jpeg_photo(), "jpg")
        celebration = Celebration(photos=(CelebrationPhoto(photo_id, "jpg", "Cake"),))
        store.save_section("celebration", child.id, celebration.to_dict())
        photo_path = store.media.path(child.id, photo_id, "jpg")
    assert _problems(folder, key, today) == ""
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x55
    path.write_bytes(bytes(raw))
    photo_path.unlink()
    problems = _problems(folder, key, today)
    assert f"drawing “{drawing.name}”" in problems and "is damaged" in problems
    assert f"{child.id}/{photo_id}.jpg" in problems and "is missing" in problems
    assert child.display_name in problems


def test_check_finds_a_picture_that_is_sealed_but_not_a_picture(sealed, today):
    """A file that opens with the key but holds no picture Lasting Home can show is damaged."""
    folder, key, children = sealed
    with CaseloadStore.open(folder, key=key) as store:
        media_id = store.media.put(children[1].id, b"\x89PNG\r\n\x1a\n not really", "png")
    problems = _problems(folder, key, today)
    assert f"{children[1].id}/{media_id}.png" in problems and "cannot be shown" in problems


# -- 4. an interrupted deletion is finished ----------------------------------------------------


class Stop(Exception):
    """Stands for the laptop switching off at that moment."""


@pytest.mark.parametrize(
    "stop_at", ["after the database", "after the pictures", "before the audit"]
)
def test_an_interrupted_deletion_is_finished_on_retry_and_on_the_next_open(
    sealed, today, monkeypatch, stop_at
):
    """Stopped at any step, deleting again finishes the job (no "child not found"), and so
    does simply opening the folder: no trace left, one audit entry."""
    folder, key, children = sealed
    gone = children[0]
    import lasting_home_desktop.storage.deletions as deletions

    step = {
        "after the database": "remove_pictures",
        "after the pictures": "rewrite_backups",
        "before the audit": "write_audit",
    }[stop_at]
    real = getattr(deletions, step)

    def stop(*args, **kwargs):
        raise Stop()

    monkeypatch.setattr(deletions, step, stop)
    reopened = folder.parent / "reopened"
    with CaseloadStore.open(folder, key=key) as store:
        with pytest.raises(Stop):
            delete_child_record(store, gone.id)
        shutil.copytree(folder, reopened)  # the folder as the laptop left it
        monkeypatch.setattr(deletions, step, real)
        delete_child_record(store, gone.id)  # the worker tries again
        with pytest.raises(ChildNotFound):
            delete_child_record(store, gone.id)  # and once it is done, it is done
    with CaseloadStore.open(reopened, key=key) as store:  # or the app is simply opened again
        assert any("finished deleting" in note for note in store.notes)
    for each in (folder, reopened):
        _assert_deleted_once(each, key, gone, today)


def _assert_deleted_once(folder, key, gone, today):
    contents = opened_contents(folder, key)
    for path, data in contents.items():
        assert gone.first_name.encode() not in data, f"still in {path}"
    assert not (folder / "media" / gone.id).exists()
    trail = AuditTrail(folder, key, read_only=True)
    assert [e.child_id for e in trail.entries() if e.action == "deleted"] == [gone.id]
    assert _problems(folder, key, today) == ""


def test_a_child_with_a_crafted_id_can_still_be_deleted(data_dir, today):
    """A record whose id is not one Lasting Home makes (from an older hand-over) is deleted
    completely rather than failing half-way."""
    children = fill_folder(data_dir, today, None, count=2)
    with CaseloadStore.open(data_dir) as store:
        record = {**children[0].to_dict(), "id": "../../x"}
        store.receive_child(record, {"celebration": {"notes": "crafted"}})
        delete_child_record(store, "../../x")
        with pytest.raises(ChildNotFound):
            store.child("../../x")
        assert len(store.children()) == 2


# -- 5. a full disk never breaks the audit trail -----------------------------------------------


def test_a_full_disk_never_leaves_half_an_audit_entry(sealed, monkeypatch):
    """The disk fills up half-way through an entry: the entry is refused, nothing half-written
    stays, and once there is room again the chain is whole."""
    folder, key, _ = sealed
    trail = AuditTrail(folder, key)
    trail.worker = "Priya Shah"
    real_write = os.write

    def half_then_full(fd, data):
        real_write(fd, bytes(data)[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(StorageWriteError) as caught:
        trail.record("exported", "", "Book PDF")
    assert "disk is full" in caught.value.kind_message
    monkeypatch.setattr(os, "write", real_write)
    trail.record("printed", "", "Card")
    assert trail.verify() == []
    assert [e.action for e in trail.entries()][-1] == "printed"
    assert "exported" not in [e.action for e in trail.entries()]


def test_an_audit_entry_cut_short_by_a_power_cut_is_tidied(sealed, today):
    """Half a line at the end (the power went mid-write) is tidied away when the folder next
    opens, so check passes and the next entries chain on."""
    folder, key, _ = sealed
    with open(folder / AUDIT_NAME, "ab") as handle:
        handle.write(b"S2:QUJDREVGR0hJSktM")
    with CaseloadStore.open(folder, key=key) as store:
        store.audit.worker = "Priya Shah"
        store.audit.record("printed")
        assert store.audit.verify() == []
    assert _problems(folder, key, today) == ""


# -- 11. a folder that cannot be written ------------------------------------------------------


@pytest.fixture
def read_only(sealed):
    with read_only_folder(sealed[0]):
        yield sealed


def test_a_read_only_folder_is_explained_and_loses_nothing(read_only, today):
    """Opening a folder that cannot be written says so plainly and that nothing was lost."""
    folder, key, children = read_only
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    with pytest.raises(StorageWriteError) as caught:
        CaseloadStore.open(folder, key=key)
    message = caught.value.kind_message
    assert "cannot be written" in message and "Nothing has been lost" in message
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    with CaseloadStore.open(folder, lock=False, key=key) as look:  # reading still works
        assert len(look.children()) == len(children)


def test_a_task_on_a_read_only_folder_is_one_plain_line(read_only, capsys, monkeypatch):
    """The command line says the folder cannot be written and nothing was lost, never
    'something unexpected went wrong'; `check` still reads it."""
    from lasting_home_desktop.cli import main

    folder = read_only[0]
    monkeypatch.setenv("LASTING_HOME_PASSPHRASE", PASSPHRASE)
    code = main(["demo-data", "--data-dir", str(folder), "--children", "2"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert "cannot be written" in err and "Nothing has been lost" in err
    assert "unexpected" not in err
    assert main(["check", "--data-dir", str(folder), "--today", "22/11/2026"]) == 0


# -- folders made by earlier versions ---------------------------------------------------------


def test_an_encrypted_folder_from_the_last_version_opens_and_is_brought_up_to_date(tmp_path, today):
    """Sealed files without the new binding open, are resealed with it, and the passphrase
    works typed either way (it was typed in NFD form back then)."""
    folder = legacy_folder(tmp_path, "sealed")
    recovery = legacy_recovery_key(folder)
    key = unlock(folder, LEGACY_NFC_PASSPHRASE)
    assert unlock(folder, unicodedata.normalize("NFD", LEGACY_NFC_PASSPHRASE))
    with CaseloadStore.open(folder, key=key) as store:
        assert store.notes == []  # nothing to tell: nothing was wrong
        children = store.children()
        assert len(children) == 3
        assert all(DrawingLibrary(store).drawings(c.id) for c in children)
        lines = (folder / "lasting-home.audit").read_bytes().split(b"\n")
        assert len(store.audit.entries()) == len([line for line in lines if line.strip()])
        assert store.audit.verify() == []
    assert _problems(folder, key, today) == ""
    assert unlock_by_recovery_key(folder, recovery)
    assert is_sealed((folder / "lasting-home.json").read_bytes())


def test_check_on_a_folder_from_the_last_version_reads_it_as_it_is(tmp_path, today):
    """Before the app has opened it, `check` reads a folder from the last version without
    changing it: sound, with a note that the next open brings it up to date."""
    folder = legacy_folder(tmp_path, "sealed")
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    report = check_folder(folder, unlock(folder, LEGACY_NFC_PASSPHRASE), today)
    assert report.problems == [] and report.children == 3 and report.pictures == 6
    assert any("brought up to date" in note for note in report.notes)
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_a_half_encrypted_folder_from_the_last_version_is_finished_saying_so(tmp_path, today):
    """A folder whose encryption the last version began and did not finish opens with every
    child, says it is finishing the job, and ends with no plain file."""
    folder = legacy_folder(tmp_path, "half-sealed")
    plain = legacy_folder(tmp_path / "p", "plain")
    assert plain_files(folder)
    key = unlock(folder, LEGACY_NFC_PASSPHRASE)
    with CaseloadStore.open(folder, key=key) as store:
        assert len(store.children()) == 3
        assert any("finishing the encryption" in note for note in store.notes)
    assert not plain_files(folder)
    with CaseloadStore.open(plain) as store:
        names = names_of(store.children())
    assert not readable_traces(folder, names)
    assert _problems(folder, key, today) == ""


def test_an_old_plain_folder_is_encrypted_and_warned_about_freed_disk_space(tmp_path, today):
    """Encrypting a plain folder in place says the old copies may stay in the disk's free
    space and recommends the laptop's disk encryption."""
    folder = legacy_folder(tmp_path, "plain")
    created = first_passphrase(folder, PASSPHRASE, TEST_COST)
    assert created.had_plain_data
    with CaseloadStore.open(folder, key=created.key) as store:
        assert len(store.children()) == 3
        notes = " ".join(store.notes)
    assert "free space" in notes and "disk encryption" in notes
    assert not plain_files(folder)


def test_a_new_folder_never_holds_plain_child_data(data_dir, today):
    """A new folder is sealed from its first write: no file ever shows a name."""
    created = first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    assert not created.had_plain_data
    children = fill_folder(data_dir, today, created.key, count=2)
    assert not readable_traces(data_dir, names_of(children))
    with CaseloadStore.open(data_dir, key=created.key) as store:
        assert store.notes == []
