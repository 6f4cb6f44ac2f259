"""The Slack app over HTTP: an ASGI endpoint for `/slack/events` (events, commands,
interactivity), mounted in the web app. Each request is verified by the app (signature and
timestamp) and dispatched on a worker thread, never on the event loop."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any
from urllib.parse import parse_qs

from slack_bolt import App, BoltRequest

from assistant.settings import Settings
from connectors.slack.app import build_slack_app
from connectors.slack.client import make_web_client
from connectors.slack.config import slack_config
from connectors.slack.ports import Answerer

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

MAX_BODY_BYTES = 1_000_000  # Slack's payloads are a few kilobytes


class SlackEventsEndpoint:
    """ASGI app: POST a Slack request, get the app's answer (Bolt's response)."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        if scope["method"] != "POST":
            await _respond(send, 405, b"method not allowed", {"allow": ["POST"]})
            return
        body = await _read_body(receive)
        if body is None:
            await _respond(send, 413, b"request too large", {})
            return
        headers: dict[str, list[str]] = {}
        for name, value in scope.get("headers", []):
            headers.setdefault(name.decode("latin-1").lower(), []).append(value.decode("latin-1"))
        query: dict[str, Sequence[str]] = dict(
            parse_qs(scope.get("query_string", b"").decode("latin-1")))
        request = BoltRequest(body=body.decode("utf-8", errors="replace"),
                              headers=dict[str, str | Sequence[str]](headers), query=query)
        response = await asyncio.to_thread(self.app.dispatch, request)
        payload = response.body.encode("utf-8") if isinstance(response.body, str) else b""
        await _respond(send, response.status, payload, response.headers)


async def _read_body(receive: Receive) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _respond(send: Send, status: int, body: bytes,
                   headers: dict[str, list[str]] | dict[str, Any]) -> None:
    raw = [(name.encode("latin-1"), str(value).encode("latin-1"))
           for name, values in headers.items() if name.lower() != "content-length"
           for value in (values if isinstance(values, list) else [values])]
    raw.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def slack_endpoint(assistant: Answerer, settings: Settings) -> SlackEventsEndpoint | None:
    """`/slack/events` for the web app: served when SLACK_SIGNING_SECRET is set (HTTP mode),
    which then needs SLACK_BOT_TOKEN too (`SettingsError` otherwise). None when the bot runs
    over Socket Mode or not at all."""
    if settings.slack_signing_secret is None:
        return None
    config = slack_config(settings, "http")
    client = make_web_client(config.bot_token, config.api_url)
    return SlackEventsEndpoint(build_slack_app(assistant, settings, client, mode="http"))
