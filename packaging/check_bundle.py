"""Checks a built app folder the way a council laptop would use it: on a fresh data folder, from
a fresh home folder, with nothing of the source checkout or its Python in reach.

    python packaging/check_bundle.py dist/lasting-home      (make check-bundle runs this)

It makes example children with the bundled command line, makes a card for one of them and a
book for a child whose name is also in Arabic script, and reads the PDFs back: the same words
as this checkout's own code makes, in the bundled typefaces, with the bundled pictures. It opens
the bundled app offscreen on that folder with the passphrase (the worker window must open: the
unlock is written in the audit trail), and on Linux makes the bundled offline voice speak and
checks that nothing in the bundle lacks a library. Any failure is one line and exit code 1.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_contents as contents  # noqa: E402

WINDOWS = os.name == "nt"
PASSPHRASE = "a passphrase for checking the bundle"
EXAMPLE_CHILDREN = 12
TODAY = "22/11/2026"
SECONDS_ALLOWED = 120


class BundleProblem(Exception):
    """What is wrong with the bundle, in one line."""


def main(argv: list[str]) -> int:
    bundle = Path(argv[1] if len(argv) > 1 else contents.ROOT / "dist" / "lasting-home").resolve()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="lasting-home-check-") as scratch:
            check(bundle, Path(scratch))
    except BundleProblem as problem:
        print(f"check-bundle: {problem}", file=sys.stderr)
        return 1
    print(f"The bundle works ({size_mib(bundle):.0f} MiB; checked in "
          f"{time.perf_counter() - started:.1f} s).")  # fmt: skip
    return 0


def check(bundle: Path, scratch: Path) -> None:
    inside = bundle / "_internal"
    program = bundle / ("lasting-home.exe" if WINDOWS else "lasting-home")
    if not program.is_file():
        raise BundleProblem(f"{program} is missing: build the bundle first (make bundle).")
    check_contents(inside)
    run = Runner(program, scratch)
    version = run("--version").stdout.strip()
    ok(f"the bundled command line starts ({version})")
    children = make_example_children(run)
    check_documents(run, children)
    check_app_opens(run)
    if not WINDOWS:
        check_offline_voice(inside, scratch)
        check_libraries(inside)


def check_contents(inside: Path) -> None:
    """Every picture, font and guide, the licences, and none of the Qt parts left out."""
    for folder in contents.APP_FOLDERS:
        for source in (contents.ROOT / folder).rglob("*"):
            relative = source.relative_to(contents.ROOT)
            if source.is_file() and not (inside / relative).is_file():
                raise BundleProblem(f"{relative} is missing from the bundle.")
    needed = ["licences/NOTICE.md", "licences/components.txt", "licences/qt/LGPL-3.0.txt"]
    if not WINDOWS:
        needed += [f"{contents.VOICE_FOLDER}/espeak-ng", "licences/system/packages.txt"]
        needed += ["licences/system/espeak-ng/copyright", "licences/system/libespeak-ng1/copyright"]
        needed += [f"{contents.VOICE_FOLDER}/espeak-ng-data/{name}"
                   for name in contents.VOICE_DATA_FILES]  # fmt: skip
    for name in needed:
        if not (inside / name).is_file():
            raise BundleProblem(f"{name} is missing from the bundle.")
    unwanted = [path for path in inside.rglob("*") if path.is_file()
                and not contents.qt_file_wanted(path.relative_to(inside).as_posix())]  # fmt: skip
    unwanted += [path for path in inside.rglob("*Qt6WebEngine*")]
    if unwanted:
        raise BundleProblem(f"the bundle holds Qt parts the app never uses: {unwanted[0]}")
    broken = [path for path in inside.rglob("*") if path.is_symlink() and not path.exists()]
    if broken:
        raise BundleProblem(f"{broken[0]} points to nothing ({len(broken)} such links).")
    ok("it holds every picture, font and guide, the licences, and no unused Qt parts")


class Runner:
    """Runs the bundled program as a fresh user would: its own home, data and settings folders,
    no Python of ours in reach, started from an empty folder."""

    def __init__(self, program: Path, scratch: Path):
        self.program = program
        self.scratch = scratch
        self.passphrase_file = scratch / "passphrase.txt"
        self.passphrase_file.write_text(PASSPHRASE, encoding="utf-8")
        self.data = scratch / "data"
        home = scratch / "home"
        home.mkdir()
        keep = ("SYSTEMROOT", "WINDIR", "TEMP", "TMP", "TMPDIR")
        self.env = {name: os.environ[name] for name in keep if name in os.environ}
        self.env.update({
            "PATH": os.pathsep.join(
                [str(Path(os.environ.get("SYSTEMROOT", r"C:\Windows")) / "System32")]
                if WINDOWS else ["/usr/bin", "/bin"]),
            "HOME": str(home), "USERPROFILE": str(home), "LOCALAPPDATA": str(home / "local"),
            "APPDATA": str(home / "roaming"), "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CACHE_HOME": str(home / ".cache"),
            "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
        })  # fmt: skip

    def __call__(self, *arguments: str, extra_env: dict[str, str] | None = None):
        command = [str(self.program), *arguments]
        try:
            done = subprocess.run(
                command, env={**self.env, **(extra_env or {})}, cwd=self.scratch,
                capture_output=True, text=True, encoding="utf-8", errors="replace",
                timeout=SECONDS_ALLOWED,
            )  # fmt: skip
        except subprocess.TimeoutExpired as late:
            raise BundleProblem(f"'{' '.join(arguments)}' took over {SECONDS_ALLOWED} s.") from late
        if done.returncode != 0 or "Traceback" in done.stderr:
            said = (done.stderr.strip() or done.stdout.strip()).splitlines()[-1:] or ["nothing"]
            raise BundleProblem(
                f"'lasting-home {' '.join(arguments)}' failed ({done.returncode}): {said[0]}"
            )
        return done

    def task(self, name: str, *arguments: str):
        return self(name, "--data-dir", str(self.data),
                    "--passphrase-file", str(self.passphrase_file), *arguments)  # fmt: skip


def make_example_children(run: Runner) -> dict[str, str]:
    """Example children on a fresh, encrypted folder. Returns full names: "agreed", the first
    whose home has been agreed (who can have a card), and "arabic", the first whose name is
    written in Arabic script too (for joined letters, right to left)."""
    run.task("demo-data", "--children", str(EXAMPLE_CHILDREN), "--seed", "7", "--today", TODAY)
    tracker = run.scratch / "tracker.csv"
    run.task("tracker", "--csv", str(tracker), "--today", TODAY)
    chosen: dict[str, str] = {}
    with tracker.open(encoding="utf-8-sig", newline="") as rows:
        for row in csv.DictReader(rows):
            full = re.sub(r"\s*\(.+?\)", "", row["Child"])  # "Aleksandra (Ola) Khan"
            if row["Decision"].startswith("Agreed"):
                chosen.setdefault("agreed", full)
            if re.search("[\u0600-\u06ff]", row["Child"]):
                chosen.setdefault("arabic", full)
    if len(chosen) < 2:
        raise BundleProblem(f"the example children lack one to check with (found {chosen}).")
    ok(f"it makes {EXAMPLE_CHILDREN} example children and their tracker")
    return chosen


def check_documents(run: Runner, children: dict[str, str]) -> None:
    """The bundled command line makes the same card and book as the checkout does, in the
    bundled typefaces, with the bundled pictures."""
    card = check_document(run, children["agreed"], "card")
    if not any(font.endswith("Andika") for font in card.fonts) or not card.pictures:
        raise BundleProblem(f"the card lacks the bundled Andika or pictures ({card.fonts}).")
    book = check_document(run, children["arabic"], "book")
    if not any("NotoSansArabic" in font for font in book.fonts):
        raise BundleProblem(f"the book lacks the bundled Arabic typeface ({book.fonts}).")
    ok(f"it makes {children['agreed']}'s card and {children['arabic']}'s book, the same as the "
       "checkout, with the bundled typefaces and pictures")  # fmt: skip


@dataclass
class Document:
    text: list[str]
    fonts: set[str]
    pictures: int


def check_document(run: Runner, child: str, kind: str) -> Document:
    made = []
    for source in ("bundle", "checkout"):
        out = run.scratch / f"{kind}-{source}"
        arguments = ["--child", child, "--only", kind, "--out", str(out), "--today", TODAY]
        if source == "bundle":
            run.task("export", *arguments)
        else:
            export_from_checkout(run, arguments)
        pdfs = sorted(out.glob("*.pdf"))
        if len(pdfs) != 1:
            raise BundleProblem(f"export --only {kind} made {len(pdfs)} PDFs, not one.")
        made.append(read_pdf(pdfs[0]))
    if made[0].text != made[1].text:
        raise BundleProblem(f"the bundle's {kind} for {child} differs from the checkout's.")
    return made[0]


def export_from_checkout(run: Runner, arguments: list[str]) -> None:
    """The same export with this checkout's own code, run by the Python running this check."""
    done = subprocess.run(
        [sys.executable, "-m", "lasting_home_desktop", "export", "--data-dir", str(run.data),
         "--passphrase-file", str(run.passphrase_file), *arguments],
        cwd=contents.ROOT, capture_output=True, text=True, encoding="utf-8", errors="replace",
        timeout=SECONDS_ALLOWED,
    )  # fmt: skip
    if done.returncode != 0:
        raise BundleProblem(f"the checkout's own export failed: {done.stderr.strip()[-300:]}")


