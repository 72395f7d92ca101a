"""The admin's log: entries naming the team, its members with their public keys, removals
with their cuts, and join codes used. Only the admin laptop writes them; every laptop keeps
every entry it has seen, and the membership is worked out from all of them."""

from __future__ import annotations

from typing import Any

from ...domain.team_membership import ENTRY_KINDS, REMOVED
from .context import Round
from .identity import REMOVED as LAPTOP_REMOVED


def take_entries(rnd: Round, entries: Any) -> None:
    """Keep the entries this laptop did not have; a removal forgets the removed laptop's
    records outside its cut (and a removal of this laptop says so)."""
    added = False
    removal = False
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or entry.get("t") not in ENTRY_KINDS:
            continue
        entry_id = str(entry.get("id", ""))
        if entry_id and entry_id not in rnd.cache.files.entries:
            rnd.cache.files.entries[entry_id] = entry
            added = True
            removal = removal or entry.get("t") == REMOVED
    if not added:
        return
    rnd.entries_changed()
    if removal:
        membership = rnd.membership
        rnd.cache.drop(lambda record: membership.counts(record.laptop, record.segment))
        me = membership.members.get(rnd.identity.laptop)
        if me is not None and me.removed:
            rnd.identity.state = LAPTOP_REMOVED
            rnd.identity_changed = True
