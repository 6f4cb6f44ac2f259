"""Block Kit from the reply object: Slack mrkdwn, not Markdown; every block within Slack's
limits however long the answer."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from assistant.conversations import Referral, ReferralContact, ReferralSummary
from assistant.reply import Citation, Reply
from connectors.slack import blocks as kit
from connectors.slack.mrkdwn import plain_text, to_mrkdwn


@pytest.mark.parametrize(("markdown", "mrkdwn"), [
    ("**bold** and *italic* and __bold__", "*bold* and _italic_ and *bold*"),
    ("[the guide](https://example.org/a?b=1&c=2)", "<https://example.org/a?b=1&c=2|the guide>"),
    ("<https://example.org>", "<https://example.org>"),
    ("Costs < £5,000 & > £1,000", "Costs &lt; £5,000 &amp; &gt; £1,000"),
    ("# Heading with **bold**", "*Heading with bold*"),
    ("- one\n- two **2**\n  - nested", "• one\n• two *2*\n    • nested"),
    ("3. three\n4. four", "3. three\n4. four"),
    ("`code *x*`", "`code *x*`"),
    ("> quoted", "> quoted"),
    ("line one\nline two", "line one\nline two"),
    ("~~gone~~", "~gone~"),
    ("[a|b](https://x.org/p|q)", "<https://x.org/p%7Cq|a¦b>"),
])
def test_markdown_becomes_slack_mrkdwn(markdown: str, mrkdwn: str) -> None:
    assert to_mrkdwn(markdown) == mrkdwn


def test_what_people_type_is_read_without_slacks_markup() -> None:
    typed = ("<@UBOT0001> is <https://widgets.example|our site> ok? &lt;50 staff&gt; &amp; "
             "<mailto:a@b.example|a@b.example>\n\nEmployees:   35")
    assert plain_text(typed, "UBOT0001") == ("is our site ok? <50 staff> & a@b.example\n"
                                             "Employees: 35")


def _reply(answer: str, citations: int = 2) -> Reply:
    return Reply(conversation_id=uuid.uuid4().hex, message_id=uuid.uuid4().hex,
                 route="programme_question", grounded=True, answer=answer,
                 citations=[Citation(n=n, title=f"Document {n}", source=f"guidance/d{n}.md",
                                     locator=f"Section {n}") for n in range(1, citations + 1)])


def _within_limits(message: kit.SlackMessage) -> None:
    assert len(message.blocks) <= kit.BLOCKS_MAX
    assert len(message.text) <= kit.FALLBACK_TEXT_MAX
    for block in message.blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= kit.SECTION_TEXT_MAX
        if block["type"] == "context":
            assert len(block["elements"]) <= kit.CONTEXT_ELEMENTS_MAX
            assert all(len(e["text"]) <= kit.CONTEXT_TEXT_MAX for e in block["elements"])
        if block["type"] == "actions":
            for element in block["elements"]:
                assert len(element["text"]["text"]) <= kit.BUTTON_TEXT_MAX
                assert len(element["value"]) <= 2000


def test_a_long_answer_is_split_within_slacks_limits_with_buttons_on_the_last_message() -> None:
    paragraph = "The grant pays a share of eligible costs, which depends on size. " * 30
    answer = "\n\n".join(f"**Part {i}.** {paragraph}" for i in range(70))
    answer += "\n\n" + "x" * 7000  # one unbroken word longer than a section
    messages = kit.answer_messages(_reply(answer, citations=25))
    assert len(messages) >= 2
    for message in messages:
        _within_limits(message)
    assert all(b["type"] != "actions" for m in messages[:-1] for b in m.blocks)
    assert messages[-1].blocks[-1]["type"] == "actions"
    assert messages[1].text == "(continued)"
    shown = "".join(b.get("text", {}).get("text", "") for m in messages for b in m.blocks)
    assert shown.count("*Part ") == 70  # nothing lost in the split
    sources = [e["text"] for m in messages for b in m.blocks if b["type"] == "context"
               for e in b["elements"]]
    assert sum(text.startswith("[") for text in sources) == 25


def test_a_short_answer_is_one_message_of_text_sources_and_buttons() -> None:
    reply = _reply("Three quotes [1].")
    (message,) = kit.answer_messages(reply)
    assert [b["type"] for b in message.blocks] == ["section", "context", "actions"]
    assert message.blocks[1]["elements"][0]["text"] == "*Sources*"
    values = {e["action_id"]: e["value"] for e in message.blocks[2]["elements"]}
    assert values == {"ssr_feedback_up": f"{reply.conversation_id}:{reply.message_id}",
                      "ssr_feedback_down": f"{reply.conversation_id}:{reply.message_id}",
                      "ssr_refer": reply.conversation_id}


def test_feedback_acknowledgement_keeps_the_other_buttons_and_can_be_repeated() -> None:
    (message,) = kit.answer_messages(_reply("Three quotes [1]."), shareable=True)
    once = kit.acknowledge_feedback(message.blocks, "up", "U1")
    twice = kit.acknowledge_feedback(once, "down", "U2")
    texts = [e["text"] for b in twice if b["type"] == "context" for e in b["elements"]]
    assert ":thumbsdown: <@U2> found this not helpful. Thank you: it will be reviewed." in texts
    assert not any("<@U1>" in t for t in texts)
    actions = [b for b in twice if b["type"] == "actions"]
    assert [e["action_id"] for e in actions[0]["elements"]] == ["ssr_refer", "ssr_share"]


def _referral(**changes: Any) -> Referral:
    return Referral(id=uuid.uuid4().hex, conversation_id=uuid.uuid4().hex,
                    contact=ReferralContact(name="Sam", email="sam@x.example",
                                            company="Widgets <&> Ltd"),
                    summary=ReferralSummary(turns=2),
                    created_at=datetime(2026, 12, 3, 9, 30, tzinfo=UTC), **changes)


def test_a_referral_card_escapes_what_the_website_user_typed() -> None:
    card = kit.referral_card(_referral())
    assert card.blocks[0]["text"]["text"] == "Referral: Widgets <&> Ltd"  # plain text
    assert "_No eligibility check yet._" in str(card.blocks)
    assert "<!date^1796290200^{date_short_pretty} at {time}|2026-12-03 09:30 UTC>" in \
        card.blocks[1]["elements"][0]["text"]
    claimed = kit.referral_card(_referral(claimed_by="Jo (Slack U0STAFF01)",
                                          claimed_at=datetime(2026, 12, 3, 10, tzinfo=UTC)))
    assert "*Claimed by <@U0STAFF01>*" in str(claimed.blocks)
    by_web = kit.referral_card(_referral(claimed_by="Jo <b>", claimed_at=datetime.now(UTC)))
    assert "*Claimed by Jo &lt;b&gt;*" in str(by_web.blocks)


def test_a_checklist_the_answer_already_goes_through_is_not_repeated() -> None:
    from assistant.reply import Criterion, EligibilityResult

    result = EligibilityResult(programme="Booster", decision="eligible", criteria=[
        Criterion(id="a", met=True, explanation="It is in the area."),
        Criterion(id="b", met=True, explanation="It is small."),
        Criterion(id="c", met=None, explanation="Confirmed when you apply.")])
    long = _reply("**Booster: eligible.**\n- ✅ It is in the area.\n- ✅ It is small.")
    short = _reply("**Booster: eligible.** You could receive 45% of costs.")
    for reply in (long, short):
        reply.eligibility = [result, result.model_copy(update={"programme": "Hub"})]
    said = str(kit.answer_messages(long, all_programmes=True)[0].blocks)
    assert "*Booster*: " not in said and "*Hub*: " in said  # only the lead is in the text
    assert "*Booster*: " in str(kit.answer_messages(short, all_programmes=True)[0].blocks)
