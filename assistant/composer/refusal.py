"""Whether the selected sentences answer the question: a calibrated decision over several signals.

The nearest sentence to an unanswerable question is still a cited sentence, so "grounded" is
no test of an answer. The decision weighs:
- `similarity`: the best selected sentence's cosine with the question;
- `passage`: the best retrieved passage's cosine with the question;
- `coverage`: the share of the question's content words (weighted by how rare each is in the
  indexed guidance) found in the selected sentences or the headings above them;
- `missing`: how rare the rarest question word is that no retrieved passage contains at all
  (0 when every word is found; 1 for a word the guidance never uses);
- `answer_type`: whether the selected sentences hold the kind of answer asked for: for "how
  many X", a number next to X; for "how much", an amount of money or a share; a figure for
  other amounts, a date for "when", a name for "who"; 1 when any answer would do;
- `named`: the share of the question's numbered names ("Round 4", "clause 3.2", "Phase 2";
  not the owner's own figures, "we used 4") that the retrieved passages mention at all; 1 when
  it names none.

A logistic model turns them into the probability that the sentences do not answer the
question. Its weights and the threshold are data (`refusal.yaml`), fitted on the development
half of the golden set only (`ssr-assistant eval fit-refusal`), and reported on the test half.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.facts.money import MONEY_AMOUNT, money_of
from assistant.facts.postcodes import FULL_POSTCODE
from assistant.questions import (
    ADJACENT_ADVICE,
    LEAD_TIME_ASKED,
    LENGTH_OF_TIME,
    Question,
    answer_present,
    names_beyond,
    roles_beyond,
    schemes_named,
)
from knowledge.words import stem, stems

SIGNALS: tuple[str, ...] = ("similarity", "passage", "coverage", "missing", "answer_type",
                             "named", "gap", "lead_coverage")
# A word and the number that names it: "Round 4", "clause 3.2", "Stage 2".
_NUMBERED = re.compile(
    r"\b(?!(?:the|and|for|than|over|under|about|around|only|just|some|with|from|into|are|was|"
    r"were|our|its|his|her|their|all|any|each|per|nearly|almost|least|most)\b)([A-Za-z]{3,})\s+"
    r"(\d+(?:\.\d+)*)\b", re.IGNORECASE)
# a day just before a month: "dated 3 March 2027" is the owner's own date, not a time asked about
# ("from April 2027")
_OWN_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$", re.IGNORECASE)
# A numbered part of a programme: "Round 4", "phase 2", "clause 3.2", "Strand 5".
_NUMBERED_PART = re.compile(
    r"\b(round|stage|phase|tier|call|wave|cohort|level|clause|section|part|schedule|annex|"
    r"appendix|step|strand|lot|window|pillar|theme)\s+(\d{1,2}(?:\.\d+)*)\b(?![.,]?\d)",
    re.IGNORECASE)


# A question about what the programme has done, not what it offers: "the average award made",
# "how many firms were funded last round", "jobs created to date". The guidance states rules and
# offers; a record is answered only by a sentence that reports one.
_RECORD_WORDS = (r"so\s+far|to\s+date|until\s+now|up\s+to\s+now|on\s+average|average|"
                 # "the most a centre has ever paid", "did anyone ever get the top rate?"
                 r"(?:has|have|had|did)\s+(?:[\w-]+\s+){0,2}?ever|ever\s+been|"
                 r"success\s+rate|(?:actually|typically|usually)\s+(?:been\s+|get\s+|got\s+|are\s+|"
                 r"were\s+)?(?:awarded|given|paid|funded|created|helped|made|approved|successful)|"
                 # "which round is less competitive?", "what are our chances?"
                 r"(?:more|less|most|least)\s+competitive|oversubscribed|"
                 r"chances?\s+of\s+(?:success|winning|getting|being)")
_RECORD = re.compile(
    rf"\b(?:{_RECORD_WORDS})\b|"
    r"\bhow\s+many\s+(?:[\w-]+\s+){0,3}?(?:businesses|companies|firms|smes|applications|"
    r"applicants|grants|awards|vouchers|projects|jobs|people|reports|members|organisations|"
    r"manufacturers|makers|growers|farms|start-?ups|clients)\b[^?]*?"
    r"(?:\b(?:has|have|had|did|were|was)\b[^?]*?)?\b(?:helped|funded|supported|created|awarded|"
    r"approved|produced|received|given|made|won|joined|taken|applied|got|succeeded|been|"
    # membership counted: "the number of companies signed up to it"
    r"members|signed\s+up|enrolled|registered|taking\s+part)\b|"
    # things counted that have been done: "how many loans were signed off?", "how many
    # complaints did the office get?"
    r"\bhow\s+many\s+(?:[\w-]+\s+){0,3}?(?:(?:grants|awards|vouchers|applications|bids|claims|"
    r"loans|offers|complaints|enquiries|queries|referrals|bookings|visits|projects|businesses|"
    r"companies|firms|smes|applicants|jobs)\s+(?:were|was|have\s+been|has\s+been|"
    r"had\s+been)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|ne|ung|ought|id|t)|did\s+(?!(?:we|i|you\s+"
    r"need)\b)[\w-]+)\b|"
    # "what was the typical award size?"
    r"\btypical\s+(?:[\w-]+\s+){0,2}?(?:size|amount|value|sum|figure|number)\b|"
    # money given counted: "how much funding has the kiln centre had so far?"
    r"\bhow\s+much\s+(?:money|funding|investment|cash)\s+(?:has|have|did)\s+[^?]{1,60}?\b"
    r"(?:received|got|had|been\s+given|been\s+awarded|spent|paid\s+out|given\s+out|awarded)\b|"
    # "what percentage of applications get funded?", "roughly what share get funded?"
    r"\b(?:percentage|proportion|share|fraction|how\s+many)\s+(?:(?:of\s+(?:the\s+)?(?:applications|"
    r"applicants|bids|businesses|companies|firms|smes)\b[^?]*?\b(?:(?:get|got|are|were|is|was)\s+)?)|"
    r"(?:get|got|are|were)\s+)(?:funded|successful|approved|awarded|accepted|rejected|turned\s+down)"
    r"\b|"
    r"\b(?:percentage|proportion|share|fraction)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:applications|applicants|bids|businesses|companies|firms|smes)\b[^?]*?\b(?:win|won|get|got|"
    # "what share of voucher bids does the panel accept?"
    r"approves?|accepts?|funds|rejects?|succeeds?|turns?\s+down|says?\s+yes\s+to|"
    r"(?:are|were|get|got|is|was)\s+(?:approved|accepted|funded|rejected|refused|turned\s+down|"
    r"successful))\b|"
    # "the names of the firms that won vouchers", "a list of last year's winners"
    r"\b(?:list|lists|names?|details)\s+of\s+(?:the\s+|all\s+(?:the\s+)?)?(?:businesses|"
    r"companies|firms|smes|applicants|winners|recipients)\s+(?:(?:that|which|who)\s+(?:have\s+|has\s+"
    r"|had\s+)?)?(?:been\s+)?(?:got|received|won|were|was|funded|supported|awarded|helped|approved|"
    r"successful)\b",
    re.IGNORECASE)
# The money a programme or a round has to give: "how much is in the pot?", "the total budget"
_BUDGET_ASKED = re.compile(
    r"\b(?:in\s+the\s+pot|size\s+of\s+the\s+(?:pot|fund|budget)|(?:total|overall|whole)\s+"
    r"(?:budget|pot|funding\s+pot|fund)|how\s+much\s+(?:money|funding|cash)\s+(?:is|is\s+there|"
    r"has\s+been\s+set\s+aside|have\s+you\s+got)\b[^?]*\b(?:available|in\s+(?:total|round|the))|"
    r"budget\s+for\s+(?:round|the\s+round|this\s+round|the\s+(?:programme|scheme))|"
    # "what's the kiln centre's budget?", "who takes the largest slice of the funding?"
    r"(?:what|how\s+big|how\s+much)(?:'s|\s+is|\s+was)\s+(?:the|its|their)\s+(?:\w+\s+)?budget\b|"
    r"(?:biggest|largest|smallest|main|fair)\s+(?:share|slice|chunk|part)\s+of\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:money|funding|budget|pot|cash)|(?:money|funding|budget|pot)\s+(?:is\s+)?"
    r"(?:split|divided|shared\s+out)\s+(?:between|among)|"
    # "how much of the £18m is set aside for the vouchers?": a strand's share of the money
    r"how\s+much\s+(?:money\s+|funding\s+)?(?:of\s+(?:the|its|their|that)\s+[^?]{0,30}?\s+)?"
    r"(?:is|has\s+been|was|will\s+be|gets?)\s+(?:set\s+aside|allocated|earmarked|ring-?fenced|"
    r"reserved|budgeted)\b)",
    re.IGNORECASE)
_BUDGET_STATED = re.compile(
    r"\b(?:budget|pot|fund\s+of|in\s+total|total\s+of|set\s+aside|allocated|earmarked|"
    r"ring-?fenced|reserved)\b[^.]*[£€]\s?\d|[£€]\s?\d[^.]*\b(?:set\s+aside|allocated|"
    r"earmarked|ring-?fenced|reserved)\b", re.IGNORECASE)
# A person asked for by name: "the name of the laser expert at the lab", "who's our contact
# person called?"
_PERSON_NAME_ASKED = re.compile(
    r"\bnames?\s+of\s+(?:the|your|their|its|a|an|our)\s+(?:[\w&'-]+\s+){0,4}?(?:expert|experts|"
    r"adviser|advisers|advisor|advisors|contact|person|people|engineer|engineers|manager|lead|"
    r"officer|specialist|specialists|researcher|academic|professor|technician|staff|director|"
    r"directors|chair|chairman|chairwoman|chairperson|head|coordinator|co-ordinator|"
    r"representative)\b|"
    r"\b(?:expert|adviser|advisor|contact|person|engineer|manager|officer|specialist|director|"
    r"chair|head|coordinator)\s+"
    r"(?:is\s+)?called\b|"
    # "the finance director's name", "whats the persons name"
    r"\b(?:expert|adviser|advisor|contact|person|engineer|manager|officer|specialist|director|"
    r"chair|head|coordinator|lead|individual)(?:'s|s'|’s|s)\s+names?\b", re.IGNORECASE)
_PERSON_NAMED = re.compile(r"\b(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss)\.?\s+[A-Z][a-z]+")
# Whether a firm named had an award: "Did Acme Tools get a booster grant?"
_FIRM_AWARDED = re.compile(
    r"^\W*(?:did|has|have|had)\s+(?-i:[A-Z][\w&'-]*)(?:\s+(?-i:[A-Z&][\w&'-]*)){0,4}\s+"
    r"(?:\w+\s+){0,3}?(?:get|got|receive|received|win|won|been\s+(?:given|awarded))\s+"
    r"(?:an?\s+|the\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:grant|award|voucher|funding|money)",
    re.IGNORECASE)
# How something is now, which guidance written once seldom says: "is the lab open at the
# moment?", "are they taking bookings right now?"
_STATUS_NOW_ASKED = re.compile(
    r"\b(?:open|available|running|operating|closed|shut|busy|taking\s+(?:bookings|applications|"
    r"on|new))\b[^?.!]{0,40}?\b(?:at\s+the\s+moment|right\s+now|currently|at\s+present|just\s+now|"
    r"this\s+(?:week|month)|today)\b", re.IGNORECASE)
# ... not a round's, which the policy's dates answer: "are applications open right now?"
_ROUND_WORDS = re.compile(r"\b(?:applications?|apply|rounds?|calls?|funding|grants?|vouchers?|"
                          r"schemes?|programmes?|competitions?|windows?|deadlines?)\b",
                          re.IGNORECASE)
_STATUS_NOW = re.compile(r"\b(?:currently|at\s+present|at\s+the\s+moment|right\s+now|is\s+now|"
                         r"are\s+now|temporarily|until\s+further\s+notice|(?:open|closed)\s+now|"
                         r"now\s+(?:open|closed))\b", re.IGNORECASE)
# a question about the business's own figures ("we've had £40k so far"), not the programme's
_OWN_RECORD = re.compile(r"\b(?:we|we've|we're|we'd|our|us|i|i've|i'm|my)\b", re.IGNORECASE)
# ... unless it asks about all applicants even so: "what are our chances?", "how many firms"
_OF_ALL_APPLICANTS = re.compile(
    r"\b(?:competitive|chances?|percentage|proportion|how\s+many\s+(?:[\w-]+\s+){0,3}?"
    r"(?:businesses|companies|firms|smes|applications|applicants))\b", re.IGNORECASE)
# a figure said, planned or aimed at: "what did the bid say it would support", not a record
_PROJECTION = re.compile(r"\b(?:(?:say|says|said)(?!\s+(?:yes|no)\b)|estimate\w*|expect\w*|aim\w*|"
                         r"target\w*|plan\w*|"
                         r"would|will|should|forecast\w*|predict\w*|promise\w*)\b",
                         re.IGNORECASE)
# a sentence that reports a record: "have been funded", "so far", "to date", "in 2025, 40 ..."
_REPORTED = re.compile(
    rf"\b(?:{_RECORD_WORDS}|typical\w*|usually|normally)\b|"
    # (not what the reader has had: "the funding you have received")
    r"(?<!\byou\s)(?<!\bwe\s)(?<!\bi\s)(?<!\byou've\s)"
    r"\b(?:has|have|had|were|was)\s+(?:been\s+)?(?:helped|funded|"
    r"supported|created|awarded|approved|produced|received|given|made|paid)\b",
    re.IGNORECASE)


# What the programme will do or be later, which guidance written for now does not foretell:
# "what will the cap be from June 2031?", "is the studio due to turn into a full centre?",
# "will there still be funding in 2032?", "will the limit go up?"
_CHANGE = (r"become|change|rise|go\s+up|go\s+down|increase|decrease|fall|drop|come\s+down|"
           r"turn\s+into|grow\s+into|upgrade|be\s+(?:turned|made)\s+into|be\s+upgraded|"
           r"continue|carry\s+on|be\s+(?:brought|extended|expanded|added|included|replaced|cut|"
           r"raised|lowered|renewed|continued|scrapped|changed|reduced|increased|moved|merged)")
_FUTURE_ASKED = re.compile(
    r"\bwhat\s+will\s+(?:it|they|the\s+[\w\s-]{1,30}?)\s+be\s+(?:from|in|after|by|next)\b|"
    rf"\b(?:expected|going|likely|planned|set|due)\s+to\s+(?:{_CHANGE})\b|"
    r"\bwill\s+(?:there\s+)?(?:still\s+)?[^?.!]{0,40}?\b(?:in|by|after|beyond)\s+(?:19|20)\d\d\b|"
    r"\b(?:will|going\s+to)\b[^?.!]*\b(?:at\s+some\s+point|in\s+(?:the\s+)?future|one\s+day|"
    r"eventually)\b|"
    rf"\bwill\s+(?:the\s+|your\s+|its\s+|it\s+|they\s+|that\s+)?(?:[\w-]+\s+){{0,4}}?(?:{_CHANGE})\b",
    re.IGNORECASE)
# ... for a case of the owner's own, which the rules answer: "will the rate change if we grow?"
_OWN_CASE = re.compile(r"\b(?:if|once|when|after)\s+(?:we|i|our|my)\b", re.IGNORECASE)
# a sentence that speaks of what is planned: "is expected to become a Hub in 2028"
_FORETOLD = re.compile(rf"\b(?:plan(?:s|ned)?|expect(?:s|ed)?|intends?|due|will)\s+(?:to\s+)?"
                       rf"(?:{_CHANGE})\b", re.IGNORECASE)


def unforetold(question: str, selected: Sequence[str]) -> bool:
    """Whether the question asks what the programme will do or be later ("will the limit go
    up next year?") and no selected sentence foretells it: by the year asked, when one is, or by
    saying what is planned."""
    if not _FUTURE_ASKED.search(question) or _OWN_CASE.search(question):
        return False
    years = set(_YEAR.findall(question))
    if years:
        return not any(years & set(_YEAR.findall(sentence)) for sentence in selected)
    return not any(_FORETOLD.search(sentence) for sentence in selected)


def unreported_record(question: str, selected: Sequence[str], message: str = "") -> bool:
    """Whether the question asks for the programme's record (an average award, how many firms
    were funded, jobs created so far) that no selected sentence reports, with a figure; or for
    its budget, which only a sentence naming one answers; or whether a firm it names had an
    award, which the guidance never says; or for a person's name, which only a sentence
    naming someone gives; or how a facility is now, which only a sentence about now gives; or
    what the programme will do later, which only a sentence foretelling it gives; or when an
    event is, which only a line naming it with its day gives
    (`message`: the whole message the question is in, which may name a round)."""
    if _FIRM_AWARDED.search(question):
        return True
    if unforetold(question, selected):
        return True
    if (event := _NEXT_EVENT.search(question)) is not None and \
            not _OUTCOME_ASKED.search(question):
        # "when is the next open day?": only a line naming it with its day or how often (not
        # "how soon after the panel ...", which a period answers)
        named = _event_named(event)
        # "what dates does it meet on?": days on the calendar, not "monthly"
        calendar = _CALENDAR_DAY if _DAY_ASKED.search(question) else _CALENDAR
        return not any(re.search(named, line, re.IGNORECASE) and calendar.search(line)
                       for sentence in selected for line in sentence.splitlines())
    if _STATUS_NOW_ASKED.search(question) and not _ROUND_WORDS.search(message or question):
        # "is the wind tunnel free this week?": only a sentence saying how it is now
        return not any(_STATUS_NOW.search(sentence) for sentence in selected)
    if _PERSON_NAME_ASKED.search(question) or _PERSON_NAME_ASKED.search(message):
        # (asked beside the question: "who runs the lab? I mean the person's name")
        return not any(_PERSON_NAMED.search(sentence) or
                       _person_named(sentence, f"{question} {message}") for sentence in selected)
    if _BUDGET_ASKED.search(question):
        return not any(_BUDGET_STATED.search(sentence) for sentence in selected)
    if not _RECORD.search(question) or _PROJECTION.search(question):
        return False
    if _OWN_RECORD.search(question) and not _OF_ALL_APPLICANTS.search(question):
        return False
    return not any(_REPORTED.search(sentence) and re.search(r"\d", sentence)
                   for sentence in selected)


def adjacent_advice(question: str, passages: Sequence[str]) -> str | None:
    """The tax, finance, legal or premises matter the question asks about when no retrieved
    passage speaks of it ("corporation tax on the grant", "buying on hire purchase"): the
    guidance does not advise on it. None when it asks about none, or a passage names it."""
    text = f" {' '.join(stems(' '.join(passages)))} "
    for match in ADJACENT_ADVICE.finditer(question):
        # the words together, as a phrase: "business" and "rates" apart are not "business rates"
        if f" {' '.join(stems(match[0]))} " not in text:
            return match[0]
    return None


def unknown_scheme(question: str, passages: Sequence[str]) -> str | None:
    """A scheme or funder the question names ("the most from Northern Catalyst", "a Skyline
    grant") that no retrieved passage mentions, as written; None when it names none, or every
    one it names is found."""
    text = " ".join(" ".join(p.lower().split()) for p in passages)
    return next((name for name in schemes_named(question)
                 if " ".join(name.lower().split()) not in text
                 and not _initials_of_a_name(name, passages)), None)


def _initials_of_a_name(name: str, passages: Sequence[str]) -> bool:
    """Whether a name in capitals is the initials of a name the passages give in full ("KSP"
    for "Kiln Studio Project")."""
    letters = name.strip()
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    pattern = re.compile(r"\b" + r"[\w-]*\s+".join(letters) + r"[\w-]*")
    return any(pattern.search(p) for p in passages)


# A kind of organisation asked about as an applicant: "Could a church trust apply?", "are
# co-operatives eligible?". The guidance names the businesses it is for; one it never names is not
# answered by rules written for others.
_LEGAL_FORM = (r"charit(?:y|ies)|community\s+interest\s+compan(?:y|ies)|cics?|social\s+"
               r"enterprises?|co-?operatives?|mutuals?|sole\s+traders?|partnerships?|llps?|"
               r"franchises?|franchisees?|housing\s+associations?|universit(?:y|ies)|colleges?|"
               r"schools?|nhs\s+trusts?|clubs?|churches|church|trusts?|foundations?|"
               r"associations?|councils?|public\s+bod(?:y|ies)")
_APPLICANT_ASKED = re.compile(
    rf"\b(?:can|could|may|would|will|are|is|do|does)\s+(?:an?\s+|the\s+)?"
    rf"(?:(?!(?:our|my|your|their|we|i)\b)[\w-]+\s+){{0,2}}?"
    rf"(?P<form>{_LEGAL_FORM})\b(?:\s+(?:or|and)\s+(?:an?\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_LEGAL_FORM}))?"
    # "can the charity itself get ...", "are charities allowed to apply"
    r"\s+(?:(?:also|still|even|ever|itself|themselves|ourselves)\s+)?"
    r"(?:(?:allowed|able|permitted|entitled)\s+to\s+)?(?:apply|applies|qualify|qualifies|"
    r"be\s+eligible|eligible|get|join|take\s+part|count)\b", re.IGNORECASE)


def applicant_asked(question: str) -> str | None:
    """The kind of organisation a question asks about as an applicant ("Can a registered
    charity apply?"), as written; None when it asks about none."""
    asked = _APPLICANT_ASKED.search(question)
    return asked["form"] if asked else None


def unnamed_applicant(question: str, passages: Sequence[str]) -> str | None:
    """The kind of organisation the question asks about as an applicant ("Can a registered
    charity apply?") when no retrieved passage names it; None otherwise."""
    asked = _APPLICANT_ASKED.search(question)
    if asked is None:
        return None
    text = f" {' '.join(stems(' '.join(passages)))} "
    form = asked["form"]
    return None if f" {' '.join(stems(form))} " in text else form


_BY_NUMBER_ALONE = frozenset("clause section part schedule annex appendix step".split())


def unknown_part(question: str, passages: Sequence[str]) -> str | None:
    """A numbered part of the programme the question asks about ("Round 4") that no retrieved
    passage mentions: the guidance does not speak of it, so nothing found answers the question.
    None when it names none, or every one it names is found."""
    text = " ".join(" ".join(p.lower().split()) for p in passages)
    for word, number in _NUMBERED_PART.findall(question):
        name = f"{word.lower()} {number}"
        if re.search(rf"\b{re.escape(name)}\b(?![.,]?\d)", text):
            continue
        # a clause or a step is written by its number alone: "3.4 The business must ..."
        if word.lower() in _BY_NUMBER_ALONE and \
                re.search(rf"(?<![\d.]){re.escape(number)}(?![.,]?\d)", text):
            continue
        return f"{word} {number}"
    return None


# Question words that carry no subject: "how much does it cost" is about "cost".
FORM_WORDS = frozenset(stems(
    "can could would should will does do did is are was were may might must shall what which "
    "who whom when where why how much many long often get got need want tell know please "
    "there their they them this that these those any some ever also still yes no "
    # words of emphasis, which say how the owner asks, not what about
    "actually really basically literally honestly exactly definitely"))


@dataclass(frozen=True)
class Evidence:
    """What the decision looks at: the question, the selected sentences (with the headings
    above them), every retrieved passage, and the similarities already worked out."""

    question: Question
    selected: Sequence[str]
    passages: Sequence[str]
    best_similarity: float
    best_passage: float
    rarity: Mapping[str, float] = field(default_factory=dict)


def signals(evidence: Evidence) -> dict[str, float]:
    words = [w for w in evidence.question.words if w not in FORM_WORDS]
    ceiling = max(evidence.rarity.values(), default=1.0) or 1.0

    def weight(word: str) -> float:
        return evidence.rarity.get(word, ceiling)

    selected = set(stems(" ".join(evidence.selected)))
    total = sum(weight(w) for w in words)
    coverage = sum(weight(w) for w in words if w in selected) / total if total else 1.0
    # the rarest word of the question that no selected sentence has: a subject left unsaid
    gap = max((weight(w) for w in words if w not in selected), default=0.0) / ceiling
    # how much of the question the first sentence, the one an answer leads with, says alone
    first = set(stems(evidence.selected[0])) if evidence.selected else set()
    lead_coverage = sum(weight(w) for w in words if w in first) / total if total else 1.0
    everywhere = set(stems(" ".join(evidence.passages)))
    unseen = [weight(w) for w in words if w not in everywhere]
    missing = max(unseen, default=0.0) / ceiling
    answer_type = float(_holds_answer(evidence.question, "\n".join(evidence.selected)))
    numbered = {f"{m[1].lower()} {m[2]}" for m in _NUMBERED.finditer(evidence.question.text)
                if (m[1][:1].isupper() or _NUMBERED_PART.fullmatch(f"{m[1]} {m[2]}"))
                and not _OWN_DAY.search(evidence.question.text, 0, m.start())}
    text = " ".join(" ".join(p.lower().split()) for p in evidence.passages)
    named = sum(phrase in text for phrase in numbered) / len(numbered) if numbered else 1.0
    return {"similarity": round(evidence.best_similarity, 4),
            "passage": round(evidence.best_passage, 4),
            "coverage": round(coverage, 4), "missing": round(min(missing, 1.0), 4),
            "answer_type": answer_type, "named": named, "gap": round(min(gap, 1.0), 4),
            "lead_coverage": round(lead_coverage, 4)}


_HOW_MANY = re.compile(r"\bhow\s+many\s+((?:[a-z][\w-]*\s+){0,3})", re.IGNORECASE)
_HOW_MUCH = re.compile(r"\bhow\s+much\b", re.IGNORECASE)
_HOW_MUCH_TIME = re.compile(r"\bhow\s+much\s+(?:[\w-]+\s+)?(?:time|help|support|access)\b",
                            re.IGNORECASE)
SPAN = re.compile(r"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|"
                   r"eleven|twelve|half\s+a)\s*(?:-\s*)?(?:(?:working|calendar|full|business)\s+)?"
                   r"(?:hours?|days?|weeks?|months?|years?|sessions?)\b", re.IGNORECASE)
# "the longest time a study may take", "how many months does it last?": a length of time
_DURATION_ASKED = re.compile(
    r"\b(?:longest|shortest|duration|how\s+many\s+(?:days|weeks|months|years)|"
    r"(?:last|run|take)s?\s+for\b|how\s+long\s+(?:does|do|will|can|could|should|is|are|must|"
    r"would)\s+(?:[\w-]+\s+){0,8}?(?:last|run|take|be\s+open|go\s+on))", re.IGNORECASE)
# "how long does the free trial period last", "how long will the mentoring run": the thing
_HOW_LONG_X_LASTS = re.compile(
    r"\bhow\s+long\s+(?:does|do|will|would|is|are|can|could|may|might|must|should)\s+"
    r"(?P<thing>(?:[\w-]+\s+){1,8}?)"
    r"(?:last|run|go\s+on|be\s+(?:open|available))\b", re.IGNORECASE)
# "how long is the introductory period at the incubator?": a period said of that thing
_HOW_LONG_IS_X = re.compile(
    r"\bhow\s+long\s+(?:is|are|was|were)\s+(?:the|a|an|your|their|its)\s+"
    r"(?P<thing>(?:[\w-]+\s+){0,4}?(?:period|phase|term|stage|window|trial|contract|placement|"
    r"residency|membership|course|programme|scheme|offer|discount|subsidy|support|access))\b",
    re.IGNORECASE)
# "the longest length of a kiln study": the thing whose length is asked
_LENGTH_OF_X = re.compile(
    r"\b(?:length|duration)\s+of\s+(?:the\s+|a\s+|an\s+|our\s+|your\s+)?(?P<thing>(?:[\w-]+\s+){0,3}?"
    r"(?:project|programme|voucher|grant|support|placement|study|trial|contract|scheme|"
    r"membership|course))s?\b", re.IGNORECASE)
# a period, not a quantity of something: "within 10 working days", not "3 days of analyst time"
# ("within 20 working days of the request" is one)
_PERIOD = re.compile(rf"\b(?:within|inside|in|after|before|by)\s+(?:{SPAN.pattern})|"
                     rf"(?:{SPAN.pattern})(?!'?\s+(?:of|on|at)\b)", re.IGNORECASE)
_UNITS_COUNTED = re.compile(r"\bhow\s+many\s+(?:days|weeks|months|years)\b", re.IGNORECASE)
# a day asked for: "on what date are results out?", "which day does it close?"
_DAY_ASKED = re.compile(r"\b(?:what|which)\s+(?:date|day)s?\b|\bon\s+what\s+date\b|"
                        r"\bthe\s+(?:exact\s+|actual\s+)?date\s+(?:of|for)\b", re.IGNORECASE)
_HOW_LONG = re.compile(r"\bhow\s+long\b", re.IGNORECASE)
# a time since, not a length: "how long ago", "how long have you been going?"
_HOW_LONG_AGO = re.compile(
    r"\bhow\s+long\s+(?:ago|have\s+(?:you|we|they)\s+been|has\s+\w+\s+been)\b", re.IGNORECASE)
_LENGTH = re.compile(r"\d\s*(?:km|kilomet(?:re|er)s?|metres?|meters?|m|miles?|mm|cm|ft|feet)\b",
                     re.IGNORECASE)
_AMOUNT = re.compile(r"[£€$]\s?\d|\b(?:GBP|EUR|USD)\s?\d|\d\s?(?:%|per\s?cent\b)|"
                     # "it is free": a price too
                     r"\b(?:free(?!\s+(?:of|from)\b)|no\s+(?:charge|cost|fee)|fully\s+funded|"
                     r"at\s+no\s+cost)\b", re.IGNORECASE)
# a price asked for without "how much": "what would a day's booking cost", "the monthly rent",
# "the budget for the scheme"
_PRICE_ASKED = re.compile(r"\b(?:cost|costs|price|prices|priced|rent|rental|fee|fees|charge|"
                          r"discounts?|reductions?|rebates?|"
                          r"charges|budget|pot|day\s+rate|hourly\s+rate|salary|salaries|wage)\b",
                          re.IGNORECASE)
# the things counted in "how many X ...": up to the first plural ("how many weeks make up")
_COUNTED_END = re.compile(r"(?:[^s]s|people|staff|children|men|women)$", re.IGNORECASE)
_NOT_NOUNS = frozenset("are is was were do does did will would can could should have has had "
                       "of the a an in on at for to we i you our my your they it there".split())
_TOKEN = re.compile(r"[£€$]?\d[\d,.]*%?|[a-z][\w-]*", re.IGNORECASE)


# "Is there a cap on ...?", "Is there a deadline for ...?": a yes that needs a figure or
# a date to be any use, or a no said outright ("no limit", "open all year")
_IS_THERE = re.compile(
    r"^\W*(?:is|are)\s+there\s+(?:an?\s+|any\s+|some\s+)?(?:[\w-]+\s+){0,2}?(?:(?P<figure>limit|"
    r"limits|cap|caps|maximum|minimum|ceiling|fee|fees|charge|charges|cost|costs)|(?P<date>deadline|"
    r"deadlines|closing\s+date|cut-?off|time\s+limit))\b", re.IGNORECASE)
_NONE_SET = re.compile(r"\bno\s+(?:limit|cap|maximum|minimum|deadline|closing\s+date|fee|charge|"
                       r"cost)\b|\b(?:free|open\s+all\s+year|any\s+time|at\s+any\s+time)\b",
                       re.IGNORECASE)


# "Who is the centre's director?", "who's the managing director of the lab?": the holder of a
# post, named beside the post; "who sits on the panel?": the members, said to be its members
_POST_ASKED = re.compile(
    r"\bwho(?:'s|’s|s|\s+is|\s+are|\s+was)\s+(?:the|its|their|your)\s+(?:[\w&'-]+\s+){0,3}?"
    r"(?P<post>person\s+in\s+charge|director|directors|chief\s+executive|ceo|chair|chairman|chairwoman|chairperson|"
    r"president|head|manager|secretary|treasurer|owner|founder|adviser|advisor|officer|"
    r"coordinator|co-ordinator|account\s+manager|contact|lead|champion|representative)\b",
    re.IGNORECASE)
_MEMBERS_ASKED = re.compile(
    r"\bwho\s+(?:sits|sit|serves|serve|is|are)\s+on\s+(?:the|its|their|your)\s+"
    r"(?:[\w&'-]+\s+){0,3}?(?P<body>board|panel|committee|council|group|jury)\b", re.IGNORECASE)
_MEMBERSHIP = re.compile(r"\b(?:members?|made\s+up\s+of|comprises|consists\s+of|includes|"
                         r"chaired\s+by|sit\s+on|sits\s+on|representatives?)\b", re.IGNORECASE)


def _asks_for_holder(question: str) -> bool:
    return bool(_POST_ASKED.search(question) or _MEMBERS_ASKED.search(question))


def _role_filled(question: str, text: str) -> bool:
    """Whether a line of the text names who holds the post, or who sits on the body, that the
    question asks about, beside the post or the body."""
    post = _POST_ASKED.search(question)
    body = _MEMBERS_ASKED.search(question)
    word = (post["post"] if post else body["body"] if body else "").lower().split()[-1]
    for line in text.splitlines():
        if not re.search(rf"\b{re.escape(word[:5])}", line, re.IGNORECASE):
            continue
        if body is not None and not _MEMBERSHIP.search(line):
            continue
        if names_beyond(question, line) or _person_named(line, question):
            return True
    return False


# words of a post, a body or a place, which two capitalised words naming no one are made of:
# "Programme Director", "Business Support", "Research Park"
_NOT_A_NAME = frozenset(
    "director directors manager managers officer officers programme program team office centre "
    "center hub hubs university college council group board panel committee business support "
    "research institute lab laboratory park street road lane school department service "
    "services authority combined technology technologies innovation manufacturing catapult "
    "partner partners limited ltd fund trust foundation project projects scheme network "
    "executive chief head lead leader chair secretary assistant adviser advisor coordinator "
    "north south east west region regional city county national royal".split())


def _person_named(line: str, question: str = "") -> bool:
    """Whether the line names a person: "Dr Asha Patel", "Sarah Jones" (not "Programme
    Director", nor a name the question itself gives, "Circular Economy")."""
    asked = {w.lower() for w in re.findall(r"[A-Za-z]+", question)}
    return any(not (words := {w.lower() for w in re.findall(r"[A-Za-z]+", m[0])}) & _NOT_A_NAME
               and not words <= asked for m in _PERSON.finditer(line))


# a person's name: "Dr Asha Patel", "Professor J. Okoro", "Sarah Jones"
_PERSON = re.compile(r"\b(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Sir|Dame)\.?\s+)?(?-i:[A-Z][a-z]+"
                     r"\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?=\s*(?:,|\(|is\b|leads\b|"
                     r"chairs\b|heads\b|\.(?:\s|$)|$))")


# a limit on a count of things: "the word limit", "a page limit on the form"
_UNIT_LIMIT = re.compile(r"\b(word|page|character|attempt|application|bid|visit|site)s?\s+"
                         r"(?:limit|limits|count|cap|maximum)\b", re.IGNORECASE)


def _counted(question: str) -> list[str]:
    """The things a question asks to count: "how many mentoring sessions" gives the words
    up to the noun; "is there a page limit?" gives "pages"."""
    many = _HOW_MANY.search(question)
    nouns: list[str] = []
    if many:
        for word in many.group(1).split():
            if word.lower() in _NOT_NOUNS:  # "how many of the days": read on to the noun
                if nouns:
                    break
                continue
            nouns.append(word.lower())
            if _COUNTED_END.search(word):
                break
    if not nouns and (unit := _UNIT_LIMIT.search(question)):
        nouns = [unit[1].lower() + "s"]
    return nouns


# What follows from a case: "what would happen if the audit finds a mistake?"
_WHAT_HAPPENS_IF = re.compile(
    r"\bwhat\s+(?:happens|would\s+happen|will\s+happen|happened)\s+(?:to\s+[\w\s]{1,30}?\s+)?"
    r"(?:if|when|where|should|once|after)\s+(?P<case>[^?.!]{3,120})", re.IGNORECASE)
# ... with the case first: "if we relocate partway through, what happens to the award?"
_IF_THEN_WHAT_HAPPENS = re.compile(
    r"\b(?:if|when|should)\s+(?P<case>[^?.!]{3,160}?),?\s+what\s+(?:happens|would\s+happen|"
    r"will\s+happen)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|unless|when|where|otherwise|in\s+case|should\s+you|fails?|"
                        r"miss(?:es|ed)?|late|not\s+met|cannot|can't)\b", re.IGNORECASE)
# Whether money must be returned: "do we pay any of it back?", "would they claw it back?"
_MONEY_BACK = (r"pay\s+(?:[\w-]+\s+){0,4}?back|claw\w*[\s-]+(?:[\w-]+\s+){0,4}?back|clawback|"
               r"return\w*\s+(?:the|some|any|part|all)\s+(?:of\s+)?(?:the\s+|it\b)?"
               r"(?:grant|money|funding|award)")
_REPAY_ASKED = re.compile(
    rf"\b(?:{_MONEY_BACK}|repay\w*|(?:give|hand)\s+(?:[\w-]+\s+){{0,4}}?back)", re.IGNORECASE)
# ... said: repaid, recovered, withheld or reduced
_REPAY_SAID = re.compile(
    rf"\b(?:{_MONEY_BACK}|repa(?:y|id|yment)\w*|recover\w*\s+(?:the\s+|some\s+|all\s+|part\s+)?"
    r"(?:of\s+)?(?:the\s+)?(?:grant|money|funding|award)|withh[eo]ld\w*|"
    r"reduc\w+\s+(?:the\s+)?(?:grant|award|payment))", re.IGNORECASE)


_DISCOUNT_ASKED = re.compile(
    r"\b(?:percentage|percent|per\s+cent)\s+off\b|%\s+off\b|\bdiscount(?:s|ed)?\b|"
    r"\bhow\s+much\s+(?:cheaper|less|off)\b|\b(?:size|amount)\s+of\s+the\s+(?:discount|"
    r"reduction|subsidy)\b", re.IGNORECASE)
_DISCOUNT_STATED = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|per\s*cent)\s*(?:off|discount|reduction|less|cheaper|below|lower)\b|"
    r"\b(?:discount|reduction|saving)\s+of\s+(?:up\s+to\s+)?\d+(?:\.\d+)?\s*(?:%|per\s*cent)|"
    r"\bhalf\s+(?:price|the\s+(?:normal|usual|commercial)\s+(?:price|rate))", re.IGNORECASE)


