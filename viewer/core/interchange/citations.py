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

from viewer.core.dates.days import year_label
from viewer.core.dates.fuzzy import FuzzyDate, Precision
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
    """One CSL JSON item for the quoted words, as reference managers and citation styles
    read it: the speaker as author, the words as title, when they were said as issued,
    and the source they are printed in as container (its authors, contributors and
    publisher kept apart, each once), so a styled citation says who said what, when and
    where it was published. The event and a paraphrase warning go in `note`."""
    source = quote.source
    item: dict[str, Any] = {
        "id": quote.id,
        # Spoken words: APA and Chicago then print the speaker, the date, the words and
        # "In <source>. <publisher>" (checked with citeproc-py in the tests).
        "type": "speech",
        "title": quote.text.strip().rstrip(",;"),
        "author": [csl_name(quote.speaker.name, person=quote.speaker.kind == "person")],
        "issued": {"date-parts": [_date_parts(quote.date)]},
        "container-title": source.title,
    }
    if quote.date.approximate or quote.date.precision not in (Precision.DAY, Precision.MONTH):
        item["issued"]["circa"] = quote.date.approximate
    authors, contributors = split_roles(source.authors)
    if authors:
        item["container-author"] = [csl_name(a) for a in authors]
    if source.publisher:
        item["publisher"] = source.publisher
    if source.url:
        item["URL"] = source.url
    notes = [f"Said by {quote.speaker.name}, {long_date(quote.date)}"]
    if event_title:
        notes.append(event_title)
    if source.date is not None:
        notes.append(f"source dated {long_date(source.date)}")
    if contributors:  # kept apart from authors, named whole (styles mangle bodies' names)
        notes.append(f"with contributions from {' and '.join(contributors)}")
    if source.reliability is Reliability.PARAPHRASED:
        notes.append("paraphrased source: the wording may not be exact")
    item["note"] = "; ".join(notes) + "."
    return item


_ROLE = re.compile(r"^(?P<name>.+?)\s*\((?P<role>[^()]+)\)\s*$")


def split_roles(names: tuple[str, ...] | list[str]) -> tuple[list[str], list[str]]:
    """(authors, contributors): "Brooke Singman (contributor)" is a contributor named
    Brooke Singman, never a person whose surname is "(contributor)"."""
    authors: list[str] = []
    contributors: list[str] = []
    for name in names:
        found = _ROLE.match(name)
        if found and found["role"].strip().lower() == "contributor":
            contributors.append(found["name"])
        else:
            authors.append(found["name"] if found else name)
    return authors, contributors


def csl_name(name: str, *, person: bool = True) -> dict[str, str]:
    """A CSL name: given and family for a person, the name whole for a body ("The
    Associated Press") or anything a split would break."""
    words = name.split()
    corporate = not person or name.startswith("The ") or any(c.isdigit() for c in name)
    if corporate or len(words) < 2:
        return {"literal": name}
    return {"given": " ".join(words[:-1]), "family": words[-1]}


def bibtex(quote: Quote, event_title: str | None = None) -> str:
    """A @misc entry for the quote's source (title kept as written: styles lowercase
    titles otherwise), the quote, speaker, contributors and any paraphrase in `note`."""
    source = quote.source
    fields: list[tuple[str, str]] = [("title", source.title)]
    authors, contributors = split_roles(source.authors)
    if authors:
        fields.append(("author", " and ".join(_bib_name(a) for a in authors)))
    if source.publisher:
        fields.append(("howpublished", source.publisher))
    if source.date is not None:
        fields.append(("year", year_label(source.date.start.year)))
        if source.date.precision in (Precision.DAY, Precision.MONTH):
            fields.append(("month", _MONTH_NAMES[source.date.start.month - 1][:3].lower()))
    if source.url:
        fields.append(("url", source.url))
    context = f", {event_title}" if event_title else ""
    note = f"Quote: “{quote.text}” — {quote.speaker.name}, {long_date(quote.date)}{context}"
    if contributors:
        note += f". With contributions from {' and '.join(contributors)}"
    if source.reliability is Reliability.PARAPHRASED:
        note += ". Paraphrased source: the wording may not be exact"
    fields.append(("note", note))
    body = ",\n".join(_bib_field(name, value) for name, value in fields)
    return f"@misc{{{_bib_key(quote)},\n{body}\n}}\n"


def ris(quote: Quote, event_title: str | None = None) -> str:
    """One RIS record (what Zotero, EndNote and Mendeley import from a .ris file): the
    words as a speech by the speaker, printed in the source."""
    item = csl_json(quote, event_title)
    source = quote.source
    lines = [("TY", "GEN"), ("ID", quote.id), ("AU", _ris_name(quote.speaker.name))]
    lines.append(("TI", item["title"]))
    lines.append(("T2", source.title))
    authors, _contributors = split_roles(source.authors)
    lines += [("A2", _ris_name(a)) for a in authors]
    parts = item["issued"]["date-parts"][0]
    lines.append(("PY", str(parts[0])))
    lines.append(("DA", "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))))
    if source.publisher:
        lines.append(("PB", source.publisher))
    if source.url:
        lines.append(("UR", source.url))
    lines.append(("N1", item["note"]))
    body = "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)
    return body + "ER  - \r\n"


def _ris_name(name: str) -> str:
    parts = csl_name(name)
    return parts.get("literal") or f"{parts['family']}, {parts['given']}"


def citation_file(items: list[tuple[Quote, str | None]], suffix: str) -> str:
    """The citations of several quotes as one file for a reference manager: `.json` (CSL
    JSON), `.bib` (BibTeX) or `.ris` (RIS)."""
    if suffix == ".json":
        import json  # noqa: PLC0415 - only here

        records = [csl_json(q, t) for q, t in items]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if suffix == ".bib":
        return "\n".join(bibtex(q, t) for q, t in items)
    if suffix == ".ris":
        return "".join(ris(q, t) for q, t in items)
    raise ValueError(f"{suffix!r}: choose a .json, .bib or .ris file name")


def _bib_name(name: str) -> str:
    """A person as BibTeX parses names; a body braced whole ({The Associated Press})."""
    if "literal" in csl_name(name):
        return "{" + _bib_escape(name) + "}"
    return _bib_escape(name)


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
    if name == "url":  # as the url package reads it: only these need a backslash
        escaped = "".join("\\" + c if c in "%#{}\\" else c for c in value)
        return f"  url = {{{escaped}}}"
    if name == "title":  # double braces: the words keep their capitals in every style
        return f"  title = {{{{{_bib_escape(value)}}}}}"
    if name == "author":  # escaped name by name, braces of bodies kept
        return f"  author = {{{value}}}"
    return f"  {name} = {{{_bib_escape(value)}}}"


def _bib_escape(text: str) -> str:
    """Braces balanced and LaTeX's special characters made literal."""
    marker = "\x00"
    text = text.replace("\\", marker)
    for char in "{}&%$#_":
        text = text.replace(char, "\\" + char)
    text = text.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")
    return text.replace(marker, r"\textbackslash{}")
