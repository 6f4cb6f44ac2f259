"""What composers return, and what they are given besides passages."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.reply import Citation


@dataclass(frozen=True)
class Sentence:
    text: str
    passage: int  # index into the retrieved passages; -1 for a sentence that rests on rules
    position: int
    score: float = 0.0


@dataclass(frozen=True)
class Lead:
    """A sentence decided from structured data (the policy's areas, programmes, rounds) that
    opens the answer: "Yes: Walsall is in ...". It carries its citation; or, when the policy
    names no clause, `evidence`: names a retrieved passage must mention to be cited for it."""

    text: str
    citation: Citation | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Composition:
    answer: str
    citations: list[Citation]
    sentences: list[Sentence]
    best_score: float
    # the refusal decision: its signals, the probability that the sentences do not answer the
    # question, and the decision itself (an answer refused is not `found`)
    signals: dict[str, float] = field(default_factory=dict)
    refusal_probability: float | None = None
    refused: bool = False
    question_kind: str = ""

    @property
    def found(self) -> bool:
        return bool(self.sentences) and not self.refused