# a physical measure asked for, and how one is stated: "the heaviest vehicle", "how tall"
_MEASURES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(asked, re.IGNORECASE), re.compile(stated, re.IGNORECASE)) for asked, stated in (
        (r"\b(?:heaviest|how\s+heavy|(?:maximum|max|biggest|largest)\s+(?:(?:size|dimensions?)\s+"
         r"(?:or|and|/|&)\s+)?(?:load|payload|weight)|payload|weight\s+limit)\b",
         r"\d\s*(?:kg|kilo(?:gram)?s?|tonnes?|tons?|t)\b"),
        # "the rig's daily rate after the discount?": money by the day or the hour, not any sum
        (r"\b(?:(?:day|daily|hourly|half[\s-]day)\s+rates?|(?:cost|charge|price)\s+(?:per|a|an)\s+"
         r"(?:day|hour)|per[\s-](?:day|hour)\s+(?:cost|charge|price|rate))\b",
         r"£\s?\d[\d,.]*\s*k?\s*(?:\+\s*vat\s*)?(?:per|a|an|/|each)\s*(?:day|hour)\b|"
         r"\b(?:day|daily|hourly)\s+rate\s+(?:of\s+|is\s+|:\s*)?£\s?\d"),
        # "the biggest part the scanner takes", "a size limit for the chamber": a dimension
        # (not a business's size: "the SME size limits")
        (r"\b(?:how\s+(?:big|large)\s+(?:a|an|can|could)\s+(?!(?:business|company|firm|sme)\b)|"
         r"(?:maximum|max|biggest|largest)\s+(?:part\s+|sample\s+|component\s+)?"
         r"(?:size|dimensions?)(?!\s+(?:of\s+)?(?:an?\s+)?(?:business|company|firm|sme|band))|"
         r"(?:part|sample|component|item)\s+size\s+limits?|size\s+limits?\s+(?:for|on)\s+"
         r"(?:parts|samples|components|items|objects|what))\b",
         r"\d\s*(?:mm|cm|m|metres?|meters?|inch(?:es)?|in|ft|feet)\b"),
        (r"\b(?:tallest|how\s+tall|(?:maximum|max)\s+height|headroom|ceiling\s+height)\b",
         r"\d\s*(?:m|metres?|meters?|mm|cm|ft|feet)\b.{0,20}\b(?:high|height|tall|headroom)|"
         r"\b(?:high|height|tall|headroom)\b.{0,20}\d\s*(?:m|metres?|meters?|mm|cm|ft|feet)\b"),
        (r"\b(?:fastest|how\s+fast|top\s+speed|maximum\s+speed|speed\s+limit)\b",
         r"\d\s*(?:mph|km/h|kph|m/s|miles\s+an\s+hour)\b"),
        (r"\b(?:hottest|how\s+hot|coldest|how\s+cold|(?:maximum|minimum|max|min)\s+"
         r"temperature|(?:what|which)\s+temperatures?)\b",
         r"\d\s*(?:°\s*[cf]|degrees?|k)\b"),
        (r"\b(?:how\s+(?:much|many)\s+(?:power|kilowatts|megawatts)|power\s+rating|"
         r"how\s+powerful)\b",
         r"\d\s*(?:kw|mw|w|watts?|kilowatts?|megawatts?|kva)\b")))
