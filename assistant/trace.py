"""What the engine did for one turn, for evaluation and logs: never part of the public reply.

The eval runner scores retrieval on the search the engine actually ran for the turn (not on a
search of its own), and fits the refusal decision on the signals the composer saw. A reply
carries its trace in a field that serialisation leaves out, so channels never send it.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class Retrieved(BaseModel):
    """One passage or catalogue record a turn's search returned, in rank order."""

    source: str  # path relative to the knowledge folder
    locator: str = ""
    title: str = ""
    score: float = 0.0


class TurnTrace(BaseModel):
    route: str
    reason: str = ""  # which routing rule or comparison decided the route
    query: str = ""  # what was searched for (the message, or it with the turn it follows)
    # the search the turn ran, best first; None when the turn ran no search (an eligibility
    # verdict cites the clauses of its rules instead)
    search: list[Retrieved] | None = None
    question_kind: str = ""  # how the composer read the question ("yes_no", "amount", ...)
    refusal: dict[str, float] = Field(default_factory=dict)  # the signals and the probability
    refused: bool | None = None  # the refusal decision, where one was made
