"""HTML from elsewhere (an imported TimelineJS file) reduced to safe rich text.

What is kept: paragraphs, line breaks, bold, italic, underline, strike-through,
lists, quotations, headings (shown as one modest size), code, and links to web
addresses. What goes: every attribute but a web link's address, scripts, styles,
frames, forms, media and images (an image's alt text stays, in brackets), and links
to anything but http(s), whose words stay as plain words. The result is well
formed (every tag closed) and loads nothing: Qt's rich text shows it without
fetching a resource, and links open only when clicked (`viewer.ui.links`).

The same pass gives the plain text, for searching, CSV and citations: words, line
breaks between blocks, and each web link's address written after its words.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from html.parser import HTMLParser

from viewer.core.frozen import frozen

#: Tags kept as they are (all attributes dropped).
_KEPT = frozenset(
    {"p", "br", "b", "strong", "i", "em", "u", "s", "del", "ul", "ol", "li"}
    | {"blockquote", "code", "pre", "sub", "sup", "hr", "div"}
)
#: Tags kept under another name.
_RENAMED = {"h1": "h4", "h2": "h4", "h3": "h4", "h4": "h4", "h5": "h4", "h6": "h4"}
_RENAMED |= {"strike": "s", "ins": "u"}
#: Tags dropped with everything inside them.
_DROPPED = frozenset(
    {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet"}
    | {"template", "noscript", "svg", "math", "head", "title", "textarea", "select"}
    | {"audio", "video", "canvas", "form", "button", "link", "meta", "base"}
)
_VOID = frozenset({"br", "hr", "img", "input", "wbr", "source", "track", "area", "col"})
_BLOCKS = frozenset({"p", "div", "li", "blockquote", "pre", "h4", "ul", "ol", "hr"})


@frozen
class RichText:
    html: str  # safe rich text ("" when there were no words)
    plain: str  # the same words as plain text

    @property
    def formatted(self) -> str | None:
        """The rich text where it has any formatting or link; None where plain text says all."""
        return self.html if "<" in self.html else None


#: No words at all.
EMPTY = RichText("", "")


def is_web_address(url: str) -> bool:
    return url.strip().lower().startswith(("http://", "https://"))


def clean(markup: str) -> RichText:
    """`markup` as safe rich text and as plain text."""
    if "<" not in markup and "&" not in markup:  # plain words (most headlines): no parser
        plain = _tidy(markup)
        return RichText(escape(markup, quote=False).strip(), plain) if plain else EMPTY
    parser = _Cleaner()
    parser.feed(markup)
    parser.close()
    return parser.result()


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._html: list[str] = []
        self._plain: list[str] = []
        self._open: list[str] = []  # kept tags not yet closed, innermost last
        self._how_many: Counter[str] = Counter()  # of each name in _open (a list scan per
        # end tag made a 100 kB text of stray end tags take a second)
        self._address = ""  # of the web link open now (links do not nest)
        self._dropping: list[str] = []  # a dropped tag whose content is being skipped
        self._words = False

    # -- the parser's events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._dropping:
            if tag == self._dropping[-1] and tag not in _VOID:
                self._dropping.append(tag)  # nested: <svg><svg></svg></svg>
            return
        if tag in _DROPPED:
            if tag not in _VOID and tag not in ("link", "meta", "base"):
                self._dropping.append(tag)
            return
        if tag == "a":
            self._start_link(dict(attrs).get("href"))
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            if alt:
                self.handle_data(f" [{alt}] ")
        elif (name := _RENAMED.get(tag, tag)) in _KEPT or name == "h4":
            self._start(name)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._dropping:
            if tag == self._dropping[-1]:
                self._dropping.pop()
            return
        if tag == "a":
            self._end_link()
            return
        self._close_through(_RENAMED.get(tag, tag))

    def handle_data(self, data: str) -> None:
        if self._dropping or not data:
            return
        self._html.append(escape(data, quote=False))
        self._plain.append(data)
        self._words = self._words or bool(data.strip())

    # -- helpers

    def _start(self, name: str) -> None:
        if name in _BLOCKS:
            self._plain.append("\n")
        if name == "li":
            self._plain.append("• ")
        if name in _VOID:
            self._html.append(f"<{name}>")
            if name == "br":
                self._plain.append("\n")
            return
        self._html.append(f"<{name}>")
        self._push(name)

    def _close(self, name: str) -> None:
        if name == "a":
            self._html.append("</a>")
            self._plain.append(f" ({self._address})")
            return
        self._html.append(f"</{name}>")
        if name in _BLOCKS and name != "li":  # list items follow each other line by line
            self._plain.append("\n")

    def _start_link(self, href: str | None) -> None:
        self._end_link()  # a link inside a link ends the first, as in browsers
        if href and is_web_address(href):
            self._address = href.strip()
            self._html.append(f'<a href="{escape(self._address)}">')
            self._push("a")

    def _end_link(self) -> None:
        self._close_through("a")

    def _push(self, name: str) -> None:
        self._open.append(name)
        self._how_many[name] += 1

    def _close_through(self, name: str) -> None:
        """Close the innermost open `name` and everything opened inside it, if it is open."""
        if not self._how_many[name]:
            return  # a stray end tag
        while self._open:
            closed = self._open.pop()
            self._how_many[closed] -= 1
            self._close(closed)
            if closed == name:
                break

    def result(self) -> RichText:
        while self._open:
            self._close(self._open.pop())
        self._how_many.clear()
        if not self._words:
            return EMPTY
        return RichText("".join(self._html).strip(), _tidy("".join(self._plain)))


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
