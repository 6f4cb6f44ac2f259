"""Figures in text, as values: "£2.4bn", "2,400 million" and "GBP 2,400m" agree; number words
("twelve", "forty-five per cent") count too. Used to check that an answer's figures are found
in its sources, and whether a sentence holds a figure at all.

Number words and scales ("k", "million") are read by the same readers as fact extraction's
(`assistant.facts.numbers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.facts.numbers import SCALES, number_words
from assistant.guards.personal import EMAIL_PATTERN

# a web address: its digits are not figures, and an answer may only carry its sources' ones
URL_PATTERN = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"']+", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    value: float | None  # None for a code such as a clause number "3.2.1"
    code: str = ""
    percent: bool = False


_FIGURE_RE = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*)"
    r"(?:(?P<suffix>k|m|mn|bn)(?![a-z])"
    r"|\s?(?P<scale>thousand|million|billion)\b"
    r"|\s?(?P<pct>%|per\s?cent\b|percent\b))?",
    re.IGNORECASE,
)
# A scale word or a percent sign after number words: "two million", "forty-five per cent".
_AFTER_WORDS_RE = re.compile(
    r"\s?(?P<scale>million|billion)\b|\s?(?P<pct>%|per\s?cent\b|percent\b)", re.IGNORECASE)


def figures(text: str, words_from: int) -> set[Figure]:
    """Numbers in a text, as values: "£2.4bn", "2,400 million" and "GBP 2,400m" agree.

    Number words count too, from `words_from` up: an answer's "one" is usually a pronoun
    ("one of the hubs"), while a source's "one job" vouches for a "1".
    """
    text = EMAIL_PATTERN.sub(" ", URL_PATTERN.sub(" ", text))
    found: set[Figure] = set()
    for match in _FIGURE_RE.finditer(text):
        number = match.group("num").replace(",", "")
        percent = match.group("pct") is not None
        if number.count(".") > 1:
            found.add(Figure(None, code=number))
            continue
        scale = SCALES.get((match.group("suffix") or match.group("scale") or "").lower(), 1.0)
        found.add(Figure(round(float(number) * scale, 4), percent=percent))
    for words in number_words(text):
        if words.value < words_from:
            continue
        after = _AFTER_WORDS_RE.match(text, words.end)
        scale = SCALES.get((after.group("scale") or "").lower(), 1.0) if after else 1.0
        percent = bool(after and after.group("pct"))
        found.add(Figure(round(words.value * scale, 4), percent=percent))
    return found


def figure_allowed(figure: Figure, allowed: set[Figure]) -> bool:
    if figure.value is None:
        return figure in allowed
    if figure.percent:
        return figure in allowed
    # a bare number may quote a percentage or an amount: "rates of 50, 45 and 35%"
    return any(a.value == figure.value for a in allowed)


def has_figure(text: str) -> bool:
    """Whether the text states a number (in digits or words, from one up)."""
    return bool(figures(text, words_from=1))
