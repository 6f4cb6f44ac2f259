"""Which award a "how much?" question is about, and the quote that answers it.

A question that gives a project cost and asks what the business would get (a medium firm
with a £250k upgrade asking for the largest possible award) is answered with the figure, worked
out by the eligibility engine from the policy; one that gives earlier subsidy and asks about
the headroom (£120k of council money received: is there room left?) with the headroom.
The award is the one the question names, by its programme, its programme's kind ("centre") or
its noun ("voucher"), else the one the conversation is about, else the programmes of kind
"grant".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assistant.business import Facts, Money
from assistant.eligibility import EligibilityEngine
from assistant.eligibility.quote import (
    Offer,
    QuoteLine,
    award_quote,
    awu_quote,
    band_difference_quote,
    cap_quote,
    euro_quote,
    excluded_cost_quote,
    headroom_quote,
    limit_quote,
    needed_cost_quote,
    outputs_quote,
    quotes_needed_quote,
    range_quote,
    rate_quote,
    rise_quote,
    size_quote,
    sme_quote,
    staff_quote,
    sterling_quote,
    supposed_quote,
)
from assistant.eligibility.wording import AWARD_NOUN, award_short_name, number, pounds, with_a
from assistant.facts import FactExtractor
from assistant.facts.common import Message
from assistant.facts.money import OWN_TIME, Amount, amounts_in
from assistant.facts.staff import read_supposed_band
from assistant.questions import ADJACENT_ADVICE, BACK_REFERENCE, COUNT_OF_THINGS, read_question
from assistant.routing.rules import AWARD_WORDS
from knowledge.policy import Policy
from knowledge.policy.schema import Award, ExcludedCost, Programme, RiseOutput
from knowledge.programme import KindWords
from knowledge.words import plain_words

# "how much subsidy is that?": the value of the support told, not what is left of the limit
_VALUE_OF_WHAT_WAS_HAD = re.compile(
    r"\bhow\s+much\b[^?]{0,40}?\b(?:is\s+(?:that|it|this)|are\s+(?:they|those|these)|"
    r"(?:does|did)\s+(?:that|it|this)\s+(?:come\s+to|count\s+as|add\s+up\s+to|amount\s+to)|"
    r"(?:do|did)\s+(?:they|those|these)\s+(?:come\s+to|count\s+as|add\s+up\s+to))"
    # (and what comes after: "..., and what would the rest add?")
    r"\s*(?:\?|$|,|;|\s-\s|\band\b)",
    re.IGNORECASE)
# the headroom asked for by name, beside the award: "what room is left, and the grant?"
_HEADROOM_ASKED = re.compile(r"\b(?:headroom|room\s+(?:left|remaining|is\s+(?:there|left)))\b",
                             re.IGNORECASE)
_HEADROOM_WORDS = re.compile(
    r"\b(?:headroom|room|left|remain\w*|stop|stops|prevent\w*|affect\w*|limit|cap|count|"
    r"counts|rule\s+us\s+out)\b",
    re.IGNORECASE,
)
# two sizes compared: "as a micro rather than a small business, how much more?"
_TWO_BANDS = re.compile(r"\b(micro|small|medium)(?:[\s-]sized)?\b", re.IGNORECASE)
_DIFFERENCE = re.compile(r"\b(?:more|less|difference|differ\w*|extra|rather\s+than|instead\s+of|"
                         r"versus|vs\.?|compared)\b", re.IGNORECASE)
# "does that stop us?" against "can we still apply?": which way a Yes would go
_STOPS = re.compile(
    r"\b(?:stop|stops|prevent\w*|rule\w*\s+(?:us|me|it)\s+out|block\w*|bar|bars|"
    r"disqualif\w*|count\w*\s+against|affect\w*|problem|issue|too\s+much|"
    r"over\s+the\s+(?:limit|cap|threshold|maximum|ceiling))\b",
    re.IGNORECASE,
)
# "what would the programme give?": an award asked for in other words
_GIVES = re.compile(r"\b(?:give|gives|offer|offers|worth|come\s+to|amount\s+to|fund|"
                    r"contribute|awarded)\b", re.IGNORECASE)
# "are we still able to apply?": a yes/no question about applying or qualifying
_APPLYING = re.compile(r"\b(?:apply|applying|qualify|eligible|able|allowed|get|receive)\b",
                       re.IGNORECASE)
_MAX_OFFERS = 3
# how many quotes are needed: "how many quotations do we need in total?"
_QUOTES_COUNTED = re.compile(
    r"\bhow\s+many\s+(?:[\w-]+\s+){0,2}?(?:quotes|quotations)\b|"
    r"\b(?:number|count)\s+of\s+(?:[\w-]+\s+)?(?:quotes|quotations)\b", re.IGNORECASE)
# an amount that is not an item's price: a total, the award, the business's own figures
_NOT_A_PRICE_BEFORE = re.compile(
    r"\b(?:total(?:ling|s)?|altogether|in\s+all|overall|grant|award|voucher|turnover|sales|"
    r"revenue|balance\s+sheet|t/o|budget\s+of)\b[^£€$\d:]{0,15}"
    # "Grant: £45k" is the grant, "list for the grant: a laser £70k" an item's price
    r"(?::\s*(?:about|around|roughly|approx\.?|circa|c\.|up\s+to|some|just\s+(?:over|under))?"
    r"\s*)?$", re.IGNORECASE)
_NOT_A_PRICE_AFTER = re.compile(
    r"\s*(?:in\s+total|altogether|in\s+all|overall|total|of\s+(?:grant|turnover|sales)|"
    r"turnover|grant|a\s+year|per\s+year|annual)\b", re.IGNORECASE)
_OTHER_RATE = re.compile(r"\b(?:interest|exchange|conversion|hourly|daily|day|tax|vat|success|"
                         r"pass|approval|acceptance|win|hit)\s+rates?\b|"
                         # a share of the award returned: "what percentage do we pay back?"
                         r"\b(?:pay|paid|give|hand|claw)(?:ing)?\s+back\b|\brepa(?:y|id|yment)\b|"
                         r"\bclawback\b|\brecover(?:ed|y)?\b", re.IGNORECASE)
# "what rate / percentage / share does it pay?": the intervention rate
_RATE = re.compile(
    r"\bintervention\s+rates?\b|"
    r"\b(?:rate|percentage|per\s*cent|share|proportion)\s+of\s+(?:the\s+|a\s+|an\s+|our\s+)?"
    r"(?:eligible\s+|project\s+)?(?:costs?|spend|price|project|investment)\b|"
    r"\bwhat\s+(?:rate|percentage|per\s*cent|share|proportion)\b"
    r"(?!\s+of\s+(?:the\s+|all\s+)?(?:applications?|applicants?|businesses|firms|companies|smes|"
    r"projects|bids|people|those|them)\b)"
    r"(?=.*\b(?:grant|award|voucher|fund\w*|pays?|cover|covers|contribut\w*)\b)|"
    r"\bhow\s+much\s+of\s+(?:the\s+|a\s+|our\s+)?(?:costs?|project|price)\b", re.IGNORECASE)
# "what share ... do we pay ourselves": the business's own part, not the award's
_OWN_SHARE = re.compile(r"\b(?:we|i|us|ourselves|myself|the\s+business)\s+(?:\w+\s+){0,2}?"
                        r"(?:pay|contribute|fund|find|cover|put\s+in|match)\b|\bour\s+(?:own\s+)?"
                        r"(?:share|contribution|part|bit|end|side|portion)\b|\bmatch[\s-]?fund",
                        re.IGNORECASE)
# "can I use the grant to buy ...?", "does it cover ...?": a question about what the award pays for
_PAYS_FOR = re.compile(
    r"\b(?:pay(?:s|ing)?|cover|covers|covered|(?:part[- ]?)?fund(?:s|ed|able)?|use\s+(?:the|a|"
    r"our|it|this|that)\b|used\s+(?:to|for|on)|spend|spent|buy|buying|purchase|purchasing|"
    r"claim|claimable|count\s+as|eligible(?:\s+costs?)?|include|includes|towards?|go\s+on|"
    # "could we put a van into our bid?": a cost in the application
    r"(?:in|into|on|to|as\s+part\s+of)\s+(?:the|our|my|a|this)\s+(?:[\w-]+\s+){0,2}?(?:bid|"
    r"application|claim|project))\b",
    re.IGNORECASE)
# A question about something told before it: "will the grant pay for it?", "is the machine
# still fundable?"
_THE_THING = re.compile(r"\b(?:the|that|this)\s+(?:[\w-]+\s+)?(?:machine|machinery|kit|"
                        r"equipment|item|purchase|order|one|unit|tool|system|press|lathe|"
                        r"robot)\b", re.IGNORECASE)
# "what's the biggest voucher?", "the minimum grant": an end of the award's range
_EXTREME = re.compile(
    r"\b(?:(?P<high>max|maximum|most|biggest|largest|highest|top|upper|max\.)|"
    r"(?P<low>min|minimum|least|smallest|lowest|min\.))\b", re.IGNORECASE)
# what is left of an allowance, named as one: "our unused entitlement", "allowance left"
_ALLOWANCE_LEFT = re.compile(r"\b(?:rest|remainder|remaining|unused|left)\b[^.?!]{0,30}?"
                             r"\b(?:allowance|entitlement)\b|\b(?:allowance|entitlement)\s+"
                             r"(?:is\s+|that's\s+|we\s+have\s+)?(?:left|remaining|unused)\b",
                             re.IGNORECASE)
_ASKED_SENTENCE = re.compile(r"[^.?!]*\?")
_TIME_COUNTED = re.compile(r"\bhow\s+(?:many\s+(?:days|weeks|months|years)|long)\b", re.IGNORECASE)
_SHARE_ASKED = re.compile(r"\b(?:share|percentage|proportion|per\s*cent|%)\b", re.IGNORECASE)
# a count asked, not a sum: "the largest number of vouchers one firm may hold"
_COUNT_ASKED = re.compile(r"\b(?:number|count)\s+of\b|\bhow\s+many\b", re.IGNORECASE)
# "what outlay takes the award to its top?", "the biggest project still paid at the full
# rate", "which costs was our offer worked from?": the eligible costs that an award takes
_COST_ASKED = re.compile(
    r"\b(?:what|how\s+much|how\s+big|how\s+large|which|largest|biggest|smallest|most|least|"
    r"minimum|maximum|max|min|level)\b[^?.]{0,60}?\b(?:eligible\s+costs?|costs?|spend|spending|"
    r"project|investment|budget|outlay)\b", re.IGNORECASE)
_TO_THE_MINIMUM = re.compile(r"\b(?:the|a)\s+(?:minimum|min|smallest|lowest)\s+(?:[\w-]+\s+)?"
                             r"(?:grant|award|voucher)\b", re.IGNORECASE)
# the least a project may cost for an award, asked with the project's own cost told: "ours is
# £30k - how low can a project go and still reach the minimum?"
_SMALLEST_COST = re.compile(
    r"\b(?:smallest|lowest|least|minimum|min)\s+(?:eligible\s+|total\s+)?(?:project\s+)?(?:costs?|"
    r"spend|project|outlay|investment|budget)\b", re.IGNORECASE)
# "what eligible spend does it need?", "what outlay would it take?": costs as a need
_COST_NEEDED = re.compile(
    # "what do the eligible costs need to come to?"
    r"\bwhat\s+(?:do|does|would|will|must|should)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:costs?|"
    r"spend|spending|outlay|investment|project)\s+(?:need|have)\s+to\s+(?:be|come\s+to|total|"
    r"add\s+up\s+to|reach)\b|"
    # ("what level of spend would we need?")
    r"\b(?:what|how\s+much)\s+(?:(?:level|amount|size|value|sum)\s+of\s+)?"
    r"(?:eligible\s+|total\s+|project\s+)?(?:spend|spending|costs?|"
    r"outlay|investment|project\s+(?:costs?|size|value))\s+(?:do|does|would|will|must|should)\s+"
    r"(?:we|i|it|they|you|the\s+\w+|a\s+\w+)\s+(?:need|require|have\s+to\s+(?:spend|have|show))|"
    r"\bhow\s+much\s+(?:do|does|would|must|will)\s+(?:we|i|it|they|you|the\s+\w+|a\s+\w+)\s+"
    r"(?:need\s+to|have\s+to)\s+spend\b|"
    # "what must our spend be?"
    r"\bwhat\s+(?:must|should|would|will|does|do)\s+(?:the|our|my)\s+(?:eligible\s+|total\s+)?"
    r"(?:spend|spending|costs?|outlay|investment|budget|project)\s+be\b|"
    # "how large must our spend be?", "what size of investment do we need?"
    r"\bhow\s+(?:big|large|much)\s+(?:(?:bigger|larger|higher|more)\s+)?"
    r"(?:does|would|must|should|will)\s+(?:the|our|a|my)\s+"
    r"(?:eligible\s+|total\s+|project\s+)?(?:project|spend|spending|investment|budget|outlay|"
    r"costs?)\s+(?:(?:need\s+to|have\s+to)\s+)?be\b|"
    r"\bwhat\s+size\s+(?:of\s+)?(?:project|investment|budget|spend)\s+(?:do|does|would|will)\s+"
    r"(?:we|i|it|you)\s+need\b|"
    # "how much will the work have to cost?"
    r"\bhow\s+much\s+(?:will|would|does|must|should)\s+(?:the|our|a|my)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:have\s+to|need\s+to)\s+cost\b|"
    # "what spend does that take?", "how much outlay would it require?"
    r"\b(?:what|how\s+much)\s+(?:eligible\s+|total\s+)?(?:spend|spending|costs?|outlay|"
    r"investment)\s+(?:does|would|will|do|might)\s+(?:that|it|this)\s+(?:take|need|require)\b",
    re.IGNORECASE)
_AWARD_LATER = re.compile(r"\b(?:grants?|awards?|vouchers?|offers?|funding)\b", re.IGNORECASE)
# a count in annual work units asked for
_AWU_ASKED = re.compile(r"\b(?:awus?|annual\s+work\s+units?)\b", re.IGNORECASE)
_NUMBER = r"(\d+(?:\.\d+)?)"
# "works 20 hours a week", "on 3 days a week": the part of a week worked
_PART_WEEK = re.compile(rf"\b{_NUMBER}\s*(hours?|hrs?|days?)\s+(?:a|per|each|of\s+the)\s+week\b",
                        re.IGNORECASE)
# "full-time means 40 hours", "of a 39-hour week", "out of a 4-day week": the full week
_FULL_WEEK = re.compile(
    rf"\bfull[\s-]?time\s+(?:is|being|=|of|means)\s+{_NUMBER}\s*(hours?|hrs?|days?)\b|"
    rf"\b(?:of|out\s+of)\s+an?\s+{_NUMBER}[\s-]*(hours?|hrs?|days?)\s+(?:full[\s-]?time\s+)?"
    r"(?:working\s+)?week\b", re.IGNORECASE)
# "4 days out of a six-day week", "2 days out of 5", "20 of 40 hours": the part and the whole
_PART_OF_WEEK = re.compile(
    rf"\b{_NUMBER}\s*(hours?|hrs?|days?)?\s+(?:out\s+)?of\s+(?:an?\s+|the\s+)?{_NUMBER}"
    r"(?:[\s-]*(hours?|hrs?|days?))?(?:\s+(?:full[\s-]?time\s+)?(?:working\s+)?week)?"
    r"(?![\w%£])", re.IGNORECASE)
# "for 4 months of the year", "3 months full time each summer": the part of a year worked
_PART_YEAR = re.compile(
    rf"\b{_NUMBER}\s*(months?|weeks?)\s+(?:(?:full[\s-]?time|a\s+year|each\s+year|per\s+year|"
    r"of\s+the\s+year|every\s+year|each\s+(?:summer|winter|spring|autumn)|a\s+season)\b)",
    re.IGNORECASE)


_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())}
_NTH_MONTH = (r"(?:the\s+)?(?:month\s+(?P<{0}>\d{{1,2}})|(?P<{0}w>first|second|third|fourth|fifth|"
              r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{{1,2}}(?:st|nd|rd|th))\s+month)"
              r"(?:\s+of\s+the\s+(?:reference\s+|financial\s+)?year)?")
# a starter or a leaver within the year: "a full-timer who starts in month 4" works the
# last 9 months, "leaves at the end of the third month" the first 3
_JOINS_AT = re.compile(
    r"\b(?:join(?:s|ed|ing|er)?|start(?:s|ed|ing|er)?|began|begins?|hire[sd]?|recruit(?:s|ed)?|"
    r"taken\s+on)\b[^.?!;]{0,40}?"
    r"\b(?:at\s+|from\s+)?(?:the\s+)?(?:start|beginning)\s+of\s+" + _NTH_MONTH.format("join"),
    re.IGNORECASE)
_LEAVES_AT = re.compile(
    r"\b(?:leav(?:es|ing)|left|finish(?:es|ed|ing)?|stops?|stopped|quit|retire[sd]?)\b"
    r"[^.?!;]{0,40}?\b(?:at\s+)?(?:the\s+)?end\s+of\s+" + _NTH_MONTH.format("leave"),
    re.IGNORECASE)


def _month_told(match: re.Match[str], name: str) -> int | None:
    told = match[name] or match[name + "w"]
    month = _ORDINALS.get(told.lower()) if told and not told[0].isdigit() else \
        int(re.sub(r"\D", "", told)) if told else None
    return month if month and 1 <= month <= 12 else None


def _months_worked(text: str) -> tuple[float, str] | None:
    """The months of the year a starter or leaver works, and how they were counted."""
    joins, leaves = _JOINS_AT.search(text), _LEAVES_AT.search(text)
    first = _month_told(joins, "join") if joins else None
    last = _month_told(leaves, "leave") if leaves else None
    if first is None and last is None:
        return None
    first, last = first or 1, last or 12
    if last < first:
        return None
    months = last - first + 1
    said = (f"from the start of month {first}" if joins else "") + \
        (" " if joins and leaves else "") + (f"to the end of month {last}" if leaves else "")
    return months, said


def one_person_awu(text: str) -> tuple[float, str] | None:
    """One person's annual work units from the week and the year they work, and the working:
    None unless the part of a week comes with the full week it is a part of, or a part of the
    year is given."""
    part, full, year = _PART_WEEK.search(text), _FULL_WEEK.search(text), _PART_YEAR.search(text)
    share, working = 1.0, []
    both = next((m for m in _PART_OF_WEEK.finditer(text) if m[2] or m[4]), None)
    if both:  # "4 days out of a six-day week", "2 days out of 5"
        worked, whole = float(both[1]), float(both[3])
        unit = (both[2] or both[4]).lower()[0]
        whole_unit = (both[4] or both[2]).lower()[0]
    elif part and full:
        worked, unit = float(part[1]), part[2].lower()[0]
        whole, whole_unit = float(full[1] or full[3]), (full[2] or full[4]).lower()[0]
    elif part or full:
        return None  # a part of a week without the full week, or the other way round
    if both or (part and full):
        if unit != whole_unit or not 0 < worked <= whole:
            return None
        share = worked / whole
        noun = "hours" if unit == "h" else "days"
        working.append(f"{number(worked)} of a {number(whole)}-{noun[:-1]} full-time week "
                       f"({number(worked)} / {number(whole)} = {number(round(share, 3))})")
    if not year and (worked_months := _months_worked(text)) is not None:
        count, said = worked_months
        working.append(f"{number(count)} of the 12 months of the year, {said} "
                       f"({number(count)} / 12 = {number(round(count / 12, 3))})")
        share *= count / 12
    if year:
        count, unit = float(year[1]), year[2].lower()[0]
        whole = 12.0 if unit == "m" else 52.0
        if not 0 < count <= whole:
            return None
        working.append(f"{number(count)} of the {number(whole)} {year[2].lower().rstrip('s')}s "
                       f"of the year ({number(count)} / {number(whole)} = "
                       f"{number(round(count / whole, 3))})")
        share *= count / whole
    if not working:
        return None
    if len(working) > 1:
        working.append(f"together {number(round(share, 3))}")
    return round(share, 2), "; ".join(working)


# what the costs are to reach: an end of the award's range
_TARGET = re.compile(r"\b(?:full|max|maximum|top|most|biggest|largest|highest|cap|ceiling|min|"
                     r"minimum|smallest|lowest|least|stops?\s+(?:going\s+up|rising|growing)|"
                     r"maxe?s?\s+out)\b", re.IGNORECASE)
_BASED_ON = re.compile(r"\b(?:based\s+on|behind|work(?:ed)?\s+(?:back|out\s+from|from)|"
                       r"calculated\s+(?:on|from)|correspond\w*|needed\s+for|to\s+justify|"
                       r"come\s+from)\b", re.IGNORECASE)
# "Is our firm an SME?", "are we medium-sized?": the size test's verdict
_ARE_WE_SME = re.compile(
    # "which size category is our firm?", "which band are we?"
    r"\b(?:what|which)\s+(?:size|size\s+band|band|category)\s+(?:(?:would|will|are|do|does|is|"
    r"could)\s+)?(?:we|i|it|our\s+(?:company|business|firm)|the\s+(?:company|business|firm)|"
    # an adviser asking for a client: "what size band is the client?"
    r"(?:my|our|the)\s+client)\b|"
    r"\b(?:are\s+we|am\s+i|is\s+(?:my|our|the)\s+(?:company|business|firm))\s+(?:still\s+)?"
    r"(?:an?\s+|classed\s+as\s+(?:an?\s+)?)?(?:sme|micro|small|medium(?:[\s-]sized)?)\b|"
    r"\b(?:do|can|could|would|will|does)\s+(?:we|i|it|the\s+(?:company|business|firm))\s+"
    r"(?:still\s+)?(?:count|counts|qualify|qualifies|be\s+(?:classed|treated|counted))\s+as\s+"
    r"(?:an?\s+)?(?:sme|micro|small|"
    r"medium)|\bwhat\s+size\s+(?:band\s+)?(?:are\s+we|is\s+(?:our|my)\s+(?:company|business|firm))|"
    # a statement asked as a question: "so that means we're not micro?", "we'd still be small?"
    r"\b(?:we're|we\s+are|i'm|i\s+am|(?:it|the\s+(?:company|business|firm))\s+is|(?:we'd|we\s+would|"
    r"we'll|we\s+will|(?:it|the\s+(?:company|business|firm))\s+would)\s+(?:still\s+|not\s+)?be)"
    r"\s+(?:still\s+|not\s+|no\s+longer\s+|"
    r"now\s+)*(?:an?\s+)?(?:sme|micro|small|medium(?:[\s-]sized)?)(?:\s+(?:then|any\s*more|any\s+"
    r"longer|now|still|after\s+all))?\s*(?:,?\s*(?:right|then|yes|or\s+not))?\s*\?",
    re.IGNORECASE)
# the business's own count in annual work units, asked for
_OUR_AWU = re.compile(
    r"\b(?:our|my)\s+(?:awu|annual\s+work\s+units?|staff\s+count|headcount)\b|"
    r"\bhow\s+many\s+(?:awu|annual\s+work\s+units?)\b[^?]*\b(?:we|i|us)\b|"
    r"^\W*awu\s*\?", re.IGNORECASE)
# "what's €9.5m in sterling?": euros converted at the programme's own rate
_IN_STERLING = re.compile(r"\b(?:in\s+(?:sterling|pounds|gbp|£)|convert\w*|sterling\s+"
                          r"(?:equivalent|figure|terms)|in\s+uk\s+money)\b", re.IGNORECASE)
# "we have 12 support days, how much of the limit do they use?": a count of things valued
# each, which the guidance's value of one of them answers, not the limit itself
_THINGS_COUNTED = re.compile(r"(?<!over\s)(?<!in\s)(?<!within\s)(?<!for\s)(?<!across\s)"
                             r"(?<!last\s)(?<!past\s)(?<![\w.,£€$])\d{1,3}(?![\d,.]*\s*(?:%|k\b|m\b))\s+"
                             r"(?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z]+s\b")
# "what's £5m in euros?": pounds in euros at the programme's rate
_IN_EUROS = re.compile(r"\b(?:in\s+(?:euros?|eur|€)|euro\s+(?:equivalent|figure|terms|value)|"
                       r"(?:convert\w*|translate\w*)\s+(?:\w+\s+){0,4}?(?:to|into)\s+(?:euros?|"
                       r"eur|€))", re.IGNORECASE)
# "which staff figure goes into the size test?": the business's figures once partner and
# linked enterprises are added
_SIZE_FIGURE = re.compile(
    r"\b(?:headcount|staff\s+(?:count|numbers?|figures?|total)|how\s+many\s+(?:staff|employees|"
    r"people|awu)|awu|annual\s+work\s+units?|(?:what|which)\s+(?:turnover|figures?|staff))\b",
    re.IGNORECASE)
_SIZE_TEST = re.compile(r"\b(?:count|counts|counted|counting|include|included|including|add|"
                        r"added|sme|size|band|definition|test|treated|use)\b", re.IGNORECASE)
# "what is the subsidy limit?": the subsidy limit itself
_SUBSIDY_LIMIT = re.compile(r"\b(?:limit|cap|ceiling|threshold|maximum|max|allowance|"
                            r"(?:the\s+)?(?:most|largest|biggest|highest)\s+(?:[\w-]+\s+)?"
                            r"(?:subsid(?:y|ies)|state\s+aid|assistance|support|funding))\b",
                            re.IGNORECASE)


def _names(text: str, programme: Programme) -> bool:
    """Whether the text names the programme by its name or one of its aliases."""
    words = f" {plain_words(text)} "
    return any(f" {plain_words(name)} " in words for name in (programme.name, *programme.aliases)
               if plain_words(name))


@dataclass(frozen=True)
class Quote:
    lines: list[QuoteLine] = field(default_factory=list)
    programme_ids: list[str] = field(default_factory=list)  # the awards quoted


class AwardQuotes:
    def __init__(self, policy: Policy, engine: EligibilityEngine,
                 kinds: Mapping[str, KindWords] | None = None,
                 reader: FactExtractor | None = None) -> None:
        """`reader`: the engine's fact reader, for a business a question supposes."""
        self._policy = policy
        self._engine = engine
        self._kinds = dict(kinds or {})
        self._reader = reader or FactExtractor.from_policy(policy)

    def quote(self, text: str, new: Facts, facts: Facts, focus: Sequence[str]) -> Quote:
        """The quote for this message; empty when it asks no such question."""
        question = read_question(text)
        # the one amount a question gives, when no word near it says what it is: the award in
        # "if it gives us £80k, how many jobs?", the project in "what would it cover of £8k?"
        money_read = any(isinstance(value, Money) for _, value in new)
        lone = None if money_read or question.kind != "amount" else \
            _lone_amount(question.text) or _lone_amount(text)
        if _QUOTES_COUNTED.search(question.text) and len(prices := self._prices(text)) > 1:
            # "a £4,800 press and a £12,000 robot: how many quotations, all told?": counted item
            # by item, by the rule on quotes (one item's are the rule itself, which the guidance
            # says)
            # (the programme asked about, else one whose rules say how many quotes)
            offers = self._offers(text, facts, focus)
            if not any(o.award.quotes for o in offers):
                with_rule = [p.id for p in self._policy.programmes if p.award and p.award.quotes]
                offers = self._offers(text, facts, with_rule)
            lines = quotes_needed_quote(offers, prices)
            if lines:
                quoted = next(o for o in offers if o.award.quotes)
                return Quote(lines, [quoted.assessment.programme_id])
        if question.kind == "amount" and self._asks_outputs(question.text) and \
                (new.requested_amount or new.project_cost or lone) is not None:
            offers = self._offers(text, facts, focus)
            given = new.requested_amount or lone
            asked = given.in_gbp(self._policy.rates.eur_to_gbp) if given else None
            return Quote(outputs_quote(offers, asked,
                                       facts.stated_band or read_supposed_band(text)),
                         [o.assessment.programme_id for o in offers])
        if (rise := self._rise_asked(text, new)) is not None:
            # "profit from operations of £90k, staff costs ..., 12 employees: which GVA per
            # head is our target?": worked from the accounts given
            programme, output, parts = rise
            assert new.employees is not None
            return Quote(rise_quote(self._name([programme]), output, parts, new.employees),
                         [programme.id])
        told = self._reader.supposed(question.text) if question.kind == "yes_no" else None
        if told is not None:
            # "can a company with 300 staff apply?": answered for that business, which is not
            # the asker's
            offers = self._offers(text, told, focus)
            lines = supposed_quote(offers[0].assessment, told.known(), offers[0].name) \
                if offers else []
            if lines:
                return Quote(lines, [offers[0].assessment.programme_id])
        if _AWU_ASKED.search(question.text) and not _OUR_AWU.search(question.text) and \
                (new.employees is None or new.employees <= 1) and \
                (one := one_person_awu(text)) is not None:
            # "someone on 20 hours where full time is 40: how many AWU?": worked out
            offers = self._offers(text, facts, focus)
            return Quote(awu_quote(offers[0].assessment if offers else None, *one), [])
        amounts = amounts_in(Message(text))
        euros = [a.money.amount for a in amounts if a.money.currency == "EUR"]
        if euros and _IN_STERLING.search(text):
            return Quote(sterling_quote(self._policy, euros), [])
        sterling = [a.money.amount for a in amounts if a.money.currency == "GBP"]
        if sterling and not euros and _IN_EUROS.search(text):
            return Quote(euro_quote(self._policy, sterling), [])
        sme_asked = _ARE_WE_SME.search(question.text)
        if sme_asked and (new.employees is not None or new.holdings or new.turnover or
                          new.balance_sheet):
            offers = [o for o in self._offers(text, facts, focus) if sme_quote(o.assessment)]
            if not offers:
                offers = [Offer(name=p.name, award=p.award, assessment=self._engine.assess_one(
                    facts, p.id)) for p in self._policy.programmes if p.award is not None]
                offers = [o for o in offers if sme_quote(o.assessment)][:1]
            if offers:
                named = re.search(r"\b(micro|small|medium)", sme_asked[0], re.IGNORECASE)
                negated = re.search(r"\b(?:not|no\s+longer)\b", sme_asked[0], re.IGNORECASE)
                return Quote(sme_quote(offers[0].assessment,
                                       named[1].lower() if named else None,
                                       negated=bool(negated)), [])
        if new.employees is not None and not new.holdings and (
                _OUR_AWU.search(question.text) or
                # "we employ 3 full-timers and 4 on 15 hours - how many AWU?": the workforce
                # just described, counted
                (new.employees > 1 and _AWU_ASKED.search(question.text))):
            offers = self._offers(text, facts, focus)
            if offers:
                return Quote(staff_quote(offers[0].assessment, new.employees), [])
        if question.kind in {"amount", "list", "other"} and new.holdings and \
                _SIZE_FIGURE.search(question.text) and _SIZE_TEST.search(question.text):
            offers = self._offers(text, facts, focus)
            return Quote(size_quote(offers[0].assessment) if offers else [], [])
        asks_cost = _COST_ASKED.search(question.text) \
            if question.kind in {"amount", "other", "list"} else None
        if asks_cost and (new.project_cost is None or _SMALLEST_COST.search(question.text)) and (
                (_AWARD_LATER.search(question.text, asks_cost.end()) and
                 (_TARGET.search(question.text) or new.requested_amount or lone)) or
                # "for the whole £90k, how large must the outlay be?": the award
                # aimed at, read from the message
                (_COST_NEEDED.search(question.text) and new.requested_amount is not None) or
                # "to get the biggest grant, what spend would we need?": the award named first
                (_COST_NEEDED.search(question.text) and _AWARD_LATER.search(question.text) and
                 (_TARGET.search(question.text) or new.requested_amount or lone)) or
                # "to reach the max on the <programme>, what must the spend be?"; the award
                # aimed at may be told in a sentence before the question ("... wants the top
                # <programme> grant. What costs does it need?")
                (_COST_NEEDED.search(question.text) and _TARGET.search(text) and
                 self._award_named(text)) or
                ((new.requested_amount or lone) and _BASED_ON.search(question.text))) and \
                (self._award_named(text) or focus or (
                    new.requested_amount is not None and _COST_NEEDED.search(question.text))):
            offers = self._offers(text, facts, focus)
            target = new.requested_amount or lone
            if _TO_THE_MINIMUM.search(question.text, asks_cost.end()):
                target = None  # "the smallest project that reaches the minimum grant"
            # the end of the range aimed at, in the question or told just before it
            extreme = _EXTREME.search(question.text) or _EXTREME.search(text)
            return Quote(needed_cost_quote(
                offers, facts.stated_band or read_supposed_band(text),
                target.in_gbp(self._policy.rates.eur_to_gbp) if target else None,
                lowest=bool(extreme and extreme["low"])),
                [o.assessment.programme_id for o in offers])
        # "what percentage for a business with 60 staff and £8m turnover?": the rate for the
        # band those figures give
        sized = new.project_cost is None and new.requested_amount is None and \
            new.prior_public_support is None and (new.employees is not None or
                                                  new.turnover is not None)
        if question.kind == "amount" and sized and _RATE.search(question.text) and \
                not _OTHER_RATE.search(question.text) and (self._award_named(text) or focus):
            offers = self._offers(text, facts, focus)
            sized_bands = {o.assessment.band for o in offers if o.assessment.band is not None}
            band = facts.stated_band or (sized_bands.pop() if len(sized_bands) == 1 else None)
            if band is not None:
                return Quote(rate_quote(offers, band, own=bool(_OWN_SHARE.search(question.text))),
                             [o.assessment.programme_id for o in offers])
        if question.kind == "amount" and not money_read and lone is None:
            if _SUBSIDY_LIMIT.search(question.text) and self._names_subsidy(question.text) and \
                    not _THINGS_COUNTED.search(question.text):
                return Quote(limit_quote(self._policy), [])
            if _RATE.search(question.text) and not _OTHER_RATE.search(question.text) and \
                    (self._award_named(text) or focus):
                offers = self._offers(text, facts, focus)
                band = facts.stated_band or read_supposed_band(question.text)
                return Quote(rate_quote(offers, band, own=bool(_OWN_SHARE.search(question.text))),
                             [o.assessment.programme_id for o in offers])
            extreme = _EXTREME.search(question.text)
            if extreme and self._award_named(text) and not _COUNT_ASKED.search(question.text) \
                    and not _SHARE_ASKED.search(question.text):
                offers = self._offers(text, facts, focus)
                return Quote(range_quote(offers, extreme["low"] is not None),
                             [o.assessment.programme_id for o in offers])
        if (question.kind == "amount" or (question.kind == "yes_no" and
                                          new.consultancy_cost is not None)) and \
                new.project_cost is not None and \
                (new.consultancy_cost is None or not (
                    AWARD_WORDS.search(question.text) or _GIVES.search(question.text))) and \
                (cap := self._cap_asked(question.text, text, focus)):
            programme, category = cap
            assert programme.award is not None
            rate = self._policy.rates.eur_to_gbp
            other = new.project_cost.in_gbp(rate)
            stated = new.consultancy_cost.in_gbp(rate) if new.consultancy_cost else None
            if stated is not None and other > stated:
                other -= stated  # the project's cost holds the fees stated beside it
            if stated is None or other > 0:
                return Quote(cap_quote(programme.award, category, other, stated),
                             [programme.id])
        if lone is not None:
            new = new.model_copy(update={"project_cost": lone})
            facts = facts.model_copy(update={"project_cost": lone})
        bands = _TWO_BANDS.findall(question.text)
        if question.kind in {"amount", "definition", "other"} and facts.project_cost is not None \
                and len({b.lower() for b in bands}) == 2 and _DIFFERENCE.search(question.text):
            # "as micro rather than small, how much more grant?"
            first, second = (b.lower() for b in bands[:2])
            offers = self._offers(text, facts, focus)
            if lines := band_difference_quote(offers, first, second):
                return Quote(lines, [o.assessment.programme_id for o in offers])
        own_share = _OWN_SHARE.search(question.text)
        # "what insurance do we need on the £90k cutter?": not the grant on it
        advice = any(ADJACENT_ADVICE.search(asked) for asked in _ASKED_SENTENCE.findall(text))
        # the cost told in this message, or, for the award asked of it ("how much would our
        # grant be?"), in an earlier one
        cost = new.project_cost or (facts.project_cost if question.kind == "amount" and (
            AWARD_WORDS.search(question.text) or own_share) else None)
        if not advice and not COUNT_OF_THINGS.search(question.text) and (
                question.kind in {"amount", "yes_no"} or (
                # "and our bit of it?": a share of the cost, though it reads as "what is"
                own_share and question.kind in {"definition", "other"})) and \
                cost is not None and \
                (AWARD_WORDS.search(question.text) or _GIVES.search(question.text) or own_share or
                 # "is £55k enough? if not, how much bigger must the budget be?": the award on
                 # it says what it falls short by
                 _COST_NEEDED.search(text)):
            left_out, kept = self._items_left_out(text, cost, focus)
            if left_out:
                # "a laser £47k, a van £32k ...: what grant?": the grant is on what it pays for
                facts = facts.model_copy(update={"project_cost": kept})
            offers = self._offers(text, facts, focus)
            band = facts.stated_band or read_supposed_band(text)
            lines = award_quote(offers, band, described=facts.stated_band is not None)
            lines = [*lines[:1], *left_out, *lines[1:]]
            if new.prior_public_support is not None and _HEADROOM_ASKED.search(question.text):
                # "the headroom left, and the award too?": both, headroom first
                prior = new.prior_public_support.in_gbp(self._policy.rates.eur_to_gbp)
                lines = [*headroom_quote(self._policy, prior, None, None, None), *lines]
            return Quote(lines, [o.assessment.programme_id for o in offers])
        if question.kind in {"amount", "yes_no"} and new.prior_public_support is not None and \
                (not _VALUE_OF_WHAT_WAS_HAD.search(question.text) or
                 _HEADROOM_ASKED.search(question.text)) and \
                (_HEADROOM_WORDS.search(text) or self._names_subsidy(text) or
                 (question.kind == "yes_no" and
                 _APPLYING.search(question.text))) and not self._units_left(question.text):
            prior = new.prior_public_support.in_gbp(self._policy.rates.eur_to_gbp)
            chosen = self._programmes(text, focus)
            minimum = min((p.award.min_award_gbp for p in chosen if p.award), default=None)
            ask = None if question.kind != "yes_no" else \
                "stops" if _STOPS.search(question.text) else "allows"
            requested = new.requested_amount.in_gbp(self._policy.rates.eur_to_gbp) \
                if new.requested_amount else None
            return Quote(headroom_quote(self._policy, prior, ask, minimum, requested), [])
        if question.kind in {"yes_no", "other"} and _PAYS_FOR.search(question.text) and \
                (found := self._excluded_cost(question.text, focus) or (
                    # "we've seen a used press. will the grant pay for it?": the item is the one
                    # told before the question, which points back to it
                    self._excluded_cost(text, focus)
                    if BACK_REFERENCE.search(question.text) or _THE_THING.search(question.text)
                    else None)):
            programme, excluded = found
            return Quote(excluded_cost_quote(self._name([programme]), excluded),
                         [programme.id])
        return Quote([], [])

    def _rise_asked(self, text: str, new: Facts
                    ) -> tuple[Programme, RiseOutput, list[tuple[str, float]]] | None:
        """The output worked as a rise per employee that the message asks about (by the
        initials or the words of its name), with the parts of the figure it gives: at least
        two of them, and the number of employees."""
        if not new.employees:
            return None
        rate = self._policy.rates.eur_to_gbp
        for programme in self._policy.programmes:
            for output in programme.award.rise_outputs if programme.award else []:
                if not _names_output(output.name, text):
                    continue
                parts, missing = _parts_told(text, output.parts, rate)
                # every part told, or all but one (taken as none, and said so)
                if len([p for p in parts if p[1] > 0]) >= 2 and len(missing) <= 1:
                    return programme, output, parts + [(f"{m} (not given: taken as none)", 0.0)
                                                       for m in missing]
        return None

    def _excluded_cost(self, question: str, focus: Sequence[str]
                       ) -> tuple[Programme, ExcludedCost] | None:
        """The cost the question names that the award it asks about does not pay for, by the
        words the policy lists for it."""
        for programme in self._programmes(question, focus):
            assert programme.award is not None
            if (excluded := _excluded_named(programme.award, question)) is not None:
                return programme, excluded
        return None

    def _units_left(self, question: str) -> bool:
        """Whether the question asks what is left of an allowance given in kind ("what are our
        remaining days worth?"), not of the subsidy limit."""
        units = [item.unit for item in self._policy.rates.in_kind]
        if units and _ALLOWANCE_LEFT.search(question):
            return True  # "what is our remaining allowance worth?"
        return bool(units) and not self._names_subsidy(question) and \
            not re.search(r"\b(?:headroom|limit|cap)\b", question, re.I) and any(
                re.search(rf"\b{re.escape(unit)}s?\b", question, re.I) for unit in units)

    def _names_subsidy(self, question: str) -> bool:
        """Whether the question names the subsidy limit's scheme ("Minimal Financial
        Assistance", its initials, or subsidy in general)."""
        name = self._policy.rates.subsidy_name
        initials = "".join(w[0] for w in name.split() if w[:1].isupper())
        words = f" {plain_words(question)} "
        return f" {plain_words(name)} " in words or (len(initials) > 1 and
                                               f" {initials.lower()} " in words) or \
            bool(re.search(r"\bsubsid(?:y|ies)\b|\bstate\s+aid\b", question, re.I))

    def _award_named(self, text: str) -> bool:
        """Whether the text names an award: a programme with one (by its name or an alias), a
        kind of programme, or an award's noun ("grant", "voucher")."""
        if self._kinds_named(text):
            return True
        if any(_names(text, p) for p in self._policy.programmes if p.award is not None):
            return True
        return any(re.search(rf"\b{noun}s?\b", text, re.IGNORECASE)
                   for noun in AWARD_NOUN.values())

    def _cap_asked(self, question: str, text: str,
                   focus: Sequence[str]) -> tuple[Programme, str] | None:
        """The capped kind of cost a question asks about (what share of the advisers' fees
        is allowed), with the programme whose cap it is."""
        words = {w[:7] for w in plain_words(question).split()}
        for programme in self._programmes(text, focus):
            for cap in programme.award.cost_caps if programme.award else []:
                if plain_words(cap.category)[:7] in words:
                    return programme, cap.category
        return None

    def _asks_outputs(self, question: str) -> bool:
        """Whether the question names what an award commits the business to ("what jobs target
        comes with it?")."""
        if _TIME_COUNTED.search(question):
            return False  # "how many months must the jobs be kept?": a time, not a count
        words = set(plain_words(question).split())
        for programme in self._policy.programmes:
            for ratio in programme.award.output_ratios if programme.award else []:
                names = set(plain_words(ratio.name).split()) | {
                    w for w in plain_words(ratio.unit).split() if len(w) > 3}
                if words & (names | {n.rstrip("s") for n in names} |
                            {n + "s" for n in names}):
                    return True
        return False

    def names_one(self, text: str) -> bool:
        """Whether a message names a programme by its kind or its award's own name (not by
        an award noun alone: "how much grant is that?")."""
        return bool(self._kinds_named(text)) or any(
            p.award is not None and _award_called(p.award, text) for p in self._policy.programmes)

    def named_in(self, text: str) -> list[str]:
        """The programmes a message names by a kind or an award noun ("the voucher", "a Hub
        grant"), as ids; none when it names no such word."""
        if not (self._kinds_named(text) or any(
                re.search(rf"\b{noun}s?\b", text, re.IGNORECASE) for noun in AWARD_NOUN.values())):
            return []
        return [p.id for p in self._programmes(text, [])]

    def _programmes(self, text: str, focus: Sequence[str]) -> list[Programme]:
        """The programmes named in the text (focus holds those named first), else those its
        words for a kind of programme or an award name, else the one in focus, else the
        grants."""
        with_award = [p for p in self._policy.programmes if p.award is not None]
        kinds = self._kinds_named(text)
        chosen = [p for p in with_award if p.kind in kinds]
        if not chosen:
            # the award by its own name, with or without its noun: "a design sprint pilot"
            chosen = [p for p in with_award if p.award and _award_called(p.award, text)]
        nouns: set[str] = set()
        if not chosen:
            nouns = {noun for noun in AWARD_NOUN.values()
                     if re.search(rf"\b{noun}s?\b", text, re.IGNORECASE)}
            chosen = [p for p in with_award if p.award and AWARD_NOUN[p.award.kind] in nouns]
            # "grant" alone says little when other kinds of programme also give grants
            if nouns == {"grant"} and any(p.kind == "grant" for p in chosen):
                chosen = [p for p in chosen if p.kind == "grant"]
        in_focus = [p for p in with_award if p.id in focus]
        if in_focus and nouns and (nouns <= {"grant", "award"} or all(
                p.award and AWARD_NOUN[p.award.kind] in nouns for p in in_focus)):
            # "how much grant is that?" of the award the conversation is about: a noun alone
            # names no other ("grant" is what owners call any of them)
            return in_focus
        if in_focus and not chosen:
            return in_focus  # one named before, or every one of a kind named before
        if in_focus and in_focus[0] in chosen:
            return in_focus[:1]
        if in_focus and chosen and _names(text, in_focus[0]):
            # the offer named in this message, before one whose kind word it also uses ("for the
            # Booster ... days from the Heat Hub")
            return in_focus[:1]
        if not chosen:
            chosen = [p for p in with_award if p.kind == "grant"] or with_award[:1]
        return chosen

    def _items_left_out(self, text: str, cost: Money, focus: Sequence[str]
                        ) -> tuple[list[QuoteLine], Money]:
        """The items of a project listed with their prices that the award does not pay for
        (by the words its policy lists), each said once, and the cost without them; none when
        the cost is not the items added up."""
        rate = self._policy.rates.eur_to_gbp
        total = cost.in_gbp(rate)
        # (an amount above the whole cost is no item of it: "20 staff, £2m")
        items = [a for a in _priced_items(text) if a.money.in_gbp(rate) <= total + 1]
        if abs(sum(a.money.in_gbp(rate) for a in items) - total) > 1:
            # the cost read without the business's own time priced beside the items
            msg = Message(text)
            items = [a for a in items
                     if not OWN_TIME.search(text, *msg.clause(a.start, a.end))]
        if len(items) < 2 or abs(sum(a.money.in_gbp(rate) for a in items) - total) > 1:
            return [], cost
        programmes = [p for p in self._programmes(text, focus) if p.award]
        award = programmes[0].award if programmes else None
        if award is None:
            return [], cost
        lines, out = [], 0.0
        for item in items:
            named = _item_words(text, item.start, item.end)
            excluded = _excluded_named(award, named)
            if excluded is None:
                continue
            price = item.money.in_gbp(rate)
            out += price
            shown = re.sub(r"^(?:of\s+)?(?:(?:an?|the|some)\s+)?", "", named, flags=re.I)
            shown = re.sub(r"(?:\s+(?:on|the|for|to|of|at|in|a|an|and|with))+$", "", shown,
                           flags=re.I)
            # "our own staff time" is said as the owner put it; "a new van" as "the new van"
            shown = shown[0].upper() + shown[1:] if re.match(r"our\s", shown, re.I) else \
                f"The {shown}"
            lines.append(QuoteLine(
                f"{shown} ({pounds(price)}) is left out: {self._name(programmes[:1])} "
                f"does not pay for {excluded.item}.", excluded.clause))
        if not lines or out >= total:
            return [], cost
        return lines, Money(amount=round(total - out, 2))

    def _prices(self, text: str) -> list[float]:
        """The prices of the items a message lists, in pounds: every amount but a total, an
        award, a turnover or another figure of the business."""
        return [a.money.in_gbp(self._policy.rates.eur_to_gbp) for a in _priced_items(text)]

    def _offers(self, text: str, facts: Facts, focus: Sequence[str]) -> list[Offer]:
        groups: dict[tuple[object, ...], list[Programme]] = {}
        for programme in self._programmes(text, focus):
            assert programme.award is not None
            groups.setdefault(_terms(programme), []).append(programme)
        offers = []
        for members in list(groups.values())[:_MAX_OFFERS]:
            first = members[0]
            assert first.award is not None
            assessment = self._engine.assess_one(facts, first.id)
            offers.append(Offer(name=self._name(members), award=first.award,
                                assessment=assessment))
        return offers

    def _name(self, members: list[Programme]) -> str:
        first = members[0]
        assert first.award is not None
        noun = AWARD_NOUN[first.award.kind]
        if len(members) == 1:
            # "the Market Ready Voucher", not "the Market Ready Voucher voucher"
            named = plain_words(first.name).split()
            return f"the {first.name}" if named and named[-1] == noun else \
                f"the {first.name} {noun}"
        kind = self._kinds.get(first.kind)
        if kind is not None and all(p.kind == first.kind for p in members):
            return f"{with_a(noun)} from any {kind.one}"
        return f"{with_a(noun)} from {' or '.join(p.name for p in members)}"

    def _kinds_named(self, text: str) -> set[str]:
        return kinds_named(text, self._kinds)


