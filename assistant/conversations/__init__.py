"""Conversations, feedback, referrals and Slack threads, persisted: SQLite by default,
Postgres when scaled out.

- `records`: the typed records the store returns, and its errors
- `models`: the tables as SQLAlchemy models; `migrations/`: the Alembic migrations that make them
- `database`: URLs, engines, and running the migrations under a lock
- `store`: `SqlConversationStore`, the one implementation of `ConversationStore`, built on
  `related` (feedback, referrals, Slack threads) and `sql` (sessions, migrations, errors)
"""

from assistant.conversations.database import normalise_database_url, sqlite_url
from assistant.conversations.records import (
    RATINGS,
    Conversation,
    FeedbackRecord,
    InvalidDatabaseURL,
    Rating,
    Referral,
    ReferralAlreadyClaimed,
    ReferralContact,
    ReferralSummary,
    SignpostSummary,
    StoreError,
    Turn,
    UnknownConversation,
    UnknownMessage,
    UnknownReferral,
    VerdictSummary,
    VersionConflict,
)
from assistant.conversations.sql import utc_now
from assistant.conversations.store import ConversationStore, SqlConversationStore

__all__ = [
    "RATINGS",
    "Conversation",
    "ConversationStore",
    "FeedbackRecord",
    "InvalidDatabaseURL",
    "Rating",
    "Referral",
    "ReferralAlreadyClaimed",
    "ReferralContact",
    "ReferralSummary",
    "SignpostSummary",
    "SqlConversationStore",
    "StoreError",
    "Turn",
    "UnknownConversation",
    "UnknownMessage",
    "UnknownReferral",
    "VerdictSummary",
    "VersionConflict",
    "normalise_database_url",
    "sqlite_url",
    "utc_now",
]
