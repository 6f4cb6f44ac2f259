"""Amounts of money and what each one is: turnover, balance sheet, the amount requested, the
project or consultancy cost, prior public support; and the financial years an award counts in.

- Amounts are GBP unless written with "€", "EUR" or "euro".
- What an amount is comes from the nearest words naming it: in its clause, else the figure it
  corrects, else its sentence. A grant is one asked for, or one received before when the words
  say so. An amount standing alone in a list of facts with a staff count is the turnover.
- A pre-revenue business has a turnover of 0.
- Prior public support is an award of public money: a grant, a voucher, a subsidy. A loan is
  not counted at its face value, since only its subsidy element counts (the lender states it).
  Separate awards are added up, unless one corrects another. An award in a year that ends before
  the current financial year and the two before it (UK financial years start on 1 April) is not
  counted.
- An amount nothing names is left unassigned, for a bare answer to a question about money.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from assistant.business import Money
from assistant.facts.common import (
    CORRECTION_RE,
    LISTED_STAFF,
    NUM,
    Found,
    Message,
    bound,
)
from assistant.facts.numbers import SCALES, to_float
from assistant.facts.trading import MONTH, PRE_REVENUE, month_end, month_number

MoneyField = Literal["turnover", "balance_sheet", "requested_amount", "project_cost",
                     "consultancy_cost", "prior_public_support"]
MONEY_FIELDS: tuple[str, ...] = get_args(MoneyField)


MONEY_AMOUNT = re.compile(
    rf"(?<![\w.,])(?P<pre>£|€|\b(?:gbp|eur)\s?)?(?P<num>{NUM})"
    r"(?:(?P<short>k|m|mn|bn|b)\b|\s?(?P<word>million|billion|thousand|grand|mil|mn|bn)\b)?"
    r"(?:\s?(?P<post>pounds?(?:\s+sterling)?|sterling|euros?|gbp|eur)\b)?", re.I)
# A figure with no currency or multiplier, read as money only right after what it measures.
_BARE_AMOUNT = re.compile(
    r"\b(?:turnover|revenues?|sales|income|billings|balance[\s-]+sheet(?:\s+total)?|"
    r"total\s+assets)(?:\s*(?:of|is|was|were|:|=|-|at|around|about|approximately|roughly|c\.))*\s*"
    rf"(?P<num>{NUM})\b(?![\w%]|\.\d)", re.I)
# What an amount is for, by the words near it. "grant" is resolved to requested or prior.
_MONEY_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("turnover", re.compile(
        # "fee income of £800k", "billings of £900k": what a service firm calls it
        r"\b(?:turnover|turn(?:s|ed|ing)?\s+over|revenues?|sales|takings|income|billings)\b|"
        # "sale last year £1.6m": the singular, as some owners write it, for a year
        r"\bsale\s+(?=(?:last|this|per|a|each)\s+(?:financial\s+)?year\b)|"
        # "fees approx £480k a year": a practice's fees over a year
        r"\bfees\b(?=[^.;!?]{0,30}?\b(?:a|per|each|every)\s+(?:year|annum)\b)|"
        # "she took £60k this year", "it brings in £300k a year": money in over a year
        r"\b(?:took|take|takes|taking|brought|bring|brings|bringing|do|does|did|doing|"
        r"make|makes|made|making|clear|cleared|generate|generated|generates)(?:\s+in)?"
        r"(?=\s+(?:about|around|roughly|approximately|just\s+(?:over|under)|over|under)?\s*"
        r"[£€]?\d[\d,.]*\s*(?:k|m|million|grand|thousand)?\b[^.;!?]{0,20}?"
        r"\b(?:last|this|a|per|each|every|in\s+the\s+last)\s+(?:financial\s+)?(?:year|yr|annum)\b)|"
        # "£95k a year coming in": money in, told after the amount
        r"(?<=year\s)coming\s+in\b|(?<=annum\s)coming\s+in\b",
        re.I)),
    ("balance_sheet", re.compile(
        r"\b(?:balance[\s-]+sheet(?:\s+total)?|balance\s+(?:sum|total)|total\s+assets|"
        r"gross\s+assets|"
        # "turnover 11m, balance 8m": the word alone, just before its amount (not a bank's)
        r"(?<!bank\s)(?<!account\s)(?<!cash\s)balance(?=\s*(?:of|is|was|:|-|=)?\s*(?:£|€|\$|"
        r"eur\b|gbp\b|\d)))\b", re.I)),
    ("consultancy_cost", re.compile(
        # not "funded consultancy", which is support received
        r"(?<!funded\s)(?<!subsidised\s)(?<!free\s)"
        r"\b(?:consult(?:ancy|ants?|ing)|external\s+expert(?:ise|s)|specialist\s+advice|"
        r"advisory)\b", re.I)),
    ("project_cost", re.compile(
        r"\b(?:project|costs?|costing|budget|spen(?:d|ds|ding|t)|invest(?:ment|ing|s)?|capex|purchase|"
        r"quote[ds]?|quotations?|pric(?:e|ed|es|ing)|"
        r"buy(?:ing)?|machine(?:ry|s)?|equipment|kit|robots?|software|tooling|printer|lathe|"
        r"cnc|plant|vehicles?|upgrade|"
        # a price told as one: "£90k all in, ex VAT", "£48k installed"
        r"(?:ex|excl?|excluding|plus|inc|incl?|including)\.?\s*vat|all[\s-]+in|installed|"
        r"install(?:ation)?|"
        # a piece of work priced: "the trial comes to £18,000", "a shelf-life study"
        r"trials?|stud(?:y|ies)|pilots?|prototypes?|testing|feasibility)\b", re.I)),
    ("grant", re.compile(r"\b(?:grants?|vouchers?|funding|award|support|subsid(?:y|ies)|"
                         r"contribution|public\s+money|offer(?:ed)?|"
                         r"(?:funded|subsidised|free)\s+(?:consultancy|consultants?|advice|"
                         r"expert\s+time))\b", re.I)),
    ("prior_public_support", re.compile(
        r"\b(?:de\s+minimis|state\s+aid|"
        r"subsidy\s+control)\b", re.I)),
)
_TURNOVER_WORD = re.compile(r"\b(?:turnover|revenues?|sales|takings|income|billings)\b", re.I)
_ANNUAL = re.compile(r"\s*(?:(?:a|per|each|every)\s+(?:year|annum)|pa\b|p\.a\.|annually|"
                     r"last\s+(?:financial\s+)?year)\b", re.I)
_PER_PERIOD = re.compile(r"\s*(?:(?:a|per|each|every)\s+(?P<unit>month|week)|(?P<unit2>monthly|"
                         r"pcm|weekly))\b", re.I)
_REQUEST = re.compile(
    # "asking the booster for £45k"
    r"\b(?:apply(?:ing)?\s+(?:to\s+[\w-]+\s+)?for|ask(?:ing)?\s+(?:(?:the|a|an|you|them)\s+)?"
    r"(?:[\w-]+\s+){0,2}?for|request(?:ing)?|looking\s+for|seek(?:ing)?|"
    r"hoping\s+for|like|want(?:ing)?|need(?:ing)?|"
    # "we'd be eligible for a £35k grant", "we've been offered £40k": the award to come
    r"qualif(?:y|ies|ying)\s+for|(?:are|is|be|would\s+be)\s+eligible\s+for|entitled\s+to|"
    # "to receive the whole £90k": the award aimed at
    r"to\s+(?:get|receive|obtain|secure|qualify\s+for)|"
    r"(?:get|getting|receive|receiving)\s+(?:the\s+)?(?:full|whole|max|maximum|top))\b", re.I)
# "would we then receive £45k?": an award asked about, not one received
_ASKED_ABOUT = re.compile(
    r"\b(?:could|can|would|will|might)\s+(?:we|i|they|the\s+business)\s+(?:still\s+|then\s+)?"
    r"(?:get|receive|obtain|be\s+(?:given|awarded|offered))\b", re.I)
# An award supposed, to ask what follows from it: "if we won a £60k grant, what would we owe?"
_IF_AWARDED = re.compile(
    r"\b(?:if|suppose|supposing|assuming|say)\s+(?:we|i|they|the\s+business)\s+(?:then\s+)?"
    r"(?:got|get|received|receive|won|win|secured|secure|(?:were|was|are|is)\s+(?:given|awarded|"
    r"offered))\b", re.I)
# ... unless the words date it: "if we got £30k in 2023, does that count?" is a real award
_DATED_PAST = re.compile(r"\b(?:ago|last\s+(?:financial\s+)?(?:year|month)|previous(?:ly)?|"
                         r"already|(?:19|20)\d\d)\b", re.I)


def _supposed(text: str, lo: int, hi: int) -> bool:
    return bool(_IF_AWARDED.search(text, lo, hi)) and not _DATED_PAST.search(text, lo, hi)


_PAST_SUPPORT = re.compile(
    r"\b(?:received|had(?!\s+to\b)|got(?!\s+to\b)|(?:been|were|was)\s+(?:given|awarded)|won|"
    r"secured|obtained|so\s+far|to\s+date|"
    r"gave\s+(?:us|me|the\s+business)|(?:paid|awarded|provided)\s+(?:us|me)|"
    r"previous(?:ly)?|prior|already|last\s+(?:financial\s+)?(?:year|month)|in\s+the\s+(?:past|last)|ago|"
    # "over the past two years", "in three years", "during the last 3 financial years"
    r"(?:over|during|within|across)\s+the\s+(?:past|last|previous)|"
    r"in\s+(?:the\s+)?(?:\d+|two|three|four|five)\s+(?:financial\s+)?years|"
    r"(?:19|20)\d\d)\b", re.I)
_YEAR_ALONE = re.compile(r"(?:19|20)\d\d")
# A thing named right after its price: "a £22k spray booth", "a £9,000 lathe"
_THING_PRICED = re.compile(
    r"\s+(?!(?:of|on|for|to|in|at|from|with|by|and|or|a|an|the|is|was|are|we|our|per|each|that|"
    r"which|this|grant|award|voucher|funding|turnover|sales|a\s+year|pa|k|m|towards?|off|back|"
    r"up|more|please|if|so|but|as|max|maximum|minimum|min|total|in|over|under|or\s+so|ish|"
    r"support|help|money|cash|contribution|investment)\b)[a-z][\w-]*"
    r"(?:\s+[a-z][\w-]*)?\s*(?:[,.;:!?)]|and\b|$|\s+(?:and|for|from|to|which|that)\b)", re.I)
# The words between a noun and the amount it is: "a project of £200k", "kit costing £9,000".
_OF_AMOUNT = re.compile(r"\s+(?:of|costing|worth|valued\s+at|at|totalling|totaling)\s+"
                        r"(?:about\s+|around\s+|roughly\s+|approx\.?\s+|c\.\s*)?", re.I)
# An award still to come: "the offer would be £50k", "if the grant is £40k".
_WOULD_BE = re.compile(r"\b(?:would|will|could|might)\s+(?:be|come\s+to|amount\s+to)\b|"
                       r"\bif\s+(?:the|a|an|our|we)\b(?![^.;!?]{0,30}\b(?:had|received|got)\b)",
                       re.I)
# "a grant towards a £90k machine": the machine's price is not the grant's purpose.
_TOWARDS = re.compile(
    r"\b(?:towards?|to\s+(?:cover|fund|pay\s+for|help\s+with|buy|purchase|invest\s+in))\b", re.I)
# ... and the other way round: "the grant would cover £20k of the costs".
_COVERS = re.compile(r"\b(?:cover|covers|covering|towards?|pay\s+for|fund|funds)\b", re.I)
# An earlier figure given for comparison: "£2.1m, up from £1.8m".
_SUPERSEDED = re.compile(
    r"\b(?:(?:up|down|rising|falling|grown|growing|increased|decreased)\s+from|"
    r"compared\s+(?:to|with)|versus|vs\.?)\s*$", re.I)
_NO_PRIOR_SUPPORT = re.compile(
    r"\b(?:no|zero|without\s+any|(?:have\s+not|haven't|has\s+not|hasn't|never|not)\s+"
    r"(?:had|received|taken|claimed)|never\s+(?:had|received))\s+(?:any\s+|an?\s+)?"
    r"(?:(?:previous|prior|other|past|earlier)\s+)?(?:public\s+)?"
    r"(?:funding|grants?|support|subsid(?:y|ies)|"
    r"de\s+minimis|state\s+aid|public\s+money)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_YEARS_AGO = re.compile(rf"\b(?P<n>{NUM})\s+years?\s+ago\b", re.I)
# A staff count, showing that a list of facts is about the business's size.


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    money: Money


def money_of(match: re.Match[str], text: str) -> Money:
    multiplier = SCALES.get((match["short"] or match["word"] or "").lower(), 1.0)
    amount = to_float(match["num"]) * multiplier + bound(text, match.start())
    currency_words = f"{match['pre'] or ''} {match['post'] or ''}".lower()
    euro = "€" in currency_words or "eur" in currency_words
    return Money(amount=amount, currency="EUR" if euro else "GBP")


def financial_year(day: date) -> int:
    """The calendar year the financial year holding `day` starts in (years start 1 April)."""
    return day.year if (day.month, day.day) >= (4, 1) else day.year - 1


def _financial_window_start(today: date) -> date:
    """The first day of the financial year two before the current one."""
    return date(financial_year(today) - 2, 4, 1)


def _support_date(text: str, today: date) -> date | None:
    """The latest day an award can have been received on, when the words say: the end of
    the month named with its year ("in February 2024"), else the end of the year."""
    if match := _MONTH_YEAR.search(text):
        return month_end(int(match["year"]), month_number(match["month"]))
    if (match := _DAY_MONTH_YEAR.search(text)) and 1 <= int(match["month"]) <= 12:
        return month_end(int(match["year"]), int(match["month"]))  # "15/03/2024", UK order
    if match := _YEAR.search(text):
        return date(int(match[0]), 12, 31)
    if match := _YEARS_AGO.search(text):
        return date(today.year - int(to_float(match["n"])), 12, 31)
    if re.search(r"\blast\s+year\b", text, re.I):
        return date(today.year - 1, 12, 31)
    return None


_DAY_MONTH_YEAR = re.compile(r"\b\d{1,2}[/.](?P<month>\d{1,2})[/.](?P<year>(?:19|20)\d\d)\b")
_MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH})\.?,?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)


_OTHER_CURRENCY_BEFORE = re.compile(r"(?:\$|\busd\s?|\bus\$\s?|¥|\bchf\s?)$", re.I)
_OTHER_CURRENCY_AFTER = re.compile(r"\s*(?:(?:us\s+)?dollars?|usd|bucks|yen|swiss\s+francs?)\b",
                                   re.I)


def amounts_in(msg: Message, start: int = 0, end: int | None = None) -> list[Amount]:
    end = len(msg.text) if end is None else end
    amounts = []
    for match in MONEY_AMOUNT.finditer(msg.text, start, end):
        if _OTHER_CURRENCY_BEFORE.search(msg.text, max(0, match.start() - 4), match.start()) or \
                _OTHER_CURRENCY_AFTER.match(msg.text, match.end()):
            # "$60m": a currency the policy gives no rate for is not taken for pounds; the
            # figure is left unread, so that it is asked for
            msg.claim(*match.span())
            continue
        if not (match["pre"] or match["short"] or match["word"] or match["post"]):
            continue
        if not msg.claimed(*match.span()):
            amounts.append(Amount(match.start(), match.end(), money_of(match, msg.text)))
    for match in _BARE_AMOUNT.finditer(msg.text, start, end):
        span = match.span("num")
        value = to_float(match["num"])
        if value >= 1000 and not msg.claimed(*span) and not any(
                a.start <= span[0] < a.end for a in amounts):
            amounts.append(Amount(*span, Money(amount=value)))
    return sorted(amounts, key=lambda a: a.start)


# Words between an amount and the noun it qualifies, in one noun phrase: "£90,000 booster",
# "a £60,000 Smart Factory Project grant"
_SAME_PHRASE = re.compile(r"\s*(?:-\s*)?(?:(?!(?:of|on|for|to|in|at|from|with|by|and|or|a|an|the|"
                          r"is|was|are|we|our|per|each|that|which|this|"
                          # a question begun after the amount: "£35,000 - how much grant ...?"
                          r"how|what|much|many|would|could|can|will|do|does|did)\b)"
                          r"[a-z][\w-]*\s+){1,4}", re.I)


# a cost word leading to its own amount: "a consultant quoting £40,000", "training at £2k"
_LEADS_TO = re.compile(r"\s*(?:[\w'-]+\s+){0,3}?(?:quoting|quoted|quotes?|costing|costs?|"
                       r"priced\s+at|at|charging|charges?|wants?|asking|ask|for|of|is|are|=|:|-|–|"
                       r"(?:come|comes|came)\s+(?:in\s+)?(?:to|at)|reckon|estimated?)\s*", re.I)


_FOR_A_STAKE = re.compile(
    r"\s*(?:for|in\s+(?:exchange|return)\s+for)\s+(?:a\s+|an\s+)?(?:\d+(?:\.\d+)?\s*%\s+|"
    r"(?:minority|majority|equity|small)\s+)?(?:stake|share(?:holding)?s?|equity|of\s+(?:the|our)\s+"
    r"(?:shares|company|business))\b", re.I)
_OF_COSTS = re.compile(r"\s*(?:of|in)\s+(?:(?:eligible|qualifying|total|project|capital)\s+){1,2}"
                       r"(?:costs?|spend(?:ing)?|expenditure)\b", re.I)


def nearest_role(msg: Message, amount: Amount, lo: int, hi: int,
                 others: list[Amount], roles: tuple[str, ...] | None = None) -> str | None:
    """The role of the nearest word naming what an amount is, within [lo, hi); a cue with
    another amount between it and this one belongs to that other amount."""
    text, best = msg.text, None
    if (roles is None or "project_cost" in roles) and _OF_COSTS.match(text, amount.end):
        return "project_cost"  # "a grant on £90,000 of eligible costs": the amount is costs
    for role, cue in _MONEY_CUES:
        if roles is not None and role not in roles:
            continue
        for match in cue.finditer(text, lo, hi):
            if match.start() < amount.end and amount.start < match.end():
                continue
            after = match.start() >= amount.end
            a, b = (amount.end, match.start()) if after else (match.end(), amount.start)
            if any(a <= o.start and o.end <= b for o in others if o is not amount):
                continue
            if after and not _SAME_PHRASE.fullmatch(text, a, b) and any(
                    _LEADS_TO.fullmatch(text, match.end(), o.start)
                    for o in others if o is not amount and o.start >= match.end()):
                continue  # "..., and a consultant quoting £40,000": the word leads the next one
            if after and _TOWARDS.search(text, a, match.end()):
                continue
            if not after and role == "grant" and _COVERS.search(text, a, b):
                continue  # "what would the voucher cover of an £8,000 study": a cost
            if not after and role == "grant" and _LIST_OPENS.fullmatch(text, a, b):
                continue  # "our list for the grant: a saw £9k, ...": the item's price
            distance = b - a
            if not after and _OF_AMOUNT.fullmatch(text, a, b):
                distance = -distance  # "a project of £200k", "machinery costing £90k"
            if after and _SAME_PHRASE.fullmatch(text, a, b):
                # the noun the amount qualifies: "a £70k automation project"; of two, the last
                # is the head ("a £60k Smart Factory Project grant" is a grant)
                distance = -distance
            if best is None or distance < best[0]:
                best = (distance, role)
    if best is not None:
        if best[1] == "project_cost" and (roles is None or "consultancy_cost" in roles) and \
                _ADVISER_PRICES.search(text, max(lo, amount.start - 80), amount.start):
            return "consultancy_cost"  # "a consultant who's quoted £35k": the adviser's price
        return _resolve(msg, best[1], lo, hi)
    if roles is None and (wanted := _REQUEST.search(text, lo, hi)):
        # "we'd like a £22k spray booth", "after a new lathe, about 60k": the price of a
        # thing wanted, not the award
        before = _THING_BEFORE.fullmatch(text, wanted.end(), amount.start)
        return "project_cost" if _THING_PRICED.match(text, amount.end) or (
            before is not None and not _AWARD_NOUNS.search(before[0])) else "requested_amount"
    return None


# a list opened after the word, with a thing named before the amount: "for the grant: a tube
# laser £70k" (not "Grant requested: about £70k")
_LIST_OPENS = re.compile(
    r"[^:\n]{0,25}:\s*(?!(?:about|around|roughly|approx\w*|circa|c\.|up\s+to|some|just|"
    r"maybe|est\w*|total|gbp)\b)(?:an?\s+|the\s+|one\s+)?[A-Za-z][\w-]*(?:\s+[\w-]+){0,4}?"
    r"\s*(?:at|for|costing|priced\s+at|@|[-–])?\s*", re.I)


# a thing named between the wish and its price: "we'd like a new lathe about £60k"
_THING_BEFORE = re.compile(
    r"\s+(?:an?|the|some|new|another|second|extra|two|three)\s+(?:[\w-]+\s+){0,7}?(?:[\w-]+\s*)?"
    r"(?:(?:at|for|about|around|roughly|costing|priced\s+at|worth|of)\s+|[,–-]\s*|"
    # "a filling line (about £45k)"
    r"\(\s*(?:(?:about|around|roughly|approx\.?|circa|c\.)\s*)?)?", re.I)
_AWARD_NOUNS = re.compile(r"\b(?:grants?|awards?|vouchers?|funding|contribution|sum|amount|"
                          r"money|support|subsidy|help)\b", re.I)
# an adviser's own price, right before its amount: "the consultancy has quoted £12k"
_ADVISER_PRICES = re.compile(
    r"\bconsult(?:ancy|ants?|ing)(?:\s+firm|\s+company)?\s+(?:(?:who|that|which)(?:'s|’s|\s+has|"
    r"\s+have|\s+is|\s+are)?\s+|(?:has|have|is|are)\s+|'s\s+|’s\s+)?(?:quoted|quotes?|priced|"
    r"charg\w+|costs?|costing|asking|want(?:s|ing)?)\s+(?:us\s+)?"
    r"(?:(?:at|about|around|roughly|for)\s+)?$", re.I)


# a figure the business hopes to reach, named before it in its clause
_GOAL = re.compile(r"\b(?:target|targets|targeting|goal|ambition|aim|aiming|aims|forecast|"
                   r"forecasts|forecasting|projected|projecting|projection|reach|grow\s+to)\b"
                   r"[^.;,!?]{0,30}$", re.I)


# the award aimed at, right before its amount: "what must we spend to get the full £80k?"
_AIMED_AT = re.compile(
    r"\bto\s+(?:get|receive|secure|obtain|be\s+(?:given|awarded))\s+(?:the\s+|a\s+)?"
    r"(?:full|whole|maximum|max|top|biggest|largest|highest)\s+(?:grant\s+of\s+)?$", re.I)


def _role_of(msg: Message, amount: Amount, amounts: list[Amount],
             previous: tuple[Amount, str] | None) -> str | None:
    """What an amount is, from the words nearest it: in its clause, else the figure it
    corrects, else its sentence."""
    clause = msg.clause(amount.start, amount.end)
    if _ANNUAL.match(msg.text, amount.end) and _TURNOVER_WORD.search(msg.text, clause[0],
                                                                     amount.start):
        return "turnover"  # "turnover since we moved the line is at £1.1m a year"
    if _AIMED_AT.search(msg.text, clause[0], amount.start):
        return "requested_amount"
    if _GOAL.search(msg.text, clause[0], amount.start) and \
            _TURNOVER_WORD.search(msg.text, clause[0], amount.end + 30):
        return None  # "our turnover target is £6m by 2030": a figure hoped for, not had
    if role := nearest_role(msg, amount, *clause, amounts):
        return role
    if previous and CORRECTION_RE.search(msg.text, previous[0].end, amount.start):
        return previous[1]
    sentence = msg.sentence(amount.start, amount.end)
    return nearest_role(msg, amount, *sentence, amounts)


def _previous_end(msg: Message, amount: Amount, amounts: list[Amount]) -> int:
    """Where the words that lead to `amount` start: after the amount before it in its
    sentence, else at the sentence's start."""
    lo = msg.sentence(amount.start)[0]
    return max([lo, *(a.end for a in amounts if lo <= a.end <= amount.start)])


