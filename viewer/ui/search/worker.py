"""Runs searches off the UI thread; a newer query interrupts the one running."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from viewer.core.catalog.read import Catalog
from viewer.core.frozen import frozen
from viewer.core.search.engine import CANCELLED, Order, SearchEngine, SearchResult
from viewer.core.search.filters import Filters
from viewer.ui.jobs import JobRunner

RESULT_LIMIT = 200  # quotes listed at most; the count says when there are more


@frozen
class SearchRequest:
    number: int  # increases with every request; older answers are dropped
    text: str
    filters: Filters
    order: Order
    notes_db: Path | None = None  # the user's annotations, their notes searched alongside
    limit: int = RESULT_LIMIT


class SearchWorker(QObject):
    """Owns the engine and the one thread it searches on (a `JobRunner`): `submit()` from
    the UI thread; `answered` comes back on it with the newest request's result."""

    answered = Signal(object)  # the SearchResult of the newest request

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = SearchEngine(catalog)
        self._jobs = JobRunner("search", 1, self)
        self._number = 0  # the newest request (read by the search thread: an int is atomic)
        self._stopped = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def submit(
        self,
        text: str,
        filters: Filters,
        order: Order,
        notes_db: Path | None = None,
    ) -> int:
        if self._stopped:  # the window is closing: nothing more is searched
            return self._number
        self._number += 1
        self._engine.interrupt()  # whatever runs now is out of date
        request = SearchRequest(self._number, text, filters, order, notes_db)
        self._jobs.submit(lambda: self._run(request), self._on_answer)
        return self._number

    def _run(self, request: SearchRequest) -> tuple[int, SearchResult | None]:
        """On the search thread."""
        if request.number < self._number:
            return request.number, None  # superseded while it waited in the queue
        result = self._search(request)
        if result.message == CANCELLED and request.number == self._number and not self._stopped:
            result = self._search(request)  # the interrupt meant for its predecessor
        return request.number, result

    def _search(self, request: SearchRequest) -> SearchResult:
        return self._engine.search(
            request.text,
            filters=request.filters,
            order=request.order,
            limit=request.limit,
            notes_db=request.notes_db,
        )

    def _on_answer(self, answer: tuple[int, SearchResult | None]) -> None:
        number, result = answer
        if number == self._number and result is not None:
            self.answered.emit(result)

    def stop(self) -> None:
        """End the search thread and close the engine; safe to call more than once."""
        if self._stopped:
            return
        self._stopped = True
        self._engine.interrupt()
        self._jobs.shutdown()
        self._engine.close()
