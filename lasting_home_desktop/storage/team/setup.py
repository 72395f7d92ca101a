"""Making a team, inviting a laptop with a one-time join code, joining, and removing a member.

Every problem is a `TeamSetupProblem` with a kind, plain message; nothing is changed then.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ...domain.ids import new_id
from ...domain.team_membership import MEMBER as MEMBER_ENTRY
from ...domain.team_membership import REMOVED as REMOVED_ENTRY
from ...domain.team_membership import TEAM, Member, Membership, entry_time
from ..caseload import CaseloadStore
from ..crypto import ScryptCost
from .cache import TeamCache
from .folder import MISSING, READ_ONLY, TeamFolder, TeamFolderProblem, file_name
from .identity import (
    MEMBER,
    WAITING,
    Invite,
    TeamIdentity,
    load_identity,
    save_identity,
)
from .keys import (
    CODE_COST,
    JoinCode,
    LaptopKeys,
    b64,
    code_key,
    code_tag,
    envelope_context,
    new_join_code,
    new_team_key,
    read_join_code,
    team_check,
    team_id_for,
    wrap_for,
)
from .local_files import LocalStateDamaged, team_state_folder
from .sealing import JOIN, KEYS, json_bytes, make_file, new_header
from .sync import TeamSync

INVITE_DAYS = 7
LONGEST_NAME = 120


class TeamSetupProblem(Exception):
    def __init__(self, kind_message: str):
        self.kind_message = kind_message
        super().__init__(kind_message)


def create_team(
    store: CaseloadStore, team_dir: Path, team_name: str, worker: str, now: dt.datetime
) -> TeamIdentity:
    """This laptop becomes the admin (the Team Manager's laptop) of a new team in `team_dir`.
    Every child already here is shared on the first sync."""
    name = _clean(team_name)
    if not name:
        raise TeamSetupProblem("Please give the team a name, for example 'Fylde Children's Team'.")
    _not_in_a_team(store)
    keys = LaptopKeys.new()
    team_id = team_id_for(keys.sign_public)
    folder = TeamFolder(Path(team_dir).expanduser().resolve())
    try:
        folder.root.mkdir(parents=True, exist_ok=True)
        if any(folder.root.iterdir()):
            raise TeamSetupProblem(
                f"{folder.root} already has files in it. Please choose an empty folder in the "
                "council's shared or synced storage for the team."
            )
        folder.create(team_id)
    except TeamFolderProblem as problem:
        raise TeamSetupProblem(_folder_message(problem, folder.root)) from None
    except OSError as error:
        raise TeamSetupProblem(
            f"{folder.root} could not be used ({error.strerror or error}). Please choose a "
            "folder this laptop can write to."
        ) from None
    identity = TeamIdentity(
        team_id,
        str(folder.root),
        keys,
        _clean(worker),
        MEMBER,
        admin=keys.laptop_id,
        admin_sign=keys.sign_public,
        admin_receive=keys.receive_public,
        epochs={0: new_team_key()},
        team_name=name,
    )
    _forget_old_team(store)
    save_identity(store.folder, store.key, identity)
    stamp = entry_time(now)
    cache = TeamCache(store.folder, store.key)
    cache.load()
    for entry in (
        {"t": TEAM, "id": new_id(16), "name": name, "when": stamp},
        _member_entry(identity.laptop, keys, identity.worker, stamp, admin=True),
    ):
        cache.files.entries[entry["id"]] = entry
        cache.files.outbox.append(entry["id"])
    cache.save()
    store.record_done("team-created", "", f"Team '{name}'; this laptop is its Team Manager's")
    return identity


def make_invite(sync: TeamSync, now: dt.datetime, cost: ScryptCost = CODE_COST) -> JoinCode:
    """A one-time join code (shown once; valid for 7 days; only a key made from it is kept).
    Not while a round runs (the round keeps the same identity)."""
    store = sync.store
    identity = _admin(sync)
    code = new_join_code(identity.team_id)
    key = code_key(code, identity.team_id, cost)
    identity.invites = [
        i for i in identity.invites if not i.expired(now - dt.timedelta(days=30)) or i.used_by
    ]
    identity.invites.append(
        Invite(
            code.invite,
            code_tag(key),
            b64(key),
            entry_time(now),
            entry_time(now + dt.timedelta(days=INVITE_DAYS)),
        )
    )
    save_identity(store.folder, store.key, identity)
    store.record_done("team-invited", "", f"A one-time join code, valid for {INVITE_DAYS} days")
    return code


def request_join(
    store: CaseloadStore,
    team_dir: Path,
    code_text: str,
    worker: str,
    now: dt.datetime,
    cost: ScryptCost = CODE_COST,
) -> TeamIdentity:
    """Ask to join the team in `team_dir` with a join code; this laptop then waits for the
    Team Manager's laptop to let it in (on that laptop's next sync)."""
    _not_in_a_team(store, allow_waiting=True)
    code = read_join_code(code_text)
    if code is None:
        raise TeamSetupProblem(
            "That is not a whole join code: it has 24 letters and digits in six groups, like "
            "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ. Please check it with the Team Manager."
        )
    folder = TeamFolder(Path(team_dir).expanduser().resolve())
    try:
        team_id = folder.team_id()
    except TeamFolderProblem as problem:
        raise TeamSetupProblem(_folder_message(problem, folder.root)) from None
    if code.team_check != team_check(team_id):
        raise TeamSetupProblem(
            "That join code is for a different team folder. Please check you chose the "
            "team's folder, and the code with the Team Manager."
        )
    keys = LaptopKeys.new()
    key = code_key(code, team_id, cost)
    tag = code_tag(key)
    request = {
        "sign": keys.sign_public,
        "receive": keys.receive_public,
        "worker": _clean(worker),
        "when": entry_time(now),
    }
    header = new_header(JOIN, team_id, keys.laptop_id, tag=tag)
    try:
        folder.write(
            keys.laptop_id,
            file_name(JOIN, 0, header.file_id),
            make_file(header, json_bytes(request), key, keys.sign),
        )
    except TeamFolderProblem as problem:
        raise TeamSetupProblem(_folder_message(problem, folder.root)) from None
    _forget_old_team(store)
    identity = TeamIdentity(
        team_id, str(folder.root), keys, _clean(worker), WAITING, join_tag=tag, join_key=b64(key)
    )
    save_identity(store.folder, store.key, identity)
    store.record_done("team-join-asked", "", "Asked to join a team with a join code")
    return identity


def remove_member(sync: TeamSync, name_or_id: str, now: dt.datetime) -> Member:
    """Remove a member: a new team key for everyone else (written at once), and a cut after
    which the removed laptop's records are ignored (shared on the next sync)."""
    identity = _admin(sync)
    sync.cache.load()
    membership = Membership.from_entries(sync.cache.files.entries.values())
    member = _one_member(membership, name_or_id)
    cut = sorted(
        {
            record.segment
            for entry in sync.cache.parts.values()
            for record in entry.records.values()
            if record.laptop == member.laptop and record.segment
        }
    )
    epoch = identity.epoch + 1
    key = new_team_key()
    envelopes = {
        other.laptop: wrap_for(
            other.receive_key, key, envelope_context(identity.team_id, other.laptop, epoch)
        )
        for other in membership.current()
        if other.laptop != member.laptop
    }
    header = new_header(KEYS, identity.team_id, identity.laptop, -1, seq=identity.next_seq())
    data = make_file(
        header, json_bytes({"epoch": epoch, "keys": envelopes}), None, identity.keys.sign
    )
    folder = TeamFolder(identity.team_dir)
    try:
        folder.write(identity.laptop, file_name(KEYS, header.seq, header.file_id), data)
    except TeamFolderProblem as problem:
        raise TeamSetupProblem(
            _folder_message(problem, folder.root) + " Nobody has been removed yet."
        ) from None
    identity.epochs[epoch] = key
    save_identity(sync.store.folder, sync.store.key, identity)
    entry: dict[str, object] = {
        "t": REMOVED_ENTRY,
        "id": new_id(16),
        "laptop": member.laptop,
        "cut": cut,
        "epoch": epoch,
        "when": entry_time(now),
    }
    sync.cache.files.entries[entry["id"]] = entry
    sync.cache.files.outbox.append(entry["id"])
    sync.cache.save()
    sync.store.record_done("team-member-removed", "", f"Removed {member.label}'s laptop")
    return member


