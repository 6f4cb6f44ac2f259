"""Bare answers to the question just asked: "45", "about £2m", "3 years", "since 2019", "no".

A bare answer is read as the fact asked only when the other readers read nothing for it. For a
question about money, an amount that no words name is taken as the answer.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.business import Facts, Money
from assistant.facts.common import (
    CORRECTION,
    NO_ANSWER,
    NUM,
    QUAL,
    YES_ANSWER,
    AskedFact,
    Message,
    bound,
)
from assistant.facts.money import MONEY_FIELDS, Amount
from assistant.facts.numbers import to_float
from assistant.facts.trading import DURATION, MONTH, duration_months, months_from

_BARE_NUMBER = re.compile(rf"\s*(?:(?:{QUAL}|it's|it\s+is|we\s+have)\s+)*(?P<n>{NUM})\s*[.!]?\s*",
                          re.I)
_BARE_DURATION = re.compile(rf"\s*(?:(?:{QUAL}|for)\s+)*{DURATION}\s*[.!]?\s*", re.I)
# A message that corrects the answer before it: "sorry, 300", "actually it's £2.5m".
_CORRECTION_OF_LAST = re.compile(
    rf"^\W*{CORRECTION}[^.?!\d£€]{{0,40}}(?P<figure>(?:{QUAL}\s+)?[£€]?{NUM}"
    r"(?:\s*(?:k|m|bn|million|thousand)\b)?)"
    # not the figure given before, said to be only part: "sorry, 4 was just the ones on site"
    r"(?!\s+(?:is|was|are|were)\s+(?:just|only|not)\b)", re.I)
_BARE_YEAR = re.compile(rf"\s*(?:(?:since|in|from)\s+)?(?:(?P<month>{MONTH})\s+)?"
                        r"(?P<year>(?:19|20)\d\d)\s*[.!]?\s*", re.I)


# asked whether it is in insolvency proceedings: "all good on that front", "we're fine"
_FINE = re.compile(r"\s*(?:(?:all|it's\s+all|we're\s+all|we\s+are\s+all)\s+(?:good|fine|ok|okay|"
                   r"clear|sound)|(?:we're|we\s+are|we're\s+doing|we\s+are\s+doing|doing)\s+"
                   r"(?:fine|ok|okay|well|great|good)|fine|healthy|"
                   r"no\s+(?:problems?|issues?|worries))\b", re.I)
# "3.9m not 39m", "it's 52 staff not 25": the new figure, then the one it replaces
_FIGURE = rf"(?:{QUAL}\s+)?[£€]?{NUM}(?:\s*(?:k|m|bn|million|thousand)\b)?"
_X_NOT_Y = re.compile(
    rf"(?P<figure>{_FIGURE})(?:\s+[a-z]+){{0,2}}?\s*,?\s+(?:not|instead\s+of|rather\s+than)\s+"
    rf"(?:the\s+)?(?P<old>[£€]?{NUM}(?:\s*(?:k|m|bn|million|thousand)\b)?)", re.I)


def replaced_figure(text: str) -> str | None:
    """The figure a correction says was wrong: "39m" in "oops - 3.9m not 39m"."""
    match = _X_NOT_Y.search(text) if _CORRECTING.search(text) else None
    return match["old"] if match else None


def without_replaced(text: str) -> str:
    """The message without the figure it says was wrong: "it's 45 staff not 35, and ..." is
    read as "it's 45 staff, and ..."."""
    match = _X_NOT_Y.search(text)
    return text if match is None else text[:match.end("figure")] + text[match.end():]


_CORRECTING = re.compile(rf"{CORRECTION}|\btypo\b|\bshould\s+(?:have\s+)?(?:been|be|read)\b",
                         re.I)


def corrected_figure(text: str) -> str | None:
    """The figure a message gives to correct the answer before it ("oops, 120 - I left out
    the night shift" gives "120"), to be read as that answer's fact; None when the message
    is no such correction."""
    match = _CORRECTION_OF_LAST.match(text)
    if match is None and replaced_figure(text) is not None:
        match = _X_NOT_Y.search(text)
    return match["figure"] if match else None


def answer_to(asked: AskedFact, msg: Message, facts: Facts,
              unassigned: list[Amount], today: date) -> Facts:
    """Fill the fact just asked for from a bare answer, when the rules read nothing."""
    if asked in facts.known():
        return facts
    text = msg.text
    value: Money | float | bool | None = None
    bare = _BARE_NUMBER.fullmatch(text)
    if asked in MONEY_FIELDS:
        if unassigned:
            value = unassigned[-1].money
        elif bare:
            value = Money(amount=to_float(bare["n"]) + bound(text, bare.start("n")))
        elif asked == "prior_public_support" and NO_ANSWER.match(text):
            value = Money(amount=0)
    elif asked == "employees" and bare:
        value = to_float(bare["n"]) + bound(text, bare.start("n"))
    elif asked == "months_trading":
        if duration := _BARE_DURATION.fullmatch(text):
            value = duration_months(duration)
        elif year := _BARE_YEAR.fullmatch(text):
            value = months_from(year, today)
    elif asked == "insolvent":
        value = True if YES_ANSWER.match(text) else False if (
            NO_ANSWER.match(text) or _FINE.match(text)) else None
    return facts.model_copy(update={asked: value}) if value is not None else facts
