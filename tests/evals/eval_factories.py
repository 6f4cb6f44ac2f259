"""Test data for the eval tests: reply objects, dataset files, and a scripted target."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.reply import Citation, Criterion, EligibilityResult, Reply, Signpost
from assistant.trace import Retrieved, TurnTrace
from evals.results import RetrievalBasis


def citation(source: str, n: int = 1) -> Citation:
    return Citation(n=n, title=Path(source).stem, source=source, locator="1.1",
                    quote=f"From {source}.")


def make_reply(answer: str = "An answer.", *, route: str = "programme_question",
               grounded: bool = True, sources: Sequence[str] = (),
               eligibility: Sequence[EligibilityResult] = (),
               signposts: Sequence[str] = (), conversation_id: str | None = None) -> Reply:
    return Reply(
        conversation_id=conversation_id or uuid.uuid4().hex, message_id=uuid.uuid4().hex,
        route=route,  # type: ignore[arg-type]
        answer=answer, grounded=grounded,
        citations=[citation(s, n) for n, s in enumerate(sources, start=1)],
        eligibility=list(eligibility),
        signposts=[Signpost(name=name, partner="WMG", location="Coventry", why="fits")
                   for name in signposts],
    )


def result(programme: str, decision: str, met: dict[str, bool | None],
           missing: Sequence[str] = ()) -> EligibilityResult:
    return EligibilityResult(
        programme=programme, decision=decision,  # type: ignore[arg-type]
        criteria=[Criterion(id=i, met=m, explanation="...") for i, m in met.items()],
        missing_facts=list(missing))


def write_jsonl(path: Path, rows: Sequence[dict[str, Any] | str]) -> Path:
    """One line per row: a dict as JSON, a string as written (for malformed lines)."""
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def case(case_id: str = "q1", question: str = "What is it?", category: str = "factual",
         **expected: Any) -> dict[str, Any]:
    return {"id": case_id, "question": question, "category": category, "expected": expected,
            "reference": "A reference answer."}


class ScriptedTarget:
    """Answers each message with `respond(message, conversation_id)`; records every call."""

    def __init__(self, respond: Callable[[str, str | None], Reply],
                 retrieved: dict[str, list[str]] | None = None,
                 basis: RetrievalBasis = "retriever") -> None:
        self._respond = respond
        self._retrieved = retrieved
        self.retrieval_basis = basis
        self.name = "scripted"
        self.calls: list[tuple[str, str | None]] = []

    def ask(self, message: str, conversation_id: str | None) -> Reply:
        """The reply, with a trace of the search "run" for the message when one is scripted."""
        self.calls.append((message, conversation_id))
        reply = self._respond(message, conversation_id)
        if self._retrieved is not None and message in self._retrieved:
            reply.trace = TurnTrace(route=reply.route, query=message, search=[
                Retrieved(source=source) for source in self._retrieved[message]])
        return reply


class WordEmbedder:
    """A deterministic embedder: a bag of words over a fixed vocabulary, unit length."""

    name = "word-bag"
    max_tokens = 256

    def __init__(self, vocabulary: Sequence[str]) -> None:
        self._index = {w: i for i, w in enumerate(vocabulary)}

    def embed(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        vectors = np.zeros((len(texts), len(self._index) + 1), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().replace(".", " ").split():
                vectors[row, self._index.get(word, len(self._index))] += 1
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)

    def count_tokens(self, text: str) -> int:
        return len(text.split())
