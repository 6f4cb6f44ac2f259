"""The router's example messages are data, and none of them is an evaluation question or a
near-copy of one: examples written from the test set would make the evaluation measure the
answers it was given."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.routing import ExampleSets
from knowledge.embeddings import SentenceTransformerEmbedder
from knowledge.words import stems

DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"
MAX_WORD_OVERLAP = 0.5  # Jaccard of content words
MAX_COSINE = 0.8


def _evaluation_messages() -> list[str]:
    messages = []
    for path in sorted(DATASETS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                messages += case.get("turns") or [case["question"]]
    return messages


def _examples() -> list[str]:
    sets = ExampleSets.bundled()
    return sets.business_support + sets.everyday_off_topic


def test_the_examples_load_from_package_data_and_name_no_programme() -> None:
    sets = ExampleSets.bundled()
    assert len(sets.business_support) >= 30 and len(sets.everyday_off_topic) >= 30
    for example in _examples():
        assert not any(word in example.lower() for word in ("hub", "booster", "round 1"))


def test_no_example_shares_most_of_its_words_with_an_evaluation_question() -> None:
    questions = [(q, set(stems(q))) for q in _evaluation_messages()]
    assert len(questions) > 200
    close = []
    for example in _examples():
        words = set(stems(example))
        for question, theirs in questions:
            overlap = len(words & theirs) / max(len(words | theirs), 1)
            if overlap >= MAX_WORD_OVERLAP:
                close.append((example, question, round(overlap, 2)))
    assert close == []


def test_no_example_means_the_same_as_an_evaluation_question(
        embedder: SentenceTransformerEmbedder) -> None:
    examples, questions = _examples(), _evaluation_messages()
    similarity = embedder.embed(examples) @ embedder.embed(questions).T
    worst = np.unravel_index(np.argmax(similarity), similarity.shape)
    assert similarity[worst] < MAX_COSINE, (examples[worst[0]], questions[worst[1]],
                                             float(similarity[worst]))


@pytest.mark.parametrize("field", ["business_support", "everyday_off_topic"])
def test_each_set_has_no_duplicates(field: str) -> None:
    values = getattr(ExampleSets.bundled(), field)
    assert len(values) == len(set(values))
