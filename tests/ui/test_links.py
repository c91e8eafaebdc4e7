"""Web addresses in summaries and sources: shown as links, opened only on a click and
only when they are http(s), through the desktop (here a URL handler records them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from viewer.ui.links import linked, open_folder, open_web_link


class _Browser(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser(qapp: object) -> Iterator[_Browser]:
    browser = _Browser()
    for scheme in ("http", "https", "file", "javascript"):
        QDesktopServices.setUrlHandler(scheme, browser, "show")
    yield browser
    for scheme in ("http", "https", "file", "javascript"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_only_web_addresses_are_opened(browser: _Browser) -> None:
    assert open_web_link(QUrl("https://example.org/a?b=1&c=2"))
    assert not open_web_link(QUrl("file:///etc/passwd"))
    assert not open_web_link(QUrl("javascript:alert(1)"))
    assert browser.opened == ["https://example.org/a?b=1&c=2"]


def test_an_address_given_as_text_is_checked_the_same(browser: _Browser) -> None:
    """The profile header's summary links arrive as text."""
    assert open_web_link("http://example.org/b")
    assert not open_web_link("file:///etc/passwd")
    assert browser.opened == ["http://example.org/b"]


def test_a_folder_opens_as_a_local_file_address(browser: _Browser, tmp_path: Path) -> None:
    assert open_folder(tmp_path)
    assert browser.opened == [QUrl.fromLocalFile(str(tmp_path)).toString()]


def test_addresses_in_text_become_links_and_the_rest_stays_text() -> None:
    html = linked("See https://example.org/x?a=1&b=2. Not <b>bold</b>, not javascript:x()")
    assert "<a href='https://example.org/x?a=1&amp;b=2'>" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "href='javascript" not in html
    assert html.count("<a ") == 1
