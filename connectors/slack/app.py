"""`build_slack_app`: the Bolt app with the bot's listeners, the same for Socket Mode and HTTP."""

from __future__ import annotations

import logging
from concurrent.futures import Executor, ThreadPoolExecutor

from slack_bolt import App
from slack_bolt.error import BoltError
from slack_sdk import WebClient

from assistant.errors import SettingsError
from assistant.referrals import LogReferralNotifier, ReferralNotifier
from assistant.settings import Settings
from connectors.slack.config import Mode, slack_config
from connectors.slack.listeners import SlackBot
from connectors.slack.ports import Answerer, Ledger, MemoryLedger, SlackStore
from connectors.slack.referrals import SlackReferralNotifier

# Turns answered at once: the engine is synchronous and CPU-bound, so more threads than this
# only queue behind each other (and behind the web API's turns).
ANSWER_THREADS = 4


def build_slack_app(assistant: Answerer, settings: Settings, client: WebClient, *,
                    mode: Mode = "http", store: SlackStore | None = None,
                    ledger: Ledger | None = None, notifier: ReferralNotifier | None = None,
                    executor: Executor | None = None, command: str = "ssr") -> App:
    """The Slack app: listeners for mentions, direct messages, thread replies, `/ssr`, answer
    buttons, the referral form and referral cards.

    `client` is the Web API client the app speaks with (`make_web_client`); its token is checked
    with Slack now (auth.test), so a revoked or mistyped token fails here, not at the first
    message. `store` defaults to the engine's own store; referrals made in Slack are posted to
    the referral channel when one is set.
    """
    config = slack_config(settings, mode)
    store = store if store is not None else _store_of(assistant)
    if notifier is None:
        notifier = (SlackReferralNotifier(client, config.referral_channel)
                    if config.referral_channel else LogReferralNotifier())
    programme = getattr(assistant, "programme", None)
    bot = SlackBot(assistant, store, ledger or MemoryLedger(), notifier,
                   programme=getattr(programme, "name", "the programme"),
                   contact=programme.contact.sentence() if programme else "the programme team",
                   command=command)
    try:
        app = App(client=client, signing_secret=config.signing_secret, name="ssr-assistant",
                  logger=logging.getLogger("ssr.slack.bolt"),
                  request_verification_enabled=mode == "http",
                  listener_executor=executor or ThreadPoolExecutor(
                      ANSWER_THREADS, thread_name_prefix="ssr-slack"))
    except BoltError as error:
        raise SettingsError(f"Slack refused SLACK_BOT_TOKEN at {config.api_url}: "
                            f"{_reason(error)}") from error
    bot.register(app)
    return app


def _store_of(assistant: Answerer) -> SlackStore:
    store = getattr(assistant, "store", None)
    if not isinstance(store, SlackStore):
        raise TypeError("the Slack bot needs a store with referrals and Slack threads "
                        f"(SqlConversationStore); got {type(store).__name__}")
    return store


def _reason(error: BoltError) -> str:
    text = str(error)
    return text.split("error: ")[-1] if "error: " in text else text
