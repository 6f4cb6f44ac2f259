"""The composition root of a web worker: settings from the environment, the engine built,
the app made. `ssr-assistant serve` runs `app_from_settings` in each uvicorn worker."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI

from connectors.web.app import create_app


def app_from_settings() -> FastAPI:
    from assistant.factory import build, configure_runtime
    from assistant.settings import load_settings

    settings = load_settings()
    configure_runtime(settings)
    _log_to_stderr()
    components = build(settings, progress=False)

    def reindex() -> dict[str, Any]:
        return components.ingestor.ingest().as_dict()

    slack_endpoint, notifier = _slack(components.assistant, settings)
    app = create_app(components.assistant, settings, reindex=reindex, notifier=notifier)
    if slack_endpoint is not None:
        app.mount("/slack/events", slack_endpoint)
    return app


def _slack(assistant: Any, settings: Any) -> tuple[Any, Any]:
    """The Slack bot's HTTP endpoint and the notifier that posts website referrals to the
    advisers' channel, when the Slack settings are there; (None, None) otherwise."""
    from connectors.slack.config import slack_configured

    if not slack_configured(settings):
        return None, None
    from connectors.slack.app import build_slack_app
    from connectors.slack.client import make_web_client
    from connectors.slack.config import slack_config
    from connectors.slack.http import SlackEventsEndpoint
    from connectors.slack.referrals import SlackReferralNotifier

    config = slack_config(settings, "http")
    client = make_web_client(config.bot_token, config.api_url)
    endpoint = SlackEventsEndpoint(build_slack_app(assistant, settings, client, mode="http"))
    notifier = (SlackReferralNotifier(client, config.referral_channel)
                if config.referral_channel else None)
    return endpoint, notifier


def _log_to_stderr() -> None:
    logger = logging.getLogger("ssr")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
