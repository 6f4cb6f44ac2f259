"""The Slack app over Socket Mode: Slack opens no connection to us; the bot connects out with
the app-level token, so it runs behind a firewall with no public URL."""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.error import URLError

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk.errors import SlackApiError

from assistant.errors import SettingsError
from assistant.settings import Settings
from connectors.slack.app import build_slack_app
from connectors.slack.client import make_web_client
from connectors.slack.config import slack_config
from connectors.slack.ports import Answerer


def socket_mode_handler(app: App, app_token: str) -> SocketModeHandler:
    """The handler that feeds Socket Mode requests to the app's listeners (`start()` connects
    and blocks). It speaks with Slack through the app's own Web API client."""
    return SocketModeHandler(app, app_token=app_token, web_client=app.client)


def run_socket_mode(assistant: Answerer, settings: Settings,
                    say: Callable[[str], None] = print) -> None:
    """Connect to Slack and answer until stopped. Bad or refused credentials raise
    `SettingsError` with one line saying which and why."""
    config = slack_config(settings, "socket")
    assert config.app_token is not None
    client = make_web_client(config.bot_token, config.api_url)
    app = build_slack_app(assistant, settings, client, mode="socket")
    handler = socket_mode_handler(app, config.app_token)
    try:
        try:
            handler.connect()
        except SlackApiError as error:
            raise SettingsError(
                f"Slack refused SLACK_APP_TOKEN: {error.response.get('error')} (it needs the "
                "connections:write scope, and Socket Mode turned on for the app)") from error
        except (URLError, OSError) as error:
            raise SettingsError(f"cannot reach Slack at {config.api_url}: {error}") from error
        say("Connected to Slack over Socket Mode; press Ctrl-C to stop.")
        threading.Event().wait()  # the client's own threads serve; this one only waits
    finally:
        handler.close()  # the client's threads stop, also after a refused connection
