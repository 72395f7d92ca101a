"""The team folder carried by a simulated sync engine with bad luck: files late, out of order,
half-copied first, copied twice, under conflict-copy names, laptops offline. Whatever happens,
every laptop ends with the same children and choices, and no saved change is lost."""

import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from team_support import Laptop, SyncEngine, team_of_three
from trust_support import jpeg_photo

from lasting_home_desktop.storage.part_access import TEAM_CLASHES
from lasting_home_desktop.storage.photo_album import PhotoAlbum
from lasting_home_desktop.storage.team.sealing import parse_file

SECTION = "celebration"  # any section: laptops write their own field and a shared one
# The property below runs quickly in the suite; a longer hunt: TEAM_EXAMPLES=1000 TEAM_STEPS=60.
EXAMPLES = int(os.environ.get("TEAM_EXAMPLES", "5"))
STEPS = int(os.environ.get("TEAM_STEPS", "24"))


def settle_all(engine, laptops, rounds=3):
    for _ in range(rounds):
        engine.settle()
        for laptop in laptops:
            laptop.sync_now()
    engine.settle()


def write(laptop, child_id, **fields):
    current = laptop.store.section(SECTION, child_id) or {}
    laptop.store.save_section(SECTION, child_id, {**current, **fields})


@pytest.fixture
def bad_luck(tmp_path):
    engine = SyncEngine(tmp_path, 3, random.Random(12))
    laptops = team_of_three(tmp_path, engine=engine)
    yield engine, laptops
    for laptop in laptops:
        laptop.close()


def test_a_half_copied_file_is_left_until_whole_never_taken_as_damage(bad_luck):
    """A segment seen half-way is not read, not an error and not a deletion; once whole, its
    change arrives."""
    engine, (manager, sam, _ali) = bad_luck
    [child_id] = sam.add_children(1, seed=1)
    sam.sync_now()
    waiting = [(s, t, n) for s, t, n in engine.waiting() if s == 1 and t == 0 and "seg-" in n]
    for source, target, name in waiting:
        engine.half(source, target, name)
    report = manager.sync_now().report
    assert report.not_whole >= 1 and not report.folder_problem
    assert manager.store.children() == []
    for source, target, name in waiting:
        engine.copy(source, target, name)
    manager.sync_now()
    assert [c.id for c in manager.store.children()] == [child_id]


def test_conflict_copies_and_double_copies_change_nothing(bad_luck):
    """OneDrive, Dropbox and Syncthing conflict copies are read and deduplicated."""
    engine, laptops = bad_luck
    manager, sam, ali = laptops
    [child_id] = sam.add_children(1, seed=2)
    write(sam, child_id, notes="first")
    settle_all(engine, laptops)
    for folder in engine.folders:
        for path in list(folder.rglob("*.lh?")):
            for index in range(4):
                engine.rng = random.Random(index)
                rel = path.relative_to(folder).as_posix()
                engine.conflict_copy(
                    engine.folders.index(folder), engine.folders.index(folder), rel
                )
    before = [laptop.state() for laptop in laptops]
    settle_all(engine, laptops)
    assert [laptop.state() for laptop in laptops] == before
    assert not any(laptop.store.sections(TEAM_CLASHES) for laptop in laptops)


def test_segments_out_of_order_do_not_make_a_false_clash(bad_luck):
    """The newest of three saves arrives first: no clash is shown, and the newest wins."""
    engine, (manager, sam, ali) = bad_luck
    [child_id] = sam.add_children(1, seed=3)
    settle_all(engine, (manager, sam, ali))
    for step in range(3):
        write(sam, child_id, notes=f"step {step}")
        sam.sync_now()
    segments = sorted(n for s, t, n in engine.waiting() if s == 1 and t == 0 and "seg-" in n)
    engine.copy(1, 0, segments[-1])  # the last first
    manager.sync_now()
    assert manager.store.section(SECTION, child_id)["notes"] == "step 2"
    assert not manager.store.sections(TEAM_CLASHES)
    for name in segments[:-1]:
        engine.copy(1, 0, name)
    manager.sync_now()
    assert manager.store.section(SECTION, child_id)["notes"] == "step 2"
    assert not manager.store.sections(TEAM_CLASHES)


