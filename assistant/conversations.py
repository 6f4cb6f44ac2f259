"""Conversations and feedback, persisted: SQLite by default, Postgres when scaled out.

One implementation serves both engines through SQLAlchemy Core. JSON is kept in TEXT columns
and timestamps are normalised to UTC on the way in and out, so the two engines return the
same objects. Text reaching the store has already been redacted by the input guard.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol, get_args

import sqlalchemy as sa
from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.engine.url import URL

from assistant.business import Facts
from assistant.errors import AssistantError
from assistant.reply import Reply

Rating = Literal["up", "down"]
RATINGS: tuple[str, ...] = get_args(Rating)

# How long a SQLite writer waits for another writer before giving up. Writes are a few
# milliseconds, so only a stuck process holds the lock this long.
SQLITE_BUSY_TIMEOUT_S = 30.0
POSTGRES_DRIVER = "postgresql+psycopg"
POSTGRES_CONNECT_TIMEOUT_S = 10
_SCHEMA_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


class StoreError(AssistantError):
    """The conversation database could not be reached or refused an operation."""


class InvalidDatabaseURL(StoreError, ValueError):
    """The database URL names no supported database (also a ValueError, for settings)."""


class UnknownConversation(AssistantError):
    """No conversation has this id (never created, or erased)."""


class UnknownMessage(AssistantError):
    """No stored answer has this message id (never stored, or its conversation erased)."""


class Turn(BaseModel):
    message_id: str
    user_text: str  # as stored: redacted by the caller
    reply: Reply
    created_at: datetime


class Conversation(BaseModel):
    id: str
    created_at: datetime
    updated_at: datetime
    facts: Facts = Field(default_factory=Facts)
    open_questions: list[str] = Field(default_factory=list)
    turns: list[Turn] = Field(default_factory=list)  # oldest first


class FeedbackRecord(BaseModel):
    """One rating of one answer, with the question and answer it rates (for export)."""

    message_id: str
    conversation_id: str
    rating: Rating
    comment: str
    question: str
    answer: str
    created_at: datetime


class ConversationStore(Protocol):
    def create(self) -> Conversation: ...

    def get(self, conversation_id: str) -> Conversation | None: ...

    def append_turn(self, conversation_id: str, user_text: str, reply: Reply, facts: Facts,
                    open_questions: list[str]) -> None: ...

    def delete(self, conversation_id: str) -> bool: ...

    def add_feedback(self, message_id: str, rating: Rating, comment: str = "") -> None: ...

    def feedback(self, rating: str | None = None) -> list[FeedbackRecord]: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


def normalise_database_url(url: str) -> str:
    """The URL the store connects with: `postgresql://` gets the psycopg (v3) driver."""
    return _parse_url(url).render_as_string(hide_password=False)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class SqlConversationStore:
    """`ConversationStore` over SQLite (`sqlite:///FILE`) or Postgres (`postgresql://...`).

    Tables are created on first use. `schema` puts them in a Postgres schema of their own
    (created if missing), so several deployments or test runs can share one database.
    """

    def __init__(self, url: str, *, schema: str | None = None,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self._url = _parse_url(url)
        self._is_sqlite = self._url.get_backend_name() == "sqlite"
        if schema is not None:
            if self._is_sqlite:
                raise InvalidDatabaseURL(
                    f"a schema applies to Postgres only; got schema={schema!r} for a SQLite URL"
                )
            if not _SCHEMA_NAME.fullmatch(schema):
                raise InvalidDatabaseURL(
                    "a schema name is letters, digits and underscores (at most 63, not starting "
                    f"with a digit); got {schema!r}"
                )
        self._schema = schema
        self._clock = clock
        self._tables = _define_tables(schema)
        self._engine = self._create_engine()
        self._ready = False
        self._ready_lock = threading.Lock()

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

    # -- the ConversationStore protocol -------------------------------------------------

    def create(self) -> Conversation:
        now = self._now()
        conversation = Conversation(id=uuid.uuid4().hex, created_at=now, updated_at=now)
        with self._transaction("creating a conversation") as conn:
            conn.execute(sa.insert(self._tables.conversations).values(
                id=conversation.id, created_at=now, updated_at=now,
                facts_json=conversation.facts.model_dump_json(), open_questions_json="[]",
            ))
        return conversation

    def get(self, conversation_id: str) -> Conversation | None:
        key = _uuid_hex(conversation_id)
        if key is None:
            return None
        c, t = self._tables.conversations, self._tables.turns
        # One statement, so the state and the turns come from the same snapshot even while
        # another worker appends.
        query = (
            sa.select(c.c.created_at, c.c.updated_at, c.c.facts_json, c.c.open_questions_json,
                      t.c.message_id, t.c.user_text, t.c.reply_json,
                      t.c.created_at.label("turn_created_at"))
            .select_from(c.outerjoin(t, t.c.conversation_id == c.c.id))
            .where(c.c.id == key)
            .order_by(t.c.seq)
        )
        with self._transaction("reading a conversation") as conn:
            rows = conn.execute(query).all()
        if not rows:
            return None
        try:
            return _conversation_from_rows(key, rows)
        except ValidationError as error:
            raise StoreError(
                f"Conversation {key} in the database at {self.location} could not be read: "
                f"{error.error_count()} stored value(s) no longer match the expected shape "
                f"({error.errors()[0]['loc']})."
            ) from error

    def append_turn(self, conversation_id: str, user_text: str, reply: Reply, facts: Facts,
                    open_questions: list[str]) -> None:
        """Store the turn and the conversation's new facts and open questions, all or nothing."""
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
        c, t = self._tables.conversations, self._tables.turns
        with self._transaction("storing a turn") as conn:
            # The update comes first: it takes the conversation's row lock (Postgres) or the
            # write lock (SQLite), so concurrent appends queue rather than interleave.
            updated = conn.execute(
                sa.update(c).where(c.c.id == key).values(
                    updated_at=now, facts_json=facts.model_dump_json(),
                    open_questions_json=_json_list(open_questions),
                )
            )
            if updated.rowcount == 0:
                raise UnknownConversation(
                    f"There is no conversation with id {conversation_id!r}; it may have been "
                    "deleted."
                )
            conn.execute(sa.insert(t).values(
                conversation_id=key, message_id=message_id, user_text=_storable(user_text),
                reply_json=reply.model_dump_json(), created_at=now,
            ))

    def delete(self, conversation_id: str) -> bool:
        """Erase a conversation with its turns and their feedback; False if there was none."""
        key = _uuid_hex(conversation_id)
        if key is None:
            return False
        c, t, f = self._tables.conversations, self._tables.turns, self._tables.feedback
        messages = sa.select(t.c.message_id).where(t.c.conversation_id == key)
        with self._transaction("deleting a conversation") as conn:
            # Children first, explicitly: erasure should not hinge on cascades being enforced
            # (SQLite enforces foreign keys only on connections that ask).
            conn.execute(sa.delete(f).where(f.c.message_id.in_(messages)))
            conn.execute(sa.delete(t).where(t.c.conversation_id == key))
            deleted = conn.execute(sa.delete(c).where(c.c.id == key))
        return bool(deleted.rowcount)

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
        values = {"message_id": key, "rating": rating, "comment": _storable(comment),
                  "created_at": self._now()}
        with self._transaction("storing feedback") as conn:
            # The foreign key to the turn checks that the message exists in the same statement
            # that records the rating, so a concurrent erasure cannot leave an orphan rating.
            try:
                conn.execute(sa.insert(self._tables.feedback).values(values))
            except sa.exc.IntegrityError as error:
                raise unknown from error

    def feedback(self, rating: str | None = None) -> list[FeedbackRecord]:
        """Ratings oldest first, all or only "up" or "down" ones, with question and answer."""
        if rating is not None and rating not in RATINGS:
            raise ValueError(f"a rating filter is 'up', 'down' or None; got {rating!r}")
        t, f = self._tables.turns, self._tables.feedback
        query = (
            sa.select(f.c.message_id, t.c.conversation_id, f.c.rating, f.c.comment,
                      f.c.created_at, t.c.user_text, t.c.reply_json)
            .select_from(f.join(t, t.c.message_id == f.c.message_id))
            .order_by(f.c.created_at, f.c.id)
        )
        if rating is not None:
            query = query.where(f.c.rating == rating)
        with self._transaction("reading feedback") as conn:
            rows = conn.execute(query).all()
        return [
            FeedbackRecord(
                message_id=row.message_id, conversation_id=row.conversation_id,
                rating=row.rating, comment=row.comment, question=row.user_text,
                answer=Reply.model_validate_json(row.reply_json).answer,
                created_at=row.created_at,
            )
            for row in rows
        ]

    # -- connections, transactions and errors ------------------------------------------

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError(f"the store's clock must give timezone-aware times; got {now!r}")
        return now.astimezone(UTC)

    def _create_engine(self) -> Engine:
        if self._is_sqlite:
            engine = sa.create_engine(self._url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
            sa.event.listen(engine, "connect", _configure_sqlite)
            return engine
        # A server that does not answer fails the request in seconds rather than hanging it.
        timeout = {} if "connect_timeout" in self._url.query else {
            "connect_timeout": POSTGRES_CONNECT_TIMEOUT_S}
        try:
            # pre_ping: a pooled connection dropped by a server restart is replaced, not used.
            return sa.create_engine(self._url, pool_pre_ping=True, connect_args=timeout)
        except ModuleNotFoundError as error:
            raise StoreError(
                "Postgres needs the psycopg driver: pip install 'psycopg[binary]'"
            ) from error

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[Connection]:
        self._ensure_tables()
        conn = self._connect()
        try:
            with conn.begin():
                yield conn
        except sa.exc.DBAPIError as error:
            raise self._failure(doing, error) from error
        finally:
            conn.close()

    def _connect(self) -> Connection:
        if self._is_sqlite:
            self._make_sqlite_folder()
        try:
            return self._engine.connect()
        except sa.exc.DBAPIError as error:
            raise StoreError(self._cannot_connect(error)) from error

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
                f"{SQLITE_BUSY_TIMEOUT_S:g} s while {doing}."
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
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"Cannot create the folder {folder} for the SQLite database: {error.strerror}"
            ) from error

    def _ensure_tables(self) -> None:
        if self._ready:
            return
        with self._ready_lock:
            if self._ready:
                return
            conn = self._connect()
            try:
                with conn.begin():
                    self._create_tables(conn)
            except sa.exc.DBAPIError as error:
                raise self._failure("creating its tables", error) from error
            finally:
                conn.close()
            self._ready = True

    def _create_tables(self, conn: Connection) -> None:
        # Several workers may start at once on a fresh database: each takes a lock first, so
        # one creates the tables and the others find them.
        if self._is_sqlite:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(
                sa.func.hashtext(f"ssr-conversations:{self._schema or ''}"))))
            if self._schema is not None:
                conn.execute(sa.schema.CreateSchema(self._schema, if_not_exists=True))
        self._tables.metadata.create_all(conn, checkfirst=True)


