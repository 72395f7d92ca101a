"""What this laptop must still tell the team and can only know at the moment it happens: a
child or a part deleted here, and the clashes a worker chose. Written at once (a crash right
after a deletion must not lose it), cleared once written to the team folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..crypto import FolderKey
from .local_files import LocalStateDamaged, read_local, team_state_folder, write_local

PENDING_FILE = "pending.lhs"


@dataclass
class PendingChanges:
    path: Path
    key: FolderKey | None
    deletions: list[tuple[str, str]] = field(default_factory=list)
    chosen: dict[str, list[str]] = field(default_factory=dict)  # "child/part" -> paths

    @classmethod
    def load(cls, data_folder: Path, key: FolderKey | None) -> PendingChanges:
        path = team_state_folder(data_folder) / PENDING_FILE
        pending = cls(path, key)
        try:
            raw = read_local(path, key) or {}
            pending.deletions = [(str(c), str(p)) for c, p in raw.get("deletions", [])]
            pending.chosen = {str(k): [str(x) for x in v] for k, v in raw.get("chosen", {}).items()}
        except (LocalStateDamaged, AttributeError, TypeError, ValueError):
            pass  # unreadable: nothing pending is the safe reading (nothing is deleted)
        return pending

    def save(self) -> None:
        payload = {"deletions": [list(d) for d in self.deletions], "chosen": self.chosen}
        write_local(self.path, payload, self.key)

    def add_deletion(self, child_id: str, part: str) -> None:
        if (child_id, part) not in self.deletions:
            self.deletions.append((child_id, part))
            self.save()

    def add_chosen(self, child_id: str, part: str, paths: list[str]) -> None:
        key = f"{child_id}/{part}"
        self.chosen[key] = sorted(set(self.chosen.get(key, [])) | set(paths))
        self.save()

    def done(self, deletions: list[tuple[str, str]], chosen: list[str]) -> None:
        before = (list(self.deletions), dict(self.chosen))
        self.deletions = [d for d in self.deletions if d not in deletions]
        for key in chosen:
            self.chosen.pop(key, None)
        if (self.deletions, self.chosen) != before:
            self.save()
