"""Fixtures for the web channel: apps over the real engine on the bundled knowledge (indexed
once per session), and a real uvicorn server on a free port for tests that need sockets
(concurrency, the browser)."""

from __future__ import annotations

import dataclasses
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
import uvicorn
from fastapi import FastAPI

from assistant.conversations import Referral, SqlConversationStore, normalise_database_url
from assistant.engine import Assistant
from assistant.factory import Components
from assistant.settings import Settings
from connectors.web import create_app

POSTGRES_URLS = ("postgresql://postgres@127.0.0.1:5432/test",
                 "postgresql://root@127.0.0.1:5432/test")


class RecordingNotifier:
    def __init__(self) -> None:
        self.referrals: list[Referral] = []

    def notify(self, referral: Referral) -> None:
        self.referrals.append(referral)


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


@pytest.fixture
def web_settings(make_settings: Callable[..., Settings],
                 tmp_path: Path) -> Callable[..., Settings]:
    """Settings for a test app: generous limits unless the test sets its own."""
    def settings(**values: Any) -> Settings:
        limits = {"rate_limit_per_minute": 100_000, "write_limit_per_minute": 100_000}
        return make_settings(tmp_path / "settings-data", **{**limits, **values})
    return settings


@pytest.fixture(scope="session")
def engine(bundled: Components) -> Assistant:
    """The real engine on the bundled knowledge, with a store of its own for the web tests."""
    return bundled.assistant


@pytest.fixture
def fresh_engine(engine: Assistant, tmp_path: Path) -> Assistant:
    """The same engine with an empty SQLite store, so a test sees only its own rows."""
    return dataclasses.replace(engine, store=SqlConversationStore(
        f"sqlite:///{tmp_path / 'web' / 'conversations.sqlite3'}"))


@pytest.fixture
def make_app(web_settings: Callable[..., Settings]) -> Callable[..., FastAPI]:
    def make(assistant: Assistant, **kwargs: Any) -> FastAPI:
        settings = kwargs.pop("settings", None) or web_settings()
        kwargs.setdefault("warm_up", False)
        return create_app(assistant, settings, **kwargs)
    return make


@pytest.fixture(scope="session")
def postgres_url() -> str:
    for url in POSTGRES_URLS:
        engine = sa.create_engine(normalise_database_url(url))
        try:
            with engine.connect():
                return url
        except sa.exc.OperationalError:
            continue
        finally:
            engine.dispose()
    pytest.skip("Postgres is not reachable at 127.0.0.1:5432 (database test)")


@pytest.fixture
def postgres_store(postgres_url: str) -> Iterator[SqlConversationStore]:
    schema = f"test_web_{uuid.uuid4().hex[:16]}"
    store = SqlConversationStore(postgres_url, schema=schema)
    try:
        yield store
    finally:
        store.close()
        engine = sa.create_engine(normalise_database_url(postgres_url))
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


class LiveServer:
    """The app under uvicorn in a thread, on a free port of 127.0.0.1."""

    def __init__(self, app: FastAPI) -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    def wait_ready(self, timeout_s: float = 120) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout_s:
            if httpx.get(f"{self.url}/readyz", timeout=5).status_code == 200:
                return time.monotonic() - started
            time.sleep(0.1)
        raise AssertionError("the server never became ready")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


@pytest.fixture
def live_server() -> Callable[[FastAPI], LiveServer]:
    return LiveServer
