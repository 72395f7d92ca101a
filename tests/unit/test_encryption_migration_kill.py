"""Every writer of an encrypted folder, killed part-way again and again: encrypting an old
folder, bringing one from an earlier version up to date, saving, deleting a child, and setting
a new passphrase with the recovery key. Nothing is ever lost, and the next open finishes the
job."""

import random
import shutil
import signal
import subprocess
import sys
import time

import pytest
from trust_support import (
    LEGACY_NFC_PASSPHRASE,
    PASSPHRASE,
    TEST_COST,
    fill_folder,
    legacy_folder,
    legacy_recovery_key,
    opened_contents,
)

from lasting_home_desktop.storage.audit import AuditTrail
from lasting_home_desktop.storage.caseload import CaseloadStore, ChildNotFound
from lasting_home_desktop.storage.crash_safe import load_database_file
from lasting_home_desktop.storage.crypto import WrongPassphrase
from lasting_home_desktop.storage.drafts import Draft
from lasting_home_desktop.storage.drawings import DrawingLibrary
from lasting_home_desktop.storage.folder_sealing import (
    first_passphrase,
    plain_files,
    unlock,
    unlock_by_recovery_key,
)
from lasting_home_desktop.storage.key_file import is_encrypted_folder

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="uses SIGKILL")

NEW_PASSPHRASE = "a new passphrase after the recovery"

# Gives the folder its passphrase (if it has none yet) and opens it, which seals every file
# (or brings a folder from an earlier version up to date).
ENCRYPTER = """
import sys
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.crypto import ScryptCost
from lasting_home_desktop.storage.folder_sealing import first_passphrase, unlock
from lasting_home_desktop.storage.key_file import is_encrypted_folder
folder, passphrase = sys.argv[1], sys.argv[2]
cost = ScryptCost(n=2**10, r=8, p=1)
print("started", flush=True)
if is_encrypted_folder(folder):
    key = unlock(folder, passphrase)
else:
    key = first_passphrase(folder, passphrase, cost).key
CaseloadStore.open(folder, key=key).close()
print("done", flush=True)
"""

DELETER = """
import sys
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.child_removal import delete_child_record
from lasting_home_desktop.storage.folder_sealing import unlock
folder, passphrase, child_id = sys.argv[1], sys.argv[2], sys.argv[3]
key = unlock(folder, passphrase)
print("started", flush=True)
with CaseloadStore.open(folder, key=key) as store:
    store.audit.worker = "Priya Shah"
    delete_child_record(store, child_id)
print("done", flush=True)
"""

RECOVERER = """
import sys
from lasting_home_desktop.storage.crypto import ScryptCost
from lasting_home_desktop.storage.key_file import recover_with_recovery_key
folder, recovery, new = sys.argv[1], sys.argv[2], sys.argv[3]
print("started", flush=True)
recover_with_recovery_key(folder, recovery, new, ScryptCost(n=2**10, r=8, p=1))
print("done", flush=True)
"""

# Saves the record, a part (with its revision) and a draft of unsaved typing, again and again.
SAVER = """
import datetime as dt, sys
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.drafts import Draft
from lasting_home_desktop.storage.folder_sealing import unlock
folder, passphrase, child_id, step = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
store = CaseloadStore.open(folder, key=unlock(folder, passphrase))
child = store.child(child_id)
print("started", flush=True)
while True:
    step += 1
    store.update_child(child.with_changes(service=f"step {step}"), dt.date(2026, 11, 22))
    store.save_section("celebration", child_id, {"notes": f"step {step}"})
    typed = {"concerns": f"step {step}"}
    store.drafts.put(Draft(child_id, "matching_meeting", typed, {}, "", "2026-11-22T09:00:00"))
    print(step, flush=True)
"""


def _key(folder, passphrase=PASSPHRASE):
    return unlock(folder, passphrase) if is_encrypted_folder(folder) else None


