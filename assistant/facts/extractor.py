"""Facts about a business read from one message, by rule.

`FactExtractor.extract(text)` turns what a business says about itself ("we employ 45 people in
Smethwick, turnover £2.1m, 60% owned by a 1,000-person group") into `Facts`. It is deterministic
and does not guess: a fact the message does not state stays unknown. Where reading a fact needs a
judgement, the rule is fixed and written down here:

- Staff are annual work units (AWU). A part-timer counts as the share of a full-time week that is
  stated ("6 part-time on 20 of 40 hours" is 6 x 0.5). Hours with no full-time week
  ("working 20 hours a week") are measured against a 37.5-hour week. A part-timer with no hours
  stated counts as 0.5. Apprentices, students on vocational training contracts and staff on
  maternity or parental leave are not counted: when stated among a total ("12 on the payroll,
  3 of them apprentices") they are taken off it; when stated beside it ("8 staff plus 2
  apprentices") the total stands.
- "About", "around" and the like take the figure as stated. A strict bound takes the nearest
  whole unit inside it: "under 250 staff" is 249 and "over £50m" is £50,000,001. A threshold
  test on the bound then gives the same answer as it would on the true figure.
- Within one message the last statement of a fact wins, so a correction replaces
  ("we have 40, sorry, 45 staff" is 45). Prior public support is the exception: separate awards
  are added up, unless one corrects another. An award in a year that ends before the current
  financial year and the two before it (UK financial years start on 1 April) is not counted.
- A start date known only to the year ("founded in 2019") is taken as the middle of the part of
  that year that has passed; a month ("since March 2021") as the middle of that month.
- "Pre-revenue" and "not yet trading" are 0 months trading (and a pre-revenue turnover is 0).
- "Owned by two directors" (no share stated) is read as a 100% holding by them: the words say
  who owns the whole business. "Family-owned" likewise. "Partly owned by" and "majority owned
  by" give no share, so no holding is recorded.
- Prior public support is an award of public money: a grant, a voucher, a subsidy. A loan is
  not counted at its face value, since only its subsidy element counts (the lender states it).
- What the business does is read after a lead ("we are a", "we make", "we write"), from a
  participle alone ("... in 1986 making brass fittings"), and from a bare noun phrase opening a
  message that goes on to state other facts ("Powder coating firm, DY5 3UP. 22 staff"). A place
  that interrupts an activity is dropped: "a toolmaker in Tyseley making press tools" is
  "toolmaker making press tools".
- Amounts are GBP unless written with "€", "EUR" or "euro".

Place names, councils and the postcode districts a programme knows come from the policy
(`FactExtractor.from_policy`). Only generic language knowledge lives here: number words, units,
the UK postcode format, and the vocabulary of staffing, money, ownership and insolvency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Generic, Literal, TypeVar, get_args

from assistant.business import Facts, HolderKind, Holding, Money
from assistant.facts.forms import rewrite
from assistant.facts.numbers import to_float as _to_float
from assistant.facts.numbers import words_to_digits
from knowledge.policy import Policy

# A fact the conversation has just asked about: a bare answer ("45", "about £2m", "no") is then
# read as that fact.
AskedFact = Literal["employees", "turnover", "balance_sheet", "postcode", "months_trading",
                    "insolvent", "requested_amount", "project_cost", "consultancy_cost",
                    "prior_public_support"]
MoneyField = Literal["turnover", "balance_sheet", "requested_amount", "project_cost",
                     "consultancy_cost", "prior_public_support"]
_MONEY_FIELDS: tuple[str, ...] = get_args(MoneyField)

FULL_TIME_HOURS = 37.5  # the full-time week when a part-timer's hours are given without one
PART_TIME_SHARE = 0.5  # a part-timer whose hours are not stated
_MAX_PHRASE_WORDS = 15  # longest sector description kept

T = TypeVar("T")


@dataclass(frozen=True)
class _Found(Generic[T]):
    """A value read from the message and where: among several, the later one wins."""

    start: int
    end: int
    value: T


# --- Numbers ---------------------------------------------------------------------------------

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # 45, 1,000, 12,500,000, 2.1
_NUM_START = r"(?<![\w.,£€$])"  # not the tail of a word, a decimal, a money amount or a code
_QUAL = (r"(?:about|around|approximately|approx\.?|roughly|circa|c\.|some|nearly|almost|"
         r"just\s+over|just\s+under|over|under|more\s+than|fewer\s+than|less\s+than|"
         r"at\s+least|up\s+to|below|above)")
_PERCENT = re.compile(rf"{_NUM_START}{_NUM}\s*(?:%|per\s*cent\b|percent\b)", re.I)
_BELOW = re.compile(r"\b(?:under|below|fewer\s+than|less\s+than)\s*$", re.I)
_ABOVE = re.compile(r"(?<!\bturn\s)(?<!\bturns\s)(?<!\bturned\s)"
                    r"\b(?:over|above|more\s+than|in\s+excess\s+of|exceeding)\s*$", re.I)

def _bound(text: str, start: int) -> int:
    """-1 after "under"/"fewer than", +1 after "over"/"more than", else 0 (see module doc)."""
    before = text[max(0, start - 25):start]
    if _BELOW.search(before):
        return -1
    return 1 if _ABOVE.search(before) else 0


# --- Clauses ---------------------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"[.;!?](?=\s|$)|\n")
_CLAUSE_BREAK = re.compile(
    r"[.;!?](?=\s|$)|\n|,\s|\s(?:and|but|while|whereas|plus|although|though)\s", re.I)
# Words showing that a clause is about some other business, not the one talking.
_OTHER_BUSINESS = re.compile(
    r"\b(?:parent|group|owners?|shareholders?|subsidiar(?:y|ies)|suppliers?|customers?|"
    r"clients?|partners?|investors?|competitors?|they|their|them|"
    r"the\s+other\s+(?:company|business|firm))\b", re.I)
_SELF = re.compile(r"\b(?:we|we're|we've|we'd|our|ours|us|i|i'm|my)\b", re.I)
_CORRECTION = (r"(?:\b(?:sorry|i\s+mean|i\s+meant|correction|make\s+(?:that|it)|or\s+rather|"
               r"actually|scratch\s+that)\b|\bno\s*,)")
_CORRECTION_RE = re.compile(_CORRECTION, re.I)


class _Message:
    """A message being read: its text, its sentences and clauses, and the spans already read
    as some fact (so that no other rule reads the same words again)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._sentence_breaks = [m.span() for m in _SENTENCE_BREAK.finditer(text)]
        self._clause_breaks = [m.span() for m in _CLAUSE_BREAK.finditer(text)]
        self._claimed: list[tuple[int, int]] = []
        self.sources: dict[str, str] = {}  # fact -> the words it was read from

    def took(self, fact: str, found: list[_Found[T]]) -> T | None:
        """The last of the readings of `fact`, noting the clause it came from."""
        if not found:
            return None
        last = max(found, key=lambda f: f.start)
        if last.end > last.start:
            lo, hi = self.clause(last.start, last.end)
            self.sources[fact] = self.text[lo:hi].strip(" ,;:-")
        return last.value

    def claim(self, start: int, end: int) -> None:
        self._claimed.append((start, end))

    def claimed(self, start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in self._claimed)

    def _around(self, breaks: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
        lo = max((e for s, e in breaks if e <= start), default=0)
        hi = min((s for s, e in breaks if s >= end), default=len(self.text))
        return lo, hi

    def sentence(self, start: int, end: int | None = None) -> tuple[int, int]:
        return self._around(self._sentence_breaks, start, start if end is None else end)

    def clause(self, start: int, end: int | None = None) -> tuple[int, int]:
        return self._around(self._clause_breaks, start, start if end is None else end)

    def lead(self, start: int) -> str:
        """The words of the clause before `start`."""
        return self.text[self.clause(start)[0]:start]

    def about_another_business(self, start: int) -> bool:
        """True when the clause so far names another business and has not come back to this
        one: "our customer is in CV1", but not "customers in Coventry from our site in X"."""
        lead = self.lead(start)
        others = list(_OTHER_BUSINESS.finditer(lead))
        return bool(others) and not _SELF.search(lead, others[-1].end())

    def is_question_about_others(self, start: int) -> bool:
        """A question that does not speak of this business: "Is a CVA a problem?"."""
        lo, hi = self.sentence(start)
        asks = self.text[hi:hi + 1] == "?"
        return asks and not _SELF.search(self.text, lo, hi)


def _last(found: list[_Found[T]]) -> T | None:
    return max(found, key=lambda f: f.start).value if found else None


# --- Postcodes -------------------------------------------------------------------------------

# The UK's postcode areas (the letters of an outward code).
_POSTCODE_AREAS = frozenset(
    "AB AL B BA BB BD BF BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN "
    "DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L "
    "LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA "
    "SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS "
    "WV YO ZE".split())
# Only central London districts end in a letter (W1A, EC1A, SW1A), from these sets of letters.
_LETTER_DISTRICT_AREAS = frozenset({"E", "EC", "N", "NW", "SE", "SW", "W", "WC"})
_DISTRICT_LETTERS = {1: "ABCDEFGHJKPSTUW", 2: "ABEHMNPRVWXY"}
# Chemical formulae that have the shape of a real outward code.
_FORMULAE = frozenset({"CO2", "SO2", "CH4", "N2"})

_FULL_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?P<out>[A-Za-z]{1,2}\d[A-Za-z\d]?)\s?"
    r"(?P<in>\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![A-Za-z0-9])")
_OUTWARD_CODE = re.compile(r"(?<![\w-])(?P<out>[A-Za-z]{1,2}\d[A-Za-z\d]?)(?!\w|-[A-Za-z])")
_POSTCODE_CUE = re.compile(
    r"\b(?:in|at|near|from|postcode(?:\s+is)?|post\s+code(?:\s+is)?|district|area)\s*:?\s*$",
    re.I)
_ONLY_A_CODE = re.compile(
    r"\s*(?:(?:it's|it\s+is|our\s+postcode\s+is|postcode:?|we're\s+in|in)\s*)?"
    r"[A-Za-z]{1,2}\d[A-Za-z\d]?\s*[.!]?\s*", re.I)
# A place or postcode the business is not at.
_NOT_HERE = re.compile(
    r"\b(?:not|rather\s+than|instead\s+of|(?:moved|moving|relocated|relocating)\s+(?:away\s+)?"
    r"from|outside(?:\s+of)?|university\s+of|(?:miles?|minutes?|mins?|km|kilomet(?:re|er)s?|"
    r"drive|walk)\s+(?:away\s+)?from|border(?:s|ing)?(?:\s+with)?|towards|near|nr\.?|"
    r"close\s+to|just\s+off)\s+(?:the\s+)?"
    r"(?:in\s+)?$", re.I)
_AN_OFFICE = re.compile(
    r"\b(?:registered\s+(?:office|address)|head\s+office|headquarters|hq|accountants?'?s?|"
    r"postal\s+address|correspondence\s+address)\b[^.;]*$", re.I)
_ANOTHER_SITE = re.compile(
    r"\b(?:other|another|second|separate|different|new)\s+(?:site|premises|unit|factory|works|"
    r"location|plant|workshop)\b", re.I)
