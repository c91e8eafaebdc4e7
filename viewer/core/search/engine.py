"""Search over everything said (quotes) and every event (titles, summaries, places).

One engine answers the search box and `timeline-viewer search`. The query is
parsed by `viewer.core.search.query` and always bound as a parameter. When the exact
search finds little, a fuzzy fallback (rapidfuzz over the index's vocabulary)
tries close spellings, and other versions of the quotes found (a paraphrased
copy of the same words) are offered beside them.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import field, replace
from enum import StrEnum
from pathlib import Path

from viewer.core.annotations.note_reader import NoteReader
from viewer.core.catalog.read import QUOTE_COLUMNS, Catalog
from viewer.core.frozen import frozen
from viewer.core.records import Event, QuoteHit
from viewer.core.search.filters import NO_FILTERS, Filters, where_sql
from viewer.core.search.notes import NoteHit, note_hits
from viewer.core.search.query import Query, Term, parse
from viewer.core.search.vocabulary import Vocabulary

_OPEN, _CLOSE = "\x01", "\x02"
FEW = 3  # fewer exact hits than this and the fuzzy fallback runs
TITLE_WEIGHT, PLACE_WEIGHT = 10.0, 3.0  # an event's title and place against its summary
_IN_TITLE = "f.rowid IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)"
REWORDED_CUTOFF = 70  # rapidfuzz token-set ratio a quote needs to count as close
CANDIDATES = 200  # quotes sharing a word with the query that the fuzzy pass compares


CANCELLED = "Search cancelled."


class Order(StrEnum):
    RELEVANCE = "relevance"  # BM25
    NEWEST = "newest"
    OLDEST = "oldest"
    NONE = "none"  # index order: the fastest first page


_ORDER_SQL = {
    Order.RELEVANCE: "ORDER BY bm25(quote_fts), q.first_day DESC",
    Order.NEWEST: "ORDER BY q.first_day DESC, q.id",
    Order.OLDEST: "ORDER BY q.first_day, q.id",
    Order.NONE: "",
}


@frozen
class EventHit:
    event: Event
    spans: tuple[tuple[int, int], ...]  # matches in the title


@frozen
class SearchResult:
    query: Query
    hits: tuple[QuoteHit, ...]
    events: tuple[EventHit, ...] = ()
    fuzzy: tuple[QuoteHit, ...] = ()  # close matches when the exact search found little
    variants: tuple[QuoteHit, ...] = ()  # other versions of the quotes found
    substitutes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    message: str | None = None  # why there is nothing, in words a person understands
    notes: tuple[NoteResult, ...] = ()  # the user's own notes that match

    @property
    def count(self) -> int:
        return (
            len(self.hits) + len(self.events) + len(self.fuzzy) + len(self.variants)
            + len(self.notes)
        )  # fmt: skip


@frozen
class NoteResult:
    event: Event
    hit: NoteHit


class SearchEngine:
    """Searches one catalog.

    It opens the catalog again for itself, so it may run in a worker thread while the
    window reads the same file; `interrupt()` may be called from any thread.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = Catalog(catalog.path)
        self._conn = self.catalog.raw_connection()
        self.vocabulary = Vocabulary(self._conn)  # the index's words, loaded when needed
        self._notes: NoteReader | None = None  # the user's notes, read-only
        self._spellings: dict[str, tuple[str, ...]] | None = None
        self._speaker_words: list[tuple[str, frozenset[str]]] | None = None

    def close(self) -> None:
        if self._notes is not None:
            self._notes.close()
        self._conn.close()
        self.catalog.close()

    def interrupt(self) -> None:
        """Stop a query running in another thread (it returns no hits)."""
        self._conn.interrupt()
        if self._notes is not None:
            self._notes.interrupt()

    # -- the search ---------------------------------------------------------------------

    def search(
        self,
        text: str,
        *,
        filters: Filters = NO_FILTERS,
        order: Order = Order.RELEVANCE,
        limit: int = 50,
        offset: int = 0,
        profile_id: str | None = None,
        fuzzy: bool = True,
        events: bool = True,
        notes_db: Path | None = None,
    ) -> SearchResult:
        """Quotes (and events, and the user's notes in `notes_db`) matching `text`."""
        if profile_id is not None:
            filters = replace(filters, profile_id=profile_id)
        query = self.with_spellings(self.vocabulary.forms().widen(parse(text)))
        expression = query.to_fts()
        if expression is None:
            message = (
                "Type a word to search for."
                if not query.groups
                else "Add a word to look for: excluded words alone match nothing."
            )
            return SearchResult(query, (), message=message)
        try:
            hits = self.quote_hits(expression, filters, order, limit, offset)
            if offset == 0 and len(hits) < limit:  # "mccain": the words of a speaker's name
                hits += self.speaker_hits(query, filters, limit - len(hits), hits)
                if order is not Order.RELEVANCE:  # one list in date order, as asked
                    newest = order is Order.NEWEST
                    hits = tuple(
                        sorted(hits, key=lambda h: h.quote.date.start_ordinal, reverse=newest)
                    )
            event_hits = self.event_hits(expression, filters, limit) if events else ()
            close: tuple[QuoteHit, ...] = ()
            substitutes: dict[str, tuple[str, ...]] = {}
            if fuzzy and offset == 0 and len(hits) < FEW:
                respelt, substitutes = self.respell(query)
                wider = respelt.to_fts() if substitutes else None
                if wider:  # misspellings: the same query with the index's spellings
                    close = self.quote_hits(wider, filters, order, limit, 0)
                    if events and not event_hits:
                        event_hits = self.event_hits(wider, filters, limit)
                if len(hits) + len(close) < FEW:  # reworded: quotes worded like the query
                    seen = {h.quote.id for h in (*hits, *close)}
                    close += self.fuzzy_hits(respelt, filters, limit - len(close), seen)
            variants = self.variant_hits([*hits, *close], filters)
            noted = self.note_results(query, expression, filters, notes_db, limit)
        except sqlite3.OperationalError as exc:  # interrupted, or a query FTS5 still refuses
            if "interrupt" in str(exc):
                return SearchResult(query, (), message=CANCELLED)
            return SearchResult(query, (), message=f"This search could not be run ({exc}).")
        found = hits or event_hits or close or variants or noted
        return SearchResult(
            query, hits, event_hits, close, variants, substitutes,
            None if found else "Nothing found.", noted,
        )  # fmt: skip

    def note_results(
        self, query: Query, expression: str, filters: Filters, notes_db: Path | None, limit: int
    ) -> tuple[NoteResult, ...]:
        """The user's notes that match, through their own full-text index (read-only)."""
        reader = self._note_reader(notes_db)
        if reader is None:
            return ()
        found = note_hits(query, reader.matching(expression, filters.event_ids, limit), limit)
        events = {e.id: e for e in self.catalog.events_by_id(h.event_id for h in found)}
        return tuple(NoteResult(events[h.event_id], h) for h in found if h.event_id in events)

    def _note_reader(self, path: Path | None) -> NoteReader | None:
        """The reader of the notes in `path` (opened once; None: no notes to search)."""
        if self._notes is not None and self._notes.path == path:
            return self._notes
        if self._notes is not None:
            self._notes.close()
        self._notes = NoteReader.open(path)
        return self._notes

    def quote_hits(
        self, expression: str, filters: Filters, order: Order, limit: int, offset: int
    ) -> tuple[QuoteHit, ...]:
        where, params = where_sql(filters)
        # BM25 needs the index's statistics: only pay for it when ranking by it.
        score = "bm25(quote_fts)" if order is Order.RELEVANCE else "0"
        sql = (
            f"SELECT {QUOTE_COLUMNS}, highlight(quote_fts, 0, ?, ?) AS marked, {score} AS score, "
            "e.title AS event_title "
            "FROM quote_fts JOIN quote q ON q.rowid = quote_fts.rowid "
            "LEFT JOIN event e ON e.id = q.event_id "
            f"WHERE quote_fts MATCH ? {where} {_ORDER_SQL[order]} LIMIT ? OFFSET ?"
        )
        rows = self._conn.execute(sql, [_OPEN, _CLOSE, expression, *params, limit, offset])
        return self._hits(rows.fetchall())

    def _hits(self, rows: list[sqlite3.Row]) -> tuple[QuoteHit, ...]:
        """Hits from rows of `QUOTE_COLUMNS` with `marked` (the text with the matches
        marked), `score` (BM25: lower is better) and `event_title`."""
        quote = self.catalog.quote_from_row
        return tuple(
            QuoteHit(quote(r), _spans(r["marked"]), r["event_title"], -r["score"]) for r in rows
        )

    def event_hits(self, expression: str, filters: Filters, limit: int) -> tuple[EventHit, ...]:
        """Events whose title, summary or place match (so "Helsinki" finds the summit).

        Ranked in two tiers: events whose title holds every word come first, the
        shortest title first (the title most about those words: "Helsinki summit"
        before "Rebukes at home after Helsinki"); then the rest by BM25 with a title
        word counting ten times a summary word and a place word three times. BM25
        alone ranks by the length of the whole record, so a long summary sank the
        event it describes."""
        where, params = where_sql(filters, events=True)
        sql = (
            "SELECT f.event_id AS event_id, highlight(event_fts, 1, ?, ?) AS marked "
            "FROM event_fts f "
            "JOIN event e ON e.id = f.event_id "
            f"WHERE event_fts MATCH ? {where} ORDER BY {_IN_TITLE} DESC, "
            f"CASE WHEN {_IN_TITLE} THEN length(e.title) END, "
            f"bm25(event_fts, 0, {TITLE_WEIGHT}, 1.0, {PLACE_WEIGHT}) LIMIT ?"
        )
        in_title = f"{{title}} : ({expression})"
        rows = self._conn.execute(
            sql, [_OPEN, _CLOSE, expression, *params, in_title, in_title, limit]
        ).fetchall()
        if not rows:
            return ()
        events = {e.id: e for e in self.catalog.events_by_id(r["event_id"] for r in rows)}
        return tuple(
            EventHit(events[r["event_id"]], _spans(r["marked"]))
            for r in rows
            if r["event_id"] in events
        )

    def speaker_hits(
        self, query: Query, filters: Filters, limit: int, found: tuple[QuoteHit, ...]
    ) -> tuple[QuoteHit, ...]:
        """Quotes of the speaker whose name holds every word of a one-part query ("mccain",
        "john bolton"), after those that hold the words themselves."""
        if len(query.groups) != 1 or limit <= 0:
            return ()
        words = {w for t in query.groups[0] if not t.negated for w in t.words}
        if not words:
            return ()
        if self._speaker_words is None:
            self._speaker_words = [
                (e.id, frozenset(w.casefold() for w in re.findall(r"\w+", e.name)))
                for e in self.catalog.speakers()
            ]
        ids = sorted(sid for sid, names in self._speaker_words if words <= names)
        if not ids:
            return ()
        where, params = where_sql(filters)
        seen = {h.quote.id for h in found}
        rows = self._conn.execute(
            f"SELECT {QUOTE_COLUMNS}, q.text AS marked, 0 AS score, e.title AS event_title "
            "FROM quote q "
            "LEFT JOIN event e ON e.id = q.event_id "
            f"WHERE q.speaker_id IN ({','.join('?' * len(ids))}) {where} "
            "ORDER BY q.first_day, q.id LIMIT ?",
            [*ids, *params, limit + len(seen)],
        ).fetchall()
        return tuple(h for h in self._hits(rows) if h.quote.id not in seen)[:limit]

    def with_spellings(self, query: Query) -> Query:
        """A surname typed one way also finds the others the catalog gives for it
        ("zelensky" finds "Zelenskyy" and "Zelenskiy"): spellings, not nicknames."""
        if self._spellings is None:
            self._spellings = {}
            for names in self.catalog.name_spellings():
                variants = {n.split()[-1].casefold() for n in names if n.split()}
                for word in variants:
                    self._spellings[word] = tuple(sorted(variants - {word}))
        spellings = self._spellings
        return Query(
            tuple(tuple(_spelt(t, spellings) for t in group) for group in query.groups),
            query.text,
        )

    def respell(self, query: Query) -> tuple[Query, dict[str, tuple[str, ...]]]:
        """The query with each word the index lacks widened to the close words it holds."""
        substitutes: dict[str, tuple[str, ...]] = {}
        groups: list[tuple[Term, ...]] = []
        for group in query.groups:
            terms: list[Term] = []
            for term in group:
                close = () if term.negated or term.prefix else self._respell_term(term)
                if close:
                    substitutes[" ".join(term.words)] = close
                terms.append(replace(term, alternatives=close) if close else term)
            groups.append(tuple(terms))
        return Query(tuple(groups), query.text), substitutes

    def _respell_term(self, term: Term) -> tuple[str, ...]:
        if len(term.words) != 1:
            return ()
        return self.vocabulary.close_words(term.words[0])

    def fuzzy_hits(
        self, query: Query, filters: Filters, limit: int, seen: set[str]
    ) -> tuple[QuoteHit, ...]:
        """Quotes worded like the query: candidates sharing its rarer words, kept when
        rapidfuzz finds the whole quote close to what was typed."""
        from rapidfuzz import fuzz, utils  # noqa: PLC0415 - only when a search needs it

        words = self.vocabulary.rare_words(query)
        if not words:
            return ()
        expression = " OR ".join(f'"{w}"' for w in words)
        candidates = self.quote_hits(expression, filters, Order.RELEVANCE, CANDIDATES, 0)
        typed = utils.default_process(" ".join(query.words))
        scored = [
            (fuzz.token_set_ratio(typed, utils.default_process(h.quote.text)), h)
            for h in candidates
            if h.quote.id not in seen
        ]
        scored = [(s, h) for s, h in scored if s >= REWORDED_CUTOFF]
        scored.sort(key=lambda sh: -sh[0])
        return tuple(replace(h, score=float(s)) for s, h in scored[:limit])

    def variant_hits(self, hits: list[QuoteHit], filters: Filters) -> tuple[QuoteHit, ...]:
        """Other versions of the quotes found: the original of a paraphrase, and back."""
        ids = {h.quote.id for h in hits}
        originals = {h.quote.variant_of for h in hits if h.quote.variant_of}
        if not ids:
            return ()
        marks = ",".join("?" * len(ids))
        omarks = ",".join("?" * len(originals)) or "NULL"
        # Three indexed lookups (an OR of them would scan every quote).
        rows = self._conn.execute(
            f"SELECT {QUOTE_COLUMNS}, q.text AS marked, 0 AS score, e.title AS event_title "
            "FROM quote q "
            "LEFT JOIN event e ON e.id = q.event_id WHERE q.id IN ("
            f"SELECT id FROM quote WHERE variant_of IN ({marks}) "
            f"UNION SELECT id FROM quote WHERE id IN ({omarks}) "
            f"UNION SELECT id FROM quote WHERE variant_of IN ({omarks})"
            f") AND q.id NOT IN ({marks}) ORDER BY q.first_day, q.id",
            [*ids, *originals, *originals, *ids],
        ).fetchall()
        if filters.reliability:
            sources = self.catalog.sources
            rows = [
                r for r in rows if sources[r["source_id"]].reliability.value == filters.reliability
            ]
        return self._hits(rows)


def _spelt(term: Term, spellings: dict[str, tuple[str, ...]]) -> Term:
    """The term with the other spellings of a name it is one of."""
    others = spellings.get(term.words[0]) if len(term.words) == 1 else None
    if not others or term.negated or term.prefix:
        return term
    extra = tuple(w for w in others if w not in term.alternatives)
    return replace(term, alternatives=(*term.alternatives, *extra))


def _spans(marked: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of the matches in the text that `highlight()` marked."""
    parts = marked.split(_OPEN)
    plain = len(parts[0])
    spans: list[tuple[int, int]] = []
    for part in parts[1:]:
        inside, _, after = part.partition(_CLOSE)
        spans.append((plain, plain + len(inside)))
        plain += len(inside) + len(after)
    return tuple(spans)
