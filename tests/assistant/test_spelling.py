"""Slips of the keyboard put right against the guidance's words, and nothing else touched: a
short word, a word we know, a slip one letter from two words of the guidance."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.factory import Components
from assistant.spelling import Speller, dictionary_words, english_words

GUIDANCE = frozenset("eligible received machinery business separate employees employs costing "
                     "crop address turnover cookies there monday assemble".split())
ENGLISH = {"casting", "the", "we", "a", "grant", "they're", "assemble"}


def speller(known: set[str] | None = None) -> Speller:
    return Speller(lambda: GUIDANCE, ENGLISH if known is None else known)


@pytest.mark.parametrize(("text", "read"), [
    ("is it eligable", "is it eligible"),  # a letter changed
    ("we recieved a grant", "we received a grant"),  # two letters swapped
    ("Machinary costs", "Machinery costs"),  # the capital kept
    ("our turnovr", "our turnover"),  # a letter dropped
    ("the buisness adress", "the business address"),
])
def test_a_slip_one_edit_from_one_word_of_the_guidance(text: str, read: str) -> None:
    assert speller().correct(text) == read


@pytest.mark.parametrize("text", [
    "a drop test",  # short: one letter from "crop"
    "we do casting",  # an English word, though one letter from "costing"
    "20 employes",  # one edit from "employees" and from "employs": a guess
    "Brindlewood Ltd",  # nothing near it
    "second-hand kit",  # part of a joined word
    "we are bookies",  # one letter from "cookies", but not the first letter
    "theyre late",  # an apostrophe left out of a word we know
    "our unit on Monway Road",  # a name: a capital inside the sentence
    "electronics assembler",  # a maker of what a known word says
])
def test_words_left_as_written(text: str) -> None:
    assert speller().correct(text) == text


def test_without_a_vocabulary_nothing_is_put_right() -> None:
    assert speller(set()).correct("is it eligable") == "is it eligable"


def test_the_dictionary_knows_inflected_and_less_common_words() -> None:
    words = dictionary_words()
    assert {"dividend", "bookies", "jewellers", "fabricators"} <= words
    assert "eligable" not in words


def test_english_words_are_the_whole_words_of_the_vocabulary(tmp_path: Path) -> None:
    vocabulary = tmp_path / "vocab.txt"
    vocabulary.write_text("[PAD]\n[UNK]\nthe\n##ing\ncasting\n1990\n", encoding="utf-8")
    assert english_words(vocabulary) == {"the", "casting"}
    assert english_words(tmp_path / "missing.txt") == frozenset()


def test_a_slip_in_a_question_does_not_hide_the_guidance_s_answer(bundled: Components) -> None:
    reply = bundled.assistant.ask("could we put the grant towards a second-hand lathe if "
                                  "it's eligable?")
    assert not reply.answer.startswith("I couldn't find")
    assert "second-hand" in reply.answer.lower()
