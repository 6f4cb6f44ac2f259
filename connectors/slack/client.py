"""The Slack Web API client: Slack's SDK pointed at the configured base URL, with rate limits
(HTTP 429 with Retry-After) and dropped connections retried by the client itself."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.http_retry import ConnectionErrorRetryHandler, RetryHandler, RetryState
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse

log = logging.getLogger("ssr.slack")

RATE_LIMIT_RETRIES = 3
MAX_RETRY_AFTER_S = 30.0  # longer waits than this are Slack asking us to stop for a while
CLIENT_TIMEOUT_S = 15


class RateLimitRetry(RetryHandler):
    """Retry a call that Slack rate-limited, after the Retry-After it gave (capped)."""

    def __init__(self, max_retry_count: int = RATE_LIMIT_RETRIES,
                 max_wait_s: float = MAX_RETRY_AFTER_S,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self._max_wait_s = max_wait_s
        self._sleep = sleep

    def _can_retry(self, *, state: RetryState, request: HttpRequest,
                   response: HttpResponse | None = None,
                   error: Exception | None = None) -> bool:
        return response is not None and response.status_code == 429

    def prepare_for_next_attempt(self, *, state: RetryState, request: HttpRequest,
                                 response: HttpResponse | None = None,
                                 error: Exception | None = None) -> None:
        wait = min(_retry_after(response), self._max_wait_s)
        log.info("Slack rate-limited %s; retrying in %.1f s", request.url.rsplit("/", 1)[-1],
                 wait)
        self._sleep(wait)
        state.next_attempt_requested = True
        state.increment_current_attempt()


def _retry_after(response: HttpResponse | None) -> float:
    headers = {k.lower(): v for k, v in (response.headers if response else {}).items()}
    values = headers.get("retry-after") or ["1"]
    try:
        return max(0.0, float(values[0]))
    except ValueError:
        return 1.0


def make_web_client(token: str, base_url: str, *,
                    sleep: Callable[[float], None] = time.sleep) -> WebClient:
    return WebClient(token=token, base_url=base_url, timeout=CLIENT_TIMEOUT_S,
                     retry_handlers=[ConnectionErrorRetryHandler(), RateLimitRetry(sleep=sleep)])
