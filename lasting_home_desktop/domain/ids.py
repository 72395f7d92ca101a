"""Random ids for records and files.

os.urandom rather than `secrets`/`uuid`: those pull in OpenSSL's hashing library (about 4 MB)
at start-up, and an id needs only unpredictable bytes.
"""

from __future__ import annotations

import os


def new_id(length: int = 12) -> str:
    """`length` lower-case hex characters (length must be even)."""
    return os.urandom(length // 2).hex()
