"""The command line: each task, its exit code, its one-line messages, and no partial result."""

import csv
import errno
import io
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from lasting_home_desktop.cli import main
from lasting_home_desktop.storage import safe_files
from lasting_home_desktop.storage.caseload import DATABASE_NAME, CaseloadStore
from lasting_home_desktop.storage.folder_sealing import unlock

TODAY = ["--today", "22/11/2026"]
HEADINGS = (
    "first_name,preferred_name,last_name,date_of_birth,home_type,route,carers,"
    "social_worker,team_manager"
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder made before encryption: these tests are about the tasks themselves, so
    they add to it as it is (test_cli_passphrase and test_passphrase_rules cover encrypted
    folders, and that a task never makes a new plain one)."""
    folder = tmp_path / "data"
    CaseloadStore.open(folder).close()
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(part) for part in argv])
    out, err = capsys.readouterr()
    return code, out, err


def write_csv(path: Path, *rows: str, bom: bool = True) -> Path:
    text = "\r\n".join((HEADINGS, *rows)) + "\r\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def demo(capsys, folder: Path, count: int = 12) -> None:
    # A fixed seed: the same example children (one of them worried) every run.
    code, _, err = run(
        capsys, "demo-data", "--data-dir", folder, "--children", count, "--seed", 2, *TODAY
    )
    assert code == 0, err


def count_children(folder: Path, key=None) -> int:
    with CaseloadStore.open(folder, lock=False, key=key) as store:
        return len(store.children(include_archived=True))


def test_demo_data_adds_twelve_children_by_default(capsys, data_dir):
    """`demo-data` fills the folder with twelve example children and says so."""
    code, out, _ = run(capsys, "demo-data", "--data-dir", data_dir, *TODAY)
    assert code == 0
    assert "Added 12 fictional example children" in out
    assert count_children(data_dir) == 12


def test_demo_data_refuses_a_silly_number_in_one_line(capsys, tmp_path):
    """Asking for 0 children is refused in one line, and no folder is made."""
    folder = tmp_path / "new"
    code, out, err = run(capsys, "demo-data", "--data-dir", folder, "--children", "0")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "between 1 and 10,000" in err
    assert not folder.exists()


def test_demo_data_needs_a_folder_named(capsys):
    """Example children are never added to the usual data folder without naming it."""
    code, _, err = run(capsys, "demo-data")
    assert code == 1 and "--data-dir" in err and err.count("\n") == 1


def test_mistyped_options_get_one_line_and_exit_two(capsys, data_dir):
    """A wrong option or a missing file name is one line pointing to --help."""
    for argv in (["import-csv", "--data-dir", data_dir], ["tracker", "--frob"], ["frob"]):
        with pytest.raises(SystemExit) as caught:
            main([str(a) for a in argv])
        assert caught.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "--help" in err


def test_import_csv_adds_every_child_from_an_excel_file(capsys, data_dir, tmp_path):
    """A good 'CSV UTF-8' file imports every child with Polish and Urdu names intact."""
    source = write_csv(
        tmp_path / "children.csv",
        "Aleksandra,Ola,Wiśniewska,22/11/2015,Foster,Commitment visit,Jo and Sam,Imran,Helen",
        "عائشہ,,Khan,2016-02-29,kinship,panel,Nana,Imran,Helen",
    )
    code, out, _ = run(capsys, "import-csv", "--data-dir", data_dir, source, *TODAY)
    assert code == 0
    assert "Imported 2 children" in out
    with CaseloadStore.open(data_dir, lock=False) as store:
        names = {child.last_name: child for child in store.children()}
    assert names["Wiśniewska"].people.carers == ("Jo", "Sam")
    assert names["Khan"].first_name == "عائشہ"


def test_import_with_a_bad_row_imports_nothing(capsys, data_dir, tmp_path):
    """One bad row stops the whole import: each problem is listed and the data is unchanged."""
    demo(capsys, data_dir, 3)
    before = (data_dir / DATABASE_NAME).read_bytes()
    source = write_csv(
        tmp_path / "children.csv",
        "Good,,Child,01/02/2015,foster,,,,",
        "Ola,,Nowak,31/02/2015,foster,,,,",
        f"{'A' * 10_000},,Long,01/02/2015,foster,,,,",
    )
    code, out, err = run(capsys, "import-csv", "--data-dir", data_dir, source, *TODAY)
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert "Row 3: (Ola Nowak)" in lines[0] and "not a real date" in lines[0]
    assert "Row 4:" in lines[1] and "10,000 characters" in lines[1]
    assert "Nothing was imported: 2 rows with problems" in lines[2]
    assert "--skip-bad-rows to import the other 1" in lines[2]
    assert (data_dir / DATABASE_NAME).read_bytes() == before


def test_skip_bad_rows_imports_the_good_ones_and_says_what_was_skipped(capsys, data_dir, tmp_path):
    """With --skip-bad-rows the good rows go in and the bad ones are listed as skipped."""
    source = write_csv(
        tmp_path / "children.csv",
        "Good,,Child,01/02/2015,foster,,,,",
        "<b>&amp;,🦄,Nowak,31/02/2015,foster,,,,",
        "Zoë,,Smith,01/02/2016,Short breaks,,,,",
    )
    code, out, err = run(
        capsys, "import-csv", "--data-dir", data_dir, source, "--skip-bad-rows", *TODAY
    )
    assert code == 0
    assert "Imported 2 children" in out and "skipped 1 row with problems" in out
    assert "Row 3: (<b>&amp; Nowak)" in err
    assert count_children(data_dir) == 2


def test_importing_the_same_file_twice_never_doubles_anyone(capsys, data_dir, tmp_path):
    """Running the same import again adds nobody and says there is nobody new."""
    source = write_csv(tmp_path / "c.csv", "Ola,,Nowak,01/02/2015,,,,,", bom=False)
    assert run(capsys, "import-csv", "--data-dir", data_dir, source, *TODAY)[0] == 0
    code, _, err = run(
        capsys, "import-csv", "--data-dir", data_dir, source, "--skip-bad-rows", *TODAY
    )
    assert code == 1 and "already in the caseload" in err and "no new children" in err
    assert count_children(data_dir) == 1


def test_a_file_not_saved_as_utf8_is_explained(capsys, data_dir, tmp_path):
    """A spreadsheet saved in an old Windows encoding gets advice on saving as CSV UTF-8."""
    source = tmp_path / "old.csv"
    source.write_bytes(f"{HEADINGS}\r\nZoë,,Smith,,,,,,\r\n".encode("cp1252"))
    code, _, err = run(capsys, "import-csv", "--data-dir", data_dir, source)
    assert code == 1 and err.count("\n") == 1
    assert "CSV UTF-8" in err
    code, _, err = run(capsys, "import-csv", "--data-dir", data_dir, tmp_path / "none.csv")
    assert code == 1 and "There is no file at" in err


def test_import_while_the_app_is_open_is_refused(capsys, data_dir, tmp_path):
    """Importing into a folder the app has open is refused plainly and changes nothing."""
    source = write_csv(tmp_path / "c.csv", "Ola,,Nowak,01/02/2015,,,,,")
    with CaseloadStore.open(data_dir):
        code, _, err = run(capsys, "import-csv", "--data-dir", data_dir, source)
    assert code == 1 and err.count("\n") == 1
    assert "already open" in err and "Nothing has been changed" in err
    assert count_children(data_dir) == 0


def test_a_failed_write_during_import_leaves_nothing_half_done(
    capsys, data_dir, tmp_path, monkeypatch
):
    """If the disk fills mid-import, the message says so and no child was added."""
    demo(capsys, data_dir, 2)
    source = write_csv(tmp_path / "c.csv", "Ola,,Nowak,01/02/2015,,,,,", "Jo,,Bloggs,,,,,,")
    original_replace = safe_files.os.replace

    def full_for_the_database(source_path, target):
        if Path(target).name == DATABASE_NAME:
            raise OSError(errno.ENOSPC, "No space left on device")
        original_replace(source_path, target)

    monkeypatch.setattr(safe_files.os, "replace", full_for_the_database)
    code, _, err = run(capsys, "import-csv", "--data-dir", data_dir, source, *TODAY)
    monkeypatch.undo()
    assert code == 1 and "disk is full" in err and err.count("\n") == 1
    assert count_children(data_dir) == 2


def test_tracker_writes_an_excel_ready_csv_while_the_app_is_open(capsys, data_dir, tmp_path):
    """The tracker CSV (with the UTF-8 mark Excel needs) is written even with the app open."""
    # A set seed: the reasons checked below need a worried child among the 11 left.
    code, _, err = run(capsys, "demo-data", "--data-dir", data_dir, "--seed", "1", *TODAY)
    assert code == 0, err
    target = tmp_path / "tracker.csv"
    with CaseloadStore.open(data_dir) as store:
        store.archive_child(store.children()[0].id)
        code, out, _ = run(capsys, "tracker", "--data-dir", data_dir, "--csv", target, *TODAY)
    assert code == 0 and "11 children" in out
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Child", "Needs attention", "Stage"] and len(rows) == 12
    reasons = [row[1] for row in rows[1:]]
    assert any(reason.startswith("Head of Service decision ") for reason in reasons)
    assert any(reason.startswith("Said they feel worried on ") for reason in reasons)


def test_tracker_problems_leave_no_file(capsys, data_dir, tmp_path):
    """A missing data folder or output folder is one line, and no file appears."""
    missing = tmp_path / "missing-folder"
    code, _, err = run(capsys, "tracker", "--data-dir", missing, "--csv", tmp_path / "t.csv")
    assert code == 1 and "There is no data folder" in err
    demo(capsys, data_dir, 1)
    target = tmp_path / "missing" / "t.csv"
    code, _, err = run(capsys, "tracker", "--data-dir", data_dir, "--csv", target)
    assert code == 1 and "does not exist" in err and not target.exists()


def test_check_passes_sound_data_even_while_the_app_is_open(capsys, data_dir):
    """`check` exits 0 with a summary for sound data, beside the open app."""
    demo(capsys, data_dir, 12)
    with CaseloadStore.open(data_dir):
        code, out, _ = run(capsys, "check", "--data-dir", data_dir, *TODAY)
    assert code == 0
    assert "is sound: 12 children (0 archived), data version 1, newest good backup" in out


def test_damaged_data_is_checked_and_restored_from_the_newest_backup(capsys, data_dir):
    """`check` names the damage and the restore command; `restore` puts the backup back."""
    demo(capsys, data_dir, 12)
    database = data_dir / DATABASE_NAME
    good = database.read_bytes()
    database.write_bytes(good[:1000])
    code, out, err = run(capsys, "check", "--data-dir", data_dir)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "is damaged: the file is cut short" in err
    assert f"Run `lasting-home restore --data-dir {data_dir}` to put back the backup from" in err
    assert database.read_bytes() == good[:1000]  # check changed nothing

    code, _, err = run(capsys, "demo-data", "--data-dir", data_dir)  # refused, not overwritten
    assert code == 1 and "is damaged" in err and database.read_bytes() == good[:1000]

    code, out, _ = run(capsys, "restore", "--data-dir", data_dir)
    assert code == 0 and "Restored the backup from" in out
    assert database.read_bytes() == good
    kept = list(data_dir.glob("lasting-home.damaged-*.json"))
    assert [p.read_bytes() for p in kept] == [good[:1000]]
    assert run(capsys, "check", "--data-dir", data_dir, *TODAY)[0] == 0


def test_check_lists_a_record_edited_into_nonsense(capsys, data_dir):
    """A child record with dates out of order or unreadable fields is listed by name."""
    demo(capsys, data_dir, 2)
    database = data_dir / DATABASE_NAME
    tables = json.loads(database.read_text())
    first, second = tables["children"].values()
    first["journey"] = {"matching_meeting": "2026-11-10", "visit": "2026-11-01"}
    second["home_type"] = "castle"
    database.write_text(json.dumps(tables))
    code, _, err = run(capsys, "check", "--data-dir", data_dir, *TODAY)
    assert code == 1
    assert "is before the matching meeting" in err
    assert "cannot be read (ValueError" in err
    assert "2 problems found" in err


def test_check_and_restore_explain_missing_data_and_backups(capsys, tmp_path):
    """An empty folder, or one without backups, is explained in one line with exit 1."""
    data_dir = tmp_path / "empty"
    code, _, err = run(capsys, "check", "--data-dir", data_dir)
    assert code == 1 and "There is no data folder" in err
    data_dir.mkdir()
    code, _, err = run(capsys, "check", "--data-dir", data_dir)
    assert code == 1 and "no Lasting Home data" in err
    code, _, err = run(capsys, "restore", "--data-dir", data_dir)
    assert code == 1 and "no good backup" in err and err.count("\n") == 1


def test_restore_waits_for_the_app_to_close(capsys, data_dir):
    """Restoring while the app has the folder open is refused, so nothing is swapped under it."""
    demo(capsys, data_dir, 1)
    with CaseloadStore.open(data_dir):
        code, _, err = run(capsys, "restore", "--data-dir", data_dir)
    assert code == 1 and "already open" in err


def test_data_from_a_newer_version_is_left_alone(capsys, data_dir, tmp_path):
    """A folder saved by a newer Lasting Home is refused by every task with one line."""
    content = b'{"_meta": {"1": {"schema_version": 99}}, "children": {}}'
    (data_dir / DATABASE_NAME).write_bytes(content)
    for argv in (["check"], ["demo-data"], ["tracker", "--csv", tmp_path / "t.csv"]):
        code, _, err = run(capsys, *argv, "--data-dir", data_dir)
        assert code == 1 and "newer version" in err and err.count("\n") == 1
    assert (data_dir / DATABASE_NAME).read_bytes() == content


def test_the_data_folder_can_come_first_or_from_the_environment(capsys, data_dir, monkeypatch):
    """`--data-dir` before the task, or LASTING_HOME_DATA, choose the folder too."""
    assert run(capsys, "--data-dir", data_dir, "demo-data", "--children", "2")[0] == 0
    monkeypatch.setenv("LASTING_HOME_DATA", str(data_dir))
    code, out, _ = run(capsys, "check")
    assert code == 0 and "2 children" in out


def test_opening_the_app_passes_the_folder_and_demo_gets_fresh_example_children(
    capsys, data_dir, monkeypatch
):
    """No task opens the app on the folder; --demo opens it on a fresh folder of examples."""
    calls = []

    def run_app(folder, demo, demo_passphrase=None):
        # The demo folder is encrypted like a real one; its passphrase is handed to the app.
        key = unlock(folder, demo_passphrase) if demo else None
        calls.append((folder, demo, count_children(folder, key) if demo else None))
        return 0

    monkeypatch.setitem(
        sys.modules, "lasting_home_desktop.app", types.SimpleNamespace(run_app=run_app)
    )
    assert main(["--data-dir", str(data_dir)]) == 0
    assert main([]) == 0
    assert main(["--demo"]) == 0
    (folder, demo_flag, shown), (nothing, _, _), (demo_folder, demo_on, examples) = calls
    assert (folder, demo_flag) == (data_dir, False)
    assert nothing is None
    assert demo_on and examples == 12
    assert "The example folder's passphrase is: " in capsys.readouterr().out
    assert not demo_folder.exists()  # the fictional folder is tidied away afterwards
    assert main(["--demo", "--data-dir", str(data_dir)]) == 1
    assert "leave out --data-dir" in capsys.readouterr().err


def test_the_tasks_run_as_a_program_without_loading_qt(data_dir):
    """`python -m lasting_home_desktop check` works on its own and never imports Qt."""
    script = (
        "import sys; sys.argv = ['lasting-home'] + sys.argv[1:]\n"
        "from lasting_home_desktop.cli import main\n"
        "code = main()\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "sys.exit(code)\n"
    )
    made = subprocess.run(
        [sys.executable, "-c", script, "demo-data", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    checked = subprocess.run(
        [sys.executable, "-m", "lasting_home_desktop", "check", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0 and "is sound" in checked.stdout


def test_restore_does_not_replace_readable_data_unless_asked(capsys, data_dir):
    """Readable data newer than the backup is only replaced with --even-if-sound, kept aside."""
    demo(capsys, data_dir, 2)
    database = data_dir / DATABASE_NAME
    tables = json.loads(database.read_text())
    tables["children"].popitem()  # a change made after the last backup
    database.write_text(json.dumps(tables))
    newer = database.read_bytes()
    code, _, err = run(capsys, "restore", "--data-dir", data_dir)
    assert code == 1 and "--even-if-sound" in err and database.read_bytes() == newer
    code, out, _ = run(capsys, "restore", "--data-dir", data_dir, "--even-if-sound")
    assert code == 0 and count_children(data_dir) == 2
    kept = list(data_dir.glob("lasting-home.damaged-*.json"))
    assert [p.read_bytes() for p in kept] == [newer]


def test_a_hand_edited_record_that_breaks_a_task_still_gives_one_line(capsys, data_dir):
    """Even an unexpected fault ends with one plain line and a non-zero exit."""
    demo(capsys, data_dir, 1)
    database = data_dir / DATABASE_NAME
    tables = json.loads(database.read_text())
    tables["children"]["99"] = "not a record"
    database.write_text(json.dumps(tables))
    code, _, err = run(capsys, "demo-data", "--data-dir", data_dir)
    assert code == 1 and err.count("\n") == 1 and "Nothing was half-saved" in err
