"""Laptops of a team for tests, and a simulated sync engine with bad luck.

Each `Laptop` is a data folder with its store open and its `TeamSync`. With a shared team
folder the laptops see each other's files at once; with `SyncEngine` each laptop has its own
copy of the team folder, and files travel between the copies only when the engine copies them:
late, in any order, half-way first, twice, under conflict-copy names, or not while a laptop is
offline.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import shutil
from pathlib import Path

from lasting_home_desktop.domain.demo import example_children
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.crypto import ScryptCost
from lasting_home_desktop.storage.team.folder import MEMBERS, TEAM_FILE
from lasting_home_desktop.storage.team.setup import create_team, make_invite, request_join
from lasting_home_desktop.storage.team.sync import TeamSync

CHEAP = ScryptCost(n=2**4, r=8, p=1)  # real scrypt, cheap: tests take milliseconds
TODAY = dt.date(2026, 11, 22)
START = dt.datetime(2026, 11, 22, 9, 0)


def png(colour: tuple[int, int, int] = (10, 120, 200)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


class Clock:
    def __init__(self, start: dt.datetime = START):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


class Laptop:
    def __init__(self, root: Path, name: str, team_dir: Path, clock: Clock | None = None):
        self.name = name
        self.team_dir = team_dir
        self.clock = clock or Clock()
        self.store = CaseloadStore.open(root / name.replace(" ", "-").lower())
        self.store.audit.worker = name
        # Pictures count as settled at once (a test does not wait for a drawing to rest).
        self.sync = TeamSync(self.store, clock=self.clock, settle_seconds=0)

    def close(self) -> None:
        self.sync.close()
        self.store.close()

    def sync_now(self):  # noqa: ANN201
        return self.sync.sync_now()

    def create_team(self, name: str = "Fylde Children's Team") -> None:
        create_team(self.store, self.team_dir, name, self.name, self.clock())
        self.sync.reload_identity()

    def invite(self) -> str:
        return make_invite(self.sync, self.clock(), CHEAP).text

    def join(self, code: str) -> None:
        request_join(self.store, self.team_dir, code, self.name, self.clock(), CHEAP)
        self.sync.reload_identity()

    def add_children(self, count: int, seed: int) -> list[str]:
        records = [e.record for e in example_children(count, TODAY, seed=seed)]
        return [c.id for c in self.store.add_children(records, TODAY)]

    def state(self) -> dict:
        """Everything a worker could notice: every child's parts (without the store's own
        bookkeeping), and their picture files."""
        out = {}
        for part in self.store.part_names():
            for child_id, stored in self.store.stored_parts(part).items():
                out.setdefault(child_id, {})[part] = stored.data
        for child_id in out:
            folder = self.store.media.child_folder(child_id)
            if folder.is_dir():
                out[child_id]["pictures"] = {
                    p.name: self.store.media.read(child_id, *p.name.rsplit(".", 1))
                    for p in sorted(folder.iterdir())
                    if not p.name.startswith(".")
                }
        return out


def team_of_three(root: Path, shared: Path | None = None, engine: SyncEngine | None = None):
    """The Team Manager's laptop makes the team and lets two social workers' laptops in."""
    names = ("Jo Manager", "Sam Worker", "Ali Worker")
    laptops = []
    for index, name in enumerate(names):
        team_dir = shared if shared is not None else engine.folders[index]
        laptops.append(Laptop(root, name, team_dir))
    manager, *workers = laptops
    manager.create_team()
    manager.sync_now()
    for worker in workers:
        if engine is not None:
            engine.settle()
        worker.join(manager.invite())
        if engine is not None:
            engine.settle()
        manager.sync_now()
        if engine is not None:
            engine.settle()
        worker.sync_now()
    return laptops


# -- a sync engine with bad luck -------------------------------------------------------------

CONFLICT_NAMES = (
    lambda stem, ext: f"{stem} (1).{ext}",
    lambda stem, ext: f"{stem}-DESKTOP-4F2KQ.{ext}",  # OneDrive
    lambda stem, ext: f"{stem} (DESKTOP-4F2KQ's conflicted copy 2026-11-22).{ext}",  # Dropbox
    lambda stem, ext: f"{stem}.sync-conflict-20261122-101500-ABCDEFG.{ext}",  # Syncthing
)


class SyncEngine:
    """Copies the files of each laptop's copy of the team folder to the others, one at a time,
    as bad luck chooses."""

    def __init__(self, root: Path, count: int, rng: random.Random):
        self.folders = [root / f"team-copy-{i}" for i in range(count)]
        for folder in self.folders:
            folder.mkdir(parents=True)
        self.rng = rng
        self.offline: set[int] = set()

    def _files(self, index: int) -> set[str]:
        folder = self.folders[index]
        if index in self.offline or not folder.is_dir():
            return set()
        out = set()
        for path in folder.rglob("*"):
            if path.is_file() and not path.name.startswith("."):
                out.add(path.relative_to(folder).as_posix())
        return out

    def waiting(self) -> list[tuple[int, int, str]]:
        """(from, to, file) for every file one copy has whole and another lacks."""
        out = []
        present = {i: self._files(i) for i in range(len(self.folders))}
        for source, names in present.items():
            for target in range(len(self.folders)):
                if target == source or target in self.offline:
                    continue
                for name in sorted(names):
                    whole = (self.folders[source] / name).stat().st_size >= _size_elsewhere(
                        self.folders, name
                    )
                    if whole and not self._same(source, target, name):
                        out.append((source, target, name))
        return out

    def _same(self, source: int, target: int, name: str) -> bool:
        a, b = self.folders[source] / name, self.folders[target] / name
        return (
            b.is_file()
            and a.stat().st_size == b.stat().st_size
            and (a.read_bytes() == b.read_bytes())
        )

    def copy(self, source: int, target: int, name: str) -> None:
        """A whole copy, as engines do it (a hidden temporary file, then a rename)."""
        data = (self.folders[source] / name).read_bytes()
        path = self.folders[target] / name
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.syncing")
        temp.write_bytes(data)
        os.replace(temp, path)

    def half(self, source: int, target: int, name: str) -> None:
        """The file shows under its own name before it has all arrived."""
        data = (self.folders[source] / name).read_bytes()
        path = self.folders[target] / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data[: self.rng.randrange(0, max(1, len(data)))])

    def conflict_copy(self, source: int, target: int, name: str) -> None:
        stem, _, ext = name.rpartition(".")
        maker = self.rng.choice(CONFLICT_NAMES)
        data = (self.folders[source] / name).read_bytes()
        path = self.folders[target] / maker(stem, ext)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def step(self) -> str:
        """One piece of the engine's work, chosen by bad luck."""
        waiting = self.waiting()
        roll = self.rng.random()
        if roll < 0.06 and len(self.offline) < len(self.folders) - 1:
            self.go_offline(self.rng.randrange(len(self.folders)))
            return "offline"
        if roll < 0.12 and self.offline:
            self.come_back(self.rng.choice(sorted(self.offline)))
            return "back"
        if not waiting:
            return "idle"
        source, target, name = self.rng.choice(waiting)  # any file, in any order
        if roll < 0.25:
            self.half(source, target, name)
            return "half"
        if roll < 0.35 and (self.folders[target] / name).is_file():
            self.conflict_copy(source, target, name)
            return "conflict"
        self.copy(source, target, name)
        if roll < 0.45:
            self.copy(source, target, name)  # twice
        return "copy"

    def go_offline(self, index: int) -> None:
        """The laptop's copy of the folder is not there (no network, the drive unmapped)."""
        folder = self.folders[index]
        if index not in self.offline and folder.is_dir():
            folder.rename(folder.with_name(folder.name + "-away"))
            self.offline.add(index)

    def come_back(self, index: int) -> None:
        folder = self.folders[index]
        if index in self.offline:
            folder.with_name(folder.name + "-away").rename(folder)
            self.offline.discard(index)

    def settle(self) -> None:
        """Every laptop back, every file everywhere, whole."""
        for index in sorted(self.offline):
            self.come_back(index)
        for _ in range(3):
            for source, target, name in self.waiting():
                self.copy(source, target, name)


def _size_elsewhere(folders: list[Path], name: str) -> int:
    """The largest copy of a file anywhere (a half copy is never the largest)."""
    return max((f / name).stat().st_size for f in folders if (f / name).is_file())


def team_file_everywhere(engine: SyncEngine) -> None:
    source = next(f for f in engine.folders if (f / TEAM_FILE).is_file())
    for folder in engine.folders:
        if not (folder / TEAM_FILE).is_file():
            shutil.copy(source / TEAM_FILE, folder / TEAM_FILE)
        (folder / MEMBERS).mkdir(exist_ok=True)
