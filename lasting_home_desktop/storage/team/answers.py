"""Letting a laptop in: the admin laptop answers join requests, and the joining laptop takes the
answer.

A request is sealed with the join code's key and signed with the joining laptop's new key; the
admin accepts the first valid request for each code (single use, within 7 days of the admin's
own clock). The answer is sealed with the code's key too and signed by the admin, and the team
keys inside are wrapped for the joining laptop's own key: someone who can write in the folder
but does not hold the code can neither forge an answer nor read one.
"""

from __future__ import annotations

from typing import Any

from ...domain.ids import new_id
from ...domain.team_membership import INVITE_USED
from ...domain.team_membership import MEMBER as MEMBER_ENTRY
from .context import Round
from .entries import take_entries
from .folder import FolderFile, file_name
from .identity import MEMBER, REFUSED, Invite
from .keys import (
    KeyProblem,
    envelope_context,
    laptop_id,
    public_sign_key,
    team_id_for,
    unb64,
    unwrap,
    wrap_for,
)
from .sealing import (
    ACCEPT,
    JOIN,
    REFUSE,
    NotWhole,
    check_signature,
    json_bytes,
    make_file,
    new_header,
    open_json,
    parse_file,
)

MOST_BYTES = 256 * 1024
USED = "used"
EXPIRED = "expired"


# -- on the admin's laptop ---------------------------------------------------------------------


def answer_joins(rnd: Round, listing: list[FolderFile]) -> None:
    files = rnd.cache.files
    for found in listing:
        if found.kind != JOIN or found.rel in files.read:
            continue
        if files.tried.get(found.rel) == list(found.stamp):
            continue
        try:
            _answer(rnd, found)
        except NotWhole:
            files.tried[found.rel] = list(found.stamp)
            continue
        files.read[found.rel] = list(found.stamp)


def _answer(rnd: Round, found: FolderFile) -> None:
    try:
        team_file = parse_file(rnd.folder.read(found.rel, MOST_BYTES))
    except OSError:
        raise NotWhole("unreadable") from None
    header = team_file.header
    invite = next((i for i in rnd.identity.invites if i.tag == header.tag), None)
    if invite is None or header.team != rnd.identity.team_id:
        return  # not for a code this laptop gave: nothing to answer
    key = unb64(invite.key)
    request = open_json(team_file, key)
    if not isinstance(request, dict):
        raise NotWhole("request")
    try:
        sign = str(request["sign"])
        receive = str(request["receive"])
        if laptop_id(sign) != header.writer:
            raise NotWhole("laptop")
        check_signature(team_file, public_sign_key(sign))
    except (KeyError, KeyProblem):
        raise NotWhole("request") from None
    used = rnd.membership.used_invites.get(invite.invite) or invite.used_by
    if used and used != header.writer:
        _write_answer(rnd, invite, REFUSE, {"reason": USED}, header.writer)
        rnd.report.refused += 1
    elif not used and invite.expired(rnd.now):
        _write_answer(rnd, invite, REFUSE, {"reason": EXPIRED}, header.writer)
        rnd.report.refused += 1
    else:
        _accept(rnd, invite, header.writer, sign, receive, str(request.get("worker", ""))[:200])


