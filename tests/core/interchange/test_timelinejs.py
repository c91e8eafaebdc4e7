"""TimelineJS: a profile written out and read back the same; real-world and broken files."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.catalog.read import Catalog
from viewer.core.dates.fuzzy import Precision
from viewer.core.interchange import timelinejs, timelinejs_export
from viewer.core.interchange.timelinejs import TimelineJSError


def test_a_profile_round_trips_with_its_dates_and_precision(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "trump.json"
    path.write_text(
        timelinejs_export.dumps(timelinejs_export.export_profile(catalog, "trump-on-putin"))
    )
    timeline = timelinejs.read(path)
    events = catalog.events("trump-on-putin")
    assert timeline.title == "Donald Trump on Vladimir Putin"
    assert [s.id for s in timeline.slides] == [e.id for e in events]
    for slide, event in zip(timeline.slides, events, strict=True):
        assert slide.date == event.date
        assert slide.headline == event.title
        assert slide.kind == event.kind.value
    assert len(timeline.eras) == len(catalog.eras())


def test_without_our_extra_fields_precision_comes_from_the_fields_present(
    catalog: Catalog,
) -> None:
    document = timelinejs_export.export_profile(catalog, "trump-on-putin")
    for slide in document["events"]:
        del slide["timeline_viewer"]  # as TimelineJS itself would save it
    timeline = timelinejs.parse(document, "plain")
    by_id = {e.id: e for e in catalog.events("trump-on-putin")}
    for slide in timeline.slides:
        original = by_id[slide.id].date
        if original.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR):
            assert slide.date.precision is original.precision
            assert (slide.date.start, slide.date.end) == (original.start, original.end)


def _slide(start: dict[str, object], **more: object) -> dict[str, object]:
    return {"start_date": start, "text": {"headline": "H", "text": "T"}, **more}


def test_a_hand_made_timeline_is_read_safely() -> None:
    long_text = "<p>" + "word " * 5000 + "</p>"
    document = {
        "title": {"text": {"headline": "<b>My</b> timeline"}},
        "events": [
            _slide({"year": 1999}),
            _slide({"year": "2001", "month": "9"}, group="Attacks"),
            _slide({"year": 2018, "month": 7, "day": 16}, unique_id="Helsinki Summit!"),
            _slide({"year": 2020, "month": 3}, end_date={"year": 2021, "month": 2}),
            {
                "start_date": {"year": 2022},
                "text": {
                    "headline": "Links <script>alert(1)</script>",
                    "text": "<a href='https://example.org'>site</a> "
                    "<a href='javascript:evil()'>bad</a> <img src='http://x/y.png'>" + long_text,
                },
            },
            {"start_date": {"year": 2023}, "media": {"url": "http://x"}},
        ],
        "eras": [{"start_date": {"year": 2017}, "end_date": {"year": 2021}, "text": {}}],
        "scale": "human",
    }
    timeline = timelinejs.parse(document, "hand.json")
    first, second, third, span, links, bare = timeline.slides
    assert timeline.title == "My timeline"
    assert first.date.precision is Precision.YEAR and first.id == "slide-1"
    assert second.date.precision is Precision.MONTH and second.group == "Attacks"
    assert third.date.precision is Precision.DAY and third.id == "helsinki-summit"
    assert span.date.precision is Precision.INTERVAL
    assert str(span.date.end) == "2021-02-28"
    assert "alert" not in links.headline and "<" not in links.text
    assert "site (https://example.org)" in links.text and "javascript" not in links.text
    assert bare.headline == "(untitled)"
    assert timeline.eras[0][1].precision is Precision.INTERVAL


BROKEN = [
    ([], "is an object"),
    ({"events": 3}, '"events" must be a list'),
    ({"events": [{"text": {}}]}, "events[0].start_date: missing"),
    ({"events": [_slide({"month": 3})]}, "events[0].start_date.year: missing"),
    ({"events": [_slide({"year": "soon"})]}, "not a whole number"),
    ({"events": [_slide({"year": 2019, "month": 2, "day": 30})]}, "is not a date"),
    ({"events": [_slide({"year": -30_000_000_000})]}, "outside the years"),
    ({"events": [_slide({"year": 2020}, end_date={"year": 2019})]}, "before start_date"),
    ({"events": [_slide({"year": 2020}, unique_id="a"), _slide({"year": 2021}, unique_id="a")]},
     "used twice"),
    ({"events": [_slide({"year": 2020}, text={"headline": 5})]}, "headline: must be text"),
]  # fmt: skip


@pytest.mark.parametrize(("document", "says"), BROKEN)
def test_a_broken_timeline_is_refused_saying_where(document: object, says: str) -> None:
    with pytest.raises(TimelineJSError) as refused:
        timelinejs.parse(document, "broken.json")
    assert says in str(refused.value)


def test_files_that_are_not_json_or_too_big_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"events": [')
    with pytest.raises(TimelineJSError, match="not valid JSON"):
        timelinejs.read(bad)
    bad.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(TimelineJSError, match="not UTF-8"):
        timelinejs.read(bad)
    huge = tmp_path / "huge.json"
    with huge.open("wb") as out:
        out.truncate(timelinejs.MAX_FILE_BYTES + 1)
    with pytest.raises(TimelineJSError, match="over 50 MB"):
        timelinejs.read(huge)


def test_thousands_of_slides_are_read(tmp_path: Path) -> None:
    document = {
        "events": [_slide({"year": 1900 + i % 120, "month": i % 12 + 1}) for i in range(5000)]
    }
    path = tmp_path / "many.json"
    path.write_text(json.dumps(document))
    assert len(timelinejs.read(path).slides) == 5000


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["events", "start_date", "end_date", "year", "month", "day", "text",
                 "headline", "unique_id", "group", "eras", "title", "timeline_viewer"]
            ),
            inner,
            max_size=5,
        ),
        max_leaves=30,
    )
)  # fmt: skip
def test_any_json_is_read_or_refused_never_crashes(document: object) -> None:
    with contextlib.suppress(TimelineJSError):
        timelinejs.parse(document, "random.json")


ROME = {
    "title": {"text": {"headline": "Rome", "text": "From the founding to Augustus"}},
    "events": [
        _slide({"year": -44, "month": 3, "day": 15}, unique_id="ides"),
        _slide({"year": -753}, unique_id="founding"),
        _slide({"year": -27}, end_date={"year": 14}, unique_id="augustus"),
        _slide({"year": 79, "month": 10}, unique_id="vesuvius"),
    ],
    "eras": [
        {"start_date": {"year": -509}, "end_date": {"year": -27}, "text": {"headline": "Republic"}}
    ],
}


def test_bce_years_read_as_timelinejs_shows_them_and_go_back_the_same(tmp_path: Path) -> None:
    """TimelineJS shows year -44 as "44 BCE"; so do we, and we write it back as -44."""
    from viewer.core.interchange.timelinejs_import import PROFILE_ID, import_file

    timeline = timelinejs.parse(ROME, "rome.json")
    ides, founding, augustus, vesuvius = timeline.slides
    assert ides.date.label() == "15 Mar 44 BCE" and ides.date.edtf == "-0043-03-15"
    assert founding.date.label() == "753 BCE" and founding.date.precision is Precision.YEAR
    assert augustus.date.label() == "27 BCE–14 CE"
    assert vesuvius.date.label() == "Oct 79"
    assert timeline.eras[0][1].label() == "509 BCE–27 BCE"

    source = tmp_path / "rome.json"
    source.write_text(json.dumps(ROME))
    out, count = import_file(source, tmp_path / "rome.sqlite")
    assert count == 4
    with Catalog(out) as catalog:
        events = catalog.events(PROFILE_ID)
        assert [e.id for e in events] == ["founding", "ides", "augustus", "vesuvius"]
        data = catalog.timeline(PROFILE_ID)
        assert list(data.ids) == [e.id for e in events]  # sorted by day, BCE first
        assert data.date_of(1).label() == "15 Mar 44 BCE"
        # The profile is headed by the timeline's own title, and exported under it.
        assert catalog.profile_detail(PROFILE_ID).profile.title == "Rome"
        exported = timelinejs_export.export_profile(catalog, PROFILE_ID)
    assert exported["title"]["text"]["headline"] == "Rome"
    written = [(e["start_date"], e.get("end_date")) for e in exported["events"]]
    assert written == [
        ({"year": -753}, None),
        ({"year": -44, "month": 3, "day": 15}, None),
        # A span is written from its first day to its last (TimelineJS reads {year: 14}
        # as 1 Jan 14 and would draw it a year short).
        ({"year": -27, "month": 1, "day": 1}, {"year": 14, "month": 12, "day": 31}),
        ({"year": 79, "month": 10}, None),
    ]
    for slide in exported["events"]:
        del slide["timeline_viewer"]
    again = timelinejs.parse(exported, "again")
    assert [s.date for s in again.slides] == [
        founding.date,
        ides.date,
        augustus.date,
        vesuvius.date,
    ]


def test_an_imported_catalog_keeps_its_formatting_through_a_json_backup(tmp_path: Path) -> None:
    from tests.core.interchange.test_catalog_json import rebuilt_from_backup
    from viewer.core.interchange.catalog_json import export_document
    from viewer.core.interchange.timelinejs_import import PROFILE_ID, import_file

    rich = dict(ROME, events=[*ROME["events"]])  # type: ignore[list-item]
    rich["events"][0] = _slide({"year": -44, "month": 3, "day": 15}, unique_id="ides")
    rich["events"][0]["text"] = {"headline": "Ides", "text": "<p>The <b>Theatre</b></p>"}
    source = tmp_path / "rome.json"
    source.write_text(json.dumps(rich))
    out, _ = import_file(source, tmp_path / "rome.sqlite")
    with Catalog(out) as catalog:
        assert catalog.event_detail("ides").summary_html == "<p>The <b>Theatre</b></p>"
        assert catalog.event_detail("ides").summary == "The Theatre"
        profile = catalog.profile_detail(PROFILE_ID).profile
        assert profile.summary_html is None  # no formatting: plain text says it all
        assert profile.summary == "From the founding to Augustus"
        exported = export_document(catalog)
        tjs = timelinejs_export.export_profile(catalog, PROFILE_ID)
    assert tjs["events"][1]["text"]["text"] == "<p>The <b>Theatre</b></p>"
    with Catalog(rebuilt_from_backup(exported, tmp_path)) as catalog:
        assert export_document(catalog) == exported


def test_media_becomes_a_link_and_a_written_date_is_kept_as_a_note(tmp_path: Path) -> None:
    from viewer.core.interchange.timelinejs_import import import_file

    document = {
        "events": [
            _slide(
                {"year": 1969, "month": 7, "day": 20, "display_date": "Sunday, 20 July 1969"},
                unique_id="moon",
                media={
                    "url": "https://example.org/landing.jpg",
                    "caption": "The <b>landing</b>",
                    "credit": "NASA",
                },
            ),
            _slide({"year": 1970}, media={"url": "<blockquote>an embed</blockquote>"}),
            _slide({"year": 1971}, media="not an object", display_date="1971"),
        ]
    }
    moon, embed, plain = timelinejs.parse(document, "media.json").slides
    assert moon.html is not None
    assert '<a href="https://example.org/landing.jpg">The landing — NASA</a>' in moon.html
    assert moon.text.endswith("Media: The landing — NASA (https://example.org/landing.jpg)")
    assert moon.display_date == "Sunday, 20 July 1969"
    assert embed.html is None and "embed" not in embed.text
    assert plain.display_date is None  # the same as the date we show: nothing to add
    source = tmp_path / "media.json"
    source.write_text(json.dumps(document))
    out, _ = import_file(source, tmp_path / "media.sqlite")
    with Catalog(out) as catalog:
        detail = catalog.event_detail("moon")
    assert detail.date_note == "The file gives the date as “Sunday, 20 July 1969”."
    assert detail.summary_html is not None and "landing.jpg" in detail.summary_html


def test_an_import_stopped_at_any_step_writes_nothing(tmp_path: Path) -> None:
    from viewer.core.errors import StoppedError
    from viewer.core.interchange.timelinejs_import import import_file

    source = tmp_path / "many.json"
    slides = [_slide({"year": 1900 + n % 100}, unique_id=f"s{n}") for n in range(2500)]
    source.write_text(json.dumps({"events": slides}))
    out = tmp_path / "catalogs" / "many.sqlite"
    out.parent.mkdir()
    asked = 0
    for stop_at in range(1, 40):
        asked = 0

        def should_stop(at: int = stop_at) -> bool:
            nonlocal asked
            asked += 1
            return asked >= at

        try:
            import_file(source, out, should_stop)
        except StoppedError:
            assert not out.exists()
            assert not any(p.name.endswith(".tmp") for p in out.parent.glob("*"))
        else:
            break  # past the last question: the import finished
    assert asked < stop_at  # it was asked fewer times than this: every step was tried
    with Catalog(out) as catalog:
        assert len(catalog.events()) == 2500


COSMOS = {
    "scale": "cosmological",
    "title": {"text": {"headline": "Cosmos"}},
    "events": [
        _slide({"year": "-13800000000"}, unique_id="big-bang"),
        {
            "start_date": {"year": -538_800_000},
            "end_date": {"year": -251_902_000},
            "text": {"headline": "Paleozoic"},
            "unique_id": "paleozoic",
        },
        _slide({"year": -3500}, unique_id="wheel"),
    ],
}


def test_a_cosmological_timeline_opens_and_goes_back_on_its_scale(tmp_path: Path) -> None:
    """TimelineJS's own cosmological example (the Big Bang, 13.8 billion years ago) is
    read, drawn from the build-time cache (days beyond 32 bits), and written back on the
    cosmological scale in whole years."""
    import sqlite3

    from viewer.core.interchange.timelinejs_import import PROFILE_ID, import_file
    from viewer.core.timeline.columns import query_columns, read_stored_columns

    source = tmp_path / "cosmos.json"
    source.write_text(json.dumps(COSMOS))
    out, count = import_file(source, tmp_path / "cosmos.sqlite")
    assert count == 3
    with contextlib.closing(sqlite3.connect(f"file:{out}?mode=ro", uri=True)) as db:
        cached, queried = read_stored_columns(db, PROFILE_ID), query_columns(db, PROFILE_ID)
    assert cached is not None and cached.start.dtype.itemsize == 8
    assert list(cached.start) == list(queried.start) and list(cached.end) == list(queried.end)
    with Catalog(out) as catalog:
        data = catalog.timeline(PROFILE_ID)
        assert [data.date_of(i).label() for i in range(3)] == [
            "13.8 billion years ago",
            "538.8 million years ago–251.902 million years ago",
            "3500 BCE",
        ]
        exported = timelinejs_export.export_profile(catalog, PROFILE_ID)
    assert exported["scale"] == "cosmological"
    assert [(e["start_date"], e.get("end_date")) for e in exported["events"]] == [
        ({"year": -13_800_000_000}, None),
        ({"year": -538_800_000}, {"year": -251_902_000}),
        ({"year": -3500}, None),
    ]
    for slide in exported["events"]:
        del slide["timeline_viewer"]
    again = timelinejs.parse(exported, "again")
    assert [s.date for s in again.slides] == [s.date for s in timelinejs.parse(COSMOS, "").slides]


def test_a_human_scale_timeline_is_not_exported_as_cosmological(tmp_path: Path) -> None:
    from viewer.core.interchange.timelinejs_import import PROFILE_ID, import_file

    source = tmp_path / "rome.json"
    source.write_text(json.dumps(ROME))
    out, _ = import_file(source, tmp_path / "rome.sqlite")
    with Catalog(out) as catalog:
        assert "scale" not in timelinejs_export.export_profile(catalog, PROFILE_ID)


def test_a_files_groups_become_its_lanes_in_order_and_go_back_out(tmp_path: Path) -> None:
    from viewer.core.interchange.timelinejs_import import PROFILE_ID, UNGROUPED, import_file

    document = {
        "title": {"text": {"headline": "Space race"}},
        "events": [
            {**_slide({"year": 1957, "month": 10, "day": 4}), "group": "Soviet Union"},
            {**_slide({"year": 1958, "month": 1, "day": 31}), "group": "United States"},
            {**_slide({"year": 1961, "month": 4, "day": 12}), "group": "Soviet Union"},
            _slide({"year": 1969, "month": 7, "day": 20}),  # no group
            {**_slide({"year": 1975, "month": 7}), "group": "soviet union!"},  # alike, not same
        ],
    }
    source = tmp_path / "space.json"
    source.write_text(json.dumps(document))
    out, _ = import_file(source, tmp_path / "space.sqlite")
    with Catalog(out) as catalog:
        titles = [lane.label for lane in catalog.lanes]
        assert titles == ["Soviet Union", "United States", UNGROUPED, "soviet union!"]
        assert len({lane.key for lane in catalog.lanes}) == 4
        data = catalog.timeline(PROFILE_ID)
        assert [titles[n] for n in data.lane.tolist()] == [
            "Soviet Union", "United States", "Soviet Union", UNGROUPED, "soviet union!",
        ]  # fmt: skip
        exported = timelinejs_export.export_profile(catalog, PROFILE_ID)
    groups = [slide["group"] for slide in exported["events"]]
    assert groups == ["Soviet Union", "United States", "Soviet Union", UNGROUPED, "soviet union!"]
