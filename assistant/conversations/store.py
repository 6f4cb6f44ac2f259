"""`SqlConversationStore`: conversations, feedback, referrals and Slack threads in SQLite or
Postgres, through SQLAlchemy models and Alembic migrations.

JSON is kept in TEXT columns and timestamps are normalised to UTC on the way in and out, so
the two engines return the same objects. Text reaching the store has already been redacted by
the input guard; personal data is kept only in referrals.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy as sa
from pydantic import TypeAdapter, ValidationError
from sqlalchemy.orm import Session, sessionmaker

from assistant.business import Facts
from assistant.conversations import database
from assistant.conversations.models import (
    ConversationRow,
    FeedbackRow,
    ReferralRow,
    SlackThreadRow,
    TurnRow,
)
from assistant.conversations.records import (
    RATINGS,
    Conversation,
    FeedbackRecord,
    Rating,
    Referral,
    ReferralAlreadyClaimed,
    ReferralContact,
    ReferralSummary,
    StoreError,
    Turn,
    UnknownConversation,
    UnknownMessage,
    UnknownReferral,
    VersionConflict,
)
from assistant.reply import Reply

CACHE_SIZE = 512  # conversations whose turns are kept in memory between turns
SLACK_ID_MAX = 64


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


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class _Cached:
    conversation: Conversation
    last_seq: int  # the newest turn held; later ones are read from the database


class SqlConversationStore:
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
        self._url = database.parse_url(url)
        self._is_sqlite = self._url.get_backend_name() == "sqlite"
        self._schema = database.check_schema_name(schema, self._is_sqlite)
        self._clock = clock
        self._engine = database.create_engine(self._url, self._schema)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._ready = False
        self._ready_lock = threading.Lock()
        self._cache: OrderedDict[str, _Cached] = OrderedDict()
        self._cache_size = cache_size
        self._cache_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"SqlConversationStore({self._url.render_as_string(hide_password=True)!r})"

    @property
    def location(self) -> str:
        """Where the data lives, for messages: a file path or host:port/database, no password."""
        if self._is_sqlite:
            return str(Path(self._url.database or "").resolve())
        return f"{self._url.host or 'localhost'}:{self._url.port or 5432}/{self._url.database}"

    def close(self) -> None:
        """Close pooled connections (the store opens new ones if used again)."""
        self._engine.dispose()

    def migrate(self) -> None:
        """Create or upgrade the tables now rather than on first use (for a start-up check)."""
        self._ensure_tables()

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
        key = _uuid_hex(conversation_id)
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
        key = _uuid_hex(conversation_id)
        if key is None:
            raise UnknownConversation(f"There is no conversation with id {conversation_id!r}.")
        if _uuid_hex(reply.conversation_id) != key:
            raise ValueError(
                f"the reply belongs to conversation {reply.conversation_id!r}, not to "
                f"{conversation_id!r}"
            )
        message_id = _uuid_hex(reply.message_id)
        if message_id is None:
            raise ValueError(f"a reply's message id must be a UUID; got {reply.message_id!r}")
        now = self._now()
        c = ConversationRow
        condition = c.id == key
        if expected_version is not None:
            condition = sa.and_(condition, c.version == expected_version)
        text = _storable(user_text)
        with self._session("storing a turn") as session:
            # The update comes first: it takes the conversation's row lock (Postgres) or the
            # write lock (SQLite), so concurrent appends queue rather than interleave.
            version = session.execute(
                sa.update(c).where(condition).values(
                    updated_at=now, facts_json=facts.model_dump_json(),
                    open_questions_json=_json_list(open_questions), version=c.version + 1,
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
        key = _uuid_hex(conversation_id)
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

    # -- feedback -----------------------------------------------------------------------

    def add_feedback(self, message_id: str, rating: Rating, comment: str = "") -> None:
        if rating not in RATINGS:
            raise ValueError(f"a rating is 'up' or 'down'; got {rating!r}")
        key = _uuid_hex(message_id)
        unknown = UnknownMessage(
            f"There is no answer with message id {message_id!r} to rate; its conversation may "
            "have been deleted."
        )
        if key is None:
            raise unknown
        try:
            with self._session("storing feedback") as session:
                # The foreign key to the turn checks that the message exists in the statement
                # that records the rating, so a concurrent erasure cannot leave an orphan.
                session.execute(sa.insert(FeedbackRow).values(
                    message_id=key, rating=rating, comment=_storable(comment),
                    created_at=self._now()))
        except StoreError as error:
            if isinstance(error.__cause__, sa.exc.IntegrityError):
                raise unknown from error
            raise

    def feedback(self, rating: str | None = None) -> list[FeedbackRecord]:
        """Ratings oldest first, all or only "up" or "down" ones, with question and answer."""
        if rating is not None and rating not in RATINGS:
            raise ValueError(f"a rating filter is 'up', 'down' or None; got {rating!r}")
        t, f = TurnRow, FeedbackRow
        query = (
            sa.select(f.message_id, t.conversation_id, f.rating, f.comment, f.created_at,
                      t.user_text, t.reply_json)
            .select_from(sa.join(f, t, t.message_id == f.message_id))
            .order_by(f.created_at, f.id)
        )
        if rating is not None:
            query = query.where(f.rating == rating)
        with self._session("reading feedback") as session:
            rows = session.execute(query).all()
        return [
            FeedbackRecord(
                message_id=row.message_id, conversation_id=row.conversation_id,
                rating=row.rating, comment=row.comment, question=row.user_text,
                answer=Reply.model_validate_json(row.reply_json).answer,
                created_at=row.created_at,
            )
            for row in rows
        ]

    # -- referrals ----------------------------------------------------------------------

    def add_referral(self, conversation_id: str, contact: ReferralContact,
                     summary: ReferralSummary) -> Referral:
        """Keep a request to talk to an adviser, with the contact the user consented to give
        and the summary of the conversation. Raises `UnknownConversation`."""
        key = _uuid_hex(conversation_id)
        unknown = UnknownConversation(
            f"There is no conversation with id {conversation_id!r} to refer; it may have been "
            "deleted."
        )
        if key is None:
            raise unknown
        referral = Referral(
            id=uuid.uuid4().hex, conversation_id=key,
            contact=ReferralContact(**{name: _storable(value) for name, value in contact}),
            summary=summary, created_at=self._now(),
        )
        try:
            with self._session("storing a referral") as session:
                session.add(ReferralRow(
                    id=referral.id, conversation_id=key, name=referral.contact.name,
                    email=referral.contact.email, company=referral.contact.company,
                    note=referral.contact.note, summary_json=summary.model_dump_json(),
                    created_at=referral.created_at,
                ))
        except StoreError as error:
            if isinstance(error.__cause__, sa.exc.IntegrityError):
                raise unknown from error
            raise
        return referral

    def referral(self, referral_id: str) -> Referral | None:
        key = _uuid_hex(referral_id)
        if key is None:
            return None
        with self._session("reading a referral") as session:
            row = session.get(ReferralRow, key)
        return None if row is None else _referral(row)

    def referrals(self, *, claimed: bool | None = None) -> list[Referral]:
        """Referrals oldest first: all, only the claimed ones, or only the unclaimed ones."""
        query = sa.select(ReferralRow).order_by(ReferralRow.created_at, ReferralRow.id)
        if claimed is not None:
            query = query.where(ReferralRow.claimed_by.is_not(None) if claimed
                                else ReferralRow.claimed_by.is_(None))
        with self._session("reading referrals") as session:
            return [_referral(row) for row in session.scalars(query)]

    def claim_referral(self, referral_id: str, claimant: str) -> Referral:
        """Give the referral to `claimant`, once. Claiming it again as the same person returns
        it unchanged; anyone else gets `ReferralAlreadyClaimed` naming who has it."""
        claimant = _storable(claimant).strip()
        if not claimant:
            raise ValueError("a claim needs the name of the person claiming")
        key = _uuid_hex(referral_id)
        if key is None:
            raise UnknownReferral(f"There is no referral with id {referral_id!r}.")
        r = ReferralRow
        with self._session("claiming a referral") as session:
            # One conditional update: of two claims at once, exactly one finds it unclaimed.
            session.execute(sa.update(r).where(r.id == key, r.claimed_by.is_(None))
                            .values(claimed_by=claimant, claimed_at=self._now()))
            row = session.get(r, key)
            if row is None:
                raise UnknownReferral(
                    f"There is no referral with id {referral_id!r}; its conversation may have "
                    "been deleted."
                )
            referral = _referral(row)
        assert referral.claimed_by is not None and referral.claimed_at is not None
        if referral.claimed_by != claimant:
            raise ReferralAlreadyClaimed(key, referral.claimed_by, referral.claimed_at)
        return referral

    # -- Slack threads ------------------------------------------------------------------

    def link_slack_thread(self, team_id: str, channel_id: str, thread_ts: str,
                          conversation_id: str) -> str:
        """Record that a Slack thread carries a conversation; returns the conversation the
        thread is linked to: this one, or the one another worker linked it to first."""
        ids = _slack_ids(team_id, channel_id, thread_ts)
        key = _uuid_hex(conversation_id)
        if key is None:
            raise UnknownConversation(f"There is no conversation with id {conversation_id!r}.")
        existing = self.slack_thread_conversation(*ids)
        if existing is not None:
            return existing
        try:
            with self._session("linking a Slack thread") as session:
                session.add(SlackThreadRow(team_id=ids[0], channel_id=ids[1], thread_ts=ids[2],
                                           conversation_id=key, created_at=self._now()))
        except StoreError as error:
            if not isinstance(error.__cause__, sa.exc.IntegrityError):
                raise
            linked = self.slack_thread_conversation(*ids)
            if linked is None:  # the conversation itself is missing
                raise UnknownConversation(
                    f"There is no conversation with id {conversation_id!r} to link; it may "
                    "have been deleted."
                ) from error
            return linked
        return key

    def slack_thread_conversation(self, team_id: str, channel_id: str,
                                  thread_ts: str) -> str | None:
        """The conversation a Slack thread carries, or None if none (or it was erased)."""
        ids = _slack_ids(team_id, channel_id, thread_ts)
        with self._session("reading a Slack thread") as session:
            return session.scalar(sa.select(SlackThreadRow.conversation_id).where(
                SlackThreadRow.team_id == ids[0], SlackThreadRow.channel_id == ids[1],
                SlackThreadRow.thread_ts == ids[2]))

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
                "facts": facts, "open_questions": [_storable(q) for q in open_questions],
                "updated_at": now,
            })
            self._cache[key] = _Cached(conversation, seq)

    def _forget(self, key: str) -> None:
        with self._cache_lock:
            self._cache.pop(key, None)

    # -- sessions, migrations and errors ------------------------------------------------

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError(f"the store's clock must give timezone-aware times; got {now!r}")
        return now.astimezone(UTC)

    @contextmanager
    def _session(self, doing: str) -> Iterator[Session]:
        self._ensure_tables()
        if self._is_sqlite:
            self._make_sqlite_folder()
        try:
            with self._sessions.begin() as session:
                yield session
        except sa.exc.DBAPIError as error:
            if error.connection_invalidated or _is_connect_error(error):
                raise StoreError(self._cannot_connect(error)) from error
            raise self._failure(doing, error) from error

    def _ensure_tables(self) -> None:
        if self._ready:
            return
        with self._ready_lock:
            if self._ready:
                return
            if self._is_sqlite:
                self._make_sqlite_folder()
            try:
                conn = self._engine.connect()
            except sa.exc.DBAPIError as error:
                raise StoreError(self._cannot_connect(error)) from error
            try:
                with conn.begin():
                    database.lock_for_migration(conn, self._schema)
                    database.migrate(conn, self._schema)
            except sa.exc.DBAPIError as error:
                raise self._failure("creating its tables", error) from error
            finally:
                conn.close()
            self._ready = True

    def _cannot_connect(self, error: sa.exc.DBAPIError) -> str:
        if self._is_sqlite:
            return f"Cannot open the SQLite database at {self.location}: {self._reason(error)}"
        return (
            f"Cannot connect to the database at {self.location} as user "
            f"{self._url.username or '(default)'}: {self._reason(error)}"
        )

    def _failure(self, doing: str, error: sa.exc.DBAPIError) -> StoreError:
        reason = self._reason(error)
        if isinstance(error, sa.exc.IntegrityError):
            return StoreError(f"The database at {self.location} refused {doing}: {reason}")
        if self._is_sqlite and "locked" in reason:
            return StoreError(
                f"The SQLite database at {self.location} stayed locked by another writer for "
                f"{database.SQLITE_BUSY_TIMEOUT_S:g} s while {doing}."
            )
        return StoreError(f"The database at {self.location} failed while {doing}: {reason}")

    def _reason(self, error: sa.exc.DBAPIError) -> str:
        """The driver's own words, without SQLAlchemy's statement and parameters (user text)."""
        lines = [line.strip() for line in str(error.orig or error).splitlines()]
        reason = " ".join(line for line in lines if line) or type(error.orig).__name__
        password = self._url.password
        if password:
            reason = reason.replace(str(password), "***")
        return reason

    def _make_sqlite_folder(self) -> None:
        folder = Path(self.location).parent
        if folder.is_dir():
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"Cannot create the folder {folder} for the SQLite database: {error.strerror}"
            ) from error


# -- values -------------------------------------------------------------------------------

def _is_connect_error(error: sa.exc.DBAPIError) -> bool:
    return isinstance(error, sa.exc.OperationalError) and error.statement is None


def _uuid_hex(value: object) -> str | None:
    """The canonical form of an id (any UUID spelling), or None if it is not one."""
    if not isinstance(value, str) or len(value) > 45:  # "urn:uuid:" + 36 is the longest
        return None
    try:
        return uuid.UUID(value).hex
    except ValueError:
        return None


def _slack_ids(team_id: str, channel_id: str, thread_ts: str) -> tuple[str, str, str]:
    ids = (team_id, channel_id, thread_ts)
    for name, value in zip(("team_id", "channel_id", "thread_ts"), ids, strict=True):
        if not isinstance(value, str) or not value.strip() or len(value) > SLACK_ID_MAX \
                or "\x00" in value:
            raise ValueError(f"a Slack {name} is 1 to {SLACK_ID_MAX} characters; got {value!r}")
    return ids


def _storable(text: str) -> str:
    # Postgres TEXT cannot hold NUL characters (SQLite can); dropping them keeps both engines
    # storing the same thing, and a NUL carries no meaning in a chat message.
    return text.replace("\x00", "")


_STRINGS = TypeAdapter(list[str])


def _json_list(values: list[str]) -> str:
    return _STRINGS.dump_json([_storable(value) for value in values]).decode()


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
        open_questions=_STRINGS.validate_json(first.open_questions_json),
        turns=turns, version=first.version,
    )
    return conversation, last_seq


def _referral(row: ReferralRow) -> Referral:
    return Referral(
        id=row.id, conversation_id=row.conversation_id,
        contact=ReferralContact(name=row.name, email=row.email, company=row.company,
                                note=row.note),
        summary=ReferralSummary.model_validate_json(row.summary_json),
        created_at=row.created_at, claimed_by=row.claimed_by, claimed_at=row.claimed_at,
    )