def read_pdf(path: Path) -> Document:
    from pypdf import PdfReader

    reader = PdfReader(path)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"].get_object().get("/Font", {}).values():
            fonts.add(str(font.get_object().get("/BaseFont", "")))
    return Document(
        text=[page.extract_text() or "" for page in reader.pages],
        fonts=fonts,
        pictures=sum(len(page.images) for page in reader.pages),
    )


def check_app_opens(run: Runner) -> None:
    """Opened with the folder's passphrase, the app unlocks and shows the caseload (the unlock
    is one more line in the audit trail), then quits by itself."""
    audit = run.data / "lasting-home.audit"
    before = audit_lines(audit)
    started = time.perf_counter()
    run("--data-dir", str(run.data), "--passphrase-file", str(run.passphrase_file),
        extra_env={"LASTING_HOME_EXIT_WHEN_READY": "1"})  # fmt: skip
    if audit_lines(audit) != before + 1:
        raise BundleProblem("the bundled app did not unlock the folder and open the caseload.")
    ok(f"the bundled app opens offscreen on the caseload ({time.perf_counter() - started:.1f} s)")


def audit_lines(audit: Path) -> int:
    return len([line for line in audit.read_bytes().split(b"\n") if line.strip()])


def check_offline_voice(inside: Path, scratch: Path) -> None:
    """The bundled eSpeak NG speaks with its bundled libraries and English data, as the app
    starts it (the runtime hook puts it on PATH; the launcher puts the libraries first)."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(scratch), "LD_LIBRARY_PATH": str(inside)}
    from rthook_offline_voice import use_bundled_voice

    if not use_bundled_voice(str(inside), env):
        raise BundleProblem("the runtime hook did not find the bundled espeak-ng.")
    found = shutil.which("espeak-ng", path=env["PATH"])
    if found is None or not Path(found).is_relative_to(inside):
        raise BundleProblem(f"espeak-ng on the app's PATH is {found}, not the bundled one.")
    libraries = subprocess.run(["ldd", found], env=env, capture_output=True, text=True).stdout
    if "not found" in libraries or f"{inside}/libespeak-ng" not in libraries:
        raise BundleProblem(f"the bundled espeak-ng lacks its libraries:\n{libraries}")
    spoken = subprocess.run(
        [found, "-v", "en-gb", "--stdout", "--stdin"], input=b"Hello, this is your page.",
        env=env, capture_output=True, timeout=SECONDS_ALLOWED,
    )  # fmt: skip
    if spoken.returncode != 0 or not spoken.stdout.startswith(b"RIFF") or len(spoken.stdout) < 8000:
        raise BundleProblem(f"the bundled espeak-ng did not speak: {spoken.stderr[:200]!r}")
    ok(f"the bundled offline voice speaks ({len(spoken.stdout) // 1024} KiB of sound)")


def check_libraries(inside: Path) -> None:
    """Every library that a bundled program, module or plugin needs is in the bundle or on
    this system (none was left out by mistake with the unused plugins)."""
    env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(inside)}
    missing: set[str] = set()
    for library in [*inside.rglob("*.so"), *inside.rglob("*.so.*"), inside / "espeak-ng/espeak-ng"]:
        shown = subprocess.run(["ldd", str(library)], env=env, capture_output=True, text=True)
        missing |= {f"{line.split('=>')[0].strip()} (for {library.relative_to(inside)})"
                    for line in shown.stdout.splitlines() if "not found" in line}  # fmt: skip
    if missing:
        raise BundleProblem(f"libraries are missing: {', '.join(sorted(missing))}")
    ok("every library the bundled programs, modules and plugins need is there")


def ok(what: str) -> None:
    print(f"  ok  {what}", flush=True)


def size_mib(folder: Path) -> float:
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files) / 2**20


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
