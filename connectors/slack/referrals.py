"""Referrals from the website, posted to the advisers' Slack channel as a card to claim."""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from assistant.conversations import Referral
from connectors.slack.blocks import referral_card

log = logging.getLogger("ssr.slack")


class SlackReferralNotifier:
    """`ReferralNotifier` for Slack: a card in the referral channel with a Claim button. The
    card carries what the conversation established; contact details go only to the person who
    claims it."""

    def __init__(self, client: WebClient, channel: str) -> None:
        self._client = client
        self._channel = channel

    def notify(self, referral: Referral) -> None:
        card = referral_card(referral)
        self._client.chat_postMessage(channel=self._channel, unfurl_links=False,
                                      **card.payload())
        log.info("referral %s posted to %s", referral.id, self._channel)