# the postcode or the address of a place: "what's the postcode for the energy park?"
_ADDRESS_ASKED = re.compile(
    r"\b(?:full\s+|exact\s+|street\s+)?(?P<what>post\s*code|address)\s+(?:of|for|at)\s+(?:the\s+)?"
    # (not what it is for: "the postcode for the satnav")
    r"(?P<thing>(?!(?:it|that|this|them|there|us|you|(?:the\s+|my\s+|our\s+)?(?:sat\s*-?\s*nav|"
    r"gps|map|maps|directions|drive|journey|delivery|deliveries|invoice|form|application|taxi|"
    r"courier|booking)s?)\b)[^?.!,;]{3,60}?)"
    r"(?=\s*(?:[?.!,;]|$|\s+(?:so|as|because|please|if|i'd|i\s+would|we)\b))", re.IGNORECASE)
_STREET_OR_POSTCODE = re.compile(
    rf"{FULL_POSTCODE.pattern}|\b\d+\s+[A-Z][\w'-]+\s+(?:road|street|lane|way|avenue|drive|close|"
    r"place|row|square|park)\b", re.IGNORECASE)
# "who owns the IP?", "who keeps the rights to the design?": the thing held
_OWNER_OF_ASKED = re.compile(
    r"\bwho\s+(?:owns?|keeps?|retains?)\s+(?:the\s+)?(?:rights?\s+(?:to|in|of)\s+"
    r"(?:the\s+)?)?(?P<thing>(?!it\b|that\b|this\b|them\b)[\w-]+)", re.IGNORECASE)

