"""Scoring: each expected field of a case checked against the reply, and the run aggregated.

Per case (only the fields the case sets):
- `answer_contains`: every phrase is in the answer; `answer_contains_any`: each group has one;
  `answer_must_not_contain`: none is. Matching ignores case, Markdown emphasis, citation
  markers ("[2]"), typographic quotes and dashes, and runs of whitespace.
- `sources`: the retrieved passages' files, ranked by their best passage (each file once, folders
  ignored), against the expected files: recall@k (share of the expected files among the top k
  passages' files) and reciprocal rank (1 / rank of the first expected file). The check passes
  when an expected file is retrieved. Citation precision is the share of the reply's citations
  whose file is expected (0 when it cites nothing); its check passes when one of them is.
- `refuse`: a reply is a refusal when its route is out of scope or unsafe, or when it is not
  grounded and has no citations, eligibility results or signposts. Refusal precision and
  recall, and the false refusal rate: the share of answerable cases (`refuse: false`) refused.
- `eligibility`: the result for the named programme: its decision; `failing_rules` equal to the
  criteria not met; `missing_facts` all among the result's missing facts. Criterion agreement is
  the share of the criteria (the result's and the expected failing ones) on which "not met"
  agrees.
- `signposts`: hit@3, an expected record name among the first three signposts.
- `reference`: cosine similarity of answer and reference with the project's embedder.

A case that raised fails every check it sets and scores 0 on its measures, so a crash never
raises a mean; it is left out of refusal precision and recall and of latency.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

import numpy as np

from assistant.reply import Citation, EligibilityResult, Reply
from evals.dataset import CATEGORIES, Expected, ExpectedEligibility
from evals.results import CaseResult, Check, MetricValue
from knowledge.embeddings import Embedder

SIGNPOST_DEPTH = 3
REFUSAL_ROUTES = frozenset({"out_of_scope", "unsafe"})


@dataclass(frozen=True)
class MetricSpec:
    name: str
    label: str  # short, for tables and charts
    higher_is_better: bool = True
    ratio: bool = True  # between 0 and 1


METRICS: dict[str, MetricSpec] = {spec.name: spec for spec in [
    MetricSpec("cases", "cases", ratio=False),
    MetricSpec("errors", "errors", higher_is_better=False, ratio=False),
    MetricSpec("completed", "completed"),
    MetricSpec("pass_rate", "passed"),
    MetricSpec("recall_at_k", "recall@k"),
    MetricSpec("mrr", "MRR"),
    MetricSpec("retrieval_hit_at_k", "hit@k"),
    MetricSpec("citation_precision", "cite prec"),
    MetricSpec("answer_contains", "contains"),
    MetricSpec("answer_contains_any", "contains any"),
    MetricSpec("answer_must_not_contain", "must not"),
    MetricSpec("refusal_accuracy", "refusal acc"),
    MetricSpec("refusal_precision", "refusal P"),
    MetricSpec("refusal_recall", "refusal R"),
    MetricSpec("false_refusal_rate", "false ref", higher_is_better=False),
    MetricSpec("eligibility_decision_accuracy", "decision"),
    MetricSpec("eligibility_failing_rules", "failing rules"),
    MetricSpec("eligibility_missing_facts", "missing facts"),
    MetricSpec("criterion_agreement", "criteria"),
    MetricSpec("signpost_hit_at_3", "hit@3"),
    MetricSpec("semantic_similarity", "similarity"),
    MetricSpec("faithfulness", "faithful"),
    MetricSpec("answer_relevance", "relevance"),
    MetricSpec("latency_ms_mean", "mean ms", higher_is_better=False, ratio=False),
    MetricSpec("latency_ms_p50", "p50 ms", higher_is_better=False, ratio=False),
    MetricSpec("latency_ms_p95", "p95 ms", higher_is_better=False, ratio=False),
]}

# metric <- the check whose pass rate it is
_CHECK_RATES = {
    "retrieval_hit_at_k": "retrieval",
    "answer_contains": "answer_contains",
    "answer_contains_any": "answer_contains_any",
    "answer_must_not_contain": "answer_must_not_contain",
    "refusal_accuracy": "refuse",
    "eligibility_decision_accuracy": "eligibility_decision",
    "eligibility_failing_rules": "eligibility_failing_rules",
    "eligibility_missing_facts": "eligibility_missing_facts",
    "signpost_hit_at_3": "signposts",
}
# metric <- the per-case measure whose mean it is
_MEASURE_MEANS = {
    "recall_at_k": "recall_at_k",
    "mrr": "reciprocal_rank",
    "citation_precision": "citation_precision",
    "criterion_agreement": "criterion_agreement",
    "semantic_similarity": "semantic_similarity",
    "faithfulness": "faithfulness",
    "answer_relevance": "answer_relevance",
    "latency_ms_mean": "latency_ms",
}


# --------------------------------------------------------------------------- text

_CITATION_MARK = re.compile(r"\s*\[\d+\]")
_MARKUP = re.compile(r"\*\*|__|`")
_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                             "\u2013": "-", "\u2014": "-", "\u2212": "-"})


def strip_citation_marks(text: str) -> str:
    return _CITATION_MARK.sub("", text)


def normalise(text: str) -> str:
    """Text as the contains checks compare it."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    text = _MARKUP.sub("", strip_citation_marks(text))
    return " ".join(text.casefold().split())


