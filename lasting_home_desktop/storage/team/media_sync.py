"""Pictures (drawings and photos) between laptops.

Each child has a `media` part: for each picture file in their media folder, the blob in the team
folder that holds it and its SHA-256. It merges like any part, so two laptops adding photos
both keep theirs. A blob is a sealed, signed file of its own, written before any record that
refers to it. This laptop remembers what its media folder held when it last shared or received
(`MediaEntry.local`), which tells a picture changed here from one the team changed.

A picture still being drawn (changed in the last few seconds) waits for the next round.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ...domain.ids import new_id
from ...domain.team_merge import MEDIA, TeamRecord
from ..media import MediaStore
from .context import Round
from .folder import MEMBERS
from .publish import ancestor_hints
from .sealing import MEDIA as MEDIA_FILE
from .sealing import NotWhole, check_signature, make_file, new_header, open_body, parse_file

SETTLE_SECONDS = 15.0  # a picture changed more recently than this is still being drawn
MOST_BYTES = 64 * 1024**2
_FILE = re.compile(r"^[a-z0-9]{6,40}\.[a-z0-9]{1,5}$")


@dataclass(frozen=True)
class LocalFile:
    sha: str
    stamp: tuple[int, int]  # size, mtime: to see it did not change before it is replaced


@dataclass
class MediaWork:
    """One child's pictures this round: a record and blobs to share, files to write here."""

    child_id: str
    record: TeamRecord | None = None
    blobs: list[tuple[str, bytes]] = field(default_factory=list)  # blob id, sealed file
    local_after: dict[str, str] = field(default_factory=dict)  # once shared
    writes: list[tuple[str, bytes, str]] = field(default_factory=list)  # name, contents, sha
    deletes: list[str] = field(default_factory=list)
    seen: dict[str, LocalFile] = field(default_factory=dict)  # the folder as it was read
    heads: tuple[str, ...] = ()
    by: str = ""
    wanted: int = 0  # pictures whose blob has not come yet
    later: int = 0  # pictures left for the next round (this round brought enough)
    unsettled: bool = False


def media_round(
    rnd: Round, store: MediaStore, child_id: str, worker: str, clock: int, segment: str
) -> MediaWork:
    work = MediaWork(child_id)
    if rnd.cache.deleted(child_id):
        return work
    entry = rnd.cache.media_entry(child_id)
    files, work.unsettled = _scan(rnd, store, child_id)
    work.seen = files
    state = rnd.cache.state(child_id, MEDIA)
    team = dict(state.data or {}) if state is not None else {}
    team_sha = {name: str(value).rsplit("/", 1)[-1] for name, value in team.items()}
    desired = dict(team)
    local_after = dict(entry.local)
    for name, found in files.items():
        if team_sha.get(name) == found.sha:
            local_after[name] = found.sha
        elif entry.local.get(name) != found.sha:  # changed or added here: share it
            desired[name] = _blob_ref(rnd, store, child_id, name, found.sha, work)
            local_after[name] = found.sha
    for name in list(entry.local):
        if name not in files and name in team:  # deleted here
            del desired[name]
            local_after.pop(name, None)
    if desired != team:
        base = list(entry.applied) if state is not None else []
        work.record = TeamRecord(
            record_id=new_id(16),
            child_id=child_id,
            part=MEDIA,
            laptop=rnd.identity.laptop,
            lamport=clock,
            wall=rnd.stamp(),
            parents=tuple(sorted(base)),
            ancestors=ancestor_hints(rnd.cache.entry(child_id, MEDIA), base),
            data=desired,
            by=worker,
            segment=segment,
        )
        work.local_after = local_after
    elif state is not None:
        _receive(rnd, work, team, team_sha, files, entry.local)
        work.heads = state.heads
        work.by = state.by[-1] if state.by else ""
    return work


