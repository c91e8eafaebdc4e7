"""Synthetic catalogs for benchmarks: N events over ten years in six lanes.

Written straight into the real catalog schema (the same tables and indexes the
builder makes), so the app opens them exactly as it opens the bundled one.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import numpy as np
from sqlalchemy import create_engine
from sqlalchemy.schema import CreateIndex, CreateTable

from viewer.core.catalog import schema
from viewer.core.catalog.summary import write_summary
from viewer.core.timeline.columns import write_stored_columns
from viewer.core.timeline.lanes import LANES

WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at "
    "which but have an they you were her she there been one all we their has would when if "
    "so no will my more out up said what its about than into them can only other time new "
    "some could these two may first then do any like now over such our man me even most made "
    "after also did many before must through back years where much your way well down should "
    "because each just those people how too little state good very make world still own see "
    "men work long get here between both life being under never day same another know while "
    "last might us great old year off come since against go came right used take three putin "
    "trump russia ukraine war peace summit meeting talks sanctions president crazy deal nato "
    "election meddle helsinki alaska ceasefire relationship strong leader genius smart weak "
    "zelenskyy kremlin white house moscow washington phone call tariffs oil border treaty"
).split()


def _dates(
    n: int, rng: np.random.Generator
) -> tuple[list[str], list[str], list[str], list[str], list[int]]:
    first = dt.date(2015, 1, 1).toordinal()
    days = np.sort(rng.integers(first, first + 3652, n))
    kind = rng.random(n)
    edtf, start, end, precision, approx = [], [], [], [], []
    for day, k in zip(days.tolist(), kind.tolist(), strict=True):
        d = dt.date.fromordinal(day)
        if k < 0.85:
            edtf.append(d.isoformat())
            start.append(d.isoformat())
            end.append(d.isoformat())
            precision.append("day")
            approx.append(0)
        elif k < 0.96:
            a = k > 0.95
            first_day = d.replace(day=1)
            nxt = (first_day + dt.timedelta(days=32)).replace(day=1)
            edtf.append(f"{d.year}-{d.month:02d}" + ("~" if a else ""))
            start.append(first_day.isoformat())
            end.append((nxt - dt.timedelta(days=1)).isoformat())
            precision.append("month")
            approx.append(int(a))
        else:
            edtf.append(str(d.year))
            start.append(f"{d.year}-01-01")
            end.append(f"{d.year}-12-31")
            precision.append("year")
            approx.append(0)
    return edtf, start, end, precision, approx  # type: ignore[return-value]


def _ordinal(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


def make_catalog(path: Path, n_events: int, n_quotes: int = 0, seed: int = 7) -> Path:
    """Write a catalog of `n_events` events (and `n_quotes` quotes) to `path`."""
    rng = np.random.default_rng(seed)
    if path.exists():
        path.unlink()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        for table in schema.Base.metadata.sorted_tables:
            conn.execute(CreateTable(table))
        for table in schema.Base.metadata.sorted_tables:
            for index in table.indexes:
                conn.execute(CreateIndex(index))
    engine.dispose()
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("schema_version", str(schema.SCHEMA_VERSION)), ("format_version", "1")],
    )
    db.executemany(
        "INSERT INTO entity (id, name, kind, role) VALUES (?, ?, ?, ?)",
        [
            ("subject", "Ann Subject", "person", "Politician"),
            ("target", "Bob Target", "person", "Politician"),
        ],
    )
    db.execute(
        "INSERT INTO source (id, title, authors, reliability) VALUES "
        "('src', 'Synthetic source', '[]', 'reliable')"
    )
    db.execute(
        "INSERT INTO profile (id, subject_id, target_id, stance, strength, flip, summary, "
        "context) VALUES ('p', 'subject', 'target', 'Mixed', 'strong', 1, "
        "'Synthetic profile.', '')"
    )
    kinds = [lane.kinds[0].value for lane in LANES]
    tones = ["warm", "cold", "mixed", "neutral"]
    edtf, start, end, precision, approx = _dates(n_events, rng)
    lane = rng.integers(0, len(kinds), n_events).tolist()
    tone = rng.integers(0, 4, n_events).tolist()
    ids = [f"e{i:07d}" for i in range(n_events)]
    db.executemany(
        "INSERT INTO event (id, kind, status, title, place, summary, tone, date_note, date, "
        'start, "end", first_day, last_day, precision, approximate) '
        "VALUES (?, ?, 'held', ?, NULL, '', ?, NULL, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                ids[i],
                kinds[lane[i]],
                f"Synthetic event number {i} in lane {lane[i]}",
                tones[tone[i]],
                edtf[i],
                start[i],
                end[i],
                _ordinal(start[i]),
                _ordinal(end[i]),
                precision[i],
                approx[i],
            )
            for i in range(n_events)
        ),
    )
    db.executemany("INSERT INTO event_profile VALUES (?, 'p')", ((i,) for i in ids))
    if n_quotes:
        _quotes(db, rng, ids, start, n_quotes)
    else:
        index_fts(db)  # the search tables every catalog has, empty of quotes
    write_stored_columns(db)  # the same build-time cache and counts the builder writes
    write_summary(db)
    db.commit()
    db.close()
    return path


def vocabulary(size: int = 60_000, seed: int = 3) -> list[str]:
    """`WORDS` (the most frequent) followed by made-up words, `size` in all.

    A million real quotes hold tens of thousands of distinct words; the fuzzy
    fallback's cost depends on that, so the synthetic vocabulary has as many.
    """
    rng = np.random.default_rng(seed)
    onsets = "b c d f g h j k l m n p r s t v w z br ch dr gr kr pl sh st tr".split()
    vowels = "a e i o u ai ea ie oo ou".split()
    codas = ["", "", "n", "r", "s", "t", "l", "nd", "st", "ck"]
    words = list(dict.fromkeys(WORDS))
    seen = set(words)
    while len(words) < size:
        syllables = int(rng.integers(2, 5))
        word = (
            "".join(
                onsets[rng.integers(len(onsets))] + vowels[rng.integers(len(vowels))]
                for _ in range(syllables)
            )
            + codas[rng.integers(len(codas))]
        )
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def quote_texts(rng: np.random.Generator, n: int, chars: int = 170) -> list[str]:
    """Quotes of about `chars` characters with Zipf word frequencies (exponent 1.07)."""
    words = vocabulary()
    ranks = np.arange(1, len(words) + 1)
    cdf = np.cumsum(1 / ranks**1.07)
    cdf /= cdf[-1]
    texts = []
    for start in range(0, n, 50_000):  # in slices, to bound memory
        rows = min(50_000, n - start)
        picks = np.searchsorted(cdf, rng.random((rows, chars // 6)))
        for row in picks.tolist():
            text = " ".join([words[j] for j in row])[: chars + 1].rsplit(" ", 1)[0]
            texts.append(text.capitalize() + ".")
    return texts


def _quotes(
    db: sqlite3.Connection, rng: np.random.Generator, ids: list[str], start: list[str], n: int
) -> None:
    texts = quote_texts(rng, n)
    which = rng.integers(0, len(ids), n).tolist()
    speaker = rng.integers(0, 2, n).tolist()
    tones = ["warm", "cold", "mixed", "neutral"]
    tone = rng.integers(0, 4, n).tolist()
    db.executemany(
        "INSERT INTO quote (rowid, id, event_id, position, speaker_id, text, source_id, tone, "
        'variant_of, note, date, start, "end", first_day, last_day, precision, approximate) '
        "VALUES (?, ?, ?, 0, ?, ?, 'src', ?, NULL, NULL, ?, ?, ?, ?, ?, 'day', 0)",
        (
            (
                i + 1,
                f"q{i:07d}",
                ids[which[i]],
                ("subject", "target")[speaker[i]],
                texts[i],
                tones[tone[i]],
                start[which[i]],
                start[which[i]],
                start[which[i]],
                _ordinal(start[which[i]]),
                _ordinal(start[which[i]]),
            )
            for i in range(n)
        ),
    )
    index_fts(db)


def index_fts(db: sqlite3.Connection) -> float:
    """Build the search index the way the builder does; return the seconds it took."""
    import time

    start = time.perf_counter()
    for statement in schema.FTS_STATEMENTS:
        db.execute(statement)
    return time.perf_counter() - start
