"""Opening the app on a data folder: busy, damaged and newer folders are explained kindly."""

from __future__ import annotations

import json
from pathlib import Path

from lasting_home_desktop.app import open_store
from lasting_home_desktop.domain.child import ChildRecord
from lasting_home_desktop.storage.caseload import DATABASE_NAME, CaseloadStore
from lasting_home_desktop.ui.messages import RecordedMessages


def test_second_window_on_same_folder_is_told_plainly(qapp, data_dir: Path):
    """A second app on the same data folder is told why it cannot open, and stops."""
    first = CaseloadStore.open(data_dir)
    messages = RecordedMessages()
    try:
        assert open_store(data_dir, messages) is None
    finally:
        first.close()
    headline, detail, problem = messages.told[0]
    assert headline == "Lasting Home is already open"
    assert "switch to that window" in detail and problem


def test_damaged_database_is_restored_from_backup_when_asked(qapp, data_dir: Path, today):
    """A corrupted file is kept aside and the newest good backup comes back, on request."""
    store = CaseloadStore.open(data_dir)
    store.add_child(ChildRecord("Kasia", "Zielińska"), today)
    store.close()  # closing takes a backup of the good state
    database = data_dir / DATABASE_NAME
    database.write_bytes(database.read_bytes()[:40])
    messages = RecordedMessages(answer=True)
    reopened = open_store(data_dir, messages)
    assert reopened is not None
    try:
        assert [c.full_name for c in reopened.children()] == ["Kasia Zielińska"]
    finally:
        reopened.close()
    headline, detail = messages.asked[0]
    assert headline == "Your saved data could not be opened"
    assert "cut short or corrupted" in detail and "kept aside" in detail
    assert list(data_dir.glob("lasting-home.damaged-*.json"))


def test_damaged_database_is_left_alone_when_user_declines(qapp, data_dir: Path, today):
    """Saying no to the restore changes nothing on disk."""
    store = CaseloadStore.open(data_dir)
    store.add_child(ChildRecord("Kasia", "Zielińska"), today)
    store.close()
    database = data_dir / DATABASE_NAME
    database.write_bytes(b"\x00garbage")
    assert open_store(data_dir, RecordedMessages(answer=False)) is None
    assert database.read_bytes() == b"\x00garbage"


def test_newer_data_is_not_touched(qapp, data_dir: Path):
    """Data from a newer version is refused with a plain message and left as it is."""
    data_dir.mkdir(parents=True)
    newer = {"_meta": {"1": {"schema_version": 999}}, "children": {}}
    (data_dir / DATABASE_NAME).write_text(json.dumps(newer))
    messages = RecordedMessages()
    assert open_store(data_dir, messages) is None
    assert "newer version of Lasting Home" in messages.told[0][1]
    assert json.loads((data_dir / DATABASE_NAME).read_text()) == newer
