"""Sums the guidance leaves to the reader: a count the question gives, times the value the
guidance puts on one of them.

"We had four of the mentoring sessions, how much do they count as?" against "each mentoring
session is valued at £900" is answered "4 sessions at £900 each come to £3,600", with the
sentence that gives the value cited. Generic English only: the unit is whatever noun the
guidance values one of ("for each day", "per visit", "a session", "each licence is worth").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from assistant.eligibility.wording import money_text, number
from assistant.facts.money import MONEY_AMOUNT, money_of
from assistant.facts.numbers import words_to_digits
from assistant.facts.trading import MONTH, month_number
from knowledge.words import stem, stems

# after an amount: "£1,200 for each day", "£50 per hour", "£900 a session"
_AFTER = re.compile(r"^\s*(?:for\s+each|for\s+every|per|a|an|each|every)\s+"
                    r"((?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)", re.IGNORECASE)
# before an amount: "each mentoring session is valued at", "every visit costs"
_BEFORE = re.compile(r"\b(?:each|every|one|a\s+single)\s+((?:[A-Za-z][\w-]*\s+){0,10}?)"
                     r"(?:is|are|was|will\s+be)?\s*(?:valued|worth|priced|"
                     r"charged|counted|costs?|counts?)\b(?:\s+(?:at|as))?\s*$", re.IGNORECASE)
_STOP = frozenset("of the a an and or in on at to for with by from is are be its their your our "
                  "this that".split())
# a count in the question: "7 of the support days", "six days of support", "3 visits"
_COUNT = re.compile(r"(?<![\w.,£€$])(\d{1,3}(?:\.\d+)?)(?![\d,.]*\s*(?:%|k\b|m\b|£))"
                    r"((?:\s+[A-Za-z][\w'’-]*){1,6})")


# a question about all there are: "what are all of them worth", "the lot, in total"
_ALL_OF_THEM = re.compile(
    r"\b(?:every\s+(?:one|single\s+one)|all\s+(?:of\s+)?(?:them|those|these)|the\s+(?:full|"
    r"whole|maximum|max)\b|use\s+(?:them\s+)?all|all\s+(?:the|our|its|their)\s+\w+|in\s+total|"
    r"total\s+(?:value|worth|amount|cost)|altogether|the\s+lot|all\s+\d+)", re.IGNORECASE)
# what remains of an allowance: "the sessions not yet used", "how much is unused"
_LEFT = re.compile(r"\b(?:left|remaining|remain|unused|still\s+(?:got|have|to\s+use)|rest\s+of|"
                   r"the\s+rest|the\s+remainder|the\s+others)\b", re.IGNORECASE)
# the value of those used asked for too: "what do those come to, and the rest?"
_USED_VALUE_ASKED = re.compile(
    r"\b(?:does|do|did|is|are|would|will)\s+(?:that|those|these|they|it|them)\s+(?:count|come|add|"
    r"amount|be\s+worth)\b|\bhow\s+much\s+(?:[\w-]+\s+){0,3}?(?:is|are|was|were)\s+(?:that|those|"
    r"these|they|it)\b|\b(?:those|the\s+ones)\s+(?:we(?:'ve|\s+have)?\s+)?(?:used|had)\b",
    re.IGNORECASE)
# how many there are, in the guidance: "up to 6 visits a year"
_UP_TO = re.compile(r"\b(?:up\s+to|a\s+maximum\s+of|at\s+most|no\s+more\s+than|maximum\s+of)\s+"
                    r"(\d{1,3})((?:\s+[A-Za-z][\w-]*){1,3})", re.IGNORECASE)


@dataclass(frozen=True)
class Worked:
    text: str  # "7 days at £1,200 each come to £8,400."
    figure: str  # "£1,200": the value as the cited sentence writes it
    unit: str
    count_from: int | None = None  # the sentence that gives the count, when the question does not


def _rates(sentence: str) -> list[tuple[float, str, str, set[str]]]:
    """(value, currency symbol, the amount as written, the nouns it is the value of one of)."""
    found = []
    for match in MONEY_AMOUNT.finditer(sentence):
        if not (match["pre"] or match["post"]):
            continue  # a bare number is no price
        money = money_of(match, sentence)
        symbol = "€" if money.currency == "EUR" else "£"
        nouns: set[str] = set()
        after = _AFTER.match(sentence[match.end():])
        if after and (head := _head(after.group(1))):
            nouns.add(head)  # "for each day of expert time": "day" is the unit
        before = _BEFORE.search(sentence[:match.start()])
        if before and (head := _head(before.group(1))):
            nouns.add(head)  # "each support day in a hub is valued at": "day"
        if nouns:
            found.append((money.amount, symbol, match.group(0).strip(), nouns))
    return found


def _head(phrase: str) -> str | None:
    """The noun a phrase is about: its last word before the first small word ("expert day of
    support" -> "day")."""
    head = None
    for word in phrase.split():
        if word.lower() in _STOP:
            break
        head = stem(word.lower())
    return head


def _counts(question: str) -> list[tuple[float, list[str]]]:
    """Each count in the question with the words after it, up to the next punctuation."""
    text = words_to_digits(question)
    found = []
    for match in _COUNT.finditer(text):
        words = []
        for word in match.group(2).split():
            if re.search(r"[.,;:?!]$", word):
                words.append(word.rstrip(".,;:?!"))
                break
            words.append(word)
        found.append((float(match.group(1)), words))
    return found


def worked_sum(question: str, sentences: Sequence[str],
               message: str = "") -> tuple[Worked, int] | None:
    """The count the question gives times the value a sentence puts on one of the same thing,
    with the index of that sentence (the count may be told before the question, in the
    `message`); None when neither gives such a count. What is left
    of an allowance takes off a count used, from the question or else the rest of the
    `message` it is part of."""
    counts = [(count, words) for count, words in _counts(question) if count > 1] or \
        [(count, words) for count, words in _counts(message) if count > 1]
    if _LEFT.search(question):
        used = [(count, words) for count, words in _counts(question) if count >= 1] or \
            [(count, words) for count, words in _counts(message) if count >= 1]
        if used and (found := _all_of_them(message or question, sentences,
                                           less=used[0])):
            return found
    if not counts:
        return _all_of_them(question, sentences) if _ALL_OF_THEM.search(question) else None
    for index, sentence in enumerate(sentences):
        for value, symbol, written, nouns in _rates(sentence):
            for count, words in counts:
                stems_after = [stem(w.lower()) for w in words]
                unit = next((w for w, s in zip(words, stems_after, strict=True) if s in nouns),
                            None)
                if unit is None or count <= 1:
                    continue
                total = money_text(count * value, symbol)
                each = money_text(value, symbol)
                return Worked(f"{number(count)} {unit.lower()} at {each} each come to "
                              f"{total}.", written, unit), index
    return None


def _all_of_them(question: str, sentences: Sequence[str],
                 less: tuple[float, list[str]] | None = None) -> tuple[Worked, int] | None:
    """All of a thing the guidance values one of, when it also says how many there can be
    ("each day is valued at £1,200", "up to 12 days"): the count from the sentence that shares
    most words with the question and the value's sentence. `less`: a count already used ("we've
    had 4 of the days"), taken off to leave what remains."""
    asked = {stem(w.lower()) for w in re.findall(r"[A-Za-z][\w-]*", question)} - _STOP
    limits = []
    for index, sentence in enumerate(sentences):
        for match in _UP_TO.finditer(sentence):
            words = match.group(2).split()
            limits.append((float(match.group(1)), words, index))
    for index, sentence in enumerate(sentences):
        for value, symbol, written, nouns in _rates(sentence):
            near = {stem(w.lower()) for w in re.findall(r"[A-Za-z][\w-]*", sentence)} | asked
            best = None
            for count, words, where in limits:
                unit = next((w for w in words if stem(w.lower()) in nouns), None)
                if unit is None or count <= 1:
                    continue
                shared = len(near & {stem(w.lower()) for w in
                                     re.findall(r"[A-Za-z][\w-]*", sentences[where])})
                key = (shared, -abs(where - index))
                if best is None or key > best[0]:
                    best = (key, count, unit, where)
            if best is None:
                continue
            _, count, unit, where = best
            each = money_text(value, symbol)
            if less is not None:
                used, words = less
                if not {stem(w.lower()) for w in words} & nouns and \
                        not re.search(rf"\b{used:g}\s+of\b", question):
                    continue  # the count used is of something else
                left = max(count - used, 0)
                text = (f"{number(left)} {unit.lower()} left ({number(count)} less the "
                        f"{number(used)} used) at {each} each come to "
                        f"{money_text(left * value, symbol)}.")
                if _USED_VALUE_ASKED.search(question):
                    # "what do those come to, and the ones still left?": both
                    text = (f"The {number(used)} {unit.lower()} used at {each} each come to "
                            f"{money_text(used * value, symbol)}. {text}")
                return Worked(text, written, unit, count_from=where), index
            total = money_text(count * value, symbol)
            return Worked(f"All {number(count)} {unit.lower()} at {each} each come to {total}.",
                          written, unit, count_from=where), index
    return None


# ---------------------------------------------------------------- a date and a period after it

# a day in the question: "10 March 2027", "March 10th, 2027", "10/03/2027"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})\s+(?P<year>20\d\d)\b|"
    rf"\b(?P<month2>{MONTH})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>20\d\d)\b|"
    r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>20\d\d)\b", re.IGNORECASE)