def _only_role_mentioned(msg: Message) -> str | None:
    """The one kind of amount a message speaks of, if only one: "Our turnover? About £2m."."""
    mentioned = {_resolve(msg, role, 0, len(msg.text)) for role, cue in _MONEY_CUES
                 if cue.search(msg.text)}
    return mentioned.pop() if len(mentioned) == 1 else None


def _resolve(msg: Message, role: str, lo: int, hi: int) -> str:
    """A grant is one asked for, or one received before when the words say so."""
    if role != "grant":
        return role
    said = [m[0] for m in _PAST_SUPPORT.finditer(msg.text, lo, hi)]
    if said and all(_YEAR_ALONE.fullmatch(word) for word in said) and (
            _REQUEST.search(msg.text, lo, hi) or _WOULD_BE.search(msg.text, lo, hi)):
        # "should we apply for a £45k grant on 3 May 2027": the day of an application, not of
        # an award had
        return "requested_amount"
    if said and not _ASKED_ABOUT.search(msg.text, lo, hi) and not _supposed(msg.text, lo, hi):
        return "prior_public_support"
    if _WOULD_BE.search(msg.text, lo, hi):
        return "requested_amount"  # "the offer would be £50k": one to come
    if not (_REQUEST.search(msg.text, lo, hi) or _ASKED_ABOUT.search(msg.text, lo, hi)):
        # the second of a list of awards received: "a council gave us £15k in May and a
        # £12k voucher this year"
        start = msg.sentence(lo)[0]
        past = list(_PAST_SUPPORT.finditer(msg.text, start, lo))
        if past and not _REQUEST.search(msg.text, past[-1].end(), lo):
            return "prior_public_support"
    return "requested_amount"