_SITE_CUE = re.compile(
    r"\b(?:based|located|situated|site|sites|premises|factory|office|offices|unit|workshop|"
    r"warehouse|plant|headquarters|hq|registered|operate|operating)\b[\w\s,'-]{0,25}$", re.I)


def valid_outward_code(code: str) -> bool:
    """True when `code` (upper case) has the format of a real UK outward code: B15, CV4, W1A."""
    match = re.fullmatch(r"([A-Z]{1,2})(\d)([A-Z\d]?)", code)
    if not match or match[1] not in _POSTCODE_AREAS:
        return False
    area, suffix = match[1], match[3]
    if suffix.isalpha():
        return area in _LETTER_DISTRICT_AREAS and suffix in _DISTRICT_LETTERS[len(area)]
    return True


# --- Money -----------------------------------------------------------------------------------

_MONEY = re.compile(
    rf"(?<![\w.,])(?P<pre>£|€|\b(?:gbp|eur)\s?)?(?P<num>{_NUM})"
    r"(?:(?P<short>k|m|mn|bn|b)\b|\s?(?P<word>million|billion|thousand|grand|mil|mn|bn)\b)?"
    r"(?:\s?(?P<post>pounds?(?:\s+sterling)?|sterling|euros?|gbp|eur)\b)?", re.I)
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "grand": 1e3, "m": 1e6, "mn": 1e6, "mil": 1e6,
                "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
# A figure with no currency or multiplier, read as money only right after what it measures.
_BARE_AMOUNT = re.compile(
    r"\b(?:turnover|revenues?|sales|balance[\s-]+sheet(?:\s+total)?|total\s+assets)"
    r"(?:\s*(?:of|is|was|were|:|=|-|at|around|about|approximately|roughly|c\.))*\s*"
    rf"(?P<num>{_NUM})\b(?![\w%]|\.\d)", re.I)
# What an amount is for, by the words near it. "grant" is resolved to requested or prior.
_MONEY_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("turnover", re.compile(r"\b(?:turnover|turn(?:s|ed)?\s+over|revenues?|sales|takings)\b",
                            re.I)),
    ("balance_sheet", re.compile(
        r"\b(?:balance[\s-]+sheet(?:\s+total)?|total\s+assets|gross\s+assets)\b", re.I)),
    ("consultancy_cost", re.compile(
        r"\b(?:consult(?:ancy|ants?|ing)|external\s+expert(?:ise|s)|specialist\s+advice|"
        r"advisory)\b", re.I)),
    ("project_cost", re.compile(
        r"\b(?:project|costs?|costing|budget|spend(?:ing)?|invest(?:ment|ing)?|capex|purchase|"
        r"buy(?:ing)?|machine(?:ry|s)?|equipment|kit|robots?|software|tooling|printer|lathe|"
        r"cnc|plant|vehicles?|upgrade)\b", re.I)),
    ("grant", re.compile(r"\b(?:grants?|vouchers?|funding|award|support|subsid(?:y|ies)|"
                         r"contribution|public\s+money)\b", re.I)),
    ("prior_public_support", re.compile(
        r"\b(?:de\s+minimis|state\s+aid|"
        r"subsidy\s+control)\b", re.I)),
)
_REQUEST = re.compile(
    r"\b(?:apply(?:ing)?\s+for|ask(?:ing)?\s+for|request(?:ing)?|looking\s+for|seek(?:ing)?|"
    r"hoping\s+for|like|want(?:ing)?|need(?:ing)?)\b", re.I)
_PAST_SUPPORT = re.compile(
    r"\b(?:received|had|got|(?:been|were|was)\s+(?:given|awarded)|won|secured|obtained|"
    r"previous(?:ly)?|prior|already|last\s+(?:year|month)|in\s+the\s+(?:past|last)|ago|"
    r"(?:19|20)\d\d)\b", re.I)
# "a grant towards a £90k machine": the machine's price is not the grant's purpose.
_TOWARDS = re.compile(
    r"\b(?:towards?|to\s+(?:cover|fund|pay\s+for|help\s+with|buy|purchase|invest\s+in))\b", re.I)
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
_YEARS_AGO = re.compile(rf"\b(?P<n>{_NUM})\s+years?\s+ago\b", re.I)


@dataclass(frozen=True)
class _Amount:
    start: int
    end: int
    money: Money


def _money_of(match: re.Match[str], text: str) -> Money:
    multiplier = _MULTIPLIERS.get((match["short"] or match["word"] or "").lower(), 1.0)
    amount = _to_float(match["num"]) * multiplier + _bound(text, match.start())
    currency_words = f"{match['pre'] or ''} {match['post'] or ''}".lower()
    euro = "€" in currency_words or "eur" in currency_words
    return Money(amount=amount, currency="EUR" if euro else "GBP")


def _financial_window_start(today: date) -> date:
    """The first day of the financial year two before the current one (years start 1 April)."""
    first_year = today.year if today >= date(today.year, 4, 1) else today.year - 1
    return date(first_year - 2, 4, 1)


def _support_year(text: str, today: date) -> int | None:
    """The calendar year an award was received in, when the words say."""
    if match := _YEAR.search(text):
        return int(match[0])
    if match := _YEARS_AGO.search(text):
        return today.year - int(_to_float(match["n"]))
    if re.search(r"\blast\s+year\b", text, re.I):
        return today.year - 1
    return None


# --- Staff -----------------------------------------------------------------------------------

_STAFF_NOUN = (r"(?:members?\s+of\s+staff|staff(?:\s+members)?|employees?|workers|personnel|"
               r"colleagues|team\s+members|heads|ftes?|full[\s-]time\s+equivalents?)")
_STAFF_ADJ = (r"(?:permanent|temporary|skilled|experienced|direct|paid|salaried|core|office|"
              r"production|factory|admin|administrative|technical|other|more|in-house|local|"
              r"highly|total)")
_SIZE_WORD = r"(?:person|people|strong|employee|staff|man|head)"
_BUSINESS_NOUN = (r"(?:company|business|firm|outfit|organi[sz]ation|enterprise|sme|"
                  r"manufacturer|producer|supplier|provider|contractor|subcontractor|"
                  r"specialist|consultancy|agency|practice|studio|workshop|factory|foundry|"
                  r"works|[\w-]*maker)")
_HEADCOUNT: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.I) for p in (
    # "45 staff", "120 employees", "3 FTE", "12 highly skilled workers"
    rf"{_NUM_START}(?P<n>{_NUM})\s*(?:{_STAFF_ADJ}\s+){{0,2}}{_STAFF_NOUN}\b",
    # "we have 12 people", "with 30 people": people only as a business's own
    rf"\b(?:have|has|employ|employs|employing|with|of|are|got)\s+(?:{_QUAL}\s+)?"
    rf"{_NUM_START}(?P<n>{_NUM})\s+(?:{_STAFF_ADJ}\s+){{0,2}}(?:people|persons)\b",
    rf"{_NUM_START}(?P<n>{_NUM})\s+(?:{_STAFF_ADJ}\s+){{0,2}}people\s+"
    r"(?:work|working|are\s+employed|on\s+(?:the|our)\s+payroll)\b",
    # "we employ 12"
    rf"\bemploy(?:s|ing)?\s+(?:{_QUAL}\s+)?{_NUM_START}(?P<n>{_NUM})\b"
    r"(?!\s*(?:%|per\s*cent|percent)|[.,]\d)",
    # "a team of 8", "headcount of 230", "headcount: 230"
    r"\b(?:team|staff|workforce|head\s*count|staff\s+count|payroll)\s*"
    r"(?:of|is|are|was|at|stands\s+at|totals?|:|=|-)?\s*"
    rf"(?:{_QUAL}\s+)?{_NUM_START}(?P<n>{_NUM})\b"
    r"(?!\s*(?:%|per\s*cent|percent|years?|months?|weeks?|hours?|k\b|m\b)|[.,]\d)",
    # "a 12-person company", "a 40-strong workforce"
    rf"{_NUM_START}(?P<n>{_NUM})\s*-?\s*{_SIZE_WORD}\s+"
    r"(?:team|company|business|firm|outfit|operation|workforce|organi[sz]ation|enterprise|sme|"
    r"manufacturer|workshop)\b",
    # "a 600-person automotive interiors manufacturer": the size of the whole business, with
    # words between (not "a 10-person sales team", which is part of it)
    rf"{_NUM_START}(?P<n>{_NUM})\s*-?\s*{_SIZE_WORD}\s+(?:[\w&'-]+\s+){{0,3}}?"
    rf"{_BUSINESS_NOUN}\b",
    # "there are 8 of us"
    rf"\b(?:there\s+are|we\s+are|we're)\s+(?:{_QUAL}\s+)?(?P<n>{_NUM})\s+of\s+us\b",
))
_PART_TIME_HOURS = (
    r"(?:\s*,?\s*\(?\s*(?:(?:each\s+)?(?:on|working|doing|at)\s+|(?=\d)))"
    rf"(?:(?P<pct>{_NUM})\s*(?:%|per\s*cent|percent)"
    rf"|(?P<h>{_NUM})\s*-?\s*(?P<hunit>hours?|hrs?|h\b)?\s*"
    rf"(?:(?:of|out\s+of|/|from)\s*(?:a\s+)?(?P<full>{_NUM})\s*-?\s*(?:hours?|hrs?|h\b)?)?"
    r"(?:\s*(?:a|per|each)\s+week|\s*weekly|\s*pw|\s*-?\s*weeks?)?)")
_FULL_TIMERS = re.compile(
    rf"{_NUM_START}(?P<n>{_NUM})\s*(?:{_STAFF_ADJ}\s+)?(?:full[\s-]?time(?:rs)?|f/t)\b"
    rf"(?!\s+equivalent)(?:\s+{_STAFF_NOUN}|\s+people)?", re.I)
_PART_TIMERS = re.compile(
    rf"{_NUM_START}(?P<n>{_NUM})\s*(?:{_STAFF_ADJ}\s+)?"
    r"(?:of\s+(?:whom|them|these|those)\s+)?(?:are\s+|work\s+|working\s+)?"
    rf"(?:part[\s-]?time(?:rs)?|p/t)\b(?:\s+{_STAFF_NOUN}|\s+people)?(?:{_PART_TIME_HOURS})?",
    re.I)
# People who are not counted in annual work units (the EU SME definition): apprentices, students
# on vocational training contracts, and staff on maternity or parental leave.
_PEOPLE = (r"(?:people|persons?|staff(?:\s+members?)?|members?\s+of\s+staff|employees?|"
           r"colleagues|workers)")
_NOT_COUNTED_STAFF = re.compile(
    rf"(?:{_NUM_START}(?P<n>{_NUM})|(?P<one>\ban?))\s+"
    r"(?P<of>of\s+(?:whom|them|these|those|which|us)\s+)?(?:(?:is|are|being|currently|now)\s+)*"
    rf"(?:(?:an?\s+)?(?:{_STAFF_ADJ}\s+)?apprentices?\b"
    r"|(?:students?|trainees?)\s+on\s+(?:a\s+)?vocational\s+training(?:\s+contracts?)?\b"
    rf"|(?:{_PEOPLE}\s+)?(?:(?:is|are|currently|now)\s+)*on\s+"
    r"(?:maternity|paternity|parental|shared\s+parental|adoption)\s+leave\b)", re.I)
