"""Encrypting an old folder in place, killed part-way again and again: nothing is ever lost."""

import random
import shutil
import signal
import subprocess
import sys
import time

import pytest
from trust_support import PASSPHRASE, fill_folder, opened_contents

from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.crypto import is_encrypted_folder
from lasting_home_desktop.storage.drawings import DrawingLibrary
from lasting_home_desktop.storage.folder_sealing import plain_files, unlock

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="uses SIGKILL")

KILLS = 12

# Gives the folder its passphrase (if it has none yet) and opens it, which seals every file.
ENCRYPTER = """
import sys
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.crypto import ScryptCost, is_encrypted_folder
from lasting_home_desktop.storage.folder_sealing import first_passphrase, unlock
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


def _snapshot(folder):
    """What a worker would notice: each child, their sections, their drawings' pictures."""
    with CaseloadStore.open(
        folder, key=unlock(folder, PASSPHRASE) if is_encrypted_folder(folder) else None
    ) as store:
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


def _start_encrypting(folder):
    process = subprocess.Popen(
        [sys.executable, "-c", ENCRYPTER, str(folder), PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "started"
    return process


def _time_a_whole_run(original, folder) -> float:
    """How long encrypting takes here, so the kills land inside it on any machine."""
    shutil.copytree(original, folder)
    process = _start_encrypting(folder)
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
    fill_folder(original, today, None, count=20)
    expected = _snapshot(original)
    assert len(expected) == 20
    rng = random.Random(2026)
    whole = _time_a_whole_run(original, tmp_path / "timed")
    interrupted = 0
    for round_number in range(KILLS):
        folder = tmp_path / f"round-{round_number}"
        shutil.copytree(original, folder)
        process = _start_encrypting(folder)
        time.sleep(rng.uniform(0.0, whole))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        process.stdout.close()
        if is_encrypted_folder(folder) and plain_files(folder):
            interrupted += 1  # killed with some files sealed and some still plain
        assert _snapshot(folder) == expected, f"round {round_number} lost something"
        if is_encrypted_folder(folder):
            assert not plain_files(folder)  # the unlock above finished the job
            contents = b"".join(opened_contents(folder, unlock(folder, PASSPHRASE)).values())
            assert next(iter(expected.values()))[0].first_name.encode() in contents
        shutil.rmtree(folder)
    assert interrupted >= 2, "the kills never landed in the middle of the encryption"
