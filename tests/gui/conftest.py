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
