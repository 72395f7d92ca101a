"""Slow work runs off the GUI thread and its result (or its error) comes back on it."""

import threading

from lasting_home_desktop.ui.background import Background


def test_the_result_comes_back_on_the_gui_thread(qtbot):
    background = Background()
    gui = threading.get_ident()
    seen = []

    def work():
        seen.append(("worker", threading.get_ident() != gui))
        return 42

    with qtbot.waitCallback() as done:
        background.run(work, on_done=done)
    assert done.args == [42] and seen == [("worker", True)]
    background.shutdown()


def test_an_error_is_handed_back_not_lost(qtbot):
    background = Background()
    with qtbot.waitCallback() as failed:
        background.run(lambda: 1 / 0, on_failed=failed)
    assert isinstance(failed.args[0], ZeroDivisionError)
    background.shutdown()


def test_wait_delivers_everything_now(qtbot):
    background = Background()
    results = []
    for number in range(5):
        background.run(lambda number=number: number * 2, on_done=results.append)
    background.wait()
    assert results == [0, 2, 4, 6, 8] and not background.busy
    background.shutdown()
