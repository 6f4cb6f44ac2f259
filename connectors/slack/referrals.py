"""Referrals from the website, posted to the advisers' Slack channel as a card to claim."""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from assistant.conversations import Referral
from assistant.settings import Settings
from connectors.slack.blocks import referral_card
from connectors.slack.client import make_web_client

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


def referral_notifier(settings: Settings) -> SlackReferralNotifier | None:
    """The web app's notifier when Slack is set up for referrals (SLACK_BOT_TOKEN and
    SSR_REFERRAL_CHANNEL), whichever mode the bot itself runs in; None otherwise."""
    if settings.slack_bot_token is None or not settings.referral_channel:
        return None
    client = make_web_client(settings.slack_bot_token.get_secret_value(),
                             settings.slack_api_url)
    return SlackReferralNotifier(client, settings.referral_channel)