def contains_all(answer: str, phrases: Sequence[str]) -> Check:
    text = normalise(answer)
    missing = [p for p in phrases if normalise(p) not in text]
    detail = f"missing: {_listed(missing)}" if missing else f"found all {len(phrases)}"
    return Check(name="answer_contains", passed=not missing,
                 score=1 - len(missing) / len(phrases), detail=detail)


def contains_any(answer: str, groups: Sequence[Sequence[str]]) -> Check:
    text = normalise(answer)
    unmet = [group for group in groups if not any(normalise(p) in text for p in group)]
    detail = ("none of: " + "; ".join(_listed(g) for g in unmet)) if unmet else \
        f"every group of {len(groups)} matched"
    return Check(name="answer_contains_any", passed=not unmet,
                 score=1 - len(unmet) / len(groups), detail=detail)


def must_not_contain(answer: str, phrases: Sequence[str]) -> Check:
    text = normalise(answer)
    found = [p for p in phrases if normalise(p) in text]
    return Check(name="answer_must_not_contain", passed=not found,
                 score=1 - len(found) / len(phrases),
                 detail=f"contains: {_listed(found)}" if found else "none present")


def _listed(phrases: Iterable[str]) -> str:
    return ", ".join(repr(p) for p in phrases)


# --------------------------------------------------------------------------- retrieval


def file_name(source: str) -> str:
    """A source path as matched: its file name, case-folded (folders are ignored)."""
    return PurePosixPath(source.replace("\\", "/")).name.casefold()


def ranked_files(sources: Iterable[str]) -> list[str]:
    """File names in order of their first (best) passage, each once."""
    return list(dict.fromkeys(file_name(s) for s in sources if s))


def recall_at_k(ranked: Sequence[str], expected: Iterable[str], k: int) -> float:
    wanted = {file_name(e) for e in expected}
    if not wanted:
        raise ValueError("recall needs at least one expected source")
    return len(wanted & set(ranked[:k])) / len(wanted)


def reciprocal_rank(ranked: Sequence[str], expected: Iterable[str]) -> float:
    wanted = {file_name(e) for e in expected}
    for rank, name in enumerate(ranked, start=1):
        if name in wanted:
            return 1.0 / rank
    return 0.0


def citation_precision(citations: Sequence[Citation], expected: Iterable[str]) -> float:
    if not citations:
        return 0.0
    wanted = {file_name(e) for e in expected}
    return sum(file_name(c.source) in wanted for c in citations) / len(citations)


def source_checks(ranked: Sequence[str], reply: Reply, expected: Sequence[str],
                  k: int) -> tuple[list[Check], dict[str, float]]:
    top = list(ranked[:k])
    recall, rr = recall_at_k(top, expected, k), reciprocal_rank(top, expected)
    precision = citation_precision(reply.citations, expected)
    cited = ranked_files(c.source for c in reply.citations)
    checks = [
        Check(name="retrieval", passed=recall > 0, score=recall,
              detail=f"recall@{k} {recall:.2f}, RR {rr:.2f}; ranked: {', '.join(top) or '(none)'}"),
        Check(name="citations", passed=precision > 0, score=precision,
              detail=f"precision {precision:.2f}; cited: {', '.join(cited) or '(none)'}"),
    ]
    return checks, {"recall_at_k": recall, "reciprocal_rank": rr,
                    "citation_precision": precision}