def _scan(rnd: Round, store: MediaStore, child_id: str) -> tuple[dict[str, LocalFile], bool]:
    """The child's picture files now (a file changed in the last few seconds is left as it
    was last known)."""
    entry = rnd.cache.media_entry(child_id)
    out: dict[str, LocalFile] = {}
    unsettled = False
    try:
        listing = list(os.scandir(store.child_folder(child_id)))
    except (OSError, ValueError):
        listing = []
    now = time.time()  # the file system's own clock, whatever the laptop's clock says
    for item in listing:
        if not _FILE.match(item.name):
            continue
        try:
            stat = item.stat()
        except OSError:
            continue
        stamp = (stat.st_size, stat.st_mtime_ns)
        if now - stat.st_mtime_ns / 1e9 < rnd.settle_seconds:
            unsettled = True
            if item.name in entry.local:
                out[item.name] = LocalFile(entry.local[item.name], stamp)
            continue
        known = entry.hashes.get(item.name)
        if known and list(known[:2]) == list(stamp):
            out[item.name] = LocalFile(str(known[2]), stamp)
            continue
        media_id, ext = item.name.rsplit(".", 1)
        data = store.read_or_none(child_id, media_id, ext)
        if data is None:
            continue
        sha = hashlib.sha256(data).hexdigest()
        entry.hashes[item.name] = [stamp[0], stamp[1], sha]
        rnd.cache.mark_media(child_id)
        out[item.name] = LocalFile(sha, stamp)
    for name in [n for n in entry.hashes if n not in out and n not in entry.local]:
        del entry.hashes[name]
    return out, unsettled


def _blob_ref(
    rnd: Round, store: MediaStore, child_id: str, name: str, sha: str, work: MediaWork
) -> str:
    """Where the team folder has (or will have) this picture: "laptop/blob/sha"."""
    identity = rnd.identity
    media_id, ext = name.rsplit(".", 1)
    data = store.read_or_none(child_id, media_id, ext)
    if data is None or hashlib.sha256(data).hexdigest() != sha:
        raise NotWhole("the picture changed while it was read")
    blob = new_id(16)
    header = replace(
        new_header(MEDIA_FILE, identity.team_id, identity.laptop, identity.epoch),
        file_id=blob,
        compressed=False,
    )
    work.blobs.append((blob, make_file(header, data, identity.team_key, identity.keys.sign)))
    return f"{identity.laptop}/{blob}/{sha}"


def _receive(
    rnd: Round,
    work: MediaWork,
    team: dict[str, object],
    team_sha: dict[str, str],
    files: dict[str, LocalFile],
    known: dict[str, str],
) -> None:
    for name, value in sorted(team.items()):
        found = files.get(name)
        if found is not None and found.sha == team_sha[name]:
            continue
        if found is not None and known.get(name) != found.sha:
            continue  # changed here meanwhile: shared next round instead
        if rnd.picture_budget <= 0:
            work.later += 1
            continue
        rnd.picture_budget -= 1
        data = _read_blob(rnd, str(value))
        if data is None:
            work.wanted += 1
        else:
            work.writes.append((name, data, team_sha[name]))
    for name, sha in known.items():
        if name not in team and name in files and files[name].sha == sha:
            work.deletes.append(name)


def _read_blob(rnd: Round, ref: str) -> bytes | None:
    """A picture from the team folder, checked; None if it has not come (whole) yet."""
    parts = ref.split("/")
    if len(parts) != 3 or not all(re.fullmatch(r"[0-9a-f]{16,64}", part) for part in parts):
        return None
    laptop, blob, sha = parts
    signer = rnd.signer(laptop)
    if signer is None:
        return None
    for rel in _blob_files(rnd, laptop, blob):
        if rel is None:
            break
        try:
            team_file = parse_file(rnd.folder.read(rel, MOST_BYTES))
            check_signature(team_file, signer)
            key = rnd.identity.epochs.get(team_file.header.epoch)
            if key is None or team_file.header.file_id != blob:
                continue
            data = open_body(team_file, key)
        except (OSError, ValueError, NotWhole):
            continue
        if hashlib.sha256(data).hexdigest() == sha:
            return data
    return None


def _blob_files(rnd: Round, laptop: str, blob: str) -> Iterator[str | None]:
    """The blob's own file first, then (only if that did not do) any copy a sync engine made
    of it; None when there is nothing more to try."""
    yield f"{MEMBERS}/{laptop}/media-{blob}.lhm"
    try:
        folder = rnd.folder.root / MEMBERS / laptop
        copies = [p.name for p in folder.glob(f"media-{blob}*") if p.name != f"media-{blob}.lhm"]
    except (OSError, ValueError):
        copies = []
    for name in copies:
        yield f"{MEMBERS}/{laptop}/{name}"
    yield None


def write_blobs(rnd: Round, works: list[MediaWork]) -> None:
    for work in works:
        for blob, data in work.blobs:
            rnd.folder.write(rnd.identity.laptop, f"media-{blob}.lhm", data)
            rnd.report.pictures_sent += 1
            rnd.report.wrote = True


def after_shared(rnd: Round, work: MediaWork) -> None:
    entry = rnd.cache.media_entry(work.child_id)
    entry.local = dict(work.local_after)
    if work.record is not None:
        entry.applied = [work.record.record_id]
    rnd.cache.mark_media(work.child_id)
