"""Every file of a data folder by name, and what each one is (its role), in one place.

A sealed file is bound to its role and its name (see crypto.ROLES), so a file copied over
another one, or from one child to another, does not open. `role_of` says which role and name
a path in the folder must open as; a new kind of file adds its line here.
"""

from __future__ import annotations

from pathlib import Path

DATABASE_NAME = "lasting-home.json"
BACKUP_FOLDER = "backups"
BACKUP_PATTERN = "lasting-home-*.json"
KEPT_ASIDE_PATTERN = "lasting-home.damaged-*.json"
MEDIA_FOLDER = "media"
DRAFTS_FOLDER = "drafts"
AUDIT_NAME = "lasting-home.audit"
ANCHOR_NAME = "lasting-home.anchor"
DELETIONS_NAME = "lasting-home.deletions"
SEALING_NAME = "lasting-home.sealing"
KEY_FILE_NAME = "lasting-home.key.json"
KEY_COPY_NAME = "lasting-home.key-copy.json"  # in BACKUP_FOLDER
LOCK_NAME = "lasting-home.lock"
UNLOCK_TRIES_NAME = "lasting-home.unlock-tries.json"
LAST_WORKER_NAME = "lasting-home.last-worker.txt"
TEAM_FOLDER = "team"  # a team's keys and this laptop's copy of what the team wrote

# Files that hold no child's data: wrapped keys, the lock, the count of wrong passphrases, and
# the last worker's name (offered at the next unlock).
NOT_DATA = frozenset({KEY_FILE_NAME, KEY_COPY_NAME, LOCK_NAME, UNLOCK_TRIES_NAME, LAST_WORKER_NAME})
# Files kept sealed as one piece, by the name they have at the top of the folder.
_TOP_LEVEL = {
    DATABASE_NAME: "database",
    ANCHOR_NAME: "anchor",
    DELETIONS_NAME: "journal",
    SEALING_NAME: "journal",
}


def role_of(folder: Path, path: Path) -> tuple[str, str] | None:
    """(role, name) a data file is sealed with, or None for a file that is not one of ours.
    The audit trail is sealed entry by entry, so it has no role as a whole."""
    try:
        parts = Path(path).relative_to(folder).parts
    except ValueError:
        return None
    if len(parts) == 1:
        name = parts[0]
        if name in _TOP_LEVEL:
            return _TOP_LEVEL[name], name
        if Path(name).match(KEPT_ASIDE_PATTERN):
            return "kept-aside", name
        return None
    if len(parts) == 2 and parts[0] == BACKUP_FOLDER and Path(parts[1]).match(BACKUP_PATTERN):
        return "backup", parts[1]
    if len(parts) == 3 and parts[0] == DRAFTS_FOLDER:
        return "draft", f"{parts[1]}/{parts[2]}"
    if len(parts) == 3 and parts[0] == MEDIA_FOLDER:
        return "media", media_name(parts[1], parts[2])
    if len(parts) >= 2 and parts[0] == TEAM_FOLDER:
        return "team", "/".join(parts[1:])
    return None


def media_name(child_id: str, file_name: str) -> str:
    """A picture's sealed name: '<child id>/<media id>.<ext>', so it opens only as itself."""
    return f"{child_id}/{file_name}"
