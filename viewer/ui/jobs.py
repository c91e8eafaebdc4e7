"""Work off the UI thread, done one way: a `JobRunner` runs callables on its own worker
threads and hands each result (or exception) back on the UI thread.

The search, the opening of the user's annotations and long imports all go through
it. Its threads are Python's (`concurrent.futures`), which Python itself joins when it
exits, so no exit hook of ours is needed and no Qt thread can be destroyed while
running; `shutdown()` waits for the work in hand, as quitting should (an upgrade of
the annotations file is finished, never cut short).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class JobRunner(QObject):
    """`submit(work, done, failed)`: `work()` on a worker thread, then `done(result)` or
    `failed(exception)` on the thread this runner lives on (the UI thread)."""

    _finished = Signal(object, object)  # the callback, its argument

    def __init__(self, name: str, workers: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name, self._workers = name, workers
        # Made at the first job: runners are made before the window shows, their work
        # (and Python's thread pool, a few ms to import) comes after.
        self._pool: ThreadPoolExecutor | None = None
        self._pending: set[Future[Any]] = set()  # touched by the worker threads too:
        self._lock = threading.Lock()  # under this lock
        self._closed = False
        # A signal to a slot of this object: queued to its thread, whoever emits it.
        self._finished.connect(self._deliver)

    def submit(
        self, work: Callable[[], T], done: Done | None = None, failed: Failed | None = None
    ) -> Future[T]:
        if self._closed:
            raise RuntimeError("the job runner has been shut down")
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415 - see __init__

            self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix=self._name)
        future = self._pool.submit(work)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(lambda f: self._hand_back(f, done, failed))
        return future

    def _hand_back(self, future: Future[Any], done: Done | None, failed: Failed | None) -> None:
        """On the worker thread, as the work ends: the outcome goes to the UI thread."""
        with self._lock:
            self._pending.discard(future)
        if future.cancelled():
            return
        error = future.exception()
        try:
            if error is not None:
                if failed is not None:
                    self._finished.emit(failed, error)
            elif done is not None:
                self._finished.emit(done, future.result())
        except RuntimeError:  # the runner went with its window: nobody waits for it
            pass

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: object) -> None:
        callback(value)

    @property
    def busy(self) -> bool:
        with self._lock:
            return bool(self._pending)

    def wait(self) -> None:
        """Until the work submitted so far has ended (its outcome then waits in the
        event queue); more may be submitted afterwards."""
        with self._lock:
            pending = list(self._pending)
        if pending:
            from concurrent import futures  # noqa: PLC0415 - loaded with the pool

            futures.wait(pending)

    def shutdown(self) -> None:
        """Wait for the work in hand to end; nothing new starts. Safe to call twice."""
        self._closed = True
        if self._pool is not None:
            self._pool.shutdown(wait=True)
