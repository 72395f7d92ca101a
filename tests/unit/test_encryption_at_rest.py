"""Children's data encrypted at rest: sealed files, the key file, wrong passphrases, migration."""

import json

import pytest
from trust_support import (
    PASSPHRASE,
    TEST_COST,
    fill_folder,
    jpeg_photo,
    names_of,
    opened_contents,
    readable_traces,
)

from lasting_home_desktop.storage.caseload import DATABASE_NAME, CaseloadStore
from lasting_home_desktop.storage.crash_safe import DamagedDatabase
from lasting_home_desktop.storage.crypto import (
    KEY_FILE_NAME,
    FolderKey,
    FolderLocked,
    SealBroken,
    WeakPassphrase,
    WrongPassphrase,
    is_sealed,
)
from lasting_home_desktop.storage.drawings import DrawingLibrary
from lasting_home_desktop.storage.folder_sealing import (
    first_passphrase,
    plain_files,
    unlock,
    unlock_by_recovery_key,
)
from lasting_home_desktop.storage.key_file import change_passphrase
from lasting_home_desktop.storage.recovery_key import normalise_recovery_key


def test_no_child_name_or_picture_is_readable_in_any_file(data_dir, today):
    """After a full session every file in the folder hides names, feelings and pictures."""
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    children = fill_folder(data_dir, today, key)
    with CaseloadStore.open(data_dir, key=key) as store:
        assert len(store.children()) == len(children)  # it all reads back
        child = children[0]
        assert DrawingLibrary(store).drawings(child.id)  # the examples have drawings
    assert not readable_traces(data_dir, names_of(children))
    assert not plain_files(data_dir)
    key_text = (data_dir / KEY_FILE_NAME).read_text()
    assert all(name.decode() not in key_text for name in names_of(children))


def test_the_same_session_without_a_key_is_readable(data_dir, today):
    """The search above can fail: a plain folder shows names and pictures."""
    children = fill_folder(data_dir, today, None)
    assert readable_traces(data_dir, names_of(children))


def test_pictures_and_records_read_back_through_the_key(data_dir, today):
    """Photos and drawings come back exactly as saved, though the files are sealed."""
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    children = fill_folder(data_dir, today, key, count=2)
    with CaseloadStore.open(data_dir, key=key) as store:
        media_id = store.media.put(children[0].id, jpeg_photo(), "jpg")
        assert store.media.read(children[0].id, media_id, "jpg") == jpeg_photo()
        assert is_sealed(store.media.path(children[0].id, media_id, "jpg").read_bytes())
        library = DrawingLibrary(store)
        drawing = library.drawings(children[0].id)[0]
        assert library.png_bytes(children[0].id, drawing.drawing_id).startswith(b"\x89PNG")
    assert is_sealed((data_dir / DATABASE_NAME).read_bytes())


def test_wrong_passphrase_is_refused_kindly_and_changes_nothing(data_dir, today):
    """A wrong passphrase gets a kind message and every file stays exactly as it was."""
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    fill_folder(data_dir, today, key, count=2)
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    with pytest.raises(WrongPassphrase) as caught:
        unlock(data_dir, "not the passphrase at all")
    assert "does not open" in caught.value.kind_message
    assert "Nothing has been changed" in caught.value.kind_message
    after = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    assert after == before


def test_an_encrypted_folder_will_not_open_without_its_key(data_dir, today):
    """Opening without the key asks for the passphrase instead of showing anything."""
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    fill_folder(data_dir, today, key, count=1)
    with pytest.raises(FolderLocked) as caught:
        CaseloadStore.open(data_dir)
    assert "passphrase" in caught.value.kind_message
    with pytest.raises(FolderLocked):
        CaseloadStore.open(data_dir, lock=False)


def test_another_folders_key_cannot_read_this_one(data_dir, tmp_path, today):
    """A key that fits another folder sees this database as damaged, and nothing is changed."""
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    fill_folder(data_dir, today, key, count=1)
    stranger = FolderKey(b"\x01" * 32)
    before = (data_dir / DATABASE_NAME).read_bytes()
    with pytest.raises(DamagedDatabase):
        CaseloadStore.open(data_dir, key=stranger)
    assert (data_dir / DATABASE_NAME).read_bytes() == before