# --------------------------------------------------------------------------- refusal


def is_refusal(reply: Reply) -> bool:
    if reply.route in REFUSAL_ROUTES:
        return True
    return (not reply.grounded and not reply.citations and not reply.eligibility
            and not reply.signposts)


def refusal_check(reply: Reply, expected: bool) -> Check:
    refused = is_refusal(reply)
    said = "refused" if refused else "answered"
    return Check(name="refuse", passed=refused == expected,
                 detail=f"{said} (route {reply.route}, grounded {str(reply.grounded).lower()})")


# --------------------------------------------------------------------------- eligibility


def find_result(reply: Reply, programme: str) -> EligibilityResult | None:
    wanted = programme.casefold()
    return next((r for r in reply.eligibility if r.programme.casefold() == wanted), None)


def eligibility_checks(reply: Reply,
                       expected: ExpectedEligibility) -> tuple[list[Check], dict[str, float]]:
    result = find_result(reply, expected.programme)
    if result is None:
        got = ", ".join(r.programme for r in reply.eligibility) or "none"
        detail = f"no eligibility result for {expected.programme} (results: {got})"
        return _failed_eligibility(expected, detail), (
            {"criterion_agreement": 0.0} if expected.failing_rules is not None else {})
    checks: list[Check] = []
    measures: dict[str, float] = {}
    if expected.decision is not None:
        checks.append(Check(name="eligibility_decision",
                            passed=result.decision == expected.decision,
                            detail=f"expected {expected.decision}, got {result.decision}"))
    if expected.failing_rules is not None:
        failing = {c.id for c in result.criteria if c.met is False}
        want = set(expected.failing_rules)
        checks.append(Check(name="eligibility_failing_rules", passed=failing == want,
                            detail=f"expected {_ids(want)}, got {_ids(failing)}"))
        measures["criterion_agreement"] = criterion_agreement(result, want)
    if expected.missing_facts is not None:
        absent = [f for f in expected.missing_facts if f not in result.missing_facts]
        checks.append(Check(
            name="eligibility_missing_facts", passed=not absent,
            detail=(f"not listed: {_ids(absent)}; " if absent else "")
            + f"result lists {_ids(result.missing_facts)}"))
    if not checks:
        checks.append(Check(name="eligibility_result", passed=True,
                            detail=f"{result.programme}: {result.decision}"))
    return checks, measures


def criterion_agreement(result: EligibilityResult, failing: set[str]) -> float:
    """Share of criteria on which "not met" agrees with the expected failing rules."""
    ids = {c.id for c in result.criteria} | failing
    if not ids:
        return 1.0
    not_met = {c.id for c in result.criteria if c.met is False}
    return sum((i in failing) == (i in not_met) for i in ids) / len(ids)


def _failed_eligibility(expected: ExpectedEligibility, detail: str) -> list[Check]:
    names = [name for name, value in (("eligibility_decision", expected.decision),
                                      ("eligibility_failing_rules", expected.failing_rules),
                                      ("eligibility_missing_facts", expected.missing_facts))
             if value is not None] or ["eligibility_result"]
    return [Check(name=name, passed=False, detail=detail) for name in names]


def _ids(values: Iterable[str]) -> str:
    listed = sorted(values)
    return "{" + ", ".join(listed) + "}" if listed else "{}"


# --------------------------------------------------------------------------- signposts


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def signpost_check(reply: Reply, names: Sequence[str], depth: int = SIGNPOST_DEPTH) -> Check:
    shown = [s.name for s in reply.signposts[:depth]]
    wanted = {_name_key(n) for n in names}
    hit = any(_name_key(s) in wanted for s in shown)
    return Check(name="signposts", passed=hit,
                 detail=f"first {depth}: {_listed(shown) or '(none)'}")


# --------------------------------------------------------------------------- similarity


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(np.dot(a, b) / norm) if norm else 0.0


def semantic_similarity(embedder: Embedder, answer: str, reference: str) -> float:
    vectors = embedder.embed([strip_citation_marks(answer), reference])
    return cosine(np.asarray(vectors[0]), np.asarray(vectors[1]))


# --------------------------------------------------------------------------- one case


