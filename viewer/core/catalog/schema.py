"""The bundled catalog's tables, as SQLAlchemy 2 typed models.

The catalog is compiled from `data/` by `viewer.core.catalog.build` and opened read-only by
`viewer.core.catalog.read`. Dates are stored as the EDTF text, the first and last day
(ISO text, for people and exports; `-0043-03-15` before 1 CE), the same two days as
ordinals (`first_day`, `last_day`: what the app sorts and measures by, for any
year) and the precision, so the app never needs the EDTF parser.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from viewer.core.catalog.version import SCHEMA_VERSION

#: Bumped (in version.py) whenever a table changes; the app refuses another version.
__all__ = ["SCHEMA_VERSION"]


class Base(DeclarativeBase):
    pass


class DatedMixin:
    date: Mapped[str] = mapped_column(String)
    start: Mapped[str] = mapped_column(String(14))
    end: Mapped[str] = mapped_column(String(14))
    first_day: Mapped[int] = mapped_column(Integer, index=True)
    last_day: Mapped[int] = mapped_column(Integer)
    precision: Mapped[str] = mapped_column(String(8))
    approximate: Mapped[bool] = mapped_column(Boolean)


class OptionalDatedMixin:
    date: Mapped[str | None] = mapped_column(String)
    start: Mapped[str | None] = mapped_column(String(14))
    end: Mapped[str | None] = mapped_column(String(14))
    first_day: Mapped[int | None] = mapped_column(Integer)
    last_day: Mapped[int | None] = mapped_column(Integer)
    precision: Mapped[str | None] = mapped_column(String(8))
    approximate: Mapped[bool | None] = mapped_column(Boolean)


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class EntityRow(Base):
    __tablename__ = "entity"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)
    role: Mapped[str | None] = mapped_column(String)
    description: Mapped[str | None] = mapped_column(Text)
    aliases: Mapped[str | None] = mapped_column(Text)  # JSON array of other spellings


class SourceRow(OptionalDatedMixin, Base):
    __tablename__ = "source"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    publisher: Mapped[str | None] = mapped_column(String)
    title: Mapped[str] = mapped_column(String)
    authors: Mapped[str] = mapped_column(Text)  # JSON array of names
    url: Mapped[str | None] = mapped_column(String)
    reliability: Mapped[str] = mapped_column(String)
    note: Mapped[str | None] = mapped_column(Text)
    held_copy: Mapped[str | None] = mapped_column(String)  # the editors' copy's file name


class EraRow(DatedMixin, Base):
    __tablename__ = "era"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    title: Mapped[str] = mapped_column(String)


class ProfileRow(Base):
    __tablename__ = "profile"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    # The heading, when it is not "Subject on Target" (an imported timeline's own title).
    title: Mapped[str | None] = mapped_column(String)
    subject_id: Mapped[str] = mapped_column(ForeignKey("entity.id"))
    target_id: Mapped[str] = mapped_column(ForeignKey("entity.id"))
    stance: Mapped[str] = mapped_column(String)
    strength: Mapped[str] = mapped_column(String)
    flip: Mapped[bool] = mapped_column(Boolean)
    # The source that rates stance, strength and flip; without one they are the
    # editors' assessment, explained by rating_note.
    rating_source_id: Mapped[str | None] = mapped_column(ForeignKey("source.id"))
    rating_note: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    # Safe rich text (viewer.core.rich_text) when the summary came with formatting.
    summary_html: Mapped[str | None] = mapped_column(Text)
    context: Mapped[str] = mapped_column(Text)


class ProfileActionRow(OptionalDatedMixin, Base):
    __tablename__ = "profile_action"
    profile_id: Mapped[str] = mapped_column(ForeignKey("profile.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    category: Mapped[str] = mapped_column(String)
    description: Mapped[str] = mapped_column(Text)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("event.id"))
    date_note: Mapped[str | None] = mapped_column(Text)


class CriticismRow(Base):
    __tablename__ = "criticism"
    profile_id: Mapped[str] = mapped_column(ForeignKey("profile.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    critic: Mapped[str] = mapped_column(String)
    critic_entity_id: Mapped[str | None] = mapped_column(ForeignKey("entity.id"))
    text: Mapped[str] = mapped_column(Text)
    quote_id: Mapped[str | None] = mapped_column(ForeignKey("quote.id"))


class LaneRow(Base):
    """A row of the timeline, named by the catalog (top to bottom by position)."""

    __tablename__ = "lane"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    title: Mapped[str] = mapped_column(String)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    kinds: Mapped[str] = mapped_column(String)  # event kinds, comma-separated


class EventRow(DatedMixin, Base):
    __tablename__ = "event"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str] = mapped_column(String, index=True)
    status: Mapped[str] = mapped_column(String)
    title: Mapped[str] = mapped_column(String)
    place: Mapped[str | None] = mapped_column(String)
    summary: Mapped[str] = mapped_column(Text)
    summary_html: Mapped[str | None] = mapped_column(Text)  # as the profile's
    tone: Mapped[str] = mapped_column(String)
    date_note: Mapped[str | None] = mapped_column(Text)
    lane_id: Mapped[str | None] = mapped_column(ForeignKey("lane.id"))  # else by its kind


class EventAliasRow(Base):
    """An id an event had before; the user's annotations made on it follow the event."""

    __tablename__ = "event_alias"
    alias: Mapped[str] = mapped_column(String, primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"))


class EventParticipantRow(Base):
    __tablename__ = "event_participant"
    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entity.id"), index=True)


class EventProfileRow(Base):
    __tablename__ = "event_profile"
    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"), primary_key=True)
    profile_id: Mapped[str] = mapped_column(ForeignKey("profile.id"), primary_key=True, index=True)


class EventSourceRow(Base):
    __tablename__ = "event_source"
    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("source.id"), index=True)


class QuoteRow(DatedMixin, Base):
    __tablename__ = "quote"
    # An explicit integer key so the full-text index can refer to quotes by rowid.
    rowid: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String, unique=True)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("event.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    speaker_id: Mapped[str] = mapped_column(ForeignKey("entity.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    source_id: Mapped[str] = mapped_column(ForeignKey("source.id"), index=True)
    tone: Mapped[str] = mapped_column(String)
    variant_of: Mapped[str | None] = mapped_column(ForeignKey("quote.id"), index=True)
    note: Mapped[str | None] = mapped_column(Text)
    date_note: Mapped[str | None] = mapped_column(Text)


#: Full-text indexes, created after the tables. Accents and case are folded.
FTS_STATEMENTS = (
    "CREATE VIRTUAL TABLE quote_fts USING fts5("
    "text, content='quote', content_rowid='rowid', "
    "tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO quote_fts(rowid, text) SELECT rowid, text FROM quote",
    "CREATE VIRTUAL TABLE event_fts USING fts5("
    "event_id UNINDEXED, title, summary, place, "
    "tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO event_fts(event_id, title, summary, place) "
    "SELECT id, title, summary, coalesce(place, '') FROM event ORDER BY id",
    "INSERT INTO quote_fts(quote_fts) VALUES('optimize')",
    "INSERT INTO event_fts(event_fts) VALUES('optimize')",
    # The index's vocabulary, for the fuzzy fallback (read live from the index).
    "CREATE VIRTUAL TABLE quote_vocab USING fts5vocab(quote_fts, row)",
    "CREATE VIRTUAL TABLE event_vocab USING fts5vocab(event_fts, row)",
)
