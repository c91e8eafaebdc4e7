"""A quote with the facts a reader needs to cite it: plain text, CSL JSON and BibTeX.

The citation names who said it, when (to the precision the sources give), where, and
the source it is taken from, with a warning when that source's wording is a
paraphrase. CSL JSON is what Zotero, Mendeley and pandoc read; BibTeX what LaTeX
users paste. Both describe the *source* (the thing one cites) and carry the quote
and speaker in a note.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from viewer.core.dates import FuzzyDate, Precision
from viewer.core.days import year_label
from viewer.core.records import Quote, Reliability

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(date: FuzzyDate) -> str:
    """ "29 June 2019", "June 2019", "2019", or the short label for vaguer dates."""
    start = date.start
    if date.precision is Precision.DAY:
        text = f"{start.day} {_MONTH_NAMES[start.month - 1]} {year_label(start.year)}"
    elif date.precision is Precision.MONTH:
        text = f"{_MONTH_NAMES[start.month - 1]} {year_label(start.year)}"
    else:
        return date.label()
    return f"c. {text}" if date.approximate else text


def plain(quote: Quote, event_title: str | None = None, place: str | None = None) -> str:
    """“…” — Donald Trump, 29 June 2019, G20 summit, Osaka; source: …"""
    where = ", ".join(p for p in (event_title, place) if p)
    said = f"“{quote.text}” — {quote.speaker.name}, {long_date(quote.date)}"
    if where:
        said += f", {where}"
    return f"{said}; source: {source_text(quote)}"


def source_text(quote: Quote) -> str:
    source = quote.source
    parts = [p for p in (source.publisher, f"“{source.title}”") if p]
    if source.authors:
        parts.append(", ".join(source.authors))
    if source.date is not None:
        parts.append(long_date(source.date))
    if source.url:
        parts.append(source.url)
    text = ", ".join(parts)
    if source.reliability is Reliability.PARAPHRASED:
        text += " (paraphrased: the wording may not be exact)"
    return text


def csl_json(quote: Quote, event_title: str | None = None) -> dict[str, Any]:
    """One CSL JSON item for the quote's source, the quote itself in `note`."""
    source = quote.source
    item: dict[str, Any] = {
        "id": f"{quote.id}",
        "type": "webpage" if source.url else "document",
        "title": source.title,
    }
    if source.publisher:
        item["container-title"] = source.publisher
        item["publisher"] = source.publisher
    if source.authors:
        item["author"] = [_csl_name(a) for a in source.authors]
    if source.date is not None:
        item["issued"] = {"date-parts": [_date_parts(source.date)]}
    if source.url:
        item["URL"] = source.url
    context = f", {event_title}" if event_title else ""
    item["note"] = (
        f"Quote: “{quote.text}” — {quote.speaker.name}, {long_date(quote.date)}{context}"
        + (" (paraphrased source)" if source.reliability is Reliability.PARAPHRASED else "")
    )
    return item


def bibtex(quote: Quote, event_title: str | None = None) -> str:
    """A @misc entry for the quote's source, the quote in `note`."""
    source = quote.source
    fields: list[tuple[str, str]] = [("title", source.title)]
    if source.authors:
        fields.append(("author", " and ".join(source.authors)))
    if source.publisher:
        fields.append(("howpublished", source.publisher))
    if source.date is not None:
        fields.append(("year", year_label(source.date.start.year)))
        if source.date.precision in (Precision.DAY, Precision.MONTH):
            fields.append(("month", _MONTH_NAMES[source.date.start.month - 1][:3].lower()))
    if source.url:
        fields.append(("url", source.url))
    context = f", {event_title}" if event_title else ""
    fields.append(
        ("note", f"Quote: “{quote.text}” — {quote.speaker.name}, {long_date(quote.date)}{context}")
    )
    body = ",\n".join(_bib_field(name, value) for name, value in fields)
    return f"@misc{{{_bib_key(quote)},\n{body}\n}}\n"


def _csl_name(name: str) -> dict[str, str]:
    parts = name.rsplit(" ", 1)
    if len(parts) == 2 and not any(c.isdigit() for c in name):
        return {"given": parts[0], "family": parts[1]}
    return {"literal": name}


def _date_parts(date: FuzzyDate) -> list[int]:
    start = date.start
    # CSL counts years before 1 CE as negative numbers without a year 0: 44 BCE is -44.
    year = start.year if start.year > 0 else start.year - 1
    if date.precision is Precision.DAY:
        return [year, start.month, start.day]
    if date.precision is Precision.MONTH:
        return [year, start.month]
    return [year]


def _bib_key(quote: Quote) -> str:
    ascii_id = unicodedata.normalize("NFKD", quote.id).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9:_-]", "-", ascii_id) or "quote"


def _bib_field(name: str, value: str) -> str:
    if name == "month":
        return f"  month = {value}"  # a BibTeX macro: jun
    if name == "url":
        return f"  url = {{{value}}}"
    return f"  {name} = {{{_bib_escape(value)}}}"


def _bib_escape(text: str) -> str:
    """Braces balanced and LaTeX's special characters made literal."""
    marker = "\x00"
    text = text.replace("\\", marker)
    for char in "{}&%$#_":
        text = text.replace(char, "\\" + char)
    text = text.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")
    return text.replace(marker, r"\textbackslash{}")