def _snapshot(folder, passphrase=PASSPHRASE):
    """What a worker would notice: each child, their sections, their drawings' pictures."""
    with CaseloadStore.open(folder, key=_key(folder, passphrase)) as store:
        library = DrawingLibrary(store)
        out = {}
        for child in store.children(include_archived=True):
            drawings = library.drawings(child.id, include_binned=True)
            out[child.id] = (
                child,
                store.child_sections(child.id),
                [library.png_bytes(child.id, d.drawing_id) for d in drawings],
                [store.media.read(child.id, m, "jpg") for m in store.media.list(child.id, "jpg")],
            )
        return out


def _start(script, *args):
    process = subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "started"
    return process


def _kill_at_random(process, rng, whole) -> str:
    time.sleep(rng.uniform(0.0, whole))
    process.send_signal(signal.SIGKILL)
    out, _ = process.communicate(timeout=30)
    return out


def _whole_run(original, folder, script, *args) -> float:
    """How long one run takes here, so the kills land inside it on any machine."""
    shutil.copytree(original, folder)
    process = _start(script, folder, *args)
    start = time.perf_counter()
    assert process.stdout.readline().strip() == "done"
    taken = time.perf_counter() - start
    process.wait(timeout=30)
    process.stdout.close()
    shutil.rmtree(folder)
    return taken


def test_encryption_killed_half_way_loses_nothing(tmp_path, today):
    """SIGKILL at random moments during encryption: the folder always unlocks with every
    child, section and picture, and the next unlock finishes the job."""
    original = tmp_path / "original"
    fill_folder(original, today, None, count=12)
    expected = _snapshot(original)
    assert len(expected) == 12
    rng = random.Random(2026)
    whole = _whole_run(original, tmp_path / "timed", ENCRYPTER, PASSPHRASE)
    interrupted = 0
    for round_number in range(7):
        folder = tmp_path / f"round-{round_number}"
        shutil.copytree(original, folder)
        _kill_at_random(_start(ENCRYPTER, folder, PASSPHRASE), rng, whole)
        if is_encrypted_folder(folder) and plain_files(folder):
            interrupted += 1  # killed with some files sealed and some still plain
        assert _snapshot(folder) == expected, f"round {round_number} lost something"
        if is_encrypted_folder(folder):
            assert not plain_files(folder)  # the unlock above finished the job
            contents = b"".join(opened_contents(folder, unlock(folder, PASSPHRASE)).values())
            assert next(iter(expected.values()))[0].first_name.encode() in contents
        shutil.rmtree(folder)
    assert interrupted >= 2, "the kills never landed in the middle of the encryption"


def test_bringing_an_earlier_versions_folder_up_to_date_killed_loses_nothing(tmp_path):
    """A folder sealed by the earlier version, brought up to date and killed part-way, opens
    whole with the passphrase and the recovery key, and ends up wholly up to date."""
    original = legacy_folder(tmp_path / "o", "sealed")
    recovery = legacy_recovery_key(original)
    expected = _snapshot(legacy_folder(tmp_path / "e", "sealed"), LEGACY_NFC_PASSPHRASE)
    rng = random.Random(11)
    whole = _whole_run(original, tmp_path / "timed", ENCRYPTER, LEGACY_NFC_PASSPHRASE)
    for round_number in range(4):
        folder = tmp_path / f"round-{round_number}"
        shutil.copytree(original, folder)
        _kill_at_random(_start(ENCRYPTER, folder, LEGACY_NFC_PASSPHRASE), rng, whole)
        assert unlock_by_recovery_key(folder, recovery)
        assert _snapshot(folder, LEGACY_NFC_PASSPHRASE) == expected, f"round {round_number}"
        assert not plain_files(folder)


