"""The one way the app does slow work without freezing a screen: a Qt-free function runs on a
worker thread, and what it returns (or the error it raised) is handed back on the GUI thread.

    background.run(lambda: make_batch(...), on_done=show_result, on_failed=say_why)

The function must not touch widgets or the store (neither is thread-safe); gather what it needs
first, on the GUI thread, and write results back in `on_done`.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

T = TypeVar("T")


class Background(QObject):
    """`workers` jobs at once (one keeps them in order); the rest wait their turn."""

    _finished = Signal(int)  # emitted on the worker thread; Qt queues it to the GUI thread

    def __init__(self, parent: QObject | None = None, workers: int = 1, name: str = "background"):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name)
        self._jobs: dict[int, tuple[Future, Callable | None, Callable | None]] = {}
        self._next = 0
        self._finished.connect(self._deliver)

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> Future:
        token = self._next
        self._next += 1
        future: Future = self._pool.submit(work)
        self._jobs[token] = (future, on_done, on_failed)
        # Runs on the worker thread once the result is set; the signal crosses to the GUI.
        future.add_done_callback(lambda _future: self._finished.emit(token))
        return future

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def _deliver(self, token: int) -> None:
        future, on_done, on_failed = self._jobs.pop(token, (None, None, None))
        if future is None:
            return
        error = future.exception()
        if error is not None:
            if on_failed is not None:
                on_failed(error)
        elif on_done is not None:
            on_done(future.result())

    def wait(self) -> None:
        """Finish every job and hand back its result now (closing, and tests)."""
        while self._jobs:
            token = min(self._jobs)
            future = self._jobs[token][0]
            future.exception()  # waits
            self._deliver(token)

    def shutdown(self) -> None:
        self.wait()
        self._pool.shutdown(wait=True)
