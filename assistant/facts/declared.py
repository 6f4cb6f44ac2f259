"""Facts a programme declares in its policy (`policy/facts.yaml`), read by the engine's library
of extractors, so that a new fact needs no code.

A declared fact is read from a message in two ways:
- near one of its synonyms, in the same sentence: the value of the fact's type closest to the
  synonym ("we'd save about 40 tonnes of CO2e a year" -> 40 for a number fact whose synonyms
  include "CO2e"; "no, we haven't had a diagnostic" -> false for a yes/no fact);
- as the whole message, when it answers the fact's own question just asked ("40", "yes").

The extractors, by name: number, money, percentage, duration (in months), date, yes_no,
choice (one of the fact's choices), items (every choice named), records (each choice named with
the amount nearest it in its clause: {"item": "vans", "amount": 40000}) and text (the words
after the synonym).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime

from dateutil import parser as date_parser

from assistant.business import DeclaredValue
from assistant.facts.common import NEGATION, NO_ANSWER, NUM, NUM_START, YES_ANSWER
from assistant.facts.money import MONEY_AMOUNT, money_of
from assistant.facts.numbers import to_float, words_to_digits
from assistant.facts.trading import DURATION, duration_months
from knowledge.policy.rules import DeclaredFact

_NUMBER = re.compile(rf"{NUM_START}-?{NUM}(?![\d%])")
_PERCENT = re.compile(rf"{NUM_START}(?P<n>{NUM})\s*(?:%|per\s*cent\b|percent\b)", re.I)
_SENTENCE = re.compile(r"[^.;!?\n]+(?:[.;!?]+|$)")


def _phrase(synonym: str) -> re.Pattern[str]:
    words = r"[\s-]+".join(re.escape(word) for word in synonym.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.I)


def _closest(candidates: list[tuple[int, int, DeclaredValue]],
             at: tuple[int, int]) -> DeclaredValue | None:
    """The candidate nearest the synonym's span; after it wins a tie."""
    if not candidates:
        return None
    start, end = at

    def distance(item: tuple[int, int, DeclaredValue]) -> tuple[int, int]:
        s, e, _ = item
        return (s - end, 0) if s >= end else (start - e, 1)
    return min(candidates, key=distance)[2]


