"""Quote search through the engine the app and the CLI share."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.catalog.read import Catalog
from viewer.core.dates.days import Day
from viewer.core.search.engine import Order, SearchEngine
from viewer.core.search.filters import Filters


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
    assert result.count or result.message


def test_event_titles_and_places_are_searched(engine: SearchEngine) -> None:
    result = engine.search("helsinki")
    assert "2018-07-16-helsinki-summit" in [h.event.id for h in result.events]
    summit = next(h for h in result.events if h.event.id == "2018-07-16-helsinki-summit")
    start, end = summit.spans[0]
    assert summit.event.title[start:end] == "Helsinki"


def test_misspelt_words_are_caught_by_the_fuzzy_fallback(engine: SearchEngine) -> None:
    result = engine.search("Helsinky summit")
    assert "helsinki" in result.substitutes["helsinky"]
    assert result.fuzzy or result.events
    zelenski = engine.search("zelenski")
    assert "zelenskyy" in zelenski.substitutes["zelenski"]
    assert "2025-oval-office-clash-with-zelenskyy" in {h.event.id for h in zelenski.events}


@pytest.mark.parametrize("typed", ["Zelenskiy", "zelensky", "ZELÉNSKYY"])
def test_spellings_and_accents_of_a_name(engine: SearchEngine, typed: str) -> None:
    result = engine.search(typed)
    assert "2025-oval-office-clash-with-zelenskyy" in {h.event.id for h in result.events}


def test_accents_do_not_matter(engine: SearchEngine) -> None:
    assert engine.search("crázy").hits == engine.search("crazy").hits


def test_a_paraphrase_is_found_from_the_original_words(engine: SearchEngine) -> None:
    result = engine.search('"gone absolutely crazy"')
    assert [h.quote.id for h in result.hits] == ["trump-gone-absolutely-crazy"]
    others = {h.quote.id for h in (*result.fuzzy, *result.variants)}
    assert "trump-gone-definitely-insane" in others


def test_no_fuzzy_when_the_exact_search_finds_enough(engine: SearchEngine) -> None:
    result = engine.search("putin")
    assert len(result.hits) >= 3
    assert result.fuzzy == () and result.substitutes == {}


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        (Filters(speaker_id="vladimir-putin"), lambda h: h.quote.speaker.id == "vladimir-putin"),
        (
            Filters(reliability="paraphrased"),
            lambda h: h.quote.source.reliability.value == "paraphrased",
        ),
        (Filters(start=Day(2025, 1, 1).toordinal()), lambda h: h.quote.date.end >= Day(2025, 1, 1)),
        (
            Filters(end=Day(2018, 12, 31).toordinal()),
            lambda h: h.quote.date.start <= Day(2018, 12, 31),
        ),
    ],
)
def test_filters_narrow_the_hits(engine: SearchEngine, filters: Filters, check: object) -> None:
    everything = engine.search("putin OR trump OR russia", limit=500).hits
    narrowed = engine.search("putin OR trump OR russia", filters=filters, limit=500).hits
    assert 0 < len(narrowed) < len(everything)
    assert all(check(h) for h in narrowed)  # type: ignore[operator]


def test_kind_filter_applies_to_quotes_and_events(engine: SearchEngine) -> None:
    words = "putin OR trump OR russia OR great"
    everything = engine.search(words, limit=500)
    result = engine.search(words, filters=Filters(kinds=frozenset({"meeting"})), limit=500)
    assert 0 < len(result.hits) < len(everything.hits)
    assert result.events
    assert all(h.event.kind.value == "meeting" for h in result.events)


def test_interrupt_from_another_thread_cancels(engine: SearchEngine) -> None:
    engine.interrupt()  # nothing running: the next search is unaffected
    assert engine.search("putin").hits


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200))
def test_no_typed_text_raises(engine: SearchEngine, typed: str) -> None:
    result = engine.search(typed, limit=5)
    assert result.count or result.message


def test_event_id_filter_limits_quotes_and_events(engine: SearchEngine) -> None:
    only = frozenset({"2019-06-osaka-g20-meeting"})
    result = engine.search("putin OR meddle OR trump", filters=Filters(event_ids=only), limit=500)
    assert result.hits
    assert {h.quote.event_id for h in result.hits} == set(only)
    assert {h.event.id for h in result.events} <= only
    nothing = engine.search("putin", filters=Filters(event_ids=frozenset()))
    assert nothing.hits == () and nothing.events == ()


def test_the_users_notes_are_searched_with_the_same_query(
    engine: SearchEngine, tmp_path: Path
) -> None:
    from viewer.core.annotations.records import Annotation
    from viewer.core.annotations.store import AnnotationStore

    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    store.save(Annotation("2018-07-16-helsinki-summit", "Élysée cable"))
    store.save(Annotation("2019-06-osaka-g20-meeting", "nothing to see"))
    notes = store.path
    result = engine.search("elysee", notes_db=notes)
    assert [n.event.title for n in result.notes] == ["Helsinki summit"]
    assert result.notes[0].hit.spans == ((0, 6),)
    scoped = engine.search("elysee", notes_db=notes, filters=Filters(event_ids=frozenset({"x"})))
    assert scoped.notes == ()
    store.save(Annotation("2018-07-16-helsinki-summit", "changed wording"))  # seen at once
    assert engine.search("elysee", notes_db=notes).notes == ()
    assert [n.event.title for n in engine.search("wording", notes_db=notes).notes] == [
        "Helsinki summit"
    ]
    store.close()
