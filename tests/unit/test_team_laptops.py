"""Three laptops in a team, one team folder: every laptop sees every child of the team, the
Team Manager's tracker and card carry what the child chose on their social worker's laptop,
deletions and clashes travel, and joining and leaving keep the folder safe."""

import io
import json
import shutil
from dataclasses import replace

import pytest
from pypdf import PdfReader
from team_support import TODAY, Laptop, png, team_of_three

from lasting_home_desktop.domain.journey import Decision, Flag
from lasting_home_desktop.domain.tracker import tracker_rows
from lasting_home_desktop.domain.voice_record import PictureChoice, PictureKind
from lasting_home_desktop.storage.child_removal import delete_child_record
from lasting_home_desktop.storage.child_voice import ChildVoiceRecords
from lasting_home_desktop.storage.drawings import DrawingLibrary
from lasting_home_desktop.storage.part_access import TEAM_CLASHES
from lasting_home_desktop.storage.status_facts import statuses_now
from lasting_home_desktop.storage.team.identity import REFUSED, REMOVED, WAITING
from lasting_home_desktop.storage.team.setup import (
    TeamSetupProblem,
    find_team_folder_at,
    make_invite,
    remove_member,
)


@pytest.fixture
def team(tmp_path):
    laptops = team_of_three(tmp_path, shared=tmp_path / "team")
    yield laptops
    for laptop in laptops:
        laptop.close()


def all_sync(laptops, times=2):
    for _ in range(times):
        for laptop in laptops:
            laptop.sync_now()


def together_mode(laptop, child_id, name="Zuzia 🎂", celebrate="Pizza in the park"):
    """What the child does with their worker: a drawing, chosen as their picture, words."""
    library = DrawingLibrary(laptop.store)
    drawing = library.new_drawing(child_id)
    library.save_png(child_id, drawing.drawing_id, png((200, 40, 90)))
    library.record_saved(child_id, drawing.drawing_id)
    records = ChildVoiceRecords(laptop.store)
    voice = records.load(child_id).with_preferred_name(name, TODAY)
    voice = voice.with_picture(PictureChoice(PictureKind.DRAWING, drawing.drawing_id), TODAY)
    voice = voice.with_celebration("something_else", True, TODAY)
    records.save(child_id, voice.with_celebration_typed(celebrate, TODAY))
    return drawing.drawing_id


def test_every_laptop_sees_every_child_and_the_card_carries_the_childs_choice(team):
    """The Team Manager's tracker lists every child, and their card carries the picture and
    words the child chose on the social worker's laptop."""
    manager, sam, ali = team
    ids = manager.add_children(2, seed=1) + sam.add_children(3, seed=2) + ali.add_children(2, 3)
    chosen = sam.store.children()[0].id
    drawing = together_mode(sam, chosen)
    sam.clock.advance(minutes=1)  # the drawing has settled on disk
    all_sync(team)
    for laptop in team:
        assert sorted(c.id for c in laptop.store.children()) == sorted(ids)
    rows = tracker_rows(manager.store.children(), TODAY)
    assert len(rows) == 7
    assert manager.state() == sam.state() == ali.state()
    from lasting_home_desktop.documents.card import card_pdf
    from lasting_home_desktop.documents.keepsakes import keepsake_sources

    # The Team Manager records the Head of Service's decision on their own laptop.
    child = manager.store.child(chosen)
    decided = replace(child.journey, decision=Decision.AGREED, decision_date=TODAY)
    manager.store.update_child(child.with_changes(journey=decided), TODAY)
    sources = keepsake_sources(manager.store, chosen, TODAY)
    assert sources.picture == DrawingLibrary(sam.store).png_bytes(chosen, drawing)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(card_pdf(sources))).pages)
    assert "Zuzia" in text and "Pizza in the park" in text