# an office asked for: "who chairs the panel?", "who is the head of the centre?"; only a text
# that speaks of that office (a chair, a head) answers it, not one naming the panel's members
_OFFICE_ASKED = re.compile(
    r"\bwho\s+(?:(?P<verb>chairs|heads|directs|founded|co-?founded)|(?:is|was|are)\s+(?:the\s+|its\s+|"
    r"their\s+)?(?P<office>chair|chairman|chairwoman|chairperson|head|director|ceo|chief\s+executive|"
    r"founder|co-?founder|president))\b", re.IGNORECASE)


def _office_said(asked: re.Match[str], text: str) -> bool:
    """Whether the text speaks of the office asked for ("chaired by", "the centre's head")."""
    word = (asked["verb"] or asked["office"]).lower()
    said = next((pattern for pattern, words in _OFFICES if word in words), re.escape(word))
    return re.search(rf"\b(?:{said})\b", text, re.IGNORECASE) is not None


# how each office is spoken of, by the words that ask for it
_OFFICES = (
    (r"chair(?:s|ed|ing|man|woman|person)?", {"chairs", "chair", "chairman", "chairwoman",
                                              "chairperson"}),
    (r"head(?:s|ed)?|lead(?:s|er|ers)?|led", {"heads", "head"}),
    (r"direct(?:s|ed|or|ors)", {"directs", "director"}),
    (r"(?:co-?)?found(?:ed|er|ers)", {"founded", "co-founded", "cofounded", "founder",
                                      "co-founder", "cofounder"}),
    (r"chief\s+executive|ceo", {"ceo", "chief executive"}),
)


