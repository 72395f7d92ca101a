#!/usr/bin/env bash
# Installs the Debian/Ubuntu libraries Qt needs (and the PDF renderer the tests use) when they
# are missing; with --bundle, also what `make bundle` needs. Without root it says exactly what
# to install and stops.
set -euo pipefail
needed=(
  libegl1 libgl1 libopengl0 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libpulse0                                   # QtTextToSpeech / QtMultimedia load it
  espeak-ng                                   # the offline voice for "Read it to me" (GPL-3,
                                              # run as its own program, never linked in)
  libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libx11-xcb1  # a real X window
  poppler-utils                               # pdftoppm, used by the tests to render PDFs
)
if [ "${1:-}" = "--bundle" ]; then
  needed+=(binutils)                          # objdump and objcopy, which PyInstaller runs
fi
if ! command -v dpkg >/dev/null 2>&1; then
  echo "Not a Debian-based system: make sure Qt 6's xcb/EGL libraries are installed." >&2
  exit 0
fi
missing=()
for pkg in "${needed[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "Lasting Home needs these system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing system libraries: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
