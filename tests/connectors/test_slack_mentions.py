"""Mentions, direct messages and thread replies, sent to the app as Slack sends them (signed,
over HTTP), answered through the local Slack stand-in."""

from __future__ import annotations

from slack_api import BOT_ID, BOT_USER, TEAM
from slack_harness import (
    CHANNEL,
    ScriptedAssistant,
    SlackHarness,
    buttons,
    section_texts,
    slack_settings,
)


def test_a_mention_is_answered_in_a_thread_with_sources_and_buttons(
        slack: SlackHarness, scripted: ScriptedAssistant) -> None:
    mention = slack.mention("How many quotes do I need?")
    response = slack.event(mention)
    assert response.status_code == 200

    posted = slack.api.wait_for("chat.postMessage")[0]
    working = posted.params
    assert working["channel"] == CHANNEL and working["thread_ts"] == mention["ts"]
    assert "Working on it" in working["text"]
    update = slack.api.wait_for("chat.update")[0].params
    assert update["channel"] == CHANNEL
    assert update["ts"] == posted.answer["ts"]  # the "working" message becomes the answer
    text = section_texts(update["blocks"])
    assert "You need *three quotes* for items over £5,000 [1]" in text
    assert "<https://example.org/guide|the guide>" in text
    assert "[1] SSR Eligibility Rules, clause 6.4, page 9 · `guidance/rules/rules.pdf`" in text
    assert "[2] <https://example.org/apply|How to apply>, Step 2" in text
    assert update["text"].startswith("You need *three quotes*")
    conversation_id = slack.store.slack_thread_conversation(TEAM, CHANNEL, mention["ts"])
    reply_buttons = buttons(update["blocks"])
    assert set(reply_buttons) == {"ssr_feedback_up", "ssr_feedback_down", "ssr_refer"}
    assert scripted.asked == [("How many quotes do I need?", conversation_id)]
    assert reply_buttons["ssr_refer"] == conversation_id


def test_replies_in_the_thread_continue_the_same_conversation_after_a_restart(
        slack: SlackHarness, scripted: ScriptedAssistant, slack_api, store, tmp_path) -> None:
    mention = slack.mention("How many quotes do I need?")
    slack.event(mention)
    slack_api.wait_for("chat.update")
    first_conversation = scripted.asked[0][1]

    slack.event(slack.message("and for a medium company?", thread_ts=mention["ts"]))
    slack_api.wait_for("chat.update", 2)
    # a new process (or another worker) finds the thread's conversation in the store
    restarted = SlackHarness(slack_api, scripted, store, slack_settings(tmp_path, slack_api))
    restarted.event(restarted.mention("what about a micro one?", thread_ts=mention["ts"]))
    updates = slack_api.wait_for("chat.update", 3)

    assert [conversation for _, conversation in scripted.asked] == [first_conversation] * 3
    assert len(store.get(first_conversation).turns) == 3
    assert "(turn 3)" in section_texts(updates[2].params["blocks"])
    posts = slack_api.calls_to("chat.postMessage")
    assert {p.params["thread_ts"] for p in posts} == {mention["ts"]}


def test_a_direct_message_is_answered_in_a_thread_under_it(slack: SlackHarness) -> None:
    dm = slack.message("Who can test a battery pack?", channel="D0DIRECT1", channel_type="im")
    slack.event(dm)
    working = slack.api.wait_for("chat.postMessage")[0].params
    assert working["channel"] == "D0DIRECT1" and working["thread_ts"] == dm["ts"]
    slack.api.wait_for("chat.update")


def test_a_thread_the_bot_is_not_part_of_is_left_alone(slack: SlackHarness,
                                                       scripted: ScriptedAssistant) -> None:
    root = slack.next_ts()
    assert slack.event(slack.message("lunch?", thread_ts=root)).status_code == 200
    assert slack.event(slack.message("no thread here")).status_code == 200
    slack.api.settle()
    assert scripted.asked == []
    assert slack.api.calls_to("chat.postMessage") == []


def test_bot_messages_and_edits_are_ignored(slack: SlackHarness,
                                            scripted: ScriptedAssistant) -> None:
    mention = slack.mention("How many quotes?")
    slack.event(mention)
    slack.api.wait_for("chat.update")
    thread = mention["ts"]
    ignored = [
        slack.message("I am another bot", thread_ts=thread, bot_id="B0OTHER01",
                      subtype="bot_message"),
        slack.message("my own answer", thread_ts=thread, user=BOT_USER, bot_id=BOT_ID),
        slack.message("", thread_ts=thread, subtype="message_changed",
                      message={"text": "edited", "bot_id": BOT_ID}),
        slack.message("", thread_ts=thread, subtype="message_deleted"),
        slack.message("hello", channel="D0DIRECT1", channel_type="im", bot_id="B0OTHER01"),
    ]
    for event in ignored:
        assert slack.event(event).status_code == 200
    slack.api.settle()
    assert len(scripted.asked) == 1
    assert len(slack.api.calls_to("chat.update")) == 1