class DeclaredReader:
    """Reads a policy's declared facts from messages."""

    def __init__(self, facts: Mapping[str, DeclaredFact]) -> None:
        self._facts = dict(facts)
        self._patterns = {name: [_phrase(s) for s in sorted(fact.synonyms, key=len,
                                                               reverse=True)]
                          for name, fact in self._facts.items()}
        self._readers: dict[str, Callable[[str, DeclaredFact, date],
                                          list[tuple[int, int, DeclaredValue]]]] = {
            "number": self._numbers, "money": self._money, "percentage": self._percents,
            "duration": self._durations, "date": self._dates, "choice": self._choices,
            "items": self._choices,
        }

    @property
    def names(self) -> set[str]:
        return set(self._facts)

    def read(self, text: str, today: date | None = None,
             asked: str | None = None) -> tuple[dict[str, DeclaredValue], dict[str, str]]:
        """The declared facts one message states, and the words each was read from."""
        today = today or date.today()
        text = words_to_digits(" ".join(text.replace("\u2019", "'").split()))
        found: dict[str, DeclaredValue] = {}
        sources: dict[str, str] = {}
        for name, fact in self._facts.items():
            if fact.reader == "records":
                records = self._records(name, text, fact, today)
                if records:
                    found[name], sources[name] = records, text.strip()
                continue
            for sentence in _SENTENCE.finditer(text):
                value = self._near_synonym(name, fact, sentence.group(), today)
                if value is not None:
                    found[name], sources[name] = value, sentence.group().strip()
        if asked in self._facts and asked not in found:
            value = self._as_answer(self._facts[asked], text, today)
            if value is not None:
                found[asked], sources[asked] = value, text.strip()
        return found, sources

    # -- a synonym in the sentence

    def _near_synonym(self, name: str, fact: DeclaredFact, sentence: str,
                      today: date) -> DeclaredValue | None:
        for pattern in self._patterns[name]:
            match = pattern.search(sentence)
            if match is None:
                continue
            if fact.reader == "yes_no":
                if sentence.rstrip().endswith("?"):
                    return None  # "Do we need a carbon baseline?" states nothing
                before = sentence[:match.start()]
                return NEGATION.search(before) is None
            if fact.reader == "text":
                rest = sentence[match.end():].strip(" :,-.;!?")
                return rest or None
            if fact.reader == "items":
                items = [str(v) for _, _, v in self._choices(sentence, fact, today)]
                return list(dict.fromkeys(items)) or None
            candidates = self._readers[fact.reader](sentence, fact, today)
            value = _closest(candidates, match.span())
            if value is not None:
                return value
        return None

    def _as_answer(self, fact: DeclaredFact, text: str, today: date) -> DeclaredValue | None:
        if fact.reader == "yes_no":
            if YES_ANSWER.match(text):
                return True
            return False if NO_ANSWER.match(text) else None
        if fact.reader == "text":
            return text.strip() or None
        if fact.reader == "items":
            items = [str(v) for _, _, v in self._choices(text, fact, today)]
            return list(dict.fromkeys(items)) or None
        candidates = self._readers[fact.reader](text, fact, today)
        return candidates[0][2] if len(candidates) == 1 else None

    # -- the library of extractors: (start, end, value) of each candidate in the text

    @staticmethod
    def _numbers(text: str, fact: DeclaredFact,
                 today: date) -> list[tuple[int, int, DeclaredValue]]:
        return [(m.start(), m.end(), to_float(m.group())) for m in _NUMBER.finditer(text)
                if not re.match(r"\s*(?:%|per\s*cent)", text[m.end():], re.I)]

    @staticmethod
    def _money(text: str, fact: DeclaredFact,
               today: date) -> list[tuple[int, int, DeclaredValue]]:
        found: list[tuple[int, int, DeclaredValue]] = []
        for m in MONEY_AMOUNT.finditer(text):
            if not (m["pre"] or m["post"] or m["short"] or m["word"]):
                continue  # a bare number is not money unless it answers the question
            found.append((m.start(), m.end(), money_of(m, text).amount))
        return found

    @staticmethod
    def _percents(text: str, fact: DeclaredFact,
                  today: date) -> list[tuple[int, int, DeclaredValue]]:
        return [(m.start(), m.end(), float(m["n"])) for m in _PERCENT.finditer(text)]

    @staticmethod
    def _durations(text: str, fact: DeclaredFact,
                   today: date) -> list[tuple[int, int, DeclaredValue]]:
        pattern = re.compile(DURATION, re.I)
        return [(m.start(), m.end(), duration_months(m)) for m in pattern.finditer(text)]

    @staticmethod
    def _dates(text: str, fact: DeclaredFact,
               today: date) -> list[tuple[int, int, DeclaredValue]]:
        shapes = re.compile(
            r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|"
            r"\b(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
            r"(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+\d{4}\b|\b(?:19|20)\d\d\b", re.I)
        found: list[tuple[int, int, DeclaredValue]] = []
        for m in shapes.finditer(text):
            try:
                moment = date_parser.parse(m.group(), dayfirst=True,
                                           default=datetime(today.year, 1, 1))
            except (ValueError, OverflowError):
                continue
            found.append((m.start(), m.end(), moment.date().isoformat()))
        return found

    def _records(self, name: str, text: str, fact: DeclaredFact,
                 today: date) -> list[dict[str, str | float]]:
        """Each item named with the amount nearest it in its clause, in the sentences that
        name the fact (any sentence when it has no synonyms)."""
        records: list[dict[str, str | float]] = []
        for sentence in _SENTENCE.finditer(text):
            words = sentence.group()
            if self._patterns[name] and not any(p.search(words) for p in self._patterns[name]):
                continue
            for clause in re.split(r",(?!\d)|;|\band\b", words):
                amounts = self._money(clause, fact, today)
                for start, end, item in self._choices(clause, fact, today):
                    amount = _closest(amounts, (start, end))
                    if isinstance(amount, int | float):
                        records.append({"item": str(item), "amount": float(amount)})
        return records

    @staticmethod
    def _choices(text: str, fact: DeclaredFact,
                 today: date) -> list[tuple[int, int, DeclaredValue]]:
        found = [(m.start(), m.end(), choice) for choice in fact.choices
                 for m in _phrase(choice).finditer(text)]
        return sorted(found, key=lambda item: item[0])
