"""Quote search over a catalog's full-text index.

One engine answers the search box and `timeline-viewer search`. The query is
parsed by `viewer.core.query` and always bound as a parameter.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from viewer.core.catalog import Catalog
from viewer.core.query import Query, parse
from viewer.core.records import QuoteHit

_OPEN, _CLOSE = "\x01", "\x02"


class Order(StrEnum):
    RELEVANCE = "relevance"  # BM25
    NEWEST = "newest"
    OLDEST = "oldest"
    NONE = "none"  # index order: the fastest first page


_ORDER_SQL = {
    Order.RELEVANCE: "ORDER BY bm25(quote_fts), q.start DESC",
    Order.NEWEST: "ORDER BY q.start DESC, q.id",
    Order.OLDEST: "ORDER BY q.start, q.id",
    Order.NONE: "",
}


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: Query
    hits: tuple[QuoteHit, ...]
    message: str | None = None  # why there is nothing, in words a person understands


class SearchEngine:
    """Searches one catalog. Owns its own read-only connection."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._conn = catalog.raw_connection()

    def close(self) -> None:
        self._conn.close()

    def search(
        self,
        text: str,
        *,
        profile_id: str | None = None,
        order: Order = Order.RELEVANCE,
        limit: int = 50,
        offset: int = 0,
    ) -> SearchResult:
        query = parse(text)
        expression = query.to_fts()
        if expression is None:
            message = (
                "Type a word to search for."
                if not query.groups
                else ("Add a word to look for: excluded words alone match nothing.")
            )
            return SearchResult(query, (), message)
        sql = (
            "SELECT q.id, highlight(quote_fts, 0, ?, ?), bm25(quote_fts), e.title "
            "FROM quote_fts JOIN quote q ON q.rowid = quote_fts.rowid "
            "LEFT JOIN event e ON e.id = q.event_id "
        )
        params: list[object] = [_OPEN, _CLOSE]
        where = ["quote_fts MATCH ?"]
        params.append(expression)
        if profile_id is not None:
            where.append("q.event_id IN (SELECT event_id FROM event_profile WHERE profile_id = ?)")
            params.append(profile_id)
        sql += "WHERE " + " AND ".join(where) + " " + _ORDER_SQL[order] + " LIMIT ? OFFSET ?"
        params += [limit, offset]
        try:
            rows = self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:  # a query FTS5 still refuses
            return SearchResult(query, (), f"This search could not be run ({exc}).")
        quotes = self.catalog.quotes(r[0] for r in rows)
        hits = tuple(
            QuoteHit(quotes[qid], _spans(marked), title, -float(score))
            for qid, marked, score, title in rows
        )
        return SearchResult(query, hits, None if hits else "Nothing found.")


def _spans(marked: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of the matches in the text that `highlight()` marked."""
    spans: list[tuple[int, int]] = []
    plain = 0
    start = 0
    for char in marked:
        if char == _OPEN:
            start = plain
        elif char == _CLOSE:
            spans.append((start, plain))
        else:
            plain += 1
    return tuple(spans)