_A_YEAR_AFTER = re.compile(r"\s*(?:a|per|each|every)\s+(?:year|yr|annum)\b|\s*p\.?\s?a\.?(?!\w)|"
                           r"\s+annually\b|\s*/\s*(?:year|yr)\b", re.I)
# a figure the owner quotes from the guidance, not one of the business's own
_A_LIMIT_QUOTED = re.compile(
    r"\s+(?:(?:on|in|from)\s+(?:your|the)\s+(?:web\s*site|site|guidance|rules|page|leaflet|"
    r"notes|faqs?)|(?:limit|threshold|ceiling)\b|"
    # "to reach the £150k max": the award's own maximum, named by its figure
    r"(?:max|maximum|cap)\b(?!\s+(?:of|on)\s+(?:our|my)\b))", re.I)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+plus\s+)\s*", re.I)
# ... or with the date each came, between: "£30,000 in June 2025, £12,000 in 2026"
_DATED_LIST_JOIN = re.compile(
    r"\s*(?:(?:in|on|during|from|back\s+in)\s+(?:(?:early|late|mid)[\s-]+)?"
    # (the day too: "£30,000 on 4 February 2025, £12,500 on 19/08/2025")
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{MONTH}\s+|\d{{1,2}}/\d{{1,2}}/)?"
    r"(?:19|20)\d\d)?"
    + _LIST_JOIN.pattern, re.I)
