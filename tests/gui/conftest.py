"""Fixtures shared by the together-mode tests: one child's caseload and their window."""

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
