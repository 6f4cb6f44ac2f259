"""What the conversation store holds and returns: typed records and the store's errors."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, get_args

from pydantic import BaseModel, Field

from assistant.business import Facts
from assistant.errors import AssistantError
from assistant.reply import Reply, Understood

Rating = Literal["up", "down"]
RATINGS: tuple[str, ...] = get_args(Rating)


class StoreError(AssistantError):
    """The conversation database could not be reached or refused an operation."""


class InvalidDatabaseURL(StoreError, ValueError):
    """The database URL names no supported database (also a ValueError, for settings)."""


class UnknownConversation(AssistantError):
    """No conversation has this id (never created, or erased)."""


class UnknownMessage(AssistantError):
    """No stored answer has this message id (never stored, or its conversation erased)."""


class UnknownReferral(AssistantError):
    """No referral has this id (never made, or its conversation erased)."""


class VersionConflict(StoreError):
    """Another turn was stored on the conversation since it was read: read it again and retry."""

    def __init__(self, conversation_id: str, expected: int) -> None:
        super().__init__(
            f"Conversation {conversation_id} changed while this turn was being answered "
            f"(it is no longer at version {expected})."
        )
        self.conversation_id = conversation_id
        self.expected = expected


class ReferralAlreadyClaimed(AssistantError):
    """Someone else claimed this referral first; `claimed_by` says who."""

    def __init__(self, referral_id: str, claimed_by: str, claimed_at: datetime) -> None:
        super().__init__(
            f"Referral {referral_id} was already claimed by {claimed_by} at "
            f"{claimed_at:%Y-%m-%d %H:%M} UTC."
        )
        self.referral_id = referral_id
        self.claimed_by = claimed_by
        self.claimed_at = claimed_at


class Turn(BaseModel):
    message_id: str
    user_text: str  # as stored: redacted by the caller
    reply: Reply
    created_at: datetime


class Conversation(BaseModel):
    id: str
    created_at: datetime
    updated_at: datetime
    facts: Facts = Field(default_factory=Facts)
    open_questions: list[str] = Field(default_factory=list)
    turns: list[Turn] = Field(default_factory=list)  # oldest first
    version: int = 0  # turns stored so far; a turn is stored only on the version it read


class FeedbackRecord(BaseModel):
    """One rating of one answer, with the question and answer it rates (for export)."""

    message_id: str
    conversation_id: str
    rating: Rating
    comment: str
    question: str
    answer: str
    created_at: datetime


class ReferralContact(BaseModel):
    """Who to contact: the only personal data the store keeps, and only in a referral."""

    name: str
    email: str
    company: str
    note: str = ""


class VerdictSummary(BaseModel):
    programme: str
    decision: str
    missing_facts: list[str] = Field(default_factory=list)


class SignpostSummary(BaseModel):
    name: str
    partner: str


class ReferralSummary(BaseModel):
    """What the conversation established, for the adviser: no message text, no contact."""

    understood: list[Understood] = Field(default_factory=list)
    verdicts: list[VerdictSummary] = Field(default_factory=list)
    signposts: list[SignpostSummary] = Field(default_factory=list)
    turns: int = 0


class Referral(BaseModel):
    id: str
    conversation_id: str
    contact: ReferralContact
    summary: ReferralSummary
    created_at: datetime
    claimed_by: str | None = None
    claimed_at: datetime | None = None
