"""The audit trail, handing a child's record over, and deleting it for good."""

import datetime as dt
import io

import pytest
from PIL import Image
from trust_support import (
    PASSPHRASE,
    TEST_COST,
    fill_folder,
    names_of,
    opened_contents,
    readable_traces,
    traces_in,
)

from lasting_home_desktop.storage.audit import AUDIT_NAME, AuditTrail
from lasting_home_desktop.storage.caseload import CaseloadStore, ChildNotFound
from lasting_home_desktop.storage.child_removal import confirmation_matches, delete_child_record
from lasting_home_desktop.storage.drawings import DrawingLibrary
from lasting_home_desktop.storage.folder_sealing import first_passphrase
from lasting_home_desktop.storage.handover import (
    HandoverProblem,
    handover_bytes,
    receive_handover,
    write_handover,
)

HANDOVER_PASSWORD = "seven green bicycles"


def _pixels(png: bytes) -> bytes:
    return Image.open(io.BytesIO(png)).convert("RGBA").tobytes()


def _clock():
    moments = iter(dt.datetime(2026, 11, 22, 9, 0, s) for s in range(60))
    return lambda: next(moments)


# -- audit -------------------------------------------------------------------------------------


def test_audit_records_who_did_what_and_when_in_a_chain(data_dir):
    """Each entry names the worker, the action and the child, and links to the one before."""
    trail = AuditTrail(data_dir, clock=_clock())
    data_dir.mkdir()
    trail.worker = "Priya Shah"
    first = trail.record("opened", "child1abc")
    second = trail.record("exported", "child1abc", "Book PDF")
    entries = AuditTrail(data_dir).entries()
    assert [e.action_text for e in entries] == ["Opened a child's record", "Exported documents"]
    assert entries[0].worker == "Priya Shah" and entries[0].time == "2026-11-22T09:00:00"
    assert second.prev_hash == first.hash
    assert AuditTrail(data_dir).verify() == []


def test_editing_one_audit_line_is_reported(data_dir):
    """Changing who did something, even in a plain trail, breaks the chain at that entry."""
    data_dir.mkdir()
    trail = AuditTrail(data_dir, clock=_clock())
    trail.worker = "Priya Shah"
    for action in ("opened", "printed", "deleted"):
        trail.record(action, "child1abc")
    path = data_dir / AUDIT_NAME
    path.write_text(path.read_text().replace("Priya Shah", "Someone Else", 1))
    problems = AuditTrail(data_dir).verify()
    assert problems and "entry 1" in problems[0] and "changed" in problems[0]


def test_removing_an_audit_line_is_reported(data_dir):
    """A deleted entry shows as a gap in the chain."""
    data_dir.mkdir()
    trail = AuditTrail(data_dir, clock=_clock())
    for action in ("opened", "printed", "deleted"):
        trail.record(action, "child1abc")
    path = data_dir / AUDIT_NAME
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0], lines[2]]) + "\n")
    problems = AuditTrail(data_dir).verify()
    assert problems and "does not follow" in problems[0]


def test_sealed_audit_lines_hide_their_content_and_catch_edits(data_dir, today):
    """In an encrypted folder the trail is unreadable on disk and an edit is still caught."""
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    with CaseloadStore.open(data_dir, key=key) as store:
        store.audit.worker = "Priya Shah"
        store.audit.record("opened", "child1abc")
        store.audit.record("printed", "child1abc")
    raw = (data_dir / AUDIT_NAME).read_bytes()
    assert b"Priya" not in raw
    lines = raw.split(b"\n")
    lines[1] = lines[1][:-8] + b"AAAAAAA="
    (data_dir / AUDIT_NAME).write_bytes(b"\n".join(lines))
    problems = AuditTrail(data_dir, key).verify()
    assert problems and "entry 2" in problems[0]


