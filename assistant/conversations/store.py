"""`SqlConversationStore`: conversations, feedback, referrals and Slack threads in SQLite or
Postgres, through SQLAlchemy models and Alembic migrations. This module holds conversations
and their turns; `related` the records tied to them; `sql` the connection and its errors.

JSON is kept in TEXT columns and timestamps are normalised to UTC on the way in and out, so
the two engines return the same objects. Text reaching the store has already been redacted by
the input guard; personal data is kept only in referrals.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import sqlalchemy as sa
from pydantic import ValidationError

from assistant.business import Facts
from assistant.conversations.models import (
    ConversationRow,
    FeedbackRow,
    ReferralRow,
    SlackThreadRow,
    TurnRow,
)
from assistant.conversations.records import (
    Conversation,
    FeedbackRecord,
    Rating,
    Referral,
    ReferralContact,
    ReferralSummary,
    StoreError,
    Turn,
    UnknownConversation,
    VersionConflict,
)
from assistant.conversations.related import RelatedRecords
from assistant.conversations.sql import STRINGS, json_list, storable, utc_now, uuid_hex
from assistant.reply import Reply

CACHE_SIZE = 512  # conversations whose turns are kept in memory between turns


class ConversationStore(Protocol):
    def create(self) -> Conversation: ...

    def get(self, conversation_id: str) -> Conversation | None: ...

    def append_turn(self, conversation_id: str, user_text: str, reply: Reply, facts: Facts,
                    open_questions: list[str], *,
                    expected_version: int | None = None) -> None: ...

    def delete(self, conversation_id: str) -> bool: ...

    def add_feedback(self, message_id: str, rating: Rating, comment: str = "") -> None: ...

    def feedback(self, rating: str | None = None) -> list[FeedbackRecord]: ...

    def add_referral(self, conversation_id: str, contact: ReferralContact,
                     summary: ReferralSummary) -> Referral: ...

    def referral(self, referral_id: str) -> Referral | None: ...

    def referrals(self, *, claimed: bool | None = None) -> list[Referral]: ...

    def claim_referral(self, referral_id: str, claimant: str) -> Referral: ...

    def link_slack_thread(self, team_id: str, channel_id: str, thread_ts: str,
                          conversation_id: str) -> str: ...

    def slack_thread_conversation(self, team_id: str, channel_id: str,
                                  thread_ts: str) -> str | None: ...


@dataclass
class _Cached:
    conversation: Conversation
    last_seq: int  # the newest turn held; later ones are read from the database


class SqlConversationStore(RelatedRecords):
    """`ConversationStore` over SQLite (`sqlite:///FILE`) or Postgres (`postgresql://...`).

    The schema is migrated on first use. `schema` puts the tables in a Postgres schema of
    their own (created if missing), so several deployments or test runs share one database.

    Reading a conversation costs one query of its row and of the turns stored since this
    process last read it: earlier turns are kept in memory (a bounded cache checked against
    the conversation's version), so a long conversation is not reloaded on every turn.
    """

    def __init__(self, url: str, *, schema: str | None = None,
                 clock: Callable[[], datetime] = utc_now,
                 cache_size: int = CACHE_SIZE) -> None:
        super().__init__(url, schema=schema, clock=clock)
        self._cache: OrderedDict[str, _Cached] = OrderedDict()
        self._cache_size = cache_size
        self._cache_lock = threading.Lock()

    # -- conversations ------------------------------------------------------------------

    def create(self) -> Conversation:
        now = self._now()
        conversation = Conversation(id=uuid.uuid4().hex, created_at=now, updated_at=now)
        with self._session("creating a conversation") as session:
            session.add(ConversationRow(
                id=conversation.id, created_at=now, updated_at=now,
                facts_json=conversation.facts.model_dump_json(), open_questions_json="[]",
                version=0,
            ))
        self._remember(conversation, last_seq=0)
        return conversation.model_copy()

    def get(self, conversation_id: str) -> Conversation | None:
        key = uuid_hex(conversation_id)
        if key is None:
            return None
        cached = self._recall(key)
        c, t = ConversationRow, TurnRow
        after = cached.last_seq if cached else -1
        # One statement, so the state and the new turns come from the same snapshot even
        # while another worker appends.
        query = (
            sa.select(c.created_at, c.updated_at, c.facts_json, c.open_questions_json,
                      c.version, t.seq, t.message_id, t.user_text, t.reply_json,
                      t.created_at.label("turn_created_at"))
            .select_from(sa.outerjoin(c, t, sa.and_(t.conversation_id == c.id,
                                                    t.seq > after)))
            .where(c.id == key)
            .order_by(t.seq)
        )
        with self._session("reading a conversation") as session:
            rows = session.execute(query).all()
        if not rows:
            self._forget(key)
            return None
        if cached is not None and rows[0].version == cached.conversation.version:
            return _copy(cached.conversation)
        try:
            conversation, last_seq = _conversation_from_rows(key, rows, cached)
        except ValidationError as error:
            raise StoreError(
                f"Conversation {key} in the database at {self.location} could not be read: "
                f"{error.error_count()} stored value(s) no longer match the expected shape "
                f"({error.errors()[0]['loc']})."
            ) from error
        self._remember(conversation, last_seq)
        return _copy(conversation)

    def append_turn(self, conversation_id: str, user_text: str, reply: Reply, facts: Facts,
                    open_questions: list[str], *, expected_version: int | None = None) -> None:
        """Store the turn and the conversation's new facts and open questions, all or nothing.

        With `expected_version` (the version of the conversation the turn was answered from),
        the turn is stored only if no other turn was stored since; otherwise `VersionConflict`
        is raised and nothing changes, so the caller can answer again from the newer state.
        """
        key = uuid_hex(conversation_id)
        if key is None:
            raise UnknownConversation(f"There is no conversation with id {conversation_id!r}.")
        if uuid_hex(reply.conversation_id) != key:
            raise ValueError(
                f"the reply belongs to conversation {reply.conversation_id!r}, not to "
                f"{conversation_id!r}"
            )
        message_id = uuid_hex(reply.message_id)
        if message_id is None:
            raise ValueError(f"a reply's message id must be a UUID; got {reply.message_id!r}")
        now = self._now()
        c = ConversationRow
        condition = c.id == key
        if expected_version is not None:
            condition = sa.and_(condition, c.version == expected_version)
        text = storable(user_text)
        with self._session("storing a turn") as session:
            # The update comes first: it takes the conversation's row lock (Postgres) or the
            # write lock (SQLite), so concurrent appends queue rather than interleave.
            version = session.execute(
                sa.update(c).where(condition).values(
                    updated_at=now, facts_json=facts.model_dump_json(),
                    open_questions_json=json_list(open_questions), version=c.version + 1,
                ).returning(c.version)
            ).scalar_one_or_none()
            if version is None:
                exists = session.execute(sa.select(c.version).where(c.id == key)).first()
                if exists is None:
                    raise UnknownConversation(
                        f"There is no conversation with id {conversation_id!r}; it may have "
                        "been deleted."
                    )
                raise VersionConflict(key, expected_version or 0)
            seq = session.execute(sa.insert(TurnRow).values(
                conversation_id=key, message_id=message_id, user_text=text,
                reply_json=reply.model_dump_json(), created_at=now,
            ).returning(TurnRow.seq)).scalar_one()
        self._remember_turn(key, version, seq, Turn(message_id=message_id, user_text=text,
                                                    reply=reply, created_at=now),
                            facts, open_questions, now)

    def delete(self, conversation_id: str) -> bool:
        """Erase a conversation with everything that refers to it: its turns, the feedback on
        them, its referrals (the personal data) and its Slack threads. False if there was none.
        """
        key = uuid_hex(conversation_id)
        if key is None:
            return False
        messages = sa.select(TurnRow.message_id).where(TurnRow.conversation_id == key)
        with self._session("deleting a conversation") as session:
            # Children first, explicitly: erasure should not hinge on cascades being enforced
            # (SQLite enforces foreign keys only on connections that ask).
            session.execute(sa.delete(FeedbackRow).where(FeedbackRow.message_id.in_(messages)))
            session.execute(sa.delete(ReferralRow).where(ReferralRow.conversation_id == key))
            session.execute(sa.delete(SlackThreadRow)
                            .where(SlackThreadRow.conversation_id == key))
            session.execute(sa.delete(TurnRow).where(TurnRow.conversation_id == key))
            deleted = session.execute(sa.delete(ConversationRow)
                                      .where(ConversationRow.id == key))
        self._forget(key)
        return bool(deleted.rowcount)  # type: ignore[attr-defined]

    # -- the cache of conversations read --------------------------------------------------

    def _recall(self, key: str) -> _Cached | None:
        with self._cache_lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
            return cached

    def _remember(self, conversation: Conversation, last_seq: int) -> None:
        with self._cache_lock:
            self._cache[conversation.id] = _Cached(conversation, last_seq)
            self._cache.move_to_end(conversation.id)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def _remember_turn(self, key: str, version: int, seq: int, turn: Turn, facts: Facts,
                       open_questions: list[str], now: datetime) -> None:
        """Extend the cached conversation with the turn just stored, if it held every turn
        before it; otherwise the next read fetches what it lacks."""
        with self._cache_lock:
            cached = self._cache.get(key)
            if cached is None or cached.conversation.version != version - 1:
                return
            conversation = cached.conversation.model_copy(update={
                "turns": [*cached.conversation.turns, turn], "version": version,
                "facts": facts, "open_questions": [storable(q) for q in open_questions],
                "updated_at": now,
            })
            self._cache[key] = _Cached(conversation, seq)

    def _forget(self, key: str) -> None:
        with self._cache_lock:
            self._cache.pop(key, None)


def _copy(conversation: Conversation) -> Conversation:
    """A copy the caller may change without changing the cached one."""
    return conversation.model_copy(update={"turns": list(conversation.turns),
                                           "open_questions": list(conversation.open_questions)})


def _conversation_from_rows(key: str, rows: Sequence[sa.Row[*tuple[Any, ...]]],
                            cached: _Cached | None) -> tuple[Conversation, int]:
    first = rows[0]
    turns = list(cached.conversation.turns) if cached else []
    last_seq = cached.last_seq if cached else 0
    for row in rows:
        if row.message_id is None:  # the outer join's row when no turn is new
            continue
        turns.append(Turn(message_id=row.message_id, user_text=row.user_text,
                          reply=Reply.model_validate_json(row.reply_json),
                          created_at=row.turn_created_at))
        last_seq = row.seq
    conversation = Conversation(
        id=key, created_at=first.created_at, updated_at=first.updated_at,
        facts=Facts.model_validate_json(first.facts_json),
        open_questions=STRINGS.validate_json(first.open_questions_json),
        turns=turns, version=first.version,
    )
    return conversation, last_seq