# ... or with the date each came before it, as a record is written: "March 2025, £20,000
# capital grant; May 2026, £8,000"
_DATE_FIRST_JOIN = re.compile(
    rf"(?:\s+[a-z][\w-]*){{0,3}}\s*[;,]\s*(?:and\s+)?(?:(?:in|on)\s+)?(?:{MONTH}\s+)?"
    r"(?:19|20)\d\d\s*[,:\-–]?\s*", re.I)
# a date standing just before an amount, at the start of its entry: "; June 2024, £70,000"
_DATE_JUST_BEFORE = re.compile(rf"(?:^|[;:\n])\s*(?:(?:in|on)\s+)?(?:(?:{MONTH})\.?\s+)?"
                               r"(?:19|20)\d\d\s*[,:\-–]?\s*$", re.I)


@dataclass(frozen=True)
class InKind:
    """Support in kind the policy values a unit ("Expert Help day", GBP 900): `pattern`
    finds a number of units ("9 Expert Help days", "12 days of funded Expert Help")."""

    pattern: re.Pattern[str]
    value_gbp: float

    @classmethod
    def of(cls, kind: str, unit: str, value_gbp: float) -> InKind:
        # a long word may be shortened as owners write it: "tech support days"
        words = r"\s+".join(
            re.escape(w) if len(w) < 7 else f"{re.escape(w[:4])}(?:{re.escape(w[4:])})?"
            for w in kind.split())
        units = rf"{re.escape(unit)}s?"
        # a count, not a year; the words between are words, not another number
        count = (r"\b(?!(?:19|20)\d\d\b)(?P<n>" + NUM + r")\s+"
                 # "4 of our 12 days": the 4 used
                 r"(?:of\s+(?:our|the|its|their|my|your)\s+(?:\d+\s+)?)?")
        if words.lower() == re.escape(unit).lower():  # a unit named alone: "9 site visits"
            pattern = rf"{count}(?:[a-z][\w-]*\s+){{0,3}}?{units}\b"
        else:
            pattern = (rf"{count}(?:(?:[a-z][\w-]*\s+){{0,3}}?{words}\s+{units}|"
                       rf"{units}\s+of\s+(?:[a-z][\w-]*\s+){{0,2}}?{words})\b")
        return cls(re.compile(pattern, re.I), value_gbp)


