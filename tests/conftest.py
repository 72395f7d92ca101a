"""Shared test set-up: no screen needed, and every test gets its own data folder."""

import os
from pathlib import Path

# No screen needed: Qt's offscreen platform, with three screens side by side: the default one
# (800 × 800, the first, so it is the primary one every other test uses), a 1366 × 768 laptop
# and 1920 × 1080 at 150 % (1280 × 720), for the tests that check windows fit the screens
# councils use (tests/gui/test_screen_fit.py).
SCREENS = Path(__file__).resolve().parent / "screens.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"
# A test must never read or write the user's real data folder.
os.environ.pop("LASTING_HOME_DATA", None)

import datetime as dt  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

# The suite shares two cores: judge properties by their examples, not by the clock.
settings.register_profile(
    "lasting-home", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=150
)
settings.load_profile("lasting-home")

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    return folder


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def store(data_dir: Path):
    """A fresh, plain data folder opened (and locked) for the test; closed afterwards."""
    from lasting_home_desktop.storage.caseload import CaseloadStore

    opened = CaseloadStore.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def messages():
    """What a user would have been told and asked, instead of real message boxes."""
    from lasting_home_desktop.ui.messages import RecordedMessages

    return RecordedMessages()
