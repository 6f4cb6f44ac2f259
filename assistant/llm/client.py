"""An OpenAI-compatible chat client: `POST {base_url}/chat/completions`, with errors that say
what went wrong in words (`LLMError`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

import httpx

from assistant.errors import AssistantError


class LLMError(AssistantError):
    """The language model could not give an answer (unreachable, slow, or a bad response)."""


@dataclass(frozen=True)
class ChatMessage:
    role: Literal["system", "user", "assistant"]
    content: str


class ChatClient:
    """Calls `POST {base_url}/chat/completions` on any OpenAI-compatible server."""

    def __init__(self, base_url: str, model: str, api_key: str | None = None,
                 timeout_s: float = 20.0, temperature: float = 0.0,
                 max_tokens: int = 800) -> None:
        parts = urlsplit(base_url.strip()) if isinstance(base_url, str) else None
        if parts is None or parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ValueError(
                f"base_url must be an http:// or https:// address such as "
                f"http://localhost:8000/v1, got {base_url!r}"
            )
        if not isinstance(model, str) or not model.strip():
            raise ValueError(f"model must name the model to call, got {model!r}")
        if api_key is not None and (not isinstance(api_key, str) or not api_key.strip()):
            # the value is a secret: say what is wrong without echoing it
            raise ValueError("api_key is blank; leave it unset for a server that needs no key")
        if isinstance(timeout_s, bool) or not isinstance(timeout_s, int | float) \
                or timeout_s <= 0:
            raise ValueError(f"timeout_s must be a number of seconds above 0, got {timeout_s!r}")
        if not 0.0 <= temperature <= 2.0:
            raise ValueError(f"temperature must be between 0 and 2, got {temperature!r}")
        if max_tokens < 1:
            raise ValueError(f"max_tokens must be at least 1, got {max_tokens!r}")
        self.base_url = base_url.strip().rstrip("/")
        self.model = model.strip()
        self.timeout_s = float(timeout_s)
        self._temperature = temperature
        self._max_tokens = max_tokens
        headers = {"Authorization": f"Bearer {api_key.strip()}"} if api_key else {}
        self._http = httpx.Client(timeout=self.timeout_s, headers=headers)

    @property
    def url(self) -> str:
        return f"{self.base_url}/chat/completions"

    def complete(self, messages: Sequence[ChatMessage]) -> str:
        """The text of the model's reply; `LLMError` with a readable reason otherwise."""
        payload = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "temperature": self._temperature,
            "max_tokens": self._max_tokens,
        }
        try:
            response = self._http.post(self.url, json=payload)
        except httpx.TimeoutException as exc:
            raise LLMError(
                f"the language model at {self.url} did not answer within {self.timeout_s:g} s"
            ) from exc
        except httpx.HTTPError as exc:
            raise LLMError(f"could not reach the language model at {self.url}: {exc}") from exc
        if response.status_code >= 400:
            raise LLMError(
                f"the language model at {self.url} returned HTTP {response.status_code}: "
                f"{_snippet(response.text)}"
            )
        return _message_text(response, self.url)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ChatClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _message_text(response: httpx.Response, url: str) -> str:
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise LLMError(
            f"the language model at {url} sent a response that is not JSON: "
            f"{_snippet(response.text)}"
        ) from exc
    try:
        content = body["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError) as exc:
        raise LLMError(
            f"the language model at {url} sent JSON without choices[0].message.content: "
            f"{_snippet(response.text)}"
        ) from exc
    if isinstance(content, list):  # some servers send content as a list of typed parts
        content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
    if not isinstance(content, str) or not content.strip():
        raise LLMError(f"the language model at {url} sent an empty answer")
    return content


def _snippet(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."