# Support in kind had already: "we've used 4 of our days", "we had 9 days last year"
_USED = re.compile(r"\b(?:had|used|received|got|taken|took|completed|drawn|claimed|already|"
                   r"gave|given|history|record|so\s+far|to\s+date)\b", re.I)


# support still to come, not had: "and we'd like 5 days of expert time"
_WANTED = re.compile(r"\b(?:want|wants|wanted|like|need|needs|hope|hoping|plan|planning|apply|"
                     r"applying|ask|asking|get|would|will|could|might)\b", re.I)


# the value said straight after: "(about £7,200)", "worth £6,000", ", i.e. £3,600"
_VALUED_AFTER = re.compile(
    r"[\s(,:=-]*(?:(?:so|i\.?e\.?|which\s+is|that's|that\s+is|worth|valued\s+at|at|"
    r"totall?ing|making|about|around|roughly|approx\w*)[\s,.]+)*[£€]", re.I)


def _in_kind_had(msg: Message, in_kind: Sequence[InKind]) -> list[Found[Money]]:
    """The value of the support in kind a business says it has had, at the policy's rate."""
    found = []
    for item in in_kind:
        for match in item.pattern.finditer(msg.text):
            lo, hi = msg.clause(match.start(), match.end())
            # the verb may be the list's, earlier in the sentence: "we had a £50k grant in
            # 2024, £20k in 2025 and 8 days from the hub"
            told = _USED.search(msg.text, lo, hi) or (
                _USED.search(msg.text, msg.sentence(match.start())[0], lo)
                and not _WANTED.search(msg.text, lo, hi))
            if msg.claimed(*match.span("n")) or not told:
                continue
            if _VALUED_AFTER.match(msg.text, match.end()):
                continue  # "6 days (about £7,200)": the amount after it says what it is worth
            msg.claim(*match.span())
            count = to_float(match["n"])
            more = _MORE_OF_THEM.match(msg.text, match.end())
            if more is not None and not msg.claimed(*more.span("n")):
                # "3 expert days in May, then 2 more in June": the unit said once
                msg.claim(*more.span())
                count += to_float(more["n"])
            found.append(Found(match.start(), match.end(),
                               Money(amount=count * item.value_gbp)))
    return found


