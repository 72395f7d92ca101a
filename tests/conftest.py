"""Shared test set-up: no screen needed, and every test gets its own data folder."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A test must never read or write the user's real data folder.
os.environ.pop("LASTING_HOME_DATA", None)

import datetime as dt  # noqa: E402
from pathlib import Path  # noqa: E402

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
