"""Numbers as owners write them: digits with thousands separators, and number words.

`words_to_digits` writes number words as digits ("two hundred" -> "200", "a dozen" -> "12",
"950 thousand" -> "950000", "two point seven million" -> "2.7 million"), `number_words`
finds them with their values, `SCALES` are the multipliers of "k", "m", "million" and the like,
and `to_float` reads "12,500" as 12500.0. Fact extraction and the output guard's figures both
read numbers here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNIT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS_WORDS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join(sorted([*_UNIT_WORDS, *_TENS_WORDS], key=len, reverse=True))
    + r"|hundred|thousand|dozen)\b", re.I)
_NUMBER_JOIN = re.compile(r"\s+|\s*-\s*|\s+and\s+", re.I)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.I)
# the figure a scale word multiplies: "950 thousand", "2.5 thousand", "3 hundred"
_DIGITS_BEFORE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*$")
# "a few hundred", "several thousand": a size, not a number
_VAGUE_BEFORE = re.compile(r"\b(?:few|several|many|couple\s+of|some)\s+$", re.I)


# What a figure's scale word or suffix multiplies it by: "£2.4m", "40k", "two million".
SCALES = {"k": 1e3, "thousand": 1e3, "grand": 1e3, "m": 1e6, "mn": 1e6, "mil": 1e6,
          "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}


def to_float(number: str) -> float:
    return float(number.replace(",", ""))


def _word_kind(word: str) -> str:
    word = word.lower()
    if word in ("hundred", "thousand", "dozen"):
        return word
    if word in _TENS_WORDS:
        return "tens"
    value = _UNIT_WORDS[word]
    return "zero" if value == 0 else "unit" if value < 10 else "teen"


# Which number word may follow which inside one number ("two hundred and five", "forty-five").
_MAY_FOLLOW = {
    "unit": {"hundred", "thousand", "dozen"},
    "teen": {"hundred", "thousand"},
    "tens": {"unit", "thousand"},
    "hundred": {"unit", "teen", "tens", "thousand"},
    "thousand": {"unit", "teen", "tens"},
}


def _continues(group: list[re.Match[str]], nxt: re.Match[str], gap: str) -> bool:
    prev, kind = _word_kind(group[-1][0]), _word_kind(nxt[0])
    if not _NUMBER_JOIN.fullmatch(gap) or kind not in _MAY_FOLLOW.get(prev, set()):
        return False
    if "and" in gap.lower() and prev not in ("hundred", "thousand"):
        return False
    kinds = [_word_kind(m[0]) for m in group]
    # one "hundred" per thousand-group and one "thousand" per number
    if kind == "thousand" and "thousand" in kinds:
        return False
    since_thousand = kinds[kinds.index("thousand") + 1:] if "thousand" in kinds else kinds
    return not (kind == "hundred" and "hundred" in since_thousand)


def _number_value(words: list[str]) -> int:
    total, current = 0, 0
    for word in words:
        kind = _word_kind(word)
        if kind == "hundred":
            current = (current or 1) * 100
        elif kind == "dozen":
            current = (current or 1) * 12
        elif kind == "thousand":
            total, current = total + (current or 1) * 1000, 0
        else:
            current += _UNIT_WORDS.get(word.lower(), _TENS_WORDS.get(word.lower(), 0))
    return total + current


@dataclass(frozen=True)
class NumberWords:
    """Number words in a text and their value: "two hundred and five" is 205."""

    start: int  # with a leading "a" of "a hundred", "a dozen"
    end: int
    value: int


def number_words(text: str) -> list[NumberWords]:
    """Each run of number words in the text, in order, with its value (up to the thousands;
    "million" and "billion" stay words, read as `SCALES`)."""
    groups: list[list[re.Match[str]]] = []
    for match in _NUMBER_WORD.finditer(text):
        if groups and _continues(groups[-1], match, text[groups[-1][-1].end():match.start()]):
            groups[-1].append(match)
        else:
            groups.append([match])
    found = []
    for group in groups:
        start = group[0].start()
        value = _number_value([m[0] for m in group])
        if _word_kind(group[0][0]) in ("hundred", "thousand", "dozen"):
            if _VAGUE_BEFORE.search(text, 0, start):
                continue  # "a few hundred staff": no number said
            if digits := _DIGITS_BEFORE.search(text, 0, start):
                # "950 thousand pounds", "3 hundred staff": the figure times the word, and
                # what follows added ("3 hundred and fifty")
                scale = _number_value([group[0][0]])
                rest = _number_value([m[0] for m in group[1:]]) if len(group) > 1 else 0
                found.append(NumberWords(digits.start(), group[-1].end(),
                                         round(to_float(digits[1]) * scale) + rest))
                continue
            if article := _ARTICLE_BEFORE.search(text, 0, start):
                start = article.start()
        found.append(NumberWords(start, group[-1].end(), value))
    return found


def words_to_digits(text: str) -> str:
    """Number words as digits: "two hundred staff" -> "200 staff", "a dozen" -> "12".

    Numbers up to the thousands; "million" and "billion" stay words, read as multipliers of
    money ("two million pounds" -> "2 million pounds").
    """
    for found in reversed(number_words(text)):
        text = text[:found.start] + str(found.value) + text[found.end:]
    return _points(text)


_POINT = re.compile(r"\b(?P<whole>\d+)\s+point\s+(?P<part>\d(?:\s+\d)*)\b", re.I)


_AND_A_PART = re.compile(r"\b(?P<whole>\d+)\s+and\s+(?:a|one)\s+(?P<part>half|quarter)\b", re.I)
_HALF_A = re.compile(r"\bhalf\s+a\s+(?P<scale>million|billion|mil|m)\b", re.I)
_PARTS = {"half": "5", "quarter": "25"}
# "a million", "a quarter of a million", "three quarters of a million"
_A_SCALE = re.compile(r"\b(?:(?P<part>(?:a|one|three|1|3)\s+quarters?)\s+of\s+)?a\s+"
                      r"(?P<scale>million|billion)\b", re.I)
_QUARTERS = {"a": "0.25", "one": "0.25", "1": "0.25", "three": "0.75", "3": "0.75"}


def _points(text: str) -> str:
    """"2 point 7" (from "two point seven") -> "2.7"; "2 and a half" -> "2.5"; "half a
    million" -> "0.5 million"."""
    text = _POINT.sub(lambda m: f"{m['whole']}.{''.join(m['part'].split())}", text)
    text = _AND_A_PART.sub(lambda m: f"{m['whole']}.{_PARTS[m['part'].lower()]}", text)
    text = _HALF_A.sub(lambda m: f"0.5 {m['scale']}", text)
    text = _A_SCALE.sub(lambda m: f"{_QUARTERS[m['part'].split()[0].lower()] if m['part'] else '1'}"
                                  f" {m['scale']}", text)
    # a year said as two numbers: "since nineteen ninety-four" -> "since 1994"
    return _YEAR_IN_TWO.sub(lambda m: f"{m['lead']}{m['century']}{m['rest']}", text)


_YEAR_IN_TWO = re.compile(r"(?P<lead>\b(?:since|in|from|of|back\s+in|established|founded|"
                          r"started|opened|incorporated|year|until|till|before|after)\s+)"
                          r"(?P<century>19|20)\s+(?P<rest>[1-9]\d)\b", re.I)

