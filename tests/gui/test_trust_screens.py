"""The unlock screen, the idle lock (worker window and together mode), the audit view, and
handing over and deleting a record from the worker window."""

from __future__ import annotations

import re

from session_support import FakeClock, _session, _unlock_later
from together_support import force_close, together, visible_widgets, widget_texts
from trust_support import PASSPHRASE, TEST_COST, names_of, readable_traces

from lasting_home_desktop.domain.child import ChildRecord
from lasting_home_desktop.storage.audit import AUDIT_NAME
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.crypto import KEY_FILE_NAME
from lasting_home_desktop.storage.example_caseload import add_example_children
from lasting_home_desktop.storage.folder_sealing import first_passphrase, unlock
from lasting_home_desktop.storage.unlock_tries import wait_after
from lasting_home_desktop.ui.unlock_screen import UnlockScreen
from lasting_home_desktop.ui.worker.main_window import WorkerWindow

# -- unlock screen -------------------------------------------------------------------------------


def test_first_run_sets_a_passphrase_and_shows_the_recovery_key_once(qtbot, data_dir):
    """Set-up warns plainly, asks twice, and shows the recovery key until it is written down."""
    screen = UnlockScreen(data_dir, cost=TEST_COST)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.is_first_run
    assert "nobody can get round it" in screen.warning.text()
    screen.new_name.setText("Priya Shah")
    screen.new_passphrase.setText(PASSPHRASE)
    screen.repeat_passphrase.setText(PASSPHRASE + "x")
    screen.set_up_button.click()
    assert "different" in screen.set_up_problem.text()
    assert not (data_dir / KEY_FILE_NAME).exists()
    screen.new_passphrase.setText("short")
    screen.repeat_passphrase.setText("short")
    screen.set_up_button.click()
    assert "at least 10 characters" in screen.set_up_problem.text()
    screen.new_passphrase.setText(PASSPHRASE)
    screen.repeat_passphrase.setText(PASSPHRASE)
    screen.set_up_button.click()
    shown = screen.recovery_key.text()
    assert re.fullmatch(r"([A-Z2-9]{4}-){5}[A-Z2-9]{4}", shown)
    assert not screen.continue_button.isEnabled()
    screen.written_down.setChecked(True)
    with qtbot.waitSignal(screen.unlocked) as got:
        screen.continue_button.click()
    key, name = got.args
    assert name == "Priya Shah" and screen.recovery_key.text() == ""
    assert unlock(data_dir, PASSPHRASE)._data_key == key._data_key


def test_wrong_passphrase_is_kind_and_five_wrong_tries_bring_a_growing_wait(qtbot, data_dir):
    """Wrong tries get a kind message; after five, a countdown; waiting lets the worker in."""
    first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    clock = FakeClock()
    screen = UnlockScreen(data_dir, clock=clock, cost=TEST_COST)
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.is_first_run
    for _ in range(4):
        _unlock_later(screen, "Priya", "wrong guess number")
        assert "does not open the data" in screen.unlock_problem.text()
        assert screen.unlock_button.isEnabled() and screen.countdown.text() == ""
    _unlock_later(screen, "Priya", "wrong guess number")
    assert not screen.unlock_button.isEnabled()
    assert "please wait 0:30" in screen.countdown.text()
    clock.now += 20
    screen.refresh_countdown()
    assert "0:10" in screen.countdown.text()
    clock.now += 10
    screen.refresh_countdown()
    assert screen.unlock_button.isEnabled() and screen.countdown.text() == ""
    _unlock_later(screen, "Priya", "wrong again, sorry")
    assert "1:00" in screen.countdown.text()
    assert [wait_after(n) for n in (4, 5, 6, 7)] == [0, 30, 60, 120]
    clock.now += 60
    screen.refresh_countdown()
    with qtbot.waitSignal(screen.unlocked):
        _unlock_later(screen, "Priya", PASSPHRASE)


