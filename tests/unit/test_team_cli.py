"""`lasting-home team ...` for scripts: a team made, a laptop invited and let in, children
shared both ways, status and removal; each bad input one clear line and a non-zero exit."""

import pytest
from trust_support import PASSPHRASE, TEST_COST, names_of, readable_traces

from lasting_home_desktop.cli import main
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.folder_sealing import first_passphrase, unlock
from lasting_home_desktop.storage.team import keys as team_keys

TODAY = ("--today", "22/11/2026")


def run(capsys, *argv):
    code = main([str(part) for part in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def quick_codes(monkeypatch):
    """Real scrypt for join codes, cheaper (a test takes milliseconds)."""
    monkeypatch.setattr(team_keys, "CODE_COST", TEST_COST)
    monkeypatch.setattr("lasting_home_desktop.storage.team.setup.CODE_COST", TEST_COST)
    monkeypatch.delenv("LASTING_HOME_PASSPHRASE", raising=False)


def test_a_team_made_joined_and_synced_from_the_command_line(capsys, tmp_path):
    """The Team Manager's (encrypted) laptop makes the team and invites; a social worker's
    laptop joins with the code; after syncing each holds the other's children."""
    manager, worker, team = tmp_path / "manager", tmp_path / "worker", tmp_path / "team"
    first_passphrase(manager, PASSPHRASE, TEST_COST)
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE)
    sealed = ("--passphrase-file", secret)
    assert run(capsys, "demo-data", "--data-dir", manager, "--children", 3, *sealed, *TODAY)[0] == 0
    CaseloadStore.open(worker).close()  # a folder from before encryption, as scripts use
    assert (
        run(capsys, "demo-data", "--data-dir", worker, "--children", 2, "--seed", 4, *TODAY)[0] == 0
    )

    code, out, err = run(
        capsys,
        "team",
        "create",
        "--data-dir",
        manager,
        *sealed,
        "--team-dir",
        team,
        "--name",
        "Fylde Children's Team",
        "--worker",
        "Jo",
    )
    assert code == 0, err
    assert "Made the team 'Fylde Children's Team'" in out
    code_file = tmp_path / "code.txt"
    code, out, err = run(
        capsys, "team", "invite", "--data-dir", manager, *sealed, "--code-file", code_file
    )
    assert code == 0, err
    assert "Wrote a join code" in out
    code, out, err = run(
        capsys,
        "team",
        "join",
        "--data-dir",
        worker,
        "--team-dir",
        team,
        "--code-file",
        code_file,
        "--worker",
        "Sam Worker",
    )
    assert code == 0, err
    assert "waiting for the Team Manager's laptop" in out
    code, out, _ = run(capsys, "team", "status", "--data-dir", worker)
    assert "waiting for the Team Manager's laptop" in out
    code, out, err = run(capsys, "team", "sync", "--data-dir", manager, *sealed)
    assert code == 0, err
    assert "let in: Sam Worker" in out
    code, out, err = run(capsys, "team", "sync", "--data-dir", worker)
    assert code == 0, err
    assert "Received" in out and "Team: up to date just now" in out
    code, out, err = run(capsys, "team", "sync", "--data-dir", manager, *sealed)
    assert "to 2 children (Sam Worker " in out
    with CaseloadStore.open(manager, key=unlock(manager, PASSPHRASE)) as store:
        assert len(store.children()) == 5
        names = names_of(store.children())
    with CaseloadStore.open(worker) as store:
        assert len(store.children()) == 5
    # the manager's folder is sealed, and so is its team state; the team folder too
    assert readable_traces(team, names) == []
    assert readable_traces(manager / "team", names) == []
    code, out, _ = run(capsys, "team", "status", "--data-dir", manager, *sealed)
    assert "Jo (this laptop)" in out and "Sam Worker: laptop" in out
    code, out, err = run(
        capsys, "team", "remove", "--data-dir", manager, *sealed, "--member", "sam worker"
    )
    assert code == 0, err
    assert "Removed Sam Worker's laptop" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("team", "sync"), "not in a team"),
        (("team", "invite"), "not in a team"),
        (("team", "join", "--team-dir", "{team}", "--code", "AB12"), "not a whole join code"),
        (("team", "join", "--team-dir", "{nowhere}", "--code", "ABCD" * 6), "cannot be reached"),
        (("team", "create", "--team-dir", "{team}", "--name", "   "), "give the team a name"),
    ],
)
def test_bad_input_is_one_clear_line(capsys, tmp_path, argv, message):
    """Each mistake is one kind line on stderr and a non-zero exit; nothing is changed."""
    folder = tmp_path / "data"
    CaseloadStore.open(folder).close()
    run(capsys, "demo-data", "--data-dir", folder, "--children", 1, *TODAY)
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "lasting-home-team.json").write_text('{"team": "' + "ab" * 16 + '"}')
    filled = [a.format(team=tmp_path / "team", nowhere=tmp_path / "nowhere") for a in argv]
    code, out, err = run(capsys, *filled[:2], "--data-dir", folder, *filled[2:])
    assert code != 0
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (folder / "team" / "identity.lhs").exists()


def test_a_missing_team_folder_on_sync_says_work_is_kept(capsys, tmp_path):
    """Syncing with the team folder gone fails kindly, saying nothing is lost; once the
    laptop is told where the folder is now, syncing carries on."""
    folder, team = tmp_path / "data", tmp_path / "team"
    CaseloadStore.open(folder).close()
    run(capsys, "demo-data", "--data-dir", folder, "--children", 1, *TODAY)
    assert (
        run(capsys, "team", "create", "--data-dir", folder, "--team-dir", team, "--name", "T")[0]
        == 0
    )
    team.rename(tmp_path / "team-away")
    code, _, err = run(capsys, "team", "sync", "--data-dir", folder)
    assert code != 0
    assert "not reachable: your work is kept here" in err
    # The folder turned up somewhere else: `team move` points this laptop at it.
    code, _, err = run(
        capsys, "team", "move", "--data-dir", folder, "--team-dir", tmp_path / "nowhere"
    )
    assert code != 0 and "cannot be reached" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(
        capsys, "team", "move", "--data-dir", folder, "--team-dir", tmp_path / "team-away"
    )
    assert code == 0, err
    assert "now finds the team folder at" in out
    code, out, err = run(capsys, "team", "sync", "--data-dir", folder)
    assert code == 0, err
