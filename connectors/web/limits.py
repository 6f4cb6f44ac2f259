"""Per-client rate limits: a fixed window per minute, kept in the process by default or in
Redis when several API workers must share them (`SSR_REDIS_URL`).

A limiter answers how long a client must wait, or 0 to go ahead. If Redis cannot be reached
the request goes ahead and the failure is logged: a limiter that is down must not take the
chat down with it.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable
from typing import Protocol

log = logging.getLogger("ssr.web")

WINDOW_S = 60


class RateLimiter(Protocol):
    async def hit(self, bucket: str, client: str, limit: int) -> int:
        """Count one request; the seconds to wait if it is over `limit` a minute, else 0."""
        ...

    async def close(self) -> None: ...


class InProcessRateLimiter:
    """Counts in this process only: right for one worker, lenient for several."""

    def __init__(self, clock: Callable[[], float] = time.time, max_clients: int = 100_000) -> None:
        self._clock = clock
        self._counts: dict[tuple[str, str], tuple[int, int]] = {}  # -> (window, count)
        self._max_clients = max_clients
        self._lock = asyncio.Lock()

    async def hit(self, bucket: str, client: str, limit: int) -> int:
        now = self._clock()
        window = int(now // WINDOW_S)
        async with self._lock:
            key = (bucket, client)
            seen_window, count = self._counts.get(key, (window, 0))
            count = count + 1 if seen_window == window else 1
            self._counts[key] = (window, count)
            if len(self._counts) > self._max_clients:
                self._drop_old(window)
        return _wait(now, window) if count > limit else 0

    def _drop_old(self, window: int) -> None:
        for key in [k for k, (w, _) in self._counts.items() if w != window]:
            del self._counts[key]

    async def close(self) -> None:
        return None


class RedisRateLimiter:
    """Counts in Redis, so every worker behind one address shares the same allowance."""

    def __init__(self, url: str, prefix: str = "ssr:rate",
                 clock: Callable[[], float] = time.time) -> None:
        try:
            import redis.asyncio as redis
        except ModuleNotFoundError as error:  # pragma: no cover - a dependency of the project
            raise RuntimeError("shared rate limits need the redis package: "
                               "pip install redis") from error
        self._redis = redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self._prefix = prefix
        self._clock = clock
        self._failing = False

    async def hit(self, bucket: str, client: str, limit: int) -> int:
        now = self._clock()
        window = int(now // WINDOW_S)
        key = f"{self._prefix}:{bucket}:{window}:{client}"
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(key)
                pipe.expire(key, WINDOW_S * 2)
                count, _ = await pipe.execute()
        except Exception as error:  # any Redis failure means "allow and log"
            if not self._failing:
                log.warning("rate limits are off: Redis is unreachable (%s)",
                            type(error).__name__)
            self._failing = True
            return 0
        if self._failing:
            log.warning("rate limits are back on: Redis answers again")
            self._failing = False
        return _wait(now, window) if int(count) > limit else 0

    async def ping(self) -> bool:
        try:
            return bool(await self._redis.ping())
        except Exception:
            return False

    async def close(self) -> None:
        await self._redis.aclose()


def _wait(now: float, window: int) -> int:
    return max(1, math.ceil((window + 1) * WINDOW_S - now))
