"""Referrals to a human adviser: what the adviser is told, and who is told.

A referral carries the contact the user consented to give and a summary of what the
conversation established (facts understood, verdicts, signposts), never the messages
themselves. Channels that reach advisers (a log by default, a Slack channel when the bot runs)
implement `ReferralNotifier`; a notifier never writes the contact into a log.
"""

from __future__ import annotations

import logging
from typing import Protocol

from assistant.conversations import (
    Conversation,
    Referral,
    ReferralSummary,
    SignpostSummary,
    VerdictSummary,
)

log = logging.getLogger(__name__)


class ReferralNotifier(Protocol):
    def notify(self, referral: Referral) -> None:
        """Tell advisers that a referral is waiting. Called after the referral is stored;
        an error here does not lose the referral."""
        ...


class LogReferralNotifier:
    """The default: one log line per referral, with its id and what it is about, and no
    personal data (the adviser reads the contact from the store)."""

    def __init__(self, logger: logging.Logger = log) -> None:
        self._log = logger

    def notify(self, referral: Referral) -> None:
        verdicts = ", ".join(f"{v.programme}: {v.decision}" for v in referral.summary.verdicts)
        self._log.info("referral %s from conversation %s: %d fact(s) understood; %s",
                       referral.id, referral.conversation_id,
                       len(referral.summary.understood), verdicts or "no verdict yet")


def summarise(conversation: Conversation) -> ReferralSummary:
    """What an adviser needs from the conversation: the latest facts understood and verdicts,
    and every facility or team suggested; no message text."""
    understood = []
    verdicts: list[VerdictSummary] = []
    signposts: dict[str, SignpostSummary] = {}
    for turn in conversation.turns:
        reply = turn.reply
        if reply.understood:
            understood = list(reply.understood)
        if reply.eligibility:
            verdicts = [VerdictSummary(programme=r.programme, decision=r.decision,
                                       missing_facts=list(r.missing_facts))
                        for r in reply.eligibility]
        for signpost in reply.signposts:
            signposts.setdefault(signpost.name, SignpostSummary(name=signpost.name,
                                                                partner=signpost.partner))
    return ReferralSummary(understood=understood, verdicts=verdicts,
                           signposts=list(signposts.values()), turns=len(conversation.turns))
