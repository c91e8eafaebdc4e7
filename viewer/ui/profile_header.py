"""The stance profile header: "Donald Trump on Vladimir Putin", stance, Flip, summary,
and tabs for Context, Actions taken (by category) and Criticism (by whom)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.records import ProfileDetail
from viewer.ui import style
from viewer.ui.badge import Badge
from viewer.ui.html_text import escape
from viewer.ui.links import LinkLabel, open_web_link
from viewer.ui.sealed_text import SealedTextBrowser

#: A summary longer than this shows only its start in the header (the rest would be
#: cut off there), and in full at the top of the Context tab.
SUMMARY_CHARS = 420


class ProfileHeader(QWidget):
    """Shows one profile; `set_profile()` replaces what it shows."""

    resized = Signal()  # folded or unfolded: the window gives it the height it needs

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileHeader")
        # An explicit minimum: the word-wrapped summary's own hint asks for far too much
        # height, which would take room from the timeline.
        self.setMinimumHeight(120)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("profileKind")
        self._colour_kind()
        self.title_label = ElidedTitle()
        self.title_label.setObjectName("profileTitle")
        self._size_title()
        self.stance_label = Badge()
        self.stance_label.setObjectName("stanceBadge")
        self.flip_label = Badge("Flip")
        self.flip_label.setObjectName("flipBadge")
        self.flip_label.setToolTip("The stance has reversed over time")
        self.flip_label.set_colour(style.FLIP_COLOUR)
        # Where the rating is the editors' own, not a source's, the header says so.
        self.rating_label = Badge("Editors' assessment", outlined=True)
        self.rating_label.setObjectName("ratingBasis")
        self.summary_label = LinkLabel()  # its links reached with Tab, followed with Enter
        self.summary_label.setWordWrap(True)
        self.summary_label.setObjectName("profileSummary")
        self.summary_label.setTextInteractionFlags(
            self.summary_label.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.summary_label.setOpenExternalLinks(False)  # web links only, on a click
        self.summary_label.linkActivated.connect(self._on_summary_link)
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("profileTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Stance profile details")
        self.tabs.tabBar().setAccessibleName("Stance profile sections")
        self.context_view = _browser("Context")
        self.actions_view = _browser("Actions taken")
        self.criticism_view = _browser("Criticism")
        self.tabs.addTab(self.context_view, "Context")
        self.tabs.addTab(self.actions_view, "Actions taken")
        self.tabs.addTab(self.criticism_view, "Criticism")
        self.tabs.setMinimumHeight(70)
        self.tabs.setMaximumHeight(140)

        # In a small window the header folds to its title line and summary; this opens
        # the Context, Actions and Criticism tabs again.
        self.more_button = QToolButton()
        self.more_button.setObjectName("profileMore")
        self.more_button.setCheckable(True)
        self.more_button.setText("More")  # short: the folded title line must fit a small window
        self.more_button.setToolTip(
            "Show or hide the whole summary and the Context, Actions taken and Criticism"
        )
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setAutoRaise(True)
        self.more_button.toggled.connect(self._on_more)
        self.more_button.hide()
        self.compact = False
        self.has_parts = True  # Context, Actions taken or Criticism to show
        self._summary: tuple[str, str | None] = ("", None)

        badges = QHBoxLayout()
        badges.setSpacing(8)
        badges.addWidget(self.title_label)
        badges.addSpacing(8)
        badges.addWidget(self.stance_label)
        badges.addWidget(self.flip_label)
        badges.addWidget(self.rating_label)
        badges.addStretch(1)
        badges.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.setSpacing(4)
        layout.addWidget(self.kind_label)
        layout.addLayout(badges)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        layout.addStretch(0)  # with the tabs hidden, any height left goes below

    def set_compact(self, compact: bool) -> None:
        """The folded form for a small window: the title line and at most two lines of
        summary; the tabs open with the button on the title line."""
        if compact == self.compact:
            return
        self.compact = compact
        self.kind_label.setVisible(not compact)
        self.setMinimumHeight(40 if compact or not self.has_parts else 120)
        self._on_more(self.more_button.isChecked())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.compact:  # the folded summary's one line fits the new width
            self._show_summary(*self._summary)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the desktop turned dark, say
            self._colour_kind()
            self._show_summary(*self._summary)  # its links in the new link colour
        elif event.type() == QEvent.Type.FontChange:  # the desktop's text made larger, say
            self._size_title()

    def _size_title(self) -> None:
        """The title in bold, 1.6 times the header's text (again when that changes: a
        size set on the title alone no longer follows the header's)."""
        font = QFont()  # only what is set here; the rest is the header's
        font.setPointSizeF(self.font().pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)

    def _colour_kind(self) -> None:
        """Secondary text, legible (4.5:1) on the window: not a disabled label (~1.5:1)."""
        window = self.palette()
        muted = style.muted_colour(
            window.color(QPalette.ColorRole.WindowText).name(),
            window.color(QPalette.ColorRole.Window).name(),
        )
        kind = self.kind_label.palette()
        kind.setColor(QPalette.ColorRole.WindowText, QColor(muted))
        self.kind_label.setPalette(kind)

    def _on_more(self, shown: bool) -> None:
        self._show_summary(*self._summary)
        open_ = (shown or not self.compact) and self.has_parts
        self.tabs.setVisible(open_)
        # Folded, the button also unfolds a summary cut to its line.
        self.more_button.setVisible(self.compact)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.updateGeometry()
        self.resized.emit()

    def set_profile(self, detail: ProfileDetail) -> None:
        profile = detail.profile
        subject = profile.subject
        # An imported timeline's "subject" is the file it came from: say just that.
        imported = not profile.rated and subject.role
        self.kind_label.setText(subject.role or "" if imported else subject.kind_label)
        self.title_label.setText(profile.title)
        self.setAccessibleName(f"Profile: {profile.title}")
        self.stance_label.setText(f"{profile.stance} · {profile.strength}")
        rating = f"Relationship stance: {profile.stance} ({profile.strength})"
        if profile.rating_note:
            rating += f"\n{profile.rating_note}"
        self.stance_label.setToolTip(rating)
        self.rating_label.setVisible(profile.rated_by_editors)
        self.rating_label.setToolTip(profile.rating_note or "")
        self.rating_label.setAccessibleDescription(profile.rating_note or "")
        self.stance_label.set_colour(style.stance_colour(profile.stance))
        self.stance_label.setVisible(profile.rated)  # no rating made up for an import
        self.flip_label.setVisible(profile.flip and profile.rated)
        self._summary = (profile.summary, profile.summary_html)
        self._show_summary(*self._summary)
        paragraphs = [p for p in detail.context.split("\n\n") if p.strip()]
        context = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        if len(profile.summary) > SUMMARY_CHARS:  # the header shows its start; all of it here
            whole = profile.summary_html or f"<p>{escape(profile.summary)}</p>"
            context = f"<h4>Summary</h4>{whole}{'<h4>Context</h4>' if context else ''}{context}"
        if profile.rating_note:
            context += f"<h4>About the rating</h4><p>{escape(profile.rating_note)}</p>"
        actions, criticism = _actions_html(detail), _criticism_html(detail)
        self.context_view.setHtml(context or "<p><i>No context.</i></p>")
        self.actions_view.setHtml(actions or "<p><i>No actions recorded.</i></p>")
        self.criticism_view.setHtml(criticism or "<p><i>No criticism recorded.</i></p>")
        # Only the parts the catalog has: an imported timeline is a story of its own.
        for view, shown in (
            (self.context_view, bool(context)),
            (self.actions_view, bool(actions)),
            (self.criticism_view, bool(criticism)),
        ):
            self.tabs.setTabVisible(self.tabs.indexOf(view), shown)
        self.has_parts = bool(context or actions or criticism)
        self.more_button.setAccessibleName(
            "Summary, context, actions and criticism" if self.has_parts else "Whole summary"
        )
        self.setMinimumHeight(40 if self.compact or not self.has_parts else 120)
        self._on_more(self.more_button.isChecked())

    def _show_summary(self, plain: str, rich: str | None) -> None:
        """The summary, or for a long one its first lines and a link to the rest. Plain
        text is never guessed to be markup; formatted text is the cleaned kind. Folded,
        the header gives it one line, cut with an ellipsis (all of it in the tooltip and
        once unfolded)."""
        folded = self.compact and not self.more_button.isChecked()
        self.summary_label.setToolTip(plain if folded else "")
        self.summary_label.setWordWrap(not folded)  # a wrapping label asks for lines
        # One line never asks for its whole width: it is cut to what the window gives.
        self.summary_label.setMinimumWidth(40 if folded else 0)
        if folded:
            width = max(100, self.summary_label.width())
            line = self.summary_label.fontMetrics().elidedText(
                " ".join(plain.split()), Qt.TextElideMode.ElideRight, width
            )
            self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
            self.summary_label.setText(line)
            return
        if len(plain) > SUMMARY_CHARS:
            start = plain[: SUMMARY_CHARS - 60].rsplit(" ", 1)[0].rstrip(" ,;:.")
            self.summary_label.setTextFormat(Qt.TextFormat.RichText)
            self.summary_label.setText(
                f"{escape(start)}… <a href='{_MORE}'>Read all in Context</a>"
            )
        else:
            self.summary_label.setTextFormat(
                Qt.TextFormat.RichText if rich is not None else Qt.TextFormat.PlainText
            )
            self.summary_label.setText(rich or plain)

    def _on_summary_link(self, url: str) -> None:
        if url == _MORE:
            if self.compact:
                self.more_button.setChecked(True)
            self.tabs.setCurrentWidget(self.context_view)
            self.context_view.setFocus()
        else:
            open_web_link(url)


