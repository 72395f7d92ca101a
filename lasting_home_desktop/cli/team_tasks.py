"""`lasting-home team ...`: make a team, invite and join laptops, sync, see how it stands, remove
a member. For scripts and tests; the app does the same from Records and safety → Team."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..storage.caseload import CaseloadStore
from ..storage.safe_files import atomic_write
from .common import (
    CommandProblem,
    Parser,
    Task,
    command_line_worker,
    count,
    data_dir_option,
    existing_folder,
    folder_key,
    folder_of,
    passphrase_option,
    print_notes,
)

NOT_IN_TEAM = (
    "This laptop is not in a team. Make one with `lasting-home team create`, or join one with "
    "`lasting-home team join`."
)


def _options(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(
        dest="team_action", metavar="ACTION", parser_class=Parser, required=True
    )
    for name, summary, add in (
        ("create", "make a team in a shared or synced folder (the Team Manager's laptop)", _create),
        ("invite", "make a one-time join code for another laptop (valid for 7 days)", _invite),
        ("join", "ask to join a team with a join code from the Team Manager", _join),
        ("sync", "share this laptop's changes and gather the team's now", None),
        ("status", "show the team, its members and when each was last seen", None),
        ("remove", "remove a member's laptop (the team key is replaced)", _remove),
        ("move", "find the team folder at a new place on this laptop", _move),
    ):
        action = actions.add_parser(name, help=summary, description=summary)
        data_dir_option(action, default=argparse.SUPPRESS)
        passphrase_option(action, default=argparse.SUPPRESS)
        if add is not None:
            add(action)


def _create(parser: argparse.ArgumentParser) -> None:
    _team_dir_option(parser, "an empty folder the council's file sync carries between laptops")
    parser.add_argument("--name", required=True, help="the team's name")
    _worker_option(parser)


def _invite(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--code-file",
        type=Path,
        metavar="FILE",
        help="write the join code to FILE instead of showing it",
    )


def _join(parser: argparse.ArgumentParser) -> None:
    _team_dir_option(parser, "the team's folder, as this laptop sees it")
    code = parser.add_mutually_exclusive_group(required=True)
    code.add_argument("--code", help="the join code the Team Manager gave you")
    code.add_argument("--code-file", type=Path, metavar="FILE", help="read the join code from FILE")
    _worker_option(parser)


def _move(parser: argparse.ArgumentParser) -> None:
    _team_dir_option(parser, "where this laptop now finds the team's folder")


def _remove(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--member",
        required=True,
        metavar="NAME_OR_ID",
        help="the member's name, or the start of their laptop id",
    )


def _team_dir_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--team-dir", required=True, type=Path, metavar="TEAM", help=help_text)


def _worker_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--worker",
        metavar="NAME",
        help="your name as the team sees it (default: the last worker to unlock this folder)",
    )


def _run(args: argparse.Namespace) -> int:
    from ..storage.team.setup import TeamSetupProblem

    if args.team_action in ("create", "join"):
        folder = folder_of(args)  # a laptop new to Lasting Home may make or join a team
        key = folder_key(args, folder, may_set_up=True)
    else:
        folder = existing_folder(args)
        key = folder_key(args, folder)
    try:
        with CaseloadStore.open(folder, key=key) as store:
            print_notes(store.notes)
            store.audit.worker = _worker(args, folder)
            return _ACTIONS[args.team_action](args, store)
    except TeamSetupProblem as problem:
        raise CommandProblem(problem.kind_message) from None


def _worker(args: argparse.Namespace, folder: Path) -> str:
    from ..storage.last_worker import last_worker

    return getattr(args, "worker", None) or last_worker(folder) or command_line_worker()


def _do_create(args: argparse.Namespace, store: CaseloadStore) -> int:
    from ..storage.team.setup import create_team
    from ..storage.team.sync import TeamSync

    identity = create_team(store, args.team_dir, args.name, store.audit.worker, _now())
    sync = TeamSync(store)
    result = sync.sync_now()
    shared = result.report.sent if result else 0
    print(
        f"Made the team '{identity.team_name}' in {identity.team_dir}; this laptop is the Team "
        f"Manager's. Shared {count(shared, 'record')} of this laptop's children. Invite "
        "others with `lasting-home team invite`."
    )
    return 0


def _do_invite(args: argparse.Namespace, store: CaseloadStore) -> int:
    from ..storage.team.setup import make_invite

    code = make_invite(_sync(store), _now()).text
    if args.code_file is None:
        print(
            f"Join code (shown only this once; for one laptop, within 7 days): {code}\n"
            "Give it to the worker in person or by phone, never in the same email as anything "
            "else about the team."
        )
        return 0
    try:
        atomic_write(Path(args.code_file).expanduser(), (code + "\n").encode("ascii"))
    except OSError as error:
        raise CommandProblem(
            f"The join code could not be written to {args.code_file}: "
            f"{getattr(error, 'kind_message', error)}"
        ) from None
    print(f"Wrote a join code to {args.code_file} (for one laptop, within 7 days).")
    return 0


def _do_join(args: argparse.Namespace, store: CaseloadStore) -> int:
    from ..storage.team.setup import request_join

    code = args.code
    if code is None:
        try:
            code = Path(args.code_file).expanduser().read_text(encoding="utf-8-sig").strip()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandProblem(
                f"The join code file {args.code_file} could not be read ({error})."
            ) from None
    request_join(store, args.team_dir, code, store.audit.worker, _now())
    print(
        "Asked to join the team. This laptop is waiting for the Team Manager's laptop to let "
        "it in (it does so on its next sync); then run `lasting-home team sync` here."
    )
    return 0


def _do_sync(args: argparse.Namespace, store: CaseloadStore) -> int:
    from ..domain.team_status import status_line

    sync = _sync(store)
    result = sync.sync_now()
    line = status_line(sync.status(), _now())
    if result is None:
        raise CommandProblem(line or NOT_IN_TEAM)
    report = result.report
    if report.folder_problem:
        raise CommandProblem(f"{line} ({sync.identity.team_dir}).")
    if result.problem:
        raise CommandProblem(result.problem)
    print(_what_moved(result))
    print(line)
    return 0


def _what_moved(result: object) -> str:
    report = result.report  # type: ignore[attr-defined]
    applied = result.applied  # type: ignore[attr-defined]
    came = sum(report.received.values())
    who = ", ".join(f"{name} {n}" for name, n in sorted(report.received.items()))
    about = f" to {count(len(report.children), 'child', 'children')}" if came else ""
    parts = [f"Received {count(came, 'change')}{about}" + (f" ({who})" if who else "")]
    parts.append(f"shared {count(report.sent, 'change')}")
    if applied is not None and applied.pictures:
        parts.append(f"{count(applied.pictures, 'picture')} updated here")
    if report.pictures_sent:
        parts.append(f"{count(report.pictures_sent, 'picture')} shared")
    if applied is not None and applied.deleted:
        parts.append(f"{count(applied.deleted, 'child', 'children')} deleted by the team")
    if report.accepted:
        parts.append(f"let in: {', '.join(report.accepted)}")
    if report.not_whole:
        parts.append(f"{count(report.not_whole, 'file')} not whole yet (tried again next time)")
    return "; ".join(parts) + "."


def _do_status(args: argparse.Namespace, store: CaseloadStore) -> int:
    from ..domain.team_membership import Membership
    from ..domain.team_status import last_seen, status_line

    sync = _sync(store)
    identity = sync.identity
    assert identity is not None
    sync.cache.load()
    now = _now()
    role = "the Team Manager's laptop" if identity.is_admin else "a member"
    print(
        f"Team '{identity.team_name or '(not let in yet)'}' in {identity.team_dir}; this "
        f"laptop is {role}."
    )
    membership = Membership.from_entries(sync.cache.files.entries.values())
    for member in membership.current():
        seen = sync.cache.files.seen.get(member.laptop)
        when = last_seen(dt.datetime.fromisoformat(seen) if seen else None, now)
        here = " (this laptop)" if member.laptop == identity.laptop else ""
        print(f"  {member.label}{here}: laptop {member.laptop[:8]}, last seen {when}")
    clashes = len(store.sections("_team_clashes"))
    if clashes:
        print(
            f"{count(clashes, 'child', 'children')} changed on two laptops: choose what to "
            "keep in the app (Records and safety → Team)."
        )
    print(status_line(sync.status(), now) or NOT_IN_TEAM)
    return 0


def _do_remove(args: argparse.Namespace, store: CaseloadStore) -> int:
    from ..storage.team.setup import remove_member

    sync = _sync(store)
    member = remove_member(sync, args.member, _now())
    sync.sync_now()
    print(
        f"Removed {member.label}'s laptop from the team. The team key has been replaced: that "
        "laptop cannot read anything the team writes from now on."
    )
    return 0


def _do_move(args: argparse.Namespace, store: CaseloadStore) -> int:
    from ..storage.team.setup import find_team_folder_at

    identity = find_team_folder_at(_sync(store), args.team_dir)
    print(f"This laptop now finds the team folder at {identity.team_dir}.")
    return 0


def _sync(store: CaseloadStore):  # noqa: ANN202 (a TeamSync)
    from ..storage.team.sync import TeamSync

    sync = TeamSync(store)
    if sync.identity is None:
        raise CommandProblem(NOT_IN_TEAM)
    return sync


def _now() -> dt.datetime:
    return dt.datetime.now()


_ACTIONS = {
    "create": _do_create,
    "invite": _do_invite,
    "join": _do_join,
    "sync": _do_sync,
    "status": _do_status,
    "remove": _do_remove,
    "move": _do_move,
}

TASKS = (
    Task(
        "team",
        "share children with a team through a shared or synced folder "
        "(create, invite, join, sync, status, remove, move)",
        _options,
        _run,
    ),
)
