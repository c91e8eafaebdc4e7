"""What people mean: word forms, titles over summaries, speakers' names, small words.
And a floor under the relevance figures of tests/search_relevance/queries.toml."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from viewer.core.catalog.read import Catalog
from viewer.core.search.engine import SearchEngine
from viewer.core.search.word_forms import stem


@pytest.fixture
def engine(built_catalog: Path) -> Iterator[SearchEngine]:
    catalog = Catalog(built_catalog)
    engine = SearchEngine(catalog)
    yield engine
    engine.close()
    catalog.close()


def test_a_word_finds_its_other_forms_and_the_highlight_marks_them(engine: SearchEngine) -> None:
    assert stem("annexation") == stem("annexes") and stem("meetings") == stem("meeting")
    found = engine.search("annexation")
    crimea = next(h for h in found.events if h.event.id == "2014-crimea-annexation")
    assert crimea.spans  # "annexes" is marked where it stands in the title
    assert '"annexes"' in found.query.to_fts()


def test_an_exact_phrase_matches_only_those_words(engine: SearchEngine) -> None:
    widened = engine.search("meetings").query.to_fts()
    exact = engine.search('"meetings"').query.to_fts()
    assert '"meeting"' in widened and '"meeting"' not in exact


def test_small_words_are_not_required(engine: SearchEngine) -> None:
    found = engine.search("annexation of crimea")
    assert "2014-crimea-annexation" in [h.event.id for h in found.events]
    assert '"of"' not in found.query.to_fts()
    assert '"of"' in engine.search('"of"').query.to_fts()  # asked for, it counts


def test_a_title_counts_more_than_a_long_summary(engine: SearchEngine) -> None:
    events = [h.event.id for h in engine.search("helsinki").events]
    assert events[0] == "2018-07-16-helsinki-summit"  # before "Rebukes at home after Helsinki"


def test_a_speakers_name_finds_their_words(engine: SearchEngine) -> None:
    assert [h.quote.id for h in engine.search("mccain").hits] == ["mccain-abased-himself"]


def test_the_relevance_set_keeps_its_figures() -> None:
    sys.path.insert(0, str(ROOT))
    import tomllib

    from tests.benchmarks.bench_relevance import QUERIES, scores

    queries = tomllib.loads(QUERIES.read_text(encoding="utf-8"))["query"]
    assert len(queries) >= 50
    catalog = Catalog(ROOT / "resources" / "catalog.sqlite")
    engine = SearchEngine(catalog)
    try:
        tuned = scores(engine, [q for q in queries if not q.get("held_out")])
        aside = scores(engine, [q for q in queries if q.get("held_out")])
    finally:
        engine.close()
        catalog.close()
    assert tuned["top1"] >= 0.9 and aside["mrr"] >= 0.8, (tuned, aside)  # type: ignore[operator]


def test_a_name_spelt_another_way_is_found(engine: SearchEngine) -> None:
    for spelling in ("zelensky", "zelenskiy", "zelenskyy"):
        found = engine.search(spelling, fuzzy=False)  # the catalog's spellings, not guesses
        assert "2025-oval-office-clash-with-zelenskyy" in [h.event.id for h in found.events]