def test_audit_csv_export_is_readable_in_a_spreadsheet(data_dir):
    """The Team Manager's CSV has a row per entry with the date written the UK way."""
    data_dir.mkdir()
    trail = AuditTrail(data_dir, clock=_clock())
    trail.worker = "=HYPERLINK()"
    trail.record("handed-over", "child1abc")
    text = trail.csv_text()
    assert text.splitlines()[0].startswith("When,Worker,What")
    assert "22/11/2026 09:00:00,'=HYPERLINK(),Handed over a child's record" in text


# -- hand-over ---------------------------------------------------------------------------------


def test_handover_round_trip_brings_the_whole_record(data_dir, tmp_path, today):
    """Exported on one laptop and imported on another: record, sections, drawings, photos."""
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    children = fill_folder(data_dir, today, key, count=2)
    child = children[0]
    archive = tmp_path / "handover.lasting-home"
    with CaseloadStore.open(data_dir, key=key) as store:
        write_handover(store, child.id, HANDOVER_PASSWORD, archive, TEST_COST)
        sections = store.child_sections(child.id)
        drawings = DrawingLibrary(store).drawings(child.id)
        first_png = DrawingLibrary(store).png_bytes(child.id, drawings[0].drawing_id)
        assert store.audit.entries()[-1].action == "handed-over"
    raw = archive.read_bytes()
    assert not traces_in(raw, names_of([child]))

    other = tmp_path / "other-laptop"
    other_key = first_passphrase(other, "another laptop's phrase", TEST_COST).key
    with CaseloadStore.open(other, key=other_key) as store:
        received = receive_handover(store, raw, HANDOVER_PASSWORD)
        assert received == child
        assert store.child(child.id) == child
        assert store.child_sections(child.id) == sections
        library = DrawingLibrary(store)
        assert [d.drawing_id for d in library.drawings(child.id)] == [
            d.drawing_id for d in drawings
        ]
        # Received pictures are cleaned like imported ones: the same pixels, nothing else.
        assert _pixels(library.png_bytes(child.id, drawings[0].drawing_id)) == _pixels(first_png)
        photos = store.media.list(child.id, "jpg")
        received_photo = Image.open(io.BytesIO(store.media.read(child.id, photos[0], "jpg")))
        assert received_photo.size == (64, 48)
        red, green, blue = received_photo.getpixel((30, 20))
        assert abs(red - 200) + abs(green - 80) + abs(blue - 40) <= 9
        assert store.audit.entries()[-1].action == "received"


def test_handover_wrong_password_and_repeat_import_add_nothing(data_dir, tmp_path, today):
    """A wrong password, or a child already here, gets a kind message and nothing changes."""
    children = fill_folder(data_dir, today, None, count=1)
    with CaseloadStore.open(data_dir) as store:
        raw = handover_bytes(store, children[0].id, HANDOVER_PASSWORD, TEST_COST)
        with pytest.raises(HandoverProblem) as caught:
            receive_handover(store, raw, HANDOVER_PASSWORD)
        assert "already in this caseload" in caught.value.kind_message
    other = tmp_path / "other"
    with CaseloadStore.open(other) as store:
        with pytest.raises(HandoverProblem) as caught:
            receive_handover(store, raw, "not the right one")
        assert "does not open" in caught.value.kind_message
        with pytest.raises(HandoverProblem):
            receive_handover(store, b"just some bytes", HANDOVER_PASSWORD)
        assert store.is_empty
        assert not (other / "media").exists() or not any((other / "media").rglob("*.*"))


def test_handover_password_must_be_long_enough(data_dir, today):
    """A short hand-over password is refused with advice on passing it on."""
    children = fill_folder(data_dir, today, None, count=1)
    with CaseloadStore.open(data_dir) as store, pytest.raises(HandoverProblem) as caught:
        handover_bytes(store, children[0].id, "short", TEST_COST)
    assert "by phone" in caught.value.kind_message


# -- deletion ----------------------------------------------------------------------------------


