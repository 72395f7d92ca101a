"""Saves PNGs of every screen and document into one folder: runs each scripts/screenshots_*.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed = []
    for script in sorted(HERE.glob("screenshots_*.py")):
        print(f"{script.name} ...", flush=True)
        if subprocess.run([sys.executable, str(script), str(out)], env=env).returncode != 0:
            failed.append(script.name)
    print(f"Screenshots in {out}" + (f"; these failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
