"""Search benchmark: the app's own search function on a synthetic 1M-quote catalog.

    python tests/benchmarks/bench_search.py [--quotes 1000000] [--db PATH]

Reports, for single words drawn at random from the index's vocabulary (weighted
like the words people search for: mostly the rarer, meaningful ones) and for
two-word, phrase and prefix queries:
  - the first page of unranked results (Order.NONE, what the box shows first),
  - the BM25-ranked top 50 (Order.RELEVANCE),
  - the fuzzy fallback for misspelt words,
each beside the raw FTS5 query on the same database, and the index build time.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.synthetic import make_catalog  # noqa: E402
from viewer.core.catalog.read import Catalog  # noqa: E402
from viewer.core.search.engine import Order, SearchEngine  # noqa: E402

RUNS = 200


def timed(runs: list[str], make: Callable[[str], Callable[[], object]]) -> dict[str, float]:
    times = []
    for text in runs:
        call = make(text)
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 3),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 3),
        "max_ms": round(times[-1], 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="reuse (or create) this catalog file")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-search-"))
    db_path = args.db or folder / "search.sqlite"
    report: dict[str, object] = {"quotes": args.quotes}
    if not db_path.exists():
        start = time.perf_counter()
        make_catalog(db_path, args.events, n_quotes=args.quotes)
        report["catalog_written_s"] = round(time.perf_counter() - start, 1)
        raw = sqlite3.connect(db_path)
        raw.execute("DROP TABLE quote_vocab")
        raw.execute("DROP TABLE event_vocab")
        raw.execute("DROP TABLE quote_fts")
        raw.execute("DROP TABLE event_fts")
        from tests.benchmarks.synthetic import index_fts

        report["index_build_s"] = round(index_fts(raw), 1)
        raw.commit()
        raw.close()
    report["db_size_mb"] = round(db_path.stat().st_size / 1e6)

    raw = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rng = random.Random(5)
    vocab = [
        (term, doc)
        for term, doc in raw.execute("SELECT term, doc FROM quote_vocab")
        if term.isalpha() and len(term) >= 4
    ]
    # People look for names and meaningful words, not "the": draw words whose
    # document frequency is below 10% of quotes, uniformly by rank band.
    vocab.sort(key=lambda td: -td[1])
    meaningful = [t for t, d in vocab if d < args.quotes * 0.10]
    bands = [
        meaningful[: len(meaningful) // 100],
        meaningful[len(meaningful) // 100 : len(meaningful) // 10],
        meaningful[len(meaningful) // 10 :],
    ]
    singles = [rng.choice(bands[i % 3]) for i in range(RUNS)]
    common = [t for t, d in vocab if d >= args.quotes * 0.10][:40]
    pairs = [f"{rng.choice(bands[0])} {rng.choice(bands[1])}" for _ in range(RUNS // 2)]
    phrases = [f'"{t}"' for t in rng.sample(common, min(20, len(common)))]
    prefixes = [t[:4] + "*" for t in rng.sample(meaningful, 50)]
    typos = [_typo(rng, rng.choice(bands[1])) for _ in range(RUNS // 2)]
    report["query_examples"] = {"single": singles[:6], "pair": pairs[:3], "typo": typos[:4]}
    report["common_words_over_10pct"] = len(common)

    catalog = Catalog(db_path)
    engine = SearchEngine(catalog)
    engine.vocabulary.words()  # loaded once when the search panel opens

    def app(order: Order, fuzzy: bool = False) -> Callable[[str], Callable[[], object]]:
        return lambda text: lambda: engine.search(text, order=order, limit=50, fuzzy=fuzzy)

    def fts(ranked: bool) -> Callable[[str], Callable[[], object]]:
        order = "ORDER BY rank" if ranked else ""
        sql = f"SELECT rowid FROM quote_fts WHERE quote_fts MATCH ? {order} LIMIT 50"
        return lambda text: lambda: raw.execute(sql, (_fts(text),)).fetchall()

    figures: dict[str, object] = {}
    for name, queries in (
        ("single word", singles),
        ("two words", pairs),
        ("common-word phrase", phrases),
        ("prefix", prefixes),
    ):
        figures[name] = {
            "first page unranked (app)": timed(queries, app(Order.NONE)),
            "first page unranked (raw FTS5)": timed(queries, fts(False)),
            "BM25 top 50 (app)": timed(queries, app(Order.RELEVANCE)),
            "BM25 top 50 (raw FTS5)": timed(queries, fts(True)),
        }
    figures["misspelt word"] = {
        "fuzzy fallback (app, whole search)": timed(typos, app(Order.RELEVANCE, fuzzy=True)),
    }
    report["figures"] = figures
    engine.close()
    catalog.close()
    print(json.dumps(report, indent=2))
    return 0


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]  # a letter dropped
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # two swapped
    return word[:i] + "y" + word[i + 1 :]  # one replaced


def _fts(text: str) -> str:
    if text.endswith("*"):
        return f'"{text[:-1]}"*'
    if text.startswith('"'):
        return text
    return " AND ".join(f'"{w}"' for w in text.split())


if __name__ == "__main__":
    raise SystemExit(main())
