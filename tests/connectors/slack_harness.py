"""The Slack bot under test, as Slack meets it: signed requests over HTTP to `/slack/events`,
the bot's Web API calls landing on a local stand-in for Slack (`SlackWebAPI`).

`ScriptedAssistant` answers from a script instead of the knowledge base, storing its turns in
the real conversation store, so listener tests run in milliseconds; the real engine is used by
the tests marked slow.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
from slack_api import BOT_USER, TEAM, SlackWebAPI
from slack_sdk.signature import SignatureVerifier

from assistant.business import Facts
from assistant.conversations import Conversation, SqlConversationStore
from assistant.errors import InputError
from assistant.reply import Citation, Reply
from assistant.settings import Settings
from connectors.slack.app import build_slack_app
from connectors.slack.client import make_web_client
from connectors.slack.http import SlackEventsEndpoint
from knowledge.programme import Contact, Programme

BOT_TOKEN = "xoxb-100-200-testbottoken"
APP_TOKEN = "xapp-1-A0APP0001-300-testapptoken"
SIGNING_SECRET = "0123456789abcdef0123456789abcdef"
REFERRAL_CHANNEL = "C0REFER01"
CHANNEL = "C0HUB0001"
STAFF = "U0STAFF01"

Script = Callable[[str, Conversation], Reply]
_MESSAGE_TS = itertools.count(1)  # Slack's message timestamps, unique within a test run


def grounded_reply(message: str, conversation: Conversation) -> Reply:
    """An answer with two sources, like the engine's answer to a programme question."""
    return Reply(
        conversation_id=conversation.id, message_id=uuid.uuid4().hex,
        route="programme_question", grounded=True,
        answer=f"You need **three quotes** for items over £5,000 [1]. See [the guide]"
               f"(https://example.org/guide) [2].\n\n(turn {len(conversation.turns) + 1})",
        citations=[
            Citation(n=1, title="SSR Eligibility Rules", source="guidance/rules/rules.pdf",
                     locator="clause 6.4, page 9", quote="Three quotes are needed."),
            Citation(n=2, title="How to apply", source="guidance/applying/how-to-apply.html",
                     locator="Step 2", url="https://example.org/apply", quote="Get quotes."),
        ])


@dataclass
class ScriptedAssistant:
    """The engine's interface, answering from a script; turns go to the real store."""

    store: SqlConversationStore
    script: Script = grounded_reply
    programme: Programme = field(default_factory=lambda: Programme(
        name="the Test Programme", contact=Contact(team="the test team",
                                                   email="team@example.org")))
    asked: list[tuple[str, str | None]] = field(default_factory=list)
    gate: threading.Event | None = None  # when set, each turn waits for it

    def ask(self, message: str, conversation_id: str | None = None) -> Reply:
        self.asked.append((message, conversation_id))
        if self.gate is not None:
            self.gate.wait(10)
        if not message.strip():
            raise InputError("Please type a question about the programme.")
        conversation = (self.store.get(conversation_id) if conversation_id
                        else self.store.create())
        assert conversation is not None
        reply = self.script(message, conversation)
        self.store.append_turn(conversation.id, message, reply, Facts(), reply.follow_up,
                               expected_version=conversation.version)
        return reply

    def conversation(self, conversation_id: str) -> Conversation | None:
        return self.store.get(conversation_id)


def slack_settings(data_dir: Path, api: SlackWebAPI, **values: object) -> Settings:
    defaults: dict[str, object] = {
        "slack_bot_token": BOT_TOKEN, "slack_signing_secret": SIGNING_SECRET,
        "slack_app_token": APP_TOKEN, "slack_api_url": api.url,
        "referral_channel": REFERRAL_CHANNEL}
    return Settings(_env_file=None, data_dir=data_dir,  # type: ignore[call-arg]
                    **{**defaults, **values})