# hours asked for: "the opening hours of the test centre", "what time does the lab open?"
_HOURS_ASKED = re.compile(
    r"\b(?:opening|open|office|working|business|visiting)\s+(?:hours|times)\b"
    r"(?:\s+(?:of|for|at)\s+(?:the\s+|your\s+)?(?P<thing>[\w&' -]{3,60}?))?(?=\s*(?:[?.!,;]|$))|"
    r"\bwhat\s+times?\s+(?:does|do|is|are)\s+(?:the\s+|your\s+)?(?P<other>[\w&' -]{3,60}?)\s+"
    r"(?:open|close|shut)\b|"
    # "is the studio open at weekends?", "can we use the lab on Saturdays?"
    r"\b(?:is|are)\s+(?:the\s+|your\s+)?(?P<days>[\w&' -]{3,60}?)\s+open\s+(?:at|on|in|during|"
    r"over|in\s+the)\s+(?:the\s+)?(?:weekends?|saturdays?|sundays?|evenings?|nights?|bank\s+"
    r"holidays?)\b", re.IGNORECASE)
# hours as they are stated: a span of the day or the days it holds for ("weekdays 9:00-17:00",
# "Monday to Friday, 8am to 6pm", "24/7"), not one time ("closes at 12:00 on 29 January")
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\s*(?:-|–|to|until|till)\s*"
                    r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\b|\b24/7\b|\b24\s+hours\b|"
                    r"\b(?:weekdays?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b[^.\n]{0,30}"
                    r"\d{1,2}(?:[:.]\d{2}|\s*(?:am|pm))", re.IGNORECASE)


