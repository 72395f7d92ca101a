"""Opening the app itself (no task given), or the demo on a fresh folder of example children."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from ..storage.data_folder import resolve_data_dir
from .common import CommandProblem, given_passphrase, random_seed


def open_app(args: argparse.Namespace) -> int:
    from ..app import run_app  # Qt is imported only when a window is wanted

    if not args.demo:
        folder = Path(args.data_dir).expanduser() if args.data_dir else None
        given = given_passphrase(args, resolve_data_dir(folder))
        if given:
            return run_app(folder, False, passphrase=given)
        return run_app(folder, False)
    if args.data_dir:
        raise CommandProblem(
            "--demo uses its own fresh folder of example children; leave out --data-dir."
        )
    import shutil
    import tempfile

    from ..storage.caseload import CaseloadStore
    from ..storage.example_caseload import add_example_children
    from ..storage.folder_sealing import first_passphrase

    folder = Path(tempfile.mkdtemp(prefix="lasting-home-demo-"))
    # Fictional children, encrypted like real ones so the demo shows the unlock screen; the
    # passphrase is shown because the folder is thrown away afterwards.
    passphrase = demo_passphrase()
    try:
        key = first_passphrase(folder, passphrase).key
        with CaseloadStore.open(folder, key=key) as store:
            add_example_children(store, dt.date.today(), seed=random_seed())
        print(f"The example folder's passphrase is: {passphrase}")
        return run_app(folder, True, demo_passphrase=passphrase)
    finally:
        # Fictional children only: nothing worth keeping once the demo closes.
        shutil.rmtree(folder, ignore_errors=True)


def demo_passphrase() -> str:
    words = ("apple", "harbour", "kite", "meadow", "pebble", "lantern", "otter", "biscuit")
    picks = [words[b % len(words)] for b in os.urandom(3)]
    return "-".join(picks) + f"-{int.from_bytes(os.urandom(2), 'big') % 100:02d}"