def test_changes_and_deletions_travel_and_are_audited_with_who(team):
    """A change made on one laptop shows on the others, recorded as from its worker; a child
    deleted for good disappears from every laptop, and each audit trail says so."""
    manager, sam, ali = team
    [child_id] = sam.add_children(1, seed=4)
    all_sync(team)
    child = manager.store.child(child_id)
    manager.store.update_child(child.with_changes(service="Fostering <b>&amp; West"), TODAY)
    all_sync(team)
    assert sam.store.child(child_id).service == "Fostering <b>&amp; West"
    details = [e.detail for e in sam.store.audit.entries() if e.child_id == child_id]
    assert any("from the team: Jo Manager" in d for d in details)
    delete_child_record(ali.store, child_id)
    all_sync(team)
    for laptop in team:
        assert laptop.store.children() == []
    entries = manager.store.audit.entries()
    actions = [(e.action, e.detail) for e in entries if e.child_id == child_id]
    assert actions[-2][0] == "deleted"
    assert actions[-1] == ("deleted-by-team", "Deleted for good on Ali Worker's laptop")
    # syncing again never brings it back
    all_sync(team)
    assert all(laptop.store.children() == [] for laptop in team)


def test_a_clash_is_a_flag_until_someone_chooses(team):
    """The same field changed on two laptops between syncs: both values kept, the child
    flagged on every laptop; once a worker chooses, the flag goes everywhere."""
    manager, sam, ali = team
    [child_id] = manager.add_children(1, seed=5)
    all_sync(team)
    sam.store.update_child(sam.store.child(child_id).with_changes(service="Sam's"), TODAY)
    ali.store.update_child(ali.store.child(child_id).with_changes(service="Ali's"), TODAY)
    all_sync(team)
    for laptop in team:
        status = statuses_now(laptop.store, TODAY)[0]
        assert Flag.TEAM_CLASH in status.flags
        assert "Changed on two laptops" in status.reason_text
    [clash] = manager.store.section(TEAM_CLASHES, child_id)["parts"]["record"]
    assert {o["v"] for o in clash["options"]} == {"Sam's", "Ali's"}
    assert manager.state() == sam.state() == ali.state()
    # The Team Manager chooses Sam's value
    from lasting_home_desktop.storage.team.choosing import choose

    choose(manager.sync, child_id, "record", {"service": "Sam's"}, TODAY)
    all_sync(team)
    for laptop in team:
        assert laptop.store.child(child_id).service == "Sam's"
        assert Flag.TEAM_CLASH not in statuses_now(laptop.store, TODAY)[0].flags


def test_pictures_travel_and_two_laptops_adding_photos_keep_both(team):
    """Photos added to one child's album on two laptops at once are both kept everywhere."""
    from trust_support import jpeg_photo

    from lasting_home_desktop.storage.photo_album import PhotoAlbum

    manager, sam, ali = team
    [child_id] = manager.add_children(1, seed=6)
    all_sync(team)
    PhotoAlbum(sam.store).add(child_id, jpeg_photo((10, 200, 10)), "Beach")
    PhotoAlbum(ali.store).add(child_id, jpeg_photo((200, 10, 10)), "Park")
    for laptop in team:
        laptop.clock.advance(minutes=1)
    all_sync(team, times=3)
    names = sorted(p.name for p in PhotoAlbum(manager.store).photos(child_id))
    assert names == ["Beach", "Park"]
    assert manager.state() == sam.state() == ali.state()
    assert len(manager.state()[child_id]["pictures"]) == 2


def test_join_codes_are_single_use_and_expire_after_seven_days(tmp_path):
    """A second laptop with a used code is told so; a code over 7 days old is refused."""
    manager = Laptop(tmp_path, "Jo Manager", tmp_path / "team")
    first = Laptop(tmp_path, "Sam Worker", tmp_path / "team")
    second = Laptop(tmp_path, "Someone Else", tmp_path / "team")
    manager.create_team()
    code = manager.invite()
    first.join(code)
    second.join(code)  # two laptops at once with one code
    manager.sync_now()
    first.sync_now()
    second.sync_now()
    states = {first.sync.identity.state, second.sync.identity.state}
    assert states == {"member", REFUSED}
    late = Laptop(tmp_path, "Late Worker", tmp_path / "team")
    old_code = manager.invite()
    manager.clock.advance(days=8)
    late.join(old_code)
    manager.sync_now()
    late.sync_now()
    assert late.sync.identity.state == REFUSED and late.sync.identity.note == "expired"
    assert "more than 7 days old" in _status_line(late)
    for laptop in (manager, first, second, late):
        laptop.close()


