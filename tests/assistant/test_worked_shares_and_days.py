"""Figures worked from one sentence of the guidance: the share the business pays itself when the
award's share is given, and the day a period ends when an earlier message gives its start."""

from __future__ import annotations

import pytest

from assistant.composer.arithmetic import day_asked_from, own_share
from assistant.questions import read_question


@pytest.mark.parametrize(("question", "share"), [
    ("Which part of the costs does the company itself have to cover on a kiln voucher?", "40%"),
    ("What percentage is our own contribution?", "40%"),
    ("What portion of a firing trial is paid by a kiln voucher, and the remainder for the firm?",
     "40%"),
    ("how much are we putting in ourselves", None),  # no share asked for
    ("If the voucher pays 60%, what share do we fund?", None),  # the question gives it
])
def test_the_share_the_business_pays_is_the_rest(question: str, share: str | None) -> None:
    sentences = ["Kiln vouchers run from £2,000 to £9,000.",
                 "A kiln voucher pays 60% of the eligible costs of a firing trial."]
    found = own_share(question, sentences)
    assert (found[0].figure if found else None) == share
    if found:
        assert found[1] == 1


def test_a_sentence_with_a_share_for_each_size_gives_no_rest() -> None:
    sentences = ["The grant pays 50% of eligible costs for small firms and 35% for medium ones."]
    assert own_share("What share of the costs do we pay ourselves?", sentences) is None


@pytest.mark.parametrize(("earlier", "question", "worked"), [
    ("Our studio grant offer is dated 2 June 2027.", "By when must the kiln be running?", True),
    ("Our studio grant offer is dated 2 June 2027.", "What's the final day for finishing?",
     True),
    ("Our studio grant offer is dated 2 June 2027.", "How much is the grant?", False),
    ("We have 9 staff.", "By when must the kiln be running?", False),
])
def test_a_date_asked_after_its_day_was_given(earlier: str, question: str,
                                              worked: bool) -> None:
    assert day_asked_from(earlier, question) is worked


@pytest.mark.parametrize("question", [
    "what's the latest date the glaze work can be finished?",
    "tell me the last point for firing the kiln?",
])
def test_the_last_point_asked_is_a_when(question: str) -> None:
    assert read_question(question).kind == "when"