def test_an_offline_laptop_keeps_working_and_catches_up(bad_luck):
    """Without the team folder the laptop works as usual, says so, and shares on return."""
    engine, laptops = bad_luck
    manager, sam, ali = laptops
    engine.go_offline(1)
    [child_id] = sam.add_children(1, seed=4)
    report = sam.sync_now().report
    assert report.folder_problem == "missing"
    from lasting_home_desktop.domain.team_status import status_line

    assert "not reachable" in status_line(sam.sync.status(), sam.clock())
    assert sam.sync.status().to_share >= 1
    engine.come_back(1)
    settle_all(engine, laptops)
    assert all(child_id in {c.id for c in laptop.store.children()} for laptop in laptops)


def test_a_read_only_team_folder_keeps_the_work_and_shares_later(bad_luck):
    """When the folder cannot be written, nothing is lost; it is shared once it can be."""
    from lasting_home_desktop.storage.team import folder as team_folder

    engine, laptops = bad_luck
    manager, sam, ali = laptops
    [child_id] = sam.add_children(1, seed=5)
    real = team_folder.TeamFolder._write_bytes

    def refuse(self, path, data):
        raise PermissionError(13, "Permission denied", str(path))

    team_folder.TeamFolder._write_bytes = refuse
    try:
        report = sam.sync_now().report
    finally:
        team_folder.TeamFolder._write_bytes = real
    assert report.folder_problem == "read-only"
    settle_all(engine, laptops)
    assert child_id in {c.id for c in manager.store.children()}


def test_a_clock_days_out_changes_only_the_times_shown(bad_luck):
    """A laptop whose clock is 5 days behind still orders its changes after what it saw."""
    engine, laptops = bad_luck
    manager, sam, ali = laptops
    [child_id] = manager.add_children(1, seed=6)
    write(manager, child_id, notes="from the manager")
    settle_all(engine, laptops)
    sam.clock.advance(days=-5)
    write(sam, child_id, notes="from Sam, later, with a slow clock")
    settle_all(engine, laptops)
    for laptop in laptops:
        assert laptop.store.section(SECTION, child_id)["notes"].startswith("from Sam")
        assert not laptop.store.sections(TEAM_CLASHES)


def test_a_laptop_restored_from_an_old_backup_catches_up_without_undoing_anything(bad_luck):
    """A laptop's data folder goes back a week: it takes the team's newer state rather than
    pushing its old one, and its new work after the restore is shared and merged."""
    engine, laptops = bad_luck
    manager, sam, ali = laptops
    [child_id] = sam.add_children(1, seed=7)
    write(sam, child_id, notes="old")
    settle_all(engine, laptops)
    folder = sam.store.folder
    sam.close()
    backup = Path(tempfile.mkdtemp()) / "backup"
    shutil.copytree(folder, backup)
    sam = laptops[1] = Laptop(folder.parent, "Sam Worker", engine.folders[1])
    write(sam, child_id, notes="newer", by_sam="kept")
    write(manager, child_id, by_manager="also kept")
    settle_all(engine, laptops)
    sam.close()
    shutil.rmtree(folder)
    shutil.copytree(backup, folder)  # the restore
    sam = laptops[1] = Laptop(folder.parent, "Sam Worker", engine.folders[1])
    assert sam.store.section(SECTION, child_id)["notes"] == "old"
    settle_all(engine, laptops)
    section = sam.store.section(SECTION, child_id)
    assert section["notes"] == "newer" and section["by_sam"] == "kept"
    write(sam, child_id, after_restore="yes")
    settle_all(engine, laptops)
    for laptop in laptops:
        section = laptop.store.section(SECTION, child_id)
        assert section["after_restore"] == "yes" and section["by_manager"] == "also kept"
        assert section["notes"] == "newer"
    assert laptops[0].state() == laptops[1].state() == laptops[2].state()


