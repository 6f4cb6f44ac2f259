"""What an assessment returns: each criterion's result, the size band, the award working
and the funding round, as typed models."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from assistant.errors import AssistantError
from knowledge.policy import (
    Band,
    ClauseRef,
)

Decision = Literal["eligible", "ineligible", "need_more_info"]
RoundState = Literal["open", "closed", "upcoming"]
AwardLimit = Literal["maximum", "minimum", "requested"]


# --------------------------------------------------------------------------- results


class CriterionResult(BaseModel):
    id: str
    label: str
    fact: str  # the built-in fact tested, or the first fact a rule reads
    met: bool | None  # None: not known yet
    explanation: str  # plain English, with the figures used
    clause: ClauseRef
    confirmed_at_application: bool = False
    missing_facts: list[str] = Field(default_factory=list)  # Facts field names that settle it


class WorkingLine(BaseModel):
    """One step of a calculation, with the clause that sets its rule."""

    text: str
    clause: ClauseRef | None = None


class OutputRequirement(BaseModel):
    name: str  # "jobs"
    units: int  # at least this many
    unit: str  # "new or safeguarded job"
    gbp_per_unit: float


class AwardCalculation(BaseModel):
    kind: Literal["grant", "voucher", "in_kind"]
    band: Band | None
    rate: float | None  # share of eligible costs paid
    project_cost_gbp: float | None
    eligible_costs_gbp: float | None
    calculated_gbp: float | None  # rate x eligible costs, before the minimum and maximum
    requested_gbp: float | None
    grant_gbp: float | None  # what could be offered; None when it cannot be worked out
    limited_by: AwardLimit | None = None
    outputs: list[OutputRequirement] = Field(default_factory=list)
    mfa_limit_gbp: float
    prior_support_gbp: float | None
    mfa_headroom_gbp: float | None  # limit - prior support
    fits_mfa_headroom: bool | None
    missing_facts: list[str] = Field(default_factory=list)
    lines: list[WorkingLine]
    summary: WorkingLine | None = None  # the working's result in one sentence


class RoundInfo(BaseModel):
    name: str
    opens: date | datetime  # a date means the start of that day
    closes: date | datetime  # a date means the end of that day
    state: RoundState
    clause: ClauseRef | None = None


class RoundStatus(BaseModel):
    state: RoundState  # open now; none open but one to come; all closed
    current: RoundInfo | None = None
    next: RoundInfo | None = None
    last_closed: RoundInfo | None = None
    rounds: list[RoundInfo]
    text: str

    @property
    def accepting_applications(self) -> bool:
        return self.state == "open"


class SizeFinding(BaseModel):
    """The business's size band under the EU SME definition, with the working."""

    band: Band | None  # None while the figures leave the band open
    possible_bands: list[Band]  # every band the unknown figures still allow
    working: list[str]
    summary: str  # one sentence with the figures, for explanations
    missing_facts: list[str] = Field(default_factory=list)
    question: str = ""  # a sharper question than the criterion's, when one fits


class Assessment(BaseModel):
    programme_id: str
    programme_name: str
    decision: Decision
    band: Band | None
    possible_bands: list[Band]
    band_working: list[str]
    criteria: list[CriterionResult]
    missing_facts: list[str]
    next_questions: list[str]  # at most two
    award: AwardCalculation | None = None
    round_status: RoundStatus | None = None

    @property
    def failing(self) -> list[str]:
        return [result.id for result in self.criteria if result.met is False]

    @property
    def unknown(self) -> list[str]:
        return [result.id for result in self.criteria if result.met is None]


class UnknownProgrammeError(AssistantError):
    """A programme id that the policy does not define."""


MAX_QUESTIONS = 2
