"""Connecting to the store's database and bringing its schema up to date.

SQLite (`sqlite:///FILE`) by default, Postgres (`postgresql://...`, through psycopg 3) when
scaled out. The schema is made and changed only by the Alembic migrations shipped in
`migrations/`, run by the store on first use under a lock, so several workers starting at once
on a fresh database migrate it once.
"""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.engine.url import URL

from assistant.conversations.records import InvalidDatabaseURL, StoreError

# How long a SQLite writer waits for another writer before giving up. Writes are a few
# milliseconds, so only a stuck process holds the lock this long.
SQLITE_BUSY_TIMEOUT_S = 30.0
POSTGRES_DRIVER = "postgresql+psycopg"
POSTGRES_CONNECT_TIMEOUT_S = 10
MIGRATIONS = "assistant.conversations:migrations"
HEAD = "head"
FIRST_REVISION = "0001"  # the tables the store made before it had migrations
_SCHEMA_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


def normalise_database_url(url: str) -> str:
    """The URL the store connects with: `postgresql://` gets the psycopg (v3) driver."""
    return parse_url(url).render_as_string(hide_password=False)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def parse_url(url: str) -> URL:
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


def check_schema_name(schema: str | None, is_sqlite: bool) -> str | None:
    if schema is None:
        return None
    if is_sqlite:
        raise InvalidDatabaseURL(
            f"a schema applies to Postgres only; got schema={schema!r} for a SQLite URL"
        )
    if not _SCHEMA_NAME.fullmatch(schema):
        raise InvalidDatabaseURL(
            "a schema name is letters, digits and underscores (at most 63, not starting "
            f"with a digit); got {schema!r}"
        )
    return schema


def create_engine(url: URL, schema: str | None) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
        sa.event.listen(engine, "connect", _configure_sqlite)
        return engine
    # A server that does not answer fails the request in seconds rather than hanging it.
    timeout = {} if "connect_timeout" in url.query else {
        "connect_timeout": POSTGRES_CONNECT_TIMEOUT_S}
    try:
        # pre_ping: a pooled connection dropped by a server restart is replaced, not used.
        engine = sa.create_engine(url, pool_pre_ping=True, connect_args=timeout)
    except ModuleNotFoundError as error:
        raise StoreError(
            "Postgres needs the psycopg driver: pip install 'psycopg[binary]'"
        ) from error
    if schema is not None:
        # The models name no schema; this puts every statement in the store's own.
        engine = engine.execution_options(schema_translate_map={None: schema})
    return engine


def migrate(conn: Connection, schema: str | None) -> None:
    """Bring the schema to the latest revision, inside the caller's transaction.

    The caller holds a lock (SQLite's write lock, or a Postgres advisory lock) so that one
    worker migrates and the others then find nothing to do. A database made before the store
    had migrations holds the first revision's tables without Alembic's version table: it is
    stamped at that revision, then upgraded.
    """
    from alembic import command
    from alembic.config import Config

    if schema is not None:
        conn.execute(sa.schema.CreateSchema(schema, if_not_exists=True))
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["connection"] = conn
    config.attributes["schema"] = schema
    inspector = sa.inspect(conn)
    if (not inspector.has_table("alembic_version", schema=schema)
            and inspector.has_table("conversations", schema=schema)):
        command.stamp(config, FIRST_REVISION)
    command.upgrade(config, HEAD)


def lock_for_migration(conn: Connection, schema: str | None) -> None:
    """Take the lock that makes one worker at a time migrate (held to the transaction's end)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(
            sa.func.hashtext(f"assistant-conversations:{schema or ''}"))))


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets readers carry on while one writer writes; foreign keys make the
        # cascades in the schema real. In WAL mode, synchronous=NORMAL syncs at checkpoints
        # rather than at every commit: a crash of the process loses nothing, a power cut may
        # lose the last turns, and a turn's two commits stop costing two disk syncs.
        _use_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
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


def _without_password(url: str) -> str:
    """A URL SQLAlchemy cannot parse, shown without anything that may be a password."""
    return re.sub(r":[^:@/]*@", ":***@", url)
