"""Many conversations at once, and several turns at once on one conversation sent to two
workers sharing one database: every turn is stored, in an order, and no fact is lost. Run on
SQLite and on Postgres."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from assistant.conversations import SqlConversationStore
from assistant.engine import Assistant

pytestmark = pytest.mark.slow

FACTS = {
    "We have 40 staff.": lambda f: f.employees == 40,
    "Our turnover is £3m.": lambda f: f.turnover is not None and f.turnover.amount == 3_000_000,
    "Our site is in Dudley, DY1 4AA.": lambda f: (f.postcode or "").startswith("DY1"),
    "We have been trading for 5 years.": lambda f: f.months_trading == 60,
}


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str | None]:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared' / 'conversations.sqlite3'}", None
    store = request.getfixturevalue("postgres_store")
    return store._url.render_as_string(hide_password=False), store._schema


def test_turns_at_once_on_two_workers_all_land_with_every_fact(
        engine: Assistant, make_app: Callable[..., FastAPI], live_server: Callable[..., Any],
        database_url: tuple[str, str | None]) -> None:
    url, schema = database_url
    workers = [dataclasses.replace(engine, store=SqlConversationStore(url, schema=schema))
               for _ in range(2)]
    with live_server(make_app(workers[0])) as first, live_server(make_app(workers[1])) as second:
        servers = [first.url, second.url]
        start = httpx.post(f"{servers[0]}/v1/chat", json={"message": "Hello"}, timeout=60)
        shared = start.json()["conversation_id"]
        results: list[tuple[str, int]] = []
        barrier = threading.Barrier(len(FACTS) + 6 * 3)

        def send(server: str, message: str, conversation_id: str | None) -> None:
            barrier.wait()
            response = httpx.post(f"{server}/v1/chat", timeout=120, json={
                "message": message, "conversation_id": conversation_id})
            results.append((message, response.status_code))

        jobs = [(servers[n % 2], message, shared) for n, message in enumerate(FACTS)]
        # and other people's conversations at the same time, three turns each
        others = [workers[0].store.create().id for _ in range(6)]
        for n, conversation_id in enumerate(others):
            for turn in range(3):
                jobs.append((servers[(n + turn) % 2], f"How do I apply? ({turn})",
                             conversation_id))
        threads = [threading.Thread(target=send, args=job) for job in jobs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)

    assert sorted(status for _, status in results) == [200] * len(jobs)
    stored = workers[1].store.get(shared)
    assert stored is not None
    assert sorted(t.user_text for t in stored.turns[1:]) == sorted(FACTS)
    assert stored.version == len(FACTS) + 1
    for message, holds in FACTS.items():
        assert holds(stored.facts), f"lost the fact from {message!r}: {stored.facts}"
    for conversation_id in others:
        other = workers[0].store.get(conversation_id)
        assert other is not None and len(other.turns) == 3
    for worker in workers:
        worker.store.close()  # type: ignore[attr-defined]
