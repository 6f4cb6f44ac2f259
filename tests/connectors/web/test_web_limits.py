"""Rate limits: a window per minute, counted in the process or shared through Redis."""

from __future__ import annotations

import asyncio
import socket
import uuid

import pytest

from connectors.web.limits import InProcessRateLimiter, RedisRateLimiter

REDIS = ("127.0.0.1", 6379)


def _redis_answers() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=1):
            return True
    except OSError:
        return False


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_the_limit_counts_per_client_and_bucket_and_resets_each_minute() -> None:
    clock = Clock(600.0)
    limiter = InProcessRateLimiter(clock=clock)

    async def run() -> list[int]:
        waits = [await limiter.hit("chat", "a", 2) for _ in range(3)]
        waits.append(await limiter.hit("chat", "b", 2))  # another client
        waits.append(await limiter.hit("write", "a", 2))  # another bucket
        clock.now = 645.0
        waits.append(await limiter.hit("chat", "a", 2))
        clock.now = 660.0  # the next minute
        waits.append(await limiter.hit("chat", "a", 2))
        return waits

    assert asyncio.run(run()) == [0, 0, 60, 0, 0, 15, 0]


@pytest.mark.skipif(not _redis_answers(), reason="Redis is not running at 127.0.0.1:6379")
def test_two_workers_share_one_allowance_through_redis() -> None:
    prefix = f"ssr:test:{uuid.uuid4().hex}"
    clock = Clock(1200.0)

    async def run() -> list[int]:
        workers = [RedisRateLimiter(f"redis://{REDIS[0]}:{REDIS[1]}/0", prefix=prefix,
                                    clock=clock) for _ in range(2)]
        try:
            return [await workers[n % 2].hit("chat", "10.0.0.7", 3) for n in range(5)]
        finally:
            for worker in workers:
                await worker.close()

    assert asyncio.run(run()) == [0, 0, 0, 60, 60]


def test_a_redis_that_is_down_lets_requests_through() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def run() -> int:
        limiter = RedisRateLimiter(f"redis://127.0.0.1:{port}/0")
        try:
            return await limiter.hit("chat", "a", 1) + await limiter.hit("chat", "a", 1)
        finally:
            await limiter.close()

    assert asyncio.run(run()) == 0
