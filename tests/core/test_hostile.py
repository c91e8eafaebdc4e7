"""Hostile input, tried by property: no input raises an unexpected exception or hangs,
and a refusal says where the problem is and changes nothing.

`HOSTILE_EXAMPLES` sets how many cases each property tries (a small number in the
suite; tests/benchmarks/bench_hostile.py runs 10,000 and reports the counts).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA_DIR
from viewer.core.annotations.interchange import (
    ImportRefusedError,
    merge,
    read_document,
    write_export,
)
from viewer.core.annotations.records import Annotation, UserEvent
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.build import build_catalog
from viewer.core.catalog.document import check
from viewer.core.catalog.read import Catalog
from viewer.core.catalog.sourcefiles import load_data_dir
from viewer.core.errors import DataError
from viewer.core.search.engine import SearchEngine

EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "25"))
HOSTILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Fragments that break TOML and our schema in the ways people and tools do.
NASTY = [
    "",
    '"',
    "'''",
    "[",
    "]]",
    "= ",
    "\x00",
    "{",
    "\n[[event]]\n",
    '\nid = "2018-07-16-helsinki-summit"\n',
    'date = "2018-13-45"',
    'date = "2019-02-30"',
    "id = 5",
    "quotes = 3",
    'kind = "party"',
    'source = "nowhere"',
    'speaker = "nobody"',
    "tone = []",
    "\ufeff",
    "é" * 50,
    "\n" * 3,
    "#",
]


# -- build-data ---------------------------------------------------------------------------

_SOURCES = sorted(p.relative_to(DATA_DIR) for p in DATA_DIR.rglob("*.toml"))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile-data")


@HOSTILE
@given(
    which=st.sampled_from(_SOURCES),
    at=st.floats(0, 1),
    cut=st.integers(0, 200),
    insert=st.sampled_from(NASTY) | st.text(max_size=40),
)
def test_broken_data_files_are_refused_naming_file_and_place(
    scratch: Path, which: Path, at: float, cut: int, insert: str
) -> None:
    root = scratch / "data"
    if not root.exists():
        shutil.copytree(DATA_DIR, root)
    target = root / which
    text = (DATA_DIR / which).read_text(encoding="utf-8")
    position = int(len(text) * at)
    target.write_text(text[:position] + insert + text[position + cut :], encoding="utf-8")
    out = scratch / "out.sqlite"
    out.unlink(missing_ok=True)
    try:
        build_catalog(check(load_data_dir(root)), out)
    except DataError as exc:
        assert exc.problems
        for problem in exc.problems:
            file = Path(problem.where.split(":")[0])
            assert (root.parent / file).is_file() or file.is_file(), problem  # names the file
            assert problem.record or problem.field or "line" in problem.message, problem
        assert not out.exists()  # nothing written
    else:
        Catalog(out).close()  # a harmless edit: the result is a readable catalog
    finally:
        target.write_text(text, encoding="utf-8")  # the next case starts from good data


# -- search ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(built_catalog: Path) -> Iterator[SearchEngine]:
    catalog = Catalog(built_catalog)
    engine = SearchEngine(catalog)
    yield engine
    engine.close()
    catalog.close()


operators = st.sampled_from(['"', "*", "-", " OR ", "(", ")", "NEAR", ":", "^", "AND", "+"])


@HOSTILE
@given(st.lists(operators | st.text(max_size=12), max_size=12).map("".join))
def test_any_search_text_gives_results_or_a_message(engine: SearchEngine, text: str) -> None:
    result = engine.search(text, limit=5)
    assert result.count or result.message is not None or result.hits == ()


def test_a_100k_character_query_is_answered(engine: SearchEngine) -> None:
    result = engine.search("putin meddling " * 7_000, limit=5)  # ~105,000 characters
    assert result.count or result.message


# -- annotation files -------------------------------------------------------------------


@pytest.fixture(scope="module")
def export_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("export")
    store = AnnotationStore(folder / "a.sqlite", folder / "backups")
    store.save(Annotation("2018-07-16-helsinki-summit", "read the transcript", ("essay",), True))
    store.save_user_event(UserEvent("mine-1", "My interview", "2019-03", "statement", "note"))
    write_export(store, folder / "export.json")
    store.close()
    return (folder / "export.json").read_text(encoding="utf-8")


@HOSTILE
@given(at=st.floats(0, 1), insert=st.sampled_from(NASTY) | st.text(max_size=20))
def test_truncated_or_scribbled_exports_change_nothing(
    tmp_path_factory: pytest.TempPathFactory, export_text: str, at: float, insert: str
) -> None:
    folder = tmp_path_factory.mktemp("import")
    store = AnnotationStore(folder / "a.sqlite", folder / "backups")
    store.save(Annotation("2019-06-osaka-g20-meeting", "mine, before the import"))
    before = (store.annotations(), store.user_events())
    position = int(len(export_text) * at)
    broken = folder / "broken.json"
    broken.write_text(export_text[:position] + insert, encoding="utf-8")
    try:
        annotations, events = read_document(broken)
    except ImportRefusedError as exc:
        assert str(broken) in str(exc)
        assert (store.annotations(), store.user_events()) == before
    else:
        merge(store, annotations, events, {"2018-07-16-helsinki-summit"})
    store.close()


@HOSTILE
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
        ),
        max_leaves=25,
    )
)
def test_any_json_at_all_is_refused_or_read(
    tmp_path_factory: pytest.TempPathFactory, value: object
) -> None:
    path = tmp_path_factory.mktemp("json") / "any.json"
    path.write_text(json.dumps(value, allow_nan=True), encoding="utf-8")
    try:
        read_document(path)
    except ImportRefusedError as exc:
        assert str(path) in str(exc)


# -- TimelineJS files -------------------------------------------------------------------


#: A file as people make them elsewhere: BCE years, formatting, links, media, eras.
ANTIQUITY = {
    "title": {"text": {"headline": "Rome",
                       "text": "<p>From <b>Romulus</b> to <i>Augustus</i></p>"}},
    "events": [
        {"start_date": {"year": -753, "month": 4, "day": 21, "display_date": "21 April 753 BC"},
         "text": {"headline": "Founding", "text": "<ul><li>by legend</li></ul>"},
         "media": {"url": "https://example.org/wolf.jpg", "caption": "The <b>wolf</b>"}},
        {"start_date": {"year": -44, "month": 3, "day": 15}, "group": "Criticism",
         "text": {"headline": "Ides", "text": "<a href='https://example.org/c'>read</a>"}},
        {"start_date": {"year": -27}, "end_date": {"year": 14},
         "text": {"headline": "Augustus", "text": "<script>x()</script><p>rules</p>"}},
    ],
    "eras": [{"start_date": {"year": -509}, "end_date": {"year": -27},
              "text": {"headline": "Republic"}}],
}  # fmt: skip


@pytest.fixture(scope="module")
def timelinejs_texts(built_catalog: Path) -> tuple[str, str]:
    """Our own export of a profile, and a file made elsewhere (ANTIQUITY)."""
    from viewer.core.interchange import timelinejs_export

    catalog = Catalog(built_catalog)
    try:
        ours = timelinejs_export.dumps(timelinejs_export.export_profile(catalog, "trump-on-putin"))
    finally:
        catalog.close()
    return ours, json.dumps(ANTIQUITY, indent=1)


@HOSTILE
@given(
    which=st.sampled_from([0, 1]),
    at=st.floats(0, 1),
    cut=st.integers(0, 50),
    insert=st.sampled_from(NASTY) | st.text(max_size=20),
)
def test_truncated_or_scribbled_timelinejs_is_read_or_refused_and_writes_nothing(
    tmp_path_factory: pytest.TempPathFactory,
    timelinejs_texts: tuple[str, str],
    which: int,
    at: float,
    cut: int,
    insert: str,
) -> None:
    from viewer.core.interchange.timelinejs import TimelineJSError
    from viewer.core.interchange.timelinejs_import import import_file

    timelinejs_text = timelinejs_texts[which]
    folder = tmp_path_factory.mktemp("tjs")
    position = int(len(timelinejs_text) * at)
    source = folder / "broken.json"
    source.write_text(timelinejs_text[:position] + insert + timelinejs_text[position + cut :])
    out = folder / "catalogs" / "broken.sqlite"
    out.parent.mkdir()
    try:
        import_file(source, out)
    except TimelineJSError as exc:
        assert str(source) in str(exc)
        assert not out.exists()  # refused: nothing written
    else:
        Catalog(out).close()


@HOSTILE
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["events", "eras", "title", "start_date", "end_date", "year", "month", "day",
                 "text", "headline", "group", "unique_id", "media", "timeline_viewer",
                 "edtf", "start", "end", "precision", "approximate", "url", "caption",
                 "credit", "display_date"]
            ),
            inner,
            max_size=5,
        ),
        max_leaves=30,
    )
)  # fmt: skip
def test_any_json_as_a_timelinejs_file_is_read_or_refused(value: object) -> None:
    from viewer.core.interchange import timelinejs

    try:
        timelinejs.parse(value, "random.json")
    except timelinejs.TimelineJSError as exc:
        assert "random.json" in str(exc)


# -- absurd JSON, crafted catalogs, markup that names files, arguments ------------------------

_JSON_PIECES = st.sampled_from(
    ['"\\ud800"', '"\\udfff x"', "NaN", "-Infinity", "1e999", '"\\u0000"', "true", "null",
     '"é"', "{}", "[]", '{"a": 1}']
)  # fmt: skip


@st.composite
def absurd_json(draw: st.DrawFn) -> str:
    depth = draw(st.integers(0, 300))
    digits = draw(st.integers(1, 6000))
    middle = draw(st.sampled_from([_JSON_PIECES, st.just("9" * digits)]).flatmap(lambda s: s))
    wrapper = draw(st.sampled_from([("[", "]"), ('{"x": ', "}")]))
    body = wrapper[0] * depth + middle + wrapper[1] * depth
    head = '{"format": "timeline-viewer-annotations", "version": 1, "annotations": ['
    return draw(st.sampled_from([body, head + body + "]}", '{"events": [' + body + "]}"]))


@HOSTILE
@given(text=absurd_json())
def test_absurd_json_is_read_or_refused_in_words(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    from viewer.core.interchange.timelinejs import TimelineJSError, parse
    from viewer.core.json_files import UnreadableJSONError, read_json

    path = tmp_path_factory.mktemp("absurd") / "x.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        document = read_json(path, max_bytes=10_000_000, what="files")
    except UnreadableJSONError as exc:
        assert str(path) in str(exc)
        return
    try:
        read_document(path)
    except ImportRefusedError as exc:
        assert str(path) in str(exc)
    try:
        parse(document, "x.json")
    except TimelineJSError as exc:
        assert "x.json" in str(exc)


_CRAFTS = st.sampled_from(
    [
        "CREATE VIEW v{n} AS SELECT 1",
        "CREATE TRIGGER t{n} AFTER INSERT ON meta BEGIN SELECT 1; END",
        "DROP TABLE {table}",
        "ALTER TABLE {table} RENAME TO {table}_x",
        "UPDATE timeline_cache SET data = randomblob({n})",
        "UPDATE timeline_cache SET data = zeroblob({n}) WHERE name = 'lane'",
        "UPDATE profile SET subject_id = 'nobody{n}'",
        "UPDATE event SET kind = 'party{n}'",
        "UPDATE event SET precision = 'eon'",
        "UPDATE event SET start = 'x{n}'",
        "UPDATE meta SET value = '{n}' WHERE key = 'schema_version'",
        "DELETE FROM entity",
        "UPDATE quote SET speaker_id = 'nobody'",
    ]
)
_TABLES = st.sampled_from(
    ["meta", "event", "profile", "quote", "entity", "source", "timeline_cache", "event_fts"]
)


@HOSTILE
@given(crafts=st.lists(st.tuples(_CRAFTS, _TABLES, st.integers(0, 5000)), max_size=3))
def test_a_crafted_catalog_opens_and_reads_or_is_refused_in_words(
    tmp_path_factory: pytest.TempPathFactory,
    built_catalog: Path,
    crafts: list[tuple[str, str, int]],
) -> None:
    import sqlite3

    from viewer.core.errors import CatalogError

    path = tmp_path_factory.mktemp("crafted") / "c.sqlite"
    shutil.copy(built_catalog, path)
    db = sqlite3.connect(path)
    for statement, table, n in crafts:
        with contextlib.suppress(sqlite3.Error):  # a craft that does not apply is skipped
            db.execute(statement.format(n=n, table=table))
    db.commit()
    db.close()
    try:
        catalog = Catalog(path)
    except CatalogError as exc:
        assert str(path) in str(exc)
        return
    try:  # what the window reads first: a damaged inside is refused in words (the session)
        for profile in catalog.profiles():
            catalog.profile_detail(profile.id)
            catalog.timeline(profile.id)
            catalog.stance(profile.id)
        for event in catalog.events()[:3]:
            catalog.event_detail(event.id)
    except (sqlite3.Error, KeyError, ValueError, TypeError, IndexError):
        pass  # caught by AppSession.open_catalog, which keeps the current window
    finally:
        catalog.close()


_MARKUP = st.sampled_from(
    ["<img src='/etc/passwd'>", "<table background='/dev/zero'><tr><td>x</td></tr></table>",
     "<td background=file:///etc/passwd>", "<p style=\"background:url('/tmp/x')\">",
     "<style>@import url('/tmp/x.css');</style>", "<link rel=stylesheet href='/tmp/x.css'>",
     "<a href='file:///etc/passwd'>x</a>", "<a href='https://example.org'>ok</a>",
     "<b>bold</b>", "<svg><image href='/tmp/x'/></svg>", "<iframe src='/tmp'>", "</", "<"]
)  # fmt: skip


@HOSTILE
@given(st.lists(_MARKUP | st.text(max_size=10), max_size=12).map("".join))
def test_cleaned_markup_names_no_file_or_resource(markup: str) -> None:
    """What is left can load nothing: no element that fetches, no attribute but a web
    link's address (text that merely reads like CSS stays harmless text)."""
    from html.parser import HTMLParser

    from viewer.core.rich_text import clean, is_web_address

    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Elements(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Elements().feed(clean(markup).html)
    for tag, attrs in found:
        assert tag not in ("img", "link", "style", "iframe", "svg", "image", "table", "td")
        for name, value in attrs:
            assert tag == "a" and name == "href" and is_web_address(value or ""), (tag, attrs)


@HOSTILE
@given(st.lists(st.text(max_size=20) | st.sampled_from(["\udcff", "\ud800x"]), max_size=4))
def test_any_command_line_argument_is_taken_or_refused_in_one_line(words: list[str]) -> None:
    import argparse

    from viewer.cli import undecodable_argument

    args = argparse.Namespace(
        query=" ".join(words), speaker=words[0] if words else None, kind=words
    )
    problem = undecodable_argument(args)
    bad = any(w.encode("utf-8", "surrogatepass").decode("utf-8", "ignore") != w for w in words)
    assert (problem is not None) == bad
    if problem is not None:
        assert "\n" not in problem and problem.encode("utf-8")


@pytest.fixture(scope="module")
def sheet_text(built_catalog: Path) -> str:
    from viewer.core.interchange import timelinejs_export
    from viewer.core.interchange.timelinejs_formats import sheet_rows

    catalog = Catalog(built_catalog)
    try:
        return sheet_rows(timelinejs_export.export_profile(catalog, "trump-on-putin"))
    finally:
        catalog.close()


@HOSTILE
@given(
    at=st.floats(0, 1),
    cut=st.integers(0, 80),
    insert=st.sampled_from([*NASTY, ",", '"', "\n", "13", "-", "x,y,z\n"]) | st.text(max_size=20),
)
def test_a_scribbled_or_cut_sheet_is_read_or_refused_in_words(
    tmp_path_factory: pytest.TempPathFactory, sheet_text: str, at: float, cut: int, insert: str
) -> None:
    from viewer.core.interchange.timelinejs import TimelineJSError, read

    path = tmp_path_factory.mktemp("sheet") / "broken.csv"
    position = int(len(sheet_text) * at)
    path.write_text(
        sheet_text[:position] + insert + sheet_text[position + cut :],
        encoding="utf-8",
        errors="surrogatepass",
    )
    try:
        read(path)
    except TimelineJSError as exc:
        assert str(path) in str(exc)
