"""Referrals: from the website to a card in the advisers' channel, claimed once; and from an
answer in Slack through the referral form."""

from __future__ import annotations

from slack_harness import (
    REFERRAL_CHANNEL,
    STAFF,
    ScriptedAssistant,
    SlackHarness,
    buttons,
    eligibility_reply,
    section_texts,
)

from assistant.conversations import ReferralContact
from assistant.referrals import summarise
from connectors.slack.referrals import SlackReferralNotifier


def _website_referral(slack: SlackHarness, scripted: ScriptedAssistant):
    """A conversation on the website ending in a request to talk to an adviser."""
    scripted.script = eligibility_reply
    reply = scripted.ask("We are an engineering firm in Coventry with 45 people")
    conversation = slack.store.get(reply.conversation_id)
    contact = ReferralContact(name="Sam Owner", email="sam@widgets.example",
                              company="Widgets Ltd", note="Mornings are best.")
    referral = slack.store.add_referral(conversation.id, contact, summarise(conversation))
    SlackReferralNotifier(slack.client, REFERRAL_CHANNEL).notify(referral)
    card = slack.api.wait_for("chat.postMessage")[0]
    return referral, card


def test_a_website_referral_arrives_as_a_card_without_contact_details(
        slack: SlackHarness, scripted: ScriptedAssistant) -> None:
    referral, card = _website_referral(slack, scripted)
    assert card.params["channel"] == REFERRAL_CHANNEL
    blocks = card.params["blocks"]
    assert blocks[0] == {"type": "header", "text": {"type": "plain_text",
                                                     "text": "Referral: Widgets Ltd",
                                                     "emoji": True}}
    shown = section_texts(blocks)
    assert "• Productivity Booster: :grey_question: more information needed" in shown
    assert "(still to confirm: insolvent)" in shown
    assert "*Understood:* 45 staff · turnover £4m" in shown
    assert buttons(blocks) == {"ssr_claim": referral.id}
    assert "sam@widgets.example" not in str(blocks) and "Sam Owner" not in str(blocks)
    assert "Mornings" not in str(blocks)


def test_claiming_records_who_and_updates_the_card_for_everyone(
        slack: SlackHarness, scripted: ScriptedAssistant) -> None:
    referral, card = _website_referral(slack, scripted)
    message = {"type": "message", "ts": card.answer["ts"], "blocks": card.params["blocks"],
               "text": card.params["text"], "bot_id": "BBOT0001"}

    slack.action("ssr_claim", referral.id, message=message, channel=REFERRAL_CHANNEL,
                 name="Jo Staff", response="claim")
    update = slack.api.wait_for("chat.update")[0].params
    assert (update["channel"], update["ts"]) == (REFERRAL_CHANNEL, card.answer["ts"])
    assert ":raised_hand: *Claimed by <@U0STAFF01>*" in section_texts(update["blocks"])
    assert "ssr_claim" not in buttons(update["blocks"])
    assert set(buttons(update["blocks"])) == {"ssr_referral_contact"}
    assert slack.store.referral(referral.id).claimed_by == "Jo Staff (Slack U0STAFF01)"
    # the contact goes to the person who claimed it, and to nobody else
    contact = slack.api.wait_for("respond/claim")[0].params
    assert contact["response_type"] == "ephemeral" and contact["replace_original"] is False
    assert "sam@widgets.example" in contact["text"] and "Mornings are best." in contact["text"]

    # a second person, from a card that still shows the button, is told who has it
    slack.action("ssr_claim", referral.id, message=message, channel=REFERRAL_CHANNEL,
                 user="U0OTHER01", name="Alex Other", response="late")
    told = slack.api.wait_for("respond/late")[0].params
    assert told["response_type"] == "ephemeral"
    assert told["text"].startswith("This referral was already claimed by <@U0STAFF01>")
    assert "sam@widgets.example" not in told["text"]
    assert slack.store.referral(referral.id).claimed_by == "Jo Staff (Slack U0STAFF01)"
    slack.api.wait_for("chat.update", 2)  # and the stale card is brought up to date

    claimed = {**message, "blocks": update["blocks"]}
    slack.action("ssr_referral_contact", referral.id, message=claimed, user="U0OTHER01",
                 channel=REFERRAL_CHANNEL, response="peek")
    peek = slack.api.wait_for("respond/peek")[0].params
    assert "Only the person who claimed it (<@U0STAFF01>)" in peek["text"]
    slack.action("ssr_referral_contact", referral.id, message=claimed,
                 channel=REFERRAL_CHANNEL, response="again")
    assert "sam@widgets.example" in slack.api.wait_for("respond/again")[0].params["text"]


def test_refer_to_an_adviser_from_an_answer_in_a_thread(slack: SlackHarness,
                                                        scripted: ScriptedAssistant) -> None:
    scripted.script = eligibility_reply
    mention = slack.mention("We are an engineering firm with 45 people")
    slack.event(mention)
    answer = slack.api.wait_for("chat.update")[0].params
    message = {"type": "message", "ts": answer["ts"], "thread_ts": mention["ts"],
               "blocks": answer["blocks"], "text": answer["text"], "bot_id": "BBOT0001"}

    slack.action("ssr_refer", buttons(answer["blocks"])["ssr_refer"], message=message)
    form = slack.api.wait_for("views.open")[0].params
    assert form["trigger_id"] == "3.4.trigger"
    view = form["view"]
    assert view["callback_id"] == "ssr_referral"

    refused = slack.view_submission(view, {"company": "Widgets Ltd", "name": "Sam",
                                           "email": "not an email", "consent": ""})
    assert refused.status_code == 200
    assert refused.json() == {"response_action": "errors", "errors": {
        "email": "Please give an email address, like name@company.co.uk.",
        "consent": "A referral needs the business's agreement to be contacted."}}

    accepted = slack.view_submission(view, {"company": "Widgets Ltd", "name": "Sam Owner",
                                            "email": "sam@widgets.example", "consent": "yes"})
    assert accepted.status_code == 200 and accepted.text == ""
    posts = slack.api.wait_for("chat.postMessage", 3)  # working note, card, confirmation
    card = next(p.params for p in posts if p.params["channel"] == REFERRAL_CHANNEL)
    assert "Referral: Widgets Ltd" in card["text"]
    confirmation = posts[-1].params
    assert confirmation["thread_ts"] == mention["ts"]
    assert confirmation["text"] == (f":incoming_envelope: <@{STAFF}> referred this to an "
                                    "adviser (Widgets Ltd).")
    conversation_id = buttons(answer["blocks"])["ssr_refer"]
    stored = [r for r in _all_referrals(slack) if r.conversation_id == conversation_id]
    assert len(stored) == 1 and stored[0].contact.email == "sam@widgets.example"
    assert stored[0].summary.understood[0].value == "45 staff"


def _all_referrals(slack: SlackHarness):
    return slack.store.referrals()
