"""What an adviser is told about a conversation, and that the log never holds the contact."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime

import pytest

from assistant.conversations import Conversation, Referral, ReferralContact, Turn
from assistant.referrals import LogReferralNotifier, summarise
from assistant.reply import EligibilityResult, Reply, Signpost, Understood


def _turn(conversation_id: str, **fields: object) -> Turn:
    reply = Reply.model_validate({"conversation_id": conversation_id,
                                  "message_id": uuid.uuid4().hex, "route": "eligibility",
                                  "answer": "...", "grounded": True, **fields})
    return Turn(message_id=reply.message_id, user_text="my email is [email removed]",
                reply=reply, created_at=datetime.now(UTC))


def test_the_summary_keeps_the_latest_facts_and_verdicts_and_every_signpost() -> None:
    cid = uuid.uuid4().hex
    lab = Signpost(name="Battery lab", partner="WMG", location="Coventry", why="testing")
    turns = [
        _turn(cid, understood=[Understood(fact="employees", value="40 staff", text="40")],
              eligibility=[EligibilityResult(programme="PB", decision="need_more_info",
                                             missing_facts=["turnover"])],
              signposts=[lab]),
        _turn(cid, understood=[Understood(fact="employees", value="45 staff", text="45"),
                               Understood(fact="turnover", value="£3m", text="3m")],
              eligibility=[EligibilityResult(programme="PB", decision="eligible")],
              signposts=[lab]),
        _turn(cid, route="programme_question"),
    ]
    now = datetime.now(UTC)
    summary = summarise(Conversation(id=cid, created_at=now, updated_at=now, turns=turns))
    assert [u.value for u in summary.understood] == ["45 staff", "£3m"]
    assert [(v.programme, v.decision) for v in summary.verdicts] == [("PB", "eligible")]
    assert [s.name for s in summary.signposts] == ["Battery lab"]
    assert summary.turns == 3
    assert "email" not in summary.model_dump_json()


def test_the_log_notifier_names_the_referral_but_never_the_person(
        caplog: pytest.LogCaptureFixture) -> None:
    now = datetime.now(UTC)
    referral = Referral(
        id=uuid.uuid4().hex, conversation_id=uuid.uuid4().hex, created_at=now,
        contact=ReferralContact(name="Priya Shah", email="priya@example.org",
                                company="Acme Widgets", note="call me"),
        summary=summarise(Conversation(id=uuid.uuid4().hex, created_at=now, updated_at=now)),
    )
    with caplog.at_level(logging.INFO, logger="assistant.referrals"):
        LogReferralNotifier().notify(referral)
    assert referral.id in caplog.text
    for personal in ("Priya", "priya@example.org", "Acme", "call me"):
        assert personal not in caplog.text
