"""The caseload store on disk: locking, damaged files, backups, migrations, failed writes."""

import errno
import json
import os
from pathlib import Path

import pytest

from lasting_home_desktop.domain.child import ChildRecord
from lasting_home_desktop.domain.demo import example_children
from lasting_home_desktop.storage import safe_files
from lasting_home_desktop.storage.backups import DatabaseBackups
from lasting_home_desktop.storage.caseload import DATABASE_NAME, CaseloadStore
from lasting_home_desktop.storage.crash_safe import DamagedDatabase
from lasting_home_desktop.storage.lock import FolderInUse
from lasting_home_desktop.storage.migrations import SCHEMA_VERSION, NewerSchema
from lasting_home_desktop.storage.safe_files import TEMP_SUFFIX, StorageWriteError


def filled(folder, today, count=3) -> list[ChildRecord]:
    with CaseloadStore.open(folder) as store:
        return store.add_children([e.record for e in example_children(count, today)], today)


def test_children_survive_closing_and_opening(data_dir, today):
    """What was saved is there, unchanged, the next time the app opens the folder."""
    saved = filled(data_dir, today)
    with CaseloadStore.open(data_dir) as store:
        assert sorted(c.id for c in store.children()) == sorted(c.id for c in saved)
        assert store.child(saved[0].id) == saved[0]


def test_a_second_app_on_the_same_folder_is_told_plainly(data_dir):
    """Opening a folder that is already open fails with a clear message, and changes nothing."""
    with CaseloadStore.open(data_dir):
        before = (data_dir / DATABASE_NAME).read_bytes()
        with pytest.raises(FolderInUse, match="already open"):
            CaseloadStore.open(data_dir)
        assert (data_dir / DATABASE_NAME).read_bytes() == before
    CaseloadStore.open(data_dir).close()  # free again once the first one closed


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"children": {"1": {"id": "ab', "cut short"),
        (bytes(range(256)) * 4, "not text"),
        (b"[1, 2, 3]", "does not hold"),
        (b"\x00" * 4096, "cut short"),
    ],
)
def test_damaged_files_are_reported_and_never_overwritten(data_dir, today, content, reason):
    """Empty, cut-short or garbage files are named as damaged, left byte for byte as they were."""
    filled(data_dir, today)
    database = data_dir / DATABASE_NAME
    database.write_bytes(content)
    backups_before = sorted(p.name for p in (data_dir / "backups").iterdir())
    with pytest.raises(DamagedDatabase) as caught:
        CaseloadStore.open(data_dir)
    assert reason in caught.value.reason
    assert database.read_bytes() == content
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == backups_before
    with pytest.raises(DamagedDatabase):  # the lock was released: it fails the same way again
        CaseloadStore.open(data_dir)


