"""Quote search through the engine the app and the CLI share."""

from collections.abc import Iterator

import pytest

from viewer.core.catalog import Catalog
from viewer.core.search import Order, SearchEngine


@pytest.fixture
def engine(catalog: Catalog) -> Iterator[SearchEngine]:
    engine = SearchEngine(catalog)
    yield engine
    engine.close()


def test_word_finds_the_osaka_quote(engine: SearchEngine) -> None:
    result = engine.search("meddle")
    ids = {h.quote.id for h in result.hits}
    assert ids == {
        "trump-dont-meddle-in-the-election",
        "trump-of-course-i-will-dont-meddle-president",
    }
    hit = next(h for h in result.hits if h.quote.id == "trump-dont-meddle-in-the-election")
    start, end = hit.spans[0]
    assert hit.quote.text[start:end] == "meddle"
    assert hit.event_title == "Meeting at the G20 in Osaka"


def test_case_does_not_matter(engine: SearchEngine) -> None:
    assert [h.quote.id for h in engine.search("crazy").hits] == ["trump-gone-absolutely-crazy"]


def test_phrase_prefix_exclusion_and_or(engine: SearchEngine) -> None:
    assert {h.quote.id for h in engine.search('"very good relationship"').hits} == {
        "trump-very-very-good-relationship"
    }
    assert "trump-trade-going-out-with-russia" in {
        h.quote.id for h in engine.search("fantastic*").hits
    }
    with_putin = {h.quote.id for h in engine.search("putin").hits}
    without = {h.quote.id for h in engine.search("putin -thrilled").hits}
    assert "trump-not-thrilled-with-putin" in with_putin - without
    either = {h.quote.id for h in engine.search("crazy OR insane").hits}
    assert either == {"trump-gone-absolutely-crazy", "trump-gone-definitely-insane"}


def test_profile_filter(engine: SearchEngine) -> None:
    everything = engine.search("putin", limit=500).hits
    putin_side = engine.search("putin", profile_id="putin-on-trump", limit=500).hits
    assert 0 < len(putin_side) < len(everything)


def test_orders(engine: SearchEngine) -> None:
    newest = [h.quote.date.start for h in engine.search("putin", order=Order.NEWEST).hits]
    assert newest == sorted(newest, reverse=True)
    oldest = [h.quote.date.start for h in engine.search("putin", order=Order.OLDEST).hits]
    assert oldest == sorted(oldest)


@pytest.mark.parametrize(
    "typed", ['"', "-putin", "OR", "*", "'; DROP TABLE quote; --", "NEAR(", "😀" * 50, "x" * 10_000]
)
def test_hostile_input_gives_a_message_not_an_exception(engine: SearchEngine, typed: str) -> None:
    result = engine.search(typed)
    assert result.hits or result.message
