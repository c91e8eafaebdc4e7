"""Search in the user's own notes, with the same query language as the catalog.

Notes live in the user's database, not in the catalog's full-text index, and are
few enough (even 100,000) to be matched directly: each positive term must occur
in the note (case and accents ignored); excluded terms must not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from viewer.core.annotations.records import Annotation
from viewer.core.frozen import frozen
from viewer.core.search.query import Query, Term


@frozen
class NoteHit:
    event_id: str
    note: str
    spans: tuple[tuple[int, int], ...]


def fold(text: str) -> str:
    """Lower case without accents, one character per character of `text` (in C: a
    megabyte note is folded in milliseconds, not char by char in Python)."""
    if text.isascii():
        return text.lower()
    table = {ord(c): f for c in set(text) if (f := _fold_char(c)) != c}
    return text.translate(table)


@lru_cache(maxsize=65_536)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0] if char.isalpha() else char
    return base.casefold()[:1] or char


def _pattern(term: Term) -> re.Pattern[str]:
    words = [re.escape(fold(w)) for w in term.words]
    body = r"\W+".join(words) + (r"\w*" if term.prefix else r"\b")
    alternatives = [body, *(re.escape(fold(a)) + r"\b" for a in term.alternatives)]
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")


def note_hits(
    query: Query, annotations: Mapping[str, Annotation], limit: int = 50
) -> list[NoteHit]:
    groups = [
        ([_pattern(t) for t in g if not t.negated], [_pattern(t) for t in g if t.negated])
        for g in query.groups
    ]
    groups = [(wanted, unwanted) for wanted, unwanted in groups if wanted]
    hits: list[NoteHit] = []
    if not groups:
        return hits
    for event_id, annotation in annotations.items():
        if not annotation.note:
            continue
        folded = fold(annotation.note)
        for wanted, unwanted in groups:
            found = [p.search(folded) for p in wanted]
            if all(found) and not any(p.search(folded) for p in unwanted):
                spans = tuple(sorted((m.start(), m.end()) for m in found if m))
                hits.append(NoteHit(event_id, annotation.note, spans))
                break
        if len(hits) >= limit:
            break
    return hits
