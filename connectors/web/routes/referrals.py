"""`POST /v1/referrals`: ask to talk to an adviser, with consent."""

from __future__ import annotations

import logging

from fastapi import APIRouter, BackgroundTasks

from assistant.conversations import Referral, ReferralContact, UnknownConversation
from assistant.engine import Assistant
from assistant.referrals import ReferralNotifier, summarise
from connectors.web.deps import Runtime, WriteAllowance
from connectors.web.routes.chat import ERRORS
from connectors.web.schemas import ReferralOut, ReferralRequest

router = APIRouter(tags=["referrals"])
log = logging.getLogger("ssr.web")

THANKS = ("Thank you. An adviser will contact you by email, usually within two working days, "
          "with a summary of this conversation to hand.")


def make_referral(assistant: Assistant, body: ReferralRequest) -> Referral:
    conversation = assistant.conversation(body.conversation_id)
    if conversation is None:
        raise UnknownConversation("There is no conversation with this id to refer; it may "
                                  "have been deleted.")
    contact = ReferralContact(name=body.name, email=str(body.email), company=body.company,
                              note=body.note)
    return assistant.store.add_referral(conversation.id, contact, summarise(conversation))


def notify(notifier: ReferralNotifier, referral: Referral) -> None:
    try:
        notifier.notify(referral)
    except Exception as error:  # the referral is stored; advisers can still find it
        log.error("could not notify advisers of referral %s: %s", referral.id,
                  type(error).__name__)


@router.post("/v1/referrals", status_code=201, response_model=ReferralOut, responses=ERRORS,
             dependencies=[WriteAllowance], summary="Ask to talk to an adviser")
async def refer(body: ReferralRequest, background: BackgroundTasks,
                runtime: Runtime) -> ReferralOut:
    """With the user's consent, pass their contact details and a summary of the conversation
    (facts understood, verdicts, facilities suggested; not the messages) to an adviser.
    These details are the only personal data kept, and erasing the conversation erases
    them."""
    referral = await runtime.runner.run(make_referral, runtime.assistant, body)
    background.add_task(notify, runtime.notifier, referral)
    return ReferralOut(referral_id=referral.id, message=THANKS)
