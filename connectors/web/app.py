"""The web API and chat page: `create_app(assistant, settings)` builds the FastAPI app.

The app takes a built engine and the settings; it reads no environment itself. At start it
warms the engine on an engine thread (model, indexes, router, database); `/readyz` turns 200
when that has answered, and chat routes answer 503 "starting" until then.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.routing import Route

from assistant.engine import Assistant
from assistant.referrals import LogReferralNotifier, ReferralNotifier
from assistant.settings import Settings
from connectors.slack.http import slack_endpoint
from connectors.slack.referrals import referral_notifier
from connectors.web.deps import Readiness, WebRuntime
from connectors.web.errors import install_handlers
from connectors.web.limits import InProcessRateLimiter, RateLimiter, RedisRateLimiter
from connectors.web.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from connectors.web.routes import admin, chat, conversations, feedback, health, pages, referrals
from connectors.web.routes.pages import STATIC
from connectors.web.runner import EngineRunner

log = logging.getLogger("ssr.web")

DESCRIPTION = """
Answers small and medium businesses' questions about the programme: *am I eligible, for what,
and who can help me with this?* Every answer comes from the programme's guidance and
catalogue, with numbered sources; eligibility is decided by rules that cite their clauses.

Errors are JSON `{"error": {"code", "message"}}`: 4xx for a request that can be fixed,
429 and 503 with `Retry-After` when the client should wait.
"""


def create_app(assistant: Assistant, settings: Settings, *,
               notifier: ReferralNotifier | None = None,
               reindex: Callable[[], dict[str, Any]] | None = None,
               limiter: RateLimiter | None = None,
               warm_up: bool = True) -> FastAPI:
    """The app over a built engine. `notifier` tells advisers of referrals (a card in the
    Slack referral channel when one is set up, else a log line); `reindex` runs an incremental
    ingest for the admin route; `limiter` overrides the one the settings choose (in-process, or
    Redis with SSR_REDIS_URL); `warm_up=False` marks the app ready at once (for an engine that
    is already warm). With SLACK_SIGNING_SECRET set, the Slack bot is served at /slack/events."""
    from fastapi_offline import FastAPIOffline

    runtime = WebRuntime(
        assistant=assistant, settings=settings,
        runner=EngineRunner(settings.engine_threads, settings.engine_queue),
        limiter=limiter or _limiter(settings),
        notifier=notifier or referral_notifier(settings) or LogReferralNotifier(),
        reindex=reindex,
    )
    if not warm_up:
        runtime.readiness = Readiness("ok", "ready", 0.0)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(_warm(runtime)) if warm_up else None
        try:
            yield
        finally:
            if task is not None and not task.done():
                task.cancel()
            runtime.runner.shutdown()
            await runtime.limiter.close()

    app = FastAPIOffline(
        title=f"{assistant.programme.name} assistant API",
        version="1",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=[
            {"name": "chat", "description": "Ask questions; one turn per request."},
            {"name": "conversations", "description": "Read back or erase a conversation."},
            {"name": "feedback", "description": "Helpful or not helpful, per answer."},
            {"name": "referrals", "description": "Talk to a human adviser (with consent)."},
            {"name": "health", "description": "Liveness and readiness."},
            {"name": "admin", "description": "Operations behind the admin API key."},
        ],
    )
    app.state.runtime = runtime
    install_handlers(app)
    for module in (chat, conversations, feedback, referrals, health, admin, pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    slack = slack_endpoint(assistant, settings)  # HTTP mode: SLACK_SIGNING_SECRET is set
    if slack is not None:
        # a route, not a mount: a mount answers POST /slack/events with a redirect to
        # /slack/events/, which Slack does not follow
        app.router.routes.append(Route("/slack/events", endpoint=slack, methods=["POST"],
                                       include_in_schema=False))

    # Outermost last: the body cap runs first, then CORS, then the security headers.
    app.add_middleware(SecurityHeadersMiddleware, frame_origins=settings.cors_origins)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=False,
            allow_methods=["GET", "POST", "DELETE"], allow_headers=["Content-Type"],
            expose_headers=["Retry-After"], max_age=600)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    return app


async def _warm(runtime: WebRuntime) -> None:
    started = time.perf_counter()
    try:
        await runtime.runner.run(runtime.assistant.warm_up)
    except asyncio.CancelledError:
        raise
    except Exception as error:
        runtime.readiness = Readiness("failed", f"warm-up failed: {type(error).__name__}")
        log.error("the assistant could not warm up: %s", error, exc_info=error)
        return
    seconds = time.perf_counter() - started
    runtime.readiness = Readiness("ok", "ready", seconds)
    log.info("ready to answer in %.1f s", seconds)


def _limiter(settings: Settings) -> RateLimiter:
    if settings.redis_url:
        return RedisRateLimiter(settings.redis_url)
    return InProcessRateLimiter()
