"""What the web app takes from the Slack package: `/slack/events` when HTTP mode is set up, and
a referral notifier when a referral channel is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from slack_api import SlackWebAPI
from slack_harness import REFERRAL_CHANNEL, ScriptedAssistant, SlackHarness, slack_settings

from assistant.errors import SettingsError
from connectors.slack.http import slack_endpoint
from connectors.slack.referrals import referral_notifier


def test_the_endpoint_is_served_only_in_http_mode(slack_api: SlackWebAPI,
                                                   scripted: ScriptedAssistant,
                                                   tmp_path: Path) -> None:
    socket_only = slack_settings(tmp_path, slack_api, slack_signing_secret=None)
    assert slack_endpoint(scripted, socket_only) is None
    half = slack_settings(tmp_path, slack_api, slack_bot_token=None)
    with pytest.raises(SettingsError, match="SLACK_BOT_TOKEN is not set"):
        slack_endpoint(scripted, half)
    assert slack_endpoint(scripted, slack_settings(tmp_path, slack_api)) is not None


def test_slack_can_verify_the_request_url(slack: SlackHarness) -> None:
    challenge = {"token": "unused", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdAL",
                 "type": "url_verification"}
    response = slack.post(json.dumps(challenge), "application/json")
    assert response.status_code == 200
    assert response.json() == {"challenge": challenge["challenge"]}
    assert slack.post(json.dumps(challenge), "application/json",
                      signed=False).status_code == 401


def test_only_post_is_accepted(slack: SlackHarness) -> None:
    import asyncio

    import httpx

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=slack.endpoint)
        async with httpx.AsyncClient(transport=transport, base_url="http://slack.test") as c:
            return await c.get("/slack/events")

    assert asyncio.run(get()).status_code == 405


def test_website_referrals_go_to_the_channel_only_when_one_is_set(
        slack_api: SlackWebAPI, tmp_path: Path, slack: SlackHarness,
        scripted: ScriptedAssistant) -> None:
    assert referral_notifier(slack_settings(tmp_path, slack_api, referral_channel=None)) is None
    notifier = referral_notifier(slack_settings(tmp_path, slack_api))
    assert notifier is not None
    from assistant.conversations import ReferralContact
    from assistant.referrals import summarise

    reply = scripted.ask("How do I apply?")
    conversation = slack.store.get(reply.conversation_id)
    referral = slack.store.add_referral(
        conversation.id, ReferralContact(name="Sam", email="sam@x.example", company="X Ltd"),
        summarise(conversation))
    notifier.notify(referral)
    posted = slack_api.wait_for("chat.postMessage")[0].params
    assert posted["channel"] == REFERRAL_CHANNEL and posted["text"] == "Referral: X Ltd"
