"""The rules packaging/lasting-home.spec builds the app with: what the bundle carries, what it
leaves out, and how the bundled app finds its offline voice. (make check-bundle checks a built
bundle end to end.)"""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
import sysconfig
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(relative: str) -> ModuleType:
    # Loaded by path: the folder is named packaging/, like the PyPI library of that name.
    path = ROOT / "packaging" / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


contents = _load("bundle_contents.py")


@pytest.mark.parametrize(
    "destination",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so",
        "PySide6/plugins/texttospeech/qtexttospeech_sapi.dll",
        "PySide6/plugins/texttospeech/qtexttospeech_winrt.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/lib/libQt6TextToSpeech.so.6",
        "PySide6/Qt/lib/libQt6Multimedia.so.6",
        "PySide6/Qt6Pdf.dll",
        "libpython3.11.so.1.0",
        "assets/fonts/Andika-Regular.ttf",
    ],
)
def test_what_the_app_uses_goes_into_the_bundle(destination: str):
    """Windows and Linux windows, both voices of the system, typing accents, SVG, printing and
    the app's own files all stay in."""
    assert contents.qt_file_wanted(destination)


@pytest.mark.parametrize(
    "destination",
    [
        "PySide6/Qt/translations/qtbase_pl.qm",
        "PySide6/translations/qtbase_de.qm",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/texttospeech/libqtexttospeech_mock.so",
        "PySide6/plugins/texttospeech/qtexttospeech_mock.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
        "PySide6/plugins/multimedia/ffmpegmediaplugin.dll",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    ],
)
def test_what_the_app_never_uses_stays_out(destination: str):
    """Translations, kiosk platforms, the test voice, the on-screen keyboard, the GTK look,
    media playback and TLS stay out."""
    assert not contents.qt_file_wanted(destination)


def test_libraries_only_a_left_out_plugin_needs_are_left_out_with_it():
    """The GTK look and the on-screen keyboard go, and with them GTK and QML, but a library
    something kept also needs stays; no link beside the program points to a removed file."""
    needs = {
        "/qt/plugins/platformthemes/libqgtk3.so": ["/usr/lib/libgtk-3.so.0", "/usr/lib/libglib.so"],
        "/usr/lib/libgtk-3.so.0": ["/usr/lib/libatk.so", "/usr/lib/libglib.so"],
        "/qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so": ["/qt/lib/libQt6Qml.so"],
        "/qt/plugins/platforms/libqxcb.so": ["/qt/lib/libQt6XcbQpa.so", "/usr/lib/libglib.so"],
    }
    entries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so",
         "/qt/plugins/platformthemes/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
         "/qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/qt/plugins/platforms/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Qml.so", "/qt/lib/libQt6Qml.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so", "/qt/lib/libQt6XcbQpa.so", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libatk.so", "/usr/lib/libatk.so", "BINARY"),
        ("libglib.so", "/usr/lib/libglib.so", "BINARY"),
    ]  # fmt: skip
    datas = [
        ("libQt6Qml.so", "PySide6/Qt/lib/libQt6Qml.so", "SYMLINK"),
        ("libQt6XcbQpa.so", "PySide6/Qt/lib/libQt6XcbQpa.so", "SYMLINK"),
        ("PySide6/Qt/translations/qtbase_pl.qm", "/qt/translations/qtbase_pl.qm", "DATA"),
        ("assets/fonts/Andika-Regular.ttf", "/src/assets/fonts/Andika-Regular.ttf", "DATA"),
    ]
    binaries, datas = contents.trim(entries, datas, lambda path: needs.get(path, []))
    assert [name for name, _, _ in binaries] == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6XcbQpa.so",
        "libglib.so",
    ]
    assert [name for name, _, _ in datas] == ["libQt6XcbQpa.so", "assets/fonts/Andika-Regular.ttf"]


def test_the_laptops_own_c_plus_plus_runtime_fonts_and_sound_libraries_are_used():
    """Graphics drivers, font settings and sound plugins on the laptop need its own copies of
    these libraries, so the Linux bundle does not carry the build machine's; a Python library's
    private, renamed copy stays."""
    entries = [
        (name, f"/usr/lib/{name}", "BINARY")
        for name in ("libstdc++.so.6", "libgcc_s.so.1", "libfontconfig.so.1", "libfreetype.so.6",
                     "libasound.so.2", "libpulse.so.0", "pillow.libs/libfreetype-57f805ba.so.6")
    ]  # fmt: skip
    binaries, _ = contents.trim(entries, [], lambda path: [])
    assert [name for name, _, _ in binaries] == [
        "libpulse.so.0",
        "pillow.libs/libfreetype-57f805ba.so.6",
    ]


def _modules_imported_by_the_app() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "lasting_home_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
    return names


def test_no_module_the_app_imports_is_left_out_of_the_bundle():
    """Every module the code imports (PySide6 parts included) is allowed into the bundle."""
    imported = _modules_imported_by_the_app()
    assert "PySide6.QtTextToSpeech" in imported  # the walk sees the app's imports
    left_out = {
        name
        for name in imported
        for excluded in contents.EXCLUDED_MODULES
        if name == excluded or name.startswith(excluded + ".")
    }
    assert not left_out, f"{left_out} is imported by the app but excluded in bundle_contents.py"