def score_reply(expected: Expected, reply: Reply, ranked: Sequence[str],
                k: int) -> tuple[list[Check], dict[str, float]]:
    """The checks and measures for every expected field the case sets."""
    checks: list[Check] = []
    measures: dict[str, float] = {}
    if expected.answer_contains:
        checks.append(contains_all(reply.answer, expected.answer_contains))
    if expected.answer_contains_any:
        checks.append(contains_any(reply.answer, expected.answer_contains_any))
    if expected.answer_must_not_contain:
        checks.append(must_not_contain(reply.answer, expected.answer_must_not_contain))
    if expected.sources:
        found, values = source_checks(ranked, reply, expected.sources, k)
        checks += found
        measures |= values
    if expected.refuse is not None:
        checks.append(refusal_check(reply, expected.refuse))
    if expected.eligibility is not None:
        found, values = eligibility_checks(reply, expected.eligibility)
        checks += found
        measures |= values
    if expected.signposts:
        checks.append(signpost_check(reply, expected.signposts))
    return checks, measures


def failed_checks(expected: Expected, reference: str,
                  error: str) -> tuple[list[Check], dict[str, float]]:
    """What a case that raised scores: every check it sets failed, every measure 0."""
    detail = f"not run: {error}"
    names: list[str] = []
    measures: dict[str, float] = {}
    for name in expected.fields_set():
        if name == "sources":
            names += ["retrieval", "citations"]
            measures |= {"recall_at_k": 0.0, "reciprocal_rank": 0.0, "citation_precision": 0.0}
        elif name == "eligibility":
            assert expected.eligibility is not None
            names += [c.name for c in _failed_eligibility(expected.eligibility, detail)]
            if expected.eligibility.failing_rules is not None:
                measures["criterion_agreement"] = 0.0
        else:
            names.append(name)
    if reference.strip():
        measures["semantic_similarity"] = 0.0
    return [Check(name=n, passed=False, detail=detail) for n in names], measures


# --------------------------------------------------------------------------- the run


def aggregate(results: Sequence[CaseResult]) -> dict[str, MetricValue]:
    """Every metric over these cases; a metric no case measured has value None."""
    values: dict[str, MetricValue] = {
        "cases": MetricValue(value=float(len(results)), n=len(results)),
        "errors": MetricValue(value=float(sum(r.error is not None for r in results)),
                              n=len(results)),
        "completed": _mean([float(r.error is None) for r in results]),
        "pass_rate": _mean([float(r.passed) for r in results]),
    }
    for metric, check in _CHECK_RATES.items():
        values[metric] = _mean([float(bool(c.passed)) for r in results for c in r.checks
                                if c.name == check])
    for metric, measure in _MEASURE_MEANS.items():
        values[metric] = _mean([r.measures[measure] for r in results if measure in r.measures])
    values |= refusal_precision_recall(results)
    latencies = [r.measures["latency_ms"] for r in results
                 if "latency_ms" in r.measures and r.error is None]
    values["latency_ms_p50"] = _percentile(latencies, 50)
    values["latency_ms_p95"] = _percentile(latencies, 95)
    return {name: values[name] for name in METRICS}


def by_category(results: Sequence[CaseResult]) -> dict[str, dict[str, MetricValue]]:
    """Metrics per category, in the dataset format's category order, for categories present."""
    return {category: aggregate([r for r in results if r.category == category])
            for category in CATEGORIES if any(r.category == category for r in results)}


def refusal_precision_recall(results: Sequence[CaseResult]) -> dict[str, MetricValue]:
    """Over the cases that set `refuse` and got a reply."""
    pairs = [(r.expected.refuse, r.refused) for r in results
             if r.expected.refuse is not None and r.refused is not None]
    true_positive = sum(e and g for e, g in pairs)
    predicted = sum(bool(g) for _, g in pairs)
    actual = sum(bool(e) for e, _ in pairs)
    answerable = len(pairs) - actual
    false_positive = predicted - true_positive
    return {
        "refusal_precision": MetricValue(
            value=true_positive / predicted if predicted else None, n=predicted),
        "refusal_recall": MetricValue(
            value=true_positive / actual if actual else None, n=actual),
        # the answerable questions (refuse: false) that were refused
        "false_refusal_rate": MetricValue(
            value=false_positive / answerable if answerable else None, n=answerable),
    }


def _mean(values: Sequence[float]) -> MetricValue:
    return MetricValue(value=float(np.mean(values)) if values else None, n=len(values))


def _percentile(values: Sequence[float], q: float) -> MetricValue:
    return MetricValue(value=float(np.percentile(values, q)) if values else None,
                       n=len(values))
