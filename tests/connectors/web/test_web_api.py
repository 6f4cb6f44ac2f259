"""The web API against the real engine on the bundled knowledge: the contract in DESIGN.md,
errors as JSON, protection, streaming that stops when the client goes away."""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.engine import Assistant
from assistant.settings import Settings
from connectors.web.limits import InProcessRateLimiter

pytestmark = pytest.mark.slow

DUDLEY = "Can my 40-person engineering firm in Dudley join the Productivity Booster?"
REPLY_KEYS = {"conversation_id", "message_id", "route", "answer", "citations", "eligibility",
              "signposts", "follow_up", "grounded", "understood"}


def sse(text: str) -> list[tuple[str, Any]]:
    events = []
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith(":")]
        if not lines:
            continue
        name = next(line[7:] for line in lines if line.startswith("event: "))
        data = "\n".join(line[6:] for line in lines if line.startswith("data: "))
        events.append((name, json.loads(data)))
    return events


def test_a_conversation_end_to_end(fresh_engine: Assistant, make_app: Callable[..., FastAPI],
                                   notifier: Any, caplog: Any) -> None:
    """The journey of the chat page: ask, follow up, rate, refer, read back, erase."""
    client = TestClient(make_app(fresh_engine, notifier=notifier))
    caplog.set_level(logging.INFO)

    first = client.post("/v1/chat", json={"message": DUDLEY})
    assert first.status_code == 200, first.text
    reply = first.json()
    assert set(reply) == REPLY_KEYS
    assert reply["route"] == "eligibility"
    assert reply["eligibility"][0]["programme"] == "Productivity Booster"
    assert reply["citations"] and reply["citations"][0]["locator"]
    cid = reply["conversation_id"]

    second = client.post("/v1/chat", json={"message": "We have a turnover of £4m and we make "
                                           "precision parts", "conversation_id": cid})
    assert second.status_code == 200 and second.json()["conversation_id"] == cid

    rated = client.post("/v1/feedback", json={"message_id": reply["message_id"],
                                              "rating": "down",
                                              "comment": "call me on 07700 900123"})
    assert rated.status_code == 201 and rated.json() == {"status": "recorded"}
    (stored,) = fresh_engine.store.feedback("down")
    assert "07700" not in stored.comment  # personal data never lands outside a referral

    refused = client.post("/v1/referrals", json={
        "conversation_id": cid, "name": "Priya Shah", "email": "priya@example.org",
        "company": "Acme Precision", "consent": False})
    assert refused.status_code == 422 and "consent" in refused.json()["error"]["message"]
    assert "priya" not in refused.text.lower()

    referred = client.post("/v1/referrals", json={
        "conversation_id": cid, "name": "Priya Shah", "email": "priya@example.org",
        "company": "Acme Precision", "consent": True, "note": "mornings"})
    assert referred.status_code == 201, referred.text
    (referral,) = fresh_engine.store.referrals()
    assert referral.contact.email == "priya@example.org"
    assert referral.summary.turns == 2
    assert referral.summary.verdicts[0].programme == "Productivity Booster"
    assert notifier.referrals == [referral]

    read = client.get(f"/v1/conversations/{cid}")
    assert read.status_code == 200
    assert read.json()["turns"][0]["message"] == DUDLEY
    assert "priya" not in read.text.lower()
    assert "priya" not in caplog.text.lower() and "Acme Precision" not in caplog.text

    assert client.delete(f"/v1/conversations/{cid}").status_code == 204
    assert client.get(f"/v1/conversations/{cid}").status_code == 404
    assert fresh_engine.store.referrals() == []
    assert client.delete(f"/v1/conversations/{cid}").status_code == 404
    assert client.post("/v1/chat", json={"message": "hi", "conversation_id": cid}) \
        .status_code == 404