def test_deleting_a_child_leaves_no_trace_in_any_file(data_dir, today):
    """After deletion the child's name, sections and pictures are in no file, not even a
    backup, opened with the key; the audit keeps only the fact."""
    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    children = fill_folder(data_dir, today, key, count=3)
    gone, kept = children[0], children[1]
    with CaseloadStore.open(data_dir, key=key) as store:
        store.save_section("celebration", gone.id, {"notes": "Zebedee-cake-marker"})
        store.backups.take()
        store.audit.worker = "Priya Shah"
        summary = delete_child_record(store, gone.id)
        assert summary.media_files >= 2 and summary.backups_rewritten >= 1
        with pytest.raises(ChildNotFound):
            store.child(gone.id)
        assert store.child(kept.id) == kept
    contents = opened_contents(data_dir, key)
    markers = [gone.first_name.encode(), gone.last_name.encode(), b"Zebedee-cake-marker"]
    for path, data in contents.items():
        for marker in markers:
            assert marker not in data, f"{marker!r} still in {path}"
    assert not (data_dir / "media" / gone.id).exists()
    with CaseloadStore.open(data_dir, key=key) as store:
        last = store.audit.entries()[-1]
        assert (last.action, last.child_id, last.worker) == ("deleted", gone.id, "Priya Shah")
        assert store.audit.verify() == []
    assert kept.first_name.encode() in b"".join(contents.values())


def test_deleting_in_a_plain_folder_also_cleans_backups(data_dir, today):
    """Without encryption too, no file keeps the deleted child's name, not even a damaged
    copy kept aside by a restore."""
    children = fill_folder(data_dir, today, None, count=2)
    gone = children[0]
    database = (data_dir / "lasting-home.json").read_bytes()
    (data_dir / "lasting-home.damaged-20261101-090000.json").write_bytes(database)
    (data_dir / "lasting-home.damaged-20261102-090000.json").write_bytes(database[:300])
    with CaseloadStore.open(data_dir) as store:
        delete_child_record(store, gone.id)
    traces = readable_traces(data_dir, names_of([gone]))
    assert not [t for t in traces if not t.endswith("a picture")]  # the others' pictures stay
    assert not (data_dir / "media" / gone.id).exists()


def test_typed_confirmation_needs_the_childs_name(today):
    """Only the child's own name, typed, confirms the deletion."""
    from lasting_home_desktop.domain.demo import example_children

    child = example_children(1, today, seed=3)[0].record
    assert confirmation_matches(child, f"  {child.first_name.upper()}   {child.last_name} ")
    assert not confirmation_matches(child, child.first_name)
    assert not confirmation_matches(child, "")


APPENDER = """
import sys
from lasting_home_desktop.storage.audit import AuditTrail
trail = AuditTrail(sys.argv[1])
trail.worker = sys.argv[2]
for n in range(40):
    trail.record("opened", "child1abc", str(n))
"""


def test_two_processes_writing_at_once_keep_the_chain_whole(data_dir):
    """The app and a command-line task writing together never break the chain."""
    import subprocess
    import sys

    data_dir.mkdir()
    writers = [
        subprocess.Popen([sys.executable, "-c", APPENDER, str(data_dir), name])
        for name in ("App", "Command line")
    ]
    for writer in writers:
        assert writer.wait(timeout=60) == 0
    trail = AuditTrail(data_dir)
    assert len(trail.entries()) == 80
    assert trail.verify() == []


def test_a_long_trail_is_not_read_again_for_each_new_entry(data_dir, monkeypatch):
    """A year of saves makes a long trail: the next entry follows on from where this trail
    last wrote, and is read again only when someone else has written in between."""
    from lasting_home_desktop.storage import audit

    data_dir.mkdir()
    mine, other = AuditTrail(data_dir), AuditTrail(data_dir)
    mine.record_many([("opened", f"child{n}", "") for n in range(2000)])
    reads = []
    original = audit.read_whole
    monkeypatch.setattr(audit, "read_whole", lambda fd: reads.append(fd) or original(fd))
    for n in range(5):
        mine.record("exported", f"child{n}", "Book PDF")
    assert reads == []
    other.record("opened", "child9")  # a second writer (a command-line task)
    mine.record("printed", "child9")
    assert len(reads) == 2  # each read the trail once, to find where it now ends
    trail = AuditTrail(data_dir)
    assert len(trail.entries()) == 2007
    assert trail.verify() == []