class SlackHarness:
    """Builds the app on the stand-in and sends it what Slack would send."""

    def __init__(self, api: SlackWebAPI, assistant: Any, store: SqlConversationStore,
                 settings: Settings, mode: str = "http") -> None:
        self.api = api
        self.assistant = assistant
        self.store = store
        self.waits: list[float] = []
        self.client = make_web_client(BOT_TOKEN, api.url, sleep=self.waits.append)
        self.app = build_slack_app(assistant, settings, self.client, store=store,
                                   mode=mode)  # type: ignore[arg-type]
        self.endpoint = SlackEventsEndpoint(self.app)
        self._verifier = SignatureVerifier(SIGNING_SECRET)

    # -- sending -----------------------------------------------------------------------------

    def post(self, body: str, content_type: str, *, signed: bool = True,
             timestamp: int | None = None, secret: str | None = None,
             headers: dict[str, str] | None = None) -> httpx.Response:
        sent = {"content-type": content_type, **(headers or {})}
        if signed:
            stamp = str(timestamp if timestamp is not None else int(time.time()))
            verifier = SignatureVerifier(secret) if secret else self._verifier
            sent["x-slack-request-timestamp"] = stamp
            sent["x-slack-signature"] = verifier.generate_signature(timestamp=stamp, body=body)

        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.endpoint)
            async with httpx.AsyncClient(transport=transport,
                                         base_url="http://slack.test") as client:
                return await client.post("/slack/events", content=body.encode(), headers=sent)

        return asyncio.run(send())

    def event(self, event: dict[str, Any], *, event_id: str | None = None,
              **options: Any) -> httpx.Response:
        body = event_callback(event, event_id or f"Ev{uuid.uuid4().hex[:10].upper()}")
        return self.post(json.dumps(body), "application/json", **options)

    def command(self, text: str, *, user: str = STAFF, channel: str = CHANNEL,
                response: str = "cmd", **options: Any) -> httpx.Response:
        form = {"token": "unused", "team_id": TEAM, "team_domain": "ssr-test",
                "channel_id": channel, "channel_name": "hub", "user_id": user,
                "user_name": "jo.staff", "command": "/ssr", "text": text,
                "api_app_id": "A0APP0001", "response_url": self.api.response_url(response),
                "trigger_id": "1.2.trigger"}
        return self.post(urlencode(form), "application/x-www-form-urlencoded", **options)

    def action(self, action_id: str, value: str, *, message: dict[str, Any] | None = None,
               user: str = STAFF, name: str = "Jo Staff", channel: str = CHANNEL,
               ephemeral: bool = False, response: str = "action") -> httpx.Response:
        payload: dict[str, Any] = {
            "type": "block_actions", "team": {"id": TEAM, "domain": "ssr-test"},
            "user": {"id": user, "username": name.lower().replace(" ", "."), "name": name,
                     "team_id": TEAM},
            "api_app_id": "A0APP0001", "token": "unused", "trigger_id": "3.4.trigger",
            "channel": {"id": channel, "name": "hub"},
            "container": {"type": "message", "channel_id": channel, "is_ephemeral": ephemeral,
                          "message_ts": (message or {}).get("ts", "1700000000.999999")},
            "response_url": self.api.response_url(response),
            "actions": [{"action_id": action_id, "block_id": "ssr_actions", "value": value,
                         "type": "button", "action_ts": f"{time.time():.6f}"}],
        }
        if message is not None and not ephemeral:
            payload["message"] = message
        return self.post(urlencode({"payload": json.dumps(payload)}),
                         "application/x-www-form-urlencoded")

    def view_submission(self, view: dict[str, Any], values: dict[str, str], *,
                        user: str = STAFF) -> httpx.Response:
        state: dict[str, Any] = {}
        for block in view["blocks"]:
            if block["type"] != "input":
                continue
            block_id = block["block_id"]
            if block["element"]["type"] == "checkboxes":
                options = block["element"]["options"] if values.get(block_id) else []
                state[block_id] = {"value": {"type": "checkboxes", "selected_options": options}}
            else:
                state[block_id] = {"value": {"type": "plain_text_input",
                                             "value": values.get(block_id) or None}}
        payload = {"type": "view_submission", "team": {"id": TEAM},
                   "user": {"id": user, "name": "Jo Staff", "team_id": TEAM},
                   "api_app_id": "A0APP0001", "token": "unused", "trigger_id": "5.6.trigger",
                   "view": {**view, "id": "V0000001", "team_id": TEAM,
                            "state": {"values": state}}}
        return self.post(urlencode({"payload": json.dumps(payload)}),
                         "application/x-www-form-urlencoded")

    # -- Slack's events ----------------------------------------------------------------------

    @staticmethod
    def next_ts() -> str:
        return f"1700001000.{next(_MESSAGE_TS):06d}"

    def mention(self, text: str, *, thread_ts: str | None = None, channel: str = CHANNEL,
                user: str = STAFF) -> dict[str, Any]:
        event = {"type": "app_mention", "user": user, "text": f"<@{BOT_USER}> {text}",
                 "ts": self.next_ts(), "channel": channel, "team": TEAM}
        if thread_ts:
            event["thread_ts"] = thread_ts
        event["event_ts"] = event["ts"]
        return event

    def message(self, text: str, *, thread_ts: str | None = None, channel: str = CHANNEL,
                channel_type: str = "channel", user: str = STAFF,
                **extra: Any) -> dict[str, Any]:
        event = {"type": "message", "user": user, "text": text, "ts": self.next_ts(),
                 "channel": channel, "channel_type": channel_type, "team": TEAM, **extra}
        if thread_ts:
            event["thread_ts"] = thread_ts
        event["event_ts"] = event["ts"]
        return event


