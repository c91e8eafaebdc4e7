"""The About box says the version, the licence, every source with its reliability, and
where the user's notes are kept."""

from __future__ import annotations

from pathlib import Path

from viewer import __version__
from viewer.core.catalog.read import Catalog
from viewer.ui.about import LISTED_SOURCES, about_html


def test_about_names_licence_sources_and_the_notes_folder(catalog: Catalog, tmp_path: Path) -> None:
    sources = list(catalog.sources.values())
    text = about_html(__version__, "catalog.sqlite", sources, tmp_path)
    assert f"Timeline Viewer {__version__}" in text and "MIT" in text and "LGPL-3" in text
    assert f"from {len(sources)} sources" in text
    for source in sources[:LISTED_SOURCES]:
        assert source.title.replace("'", "&#x27;") in text
    paraphrased = sum(s.is_paraphrased for s in sources[:LISTED_SOURCES])
    assert paraphrased >= 1 and text.count("⚠ paraphrased") == paraphrased
    assert str(tmp_path) in text


def test_a_catalog_with_many_sources_lists_some_and_counts_the_rest(catalog: Catalog) -> None:
    many = list(catalog.sources.values()) * 10
    text = about_html("1", "big", many, None)
    assert f"and {len(many) - LISTED_SOURCES} more" in text and "Your notes" not in text
