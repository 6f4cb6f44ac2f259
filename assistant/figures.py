"""Figures in text, as values: "£2.4bn", "2,400 million" and "GBP 2,400m" agree; number words
("twelve", "forty-five per cent") count too. Used to check that an answer's figures are found
in its sources, and whether a sentence holds a figure at all.

(Number words and money scales are read here and by fact extraction; they are to be read once,
by the shared language readers, when those land.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6,
           "bn": 1e9, "billion": 1e9}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
          "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_NUMBER_WORD_RE = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS)})(?:[- ](?P<unit>{'|'.join(list(_UNITS)[:9])}))?"
    rf"|(?P<single>{'|'.join(_UNITS)}))\b"
    r"(?:\s(?P<scale>hundred|thousand|million|billion)\b)?"
    r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b))?",
    re.IGNORECASE,
)


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
        scale = _SCALES.get((match.group("suffix") or match.group("scale") or "").lower(), 1.0)
        found.add(Figure(round(float(number) * scale, 4), percent=percent))
    for match in _NUMBER_WORD_RE.finditer(text):
        if match.group("single"):
            value = _UNITS[match.group("single").lower()]
        else:
            value = _TENS[match.group("tens").lower()] + _UNITS.get(
                (match.group("unit") or "").lower(), 0)
        if value < words_from:
            continue
        scale_word = (match.group("scale") or "").lower()
        multiplier = 100.0 if scale_word == "hundred" else _SCALES.get(scale_word, 1.0)
        found.add(Figure(round(value * multiplier, 4), percent=match.group("pct") is not None))
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
