"""Per-case checks and run aggregates; recall@k and MRR cross-checked with ir-measures."""

from __future__ import annotations

import random

import ir_measures
import numpy as np
import pytest
from eval_factories import WordEmbedder, make_reply, result
from ir_measures import RR, Qrel, R, ScoredDoc

from evals.dataset import Expected, ExpectedEligibility
from evals.metrics import (
    METRICS,
    aggregate,
    by_category,
    citation_precision,
    contains_all,
    contains_any,
    criterion_agreement,
    eligibility_checks,
    failed_checks,
    file_name,
    is_refusal,
    must_not_contain,
    ranked_files,
    recall_at_k,
    reciprocal_rank,
    score_reply,
    semantic_similarity,
    signpost_check,
)
from evals.results import CaseResult, Check

# --------------------------------------------------------------------------- answer text


def test_contains_ignores_case_markup_citation_marks_and_typography() -> None:
    answer = "You could get **up to £50,000** [1]. It\u2019s paid in arrears \u2013 monthly.\n"
    assert contains_all(answer, ["UP TO £50,000", "it's paid", "in arrears - monthly"]).passed
    check = contains_all(answer, ["£50,000", "12 months"])
    assert not check.passed and check.score == 0.5 and "'12 months'" in check.detail


def test_contains_any_needs_one_phrase_of_every_group() -> None:
    answer = "Half of eligible costs."
    assert contains_any(answer, [["50%", "half"], ["costs"]]).passed
    check = contains_any(answer, [["50%", "half"], ["grant", "award"]])
    assert not check.passed and check.score == 0.5 and "'grant', 'award'" in check.detail


def test_must_not_contain_fails_on_any_phrase() -> None:
    assert must_not_contain("We cannot say.", ["guaranteed"]).passed
    check = must_not_contain("Funding is GUARANTEED.", ["guaranteed", "always"])
    assert not check.passed and "'guaranteed'" in check.detail


# --------------------------------------------------------------------------- retrieval


def test_sources_match_by_file_name_ignoring_folders() -> None:
    assert file_name("guidance/faq/Frequently-Asked-Questions.md") == \
        "frequently-asked-questions.md"
    assert ranked_files(["a/x.md", "b/y.pdf", "c/x.md", "y.pdf", "z.csv"]) == \
        ["x.md", "y.pdf", "z.csv"]
    ranked = ranked_files(["guidance/a.md", "catalogue/b.csv", "guidance/c.pdf"])
    assert recall_at_k(ranked, ["other/folder/c.pdf", "b.csv"], k=2) == 0.5
    assert recall_at_k(ranked, ["c.pdf", "b.csv"], k=3) == 1.0
    assert reciprocal_rank(ranked, ["c.pdf"]) == pytest.approx(1 / 3)
    assert reciprocal_rank(ranked, ["missing.md"]) == 0.0


def _ir_measures(rankings: dict[str, list[str]], expected: dict[str, list[str]],
                 k: int) -> tuple[dict[str, float], dict[str, float]]:
    qrels = [Qrel(q, file_name(doc), 1) for q, docs in expected.items() for doc in docs]
    run = [ScoredDoc(q, doc, float(len(docs) - rank))
           for q, docs in rankings.items() for rank, doc in enumerate(docs)]
    recall: dict[str, float] = {q: 0.0 for q in expected}
    rr: dict[str, float] = {q: 0.0 for q in expected}
    for metric in ir_measures.iter_calc([R @ k, RR], qrels, run):
        (recall if metric.measure == R @ k else rr)[metric.query_id] = metric.value
    return recall, rr


@pytest.mark.parametrize("k", [1, 3, 5])
def test_recall_at_k_and_mrr_agree_with_ir_measures(k: int) -> None:
    rng = random.Random(k)
    files = [f"guidance/doc-{i}.md" for i in range(12)]
    rankings: dict[str, list[str]] = {}
    expected: dict[str, list[str]] = {}
    for q in range(60):
        passages = [rng.choice(files) for _ in range(rng.randint(0, 8))]  # repeats, like chunks
        rankings[f"q{q}"] = ranked_files(passages)[:k]
        expected[f"q{q}"] = rng.sample(files, rng.randint(1, 3))
    ours_recall = {q: recall_at_k(rankings[q], expected[q], k) for q in expected}
    ours_rr = {q: reciprocal_rank(rankings[q], expected[q]) for q in expected}
    theirs_recall, theirs_rr = _ir_measures(rankings, expected, k)
    for q in expected:
        assert ours_recall[q] == pytest.approx(theirs_recall[q]), q
        assert ours_rr[q] == pytest.approx(theirs_rr[q]), q
    assert np.mean(list(ours_rr.values())) == pytest.approx(np.mean(list(theirs_rr.values())))


