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


def test_the_web_app_serves_the_bot_and_posts_website_referrals(
        slack_api: SlackWebAPI, scripted: ScriptedAssistant, tmp_path: Path) -> None:
    import time

    from fastapi.testclient import TestClient
    from slack_harness import SIGNING_SECRET, event_callback
    from slack_sdk.signature import SignatureVerifier

    from connectors.web.app import create_app

    app = create_app(scripted, slack_settings(tmp_path, slack_api),  # type: ignore[arg-type]
                     warm_up=False)
    mention = SlackHarness.next_ts()
    body = json.dumps(event_callback({
        "type": "app_mention", "user": "U0STAFF01", "text": "<@UBOT0001> How do I apply?",
        "ts": mention, "channel": "C0HUB0001", "team": "T0TEAM01"}, "Ev0WEB0001"))
    stamp = str(int(time.time()))
    signature = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=stamp, body=body)
    with TestClient(app) as client:
        answered = client.post("/slack/events", content=body, follow_redirects=False, headers={
            "content-type": "application/json", "x-slack-request-timestamp": stamp,
            "x-slack-signature": signature})
        assert answered.status_code == 200
        assert slack_api.wait_for("chat.update")[0].params["channel"] == "C0HUB0001"
        assert client.post("/slack/events", content=body, headers={
            "content-type": "application/json"}).status_code == 401
        assert "/slack/events" not in client.get("/openapi.json").text

        conversation_id = scripted.asked[0][1]
        referred = client.post("/v1/referrals", json={
            "conversation_id": conversation_id, "name": "Sam Owner",
            "email": "sam@widgets.example", "company": "Widgets Ltd", "consent": True})
        assert referred.status_code == 201, referred.text
    card = next(c.params for c in slack_api.wait_for("chat.postMessage", 2)
                if c.params["channel"] == REFERRAL_CHANNEL)
    assert card["text"] == "Referral: Widgets Ltd"
    assert "sam@widgets.example" not in json.dumps(card)
