"""Real processes against one data folder: killed mid-save, and two at once."""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from lasting_home_desktop.domain.demo import example_children
from lasting_home_desktop.storage.caseload import CHILDREN, DATABASE_NAME, CaseloadStore
from lasting_home_desktop.storage.crash_safe import load_database_file
from lasting_home_desktop.storage.lock import FolderInUse
from lasting_home_desktop.storage.safe_files import TEMP_SUFFIX

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="uses SIGKILL")

KILLS = 40

# Saves one child's change again and again, printing each step once it is safely on disk.
WRITER = """
import datetime as dt, sys
from lasting_home_desktop.storage.caseload import CaseloadStore
folder, child_id, step = sys.argv[1], sys.argv[2], int(sys.argv[3])
today = dt.date(2026, 11, 22)
store = CaseloadStore.open(folder)
child = store.child(child_id)
print("ready", flush=True)
while True:
    step += 1
    store.update_child(child.with_changes(service=f"step {step}"), today)
    print(step, flush=True)
"""

HOLDER = """
import sys
from lasting_home_desktop.storage.caseload import CaseloadStore
store = CaseloadStore.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
"""


def start(script: str, *args: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline().strip()
    if line != "ready":
        process.kill()
        raise AssertionError(f"the process did not start: {line} {process.stderr.read()}")
    return process


def children_on_disk(folder) -> dict:
    tables = load_database_file(folder / DATABASE_NAME)
    return {doc["id"]: doc for doc in tables[CHILDREN].values()}


def test_a_writer_killed_at_random_moments_always_leaves_the_old_or_new_state(data_dir, today):
    """Killed mid-save 40 times, the file always loads and holds the last or the next change."""
    with CaseloadStore.open(data_dir) as store:
        saved = store.add_children([e.record for e in example_children(200, today)], today)
    target = saved[0].id
    others = {cid: doc for cid, doc in children_on_disk(data_dir).items() if cid != target}
    rng = random.Random(40)
    step = 0
    for _ in range(KILLS):
        # A kill leaves the lock behind in a dead process; the next writer must still start.
        writer = start(WRITER, data_dir, target, step)
        time.sleep(rng.uniform(0.0, 0.12))
        os.kill(writer.pid, signal.SIGKILL)
        out, _ = writer.communicate()
        acknowledged = [int(line) for line in out.split()]
        last_safe = acknowledged[-1] if acknowledged else step
        on_disk = children_on_disk(data_dir)  # raises DamagedDatabase if ever half-written
        service = on_disk.pop(target)["service"]
        assert service in (f"step {last_safe}", f"step {last_safe + 1}") or (
            last_safe == 0 and service == saved[0].service
        )
        assert on_disk == others
        step = int(service.split()[1]) if service.startswith("step ") else 0
    assert step > KILLS  # the writers really did save, many times
    with CaseloadStore.open(data_dir) as store:
        assert store.child(target).service == f"step {step}"
    assert not list(data_dir.glob(f"*{TEMP_SUFFIX}"))  # strays cleaned at the next start


def test_a_second_process_is_refused_and_a_killed_holder_does_not_block(data_dir, today):
    """While one app holds the folder another is refused; once it dies the folder opens."""
    holder = start(HOLDER, data_dir)
    try:
        with pytest.raises(FolderInUse) as caught:
            CaseloadStore.open(data_dir)
        assert f"process {holder.pid}" in str(caught.value)
        with CaseloadStore.open(data_dir, lock=False) as look:  # reading beside it is fine
            assert look.children() == []
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.communicate()
    with CaseloadStore.open(data_dir) as store:
        store.add_child(example_children(1, today)[0].record, today)
    assert len(json.loads((data_dir / DATABASE_NAME).read_text())[CHILDREN]) == 1


# The app saving an encrypted folder, and noting each save in its audit trail, without pause.
SEALED_WRITER = """
import datetime as dt, sys
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.folder_sealing import unlock
folder, passphrase, child_id = sys.argv[1], sys.argv[2], sys.argv[3]
store = CaseloadStore.open(folder, key=unlock(folder, passphrase))
store.audit.worker = "App"
child = store.child(child_id)
print("ready", flush=True)
step = 0
while True:
    step += 1
    store.update_child(child.with_changes(service=f"step {step}"), dt.date(2026, 11, 22))
    store.audit.record("opened", child_id)
"""


def test_checking_and_exporting_while_the_app_saves_never_cry_wolf(data_dir, today):
    """`check`, a tracker export and an audited command-line task, run again and again while
    the app saves and writes its audit trail, never take a save in progress for an older
    database or a cut-short trail."""
    from trust_support import PASSPHRASE, TEST_COST, fill_folder

    from lasting_home_desktop.storage.audit import AuditTrail
    from lasting_home_desktop.storage.folder_health import check_folder
    from lasting_home_desktop.storage.folder_sealing import first_passphrase

    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    children = fill_folder(data_dir, today, key, count=8)
    writer = start(SEALED_WRITER, data_dir, PASSPHRASE, children[0].id)
    try:
        end = time.monotonic() + 1.0
        rounds = 0
        while time.monotonic() < end:
            task = AuditTrail(data_dir, key)
            task.worker = "Command line"
            task.record("exported", children[1].id, "Book PDF")
            assert check_folder(data_dir, key, today).problems == []
            with CaseloadStore.open(data_dir, lock=False, key=key) as look:
                assert len(look.children()) == 8
            rounds += 1
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.communicate()
    assert rounds > 5
    with CaseloadStore.open(data_dir, key=key) as store:  # as the app's next start would
        assert store.audit.verify() == []
