"""`SqlBase`: the connection side of the conversation store, shared by its parts: engines
and sessions over SQLite (`sqlite:///FILE`) or Postgres (`postgresql://...`), migrations run
on first use, and database errors turned into `StoreError` messages that name the database
but never the user's text.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from pydantic import TypeAdapter
from sqlalchemy.orm import Session, sessionmaker

from assistant.conversations import database
from assistant.conversations.records import StoreError


def utc_now() -> datetime:
    return datetime.now(UTC)


class SqlBase:
    """Engine, sessions and errors for a store over one database URL.

    The schema is migrated on first use. `schema` puts the tables in a Postgres schema of
    their own (created if missing), so several deployments or test runs share one database.
    """

    def __init__(self, url: str, *, schema: str | None = None,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self._url = database.parse_url(url)
        self._is_sqlite = self._url.get_backend_name() == "sqlite"
        self._schema = database.check_schema_name(schema, self._is_sqlite)
        self._clock = clock
        self._engine = database.create_engine(self._url, self._schema)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._ready = False
        self._ready_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._url.render_as_string(hide_password=True)!r})"

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


def uuid_hex(value: object) -> str | None:
    """The canonical form of an id (any UUID spelling), or None if it is not one."""
    if not isinstance(value, str) or len(value) > 45:  # "urn:uuid:" + 36 is the longest
        return None
    try:
        return uuid.UUID(value).hex
    except ValueError:
        return None


def storable(text: str) -> str:
    # Postgres TEXT cannot hold NUL characters (SQLite can); dropping them keeps both engines
    # storing the same thing, and a NUL carries no meaning in a chat message.
    return text.replace("\x00", "")


STRINGS = TypeAdapter(list[str])


def json_list(values: list[str]) -> str:
    return STRINGS.dump_json([storable(value) for value in values]).decode()
