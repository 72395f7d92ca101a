"""Records and safety → Team in two worker windows: the Team Manager makes the team and
invites, the social worker joins with the code, a save on one laptop shows in the other's
caseload by itself, the status line tells how sharing stands, and a clash is chosen."""

from __future__ import annotations

import pytest
from trust_support import TEST_COST

from lasting_home_desktop.domain.demo import example_children
from lasting_home_desktop.domain.journey import Flag
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.status_facts import statuses_now
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.worker.main_window import WorkerWindow
from lasting_home_desktop.ui.worker.trust_menu import TrustMenu


class NoLock:
    idle = None

    def lock_now(self) -> None:
        pass

    def set_idle_minutes(self, minutes: int) -> int:
        return minutes


@pytest.fixture
def laptop(qtbot, tmp_path, today, monkeypatch):
    monkeypatch.setattr("lasting_home_desktop.storage.team.setup.CODE_COST", TEST_COST)
    made = []

    def make(name: str):
        store = CaseloadStore.open(tmp_path / name.replace(" ", "-"))
        store.audit.worker = name
        messages = RecordedMessages()
        window = WorkerWindow(store, today, messages)
        qtbot.addWidget(window)
        menu = TrustMenu(window, NoLock(), messages)
        menu.run_dialog = lambda dialog: True
        window.team.sync.settle_seconds = 0
        made.append((window, store))
        return window, menu, messages

    yield make
    for window, store in made:
        window.team.stop()
        window.hide()
        store.close()


MORNING = "2026-11-22T10:00"


def round_done(qtbot, window) -> None:
    """Wait until the window's team round (started by a click or a timer) is written."""
    qtbot.waitUntil(lambda: not window.team.running, timeout=10_000)


def sync(qtbot, window) -> None:
    with qtbot.waitSignal(window.team.finished, timeout=10_000):
        window.team.sync_now()


def test_make_invite_join_and_a_save_shows_on_the_other_laptop(qtbot, laptop, tmp_path, today):
    """The Team Manager makes the team and invites; the social worker joins with the code; a
    child added on the worker's laptop appears in the Team Manager's caseload by itself."""
    manager, manager_menu, manager_said = laptop("Jo Manager")
    worker, worker_menu, worker_said = laptop("Sam Worker")
    assert manager.team.label is None  # no team: the window is as it was
    dialog = manager_menu.show_team()
    assert dialog.pages.currentWidget() is dialog.start_page
    dialog.team_name.setText("Fylde <b>Children's</b> Team")
    dialog.create_folder.setText(str(tmp_path / "team"))
    dialog.create_button.click()
    round_done(qtbot, manager)
    assert dialog.pages.currentWidget() is dialog.member_page
    assert manager.team.label.text() == "Team: up to date just now"
    code = dialog.invite()
    assert code and code in manager_said.told[-1][1]

    joining = worker_menu.show_team()
    joining.join_folder.setText(str(tmp_path / "team"))
    joining.join_code.setText(code.lower().replace("-", " "))  # forgiving of how it is typed
    joining.join_button.click()
    round_done(qtbot, worker)
    assert "waiting for the Team Manager's laptop" in worker.team.label.text()
    sync(qtbot, manager)  # the Team Manager's laptop lets it in
    sync(qtbot, worker)
    assert worker.team.label.text() == "Team: up to date just now"

    worker.team.after_save.setInterval(10)  # as after each save, only sooner
    record = example_children(1, today, seed=3)[0].record
    worker.store.add_child(record, today)
    qtbot.waitUntil(lambda: worker.team.sync.changes_waiting == 0 and not worker.team.running)
    sync(qtbot, manager)
    qtbot.waitUntil(lambda: record.display_name in manager.caseload_names())
    dialog.refresh()
    names = [dialog.members.item(r, 0).text() for r in range(dialog.members.rowCount())]
    assert names == ["Jo Manager (Team Manager) – this laptop", "Sam Worker"]
    assert dialog.members.item(1, 2).text() == "just now"


def test_a_clash_is_flagged_and_chosen_in_the_team_window(qtbot, laptop, tmp_path, today):
    """Changed on both laptops: the child is flagged; the Team Manager chooses, and the flag
    goes on both laptops."""
    manager, manager_menu, _ = laptop("Jo Manager")
    worker, worker_menu, _ = laptop("Sam Worker")
    dialog = manager_menu.show_team()
    dialog.team_name.setText("Team")
    dialog.create_folder.setText(str(tmp_path / "team"))
    assert dialog.create()
    round_done(qtbot, manager)
    joining = worker_menu.show_team()
    joining.join_folder.setText(str(tmp_path / "team"))
    joining.join_code.setText(dialog.invite())
    assert joining.join()
    round_done(qtbot, worker)
    record = example_children(1, today, seed=4)[0].record
    manager.store.add_child(record, today)
    for window in (manager, worker, manager, worker):
        sync(qtbot, window)
    for window, service in ((manager, "Jo's"), (worker, "Sam's")):
        child = window.store.child(record.id)
        window.store.update_child(child.with_changes(service=service), today)
    for window in (manager, worker, manager):
        sync(qtbot, window)
    assert Flag.TEAM_CLASH in statuses_now(manager.store, today)[0].flags
    dialog.refresh()
    assert dialog.clashes.count() == 1
    manager_menu_dialogs = []
    dialog.run_dialog = lambda d: (manager_menu_dialogs.append(d), d.pick(0), True)[-1]
    assert dialog.choose()
    chosen = manager.store.child(record.id).service
    assert chosen in ("Jo's", "Sam's")
    texts = [
        b.text() for b in manager_menu_dialogs[0].findChildren(type(manager_menu_dialogs[0].keep))
    ]
    assert "Keep these" in texts
    for window in (manager, worker, manager, worker):
        sync(qtbot, window)
    for window in (manager, worker):
        assert window.store.child(record.id).service == chosen
        assert Flag.TEAM_CLASH not in statuses_now(window.store, today)[0].flags


