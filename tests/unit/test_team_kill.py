"""A laptop killed at random moments while it saves and syncs: its data folder and team cache
always open, no half-written file is ever read by another laptop, and in the end every saved
change reaches the team."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from team_support import TODAY, Laptop

from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.team.cache import TeamCache
from lasting_home_desktop.storage.team.folder import TeamFolder
from lasting_home_desktop.storage.team.sealing import NotWhole, parse_file

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="uses SIGKILL")

KILLS = 5

# Saves a change to one child and syncs, again and again, printing each step once saved.
WRITER = """
import datetime as dt, sys
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.team.sync import TeamSync
folder, child_id, step = sys.argv[1], sys.argv[2], int(sys.argv[3])
today = dt.date(2026, 11, 22)
store = CaseloadStore.open(folder)
sync = TeamSync(store, settle_seconds=0)
print("ready", flush=True)
while True:
    sync.sync_now()
    step += 1
    child = store.child(child_id)
    store.update_child(child.with_changes(service=f"step {step}"), today)
    print(step, flush=True)
"""


def _start(folder, child_id, step):
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), child_id, str(step)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline().strip()
    if line != "ready":
        process.kill()
        raise AssertionError(f"the writer did not start: {line} {process.stderr.read()}")
    return process


def _every_team_file_is_whole(team):
    """A killed writer may leave a temporary file, never a part of one under a real name."""
    folder = TeamFolder(team)
    for found in folder.listing():
        try:
            parse_file(folder.read(found.rel, 512 * 1024**2))
        except NotWhole as error:
            raise AssertionError(f"{found.rel} is not whole") from error


def _step(service):
    return int(service.split()[1]) if service.startswith("step ") else 0


def test_a_laptop_killed_while_syncing_loses_nothing_and_shows_nothing_half_read(tmp_path):
    """Killed 5 times mid-save or mid-sync: everything opens, the other laptop only ever
    sees a step that was saved, and the last saved step reaches it in the end."""
    team = tmp_path / "team"
    manager = Laptop(tmp_path, "Jo Manager", team)
    worker = Laptop(tmp_path, "Sam Worker", team)
    manager.create_team()
    worker.join(manager.invite())
    manager.sync_now()
    worker.sync_now()
    [child_id] = worker.add_children(1, seed=11)
    worker.sync_now()
    folder = worker.store.folder
    worker.close()
    rng = random.Random(12)
    step = 0
    seen_by_manager = []
    for _ in range(KILLS):
        writer = _start(folder, child_id, step)
        time.sleep(rng.uniform(0.05, 0.4))
        os.kill(writer.pid, signal.SIGKILL)
        out, _ = writer.communicate()
        saved = [int(line) for line in out.split()]
        _every_team_file_is_whole(team)
        with CaseloadStore.open(folder) as store:  # raises if ever half-written
            step = _step(store.child(child_id).service)
            assert step >= (saved[-1] if saved else 0)
            cache = TeamCache(folder, None)
            cache.load()  # a killed round leaves a cache that loads, or one that starts again
        manager.sync_now()
        shown = _step(manager.store.child(child_id).service)
        assert shown <= step
        seen_by_manager.append(shown)
    assert step > KILLS  # the writer really did save, many times
    assert max(seen_by_manager) > 0  # and the manager really did receive, meanwhile
    worker = Laptop(tmp_path, "Sam Worker", team)
    worker.sync_now()
    manager.sync_now()
    assert manager.store.child(child_id).service == f"step {step}"
    assert manager.state() == worker.state()
    worker.close()
    manager.close()
    assert TODAY  # the children were made for this day
