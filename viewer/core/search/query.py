"""The search box's query language, and its safe translation to SQLite FTS5.

What a person can type: plain words (all must match), "exact phrases", prefix*,
-excluded words, and OR between alternatives. Anything else, unbalanced quotes,
lone operators, SQL or FTS syntax, emoji, is read as plain text; nothing a user
types is ever passed to FTS5 unquoted.
"""

from __future__ import annotations

import re

from viewer.core.frozen import frozen

#: Longest query we read; a pasted essay is cut here rather than rejected.
MAX_QUERY_CHARS = 1000
#: Most terms we pass on, which keeps FTS5 fast on absurd inputs.
MAX_TERMS = 24

_TOKEN = re.compile(r'(-?)"([^"]*)("?)|(\S+)')
_WORD = re.compile(r"[^\W_]+")


@frozen
class Term:
    """One thing to look for: a word, a prefix or a phrase (several words in a row)."""

    words: tuple[str, ...]
    prefix: bool = False
    negated: bool = False
    #: Other spellings that also count (filled in by the fuzzy fallback, never typed).
    alternatives: tuple[str, ...] = ()

    @property
    def all_words(self) -> tuple[str, ...]:
        return (*self.words, *self.alternatives)

    def to_fts(self) -> str:
        phrase = '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")
        if not self.alternatives:
            return phrase
        return "(" + " OR ".join([phrase, *(f'"{w}"' for w in self.alternatives)]) + ")"


@frozen
class Query:
    """Alternatives joined by OR; within each, every positive term must match."""

    groups: tuple[tuple[Term, ...], ...]
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(not t.negated for g in self.groups for t in g)

    @property
    def words(self) -> tuple[str, ...]:
        """Every positive word, for highlighting and fuzzy matching."""
        return tuple(w for g in self.groups for t in g if not t.negated for w in t.words)

    def to_fts(self) -> str | None:
        """An FTS5 MATCH expression, or None when there is nothing to look for."""
        parts = []
        for group in self.groups:
            positive = [t.to_fts() for t in group if not t.negated]
            if not positive:
                continue  # FTS5 cannot search for "not x" alone
            expr = " AND ".join(positive)
            for term in group:
                if term.negated:
                    expr = f"({expr}) NOT {term.to_fts()}"
            parts.append(f"({expr})")
        return " OR ".join(parts) if parts else None


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(text))


def parse(text: str) -> Query:
    """Read what a person typed. Never raises."""
    text = text[:MAX_QUERY_CHARS]
    groups: list[list[Term]] = [[]]
    count = 0
    for match in _TOKEN.finditer(text):
        if count >= MAX_TERMS:
            break
        negated_phrase, phrase, _closed, bare = match.groups()
        if bare is not None:
            if bare in ("OR", "|", "||"):
                if groups[-1]:
                    groups.append([])
                continue
            negated = bare.startswith("-") and len(bare) > 1
            body = bare[1:] if negated else bare
            prefix = body.endswith("*")
            words = _words(body)
            if not words:
                continue
            term = Term(words, prefix=prefix and len(words[-1]) >= 1, negated=negated)
        else:
            words = _words(phrase)
            if not words:
                continue
            term = Term(words, negated=bool(negated_phrase))
        groups[-1].append(term)
        count += 1
    return Query(tuple(tuple(g) for g in groups if g), text)