_MORE = "summary:more"


def _browser(name: str) -> SealedTextBrowser:
    view = SealedTextBrowser()
    view.setAccessibleName(name)
    view.anchorClicked.connect(open_web_link)  # an imported summary's links: http(s) only
    view.setFrameShape(SealedTextBrowser.Shape.NoFrame)
    return view


def _actions_html(detail: ProfileDetail) -> str:
    by_category: dict[str, list[str]] = {}
    for action in detail.actions:
        when = (
            f" <span class='muted'>({escape(action.date.label())})</span>" if (action.date) else ""
        )
        if action.date_note:
            when += f"<br><i class='muted'>About the date: {escape(action.date_note)}</i>"
        by_category.setdefault(action.category, []).append(
            f"<li>{escape(action.description)}{when}</li>"
        )
    return "".join(
        f"<p style='margin-bottom:0'><b>{escape(cat)}</b></p><ul style='margin-top:0'>"
        f"{''.join(items)}</ul>"
        for cat, items in by_category.items()
    )


def _criticism_html(detail: ProfileDetail) -> str:
    return "".join(
        f"<p><b>{escape(c.critic)}</b><br>{escape(c.text)}</p>" for c in detail.criticism
    )


class ElidedTitle(QLabel):
    """The profile's title: whole where the line has room, else cut with "…" (the whole
    title in its tooltip), so that a narrow window (with the search open beside it)
    is not held wider by the header's title line."""

    LEAST_PX = 140  # what it asks at least: a few words

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.LEAST_PX), hint.height())

    def _shown(self) -> str:
        room = self.contentsRect().width()
        return QFontMetricsF(self.font()).elidedText(self.text(), Qt.TextElideMode.ElideRight, room)

    def _tip(self) -> None:
        """The whole title in the tooltip while it is cut (set when text or size change,
        not at every paint)."""
        self.setToolTip(self.text() if self._shown() != self.text() else "")

    def setText(self, text: str) -> None:
        super().setText(text)
        self._tip()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tip()

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self._shown()
        painter = QPainter(self)
        try:
            painter.setFont(self.font())
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(self.contentsRect()), flags, shown)
        finally:
            painter.end()
