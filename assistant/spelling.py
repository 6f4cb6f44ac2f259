"""Slips of the keyboard put right before a message is read.

An owner who types "eligable", "recieved" or "machinary" means a word the guidance uses, but
the search, the routing patterns and the refusal decision all see a word that nothing in the
guidance contains. A word is put right only when all of these hold:

- it is six letters or longer, letters only, not a name (a capital inside a sentence), and not
  a word we know: not in the guidance, not a place or a name the policy gives, and not an
  English word (pyspellchecker's English dictionary and the embedding model's vocabulary of
  whole words, both installed with their packages; an apostrophe dropped, "theyre", is a
  word too), nor a form of one of these: the
  vocabulary holds "timer" and "bridge" but not "timers" or "bridging", so a word is known
  when its stem is a known word's stem, or it is a known word with a maker's ending
  ("assembler", "fabricators");
- the fix keeps the first letter: slips fall inside a word, and "bookies" is not "cookies";
- exactly one word of the guidance is one edit away (a letter added, dropped, changed, or two
  side by side swapped), so the fix is not a guess between two words.

Short words are left alone ("drop" is one letter from "crop"), and so is anything the owner
may have meant as a name they have not told us about, unless it is one slip from a word of
the guidance and from no other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from knowledge.words import stem

_SHORTEST = 6
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+(?![\w'’-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[-*•]\s+)$")
_LETTERS = re.compile(r"[a-z]+")


def dictionary_words() -> frozenset[str]:
    """The words of pyspellchecker's English dictionary (lower case, with their inflections:
    "bookies", "dividend"), read from the package; empty when it is not installed."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return frozenset()
    return frozenset(SpellChecker(language="en").word_frequency.dictionary)


def english_words(vocabulary: Path) -> frozenset[str]:
    """The whole words of a WordPiece vocabulary file (one entry a line; pieces that continue a
    word start with "##" and are left out). Empty when the file is not there."""
    try:
        lines = vocabulary.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(line for line in lines if _LETTERS.fullmatch(line))


def _apostrophe_dropped(word: str, known: frozenset[str]) -> bool:
    """Whether the word is a known one with its apostrophe left out: "theyre", "couldnt"."""
    return any(f"{word[:-n]}'{word[-n:]}" in known for n in (1, 2))


_MAKER = re.compile(r"(?:ers?|ors?|ists?)$")


def _a_maker(word: str, *known: frozenset[str]) -> bool:
    """Whether the word is a word of `known` with a maker's or a doer's ending: "assembler",
    "fabricators", "machinists"."""
    ending = _MAKER.search(word)
    if ending is None:
        return False
    base = word[:ending.start()]
    return any(form in words for words in known
               for form in (base, f"{base}e", f"{base}y", f"{base}ate"))


class Speller:
    """Puts right a message's slips against the words of the guidance.

    `guidance`: the words of the indexed guidance, lower case (read again as the index
    changes); `known`: other words that are right as they are (English words, the policy's
    places and names)."""

    def __init__(self, guidance: Callable[[], frozenset[str]], known: Iterable[str]) -> None:
        self._guidance = guidance
        self._known = frozenset(w.lower() for w in known)
        self._known_stems = frozenset(stem(w) for w in self._known)
        # the guidance's words as last read, their stems, and those long enough to be a fix
        self._read: tuple[frozenset[str], frozenset[str], list[str]] | None = None

    def correct(self, text: str) -> str:
        if not self._known:
            return text  # without a vocabulary, nothing can be told to be a slip
        guidance = self._guidance()
        if self._read is None or self._read[0] is not guidance:
            self._read = (guidance, frozenset(stem(w) for w in guidance),
                          [w for w in guidance if len(w) >= _SHORTEST - 1])
        _, guidance_stems, choices = self._read

        def fixed(match: re.Match[str]) -> str:
            word = match[0]
            lower = word.lower()
            if len(lower) < _SHORTEST or lower in guidance or lower in self._known or \
                    stem(lower) in self._known_stems or stem(lower) in guidance_stems or \
                    _a_maker(lower, self._known, guidance) or \
                    _apostrophe_dropped(lower, self._known):
                return word
            if word[0].isupper() and not _SENTENCE_START.search(text, 0, match.start()):
                return word  # "Monway", "Kestrel": a name we have not heard of
            near = extract(lower, [c for c in choices if c[0] == lower[0]],
                           scorer=OSA.distance, score_cutoff=1, limit=2)
            if len(near) != 1:
                return word  # none one edit away, or two: no fix, or a guess
            right = near[0][0]
            return right.capitalize() if word[0].isupper() else right

        return _WORD.sub(fixed, text)
