"""A stand-in for Slack's Web API: a real HTTP server on a free local port that answers like
Slack and records every call, for the bot's client to talk to (its base URL points here).

It also takes the POSTs Slack's response URLs receive (`respond()`), at /respond/<name>.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse

BOT_USER = "UBOT0001"
BOT_ID = "BBOT0001"
TEAM = "T0TEAM01"


@dataclass
class Call:
    method: str  # "chat.postMessage", or "respond/<name>" for a response URL
    params: dict[str, Any]
    headers: dict[str, str]
    answer: dict[str, Any] = field(default_factory=dict)  # what the stand-in answered


@dataclass
class _Canned:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


class SlackWebAPI:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._canned: dict[str, list[_Canned]] = {}
        self._lock = threading.Condition()
        self._ts = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    # -- lifecycle -----------------------------------------------------------------------

    def __enter__(self) -> SlackWebAPI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/api/"

    def response_url(self, name: str) -> str:
        return self.url.replace("/api/", f"/respond/{name}")

    # -- what tests set and read ------------------------------------------------------------

    def fail_next(self, method: str, status: int, body: dict[str, Any] | None = None,
                  headers: dict[str, str] | None = None) -> None:
        """Answer the next call of `method` with this instead (queued, one per call)."""
        with self._lock:
            self._canned.setdefault(method, []).append(
                _Canned(status, body or {"ok": False, "error": "ratelimited"}, headers or {}))

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 15.0) -> list[Call]:
        """The calls of `method` once there are at least `count` (lazy listeners run after the
        acknowledgement, on other threads)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self.calls if c.method == method]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [c.method for c in self.calls]
                    raise AssertionError(f"expected {count} call(s) of {method}; got "
                                         f"{len(found)} (all calls: {seen})")
                self._lock.wait(left)

    def settle(self, quiet: float = 0.2, timeout: float = 15.0) -> None:
        """Wait until no call has arrived for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                before = len(self.calls)
            time.sleep(quiet)
            with self._lock:
                if len(self.calls) == before:
                    return

    # -- answering ---------------------------------------------------------------------------

    def _record(self, method: str, params: dict[str, Any], headers: dict[str, str]) -> _Canned:
        with self._lock:
            queued = self._canned.get(method)
            if queued:
                canned = queued.pop(0)
            else:
                self._ts += 1
                canned = _Canned(200, _answer(method, params, f"1700000000.{self._ts:06d}"))
            self.calls.append(Call(method, params, headers, canned.body))
            self._lock.notify_all()
            return canned


def _answer(method: str, params: dict[str, Any], ts: str) -> dict[str, Any]:
    if method == "auth.test":
        return {"ok": True, "url": "https://ssr-test.slack.com/", "team": "SSR Test",
                "user": "ssr-assistant", "team_id": TEAM, "user_id": BOT_USER, "bot_id": BOT_ID}
    if method == "chat.postMessage":
        return {"ok": True, "channel": params.get("channel"), "ts": ts,
                "message": {"ts": ts, "text": params.get("text", ""), "bot_id": BOT_ID}}
    if method == "chat.update":
        return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts"),
                "text": params.get("text", "")}
    if method == "chat.postEphemeral":
        return {"ok": True, "message_ts": ts}
    if method == "views.open":
        return {"ok": True, "view": {"id": "V0000001"}}
    return {"ok": True}


def _handler(api: SlackWebAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            path = urlparse(self.path).path
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length).decode("utf-8") if length else ""
            params = _params(raw, self.headers.get("content-type", ""))
            method = path.removeprefix("/api/").removeprefix("/")
            answer = api._record(method, params, dict(self.headers.items()))
            body = json.dumps(answer.body).encode("utf-8")
            self.send_response(answer.status)
            self.send_header("content-type", "application/json; charset=utf-8")
            self.send_header("content-length", str(len(body)))
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


def _params(raw: str, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "json" in content_type:
        return dict(json.loads(raw))
    params: dict[str, Any] = dict(parse_qsl(raw))
    for name in ("blocks", "view", "attachments"):  # sent as JSON text inside a form
        if isinstance(params.get(name), str):
            params[name] = json.loads(params[name])
    return params