# who may hold a thing, in the guidance's words
_PARTY = re.compile(r"\b(?:the\s+(?:business|company|applicant|partner|university|"
                    r"programme)|you|your|yours)\b", re.IGNORECASE)


def _said_of(thing: str, stated: re.Pattern[str] | None, text: str, whole: bool = False) -> bool:
    """Whether a line of the text states what `stated` matches (None: anything) and holds most
    of the thing's words ("a joint research study" is not any study), or all of them when
    `whole`; any line when the thing has none."""
    words = set(stems(thing)) - FORM_WORDS
    # a noun made of a verb is said as itself: "parking" is not "Ansty Park"
    made = [w.lower() for w in re.findall(r"[A-Za-z]{3,}ing\b", thing)]
    words -= {stem for word in made for stem in stems(word)}
    return any((stated is None or stated.search(line)) and
               (1 if whole else 2) * (len(words & set(stems(line))) +
                                      sum(re.search(rf"\b{word}", line, re.IGNORECASE) is not None
                                          for word in made)) >= len(words) + len(made)
               for line in text.splitlines())


def _measure_asked(question: str) -> re.Pattern[str] | None:
    """How the measure a question asks for is stated, if it asks for one."""
    return next((stated for asked, stated in _MEASURES if asked.search(question)), None)


# "is there a canteen at the lab?", "is there disabled access to the studio?": a thing there
# "does the lab have a drop rig?", "has the centre got its own kitchen we could use?": the thing
_HAS_THING = re.compile(
    r"^\W*(?:does|do|has|have)\s+(?:the|your|their|its|(?-i:[A-Z])\w*)\b[^?]{0,80}?\s+"
    r"(?:have|has|got|own|include|contain|house)\s+(?:an?\s+|any\s+|some\s+|"
    r"(?:its|their)\s+own\s+)?"
    # (not "has it got any of those?": no thing named)
    r"(?!(?:anything|something|one|any|some)\b)(?P<thing>(?:[\w-]+\s+){0,3}?[\w-]{3,})"
    r"(?=\s+(?:we|i|that|which|for|to|on|in|at|available|there)\b|\s*[?.!]|\s*$)",
    re.IGNORECASE)
_IS_THERE_THING = re.compile(
    r"^\W*(?:is|are)\s+there\s+(?:an?\s+|any\s+|some\s+)?"
    # (not a place or a person to be found: "is there anywhere in the network ...?")
    r"(?!(?:anywhere|somewhere|any\s*one|some\s*one|anybody|somebody|anything|something|"
    r"place|places|way|ways|facility|facilities|lab|labs|team|teams|one|help|support)\b)"
    r"(?P<thing>(?:[\w-]+\s+){0,2}?[\w-]{3,})"
    # "is there a bus from the station to the track?"
    r"\s+(?:at|in|on|near|inside|beside|to|from|between|for\s+visitors\s+(?:at|to))\s+"
    r"(?:the|your|their|its|[A-Z]\w+)\b",
    re.IGNORECASE)
# what a price is asked of: "how much do they charge a week for the kiln?"
_PRICE_OF_ASKED = re.compile(
    r"\bhow\s+much\s+(?:does|do|would|will|could|might)\s+(?:it|they|we|i|you)\s+"
    r"(?:cost|charge|pay|need\s+to\s+pay)\s+(?:(?:per|a|each)\s+\w+\s+)?"
    r"(?:us\s+|me\s+)?(?:to|for)\s+(?P<thing>[^?.!]{3,80})", re.IGNORECASE)
# the worth of one thing: "what's a mentoring hour worth?", "the value of each site visit"
_VALUE_OF_ASKED = re.compile(
    r"\b(?:what(?:'s|’s|s|\s+is|\s+are|\s+would\s+be)|how\s+much\s+(?:is|are|would))\s+"
    r"(?P<thing>(?:an?|the|each|one|every|a\s+single)\s+(?:[\w-]+\s+){0,4}?[\w-]+)\s+"
    r"(?:worth|valued\s+at|counted\s+at)\b|"
    r"\b(?:value|worth)\s+of\s+(?P<other>(?:an?|each|one|every|a\s+single)\s+"
    r"(?:[\w-]+\s+){0,4}?[\w-]+?)(?=\s+(?:for|in|under|towards|when|if|as|to)\b|[?.!,;]|$)|"
    # "what does each kiln session count as?", "how much is one of the 3 visits counted at?"
    r"\b(?:what|how\s+much)\s+(?:does|do|would|will|is|are)\s+(?P<counted>(?:an?|the|each|one|"
    r"every|our|your)\s+(?:of\s+(?:the|our|its|your)\s+)?(?:[\w-]+\s+){0,4}?[\w-]+)\s+"
    r"(?:be\s+)?(?:worth\b|(?:count|counted|valued)\s+(?:as|at|for|towards)\b)",
    re.IGNORECASE)
_YEAR_ASKED = re.compile(r"\b(?:what|which)\s+year\b|\bin\s+what\s+year\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# the same support had again: "a second voucher", "apply again in the next round"
_AGAIN_ASKED = re.compile(
    r"\b(?:(?:a\s+second|another|a\s+further|a\s+repeat|one\s+more)\s+(?:[\w-]+\s+)?"
    r"(?P<noun>grant|voucher|award|application)s?\b|"
    r"(?:apply|applying|bid|go)\s+(?:for\s+(?:it|one)\s+)?again\b|"
    r"\bone\s+per\s+(?:company|business|firm|applicant)\b)", re.IGNORECASE)
_AGAIN_SAID = re.compile(
    r"\b(?:again|second|another|further|repeat|more\s+than\s+(?:one|once)|one\s+per|only\s+once|"
    r"once\s+only|at\s+most\s+(?:one|once)|each\s+(?:business|company|firm|applicant)\s+"
    r"(?:can|may)|previous(?:ly)?|already\s+(?:had|received))\b", re.IGNORECASE)
# a contact asked of one person or post: "the direct line for the programme director", "the
# head of the lab's email"
_CONTACT_OF = re.compile(
    r"\b(?:direct\s+(?:line|dial|number|phone(?:\s+number)?|e-?mail(?:\s+address)?)|"
    r"personal\s+(?:e-?mail|number|phone)|mobile(?:\s+number)?)\s+(?:for|of)\s+(?:the\s+|your\s+)?"
    r"(?P<post>[\w -]{3,50}?)(?=\s*[?.!,;]|\s+(?:so|as|because|please|if)\b|\s*$)|"
    r"\b(?P<owner>[\w-]+(?:\s+[\w-]+){0,3}?)(?:'s|’s)\s+(?:own\s+|direct\s+|personal\s+)?(?:line|number|"
    r"phone\s+number|e-?mail(?:\s+address)?|mobile)\b", re.IGNORECASE)
# an email address or a UK phone number, as the guidance gives them
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"\b0\d{2,4}\s?\d{3}\s?\d{3,4}\b")
_CONTACT_GIVEN = re.compile(f"{EMAIL.pattern}|{PHONE.pattern}")


def contact_of_unknown(question: str, passages: Sequence[str]) -> str | None:
    """The person or post whose own contact the question asks for ("the programme director's
    direct line") when no line of the passages gives an address or a number with them named;
    None otherwise. The team's number is not theirs."""
    of = _CONTACT_OF.search(question)
    if of is None:
        return None
    # ("can I have the lab manager's number": the words after the article)
    post = of["post"] or re.split(r"\b(?:the|your|their|a|an)\s+", of["owner"], flags=re.I)[-1]
    head = stems(post)[-1:]  # "the programme director" is a director, not the programme office
    lines = [line for text in passages for line in text.splitlines()]
    return None if any(_CONTACT_GIVEN.search(line) and _said_of(post, None, line) and
                       set(head) <= set(stems(line)) for line in lines) else post


def _sums(text: str) -> set[float]:
    """The sums of money the text writes with a currency ("£75k", "GBP 1,200")."""
    return {money_of(m, text).amount for m in MONEY_AMOUNT.finditer(text)
            if m["pre"] or m["post"]}


def _without_sums_given(question: Question, text: str) -> str:
    """The text less the sums the question itself gives ("the council gave £75k, so what did the
    college put in?"): a line repeating the owner's own figure does not answer the amount asked
    for."""
    given = _sums(f"{question.sentence} {question.text}")
    if not given:
        return text
    return MONEY_AMOUNT.sub(lambda m: " " if (m["pre"] or m["post"]) and _sums(m[0]) <= given
                            else m[0], text)


# how a figure is worked out or a choice made: "how is the day rate set?", "how does the
# panel score bids?", "how are winners chosen?"
_METHOD_VERBS = (r"worked\s+out|calculated|computed|set|determined|decided|assessed|scored|judged|"
                 r"chosen|selected|picked|measured|weighted|weighed|valued|ranked|priced")
_METHOD_ASKED = re.compile(
    r"\bhow\s+(?:is|are|was|were|will|would|do\s+you|does\s+(?:it|one))\s+(?P<thing>[^?]{3,60}?)"
    rf"\s+(?P<verb>{_METHOD_VERBS})\b|"
    r"\bhow\s+(?:does|do|will|would)\s+(?:the\s+|an?\s+|your\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?P<verb2>score|assess|judge|calculate|work\s+out|decide\s+on|choose|select|rank|weigh|"
    r"value|price|set)\s+(?P<thing2>[^?]{3,60})", re.IGNORECASE)
