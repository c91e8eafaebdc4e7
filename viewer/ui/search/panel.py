"""The search panel: a box that searches as you type, filters shown as chips, results.

It asks the worker for results and shows them; choosing a result emits
`event_chosen`, and the main window selects that event on the timeline.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.catalog.read import Catalog
from viewer.core.dates.fuzzy import day_label
from viewer.core.dates.typed import typed_days
from viewer.core.records import Profile
from viewer.core.search.engine import Order, SearchResult
from viewer.core.search.filters import Filters
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.search.result_actions import ResultActions
from viewer.ui.search.result_delegate import ResultDelegate
from viewer.ui.search.results_model import ResultsModel, count_text, rows_of
from viewer.ui.search.worker import RESULT_LIMIT, SearchWorker

DEBOUNCE_MS = 120
_ORDERS = (
    ("Best match", Order.RELEVANCE),
    ("Newest first", Order.NEWEST),
    ("Oldest first", Order.OLDEST),
)


def hit_events(result: SearchResult) -> tuple[str, ...]:
    """The events a result points at, in the order it lists them, each once."""
    ids = [h.quote.event_id for h in result.hits]
    ids += [h.event.id for h in result.events]
    ids += [h.quote.event_id for h in (*result.fuzzy, *result.variants)]
    ids += [n.event.id for n in result.notes]
    return tuple(dict.fromkeys(i for i in ids if i))


class SearchPanel(QWidget):
    event_chosen = Signal(str)  # an event id
    quote_chosen = Signal(str)  # the id of the quote a chosen result matched (after event_chosen)
    result_shown = Signal(object)  # the SearchResult now on screen (for tests and status)
    # The events the results point at (quotes said there, events found), in result
    # order, or None when no search is active: the timeline marks them.
    hits_changed = Signal(object)
    scope_cleared = Signal()  # the user removed the "Only: starred" chip

    def __init__(
        self,
        catalog: Catalog,
        profiles: list[Profile],
        parent: QWidget | None = None,
        *,
        reporter: ErrorReporter | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.filters = Filters()
        self._scope_label = ""
        self.notes_db: Path | None = None  # the user's annotations, their notes searched too
        self._result: SearchResult | None = None
        self._catalog = catalog
        # The lanes that gather kinds of event (a filter by kind); an import's are groups.
        self._kind_lanes = [lane for lane in catalog.lanes if lane.kinds]
        self._worker_made: SearchWorker | None = None  # started by the first search
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)

        self.box = QLineEdit()
        self.box.setPlaceholderText('Search quotes and events: words, "a phrase", pre*, -not, OR')
        self.box.setAccessibleName("Search")
        self.box.setClearButtonEnabled(True)
        for clear in self.box.findChildren(QToolButton):  # Qt's ✕ in the box has no name
            clear.setAccessibleName("Clear the search")
            clear.setToolTip("Clear the search (Escape)")
        self.box.textChanged.connect(self._on_typed)
        self.box.installEventFilter(self)

        self.order = QComboBox()
        self.order.setAccessibleName("Order of results")
        for label, order in _ORDERS:
            self.order.addItem(label, order)
        self.order.currentIndexChanged.connect(lambda _i: self.run_now())

        self.filter_button = QToolButton()
        self.filter_button.setText("Filters")
        self.filter_button.setAccessibleName("Filters")
        self.filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filter_button.setMenu(self._filter_menu(catalog, profiles))

        self.chips = QHBoxLayout()
        self.chips.setContentsMargins(0, 0, 0, 0)
        self.chips.setSpacing(4)
        self.count = QLabel()
        self.count.setAccessibleName("Result count")
        self.count.setWordWrap(True)

        self.model = ResultsModel()
        self.delegate = ResultDelegate(self)
        self.results = QListView()
        self.results.setAccessibleName("Search results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(self.delegate)
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.selectionModel().currentChanged.connect(self._on_current)
        self.results.activated.connect(self._on_activated)
        self.result_actions = ResultActions(
            self.results,
            self.model,
            reporter or ErrorReporter(),
            places=lambda ids: {e.id: e.place for e in catalog.events_by_id(ids)},
        )
        save = QToolButton()
        save.setText("Save…")
        save.setAccessibleName("Save the quotes listed as CSV")
        save.clicked.connect(lambda _c=False: self.result_actions.ask_export_csv())
        save.setToolTip("Save the quotes listed as CSV (right-click a quote to copy its citation)")
        self.save_button = save

        top = QHBoxLayout()
        top.addWidget(self.box, 1)
        row = QHBoxLayout()
        row.addWidget(self.filter_button)
        row.addWidget(self.order)
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addLayout(row)
        layout.addLayout(self.chips)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)
        self._show_chips()
        self._show_count()

    # -- filters --------------------------------------------------------------------------

    def _filter_menu(self, catalog: Catalog, profiles: list[Profile]) -> QMenu:
        menu = QMenu(self)
        speakers = menu.addMenu("Speaker")
        everyone = catalog.speakers()
        for entity in everyone:
            action = speakers.addAction(entity.name)
            action.triggered.connect(lambda _c=False, e=entity.id: self.set_filters(speaker_id=e))
        profile_menu = menu.addMenu("Profile")
        for profile in profiles:
            action = profile_menu.addAction(profile.title)
            action.triggered.connect(lambda _c=False, p=profile.id: self.set_filters(profile_id=p))
        kinds = menu.addMenu("Event kind")
        kinds.menuAction().setVisible(bool(self._kind_lanes))  # an import's lanes are groups
        for lane in self._kind_lanes:
            action = kinds.addAction(lane.label)
            values = frozenset(k.value for k in lane.kinds)
            action.triggered.connect(lambda _c=False, v=values: self.set_filters(kinds=v))
        reliability = menu.addMenu("Source")
        for label, value in (
            ("Reliable sources only", "reliable"),
            ("Paraphrased sources only", "paraphrased"),
        ):
            action = reliability.addAction(label)
            action.triggered.connect(lambda _c=False, v=value: self.set_filters(reliability=v))
        menu.addSeparator()
        dates = QAction("Date range…", self)
        dates.triggered.connect(self._ask_dates)
        menu.addAction(dates)
        clear = QAction("Clear all filters", self)
        clear.triggered.connect(self.clear_filters)
        menu.addAction(clear)
        self._speaker_names = {e.id: e.name for e in everyone}
        self._profile_titles = {p.id: p.title for p in profiles}
        return menu

    def _ask_dates(self) -> None:
        text, ok = QInputDialog.getText(
            self, "Date range", "From and to, for example 2017 to 2019-06 (either may be left out):"
        )
        if ok:
            self.set_date_range(text)

    def set_date_range(self, text: str) -> bool:
        """Read "2017 to 2019-06", "2018", "to 2016"; False (and a message) if unreadable."""
        parts = [p.strip() for p in text.replace("–", " to ").split(" to ")]
        if len(parts) == 1:
            parts = [parts[0], parts[0]]
        start_text, end_text = parts[0], parts[-1]
        start = typed_days(start_text) if start_text else None
        end = typed_days(end_text) if end_text else None
        if (start_text and start is None) or (end_text and end is None) or not (start or end):
            self.count.setText(f"Not a date range I can read: {text!r}. Try 2017 to 2019-06.")
            return False
        self.set_filters(start=start[0] if start else None, end=end[1] if end else None)
        return True

    def set_filters(self, **changes: object) -> None:
        self.filters = replace(self.filters, **changes)  # type: ignore[arg-type]
        self._show_chips()
        self.run_now()

    def set_notes_db(self, path: Path | None) -> None:
        """Search the notes in this annotations file too (the worker reads it read-only)."""
        self.notes_db = path

    def set_scope(self, label: str, event_ids: frozenset[str] | None) -> None:
        """Narrow the search to the events the window shows (starred, a tag…)."""
        self._scope_label = label
        self.filters = replace(self.filters, event_ids=event_ids)
        self._show_chips()
        if self.box.text().strip():
            self.run_now()

    def clear_filters(self) -> None:
        if self.filters.event_ids is not None:
            self.scope_cleared.emit()
        self.filters = Filters()
        self._show_chips()
        self.run_now()

    def _chip_labels(self) -> list[tuple[str, dict[str, object]]]:
        f = self.filters
        chips: list[tuple[str, dict[str, object]]] = []
        if f.speaker_id:
            chips.append(
                (
                    f"Speaker: {self._speaker_names.get(f.speaker_id, f.speaker_id)}",
                    {"speaker_id": None},
                )
            )
        if f.profile_id:
            chips.append(
                (
                    f"Profile: {self._profile_titles.get(f.profile_id, f.profile_id)}",
                    {"profile_id": None},
                )
            )
        if f.kinds:
            lanes = [n.label for n in self._kind_lanes if {k.value for k in n.kinds} & f.kinds]
            chips.append((f"Kind: {', '.join(lanes)}", {"kinds": frozenset()}))
        if f.reliability:
            chips.append((f"Sources: {f.reliability}", {"reliability": None}))
        if f.event_ids is not None:
            chips.append((f"Only: {self._scope_label}", {"event_ids": None}))
        if f.start is not None or f.end is not None:
            first, last = (day_label(d) if d is not None else "…" for d in (f.start, f.end))
            chips.append((f"Dates: {first} to {last}", {"start": None, "end": None}))
        return chips

    def _remove_chip(self, removal: dict[str, object]) -> None:
        if "event_ids" in removal:
            self.scope_cleared.emit()  # the window shows all events again, and tells us
        else:
            self.set_filters(**removal)

    def _show_chips(self) -> None:
        while self.chips.count():
            item = self.chips.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for label, removal in self._chip_labels():
            chip = QToolButton()
            chip.setText(f"{label}  ✕")
            chip.setToolTip("Remove this filter")
            chip.setAccessibleName(f"Remove filter {label}")
            chip.setAutoRaise(False)
            chip.clicked.connect(lambda _c=False, r=removal: self._remove_chip(r))
            self.chips.addWidget(chip)
        self.chips.addStretch(1)

    # -- searching ------------------------------------------------------------------------

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def _on_typed(self, _text: str) -> None:
        self._timer.start()

    def run_now(self) -> None:
        self._timer.stop()
        text = self.box.text()
        if not text.strip():
            self._worker.submit("", self.filters, Order.RELEVANCE)  # drop anything running
            self._result = None
            self.delegate.clear_cache()
            self.model.set_rows([])
            self._show_count()
            self.hits_changed.emit(None)
            return
        self._worker.submit(text, self.filters, self.order.currentData(), self.notes_db)

    def _show(self, result: SearchResult) -> None:
        if not self.box.text().strip():
            return  # the box was emptied while this ran
        self._result = result
        self.delegate.clear_cache()
        self.model.set_rows(rows_of(result))
        self._show_count()
        self.result_shown.emit(result)
        self.hits_changed.emit(hit_events(result))

    def _show_count(self) -> None:
        self.count.setText(count_text(self._result, RESULT_LIMIT))

    # -- choosing a result ---------------------------------------------------------------

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.model.row_at(current.row())
            event_id = row.event_id
            if event_id:
                self.event_chosen.emit(event_id)
                if row.quote is not None:
                    self.quote_chosen.emit(row.quote.quote.id)

    def step_result(self, delta: int) -> str | None:
        """Make the next (`delta` 1) or previous (-1) result current, which shows its
        event, wherever the keyboard is; from the last round to the first (and back).
        What to tell the reader: where the round began again, that there is nothing to
        step through, or None."""
        count = self.model.rowCount()
        if not count:
            return "Nothing found to step through." if self.box.text().strip() else None
        current = self.results.currentIndex()
        at = current.row() if current.isValid() else (-1 if delta > 0 else count)
        target = (at + delta) % count
        index = self.model.index(target)
        self.results.setCurrentIndex(index)
        self.results.scrollTo(index)
        if current.isValid() and target != at + delta:
            return "Back to the first result." if delta > 0 else "On to the last result."
        return None

    def _on_activated(self, index: QModelIndex) -> None:
        self._on_current(index, QModelIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the box moves to the results; Escape clears the box."""
        if watched is self.box and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return super().eventFilter(watched, event)
            key = event.key()
            if (
                key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.model.rowCount()
            ):
                if self._timer.isActive():
                    self.run_now()
                self.results.setFocus()
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.model.index(0))
                return True
            if key == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                return True
        return super().eventFilter(watched, event)

    @property
    def _worker(self) -> SearchWorker:
        """The search thread, started when first needed (not while the window opens)."""
        if self._worker_made is None:
            self._worker_made = SearchWorker(self._catalog, self)
            self._worker_made.answered.connect(self._show)
        return self._worker_made

    def shutdown(self) -> None:
        if self._worker_made is not None:
            self._worker_made.stop()
