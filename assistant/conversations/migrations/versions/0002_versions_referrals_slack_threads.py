"""A version on each conversation (turns answered at once both land), referrals to advisers,
and the Slack threads that carry conversations.

Revision ID: 0002
Revises: 0001
Create Date: 2025-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assistant.conversations.migrations.helpers import qualified, schema
from assistant.conversations.models import ID, UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("conversations",
                  sa.Column("version", sa.Integer, nullable=False, server_default="0"),
                  schema=schema())
    # Conversations stored before versions existed start at the number of turns they hold.
    conversations = sa.table("conversations", sa.column("id"), sa.column("version"),
                             schema=schema())
    turns = sa.table("conversation_turns", sa.column("conversation_id"), schema=schema())
    op.execute(conversations.update().values(version=(
        sa.select(sa.func.count()).select_from(turns)
        .where(turns.c.conversation_id == conversations.c.id).scalar_subquery()
    )))
    op.create_table(
        "referrals",
        sa.Column("id", ID, primary_key=True),
        sa.Column("conversation_id", ID,
                  sa.ForeignKey(qualified("conversations.id"), ondelete="CASCADE"),
                  nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("email", sa.Text, nullable=False),
        sa.Column("company", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("summary_json", sa.Text, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("claimed_by", sa.Text, nullable=True),
        sa.Column("claimed_at", UtcDateTime, nullable=True),
        schema=schema(),
    )
    op.create_index("ix_referrals_conversation_id", "referrals", ["conversation_id"],
                    schema=schema())
    op.create_table(
        "slack_threads",
        sa.Column("team_id", sa.String(64), primary_key=True),
        sa.Column("channel_id", sa.String(64), primary_key=True),
        sa.Column("thread_ts", sa.String(64), primary_key=True),
        sa.Column("conversation_id", ID,
                  sa.ForeignKey(qualified("conversations.id"), ondelete="CASCADE"),
                  nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        schema=schema(),
    )
    op.create_index("ix_slack_threads_conversation_id", "slack_threads", ["conversation_id"],
                    schema=schema())


def downgrade() -> None:
    op.drop_table("slack_threads", schema=schema())
    op.drop_table("referrals", schema=schema())
    with op.batch_alter_table("conversations", schema=schema()) as batch:
        batch.drop_column("version")
