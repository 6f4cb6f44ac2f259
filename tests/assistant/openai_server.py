"""A small OpenAI-compatible chat server for tests: real HTTP on 127.0.0.1, scripted replies.

Each test says what the next calls get (an answer, a stall past the client's timeout, an
HTTP error, a body that is not JSON) and reads back the requests the server received.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class ScriptedReply:
    status: int = 200
    body: bytes = b""
    delay_s: float = 0.0  # wait this long before replying


@dataclass(frozen=True)
class ReceivedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, str]]:
        return list(self.body.get("messages", []))

    def content(self, role: str) -> str:
        return "\n".join(m["content"] for m in self.messages if m.get("role") == role)


@dataclass
class _Script:
    replies: deque[ScriptedReply] = field(default_factory=deque)
    default: ScriptedReply = field(default_factory=lambda: _completion("Nothing scripted."))
    received: list[ReceivedRequest] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    released: threading.Event = field(default_factory=threading.Event)


def _completion(text: str, model: str = "test-model") -> ScriptedReply:
    body = {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "model": model,
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }
    return ScriptedReply(body=json.dumps(body).encode())


class OpenAIServer:
    """Start with `with OpenAIServer() as server:`; point a client at `server.base_url`."""

    def __init__(self) -> None:
        self._script = _Script()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self._script))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def requests(self) -> list[ReceivedRequest]:
        with self._script.lock:
            return list(self._script.received)

    # scripting: each call queues one reply; with nothing queued the default is sent
    def answer(self, text: str) -> None:
        self._queue(_completion(text))

    def stall(self, seconds: float, text: str = "Too late.") -> None:
        reply = _completion(text)
        self._queue(ScriptedReply(reply.status, reply.body, delay_s=seconds))

    def fail(self, status: int = 500, message: str = "internal error") -> None:
        body = json.dumps({"error": {"message": message, "type": "server_error"}})
        self._queue(ScriptedReply(status=status, body=body.encode()))

    def send_raw(self, body: bytes, status: int = 200) -> None:
        self._queue(ScriptedReply(status=status, body=body))

    def _queue(self, reply: ScriptedReply) -> None:
        with self._script.lock:
            self._script.replies.append(reply)

    def start(self) -> OpenAIServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._script.released.set()  # wake any stalled reply so its thread can end
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> OpenAIServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _handler_for(script: _Script) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw or b"{}")
            except json.JSONDecodeError:
                body = {"unparsed": raw.decode("utf-8", "replace")}
            with script.lock:
                script.received.append(ReceivedRequest(
                    "POST", self.path, {k.lower(): v for k, v in self.headers.items()}, body,
                ))
                reply = script.replies.popleft() if script.replies else script.default
            if not self.path.endswith("/chat/completions"):
                reply = ScriptedReply(status=404, body=b'{"error": {"message": "not found"}}')
            if reply.delay_s and script.released.wait(reply.delay_s):
                return  # the server is stopping: drop the connection
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting, as a timed-out client does

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    return Handler
