"""Our `escape` writes exactly what the standard library's `html.escape` writes."""

import html

from viewer.ui.html_text import escape


def test_escape_matches_the_standard_library() -> None:
    samples = [
        "",
        "plain words",
        "Trump & Putin <b>bold</b> \"quoted\" 'single'",
        "&amp; already an entity, &lt;tag&gt;",
        "<script>alert('x')</script>",
        "naïve café — “curly” ‘quotes’ 🙂",
        "a\nb\tc\x00d",
    ]
    for text in samples:
        assert escape(text) == html.escape(text)
