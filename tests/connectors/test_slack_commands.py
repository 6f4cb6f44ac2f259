"""`/ssr ask|check|find|help` and the buttons on answers, sent as Slack sends them."""

from __future__ import annotations

from slack_harness import (
    ScriptedAssistant,
    SlackHarness,
    buttons,
    eligibility_reply,
    section_texts,
    signpost_reply,
)


def test_help_is_the_acknowledgement_itself(slack: SlackHarness,
                                           scripted: ScriptedAssistant) -> None:
    for text in ("help", "", "frobnicate now"):
        response = slack.command(text)
        assert response.status_code == 200
        body = response.json()
        shown = section_texts(body["blocks"])
        assert "`/ssr check <company description>`" in shown
        assert "I answer questions about the Test Programme" in shown
        assert ("I don't know" in shown) == (text == "frobnicate now")
    assert "I don't know `/ssr frobnicate`" in section_texts(response.json()["blocks"])
    slack.api.settle()
    assert scripted.asked == []


def test_a_subcommand_without_text_shows_an_example(slack: SlackHarness) -> None:
    body = slack.command("check").json()
    assert "`/ssr check Precision engineering firm" in body["text"]


def test_check_is_only_for_the_caller_with_the_checklist_and_a_share_button(
        slack: SlackHarness, scripted: ScriptedAssistant) -> None:
    scripted.script = eligibility_reply
    ack = slack.command("check Engineering firm in Coventry, 45 people, £4m turnover",
                        response="check")
    assert ack.status_code == 200 and "Working on `/ssr check`" in ack.text

    answer = slack.api.wait_for("respond/check")[0].params
    assert answer["response_type"] == "ephemeral" and answer["replace_original"] is True
    shown = section_texts(answer["blocks"])
    assert "*Productivity Booster*: :grey_question: more information needed" in shown
    assert ":white_check_mark: 45 staff and £4m: a small business. [1]" in shown
    assert ":grey_question: We need to confirm it is not insolvent." in shown
    # /ssr check shows every programme's checklist
    assert "*Medical Technologies Hub*: :x: not eligible as things stand" in shown
    assert ":x: Not in medical technologies." in shown
    assert "*Understood:* 45 staff (“45 people”) · turnover £4m (“£4m turnover”)" in shown
    assert "• Is the business in administration" in shown  # the question still open
    assert "What you could receive: 45% of eligible costs" in shown  # the award line
    assert set(buttons(answer["blocks"])) == {"ssr_feedback_up", "ssr_feedback_down",
                                              "ssr_refer", "ssr_share"}
    assert scripted.asked == [("Engineering firm in Coventry, 45 people, £4m turnover", None)]


def test_find_lists_facilities_with_why_they_fit(slack: SlackHarness,
                                                  scripted: ScriptedAssistant) -> None:
    scripted.script = signpost_reply
    slack.command("find a climatic chamber for battery packs", response="find")
    answer = slack.api.wait_for("respond/find")[0].params
    assert answer["response_type"] == "ephemeral"
    assert "• *Climatic chamber* (WMG) [1]" in section_texts(answer["blocks"])
    card = next(b for b in answer["blocks"] if "accessory" in b)
    assert card["text"]["text"] == "*Climatic chamber*\nWMG · Coventry"
    assert card["accessory"]["url"] == "https://example.org/chamber"
    # the link button's click is acknowledged, and nothing else happens
    assert slack.action(card["accessory"]["action_id"], "", ephemeral=True).status_code == 200


def test_ask_answers_in_the_channel(slack: SlackHarness) -> None:
    slack.command("ask How many quotes do I need?", response="ask")
    calls = slack.api.wait_for("respond/ask", 2)
    answer, cleanup = calls[0].params, calls[1].params
    assert answer["response_type"] == "in_channel"
    assert "*three quotes*" in section_texts(answer["blocks"])
    assert "ssr_share" not in buttons(answer["blocks"])
    assert cleanup["delete_original"] is True


def test_sharing_posts_the_answer_to_the_channel(slack: SlackHarness,
                                                 scripted: ScriptedAssistant) -> None:
    scripted.script = eligibility_reply
    slack.command("check 45 people in Coventry", response="check")
    answer = slack.api.wait_for("respond/check")[0].params
    share = buttons(answer["blocks"])["ssr_share"]

    slack.action("ssr_share", share, ephemeral=True, response="share")
    shared, removed = (c.params for c in slack.api.wait_for("respond/share", 2))
    assert shared["response_type"] == "in_channel"
    assert "Shared by <@U0STAFF01>" in section_texts(shared["blocks"])
    assert "*Productivity Booster*" in section_texts(shared["blocks"])
    assert "ssr_share" not in buttons(shared["blocks"])
    assert removed["delete_original"] is True


def test_feedback_is_stored_and_the_answer_updated_to_acknowledge_it(
        slack: SlackHarness) -> None:
    mention = slack.mention("How many quotes?")
    slack.event(mention)
    answer = slack.api.wait_for("chat.update")[0].params
    posted = {"type": "message", "ts": answer["ts"], "text": answer["text"],
              "thread_ts": mention["ts"], "blocks": answer["blocks"], "bot_id": "BBOT0001"}

    slack.action("ssr_feedback_down", buttons(answer["blocks"])["ssr_feedback_down"],
                 message=posted)
    update = slack.api.wait_for("chat.update", 2)[1].params
    assert update["ts"] == answer["ts"]
    assert ":thumbsdown: <@U0STAFF01> found this not helpful" in section_texts(update["blocks"])
    assert set(buttons(update["blocks"])) == {"ssr_refer"}
    rated = slack.store.feedback()
    assert [(r.rating, r.question) for r in rated] == [("down", "How many quotes?")]


def test_feedback_on_an_answer_only_the_caller_sees_replaces_it(
        slack: SlackHarness, scripted: ScriptedAssistant) -> None:
    scripted.script = signpost_reply
    slack.command("find a climatic chamber", response="find")
    answer = slack.api.wait_for("respond/find")[0].params
    slack.action("ssr_feedback_up", buttons(answer["blocks"])["ssr_feedback_up"],
                 ephemeral=True, response="rated")
    update = slack.api.wait_for("respond/rated")[0].params
    assert update["replace_original"] is True
    assert ":thumbsup: <@U0STAFF01> found this helpful" in section_texts(update["blocks"])
    assert set(buttons(update["blocks"])) == {"ssr_refer", "ssr_share"}
    assert [r.rating for r in slack.store.feedback()] == ["up"]


def test_an_engine_failure_in_a_command_is_a_friendly_message(
        slack: SlackHarness, scripted: ScriptedAssistant) -> None:
    def broken(message, conversation):
        raise RuntimeError("boom")

    scripted.script = broken
    slack.command("check 45 people", response="check")
    answer = slack.api.wait_for("respond/check")[0].params
    assert answer["text"].startswith("Sorry, something went wrong")