_CHOICE_VERB = re.compile(r"decide|chos|choose|select|assess|judge|picked", re.IGNORECASE)
_METHOD_SAID = re.compile(
    r"\b(?:calculated|worked\s+out|computed|based\s+on|according\s+to|divided\s+by|multiplied|"
    r"plus|minus|sum\s+of|scored|assessed\s+(?:on|against|by)|criteri(?:a|on)|weight(?:ed|ing)|"
    r"formula|judged\s+(?:on|against|by)|measured\s+(?:by|as|against|in)|points?|means)\b|[=×÷]",
    re.IGNORECASE)
_CHOICE_SAID = re.compile(
    rf"{_METHOD_SAID.pattern}|\b(?:checks?|considers?|looks?\s+at|reviews?|against|on\s+the\s+basis)\b",
    re.IGNORECASE)


# who pays for the programme itself: "who funds the scheme?", "which body is paying for it?"
_FUNDER_ASKED = re.compile(
    r"\b(?:who\s+|which\s+(?:[\w-]+\s+){1,5}?)(?:actually\s+|really\s+|ultimately\s+)?(?:funds|"
    r"finances|pays\s+for|bankrolls|backs|is\s+(?:funding|financing|paying\s+for|backing|"
    r"bankrolling)|(?:has|have)\s+funded|provides?\s+the\s+(?:money|funding))\b|"
    r"\bwho(?:'s|\s+is)\s+(?:the\s+)?funder\b|"
    r"\bwhere\s+does\s+(?:the|its|your|their)\s+(?:money|funding|budget)\s+come\s+from\b",
    re.IGNORECASE)
# (who funds it, not that someone is "publicly funded")
_FUNDER_SAID = re.compile(r"\b(?:(?:funded|financed|paid\s+for|backed)\s+(?:\w+\s+)?(?:by|through|"
                          r"from|via|with)|funds\s+(?:the|this|it)|funding\s+(?:from|by|comes)|"
                          r"pays\s+for|money\s+(?:from|comes)|grant\s+from|funders?)\b",
                          re.IGNORECASE)
_LACKED = re.compile(r"\b(?:(?:do|does)\s+not\s+have|(?:don't|doesn't|don’t|doesn’t)\s+have|"
                     r"lacks?|lacking|without|have\s+no|has\s+no)\b", re.IGNORECASE)
_HAVING = frozenset(stems("does do has have got own include contain house its their"))
_HOW_RECENT = re.compile(r"\bhow\s+(?:recent|old|new|fresh|up[\s-]to[\s-]date|out\s+of\s+date)\b",
                         re.IGNORECASE)
_WHEN_IT_FALLS = re.compile(r"\s+(?:during|within|in|after|before|over|throughout)\s+(?:the|our|a|"
                            r"its|this|that)\s+[^,.;?]*$", re.IGNORECASE)


def _holds_answer(question: Question, text: str) -> bool:
    """Whether the text holds the kind of answer the question asks for."""
    wanted = question.answer_type
    if question.kind == "amount":
        text = _without_sums_given(question, text)
    if (method := _METHOD_ASKED.search(question.text)) is not None:
        # "how is the day rate worked out?", "how does the panel score bids?": a line on that
        # thing that says how (a formula, what it is based on or judged against), not one that
        # only names it
        topic = set(stems(method["thing"] or method["thing2"])) - FORM_WORDS
        # (a choice is told by what is looked at: "the panel checks eligibility and outputs")
        said = _CHOICE_SAID if _CHOICE_VERB.match(method["verb"] or method["verb2"]) else \
            _METHOD_SAID
        return any(said.search(line) and (not topic or topic & set(stems(line)))
                   for line in re.split(r"(?<=[.!?])\s+|\n", text))
    if (measure := _measure_asked(question.text)) is not None:
        # "how heavy a vehicle can the track take?", "is there a size limit?": a weight or a
        # length, not any figure
        return bool(measure.search(text))
    if (address := _ADDRESS_ASKED.search(question.text)) is not None:
        # "what's the postcode of the energy park?": a postcode on a line naming that place
        stated = FULL_POSTCODE if address["what"].lower().startswith("post") else \
            _STREET_OR_POSTCODE
        return _said_of(address["thing"], stated, text)
    nouns = _counted(question.text)
    there = _IS_THERE.search(question.text) if question.kind == "yes_no" else None
    if there is not None and not _NONE_SET.search(text):
        if there["figure"] and nouns:  # "a cap on how many sessions": a number of sessions
            return _number_before(nouns, text)
        return answer_present("figure" if there["figure"] else "date", text)
    if there is None and question.kind == "yes_no" and \
            (present := _IS_THERE_THING.search(question.text)) is not None:
        # "is there parking at the centre?": only a line that speaks of parking
        return _said_of(present["thing"], None, text)
    if question.kind == "yes_no" and (owned := _HAS_THING.search(question.text)) is not None:
        # "does the lab have a drop rig?": only a line naming that very thing (a line on the
        # lab's other rigs does not say whether it has this one)
        # (a line saying others lack it, "most firms have no drop rig", says nothing of the lab's
        # own, unless it names the lab)
        subject = set(stems(question.text[owned.start():owned.start("thing")])) - FORM_WORDS - \
            _HAVING
        lines = [line for line in text.splitlines()
                 if not (_LACKED.search(line) and not subject & set(stems(line)))]
        return _said_of(owned["thing"], None, "\n".join(lines), whole=True)
    if _HOW_RECENT.search(question.text):
        # "how old can a quote be?": an age, a span of time, not that it must be dated
        return bool(SPAN.search(text))
    if LEAD_TIME_ASKED.search(question.text):
        return bool(_PERIOD.search(text))  # "how much notice is needed?": a period
    if question.kind == "amount" and _DISCOUNT_ASKED.search(question.text):
        # "what percentage off the usual price?": a discount stated as one, not any share
        return bool(_DISCOUNT_STATED.search(text))
    if (happens := _WHAT_HAPPENS_IF.search(question.text) or
            _WHAT_HAPPENS_IF.search(question.sentence) or
            _IF_THEN_WHAT_HAPPENS.search(question.sentence)) is not None:
        # "what happens if a payment is late?": a sentence on that case, said as a condition
        # (the case, not the time it falls in: "if a buyer takes us over during the monitoring
        # period" is not answered by a line on selling the kit within that period)
        case = set(stems(_WHEN_IT_FALLS.sub("", happens["case"]))) - FORM_WORDS
        # (not in a heading: "Claims > When are we paid?")
        return any(_CONDITION.search(line) and case & set(stems(line))
                   for line in re.split(r"(?<=[.!?])\s+|\n", text) if " > " not in line)
    if _REPAY_ASKED.search(question.text) and not re.search(r"\bloans?\b", question.text,
                                                             re.IGNORECASE):
        # "would we have to give some of it back?": only a sentence about money returned
        return bool(_REPAY_SAID.search(text))
    if (again := _AGAIN_ASKED.search(question.text)) is not None:
        # "could we have one more voucher?", "may we bid again next year?": a line on having the
        # same support more than once, not on having it at all
        noun = set(stems(again["noun"])) if again["noun"] else set()
        return any(_AGAIN_SAID.search(line) and (not noun or noun & set(stems(line)))
                   for line in text.splitlines())
    if (hours := _HOURS_ASKED.search(question.text)) is not None:
        # "what are the opening hours of the lab?": hours said of that place (not a round
        # closing "at 12:00")
        return _said_of(hours["thing"] or hours["other"] or hours["days"] or "", _CLOCK, text)
    if (office := _OFFICE_ASKED.search(question.text)) is not None:
        return _office_said(office, text)
    if wanted == "name" and _FUNDER_ASKED.search(question.text):
        # "which ministry pays for the scheme?": a line saying who funds it, not one naming
        # who runs it
        return any(_FUNDER_SAID.search(line) and (names_beyond(question.text, line) or
                                                  roles_beyond(question.text, line))
                   for line in text.splitlines())
    if wanted == "name" and (owned := _OWNER_OF_ASKED.search(question.text)) is not None:
        # "who owns the IP?": a line about the thing owned, naming who
        thing = owned["thing"].lower()
        stem_of = re.escape(thing if len(thing) <= 3 else thing[:5])
        return any(re.search(rf"\b{stem_of}", line, re.IGNORECASE) and
                   (names_beyond(question.text, line) or roles_beyond(question.text, line) or
                    _PARTY.search(line))
                   for line in text.splitlines())
    if wanted not in {"figure", "date", "name"}:
        return True
    if nouns:
        return _number_before(nouns, text)
    if _HOW_MUCH_TIME.search(question.text):
        return bool(SPAN.search(text))  # "how much time can we have?": days, not pounds
    if (priced := _PRICE_OF_ASKED.search(question.text)) is not None:
        # "how much would we pay to book the rig?": a price on a line about booking the rig,
        # not another sum the sentences hold
        return _said_of(priced["thing"], _AMOUNT, text)
    if (valued := _VALUE_OF_ASKED.search(question.text)) is not None:
        # "what is a mentoring hour worth?": a sum on a line about that hour, not another sum
        # (nor a heading: "Are the mentoring hours really free?" asks, it does not say), in the
        # same sentence or item ("3 days of advice; vouchers of £500" prices no day)
        return _said_of(valued["thing"] or valued["other"] or valued["counted"], _AMOUNT,
                        "\n".join(part for line in text.splitlines() if " > " not in line
                                  for part in re.split(r"(?<=[.!?;])\s+", line)))
    if _HOW_MUCH.search(question.text) or (wanted == "figure" and
                                           _PRICE_ASKED.search(question.text)):
        return bool(_AMOUNT.search(text))
    if wanted == "name":
        return _role_filled(question.text, text) if _asks_for_holder(question.text) else \
            bool(names_beyond(question.text, text) or roles_beyond(question.text, text))
    if _HOW_LONG.search(question.text) and _LENGTH.search(text):
        return True  # "how long is the runway?": a length answers it too
    if _DURATION_ASKED.search(question.text) or LENGTH_OF_TIME.search(question.text) or \
            _HOW_LONG_IS_X.search(question.text):
        # "the longest time a study may take": a time, not £; and, unless days are counted,
        # a period, not a quantity of something ("12 days of support" says nothing of how
        # long a project may run)
        span = SPAN if _UNITS_COUNTED.search(question.text) else _PERIOD
        if (lasting := _HOW_LONG_X_LASTS.search(question.text) or
                _HOW_LONG_IS_X.search(question.text) or
                _LENGTH_OF_X.search(question.text)) is not None:
            # "how long will the free desk offer run?": a period said of that thing, not
            # of any other
            return _said_of(lasting["thing"], span, text)
        return bool(span.search(text))
    if _HOW_LONG.search(question.text) and not _HOW_LONG_AGO.search(question.text):
        # "how long till the cash reaches us?", "how long is there to spend it?": a period,
        # or the days it runs between, not a date alone or "quarterly"
        return bool(_LENGTH_TOLD.search(text)) or len(_CALENDAR_DAY.findall(text)) >= 2
    day_asked = bool(_DAY_ASKED.search(question.text))
    if _YEAR_ASKED.search(question.text):
        return bool(_YEAR.search(text))  # "what year did the centre open?": a year is enough
    if wanted == "date" and (event := _event_asked(question.text)):
        # "when is the next workshop?": a date beside the workshop, not any date (and the next
        # one is a day, not "monthly")
        calendar = _CALENDAR_DAY if day_asked or re.search(r"\bnext\b", question.text,
                                                           re.IGNORECASE) else _CALENDAR
        # a decision's time may be a period after the event ("within 6 weeks")
        outcome = not day_asked and _OUTCOME_ASKED.search(question.text) is not None
        return any(re.search(event, line, re.IGNORECASE) and (
            calendar.search(line) or (outcome and answer_present("date", line)))
            for line in text.splitlines())
    if day_asked:
        return bool(_CALENDAR_DAY.search(text))  # "what date ...?": a date, not "monthly"
    return answer_present(wanted, text)


