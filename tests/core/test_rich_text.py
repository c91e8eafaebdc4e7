"""Imported HTML becomes safe rich text: formatting kept, anything active or remote gone."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.rich_text import clean

_ALLOWED_TAG = re.compile(
    r"</?(p|br|b|strong|i|em|u|s|del|ul|ol|li|blockquote|code|pre|sub|sup|hr|div|h4)>"
    r'|<a href="https?://[^"<>]*">|</a>',
    re.IGNORECASE,
)


def test_formatting_and_web_links_are_kept() -> None:
    rich = clean(
        "<p>A <b>bold</b>, <em>leaning</em> <a href='https://example.org/a?b=1&c=2'>link</a>."
        "</p><ul><li>one</li><li>two</li></ul><h1>Heading</h1><strike>gone</strike>"
    )
    assert rich.html == (
        '<p>A <b>bold</b>, <em>leaning</em> <a href="https://example.org/a?b=1&amp;c=2">link'
        "</a>.</p><ul><li>one</li><li>two</li></ul><h4>Heading</h4><s>gone</s>"
    )
    assert rich.plain == (
        "A bold, leaning link (https://example.org/a?b=1&c=2).\n\n• one\n• two\n\nHeading\ngone"
    )


@pytest.mark.parametrize(
    ("markup", "html", "plain"),
    [
        ("<script>alert(1)</script>words", "words", "words"),
        ("<style>p{}</style><p style='color:red' onclick='x()'>hi</p>", "<p>hi</p>", "hi"),
        (
            "<a href='javascript:evil()'>bad</a> <a href='file:///etc/passwd'>f</a>",
            "bad f",
            "bad f",
        ),
        ("<img src='http://example.org/x.png' alt='a coin'>", "[a coin]", "[a coin]"),
        ("<img src='http://example.org/track.gif'>", "", ""),
        ("<iframe src='https://x'><p>inside</p></iframe>after", "after", "after"),
        ("<svg><svg><text>x</text></svg>y</svg>z", "z", "z"),
        ("<p>never <i>closed <b>at all", "<p>never <i>closed <b>at all</b></i></p>", ""),
        ("a &lt;b&gt; &amp; c", "a &lt;b&gt; &amp; c", "a <b> & c"),
        ('<A HREF="HTTPS://X.ORG">up</A>', '<a href="HTTPS://X.ORG">up</a>', "up (HTTPS://X.ORG)"),
        ("   <p> </p> ", "", ""),
        ("<b>x</i>y</b>z", "<b>xy</b>z", "xyz"),  # a stray end tag closes nothing
        ("<ul><li>a<b>b</ul>c", "<ul><li>a<b>b</b></li></ul>c", ""),  # nor one left open
    ],
)
def test_what_goes_and_what_stays(markup: str, html: str, plain: str) -> None:
    rich = clean(markup)
    assert rich.html == html
    if plain:
        assert rich.plain == plain


@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abpilscrtfmg:hx&;#1")), max_size=200))
def test_any_markup_gives_only_allowed_tags_and_no_loose_angle_brackets(markup: str) -> None:
    html = clean(markup).html
    left = _ALLOWED_TAG.sub("", html)
    assert "<" not in left and ">" not in left
    opened = re.findall(r"<(\w+)[ >]", html)
    closed = re.findall(r"</(\w+)>", html)
    voids = {"br", "hr"}
    assert sorted(t for t in opened if t not in voids) == sorted(closed)


@given(st.text(alphabet=st.sampled_from(list("ab c\n\t.,>/\"'=é")), max_size=60))
def test_plain_words_skip_the_parser_with_the_same_result(text: str) -> None:
    from viewer.core.rich_text import _Cleaner

    parser = _Cleaner()
    parser.feed(text)
    parser.close()
    assert clean(text) == parser.result()
