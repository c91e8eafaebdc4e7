"""`timeline-viewer search`: the app's search engine, answering in the terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.core.records import EVENT_KINDS as EVENT_KIND_NAMES

if TYPE_CHECKING:
    from viewer.core.catalog.read import Catalog
    from viewer.core.records import QuoteHit
    from viewer.core.search.engine import SearchResult

EXIT_FOUND, EXIT_NOTHING = 0, 1


def add_parser(commands: Any, shared: Callable[..., argparse.ArgumentParser]) -> None:
    """The `search` command (`commands` is argparse's private _SubParsersAction); `shared`
    makes the app's options it also takes: which catalog, and whose notes."""
    search = commands.add_parser(
        "search",
        parents=[shared("--db", "--data-dir", "--temp-basedir")],
        help="search what was said (and event titles)",
        description='Words must all match; "exact phrase", prefix*, -excluded, a OR b. '
        "Exit status 0 when something is found, 1 when nothing is, 2 on an error.",
    )
    search.add_argument("query", help='words, "exact phrase", prefix*, -excluded, OR')
    search.add_argument(
        "--profile", help="only events of this profile id (timeline-viewer list profiles)"
    )
    search.add_argument(
        "--speaker", help="only quotes of this speaker id (timeline-viewer list speakers)"
    )
    search.add_argument(
        "--kind",
        action="append",
        default=[],
        choices=sorted(EVENT_KIND_NAMES),
        help="only events of this kind (repeatable)",
    )
    search.add_argument("--from", dest="start", help="from this date (2018, 2018-07, 2018-07-16)")
    search.add_argument("--to", dest="end", help="up to this date, inclusive")
    search.add_argument(
        "--reliability", choices=["reliable", "paraphrased"], help="only sources of this kind"
    )
    search.add_argument("--json", action="store_true", help="print one JSON object per line")
    search.add_argument(
        "--limit", type=_positive, default=20, help="at most this many quotes (default 20)"
    )
    search.add_argument(
        "--order",
        choices=["relevance", "newest", "oldest"],
        default="relevance",
        help="best match first (default), or by date",
    )
    search.add_argument(
        "--no-notes",
        action="store_true",
        help="leave out your own notes (searched by default, as in the app; --data-dir "
        "chooses whose)",
    )


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return number


def run(args: argparse.Namespace, catalog_path: Path) -> int:
    from viewer.core.catalog.read import Catalog  # noqa: PLC0415
    from viewer.core.search.engine import Filters, Order, SearchEngine  # noqa: PLC0415

    start, end = _day(args.start, 0), _day(args.end, 1)
    filters = Filters(
        speaker_id=args.speaker,
        profile_id=args.profile,
        kinds=frozenset(args.kind),
        reliability=args.reliability,
        start=start,
        end=end,
    )
    with Catalog(catalog_path) as catalog:
        _check_ids(catalog, args)
        engine = SearchEngine(catalog)
        try:
            result = engine.search(
                args.query,
                filters=filters,
                order=Order(args.order),
                limit=args.limit,
                notes_db=None if args.no_notes else _notes_file(args),
            )
        finally:
            engine.close()
    if args.json:
        for record in _records(result):
            print(json.dumps(record, ensure_ascii=False))
    else:
        _print_text(result)
        _print_notes(result)
    if not result.count:
        print(result.message or "Nothing found.", file=sys.stderr)
        return EXIT_NOTHING
    return EXIT_FOUND


def _check_ids(catalog: Catalog, args: argparse.Namespace) -> None:
    """A wrong id is an error that lists the right ones, not an empty result."""
    from viewer.core.errors import UsageError  # noqa: PLC0415

    if args.profile and args.profile not in {p.id for p in catalog.profiles()}:
        known = ", ".join(p.id for p in catalog.profiles_main_first())
        raise UsageError(f"No profile {args.profile!r} in this catalog (it has: {known}).")
    if args.speaker:
        speakers = [e.id for e in catalog.speakers()]
        if args.speaker not in speakers:
            shown = ", ".join(sorted(speakers)[:8]) + (", …" if len(speakers) > 8 else "")
            raise UsageError(
                f"No speaker {args.speaker!r} in this catalog (it has: {shown}); "
                "timeline-viewer list speakers lists them all."
            )


def _notes_file(args: argparse.Namespace) -> Path | None:
    """The user's annotations, read-only, where they are (never created by a search)."""
    from viewer.core.paths import UserPaths  # noqa: PLC0415

    if args.temp_basedir:
        return None
    paths = UserPaths(args.data_dir) if args.data_dir else UserPaths.default()
    return paths.annotations_db if paths.annotations_db.is_file() else None


def _print_notes(result: SearchResult) -> None:
    if result.notes:
        print("== My notes ==\n")
    for noted in result.notes:
        e = noted.event
        print(f"{e.date.label()} · {e.title}")
        print(f"  {_snippet(noted.hit.note, noted.hit.spans)}\n")


def _snippet(note: str, spans: tuple[tuple[int, int], ...], width: int = 70) -> str:
    """The part of a note around its first match, on one line."""
    start = max(0, spans[0][0] - width // 2) if spans else 0
    text = " ".join(note[start : start + width * 2].split())
    return ("…" if start else "") + text + ("…" if start + width * 2 < len(note) else "")


def _day(typed: str | None, side: int) -> int | None:
    """The first (side 0) or last (side 1) day of a typed date, as an ordinal."""
    from viewer.core.dates.typed import typed_days  # noqa: PLC0415
    from viewer.core.errors import UsageError  # noqa: PLC0415

    if typed is None:
        return None
    days = typed_days(typed)
    if days is None:
        raise UsageError(f"Not a date: {typed!r}. Use 2018, 2018-07, 2018-07-16 or 44 BCE.")
    return days[side]


def _records(result: SearchResult) -> Iterator[dict[str, object]]:
    from viewer.core.search.engine import EventHit  # noqa: PLC0415

    for match, hits in (
        ("quote", result.hits),
        ("close", result.fuzzy),
        ("variant", result.variants),
    ):
        for hit in hits:
            yield {"match": match, **_quote_record(hit)}
    for event_hit in result.events:
        yield {"match": "event", **_event_record(event_hit)}
    for noted in result.notes:
        yield {
            "match": "my note",
            **_event_record(EventHit(noted.event, ())),
            "note": noted.hit.note,
            "matches": noted.hit.spans,
        }


def _quote_record(hit: QuoteHit) -> dict[str, object]:
    q = hit.quote
    return {
        "quote_id": q.id,
        "speaker": q.speaker.name,
        "date": q.date.edtf,
        "date_label": q.date.label(),
        "text": q.text,
        "event_id": q.event_id,
        "event": hit.event_title,
        "source_id": q.source.id,
        "source": q.source.title,
        "publisher": q.source.publisher,
        "paraphrased": q.source.is_paraphrased,
        "matches": hit.spans,
    }


def _event_record(hit: Any) -> dict[str, object]:  # an EventHit
    e = hit.event
    return {
        "event_id": e.id,
        "title": e.title,
        "date": e.date.edtf,
        "date_label": e.date.label(),
        "kind": e.kind.value,
        "place": e.place,
        "matches": hit.spans,
    }


def _print_text(result: SearchResult) -> None:
    if result.substitutes:
        spellings = "; ".join(
            f"{typed} → {', '.join(close)}" for typed, close in result.substitutes.items()
        )
        print(f"Also searched for close spellings: {spellings}\n")
    sections = (
        ("", result.hits),
        ("Close matches", result.fuzzy),
        ("Other versions of these quotes", result.variants),
    )
    for heading, hits in sections:
        if hits and heading:
            print(f"== {heading} ==\n")
        for hit in hits:
            _print_quote(hit)
    if result.events:
        print("== Events ==\n")
    for event_hit in result.events:
        e = event_hit.event
        place = f" · {e.place}" if e.place else ""
        print(f"{e.date.label()} · {e.title}{place}  [{e.kind.value}]\n")


def _print_quote(hit: QuoteHit) -> None:
    q = hit.quote
    warning = "  [paraphrased source: wording unreliable]" if q.source.is_paraphrased else ""
    publisher = f"{q.source.publisher}, " if q.source.publisher else ""
    event = f" · {hit.event_title}" if hit.event_title else ""
    print(f"{q.speaker.name} · {q.date.label()}{event}")
    print(f"  “{q.text}”")
    print(f"  — {publisher}{q.source.title}{warning}")
    print()
