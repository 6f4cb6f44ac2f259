"""The bot's listeners: each acknowledges Slack at once and does the slow work (the engine, the
store, Slack's Web API) in a lazy listener, on the app's bounded thread pool.

They translate between Slack and the engine and nothing more: a message becomes a turn of the
conversation its thread carries, a reply becomes Block Kit, an error becomes a friendly message
where the person is looking. Never silence.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, BoltRequest, BoltResponse, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from assistant.conversations import (
    ReferralAlreadyClaimed,
    ReferralContact,
    UnknownConversation,
    UnknownMessage,
    UnknownReferral,
)
from assistant.errors import InputError
from assistant.referrals import ReferralNotifier, summarise
from assistant.reply import Reply
from connectors.slack import blocks as kit
from connectors.slack import texts
from connectors.slack.mrkdwn import mentions, plain_text
from connectors.slack.ports import Answerer, Ledger, SlackStore

log = logging.getLogger("ssr.slack")

SUBCOMMANDS = ("ask", "check", "find", "help")
_ANSWERED_SUBTYPES = {None, "file_share", "thread_broadcast"}  # what a person typed
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class SlackBot:
    """The listeners, with what they need passed in."""

    def __init__(self, assistant: Answerer, store: SlackStore, ledger: Ledger,
                 notifier: ReferralNotifier, *, programme: str, contact: str,
                 command: str = "ssr") -> None:
        self.assistant = assistant
        self.store = store
        self.ledger = ledger
        self.notifier = notifier
        self.programme = programme
        self.contact = contact
        self.command = command

    def register(self, app: App) -> None:
        app.middleware(self.skip_retried_events)
        app.event("app_mention")(ack=_ack, lazy=[self.answer_message])
        app.event("message", matchers=[self.wants_message])(ack=_ack, lazy=[self.answer_message])
        app.event("message")(_ack)  # every other message: acknowledged and left alone
        app.command(f"/{self.command}")(ack=self.ack_command, lazy=[self.run_command])
        app.action(kit.FEEDBACK_UP)(ack=_ack, lazy=[self.record_feedback])
        app.action(kit.FEEDBACK_DOWN)(ack=_ack, lazy=[self.record_feedback])
        app.action(kit.SHARE)(ack=_ack, lazy=[self.share])
        app.action(kit.REFER)(self.open_referral_form)
        app.view(kit.REFERRAL_MODAL)(ack=self.ack_referral_form, lazy=[self.make_referral])
        app.action(kit.CLAIM)(ack=_ack, lazy=[self.claim])
        app.action(kit.SHOW_CONTACT)(ack=_ack, lazy=[self.show_contact])
        app.action(re.compile(f"^{kit.OPEN_LINK}:"))(_ack)
        app.error(self.log_error)

    # -- retries ---------------------------------------------------------------------------

    def skip_retried_events(self, req: BoltRequest, resp: BoltResponse,
                            next: Callable[[], None]) -> BoltResponse | None:
        """An event Slack sends again (it thought the first was lost) is acknowledged and
        dropped when this process has seen it, or when Slack says the first one timed out
        here (it reached a worker, which is answering it). A message that starts a thread is
        also recognised by any worker, through the thread's stored link (`answer_message`)."""
        event_id = req.body.get("event_id") if isinstance(req.body, dict) else None
        if event_id and not self.ledger.first_time(f"event:{event_id}"):
            log.info("event %s already received; retry %s dropped", event_id,
                     _header(req, "x-slack-retry-num"))
            return BoltResponse(status=200, body="")
        if event_id and _header(req, "x-slack-retry-reason") == "http_timeout":
            log.info("event %s retried after a timeout here; dropped", event_id)
            return BoltResponse(status=200, body="")
        next()
        return None

    # -- mentions, direct messages and thread replies -------------------------------------

    def wants_message(self, event: dict[str, Any], context: BoltContext) -> bool:
        """A message the bot answers: one a person typed, in a direct message, or a reply in a
        thread (answered if the thread carries a conversation). A reply that mentions the bot
        is answered as a mention."""
        if not _typed_by_a_person(event, context.bot_user_id):
            return False
        if event.get("channel_type") == "im":
            return True
        thread_ts = event.get("thread_ts")
        return bool(thread_ts) and thread_ts != event.get("ts") and not mentions(
            event.get("text", ""), context.bot_user_id)

    def answer_message(self, event: dict[str, Any], body: dict[str, Any], client: WebClient,
                       context: BoltContext) -> None:
        if not _typed_by_a_person(event, context.bot_user_id):
            return
        team = str(body.get("team_id") or event.get("team") or context.team_id or "")
        channel, ts = event["channel"], event["ts"]
        thread_ts = event.get("thread_ts") or ts
        if not self.ledger.first_time(f"message:{team}:{channel}:{ts}"):
            return  # the same message came as a mention and as a message, or again
        conversation_id = self.store.slack_thread_conversation(team, channel, thread_ts)
        if conversation_id is not None and thread_ts == ts:
            # a thread is linked when its first message is answered: this message started
            # it, so it was answered already (Slack delivered it again, maybe to another worker)
            return
        if conversation_id is None:
            starts = event.get("type") == "app_mention" or event.get("channel_type") == "im"
            if not starts:
                return  # a thread between people that the bot is not part of
            created = self.store.create().id
            conversation_id = self.store.link_slack_thread(team, channel, thread_ts, created)
            if conversation_id != created:  # another worker started this thread first
                self.store.delete(created)
                if thread_ts == ts:
                    return  # with this very message: Slack delivered it twice
        working = client.chat_postMessage(channel=channel, thread_ts=thread_ts,
                                          text=texts.WORKING)
        messages = self._answer(plain_text(event.get("text", ""), context.bot_user_id),
                                conversation_id)
        try:
            client.chat_update(channel=channel, ts=working["ts"], **messages[0].payload())
            for message in messages[1:]:
                client.chat_postMessage(channel=channel, thread_ts=thread_ts,
                                        **message.payload())
        except SlackApiError as error:  # Slack refused the answer itself: say so, once
            log.error("posting an answer in %s failed: %s", channel, error.response.get("error"))
            client.chat_update(channel=channel, ts=working["ts"],
                               **kit.text_message(self._failed()).payload())

    def _answer(self, text: str, conversation_id: str | None, **view: bool,
                ) -> list[kit.SlackMessage]:
        """The engine's reply as messages, or a message saying why there is none."""
        try:
            reply = self.assistant.ask(text, conversation_id)
        except InputError as error:
            return [kit.text_message(str(error))]
        except UnknownConversation:
            return [kit.text_message(texts.NOT_IN_THREAD)]
        except Exception:
            log.exception("answering a Slack message failed")
            return [kit.text_message(self._failed())]
        return kit.answer_messages(reply, **view)

    def _failed(self) -> str:
        return texts.FAILED.format(contact=self.contact)

    # -- /ssr ------------------------------------------------------------------------------

    def ack_command(self, ack: Ack, command: dict[str, Any]) -> None:
        sub, text = _subcommand(command.get("text", ""))
        if sub == "help" or sub not in SUBCOMMANDS:
            unknown = sub not in SUBCOMMANDS
            lead = texts.UNKNOWN_SUBCOMMAND.format(command=self.command, sub=sub) if unknown \
                else ""
            ack(**kit.help_message(self.programme, self.command, lead).payload())
        elif not text:
            example = {"ask": texts.ASK_EXAMPLE, "check": texts.CHECK_EXAMPLE,
                       "find": texts.FIND_EXAMPLE}[sub].format(command=self.command)
            what = {"ask": "ask", "check": "check", "find": "find"}[sub]
            ack(**kit.text_message(texts.EMPTY_COMMAND.format(
                what=what, command=self.command, sub=sub, example=example)).payload())
        else:
            ack(text=texts.WORKING_COMMAND.format(command=self.command, sub=sub))

    def run_command(self, command: dict[str, Any], respond: Respond) -> None:
        sub, text = _subcommand(command.get("text", ""))
        if sub not in ("ask", "check", "find") or not text:
            return  # answered in the acknowledgement
        private = sub != "ask"
        messages = self._answer(text, None, all_programmes=private, shareable=private)
        if private:  # only the caller sees it, in place of the "working" note
            for i, message in enumerate(messages):
                respond(response_type="ephemeral", replace_original=i == 0,
                        **message.payload())
            return
        for message in messages:
            respond(response_type="in_channel", replace_original=False, **message.payload())
        respond(delete_original=True)

    # -- buttons on answers ----------------------------------------------------------------

    def record_feedback(self, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                        respond: Respond) -> None:
        rating = "up" if action["action_id"] == kit.FEEDBACK_UP else "down"
        conversation_id, message_id = kit.parse_answer_key(action["value"])
        user = body["user"]["id"]
        try:
            self.store.add_feedback(message_id, rating)  # type: ignore[arg-type]
        except UnknownMessage:
            respond(response_type="ephemeral", replace_original=False,
                    text=texts.NOT_IN_THREAD)
            return
        message = body.get("message")
        if message and not body.get("container", {}).get("is_ephemeral"):
            updated = kit.acknowledge_feedback(message.get("blocks", []), rating, user)
            try:
                client.chat_update(channel=body["channel"]["id"], ts=message["ts"],
                                   text=message.get("text", ""), blocks=updated)
                return
            except SlackApiError as error:  # posted through a response URL, say
                log.info("chat.update refused (%s); replacing through the response URL",
                         error.response.get("error"))
            respond(replace_original=True, text=message.get("text", ""), blocks=updated)
            return
        reply = self._reply(conversation_id, message_id)
        if reply is not None:  # an only-visible-to-you answer: rendered again from the store
            page = kit.answer_messages(reply, all_programmes=True, shareable=True)[-1]
            respond(replace_original=True, text=page.text,
                    blocks=kit.acknowledge_feedback(page.blocks, rating, user))

    def share(self, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        reply = self._reply(*kit.parse_answer_key(action["value"]))
        if reply is None:
            respond(response_type="ephemeral", replace_original=False, text=texts.NOT_IN_THREAD)
            return
        messages = kit.answer_messages(reply, all_programmes=True, shareable=False)
        messages[0].blocks.insert(0, kit.context(texts.SHARED_BY.format(user=body["user"]["id"])))
        for message in messages:
            respond(response_type="in_channel", replace_original=False, **message.payload())
        respond(delete_original=True)

    def _reply(self, conversation_id: str, message_id: str) -> Reply | None:
        conversation = self.store.get(conversation_id)
        if conversation is None:
            return None
        return next((t.reply for t in conversation.turns if t.message_id == message_id), None)

    # -- referrals from Slack --------------------------------------------------------------

    def open_referral_form(self, ack: Ack, body: dict[str, Any], action: dict[str, Any],
                           client: WebClient) -> None:
        """Opens the form at once: Slack's trigger for a modal expires three seconds after the
        click."""
        ack()
        container = body.get("container", {})
        channel = str(body.get("channel", {}).get("id") or container.get("channel_id") or "")
        message = body.get("message") or {}
        thread_ts = str(message.get("thread_ts") or message.get("ts") or "")
        client.views_open(trigger_id=body["trigger_id"],
                          view=kit.referral_modal(action["value"], channel, thread_ts))

    def ack_referral_form(self, ack: Ack, view: dict[str, Any]) -> None:
        errors = _form_errors(_form_values(view))
        if errors:
            ack(response_action="errors", errors=errors)
        else:
            ack()

    def make_referral(self, body: dict[str, Any], view: dict[str, Any],
                      client: WebClient) -> None:
        values = _form_values(view)
        if _form_errors(values):
            return
        conversation_id, channel, thread_ts = _metadata(view)
        user = body["user"]["id"]
        conversation = self.store.get(conversation_id)
        if conversation is None or not conversation.turns:
            _tell(client, channel, thread_ts, user, texts.REFERRAL_NO_CONVERSATION)
            return
        contact = ReferralContact(name=values["name"], email=values["email"],
                                  company=values["company"], note=values.get("note", ""))
        referral = self.store.add_referral(conversation.id, contact, summarise(conversation))
        try:
            self.notifier.notify(referral)
        except Exception:  # the referral is stored; advisers see it in the store
            log.exception("telling advisers about referral %s failed", referral.id)
        _tell(client, channel, thread_ts, user,
              texts.REFERRAL_SENT.format(user=user, company=values["company"]))

    # -- referral cards --------------------------------------------------------------------

    def claim(self, body: dict[str, Any], action: dict[str, Any], client: WebClient,
              respond: Respond) -> None:
        user = body["user"]
        who = kit.claimant(user["id"], user.get("name") or user.get("username") or "")
        try:
            referral = self.store.claim_referral(action["value"], who)
        except UnknownReferral:
            respond(response_type="ephemeral", replace_original=False, text=texts.REFERRAL_GONE)
            return
        except ReferralAlreadyClaimed as taken:
            respond(response_type="ephemeral", replace_original=False,
                    text=texts.REFERRAL_ALREADY.format(
                        who=kit.claimant_mention(taken.claimed_by),
                        date=kit.slack_date(taken.claimed_at)))
            found = self.store.referral(action["value"])
            if found is None:
                return
            referral = found
        else:
            respond(response_type="ephemeral", replace_original=False,
                    **kit.referral_contact(referral).payload())
        # the card shows who has it, for everyone (also a card that was out of date)
        client.chat_update(channel=body["channel"]["id"], ts=body["message"]["ts"],
                           **kit.referral_card(referral).payload())

    def show_contact(self, body: dict[str, Any], action: dict[str, Any],
                     respond: Respond) -> None:
        referral = self.store.referral(action["value"])
        if referral is None:
            respond(response_type="ephemeral", replace_original=False, text=texts.REFERRAL_GONE)
            return
        claimed_by = referral.claimed_by or ""
        if kit.claimant_user_id(claimed_by) != body["user"]["id"]:
            respond(response_type="ephemeral", replace_original=False,
                    text=texts.REFERRAL_CONTACT_OTHERS.format(
                        who=kit.claimant_mention(claimed_by)))
            return
        respond(response_type="ephemeral", replace_original=False,
                **kit.referral_contact(referral).payload())

    def log_error(self, error: Exception, body: dict[str, Any]) -> None:
        log.error("Slack request of type %s failed: %s", body.get("type"), error,
                  exc_info=error)


def _ack(ack: Ack) -> None:
    ack()


def _header(req: BoltRequest, name: str) -> str | None:
    values = req.headers.get(name) or []
    return values[0] if values else None


def _typed_by_a_person(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Not a bot (no loops), not an edit or deletion (including the bot's own edits)."""
    return (event.get("subtype") in _ANSWERED_SUBTYPES and not event.get("bot_id")
            and bool(event.get("user")) and event.get("user") != bot_user_id)


def _subcommand(text: str) -> tuple[str, str]:
    words = text.strip().split(maxsplit=1)
    if not words:
        return "help", ""
    return words[0].lower(), (words[1].strip() if len(words) > 1 else "")


def _form_values(view: dict[str, Any]) -> dict[str, str]:
    state = view.get("state", {}).get("values", {})
    values: dict[str, str] = {}
    for block_id, actions in state.items():
        element = actions.get("value", {})
        if element.get("type") == "checkboxes":
            values[block_id] = "yes" if element.get("selected_options") else ""
        else:
            values[block_id] = (element.get("value") or "").strip()
    return values


def _metadata(view: dict[str, Any]) -> tuple[str, str, str]:
    """What the referral form carries: the conversation, and where it was asked for."""
    parts = [*str(view.get("private_metadata", "")).split("|"), "", "", ""]
    return parts[0], parts[1], parts[2]


def _form_errors(values: dict[str, str]) -> dict[str, str]:
    errors = {name: texts.REFERRAL_REQUIRED for name in ("company", "name", "email")
              if not values.get(name)}
    if values.get("email") and not _EMAIL.fullmatch(values["email"]):
        errors["email"] = texts.REFERRAL_BAD_EMAIL
    if not values.get("consent"):
        errors["consent"] = texts.REFERRAL_NO_CONSENT
    return errors


def _tell(client: WebClient, channel: str, thread_ts: str, user: str, text: str) -> None:
    """A note where the referral was asked for: in its thread, or else to that person."""
    if not channel:
        return
    try:
        if thread_ts:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text)
        else:
            client.chat_postEphemeral(channel=channel, user=user, text=text)
    except SlackApiError as error:
        log.info("could not confirm a referral in %s: %s", channel, error.response.get("error"))