def test_the_stream_sends_guarded_text_then_the_whole_reply(
        fresh_engine: Assistant, make_app: Callable[..., FastAPI]) -> None:
    client = TestClient(make_app(fresh_engine))
    response = client.post("/v1/chat/stream", json={"message": DUDLEY})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = sse(response.text)
    names = [name for name, _ in events]
    assert names[-1] == "reply" and set(names[:-1]) == {"delta"} and len(names) > 3
    reply = events[-1][1]
    assert "".join(data["text"] for name, data in events if name == "delta") == reply["answer"]
    stored = fresh_engine.store.get(reply["conversation_id"])
    assert stored is not None and stored.turns[-1].reply.answer == reply["answer"]

    missing = client.post("/v1/chat/stream", json={"message": "hi",
                                                   "conversation_id": "f" * 32})
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_a_client_that_leaves_the_stream_stops_the_turn(
        fresh_engine: Assistant, make_app: Callable[..., FastAPI],
        live_server: Callable[..., Any]) -> None:
    entered, release = threading.Event(), threading.Event()
    answer = fresh_engine._answer
    slow = dataclasses.replace(fresh_engine)

    def slow_answer(turn: Any) -> Any:
        entered.set()
        release.wait(10)
        return answer(turn)

    slow._answer = slow_answer  # type: ignore[method-assign]
    conversation = slow.store.create()
    with live_server(make_app(slow)) as server:
        with httpx.Client(timeout=10) as client, client.stream(
                "POST", f"{server.url}/v1/chat/stream",
                json={"message": "How do I apply?", "conversation_id": conversation.id}):
            assert entered.wait(10)
        # the client has gone; let the engine finish its answer, which it must not store
        time.sleep(0.6)
        release.set()
        time.sleep(1.0)
    stored = slow.store.get(conversation.id)
    assert stored is not None and stored.turns == []


