"""The catalog document: the one shape shared by `data/`, the JSON export and the build.

`data/*.toml` and an exported JSON file both load into a `Document` (lists of plain
dicts); `check()` validates it and fills in defaults, so the builder and the
exporter agree on every key. The field tables below are the schema written down
in `data/README.md`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from viewer.core.dates.edtf import DateError, parse
from viewer.core.dates.fuzzy import FuzzyDate
from viewer.core.errors import DataError, Problem
from viewer.core.frozen import frozen
from viewer.core.records import EventKind, Reliability, Tone

FORMAT = "timeline-viewer-catalog"
FORMAT_VERSION = 3  # 2: held_copy, rating basis, aliases, date notes; 3: lanes

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # anything but tab and newline


@frozen
class Field:
    kind: str  # "str", "text", "bool", "strs", "date", "id", "records"
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None  # collection an id (or each id in a list) must exist in
    nested: str | None = None  # record type for "records"


def _choices(enum: Any) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


ENTITY_KINDS = ("person", "organisation", "country", "group")
STANCES = ("Positive", "Negative", "Mixed", "Neutral")
STRENGTHS = ("weak", "moderate", "strong")
STATUSES = ("held", "informal", "cancelled", "not-held")

#: Record type -> ordered fields. The order is the order of keys in the JSON export.
FIELDS: dict[str, dict[str, Field]] = {
    "entity": {
        "id": Field("id", required=True),
        "name": Field("str", required=True),
        "kind": Field("str", required=True, choices=ENTITY_KINDS),
        "role": Field("str"),
        "description": Field("text"),
        # Other spellings of the name and the surname alone, for the search.
        "aliases": Field("strs"),
    },
    "source": {
        "id": Field("id", required=True),
        "publisher": Field("str"),
        "title": Field("str", required=True),
        "authors": Field("strs"),
        "date": Field("date"),
        "url": Field("str"),
        "reliability": Field("str", required=True, choices=_choices(Reliability)),
        "note": Field("text"),
        # The file name of the editors' copy of the source's text (never shipped):
        # `build-data --source-texts DIR` checks quotes, prose and dates against it.
        "held_copy": Field("str"),
    },
    "era": {
        "id": Field("id", required=True),
        "title": Field("str", required=True),
        "date": Field("date", required=True),
    },
    "lane": {  # a row of the timeline; in the order they are listed, top to bottom
        "id": Field("id", required=True),
        "title": Field("str", required=True),
        # Events of these kinds go in this lane unless they name a lane of their own.
        "kinds": Field("strs"),
    },
    "profile": {
        "id": Field("id", required=True),
        "title": Field("str"),  # only where "Subject on Target" does not fit
        "subject": Field("str", required=True, ref="entity"),
        "target": Field("str", required=True, ref="entity"),
        "stance": Field("str", required=True, choices=STANCES),
        "strength": Field("str", required=True, choices=STRENGTHS),
        "flip": Field("bool"),
        # Where stance, strength and flip come from: a source that rates them, or else
        # the editors' own assessment, explained in rating_note (shown as such).
        "rating_source": Field("str", ref="source"),
        "rating_note": Field("text"),
        "summary": Field("text", required=True),
        "summary_html": Field("text"),  # formatting kept from an import; cleaned when built
        "context": Field("text"),
        "actions": Field("records", nested="action"),
        "criticism": Field("records", nested="criticism"),
    },
    "action": {
        "category": Field("str", required=True),
        "description": Field("text", required=True),
        "date": Field("date"),
        "date_note": Field("text"),
        "event": Field("str", ref="event"),
    },
    "criticism": {
        "critic": Field("str", required=True),
        "critic_entity": Field("str", ref="entity"),
        "text": Field("text", required=True),
        "quote": Field("str", ref="quote"),
    },
    "event": {
        "id": Field("id", required=True),
        "date": Field("date", required=True),
        "date_note": Field("text"),
        "kind": Field("str", required=True, choices=_choices(EventKind)),
        "status": Field("str", choices=STATUSES),
        "title": Field("str", required=True),
        "place": Field("str"),
        "summary": Field("text", required=True),
        "summary_html": Field("text"),
        "tone": Field("str", required=True, choices=_choices(Tone)),
        "participants": Field("strs", ref="entity"),
        "profiles": Field("strs", ref="profile"),
        "sources": Field("strs", ref="source"),
        "quotes": Field("records", nested="quote"),
        "lane": Field("str", ref="lane"),  # else the lane that lists its kind
        # Ids this event had before (a date corrected): annotations made on them follow.
        "aliases": Field("strs"),
    },
    "quote": {
        "id": Field("id", required=True),
        "speaker": Field("str", required=True, ref="entity"),
        "text": Field("text", required=True),
        "date": Field("date"),  # defaults to the event's date
        "date_note": Field("text"),  # why the words are dated as they are
        "source": Field("str", required=True, ref="source"),
        "tone": Field("str", required=True, choices=_choices(Tone)),
        "variant_of": Field("str", ref="quote"),
        "note": Field("text"),
    },
}

#: Top-level collections of a document, in export order.
COLLECTIONS = {
    "entities": "entity",
    "sources": "source",
    "eras": "era",
    "lanes": "lane",
    "profiles": "profile",
    "events": "event",
}

_DEFAULTS: dict[str, Callable[[], Any]] = {"strs": list, "records": list, "bool": lambda: False}


@dataclass
class Located:
    """A record and the place it was read from, for error messages."""

    record: dict[str, Any]
    where: str


@dataclass
class Document:
    entities: list[Located] = field(default_factory=list)
    sources: list[Located] = field(default_factory=list)
    eras: list[Located] = field(default_factory=list)
    lanes: list[Located] = field(default_factory=list)
    profiles: list[Located] = field(default_factory=list)
    events: list[Located] = field(default_factory=list)

    def collection(self, name: str) -> list[Located]:
        items: list[Located] = getattr(self, name)
        return items


@frozen(slots=False)
class CheckedDocument:
    """A valid document: every field present, ids sorted, dates parsed."""

    collections: dict[str, list[dict[str, Any]]]
    dates: dict[int, FuzzyDate]  # id(record) -> parsed date of its "date" field
    # Whether `summary_html` may hold anything (a file's): then the build cleans it. An
    # import made it with `viewer.core.rich_text` already and says False.
    html_from_outside: bool = True

    def date_of(self, record: dict[str, Any]) -> FuzzyDate | None:
        return self.dates.get(id(record))

    def to_json_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "format_version": FORMAT_VERSION, **self.collections}


def _label(kind: str, record: dict[str, Any], index: int) -> str:
    rid = record.get("id")
    return f"{kind} '{rid}'" if isinstance(rid, str) and rid else f"{kind} #{index + 1}"


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.ids: dict[str, dict[str, str]] = {kind: {} for kind in FIELDS}
        self.dates: dict[int, FuzzyDate] = {}
        self.refs: list[tuple[str, str, str, str, str]] = []  # where, label, field, kind, id
        self.where_of: dict[int, tuple[str, str]] = {}

    def problem(self, where: str, label: str | None, name: str | None, message: str) -> None:
        self.problems.append(Problem(where, label, name, message))

    def record(self, kind: str, raw: Any, where: str, index: int) -> dict[str, Any] | None:
        if not isinstance(raw, dict):
            self.problem(where, f"{kind} #{index + 1}", None, "is not a table/object")
            return None
        label = _label(kind, raw, index)
        spec = FIELDS[kind]
        for unknown in sorted(set(raw) - set(spec)):
            self.problem(where, label, unknown, f"unknown field (known: {', '.join(spec)})")
        out: dict[str, Any] = {}
        for name, fld in spec.items():
            out[name] = self.value(kind, fld, raw.get(name), where, label, name)
        rid = out.get("id")
        if isinstance(rid, str) and SLUG.match(rid):
            seen = self.ids[kind].get(rid)
            if seen is not None:
                self.problem(where, label, "id", f"duplicate id (first defined in {seen})")
            else:
                self.ids[kind][rid] = where
        self.where_of[id(out)] = (where, label)
        return out

    def value(self, kind: str, fld: Field, value: Any, where: str, label: str, name: str) -> Any:
        if value is None or value == "":
            if fld.required:
                self.problem(where, label, name, "is required")
            return _DEFAULTS.get(fld.kind, lambda: None)()
        if fld.kind == "records":
            return self.nested(fld, value, where, label, name)
        if fld.kind == "bool":
            if not isinstance(value, bool):
                self.problem(where, label, name, "must be true or false")
            return bool(value) if isinstance(value, bool) else False
        if fld.kind == "strs":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                self.problem(where, label, name, "must be a list of strings")
                return []
            for item in value:
                if fld.ref:
                    self.refs.append((where, label, name, fld.ref, item))
            if len(set(value)) != len(value):
                self.problem(where, label, name, "lists an item twice")
            return list(value)
        if not isinstance(value, str):
            self.problem(where, label, name, f"must be a string, not {type(value).__name__}")
            return None
        text = value.strip() if fld.kind != "text" else value.strip("\n")
        if _CONTROL.search(text):
            self.problem(where, label, name, "contains a control character")
        if fld.kind == "id" and not SLUG.match(text):
            self.problem(where, label, name, f"{text!r} is not a slug (a-z, 0-9 and single '-')")
        if fld.choices and text not in fld.choices:
            self.problem(where, label, name, f"{text!r} is not one of {', '.join(fld.choices)}")
        if fld.ref:
            self.refs.append((where, label, name, fld.ref, text))
        return text

    def nested(self, fld: Field, value: Any, where: str, label: str, name: str) -> list[Any]:
        if not isinstance(value, list):
            self.problem(where, label, name, "must be a list of tables/objects")
            return []
        assert fld.nested is not None
        rows = [self.record(fld.nested, raw, f"{where}: {label}", i) for i, raw in enumerate(value)]
        return [row for row in rows if row is not None]

    def parse_date(self, record: dict[str, Any], where: str, label: str) -> None:
        text = record.get("date")
        if not isinstance(text, str) or not text:
            return
        try:
            self.dates[id(record)] = parse(text)
        except DateError as exc:
            self.problem(where, label, "date", str(exc))

    def check_refs(self) -> None:
        for where, label, name, kind, target in self.refs:
            if target not in self.ids[kind]:
                self.problem(where, label, name, f"unknown {kind} id {target!r}")


def _walk(collections: dict[str, list[dict[str, Any]]]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, kind in COLLECTIONS.items():
        for record in collections[name]:
            yield kind, record
            for fld_name, fld in FIELDS[kind].items():
                if fld.kind == "records" and fld.nested:
                    for child in record[fld_name]:
                        yield fld.nested, child


def check(document: Document) -> CheckedDocument:
    """Validate and normalise a document, raising `DataError` listing every problem."""
    checker = _Checker()
    collections: dict[str, list[dict[str, Any]]] = {}
    for name, kind in COLLECTIONS.items():
        rows: list[dict[str, Any]] = []
        for index, located in enumerate(document.collection(name)):
            row = checker.record(kind, located.record, located.where, index)
            if row is not None:
                rows.append(row)
        if name != "lanes":  # lanes keep their order: top to bottom
            rows.sort(key=lambda r: str(r.get("id") or ""))
        collections[name] = rows
    checker.check_refs()
    _fill_defaults(collections)
    for _kind, record in _walk(collections):
        where, label = checker.where_of[id(record)]
        checker.parse_date(record, where, label)
    _check_semantics(collections, checker)
    if checker.problems:
        raise DataError(checker.problems)
    return CheckedDocument(collections, checker.dates)


def _fill_defaults(collections: dict[str, list[dict[str, Any]]]) -> None:
    """Make implicit values explicit, so an export round-trips to the same build."""
    for event in collections["events"]:
        event["status"] = event["status"] or "held"
        event["profiles"] = sorted(event["profiles"])  # a set: keep one canonical order
        for quote in event["quotes"]:
            quote["date"] = quote["date"] or event["date"]


def _check_semantics(collections: dict[str, list[dict[str, Any]]], checker: _Checker) -> None:
    quotes = {q["id"]: q for e in collections["events"] for q in e["quotes"]}
    for event in collections["events"]:
        for quote in event["quotes"]:
            where, qlabel = checker.where_of[id(quote)]
            variant = quote["variant_of"]
            if variant == quote["id"]:
                checker.problem(where, qlabel, "variant_of", "a quote cannot be its own variant")
            elif variant in quotes and quotes[variant]["variant_of"]:
                checker.problem(
                    where,
                    qlabel,
                    "variant_of",
                    f"{variant!r} is itself a variant; link the original",
                )
    _check_aliases(collections["events"], checker)
    _check_lanes(collections["lanes"], checker)
    for profile in collections["profiles"]:
        if profile["subject"] and profile["subject"] == profile["target"]:
            where, label = checker.where_of[id(profile)]
            checker.problem(
                where, label, "target", "a profile's target must differ from its subject"
            )


def _check_aliases(events: list[dict[str, Any]], checker: _Checker) -> None:
    """An alias is a slug that names no event now and only one event's past."""
    current = {e["id"] for e in events}
    owner: dict[str, str] = {}
    for event in events:
        where, label = checker.where_of[id(event)]
        for alias in event["aliases"]:
            if not SLUG.match(alias):
                checker.problem(where, label, "aliases", f"{alias!r} is not a slug")
            elif alias in current:
                checker.problem(where, label, "aliases", f"{alias!r} is an event's id now")
            elif alias in owner:
                checker.problem(
                    where, label, "aliases", f"{alias!r} is already an alias of {owner[alias]!r}"
                )
            else:
                owner[alias] = event["id"]


def _check_lanes(lanes: list[dict[str, Any]], checker: _Checker) -> None:
    """Each event kind a lane lists is a kind, listed by one lane only."""
    kinds = set(_choices(EventKind))
    owner: dict[str, str] = {}
    for lane in lanes:
        where, label = checker.where_of[id(lane)]
        for kind in lane["kinds"]:
            if kind not in kinds:
                checker.problem(
                    where, label, "kinds", f"{kind!r} is not one of {', '.join(sorted(kinds))}"
                )
            elif kind in owner:
                checker.problem(
                    where, label, "kinds", f"{kind!r} is already in lane {owner[kind]!r}"
                )
            else:
                owner[kind] = lane["id"]