# a period counted from an event, in the guidance: "within 12 months of the grant offer"
_WITHIN = re.compile(
    r"\b(?:within|no\s+later\s+than|up\s+to|by)\s+(?P<n>\d{1,3})\s+(?P<calendar>calendar\s+)?"
    r"(?P<unit>days?|weeks?|months?|years?)\s+(?:of|from|after)\s+(?P<event>(?:[\w'-]+\s+){0,5}"
    r"[\w'-]+)", re.IGNORECASE)
# a period's start said of whatever happened: "of the event", "of the incident"
_ANY_EVENT = frozenset(stems("event incident"))
# the question asks for a date: "when must it be finished by?", "what's the deadline?"
_DATE_ASKED = re.compile(r"\b(?:when|by\s+what\s+date|what\s+date|which\s+date|deadline|"
                         r"latest\s+date|cut-?off|due\s+date|end\s+date|by\s+what\s+(?:point|time)|"
                         r"(?:latest|last|final)\s+(?:possible\s+)?(?:day|point|moment))\b",
                         re.IGNORECASE)


def day_asked_from(earlier: str, question: str) -> bool:
    """Whether a question asks for a date worked from a day only an earlier message gives:
    "our offer is dated 2 June 2027" then "when does the work have to be done by?"."""
    return bool(_DATE_ASKED.search(question)) and _day_in(question) is None and \
        _day_in(earlier) is not None