def test_a_tampered_or_foreign_file_is_ignored(bad_luck):
    """A file changed by a stranger, or a genuine file of another team, is not read."""
    engine, laptops = bad_luck
    manager, sam, ali = laptops
    [child_id] = sam.add_children(1, seed=8)
    sam.sync_now()
    [name] = [n for s, t, n in engine.waiting() if s == 1 and t == 0 and "seg-" in n][-1:]
    data = bytearray((engine.folders[1] / name).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (engine.folders[0] / name).parent.mkdir(parents=True, exist_ok=True)
    (engine.folders[0] / name).write_bytes(bytes(data))
    parse_file(bytes(data))  # still looks like a team file
    assert manager.sync_now().report.not_whole == 1
    assert manager.store.children() == []


@settings(
    max_examples=int(__import__("os").environ.get("TEAM_EXAMPLES", "10")),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(seed=st.integers(0, 2**31), steps=st.lists(st.integers(0, 99), min_size=8, max_size=STEPS))
def test_random_bad_luck_always_converges_and_loses_no_saved_change(seed, steps):
    """Property: random edits, syncs and engine steps on three laptops; in the end every laptop
    shows the same, each laptop's own field holds its last save, every shared value left
    out was seen by whoever overwrote it, and every photo added is there."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        engine = SyncEngine(root, 3, rng)
        laptops = team_of_three(root, engine=engine)
        try:
            _play(engine, laptops, steps, rng)
        finally:
            for laptop in laptops:
                laptop.close()


def _play(engine, laptops, steps, rng):
    manager = laptops[0]
    [child_id] = manager.add_children(1, seed=9)
    settle_all(engine, laptops, rounds=2)
    last_own: dict[str, str] = {}
    shared_written: dict[str, str] = {}  # laptop -> last value it wrote
    overwritten: set[str] = set()  # shared values someone saw before writing over them
    photos: set[str] = set()
    for counter, step in enumerate(steps, start=1):
        laptop = laptops[step % 3]
        kind = step // 10
        if kind in (0, 1):
            value = f"{laptop.name}-{counter}"
            seen = (laptop.store.section(SECTION, child_id) or {}).get("shared")
            fields = {f"own_{step % 3}": value}
            if kind == 1:
                fields["shared"] = value
                shared_written[laptop.name] = value
                if seen:
                    overwritten.add(seen)
            write(laptop, child_id, **fields)
            last_own[f"own_{step % 3}"] = value
        elif kind == 2:
            name = f"photo {counter}"
            PhotoAlbum(laptop.store).add(child_id, jpeg_photo((counter * 7 % 255, 20, 90)), name)
            photos.add(name)
        elif kind in (3, 4):
            laptop.sync_now()
        else:
            engine.step()
    settle_all(engine, laptops, rounds=4)
    states = [laptop.state() for laptop in laptops]
    assert states[0] == states[1] == states[2]
    section = laptops[0].store.section(SECTION, child_id)
    for field, value in last_own.items():
        assert section[field] == value
    clashes = laptops[0].store.section(TEAM_CLASHES, child_id)
    offered = {
        option["v"]
        for clash in ((clashes or {}).get("parts", {}).get(SECTION, []))
        for option in clash["options"]
        if clash["path"] == "shared"
    }
    for value in shared_written.values():
        assert value == section.get("shared") or value in offered or value in overwritten
    album = {p.name for p in PhotoAlbum(laptops[0].store).photos(child_id)}
    assert photos <= album


def test_a_child_deleted_while_another_laptop_was_offline_editing_stays_deleted(bad_luck):
    """Deleting for good wins: the offline laptop's later edits never bring the child back,
    and once it hears of the deletion the child goes from it too."""
    from lasting_home_desktop.storage.child_removal import delete_child_record

    engine, laptops = bad_luck
    manager, sam, ali = laptops
    [child_id] = sam.add_children(1, seed=13)
    settle_all(engine, laptops)
    engine.go_offline(2)
    delete_child_record(manager.store, child_id)
    manager.sync_now()
    write(ali, child_id, notes="typed on the bus, offline")
    ali.sync_now()
    engine.come_back(2)
    settle_all(engine, laptops)
    assert all(laptop.store.children() == [] for laptop in laptops)
    assert all(not laptop.store.sections(SECTION) for laptop in laptops)