# Uncounted people named as well as a total ("8 staff plus 2 apprentices"), not among it.
_IN_ADDITION = re.compile(
    r"\b(?:plus|and|also|as\s+well\s+as|another|additional|further|besides|on\s+top)\b", re.I)
_ONLY_JOINED = re.compile(r"[\s,]*(?:and\s+)?", re.I)  # "2 apprentices and 1 on leave"
# Part-timers in addition to a total ("8 staff plus 3 part-time"), rather than among it
# ("45 staff, 10 of whom are part-time", "headcount 45 (including 5 part-time)").
_MORE_STAFF = re.compile(r"\b(?:plus|and|also|as\s+well\s+as|another|additional|further|more)\b",
                         re.I)
_CORRECTED_NUMBER = re.compile(
    rf"{_CORRECTION}\s*[,:;-]*\s*(?:(?:it's|it\s+is|we\s+have|we've\s+got|we\s+employ|"
    rf"there\s+are)\s+)?(?:{_QUAL}\s+)?{_NUM_START}(?P<n>{_NUM})\b"
    r"(?!\s*(?:%|per\s*cent|percent)|[.,]\d)", re.I)


def _part_time_share(match: re.Match[str]) -> float:
    """The share of a full-time week one part-timer works (module doc: the rules)."""
    if match["pct"]:
        share = _to_float(match["pct"]) / 100
    elif match["h"] and (match["full"] or match["hunit"]):
        full = _to_float(match["full"]) if match["full"] else FULL_TIME_HOURS
        share = _to_float(match["h"]) / full if full else 0.0
    else:
        return PART_TIME_SHARE
    return share if 0 < share <= 1 else PART_TIME_SHARE


# --- Time trading ----------------------------------------------------------------------------

_DURATION = (
    rf"(?:(?P<n>{_NUM})|(?P<article>\ban?)|(?P<couple>\ba\s+couple\s+of)|(?P<halfa>\bhalf\s+an?))"
    r"(?P<half1>\s+and\s+a\s+half)?\s*-?\s*(?P<unit>years?|yrs?|months?|mths?|weeks?|wks?)\b"
    r"(?P<half2>\s+and\s+a\s+half)?")
_MONTH_NAMES = ("january february march april may june july august september october "
                "november december").split()
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_TRADING = (r"(?:trading|traded|in\s+business|operating|operated|in\s+operation|established|"
            r"going|running|around|existed|in\s+existence|incorporated|open|active)")
_STARTED = (r"(?:founded|established|started(?:\s+(?:trading|up))?|set\s+up|incorporated|"
            r"spun\s+(?:out|off)|"
            r"formed|launched|opened(?:\s+our\s+doors)?|began(?:\s+trading)?|registered|"
            r"went\s+live)")
_TRADING_FOR = re.compile(
    rf"\b{_TRADING}\s+(?:for\s+)?(?:(?:the\s+)?(?:last|past)\s+)?(?:{_QUAL}\s+)?{_DURATION}",
    re.I)
_DURATION_OF_TRADING = re.compile(rf"{_DURATION}\s+(?:of\s+)?(?:trading|in\s+business)\b", re.I)
_AGE = re.compile(
    r"\b(?:we(?:'re|\s+are)|(?:the\s+|our\s+)?(?:company|business|firm)\s+is|it's|it\s+is)\s+"
    rf"(?:only\s+|just\s+)?(?:{_QUAL}\s+)?{_DURATION}\s+old\b", re.I)
# What was started, between the verb and the date: "my dad started the business in 1986".
_THE_BUSINESS = (r"(?:it|(?:the|this|our|my|his|her|their)\s+(?:own\s+)?(?:family\s+)?"
                 r"(?:company|business|firm|shop|factory|workshop|practice))")
_STARTED_ON = re.compile(
    rf"\b(?:{_STARTED}(?:\s+{_THE_BUSINESS})?|{_TRADING})\s+(?:back\s+)?"
    rf"(?:in\s+|since\s+|during\s+)?(?:(?P<month>{_MONTH})\s+)?(?P<year>(?:1[6-9]|20)\d\d)\b",
    re.I)
_STARTED_AGO = re.compile(
    rf"\b{_STARTED}(?:\s+{_THE_BUSINESS}|\s+(?:of|from)\s+(?:the\s+)?[A-Za-z][\w\s]{{0,40}}?)?\s+"
    rf"(?:(?:{_QUAL}\s+)?{_DURATION}\s+ago|last\s+(?P<last>week|month|year))\b", re.I)
_NOT_TRADING = re.compile(
    r"\bpre[\s-]?(?:revenue|trading)\b|\bnot\s+(?:yet\s+)?(?:started\s+)?trading\b|"
    r"\b(?:have|has)(?:\s+not|n't)\s+(?:yet\s+)?(?:started\s+)?trad(?:ed|ing)\b|"
    r"\byet\s+to\s+(?:start\s+)?trad(?:e|ing)\b", re.I)
_LAST_PERIOD_MONTHS = {"week": 0.2, "month": 1.0, "year": 12.0}
# A duration of something other than the business: "the project runs for 12 months".
_NOT_THE_BUSINESS_AGE = re.compile(
    r"\b(?:project|programme|scheme|grant|contract|lease|loan|monitoring|warranty|round|call|"
    r"competition|offer|application|machine|equipment)\b", re.I)
_PRE_REVENUE = re.compile(r"\bpre[\s-]?revenue\b", re.I)
# Read only when nothing above is: the business has done what it does since a year ("baking
# bread since 1996", "we've been doing this since 2011") or for a time ("we've built boat
# trailers for 9 years"), both in a clause about the business, not a person's career.
_DOING_SINCE = re.compile(
    rf"\bsince\s+(?:(?P<month>{_MONTH})\s+)?(?P<year>(?:1[6-9]|20)\d\d)\b", re.I)
_DOING_FOR = re.compile(
    r"\b(?:we|i)(?:'ve|\s+have)\s+(?:been\s+)?(?:[a-z-]+)\b[^.;!?]{0,60}?\bfor\s+"
    rf"(?:(?:the\s+)?(?:last|past)\s+)?(?:(?:over|more\s+than|almost|nearly|{_QUAL})\s+)?"
    rf"{_DURATION}", re.I)
_A_CAREER = re.compile(
    r"\b(?:i've\s+worked|i\s+have\s+worked|career|experience|industry|personally|myself|"
    r"director|ceo|md|joined|employed|lived|live|married|owned|premises|site|unit|building|"
    r"address|moved|based|grant|loan|funding|administration|insolven\w*|cva|liquidation|"
    r"receivership|customer|client|supplier|contract|lease)\b", re.I)


def _duration_months(match: re.Match[str]) -> float:
    if match["n"]:
        count = _to_float(match["n"])
    elif match["couple"]:
        count = 2.0
    elif match["halfa"]:
        count = 0.5
    else:
        count = 1.0
    if match["half1"] or match["half2"]:
        count += 0.5
    unit = match["unit"].lower()
    if unit.startswith("y"):
        return count * 12
    if unit.startswith("w"):
        return round(count * 12 / 52, 1)
    return count


def _months_since(start: date, today: date) -> float:
    months = (today.year - start.year) * 12 + today.month - start.month
    if today.day < start.day:
        months -= 1
    return float(max(months, 0))


def _months_since_period(first: date, last: date, today: date) -> float:
    """Months since the middle of the part of [first, last] that has passed."""
    if first > today:
        return 0.0
    last = min(last, today)
    return _months_since(first + (last - first) / 2, today)


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


# --- Ownership -------------------------------------------------------------------------------

_SHARE = rf"(?:{_NUM_START}(?P<share>{_NUM})\s*(?:%|per\s*cent\b|percent\b)|(?P<half>\bhalf))"
_OWNED_BY = re.compile(
    rf"(?:{_SHARE}(?:\s+of\s+(?:us|(?:our|the)\s+(?:shares|equity|capital|company|business|"
    r"firm|voting\s+rights)))?(?:\s+(?:is|are))?[\s-]*)?"
    r"(?P<whole>\b(?:wholly|fully|entirely)[\s-]+)?"
    r"(?P<partly>\b(?:partly|partially|part|jointly|majority|minority|co)[\s-]+)?"
    r"\b(?:(?:owned|held|controlled)\s+by|owned\s+(?P<subsidiary>subsidiary)\s+of)\s+", re.I)
_HOLDS = re.compile(
    rf"\b(?:owns?|holds?|has|have|controls?|bought|acquired|purchased|took|has\s+taken|"
    rf"invested\s+in)\s+(?:a\s+|an\s+)?{_SHARE}"
    r"(?:\s+(?:stake|share|shareholding|holding|interest|equity\s+stake))?"
    r"(?:\s+(?P<prep>of|in)\s+)?", re.I)
_FAMILY_OWNED = re.compile(r"\b(?P<who>family|founder|director|employee|management)[\s-]+owned\b",
                           re.I)
_SELF_SUBJECT = re.compile(
    r"\b(?:we|we're|we've|us|i|i'm|(?:the|our|my)\s+(?:company|business|firm))\b", re.I)
_WE = re.compile(r"(?:we|i)(?:\s+(?:also|now|currently|still))?", re.I)
_OUR_EQUITY = re.compile(
    r"(?:us|it|our\s+(?:shares|equity|capital|company|business|firm|voting\s+rights)|"
    r"the\s+(?:shares|equity|capital|company|business|firm))\b", re.I)
_SUBJECT_BREAK = re.compile(
    r",\s|;|\s(?:but|while|whereas)\s|\sand\s(?=(?:a|an|the|our|my|another|\d+)\b)", re.I)
_PRONOUN = re.compile(r"(?:they|it|he|she|this|that|who|which)", re.I)
_HOLDER_END = re.compile(
    r"[.;!?](?=\s|$)|\n|,\s*(?:and\s+|but\s+)?(?:we|our|i|us)\b|"
    rf"\s(?:and|but|while|whereas)\s+(?:we|our|i|us)\b|\sbut\b|\swhile\b|"
    rf"(?:,|\sand)\s+{_NUM_START}{_NUM}\s*(?:%|per\s*cent|percent)", re.I)
_HOLDER_LABEL_END = re.compile(
    r"\s+(?:with|which|that|who|whose|employing|having|turning\s+over)\b|,\s|"
    r"\s+and\s+(?:its|their)\b",
    re.I)
_HOLDER_STAFF: tuple[re.Pattern[str], ...] = (
    re.compile(rf"{_NUM_START}(?P<n>{_NUM})\s*-?\s*(?:{_STAFF_ADJ}\s+)?"
               r"(?:person|people|employees?|staff|strong|workers|ftes?|heads)\b", re.I),
    re.compile(rf"\bemploy(?:s|ing)?\s+(?:{_QUAL}\s+)?{_NUM_START}(?P<n>{_NUM})\b", re.I),
)
_LISTED_STAFF = re.compile(
    rf"{_NUM_START}{_NUM}\s*(?:staff|employees|people|fte|workers|heads)\b", re.I)