def event_callback(event: dict[str, Any], event_id: str) -> dict[str, Any]:
    return {"token": "unused", "team_id": TEAM, "api_app_id": "A0APP0001", "event": event,
            "type": "event_callback", "event_id": event_id, "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
            "is_ext_shared_channel": False}


def section_texts(blocks: list[dict[str, Any]]) -> str:
    """Every mrkdwn text in the blocks, one per line (for assertions on what a person reads)."""
    out = []
    for block in blocks:
        if "text" in block and isinstance(block["text"], dict):
            out.append(block["text"]["text"])
        for element in block.get("elements", []):
            if isinstance(element.get("text"), str):
                out.append(element["text"])
            elif isinstance(element.get("text"), dict):
                out.append(element["text"]["text"])
    return "\n".join(out)


def buttons(blocks: list[dict[str, Any]]) -> dict[str, str]:
    """action_id -> value of every button in the blocks."""
    return {e["action_id"]: e.get("value", "") for b in blocks if b["type"] == "actions"
            for e in b["elements"]}


def eligibility_reply(message: str, conversation: Conversation) -> Reply:
    """A checklist reply like the engine's to a described business: one programme open, one
    needing a fact, what was understood, and the question still open."""
    from assistant.reply import Criterion, EligibilityResult, Understood

    rules = Citation(n=1, title="SSR Eligibility Rules", source="guidance/rules/rules.pdf",
                     locator="clause 3.2, page 4", quote="The applicant must be an SME.")
    question = "Is the business in administration, liquidation or other insolvency proceedings?"
    return Reply(
        conversation_id=conversation.id, message_id=uuid.uuid4().hex, route="eligibility",
        grounded=True, citations=[rules], follow_up=[question],
        answer="**Productivity Booster: I need a little more information.**\n\n"
               "What you could receive: 45% of eligible costs, £10,000 to £100,000 [1].",
        eligibility=[
            EligibilityResult(programme="Productivity Booster", decision="need_more_info",
                              missing_facts=["insolvent"], criteria=[
                Criterion(id="sme", met=True, explanation="45 staff and £4m: a small business.",
                          citation=rules.model_copy(update={"n": 0})),
                Criterion(id="not-insolvent", met=None,
                          explanation="We need to confirm it is not insolvent."),
            ]),
            EligibilityResult(programme="Medical Technologies Hub", decision="ineligible",
                              criteria=[Criterion(id="sector-fit", met=False,
                                                  explanation="Not in medical technologies.")]),
        ],
        understood=[Understood(fact="employees", value="45 staff", text="45 people"),
                    Understood(fact="turnover", value="turnover £4m", text="£4m turnover")],
    )


def signpost_reply(message: str, conversation: Conversation) -> Reply:
    from assistant.reply import Signpost

    return Reply(
        conversation_id=conversation.id, message_id=uuid.uuid4().hex, route="signposting",
        grounded=True, answer="These could help with that:\n- **Climatic chamber** (WMG) [1]",
        citations=[Citation(n=1, title="Climatic chamber", source="catalogue/facilities.csv",
                            locator="row 4")],
        signposts=[Signpost(name="Climatic chamber", partner="WMG", location="Coventry",
                            why="Tests battery packs from -40 to 85 °C.",
                            url="https://example.org/chamber")])
