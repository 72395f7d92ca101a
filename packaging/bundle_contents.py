"""What the bundle holds beyond what PyInstaller finds by following imports, and what it leaves
out. `lasting-home.spec` applies these rules; they live here, in plain Python, so the tests can
check them without building anything."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "lasting-home-desktop"
# Read through lasting_home_desktop.resources; the frozen app finds them at the bundle's top.
APP_FOLDERS = ("assets", "guides")

# Python modules the app never imports but that a build machine may have installed (the test
# tools, other Qt bindings) and PySide6 parts the app never uses (QML, Quick, WebEngine, 3D...).
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "numpy", "IPython", "pytest", "_pytest", "pytestqt", "hypothesis",
    "PyQt5", "PyQt6", "PySide2",
    *(f"PySide6.{name}" for name in (
        "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickWidgets", "QtWebEngineCore",
        "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel", "QtWebSockets", "QtWebView",
        "Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic", "Qt3DExtras", "Qt3DAnimation",
        "QtCharts", "QtDataVisualization", "QtGraphs", "QtGraphsWidgets", "QtMultimediaWidgets",
        "QtSpatialAudio", "QtLocation", "QtPositioning", "QtSensors", "QtBluetooth", "QtNfc",
        "QtSerialPort", "QtSerialBus", "QtSql", "QtTest", "QtDesigner", "QtHelp", "QtUiTools",
        "QtScxml", "QtRemoteObjects", "QtHttpServer", "QtNetworkAuth", "QtAxContainer",
    )),
]  # fmt: skip

# Qt plugin folders the app never loads: raw input devices and EGL for kiosks, network status,
# TLS (the app opens no connection), and media playback backends (the FFmpeg one alone is tens
# of megabytes). Speech needs no backend: QAudioSink, through which Windows' WinRT voice plays,
# is in the Qt Multimedia library itself, which stays.
UNUSED_QT_PLUGIN_FOLDERS = frozenset(
    {"egldeviceintegrations", "generic", "networkinformation", "tls", "multimedia"}
    | {"wayland-graphics-integration-server", "qmltooling", "qmllint", "sqldrivers"}
)
# Single plugins: the kiosk and remote platforms, the on-screen keyboard (it needs QML), the
# test-only speech engine, and the GTK look on Linux (it would bring the build machine's GTK,
# which clashes with the laptop's own GTK modules; Qt's own look and file windows are used, and
# the app styles itself). Names without "lib" and the file ending, as on every system.
UNUSED_QT_PLUGINS = frozenset(
    {"qeglfs", "qlinuxfb", "qminimalegl", "qvnc", "qvkkhrdisplay", "qtvirtualkeyboardplugin"}
    | {"qtexttospeech_mock", "qgtk3"}
)

# The offline voice on Linux: eSpeak NG, run as its own program (GPL-3), with the English data
# only, since the app reads aloud in British English (ESPEAK_VOICE in ui/together/voices.py).
VOICE_FOLDER = "espeak-ng"
VOICE_DATA_FILES = ("phontab", "phonindex", "phondata", "intonations", "en_dict")
VOICE_LANGUAGE_GLOB = "lang/gmw/en*"
# Linux libraries that must be the laptop's own, as every desktop Linux has them: graphics
# drivers that Qt loads from the laptop need its own (newer) C++ runtime, fontconfig must match
# the laptop's font settings, and ALSA loads the laptop's own sound plugins. Python libraries'
# private copies (renamed, e.g. pillow.libs/libfreetype-57f805ba.so.6) are not affected.
LAPTOP_LIBRARIES = re.compile(
    r"(libstdc\+\+|libgcc_s|libfontconfig|libfreetype|libasound)\.so[.\d]*"
)


def qt_file_wanted(destination: str) -> bool:
    """False for Qt translations (the app is in English only) and for unused Qt plugins."""
    parts = PurePosixPath(destination.replace("\\", "/")).parts
    if "PySide6" not in parts:
        return True
    if "translations" in parts:
        return False
    if "plugins" in parts:
        folder_and_file = parts[parts.index("plugins") + 1 :]
        if len(folder_and_file) >= 2:
            plugin = folder_and_file[-1].split(".")[0].removeprefix("lib")
            if folder_and_file[0] in UNUSED_QT_PLUGIN_FOLDERS or plugin in UNUSED_QT_PLUGINS:
                return False
    return True


Entry = tuple[str, str, str]  # PyInstaller's (name in the bundle, source, kind)
Imports = Callable[[str], Iterable[str]]  # a library's own libraries, as real source paths


def trim(
    binaries: list[Entry], datas: list[Entry], imports: Imports
) -> tuple[list[Entry], list[Entry]]:
    """PyInstaller's binaries and data files without Qt's translations and unused plugins,
    without the libraries only those plugins need (PyInstaller collects a plugin's libraries
    before the spec can leave it out: QML for the on-screen keyboard, FFmpeg for media playback,
    GTK for the GTK look...), without the laptop's own libraries (LAPTOP_LIBRARIES), and
    without the links PyInstaller adds beside the program to any of them."""
    files = [entry for entry in binaries if entry[2] != "SYMLINK"]
    unused = [entry for entry in files if not qt_file_wanted(entry[0])]
    rest = [entry for entry in files if qt_file_wanted(entry[0])]
    only_theirs = _only_needed_by(
        [os.path.realpath(entry[1]) for entry in unused],
        [os.path.realpath(entry[1]) for entry in rest],
        imports,
    )
    removed = {entry[0] for entry in unused}
    removed |= {entry[0] for entry in rest if os.path.realpath(entry[1]) in only_theirs}
    removed |= {entry[0] for entry in rest if LAPTOP_LIBRARIES.fullmatch(entry[0])}

    def kept(entry: Entry) -> bool:
        if entry[2] == "SYMLINK":
            return entry[1] not in removed
        return entry[0] not in removed and qt_file_wanted(entry[0])

    return [entry for entry in binaries if kept(entry)], [entry for entry in datas if kept(entry)]


def _only_needed_by(unused: list[str], others: list[str], imports: Imports) -> set[str]:
    # Everything the unused files need, less what anything else in the bundle needs.
    theirs = _reachable(unused, imports)
    return theirs - _reachable([path for path in others if path not in theirs], imports)


def _reachable(starts: Iterable[str], imports: Imports) -> set[str]:
    seen: set[str] = set()
    waiting = list(starts)
    while waiting:
        path = waiting.pop()
        if path not in seen:
            seen.add(path)
            waiting.extend(imports(path))
    return seen


def app_data_folders() -> list[tuple[str, str]]:
    """(source, folder in the bundle) for the pictures, fonts and guides."""
    return [(str(ROOT / name), name) for name in APP_FOLDERS]


def voice_program() -> Path:
    """The espeak-ng program on this build machine; the Linux bundle carries it."""
    found = shutil.which("espeak-ng")
    if found is None:
        raise SystemExit(
            "The Linux bundle carries the offline voice, but espeak-ng is not installed here. "
            "Install it (bash scripts/system-libs.sh --bundle) and build again."
        )
    return Path(found).resolve()


def voice_data_folder(program: Path) -> Path:
    """espeak-ng-data as the build machine's espeak-ng uses it (Debian's multiarch folder, or
    beside a build from source)."""
    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    places = [
        Path("/usr/lib") / multiarch / "espeak-ng-data",
        Path("/usr/lib/espeak-ng-data"),
        Path("/usr/share/espeak-ng-data"),
        program.parent.parent / "share" / "espeak-ng-data",
    ]
    for place in places:
        if (place / "phontab").is_file():
            return place
    raise SystemExit(f"espeak-ng-data was not found (looked in {', '.join(map(str, places))}).")


def voice_data_files(data: Path) -> list[tuple[str, str]]:
    """(source, folder in the bundle) for the English voice data; missing files stop the build."""
    chosen = [data / name for name in VOICE_DATA_FILES] + sorted(data.glob(VOICE_LANGUAGE_GLOB))
    missing = [str(path) for path in chosen if not path.is_file()]
    if missing or len(chosen) == len(VOICE_DATA_FILES):
        raise SystemExit(f"espeak-ng-data is incomplete: missing {missing or VOICE_LANGUAGE_GLOB}")
    target = PurePosixPath(VOICE_FOLDER, "espeak-ng-data")
    return [(str(path), str(target / path.parent.relative_to(data))) for path in chosen]


def debian_packages(paths: Iterable[str]) -> dict[str, str]:
    """{package: "version (source: name)"} of the Debian packages that the build machine's own
    files in the bundle come from (libraries PyInstaller collected, the voice); empty where
    there is no dpkg."""
    system = {place for path in paths if path.startswith(("/lib", "/usr/"))
              for place in (path, os.path.realpath(path))}  # fmt: skip
    if not system or shutil.which("dpkg") is None:
        return {}
    owners = subprocess.run(["dpkg", "-S", *sorted(system)], capture_output=True, text=True)
    packages = set()
    for line in owners.stdout.splitlines():  # "libpulse0:amd64, libfoo:amd64: /usr/lib/..."
        if not line.startswith("diversion "):
            names = line.split(": ", 1)[0].split(",")
            packages.update(name.strip().split(":")[0] for name in names)
    shown = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Package}\t${Version} (source: ${source:Package})\n",
         *sorted(packages)],
        capture_output=True, text=True,
    )  # fmt: skip
    return dict(line.split("\t", 1) for line in shown.stdout.splitlines() if "\t" in line)


def debian_notices(packages: Iterable[str]) -> list[tuple[str, str]]:
    """(name in the bundle, source) of each package's copyright file (its licence terms)."""
    found = []
    for package in sorted(packages):
        notice = Path("/usr/share/doc") / package / "copyright"
        if notice.is_file():
            found.append((f"licences/system/{package}/copyright", str(notice)))
    return found


