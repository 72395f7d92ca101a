#!/usr/bin/env bash
# Builds the Linux app folder dist/lasting-home/ from packaging/lasting-home.spec.
# `make bundle` runs this with the project's virtual environment; by hand:
#     PYTHON=.venv/bin/python bash packaging/build-linux.sh
# The folder runs on this Linux and on newer ones (it carries its own Python, Qt and libraries
# but uses the system's C library), so build on the oldest Linux the laptops run.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  echo "PyInstaller is not installed: run make bundle (it installs the bundle extra)." >&2
  exit 1
fi
started=$(date +%s)
# --clean: nothing reused from an earlier build, so the folder holds exactly this checkout.
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/lasting-home.spec
seconds=$(( $(date +%s) - started ))
size=$(du -sh dist/lasting-home | cut -f1)
echo "Built dist/lasting-home/ ($size) in ${seconds} s. Start it with dist/lasting-home/lasting-home;"
echo "make check-bundle checks it."