# Words that refer back to a holder just named: "- they have 500 staff", ". The group has".
_REFERS_BACK = re.compile(
    r"(?:\s*(?:of\s+)?(?:(?:our|the|its)\s+(?:[\w-]+\s+){0,2}?(?:shares|equity|business|"
    r"company|firm)|us)\b)?\s*(?:[-–,;:(]\s*)?(?:and\s+|which\s+|who\s+)?(?:they|it|which|who|"
    r"(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:group|parent|company|firm|investor|business|"
    r"owner|shareholder|corporation|multinational|enterprise|fund)|their|its)\b(?!\s+(?:own|"
    r"owns|hold|holds)\b)", re.I)
# Words that turn back to the business itself: "; we have 45 staff".
_SELF_AGAIN = re.compile(r"(?:[;,]|\band\b|\bbut\b)\s+(?:we|our|us|here)\b", re.I)
_HOLDER_KINDS: tuple[tuple[HolderKind, re.Pattern[str]], ...] = (
    # people, whatever other words they come with
    ("individual", re.compile(
        r"\b(?:business\s+partners?|employee\s+ownership\s+trust|eot|management\s+team|"
        r"my\s+(?:wife|husband|partner|family)|md|ceo|managing\s+director|chair(?:man|woman)?|"
        r"proprietors?|owner[\s-]managers?|boss)\b", re.I)),
    ("university", re.compile(r"\b(?:universit(?:y|ies)|college|higher\s+education)\b", re.I)),
    ("public_body", re.compile(
        r"\b(?:nhs|council|local\s+authorit(?:y|ies)|government|public\s+(?:body|bodies|sector|"
        r"authority)|combined\s+authority|ministry|department\s+(?:of|for)|crown|municipal|"
        r"state[\s-]+owned|health\s+board)\b", re.I)),
    ("investor", re.compile(
        r"\b(?:venture\s+capital|vc|investors?|investment|funds?|private\s+equity|"
        r"business\s+angels?|angels?|crowd[\s-]?fund\w*|family\s+office)\b", re.I)),
    ("enterprise", re.compile(
        r"\b(?:group|compan(?:y|ies)|firm|plc|ltd|limited|corporation|corp|holdings?|parent|"
        r"business|enterprise|supplier|customer|manufacturer|multinational|conglomerate|llc|"
        r"inc|gmbh)\b", re.I)),
    ("individual", re.compile(
        r"\b(?:directors?|founders?|co-?founders?|family|individuals?|people|persons?|partners?|"
        r"shareholders?|owners?|wife|husband|brother|sister|father|mother|son|daughter|me|"
        r"myself|employees|staff|management|managers?|friends?)\b", re.I)),
)


def _holder_kind(label: str, phrase: str) -> HolderKind:
    for text in (label, phrase):
        for kind, pattern in _HOLDER_KINDS:
            if pattern.search(text):
                return kind
    return "unknown"


def _holder_label(phrase: str) -> str:
    end = _HOLDER_LABEL_END.search(phrase)
    return (phrase[:end.start()] if end else phrase).strip(" ,-")


# --- Insolvency ------------------------------------------------------------------------------

_INSOLVENCY = re.compile(
    r"\b(?:(?:in|into|entered|enter|entering|under|placed\s+in|go(?:ing|ne)?\s+into|went\s+into|facing|"
    r"near)\s+(?:an?\s+|the\s+)?administration|liquidation|receivership|insolven(?:t|cy)|"
    r"(?:company\s+)?voluntary\s+arrangement|cva|winding[\s-]+up|wound\s+up|bankrupt(?:cy)?|"
    r"(?:gone|went|going|go)\s+(?:bust|under)|been\s+bust|"
    r"(?:administrators?|receivers?|liquidators?)\s+(?:have\s+been\s+|has\s+been\s+|were\s+|"
    r"was\s+)?appointed|appointed\s+(?:an?\s+|the\s+)?(?:administrators?|receivers?|"
    r"liquidators?))\b", re.I)
_SOLVENT = re.compile(r"\bsolvent\b", re.I)
_SOLVENT_PREDICATE = re.compile(
    r"(?:\b(?:are|is|am|remain|remains|be|being|fully|financially|completely|perfectly|still|"
    r"not|and)|'re|n't)\s+$", re.I)
# "22 staff, £2.6m turnover, solvent.": the word alone, as one item in a list of facts.
_SOLVENT_ALONE = re.compile(
    r"\s*(?:(?:and|also|fully|financially|completely|perfectly|totally|entirely|still)\s+)*"
    r"solvent\s*", re.I)
_NEGATION = re.compile(r"\b(?:not|no|never|nor|neither|without|none|nobody|no\s+one|"
                       r"free\s+(?:of|from))\b|n't\b",
                       re.I)
_PAST_STATE = re.compile(
    r"\b(?:were|was|had|had\s+been|used\s+to|previously|formerly|came\s+out|exited|emerged|"
    r"history)\b", re.I)
_NOW = re.compile(r"\b(?:now|currently|at\s+present|still|this\s+(?:week|month)|today|"
                  r"recently|last\s+(?:week|month))\b", re.I)
# After the words, in the same sentence: it is over ("a CVA in 2019, out of it in 2020").
_OVER_AFTER = re.compile(
    r"\b(?:came\s+out|come\s+out|out\s+of\s+it|exited|emerged|ended|completed|discharged|"
    r"finished|paid\s+off|behind\s+us|over\s+now|since\s+then|back\s+in|years?\s+ago|"
    r"(?<!since\s)(?:19|20)\d\d)\b", re.I)


# --- Local authority -------------------------------------------------------------------------

_COUNCIL = re.compile(r"\s*\b(?:(?:metropolitan\s+)?borough\s+|district\s+|city\s+|county\s+)?"
                      r"council\b", re.I)
_CAPITALISED_NAME = re.compile(r"(?:[A-Z][a-z'&-]+\s+){0,2}[A-Z][a-z'&-]+$")
_NOT_A_COUNCIL_NAME = frozenset({"our", "the", "local", "a", "my", "your", "their", "this",
                                 "that", "city", "town", "parish", "county", "district"})
_UNIVERSITY_AFTER = re.compile(r"\s+(?:city\s+)?university\b", re.I)


# --- Sector ----------------------------------------------------------------------------------

_ACTIVITY_VERBS = (
    r"(?:make|manufacture|produce|design|build|develop|write|create|code|program|supply|sell|"
    r"distribute|provide|offer|grow|farm|fish|mine|install|repair|maintain|service|process|"
    r"recycle|refurbish|convert|print|test|machine|fabricate|assemble|cast|mould|mold|coat|"
    r"clean|transport|haul|import|export|brew|bake|cater|publish|host|rear|breed|engineer|"
    r"consult|retail|trade|operate|run|roast|pack|package|weld|paint|plate|galvani[sz]e|polish|"
    r"grind|sew|upholster|knit|weave|dye|blend|bottle|smoke|deliver|restore|hire|rent|lease|"
    r"teach|train|treat|care|blast|spray)(?:s|es)?")
_ACTIVITY_LEADS: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.I) for p in (
    # "we are a precision engineering firm making aerospace brackets"
    r"\b(?:we\s+are|we're|i\s+am|i'm|(?:the|our|my)\s+(?:company|business|firm)\s+is|it's|"
    r"it\s+is)\s+(?:an?)\s+",
    # "I run a bakery"
    r"\b(?:we|i)\s+(?:run|own|manage|operate)\s+(?:an?)\s+",
    # "we make aerospace brackets"
    r"\b(?:we|i|(?:the|our|my)\s+(?:company|business|firm))\s+"
    r"(?:(?:also|mainly|mostly|primarily|currently|now|largely|just|only)\s+)?"
    rf"(?=(?:[a-z]+-)?{_ACTIVITY_VERBS}\b)",
    # "we've built boat trailers for 9 years", "we have been making signs since 1990"
    r"\b(?:we|i)(?:'ve|\s+have)\s+(?:been\s+|always\s+)?(?=(?:made|manufactured|produced|designed|"
    r"built|supplied|sold|distributed|installed|repaired|serviced|fabricated|assembled|printed|"
    r"machined|coated|baked|brewed|roasted|packed|bred|reared|grown|farmed|fished|run|"
    r"making|manufacturing|producing|designing|building|supplying|selling|installing|"
    r"repairing|printing|machining|coating|baking|brewing|roasting)\b)",
    # "we're toolmakers", "we are groundworks and civil engineering contractors"
    r"\b(?:we\s+are|we're)\s+(?:(?:mainly|mostly|primarily|specialist|independent)\s+)?"
    r"(?=(?:[a-z&-]+\s+){0,4}[a-z-]+(?:ers|ors|ists|smiths|wrights|iers)\b)",
    # "we specialise in wire harnesses"
    r"\bspeciali[sz](?:e|es|ing)\s+in\s+",
    # "we're in the food manufacturing sector"
    r"\b(?:we(?:'re|\s+are)|i(?:'m|\s+am)|(?:we|i)\s+work)\s+in\s+(?:the\s+)?"
    r"(?=[\w\s&,-]{2,60}?\b(?:sector|industry|trade|market|space)\b)",
    # "sector: food manufacturing"
    r"\b(?:our\s+)?(?:sector|industry)\s*(?:is|:|-)\s*",
))
_PHRASE_STOP = re.compile(
    r"[.;!?\n(]|,\s|\s[-–]\s"
    r"|\s+(?:with|employing|based|located|situated|since|who|whose|but|because|so|although|"
    r"though|and\s+(?:we|our|i|have|are|employ|turn|were)|which\s+(?:has|have|employs|is|are)|"
    r"that\s+(?:has|have|employs)|for\s+(?:the\s+)?(?:last|past)|for\s+\w+\s+(?:years?|months?)|"
    r"for\s+over|founded|established|trading|turning\s+over|turnover|owned|headcount|looking|"
    r"hoping|wanting|want|need|needing|would|we'd|and\s+would)\b"
    r"|\s+(?:from|in|at|near)\s+(?:the\s+)?(?-i:[A-Z])"
    r"|\s+(?:in|at)\s+[A-Za-z]{1,2}\d"
    r"|[\s-]owned\b|\s+subsidiary\s+of\b"
    r"|$", re.I)
_PLACE_PREPOSITION = re.compile(r"\s+(?:in|at|from|near)\s+$", re.I)
# An activity told by a participle, with no lead ("... started the business in 1986 making brass
# fittings", "a toolmaker in Tyseley making press tools"). Only participles that are seldom the
# head of a compound noun ("powder coating", "3D printing" are names of trades, not verbs here).
_ACTIVITY_GERUND = re.compile(
    r"\b(?:making|manufacturing|producing|designing|developing|writing|creating|supplying|"
    r"selling|distributing|providing|installing|repairing|maintaining|servicing|fabricating|"
    r"assembling|importing|exporting|brewing|baking|casting|moulding|molding|refurbishing|"
    r"converting|machining|printing|coating|welding|packaging|packing|processing|recycling|"
    r"plating|finishing|roasting|farming|breeding|rearing|fishing|programming|restoring|"
    r"upholstering|galvani[sz]ing|polishing|painting)\s+", re.I)
