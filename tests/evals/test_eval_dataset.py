"""Dataset files: valid cases load typed; every problem names the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_factories import case, write_jsonl

from evals.dataset import CATEGORIES, DEFAULT_DATASET, Vocabulary, load_dataset, load_datasets
from evals.errors import DatasetError
from knowledge.index import bundled_knowledge_dir
from knowledge.policy import load_policy

PROGRAMMES = ["Productivity Booster", "Medical Technologies Hub"]


def _error(path: Path, programmes: list[str] | None = None) -> str:
    with pytest.raises(DatasetError) as caught:
        load_dataset(path, programmes)
    return str(caught.value)


def test_single_and_multi_turn_cases_load_typed(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", [
        case("q1", "What is it?", answer_contains=["grant"], sources=["guide.md"],
             refuse=False),
        "",
        {"id": "q2", "turns": ["Hello", "and for a medium company?"], "category": "multi_turn",
         "expected": {"answer_contains_any": [["50%", "half"]]}, "reference": "Half."},
    ])
    first, second = load_dataset(path)
    assert first.turns == ("What is it?",) and first.question == "What is it?"
    assert first.expected.answer_contains == ["grant"] and first.expected.refuse is False
    assert first.expected.fields_set() == ["answer_contains", "sources", "refuse"]
    assert second.turns == ("Hello", "and for a medium company?")
    assert second.question == "and for a medium company?"
    assert second.where == f"{path}:3"  # the blank line 2 is skipped but still counted


def test_empty_lists_mean_the_field_is_not_set(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", [case(sources=[], answer_must_not_contain=[])])
    assert load_dataset(path)[0].expected.fields_set() == []


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "q9", "question": "Why?", ', "not valid JSON"),
    ('["a", "list"]', "a case is a JSON object, got an array"),
    ({"id": "q9", "question": "Why?", "category": "trivia"}, "unknown category 'trivia'"),
    ({"id": "q9", "question": "Why?", "category": "factual", "colour": "red"},
     "unknown field 'colour'"),
    ({"id": "q9", "question": "Why?", "category": "factual", "expected": {"source": ["a.md"]}},
     "unknown field 'expected.source'"),
    ({"id": "q9", "question": "Why?", "category": "factual",
      "expected": {"eligibility": {"programme": "Productivity Booster", "verdict": "yes"}}},
     "unknown field 'expected.eligibility.verdict'"),
    ({"id": "q9", "question": "Why?", "category": "factual", "expected": {"refuse": "yes"}},
     'expected.refuse: Input should be a valid boolean, got "yes"'),
    ({"id": "q9", "question": "Why?", "category": "factual",
      "expected": {"answer_contains": "grant"}},
     "expected.answer_contains: Input should be a valid list"),
    ({"id": 9, "question": "Why?", "category": "factual"}, "id: Input should be a valid string"),
    ({"id": "q9", "question": "Why?", "turns": ["Why?"], "category": "factual"},
     "give either 'question' or 'turns', not both"),
    ({"id": "q9", "category": "factual"}, "give 'question' (one message) or 'turns'"),
    ({"id": "q9", "question": "  ", "category": "factual"}, "question: must not be blank"),
    ({"id": "q9", "question": "Why?"}, "field 'category' is missing"),
    ({"id": "q9", "question": "Why?", "category": "eligibility",
      "expected": {"eligibility": {"programme": "Productivity Booster", "decision": "maybe"}}},
     "expected.eligibility.decision"),
    ({"id": "q9", "question": "Why?", "category": "factual",
      "expected": {"answer_contains_any": [[]]}}, "expected.answer_contains_any.0"),
])
def test_a_bad_line_is_named_with_its_file_and_line(tmp_path: Path, line: object,
                                                     message: str) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", [case("q1"), case("q2"), line])  # type: ignore[list-item]
    error = _error(path)
    assert error.startswith(f"{path}:3: "), error
    assert message in error


def test_several_problems_on_a_line_are_counted(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", [{"id": 1, "question": 2, "category": "x"}])
    assert "(and 2 more problems)" in _error(path)


def test_duplicate_ids_are_refused_within_and_across_files(tmp_path: Path) -> None:
    one = write_jsonl(tmp_path / "one.jsonl", [case("q1"), case("q2")])
    two = write_jsonl(tmp_path / "two.jsonl", [case("q3"), case("q2")])
    with pytest.raises(DatasetError, match=rf"{two}:2: duplicate id 'q2' \(first used at "
                                           rf"{one}:2\)"):
        load_datasets([one, two])
    same = write_jsonl(tmp_path / "same.jsonl", [case("q1"), case("q1")])
    with pytest.raises(DatasetError, match=r"same.jsonl:2: duplicate id 'q1'"):
        load_datasets([same])


def test_unknown_programme_is_named_with_its_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", [
        case("q1", category="eligibility",
             eligibility={"programme": "Productivity Booster", "decision": "eligible"}),
        case("q2", category="eligibility", eligibility={"programme": "Growth Voucher"}),
    ])
    error = _error(path, PROGRAMMES)
    assert error.startswith(f"{path}:2: expected.eligibility.programme 'Growth Voucher' is not "
                            "a programme of the policy")
    assert "Medical Technologies Hub, Productivity Booster" in error
    # with no list to check against, any name is taken as written
    assert load_dataset(path)[1].expected.eligibility.programme == "Growth Voucher"  # type: ignore[union-attr]


def test_programmes_match_the_policy_by_name_or_id_and_criteria_are_checked(
        tmp_path: Path) -> None:
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    vocabulary = Vocabulary.from_policy(policy)
    path = write_jsonl(tmp_path / "set.jsonl", [
        case("q1", category="eligibility", eligibility={"programme": "productivity-booster",
                                                        "failing_rules": ["sme"]}),
        case("q2", category="eligibility", eligibility={"programme": "MEDICAL TECHNOLOGIES HUB"}),
    ])
    first, second = load_dataset(path, vocabulary)
    assert first.expected.eligibility.programme == "Productivity Booster"  # type: ignore[union-attr]
    assert second.expected.eligibility.programme == "Medical Technologies Hub"  # type: ignore[union-attr]

    typo = write_jsonl(tmp_path / "typo.jsonl", [
        case("q1", category="eligibility", eligibility={"programme": "Productivity Booster",
                                                        "failing_rules": ["smee"]})])
    with pytest.raises(DatasetError, match=r"typo.jsonl:1: expected.eligibility.failing_rules "
                                           r"names 'smee', not criteria of Productivity "
                                           r"Booster \(its criteria: .*sme"):
        load_dataset(typo, vocabulary)


def test_a_draft_from_feedback_is_refused_until_reviewed(tmp_path: Path) -> None:
    draft = case("feedback-1")
    draft |= {"needs_review": True, "feedback": {"comment": "wrong"}}
    path = write_jsonl(tmp_path / "drafts.jsonl", [draft])
    assert "is a draft (needs_review is true)" in _error(path)
    draft["needs_review"] = False
    write_jsonl(path, [draft])
    assert load_dataset(path)[0].id == "feedback-1"


def test_missing_empty_and_unreadable_files(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.jsonl") == f"{tmp_path / 'nope.jsonl'}: no such dataset file"
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    assert "has no cases" in _error(empty)
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00")
    assert "not UTF-8 text" in _error(binary)
    with pytest.raises(DatasetError, match="no dataset given"):
        load_datasets([])


@pytest.mark.skipif(not DEFAULT_DATASET.exists(), reason="the golden set is not written yet")
def test_the_golden_set_loads_against_the_bundled_policy() -> None:
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    cases = load_datasets([DEFAULT_DATASET], Vocabulary.from_policy(policy))
    assert {c.category for c in cases} == set(CATEGORIES)


def test_every_golden_case_is_in_one_half_and_the_halves_balance_each_category() -> None:
    cases = load_datasets([DEFAULT_DATASET])
    assert all(c.split in {"dev", "test"} for c in cases), [c.id for c in cases if not c.split]
    for category in CATEGORIES:
        dev = sum(c.split == "dev" for c in cases if c.category == category)
        test = sum(c.split == "test" for c in cases if c.category == category)
        assert abs(dev - test) <= 1, (category, dev, test)


def test_an_unknown_split_is_named(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", [{**case("q1"), "split": "train"}])
    assert _error(path) == f"{path}:1: unknown split 'train' (one of: dev, test)"


def test_notes_and_tags_are_optional_and_kept(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", [
        {"id": "t1", "question": "Are we eligible?", "category": "eligibility",
         "notes": "Clause 3.3: the site is outside the area.", "tags": ["town", "terse"]},
        case("t2", "What is it?"),
    ])
    tagged, plain = load_dataset(path)
    assert tagged.notes == "Clause 3.3: the site is outside the area."
    assert tagged.tags == ("town", "terse")
    assert plain.notes == "" and plain.tags == ()
    bad = write_jsonl(tmp_path / "bad.jsonl", [
        {"id": "t3", "question": "Q?", "category": "eligibility", "tags": "town"}])
    assert "tags" in _error(bad)