def test_citation_precision_is_the_share_of_citations_from_expected_files() -> None:
    reply = make_reply(sources=["guidance/a.md", "guidance/b.md", "catalogue/a.md", "c.pdf"])
    assert citation_precision(reply.citations, ["a.md"]) == 0.5
    assert citation_precision([], ["a.md"]) == 0.0


def test_source_checks_report_recall_rank_and_precision() -> None:
    reply = make_reply(sources=["guidance/rules.pdf"])
    checks, measures = score_reply(Expected(sources=["rules.pdf"]), reply,
                                   ["faq.md", "rules.pdf"], k=5)
    assert [c.name for c in checks] == ["retrieval", "citations"]
    assert all(c.passed for c in checks)
    assert measures == {"recall_at_k": 1.0, "reciprocal_rank": 0.5, "citation_precision": 1.0}
    checks, measures = score_reply(Expected(sources=["rules.pdf"]), reply,
                                   ["faq.md", "rules.pdf"], k=1)
    assert checks[0].passed is False and measures["recall_at_k"] == 0.0


# --------------------------------------------------------------------------- refusal


@pytest.mark.parametrize(("reply", "refused"), [
    (make_reply(route="out_of_scope", grounded=False), True),
    (make_reply(route="unsafe", grounded=False), True),
    (make_reply("Not in the guidance; contact us.", grounded=False), True),
    (make_reply(grounded=True, sources=["a.md"]), False),
    (make_reply(route="eligibility", grounded=False,
                eligibility=[result("P", "need_more_info", {})]), False),
    (make_reply(route="signposting", grounded=False, signposts=["Lab"]), False),
    (make_reply(grounded=False, sources=["a.md"]), False),
])
def test_a_refusal_is_a_refusing_route_or_an_ungrounded_bare_answer(reply: object,
                                                                     refused: bool) -> None:
    assert is_refusal(reply) is refused  # type: ignore[arg-type]


# --------------------------------------------------------------------------- eligibility

_RESULT = result("Productivity Booster", "ineligible",
                 {"site": True, "sme": False, "trading": None, "sector": True},
                 missing=["months_trading", "insolvent"])


def test_eligibility_decision_failing_rules_and_missing_facts() -> None:
    reply = make_reply(route="eligibility",
                       eligibility=[result("Medtech Hub", "eligible", {}), _RESULT])
    expected = ExpectedEligibility(programme="productivity booster", decision="ineligible",
                                   failing_rules=["sme"], missing_facts=["months_trading"])
    checks, measures = eligibility_checks(reply, expected)
    assert [(c.name, c.passed) for c in checks] == [
        ("eligibility_decision", True), ("eligibility_failing_rules", True),
        ("eligibility_missing_facts", True)]
    assert measures == {"criterion_agreement": 1.0}

    wrong = ExpectedEligibility(programme="Productivity Booster", decision="eligible",
                                failing_rules=["sme", "trading"], missing_facts=["postcode"])
    checks, measures = eligibility_checks(reply, wrong)
    assert [c.passed for c in checks] == [False, False, False]
    assert "expected eligible, got ineligible" in checks[0].detail
    assert "not listed: {postcode}" in checks[2].detail
    assert measures["criterion_agreement"] == pytest.approx(3 / 4)  # "trading" disagrees


def test_a_missing_programme_result_fails_every_eligibility_check() -> None:
    reply = make_reply(route="eligibility", eligibility=[result("Medtech Hub", "eligible", {})])
    expected = ExpectedEligibility(programme="Productivity Booster", decision="eligible",
                                   failing_rules=[])
    checks, measures = eligibility_checks(reply, expected)
    assert [c.passed for c in checks] == [False, False]
    assert "no eligibility result for Productivity Booster (results: Medtech Hub)" in \
        checks[0].detail
    assert measures == {"criterion_agreement": 0.0}


def test_criterion_agreement_counts_expected_rules_the_result_lacks() -> None:
    assert criterion_agreement(_RESULT, {"sme"}) == 1.0
    assert criterion_agreement(_RESULT, {"sme", "unknown-rule"}) == pytest.approx(4 / 5)
    assert criterion_agreement(result("P", "eligible", {}), set()) == 1.0


# --------------------------------------------------------------------------- signposts


def test_signposts_hit_at_3_only_counts_the_first_three() -> None:
    reply = make_reply(route="signposting",
                       signposts=["Lab A", "Lab B", "Battery  Lab", "Composites Centre"])
    assert signpost_check(reply, ["battery lab", "nowhere"]).passed
    assert not signpost_check(reply, ["Composites Centre"]).passed
    assert not signpost_check(make_reply(), ["Lab A"]).passed


