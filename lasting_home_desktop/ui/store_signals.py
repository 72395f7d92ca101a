"""The store's change notices as a Qt signal, so a screen can listen and Qt disconnects it by
itself when the screen goes."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, Signal

from ..storage.caseload import CaseloadStore
from ..storage.changes import Change

_RELAYS: weakref.WeakKeyDictionary[CaseloadStore, StoreSignals] = weakref.WeakKeyDictionary()


class StoreSignals(QObject):
    """`changed(Change)` after every save to the store (by any screen, together mode, an
    import or the team sync)."""

    changed = Signal(object)

    def __init__(self, store: CaseloadStore):
        super().__init__()
        self._stop = store.changes.subscribe(self.changed.emit)

    def stop(self) -> None:
        self._stop()


def store_signals(store: CaseloadStore) -> StoreSignals:
    """The one relay for this store (made the first time a screen asks)."""
    relay = _RELAYS.get(store)
    if relay is None:
        relay = _RELAYS[store] = StoreSignals(store)
    return relay


__all__ = ["Change", "StoreSignals", "store_signals"]
