"""A fragment follow-up restated as the question it continues, on the real embedder."""

from __future__ import annotations

import pytest

from assistant.followups import fragment, restate
from knowledge.embeddings import SentenceTransformerEmbedder


@pytest.mark.parametrize(("text", "subject"), [
    ("And for a larger firm?", "larger firm"),
    ("what about a voucher?", "voucher"),
    ("How do I apply?", None),  # a question of its own
    ("Is it open?", None),
])
def test_the_subject_of_a_fragment(text: str, subject: str | None) -> None:
    assert fragment(text) == subject


@pytest.mark.parametrize(("previous", "text", "restated"), [
    ("What does the Valley Scheme pay a small business?", "And for a medium firm?",
     "What does the Valley Scheme pay a medium firm?"),
    ("How many workshops does a Hub run each year?", "What about a Pre-Hub?",
     "How many workshops does a Pre-Hub run each year?"),
    ("How do I apply?", "ok thanks", None),
])
def test_a_fragment_is_restated(embedder: SentenceTransformerEmbedder, previous: str, text: str,
                                restated: str | None) -> None:
    assert restate(previous, text, lambda texts: embedder.embed(list(texts))) == restated