def _day_in(question: str) -> tuple[date, str] | None:
    match = _DAY_MONTH_YEAR.search(question)
    if match is None:
        return None
    try:
        if match["d"]:
            return date(int(match["y"]), int(match["m"]), int(match["d"])), match[0]
        month = month_number(match["month"] or match["month2"])
        return date(int(match["year"] or match["year2"]), month,
                    int(match["day"] or match["day2"])), match[0]
    except ValueError:  # "31 February"
        return None


def date_after(question: str, sentences: Sequence[str]) -> tuple[Worked, int] | None:
    """The date a period ends when the question gives the day it starts: "our offer is dated
    10 March 2027, when must the project finish?" against "within 12 months of the grant
    offer" is "12 months after 10 March 2027: by 10 March 2028". The sentence must share a
    word with the question besides the period (the event the period runs from)."""
    if not _DATE_ASKED.search(question):
        return None
    found = _day_in(question)
    if found is None:
        return None
    start, written = found
    # the event is named beside its day: "the offer letter is dated 10 March 2027"
    at = question.find(written)
    lo = max([question.rfind(mark, 0, at) for mark in (",", ";", " - ", ". ", "?")] + [0])
    his = [i for i in (question.find(mark, at) for mark in (",", ";", " - ", ". ", "?")) if i >= 0]
    asked = set(stems(question[lo:min(his, default=len(question))])) - _STOP - \
        set(stems(written))
    for index, sentence in enumerate(sentences):
        sentence = words_to_digits(sentence)  # "within twelve months": 12
        for match in _WITHIN.finditer(sentence):
            unit = match["unit"].lower().rstrip("s")
            if unit == "day" and not match["calendar"] and re.search(
                    r"\bworking\s+days?\b", sentence[match.start():match.end()], re.IGNORECASE):
                continue
            event = set(stems(match["event"])) - _STOP
            # ("within 3 months of the event": whatever the asker says happened that day, when
            # what must be done by then is what the question asks about)
            if not event & asked and not (event & _ANY_EVENT and asked and (
                    _prefixes(sentence[:match.start()]) & _prefixes(question))):
                continue
            n = int(match["n"])
            step = {"day": relativedelta(days=n), "week": relativedelta(weeks=n),
                    "month": relativedelta(months=n), "year": relativedelta(years=n)}[unit]
            end = start + step
            period = f"{n} {unit}{'s' if n != 1 else ''}"
            text = f"{period} after {_long_date(start)} is {_long_date(end)}."
            return Worked(text=text, figure=period, unit=unit), index
    return None