def test_the_team_windows_fit_1280x720_with_nothing_cut_off(qtbot, laptop, tmp_path, today):
    """The Team window (before and after making a team) and the chooser, with a long team
    name, stay on a 720-pixel screen and cut no text off."""
    from fit_support import SCALED, cut_off, outside, place, screen, settle

    from lasting_home_desktop.ui.worker.team_clash_dialog import TeamClashDialog

    manager, menu, _ = laptop("Jo Manager")
    where = screen(SCALED)
    dialog = menu.show_team()
    for shown in ("start", "members"):
        if shown == "members":
            dialog.team_name.setText("Fylde, Wyre and Lancaster Children's Permanence Team " * 2)
            dialog.create_folder.setText(str(tmp_path / ("a long folder name " * 6)))
            assert dialog.create()
            round_done(qtbot, manager)
        place(dialog, where)
        dialog.show()
        settle(dialog)
        assert outside(dialog, where) == ""
        assert cut_off(dialog) == []
    record = example_children(1, today, seed=5)[0].record
    manager.store.add_child(record, today)
    manager.store._save_team_clashes(  # what a round writes for a clash, with long values
        record.id,
        {
            "record": [
                {
                    "path": "service",
                    "base": "East",
                    "options": [
                        {"v": "Ł" * 500, "l": "a" * 20, "b": "Sam Worker", "w": "2026-11-22T10:00"},
                        {
                            "v": "<b>&amp;",
                            "l": "b" * 20,
                            "b": "Ali Worker",
                            "w": "2026-11-22T10:05",
                        },
                    ],
                }
            ]
        },
    )
    chooser = TeamClashDialog(manager.team, record.id, today, dialog.messages, dialog)
    qtbot.addWidget(chooser)
    place(chooser, where)
    chooser.show()
    settle(chooser)
    assert outside(chooser, where) == ""
    from PySide6.QtWidgets import QRadioButton

    texts = [button.text() for button in chooser.findChildren(QRadioButton)]
    assert any(text.endswith("\n<b>&amp;") for text in texts)  # shown as typed
    assert any(text.startswith("Sam Worker, 22 November 2026 10:00") for text in texts)


def test_a_window_closed_before_its_first_round_starts_none(qtbot, laptop, tmp_path):
    """Closing a team laptop's window straight after it opens: its first round, due a moment
    later, never starts on a store that is closing."""
    manager, menu, _ = laptop("Jo Manager")
    dialog = menu.show_team()
    dialog.team_name.setText("Team")
    dialog.create_folder.setText(str(tmp_path / "team"))
    assert dialog.create()
    round_done(qtbot, manager)
    from lasting_home_desktop.ui.worker.main_window import WorkerWindow

    again = WorkerWindow(manager.store, manager.today, manager.messages)
    qtbot.addWidget(again)
    again.team.stop()  # as closing the window does
    again.team.start()  # what the timer for the first round then calls
    assert not again.team.running


def test_a_team_folder_that_has_moved_is_found_again(qtbot, laptop, tmp_path):
    """The team folder is no longer where it was (the library synced again somewhere else):
    the status line says the work is kept; "The team folder has moved…" points the laptop at
    the new place, and sharing carries on. Another folder is refused and changes nothing."""
    manager, menu, said = laptop("Jo Manager")
    dialog = menu.show_team()
    dialog.team_name.setText("Fylde Children's Team")
    dialog.create_folder.setText(str(tmp_path / "team"))
    dialog.create_button.click()
    round_done(qtbot, manager)
    (tmp_path / "team").rename(tmp_path / "moved")
    sync(qtbot, manager)
    assert "not reachable: your work is kept here" in manager.team.label.text()
    (tmp_path / "empty").mkdir()
    dialog.choose_folder = lambda parent, title: tmp_path / "empty"
    assert not dialog.folder_moved()
    assert "not a Lasting Home team folder" in said.told[-1][1]
    dialog.choose_folder = lambda parent, title: tmp_path / "moved"
    assert dialog.folder_moved()
    assert "now finds the team folder at" in said.told[-1][1]
    round_done(qtbot, manager)
    assert manager.team.label.text() == "Team: up to date just now"
    assert str(tmp_path / "moved") in dialog.status.text()
