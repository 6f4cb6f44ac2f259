"""Fitting the refusal decision on one half and measuring it with its ROC curve."""

from __future__ import annotations

import random

import pytest

from assistant.composer import SIGNALS, RefusalModel
from evals.refusal import MAX_FALSE_REFUSALS, Sample, fit, roc, section


def _sample(i: int, refuse: bool, rng: random.Random, split: str = "dev") -> Sample:
    # unanswerable questions: lower similarity and coverage, more missing words, noisy
    centre = 0.35 if refuse else 0.7
    values = {name: min(max(rng.gauss(centre, 0.12), 0.0), 1.0) for name in SIGNALS}
    values["missing"] = min(max(rng.gauss(0.8 if refuse else 0.2, 0.2), 0.0), 1.0)
    return Sample(id=f"c{i}", split=split, values=values, refuse=refuse, probability=None)


@pytest.fixture
def data() -> list[Sample]:
    rng = random.Random(7)
    return [_sample(i, i % 4 == 0, rng) for i in range(160)]


def test_a_perfect_and_a_useless_score_have_areas_one_and_a_half() -> None:
    assert roc([(0.9, True), (0.8, True), (0.2, False), (0.1, False)]).auc == pytest.approx(1.0)
    assert roc([(0.5, True), (0.5, False)]).auc == pytest.approx(0.5)
    curve = roc([(0.9, True), (0.1, True), (0.5, False)])
    assert curve.positives == 2 and curve.negatives == 1
    assert curve.at(0.6) == (0.5, 0.0) and curve.at(0.05) == (1.0, 1.0)


def test_the_fit_separates_the_halves_and_keeps_false_refusals_down(
        data: list[Sample]) -> None:
    model = fit(data, source="synthetic")
    assert isinstance(model, RefusalModel) and set(model.weights) == set(SIGNALS)
    assert model.weights["missing"] > 0 > model.weights["similarity"]
    answerable = [s for s in data if not s.refuse]
    refused = sum(model.refuses(s.values) for s in answerable)
    assert refused / len(answerable) <= MAX_FALSE_REFUSALS
    caught = sum(model.refuses(s.values) for s in data if s.refuse)
    assert caught / sum(s.refuse for s in data) > 0.8
    assert model.fitted["on"] == "synthetic" and model.fitted["samples"] == len(data)


def test_a_fit_needs_both_kinds_of_case() -> None:
    rng = random.Random(1)
    with pytest.raises(ValueError, match="both answerable and unanswerable"):
        fit([_sample(i, False, rng) for i in range(5)])


def test_the_report_section_has_a_row_and_a_curve_for_each_half(data: list[Sample]) -> None:
    model = fit(data)
    rng = random.Random(3)
    test = [_sample(i, i % 3 == 0, rng, split="test") for i in range(60)]
    found = section(model, {"dev": data, "test": test})
    assert [row[0] for row in found.rows] == ["dev", "test"]
    assert found.columns[3] == "AUC" and float(found.rows[1][3]) > 0.8
    assert found.svg.startswith("<svg") and "test: AUC" in found.svg


def test_the_bundled_model_is_complete_and_says_how_it_was_fitted() -> None:
    model = RefusalModel.bundled()
    assert set(model.weights) == set(SIGNALS) and 0 < model.threshold < 1
    assert model.fitted


def test_a_question_a_rule_refused_is_no_sample_for_the_model() -> None:
    from assistant.trace import TurnTrace
    from evals.dataset import Expected
    from evals.refusal import samples
    from evals.results import CaseResult

    signals = {name: 0.5 for name in SIGNALS}

    def case(case_id: str, refusal: dict[str, float]) -> CaseResult:
        return CaseResult(id=case_id, category="unanswerable", split="dev", turns=["q"],
                          expected=Expected(refuse=True),
                          trace=TurnTrace(route="programme_question", refusal=refusal))

    found = samples([case("model", {**signals, "probability": 0.4}),
                     case("rule", {**signals, "probability": 0.4, "ruled": 1.0}),
                     case("direct", dict(signals))])  # a direct answer: no decision made
    assert [s.id for s in found] == ["model"]
