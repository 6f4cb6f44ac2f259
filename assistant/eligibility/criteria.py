"""A criterion judged on its observation: met, not met or unknown, explained in the
policy's words or the engine's, and the question that would settle it."""

from __future__ import annotations

import math
import re

from assistant.eligibility.observation import Observation
from assistant.eligibility.wording import (
    CONFIRMED_AT_APPLICATION,
    MET,
    NOT_MET,
    OP_WORDS,
    QUESTIONS,
    UNKNOWN_TEXTS,
    joined,
    number,
    pounds,
)
from knowledge.policy import (
    BOOLEAN_FACTS,
    Criterion,
)

# --------------------------------------------------------------------------- criteria


def _same(actual: object, expected: object) -> bool:
    if isinstance(actual, str) and isinstance(expected, str):
        return actual.casefold() == expected.casefold()
    if isinstance(actual, bool) or isinstance(expected, bool):
        return actual is expected
    if isinstance(actual, int | float) and isinstance(expected, int | float):
        return math.isclose(actual, expected, abs_tol=1e-9)
    return actual == expected


def _holds(op: str, actual: object, expected: object) -> bool:
    if op in ("in", "not_in"):
        inside = any(_same(actual, item) for item in expected)  # type: ignore[attr-defined]
        return inside if op == "in" else not inside
    if op == "eq":
        return _same(actual, expected)
    if op == "ne":
        return not _same(actual, expected)
    a, b = float(actual), float(expected)  # type: ignore[arg-type]
    return {"lt": a < b, "lte": a <= b, "gt": a > b, "gte": a >= b}[op]


def criterion_met(criterion: Criterion, observation: Observation) -> bool | None:
    assert criterion.op is not None  # a criterion on a fact, not a rule
    if observation.value is not None:
        return _holds(criterion.op, observation.value, criterion.value)
    outcomes = {_holds(criterion.op, c, criterion.value) for c in observation.candidates}
    return outcomes.pop() if len(outcomes) == 1 else None


_MONEY_FACTS = {"turnover_gbp", "balance_sheet_gbp", "mfa_after_award"}
_UNITS = {"public_body_share": "{}%", "months_trading": "{} months", "employees": "{} AWU"}


def _limit_value(criterion: Criterion) -> str:
    """The criterion's value as templates get it ({limit}): money with its sign, other
    numbers bare (the template says "{limit} months", "{limit}%")."""
    value = criterion.value
    if isinstance(value, list):
        return joined([str(item) for item in value], "or")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return pounds(value) if criterion.fact in _MONEY_FACTS else number(value)
    if value is None:
        return ""
    return str(value)


def _requirement(criterion: Criterion) -> str:
    """The rule in words for a generated sentence: "at least 6 months", "less than 25%"."""
    if criterion.fact in BOOLEAN_FACTS or criterion.fact == "area_status":
        return ""
    limit = _limit_value(criterion)
    if not isinstance(criterion.value, bool | list | str):
        limit = _UNITS.get(str(criterion.fact), "{}").format(limit)
    return OP_WORDS[str(criterion.op)].format(limit)


def explain(criterion: Criterion, observation: Observation, met: bool | None) -> str:
    fill = {"value": observation.shown, "limit": _limit_value(criterion)}
    if met is None:
        template = criterion.unknown_text
        reason = observation.unknown_reason
        if template:
            text = " ".join(filter(None, [template.format(**fill), reason]))
        else:
            text = reason or UNKNOWN_TEXTS.get(str(criterion.fact),
                                          f"I don't know the {criterion.label.lower()} yet.")
            if criterion.confirmed_at_application:
                text += " " + CONFIRMED_AT_APPLICATION
    else:
        template = criterion.met_text if met else criterion.not_met_text
        if template:
            # The policy's sentence, then the figures it rests on.
            text = " ".join(filter(None, [template.format(**fill), observation.evidence]))
        else:
            requirement = _requirement(criterion)
            verdict = (MET if met else NOT_MET) if not requirement else (
                f"That meets the requirement ({requirement})." if met
                else f"The requirement is {requirement}, so this is not met.")
            text = f"{observation.sentence} {verdict}"
    if observation.detail and not (met is True and criterion.fact == "area_status"):
        text += " " + observation.detail
    return text


# How a question names a fact, to tell whether a criterion's own question asks for it.
_FACT_WORDS = {
    "employees": re.compile(r"\b(?:staff|people|employ\w*|headcount|workforce|AWU)\b", re.I),
    "turnover": re.compile(r"\b(?:turnover|revenue|sales|balance\s+sheet)\b", re.I),
    "balance_sheet": re.compile(r"\bbalance\s+sheet\b", re.I),
}


def question_for(criterion: Criterion, observation: Observation) -> str:
    if observation.question:
        return observation.question
    first = observation.missing[0] if observation.missing else ""
    if criterion.question and not (first in QUESTIONS and first in _FACT_WORDS and not
                                   _FACT_WORDS[first].search(criterion.question)):
        return criterion.question
    # the criterion's own question does not ask for what is still missing (it asks for the
    # staff, which are known, and the turnover is not): ask for that
    return QUESTIONS.get(first, f"Can you tell me about the {criterion.label.lower()}?")
