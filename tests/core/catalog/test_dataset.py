"""The first dataset: what the seed documents hold, quoted word for word."""

from pathlib import Path

import pytest

from tests.conftest import DATA_DIR, SEEDS_DIR
from viewer.core.catalog.document import check
from viewer.core.catalog.read import Catalog
from viewer.core.catalog.source_checks import (
    SourceCheckReport,
    check_against_sources,
    read_source_texts,
)
from viewer.core.catalog.sourcefiles import load_data_dir
from viewer.core.dates.fuzzy import Precision

NO_SEEDS = "../shared/seeds (the source texts) is not beside the checkout: CI has it"


@pytest.fixture(scope="module")
def report() -> SourceCheckReport:
    if not SEEDS_DIR.is_dir():
        pytest.skip(NO_SEEDS)
    document = check(load_data_dir(DATA_DIR))
    return check_against_sources(document, read_source_texts(document, SEEDS_DIR))


def test_every_source_has_its_text_held_and_checked(report: SourceCheckReport) -> None:
    assert report.unchecked_sources == ()
    assert report.quotes >= 60 and report.dates >= 100 and report.texts >= 200


def test_every_quote_is_word_for_word_in_its_source(report: SourceCheckReport) -> None:
    assert [p for p in report.problems if p.field == "text"] == []


def test_no_text_of_ours_copies_source_prose(report: SourceCheckReport) -> None:
    """Summaries, titles, notes and descriptions share no run of 8 words with a source."""
    assert [p for p in report.problems if "copies" in p.message] == []


def test_nothing_is_dated_more_precisely_than_its_sources(report: SourceCheckReport) -> None:
    assert [p for p in report.problems if p.field == "date"] == []


def test_the_span_from_2015_to_anchorage(catalog: Catalog) -> None:
    events = {e.id: e for e in catalog.events()}
    assert events["2015-12-putin-praises-trump"].date.label() == "Dec 2015"
    anchorage = events["2025-08-15-anchorage-summit"]
    assert anchorage.date.precision is Precision.DAY
    assert anchorage.date.label() == "15 Aug 2025"
    assert {
        "2014-crimea-annexation",
        "2022-02-full-scale-invasion",
        "2022-2024-wagner-mutiny",
        "2017-11-10-da-nang-apec-handshake",
        "2018-11-buenos-aires-g20-meeting-cancelled",
        "2025-02-12-trump-putin-call",
        "2025-03-trump-putin-call",
        "2025-05-trump-putin-call",
        "2025-06-trump-putin-call",
    } <= set(events)
    assert events["2018-11-buenos-aires-g20-meeting-cancelled"].status == "cancelled"


def test_undated_profile_items_are_not_given_a_day(catalog: Catalog) -> None:
    wagner = catalog.event_detail("2022-2024-wagner-mutiny")
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
    assert counts["event"] >= 49
    assert counts["quote"] >= 60


def test_planned_meetings_called_off_are_cancelled_and_encounters_held(catalog: Catalog) -> None:
    events = {e.id: e for e in catalog.events()}
    cancelled = {i for i, e in events.items() if e.status == "cancelled"}
    assert cancelled == {
        "2017-11-da-nang-meeting-cancelled",
        "2018-11-paris-meeting-cancelled",
        "2018-11-buenos-aires-g20-meeting-cancelled",
    }
    assert events["2017-11-10-da-nang-apec-handshake"].status == "informal"
    assert events["2018-11-paris-armistice-handshake"].status == "informal"
    assert events["2018-autumn-putin-washington-visit-not-held"].status == "not-held"


def test_a_rating_no_source_gives_is_marked_as_the_editors(catalog: Catalog) -> None:
    putin = catalog.profile_detail("putin-on-trump").profile
    assert putin.rated_by_editors and putin.rating_note
    assert putin.rating_note.startswith("Editors' assessment")
    assert "repeated invitations" not in putin.summary
    trump = catalog.profile_detail("trump-on-putin").profile
    assert not trump.rated_by_editors
    assert trump.rating_source_id == "stance-profile-trump-on-putin"


def test_the_moscow_invitation_is_dated_when_it_was_made(catalog: Catalog) -> None:
    (invitation,) = [
        a for a in catalog.profile_detail("putin-on-trump").actions if a.category == "Invitation"
    ]
    assert invitation.date is not None and invitation.date.label() == "Jun 2019"
    assert invitation.event_id == "2019-06-osaka-g20-meeting"
    assert invitation.date_note


def test_the_undated_profile_item_on_peace_is_not_pinned_to_a_call(catalog: Catalog) -> None:
    may = catalog.event_detail("2025-05-trump-putin-call")
    assert [s.id for s in may.sources] == ["fox-news-history-2025-08-15"]
    peace = catalog.event_detail("2025-trump-putin-talk-of-lasting-peace")
    assert peace.event.date.precision is Precision.YEAR and peace.date_note


def test_words_not_about_the_target_do_not_count_toward_the_stance(catalog: Catalog) -> None:
    points = catalog.stance("putin-on-trump")
    assert all(p.event_id != "2014-putin-why-would-you-need-alaska" for p in points)
