"""Start-up: the unlock screen comes first and quickly; while it waits, what unlocking needs is
loaded; the caseload is painted with the children's names first and never says "none" before
it knows; the idle lock watches the worker window once it is painted."""

from __future__ import annotations

import gc
import importlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from session_support import FakeClock, _session, _unlock_later
from trust_support import PASSPHRASE, TEST_COST

from lasting_home_desktop.app import LOAD_AHEAD, open_store
from lasting_home_desktop.domain.child import ChildRecord
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.storage.example_caseload import add_example_children
from lasting_home_desktop.storage.folder_sealing import first_passphrase
from lasting_home_desktop.ui.after_paint import AfterFirstPaint
from lasting_home_desktop.ui.app_session import AppSession
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.worker.caseload_view import WORKING_OUT, WORKING_OUT_ROW
from lasting_home_desktop.ui.worker.main_window import WorkerWindow
from lasting_home_desktop.ui.worker.this_week_view import WORKING_OUT as WORKING_OUT_WEEK

CHECKOUT = Path(__file__).resolve().parents[2]

# Run as its own process: the app on an encrypted folder, quitting once its first screen is
# shown, then saying which of the modules that only unlocking needs had been loaded.
FIRST_SCREEN = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication
    from lasting_home_desktop.cli import main
    from lasting_home_desktop.ui.unlock_screen import UnlockScreen

    shown = []
    QApplication([])
    import lasting_home_desktop.app as app_module
    real = app_module.QTimer

    class LookFirst:
        @staticmethod
        def singleShot(ms, quit_app):
            look = lambda: shown.extend(
                type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()
            )
            real.singleShot(ms, lambda: (look(), quit_app()))

    app_module.QTimer = LookFirst
    code = main(["--data-dir", sys.argv[1]])
    print(code, ",".join(shown))
    print(",".join(name for name in sys.argv[2:] if name in sys.modules))
    import enum
    made, todo = set(), [enum.Enum]
    while todo:
        kind = todo.pop()
        made.add(kind.__name__)
        todo.extend(kind.__subclasses__())
    print("AlignmentFlag" in made)  # Qt's namespace built (every enum in it at once)
    """
)
ONLY_AFTER_UNLOCKING = (
    "cryptography.hazmat.primitives.ciphers.aead",
    "tinydb",
    "lasting_home_desktop.storage.caseload",
    "lasting_home_desktop.storage.folder_sealing",
    "lasting_home_desktop.domain.child",
    "lasting_home_desktop.ui.worker.main_window",
    "lasting_home_desktop.ui.together.window",
    "lasting_home_desktop.cli.data_tasks",
    "PySide6.QtSvgWidgets",
)


def test_the_unlock_screen_comes_up_without_loading_the_data_or_the_window(data_dir):
    """The first screen is the unlock screen, shown before the store, the cipher, the worker
    window, any command-line task or Qt's namespace of enums has been loaded (they wait until
    they are needed)."""
    first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LASTING_HOME_EXIT_WHEN_READY="1")
    env.pop("LASTING_HOME_PASSPHRASE", None)
    env["PYTHONPATH"] = os.pathsep.join([str(CHECKOUT), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN, str(data_dir), *ONLY_AFTER_UNLOCKING],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    shown, loaded, qt_namespace_built = done.stdout.splitlines()
    assert shown == "0 UnlockScreen"
    assert loaded == ""
    # Building Qt's namespace of enums takes about 15 ms; the unlock screen does without it.
    assert qt_namespace_built == "False"


def test_every_module_loaded_ahead_is_there():
    """The list of what to load while the unlock screen waits names real modules."""
    for name in LOAD_AHEAD:
        importlib.import_module(name)


def test_while_the_unlock_screen_waits_what_unlocking_needs_is_loaded(
    qtbot, data_dir, today, tmp_path, monkeypatch
):
    """Nothing is loaded before the unlock screen is painted; after it, the listed modules
    are, one at a time, while the worker types."""
    monkeypatch.syspath_prepend(str(tmp_path))
    names = ("start_up_probe_one", "start_up_probe_two")
    for name in names:
        (tmp_path / f"{name}.py").write_text("LOADED = True\n")
        monkeypatch.delitem(sys.modules, name, raising=False)

    def build(store: CaseloadStore) -> QWidget:
        return WorkerWindow(store, today, RecordedMessages())

    session = AppSession(
        data_dir, RecordedMessages(), open_store, build, cost=TEST_COST, load_ahead=names
    )
    qtbot.addWidget(session.unlock_screen)
    try:
        assert not any(name in sys.modules for name in names)
        session.show_unlock()
        qtbot.waitUntil(lambda: all(name in sys.modules for name in names), timeout=5000)
    finally:
        session.close()
        gc.unfreeze()  # loading everything ahead leaves it out of the collector's full passes


def _names_first_window(qtbot, store, today, messages) -> WorkerWindow:
    window = WorkerWindow(store, today, messages, names_first=True)
    qtbot.addWidget(window)
    return window


def _with_children(store, today) -> None:
    add_example_children(store, today, count=30, seed=7)
    archived = store.add_child(ChildRecord("Archie", "Kept-Aside"), today)
    store.archive_child(archived.id, True)


def test_the_caseload_shows_names_first_and_never_a_false_none(qtbot, store, today, messages):
    """Before its first paint the caseload lists the children (not the archived one) and says
    who needs attention and what is due are being worked out; once painted, it shows exactly
    what a caseload built the slow way shows."""
    _with_children(store, today)
    slow = WorkerWindow(store, today, RecordedMessages())
    qtbot.addWidget(slow)
    window = _names_first_window(qtbot, store, today, messages)

    assert window.caseload.waiting
    assert window.caseload_names() == slow.caseload_names()
    assert "Archie Kept-Aside" not in window.caseload_names()
    assert window.caseload.count.text() == f"30 children · {WORKING_OUT}"
    assert set(window.caseload.visible_status_lines()) == {WORKING_OUT_ROW}
    assert window.this_week.note.text() == WORKING_OUT_WEEK
    assert window.this_week.list.isHidden() and window.this_week.empty.isHidden()
    assert "need attention" in slow.caseload.count.text()

    with qtbot.waitSignal(window.caseloadReady, timeout=5000):
        window.show()
    assert not window.caseload.waiting
    assert window.caseload.count.text() == slow.caseload.count.text()
    assert window.caseload.visible_status_lines() == slow.caseload.visible_status_lines()
    assert window.this_week.lines() == slow.this_week.lines()
    assert window.this_week.note.text() == slow.this_week.note.text()


def test_a_caseload_not_painted_still_works_out_who_needs_attention(qtbot, store, today, messages):
    """Should the list never be painted (hidden behind another window, say), the statuses
    still come, half a second later."""
    _with_children(store, today)
    window = _names_first_window(qtbot, store, today, messages)
    with qtbot.waitSignal(window.caseloadReady, timeout=3000):
        pass
    assert not window.caseload.waiting
    assert "need attention" in window.caseload.count.text()


def test_searching_before_the_statuses_are_in_works_them_out_first(qtbot, store, today, messages):
    """Typing in the search box (or choosing a filter) straight away filters on the real
    statuses: they are worked out at once rather than leaving an empty list."""
    _with_children(store, today)
    window = _names_first_window(qtbot, store, today, messages)
    first = window.caseload_names()[0]
    window.caseload.search.setText(first.split()[0])
    assert not window.caseload.waiting
    assert first in window.caseload_names()
    assert "Showing" in window.caseload.count.text()
    window.caseload.search.clear()
    flagged = window.caseload.stage_filter.findText("Needs attention (flagged)")
    window.caseload.stage_filter.setCurrentIndex(flagged)
    assert all(line.count("\n") == 1 for line in window.caseload.visible_status_lines())


def test_choosing_a_child_while_names_are_shown_keeps_the_choice(qtbot, store, today, messages):
    """A child chosen before the statuses arrive stays chosen, and their page opens."""
    _with_children(store, today)
    window = _names_first_window(qtbot, store, today, messages)
    name = window.caseload_names()[3]
    window.caseload.table.selectRow(3)
    assert window.child_page is not None
    with qtbot.waitSignal(window.caseloadReady, timeout=5000):
        window.show()
    assert window.caseload.selected_child_id() == window.child_page.child_id
    assert window.caseload.model.child_at(3).display_name == name


def test_this_week_columns_fit_their_lines(qtbot, store, today, messages):
    """The "When" and "Child" columns are as wide as their longest line with room to spare
    (a name mixing scripts is drawn wider than measured), fitted once, when the lines are set,
    rather than measured again at every relayout."""
    _with_children(store, today)
    window = WorkerWindow(store, today, messages)
    qtbot.addWidget(window)
    window.show()
    panel = window.this_week
    assert panel.items
    metrics = QFontMetrics(panel.list.font())
    for column in (0, 1):
        widest = max(metrics.horizontalAdvance(line.split(" | ")[column]) for line in panel.lines())
        assert panel.list.header().sectionSize(column) >= widest + metrics.averageCharWidth()


def test_the_idle_lock_watches_the_worker_window_once_it_is_painted(qtbot, data_dir, today):
    """After unlocking, typing in the worker window counts as use: ten minutes with a key
    pressed in the middle do not lock it."""
    first_passphrase(data_dir, PASSPHRASE, TEST_COST)
    clock = FakeClock()
    session, _, _ = _session(qtbot, data_dir, today, clock)
    _unlock_later(session.unlock_screen, "Priya Shah", PASSPHRASE)
    window = session.window
    assert window is not None
    qtbot.waitExposed(window)
    clock.now += 9 * 60

    def typing_counts() -> bool:
        QTest.keyClick(window, Qt.Key.Key_Shift)
        return session.idle.seconds_idle() == 0

    qtbot.waitUntil(typing_counts, timeout=5000)
    clock.now += 2 * 60
    session.idle.check()
    assert window.isVisible() and not session.screen_lock.is_locked
    clock.now += 10 * 60
    session.idle.check()
    assert session.screen_lock.is_locked
    session.close()


def test_work_after_the_first_paint_runs_once_and_at_the_latest_when_asked(qtbot):
    """Work waiting for a paint runs once the widget is painted, once only; given a latest
    time it runs then even if the widget is never shown; cancelled, it never runs."""
    ran: list[str] = []
    shown = QWidget()
    qtbot.addWidget(shown)
    AfterFirstPaint(shown, lambda: ran.append("painted"), latest_ms=20)
    hidden = QWidget()
    qtbot.addWidget(hidden)
    AfterFirstPaint(hidden, lambda: ran.append("at the latest"), latest_ms=20)
    cancelled = QWidget()
    qtbot.addWidget(cancelled)
    AfterFirstPaint(cancelled, lambda: ran.append("cancelled"), latest_ms=20).cancel()
    shown.show()
    # The hidden widget's latest time comes after the shown one's: by then that has passed.
    qtbot.waitUntil(lambda: "at the latest" in ran, timeout=5000)
    assert sorted(ran) == ["at the latest", "painted"]


def test_the_app_does_not_keep_the_source_of_every_module_it_imports() -> None:
    """PySide6 asks of every module imported after it whether it uses Qt; answered by reading
    the module's whole source through linecache, every line of ~200 modules stayed in memory
    for good. The answer must stay the same and the lines must not be kept."""
    script = textwrap.dedent(
        """
        import linecache, sys
        import lasting_home_desktop.app
        import lasting_home_desktop.ui.worker.main_window
        features = sys.modules["shibokensupport.feature"].pyside_feature_dict
        print(len(linecache.cache))
        print(features.get("lasting_home_desktop.ui.worker.caseload_view"))
        print(features.get("lasting_home_desktop.storage.caseload"))
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=CHECKOUT,
        timeout=60,
        check=True,
    )
    kept, uses_qt, plain = done.stdout.split()
    assert int(kept) < 20, f"{kept} modules' source lines kept in memory"
    assert uses_qt == "0"  # a module that uses Qt: PySide6's switches apply to it
    assert plain == "-1"  # a module that does not: left alone
