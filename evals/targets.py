"""What an evaluation runs against: the engine in this process, or a deployed web API.

Both give the same reply object. Only the engine in process hands over its trace (what it
searched and found), so over HTTP retrieval is scored on the reply's citations instead (the
runner notes it).
"""

from __future__ import annotations

from typing import Protocol

import httpx
from pydantic import ValidationError

from assistant.engine import Assistant
from assistant.reply import Reply
from evals.errors import TargetError
from evals.results import RetrievalBasis


class Target(Protocol):
    name: str
    retrieval_basis: RetrievalBasis

    def ask(self, message: str, conversation_id: str | None) -> Reply:
        """The reply; in process it carries the engine's trace of the turn."""
        ...


class InProcessTarget:
    """The engine itself; its replies carry the trace of each turn."""

    retrieval_basis: RetrievalBasis = "retriever"

    def __init__(self, assistant: Assistant, name: str = "in process") -> None:
        self._assistant = assistant
        self.name = name

    def ask(self, message: str, conversation_id: str | None) -> Reply:
        return self._assistant.ask(message, conversation_id)


class HttpTarget:
    """A deployed API: `POST {base_url}/v1/chat` with {"message", "conversation_id"}."""

    retrieval_basis: RetrievalBasis = "citations"

    def __init__(self, base_url: str, timeout_s: float = 60.0,
                 client: httpx.Client | None = None) -> None:
        url = base_url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise TargetError(f"the API address must start with http:// or https://, "
                              f"got {base_url!r}")
        self.base_url = url.removesuffix("/v1")
        self.name = self.base_url
        self._http = client or httpx.Client(timeout=timeout_s)

    def preflight(self) -> None:
        """Fail once, clearly, when the API cannot be reached at all."""
        try:
            self._http.get(f"{self.base_url}/healthz")
        except httpx.HTTPError as exc:
            raise TargetError(f"cannot reach the API at {self.base_url}: {exc}") from exc

    def ask(self, message: str, conversation_id: str | None) -> Reply:
        url = f"{self.base_url}/v1/chat"
        try:
            response = self._http.post(url, json={"message": message,
                                                  "conversation_id": conversation_id})
        except httpx.TimeoutException as exc:
            raise TargetError(f"POST {url} timed out") from exc
        except httpx.HTTPError as exc:
            raise TargetError(f"POST {url} failed: {exc}") from exc
        if response.status_code >= 400:
            raise TargetError(f"POST {url} returned HTTP {response.status_code}: "
                              f"{_error_message(response)}")
        try:
            return Reply.model_validate_json(response.content)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"]) or "the body"
            raise TargetError(f"POST {url} returned something other than a reply object "
                              f"({where}: {first['msg']})") from exc

    def close(self) -> None:
        self._http.close()


def _error_message(response: httpx.Response) -> str:
    try:
        body = response.json()
        return str(body["error"]["message"])
    except (ValueError, KeyError, TypeError):
        text = " ".join(response.text.split())
        return text[:200] or "(empty body)"
