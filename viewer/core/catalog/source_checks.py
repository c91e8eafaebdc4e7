"""Checks of a catalog against the texts of its sources (build time only).

Where the editors hold a copy of a source's text (a source's `held_copy`, read from
the folder given to `build-data --source-texts`), three things are checked:

- every quote occurs word for word in the text of its source;
- no text of ours (titles, summaries, notes, descriptions) shares a run of
  `COPIED_RUN` or more words with a source text outside quotation marks;
- nothing is dated more precisely than its sources print: a date must appear in one
  of the texts cited for it (a day as "July 7, 2017", a month as "July 2017", a year
  as "2017"), or come with a date note saying how it was arrived at. A season, an
  interval or an approximate date always needs its note.

A record whose sources have no text held is not checked; what was checked is
counted, so a skipped check never passes silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from viewer.core.catalog.document import CheckedDocument
from viewer.core.dates.fuzzy import FuzzyDate, Precision
from viewer.core.errors import Problem

#: Shortest run of words that counts as copied prose.
COPIED_RUN = 8

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Quoted spans of our own text: "…", “…”, and '…' not inside a word.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|(?<!\w)'[^']*'(?!\w)")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
#: Our own text fields, by record kind (ids and source titles are not prose).
PROSE_FIELDS = {
    "entity": ("description",),
    "source": ("note",),
    "era": ("title",),
    "profile": ("summary", "context", "rating_note"),
    "action": ("description", "date_note"),
    "criticism": ("text",),
    "event": ("title", "summary", "date_note"),
    "quote": ("note", "date_note"),
}


@dataclass
class SourceCheckReport:
    """What was checked, and every problem found."""

    problems: list[Problem] = field(default_factory=list)
    texts_held: tuple[str, ...] = ()
    quotes: int = 0
    texts: int = 0
    dates: int = 0
    unchecked_sources: tuple[str, ...] = ()

    def summary(self) -> str:
        line = (
            f"checked against {len(self.texts_held)} source texts: {self.quotes} quotes "
            f"word for word, {self.texts} texts for copied prose, {self.dates} dates"
        )
        if self.unchecked_sources:
            line += f"; no text held for {', '.join(self.unchecked_sources)}"
        return line


def read_source_texts(document: CheckedDocument, folder: Path) -> dict[str, str]:
    """Source id -> text, for each source whose `held_copy` is in `folder`."""
    texts = {}
    for source in document.collections["sources"]:
        name = source.get("held_copy")
        if name and (folder / name).is_file():
            texts[source["id"]] = (folder / name).read_text(encoding="utf-8")
    return texts


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes made plain and punctuation dropped."""
    return _WORD.findall(text.lower().replace("’", "'").replace("‘", "'"))


def unquoted(text: str) -> str:
    """Our text with the spans it puts in quotation marks taken out."""
    return _QUOTED.sub(" | ", text)


def check_against_sources(document: CheckedDocument, texts: dict[str, str]) -> SourceCheckReport:
    report = SourceCheckReport(texts_held=tuple(sorted(texts)))
    report.unchecked_sources = tuple(
        sorted(s["id"] for s in document.collections["sources"] if s["id"] not in texts)
    )
    _check_quotes(document, texts, report)
    _check_prose(document, texts, report)
    _check_dates(document, texts, report)
    return report


def _check_quotes(
    document: CheckedDocument, texts: dict[str, str], report: SourceCheckReport
) -> None:
    for event in document.collections["events"]:
        for quote in event["quotes"]:
            text = texts.get(quote["source"])
            if text is None:
                continue
            report.quotes += 1
            if quote["text"] not in text:
                report.problems.append(
                    Problem(
                        f"quote '{quote['id']}'",
                        None,
                        "text",
                        f"is not word for word in the text of source '{quote['source']}'",
                    )
                )


