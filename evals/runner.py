"""Runs cases against a target and scores each reply.

The turns of a multi-turn case go into one conversation and the last reply is scored. Recall
and MRR come from the search the engine itself ran for the last turn (its trace, in process):
the passages it retrieved, or the catalogue records it ranked. Where the turn ran no search
(an eligibility verdict, which cites its rules' clauses) or the engine's trace cannot be seen
(a deployed API), the reply's citations in their order stand in. A case that raises is
recorded as failed with its error, and the run goes on.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from tqdm import tqdm

from assistant.reply import Reply
from evals.dataset import Case
from evals.judge import Judge, JudgeError, Judgement
from evals.metrics import (
    failed_checks,
    is_refusal,
    ranked_files,
    score_reply,
    semantic_similarity,
)
from evals.results import CaseResult, Check, DatasetInfo, EvalRun, RunMetadata
from evals.targets import Target
from knowledge.embeddings import Embedder

CITATIONS_NOTE = ("Retrieval recall@k and MRR are computed over the reply's citations in "
                  "their order: the API does not expose the retrieved passages.")
RETRIEVER_NOTE = ("Retrieval recall@k and MRR are computed over the search the engine ran for "
                  "the last turn (its top k passages, or the catalogue records it ranked); "
                  "for a turn that ran no search, such as an eligibility verdict, over the "
                  "reply's citations in their order.")


class EvalRunner:
    """Runs cases against a target; with an embedder, scores similarity to the reference;
    with a judge, faithfulness and relevance."""

    def __init__(self, target: Target, *, k: int = 5, embedder: Embedder | None = None,
                 judge: Judge | None = None, progress: bool = True,
                 timer: Callable[[], float] = time.perf_counter) -> None:
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k!r}")
        self.target = target
        self.k = k
        self._embedder = embedder
        self._judge = judge
        self._progress = progress
        self._timer = timer

    def run(self, cases: Sequence[Case], *, knowledge_dir: str = "",
            datasets: Sequence[DatasetInfo] = (), composer: str = "",
            version: str = "") -> EvalRun:
        started = datetime.now(UTC)
        results = []
        bar = tqdm(cases, desc="eval", unit="case", disable=not self._progress,
                   file=sys.stderr)
        failed = 0
        for case in bar:
            result = self.run_case(case)
            failed += not result.passed
            bar.set_postfix(failed=failed, refresh=False)
            results.append(result)
        metadata = RunMetadata(
            started_at=started, finished_at=datetime.now(UTC), target=self.target.name,
            knowledge_dir=knowledge_dir, datasets=list(datasets), k=self.k,
            retrieval_basis=self.target.retrieval_basis,
            retrieval_note=CITATIONS_NOTE if self.target.retrieval_basis == "citations"
            else RETRIEVER_NOTE,
            composer=composer, judge=self._judge.name if self._judge else None,
            similarity_model=getattr(self._embedder, "name", None) if self._embedder else None,
            version=version,
        )
        return EvalRun(metadata=metadata, cases=results)

    def run_case(self, case: Case) -> CaseResult:
        try:
            reply, latency_ms = self._converse(case.turns)
            ranked = self._ranked(case, reply)
            checks, measures = score_reply(case.expected, reply, ranked, self.k)
            measures["latency_ms"] = latency_ms
            measures |= self._similarity(case, reply)
            checks += self._judged(case, reply, measures)
        except Exception as exc:  # any failure of one case is that case's result, not the run's
            error = f"{type(exc).__name__}: {exc}"
            checks, measures = failed_checks(case.expected, case.reference, error)
            return _result(case, checks=checks, measures=measures, error=error)
        return _result(case, reply=reply, retrieved=ranked, checks=checks, measures=measures,
                       refused=is_refusal(reply))

    def _converse(self, turns: Sequence[str]) -> tuple[Reply, float]:
        """Every turn in one conversation; the last reply and how long it took (ms)."""
        conversation_id: str | None = None
        reply: Reply | None = None
        elapsed = 0.0
        for message in turns:
            started = self._timer()
            reply = self.target.ask(message, conversation_id)
            elapsed = (self._timer() - started) * 1000
            conversation_id = reply.conversation_id
        assert reply is not None  # a case has at least one turn
        return reply, elapsed

    def _ranked(self, case: Case, reply: Reply) -> list[str]:
        if not case.expected.sources:
            return []
        if reply.trace is not None and reply.trace.search is not None:
            sources = [found.source for found in reply.trace.search]
        else:
            sources = [c.source for c in sorted(reply.citations, key=lambda c: c.n)]
        return ranked_files(sources)[: self.k]

    def _similarity(self, case: Case, reply: Reply) -> dict[str, float]:
        if self._embedder is None or not case.reference.strip():
            return {}
        return {"semantic_similarity": semantic_similarity(self._embedder, reply.answer,
                                                           case.reference)}

    def _judged(self, case: Case, reply: Reply, measures: dict[str, float]) -> list[Check]:
        judge = self._judge
        if judge is None or not reply.answer.strip():
            return []
        checks = []
        if reply.citations:  # an answer that cites nothing has no sources to be faithful to
            checks.append(_judgement("faithfulness", measures, lambda: judge.faithfulness(
                case.question, reply.answer, reply.citations)))
        checks.append(_judgement("answer_relevance", measures,
                                 lambda: judge.relevance(case.question, reply.answer)))
        return checks


def _result(case: Case, *, checks: list[Check], measures: dict[str, float],
            reply: Reply | None = None, retrieved: list[str] | None = None,
            refused: bool | None = None, error: str | None = None) -> CaseResult:
    return CaseResult(id=case.id, category=case.category, split=case.split, file=case.file,
                      line=case.line, turns=list(case.turns), expected=case.expected,
                      reference=case.reference, reply=reply,
                      trace=reply.trace if reply is not None else None,
                      retrieved=retrieved or [], checks=checks, measures=measures,
                      refused=refused, error=error)


def _judgement(name: str, measures: dict[str, float], ask: Callable[[], Judgement]) -> Check:
    try:
        judgement = ask()
    except JudgeError as exc:
        return Check(name=name, passed=None, detail=f"not judged: {exc}")
    measures[name] = judgement.score
    return Check(name=name, passed=None, score=judgement.score, detail=judgement.reason)