def test_a_deletion_killed_at_any_moment_is_all_or_finished(tmp_path, today):
    """Killed while deleting a child: after the next open the child is either still wholly
    there (killed before anything was removed) or gone from every file with one audit entry;
    the other children are untouched."""
    original = tmp_path / "original"
    key = first_passphrase(original, PASSPHRASE, TEST_COST).key
    children = fill_folder(original, today, key, count=8)
    gone = children[3]
    with CaseloadStore.open(original, key=key) as store:  # unsaved typing about the child too
        typed = {"concerns": f"About {gone.first_name}"}
        store.drafts.put(Draft(gone.id, "matching_meeting", typed, {}, "", "2026-11-22T09:00"))
    others = {c: s for c, s in _snapshot(original).items() if c != gone.id}
    rng = random.Random(7)
    whole = _whole_run(original, tmp_path / "timed", DELETER, PASSPHRASE, gone.id)
    outcomes = set()
    for round_number in range(6):
        folder = tmp_path / f"round-{round_number}"
        shutil.copytree(original, folder)
        _kill_at_random(_start(DELETER, folder, PASSPHRASE, gone.id), rng, whole)
        snapshot = _snapshot(folder)  # opening finishes an interrupted deletion
        assert {c: s for c, s in snapshot.items() if c != gone.id} == others
        outcomes.add(gone.id in snapshot)
        deleted = [
            e for e in AuditTrail(folder, key, read_only=True).entries() if e.action == "deleted"
        ]
        if gone.id in snapshot:
            assert deleted == []
            continue
        assert [e.child_id for e in deleted] == [gone.id]
        for path, data in opened_contents(folder, key).items():
            assert gone.first_name.encode() not in data, f"round {round_number}: {path}"
        assert not (folder / "drafts" / gone.id).exists()
        with CaseloadStore.open(folder, key=key) as store, pytest.raises(ChildNotFound):
            store.child(gone.id)
    assert False in outcomes, "no kill landed after the deletion had begun"


def test_a_new_passphrase_killed_half_way_never_locks_anyone_out(tmp_path, today):
    """Killed while `recover` writes the key file and its copy: the recovery key always opens
    the folder, and so does the old or the new passphrase; the next open makes both agree."""
    original = tmp_path / "original"
    created = first_passphrase(original, PASSPHRASE, TEST_COST)
    fill_folder(original, today, created.key, count=3)
    expected = _snapshot(original)
    rng = random.Random(5)
    args = (created.recovery_key, NEW_PASSPHRASE)
    whole = _whole_run(original, tmp_path / "timed", RECOVERER, *args)
    for round_number in range(4):
        folder = tmp_path / f"round-{round_number}"
        shutil.copytree(original, folder)
        _kill_at_random(_start(RECOVERER, folder, *args), rng, whole)
        assert unlock_by_recovery_key(folder, created.recovery_key)
        try:
            passphrase = NEW_PASSPHRASE
            unlock(folder, NEW_PASSPHRASE)
        except WrongPassphrase:
            passphrase = PASSPHRASE
        assert _snapshot(folder, passphrase) == expected, f"round {round_number}"


def test_an_encrypted_save_killed_at_random_always_opens(tmp_path, today):
    """Killed mid-save in an encrypted folder (the record, a part with its revision, a draft
    of typing), the database, its anchor, its backups and the draft always agree: the folder
    opens with the last or the next change, never 'older than saved', and the draft opens."""
    folder = tmp_path / "data"
    key = first_passphrase(folder, PASSPHRASE, TEST_COST).key
    target = fill_folder(folder, today, key, count=15)[0]
    rng = random.Random(3)
    step = 0
    for _ in range(5):
        process = _start(SAVER, folder, PASSPHRASE, target.id, step)
        out = _kill_at_random(process, rng, 0.25)
        acknowledged = [int(line) for line in out.split()]
        last_safe = acknowledged[-1] if acknowledged else step
        allowed = {f"step {last_safe}", f"step {last_safe + 1}"}
        with CaseloadStore.open(folder, key=unlock(folder, PASSPHRASE)) as store:
            service = store.child(target.id).service
            assert store.audit.verify() == []
            notes = (store.section("celebration", target.id) or {}).get("notes")
            draft = store.drafts.get(target.id, "matching_meeting")
        assert service in allowed or last_safe == 0
        assert notes in allowed or last_safe == 0
        if last_safe:  # a draft written is never lost or set aside as damaged
            assert draft is not None and draft.fields["concerns"] in allowed
        step = int(service.split()[1]) if service.startswith("step ") else 0
        assert load_database_file(folder / "lasting-home.json", key) is not None
    assert step > 5