def _prefixes(text: str) -> set[str]:
    """The content words' first six letters: "complain" and "complaint" are one word here."""
    return {word[:6] for word in set(stems(text)) - _STOP}


def _long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


# ---------------------------------------------------------------- a figure raised by a share

# in the guidance: "a rise of 10% in gross value added per employee", "raises GVA per
# employee by 10%", "cut energy use by 20%"
_RISE_OF = re.compile(
    r"\b(?P<way>rise|increase|improvement|growth|uplift|reduction|cut|fall|drop)\s+of\s+"
    r"(?:at\s+least\s+)?(?P<n>\d{1,3}(?:\.\d+)?)\s*%\s+in\s+(?P<what>(?:[\w()'-]+\s+){0,6}"
    r"[\w()'-]+)", re.IGNORECASE)
_PERCENT_RISE = re.compile(
    r"\b(?P<n>\d{1,3}(?:\.\d+)?)\s*%\s+(?P<way>rise|increase|improvement|growth|uplift|"
    r"reduction|cut|fall|drop)\s+in\s+(?P<what>(?:[\w()'-]+\s+){0,6}[\w()'-]+)", re.IGNORECASE)
_RAISES_BY = re.compile(
    r"\b(?P<way>raises?|raising|increases?|increasing|improves?|improving|grows?|cuts?|"
    r"cutting|reduces?|reducing|lowers?|lowering)\s+(?P<what>(?:[\w()'-]+\s+){0,7}?)"
    r"by\s+(?:at\s+least\s+)?(?P<n>\d{1,3}(?:\.\d+)?)\s*%", re.IGNORECASE)
_WHEN_WORDS = frozenset(stems("year years month months week weeks day days within first "
                               "after before winter summer"))
_DOWN = re.compile(r"^(?:reduc|cut|fall|drop|lower)", re.IGNORECASE)
# the question asks for the figure to reach: "which level must it hit?", "the target?"
_TARGET_ASKED = re.compile(
    r"\b(?:need|have|got)\s+to\s+(?:get|reach|hit|achieve|be|go)\b|\btarget\b|"
    r"\bwhat\s+(?:must|should|would|will)\s+(?:it|that|ours?|we)\s+(?:be|reach|need)\b|"
    r"\bhow\s+(?:high|low|much\s+(?:higher|lower|more|less))\b|\baim\s+for\b|"
    r"\b(?:which|what)\s+(?:figure|level|number|value|amount)\s+(?:must|should|do|does|will|"
    r"would|has|have)\b|\b(?:must|should)\s+(?:it|they|we)\s+(?:hit|reach|get\s+to)\b",
    re.IGNORECASE)


