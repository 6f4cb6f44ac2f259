"""Answers rated "not helpful" turned into draft cases for a person to finish.

A draft carries the question (or the conversation up to the rated answer, as `turns`), the
answer that was rated down and the comment, with no category and no expected fields: a person
decides what the right answer is. Drafts are marked `"needs_review": true`, and the dataset
loader refuses them until the flag is removed, so an unreviewed draft never scores anything.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from assistant.conversations import ConversationStore, FeedbackRecord


class FeedbackOrigin(BaseModel):
    message_id: str
    conversation_id: str
    rated_at: datetime
    comment: str
    answer: str  # the answer that was rated down


class DraftCase(BaseModel):
    id: str
    question: str | None = None
    turns: list[str] | None = None
    category: str | None = None  # left for a person to set
    expected: dict[str, Any] = {}
    reference: str = ""
    needs_review: bool = True
    feedback: FeedbackOrigin

    def jsonl(self) -> str:
        body = self.model_dump(mode="json", exclude_none=True)
        body["category"] = self.category  # kept as null: the reviewer must fill it in
        return json.dumps(body, ensure_ascii=False)


def drafts_from_feedback(store: ConversationStore) -> list[DraftCase]:
    """One draft per answer rated down, oldest rating first."""
    drafts: dict[str, DraftCase] = {}
    for record in store.feedback("down"):
        if record.message_id not in drafts:
            drafts[record.message_id] = draft_case(record, _turns_until(store, record))
    return list(drafts.values())


def draft_case(record: FeedbackRecord, turns: list[str]) -> DraftCase:
    origin = FeedbackOrigin(message_id=record.message_id,
                            conversation_id=record.conversation_id,
                            rated_at=record.created_at, comment=record.comment,
                            answer=record.answer)
    case_id = f"feedback-{record.message_id[:12]}"
    if len(turns) > 1:
        return DraftCase(id=case_id, turns=turns, feedback=origin)
    return DraftCase(id=case_id, question=record.question, feedback=origin)


def _turns_until(store: ConversationStore, record: FeedbackRecord) -> list[str]:
    """The user's messages of the conversation up to and including the rated one."""
    conversation = store.get(record.conversation_id)
    if conversation is None:
        return [record.question]
    texts = []
    for turn in conversation.turns:
        texts.append(turn.user_text)
        if turn.message_id == record.message_id or turn.reply.message_id == record.message_id:
            return texts
    return [record.question]
