"""The first dataset: what the seed documents hold, quoted word for word."""

from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR
from viewer.core.catalog import Catalog
from viewer.core.dates import Precision
from viewer.core.export import export_document

#: Which seed document each source is.
SEED_OF_SOURCE = {
    "spun-anchorage-preview": "000_6571bf0c053369d8.txt",
    "edgerton-halpin-encounters": "001_d8e2f6f620e095ef.txt",
    "stance-profile-trump-on-putin": "002_c83a3b0207b24ba0.txt",
    "fox-news-history-2025-08-15": "003_0c16e0dd8965ff82.txt",
}


def _quotes(catalog: Catalog) -> list[dict[str, str]]:
    return [q for e in export_document(catalog)["events"] for q in e["quotes"]]


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_every_quote_is_word_for_word_in_its_source(catalog: Catalog) -> None:
    texts = {
        sid: (SEEDS_DIR / name).read_text(encoding="utf-8") for sid, name in SEED_OF_SOURCE.items()
    }
    missing = [q["id"] for q in _quotes(catalog) if q["text"] not in texts[q["source"]]]
    assert missing == []


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_no_summary_copies_source_prose(catalog: Catalog) -> None:
    """Summaries are ours: no run of 8 words from a seed document appears in one."""
    seeds = " ".join(
        " ".join((SEEDS_DIR / n).read_text(encoding="utf-8").lower().split())
        for n in SEED_OF_SOURCE.values()
    )
    document = export_document(catalog)
    texts = [e["summary"] for e in document["events"]]
    texts += [p["summary"] for p in document["profiles"]]
    texts += [p["context"] for p in document["profiles"]]
    copied = []
    for text in texts:
        words = text.lower().split()
        for i in range(len(words) - 7):
            run = " ".join(words[i : i + 8])
            if run in seeds:
                copied.append(run)
    assert copied == []


def test_the_span_from_2015_to_anchorage(catalog: Catalog) -> None:
    events = {e.id: e for e in catalog.events()}
    assert events["2015-12-putin-praises-trump"].date.label() == "Dec 2015"
    anchorage = events["2025-08-15-anchorage-summit"]
    assert anchorage.date.precision is Precision.DAY
    assert anchorage.date.label() == "15 Aug 2025"
    assert {
        "2014-crimea-annexation",
        "2022-02-full-scale-invasion",
        "2023-wagner-mutiny",
        "2017-11-10-da-nang-apec-handshake",
        "2018-11-buenos-aires-g20-meeting-cancelled",
        "2025-02-12-trump-putin-call",
        "2025-03-trump-putin-call",
        "2025-05-trump-putin-call",
        "2025-06-trump-putin-call",
    } <= set(events)
    assert events["2018-11-buenos-aires-g20-meeting-cancelled"].status == "cancelled"


def test_undated_profile_items_are_not_given_a_day(catalog: Catalog) -> None:
    wagner = catalog.event_detail("2023-wagner-mutiny")
    assert wagner.event.date.precision is not Precision.DAY
    assert wagner.date_note


def test_paraphrased_quotes_are_linked_to_the_original(catalog: Catalog) -> None:
    detail = catalog.event_detail("2025-05-trump-putin-gone-crazy")
    by_id = {q.id: q for q in detail.quotes}
    spun = by_id["trump-gone-definitely-insane"]
    assert spun.source.is_paraphrased
    assert spun.variant_of == "trump-gone-absolutely-crazy"
    assert not by_id["trump-gone-absolutely-crazy"].source.is_paraphrased


def test_two_profiles(catalog: Catalog) -> None:
    detail = catalog.profile_detail("trump-on-putin")
    assert detail.profile.title == "Donald Trump on Vladimir Putin"
    assert (detail.profile.stance, detail.profile.strength, detail.profile.flip) == (
        "Mixed",
        "strong",
        True,
    )
    assert detail.profile.subject.kind_label == "Politician · person"
    assert [a.category for a in detail.actions] == [
        "Foreign Policy Sanctions",
        "Treaty Withdrawal",
        "Bilateral Summit",
        "Diplomacy/Negotiation",
    ]
    assert [c.critic_entity_id for c in detail.criticism] == [
        "european-allies-and-us-lawmakers",
        "critics",
        "volodymyr-zelenskyy",
    ]
    other = catalog.profile_detail("putin-on-trump")
    assert other.profile.title == "Vladimir Putin on Donald Trump"


def test_sources_carry_what_is_known(catalog: Catalog) -> None:
    sources = catalog.sources
    assert sources["edgerton-halpin-encounters"].authors == ("Anna Edgerton", "Anthony Halpin")
    assert sources["fox-news-history-2025-08-15"].publisher == "Fox News"
    assert sources["spun-anchorage-preview"].is_paraphrased
    assert len(sources) == 4


def test_counts(built_catalog: Path) -> None:
    with Catalog(built_catalog) as catalog:
        counts = catalog.counts()
    assert counts["profile"] == 2
    assert counts["source"] == 4
    assert counts["event"] >= 40
    assert counts["quote"] >= 55
