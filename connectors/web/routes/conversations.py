"""`GET` and `DELETE /v1/conversations/{id}`: read a conversation back, or erase it."""

from __future__ import annotations

from fastapi import APIRouter, Response

from connectors.web.deps import Runtime
from connectors.web.errors import NotFound
from connectors.web.routes.chat import ERRORS
from connectors.web.schemas import ConversationOut, TurnOut

router = APIRouter(tags=["conversations"])


@router.get("/v1/conversations/{conversation_id}", response_model=ConversationOut,
            responses={404: ERRORS[404], 503: ERRORS[503]}, summary="Read a conversation")
async def get_conversation(conversation_id: str, runtime: Runtime) -> ConversationOut:
    """Every turn of the conversation, oldest first: the message as stored (personal data
    redacted) and the reply object given."""
    conversation = await runtime.runner.run(runtime.assistant.conversation, conversation_id)
    if conversation is None:
        raise NotFound("There is no conversation with this id; it may have been deleted.")
    return ConversationOut(
        id=conversation.id, created_at=conversation.created_at,
        updated_at=conversation.updated_at,
        turns=[TurnOut(message_id=t.message_id, message=t.user_text, reply=t.reply,
                       created_at=t.created_at) for t in conversation.turns])


@router.delete("/v1/conversations/{conversation_id}", status_code=204,
               responses={404: ERRORS[404], 503: ERRORS[503]},
               summary="Erase a conversation")
async def delete_conversation(conversation_id: str, runtime: Runtime) -> Response:
    """Erase the conversation with everything that refers to it: its messages, the feedback
    on them, and any referral made from it (with the contact details it held)."""
    deleted = await runtime.runner.run(runtime.assistant.store.delete, conversation_id)
    if not deleted:
        raise NotFound("There is no conversation with this id; it may have been deleted.")
    return Response(status_code=204)
