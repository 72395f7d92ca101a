"""Saving what a screen changed without overwriting anything newer.

A screen loads a part (remembering its revision), the worker types, and by the time they save
something else may have saved the same part: together mode, another tab, an import, the team.
`plan_save` compares revisions: an unchanged part is simply written; a changed one is merged
with the domain rule (both kept where they do not clash). The clashes, if any, go to the worker
to choose; `commit_save` then writes everything in one transaction, and refuses if the parts
moved on again meanwhile (the screen plans again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..domain.child import ChildRecord
from ..domain.merge import Clash, MergeResult, apply_choices, changed_fields, merge_part
from .caseload import CaseloadStore, ChildNotFound, StoredPart
from .changes import RECORD


@dataclass(frozen=True)
class PartEdit:
    """One part a screen wants to store: `base` as it loaded it, `mine` what it holds now."""

    part: str
    base: StoredPart
    mine: dict[str, Any] | None


@dataclass
class SavePlan:
    child_id: str
    merges: dict[str, MergeResult] = field(default_factory=dict)
    revisions: dict[str, str] = field(default_factory=dict)  # as stored when planned
    merged_parts: set[str] = field(default_factory=set)  # where something newer was merged in

    @property
    def clashes(self) -> list[tuple[str, Clash]]:
        return [(part, clash) for part, result in self.merges.items() for clash in result.clashes]


class ChangedAgain(Exception):
    """A part changed between planning and committing: plan again."""


def plan_save(store: CaseloadStore, child_id: str, edits: Sequence[PartEdit]) -> SavePlan:
    plan = SavePlan(child_id)
    for edit in edits:
        now = store.part(child_id, edit.part)
        if edit.part == RECORD and now.data is None:
            raise ChildNotFound(child_id)
        plan.revisions[edit.part] = now.revision
        if now.revision == edit.base.revision:
            plan.merges[edit.part] = MergeResult(
                edit.mine, (), tuple(changed_fields(edit.base.data, edit.mine))
            )
        else:
            plan.merges[edit.part] = merge_part(edit.base.data, edit.mine, now.data)
            plan.merged_parts.add(edit.part)
    return plan


def commit_save(
    store: CaseloadStore,
    plan: SavePlan,
    today: dt.date,
    choices: Mapping[tuple[str, str], Any] | None = None,
) -> None:
    """Write the planned parts, with the worker's choices for any clash, in one transaction.
    RecordProblem if the child's record would break today's rules (nothing is written)."""
    choices = choices or {}
    for part, revision in plan.revisions.items():
        if store.part(plan.child_id, part).revision != revision:
            raise ChangedAgain(part)
    with store.transaction():
        for part, result in plan.merges.items():
            chosen = {path: value for (p, path), value in choices.items() if p == part}
            merged = apply_choices(result, chosen) if result.clashes else result.merged
            _write(store, plan.child_id, part, merged, today)


def _write(
    store: CaseloadStore, child_id: str, part: str, data: dict[str, Any] | None, today: dt.date
) -> None:
    if part == RECORD:
        if data is None:
            return  # a deletion is never done by saving a form
        store.update_child(ChildRecord.from_dict({**data, "id": child_id}), today)
    elif data is None:
        store.remove_section(part, child_id)
    else:
        store.save_section(part, child_id, data)