def debian_packages_text(packages: dict[str, str]) -> str:
    """licences/system/packages.txt: where the Linux bundle's system libraries come from."""
    lines = [
        "Libraries and programs this Linux bundle carries from the build machine's Debian",
        "packages; each package's licence is in the folder of its name. Their source code is",
        "Debian's source package of that version (apt-get source NAME=VERSION, or",
        "https://snapshot.debian.org/).",
        "",
    ]
    return "\n".join(lines + [f"{name} {about}" for name, about in sorted(packages.items())]) + "\n"


def runtime_distributions(project: str = PROJECT) -> list[metadata.Distribution]:
    """The installed distributions the app needs to run: its requirements, followed through
    theirs, leaving out every extra (the test tools) and requirements for other systems."""
    from packaging.requirements import Requirement  # PyInstaller itself depends on packaging

    seen: dict[str, metadata.Distribution] = {}
    waiting = [project]
    while waiting:
        name = _canonical(waiting.pop())
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[name] = dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                waiting.append(requirement.name)
    seen.pop(_canonical(project), None)
    return sorted(seen.values(), key=lambda dist: _canonical(dist.metadata["Name"]))


def licence_files(distributions: Iterable[metadata.Distribution]) -> list[tuple[str, str]]:
    """(source, folder in the bundle) for every licence file the distributions ship."""
    pattern = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
    found = []
    for dist in distributions:
        name = _canonical(dist.metadata["Name"])
        for file in dist.files or []:
            in_dist_info = file.parts[0].endswith(".dist-info")
            if in_dist_info and pattern.search(file.name) and file.suffix != ".json":
                found.append((str(file.locate()), f"licences/{name}"))
    return found


def components_text(distributions: Iterable[metadata.Distribution]) -> str:
    """The list of bundled components with versions and licences, for licences/components.txt."""
    rows = [f"Python {sys.version.split()[0]}: PSF License (licences/python/LICENSE.txt)"]
    for dist in distributions:
        licence = dist.metadata.get("License-Expression") or dist.metadata.get("License") or ""
        if len(licence) > 80 or not licence:  # some put the whole text there; see the folder
            licence = "see licences/" + _canonical(dist.metadata["Name"])
        rows.append(f"{dist.metadata['Name']} {dist.version}: {licence}")
    return "\n".join(rows) + "\n"


def python_licence() -> list[tuple[str, str]]:
    """Python's own licence file, where the build machine's Python keeps one."""
    places = [Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"]
    places.append(Path(sys.base_prefix) / "LICENSE.txt")
    return [(str(place), "licences/python") for place in places if place.is_file()][:1]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
