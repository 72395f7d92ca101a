"""Qt widgets only.

PySide6 looks at every module imported after it, to see whether it uses Qt (for its optional
`__feature__` switches). It does so by asking `inspect` for each module's whole source, which
leaves every line of every module in `linecache` for good: about 4.5 MiB, and 20 ms of a start,
for the two hundred modules the app imports. The same question is answered here by reading
each file's bytes once and keeping nothing; anything without a source file goes to PySide6's
own check as before.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401 (installs the check replaced below)


def _uses_pyside(module: ModuleType) -> bool:
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return _pyside_check(module)


_feature = sys.modules.get("shibokensupport.feature")
_pyside_check = getattr(_feature, "_mod_uses_pyside", None)
if _pyside_check is not None and not getattr(_pyside_check, "lighter", False):
    _uses_pyside.lighter = True  # type: ignore[attr-defined]
    _feature._mod_uses_pyside = _uses_pyside  # type: ignore[union-attr]
