"""What routes need, as `Annotated` dependencies: the runtime (engine, runner, limits) and the
checks that run before a route (ready, within the rate limit, holding the admin key)."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Depends, Request

from assistant.engine import Assistant
from assistant.referrals import ReferralNotifier
from assistant.settings import Settings
from connectors.web.errors import Forbidden, NotReady, RateLimited, Unauthorised
from connectors.web.limits import RateLimiter
from connectors.web.runner import Cancellation, EngineRunner

T = TypeVar("T")
DISCONNECT_POLL_S = 0.25


@dataclass
class Readiness:
    state: Literal["starting", "ok", "failed"] = "starting"
    detail: str = "loading the model and indexes"
    seconds: float | None = None  # time from start to ready


@dataclass
class WebRuntime:
    assistant: Assistant
    settings: Settings
    runner: EngineRunner
    limiter: RateLimiter
    notifier: ReferralNotifier
    reindex: Callable[[], dict[str, Any]] | None = None
    readiness: Readiness = field(default_factory=Readiness)
    reindexing: asyncio.Lock = field(default_factory=asyncio.Lock)

    def require_ready(self) -> None:
        if self.readiness.state != "ok":
            raise NotReady() if self.readiness.state == "starting" else NotReady(
                "The assistant could not start; the operators have been told.")

    async def run_turn(self, request: Request, fn: Callable[..., T], /, *args: object,
                       **kwargs: object) -> T:
        """`fn(*args, cancelled=..., **kwargs)` on an engine thread, told to stop (and store
        nothing) if the client disconnects while it works."""
        cancelled = Cancellation()
        task = asyncio.ensure_future(self.runner.run(fn, *args, cancelled=cancelled, **kwargs))
        try:
            while True:
                done, _ = await asyncio.wait({task}, timeout=DISCONNECT_POLL_S)
                if done:
                    return task.result()
                if await request.is_disconnected():
                    cancelled.cancel()
                    return await task  # the engine raises TurnCancelled at its next check
        except asyncio.CancelledError:
            cancelled.cancel()
            raise


def get_runtime(request: Request) -> WebRuntime:
    runtime: WebRuntime = request.app.state.runtime
    return runtime


Runtime = Annotated[WebRuntime, Depends(get_runtime)]


def client_key(request: Request) -> str:
    """Who a rate limit counts: the connecting address (uvicorn's --proxy-headers and
    --forwarded-allow-ips make that the real client behind a trusted proxy)."""
    return request.client.host if request.client else "unknown"


async def _chat_allowance(request: Request, runtime: Runtime) -> None:
    runtime.require_ready()
    wait = await runtime.limiter.hit("chat", client_key(request),
                                     runtime.settings.rate_limit_per_minute)
    if wait:
        raise RateLimited(wait)


async def _write_allowance(request: Request, runtime: Runtime) -> None:
    wait = await runtime.limiter.hit("write", client_key(request),
                                     runtime.settings.write_limit_per_minute)
    if wait:
        raise RateLimited(wait)


def _admin(request: Request, runtime: Runtime) -> None:
    key = runtime.settings.admin_api_key
    if key is None:
        raise Forbidden("The admin routes are off: set SSR_ADMIN_API_KEY to use them.")
    given = request.headers.get("x-api-key") or ""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        given = token.strip()
    if not given or not secrets.compare_digest(given.encode(), key.get_secret_value().encode()):
        raise Unauthorised("A valid admin API key is needed (Authorization: Bearer KEY).")


ChatAllowance = Depends(_chat_allowance)
WriteAllowance = Depends(_write_allowance)
AdminKey = Depends(_admin)
