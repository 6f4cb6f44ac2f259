"""What a run produces, passed between the runner, the metrics, the report and the gate."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, computed_field

from assistant.reply import Reply
from assistant.trace import TurnTrace
from evals.dataset import Category, Expected, Split

RetrievalBasis = Literal["retriever", "citations"]


class Check(BaseModel):
    """One expected field of a case, scored. `passed` is None for a measure with no pass mark."""

    name: str
    passed: bool | None
    score: float | None = None
    detail: str = ""


class CaseResult(BaseModel):
    id: str
    category: Category
    split: Split | None = None
    file: str = ""
    line: int = 0
    turns: list[str]
    expected: Expected
    reference: str = ""
    reply: Reply | None = None  # the last turn's reply, the one scored
    trace: TurnTrace | None = None  # what the engine did for it (in process only)
    retrieved: list[str] = Field(default_factory=list)  # ranked file names used for recall
    checks: list[Check] = Field(default_factory=list)
    measures: dict[str, float] = Field(default_factory=dict)  # recall_at_k, latency_ms, ...
    refused: bool | None = None  # None: no reply to judge
    error: str | None = None  # the case raised: recorded, and the run went on

    @computed_field  # type: ignore[prop-decorator]
    @property
    def passed(self) -> bool:
        return self.error is None and all(c.passed is not False for c in self.checks)

    @property
    def question(self) -> str:
        return self.turns[-1] if self.turns else ""


class DatasetInfo(BaseModel):
    path: str
    cases: int
    sha256: str


class RunMetadata(BaseModel):
    started_at: datetime
    finished_at: datetime | None = None
    target: str  # "in process" or the API's URL
    knowledge_dir: str = ""
    datasets: list[DatasetInfo] = Field(default_factory=list)
    k: int
    retrieval_basis: RetrievalBasis
    retrieval_note: str = ""
    composer: str = ""  # "extractive" or the language model's name, when known
    judge: str | None = None  # the judging model, when faithfulness and relevance were judged
    similarity_model: str | None = None
    version: str = ""


class EvalRun(BaseModel):
    metadata: RunMetadata
    cases: list[CaseResult]


class MetricValue(BaseModel):
    value: float | None  # None: no case in scope measured it
    n: int  # how many cases it was measured on
