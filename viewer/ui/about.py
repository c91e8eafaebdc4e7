"""The About box: version, licence, where the data comes from (each source and how far
its wording can be trusted), where the user's own files are kept, and where help is:
the documentation and the licence texts open from buttons where this copy has them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from viewer.core.frozen import frozen
from viewer.core.records import Source
from viewer.ui.html_text import escape
from viewer.ui.links import open_folder
from viewer.ui.reading_size import reading_size
from viewer.ui.sealed_text import SealedTextBrowser

#: Sources listed by name before the rest are counted.
LISTED_SOURCES = 12


@frozen
class AboutFacts:
    version: str
    catalog_name: str
    sources: Sequence[Source]
    data_dir: Path | None  # the reader's notes
    docs: Path | None = None  # the documentation this copy carries
    licences: Path | None = None  # the licence texts an installer put beside the program


def about_html(facts: AboutFacts) -> str:
    version, catalog_name, sources = facts.version, facts.catalog_name, facts.sources
    data_dir, docs, licences = facts.data_dir, facts.docs, facts.licences
    where = (
        f" (in <code>{escape(str(licences))}</code>)"
        if licences is not None
        else " (in the <i>licences</i> folder beside the program)"
    )
    lines = [
        f"<h3>Timeline Viewer {escape(version)}</h3>",
        "<p>An offline timeline of a political relationship: meetings, calls, statements, "
        "actions and criticism, with the quotes and the sources behind them.</p>",
        "<p><b>Licence</b>: free software under the MIT licence. The installers also "
        "carry Qt and PySide6 (LGPL-3), Python and the other parts they redistribute, "
        f"each with its licence text{where}.</p>",
        f"<p><b>Data</b>: {escape(catalog_name)}, from {len(sources)} "
        f"source{'s' if len(sources) != 1 else ''}:</p><ul>",
    ]
    for source in sources[:LISTED_SOURCES]:
        bits = [escape(source.publisher)] if source.publisher else []
        bits.append(f"<i>{escape(source.title)}</i>")
        if source.date:
            bits.append(escape(source.date.label()))
        warning = (
            " — <b>⚠ paraphrased: its wording is not the speakers' own</b>"
            if source.is_paraphrased
            else ""
        )
        lines.append(f"<li>{', '.join(bits)}{warning}</li>")
    if len(sources) > LISTED_SOURCES:
        lines.append(f"<li>and {len(sources) - LISTED_SOURCES} more</li>")
    lines += [
        "</ul>",
        "<p>Summaries are the editors' own words; every claim links to its source, and "
        "what is the editors' judgement says so.</p>",
    ]
    if data_dir is not None:
        lines.append(
            f"<p><b>Your notes</b>, tags, stars and events are kept in "
            f"<code>{escape(str(data_dir))}</code>, never in the catalog: updates of the "
            "bundled data leave them as they are.</p>"
        )
    docs_text = (
        f"the documentation in <code>{escape(str(docs))}</code> (README.md first)"
        if docs is not None
        else "the README and the <i>docs</i> folder of the project"
    )
    lines.append(
        f"<p><b>Help</b>: Help &gt; Keyboard shortcuts (F1); {docs_text}; "
        "<code>timeline-viewer --help</code> for the command line "
        "(<code>man timeline-viewer</code> on Linux).</p>"
    )
    return "".join(lines)


def show_about(parent: QWidget, facts: AboutFacts) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle("About Timeline Viewer")
    text = SealedTextBrowser()
    text.setAccessibleName("About Timeline Viewer")
    text.setHtml(about_html(facts))
    text.setMinimumSize(reading_size(QSize(560, 440), text.font(), parent))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    for label, folder in (
        ("Open the &documentation", facts.docs),
        ("Open the &licences", facts.licences),
        ("Open my &notes folder", facts.data_dir),
    ):
        if folder is not None:
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, f=folder: open_folder(f))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.open()
    return dialog