def _award_called(award: Award, text: str) -> bool:
    """Whether the text names the award by its name less its noun ("Design-Sprint" for a
    Design-Sprint voucher), when that is two words or more."""
    short = award_short_name(award)
    return bool(short) and f" {short} " in f" {plain_words(text)} "


def kinds_named(text: str, kinds: Mapping[str, KindWords]) -> set[str]:
    """The programme kinds the text names, longest words first, so that "sub-centre" is not
    also read as "centre"."""
    rest = f" {plain_words(text)} "
    found: set[str] = set()
    pairs = sorted(((plain_words(w), kind) for kind, words in kinds.items()
                    for w in words.words if plain_words(w)), key=lambda p: -len(p[0]))
    for word, kind in pairs:
        if f" {word} " in rest:
            found.add(kind)
            rest = rest.replace(f" {word} ", " | ")
    return found


def _names_output(name: str, text: str) -> bool:
    """Whether the text names the output: by its initials in brackets ("GVA"), or by its words
    before "per" ("gross value added")."""
    initials = re.findall(r"\(([A-Z]{2,6})\)", name)
    core = plain_words(re.split(r"\(|\bper\b", name)[0])
    words = f" {plain_words(text)} "
    return any(f" {i.lower()} " in words for i in initials) or (bool(core) and
                                                                f" {core} " in words)


