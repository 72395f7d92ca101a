"""Running the whole app in a test: the unlock screen first, then the worker window, with a
clock the test moves on (so the idle lock comes without waiting)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from trust_support import TEST_COST

from lasting_home_desktop.app import open_store
from lasting_home_desktop.storage.caseload import CaseloadStore
from lasting_home_desktop.ui.app_session import AppSession
from lasting_home_desktop.ui.messages import RecordedMessages
from lasting_home_desktop.ui.unlock_screen import UnlockScreen
from lasting_home_desktop.ui.worker.main_window import WorkerWindow
from lasting_home_desktop.ui.worker.trust_menu import TrustMenu


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _unlock_later(screen: UnlockScreen, name: str, secret: str) -> None:
    screen.name.setText(name)
    screen.passphrase.setText(secret)
    screen.unlock_button.click()


def _session(qtbot, folder: Path, today: dt.date, clock: FakeClock, messages=None):
    messages = messages or RecordedMessages()
    holder: dict[str, object] = {}

    def build(store: CaseloadStore):
        window = WorkerWindow(store, today, messages)
        holder["menu"] = TrustMenu(window, session, messages)
        return window

    session = AppSession(folder, messages, open_store, build, clock=clock, cost=TEST_COST)
    session.show_unlock()
    qtbot.addWidget(session.unlock_screen)
    return session, holder, messages
