"""The robustness sets: businesses described the way owners write, with the verdicts the rules give.

`robustness.jsonl` holds single messages and conversations; `phrasings.jsonl` holds twenty
businesses, each told five ways with the same facts. The fast tests check that the sets are
complete and consistent; the slow ones run the engine over them and measure how many verdicts it
gets right (at least 95%, and never an eligible business judged ineligible) and whether the
five tellings of one business get one verdict.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import pytest

from assistant.factory import Components
from evals.dataset import DEFAULT_DATASET, Case, Vocabulary, load_dataset
from evals.metrics import find_result
from evals.targets import InProcessTarget
from knowledge.index import bundled_knowledge_dir
from knowledge.policy import load_policy

DATASETS = DEFAULT_DATASET.parent
ROBUSTNESS = DATASETS / "robustness.jsonl"
PHRASINGS = DATASETS / "phrasings.jsonl"

# How owners write, each of which must appear in both halves of the set.
STYLES = [
    "staff-colon", "staff-apprentices", "staff-part-time", "staff-n-person",
    "turnover-abbrev", "turnover-words", "turnover-range", "turnover-approx", "turnover-euro",
    "date-month-year", "date-since", "date-relative", "date-duration",
    "group", "parent-foreign", "vc", "public-body", "partner-pro-rata",
    "insolvency-past", "insolvency-current", "registered-office-outside",
    "postcode-lower", "postcode-nospace", "town", "mixed-district", "outside", "excluded-sector",
    "typos", "rambling", "terse", "multi-turn", "correction", "hub",
]
FACT_NAMES = {"employees", "turnover", "balance_sheet", "postcode", "local_authority",
              "sector_text", "sic_codes", "months_trading", "holdings", "insolvent",
              "prior_public_support", "requested_amount", "project_cost", "consultancy_cost"}
CLAUSE = re.compile(r"\b\d\.\d{1,2}\b")
BAR = 0.95  # share of verdicts the engine must get right; never lowered


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    return Vocabulary.from_policy(policy)


@pytest.fixture(scope="module")
def robustness(vocabulary: Vocabulary) -> list[Case]:
    return load_dataset(ROBUSTNESS, vocabulary)


@pytest.fixture(scope="module")
def phrasings(vocabulary: Vocabulary) -> list[Case]:
    return load_dataset(PHRASINGS, vocabulary)


def _decision(case: Case) -> str:
    assert case.expected.eligibility is not None and case.expected.eligibility.decision
    return case.expected.eligibility.decision


def _groups(cases: Sequence[Case]) -> dict[str, list[Case]]:
    groups: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        groups[case.id.split("-")[0]].append(case)
    return dict(groups)


# --------------------------------------------------------------------------- the sets


def test_the_robustness_set_is_large_and_has_conversations(robustness: list[Case]) -> None:
    assert len(robustness) >= 160
    assert sum(c.category == "multi_turn" for c in robustness) >= 30
    assert all(len(c.turns) >= 2 for c in robustness if c.category == "multi_turn")
    assert {c.category for c in robustness} == {"eligibility", "multi_turn"}


def test_every_case_has_a_verdict_explained_by_clause(robustness: list[Case],
                                                     phrasings: list[Case]) -> None:
    for case in [*robustness, *phrasings]:
        wanted = case.expected.eligibility
        assert wanted is not None and wanted.decision is not None, case.id
        assert case.expected.refuse is False, case.id
        assert CLAUSE.search(case.notes), f"{case.id}: the notes name no clause"
        failing = wanted.failing_rules or []
        missing = wanted.missing_facts or []
        assert bool(failing) == (wanted.decision == "ineligible"), case.id
        assert bool(missing) == (wanted.decision == "need_more_info"), case.id
        assert set(missing) <= FACT_NAMES, case.id


def test_both_halves_cover_every_style_and_verdict(robustness: list[Case]) -> None:
    halves = {half: [c for c in robustness if c.split == half] for half in ("dev", "test")}
    assert all(c.split in halves for c in robustness)
    sizes = [len(cases) for cases in halves.values()]
    assert min(sizes) >= 0.45 * len(robustness)
    for half, cases in halves.items():
        tags = Counter(tag for case in cases for tag in case.tags)
        absent = [style for style in STYLES if not tags[style]]
        assert not absent, f"the {half} half has no case written as {absent}"
        verdicts = Counter(_decision(c) for c in cases)
        assert set(verdicts) == {"eligible", "ineligible", "need_more_info"}, (half, verdicts)
        assert sum(c.category == "multi_turn" for c in cases) >= 10, half


def test_the_verdicts_are_a_balanced_mix(robustness: list[Case]) -> None:
    verdicts = Counter(_decision(c) for c in robustness)
    assert all(verdicts[v] >= 0.2 * len(robustness) for v in verdicts), verdicts


def test_the_same_business_is_told_five_ways(phrasings: list[Case]) -> None:
    groups = _groups(phrasings)
    assert len(groups) >= 20
    for name, cases in groups.items():
        assert len(cases) == 5, name
        assert len({c.question for c in cases}) == 5, name
        assert len({c.expected.model_dump_json() for c in cases}) == 1, name
        assert len({c.split for c in cases}) == 1, name
    verdicts = Counter(_decision(cases[0]) for cases in groups.values())
    assert set(verdicts) == {"eligible", "ineligible", "need_more_info"}, verdicts


def test_no_case_is_copied_from_the_golden_set(robustness: list[Case],
                                               phrasings: list[Case]) -> None:
    golden = {case.question for case in load_dataset(DEFAULT_DATASET)}
    assert not [c.id for c in [*robustness, *phrasings] if c.question in golden]


# --------------------------------------------------------------------------- the engine


def _verdicts(components: Components, cases: Sequence[Case]) -> dict[str, tuple[str, dict]]:
    """Each case's decision and criteria outcomes, from one conversation per case."""
    target = InProcessTarget(components.assistant)
    found: dict[str, tuple[str, dict]] = {}
    for case in cases:
        conversation: str | None = None
        reply = None
        for message in case.turns:
            reply = target.ask(message, conversation)
            conversation = reply.conversation_id
        assert reply is not None and case.expected.eligibility is not None
        result = find_result(reply, case.expected.eligibility.programme)
        if result is None:
            found[case.id] = ("no verdict", {})
        else:
            found[case.id] = (result.decision, {c.id: c.met for c in result.criteria})
    return found