def find_team_folder_at(sync: TeamSync, team_dir: Path) -> TeamIdentity:
    """The team folder is somewhere else on this laptop now (the library synced again to a new
    place, a network drive under a new letter): from now on it is looked for in `team_dir`.
    Only the same team's folder is taken. Not while a round runs."""
    identity = sync.identity
    if identity is None:
        raise TeamSetupProblem("This laptop is not in a team.")
    folder = TeamFolder(Path(team_dir).expanduser().resolve())
    try:
        team_id = folder.team_id()
    except TeamFolderProblem as problem:
        if problem.reason == MISSING:
            raise TeamSetupProblem(_folder_message(problem, folder.root)) from None
        raise TeamSetupProblem(
            f"{folder.root} is not a Lasting Home team folder. Please choose the folder that "
            "holds lasting-home-team.json and the members folder."
        ) from None
    if team_id != identity.team_id:
        raise TeamSetupProblem(
            f"{folder.root} is another team's folder. Please choose the folder of "
            f"{identity.team_name or 'your team'}."
        )
    identity.team_dir = str(folder.root)
    save_identity(sync.store.folder, sync.store.key, identity)
    sync.store.record_done("team-folder-found", "", "The team folder is found at a new place")
    return identity


def team_identity(store: CaseloadStore) -> TeamIdentity | None:
    return load_identity(store.folder, store.key)


