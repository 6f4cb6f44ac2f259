"""Local HTTP servers for the eval tests, on 127.0.0.1 and a free port.

`ChatApiServer` serves the web API's chat contract (`POST /v1/chat` returning the reply
object, errors as `{"error": {"code", "message"}}`, `GET /healthz`) by calling whatever answers
a message: an in-process `Assistant`, or a scripted function. `JudgeServer` is an
OpenAI-compatible chat endpoint whose answers each test scripts.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from assistant.errors import InputError
from assistant.reply import Reply

Ask = Callable[[str, str | None], Reply]


class _Server:
    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> _Server:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


class _JsonHandler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length) or b"{}")


class ChatApiServer(_Server):
    """`with ChatApiServer(assistant.ask) as api:` then point the eval at `api.url`."""

    def __init__(self, ask: Ask) -> None:
        self.received: list[dict[str, Any]] = []
        received = self.received

        class Handler(_JsonHandler):
            def do_GET(self) -> None:
                if self.path == "/healthz":
                    self._send(200, {"status": "ok"})
                else:
                    self._send(404, {"error": {"code": "not_found", "message": self.path}})

            def do_POST(self) -> None:
                if self.path != "/v1/chat":
                    self._send(404, {"error": {"code": "not_found", "message": self.path}})
                    return
                body = self._body()
                received.append(body)
                try:
                    reply = ask(body["message"], body.get("conversation_id"))
                except InputError as exc:
                    self._send(400, {"error": {"code": "bad_input", "message": str(exc)}})
                    return
                self._send(200, reply.model_dump(mode="json"))

        super().__init__(Handler)


class JudgeServer(_Server):
    """An OpenAI-compatible `POST /v1/chat/completions`; each call takes the next answer."""

    def __init__(self) -> None:
        self.answers: deque[tuple[int, str]] = deque()
        self.prompts: list[list[dict[str, str]]] = []
        answers, prompts = self.answers, self.prompts

        class Handler(_JsonHandler):
            def do_POST(self) -> None:
                prompts.append(self._body().get("messages", []))
                status, text = answers.popleft() if answers else (200, '{"score": 3}')
                if status != 200:
                    self._send(status, {"error": {"message": text}})
                    return
                self._send(200, {"choices": [{"index": 0, "message": {
                    "role": "assistant", "content": text}}]})

        super().__init__(Handler)

    @property
    def base_url(self) -> str:
        return f"{self.url}/v1"

    def answer(self, text: str, status: int = 200) -> None:
        self.answers.append((status, text))