def test_recovery_key_unlocks_from_the_screen(qtbot, data_dir):
    """'I have forgotten it' takes the recovery key instead of the passphrase (spaces and
    lower case forgiven); a new passphrase is chosen before the worker is let in."""
    created = first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    screen = UnlockScreen(data_dir, cost=TEST_COST)
    qtbot.addWidget(screen)
    screen.use_recovery.setChecked(True)
    _unlock_later(screen, "Priya", created.recovery_key.lower().replace("-", " "))
    assert screen.pages.currentWidget() is screen.new_page
    screen.new_page.passphrase.setText("a brand new passphrase")
    screen.new_page.repeat.setText("a brand new passphrase")
    with qtbot.waitSignal(screen.unlocked):
        screen.new_page.button.click()
    assert screen.used_recovery_key


# -- the whole app: unlock, idle lock, no readable data -----------------------------------------


def test_idle_lock_hides_the_worker_window_until_unlocked(qtbot, data_dir, today):
    """After ten idle minutes everything hides behind the unlock screen; the worker unlocks
    and the audit says who; no file in the folder shows a name afterwards."""
    clock = FakeClock()
    session, holder, _ = _session(qtbot, data_dir, today, clock)
    screen = session.unlock_screen
    screen.new_name.setText("Priya Shah")
    screen.new_passphrase.setText(PASSPHRASE)
    screen.repeat_passphrase.setText(PASSPHRASE)
    screen.set_up_button.click()
    screen.written_down.setChecked(True)
    screen.continue_button.click()
    window = session.window
    assert window is not None and window.isVisible() and not screen.isVisible()
    children = add_example_children(session.store, today, count=4, seed=5)
    window.show_caseload()
    window.show_child(children[0].id)

    clock.now += 9 * 60
    session.idle.check()
    assert window.isVisible()
    clock.now += 61
    session.idle.check()
    assert not window.isVisible() and screen.isVisible()
    assert "locked while it was left" in screen.unlock_title.text()
    assert screen.name.text() == "Priya Shah"
    _unlock_later(screen, "Priya Shah", "not the passphrase")
    assert not window.isVisible()
    _unlock_later(screen, "Priya Shah", PASSPHRASE)
    assert window.isVisible() and not screen.isVisible()

    actions = [(e.worker, e.action) for e in session.store.audit.entries()]
    assert actions == [
        ("Priya Shah", "unlocked"),
        *[("Priya Shah", "added")] * 4,
        ("Priya Shah", "opened"),
        ("Priya Shah", "unlocked"),
    ]
    window.close()
    session.close()
    assert not readable_traces(data_dir, names_of(children))


def test_the_idle_time_is_a_setting_of_at_most_thirty_minutes(qtbot, data_dir, today):
    """The worker can choose a shorter or longer time, never more than 30 minutes."""
    first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    clock = FakeClock()
    session, holder, messages = _session(qtbot, data_dir, today, clock)
    _unlock_later(session.unlock_screen, "Priya", PASSPHRASE)
    menu = holder["menu"]
    menu.ask_minutes = lambda current: 90
    menu.choose_idle_minutes()
    assert session.idle.minutes == 30 and "30 minutes" in messages.told[-1][1]
    menu.ask_minutes = lambda current: 2
    menu.choose_idle_minutes()
    clock.now += 121
    session.idle.check()
    assert not session.window.isVisible()
    session.close()
    with CaseloadStore.open(data_dir, key=unlock(data_dir, PASSPHRASE)) as store:
        assert store.folder_value("idle_lock_minutes") == 2