def test_a_tampered_sealed_file_is_reported_not_read(data_dir, today):
    """One changed byte in a sealed picture is caught, with a kind message."""
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    children = fill_folder(data_dir, today, key, count=1)
    with CaseloadStore.open(data_dir, key=key) as store:
        media_id = store.media.put(children[0].id, jpeg_photo(), "jpg")
        path = store.media.path(children[0].id, media_id, "jpg")
        raw = bytearray(path.read_bytes())
        raw[-5] ^= 0xFF
        path.write_bytes(bytes(raw))
        with pytest.raises(SealBroken) as caught:
            store.media.read(children[0].id, media_id, "jpg")
        assert "changed or damaged" in caught.value.kind_message
        assert store.media.read_or_none(children[0].id, media_id, "jpg") is None


def test_recovery_key_opens_the_folder_and_is_forgiving_to_type(data_dir, today):
    """The recovery key shown once unlocks instead of the passphrase, typed any old how."""
    created = first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    children = fill_folder(data_dir, today, created.key, count=1)
    groups = created.recovery_key.split("-")
    assert len(groups) == 6 and all(len(g) == 4 for g in groups)
    typed = " ".join(groups).lower()
    key = unlock_by_recovery_key(data_dir, typed)
    with CaseloadStore.open(data_dir, key=key) as store:
        assert store.child(children[0].id).first_name == children[0].first_name
    assert normalise_recovery_key(typed) == created.recovery_key
    with pytest.raises(WrongPassphrase):
        unlock_by_recovery_key(data_dir, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")


def test_changing_the_passphrase_rewraps_only(data_dir, today):
    """A new passphrase works, the old one stops working, and no data file is rewritten."""
    created = first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    fill_folder(data_dir, today, created.key, count=1)
    database = (data_dir / DATABASE_NAME).read_bytes()
    change_passphrase(data_dir, created.key, "a completely new phrase", TEST_COST)
    assert (data_dir / DATABASE_NAME).read_bytes() == database
    with pytest.raises(WrongPassphrase):
        unlock(data_dir, PASSPHRASE)
    key = unlock(data_dir, "a completely new phrase")
    with CaseloadStore.open(data_dir, key=key) as store:
        assert store.children()
    assert unlock_by_recovery_key(data_dir, created.recovery_key)


def test_a_short_passphrase_is_refused_with_advice(data_dir):
    """Set-up asks for a longer passphrase rather than accepting 'cat'."""
    with pytest.raises(WeakPassphrase) as caught:
        first_passphrase(data_dir, "cat", TEST_COST)
    assert "at least" in caught.value.kind_message
    assert not (data_dir / KEY_FILE_NAME).exists()


def test_the_key_file_stores_salt_and_cost_and_no_key_in_clear(data_dir):
    """The key file keeps scrypt's salt and parameters beside the wrapped key, nothing more."""
    created = first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    document = json.loads((data_dir / KEY_FILE_NAME).read_text())
    entry = document["passphrase"]
    assert entry["kdf"] == "scrypt" and entry["n"] == TEST_COST.n and entry["salt"]
    assert created.key._data_key.hex() not in json.dumps(document)


def test_an_old_plain_folder_is_encrypted_in_place_on_first_unlock(data_dir, today):
    """A folder made before encryption keeps everything and ends up with no plain file."""
    children = fill_folder(data_dir, today, None)
    assert plain_files(data_dir)
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    with CaseloadStore.open(data_dir, key=key) as store:
        assert {c.id for c in store.children()} == {c.id for c in children}
        assert store.backups.newest_good() is not None
        actions = [entry.action for entry in store.audit.entries()]
        assert sorted(set(actions)) == ["added", "changed", "opened"]
        assert len(actions) == 3 * len(children)  # each added, changed and opened
        assert store.audit.verify() == []
    assert not plain_files(data_dir)
    assert not readable_traces(data_dir, names_of(children))
    contents = b"".join(opened_contents(data_dir, key).values())
    assert children[0].first_name.encode() in contents  # encrypted, not lost


def test_a_key_is_never_used_on_a_folder_that_does_not_keep_it(data_dir, today):
    """Opening a plain folder with a stray key is refused, so nothing is sealed for good."""
    other = first_passphrase(data_dir.parent / "other", PASSPHRASE, TEST_COST).key
    children = fill_folder(data_dir, today, None, count=1)
    with pytest.raises(ValueError):
        CaseloadStore.open(data_dir, key=other)
    assert plain_files(data_dir)
    with CaseloadStore.open(data_dir) as store:
        assert store.child(children[0].id) == children[0]