@pytest.mark.slow
@pytest.mark.xfail(strict=False, reason="the engine does not yet read every way owners describe "
                   "their business; the measured figures are printed")
def test_the_engine_gets_the_verdicts_right(bundled: Components,
                                            robustness: list[Case]) -> None:
    got = _verdicts(bundled, robustness)
    wrong = [(c.id, _decision(c), got[c.id][0]) for c in robustness if got[c.id][0] != _decision(c)]
    harmful = [w for w in wrong if w[1] == "eligible" and w[2] == "ineligible"]
    for half in ("dev", "test"):
        cases = [c for c in robustness if c.split == half]
        right = sum(got[c.id][0] == _decision(c) for c in cases)
        print(f"{half}: {right}/{len(cases)} verdicts right ({right / len(cases):.3f})")
    share = 1 - len(wrong) / len(robustness)
    print(f"all: {len(robustness) - len(wrong)}/{len(robustness)} right ({share:.3f}); "
          f"eligible judged ineligible: {len(harmful)}")
    for case_id, wanted, decided in wrong:
        print(f"  {case_id}: expected {wanted}, got {decided}")
    assert not harmful, f"eligible businesses judged ineligible: {harmful}"
    assert share >= BAR, f"{share:.3f} of verdicts right, below {BAR}"


@pytest.mark.slow
@pytest.mark.xfail(strict=False, reason="the engine does not yet read every way owners describe "
                   "their business; the measured figures are printed")
def test_five_phrasings_give_the_same_facts_and_verdict(bundled: Components,
                                                        phrasings: list[Case]) -> None:
    got = _verdicts(bundled, phrasings)
    split_groups, wrong_groups = [], []
    for name, cases in _groups(phrasings).items():
        outcomes = {c.id: got[c.id] for c in cases}
        if len({repr(sorted(o[1].items())) + o[0] for o in outcomes.values()}) > 1:
            split_groups.append(name)
            print(f"  {name}: " + "; ".join(f"{k} {v[0]} {v[1]}" for k, v in outcomes.items()))
        if any(o[0] != _decision(cases[0]) for o in outcomes.values()):
            wrong_groups.append(name)
    groups = _groups(phrasings)
    one_verdict = sum(len({got[c.id][0] for c in cases}) == 1 for cases in groups.values())
    right = sum(got[c.id][0] == _decision(c) for c in phrasings)
    print(f"phrasings: {len(groups) - len(split_groups)}/{len(groups)} businesses read with the "
          f"same facts all five ways, {one_verdict}/{len(groups)} with one verdict; "
          f"{right}/{len(phrasings)} verdicts right")
    assert not split_groups, f"the wording changed the facts or verdict for {split_groups}"
    assert not wrong_groups, f"wrong verdicts for {wrong_groups}"


def test_the_robustness_sets_are_where_the_docs_say() -> None:
    assert ROBUSTNESS.is_file() and PHRASINGS.is_file()
    readme = (DATASETS / "README.md").read_text(encoding="utf-8")
    assert "robustness.jsonl" in readme and "phrasings.jsonl" in readme