def _accept(rnd: Round, invite: Invite, laptop: str, sign: str, receive: str, worker: str) -> None:
    identity = rnd.identity
    if not invite.used_by:
        # Recorded before the answer is written: a crash in between answers the same laptop
        # again next time, and never a second one.
        invite.used_by = laptop
        rnd.save_identity()
    if laptop not in rnd.membership.members:
        stamp = rnd.stamp()
        for entry in (
            {
                "t": MEMBER_ENTRY,
                "id": new_id(16),
                "laptop": laptop,
                "sign": sign,
                "dh": receive,
                "name": worker,
                "when": stamp,
            },
            {
                "t": INVITE_USED,
                "id": new_id(16),
                "invite": invite.invite,
                "laptop": laptop,
                "when": stamp,
            },
        ):
            rnd.cache.files.entries[entry["id"]] = entry
            rnd.cache.files.outbox.append(entry["id"])
        rnd.entries_changed()
    keys = {
        str(epoch): wrap_for(receive, key, envelope_context(identity.team_id, laptop, epoch))
        for epoch, key in identity.epochs.items()
    }
    answer = {
        "team": identity.team_id,
        "team_name": identity.team_name,
        "admin": identity.laptop,
        "admin_sign": identity.keys.sign_public,
        "admin_receive": identity.keys.receive_public,
        "laptop": laptop,
        "keys": keys,
        "entries": list(rnd.cache.files.entries.values()),
    }
    _write_answer(rnd, invite, ACCEPT, answer, laptop)
    rnd.report.accepted.append(worker or laptop[:6])


def _write_answer(
    rnd: Round, invite: Invite, kind: str, payload: dict[str, Any], laptop: str
) -> None:
    identity = rnd.identity
    header = new_header(kind, identity.team_id, identity.laptop, tag=invite.tag)
    signed_by = {"admin_sign": identity.keys.sign_public, "for": laptop}
    data = make_file(
        header, json_bytes({**payload, **signed_by}), unb64(invite.key), identity.keys.sign
    )
    rnd.folder.write(identity.laptop, file_name(kind, 0, header.file_id), data)
    rnd.report.wrote = True


# -- on the joining laptop ---------------------------------------------------------------------


def take_answer(rnd: Round, listing: list[FolderFile]) -> None:
    """Look for the admin's answer to this laptop's request; take it if it checks out."""
    identity = rnd.identity
    for found in listing:
        if found.kind not in (ACCEPT, REFUSE):
            continue
        try:
            team_file = parse_file(rnd.folder.read(found.rel, MOST_BYTES))
            if team_file.header.tag != identity.join_tag:
                continue
            answer = open_json(team_file, unb64(identity.join_key))
            if not isinstance(answer, dict) or answer.get("for") != identity.laptop:
                continue
            if found.kind == ACCEPT:
                _take_acceptance(rnd, team_file, answer)
            else:
                _take_refusal(rnd, team_file, answer)
        except (OSError, NotWhole, KeyProblem, KeyError, TypeError, ValueError):
            continue  # half-copied, or not genuine: look again next time
        return


def _check_admin(rnd: Round, team_file: Any, answer: dict[str, Any]) -> str:
    admin_sign = str(answer["admin_sign"])
    admin = laptop_id(admin_sign)
    if admin != team_file.header.writer or team_id_for(admin_sign) != rnd.identity.team_id:
        raise NotWhole("not the team's admin")
    check_signature(team_file, public_sign_key(admin_sign))
    return admin_sign


def _take_acceptance(rnd: Round, team_file: Any, answer: dict[str, Any]) -> None:
    identity = rnd.identity
    admin_sign = _check_admin(rnd, team_file, answer)
    epochs = {}
    for epoch, envelope in dict(answer["keys"]).items():
        context = envelope_context(identity.team_id, identity.laptop, int(epoch))
        epochs[int(epoch)] = unwrap(identity.keys, envelope, context)
    if not epochs:
        raise NotWhole("no keys")
    identity.epochs = epochs
    identity.admin = team_file.header.writer
    identity.admin_sign = admin_sign
    identity.admin_receive = str(answer.get("admin_receive", ""))
    identity.team_name = str(answer.get("team_name", ""))[:200]
    identity.state = MEMBER
    identity.join_key = ""
    identity.join_tag = ""
    rnd.identity_changed = True
    take_entries(rnd, answer.get("entries", []))


def _take_refusal(rnd: Round, team_file: Any, answer: dict[str, Any]) -> None:
    _check_admin(rnd, team_file, answer)
    rnd.identity.state = REFUSED
    rnd.identity.note = EXPIRED if answer.get("reason") == EXPIRED else USED
    rnd.identity_changed = True
