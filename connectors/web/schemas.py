"""Request and response bodies of the web API, with the examples shown at /docs."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, field_validator

from assistant.reply import Reply

MESSAGE_MAX_CHARS = 8000  # the engine's own guard gives the friendly limit, lower than this
COMMENT_MAX_CHARS = 2000
NAME_MAX_CHARS = 200

Text = Annotated[str, StringConstraints(strip_whitespace=True)]
ConversationId = Annotated[str, Field(min_length=1, max_length=64,
                                      examples=["3f2c1d0e9b8a47c6a5d4e3f2a1b0c9d8"])]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ChatRequest(Strict):
    message: Annotated[str, Field(min_length=1, max_length=MESSAGE_MAX_CHARS, examples=[
        "Could a 25-person bakery in Walsall apply for the Productivity Booster?"])]
    conversation_id: ConversationId | None = Field(
        default=None, description="Continue this conversation; null starts a new one.")

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"message": "Could a 25-person bakery in Walsall apply for the Productivity "
                    "Booster?", "conversation_id": None},
        {"message": "Correction: 45 staff", "conversation_id": "3f2c1d0e9b8a47c6a5d4e3f2a1b0c9d8"},
    ]})


class TurnOut(BaseModel):
    message_id: str
    message: str = Field(description="The user's message as stored (personal data redacted).")
    reply: Reply
    created_at: datetime


class ConversationOut(BaseModel):
    id: str
    created_at: datetime
    updated_at: datetime
    turns: list[TurnOut]


class FeedbackRequest(Strict):
    message_id: Annotated[str, Field(min_length=1, max_length=64)]
    rating: Literal["up", "down"]
    comment: Annotated[str, Field(max_length=COMMENT_MAX_CHARS)] = ""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"message_id": "9a8b7c6d5e4f40312233445566778899", "rating": "down",
         "comment": "It did not mention the Walsall office."},
    ]})


class FeedbackOut(BaseModel):
    status: Literal["recorded"] = "recorded"


class ReferralRequest(Strict):
    conversation_id: ConversationId
    name: Annotated[Text, Field(min_length=1, max_length=NAME_MAX_CHARS)]
    email: EmailStr
    company: Annotated[Text, Field(min_length=1, max_length=NAME_MAX_CHARS)]
    consent: bool = Field(description="Must be true: the user agrees to be contacted and to "
                          "the summary of the conversation being shared with an adviser.")
    note: Annotated[str, Field(max_length=COMMENT_MAX_CHARS)] = ""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"conversation_id": "3f2c1d0e9b8a47c6a5d4e3f2a1b0c9d8", "name": "Priya Shah",
         "email": "priya@example.org", "company": "Acme Precision Ltd", "consent": True,
         "note": "Mornings are best."},
    ]})

    @field_validator("consent")
    @classmethod
    def _consent_given(cls, value: bool) -> bool:
        if value is not True:
            raise ValueError("must be true: we can pass your details to an adviser only "
                             "with your consent")
        return value


class ReferralOut(BaseModel):
    referral_id: str
    message: str


class Health(BaseModel):
    status: Literal["ok", "starting", "failed"]
    detail: str = ""