def test_idle_lock_in_together_mode_shows_the_child_a_friendly_waiting_screen(
    qtbot, data_dir, today
):
    """In together mode the child sees 'waiting for your worker', never a locked-out message,
    and together mode comes back once the worker unlocks."""
    first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    clock = FakeClock()
    session, _, _ = _session(qtbot, data_dir, today, clock)
    _unlock_later(session.unlock_screen, "Priya", PASSPHRASE)
    store = session.store
    child = store.add_child(ChildRecord("Aleksandra", "Nowak", preferred_name="Ola"), today)
    session.window.hide()  # together mode covers the worker's window
    window = together(store, child.id, today)
    try:
        window.showFullScreen()
        clock.now += 10 * 60
        session.idle.check()
        waiting = session.screen_lock.waiting
        assert waiting is not None and waiting.isVisible() and not window.isVisible()
        assert not session.unlock_screen.isVisible()
        texts = " ".join(t for w in visible_widgets() for t in widget_texts(w)).casefold()
        assert "waiting for your worker" in texts
        for word in ("locked", "lock out", "denied", "passphrase", "aleksandra"):
            assert word not in texts
        waiting.close()  # the child cannot close it (and so cannot quit the app)
        assert waiting.isVisible()
        waiting.worker_button.click()
        assert session.unlock_screen.isVisible()
        _unlock_later(session.unlock_screen, "Priya", PASSPHRASE)
        assert window.isVisible() and window.isFullScreen()
        assert session.screen_lock.waiting is None
    finally:
        force_close(window)
        session.close()


# -- audit view, hand-over and deletion from the worker window ----------------------------------


def test_audit_view_lists_entries_and_flags_a_broken_chain(qtbot, data_dir, today, tmp_path):
    """The Team Manager sees who did what, can export it, and is told if it was tampered with."""
    first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    session, holder, messages = _session(qtbot, data_dir, today, FakeClock())
    _unlock_later(session.unlock_screen, "Priya", PASSPHRASE)
    child = session.store.add_child(ChildRecord("Kasia", "Zielińska"), today)
    session.window.show_caseload()
    session.window.open_child(child.id)
    menu = holder["menu"]
    view = menu.show_audit()
    qtbot.addWidget(view)
    assert view.table.rowCount() == 3  # unlocked, added the child, opened their record
    assert view.table.item(0, 2).text() == "Opened a child's record"
    assert view.table.item(1, 2).text() == "Added a child's record"
    assert view.table.item(0, 3).text() == f"Kasia Zielińska ({child.id})"
    assert "is whole" in view.status.text()
    target = tmp_path / "audit.csv"
    view._choose_file = lambda parent: target
    view.export_csv()
    assert "Opened a child's record" in target.read_text(encoding="utf-8-sig")
    assert "not protected" in messages.told[-1][1]
    path = data_dir / AUDIT_NAME
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([lines[0], lines[2]]))
    view.refresh()
    assert "tampered with" in view.status.text()
    session.close()


def test_hand_over_then_delete_from_the_worker_window(qtbot, data_dir, today, tmp_path):
    """A record handed over from the menu opens on another laptop; deleting it here needs
    the child's name typed."""
    first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    session, holder, messages = _session(qtbot, data_dir, today, FakeClock())
    _unlock_later(session.unlock_screen, "Priya", PASSPHRASE)
    store = session.store
    child = add_example_children(store, today, count=2, seed=9)[0]
    session.window.show_caseload()
    session.window.open_child(child.id)
    menu = holder["menu"]
    target = tmp_path / "handover.lasting-home"
    messages.answer = False  # keep the record for now after the hand-over

    def fill_password(dialog):
        dialog.password.setText("seven green bicycles")
        dialog.repeat.setText("seven green bicycles")
        dialog.try_accept()
        return dialog.result() == 1

    menu.run_dialog = fill_password
    menu.choose_target = lambda parent, who: target
    menu.hand_over()
    assert target.exists() and store.audit.entries()[-1].action == "handed-over"

    def type_name(text):
        def run(dialog):
            dialog.typed.setText(text)
            return True

        return run

    menu.run_dialog = type_name(child.first_name)  # not enough: the whole name is asked
    menu.delete_record()
    assert store.child(child.id) == child
    menu.run_dialog = type_name(f"{child.first_name} {child.last_name}")
    menu.delete_record()
    assert child.id not in {c.id for c in store.children(include_archived=True)}
    assert session.window.child_page is None
    assert messages.told[-1][0] == "Record deleted"
    session.close()

    other = tmp_path / "other-laptop"
    first_passphrase(other, "another laptop's phrase", TEST_COST)
    other_session, other_holder, other_messages = _session(qtbot, other, today, FakeClock())
    _unlock_later(other_session.unlock_screen, "Sam", "another laptop's phrase")
    other_menu = other_holder["menu"]
    other_menu.choose_source = lambda parent: target
    other_menu.run_dialog = fill_password
    other_menu.receive()
    assert other_messages.told[-1][0] == "Record received"
    assert other_session.store.child(child.id) == child
    assert other_session.window.child_page.child_id == child.id
    other_session.close()


