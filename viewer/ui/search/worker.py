"""Runs searches off the UI thread; a newer query interrupts the one running."""

from __future__ import annotations

import atexit
import weakref
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from viewer.core.catalog.read import Catalog
from viewer.core.search.engine import CANCELLED, Filters, Order, SearchEngine, SearchResult

RESULT_LIMIT = 200  # quotes listed at most; the count says when there are more


@dataclass(frozen=True, slots=True)
class SearchRequest:
    number: int  # increases with every request; older answers are dropped
    text: str
    filters: Filters
    order: Order
    notes_db: Path | None = None  # the user's annotations, their notes searched alongside
    limit: int = RESULT_LIMIT


class _Runner(QObject):
    answered = Signal(int, object)  # request number, SearchResult

    def __init__(self, engine: SearchEngine) -> None:
        super().__init__()
        self.engine = engine
        self.latest = 0  # written by the UI thread; an int store is atomic in Python

    @Slot(object)
    def run(self, request: SearchRequest) -> None:
        if request.number < self.latest:
            return  # superseded while it waited in the queue
        result = self._search(request)
        if result.message == CANCELLED and request.number == self.latest:
            result = self._search(request)  # the interrupt meant for its predecessor
        self.answered.emit(request.number, result)

    def _search(self, request: SearchRequest) -> SearchResult:
        return self.engine.search(
            request.text,
            filters=request.filters,
            order=request.order,
            limit=request.limit,
            notes_db=request.notes_db,
        )


class SearchWorker(QObject):
    """Owns the engine and its thread. `submit()` from the UI thread; `answered` comes back."""

    answered = Signal(object)  # the SearchResult of the newest request
    _submitted = Signal(object)

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = SearchEngine(catalog)
        self._thread = QThread()
        self._thread.setObjectName("search")
        self._runner = _Runner(self._engine)
        self._runner.moveToThread(self._thread)
        self._submitted.connect(self._runner.run)
        self._runner.answered.connect(self._on_answer)
        self._number = 0
        self._stopped = False
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        # And when Python exits without the event loop ending (a script, a test run):
        # a QThread destroyed while running aborts with a warning.
        atexit.register(_stop_if_alive, weakref.ref(self))

    def submit(
        self,
        text: str,
        filters: Filters,
        order: Order,
        notes_db: Path | None = None,
    ) -> int:
        self._number += 1
        self._runner.latest = self._number
        self._engine.interrupt()  # whatever runs now is out of date
        self._submitted.emit(SearchRequest(self._number, text, filters, order, notes_db))
        return self._number

    @Slot(int, object)
    def _on_answer(self, number: int, result: SearchResult) -> None:
        if number == self._number:
            self.answered.emit(result)

    def stop(self) -> None:
        """End the thread and close the engine; safe to call more than once."""
        if self._stopped:
            return
        self._stopped = True
        self._engine.interrupt()
        self._thread.quit()
        self._thread.wait()
        self._engine.close()


def _stop_if_alive(worker: weakref.ref[SearchWorker]) -> None:
    alive = worker()
    if alive is not None:
        alive.stop()