# -- inside -------------------------------------------------------------------------------------


def _member_entry(
    laptop: str, keys: LaptopKeys, worker: str, stamp: str, admin: bool = False
) -> dict[str, object]:
    return {
        "t": MEMBER_ENTRY,
        "id": new_id(16),
        "laptop": laptop,
        "sign": keys.sign_public,
        "dh": keys.receive_public,
        "name": worker,
        "when": stamp,
        "admin": admin,
    }


def _admin(sync: TeamSync) -> TeamIdentity:
    identity = sync.identity
    if identity is None or identity.state != MEMBER:
        raise TeamSetupProblem("This laptop is not in a team yet.")
    if not identity.is_admin:
        raise TeamSetupProblem(
            "Only the Team Manager's laptop (the one that made the team) can do this."
        )
    return identity


def _not_in_a_team(store: CaseloadStore, allow_waiting: bool = False) -> None:
    try:
        identity = load_identity(store.folder, store.key)
    except LocalStateDamaged:
        return  # unreadable team settings: joining again starts them afresh
    if identity is None:
        return
    if identity.state == MEMBER or (identity.state == WAITING and not allow_waiting):
        raise TeamSetupProblem(
            "This laptop is already in a team. A laptop belongs to one team at a time."
        )


def _forget_old_team(store: CaseloadStore) -> None:
    """A laptop removed from a team (or whose join was refused) starts afresh."""
    shutil.rmtree(team_state_folder(store.folder), ignore_errors=True)


def _one_member(membership: Membership, name_or_id: str) -> Member:
    found = membership.find(name_or_id)
    if not found:
        names = ", ".join(m.label for m in membership.current() if not m.admin) or "none yet"
        raise TeamSetupProblem(f"No member of the team is called '{name_or_id}'. Members: {names}.")
    if len(found) > 1:
        ids = ", ".join(m.laptop[:8] for m in found)
        raise TeamSetupProblem(
            f"More than one member is called '{name_or_id}': please give the laptop id "
            f"instead ({ids})."
        )
    if found[0].admin:
        raise TeamSetupProblem("The Team Manager's own laptop cannot be removed from the team.")
    return found[0]


def _clean(text: str) -> str:
    return " ".join(str(text).split())[:LONGEST_NAME]


def _folder_message(problem: TeamFolderProblem, root: Path) -> str:
    if problem.reason == MISSING:
        return (
            f"The team folder {root} cannot be reached. Please check the laptop is connected "
            "and the folder is synced, then try again."
        )
    if problem.reason == READ_ONLY:
        return f"This laptop cannot write to the team folder {root}. Please ask IT to check it."
    return f"The team folder {root} could not be used: {problem}."
