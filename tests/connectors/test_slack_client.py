"""The Web API client and the Slack settings: rate limits retried, credentials checked at
start with one line saying what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from slack_api import SlackWebAPI
from slack_harness import BOT_TOKEN, slack_settings

from assistant.errors import SettingsError
from assistant.settings import load_settings
from connectors.slack.client import make_web_client
from connectors.slack.config import slack_config


def test_a_rate_limited_call_is_retried_after_the_wait_slack_asks_for(
        slack_api: SlackWebAPI) -> None:
    waits: list[float] = []
    client = make_web_client(BOT_TOKEN, slack_api.url, sleep=waits.append)
    slack_api.fail_next("chat.postMessage", 429, headers={"Retry-After": "2"})
    slack_api.fail_next("chat.postMessage", 429, headers={"Retry-After": "600"})
    response = client.chat_postMessage(channel="C0HUB0001", text="hello")
    assert response["ok"] is True
    assert waits == [2.0, 30.0]  # a very long wait is capped
    assert len(slack_api.calls_to("chat.postMessage")) == 3


def test_the_client_gives_up_after_a_few_rate_limited_tries(slack_api: SlackWebAPI) -> None:
    from slack_sdk.errors import SlackApiError

    client = make_web_client(BOT_TOKEN, slack_api.url, sleep=lambda s: None)
    for _ in range(4):
        slack_api.fail_next("chat.update", 429, headers={"Retry-After": "1"})
    with pytest.raises(SlackApiError):
        client.chat_update(channel="C0HUB0001", ts="1.2", text="hello")
    assert len(slack_api.calls_to("chat.update")) == 4


@pytest.mark.parametrize(("mode", "missing", "says"), [
    ("socket", "slack_bot_token", "SLACK_BOT_TOKEN is not set"),
    ("socket", "slack_app_token", "SLACK_APP_TOKEN is not set"),
    ("http", "slack_signing_secret", "SLACK_SIGNING_SECRET is not set"),
])
def test_a_missing_credential_is_named(tmp_path: Path, slack_api: SlackWebAPI, mode: str,
                                       missing: str, says: str) -> None:
    settings = slack_settings(tmp_path, slack_api, **{missing: None})
    with pytest.raises(SettingsError) as raised:
        slack_config(settings, mode)  # type: ignore[arg-type]
    assert str(raised.value).startswith(says)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(("variable", "value", "says"), [
    ("SLACK_BOT_TOKEN", "xoxb-your-token-here", "setting SLACK_BOT_TOKEN: is not a bot token"),
    ("SLACK_BOT_TOKEN", "xapp-1-A0APP0001-300-abc", "setting SLACK_BOT_TOKEN: is not a bot"),
    ("SLACK_APP_TOKEN", "xoxb-100-200-abc", "setting SLACK_APP_TOKEN: is not an app-level"),
    ("SLACK_SIGNING_SECRET", "not-a-secret", "setting SLACK_SIGNING_SECRET: is not the hex"),
    ("SSR_REFERRAL_CHANNEL", "referrals please", "setting referral_channel: must be a channel"),
    ("SSR_SLACK_API_URL", "slack.example.org", "setting slack_api_url: must start with http"),
])
def test_a_malformed_credential_is_refused_without_echoing_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, variable: str, value: str,
        says: str) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the working folder
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as raised:
        load_settings(data_dir=tmp_path)
    message = str(raised.value)
    assert message.startswith(says) and "\n" not in message
    if variable.startswith("SLACK_"):
        assert value not in message


def test_slack_credentials_are_read_from_slacks_own_variable_names(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "0123456789abcdef0123456789abcdef")
    monkeypatch.setenv("SSR_SLACK_API_URL", "http://127.0.0.1:9/api")
    monkeypatch.setenv("SSR_REFERRAL_CHANNEL", "#ssr-referrals")
    config = slack_config(load_settings(data_dir=tmp_path), "http")
    assert config.bot_token == BOT_TOKEN
    assert config.api_url == "http://127.0.0.1:9/api/"
    assert config.referral_channel == "#ssr-referrals"
    assert BOT_TOKEN not in repr(load_settings(data_dir=tmp_path))


def test_a_token_slack_refuses_is_one_line_at_start(slack_api: SlackWebAPI,
                                                   tmp_path: Path) -> None:
    from slack_harness import ScriptedAssistant

    from assistant.conversations import SqlConversationStore, sqlite_url
    from connectors.slack.app import build_slack_app

    store = SqlConversationStore(sqlite_url(tmp_path / "c.sqlite3"))
    slack_api.fail_next("auth.test", 200, {"ok": False, "error": "invalid_auth"})
    client = make_web_client(BOT_TOKEN, slack_api.url)
    with pytest.raises(SettingsError) as raised:
        build_slack_app(ScriptedAssistant(store), slack_settings(tmp_path, slack_api), client)
    assert "Slack refused SLACK_BOT_TOKEN" in str(raised.value)
    assert "invalid_auth" in str(raised.value)
