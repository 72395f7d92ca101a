"""How tests/data/legacy-folders.zip was made: run with the code of commit 710ceb1 (the last
version before files were bound to their role, name and folder), from the repository root:

    git worktree add /tmp/old 710ceb1 && cd /tmp/old
    python tests/data/make_legacy_folders.py OUT.zip

It is kept to show what the fixture holds; today's code cannot make these folders any more.

  plain/         a folder from before encryption (records, drawings, a photo, backups, audit)
  sealed/        the same, encrypted by that version; its passphrase was typed in NFD form
  half-sealed/   encrypted by that version but stopped half-way (some files still plain)

Every folder's passphrase (where it has one) is NFD_PASSPHRASE; the recovery key is in
RECOVERY.txt beside it. scrypt is cheap (n=2**10) so the tests run fast.
"""

import datetime as dt
import io
import shutil
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from PIL import Image

from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.crypto import ScryptCost
from lasting_home_desktop.storage.example_caseload import add_example_children
from lasting_home_desktop.storage.folder_sealing import first_passphrase, plain_files

TODAY = dt.date(2026, 11, 22)
NFD_PASSPHRASE = unicodedata.normalize("NFD", "Zoë's blue kettle on the sill")
COST = ScryptCost(n=2**10, r=8, p=1)


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(out, "JPEG")
    return out.getvalue()


def fill(folder: Path, key=None) -> None:
    with CaseloadStore.open(folder, key=key) as store:
        store.audit.worker = "Sam Worker"
        children = add_example_children(store, TODAY, count=3, seed=7)
        for child in children:
            store.media.put(child.id, photo(), "jpg")
            store.save_section("celebration", child.id, {"notes": f"Cake for {child.first_name}"})
            store.audit.record("opened", child.id)
        store.backups.take()


def main(target: str) -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        fill(root / "plain")
        shutil.copytree(root / "plain", root / "sealed")
        created = first_passphrase(root / "sealed", NFD_PASSPHRASE, COST)
        CaseloadStore.open(root / "sealed", key=created.key).close()
        (root / "sealed" / "RECOVERY.txt").write_text(created.recovery_key)
        shutil.copytree(root / "plain", root / "half-sealed")
        half = first_passphrase(root / "half-sealed", NFD_PASSPHRASE, COST)
        for number, path in enumerate(plain_files(root / "half-sealed")):
            if number % 2 == 0 and path.suffix != ".audit":
                path.write_bytes(half.key.seal(path.read_bytes()))
        (root / "half-sealed" / "RECOVERY.txt").write_text(half.recovery_key)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(root.rglob("*")):
                if path.is_file() and not path.name.endswith(".lock"):
                    archive.write(path, path.relative_to(root).as_posix())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