def _run_app_and_look(qapp, *args, **kwargs):
    """Run the app until it has shown its first screen; what was visible then."""
    from lasting_home_desktop.app import run_app

    seen: list[dict] = []

    def look() -> None:
        for window in qapp.topLevelWidgets():
            if not window.isVisible():
                continue
            seen.append(
                {
                    "type": type(window),
                    "first_run": getattr(window, "is_first_run", None),
                    "problem": window.unlock_problem.text()
                    if isinstance(window, UnlockScreen)
                    else "",
                    "names": window.caseload_names() if isinstance(window, WorkerWindow) else [],
                }
            )

    from PySide6.QtCore import QTimer

    import lasting_home_desktop.app as app_module

    class LookFirst:
        # Where the app asks to quit once ready, look at the screen first.
        @staticmethod
        def singleShot(ms, quit_app):  # noqa: N802 (Qt's name)
            QTimer.singleShot(ms, lambda: (look(), quit_app()))

    original = app_module.QTimer
    app_module.QTimer = LookFirst
    try:
        code = run_app(*args, **kwargs)
    finally:
        app_module.QTimer = original
    return code, seen


def test_the_app_opens_on_the_unlock_screen_before_any_data(qapp, data_dir, monkeypatch):
    """Starting the app shows the passphrase set-up first, and no worker window."""
    from lasting_home_desktop.app import EXIT_WHEN_READY

    monkeypatch.setenv(EXIT_WHEN_READY, "1")
    code, seen = _run_app_and_look(qapp, data_dir)
    assert code == 0
    assert [item["type"] for item in seen] == [UnlockScreen]
    assert seen[0]["first_run"]


def test_a_passphrase_from_the_command_line_opens_the_worker_window(
    qapp, data_dir, monkeypatch, today
):
    """With the passphrase given (file or variable), the caseload opens straight away, and a
    wrong one leaves the unlock screen up with a kind word."""
    from lasting_home_desktop.app import EXIT_WHEN_READY

    key = first_passphrase(data_dir, PASSPHRASE, TEST_COST).key
    with CaseloadStore.open(data_dir, key=key) as store:
        add_example_children(store, today, count=3, seed=4)
    monkeypatch.setenv(EXIT_WHEN_READY, "1")
    code, seen = _run_app_and_look(qapp, data_dir, passphrase=PASSPHRASE)
    assert code == 0
    assert [item["type"] for item in seen] == [WorkerWindow]
    assert len(seen[0]["names"]) == 3
    code, seen = _run_app_and_look(qapp, data_dir, passphrase="not the right one")
    assert [item["type"] for item in seen] == [UnlockScreen]
    assert "does not open this data folder" in seen[0]["problem"]


def test_restarting_does_not_reset_the_wait_after_wrong_tries(qtbot, data_dir):
    """Closing and reopening the app after five wrong tries still asks the worker to wait."""
    first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    clock = FakeClock()
    screen = UnlockScreen(data_dir, clock=clock, cost=TEST_COST)
    qtbot.addWidget(screen)
    for _ in range(5):
        _unlock_later(screen, "Priya", "wrong guess number")
    screen.close()
    clock.now += 10
    again = UnlockScreen(data_dir, clock=clock, cost=TEST_COST)
    qtbot.addWidget(again)
    assert again.wrong_tries == 5 and not again.unlock_button.isEnabled()
    assert "0:20" in again.countdown.text()
    clock.now += 20
    again.refresh_countdown()
    with qtbot.waitSignal(again.unlocked):
        _unlock_later(again, "Priya", PASSPHRASE)
    fresh = UnlockScreen(data_dir, clock=clock, cost=TEST_COST)
    qtbot.addWidget(fresh)
    assert fresh.wrong_tries == 0
