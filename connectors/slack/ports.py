"""What the Slack bot needs from the rest of the system, as Protocols: the engine that answers,
the store that keeps conversations, feedback, referrals and thread links, and the ledger that
remembers which Slack messages were already answered."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from assistant.conversations import (
    Conversation,
    Rating,
    Referral,
    ReferralContact,
    ReferralSummary,
)
from assistant.reply import Reply


class Answerer(Protocol):
    """The engine, as the bot uses it (`assistant.engine.Assistant`)."""

    def ask(self, message: str, conversation_id: str | None = None) -> Reply: ...

    def conversation(self, conversation_id: str) -> Conversation | None: ...


@runtime_checkable
class SlackStore(Protocol):
    """The conversation store's parts the bot uses (`SqlConversationStore` has them all)."""

    def create(self) -> Conversation: ...

    def get(self, conversation_id: str) -> Conversation | None: ...

    def delete(self, conversation_id: str) -> bool: ...

    def add_feedback(self, message_id: str, rating: Rating, comment: str = "") -> None: ...

    def add_referral(self, conversation_id: str, contact: ReferralContact,
                     summary: ReferralSummary) -> Referral: ...

    def referral(self, referral_id: str) -> Referral | None: ...

    def claim_referral(self, referral_id: str, claimant: str) -> Referral: ...

    def link_slack_thread(self, team_id: str, channel_id: str, thread_ts: str,
                          conversation_id: str) -> str: ...

    def slack_thread_conversation(self, team_id: str, channel_id: str,
                                  thread_ts: str) -> str | None: ...


class Ledger(Protocol):
    def first_time(self, key: str) -> bool:
        """True the first time a key is seen, False after (within the ledger's memory)."""
        ...


class MemoryLedger:
    """Keys seen in the last `ttl_s` seconds, at most `size` of them, in this process.

    Slack retries an event it thinks was lost (same event id) and sends a message that mentions
    the bot twice (as a mention and as a message, different event ids, same channel and ts):
    keyed by the message, both are answered once. Slack retries within about five minutes.
    """

    def __init__(self, size: int = 10_000, ttl_s: float = 3600.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._size = size
        self._ttl_s = ttl_s
        self._clock = clock
        self._lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        now = self._clock()
        with self._lock:
            while self._seen:
                oldest, at = next(iter(self._seen.items()))
                if now - at <= self._ttl_s and len(self._seen) < self._size:
                    break
                self._seen.pop(oldest)
            if key in self._seen:
                return False
            self._seen[key] = now
            return True
