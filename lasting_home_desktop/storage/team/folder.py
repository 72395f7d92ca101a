"""The team folder on disk: what is in it, reading a file, writing a new one.

Only files a laptop writes are read, by the start of their name and their ending, so the copies
sync engines make when two versions meet ("seg-… (1).lht", OneDrive's "seg-…-DESKTOP-4F2.lht",
Dropbox's "(… conflicted copy …)", Syncthing's ".sync-conflict-…") are read too and dedupe by
what is inside. Temporary files (a leading dot, or Lasting Home's own suffix) are never read.
Every problem with the folder itself (missing, read-only, full) is a `TeamFolderProblem`.
"""

from __future__ import annotations

import errno
import functools
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..safe_files import TEMP_SUFFIX, atomic_write

TEAM_FILE = "lasting-home-team.json"
MEMBERS = "members"
FORMAT = 1
EXTENSIONS = {"seg": "lht", "snap": "lht", "media": "lhm", "keys": "lhk"}
_JOIN_EXTENSION = "lhj"
_NAME = re.compile(
    r"^(?P<kind>seg|snap|media|keys|join|accept|refuse)-(?P<rest>.*)\.(?P<ext>lht|lhm|lhk|lhj)$",
    re.DOTALL,
)
_SEQ = re.compile(r"^(?P<seq>\d{1,12})-")
_LAPTOP = re.compile(r"^[0-9a-f]{20}$")

MISSING = "missing"
READ_ONLY = "read-only"
FULL = "full"
OTHER = "other"


class TeamFolderProblem(Exception):
    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        super().__init__(f"{reason}: {detail}" if detail else reason)


@dataclass(frozen=True)
class FolderFile:
    rel: str  # "members/<laptop>/<name>"
    laptop: str  # the folder it is in
    kind: str
    seq: int | None  # from its name: a hint only, never trusted for anything that matters
    entry: os.DirEntry[str] = field(repr=False, compare=False)

    @property
    def stamp(self) -> tuple[int, int]:
        """Size and time, asked of the disk only when wanted: most files in a listing were
        read in an earlier round and need neither (thousands of them in a big team), and the
        entry keeps the answer once asked. A file gone since the listing has (-1, 0)."""
        try:
            stat = self.entry.stat()
        except OSError:
            return (-1, 0)
        return (stat.st_size, stat.st_mtime_ns)

    @property
    def size(self) -> int:
        return self.stamp[0]

    @property
    def mtime_ns(self) -> int:
        return self.stamp[1]


def file_name(kind: str, seq: int, random_part: str) -> str:
    ext = EXTENSIONS.get(kind, _JOIN_EXTENSION)
    if kind in ("seg", "snap", "keys"):
        return f"{kind}-{seq:08d}-{random_part}.{ext}"
    return f"{kind}-{random_part}.{ext}"


