"""SME descriptions in free text, read into facts and assessed on the bundled policy.

Each case in data/sme_descriptions.yaml is written the way a business owner describes the
business, over one message or two, and carries the verdict that the SSR Eligibility Rules and
the public facts give it (the clauses are cited beside each case). The whole path is the real
one: `FactExtractor` reads the messages, later messages correct earlier ones through
`Facts.merged_with`, and `EligibilityEngine` decides. No model is loaded.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.business import Facts
from assistant.eligibility import Assessment, EligibilityEngine
from assistant.facts import FactExtractor
from knowledge.index import bundled_knowledge_dir
from knowledge.policy import Policy, load_policy

CASES_FILE = Path(__file__).parent / "data" / "sme_descriptions.yaml"
TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 10, 0)

Decision = Literal["eligible", "ineligible", "need_more_info"]
Band = Literal["micro", "small", "medium", "large"]


class Expectation(BaseModel):
    """The verdict one programme should give a description (see the data file's header)."""

    model_config = ConfigDict(extra="forbid")

    decision: Decision
    failing: list[str] | None = None
    failing_one_of: list[str] | None = None
    band: Band | None = None
    missing: list[str] | None = None
    missing_includes: list[str] = Field(default_factory=list)
    ask_about: str | None = None
    growth_hub: str | None = None
    headroom: float | None = None
    grant: float | None = None
    first_message: Decision | None = None

    @model_validator(mode="after")
    def _failing_matches_decision(self) -> Expectation:
        if self.decision == "ineligible" and self.failing is None and not self.failing_one_of:
            raise ValueError("an ineligible expectation must say which criteria fail")
        if self.decision != "ineligible" and (self.failing or self.failing_one_of):
            raise ValueError(f"only an ineligible verdict has failing criteria, not "
                             f"{self.decision!r}")
        return self


class Description(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    rule: str
    messages: list[str] = Field(min_length=1)
    expect: dict[str, Expectation] = Field(min_length=1)


class CaseFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    cases: list[Description]


def load_cases() -> list[Description]:
    cases = CaseFile.model_validate(yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))).cases
    ids = [case.id for case in cases]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"{CASES_FILE.name}: case ids must be unique; repeated: {duplicates}")
    return cases


CASES = load_cases()
PARAMS = [pytest.param(case, programme, id=f"{case.id}[{programme}]")
          for case in CASES for programme in case.expect]


@pytest.fixture(scope="module")
def policy() -> Policy:
    loaded = load_policy(bundled_knowledge_dir())
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def extractor(policy: Policy) -> FactExtractor:
    return FactExtractor.from_policy(policy)


@pytest.fixture(scope="module")
def engine(policy: Policy) -> EligibilityEngine:
    return EligibilityEngine(policy, today=lambda: NOW)


def read_conversation(extractor: FactExtractor, messages: list[str]) -> Facts:
    facts = Facts()
    for message in messages:
        facts = facts.merged_with(extractor.extract(message, today=TODAY))
    return facts


def verdict_summary(assessment: Assessment, facts: Facts) -> str:
    """What the engine said and what it read, for a failure message."""
    criteria = "; ".join(f"{c.id}={c.met}" for c in assessment.criteria)
    known = facts.model_dump(exclude_defaults=True)
    return (f"decision={assessment.decision} band={assessment.band} "
            f"possible={assessment.possible_bands} failing={assessment.failing} "
            f"missing={assessment.missing_facts} questions={assessment.next_questions}\n"
            f"criteria: {criteria}\nfacts read: {known}")


def test_the_cases_cover_every_required_situation() -> None:
    expectations = [e for case in CASES for e in case.expect.values()]
    failing = {f for e in expectations for f in (e.failing or e.failing_one_of or [])}
    assert len(CASES) >= 45
    assert {"sme", "benefiting-site", "excluded-sector", "not-insolvent", "trading",
            "mfa-headroom", "public-ownership"} <= failing
    assert {"eligible", "ineligible", "need_more_info"} <= {e.decision for e in expectations}
    assert {"micro", "small", "medium", "large"} <= {e.band for e in expectations}
    assert any(len(case.messages) > 1 for case in CASES)
    assert {p for case in CASES for p in case.expect} >= {
        "productivity-booster", "business-futures", "transport-hub", "food-prehub"}


@pytest.mark.parametrize(("case", "programme"), PARAMS)
def test_description_gets_the_verdict_the_rules_give(
        case: Description, programme: str, extractor: FactExtractor,
        engine: EligibilityEngine) -> None:
    expected = case.expect[programme]
    facts = read_conversation(extractor, case.messages)
    assessment = engine.assess_one(facts, programme)
    said = verdict_summary(assessment, facts)

    assert assessment.decision == expected.decision, f"rule {case.rule}\n{said}"
    check_failing(expected, assessment, said)
    check_questions(expected, assessment, said)
    if expected.band is not None:
        assert (assessment.band, assessment.possible_bands) == (
            expected.band, [expected.band]), f"rule {case.rule}\n{said}"
    if expected.growth_hub is not None:
        site = next(c for c in assessment.criteria if c.id == "benefiting-site")
        assert expected.growth_hub in site.explanation, site.explanation
    check_award(expected, assessment, said)
    if expected.first_message is not None:
        first = engine.assess_one(read_conversation(extractor, case.messages[:1]), programme)
        assert first.decision == expected.first_message, (
            f"before the correction: {first.decision}, failing {first.failing}")


def check_failing(expected: Expectation, assessment: Assessment, said: str) -> None:
    if expected.failing_one_of:
        assert len(assessment.failing) == 1, said
        assert assessment.failing[0] in expected.failing_one_of, said
    else:
        assert sorted(assessment.failing) == sorted(expected.failing or []), said


def check_questions(expected: Expectation, assessment: Assessment, said: str) -> None:
    if expected.decision == "need_more_info":
        assert 1 <= len(assessment.next_questions) <= 2, said
    else:
        assert assessment.next_questions == [], said
    if expected.decision == "eligible":
        assert assessment.missing_facts == [], said
    if expected.missing is not None:
        assert sorted(assessment.missing_facts) == sorted(expected.missing), said
    assert set(expected.missing_includes) <= set(assessment.missing_facts), said
    if expected.ask_about is not None:
        assert any(expected.ask_about.lower() in q.lower()
                   for q in assessment.next_questions), said


def check_award(expected: Expectation, assessment: Assessment, said: str) -> None:
    if expected.headroom is None and expected.grant is None:
        return
    award = assessment.award
    assert award is not None, said
    if expected.headroom is not None:
        assert award.mfa_headroom_gbp == pytest.approx(expected.headroom), said
    if expected.grant is not None:
        assert award.grant_gbp == pytest.approx(expected.grant), said
