"""Other forms of a word the index holds: "invitation" also finds "invite", "invited".

English words are reduced to their Snowball (Porter 2) stems; a word typed without
quotation marks also matches every word of the index with the same stem. A "quoted
phrase" is left exactly as typed, so it matches only those words in that order; and
the index itself is unchanged, so the highlight marks the words as the text has them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from viewer.core.search.query import Query, Term

#: Words too common to require ("annexation of crimea" must not need "of"), dropped from
#: a query that has other words; typed in a "phrase", they count.
STOP_WORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is",
     "it", "of", "on", "or", "the", "to", "was", "were", "with")
)  # fmt: skip
#: How many forms of one word are looked for at most (the commonest are kept).
MAX_FORMS = 8
#: How many words beginning with a stem are looked at at most.
MAX_SCANNED = 400


@lru_cache(maxsize=1)
def _stemmer() -> object:
    """The English stemmer, loaded on the first search (importing snowballstemmer loads
    every language's, ~20 ms: not at start-up)."""
    import snowballstemmer  # noqa: PLC0415

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))  # type: ignore[attr-defined]


class WordForms:
    """The index's words, sorted, for looking up forms quickly: a word's forms begin with
    its stem (all but a last letter the stemmer may change: happy -> happi), so only
    the few words of the index that do are stemmed, found by bisection."""

    def __init__(self, vocabulary: Iterable[str], documents: dict[str, int]) -> None:
        self._documents = documents
        self._sorted = sorted(w for w in vocabulary if len(w) >= 3 and w.isalpha())

    def forms(self, word: str) -> tuple[str, ...]:
        """Other words of the index with the stem of `word`, commonest first."""
        if len(word) < 3 or not word.isalpha():
            return ()
        root = stem(word)
        head = root[:-1] if len(root) > 3 else root
        start = bisect.bisect_left(self._sorted, head)
        found = []
        for candidate in self._sorted[start : start + MAX_SCANNED]:
            if not candidate.startswith(head):
                break
            if candidate != word and stem(candidate) == root:
                found.append(candidate)
        found.sort(key=lambda w: -self._documents.get(w, 0))
        return tuple(found[:MAX_FORMS])

    def widen(self, query: Query) -> Query:
        """The query with each plain word (not a phrase, prefix or excluded word) also
        matching its other forms."""
        groups = []
        for group in query.groups:
            terms = []
            for term in _without_stop_words(group, query):
                plain = len(term.words) == 1 and not term.prefix and not term.negated
                first = term.words[0] if term.words else ""
                forms = self.forms(first) if plain and not _quoted(term, query) else ()
                terms.append(replace(term, alternatives=forms) if forms else term)
            groups.append(tuple(terms))
        return Query(tuple(groups), query.text)


def _without_stop_words(group: tuple[Term, ...], query: Query) -> tuple[Term, ...]:
    def stop(term: Term) -> bool:
        plain = len(term.words) == 1 and not term.prefix and not term.negated
        return plain and term.words[0] in STOP_WORDS and not _quoted(term, query)

    kept = tuple(t for t in group if not stop(t))
    return kept if any(not t.negated for t in kept) else group


def _quoted(term: Term, query: Query) -> bool:
    """Whether the term was typed in quotation marks ("genius" means that word only)."""
    return bool(term.words) and f'"{term.words[0]}"' in query.text.casefold()
