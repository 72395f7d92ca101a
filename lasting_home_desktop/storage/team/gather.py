"""Reading what the other laptops wrote: every new file in the team folder is read, checked,
opened and added to this laptop's cache.

A file that does not check out (half-copied, cut short, changed, not ours) is left unread and
tried again once its size or time changes; a file this laptop cannot read yet (its writer's
membership or its key is still on its way) waits until the membership or keys change. Neither
is ever taken as damage or as a deletion. On a new laptop each member's latest snapshot is read
first and the history behind it is read over the next rounds.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...domain.team_records import NotARecord, record_from_json
from .answers import answer_joins, take_answer
from .cache import FilesIndex
from .context import Round
from .entries import take_entries
from .folder import FolderFile
from .identity import MEMBER, REMOVED, WAITING
from .keys import KeyProblem, envelope_context, unwrap
from .sealing import KEYS, SEGMENT, SNAPSHOT, NotWhole, TeamFile, check_signature, open_json
from .sealing import parse_file as parse_team_file

MOST_BYTES = {SEGMENT: 128 * 1024**2, SNAPSHOT: 512 * 1024**2, KEYS: 1024**2}
HISTORY_BYTES_PER_ROUND = 4 * 1024**2  # history behind a snapshot read each round

_READ, _WAIT, _BAD, _GONE = "read", "wait", "bad", "gone"


def gather(rnd: Round) -> None:
    """Read every new file (TeamFolderProblem if the folder cannot be listed)."""
    listing = rnd.listing = rnd.folder.listing()
    files = rnd.cache.files
    _forget_gone(files, {f.rel for f in listing})
    if rnd.identity.state == WAITING:
        take_answer(rnd, listing)
    if rnd.identity.state != MEMBER:
        return
    todo = [f for f in listing if f.kind in MOST_BYTES and _unread(rnd, f)]
    if not files.started:
        _defer_history(files, todo)
    deferred = set(files.deferred)
    now = [f for f in todo if f.rel not in deferred]
    if files.started:
        now += _some_history([f for f in todo if f.rel in deferred])
    _read_all(rnd, now)
    files.deferred = [rel for rel in files.deferred if rel not in files.read]
    rnd.report.history_left = len(files.deferred)
    files.started = True
    if rnd.identity.is_admin:
        answer_joins(rnd, listing)


def _some_history(deferred: list[FolderFile]) -> list[FolderFile]:
    """A few megabytes of the history behind the snapshots, oldest first, so a new laptop's
    rounds stay quick while it reads the rest."""
    out, size = [], 0
    for found in sorted(deferred, key=lambda f: (f.seq or 0, f.rel)):
        if out and size + found.size > HISTORY_BYTES_PER_ROUND:
            break
        out.append(found)
        size += found.size
    return out


def _forget_gone(files: FilesIndex, present: set[str]) -> None:
    """Files no longer in the folder (tidied by their writer) leave the lists; what they held
    stays in the cache."""
    for table in (files.read, files.tried, files.waiting):
        for rel in [rel for rel in table if rel not in present]:
            del table[rel]
    files.deferred = [rel for rel in files.deferred if rel in present]


def _unread(rnd: Round, found: FolderFile) -> bool:
    files = rnd.cache.files
    if found.rel in files.read:
        return False
    if files.tried.get(found.rel) == list(found.stamp):
        return False  # not whole last time, and unchanged since
    return files.waiting.get(found.rel) != _knowledge(rnd)


def _knowledge(rnd: Round) -> int:
    """Changes when this laptop learns of a member or a key (so waiting files are tried)."""
    return len(rnd.cache.files.entries) * 1000 + len(rnd.identity.epochs)


def _defer_history(files: FilesIndex, todo: list[FolderFile]) -> None:
    best: dict[str, FolderFile] = {}
    for found in todo:
        if found.kind == SNAPSHOT and found.seq is not None:
            held = best.get(found.laptop)
            if held is None or (found.seq, found.rel) > (held.seq or 0, held.rel):
                best[found.laptop] = found
    for found in todo:
        snapshot = best.get(found.laptop)
        if snapshot is None or found is snapshot or found.seq is None:
            continue
        if found.kind in (SEGMENT, SNAPSHOT) and found.seq <= (snapshot.seq or 0):
            files.deferred.append(found.rel)


def _read_all(rnd: Round, todo: list[FolderFile]) -> None:
    # Keys first, then the admin's log (members), then snapshots, then segments in order.
    def order(found: FolderFile) -> tuple[int, str, int, str]:
        rank = {KEYS: 0, SNAPSHOT: 2, SEGMENT: 3}[found.kind]
        if found.kind == SEGMENT and found.laptop == rnd.identity.admin:
            rank = 1
        return (rank, found.laptop, found.seq or 0, found.rel)

    pending = sorted(todo, key=order)
    while pending:
        waiting = [found for found in pending if _read_one(rnd, found) == _WAIT]
        if len(waiting) == len(pending):
            break
        pending = waiting
    for found in pending:
        rnd.cache.files.waiting[found.rel] = _knowledge(rnd)
        rnd.report.waiting += 1


def _read_one(rnd: Round, found: FolderFile) -> str:
    files = rnd.cache.files
    try:
        data = rnd.folder.read(found.rel, MOST_BYTES[found.kind])
    except FileNotFoundError:
        return _GONE
    except OSError:
        return _not_whole(rnd, found)
    try:
        team_file = parse_team_file(data)
        header = team_file.header
        if header.team != rnd.identity.team_id or header.kind != found.kind:
            return _not_whole(rnd, found)
        signer = rnd.signer(header.writer)
        if signer is None:
            return _WAIT
        check_signature(team_file, signer)
        if header.kind == KEYS:
            _take_keys(rnd, team_file)
        else:
            key = rnd.identity.epochs.get(header.epoch)
            if key is None:
                return _WAIT
            _take_payload(rnd, team_file, open_json(team_file, key))
    except NotWhole:
        return _not_whole(rnd, found)
    files.read[found.rel] = list(found.stamp)
    files.tried.pop(found.rel, None)
    files.waiting.pop(found.rel, None)
    files.seen[team_file.header.writer] = rnd.stamp()
    return _READ


def _not_whole(rnd: Round, found: FolderFile) -> str:
    rnd.cache.files.tried[found.rel] = list(found.stamp)
    rnd.report.not_whole += 1
    return _BAD


def _take_keys(rnd: Round, team_file: TeamFile) -> None:
    """A new team key from the admin: kept if there is one for this laptop; if there is none
    in a newer epoch than any here, the admin removed this laptop."""
    identity = rnd.identity
    if team_file.header.writer != identity.admin:
        return
    payload = open_json(team_file, None)
    if not isinstance(payload, dict) or not isinstance(payload.get("keys"), dict):
        raise NotWhole("keys")
    epoch = int(payload.get("epoch", -1))
    envelope = payload["keys"].get(identity.laptop)
    if envelope is None:
        if epoch > identity.epoch:
            identity.state = REMOVED
            rnd.identity_changed = True
        return
    if epoch in identity.epochs:
        return
    try:
        context = envelope_context(identity.team_id, identity.laptop, epoch)
        identity.epochs[epoch] = unwrap(identity.keys, envelope, context)
    except KeyProblem:
        raise NotWhole("envelope") from None
    rnd.identity_changed = True


def _take_payload(rnd: Round, team_file: TeamFile, payload: Any) -> None:
    if not isinstance(payload, dict):
        raise NotWhole("payload")
    header = team_file.header
    if header.writer == rnd.identity.admin:
        take_entries(rnd, payload.get("entries", []))
    writer = rnd.worker_of(header.writer)
    records = payload.get("records", [])
    for raw in records if isinstance(records, list) else []:
        try:
            record = record_from_json(raw)
        except NotARecord:
            continue  # one bad record must not hide the others
        if record.laptop != header.writer:
            continue  # a laptop writes only its own records
        if header.kind == SEGMENT and record.segment != header.file_id:
            record = replace(record, segment=header.file_id)
        if not rnd.membership.counts(record.laptop, record.segment):
            continue  # a removed laptop's, after its cut
        if rnd.cache.add(record) and header.writer != rnd.identity.laptop:
            rnd.report.received[writer] += 1
            rnd.report.children.add(record.child_id)