def test_two_laptops_joining_at_once_are_both_let_in(tmp_path):
    """Two codes, two laptops asking in the same minute: both join."""
    manager = Laptop(tmp_path, "Jo Manager", tmp_path / "team")
    manager.create_team()
    workers = [Laptop(tmp_path, f"Worker {n}", tmp_path / "team") for n in "AB"]
    codes = [manager.invite() for _ in workers]
    for worker, code in zip(workers, codes, strict=True):
        worker.join(code)
        assert worker.sync.identity.state == WAITING
        assert "waiting for the Team Manager" in _status_line(worker)
    manager.sync_now()
    for worker in workers:
        worker.sync_now()
        assert worker.sync.identity.state == "member"
    for laptop in (manager, *workers):
        laptop.close()


def test_a_wrong_code_or_folder_is_explained_and_changes_nothing(tmp_path):
    """Typos and the wrong folder get one kind sentence; the laptop stays as it was."""
    manager = Laptop(tmp_path, "Jo Manager", tmp_path / "team")
    manager.create_team()
    worker = Laptop(tmp_path, "Sam Worker", tmp_path / "team")
    with pytest.raises(TeamSetupProblem, match="not a whole join code"):
        worker.join("ABCD-1234")
    other = Laptop(tmp_path, "Other Manager", tmp_path / "other-team")
    other.create_team()
    with pytest.raises(TeamSetupProblem, match="different team folder"):
        worker.join(other.invite())
    with pytest.raises(TeamSetupProblem, match="cannot be reached"):
        request = make_invite(manager.sync, manager.clock()).text
        worker.team_dir = tmp_path / "nowhere"
        worker.join(request)
    assert worker.sync.identity is None
    with pytest.raises(TeamSetupProblem, match="already in a team"):
        manager.create_team()
    for laptop in (manager, worker, other):
        laptop.close()


def test_a_removed_laptop_cannot_read_what_comes_after_and_its_writing_is_ignored(team):
    """After removal the team key changes: the removed laptop reads nothing new, and what it
    writes afterwards never reaches the others."""
    manager, sam, ali = team
    [child_id] = manager.add_children(1, seed=7)
    all_sync(team)
    remove_member(manager.sync, "ali worker", manager.clock())
    all_sync([manager, sam])
    ali.sync_now()
    assert ali.sync.identity.state == REMOVED
    assert "no longer in the team" in _status_line(ali)
    # Ali's laptop keeps writing with the old key; nobody takes it
    ali.store.update_child(ali.store.child(child_id).with_changes(service="after removal"), TODAY)
    from lasting_home_desktop.storage.team.identity import MEMBER

    ali.sync.identity.state = MEMBER  # as if it did not know
    ali.sync_now()
    all_sync([manager, sam])
    assert manager.store.child(child_id).service != "after removal"
    # what the team writes now is sealed with a key Ali's laptop does not hold
    manager.store.update_child(manager.store.child(child_id).with_changes(service="new"), TODAY)
    manager.sync_now()
    sam.sync_now()
    assert sam.store.child(child_id).service == "new"
    ali.sync_now()
    assert ali.store.child(child_id).service == "after removal"
    assert max(ali.sync.identity.epochs) < max(manager.sync.identity.epochs)