class TeamFolder:
    """Tests stand in for bad luck by overriding `_write_bytes` or `_read_bytes`."""

    def __init__(self, root: Path | str):
        self.root = Path(root)

    # -- the team file ---------------------------------------------------------------------

    def team_id(self) -> str:
        """The id of the team this folder carries (TeamFolderProblem if it carries none)."""
        path = self.root / TEAM_FILE
        try:
            raw = json.loads(self._read_bytes(path).decode("utf-8"))
            team = str(raw["team"])
        except FileNotFoundError:
            if not self.root.is_dir():
                raise TeamFolderProblem(MISSING, str(self.root)) from None
            raise TeamFolderProblem(OTHER, "no Lasting Home team in this folder") from None
        except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
            raise TeamFolderProblem(OTHER, f"the team file cannot be read ({error})") from None
        if not re.fullmatch(r"[0-9a-f]{16,64}", team):
            raise TeamFolderProblem(OTHER, "the team file is not one Lasting Home wrote")
        return team

    def create(self, team_id: str) -> None:
        """Start a team in this folder (refused if it already carries one)."""
        path = self.root / TEAM_FILE
        if path.exists():
            raise TeamFolderProblem(OTHER, "this folder already carries a Lasting Home team")
        document = {
            "format": FORMAT,
            "team": team_id,
            "about": "A Lasting Home team folder. Every file here is sealed and signed; it "
            "holds no one's name. Leave the files as they are: each laptop adds its own.",
        }
        self._write_new(path, json.dumps(document, indent=1).encode("utf-8"))

    # -- listing and reading -----------------------------------------------------------------

    def listing(self) -> list[FolderFile]:
        members = self.root / MEMBERS
        if not self.root.is_dir():
            raise TeamFolderProblem(MISSING, str(self.root))
        out: list[FolderFile] = []
        try:
            folders = [entry for entry in os.scandir(members) if entry.is_dir()]
        except FileNotFoundError:
            return []
        except OSError as error:
            raise TeamFolderProblem(MISSING, str(error)) from None
        for folder in folders:
            if not _LAPTOP.match(folder.name):
                continue
            try:
                entries = list(os.scandir(folder.path))
            except OSError:
                continue  # a folder the engine is still making: next time
            for entry in entries:
                found = _file_of(folder.name, entry)
                if found is not None:
                    out.append(found)
        return out

    def read(self, rel: str, most: int) -> bytes:
        """A file's bytes (OSError if it went; NotWholeSize if larger than `most`)."""
        path = self._path(rel)
        data = self._read_bytes(path, most + 1)
        if len(data) > most:
            raise TooLarge(rel)
        return data

    def exists(self, rel: str) -> bool:
        return self._path(rel).is_file()

    # -- writing -------------------------------------------------------------------------------

    def write(self, laptop: str, name: str, data: bytes) -> str:
        """A new file in this laptop's own folder; returns its relative path."""
        if not _LAPTOP.match(laptop) or "/" in name or name.startswith("."):
            raise ValueError("not a team file name")
        rel = f"{MEMBERS}/{laptop}/{name}"
        path = self._path(rel)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _problem(error) from None
        self._write_new(path, data)
        return rel

    def remove(self, rel: str) -> None:
        try:
            self._path(rel).unlink(missing_ok=True)
        except OSError as error:
            raise _problem(error) from None

    def _write_new(self, path: Path, data: bytes) -> None:
        if not self.root.is_dir():
            raise TeamFolderProblem(MISSING, str(self.root))
        try:
            self._write_bytes(path, data)
        except OSError as error:
            raise _problem(error) from None

    # -- the two doors to the disk (tests replace them) -----------------------------------------

    def _write_bytes(self, path: Path, data: bytes) -> None:
        atomic_write(path, data)

    def _read_bytes(self, path: Path, most: int | None = None) -> bytes:
        with open(path, "rb") as handle:
            return handle.read() if most is None else handle.read(most)

    def _path(self, rel: str) -> Path:
        parts = rel.split("/")
        if len(parts) != 3 or parts[0] != MEMBERS or not _LAPTOP.match(parts[1]):
            raise ValueError("not a team file")
        if parts[2] in ("", ".", "..") or "\\" in parts[2]:
            raise ValueError("not a team file")
        return self.root.joinpath(*parts)


class TooLarge(OSError):
    """Larger than any file Lasting Home writes: not read."""


def _file_of(laptop: str, entry: os.DirEntry[str]) -> FolderFile | None:
    named = _kind_and_seq(entry.name)
    if named is None:
        return None
    try:
        if not entry.is_file():
            return None
    except OSError:
        return None
    return FolderFile(f"{MEMBERS}/{laptop}/{entry.name}", laptop, *named, entry)


@functools.lru_cache(maxsize=1 << 16)
def _kind_and_seq(name: str) -> tuple[str, int | None] | None:
    # Remembered: every round lists every file again, and names never change meaning.
    if name.startswith(".") or name.endswith(TEMP_SUFFIX):
        return None
    match = _NAME.match(name)
    if match is None:
        return None
    seq = _SEQ.match(match["rest"])
    return match["kind"], int(seq["seq"]) if seq else None


def _problem(error: OSError) -> TeamFolderProblem:
    cause = error.__cause__ if isinstance(error.__cause__, OSError) else error
    number = cause.errno
    if number in (errno.EACCES, errno.EPERM, errno.EROFS):
        return TeamFolderProblem(READ_ONLY, str(cause))
    if number in (errno.ENOSPC, errno.EDQUOT):
        return TeamFolderProblem(FULL, str(cause))
    if number in (errno.ENOENT, errno.ENOTDIR, errno.EHOSTDOWN, errno.ENETUNREACH):
        return TeamFolderProblem(MISSING, str(cause))
    return TeamFolderProblem(OTHER, str(cause))