# more of the same units, their name left out: "... and 5 more in September", ", plus 2 more"
_MORE_OF_THEM = re.compile(
    r"(?:[^.;!?£€\d]|(?:19|20)\d\d){0,40}?(?:,\s*|\s+)(?:and|plus|then|with)\s+"
    rf"(?:another\s+|a\s+further\s+)?(?P<n>{NUM})\s+(?:more|extra|further)\b"
    r"(?=\s*(?:$|[.,;:!?)]|(?:days?|sessions?|hours?|visits?|in|on|during|from|last|this|"
    r"earlier|later|since|so|at|over)\b))", re.I)


def read_money(msg: Message, today: date, in_kind: Sequence[InKind] = (),
               award_day: date | None = None) -> tuple[dict[str, Money], list[Amount]]:
    """The amounts a message states, by what each is; `in_kind` values the support in kind it
    says it has had as earlier public support. Earlier support counts in the financial years
    that the award would be made in (`award_day`, when the business says when it will apply;
    else today)."""
    amounts = amounts_in(msg)
    found: dict[str, list[Found[Money]]] = {name: [] for name in MONEY_FIELDS}
    unassigned: list[Amount] = []
    previous: tuple[Amount, str] | None = None
    listed = _listed_roles(msg, amounts)
    for amount in amounts:
        msg.claim(amount.start, amount.end)
        if _SUPERSEDED.search(msg.text, max(0, amount.start - 30), amount.start) or \
                _A_LIMIT_QUOTED.match(msg.text, amount.end):
            continue  # (a figure from the guidance: "is that over the £43m limit?")
        if _FOR_A_STAKE.match(msg.text, amount.end):
            continue  # "an angel put in £90k for 15% of the shares": shares bought, no grant had
        role = listed.get(amount.start)
        if role is None and _listed_alone(msg, amount):
            role = "turnover"  # "26 staff, £3m, trading 4 years": the business's size
        role = role or _role_of(msg, amount, amounts, previous)
        if role == "requested_amount" and \
                OWN_TIME.search(msg.text, *msg.clause(amount.start, amount.end)):
            role = None  # "our own staff time £5k": what the time costs, not the award
        if role is None and _A_YEAR_AFTER.match(msg.text, amount.end) and \
                not msg.about_another_business(amount.start):
            role = "turnover"  # "9 of us, around 700k a year": what comes in over a year
        if role in (None, "requested_amount") and previous and previous[1] == "project_cost" \
                and _another_item(msg, previous[0], amount):
            role = "project_cost"  # "a lathe, £48,000, and £5,000 for fitting"
        if role in (None, "requested_amount") and _priced_each(msg, amount.start, amount.end) \
                and not _AWARD_AFTER.match(msg.text, amount.end):
            role = "project_cost"  # "three kilns at £12k each": items bought
        if role is None:
            unassigned.append(amount)
            continue
        previous = (amount, role)
        if role in ("turnover", "balance_sheet") and msg.about_another_business(amount.start):
            continue
        if role == "prior_public_support":
            clause = msg.text[slice(*msg.clause(amount.start, amount.end))]
            when = _support_date(clause, today)
            entry = msg.text[_previous_end(msg, amount, amounts):amount.start]
            if when is None and (dated := _DATE_JUST_BEFORE.search(entry)):
                when = _support_date(dated[0], today)
            if when is not None and when < _financial_window_start(max(award_day or today,
                                                                       today)):
                amount = Amount(amount.start, amount.end, Money(amount=0))
        if role == "turnover" and (rate := _PER_PERIOD.match(msg.text, amount.end)):
            # "sales of about £35k a month": a year's turnover is twelve of them
            per_year = 52 if (rate["unit"] or rate["unit2"]).lower().startswith("w") else 12
            amount = Amount(amount.start, amount.end,
                            amount.money.model_copy(
                                update={"amount": amount.money.amount * per_year}))
        found[role].append(Found(amount.start, amount.end, amount.money))
    _spent_beside_consultancy(msg, found, unassigned)
    _first_item_before(msg, found, unassigned)
    if not found["project_cost"] and not found["requested_amount"]:
        _thing_priced(msg, found, unassigned)
    # an amount with nothing near it, in a message about one thing that no other amount
    # has stated
    only = _only_role_mentioned(msg)
    if only == "requested_amount" and _COVERS.search(msg.text):
        only = None  # "what would the voucher cover of an £8,000 study?": not the voucher
    # (not the price of the business's own time: "and our own staff time £5k. What grant?")
    loose = [a for a in unassigned if not OWN_TIME.search(msg.text, *msg.clause(a.start, a.end))]
    if only is not None and not found[only] and loose:
        found[only].append(Found(loose[-1].start, loose[-1].end, loose[-1].money))
        unassigned.remove(loose[-1])
    found["prior_public_support"] += _in_kind_had(msg, in_kind)
    for match in _NO_PRIOR_SUPPORT.finditer(msg.text):
        found["prior_public_support"].append(
            Found(match.start(), match.end(), Money(amount=0)))
    if PRE_REVENUE.search(msg.text) and not found["turnover"]:
        found["turnover"].append(Found(0, 0, Money(amount=0)))
    found["project_cost"] = _items_added(msg, found["project_cost"])
    values = {name: msg.took(name, items) for name, items in found.items()}
    values["prior_public_support"] = _prior_total(msg, found["prior_public_support"])
    values["project_cost"] = _with_consultancy(msg, found, values["project_cost"])
    return {k: v for k, v in values.items() if v is not None}, unassigned


# One more item of a project after another: "£48,000 for the lathe and £5,000 to fit it"
_NEXT_ITEM = re.compile(r"\s*(?:[\w-]+\s+){0,5}?(?:and|plus|\+|,)\s*(?:(?:another|a\s+further|"
                        r"an\s+extra|then|also)\s+)?(?:an?\s+)?"
                        # the next item named before its price: "and a vision system at £22,500"
                        r"(?:(?:[\w-]+\s+){1,5}?(?:(?:at|for|costing|priced\s+at|@|:|-|–)\s*)?)?",
                        re.I)
# Costs listed side by side: "a lathe £40k, a saw £12k" (not alternatives: "£40k, or £45k")
_LISTED_NEXT = re.compile(r"[^.;!?]*?[,;(][^.;!?]*", re.I)
_ALTERNATIVE = re.compile(r"\b(?:or|maybe|perhaps|possibly|either|instead|rather|versus|vs|"
                          r"between|to)\b|[-–]\s*$", re.I)
