"""`POST /v1/chat` and `POST /v1/chat/stream`: one turn, whole or as server-sent events."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from assistant.conversations import UnknownConversation
from assistant.engine import Assistant
from assistant.reply import Reply
from connectors.web.deps import ChatAllowance, Runtime, WebRuntime
from connectors.web.errors import as_api_error, error_body
from connectors.web.runner import Cancellation, Ticket
from connectors.web.schemas import ChatRequest
from connectors.web.streaming import comment, event, reply_events

router = APIRouter(tags=["chat"])
log = logging.getLogger("ssr.web")
KEEPALIVE_S = 5.0

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "No conversation has this id (never made, or erased)."},
    413: {"description": "The request body is too large."},
    422: {"description": "The request is not valid (the message says which field)."},
    429: {"description": "Too many requests from this client; see Retry-After."},
    503: {"description": "Starting up, busy or the database is unreachable; see Retry-After."},
}
_ERROR_SCHEMA = {"type": "object", "properties": {"error": {
    "type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
    "required": ["code", "message"]}}}
for _status in ERRORS:
    ERRORS[_status]["content"] = {"application/json": {"schema": _ERROR_SCHEMA}}


def answer_turn(assistant: Assistant, message: str, conversation_id: str | None,
                cancelled: Callable[[], bool] | None = None) -> Reply:
    """The turn, on an engine thread; an unknown conversation is a 404, not a bad message."""
    if conversation_id is not None and assistant.conversation(conversation_id) is None:
        raise UnknownConversation(f"There is no conversation with id {conversation_id!r}; "
                                  "it may have been deleted. Start a new one.")
    return assistant.ask(message, conversation_id, cancelled=cancelled)


@router.post("/v1/chat", response_model=Reply, responses=ERRORS,
             dependencies=[ChatAllowance], summary="Ask one question (one turn)")
async def chat(body: ChatRequest, request: Request, runtime: Runtime) -> Reply:
    """The reply object for one message: the answer (Markdown) with numbered citations, any
    eligibility verdicts with their criteria, signposts, the questions still open and the
    facts understood. Give `conversation_id` to continue a conversation."""
    ticket = runtime.runner.admit()
    try:
        async with runtime.runner.conversation(_lock_key(body.conversation_id)):
            return await runtime.run_turn(request, answer_turn, runtime.assistant,
                                          body.message, body.conversation_id)
    finally:
        ticket.release()


STREAM_DOC = (
    "The same turn as server-sent events: `delta` events carry the answer's text in order "
    "(`{\"text\": ...}`; only text that passed the output guard), then one `reply` event "
    "with the whole reply object. An `error` event (`{\"error\": {\"code\", \"message\"}}`) "
    "ends a stream that fails after it started. Lines starting with `:` keep a slow stream "
    "open. Closing the connection stops the work; nothing is stored for it.")


@router.post("/v1/chat/stream", responses={
    **ERRORS, 200: {"description": "A text/event-stream of delta, reply or error events.",
                    "content": {"text/event-stream": {"schema": {"type": "string"}}}}},
    response_class=StreamingResponse, dependencies=[ChatAllowance],
    summary="Ask one question, streamed", description=STREAM_DOC)
async def chat_stream(body: ChatRequest, runtime: Runtime) -> StreamingResponse:
    ticket = runtime.runner.admit()
    try:
        if body.conversation_id is not None:
            found = await runtime.runner.run(runtime.assistant.conversation,
                                             body.conversation_id)
            if found is None:
                raise UnknownConversation(
                    f"There is no conversation with id {body.conversation_id!r}; it may have "
                    "been deleted. Start a new one.")
    except BaseException:
        ticket.release()
        raise
    return StreamingResponse(_events(runtime, body, ticket), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


async def _events(runtime: WebRuntime, body: ChatRequest, ticket: Ticket) -> AsyncIterator[bytes]:
    cancelled = Cancellation()
    try:
        async with runtime.runner.conversation(_lock_key(body.conversation_id)):
            task = asyncio.ensure_future(runtime.runner.run(
                runtime.assistant.ask, body.message, body.conversation_id, cancelled=cancelled))
            while True:
                done, _ = await asyncio.wait({task}, timeout=KEEPALIVE_S)
                if done:
                    break
                yield comment("working")
        reply = task.result()
    except asyncio.CancelledError:  # the client went away: the engine stores nothing
        cancelled.cancel()
        raise
    except Exception as error:
        known = as_api_error(error)
        if known is None:
            log.error("unexpected error while streaming a turn", exc_info=error)
            yield event("error", error_body("internal_error", "Something went wrong on our "
                                            "side; it has been logged."))
        else:
            yield event("error", error_body(known.code, known.message))
        return
    finally:
        ticket.release()
    for chunk in reply_events(reply):
        yield chunk


def _lock_key(conversation_id: str | None) -> str | None:
    if conversation_id is None:
        return None
    try:
        return uuid.UUID(conversation_id).hex
    except ValueError:
        return conversation_id
