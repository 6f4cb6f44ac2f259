"""The store's tables as SQLAlchemy models. The schema itself is made by the migrations in
`migrations/versions`; a test checks that the two agree.

Models carry no schema name: a store in a Postgres schema of its own maps `None` to it with
`schema_translate_map`, so one set of models serves every deployment and test run.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ID = sa.String(32)  # uuid4 hex
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # SQLite autoincrements INTEGER


class UtcDateTime(sa.TypeDecorator[datetime]):
    """Aware UTC datetimes in and out: SQLite keeps no offset, Postgres converts to its zone."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"timestamps are stored in UTC and must be timezone-aware; "
                             f"got {value!r}")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None,
                             dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class ConversationRow(Base):
    __tablename__ = "conversations"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    facts_json: Mapped[str] = mapped_column(sa.Text)  # Facts as JSON text
    open_questions_json: Mapped[str] = mapped_column(sa.Text)  # list[str] as JSON text
    # Turns stored so far. A turn is written only if the version it read is still current,
    # so two turns answered at once on one conversation cannot overwrite each other's facts.
    version: Mapped[int] = mapped_column(sa.Integer, server_default="0")


class TurnRow(Base):
    __tablename__ = "conversation_turns"
    __table_args__ = (sa.Index("ix_conversation_turns_conversation", "conversation_id", "seq"),)

    # A global sequence orders turns; timestamps can tie within a conversation.
    seq: Mapped[int] = mapped_column(BIG_ID, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(
        ID, sa.ForeignKey("conversations.id", ondelete="CASCADE"))
    message_id: Mapped[str] = mapped_column(ID, unique=True)
    user_text: Mapped[str] = mapped_column(sa.Text)
    reply_json: Mapped[str] = mapped_column(sa.Text)  # Reply as JSON text
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class FeedbackRow(Base):
    __tablename__ = "answer_feedback"
    __table_args__ = (
        sa.CheckConstraint("rating IN ('up', 'down')", name="ck_answer_feedback_rating"),
    )

    id: Mapped[int] = mapped_column(BIG_ID, primary_key=True, autoincrement=True)
    message_id: Mapped[str] = mapped_column(
        ID, sa.ForeignKey("conversation_turns.message_id", ondelete="CASCADE"), index=True)
    rating: Mapped[str] = mapped_column(sa.String(4))
    comment: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReferralRow(Base):
    """A request to talk to an adviser: the one place personal data is kept."""

    __tablename__ = "referrals"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(
        ID, sa.ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.Text)
    email: Mapped[str] = mapped_column(sa.Text)
    company: Mapped[str] = mapped_column(sa.Text)
    note: Mapped[str] = mapped_column(sa.Text)
    summary_json: Mapped[str] = mapped_column(sa.Text)  # ReferralSummary as JSON text
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claimed_by: Mapped[str | None] = mapped_column(sa.Text, nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class SlackThreadRow(Base):
    """A Slack thread that carries a conversation, so replies in it continue that conversation
    on any worker and after a restart."""

    __tablename__ = "slack_threads"

    team_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    channel_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    thread_ts: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(
        ID, sa.ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