def test_nothing_in_the_team_folder_can_be_read_without_the_key(team, tmp_path):
    """No child's name, word or picture can be read in the team folder's files."""
    from trust_support import names_of, readable_traces

    manager, sam, _ = team
    sam.add_children(3, seed=8)
    together_mode(sam, sam.store.children()[0].id, name="Bartłomiej")
    sam.clock.advance(minutes=1)
    all_sync(team)
    words = names_of(sam.store.children()) + ["Bartłomiej".encode(), b"Pizza in the park"]
    assert readable_traces(tmp_path / "team", words) == []
    for path in (tmp_path / "team").rglob("*"):
        assert not any(n.decode(errors="ignore") in path.name for n in words)
    plain = json.loads((tmp_path / "team" / "lasting-home-team.json").read_text())
    assert set(plain) == {"format", "team", "about"}


def _status_line(laptop):
    from lasting_home_desktop.domain.team_status import status_line

    return status_line(laptop.sync.status(), laptop.clock())


def test_a_new_laptop_starts_from_snapshots_and_old_files_are_tidied(tmp_path, monkeypatch):
    """Snapshots let a new laptop start without all history; a laptop's files an earlier
    snapshot covers go once a month old; nothing any laptop holds is lost by it."""
    import os

    from lasting_home_desktop.storage.team import publish

    monkeypatch.setattr(publish, "SNAPSHOT_AFTER", 6)
    team = tmp_path / "team"
    manager, sam = Laptop(tmp_path, "Jo Manager", team), Laptop(tmp_path, "Sam Worker", team)
    manager.create_team()
    sam.join(manager.invite())
    manager.sync_now()
    sam.sync_now()
    ids = sam.add_children(3, seed=12)
    for round_ in range(4):
        for child_id in ids:
            sam.store.save_section("celebration", child_id, {"notes": f"round {round_}"})
        sam.sync_now()
        for path in (team / "members" / sam.sync.identity.laptop).glob("*.lht"):
            old = path.stat().st_mtime - 40 * 86400
            os.utime(path, (old, old))
    own = sorted(p.name for p in (team / "members" / sam.sync.identity.laptop).glob("*.lht"))
    assert any(name.startswith("snap-") for name in own)
    assert not any(name.startswith("seg-00000001") for name in own)  # tidied
    newcomer = Laptop(tmp_path, "Ali Worker", team)
    newcomer.join(manager.invite())
    manager.sync_now()
    sync = newcomer.sync
    first = sync.finish(sync.work(sync.prepare()))  # its first round
    assert sorted(c.id for c in newcomer.store.children()) == sorted(ids)
    assert first.report.history_left > 0  # what the snapshot covers is read later
    for _ in range(3):
        newcomer.sync_now()
    manager.sync_now()
    assert newcomer.state() == sam.state() == manager.state()
    assert not newcomer.sync.cache.files.deferred  # the history behind it, read since
    for laptop in (manager, sam, newcomer):
        laptop.close()


def test_damaged_team_settings_are_said_plainly_and_joining_again_mends_them(tmp_path):
    """A laptop whose own team file was damaged keeps working, says so, and can join again."""
    from lasting_home_desktop.storage.team.identity import identity_path

    team = tmp_path / "team"
    manager, sam = Laptop(tmp_path, "Jo Manager", team), Laptop(tmp_path, "Sam Worker", team)
    manager.create_team()
    sam.join(manager.invite())
    manager.sync_now()
    sam.sync_now()
    identity_path(sam.store.folder).write_bytes(b"LHSEAL\x01 not what was written")
    sam.sync.reload_identity()
    assert sam.sync_now() is None
    assert "could not be read" in _status_line(sam)
    sam.join(manager.invite())
    manager.sync_now()
    sam.sync_now()
    assert sam.sync.identity.state == "member"
    for laptop in (manager, sam):
        laptop.close()