# the business's own people's time, costed: "£2k for our own staff hours"
OWN_TIME = re.compile(r"\b(?:our|my|its)\s+own\s+(?:[\w']+\s+){0,2}?(?:time|hours|labour|labor|"
                       r"staff|people|engineers'?|team|employees'?)|\bin-house\s+(?:time|labour|"
                       r"labor|staff|hours)\b", re.I)
_AWARD_AFTER = re.compile(r"\s*(?:of\s+)?(?:grants?|funding|awards?|vouchers?|support)\b", re.I)
# A total given with the items: "£70k in all", "a total of £90,000", "£80k, of which"
_TOTAL = re.compile(r"\b(?:total|totals|totalling|in\s+all|altogether|overall|all\s+in|"
                    r"of\s+which|including|includes|inclusive|out\s+of|comes?\s+to|"
                    r"adds?\s+up\s+to|sum\s+of)\b", re.I)
# "2 cobots at £27.5k each": a count of items at a price each
_COUNT_AT = re.compile(r"\b(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\s+"
                       r"(?:[\w-]+\s+){1,3}?(?:at|@|for|costing|priced\s+at)\s*$", re.I)
_EACH = re.compile(r"\s*(?:each|apiece|a\s+piece|per\s+(?:unit|item|machine|robot))\b", re.I)
_SMALL_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}


def _another_item(msg: Message, before: Amount, amount: Amount) -> bool:
    """Whether `amount` is one more item of the project `before` is part of: in the same
    sentence, joined to it, and not itself an award."""
    if msg.sentence(before.start) != msg.sentence(amount.start):
        return False
    if not _NEXT_ITEM.fullmatch(msg.text, before.end, amount.start) or \
            _AWARD_AFTER.match(msg.text, amount.end) or \
            OWN_TIME.search(msg.text, *msg.clause(amount.start, amount.end)) or \
            _TOTAL.search(msg.text, before.end, amount.start):
        # (the business's own people's time is not bought; "including £15k" is a part)
        return False
    # the words between name no other kind of amount: not "... and the grant we want is £27k"
    return not any(cue.search(msg.text, before.end, amount.start)
                   for role, cue in _MONEY_CUES if role != "project_cost")


def _first_item_before(msg: Message, found: dict[str, list[Found[Money]]],
                       unassigned: list[Amount]) -> None:
    """An amount with no word of its own that opens a list of the project's items: "a kiln for
    £20k and the software for £5k" (the cost word comes with the second). Read from the last
    back, so that a list of several ("a laser £48k, a van £32k, software £9k") is taken in
    whole, each item joined to the one after it."""
    for amount in sorted(unassigned, key=lambda a: a.start, reverse=True):
        after = [f for f in found["project_cost"] if f.start >= amount.end
                 and msg.sentence(f.start) == msg.sentence(amount.start)]
        if not after:
            continue
        first = min(after, key=lambda f: f.start)
        if _another_item(msg, amount, Amount(first.start, first.end, first.value)) and \
                not OWN_TIME.search(msg.text, *msg.clause(amount.start, amount.end)):
            found["project_cost"].append(Found(amount.start, amount.end, amount.money))
            unassigned.remove(amount)


# a thing, then the word that prices it, right before an amount that nothing else names: "a new
# paint booth is £300k fitted", "a folding machine that's £61,500"
_THING_THEN_PRICE = re.compile(
    r"\b(?:a|an|the|this|that|our|new)\s+(?P<thing>(?:(?!(?:is|are|was|were|that|which|we|i|our|"
    r"it)\b)[\w-]+\s+){0,4}?[\w-]+)\s*(?:,\s*)?(?:that's|that\s+is|which\s+is|which\s+costs|"
    r"is|are|costs?|costing|at|for|priced\s+at|comes?\s+(?:in\s+)?(?:to|at)|will\s+(?:be|cost)|"
    r"would\s+(?:be|cost)|[:–-])\s*(?:about|around|roughly|approx(?:imately)?|circa|c\.|"
    r"just\s+(?:over|under)|under|over|some)?\s*$", re.I)
# ... but not money of another kind, nor another business
_NOT_A_THING = re.compile(
    r"\b(?:turnover|sales|revenues?|income|profits?|loans?|overdraft|debts?|rent|salar\w*|wages?|"
    r"deposit|grants?|awards?|vouchers?|funding|balance|assets|company|business|firm|group|"
    r"parent|customers?|clients?|contracts?|orders?|bills?|invoices?|payroll|valuation|worth|"
    r"year|month|week|limit|cap|maximum|minimum|max|min|threshold|ceiling)\b", re.I)


def _thing_priced(msg: Message, found: dict[str, list[Found[Money]]],
                  unassigned: list[Amount]) -> None:
    """The one amount nothing names that prices a thing told just before it: the project's
    cost, when the message states no cost and no award wanted."""
    priced = []
    for amount in unassigned:
        start, _ = msg.sentence(amount.start)
        lead = _THING_THEN_PRICE.search(msg.text, start, amount.start)
        if lead is not None and not _NOT_A_THING.search(lead["thing"]) and \
                amount.money.amount >= 1000 and not msg.about_another_business(amount.start):
            priced.append(amount)
    if len(priced) == 1:
        found["project_cost"].append(Found(priced[0].start, priced[0].end, priced[0].money))
        unassigned.remove(priced[0])


def _items_added(msg: Message, items: list[Found[Money]]) -> list[Found[Money]]:
    """The project's items in one sentence added up ("two cobots at £27.5k each and a £9k
    licence" is £64,000), unless the sentence gives the total itself or corrects a figure."""
    if not items:
        return items
    last = max(items, key=lambda f: f.start)
    sentence = msg.sentence(last.start)
    group = sorted((f for f in items if msg.sentence(f.start) == sentence), key=lambda f: f.start)
    each = [_times_each(msg, f) for f in group]
    if len(group) < 2 and each[0] == group[0].value.amount:
        return items
    text = msg.text[slice(*sentence)]
    if _TOTAL.search(text) or CORRECTION_RE.search(text) or \
            len({f.value.currency for f in group}) > 1:
        return items
    if any(not _joined(msg.text[a.end:b.start]) for a, b in itertools.pairwise(group)):
        return items
    total = Money(amount=sum(each), currency=group[0].value.currency)
    return [f for f in items if f not in group] + [Found(group[0].start, last.end, total)]


