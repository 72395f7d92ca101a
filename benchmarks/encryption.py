"""Encryption's cost with 1,000 children: unlocking (deriving the key from the passphrase, then
opening the folder and listing the children) and saving one child's change, encrypted
against the same store without encryption, alternated in the same run."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import TODAY, figure, make_caseload, median  # noqa: E402

from lasting_home_desktop.storage.caseload import CaseloadStore  # noqa: E402
from lasting_home_desktop.storage.crypto import DEFAULT_COST  # noqa: E402
from lasting_home_desktop.storage.folder_sealing import first_passphrase, unlock  # noqa: E402

PASSPHRASE = "a long benchmark passphrase"
SAVES = 40
UNLOCKS = 5
TARGET_SAVE_RATIO = 1.5
TARGET_UNLOCK_MS = 1000


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="lasting-home-bench-") as temp:
        plain = make_caseload(Path(temp) / "plain")
        sealed = Path(temp) / "sealed"
        shutil.copytree(plain, sealed)
        key = first_passphrase(sealed, PASSPHRASE).key
        start = time.perf_counter()
        CaseloadStore.open(sealed, key=key).close()  # encrypts the copied folder in place
        migrate_s = time.perf_counter() - start
        derive_s, unlock_s, plain_open_s = measure_unlocks(sealed, plain)
        sealed_save_s, plain_save_s = measure_saves(sealed, plain)
    print(
        f"scrypt n=2**{DEFAULT_COST.n.bit_length() - 1}, r={DEFAULT_COST.r}, "
        f"p={DEFAULT_COST.p}: key derivation {derive_s * 1000:.0f} ms; unlock (derivation + "
        f"open + list) {unlock_s * 1000:.0f} ms against a plain open {plain_open_s * 1000:.0f} "
        f"ms; encrypting the 1,000-child folder in place {migrate_s * 1000:.0f} ms"
    )
    print(
        f"one save, median of {SAVES}: encrypted {sealed_save_s * 1000:.2f} ms, "
        f"plain {plain_save_s * 1000:.2f} ms"
    )
    figure("unlock_1000_children", unlock_s * 1000, "ms", "<=", TARGET_UNLOCK_MS)
    figure(
        "encrypted_save_ratio_1000_children",
        sealed_save_s / plain_save_s,
        "x",
        "<=",
        TARGET_SAVE_RATIO,
    )


def measure_unlocks(sealed: Path, plain: Path) -> tuple[float, float, float]:
    derive, unlocks, plain_opens = [], [], []
    for _ in range(UNLOCKS):
        start = time.perf_counter()
        key = unlock(sealed, PASSPHRASE)
        derived = time.perf_counter()
        with CaseloadStore.open(sealed, key=key) as store:
            assert len(store.children()) == 1000
        done = time.perf_counter()
        derive.append(derived - start)
        unlocks.append(done - start)
        start = time.perf_counter()
        with CaseloadStore.open(plain) as store:
            assert len(store.children()) == 1000
        plain_opens.append(time.perf_counter() - start)
    return median(derive), median(unlocks), median(plain_opens)


def measure_saves(sealed: Path, plain: Path) -> tuple[float, float]:
    key = unlock(sealed, PASSPHRASE)
    sealed_times, plain_times = [], []
    with (
        CaseloadStore.open(sealed, key=key) as sealed_store,
        CaseloadStore.open(plain) as plain_store,
    ):
        child = sealed_store.children()[500]
        for step in range(SAVES):
            # Alternated so both meet the same disk and cache conditions.
            changed = child.with_changes(service=f"Fostering, step {step}")
            for store, times in ((sealed_store, sealed_times), (plain_store, plain_times)):
                start = time.perf_counter()
                store.update_child(changed, TODAY)
                times.append(time.perf_counter() - start)
    return median(sealed_times), median(plain_times)


if __name__ == "__main__":
    main()