# -- tables -------------------------------------------------------------------------------

class _UtcDateTime(sa.TypeDecorator[datetime]):
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


@dataclass(frozen=True)
class _Tables:
    metadata: sa.MetaData
    conversations: sa.Table
    turns: sa.Table
    feedback: sa.Table


_ID = sa.String(32)  # uuid4 hex


def _define_tables(schema: str | None) -> _Tables:
    metadata = sa.MetaData(schema=schema)
    prefix = f"{schema}." if schema else ""
    conversations = sa.Table(
        "conversations", metadata,
        sa.Column("id", _ID, primary_key=True),
        sa.Column("created_at", _UtcDateTime, nullable=False),
        sa.Column("updated_at", _UtcDateTime, nullable=False),
        sa.Column("facts_json", sa.Text, nullable=False),  # Facts as JSON text
        sa.Column("open_questions_json", sa.Text, nullable=False),  # list[str] as JSON text
    )
    turns = sa.Table(
        "conversation_turns", metadata,
        # A global sequence orders turns; timestamps can tie within a conversation.
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True,
                  autoincrement=True),
        sa.Column("conversation_id", _ID,
                  sa.ForeignKey(f"{prefix}conversations.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("message_id", _ID, nullable=False, unique=True),
        sa.Column("user_text", sa.Text, nullable=False),
        sa.Column("reply_json", sa.Text, nullable=False),  # Reply as JSON text
        sa.Column("created_at", _UtcDateTime, nullable=False),
        sa.Index("ix_conversation_turns_conversation", "conversation_id", "seq"),
    )
    feedback = sa.Table(
        "answer_feedback", metadata,
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True,
                  autoincrement=True),
        sa.Column("message_id", _ID,
                  sa.ForeignKey(f"{prefix}conversation_turns.message_id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("rating", sa.String(4), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("created_at", _UtcDateTime, nullable=False),
        sa.CheckConstraint("rating IN ('up', 'down')", name="ck_answer_feedback_rating"),
    )
    return _Tables(metadata, conversations, turns, feedback)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets readers carry on while one writer writes; foreign keys make the
        # cascades in the schema real.
        _use_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _use_wal(cursor: Any) -> None:
    """Switch a database to WAL once. SQLite answers "database is locked" at once, without
    waiting for its busy timeout, when several connections make that switch together on a
    fresh file, so the switch is retried until the timeout."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# -- values -------------------------------------------------------------------------------

def _parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as error:
        raise InvalidDatabaseURL(
            "the database URL is not a URL; expected sqlite:///FILE or "
            f"postgresql://USER@HOST:PORT/DATABASE, got {_without_password(url)!r}"
        ) from error
    # Read from the name itself: asking SQLAlchemy for the driver would load the dialect.
    backend, _, driver = parsed.drivername.partition("+")
    shown = parsed.render_as_string(hide_password=True)
    if backend == "sqlite":
        if driver not in ("", "pysqlite"):
            raise InvalidDatabaseURL(f"SQLite is used through sqlite:///FILE; got {shown!r}")
        in_memory = parsed.query.get("mode") == "memory"
        if in_memory or parsed.database in (None, "", ":memory:"):
            raise InvalidDatabaseURL(
                "conversations need a SQLite file that outlives the process; give "
                f"sqlite:///PATH/TO/FILE.sqlite3, got {shown!r}"
            )
        return parsed
    if backend in ("postgresql", "postgres"):
        if driver not in ("", "psycopg"):
            raise InvalidDatabaseURL(
                f"Postgres is used through the psycopg driver (postgresql:// or "
                f"postgresql+psycopg://); got {shown!r}"
            )
        return parsed.set(drivername=POSTGRES_DRIVER)
    raise InvalidDatabaseURL(
        f"conversations are stored in SQLite (sqlite:///FILE) or Postgres (postgresql://...); "
        f"got {shown!r}"
    )


def _without_password(url: str) -> str:
    """A URL SQLAlchemy cannot parse, shown without anything that may be a password."""
    return re.sub(r":[^:@/]*@", ":***@", url)


def _uuid_hex(value: object) -> str | None:
    """The canonical form of an id (any UUID spelling), or None if it is not one."""
    if not isinstance(value, str) or len(value) > 45:  # "urn:uuid:" + 36 is the longest
        return None
    try:
        return uuid.UUID(value).hex
    except ValueError:
        return None


def _storable(text: str) -> str:
    # Postgres TEXT cannot hold NUL characters (SQLite can); dropping them keeps both engines
    # storing the same thing, and a NUL carries no meaning in a chat message.
    return text.replace("\x00", "")


_STRINGS = TypeAdapter(list[str])


def _json_list(values: list[str]) -> str:
    return _STRINGS.dump_json([_storable(value) for value in values]).decode()


def _conversation_from_rows(key: str,
                            rows: Sequence[sa.Row[*tuple[Any, ...]]]) -> Conversation:
    first = rows[0]
    turns = [
        Turn(message_id=row.message_id, user_text=row.user_text,
             reply=Reply.model_validate_json(row.reply_json), created_at=row.turn_created_at)
        for row in rows
        if row.message_id is not None  # the outer join's row for a conversation with no turns
    ]
    return Conversation(
        id=key, created_at=first.created_at, updated_at=first.updated_at,
        facts=Facts.model_validate_json(first.facts_json),
        open_questions=_STRINGS.validate_json(first.open_questions_json),
        turns=turns,
    )