def _records(document: CheckedDocument) -> Iterator[tuple[str, dict[str, Any]]]:
    c = document.collections
    for kind, name in (("entity", "entities"), ("source", "sources"), ("era", "eras")):
        for record in c[name]:
            yield kind, record
    for profile in c["profiles"]:
        yield "profile", profile
        for action in profile["actions"]:
            yield "action", action
        for criticism in profile["criticism"]:
            yield "criticism", criticism
    for event in c["events"]:
        yield "event", event
        for quote in event["quotes"]:
            yield "quote", quote


def _check_prose(
    document: CheckedDocument, texts: dict[str, str], report: SourceCheckReport
) -> None:
    runs: dict[tuple[str, ...], str] = {}
    for source_id, text in sorted(texts.items()):
        tokens = words(text)
        for i in range(len(tokens) - COPIED_RUN + 1):
            runs.setdefault(tuple(tokens[i : i + COPIED_RUN]), source_id)
    if not runs:
        return
    for kind, record in _records(document):
        for name in PROSE_FIELDS[kind]:
            value = record.get(name)
            if not value:
                continue
            report.texts += 1
            for part in unquoted(value).split(" | "):
                tokens = words(part)
                for i in range(len(tokens) - COPIED_RUN + 1):
                    run = tuple(tokens[i : i + COPIED_RUN])
                    if run in runs:
                        report.problems.append(
                            Problem(
                                _label(kind, record),
                                None,
                                name,
                                f"copies source '{runs[run]}' outside quotation marks: "
                                f'"{" ".join(run)}"',
                            )
                        )
                        break


def _label(kind: str, record: dict[str, Any]) -> str:
    for key in ("id", "critic", "category"):
        if record.get(key):
            return f"{kind} '{record[key]}'"
    return kind


def printed_forms(date: FuzzyDate) -> tuple[str, ...]:
    """Patterns of the ways a source may print `date` at its own precision (a month also as
    a day in it); () when it cannot be printed (a season, an interval, an approximation)."""
    if date.approximate or date.precision not in (Precision.DAY, Precision.MONTH, Precision.YEAR):
        return ()
    year, month, day = date.start.year, date.start.month, date.start.day
    if year < 1:
        return ()
    if date.precision is Precision.YEAR:
        return (str(year),)
    name = _MONTH_NAMES[month - 1]
    days = str(day) if date.precision is Precision.DAY else r"\d{1,2}"
    forms: tuple[str, ...] = (
        rf"{name} {days}, {year}",
        rf"{name[:3]}\. {days}, {year}",
        rf"{days} {name} {year}",
    )
    if date.precision is Precision.MONTH:
        forms += (f"{name} {year}", f"{name} that year")
    return forms


def is_printed(date: FuzzyDate, text: str) -> bool:
    return any(re.search(rf"(?<!\w){form}(?!\w)", text) for form in printed_forms(date))


def _check_dates(
    document: CheckedDocument, texts: dict[str, str], report: SourceCheckReport
) -> None:
    events = {e["id"]: e for e in document.collections["events"]}

    def check(label: str, record: dict[str, Any], cited: list[str], note: str | None) -> None:
        date = document.date_of(record)
        held = [texts[s] for s in cited if s in texts]
        if date is None or not held:
            return
        report.dates += 1
        if note or any(is_printed(date, text) for text in held):
            return
        report.problems.append(
            Problem(
                label,
                None,
                "date",
                f"{record['date']!r} is printed in none of its sources "
                f"({', '.join(cited)}); say how it was dated in a date_note",
            )
        )

    for event in events.values():
        check(f"event '{event['id']}'", event, event["sources"], event["date_note"])
        for quote in event["quotes"]:
            same = quote["date"] == event["date"]
            note = quote["date_note"] or (event["date_note"] if same else None)
            check(f"quote '{quote['id']}'", quote, [quote["source"]], note)
    for profile in document.collections["profiles"]:
        for action in profile["actions"]:
            linked = events.get(action["event"] or "")
            cited = linked["sources"] if linked else list(texts)
            label = f"profile '{profile['id']}': action '{action['description'][:40]}'"
            check(label, action, cited, action["date_note"])
