"""Socket Mode serves the same listeners: requests handed to the app as Slack's socket client
hands them over, answers going out through the same Web API stand-in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from slack_api import TEAM, SlackWebAPI
from slack_harness import (
    APP_TOKEN,
    CHANNEL,
    ScriptedAssistant,
    SlackHarness,
    event_callback,
    section_texts,
    slack_settings,
)
from slack_sdk.socket_mode.request import SocketModeRequest

from connectors.slack.socket import socket_mode_handler


class _Socket:
    """What the handler answers on: Slack's socket, recording each envelope's response."""

    def __init__(self) -> None:
        self.responses: list[Any] = []
        import logging

        self.logger = logging.getLogger("test.socket")

    def send_socket_mode_response(self, response: Any) -> None:
        self.responses.append(response)


@pytest.fixture
def socket_slack(slack_api: SlackWebAPI, scripted: ScriptedAssistant, store,
                 tmp_path: Path) -> Iterator[SlackHarness]:
    # Socket Mode needs no signing secret: requests come over the bot's own connection
    settings = slack_settings(tmp_path, slack_api, slack_signing_secret=None)
    yield SlackHarness(slack_api, scripted, store, settings, mode="socket")


def test_a_mention_over_socket_mode_is_acknowledged_and_answered_in_a_thread(
        socket_slack: SlackHarness, scripted: ScriptedAssistant) -> None:
    handler = socket_mode_handler(socket_slack.app, APP_TOKEN)
    socket = _Socket()
    try:
        mention = socket_slack.mention("How many quotes?")
        handler.handle(socket, SocketModeRequest(  # type: ignore[arg-type]
            type="events_api", envelope_id="env-1", payload=event_callback(mention, "Ev0S1")))
        # the same event again, as Slack redelivers it over the socket
        handler.handle(socket, SocketModeRequest(  # type: ignore[arg-type]
            type="events_api", envelope_id="env-2", payload=event_callback(mention, "Ev0S1"),
            retry_attempt=1, retry_reason="timeout"))
        assert [r.envelope_id for r in socket.responses] == ["env-1", "env-2"]
        update = socket_slack.api.wait_for("chat.update")[0].params
        assert "*three quotes*" in section_texts(update["blocks"])
        assert socket_slack.api.wait_for("chat.postMessage")[0].params["thread_ts"] == \
            mention["ts"]
        socket_slack.api.settle()
        assert len(scripted.asked) == 1
        assert socket_slack.store.slack_thread_conversation(TEAM, CHANNEL, mention["ts"])
    finally:
        handler.close()


def test_a_slash_command_over_socket_mode_gets_its_acknowledgement_as_the_envelope_payload(
        socket_slack: SlackHarness) -> None:
    handler = socket_mode_handler(socket_slack.app, APP_TOKEN)
    socket = _Socket()
    try:
        command = {"team_id": TEAM, "channel_id": CHANNEL, "user_id": "U0STAFF01",
                   "command": "/ssr", "text": "help", "response_url":
                   socket_slack.api.response_url("sock"), "trigger_id": "1.2.t"}
        handler.handle(socket, SocketModeRequest(  # type: ignore[arg-type]
            type="slash_commands", envelope_id="env-3", payload=command))
        (response,) = socket.responses
        assert response.envelope_id == "env-3"
        assert "`/ssr find <need>`" in section_texts(response.payload["blocks"])
    finally:
        handler.close()


def test_an_app_token_slack_refuses_is_one_line_at_start(slack_api: SlackWebAPI,
                                                        scripted: ScriptedAssistant,
                                                        tmp_path: Path) -> None:
    from assistant.errors import SettingsError
    from connectors.slack.socket import run_socket_mode

    slack_api.fail_next("apps.connections.open", 200, {"ok": False, "error": "invalid_auth"})
    said: list[str] = []
    with pytest.raises(SettingsError) as raised:
        run_socket_mode(scripted, slack_settings(tmp_path, slack_api), say=said.append)
    assert str(raised.value).startswith("Slack refused SLACK_APP_TOKEN: invalid_auth")
    assert said == []
    opened = slack_api.calls_to("apps.connections.open")
    assert opened and opened[0].headers["Authorization"] == f"Bearer {APP_TOKEN}"
