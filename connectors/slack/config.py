"""What the Slack bot needs from the settings, checked once at start with one-line errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.errors import SettingsError
from assistant.settings import Settings

Mode = Literal["socket", "http"]

_WHERE = "see the Slack section of the README"


@dataclass(frozen=True)
class SlackConfig:
    bot_token: str
    signing_secret: str  # "" in Socket Mode when unset: requests come over the app's socket
    app_token: str | None
    api_url: str
    referral_channel: str | None


def slack_config(settings: Settings, mode: Mode) -> SlackConfig:
    """The Slack settings for a mode, or `SettingsError` naming what is missing and where to
    find it. Socket Mode needs the bot and app-level tokens; HTTP needs the bot token and the
    signing secret that verifies each request."""
    bot = settings.slack_bot_token
    secret = settings.slack_signing_secret
    app = settings.slack_app_token
    if bot is None:
        raise SettingsError(
            "SLACK_BOT_TOKEN is not set: install the app and copy its Bot User OAuth Token "
            f"(xoxb-...) from OAuth & Permissions; {_WHERE}")
    if mode == "socket" and app is None:
        raise SettingsError(
            "SLACK_APP_TOKEN is not set: Socket Mode needs an app-level token (xapp-...) with "
            f"the connections:write scope, from Basic Information > App-Level Tokens; {_WHERE}")
    if mode == "http" and secret is None:
        raise SettingsError(
            "SLACK_SIGNING_SECRET is not set: requests to /slack/events are verified with the "
            f"Signing Secret from Basic Information > App Credentials; {_WHERE}")
    return SlackConfig(
        bot_token=bot.get_secret_value(),
        signing_secret=secret.get_secret_value() if secret else "",
        app_token=app.get_secret_value() if app else None,
        api_url=settings.slack_api_url,
        referral_channel=settings.referral_channel,
    )