def test_truncated_file_restores_from_the_newest_good_backup(data_dir, today):
    """After the file is cut in half, restoring brings every child back and keeps the bad copy."""
    saved = filled(data_dir, today, count=5)
    database = data_dir / DATABASE_NAME
    good = database.read_bytes()
    database.write_bytes(good[: len(good) // 2])
    backups = DatabaseBackups(data_dir / "backups", database)
    used, kept_aside = backups.restore_newest()
    assert kept_aside is not None and kept_aside.read_bytes() == good[: len(good) // 2]
    with CaseloadStore.open(data_dir) as store:
        assert len(store.children()) == len(saved)


def test_backups_rotate_and_skip_a_damaged_one(data_dir, today):
    """Only the last five good states are kept; a damaged backup is passed over on restore."""
    for index in range(8):
        with CaseloadStore.open(data_dir) as store:
            store.add_child(ChildRecord(first_name=f"Child{index}", last_name="Test"), today)
    backups = DatabaseBackups(data_dir / "backups", data_dir / DATABASE_NAME)
    kept = backups.all()
    assert len(kept) == 5
    kept[0].write_bytes(b"{broken")
    assert backups.newest_good() == kept[1]


def test_closing_backs_up_what_changed_and_nothing_else(data_dir, today, monkeypatch):
    """Closing keeps the state the session ended with; a session that saved nothing was
    backed up when it opened, so closing neither compares nor copies anything again."""
    filled(data_dir, today)
    backups = DatabaseBackups(data_dir / "backups", data_dir / DATABASE_NAME)
    store = CaseloadStore.open(data_dir)
    taken = []
    original_take = DatabaseBackups.take

    def counted_take(self, opened=None):
        taken.append(1)
        return original_take(self, opened)

    monkeypatch.setattr(DatabaseBackups, "take", counted_take)
    store.close()
    assert taken == []
    store = CaseloadStore.open(data_dir)
    store.add_child(ChildRecord(first_name="Zofia", last_name="Łukasz"), today)
    store.close()
    assert len(taken) == 2  # opening, and closing after the change
    newest = json.loads(backups.all()[0].read_text(encoding="utf-8"))
    assert "Zofia" in json.dumps(newest, ensure_ascii=False)


def test_a_failed_write_loses_nothing_and_explains_itself(data_dir, today, monkeypatch):
    """When the folder refuses a write, the message says so and the saved data is untouched."""
    saved = filled(data_dir, today)
    database = data_dir / DATABASE_NAME
    with CaseloadStore.open(data_dir) as store:
        before = database.read_bytes()

        def refuse(*_args, **_kwargs):
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(safe_files.os, "replace", refuse)
        with pytest.raises(StorageWriteError) as caught:
            store.update_child(saved[0].with_changes(service="Changed"), today)
        assert "cannot be written" in caught.value.kind_message
        assert "Everything saved before is safe" in caught.value.kind_message
        monkeypatch.undo()
        assert database.read_bytes() == before
        assert store.child(saved[0].id) == saved[0]  # the memory copy was not left changed
        assert not list(data_dir.glob(f"*{TEMP_SUFFIX}"))
        store.update_child(saved[0].with_changes(service="Changed"), today)  # works again
    with CaseloadStore.open(data_dir) as store:
        assert store.child(saved[0].id).service == "Changed"


def test_a_full_disk_is_explained_and_nothing_is_lost(data_dir, today, monkeypatch):
    """Running out of disk space says 'the disk is full' and keeps the last saved state."""
    saved = filled(data_dir, today)
    with CaseloadStore.open(data_dir) as store:

        def full(_fd):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(safe_files.os, "fsync", full)
        with pytest.raises(StorageWriteError, match="disk is full"):
            store.add_child(ChildRecord(first_name="New", last_name="Child"), today)
        monkeypatch.undo()
        assert len(store.children()) == len(saved)
    with CaseloadStore.open(data_dir) as store:
        assert len(store.children()) == len(saved)


def test_a_folder_that_cannot_be_created_is_explained(tmp_path, monkeypatch):
    """A data folder Lasting Home cannot create gives a message asking for another folder."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageWriteError, match="could not create its data folder"):
        CaseloadStore.open(blocker / "data")


def test_data_that_is_not_json_does_not_stay_in_memory(data_dir, today):
    """A section that cannot be saved is refused and leaves the saved state as it was."""
    child = filled(data_dir, today, count=1)[0]
    with CaseloadStore.open(data_dir) as store:
        store.save_section("voice", child.id, {"words": "I like it here"})
        with pytest.raises(TypeError):
            store.save_section("voice", child.id, {"words": {1, 2}})
        assert store.section("voice", child.id) == {"words": "I like it here"}
        store.save_section("voice", child.id, {"words": "Still fine"})
    with CaseloadStore.open(data_dir) as store:
        assert store.section("voice", child.id) == {"words": "Still fine"}


def test_an_unversioned_file_is_migrated_and_kept_as_a_backup(data_dir):
    """A folder from before data versions opens, keeps its children, and backs up the original."""
    data_dir.mkdir(parents=True)
    old = {"children": {"1": ChildRecord(first_name="Ola", last_name="Nowak").to_dict()}}
    original = json.dumps(old).encode()
    (data_dir / DATABASE_NAME).write_bytes(original)
    with CaseloadStore.open(data_dir) as store:
        assert [c.first_name for c in store.children()] == ["Ola"]
    on_disk = json.loads((data_dir / DATABASE_NAME).read_bytes())
    assert on_disk["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    backups = [p.read_bytes() for p in (data_dir / "backups").iterdir()]
    assert original in backups


def test_an_empty_version_zero_file_gets_a_children_table(data_dir):
    """A version-0 file with no children table opens as an empty caseload."""
    data_dir.mkdir(parents=True)
    (data_dir / DATABASE_NAME).write_text('{"_default": {}}')
    with CaseloadStore.open(data_dir) as store:
        assert store.is_empty


def test_data_from_a_newer_version_is_refused_untouched(data_dir):
    """A file saved by a newer Lasting Home is not opened or changed, and says to update."""
    data_dir.mkdir(parents=True)
    content = b'{"_meta": {"1": {"schema_version": 99}}, "children": {}}'
    (data_dir / DATABASE_NAME).write_bytes(content)
    with pytest.raises(NewerSchema, match="newer version"):
        CaseloadStore.open(data_dir)
    assert (data_dir / DATABASE_NAME).read_bytes() == content
    with pytest.raises(NewerSchema):  # not FolderInUse: the lock was let go
        CaseloadStore.open(data_dir)


def test_stray_temporary_files_are_cleaned_at_start(data_dir, today):
    """Temporary files a crash left behind are removed when the folder is next opened."""
    filled(data_dir, today, count=1)
    stray = data_dir / f".{DATABASE_NAME}.123.abcd{TEMP_SUFFIX}"
    stray.write_bytes(b"half a file")
    CaseloadStore.open(data_dir).close()
    assert not stray.exists()


def test_read_only_opening_never_writes_and_works_while_the_app_is_open(data_dir, today):
    """A read-only look works beside the open app, sees its data and cannot change it."""
    saved = filled(data_dir, today)
    with CaseloadStore.open(data_dir):
        before = {p: p.stat().st_mtime_ns for p in data_dir.rglob("*")}
        with CaseloadStore.open(data_dir, lock=False) as look:
            assert len(look.children()) == len(saved)
            with pytest.raises(StorageWriteError, match="only to read"):
                look.archive_child(saved[0].id)
            assert not look.child(saved[0].id).archived
        assert {p: p.stat().st_mtime_ns for p in data_dir.rglob("*")} == before


def test_read_only_opening_of_an_old_file_migrates_in_memory_only(data_dir):
    """Looking at an older file read-only shows its children without rewriting it."""
    data_dir.mkdir(parents=True)
    content = json.dumps(
        {"children": {"1": ChildRecord(first_name="Ola", last_name="Nowak").to_dict()}}
    ).encode()
    (data_dir / DATABASE_NAME).write_bytes(content)
    with CaseloadStore.open(data_dir, lock=False) as look:
        assert [c.first_name for c in look.children()] == ["Ola"]
    assert (data_dir / DATABASE_NAME).read_bytes() == content
    assert sorted(os.listdir(data_dir)) == [DATABASE_NAME]


def test_opening_backs_up_a_changed_database_from_what_it_read(data_dir, today, monkeypatch):
    """Opening checks the database against the newest backup from what it has just read,
    opened and parsed, without reading it again; a database changed since is still backed up,
    and an unchanged one is not copied twice."""
    filled(data_dir, today)
    backups = DatabaseBackups(data_dir / "backups", data_dir / DATABASE_NAME)
    before = len(backups.all())
    read = []
    real_read = Path.read_bytes

    def counting(path):
        if path.name == DATABASE_NAME:
            read.append(path)
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    CaseloadStore.open(data_dir).close()
    assert len(read) == 1 and len(backups.all()) == before
    with CaseloadStore.open(data_dir) as store:
        store.add_child(ChildRecord(first_name="Ewa", last_name="Nowak"), today)
    monkeypatch.undo()
    newest = backups.all()[0].read_text(encoding="utf-8")
    assert "Ewa" in newest