# --------------------------------------------------------------------------- similarity


def test_semantic_similarity_is_the_cosine_of_answer_and_reference() -> None:
    embedder = WordEmbedder(["grant", "half", "costs", "loan"])
    same = semantic_similarity(embedder, "Half the costs [1].", "half the costs")
    assert same == pytest.approx(1.0)
    other = semantic_similarity(embedder, "A loan.", "half the costs")
    assert other < 0.5


# --------------------------------------------------------------------------- the run


def _result(case_id: str, category: str, *, checks: list[Check],
            measures: dict[str, float] | None = None, refuse: bool | None = None,
            refused: bool | None = None, error: str | None = None) -> CaseResult:
    return CaseResult(id=case_id, category=category, turns=["q"],  # type: ignore[arg-type]
                      expected=Expected(refuse=refuse), checks=checks,
                      measures=measures or {}, refused=refused, error=error)


def test_aggregates_per_category_and_overall() -> None:
    results = [
        _result("a", "factual", checks=[Check(name="answer_contains", passed=True)],
                measures={"recall_at_k": 1.0, "reciprocal_rank": 0.5, "latency_ms": 10.0}),
        _result("b", "factual", checks=[Check(name="answer_contains", passed=False)],
                measures={"recall_at_k": 0.0, "reciprocal_rank": 0.0, "latency_ms": 30.0}),
        _result("c", "out_of_scope", checks=[Check(name="refuse", passed=True)], refuse=True,
                refused=True, measures={"latency_ms": 20.0}),
        _result("d", "unanswerable", checks=[Check(name="refuse", passed=False)], refuse=True,
                refused=False, measures={"latency_ms": 40.0}),
        _result("e", "factual", checks=[Check(name="refuse", passed=False)], refuse=False,
                refused=True, measures={"latency_ms": 1000.0}),
    ]
    overall = aggregate(results)
    assert list(overall) == list(METRICS)
    assert overall["cases"].value == 5 and overall["pass_rate"].value == pytest.approx(0.4)
    assert overall["answer_contains"].value == 0.5 and overall["answer_contains"].n == 2
    assert overall["recall_at_k"].value == 0.5 and overall["mrr"].value == 0.25
    assert overall["refusal_precision"].value == 0.5  # c right, e wrongly refused
    assert overall["refusal_recall"].value == 0.5  # c found, d missed
    assert overall["refusal_accuracy"].value == pytest.approx(1 / 3)
    latencies = [10.0, 30.0, 20.0, 40.0, 1000.0]
    assert overall["latency_ms_p50"].value == pytest.approx(np.percentile(latencies, 50))
    assert overall["latency_ms_p95"].value == pytest.approx(np.percentile(latencies, 95))
    assert overall["signpost_hit_at_3"].value is None and overall["signpost_hit_at_3"].n == 0

    categories = by_category(results)
    assert list(categories) == ["factual", "out_of_scope", "unanswerable"]  # format order
    assert categories["factual"]["cases"].value == 3
    assert categories["out_of_scope"]["refusal_recall"].value == 1.0
    assert categories["out_of_scope"]["refusal_precision"].value == 1.0
    assert categories["unanswerable"]["refusal_precision"].value is None  # nothing refused


def test_a_case_that_raised_fails_its_checks_and_scores_zero() -> None:
    expected = Expected(answer_contains=["x"], sources=["a.md"], refuse=False,
                        eligibility=ExpectedEligibility(programme="P", decision="eligible",
                                                        failing_rules=[]),
                        signposts=["Lab"])
    checks, measures = failed_checks(expected, "a reference", "TargetError: down")
    assert [c.name for c in checks] == [
        "answer_contains", "retrieval", "citations", "refuse", "eligibility_decision",
        "eligibility_failing_rules", "signposts"]
    assert all(c.passed is False and c.detail == "not run: TargetError: down" for c in checks)
    assert measures == {"recall_at_k": 0.0, "reciprocal_rank": 0.0, "citation_precision": 0.0,
                        "criterion_agreement": 0.0, "semantic_similarity": 0.0}
    crashed = _result("x", "factual", checks=checks, measures=measures, refuse=False,
                      error="TargetError: down")
    fine = _result("y", "factual", checks=[], measures={"latency_ms": 5.0})
    overall = aggregate([crashed, fine])
    assert overall["errors"].value == 1 and overall["completed"].value == 0.5
    assert overall["pass_rate"].value == 0.5
    assert overall["latency_ms_p50"].value == 5.0  # a crash has no latency
    assert overall["refusal_precision"].n == 0  # and no refusal to count
