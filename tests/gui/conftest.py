"""Fixtures shared by the GUI tests: one child's caseload and their together-mode window, a
guard against real modal dialogs, and every window taken down after each test."""

from __future__ import annotations

import pytest
from together_support import force_close, open_caseload, together


@pytest.fixture
def caseload(data_dir, today):
    store, child_id = open_caseload(data_dir, today)
    yield store, child_id
    store.close()


@pytest.fixture
def window(qtbot, caseload, today):
    store, child_id = caseload
    win = together(store, child_id, today)
    yield win
    force_close(win)


@pytest.fixture(autouse=True)
def no_real_clash_dialog(monkeypatch):
    """A real, modal clash dialog would wait for a click that never comes: fail instead."""
    from lasting_home_desktop.ui.clash_chooser import ClashDialog

    def refuse(self):
        raise AssertionError("A real clash dialog was opened in a test; pass a recorded chooser.")

    monkeypatch.setattr(ClashDialog, "exec", refuse)


@pytest.fixture(autouse=True)
def close_every_window(qapp):
    """No window outlives its test: each is hidden (never closed: a close may ask questions
    or need the PIN) and deleted, so the next test starts with none."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in qapp.topLevelWidgets():
        widget.hide()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