def test_a_plain_folder_in_a_team_is_encrypted_with_its_team_files_and_carries_on(tmp_path):
    """A laptop that joined before it had a passphrase is encrypted later: its team keys and
    cache are sealed with the rest, and it goes on sharing."""
    from trust_support import PASSPHRASE, TEST_COST, readable_traces

    from lasting_home_desktop.storage.caseload import CaseloadStore
    from lasting_home_desktop.storage.folder_sealing import first_passphrase
    from lasting_home_desktop.storage.team.sync import TeamSync

    team = tmp_path / "team"
    manager, sam = Laptop(tmp_path, "Jo Manager", team), Laptop(tmp_path, "Sam Worker", team)
    manager.create_team()
    sam.join(manager.invite())
    manager.sync_now()
    sam.sync_now()
    [child_id] = manager.add_children(1, seed=14)
    manager.sync_now()
    sam.sync_now()
    folder = sam.store.folder
    sam.close()
    key = first_passphrase(folder, PASSPHRASE, TEST_COST).key
    with CaseloadStore.open(folder, key=key) as store:
        private = sam.sync.identity.keys.private_text()
        assert readable_traces(folder / "team", [p.encode() for p in private]) == []
        sync = TeamSync(store, settle_seconds=0)
        assert sync.identity is not None and sync.identity.state == "member"
        store.save_section("celebration", child_id, {"notes": "after encryption"})
        sync.sync_now()
        sync.close()
    manager.sync_now()
    assert manager.store.section("celebration", child_id) == {"notes": "after encryption"}
    manager.close()


def test_a_laptop_finds_the_team_folder_where_it_has_moved(team, tmp_path):
    """The council's sync puts the team folder somewhere new on one laptop (a new drive letter,
    the library synced again): pointed there, the laptop carries on, missing nothing. Another
    team's folder, or a folder with no team, is refused and changes nothing."""
    manager, worker, _ = team
    all_sync(team)
    moved = tmp_path / "OneDrive - Council" / "Lasting Home team"
    shutil.copytree(tmp_path / "team", moved)
    worker.sync.identity.team_dir = str(tmp_path / "gone")  # what the laptop knew no longer is
    with pytest.raises(TeamSetupProblem, match="not a Lasting Home team folder|cannot be reached"):
        find_team_folder_at(worker.sync, tmp_path / "empty-folder")
    other = Laptop(tmp_path, "Other Manager", tmp_path / "other-team")
    other.create_team()
    with pytest.raises(TeamSetupProblem, match="another team"):
        find_team_folder_at(worker.sync, tmp_path / "other-team")
    other.close()
    assert worker.sync.identity.team_dir == str(tmp_path / "gone")
    find_team_folder_at(worker.sync, moved)
    assert worker.sync.identity.team_dir == str(moved.resolve())
    worker.sync.reload_identity()  # kept: read back as the next start would
    assert worker.sync.identity.team_dir == str(moved.resolve())
    child = worker.add_children(1, seed=77)[0]
    worker.sync_now()
    shutil.copytree(moved, tmp_path / "team", dirs_exist_ok=True)  # the sync engine's work
    manager.sync_now()
    assert manager.store.has_child(child)
    assert "team-folder-found" in {e.action for e in worker.store.audit.entries()}


def test_a_new_laptop_for_the_same_worker_keeps_its_place_in_the_team(team, tmp_path):
    """The social worker's data folder is copied to their new laptop, where the team folder
    is synced to another place: pointed there, the new laptop gathers and shares as the old
    one did, and the team sees what it adds."""
    manager, worker, _ = team
    all_sync(team)
    known = {c.id for c in worker.store.children()}
    worker.close()
    new_home = tmp_path / "new-laptop"
    shutil.copytree(tmp_path / "sam-worker", new_home / "sam-worker")
    shutil.copytree(tmp_path / "team", tmp_path / "synced-here")
    replacement = Laptop(new_home, "Sam Worker", tmp_path / "synced-here")
    try:
        assert {c.id for c in replacement.store.children()} == known
        find_team_folder_at(replacement.sync, tmp_path / "synced-here")
        child = replacement.add_children(1, seed=91)[0]
        replacement.sync_now()
        shutil.copytree(tmp_path / "synced-here", tmp_path / "team", dirs_exist_ok=True)
        manager.sync_now()
        assert manager.store.has_child(child)
    finally:
        replacement.close()
