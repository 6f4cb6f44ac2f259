"""The reply object every channel gets: one shape for the API, Slack, the CLI and evals."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.trace import TurnTrace

Route = Literal[
    "greeting", "programme_question", "eligibility", "signposting", "referral",
    "out_of_scope", "unsafe",
]


class Citation(BaseModel):
    n: int
    title: str
    source: str  # path relative to the knowledge folder
    locator: str  # heading path, clause id or page
    url: str = ""
    quote: str = ""


class Criterion(BaseModel):
    id: str
    met: bool | None
    explanation: str
    citation: Citation | None = None


class EligibilityResult(BaseModel):
    programme: str
    decision: Literal["eligible", "ineligible", "need_more_info"]
    criteria: list[Criterion] = Field(default_factory=list)
    missing_facts: list[str] = Field(default_factory=list)


class Signpost(BaseModel):
    name: str
    partner: str
    location: str
    why: str
    url: str = ""
    source: str = ""


class Understood(BaseModel):
    """A fact about the business read from the conversation, so a channel can show it and the
    user can correct a misreading."""

    fact: str  # the fact's name in the policy: "employees"
    value: str  # as a phrase: "45 staff"
    text: str = ""  # the words it was read from


class Reply(BaseModel):
    conversation_id: str
    message_id: str
    route: Route
    answer: str  # Markdown
    citations: list[Citation] = Field(default_factory=list)
    eligibility: list[EligibilityResult] = Field(default_factory=list)
    signposts: list[Signpost] = Field(default_factory=list)
    follow_up: list[str] = Field(default_factory=list)
    grounded: bool
    understood: list[Understood] = Field(default_factory=list)
    # what the engine did (route, search, refusal signals): for the eval runner and logs only,
    # left out whenever the reply is serialised
    trace: TurnTrace | None = Field(default=None, exclude=True, repr=False)
