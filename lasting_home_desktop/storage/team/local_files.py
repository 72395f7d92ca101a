"""This laptop's own team files, inside its data folder (`team/`): sealed with the data
folder's key like every other file there, and written whole (temporary file, then replace)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..crash_safe import json_dumps, json_loads
from ..crypto import FolderKey, SealBroken, open_with, seal_with
from ..file_roles import TEAM_FOLDER
from ..safe_files import atomic_write

ROLE = "team"


class LocalStateDamaged(Exception):
    """A local team file cannot be opened or read (changed, damaged, from another folder)."""


def team_state_folder(data_folder: Path) -> Path:
    return Path(data_folder) / TEAM_FOLDER


def _name(path: Path) -> str:
    """What the file is sealed as: its path inside team/, so no file opens as another."""
    parts = Path(path).parts
    return "/".join(parts[parts.index(TEAM_FOLDER) + 1 :]) if TEAM_FOLDER in parts else path.name


def write_local(path: Path, payload: Any, key: FolderKey | None, durable: bool = True) -> None:
    """Written whole. `durable=False` skips waiting for the disk (the cache, which can be
    rebuilt from the team folder: after a power cut it is found damaged or out of step with
    its list of files, and is simply started again)."""
    text = json_dumps(payload)
    data = seal_with(key, text, role=ROLE, name=_name(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data, durable=durable)


def read_local(path: Path, key: FolderKey | None) -> Any:
    """What the file holds; None if there is no such file; LocalStateDamaged if it cannot be
    read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise LocalStateDamaged(f"{path.name}: {error}") from None
    try:
        opened = open_with(key, raw, role=ROLE, name=_name(path), what=path.name)
        return json_loads(opened)
    except (SealBroken, UnicodeDecodeError, ValueError) as error:
        raise LocalStateDamaged(f"{path.name}: {error}") from None