@pytest.mark.parametrize(("body", "code"), [
    ("{", "invalid_request"),
    ('{"message": 5}', "invalid_request"),
    ('{"message": ""}', "invalid_request"),
    ('{"message": "hi", "extra": 1}', "invalid_request"),
    ('{"message": "hi", "conversation_id": "nope"}', "not_found"),
    ('{"message": "   "}', "invalid_message"),
    ('["not", "an", "object"]', "invalid_request"),
    (b'{"message": "\xff\xfe"}', "bad_request"),
])
def test_bad_requests_get_a_json_error_and_a_4xx(fresh_engine: Assistant,
                                                make_app: Callable[..., FastAPI],
                                                body: str | bytes, code: str) -> None:
    client = TestClient(make_app(fresh_engine))
    response = client.post("/v1/chat", content=body,
                           headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["message"]


def test_errors_elsewhere_are_json_too(fresh_engine: Assistant,
                                       make_app: Callable[..., FastAPI]) -> None:
    client = TestClient(make_app(fresh_engine))
    for response, status in (
        (client.get("/no/such/page"), 404),
        (client.put("/v1/chat", json={}), 405),
        (client.post("/v1/feedback", json={"message_id": "x", "rating": "up"}), 404),
        (client.post("/v1/feedback", json={"message_id": "x", "rating": "meh"}), 422),
        (client.post("/v1/referrals", json={"conversation_id": "f" * 32, "name": "A",
                                            "email": "a@example.org", "company": "B",
                                            "consent": True}), 404),
        (client.post("/v1/referrals", json={"conversation_id": "f" * 32, "name": "A",
                                            "email": "not an email", "company": "B",
                                            "consent": True}), 422),
    ):
        assert response.status_code == status, response.text
        assert set(response.json()["error"]) == {"code", "message"}


def test_a_body_over_the_limit_is_refused_before_it_is_read(
        fresh_engine: Assistant, make_app: Callable[..., FastAPI],
        web_settings: Callable[..., Settings]) -> None:
    client = TestClient(make_app(fresh_engine, settings=web_settings(max_body_bytes=2048)))
    response = client.post("/v1/chat", json={"message": "x" * 5000})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_rate_limits_answer_429_with_retry_after(
        fresh_engine: Assistant, make_app: Callable[..., FastAPI],
        web_settings: Callable[..., Settings]) -> None:
    # a clock that stays inside one minute's window, however long the answers take
    limiter = InProcessRateLimiter(clock=lambda: 1_800_000_030.0)
    client = TestClient(make_app(fresh_engine, settings=web_settings(
        rate_limit_per_minute=2, write_limit_per_minute=1), limiter=limiter))
    statuses = [client.post("/v1/chat", json={"message": "How do I apply?"}).status_code
                for _ in range(3)]
    assert statuses == [200, 200, 429]
    limited = client.post("/v1/chat", json={"message": "How do I apply?"})
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    assert limited.json()["error"]["code"] == "rate_limited"
    writes = [client.post("/v1/feedback", json={"message_id": "x", "rating": "up"}).status_code
              for _ in range(2)]
    assert writes == [404, 429]


def test_cors_allows_only_the_listed_origins_and_headers_are_set(
        fresh_engine: Assistant, make_app: Callable[..., FastAPI],
        web_settings: Callable[..., Settings]) -> None:
    client = TestClient(make_app(fresh_engine, settings=web_settings(
        cors_origins="https://partner.example.org")))
    allowed = client.options("/v1/chat", headers={
        "Origin": "https://partner.example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert allowed.headers["access-control-allow-origin"] == "https://partner.example.org"
    other = client.options("/v1/chat", headers={
        "Origin": "https://evil.example.com", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in other.headers
    page = client.get("/")
    assert page.status_code == 200 and "Talk to an adviser" in page.text
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'self' https://partner.example.org" in \
        page.headers["content-security-policy"]
    assert client.get("/widget.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/docs").status_code == 200
    assert client.get("/privacy").status_code == 200


def test_readiness_waits_for_the_warm_up_and_chat_says_starting(
        fresh_engine: Assistant, make_app: Callable[..., FastAPI]) -> None:
    release = threading.Event()
    waiting = dataclasses.replace(fresh_engine)
    waiting.warm_up = lambda: release.wait(10)  # type: ignore[method-assign]
    with TestClient(make_app(waiting, warm_up=True)) as client:
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 503
        starting = client.post("/v1/chat", json={"message": "hi"})
        assert starting.status_code == 503 and starting.json()["error"]["code"] == "starting"
        assert starting.headers["retry-after"]
        release.set()
        deadline = time.monotonic() + 10
        while client.get("/readyz").status_code != 200:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert client.post("/v1/chat", json={"message": "hi"}).status_code == 200


def test_a_full_engine_answers_busy(fresh_engine: Assistant, make_app: Callable[..., FastAPI],
                                    web_settings: Callable[..., Settings],
                                    live_server: Callable[..., Any]) -> None:
    release = threading.Event()
    slow = dataclasses.replace(fresh_engine)
    answer = slow._answer
    slow._answer = lambda turn: (release.wait(10), answer(turn))[1]  # type: ignore[method-assign]
    app = make_app(slow, settings=web_settings(engine_threads=1, engine_queue=0))
    with live_server(app) as server:
        results: list[int] = []
        first = threading.Thread(target=lambda: results.append(httpx.post(
            f"{server.url}/v1/chat", json={"message": "How do I apply?"}, timeout=20)
            .status_code))
        first.start()
        time.sleep(0.5)
        busy = httpx.post(f"{server.url}/v1/chat", json={"message": "hi"}, timeout=20)
        release.set()
        first.join()
    assert busy.status_code == 503 and busy.json()["error"]["code"] == "busy"
    assert busy.headers["retry-after"] and results == [200]


def test_admin_reindex_needs_the_key(fresh_engine: Assistant, make_app: Callable[..., FastAPI],
                                     web_settings: Callable[..., Settings]) -> None:
    key = "k" * 24
    calls: list[int] = []

    def reindex() -> dict[str, Any]:
        calls.append(1)
        return {"documents": {"unchanged": 22}}

    off = TestClient(make_app(fresh_engine, reindex=reindex))
    assert off.post("/v1/admin/reindex").status_code == 403
    client = TestClient(make_app(fresh_engine, reindex=reindex,
                                 settings=web_settings(admin_api_key=key)))
    assert client.post("/v1/admin/reindex").status_code == 401
    assert client.post("/v1/admin/reindex",
                       headers={"Authorization": "Bearer wrong-key"}).status_code == 401
    done = client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {key}"})
    assert done.status_code == 200 and done.json() == {"documents": {"unchanged": 22}}
    assert calls == [1]