# A participle after these words is not the business's activity: "interested in developing",
# "a machine for making", "the making of".
_NOT_BEFORE_GERUND = frozenset(
    "about at on for of by to in into with without from after before since while when than "
    "towards toward through via upon against despite including like love enjoy start started "
    "starting begin began begun stop stopped keep kept consider considering considered try "
    "trying tried finish finished avoid help helps interested looking thinking plan planning "
    "need needs want wants mind involved spend spent spending a an the our my your their its "
    "his her this that these those no not".split())
# Nor is it when what follows is not a thing made or done: "making a loss", "making sure",
# "manufacturing sector", "developing for the NHS".
_NOT_A_GERUND_OBJECT = frozenset(
    "a an the this that these those our my your their its his her it them us him some any all "
    "to for of in on at with by from into about as sure use progress money profit profits loss "
    "losses changes improvements savings headway sense time way things up out do sector sectors "
    "industry industries service services capability capabilities capacity facility facilities "
    "process processes plant site sites line lines operation operations business company firm "
    "skills expertise experience specialist specialists technique techniques method methods "
    "team teams sme smes".split())
# Words between an activity cut off by a place and the activity that continues after it:
# "in Tyseley", "at Unit 4, Kingsbury Road", "in Erdington, B24 9PX".
_LOCATION_WORDS = frozenset(
    "in at from near on based located situated the of upon under and".split())
_LOCATION_TOKEN = re.compile(
    r"[A-Z][\w'&.-]*|[A-Za-z]{1,2}\d[A-Za-z\d]?|\d[A-Za-z]{2}|\d+[A-Za-z]?")
# A message may open with the business as a bare noun phrase: "Powder coating firm, DY5 3UP.
# 22 staff". Words that show the opening is something else (a greeting, a question, a sentence
# with a subject and verb, a request) rule it out.
_NOT_IN_AN_OPENING_NOUN_PHRASE = frozenset(
    "i me my we us our you your they them their he she it its this that these those there here "
    "is are am was were be been being have has had do does did can could would should will "
    "shall may might must need needs want wants looking hope hoping think know help tell ask "
    "asking please thanks thank cheers hi hello hey dear morning afternoon evening yes no yeah "
    "ok okay sorry what how who which where when why whether if so just not also quick question "
    "questions query enquiry inquiry advice info information check about regarding re subject "
    "same again update updated correction actually follow following message "
    "eligibility eligible grant grants funding fund apply application applying support "
    "trading going running operating turnover staff employees owned solvent insolvency "
    "established founded incorporated started".split())
_NOT_AN_OPENING_WORD = frozenset(
    "in at on for from to with by of about as and but or after before since because while "
    "when".split())
# The ends of nouns that name an activity or its makers: "moulding", "upholstery", "printers".
_ACTIVITY_NOUN = re.compile(
    r"(?:ing|ery|ers?|ors?|ists?|ics|tion|ware|smiths?|wrights?|ry|ies|ure|ancy|ency)$")
_LEADING_ARTICLE = re.compile(r"\s*(?:(?:a|an|the)\s+)?", re.I)
_CONTRACTION = re.compile(r"'(?:re|m|ve|ll|d)\b|n't\b", re.I)
_MAX_OPENING_WORDS = 8  # a longer opening without a verb is not a name for a business
# Words that say nothing about what a business does.
_GENERIC_WORDS = frozenset(
    "a an the of and small medium micro large sized sme smes business company firm enterprise "
    "start up startup team family run owned limited ltd plc llp partnership sole trader new "
    "young growing local independent uk british group subsidiary member part spin out social "
    "very fairly relatively quite fully wholly partly private we our us it is person people "
    "staff based organisation organization project question".split())

_SIC_CODE = r"\d{2}(?:\.\d{1,2}(?:/\d)?|\d{1,3})?"
_SIC = re.compile(
    r"\b(?:SIC|standard\s+industrial\s+classification)\b(?:\s*\(?\s*2007\s*\)?(?!\d))?"
    r"(?:\s*(?:codes?|numbers?|nos?\.?|class(?:es)?))?\s*(?:is|are|:|-|=|of)?\s*"
    rf"(?P<codes>{_SIC_CODE}(?:\s*(?:,|and|&|/|or|\+)\s*{_SIC_CODE})*)(?![\d.]\d)", re.I)


def sic_class(code: str) -> str:
    """A SIC 2007 code as its class: "25620", "2562", "25.62/1" -> "25.62"; "011" -> "01.1"."""
    digits = code.split("/")[0].replace(".", "")
    if len(digits) >= 4:
        return f"{digits[:2]}.{digits[2:4]}"
    if len(digits) == 3:
        return f"{digits[:2]}.{digits[2]}"
    return digits


# --- Bare answers to a question just asked ---------------------------------------------------

_BARE_NUMBER = re.compile(rf"\s*(?:(?:{_QUAL}|it's|it\s+is|we\s+have)\s+)*(?P<n>{_NUM})\s*[.!]?\s*",
                          re.I)
_BARE_DURATION = re.compile(rf"\s*(?:(?:{_QUAL}|for)\s+)*{_DURATION}\s*[.!]?\s*", re.I)
_BARE_YEAR = re.compile(rf"\s*(?:(?:since|in|from)\s+)?(?:(?P<month>{_MONTH})\s+)?"
                        r"(?P<year>(?:19|20)\d\d)\s*[.!]?\s*", re.I)
_YES = re.compile(r"\s*(?:yes|yeah|yep|yup|correct|we\s+are|i'm\s+afraid\s+so|sadly\s+so)\b",
                  re.I)
_NO = re.compile(r"\s*(?:no|nope|not|none|nothing|nil|zero|never|we\s+(?:are\s+not|aren't|"
                 r"haven't|have\s+not))\b", re.I)


_DOING = re.compile(
    rf"\b(?:we|we've|we're|our|us|i|i've|it|have\s+done|{_ACTIVITY_VERBS}|[a-z]+ing)\b", re.I)


