"""Search relevance on the bundled catalog: top-1 accuracy, MRR and nDCG@5.

    python tests/benchmarks/bench_relevance.py [--db CATALOG]

Reads tests/search_relevance/queries.toml (each query with the event or quote a reader
wants first), runs each through the app's search engine, and ranks the results as the
results list shows them (quotes found, then events, then close matches and other
versions). Prints the figures for the tuned part and the part kept aside, and each
query whose wanted result is not first.
"""

from __future__ import annotations

import argparse
import math
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from viewer.core.catalog.read import Catalog  # noqa: E402
from viewer.core.paths import bundled_catalog  # noqa: E402
from viewer.core.search.engine import SearchEngine, SearchResult  # noqa: E402

QUERIES = ROOT / "tests" / "search_relevance" / "queries.toml"


def ranked(result: SearchResult) -> list[str]:
    """Result ids in the order the results list shows them."""
    ids = [h.quote.id for h in result.hits]
    ids += [h.event.id for h in result.events]
    ids += [h.quote.id for h in (*result.fuzzy, *result.variants)]
    return list(dict.fromkeys(ids))


def scores(engine: SearchEngine, queries: list[dict[str, object]]) -> dict[str, object]:
    top1 = rr = ndcg = 0.0
    misses = []
    for query in queries:
        ids = ranked(engine.search(str(query["text"]), limit=50))
        wanted = query["want"] if isinstance(query["want"], list) else [query["want"]]
        ranks = [ids.index(w) + 1 for w in wanted if w in ids]
        rank = min(ranks) if ranks else None
        top1 += rank == 1
        rr += 1 / rank if rank else 0
        ndcg += 1 / math.log2(rank + 1) if rank and rank <= 5 else 0
        if rank != 1:
            misses.append((query["text"], rank, ids[:3]))
    n = len(queries)
    return {"n": n, "top1": top1 / n, "mrr": rr / n, "ndcg5": ndcg / n, "misses": misses}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    queries = tomllib.loads(QUERIES.read_text(encoding="utf-8"))["query"]
    catalog = Catalog(args.db or bundled_catalog())
    engine = SearchEngine(catalog)
    try:
        for part, chosen in (
            ("tuned", [q for q in queries if not q.get("held_out")]),
            ("kept aside", [q for q in queries if q.get("held_out")]),
        ):
            s = scores(engine, chosen)
            print(
                f"{part:>10}: {s['n']} queries, top-1 {s['top1']:.2f}, MRR {s['mrr']:.3f}, "
                f"nDCG@5 {s['ndcg5']:.3f}"
            )
            for text, rank, first in s["misses"]:  # type: ignore[attr-defined]
                print(f"            {text!r}: wanted at {rank or 'not found'}; first {first}")
    finally:
        engine.close()
        catalog.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
