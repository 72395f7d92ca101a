"""One laptop's team sharing: a sync round in three steps.

1. `prepare` (GUI thread, reads the store): the parts saved here since the last round (at the
   start of a session, every part whose revision is not the team's), deletions made here, the
   children whose pictures may have changed.
2. `work` (any thread; never touches the store): read the team folder, share what changed here,
   resolve, and plan what the store should hold.
3. `finish` (GUI thread): write the plan into the store in one transaction.

`sync_now` does all three at once (the command line, tests). Only one round runs at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ...domain.ids import new_id
from ...domain.team_merge import MEDIA, TOMBSTONE
from ...domain.team_status import DAMAGED, NOT_IN_TEAM, TeamStatus
from ..caseload import CaseloadStore
from ..changes import RECORD, REMOVED, TEAM, Change
from ..safe_files import StorageWriteError
from .apply import Applied, Plan, apply_plan, plan_round
from .cache import PartKey, TeamCache
from .context import Report, Round
from .folder import TeamFolder, TeamFolderProblem
from .gather import gather
from .identity import MEMBER, WAITING, TeamIdentity, load_identity, save_identity
from .local_files import LocalStateDamaged
from .media_sync import SETTLE_SECONDS, MediaWork, after_shared, media_round, write_blobs
from .pending import PendingChanges
from .publish import (
    LocalChanges,
    LocalPart,
    local_records,
    maybe_snapshot,
    stand_in_revision,
    write_segments,
)
from .sealing import NotWhole

Clock = Callable[[], dt.datetime]
_BULK = 20  # more changed parts than this in one part's table: read the table once
MOST_ROUNDS = 100  # sync_now: rounds until every picture waiting has been brought in


def _now() -> dt.datetime:
    return dt.datetime.now()


@dataclass
class RoundInput:
    load_only: bool  # the cache is not loaded yet: read the folder, share nothing yet
    local: LocalChanges
    store_revisions: dict[PartKey, str] | None  # every stored revision (a full check)
    check: set[PartKey]
    media_children: set[str]
    now: dt.datetime


@dataclass
class RoundResult:
    report: Report
    plan: Plan | None = None
    shared: bool = False
    media_unsettled: set[str] = field(default_factory=set)
    media_wanted: set[str] = field(default_factory=set)
    local_keys: set[PartKey] = field(default_factory=set)
    media_children: set[str] = field(default_factory=set)
    deletions: list[tuple[str, str]] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)
    applied: Applied | None = None
    more_pictures: bool = False  # pictures left for the round straight after this one
    problem: str = ""  # a local problem (the data folder could not be written)


class TeamSync:
    def __init__(
        self,
        store: CaseloadStore,
        clock: Clock = _now,
        folder: Callable[[str], TeamFolder] = TeamFolder,
        settle_seconds: float = SETTLE_SECONDS,
    ):
        self.store = store
        self.settle_seconds = settle_seconds
        self.clock = clock
        self._folder = folder
        self.damaged = False  # this laptop's team settings could not be read
        self.identity: TeamIdentity | None = self._load_identity()
        self.cache = TeamCache(store.folder, store.key)
        self.pending = PendingChanges.load(store.folder, store.key)
        self.last_synced: dt.datetime | None = None
        self.last_report: Report | None = None
        self._dirty: set[PartKey] = set()
        self._media_dirty: set[str] = set()
        self._since_prepare: set[PartKey] = set()
        self._full = True
        self._stop = store.changes.subscribe(self._heard)

    def close(self) -> None:
        self._stop()

    @property
    def active(self) -> bool:
        return self.identity is not None and self.identity.state in (MEMBER, WAITING)

    def _load_identity(self) -> TeamIdentity | None:
        try:
            return load_identity(self.store.folder, self.store.key)
        except LocalStateDamaged:
            self.damaged = True
            return None

    def reload_identity(self) -> None:
        """After creating or joining a team: this laptop's team state is read afresh."""
        self.damaged = False
        self.identity = self._load_identity()
        self.cache = TeamCache(self.store.folder, self.store.key)
        self.pending = PendingChanges.load(self.store.folder, self.store.key)
        self.last_synced = None
        self.last_report = None
        self._full = True

    # -- hearing local saves -------------------------------------------------------------------

    def _heard(self, change: Change) -> None:
        if change.origin == TEAM or not change.child_id or change.part.startswith("_"):
            return
        key = (change.child_id, change.part)
        self._since_prepare.add(key)
        self._media_dirty.add(change.child_id)
        if change.kind == REMOVED and self.active:
            part = TOMBSTONE if change.part == RECORD else change.part
            self.pending.add_deletion(change.child_id, part)
        else:
            self._dirty.add(key)

    def note_chosen(self, child_id: str, part: str, paths: list[str]) -> None:
        """A worker chose between clashing values: the record shared next settles them."""
        self.pending.add_chosen(child_id, part, paths)

    @property
    def changes_waiting(self) -> int:
        return len(self._dirty) + len(self.pending.deletions)

    # -- 1. prepare ------------------------------------------------------------------------------

    def prepare(self) -> RoundInput | None:
        if not self.active:
            return None
        assert self.identity is not None
        now = self.clock()
        self._since_prepare = set()
        if not self.cache.loaded or self.identity.state == WAITING:
            return RoundInput(True, LocalChanges(), None, set(), set(), now)
        local = LocalChanges(
            deletions=list(self.pending.deletions),
            chosen={k: list(v) for k, v in self.pending.chosen.items()},
            worker=self.store.audit.worker or self.identity.worker,
        )
        revisions: dict[PartKey, str] | None = None
        if self._full:
            revisions, changed = self._all_revisions()
            media = {c for c, _ in revisions} | self.cache.children()
        else:
            changed = set(self._dirty)
            media = set(self._media_dirty)
        chosen = {tuple(key.split("/", 1)) for key in self.pending.chosen}
        local.parts = self._local_parts(changed | {(c, p) for c, p in chosen})
        check = set(self._dirty)
        self._full = False
        self._dirty = set()
        self._media_dirty = set()
        return RoundInput(False, local, revisions, check, media, now)

    def _all_revisions(self) -> tuple[dict[PartKey, str], set[PartKey]]:
        """Every stored revision, and the parts whose revision the team does not know."""
        revisions: dict[PartKey, str] = {}
        unknown: set[PartKey] = set()
        for part in self.store.part_names():
            for child_id, (rev, _prev) in self.store.part_revisions(part).items():
                revisions[(child_id, part)] = rev
                if self.cache.frontier(child_id, part, rev) is None:
                    unknown.add((child_id, part))
        return revisions, unknown

    def _local_parts(self, keys: set[PartKey]) -> list[LocalPart]:
        out: list[LocalPart] = []
        by_part: dict[str, list[str]] = {}
        for child_id, part in keys:
            by_part.setdefault(part, []).append(child_id)
        for part, children in sorted(by_part.items()):
            if len(children) > _BULK:
                stored = self.store.stored_parts(part, children)
            else:
                stored = {c: self.store.part(c, part) for c in children}
            for child_id in sorted(children):
                found = stored.get(child_id)
                if found is None or found.data is None:
                    continue  # removed: a deletion, told by the pending list
                revision = found.revision or stand_in_revision(child_id, part, found.data)
                out.append(LocalPart(child_id, part, found.data, revision, found.previous))
        return out

    # -- 2. work (no store here) -------------------------------------------------------------------

    def work(self, job: RoundInput) -> RoundResult:
        assert self.identity is not None
        rnd = Round(
            self.identity,
            self.cache,
            self._folder(self.identity.team_dir),
            job.now,
            self.store.folder,
            self.store.key,
            self.settle_seconds,
        )
        result = RoundResult(
            rnd.report,
            local_keys={(p.child_id, p.part) for p in job.local.parts} | job.check,
            media_children=set(job.media_children),
        )
        try:
            self.cache.load()
            media: list[MediaWork] = []
            try:
                gather(rnd)
                if self.identity.state == MEMBER:
                    media = self._share(rnd, job, result)
                self.cache.files.last_synced = rnd.stamp()
            except TeamFolderProblem as problem:
                rnd.report.folder_problem = problem.reason
            result.plan = plan_round(rnd, job.check, job.store_revisions)
            result.plan.media = [w for w in media if w.record is None]
        finally:
            self.cache.touched.clear()
            try:
                self.cache.save()
                if rnd.identity_changed:
                    save_identity(self.store.folder, self.store.key, self.identity)
            except (OSError, LocalStateDamaged) as error:
                result.problem = getattr(error, "kind_message", str(error))
        return result

    def _share(self, rnd: Round, job: RoundInput, result: RoundResult) -> list[MediaWork]:
        segment = new_id(16)
        records = [] if job.load_only else local_records(rnd, job.local, segment)
        clock = max([r.lamport for r in records], default=rnd.cache.files.lamport)
        children = set(job.media_children)
        children |= {c for c, p in rnd.cache.touched if p == MEDIA}
        works: list[MediaWork] = []
        worker = job.local.worker or rnd.identity.worker
        for child_id in sorted(children):
            clock += 1
            try:
                works.append(media_round(rnd, self.store.media, child_id, worker, clock, segment))
            except (NotWhole, OSError):
                result.media_unsettled.add(child_id)
        sharing = [w for w in works if w.record is not None]
        write_blobs(rnd, sharing)
        write_segments(rnd, records + [w.record for w in sharing if w.record], segment)
        for work in sharing:
            after_shared(rnd, work)
        result.shared = True
        result.deletions = list(job.local.deletions)
        result.chosen = list(job.local.chosen)
        result.media_unsettled |= {w.child_id for w in works if w.unsettled}
        # Shared ones are looked at again next round: the team may have pictures to bring.
        result.media_wanted = {
            w.child_id for w in works if w.wanted or w.later or w.record is not None
        }
        result.more_pictures = any(w.later for w in works)
        maybe_snapshot(rnd)
        return works

    # -- 3. finish -------------------------------------------------------------------------------

    def finish(self, result: RoundResult) -> RoundResult:
        was_waiting = self.identity is not None and self.identity.state == WAITING
        if result.plan is not None:
            try:
                result.applied = apply_plan(
                    self.store, self.cache, result.plan, self._since_prepare
                )
            except StorageWriteError as error:
                result.problem = error.kind_message
                result.applied = Applied(skipped=[(p.child_id, p.part) for p in result.plan.parts])
            self._dirty |= set(result.applied.skipped)
        if result.shared:
            self.pending.done(result.deletions, result.chosen)
        else:  # nothing was shared: all of it waits for the next round
            self._dirty |= result.local_keys
            self._media_dirty |= result.media_children
        self._media_dirty |= result.media_unsettled | result.media_wanted
        if not result.report.folder_problem:
            self.last_synced = self.clock()
        self.last_report = result.report
        if was_waiting and self.identity is not None and self.identity.state == MEMBER:
            self._full = True  # just let in: share everything this laptop already holds
            name = self.identity.team_name
            self.store.record_done("team-joined", "", f"Let into the team '{name}'")
        if self.cache.rebuilt:
            self.cache.rebuilt = False
            self._full = True
        return result

    def sync_now(self) -> RoundResult | None:
        """Prepare, work and finish at once, until the cache is loaded and checked. The result
        tells what came and went in all of it."""
        results = []
        for _ in range(MOST_ROUNDS):
            job = self.prepare()
            if job is None:
                break
            results.append(self.finish(self.work(job)))
            if not job.load_only and not self._full and not results[-1].more_pictures:
                break
        if not results:
            return None
        last = results[-1]
        for earlier in results[:-1]:
            _add_report(last.report, earlier.report)
            if earlier.applied is not None and last.applied is not None:
                last.applied.parts += earlier.applied.parts
                last.applied.deleted += earlier.applied.deleted
                last.applied.pictures += earlier.applied.pictures
        return last

    # -- how it stands ---------------------------------------------------------------------------

    def status(self) -> TeamStatus:
        identity = self.identity
        if identity is None:
            return TeamStatus(DAMAGED if self.damaged else NOT_IN_TEAM)
        report = self.last_report
        return TeamStatus(
            identity.state,
            self.last_synced or _when(self.cache.files.last_synced),
            report.folder_problem if report else "",
            self.changes_waiting,
            identity.note,
        )


def _when(stamp: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        return None


def _add_report(into: Report, other: Report) -> None:
    into.received.update(other.received)
    into.children |= other.children
    into.sent += other.sent
    into.pictures_sent += other.pictures_sent
    into.accepted += other.accepted
    into.refused += other.refused
    into.wrote = into.wrote or other.wrote