def _joined(between: str) -> bool:
    """Whether the words between two costs add the second to the first: "plus", "and", or a
    list's comma ("a lathe £40k, a saw £12k"), but not an alternative ("£40k, or £45k")."""
    if _ADDED.search(between):
        return True
    return bool(_LISTED_NEXT.fullmatch(between)) and not _ALTERNATIVE.search(between)


def _priced_each(msg: Message, start: int, end: int) -> re.Match[str] | None:
    """The count before a price each: "3 robots at £20k each"."""
    count = _COUNT_AT.search(msg.text, max(0, start - 60), start)
    return count if count is not None and _EACH.match(msg.text, end) else None


def _times_each(msg: Message, item: Found[Money]) -> float:
    """An item's cost, times the count when it is a price each ("3 robots at £20k each")."""
    count = _priced_each(msg, item.start, item.end)
    if count is None:
        return item.value.amount
    n = count["n"].lower()
    return item.value.amount * (_SMALL_COUNTS.get(n) or int(n))


# An amount spent on something: "£35k on a new press", "£20,000 for a laser cutter".
_SPENT_ON = re.compile(r"\s+(?:on|for)\s+(?:(?:an?|the|new|some|two|three|our|more)\s+)*[a-z]",
                       re.I)


def _spent_beside_consultancy(msg: Message, found: dict[str, list[Found[Money]]],
                              unassigned: list[Amount]) -> None:
    """An amount spent on something with no cost word near it, in a sentence that states the
    consultancy, is the rest of the project: "£35k on a new press and £40k on consultants"."""
    if found["project_cost"] or len(found["consultancy_cost"]) != 1:
        return
    advice = found["consultancy_cost"][0]
    for amount in list(unassigned):
        if msg.sentence(amount.start) == msg.sentence(advice.start) and \
                _SPENT_ON.match(msg.text, amount.end):
            found["project_cost"].append(Found(amount.start, amount.end, amount.money))
            unassigned.remove(amount)
            return


# Costs added together: "£62,000 of kit plus £18,000 of consultancy".
_ADDED = re.compile(r"\b(?:plus|and|n|as\s+well\s+as|on\s+top\s+of|with|besides)\b|[+&]", re.I)


def _with_consultancy(msg: Message, found: dict[str, list[Found[Money]]],
                      project: Money | None) -> Money | None:
    """The project's whole cost: a cost stated alongside consultancy, added to it ("£62,000 of
    kit plus £18,000 of consultancy" is an £80,000 project, of which £18,000 is
    consultancy); a total the consultancy is part of ("£80k, of which £18k is consultancy")
    stays as it is."""
    if project is None or len(found["project_cost"]) != 1 or len(found["consultancy_cost"]) != 1:
        return project
    cost, advice = found["project_cost"][0], found["consultancy_cost"][0]
    first, second = sorted((cost, advice), key=lambda f: f.start)
    if msg.sentence(first.start) != msg.sentence(second.start):
        return project
    between = msg.text[first.end:second.start]
    # "Kit £56k, consultants £30k": listed side by side, added; "£80k, £18k of it consultancy"
    # is a part of the first
    if not (_ADDED.search(between) or re.fullmatch(r"\s*[,;]\s*[\w\s-]{0,25}", between)) or \
            re.search(r"\b(?:of\s+which|including|includes|within|out\s+of)\b", between, re.I) \
            or re.match(r"\s*(?:of\s+(?:it|that|this|which|the\s+total|the\s+project)|is\s+for)\b",
                        msg.text[second.end:], re.I):
        return project
    if cost.value.currency != advice.value.currency:
        return project
    return Money(amount=cost.value.amount + advice.value.amount, currency=cost.value.currency)


def _listed_roles(msg: Message, amounts: list[Amount]) -> dict[int, str]:
    """Amounts listed together share the role one of them is given: "£9,000, £31,500 and
    £2,750 of state aid" are three amounts of state aid, as are "grants of £15k and £5k"."""
    chains: list[list[Amount]] = []
    for amount in amounts:
        if chains and (_DATED_LIST_JOIN.fullmatch(msg.text, chains[-1][-1].end, amount.start)
                       or _DATE_FIRST_JOIN.fullmatch(msg.text, chains[-1][-1].end,
                                                     amount.start)):
            chains[-1].append(amount)
        else:
            chains.append([amount])
    roles: dict[int, str] = {}
    for chain in chains:
        if len(chain) < 2:
            continue
        given = {nearest_role(msg, a, *msg.clause(a.start, a.end), amounts) for a in chain}
        given.discard(None)
        if not given:
            # the words for the whole list before or after it: "..., all of it state aid"
            lo, hi = msg.sentence(chain[0].start, chain[-1].end)
            given = {nearest_role(msg, a, lo, hi, [a]) for a in (chain[0], chain[-1])}
            given.discard(None)
        if len(given) == 1:
            role = given.pop()
            roles.update({a.start: role for a in chain if role is not None})
    return roles


_SALES_TIME = re.compile(r"(?:so\s+far|to\s+date|this\s+year|last\s+year|a\s+year|per\s+year|"
                         r"pa|p\.a\.|per\s+annum|a\s+year\s+now)", re.I)


def _listed_alone(msg: Message, amount: Amount) -> bool:
    """An amount standing alone as one item of a list of facts about the business, with a
    staff count in the same list: "9 staff, £1.2m, trading 6 years"."""
    lo, hi = msg.clause(amount.start, amount.end)
    rest = msg.text[lo:hi].strip(" ,.;-–()").replace(msg.text[amount.start:amount.end], "", 1)
    # the amount alone, or with the time it was made in: "£30k so far", "£1.2m last year"
    if rest.strip() and not _SALES_TIME.fullmatch(rest.strip()):
        return False
    if amount.money.amount < 10_000 or msg.about_another_business(amount.start):
        return False
    sentence = msg.text[slice(*msg.sentence(amount.start))]
    return bool(LISTED_STAFF.search(sentence))


def _prior_total(msg: Message, found: list[Found[Money]]) -> Money | None:
    """Separate awards add up; one that corrects the one before replaces it."""
    total: list[Found[Money]] = []
    for item in sorted(found, key=lambda f: f.start):
        if total and CORRECTION_RE.search(msg.text, total[-1].end, item.start):
            total.pop()
        total.append(item)
    if not total:
        return None
    currencies = {f.value.currency for f in total if f.value.amount}
    if len(currencies) > 1:
        return total[-1].value  # amounts in different currencies are not added up
    return Money(amount=sum(f.value.amount for f in total),
                 currency=currencies.pop() if currencies else "GBP")