def raised_figure(question: str, sentences: Sequence[str]) -> tuple[Worked, int] | None:
    """The figure a stated share of change takes the question's own figure to: "sales per
    worker stand at £80k; which level must they hit?" against "a rise of 5% in sales per
    worker" is "£80,000 raised by 5% is £84,000". The sentence must name what the
    question's figure is of (a word besides the change shared)."""
    if not _TARGET_ASKED.search(question):
        return None
    amounts = [m for m in MONEY_AMOUNT.finditer(question) if m["pre"] or m["post"]]
    if len(amounts) != 1:
        return None
    money = money_of(amounts[0], question)
    asked = set(stems(question)) - _STOP - _WHEN_WORDS
    best: tuple[int, int, re.Match[str]] | None = None
    for index, sentence in enumerate(sentences):
        for match in (*_RISE_OF.finditer(sentence), *_PERCENT_RISE.finditer(sentence),
                      *_RAISES_BY.finditer(sentence)):
            shared = len((set(stems(match["what"])) - _STOP) & asked)
            if shared and (best is None or shared > best[0]):
                best = (shared, index, match)
    if best is None:
        return None
    _, index, match = best
    share = float(match["n"]) / 100
    down = bool(_DOWN.match(match["way"]))
    result = money.amount * (1 - share if down else 1 + share)
    symbol = "€" if money.currency == "EUR" else "£"
    text = (f"{money_text(money.amount, symbol)} {'lowered' if down else 'raised'} by "
            f"{number(float(match['n']))}% is {money_text(result, symbol)}.")
    return Worked(text=text, figure=f"{number(float(match['n']))}%", unit="%"), index


# ---------------------------------------------------------------- the share the business pays

# the question asks what the business itself pays: "what part of the cost do we fund
# ourselves?", "what percentage is our own contribution?"
_OWN_SHARE_ASKED = re.compile(
    r"\b(?:share|percentage|proportion|portion|part|fraction|per\s*cent|%)\b[^?.!]{0,80}?(?:"
    r"\b(?:we|i|the\s+(?:business|company|firm|applicant)|you)\s+(?:\w+\s+){0,3}?(?:pay|fund|"
    r"cover|put\s+in|contribute|find|meet|self-fund)|"
    r"\b(?:our|its|their|your|my)\s+own\s+(?:contribution|funds|money|share|pocket)|"
    r"\bmatch(?:ed)?[\s-]?fund|\bcontribution\s+from\s+(?:us|the\s+business|you)|"
    # "... and what is left for the firm?"
    r"\b(?:left|remaining|the\s+rest|the\s+remainder|the\s+balance)\s+(?:for|to|on|falls\s+to)\s+"
    r"(?:us|me|you|the\s+(?:business|company|firm|applicant)))", re.IGNORECASE)
# ... and the sentence gives the share the award pays: "pays 70% of the eligible costs"
_AWARD_PAYS = re.compile(
    r"\b(?:pays?|covers?|funds?|meets?|contributes?)\s+(?:up\s+to\s+)?(?P<n>\d{1,2}(?:\.\d+)?)\s*%"
    r"\s+of\s+(?:the\s+)?(?:total\s+)?(?:eligible\s+)?(?:project\s+)?costs?\b", re.IGNORECASE)


def own_share(question: str, sentences: Sequence[str]) -> tuple[Worked, int] | None:
    """The share of the costs the business pays itself, when a sentence gives the one share the
    award pays: "what part do we fund ourselves?" against "the voucher pays 60% of the eligible
    costs" is "The award pays 60% of the eligible costs, so the business pays the other 40%."
    A sentence giving several shares (one a size) is left alone, as is a question with a share
    of its own."""
    if not _OWN_SHARE_ASKED.search(question) or re.search(r"\d\s*%", question):
        return None
    asked = set(stems(question)) - _STOP
    best: tuple[int, int, re.Match[str]] | None = None
    for index, sentence in enumerate(sentences):
        if len(re.findall(r"\d\s*%", sentence)) != 1:
            continue
        match = _AWARD_PAYS.search(sentence)
        if match is None:
            continue
        shared = len((set(stems(sentence)) - _STOP) & asked)
        if best is None or shared > best[0]:
            best = (shared, index, match)
    if best is None:
        return None
    _, index, match = best
    rest = number(100 - float(match["n"]))
    text = (f"The award pays {number(float(match['n']))}% of the eligible costs, so the business "
            f"pays the other {rest}% itself.")
    return Worked(text=text, figure=f"{rest}%", unit="%"), index
