"""`POST /v1/feedback`: helpful or not helpful, on one answer."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.guards import redact
from connectors.web.deps import Runtime, WriteAllowance
from connectors.web.routes.chat import ERRORS
from connectors.web.schemas import FeedbackOut, FeedbackRequest

router = APIRouter(tags=["feedback"])


@router.post("/v1/feedback", status_code=201, response_model=FeedbackOut, responses=ERRORS,
             dependencies=[WriteAllowance], summary="Rate an answer")
async def feedback(body: FeedbackRequest, runtime: Runtime) -> FeedbackOut:
    """Rate the answer with this `message_id` up or down, with an optional comment. Personal
    data in the comment (emails, phone numbers...) is removed before it is stored."""
    comment, _ = redact(body.comment)
    await runtime.runner.run(runtime.assistant.store.add_feedback, body.message_id,
                             body.rating, comment)
    return FeedbackOut()
