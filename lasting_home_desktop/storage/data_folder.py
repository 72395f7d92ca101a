"""Where the data lives: the user's data folder, or one given on the command line."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VARIABLE = "LASTING_HOME_DATA"


def default_data_dir() -> Path:
    from platformdirs import user_data_path  # only when no folder was given

    return user_data_path("LastingHome", appauthor=False, roaming=False)


def resolve_data_dir(given: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir beats LASTING_HOME_DATA beats the platform's data folder."""
    if given:
        return Path(given).expanduser()
    env = os.environ.get(ENV_VARIABLE, "").strip()
    if env:
        return Path(env).expanduser()
    return default_data_dir()