def test_a_retried_event_is_answered_once(slack: SlackHarness,
                                          scripted: ScriptedAssistant) -> None:
    mention = slack.mention("How many quotes?")
    assert slack.event(mention, event_id="Ev0RETRY01").status_code == 200
    again = slack.event(mention, event_id="Ev0RETRY01",
                        headers={"x-slack-retry-num": "1", "x-slack-retry-reason": "http_error"})
    assert again.status_code == 200
    # the same message also arrives as a message event (as a mention in a direct message does)
    as_message = {**mention, "type": "message", "channel_type": "im"}
    slack.event(as_message, event_id="Ev0RETRY02")
    slack.api.wait_for("chat.update")
    slack.api.settle()
    assert len(scripted.asked) == 1
    assert len(slack.api.calls_to("chat.postMessage")) == 1


def test_a_retry_after_a_timeout_here_is_dropped_even_by_another_worker(
        slack: SlackHarness, scripted: ScriptedAssistant) -> None:
    response = slack.event(slack.mention("How many quotes?"), event_id="Ev0TIMEOUT",
                           headers={"x-slack-retry-num": "1",
                                    "x-slack-retry-reason": "http_timeout"})
    assert response.status_code == 200
    slack.api.settle()
    assert scripted.asked == []


def test_unsigned_badly_signed_and_stale_requests_are_rejected(
        slack: SlackHarness, scripted: ScriptedAssistant) -> None:
    mention = slack.mention("How many quotes?")
    assert slack.event(mention, signed=False).status_code == 401
    assert slack.event(mention, secret="fedcba9876543210fedcba9876543210").status_code == 401
    assert slack.event(mention, timestamp=1_600_000_000).status_code == 401
    slack.api.settle()
    assert scripted.asked == []
    assert slack.api.calls_to("chat.postMessage") == []


def test_slack_is_acknowledged_before_the_answer_is_ready(
        slack: SlackHarness, scripted: ScriptedAssistant) -> None:
    import threading
    import time

    scripted.gate = threading.Event()
    started = time.monotonic()
    response = slack.event(slack.mention("How many quotes?"))
    acknowledged = time.monotonic() - started
    assert response.status_code == 200 and acknowledged < 3
    # the working status is visible while the engine is still busy
    assert "Working on it" in slack.api.wait_for("chat.postMessage")[0].params["text"]
    assert slack.api.calls_to("chat.update") == []
    scripted.gate.set()
    slack.api.wait_for("chat.update")


def test_an_engine_failure_becomes_a_friendly_message_in_the_thread(
        slack: SlackHarness, scripted: ScriptedAssistant) -> None:
    def broken(message, conversation):
        raise RuntimeError("the index is on fire")

    scripted.script = broken
    slack.event(slack.mention("How many quotes?"))
    text = section_texts(slack.api.wait_for("chat.update")[0].params["blocks"])
    assert "Sorry, something went wrong" in text
    assert "the test team (team@example.org)" in text
    assert "fire" not in text


def test_an_empty_mention_is_told_what_to_do(slack: SlackHarness) -> None:
    slack.event(slack.mention(""))
    update = slack.api.wait_for("chat.update")[0].params
    assert update["text"] == "Please type a question about the programme."


def test_a_mention_delivered_to_two_workers_is_answered_once(
        slack: SlackHarness, scripted: ScriptedAssistant, slack_api, store, tmp_path) -> None:
    other_worker = SlackHarness(slack_api, scripted, store, slack_settings(tmp_path, slack_api))
    mention = slack.mention("How many quotes?")
    slack.event(mention, event_id="Ev0TWICE01")
    slack_api.wait_for("chat.update")
    # the retry reaches a worker that never saw the first delivery
    other_worker.event(mention, event_id="Ev0TWICE01", headers={"x-slack-retry-num": "1",
                                                                "x-slack-retry-reason":
                                                                    "http_error"})
    slack_api.settle()
    assert len(scripted.asked) == 1
    assert len(slack_api.calls_to("chat.postMessage")) == 1
