"""File menu actions for annotations: export, import, and notes as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from viewer.core.annotations.interchange import (
    ImportRefusedError,
    import_file,
    notes_markdown,
    write_export,
)
from viewer.core.catalog.read import Catalog
from viewer.core.errors import ReadOnlyError, StorageError
from viewer.core.plurals import plural
from viewer.ui.busy import run_busy
from viewer.ui.error_reporter import ErrorReporter

if TYPE_CHECKING:
    from viewer.core.annotations.store import AnnotationStore


class AnnotationFiles:
    """Carries out the File menu's annotation commands; paths may be given (tests)."""

    def __init__(
        self, store: AnnotationStore, catalog: Catalog, reporter: ErrorReporter, parent: QWidget
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.reporter = reporter
        self.parent = parent

    def _ask(self, title: str, filters: str, *, save: bool, default: str = "") -> Path | None:
        ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        name, _ = ask(self.parent, title, default, filters)
        return Path(name) if name else None

    def export(self, path: Path | None = None) -> bool:
        path = path or self._ask(
            "Export annotations", "Annotations (*.json)", save=True, default="annotations.json"
        )
        if path is None:
            return False
        try:
            count = write_export(self.store, path)
        except OSError as exc:
            self.reporter.cannot_write(path, exc, self.parent)
            return False
        self.reporter.inform(
            "Annotations exported", f"{plural(count, 'record')} written to {path}.", self.parent
        )
        return True

    def import_(self, path: Path | None = None) -> bool:
        path = path or self._ask("Import annotations", "Annotations (*.json)", save=False)
        if path is None:
            return False
        try:
            known, aliases = self.catalog.event_ids(), self.catalog.event_aliases()
            # Off the UI thread, behind a progress dialog: a large file takes seconds.
            report = run_busy(
                self.parent,
                f"Importing {path.name}…",
                lambda _should_stop: import_file(self.store, path, known, aliases),
            )
        except ImportRefusedError as exc:
            self.reporter.report("Import refused", str(exc), self.parent)
            return False
        except (ReadOnlyError, StorageError) as exc:  # nothing was written (one transaction)
            self.reporter.report("Import refused", str(exc), self.parent)
            return False
        details = "".join(f"\n  {event_id}: {why}" for event_id, why in report.skipped[:30])
        self.reporter.inform(
            "Annotations imported",
            f"From {path.name}: {report.summary()}.{details}",
            self.parent,
        )
        return True

    def export_notes(self, path: Path | None = None) -> bool:
        path = path or self._ask(
            "Export notes as Markdown", "Markdown (*.md)", save=True, default="notes.md"
        )
        if path is None:
            return False
        text = notes_markdown(
            list(self.store.annotations().values()), self.catalog.event_labels(), "My notes"
        )
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.reporter.cannot_write(path, exc, self.parent)
            return False
        self.reporter.inform("Notes exported", f"Notes written to {path}.", self.parent)
        return True
