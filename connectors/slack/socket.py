"""The Slack app over Socket Mode: Slack opens no connection to us; the bot connects out with
the app-level token, so it runs behind a firewall with no public URL."""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler


def socket_mode_handler(app: App, app_token: str) -> SocketModeHandler:
    """The handler that feeds Socket Mode requests to the app's listeners (`start()` connects
    and blocks). It speaks with Slack through the app's own Web API client."""
    return SocketModeHandler(app, app_token=app_token, web_client=app.client)