def test_the_bundle_carries_the_libraries_the_app_needs_and_none_of_the_test_tools():
    """The licences folder is built from the app's real requirements, not from everything
    installed for development."""
    names = {dist.metadata["Name"].lower() for dist in contents.runtime_distributions()}
    assert {"pyside6", "shiboken6", "reportlab", "pillow", "tinydb", "cryptography"} <= names
    assert {"platformdirs"} <= names
    assert not names & {"pytest", "pytest-qt", "hypothesis", "ruff", "import-linter"}
    assert "pyinstaller" not in names


def test_the_offline_voice_carries_its_english_data_only(tmp_path: Path):
    """The Linux bundle takes eSpeak NG's English data, into espeak-ng/espeak-ng-data."""
    data = tmp_path / "espeak-ng-data"
    (data / "lang" / "gmw").mkdir(parents=True)
    for name in (*contents.VOICE_DATA_FILES, "pl_dict", "ur_dict", "lang/gmw/en", "lang/gmw/de"):
        (data / name).write_bytes(b"x")
    (data / "lang" / "gmw" / "en-GB-x-rp").write_bytes(b"x")
    chosen = {Path(source).relative_to(data).as_posix(): folder
              for source, folder in contents.voice_data_files(data)}  # fmt: skip
    assert set(chosen) == {*contents.VOICE_DATA_FILES, "lang/gmw/en", "lang/gmw/en-GB-x-rp"}
    assert chosen["en_dict"] == "espeak-ng/espeak-ng-data"
    assert chosen["lang/gmw/en"] == "espeak-ng/espeak-ng-data/lang/gmw"


def test_incomplete_voice_data_stops_the_build_with_a_clear_line(tmp_path: Path):
    """A build machine without the English dictionary does not make a bundle that cannot speak."""
    (tmp_path / "lang" / "gmw").mkdir(parents=True)
    (tmp_path / "lang" / "gmw" / "en").write_bytes(b"x")
    with pytest.raises(SystemExit, match="espeak-ng-data is incomplete"):
        contents.voice_data_files(tmp_path)


@pytest.mark.skipif(
    shutil.which("dpkg") is None or shutil.which("espeak-ng") is None,
    reason="the Linux bundle is built on Debian or Ubuntu, with eSpeak NG installed",
)
def test_the_linux_bundle_names_the_package_and_licence_of_each_system_library():
    """Every library the Linux bundle takes from the build machine is traced to its Debian
    package, whose licence terms go along; the project's own files are not."""
    multiarch = sysconfig.get_config_var("MULTIARCH")
    found = contents.debian_packages(
        [shutil.which("espeak-ng"), f"/lib/{multiarch}/libpulse.so.0", str(ROOT / "LICENSE")]
    )
    assert set(found) == {"espeak-ng", "libpulse0"}
    assert "(source: espeak-ng)" in found["espeak-ng"]
    notices = dict(contents.debian_notices(found))
    assert Path(notices["licences/system/espeak-ng/copyright"]).is_file()
    text = contents.debian_packages_text(found)
    assert f"libpulse0 {found['libpulse0']}" in text and "apt-get source" in text


def test_the_bundled_app_finds_its_own_offline_voice(tmp_path: Path):
    """When the bundle carries espeak-ng, it comes first on the app's PATH with its own data."""
    hook = _load("rthook_offline_voice.py")
    folder = tmp_path / "espeak-ng"
    folder.mkdir()
    (folder / ("espeak-ng.exe" if os.name == "nt" else "espeak-ng")).write_bytes(b"")
    environ = {"PATH": os.pathsep.join(["/usr/local/bin", "/usr/bin"])}
    assert hook.use_bundled_voice(str(tmp_path), environ)
    assert environ["PATH"].split(os.pathsep) == [str(folder), "/usr/local/bin", "/usr/bin"]
    assert environ["ESPEAK_DATA_PATH"] == str(folder)


def test_without_a_bundled_voice_the_app_keeps_the_systems(tmp_path: Path):
    """The Windows bundle carries no espeak-ng: nothing about the search changes."""
    hook = _load("rthook_offline_voice.py")
    environ = {"PATH": "/usr/bin"}
    assert not hook.use_bundled_voice(str(tmp_path), environ)
    assert environ == {"PATH": "/usr/bin"}


def test_windows_gets_a_four_number_version_from_the_apps_own():
    """Properties → Details on Windows (and Intune's inventory) shows the app's version."""
    version_info = _load("windows/version_info.py")
    from lasting_home_desktop import __version__

    assert version_info.version_numbers("0.1.0") == (0, 1, 0, 0)
    assert version_info.version_numbers("2.10.3.7.9+local") == (2, 10, 3, 7)
    assert len(version_info.version_numbers(__version__)) == 4
    with pytest.raises(ValueError, match="up to four numbers"):
        version_info.version_numbers("2026.70000")
