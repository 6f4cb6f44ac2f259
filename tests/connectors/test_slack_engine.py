"""The Slack bot on the real engine and the bundled knowledge: a thread carries one
conversation, so a reply in it is checked with the facts given earlier; /ssr check shows each
programme's checklist."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_api import TEAM, SlackWebAPI
from slack_harness import CHANNEL, SlackHarness, buttons, section_texts, slack_settings

from assistant.conversations import SqlConversationStore, sqlite_url
from assistant.factory import Components

pytestmark = pytest.mark.slow


@pytest.fixture
def real_slack(bundled: Components, slack_api: SlackWebAPI,
               tmp_path: Path) -> Iterator[SlackHarness]:
    store = SqlConversationStore(sqlite_url(tmp_path / "conversations.sqlite3"))
    assistant = dataclasses.replace(bundled.assistant, store=store)
    yield SlackHarness(slack_api, assistant, store, slack_settings(tmp_path, slack_api))
    store.close()


def test_a_reply_in_the_thread_is_checked_with_the_facts_given_earlier(
        real_slack: SlackHarness) -> None:
    mention = real_slack.mention("We are an engineering firm in Coventry with a turnover of "
                                 "£4m. Could we get a Productivity Booster grant?")
    real_slack.event(mention)
    first = real_slack.api.wait_for("chat.update", timeout=60)[0].params
    assert "*Productivity Booster" in section_texts(first["blocks"])

    real_slack.event(real_slack.message("We've been trading since 2012.",
                                        thread_ts=mention["ts"]))
    second = real_slack.api.wait_for("chat.update", 2, timeout=60)[1].params
    shown = section_texts(second["blocks"])
    # the site (Coventry) came in the first message; the time trading in this one
    assert "The site that would benefit is in one of the seven WMCA councils" in shown
    assert "Coventry" in shown
    conversation_id = real_slack.store.slack_thread_conversation(TEAM, CHANNEL, mention["ts"])
    conversation = real_slack.store.get(conversation_id)
    assert len(conversation.turns) == 2
    latest = conversation.turns[-1].reply
    primary = {c.id: c.met for c in latest.eligibility[0].criteria}
    assert primary["benefiting-site"] is True and primary["trading"] is True
    assert buttons(second["blocks"])["ssr_refer"] == conversation_id
    # every source the answer cites is listed with its place in the document
    sources = [e["text"] for b in second["blocks"] if b["type"] == "context"
               for e in b["elements"] if e["text"].startswith("[")]
    assert len(sources) == len(latest.citations)
    for citation, source in zip(latest.citations, sources, strict=True):
        assert source.startswith(f"[{citation.n}] ") and citation.title in source
        assert citation.locator in source


def test_check_shows_every_programmes_checklist_to_the_caller(
        real_slack: SlackHarness) -> None:
    real_slack.command("check Precision engineering firm in Coventry, turnover £4m, trading "
                       "since 2012, no insolvency", response="check")
    answer = real_slack.api.wait_for("respond/check", timeout=60)[0].params
    assert answer["response_type"] == "ephemeral"
    shown = section_texts(answer["blocks"])
    for programme in ("Productivity Booster", "Business Futures", "Medical Technologies Hub"):
        assert f"*{programme}" in shown  # as a bold heading: the lead in the text
    assert "ssr_share" in buttons(answer["blocks"])
