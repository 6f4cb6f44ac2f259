"""Faithfulness and answer relevance judged by a language model (off unless asked for).

Any OpenAI-compatible endpoint serves, through the assistant's own `ChatClient`. The judge's
1-5 score is mapped to 0..1. A judge that cannot be reached or answers out of format gives
no score for that case; the run goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from assistant.llm import ChatClient, ChatMessage, LLMError
from assistant.reply import Citation
from evals import judge_prompts as prompts
from evals.errors import EvalError

_JSON_OBJECT = re.compile(r"\{.*?\}", re.DOTALL)
_SCORE = re.compile(r'"?score"?\s*[:=]\s*"?([1-5])\b', re.IGNORECASE)


class JudgeError(EvalError):
    """The judge could not give a score."""


@dataclass(frozen=True)
class Judgement:
    score: float  # 0 (worst) to 1 (best)
    reason: str


class Judge(Protocol):
    name: str

    def faithfulness(self, question: str, answer: str,
                     sources: Sequence[Citation]) -> Judgement: ...

    def relevance(self, question: str, answer: str) -> Judgement: ...


class LLMJudge:
    """Asks a chat model for a 1-5 score in JSON, at temperature 0."""

    def __init__(self, client: ChatClient) -> None:
        self._client = client
        self.name = client.model

    def faithfulness(self, question: str, answer: str,
                     sources: Sequence[Citation]) -> Judgement:
        listed = "\n".join(prompts.SOURCE_LINE.format(n=c.n, title=c.title,
                                                      locator=c.locator or "-", quote=c.quote)
                           for c in sources) or prompts.NO_SOURCES
        user = prompts.FAITHFULNESS_USER.format(sources=listed, question=question,
                                                answer=answer)
        return self._ask(prompts.FAITHFULNESS_SYSTEM, user)

    def relevance(self, question: str, answer: str) -> Judgement:
        user = prompts.RELEVANCE_USER.format(question=question, answer=answer)
        return self._ask(prompts.RELEVANCE_SYSTEM, user)

    def _ask(self, system: str, user: str) -> Judgement:
        try:
            text = self._client.complete([ChatMessage("system", system),
                                          ChatMessage("user", user)])
        except LLMError as exc:
            raise JudgeError(str(exc)) from exc
        return parse_judgement(text)


def parse_judgement(text: str) -> Judgement:
    """The score and reason from the judge's reply: JSON, possibly inside a code fence."""
    for match in _JSON_OBJECT.finditer(text):
        try:
            body = json.loads(match.group(0))
        except json.JSONDecodeError:
            continue
        if isinstance(body, dict) and "score" in body:
            return Judgement(_unit_score(body["score"], text), str(body.get("reason", "")))
    found = _SCORE.search(text)
    if found:
        return Judgement(_unit_score(found.group(1), text), "")
    raise JudgeError(f"the judge's reply has no score from 1 to 5: {_snippet(text)}")


def _unit_score(raw: object, text: str) -> float:
    try:
        score = float(str(raw).strip())
    except ValueError:
        raise JudgeError(f"the judge's score is not a number: {_snippet(text)}") from None
    if not 1 <= score <= 5:
        raise JudgeError(f"the judge's score {score:g} is not between 1 and 5")
    return (score - 1) / 4


def _snippet(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."
