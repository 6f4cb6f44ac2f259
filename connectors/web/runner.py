"""Running the synchronous engine off the event loop: a bounded pool of threads, a bounded
queue in front of it (past which the API says it is busy), and one turn at a time per
conversation within this process (across processes the store's versions keep turns apart).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from functools import partial
from typing import TypeVar

from connectors.web.errors import Busy

T = TypeVar("T")


class EngineRunner:
    def __init__(self, threads: int, queue: int) -> None:
        if threads < 1 or queue < 0:
            raise ValueError(f"threads must be at least 1 and queue at least 0; got "
                             f"threads={threads}, queue={queue}")
        self.threads = threads
        self.capacity = threads + queue
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="engine")
        self._admitted = 0
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @property
    def in_flight(self) -> int:
        return self._admitted

    def admit(self) -> Ticket:
        """A place among the turns being answered or waiting, or `Busy` if there is none.
        Release the ticket when the turn is over (a streamed turn holds it to its end)."""
        if self._admitted >= self.capacity:
            raise Busy()
        self._admitted += 1
        return Ticket(self)

    def _release(self) -> None:
        self._admitted -= 1

    async def run(self, fn: Callable[..., T], /, *args: object, **kwargs: object) -> T:
        """`fn(*args, **kwargs)` on an engine thread. Cancelling the caller does not stop the
        thread: pass the engine a `cancelled` check for that."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, partial(fn, *args, **kwargs))

    @asynccontextmanager
    async def conversation(self, conversation_id: str | None) -> AsyncIterator[None]:
        """Turns on one conversation, one at a time and in arrival order, in this process."""
        if conversation_id is None:
            yield
            return
        lock, users = self._locks.get(conversation_id, (asyncio.Lock(), 0))
        self._locks[conversation_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[conversation_id]
            if users <= 1:
                del self._locks[conversation_id]
            else:
                self._locks[conversation_id] = (lock, users - 1)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


class Ticket:
    def __init__(self, runner: EngineRunner) -> None:
        self._runner: EngineRunner | None = runner

    def release(self) -> None:
        if self._runner is not None:
            self._runner._release()
            self._runner = None


class Cancellation:
    """Set from the event loop when the client goes away; read by the engine's thread."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    def __call__(self) -> bool:
        return self._event.is_set()
