"""The store says what changed after every save, keeps a revision per part, and writes every
change into the audit trail by name (never the words typed)."""

import errno

import pytest

from lasting_home_desktop.domain.child import ChildRecord
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.changes import ADDED, RECORD, REMOVED, Change
from lasting_home_desktop.storage.safe_files import StorageWriteError


@pytest.fixture
def store(data_dir):
    with CaseloadStore.open(data_dir) as opened:
        opened.audit.worker = "Priya Shah"
        yield opened


@pytest.fixture
def heard(store):
    changes: list[Change] = []
    store.changes.subscribe(changes.append)
    return changes


def test_each_save_says_which_child_part_and_fields_changed(store, heard, today):
    """A screen listening hears the child, the part and the names of the fields."""
    child = store.add_child(ChildRecord("Maya", "Khan"), today)
    store.save_section("matching_meeting", child.id, {"concerns": "", "strengths": "Warm"})
    store.save_section("matching_meeting", child.id, {"concerns": "Contact", "strengths": "Warm"})
    assert heard == [
        Change(child.id, RECORD, kind=ADDED),
        Change(child.id, "matching_meeting", ("concerns", "strengths")),
        Change(child.id, "matching_meeting", ("concerns",)),
    ]


def test_a_save_that_changes_nothing_writes_nothing_and_says_nothing(store, heard, today):
    """Saving the same thing twice neither rewrites the file nor wakes the screens."""
    child = store.add_child(ChildRecord("Maya", "Khan"), today)
    store.save_section("celebration", child.id, {"notes": "Cake"})
    before = (store.folder / "lasting-home.json").stat().st_mtime_ns
    revision = store.part(child.id, "celebration").revision
    store.save_section("celebration", child.id, {"notes": "Cake"})
    store.update_child(store.child(child.id), today)
    assert len(heard) == 2
    assert (store.folder / "lasting-home.json").stat().st_mtime_ns == before
    assert store.part(child.id, "celebration").revision == revision


def test_every_save_makes_a_new_revision_of_that_part_only(store, today):
    """Revisions tell a screen its copy is out of date; other parts keep theirs."""
    child = store.add_child(ChildRecord("Maya", "Khan"), today)
    store.save_section("celebration", child.id, {"notes": "Cake"})
    record_rev = store.part(child.id, RECORD).revision
    first = store.part(child.id, "celebration")
    store.save_section("celebration", child.id, {"notes": "Cake and bowling"})
    second = store.part(child.id, "celebration")
    assert first.revision and second.revision != first.revision
    assert second.data == {"notes": "Cake and bowling"}  # no bookkeeping shown
    assert store.part(child.id, RECORD).revision == record_rev
    assert store.part(child.id, "panel_booking").data is None


def test_changes_inside_a_transaction_are_told_once_it_lands(store, heard, today):
    """Listeners hear nothing until the whole transaction is on disk, and nothing if it fails."""
    child = store.add_child(ChildRecord("Maya", "Khan"), today)
    heard.clear()
    with store.transaction():
        store.save_section("celebration", child.id, {"notes": "Cake"})
        assert heard == []
    assert [c.part for c in heard] == ["celebration"]
    heard.clear()
    with pytest.raises(RuntimeError), store.transaction():
        store.save_section("celebration", child.id, {"notes": "Bowling"})
        raise RuntimeError("stop")
    assert heard == []
    assert store.section("celebration", child.id) == {"notes": "Cake"}


def test_a_broken_listener_never_stops_a_save(store, heard, today):
    """One screen failing to refresh must not lose the save or deafen the others."""
    store.changes.subscribe(lambda change: 1 / 0)
    child = store.add_child(ChildRecord("Maya", "Khan"), today)
    assert store.child(child.id).first_name == "Maya" and heard


def test_removing_a_child_is_told(store, heard, today):
    child = store.add_child(ChildRecord("Maya", "Khan"), today)
    store.remove_child(child.id)
    assert heard[-1] == Change(child.id, RECORD, kind=REMOVED)


def test_the_audit_names_the_child_part_and_fields_never_the_words(store, today):
    """Who changed which part of whose record, and which fields; the typed words stay out."""
    child = store.add_child(ChildRecord("Maya", "Khan"), today)
    store.save_section("matching_meeting", child.id, {"concerns": "Private worry about Nan"})
    entries = store.audit.entries()
    assert [(e.action, e.child_id, e.worker) for e in entries] == [
        ("added", child.id, "Priya Shah"),
        ("changed", child.id, "Priya Shah"),
    ]
    assert entries[1].detail == "Matching meeting: concerns"
    assert "Private" not in store.audit.path.read_bytes().decode("utf-8", "replace")


def test_a_full_disk_for_the_audit_keeps_the_save_and_writes_the_entry_later(
    store, today, monkeypatch
):
    """The change is saved; its audit entry waits and goes in with the next one."""
    child = store.add_child(ChildRecord("Maya", "Khan"), today)
    real = store.audit.record_many

    def full(items):
        raise StorageWriteError("full", OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(store.audit, "record_many", full)
    store.save_section("celebration", child.id, {"notes": "Cake"})
    assert store.section("celebration", child.id) == {"notes": "Cake"}
    monkeypatch.setattr(store.audit, "record_many", real)
    store.save_section("celebration", child.id, {"notes": "Bowling"})
    details = [e.detail for e in store.audit.entries() if e.action == "changed"]
    assert details.count("Celebration: notes") >= 2
