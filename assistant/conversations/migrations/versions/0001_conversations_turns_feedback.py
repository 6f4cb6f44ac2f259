"""Conversations, their turns and feedback on answers (the tables of the first release).

Revision ID: 0001
Revises:
Create Date: 2025-11-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assistant.conversations.migrations.helpers import qualified, schema
from assistant.conversations.models import BIG_ID, ID, UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("id", ID, primary_key=True),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
        sa.Column("facts_json", sa.Text, nullable=False),
        sa.Column("open_questions_json", sa.Text, nullable=False),
        schema=schema(),
    )
    op.create_table(
        "conversation_turns",
        sa.Column("seq", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", ID,
                  sa.ForeignKey(qualified("conversations.id"), ondelete="CASCADE"),
                  nullable=False),
        sa.Column("message_id", ID, nullable=False, unique=True),
        sa.Column("user_text", sa.Text, nullable=False),
        sa.Column("reply_json", sa.Text, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        schema=schema(),
    )
    op.create_index("ix_conversation_turns_conversation", "conversation_turns",
                    ["conversation_id", "seq"], schema=schema())
    op.create_table(
        "answer_feedback",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("message_id", ID,
                  sa.ForeignKey(qualified("conversation_turns.message_id"), ondelete="CASCADE"),
                  nullable=False),
        sa.Column("rating", sa.String(4), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.CheckConstraint("rating IN ('up', 'down')", name="ck_answer_feedback_rating"),
        schema=schema(),
    )
    op.create_index("ix_answer_feedback_message_id", "answer_feedback", ["message_id"],
                    schema=schema())


def downgrade() -> None:
    op.drop_table("answer_feedback", schema=schema())
    op.drop_table("conversation_turns", schema=schema())
    op.drop_table("conversations", schema=schema())
