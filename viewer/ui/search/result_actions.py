"""What a person does with search results: copy a quote with its citation, save as CSV."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QListView, QMenu

from viewer.core.errors import UsageError
from viewer.core.interchange import citations, quotes_csv
from viewer.core.output_files import write_text
from viewer.core.plurals import plural
from viewer.core.records import QuoteHit
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.search.results_model import ResultsModel

CSL_MIME = "application/vnd.citationstyles.csl+json"


class ResultActions(QObject):
    def __init__(
        self,
        view: QListView,
        model: ResultsModel,
        reporter: ErrorReporter,
        places: Callable[[list[str]], dict[str, str | None]] | None = None,
    ) -> None:
        super().__init__(view)
        self.places = places  # event id -> its place, for the CSV
        self.view = view
        self.model = model
        self.reporter = reporter
        self.copy_action = QAction("Copy quote with citation", view)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(lambda _c=False: self.copy_citation())
        self.bibtex_action = QAction("Copy as BibTeX", view)
        self.bibtex_action.triggered.connect(lambda _c=False: self.copy_bibtex())
        self.csl_action = QAction("Copy as CSL JSON (for Zotero: Import from Clipboard)", view)
        self.csl_action.triggered.connect(lambda _c=False: self.copy_csl_json())
        self.cite_file_action = QAction("Export citations of the quotes listed…", view)
        self.cite_file_action.triggered.connect(lambda _c=False: self.ask_export_citations())
        self.csv_action = QAction("Save the quotes listed as CSV…", view)
        self.csv_action.triggered.connect(lambda _c=False: self.ask_export_csv())
        view.addAction(self.copy_action)  # Ctrl+C while the list has focus
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)

    def current_quote(self) -> QuoteHit | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row()).quote

    def copy_citation(self) -> bool:
        """The quote and its citation as text, and as CSL JSON for reference managers."""
        hit = self.current_quote()
        if hit is None:
            return False
        data = QMimeData()
        data.setText(citations.plain(hit.quote, hit.event_title))
        item = citations.csl_json(hit.quote, hit.event_title)
        data.setData(CSL_MIME, json.dumps([item], ensure_ascii=False).encode("utf-8"))
        QGuiApplication.clipboard().setMimeData(data)
        return True

    def copy_csl_json(self) -> bool:
        """The CSL JSON as plain text: what Zotero's Import from Clipboard reads."""
        hit = self.current_quote()
        if hit is None:
            return False
        item = citations.csl_json(hit.quote, hit.event_title)
        QGuiApplication.clipboard().setText(json.dumps([item], ensure_ascii=False, indent=2))
        return True

    def ask_export_citations(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self.view,
            "Export citations",
            "citations.ris",
            "RIS (*.ris);;CSL JSON (*.json);;BibTeX (*.bib)",
        )
        if path:
            self.export_citations(Path(path))

    def export_citations(self, path: Path) -> bool:
        """Every quote listed, cited in the file type its name ends with."""
        items = [(q, title) for q, title, _place in self.quote_rows()]
        try:
            text = citations.citation_file(items, path.suffix.lower())
            write_text(path, text)
        except (ValueError, UsageError) as exc:
            self.reporter.report("Export failed", str(exc), self.view)
            return False
        self.reporter.inform(
            "Citations saved", f"{plural(len(items), 'citation')} written to {path}.", self.view
        )
        return True

    def copy_bibtex(self) -> bool:
        hit = self.current_quote()
        if hit is None:
            return False
        QGuiApplication.clipboard().setText(citations.bibtex(hit.quote, hit.event_title))
        return True

    def quote_rows(self) -> list[quotes_csv.QuoteRow]:
        rows = (self.model.row_at(i) for i in range(self.model.rowCount()))
        hits = [r.quote for r in rows if r.quote is not None]
        ids = sorted({h.quote.event_id for h in hits if h.quote.event_id})
        places = self.places(ids) if self.places is not None else {}
        return [(h.quote, h.event_title, places.get(h.quote.event_id or "")) for h in hits]

    def ask_export_csv(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self.view, "Save quotes as CSV", "quotes.csv", "CSV files (*.csv)"
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> bool:
        rows = self.quote_rows()
        try:
            count = quotes_csv.write_file(rows, path)
        except UsageError as exc:  # says which file and why
            self.reporter.report("Export failed", str(exc), self.view)
            return False
        self.reporter.inform(
            "Quotes saved", f"{plural(count, 'quote')} written to {path}.", self.view
        )
        return True

    def _menu(self, pos: QPoint) -> None:
        has_quote = self.current_quote() is not None
        self.copy_action.setEnabled(has_quote)
        self.bibtex_action.setEnabled(has_quote)
        self.csl_action.setEnabled(has_quote)
        listed = bool(self.quote_rows())
        self.csv_action.setEnabled(listed)
        self.cite_file_action.setEnabled(listed)
        menu = QMenu(self.view)
        menu.addActions([self.copy_action, self.csl_action, self.bibtex_action])
        menu.addSeparator()
        menu.addActions([self.cite_file_action, self.csv_action])
        menu.exec(self.view.viewport().mapToGlobal(pos))