def _parts_told(text: str, parts: Sequence[str], rate: float
                ) -> tuple[list[tuple[str, float]], list[str]]:
    """Each part of a figure with the amount told for it ("operating profit £150k"), or 0 for
    one said to be none ("no amortisation"); and the parts not told at all. A part may be
    written with other names after a slash ("employee costs / staff costs"); an amount is used
    once ("depreciation and amortisation £50k" is the two together)."""
    msg = Message(text)
    amounts = amounts_in(msg)
    used: set[int] = set()
    found: list[tuple[str, float]] = []
    missing: list[str] = []
    for part in parts:
        names = [n.strip() for n in part.split("/") if n.strip()]
        words = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in names)
        told = False
        if re.search(rf"\b(?:no|nil|zero)\s+(?:{words})\b|\b(?:{words})\s*(?::|of|was|is|=)?\s*"
                     r"(?:nil|none|zero|£?0)\b", text, re.IGNORECASE):
            found.append((names[0], 0.0))
            continue
        for match in re.finditer(rf"\b(?:{words})\b", text, re.IGNORECASE):
            near = [a for a in amounts if 0 <= a.start - match.end() <= 40 and
                    not re.search(r"[.;]", text[match.end():a.start])]
            if near and near[0].start in used and found:
                # told together with the part before: counted there, under both names
                found[-1] = (f"{found[-1][0]} and {names[0]}", found[-1][1])
                told = True
                break
            if near:
                used.add(near[0].start)
                found.append((names[0], near[0].money.in_gbp(rate)))
                told = True
                break
        if not told:
            missing.append(names[0])
    return found, missing