# "When's the next open day?", "when does the programme finish?": the thing whose date is asked
_NEXT_EVENT = re.compile(
    r"\b(?:when|(?:what|which)\s+(?:date|day)s?)(?:'s|\s+is|\s+are|\s+will|\s+does|\s+do)\s+"
    r"(?:the|your|our)\s+(?:next\s+)?"
    r"(?:[\w&-]+\s+){0,4}?(?P<event>workshop|event|session|webinar|meeting|open\s+day|"
    r"masterclass|course|intake|cohort|clinic|showcase|visit|tour|seminar|conference|"
    r"call|competition|hackathon|bootcamp|drop-in|panel|report|newsletter|edition|"
    r"publication)s?\b",
    re.IGNORECASE)
_PROGRAMME_ENDS = re.compile(
    r"\bwhen\s+(?:does|do|will|is)\s+(?:the\s+)?(?:[\w&-]+\s+){0,4}?(?P<what>programme|programs?|"
    r"scheme|project|funding|initiative)\s+(?:(?:actually|really|finally|officially)\s+)?"
    r"(?:(?:going\s+to\s+|due\s+to\s+|set\s+to\s+)?"
    r"(?:finish|end|close|stop|wind\s+up|run\s+out|expire)|(?:be\s+)?(?:finishing|ending|"
    r"closing|over|finished|ended))\b", re.IGNORECASE)


# a day of the calendar, not a frequency ("monthly" tells no date)
_CALENDAR_DAY = re.compile(
    # ("may" is a month only as one: "in May", "12 may", "may 2027", not "you may apply")
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May)|may(?=\s+\d)|(?<=\d\s)may|"
    r"june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b(?:19|20)\d\d\b|"
    r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b",
    re.IGNORECASE)
# a day on the calendar, or a day that comes round: not a span ("within 12 months")
_CALENDAR = re.compile(
    rf"{_CALENDAR_DAY.pattern}|"
    r"\b(?:every|each)\s+(?:week|month|quarter|year|spring|summer|autumn|winter)\b|"
    r"\b(?:weekly|monthly|quarterly|annually)\b", re.IGNORECASE)


# a day something runs until: "until 31 March 2029", "to July 2027"
_UNTIL_DAY = re.compile(rf"\b(?:until|till|to|through|by)\s+(?:the\s+)?"
                        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_CALENDAR_DAY.pattern})",
                        re.IGNORECASE)
_LENGTH_TOLD = re.compile(f"{_PERIOD.pattern}|{_UNTIL_DAY.pattern}", re.IGNORECASE)


_OUTCOME_ASKED = re.compile(
    r"\b(?:when|how\s+(?:long|soon|quickly))\s+(?:will|would|do|does|can|should|until)\s+"
    r"(?:we|i)\s+(?:\w+\s+){0,2}?(?:hear|find\s+out|know|be\s+told|get\s+(?:a|an|the|our)\s+"
    r"(?:decision|answer|outcome))\s+(?:back\s+)?(?:whether|if|about|the\s+(?:decision|outcome|"
    r"result))\b", re.IGNORECASE)


def _event_named(match: re.Match[str]) -> str:
    """A pattern for the event `_NEXT_EVENT` found, as a line names it ("webinar", "open
    day")."""
    words = match["event"].lower().split()
    return r"\b" + (r"\s+".join(words) if len(words) > 1 else re.escape(words[0][:5]))


def _event_asked(question: str) -> str | None:
    """A pattern for the words a line must hold beside its date to answer a question on when
    a named event is, or when the programme ends; None for other date questions."""
    if match := _NEXT_EVENT.search(question):
        return _event_named(match)
    if _OUTCOME_ASKED.search(question):
        # "when do we find out if the panel said yes?": a date of the decision, not of
        # the round's close
        return r"\b(?:decision|decide|outcome|result|hear|notif|told|tell\s+you|letter|offer|" \
               r"panel|approv|success|unsuccess|feedback)"
    if (ends := _PROGRAMME_ENDS.search(question)) is not None:
        # said of what was asked about ("the programme"), not of a round in it
        return rf"^(?!.*\brounds?\b)(?=.*\b{ends['what'][:6]}).*\b(?:finish|end|ends|ending|" \
               r"close|closes|closing|until|runs?\s+(?:to|until)|expire|wind)"
    return None


_CLAUSE_NUMBER = re.compile(r"(?m)^\s*\d+(?:\.\d+)+\s+")


def _number_before(nouns: list[str], text: str, reach: int = 4) -> bool:
    """A number (digits or words) within `reach` words before one of the nouns: "12 days",
    "three quotations" for "how many quotes"."""
    # a clause's or a heading's number ("5.5 Vouchers are ...", "> 5. Services") and a sum
    # of money count nothing
    tokens = [t for t in _TOKEN.findall(_CLAUSE_NUMBER.sub("", text.lower()))
              if not t.startswith(("£", "€", "$")) and not t.endswith(".")]
    prefixes = {stem(n)[:4] for n in nouns}
    if len(nouns) > 1:  # "annual work units" is also written "AWU"
        prefixes.add("".join(n[0] for n in nouns)[:4])
    for i, token in enumerate(tokens):
        if stem(token)[:4] not in prefixes:
            continue
        if any(answer_present("figure", t) for t in tokens[max(0, i - reach):i]):
            return True
    return False


class RefusalModel(BaseModel):
    """P(the sentences do not answer) = logistic(bias + sum of weight * standardised signal)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    weights: dict[str, float]
    bias: float
    means: dict[str, float]
    scales: dict[str, float]
    threshold: float = Field(gt=0, lt=1)  # refuse at or above this probability
    fitted: dict[str, object] = Field(default_factory=dict)  # how, on what, when: provenance

    @model_validator(mode="after")
    def _complete(self) -> RefusalModel:
        for table in (self.weights, self.means, self.scales):
            missing = [s for s in SIGNALS if s not in table]
            if missing:
                raise ValueError(f"the refusal model has no value for {', '.join(missing)}")
        if any(self.scales[s] <= 0 for s in SIGNALS):
            raise ValueError("every scale must be above 0")
        return self

    @classmethod
    def bundled(cls) -> RefusalModel:
        text = files("assistant.composer").joinpath("refusal.yaml").read_text(encoding="utf-8")
        return cls.model_validate(yaml.safe_load(text))

    @classmethod
    def read(cls, path: Path) -> RefusalModel:
        return cls.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))

    def probability(self, values: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights[s] * (values[s] - self.means[s]) / self.scales[s]
                            for s in SIGNALS)
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def refuses(self, values: Mapping[str, float]) -> bool:
        return self.probability(values) >= self.threshold
