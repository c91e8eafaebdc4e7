"""Quotes as CSV, for a spreadsheet: who, when, what, where, and from which source.

UTF-8 with a byte-order mark, so that spreadsheet programs read the accents and
typographic quotes right. A cell that a spreadsheet would run as a formula (one
starting with =, +, - or @) is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from viewer.core.output_files import write_text
from viewer.core.records import Quote

#: The columns, in order (docs/csv.md describes each; a test keeps the two the same).
COLUMNS = (
    "speaker",
    "date",
    "date_start",
    "date_end",
    "quote",
    "event",
    "place",
    "source",
    "publisher",
    "source_url",
    "source_reliability",
    "quote_id",
    "event_id",
)

QuoteRow = tuple[Quote, str | None, str | None]  # the quote, its event's title and place


def write(rows: Iterable[QuoteRow], out: TextIO) -> int:
    """Write a header and one line per quote; returns how many quotes."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for quote, event_title, place in rows:
        source = quote.source
        writer.writerow(
            _safe(cell)
            for cell in (
                quote.speaker.name,
                quote.date.label(),
                quote.date.start.isoformat(),
                quote.date.end.isoformat(),
                quote.text,
                event_title or "",
                place or "",
                source.title,
                source.publisher or "",
                source.url or "",
                source.reliability.value,
                quote.id,
                quote.event_id or "",
            )
        )
        count += 1
    return count


def to_text(rows: Iterable[QuoteRow]) -> str:
    """The whole CSV as text, starting with the byte-order mark spreadsheets look for."""
    out = io.StringIO()
    write(rows, out)
    return "\ufeff" + out.getvalue()


def write_file(rows: Iterable[QuoteRow], path: Path) -> int:
    """Write the CSV to `path` whole; returns how many quotes (`UsageError` if it cannot)."""
    listed = list(rows)
    write_text(path, to_text(listed))
    return len(listed)


def _safe(cell: str) -> str:
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") else cell
