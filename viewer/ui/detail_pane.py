"""The event detail pane: what happened, when, where, who, what was said, and sources.

Rendered as HTML in a QTextBrowser from an `EventDetail` record. Links inside it
(participants, speakers, sources, other events) are reported by signal; the
pane never reaches into other widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from viewer.core.annotations.limits import MAX_SHORT
from viewer.core.frozen import frozen
from viewer.core.records import Event, EventDetail, Quote, Source
from viewer.ui import style
from viewer.ui.html_text import escape
from viewer.ui.links import linked, open_web_link
from viewer.ui.sealed_text import SealedTextBrowser

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from viewer.core.annotations.records import UserEvent

_STATUS = {
    "informal": "Informal encounter only",
    "cancelled": "Meeting cancelled",
    "not-held": "Planned, never held",
}
PARAPHRASED_WARNING = (
    "Paraphrased source: this copy was machine-reworded, so its quotes may not be "
    "the speaker's exact words."
)


@frozen
class StartKeys:
    """The keys the empty pane suggests, as the platform writes them ("" where none)."""

    focus_timeline: str = ""
    find: str = ""
    all_keys: str = ""


def placeholder_html(keys: StartKeys) -> str:
    """What the pane says with no event chosen: how to choose one, and the first keys."""
    steps = ["Click an event in the timeline"]
    if keys.focus_timeline:
        focus = escape(keys.focus_timeline)
        steps.append(f"or press {focus}, then ← and → to go from event to event")
    more = []
    if keys.find:
        more.append(f"{escape(keys.find)} searches everything that was said.")
    if keys.all_keys:
        more.append(f"{escape(keys.all_keys)} lists every key.")
    return (
        "<p class='muted'><i>Select an event to see what happened.</i></p>"
        f"<p class='muted'>{', '.join(steps)}.</p>"
        + (f"<p class='muted'>{' '.join(more)}</p>" if more else "")
    )


class DetailPane(SealedTextBrowser):
    """Shows one event. Emits `entity_activated`, `source_activated`, `event_activated`."""

    entity_activated = Signal(str)
    source_activated = Signal(str)
    event_activated = Signal(str)
    left = Signal()  # Escape: the reader is done with the details

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName("Event details")
        self.anchorClicked.connect(self._on_anchor)
        self.detail: EventDetail | None = None
        self._keys = StartKeys()
        self._placeholder = False  # the placeholder is what is shown
        self.show_placeholder()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.left.emit()
            return
        super().keyPressEvent(event)

    def name_keys(self, keys: StartKeys) -> None:
        """The keys the placeholder names, as this platform writes them (the window's
        actions have them); shown at once where the placeholder is."""
        self._keys = keys
        if self._placeholder:
            self.show_placeholder()

    def show_placeholder(self) -> None:
        """Nothing chosen: how to choose an event, and where to start (a newcomer sees
        this first, in the window's largest empty space)."""
        self.detail = None
        self._placeholder = True
        self.setAccessibleName("Event details")
        self.setHtml(placeholder_html(self._keys))

    def show_event(self, detail: EventDetail) -> None:
        self.detail = detail
        self._placeholder = False
        self.setHtml(event_html(detail))
        # Spoken on reaching the pane (Orca says a read-only text's name, not its words).
        self.setAccessibleName(f"Event details: {spoken_summary(detail)}")

    def scroll_to_quote(self, quote_id: str) -> None:
        """Bring a quote of the event shown into view (the one a search matched)."""
        if self.detail is not None and any(q.id == quote_id for q in self.detail.quotes):
            self.scrollToAnchor(f"quote-{quote_id}")

    def show_user_event(self, event: UserEvent, date_label: str, lane_label: str) -> None:
        """One of the user's own events (not from the catalog: no quotes or sources)."""
        self.detail = None
        self._placeholder = False
        self.setHtml(
            f"<h2 style='margin-bottom:2px'>{escape(_bounded(event.title))}</h2>"
            f"<p><b>{escape(date_label)}</b> · {escape(lane_label)} · "
            f"<span class='warning-badge'>"
            "&nbsp;My own event&nbsp;</span></p>"
            "<p class='muted'>Added by you; it is kept with your notes, not in the "
            "bundled catalog. Edit or delete it from the Edit menu.</p>"
        )

    def show_source(self, source: Source, events: list[Event]) -> None:
        items = "".join(
            f"<li><a href='event:{escape(e.id)}'>{escape(e.title)}</a> "
            f"<span class='muted'>{escape(e.date.label())}</span></li>"
            for e in events
        )
        self.detail = None
        self.setHtml(
            f"<h2>{escape(source.title)}</h2>{_source_line(source)}"
            f"<h3>Events this source supports ({len(events)})</h3><ul>{items}</ul>"
        )

    def _on_anchor(self, url: QUrl) -> None:
        kind, _, target = url.toString().partition(":")
        if kind == "entity":
            self.entity_activated.emit(target)
        elif kind == "source":
            self.source_activated.emit(target)
        elif kind == "event":
            self.event_activated.emit(target)
        else:
            open_web_link(url)  # a source's address, or one in a summary: http(s) only


def _bounded(title: str) -> str:
    """A title as long as a title may be (one saved by an older version may be longer)."""
    return title if len(title) <= MAX_SHORT else title[: MAX_SHORT - 1] + "…"


def spoken_summary(detail: EventDetail) -> str:
    """What a screen reader says on reaching the details, before the reader asks for
    the whole text: the event, when and where, and how much there is to read."""
    event = detail.event
    bits = [event.title, event.date.label()]
    if event.place:
        bits.append(event.place)
    quotes = len(detail.quotes)
    bits.append(f"{quotes} quote{'s' if quotes != 1 else ''}" if quotes else "no quotes")
    sources = len(detail.sources)
    bits.append(f"{sources} source{'s' if sources != 1 else ''}")
    return ", ".join(bits)


def event_html(detail: EventDetail) -> str:
    event = detail.event
    parts = [f"<h2 style='margin-bottom:2px'>{escape(event.title)}</h2>"]
    facts = [f"<b>{escape(event.date.label())}</b>"]
    if event.place:
        facts.append(escape(event.place))
    facts.append(escape(event.kind.value.capitalize()))
    parts.append(f"<p style='margin-top:0'>{' · '.join(facts)}</p>")
    if event.status in _STATUS:
        parts.append(f"<p><b class='warning'>{_STATUS[event.status]}</b></p>")
    if detail.date_note:
        parts.append(f"<p class='muted'><i>About the date: {escape(detail.date_note)}</i></p>")
    parts.append(detail.summary_html or f"<p>{linked(detail.summary)}</p>")
    if detail.participants:
        people = ", ".join(
            f"<a href='entity:{escape(p.id)}'>{escape(p.name)}</a>" for p in detail.participants
        )
        parts.append(f"<p><b>Taking part:</b> {people}</p>")
    if detail.quotes:
        parts.append(f"<h3>What was said ({len(detail.quotes)})</h3>")
        parts += [_quote_html(q, detail) for q in detail.quotes]
    if detail.sources:
        parts.append(f"<h3>Sources ({len(detail.sources)})</h3>")
        parts += [f"<div style='margin-bottom:6px'>{_source_line(s)}</div>" for s in detail.sources]
    return "".join(parts)


def _quote_html(quote: Quote, detail: EventDetail) -> str:
    colour = style.TONE_COLOURS[quote.tone]
    symbol = style.TONE_SYMBOLS[quote.tone]
    warning = (
        "<br><span class='warning'>⚠ Wording from a paraphrased source</span>"
        if quote.source.is_paraphrased
        else ""
    )
    note = f"<br><i class='muted'>{escape(quote.note)}</i>" if quote.note else ""
    if quote.date_note:
        note += f"<br><i class='muted'>About the date: {escape(quote.date_note)}</i>"
    others = [
        q
        for q in (*detail.quotes, *detail.variants)
        if q.id != quote.id and (q.variant_of == quote.id or quote.variant_of == q.id)
    ]
    versions = "".join(
        f"<br><span class='muted'>Other version: “{escape(q.text)}” "
        f"({escape(q.source.title)})</span>"
        for q in others
    )
    return (
        f"<a name='quote-{escape(quote.id)}'></a>"
        f"<table cellspacing=0 cellpadding=0 style='margin-bottom:8px'><tr>"
        f"<td style='background:{colour}' width=4></td><td style='padding-left:8px'>"
        f"“{escape(quote.text)}”<br>"
        f"<span class='muted'>— <a href='entity:{escape(quote.speaker.id)}'>"
        f"{escape(quote.speaker.name)}</a>, {escape(quote.date.label())} · "
        f"<span style='color:{colour}'>{symbol}</span> {style.TONE_NAMES[quote.tone]} · "
        f"<a href='source:{escape(quote.source.id)}'>{escape(quote.source.title)}</a></span>"
        f"{warning}{note}{versions}</td></tr></table>"
    )


def _source_line(source: Source) -> str:
    bits = [f"<a href='source:{escape(source.id)}'><b>{escape(source.title)}</b></a>"]
    if source.publisher:
        bits.append(escape(source.publisher))
    if source.authors:
        bits.append(escape(", ".join(source.authors)))
    if source.date:
        bits.append(escape(source.date.label()))
    line = " · ".join(bits)
    if source.url:
        line += f"<br><a href='{escape(source.url)}'>{escape(source.url)}</a>"
    if source.is_paraphrased:
        line += (
            f"<br><span class='warning-badge'>"
            f"&nbsp;⚠ Unreliable wording&nbsp;</span> "
            f"<span class='warning'>{escape(PARAPHRASED_WARNING)}</span>"
        )
    return line