# the words that name a listed item: those before its price, back to the list's last break, or
# the few right after it ("a £60k extension"), short of what is said of the price itself
_ITEM_BREAK = re.compile(r"[,;:(]|\band\b|\bplus\b|\bthen\b", re.IGNORECASE)
_PRICE_TALK = re.compile(r"\b(?:inc|incl|including|ex|excl|excluding|plus|vat|each|all|total|"
                         r"in\s+total)\b|[,;:.()]", re.IGNORECASE)


def _item_words(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 60):start]
    breaks = list(_ITEM_BREAK.finditer(before))
    named = before[breaks[-1].end():] if breaks else before
    after = text[end:end + 40]
    stop = _PRICE_TALK.search(after)
    following = after[:stop.start()] if stop else after
    named = " ".join(named.split())
    if not re.sub(r"^(?:an?|the|our|some|new|one)\b", "", named, flags=re.I).strip(" -–:"):
        # "a £60k extension", "£12k of the team's own hours"
        named = f"{named} {' '.join(following.split()[:5])}"
    return named.strip(" -–:")


def _priced_items(text: str) -> list[Amount]:
    """The amounts of a message that price items: every one but a total, an award, a turnover
    or another figure of the business."""
    return [a for a in amounts_in(Message(text))
            if not _NOT_A_PRICE_BEFORE.search(text[max(0, a.start - 40):a.start])
            and not _NOT_A_PRICE_AFTER.match(text[a.end:a.end + 25])]


def _excluded_named(award: Award, text: str) -> ExcludedCost | None:
    """The cost the award does not pay for that the text names, by the words its policy lists
    for it (articles aside: "an extension" and "a extension" alike)."""
    said = f" {_bare(text)} "
    return next((e for e in award.excluded_costs
                 if any(f" {_bare(w)} " in said for w in e.words if _bare(w))), None)


def _bare(words: str) -> str:
    return " ".join(w for w in plain_words(words).split() if w not in {"a", "an", "the"})


def _lone_amount(question: str) -> Money | None:
    msg = Message(question)
    amounts = amounts_in(msg)
    # a figure too small to be a project or an award is something else: a rate, a price
    return amounts[0].money if len(amounts) == 1 and amounts[0].money.amount >= 500 else None


def _terms(programme: Programme) -> tuple[object, ...]:
    award = programme.award
    assert award is not None
    return (award.kind, tuple(sorted(award.intervention_rate.items())), award.min_award_gbp,
            award.max_award_gbp, tuple(c.model_dump_json() for c in award.cost_caps))
