"""The words of the search index, loaded once: how many documents hold each, the words
spelt like a misspelt one, the rarer words of a query, and their other forms."""

from __future__ import annotations

import sqlite3

from viewer.core.search.query import Query
from viewer.core.search.word_forms import WordForms

FUZZY_CUTOFF = 80  # rapidfuzz ratio (0-100) a vocabulary word needs to stand in
MAX_SUBSTITUTES = 4  # close words tried for each word of the query


class Vocabulary:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._words: list[str] | None = None
        self.documents: dict[str, int] = {}  # how many quotes and events hold each word
        self._by_length: dict[int, list[str]] = {}
        self._by_n: dict[int, list[str]] = {}  # misspelling candidates by word length
        self._common = 50  # a word in more documents than this is not a rare one
        self._forms: WordForms | None = None

    def words(self) -> list[str]:
        """Every word in the quote index (and event titles), loaded once."""
        if self._words is None:
            rows = self._conn.execute(
                "SELECT term, sum(doc) AS documents FROM (SELECT term, doc FROM quote_vocab "
                "UNION ALL SELECT term, doc FROM event_vocab) GROUP BY term"
            ).fetchall()
            self.documents = {r["term"]: r["documents"] for r in rows}
            self._words = list(self.documents)
            for word in self._words:
                self._by_length.setdefault(len(word), []).append(word)
            total = self._conn.execute("SELECT count(*) AS n FROM quote").fetchone()["n"]
            self._common = max(50, total // 20)
        return self._words

    def forms(self) -> WordForms:
        """The index's words, for widening a query to their other forms (made once)."""
        if self._forms is None:
            self._forms = WordForms(self.words(), self.documents)
        return self._forms

    def close_words(self, word: str) -> tuple[str, ...]:
        """Words spelt like `word` ("zelenski" -> "zelenskyy", "zelenskiy")."""
        from rapidfuzz import fuzz, process  # noqa: PLC0415 - only when a search needs it

        self.words()
        if len(word) < 4 or word in self.documents:
            return ()  # a word the index holds is not a misspelling
        matches = process.extract(
            word, self._candidates(len(word)), scorer=fuzz.ratio, limit=MAX_SUBSTITUTES,
            score_cutoff=FUZZY_CUTOFF,
        )  # fmt: skip
        return tuple(m[0] for m in matches if m[0] != word)

    def _candidates(self, n: int) -> list[str]:
        """The words a word of `n` letters may be a misspelling of (a ratio of 80 needs
        the shorter word to be at least 2/3 of the longer one); one list per length,
        made once, not for every search."""
        kept = self._by_n.get(n)
        if kept is None:
            lengths = range(-(-2 * n // 3), 3 * n // 2 + 1)
            kept = self._by_n[n] = [w for k in lengths for w in self._by_length.get(k, ())]
        return kept

    def rare_words(self, query: Query) -> list[str]:
        """The query's words and their spellings, without those in most quotes."""
        self.words()
        words = {w for g in query.groups for t in g if not t.negated for w in t.all_words}
        rare = [w for w in sorted(words) if self.documents.get(w, 0) <= self._common]
        return rare or sorted(words)
