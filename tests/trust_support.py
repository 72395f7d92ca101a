"""Shared pieces for the encryption tests: a cheap scrypt cost and a folder full of children."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path

from PIL import Image

from lasting_home_desktop.domain.child import ChildRecord
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.crypto import FolderKey, ScryptCost
from lasting_home_desktop.storage.example_caseload import add_example_children
from lasting_home_desktop.storage.folder_sealing import data_files

# Real scrypt, just cheaper than the app's (so a test takes milliseconds, not 0.3 s).
TEST_COST = ScryptCost(n=2**10, r=8, p=1)
PASSPHRASE = "blue kettle on the windowsill"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
JPEG_MARKERS = (b"JFIF\x00", b"Exif\x00\x00")  # inside a JPEG, wherever it is kept


def jpeg_photo(colour: tuple[int, int, int] = (200, 80, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, "JPEG")
    return out.getvalue()


def png_picture() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), (10, 120, 200)).save(out, "PNG")
    return out.getvalue()


def fill_folder(
    folder: Path, today: dt.date, key: FolderKey | None, count: int = 6
) -> list[ChildRecord]:
    """Example children with drawings, a photo each, sections, backups and audit entries."""
    with CaseloadStore.open(folder, key=key) as store:
        store.audit.worker = "Sam Worker"
        children = add_example_children(store, today, count=count, seed=7)
        for child in children:
            store.media.put(child.id, jpeg_photo(), "jpg")
            store.save_section("celebration", child.id, {"notes": f"Cake for {child.first_name}"})
            store.audit.record("opened", child.id)
        store.backups.take()
    return children


def names_of(children: list[ChildRecord]) -> list[bytes]:
    """What would give a child away in a file: their names as the database writes them, and
    any name long enough that random encrypted bytes will not match it by chance."""
    out = []
    for child in children:
        for field, name in (("first_name", child.first_name), ("last_name", child.last_name)):
            out.append(f'"{field}":{json.dumps(name)}'.encode())
            if len(name.encode("utf-8")) >= 5:
                out.append(name.encode("utf-8"))
    return out


def readable_traces(folder: Path, words: list[bytes]) -> list[str]:
    """Every file in the folder (not only data files) that shows a word or a picture."""
    found = []
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            found += [f"{path.name}: {trace}" for trace in traces_in(path.read_bytes(), words)]
    return found


def traces_in(raw: bytes, words: list[bytes]) -> list[str]:
    """The words, and any PNG or JPEG, that can be read in these bytes."""
    found = [repr(word) for word in words if word in raw]
    jpeg = raw.startswith(JPEG_SIGNATURE) or any(marker in raw for marker in JPEG_MARKERS)
    if PNG_SIGNATURE in raw or jpeg:
        found.append("a picture")
    return found


def opened_contents(folder: Path, key: FolderKey) -> dict[Path, bytes]:
    """Every data file's contents, opened with the key (to look for traces inside)."""
    from lasting_home_desktop.storage.audit import AUDIT_NAME, AuditTrail
    from lasting_home_desktop.storage.file_roles import role_of

    out = {}
    for path in data_files(folder):
        if path.name == AUDIT_NAME:
            out[path] = "\n".join(
                str(entry.to_dict()) for entry in AuditTrail(folder, key).entries()
            ).encode("utf-8")
        else:
            role, name = role_of(folder, path)
            out[path] = key.open_sealed(path.read_bytes(), role=role, name=name)
    return out


# -- folders made by earlier versions (see tests/data/make_legacy_folders.py) --------------------

LEGACY_ZIP = Path(__file__).parent / "data" / "legacy-folders.zip"
LEGACY_NFC_PASSPHRASE = "Zoë's blue kettle on the sill"


def legacy_folder(tmp_path: Path, which: str) -> Path:
    """A copy of a folder made by the version before sealed files were bound to their role:
    "plain", "sealed" (passphrase typed in NFD form) or "half-sealed" (stopped half-way)."""
    import zipfile

    with zipfile.ZipFile(LEGACY_ZIP) as archive:
        for name in archive.namelist():
            if name.startswith(f"{which}/"):
                target = tmp_path / "legacy" / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    return tmp_path / "legacy" / which


def legacy_recovery_key(folder: Path) -> str:
    return (folder / "RECOVERY.txt").read_text().strip()


@contextlib.contextmanager
def read_only_folder(folder: Path):
    """The folder and everything in it made read-only for the test (as root, also immutable,
    since root ignores file modes); skipped where the file system lets it be written anyway."""
    import os
    import subprocess

    import pytest

    paths = [folder, *folder.rglob("*")]
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    immutable = os.geteuid() == 0 if hasattr(os, "geteuid") else False
    if immutable:
        subprocess.run(["chattr", "+i", *map(str, paths)], check=False, capture_output=True)
    try:
        try:
            (folder / "probe").write_bytes(b"")
        except OSError:
            writable = False
        else:
            writable = True
            (folder / "probe").unlink()
        if writable:
            pytest.skip("this file system lets the folder be written anyway")
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", *map(str, paths)], check=False, capture_output=True)
        for path in paths:
            path.chmod(0o755 if path.is_dir() else 0o644)