def _initials(name: str) -> str:
    """ "Research Aid Limit" -> "RAL"; "" for a name of fewer than two words."""
    words = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _normalise(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")


class FactExtractor:
    """Reads `Facts` from one message by rule (see the module doc for the judgements made).

    `places` maps place, town and council names (any case) to the local authority they are in;
    `known_districts` are the postcode outward codes the policy knows. A postcode of valid UK
    format that is not known is still returned (the engine says it does not recognise it).
    """

    def __init__(self, places: dict[str, str] | None = None,
                 known_districts: set[str] | None = None,
                 subsidy_names: list[str] | None = None) -> None:
        self._places: dict[str, str] = {}
        for name, authority in (places or {}).items():
            if not isinstance(name, str) or not name.strip():
                raise ValueError(f"a place name must be non-empty text; got {name!r}")
            if not isinstance(authority, str) or not authority.strip():
                raise ValueError(f"place {name!r} must map to a local authority name; "
                                 f"got {authority!r}")
            self._places[" ".join(words_to_digits(name).lower().split())] = authority.strip()
        self._known_districts: set[str] = set()
        for code in known_districts or ():
            normal = str(code).strip().upper()
            if not valid_outward_code(normal):
                raise ValueError(f"known district {code!r} is not a UK postcode outward code "
                                 "such as 'B15' or 'CV4'")
            self._known_districts.add(normal)
        # the policy's name for its subsidy regime and its initials (as "Research Aid
        # Limit", "RAL") are read as the generic "state aid"
        words = [n for name in subsidy_names or [] for n in (name, _initials(name)) if n]
        self._subsidy_re = (re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
            + r")\b", re.I) if words else None)
        names = sorted(self._places, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
        self._place_re = (re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)
                          if names else None)
        self._place_at_end = (re.compile(rf"(?<!\w)(?:{alternatives})$", re.I)
                              if names else None)

    @classmethod
    def from_policy(cls, policy: Policy) -> FactExtractor:
        """Place names and districts from the policy's areas: each council (as itself), each
        town (as its council), each authority outside the area that the policy points elsewhere
        (as itself), and every district's outward code."""
        places: dict[str, str] = {}
        for area in policy.areas:
            for town, council in area.towns.items():
                places.setdefault(town.lower(), council)
        for area in policy.areas:
            for council in area.councils:
                places[council.lower()] = council
            for pointer in area.outside:
                places.setdefault(pointer.authority.lower(), pointer.authority)
        districts = {d.district.upper() for area in policy.areas for d in area.districts}
        return cls(places=places, known_districts=districts,
                   subsidy_names=[policy.rates.subsidy_name])

    def extract(self, text: str, today: date | None = None,
                asked: AskedFact | None = None) -> Facts:
        """The facts one message states (see `read`)."""
        return self.read(text, today, asked)[0]

    def read(self, text: str, today: date | None = None,
             asked: AskedFact | None = None) -> tuple[Facts, dict[str, str]]:
        """The facts one message states, and for each the words it was read from (as the
        readers saw them: shorthand written out). `today` dates "founded in 2019" and the
        financial years of prior support; `asked` is the fact the conversation has just asked
        for, so that a bare answer ("45", "about £2m", "no") is read as it."""
        if not isinstance(text, str):
            raise TypeError(f"a message must be text; got {type(text).__name__}")
        if asked is not None and asked not in get_args(AskedFact):
            raise ValueError(f"cannot read an answer to {asked!r}; facts that can be asked: "
                             f"{', '.join(get_args(AskedFact))}")
        today = today or date.today()
        original = rewrite(_normalise(text))
        if self._subsidy_re is not None:
            original = self._subsidy_re.sub("state aid", original)
        msg = _Message(words_to_digits(original))

        sic_codes = self._sic_codes(msg)
        postcode = self._postcode(msg, asked)
        holdings = self._holdings(msg)
        for match in _PERCENT.finditer(msg.text):
            msg.claim(*match.span())
        months = self._months_trading(msg, today)
        money, unassigned = self._money(msg, today)
        employees = self._employees(msg, unassigned)
        local_authority = self._local_authority(msg)
        insolvent = self._insolvent(msg)
        # an opening noun phrase is read as the business only in a message describing it
        stated = [employees, postcode, local_authority, months, insolvent, *sic_codes,
                  *holdings, *money.values()]
        facts = Facts(
            employees=employees,
            postcode=postcode,
            local_authority=local_authority,
            sector_text=self._sector_text(
                original, describes_business=any(v is not None for v in stated)),
            sic_codes=sic_codes,
            months_trading=months,
            holdings=holdings,
            insolvent=insolvent,
            **money,  # type: ignore[arg-type]  # Money fields only
        )
        if asked:
            facts = self._answer_to(asked, msg, facts, unassigned, today)
            if asked in facts.known() and asked not in msg.sources:
                msg.sources[asked] = msg.text.strip()
        if insolvent is not None:
            msg.sources.setdefault("insolvent", "")
        if holdings:
            msg.sources["holdings"] = "; ".join(h.holder for h in holdings)
        if facts.sector_text:
            msg.sources["sector_text"] = facts.sector_text
        known = facts.known()
        return facts, {k: v for k, v in msg.sources.items() if k in known and v}

    # -- postcodes and places -----------------------------------------------------------------

    def _postcode(self, msg: _Message, asked: AskedFact | None) -> str | None:
        found: list[_Found[str]] = []
        for match in _FULL_POSTCODE.finditer(msg.text):
            outward = match["out"].upper()
            if valid_outward_code(outward):
                msg.claim(*match.span())
                found.append(_Found(match.start(), match.end(),
                                    f"{outward} {match['in'].upper()}"))
        for match in _OUTWARD_CODE.finditer(msg.text):
            if msg.claimed(*match.span()):
                continue
            outward = match["out"].upper()
            if valid_outward_code(outward) and self._outward_accepted(msg, match, asked):
                msg.claim(*match.span())
                found.append(_Found(match.start(), match.end(), outward))
        return self._best_location(msg, found, "postcode")

    def _outward_accepted(self, msg: _Message, match: re.Match[str],
                          asked: AskedFact | None) -> bool:
        """An outward code alone is read as one only with something saying it is a location:
        "in DY1", "postcode WS1", a message that is just the code, or a known district written
        in capitals."""
        code = match["out"].upper()
        if code in _FORMULAE:
            return False
        if asked == "postcode" or _ONLY_A_CODE.fullmatch(msg.text):
            return True
        if _POSTCODE_CUE.search(msg.text, max(0, match.start() - 30), match.start()):
            return True
        return match["out"].isupper() and code in self._known_districts

    def _best_location(self, msg: _Message, found: list[_Found[str]],
                       fact: str) -> str | None:
        """The business's own site among the locations named: not one it says it is not at or
        one of another business; one named as its site over one merely mentioned; else the
        last."""
        own = [f for f in found
               if not _NOT_HERE.search(msg.text, max(0, f.start - 40), f.start)
               and not msg.about_another_business(f.start)]
        if _ANOTHER_SITE.search(msg.text):  # "head office in CV1; the press goes in our
            own = [f for f in own          # second factory": the office is not the site
                   if not _AN_OFFICE.search(msg.text, max(0, f.start - 50), f.start)]
        sites = [f for f in own if _SITE_CUE.search(msg.text, max(0, f.start - 60), f.start)]
        return msg.took(fact, sites) or msg.took(fact, own)

    def _local_authority(self, msg: _Message) -> str | None:
        found: list[_Found[str]] = []
        if self._place_re is not None:
            for match in self._place_re.finditer(msg.text):
                if msg.claimed(*match.span()) or _UNIVERSITY_AFTER.match(msg.text, match.end()):
                    continue
                name = " ".join(match[0].lower().split())
                found.append(_Found(match.start(), match.end(), self._places[name]))
        for council in _COUNCIL.finditer(msg.text):
            if msg.claimed(*council.span()):
                continue
            named = self._council_named(msg.text[:council.start()].rstrip())
            if named:
                found = [f for f in found if f.end <= council.start() - len(named[1]) - 1
                         or f.start >= council.end()]
                found.append(_Found(council.start() - len(named[1]), council.end(), named[0]))
        return self._best_location(msg, found, "local_authority")

    def _council_named(self, before: str) -> tuple[str, str] | None:
        """(authority, the words naming it) for "... Warwick District Council"."""
        if self._place_at_end is not None and (known := self._place_at_end.search(before)):
            return self._places[" ".join(known[0].lower().split())], known[0]
        name = _CAPITALISED_NAME.search(before)
        if name and name[0].split()[0].lower() not in _NOT_A_COUNCIL_NAME:
            return name[0], name[0]
        return None

    # -- sector -------------------------------------------------------------------------------

    def _sector_text(self, text: str, describes_business: bool) -> str | None:
        """The phrases that say what the business does: after a lead ("we are a", "we make"),
        then activities told by a participle alone; and, in a message that goes on to state
        facts about the business, an opening bare noun phrase ("Powder coating firm, DY5 3UP")."""
        found: list[tuple[int, str]] = []
        for lead in _ACTIVITY_LEADS:
            found += [(m.end(), p) for m in lead.finditer(text)
                      if (p := self._activity_phrase(text, m.end()))]
        if describes_business and (opening := self._opening_phrase(text)):
            found.append(opening)
        if describes_business:
            found += self._sentence_openings(text)
        found += self._gerund_phrases(text)
        phrases: list[tuple[int, str]] = []
        for start, phrase in found:  # the first reading of the same words is kept
            if not any(phrase in p or p in phrase for _, p in phrases):
                phrases.append((start, phrase))
        return "; ".join(p for _, p in sorted(phrases)) or None

    def _activity_phrase(self, text: str, start: int) -> str | None:
        end = self._phrase_end(text, start)
        words = text[start:end].split()
        # "a toolmaker in Tyseley making press tools": the place is dropped, the activity kept
        if (after := self._activity_after_place(text, end)) is not None:
            rest = self._activity_phrase(text, after)
            words += rest.split() if rest else []
        phrase = " ".join(words[:_MAX_PHRASE_WORDS]).strip(" ,-")
        if re.search(r"[%£€$]", phrase):
            return None
        content = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in _GENERIC_WORDS]
        return phrase if content else None

    def _phrase_end(self, text: str, start: int) -> int:
        stop = _PHRASE_STOP.search(text, start + 1)
        end = stop.start() if stop else len(text)
        place = self._place_re.search(text, start, end) if self._place_re else None
        # "a bakery in smethwick": the place is where, not what
        if place and (before := _PLACE_PREPOSITION.search(text, start, place.start())):
            end = before.start()
        return end

    def _activity_after_place(self, text: str, end: int) -> int | None:
        """Where an activity resumes after the place that cut a phrase off, when only the place
        (names, postcode, street number) stands between: "in Tyseley making press tools"."""
        sentence = _SENTENCE_BREAK.search(text, end)
        stop = sentence.start() if sentence else len(text)
        gerund = next((g for g in _ACTIVITY_GERUND.finditer(text, end, stop)
                       if self._gerund_is_activity(text, g)), None)
        if gerund is None:
            return None
        between = text[end:gerund.start()]
        if self._place_re is not None:
            between = self._place_re.sub(" Place ", between)
        tokens = [t for t in re.split(r"[\s,()]+", between) if t]
        places = [t for t in tokens if t.lower() not in _LOCATION_WORDS]
        if not places or not all(_LOCATION_TOKEN.fullmatch(t) for t in places):
            return None
        return gerund.start()

    @staticmethod
    def _gerund_is_activity(text: str, gerund: re.Match[str]) -> bool:
        before = re.findall(r"[\w']+", text[max(0, gerund.start() - 30):gerund.start()])
        after = re.match(r"[\w']+", text[gerund.end():])
        if before and before[-1].lower() in _NOT_BEFORE_GERUND:
            return False
        return after is not None and after[0].lower() not in _NOT_A_GERUND_OBJECT

    def _gerund_phrases(self, text: str) -> list[tuple[int, str]]:
        msg = _Message(text)
        # a participle is never a name, so a capital on it only starts a sentence
        return [(g.start(), p[0].lower() + p[1:]) for g in _ACTIVITY_GERUND.finditer(text)
                if self._gerund_is_activity(text, g) and not msg.about_another_business(g.start())
                and (p := self._activity_phrase(text, g.start()))]

    def _opening_phrase(self, text: str, one_word_activity: bool = False
                        ) -> tuple[int, str] | None:
        """The business named by a bare noun phrase at the start of a message, if it opens so:
        "Powder coating firm, DY5 3UP", "Family bakery in Walsall". Not a greeting, a question,
        a sentence with a subject or a verb, nor a name (every word capitalised)."""
        article = _LEADING_ARTICLE.match(text)
        start = article.end() if article else 0
        end = self._phrase_end(text, start)
        words = text[start:end].split()
        sentence = _SENTENCE_BREAK.search(text, start)
        if (not words or len(words) > _MAX_OPENING_WORDS or not words[0][0].isalpha()
                or words[0].lower() in _NOT_AN_OPENING_WORD
                or (sentence is not None and sentence[0] == "?")
                or (all(w[0].isupper() for w in words)
                    and not (one_word_activity and len(words) == 1
                             and _ACTIVITY_NOUN.search(words[0].lower())))):
            return None
        opening = text[start:end]
        lowered = re.findall(r"[a-z]+", opening.lower())
        if (re.search(r"\d", opening) or _CONTRACTION.search(opening)
                or any(w in _NOT_IN_AN_OPENING_NOUN_PHRASE for w in lowered)
                or _SOLVENT.search(opening) or _INSOLVENCY.search(opening)):
            return None
        phrase = self._activity_phrase(text, start)
        if phrase is None:
            return None
        # the capital that starts a sentence is not part of the description; a place's is
        first = phrase.split()[0]
        if first[1:].islower() and not (self._place_re and self._place_re.match(phrase)):
            phrase = phrase[0].lower() + phrase[1:]
        return start, phrase

    def _sentence_openings(self, text: str) -> list[tuple[int, str]]:
        """An activity named by a bare noun phrase opening a later sentence: "Founded 2004.
        Laser cutting, 12 staff". Only a phrase ending in an activity's noun
        ("moulding", "upholstery", "toolmakers") is taken: a later sentence's opening is more
        often something else ("Quick question", "Thanks")."""
        found: list[tuple[int, str]] = []
        for brk in _SENTENCE_BREAK.finditer(text):
            start = brk.end()
            rest = text[start:]
            if not rest.strip():
                continue
            offset = start + len(rest) - len(rest.lstrip())
            opening = self._opening_phrase(text[offset:], one_word_activity=True)
            if opening is None:
                continue
            phrase = opening[1]
            last = re.findall(r"[a-z]+", phrase.lower())
            if last and _ACTIVITY_NOUN.search(last[-1]):
                found.append((offset + opening[0], phrase))
        return found

    def _sic_codes(self, msg: _Message) -> list[str]:
        codes: list[str] = []
        for match in _SIC.finditer(msg.text):
            msg.claim(*match.span())
            for code in re.findall(_SIC_CODE, match["codes"]):
                if (normal := sic_class(code)) not in codes:
                    codes.append(normal)
        return codes

    # -- ownership ----------------------------------------------------------------------------

    def _holdings(self, msg: _Message) -> list[Holding]:
        found: list[_Found[Holding]] = []
        for match in _OWNED_BY.finditer(msg.text):
            if holding := self._owned_by(msg, match):
                found.append(holding)
        for match in _HOLDS.finditer(msg.text):
            if not msg.claimed(*match.span()) and (holding := self._holds(msg, match)):
                found.append(holding)
        for match in _FAMILY_OWNED.finditer(msg.text):
            if not msg.claimed(*match.span()):
                msg.claim(*match.span())
                found.append(_Found(match.start(), match.end(), Holding(
                    share_percent=100, holder=match["who"].lower(), holder_kind="individual")))
        return [self._their_figures(msg, f) for f in sorted(found, key=lambda f: f.start)]

    def _their_figures(self, msg: _Message, found: _Found[Holding]) -> Holding:
        """A holder's own staff and turnover, told in the words that follow and refer back to
        it: "A rival owns 40% - they have 90 staff and £14m turnover", "A French group holds
        60% of us. It employs 3,000 people and turns over €700m"."""
        holding = found.value
        if holding.holder_kind == "individual" or (holding.employees is not None
                                                   and holding.turnover is not None):
            return holding
        sentence_end = msg.sentence(found.start)[1]
        for start in (found.end, sentence_end + 1):
            if start >= len(msg.text):
                break
            refer = _REFERS_BACK.match(msg.text, start)
            if not refer:
                continue
            end = msg.sentence(refer.end())[1]
            if again := _SELF_AGAIN.search(msg.text, refer.end(), end):
                end = again.start()
            other = self._holding(msg, refer.end(), end, holding.share_percent,
                                  holding.direction)
            if other is None or (other.employees is None and other.turnover is None
                                 and other.balance_sheet is None):
                continue
            msg.claim(refer.start(), end)
            return holding.model_copy(update={
                "employees": holding.employees if holding.employees is not None
                else other.employees,
                "turnover": holding.turnover or other.turnover,
                "balance_sheet": holding.balance_sheet or other.balance_sheet})
        return holding

    def _share(self, match: re.Match[str]) -> float | None:
        if match["share"]:
            return _to_float(match["share"])
        return 50.0 if match["half"] else None

    def _owned_by(self, msg: _Message, match: re.Match[str]) -> _Found[Holding] | None:
        """ "60% owned by a 1,000-person group", "we are owned by two directors"."""
        if match["partly"] or (match["subsidiary"] and not match["whole"]):
            return None
        share = self._share(match)
        if share is None:
            sentence_start = msg.sentence(match.start())[0]
            if not match["whole"] and not _SELF_SUBJECT.search(msg.text, sentence_start,
                                                               match.start()):
                return None
            share = 100.0
        end = self._holder_end(msg, match.end())
        holding = self._holding(msg, match.end(), end, share, "owns_us")
        if holding is None:
            return None
        msg.claim(match.start(), end)
        return _Found(match.start(), end, holding)

    def _holds(self, msg: _Message, match: re.Match[str]) -> _Found[Holding] | None:
        """ "an NHS trust holds 30%", "we own 40% of a supplier with 30 staff"."""
        share = self._share(match)
        if share is None or share > 100:
            return None
        subject_start = self._subject_start(msg, match.start())
        subject = msg.text[subject_start:match.start()].strip()
        if _WE.fullmatch(subject):
            if not match["prep"]:
                return None
            end = self._holder_end(msg, match.end())
            holding = self._holding(msg, match.end(), end, share, "we_own")
            if holding is None or holding.holder_kind not in ("enterprise", "public_body",
                                                              "university", "investor"):
                return None
            msg.claim(subject_start, end)
            return _Found(subject_start, end, holding)
        if not subject or _PRONOUN.fullmatch(subject):
            return None
        if match["prep"] and not _OUR_EQUITY.match(msg.text, match.end()):
            return None  # a share of something else: "30% of our sales"
        holding = self._holding(msg, subject_start, match.start(), share, "owns_us")
        if holding is None:
            return None
        msg.claim(subject_start, match.end())
        return _Found(subject_start, match.end(), holding)

    def _subject_start(self, msg: _Message, verb_start: int) -> int:
        """Where the subject of the verb at `verb_start` begins: after the last break, or the
        one before when the last ends a phrase in apposition ("Another company, a customer,
        owns 30%")."""
        start = msg.sentence(verb_start)[0]
        starts = [start] + [brk.end() for brk in _SUBJECT_BREAK.finditer(msg.text, start,
                                                                         verb_start)]
        if len(starts) > 1 and not msg.text[starts[-1]:verb_start].strip():
            return starts[-3] if len(starts) > 2 else starts[0]
        return starts[-1]

    def _holder_end(self, msg: _Message, start: int) -> int:
        end = _HOLDER_END.search(msg.text, start)
        return end.start() if end else len(msg.text)

    def _holding(self, msg: _Message, start: int, end: int, share: float,
                 direction: Literal["owns_us", "we_own"]) -> Holding | None:
        phrase = msg.text[start:end].strip()
        label = _holder_label(phrase)
        if not label or msg.claimed(start, end):
            return None
        employees = None
        for pattern in _HOLDER_STAFF:
            if staff := pattern.search(msg.text, start, end):
                employees = _to_float(staff["n"])
                break
        figures: dict[str, Money] = {}
        for amount in self._amounts(msg, start, end):
            role = self._nearest_role(msg, amount, start, end, [],
                                      roles=("turnover", "balance_sheet"))
            if role:
                figures[role] = amount.money
        return Holding(share_percent=share, holder=label,
                       holder_kind=_holder_kind(label, phrase), direction=direction,
                       employees=employees, turnover=figures.get("turnover"),
                       balance_sheet=figures.get("balance_sheet"))

    # -- money --------------------------------------------------------------------------------

    def _amounts(self, msg: _Message, start: int = 0, end: int | None = None) -> list[_Amount]:
        end = len(msg.text) if end is None else end
        amounts = []
        for match in _MONEY.finditer(msg.text, start, end):
            if not (match["pre"] or match["short"] or match["word"] or match["post"]):
                continue
            if not msg.claimed(*match.span()):
                amounts.append(_Amount(match.start(), match.end(), _money_of(match, msg.text)))
        for match in _BARE_AMOUNT.finditer(msg.text, start, end):
            span = match.span("num")
            value = _to_float(match["num"])
            if value >= 1000 and not msg.claimed(*span) and not any(
                    a.start <= span[0] < a.end for a in amounts):
                amounts.append(_Amount(*span, Money(amount=value)))
        return sorted(amounts, key=lambda a: a.start)

    def _nearest_role(self, msg: _Message, amount: _Amount, lo: int, hi: int,
                      others: list[_Amount], roles: tuple[str, ...] | None = None) -> str | None:
        """The role of the nearest word naming what an amount is, within [lo, hi); a cue with
        another amount between it and this one belongs to that other amount."""
        text, best = msg.text, None
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
                if after and _TOWARDS.search(text, a, match.end()):
                    continue
                if best is None or b - a < best[0]:
                    best = (b - a, role)
        if best is not None:
            return self._resolve(msg, best[1], lo, hi)
        if roles is None and _REQUEST.search(text, lo, hi):
            return "requested_amount"
        return None

    def _role_of(self, msg: _Message, amount: _Amount, amounts: list[_Amount],
                 previous: tuple[_Amount, str] | None) -> str | None:
        """What an amount is, from the words nearest it: in its clause, else the figure it
        corrects, else its sentence."""
        clause = msg.clause(amount.start, amount.end)
        if role := self._nearest_role(msg, amount, *clause, amounts):
            return role
        if previous and _CORRECTION_RE.search(msg.text, previous[0].end, amount.start):
            return previous[1]
        sentence = msg.sentence(amount.start, amount.end)
        return self._nearest_role(msg, amount, *sentence, amounts)

    def _only_role_mentioned(self, msg: _Message) -> str | None:
        """The one kind of amount a message speaks of, if only one: "Our turnover? About £2m."."""
        mentioned = {self._resolve(msg, role, 0, len(msg.text)) for role, cue in _MONEY_CUES
                     if cue.search(msg.text)}
        return mentioned.pop() if len(mentioned) == 1 else None

    @staticmethod
    def _resolve(msg: _Message, role: str, lo: int, hi: int) -> str:
        """A grant is one asked for, or one received before when the words say so."""
        if role != "grant":
            return role
        past = _PAST_SUPPORT.search(msg.text, lo, hi)
        return "prior_public_support" if past else "requested_amount"

    def _money(self, msg: _Message, today: date) -> tuple[dict[str, Money], list[_Amount]]:
        amounts = self._amounts(msg)
        found: dict[str, list[_Found[Money]]] = {name: [] for name in _MONEY_FIELDS}
        unassigned: list[_Amount] = []
        previous: tuple[_Amount, str] | None = None
        for amount in amounts:
            msg.claim(amount.start, amount.end)
            if _SUPERSEDED.search(msg.text, max(0, amount.start - 30), amount.start):
                continue
            role = self._role_of(msg, amount, amounts, previous)
            if role is None and self._listed_alone(msg, amount):
                role = "turnover"  # "26 staff, £3m, trading 4 years": the business's size
            if role is None:
                unassigned.append(amount)
                continue
            previous = (amount, role)
            if role in ("turnover", "balance_sheet") and msg.about_another_business(amount.start):
                continue
            if role == "prior_public_support":
                clause = msg.text[slice(*msg.clause(amount.start, amount.end))]
                year = _support_year(clause, today)
                if year is not None and date(year, 12, 31) < _financial_window_start(today):
                    amount = _Amount(amount.start, amount.end, Money(amount=0))
            found[role].append(_Found(amount.start, amount.end, amount.money))
        # an amount with nothing near it, in a message about one thing that no other amount
        # has stated
        only = self._only_role_mentioned(msg)
        if only is not None and not found[only] and unassigned:
            found[only].append(_Found(unassigned[-1].start, unassigned[-1].end,
                                      unassigned.pop().money))
        for match in _NO_PRIOR_SUPPORT.finditer(msg.text):
            found["prior_public_support"].append(
                _Found(match.start(), match.end(), Money(amount=0)))
        if _PRE_REVENUE.search(msg.text) and not found["turnover"]:
            found["turnover"].append(_Found(0, 0, Money(amount=0)))
        values = {name: msg.took(name, items) for name, items in found.items()}
        values["prior_public_support"] = self._prior_total(msg, found["prior_public_support"])
        return {k: v for k, v in values.items() if v is not None}, unassigned

    @staticmethod
    def _listed_alone(msg: _Message, amount: _Amount) -> bool:
        """An amount standing alone as one item of a list of facts about the business, with a
        staff count in the same list: "9 staff, £1.2m, trading 6 years"."""
        lo, hi = msg.clause(amount.start, amount.end)
        if msg.text[lo:hi].strip(" ,.;-–") != msg.text[amount.start:amount.end]:
            return False
        if amount.money.amount < 10_000 or msg.about_another_business(amount.start):
            return False
        sentence = msg.text[slice(*msg.sentence(amount.start))]
        return bool(_LISTED_STAFF.search(sentence))

    def _prior_total(self, msg: _Message, found: list[_Found[Money]]) -> Money | None:
        """Separate awards add up; one that corrects the one before replaces it."""
        total: list[_Found[Money]] = []
        for item in sorted(found, key=lambda f: f.start):
            if total and _CORRECTION_RE.search(msg.text, total[-1].end, item.start):
                total.pop()
            total.append(item)
        if not total:
            return None
        currencies = {f.value.currency for f in total if f.value.amount}
        if len(currencies) > 1:
            return total[-1].value  # amounts in different currencies are not added up
        return Money(amount=sum(f.value.amount for f in total),
                     currency=currencies.pop() if currencies else "GBP")

    # -- staff --------------------------------------------------------------------------------

    def _employees(self, msg: _Message, unassigned: list[_Amount]) -> float | None:
        uncounted = self._not_counted(msg)
        found = self._part_time_breakdowns(msg)
        seen: set[int] = set()
        for pattern in _HEADCOUNT:
            for match in pattern.finditer(msg.text):
                start, end = match.span("n")
                if start in seen or msg.claimed(start, end):
                    continue
                if msg.about_another_business(match.start()):
                    continue
                seen.add(start)
                value = _to_float(match["n"]) + _bound(msg.text, start)
                found.append(_Found(start, end, max(value, 0.0)))
        found += self._corrected_headcounts(msg, found, unassigned)
        return msg.took("employees", self._less_uncounted(msg, found, uncounted))

    @staticmethod
    def _not_counted(msg: _Message) -> list[re.Match[str]]:
        """Apprentices and staff on leave, whose numbers are then not read as a headcount."""
        found = []
        for match in _NOT_COUNTED_STAFF.finditer(msg.text):
            if msg.claimed(*match.span()) or msg.about_another_business(match.start()):
                continue
            msg.claim(*match.span())
            found.append(match)
        return found

    @staticmethod
    def _less_uncounted(msg: _Message, found: list[_Found[float]],
                        uncounted: list[re.Match[str]]) -> list[_Found[float]]:
        """Headcounts less the uncounted people stated among them, in the same sentence after
        the total: "12 people on the payroll, 3 of them apprentices" is 9; "8 staff plus 2
        apprentices" stays 8."""
        adjusted = list(found)
        previous: tuple[int, re.Match[str], bool] | None = None  # (total, match, among it)
        for match in uncounted:
            sentence = msg.sentence(match.start())
            totals = [i for i, f in enumerate(adjusted)
                      if f.start < match.start() and msg.sentence(f.start) == sentence]
            if not totals:
                continue
            index = max(totals, key=lambda i: adjusted[i].start)  # the nearest before
            total = adjusted[index]
            if match["of"]:
                among = True  # "3 of them apprentices"
            elif (previous and previous[0] == index
                  and _ONLY_JOINED.fullmatch(msg.text, previous[1].end(), match.start())):
                among = previous[2]  # "including 2 apprentices and 1 on maternity leave"
            else:
                gap = msg.text[min(total.end, match.start()):match.start()]
                among = not _IN_ADDITION.search(gap)
            previous = (index, match, among)
            if among:
                heads = 1.0 if match["one"] else _to_float(match["n"])
                adjusted[index] = _Found(total.start, total.end, max(total.value - heads, 0.0))
        return adjusted

    def _part_time_breakdowns(self, msg: _Message) -> list[_Found[float]]:
        """Full-timers plus part-timers as fractions, per sentence: "12 full-time and 6
        part-time on 20 of 40 hours" is 15; "45 staff, 10 of whom are part-time" is 40."""
        found: list[_Found[float]] = []
        sentences = sorted({msg.sentence(m.start()) for m in _PART_TIMERS.finditer(msg.text)}
                           | {msg.sentence(m.start()) for m in _FULL_TIMERS.finditer(msg.text)})
        for lo, hi in sentences:
            part = [m for m in _PART_TIMERS.finditer(msg.text, lo, hi)
                    if not msg.claimed(*m.span())]
            full = [m for m in _FULL_TIMERS.finditer(msg.text, lo, hi)
                    if not msg.claimed(*m.span())
                    and not any(p.start() <= m.start() < p.end() for p in part)]
            part_awu = sum(_to_float(m["n"]) * _part_time_share(m) for m in part)
            part_heads = sum(_to_float(m["n"]) for m in part)
            value: float | None = None
            spans = [m.span() for m in (*part, *full)]
            if full:
                value = sum(_to_float(m["n"]) for m in full) + part_awu
            elif part:
                total = self._staff_total(msg, lo, part[0].start(), part_heads)
                if total is None:
                    value = part_awu
                else:
                    spans.append(total.span("n"))
                    value = _to_float(total["n"]) + part_awu
                    if not _MORE_STAFF.search(msg.text, total.end("n"), part[0].start()):
                        value -= part_heads  # the part-timers are among the total
            if value is None or not spans:
                continue
            for span in spans:
                msg.claim(*span)
            found.append(_Found(min(s for s, _ in spans), max(e for _, e in spans),
                                round(value, 2)))
        return found

    @staticmethod
    def _staff_total(msg: _Message, lo: int, hi: int, part_heads: float) -> re.Match[str] | None:
        """The staff total stated before the part-timers in a sentence, if any."""
        totals = [m for pattern in _HEADCOUNT for m in pattern.finditer(msg.text, lo, hi)
                  if not msg.claimed(*m.span("n")) and _to_float(m["n"]) >= part_heads]
        return max(totals, key=lambda m: m.start("n"), default=None)

    def _corrected_headcounts(self, msg: _Message, found: list[_Found[float]],
                              amounts: list[_Amount]) -> list[_Found[float]]:
        """A bare number right after "sorry" corrects the figure before it, when that was a
        headcount: "we have 40 staff, sorry, 45"."""
        corrected: list[_Found[float]] = []
        for match in _CORRECTED_NUMBER.finditer(msg.text):
            start, end = match.span("n")
            if msg.claimed(start, end):
                continue
            staff_before = [f.start for f in found if f.start < start]
            other_before = [a.start for a in amounts if a.start < start]
            if staff_before and max(staff_before) > max(other_before, default=-1):
                msg.claim(start, end)
                corrected.append(_Found(start, end, _to_float(match["n"])))
        return corrected

    # -- time trading -------------------------------------------------------------------------

    def _months_trading(self, msg: _Message, today: date) -> float | None:
        found: list[_Found[float]] = []
        for pattern in (_TRADING_FOR, _DURATION_OF_TRADING, _AGE):
            found += [_Found(m.start(), m.end(), _duration_months(m))
                      for m in pattern.finditer(msg.text)]
        for match in _STARTED_AGO.finditer(msg.text):
            months = (_LAST_PERIOD_MONTHS[match["last"].lower()] if match["last"]
                      else _duration_months(match))
            found.append(_Found(match.start(), match.end(), months))
        found += [_Found(m.start(), m.end(), self._months_from(m, today))
                  for m in _STARTED_ON.finditer(msg.text)]
        found += [_Found(m.start(), m.end(), 0.0) for m in _NOT_TRADING.finditer(msg.text)]
        if not found:
            found = self._doing_for_a_time(msg, today)
        found = [f for f in self._without_overlaps(found)
                 if not msg.claimed(f.start, f.end) and not msg.about_another_business(f.start)
                 and not _NOT_THE_BUSINESS_AGE.search(msg.lead(f.start))]
        for item in found:
            msg.claim(item.start, item.end)
        return msg.took("months_trading", found)

    def _doing_for_a_time(self, msg: _Message, today: date) -> list[_Found[float]]:
        found: list[_Found[float]] = []
        for match in _DOING_FOR.finditer(msg.text):
            clause = msg.text[msg.sentence(match.start())[0]:match.end()]
            if not _A_CAREER.search(clause):
                found.append(_Found(match.start(), match.end(), _duration_months(match)))
        for match in _DOING_SINCE.finditer(msg.text):
            lo = msg.clause(match.start())[0]
            sentence_start = msg.sentence(match.start())[0]
            clause = msg.text[lo:match.start()]
            listed = not clause.strip(" ,;-")  # "5 staff, £400k, since 2013, solvent"
            if (_DOING.search(clause) or lo == sentence_start or listed) \
                    and not _A_CAREER.search(clause):
                found.append(_Found(match.start(), match.end(), self._months_from(match, today)))
        return found

    @staticmethod
    def _without_overlaps(found: list[_Found[float]]) -> list[_Found[float]]:
        """Of overlapping readings of the same words, the longest."""
        kept: list[_Found[float]] = []
        for item in sorted(found, key=lambda f: f.start - f.end):
            if not any(item.start < k.end and k.start < item.end for k in kept):
                kept.append(item)
        return kept

    @staticmethod
    def _months_from(match: re.Match[str], today: date) -> float:
        year = int(match["year"])
        if match["month"]:
            month = next(i for i, name in enumerate(_MONTH_NAMES, 1)
                         if name.startswith(match["month"].lower()[:3]))
            return _months_since_period(date(year, month, 1), _month_end(year, month), today)
        return _months_since_period(date(year, 1, 1), date(year, 12, 31), today)

    # -- insolvency ---------------------------------------------------------------------------

    def _insolvent(self, msg: _Message) -> bool | None:
        """True when any clause says the business is in insolvency proceedings; False when
        one says it is not (or is solvent) and none says it is; None when none speaks of it."""
        states: list[bool] = []
        for match in _INSOLVENCY.finditer(msg.text):
            after = msg.text[match.end():msg.sentence(match.start())[1]]
            if _OVER_AFTER.search(after) and not _NOW.search(msg.lead(match.start()) + after):
                continue  # "a CVA in 2019, out of it in 2020": over
            if (state := self._insolvency_state(msg, match.start())) is not None:
                states.append(state)
        for match in _SOLVENT.finditer(msg.text):
            lead = msg.lead(match.start())
            alone = _SOLVENT_ALONE.fullmatch(msg.text, *msg.clause(match.start(), match.end()))
            if alone or _SOLVENT_PREDICATE.search(lead[-30:]):
                state = self._insolvency_state(msg, match.start())
                if state is not None:
                    states.append(not state)
        if not states:
            return None
        return any(states)

    @staticmethod
    def _insolvency_state(msg: _Message, start: int) -> bool | None:
        """Whether the words at `start` apply to the business now: False when negated, None
        when about the past or another business."""
        lead = msg.lead(start)
        if (msg.about_another_business(start) or msg.is_question_about_others(start)
                or _PAST_STATE.search(lead)):
            return None
        return not _NEGATION.search(lead[-40:])

    # -- bare answers -------------------------------------------------------------------------

    def _answer_to(self, asked: AskedFact, msg: _Message, facts: Facts,
                   unassigned: list[_Amount], today: date) -> Facts:
        """Fill the fact just asked for from a bare answer, when the rules read nothing."""
        if asked in facts.known():
            return facts
        text = msg.text
        value: Money | float | bool | None = None
        bare = _BARE_NUMBER.fullmatch(text)
        if asked in _MONEY_FIELDS:
            if unassigned:
                value = unassigned[-1].money
            elif bare:
                value = Money(amount=_to_float(bare["n"]) + _bound(text, bare.start("n")))
            elif asked == "prior_public_support" and _NO.match(text):
                value = Money(amount=0)
        elif asked == "employees" and bare:
            value = _to_float(bare["n"]) + _bound(text, bare.start("n"))
        elif asked == "months_trading":
            if duration := _BARE_DURATION.fullmatch(text):
                value = _duration_months(duration)
            elif year := _BARE_YEAR.fullmatch(text):
                value = self._months_from(year, today)
        elif asked == "insolvent":
            value = True if _YES.match(text) else False if _NO.match(text) else None
        return facts.model_copy(update={asked: value}) if value is not None else facts
