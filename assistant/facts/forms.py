"""Owners' shorthand and form-style messages, rewritten into the sentences the readers take.

Owners often answer as a form ("Employees: 35", "T/O: £4.2m", "Insolvency: none") or in
shorthand ("t/o 1.6m", "9 yrs", "23 FTE", "40-odd of us", "£40-50k"). `rewrite` turns those
into plain sentences ("35 staff", "turnover of £4.2m", "we are not insolvent") before the
readers run, so each reader keeps one way of reading its fact. A label it does not know, or a
value it cannot place, is left as written.

Judgements, fixed here:
- A range of amounts or staff ("£40-50k", "20-25 staff") is read as its midpoint; the fact
  reader also reads both ends, so that a range that spans a limit leaves the verdict open.
- A common misspelling of the words the readers look for ("staf", "tradin", "turnvoer") is
  corrected when it is one edit from the word and not a word itself.
- "A third", "a quarter", "half" of the shares are 33.3%, 25% and 50%.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date
from typing import Literal

from assistant.facts.common import OWNING_BEFORE
from assistant.facts.numbers import SCALES, words_to_digits

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_YEAR = r"(?:19|20)\d\d"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")

# --- form lines ------------------------------------------------------------------------------

# A segment of a form: "Label: value", ended by a new line, "|", ";" or ". " before another
# label.
_SEGMENT_BREAK = re.compile(
    r"(\n+|\s*\|\s*|;\s+|(?<=[.!?])\s+(?=[A-Z][A-Za-z /&'().-]{0,30}\s?:))")
_LABELLED = re.compile(
    # (a label may carry a note in brackets: "Sales (FY to April 2025)")
    r"^(?P<lead>\s*(?:[-*•]\s*)?)"
    r"(?P<label>[A-Za-z][A-Za-z /&'().?,-]{0,60}?(?:\s*\([\w /.,'-]{1,30}\))?)\s*"
    # (a label asked as a question may have its colon too: "In administration?: no")
    r"(?:\?\s*[:=]|:|=|\?|\s[-–]\s)\s*(?P<value>.+?)\s*[.!]?\s*$", re.S)

_NOTHING = re.compile(r"(?:no|none|nope|nil|n/?a|never|not|nothing|zero|0|-+|no\s+\w+(?:\s+\w+)?)"
                      # "none, ever", "none at all", "never, not once"
                      r"(?:[\s,;-]+(?:ever|at\s+all|whatsoever|to\s+date|so\s+far|not\s+once|"
                      r"never|none))?", re.I)
_YES = re.compile(r"(?:yes|y|yep|yeah|currently|at\s+present)", re.I)
_BARE_COUNT = re.compile(
    rf"(?P<qual>about|around|approx\.?|approximately|roughly|circa|c\.|~)?\s*(?P<n>{_NUMBER})"
    r"\s*(?:fte|ftes|full[\s-]time\s+equivalents?|staff|employees|people|heads|persons)?",
    re.I)
_BARE_YEARS = re.compile(rf"(?:about|around|over|nearly|almost)?\s*{_NUMBER}", re.I)
_A_DATE = re.compile(rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\.?,?\s+)?{_YEAR}|"
                     rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-]{_YEAR}|\d{{1,2}}[/.-]{_YEAR}", re.I)
_VALUE_END = re.compile(r"[.!?](?=\s|$)")
_A_NAME = re.compile(r"\b(?:ltd|limited|llp|plc|inc|gmbh|& co)\b\.?", re.I)


def _words(label: str) -> str:
    label = re.sub(r"\([^)]*\)", " ", label)
    label = re.sub(r"\b(?:no\.?|number|of|our|the|your|approx\.?|approximate|current|total|"
                   r"annual|last\s+year'?s?|latest)\b", " ", label.lower())
    return " ".join(re.sub(r"[^a-z/ ]", " ", label).split())


def _staff(value: str) -> str | None:
    if match := _BARE_COUNT.fullmatch(value):
        return f"{match['qual'] or ''} {match['n']} staff".strip()
    return f"staff: {value}"


def _turnover(value: str) -> str | None:
    return f"turnover of {value}"


def _balance_sheet(value: str) -> str | None:
    return f"balance sheet total of {value}"


def _postcode(value: str) -> str | None:
    squeezed = re.sub(r"\s+", "", value)
    if re.fullmatch(r"[A-Za-z]{1,2}\d[A-Za-z\d]?\d[A-Za-z]{2}", squeezed):
        value = f"{squeezed[:-3]} {squeezed[-3:]}".upper()
    return f"our site postcode is {value}"


def _location(value: str) -> str | None:
    return f"our site is in {value}"


def _since(value: str) -> str | None:
    if _A_DATE.fullmatch(value):
        return f"established in {value}"
    return _trading(value)


def _trading(value: str) -> str | None:
    if _BARE_YEARS.fullmatch(value):
        return f"trading for {value} years"
    if re.fullmatch(rf"(?:since|from)\s+.*|{_A_DATE.pattern}", value, re.I):
        return f"trading {'' if value.lower().startswith(('since', 'from')) else 'since '}{value}"
    return f"trading for {value}"


def _insolvency(value: str) -> str | None:
    if _NOTHING.fullmatch(value):
        return "we are not insolvent"
    if _YES.fullmatch(value):
        return "we are currently in insolvency proceedings"
    return None


def _activity(value: str) -> str | None:
    if _A_NAME.search(value):
        return None  # a company's name, not what it does
    if re.match(r"(?:we|i)\b", value, re.I):
        return value
    return f"We are a {value} business"


_SHARE_FIRST = re.compile(
    r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s*%\s+(?!of\b)(?:(?:held\s+)?by\s+)?([^,;()]+?)"
    r"(?=\s*(?:\(|,|;|\band\b|$))", re.I)


def _ownership(value: str) -> str | None:
    if re.search(r"\b(?:owns?|holds?|owned)\b", value, re.I):
        return value
    if re.search(r"%|per\s*cent", value, re.I):  # "county council 15%, partners 85%"
        # each share before its holder ("60% me, 40% Castle Holdings Ltd") after it instead
        if _SHARE_FIRST.match(value):
            value = _SHARE_FIRST.sub(r"\2 \1%", value)
        return f"shareholders: {value}"
    return f"owned by {value}"


def _support(value: str) -> str | None:
    if _NOTHING.fullmatch(value):
        return "we have had no public funding"
    return None


# Label words -> how its value is written as a sentence; the first rule whose words all appear
# in the label applies.
def _group_figures(value: str) -> str:
    """ "Group facts: 85 staff, £24m": the figures of the whole group."""
    return f"Group-wide we have {value}"


def _figures(value: str) -> str:
    """ "Company figures: 40 staff, £3m": a heading over figures, which speak for themselves."""
    return value


# a heading over the business's figures: "Group facts:", "Company figures:", "Key numbers:"
_FIGURE_HEADINGS = tuple(
    rule for word in ("figures", "facts", "numbers", "details", "totals", "stats", "size")
    for rule in ((("group", word), _group_figures), ((word,), _figures)))

_LABELS: tuple[tuple[tuple[str, ...], Callable[[str], str | None]], ...] = (
    *_FIGURE_HEADINGS,
    (("balance",), _balance_sheet),
    (("post",), _postcode),
    (("postal",), _postcode),
    (("zip",), _postcode),
    (("insolven",), _insolvency),
    (("administration",), _insolvency),
    (("liquidation",), _insolvency),
    (("receivership",), _insolvency),
    (("public", "fund"), _support),
    (("previous", "fund"), _support),
    (("prior", "fund"), _support),
    (("grants", "received"), _support),
    (("subsid",), _support),
    (("turnover",), _turnover),
    (("t/o",), _turnover),
    (("revenue",), _turnover),
    (("sales",), _turnover),
    (("income",), _turnover),
    (("employ",), _staff),
    (("staff",), _staff),
    (("headcount",), _staff),
    (("head", "count"), _staff),
    (("fte",), _staff),
    (("workforce",), _staff),
    (("people",), _staff),
    (("team", "size"), _staff),
    (("since",), _since),
    (("established",), _since),
    (("est",), _since),
    (("founded",), _since),
    (("incorporated",), _since),
    (("started",), _since),
    (("set", "up"), _since),
    (("start", "date"), _since),
    (("years",), _trading),
    (("trading",), _trading),
    (("age",), _trading),
    (("how", "long"), _trading),
    (("own",), _ownership),
    (("shareholder",), _ownership),
    (("shareholding",), _ownership),
    (("equity",), _ownership),
    (("cap", "table"), _ownership),
    (("location",), _location),
    (("site",), _location),
    (("address",), _location),
    (("based",), _location),
    (("town",), _location),
    (("where",), _location),
    (("premises",), _location),
    (("activity",), _activity),
    (("what", "we", "do"), _activity),
    (("what", "do"), _activity),
    (("sector",), _activity),
    (("industry",), _activity),
    (("trade",), _activity),
    (("nature",), _activity),
    (("business",), _activity),
    (("company",), _activity),
    (("products",), _activity),
    (("description",), _activity),
)


def _rule(label: str) -> Callable[[str], str | None] | None:
    words = _words(label)
    tokens = set(words.split())
    for needed, rule in _LABELS:
        # a word of the label starts with each needed word ("est" in "est.", not in
        # "questions"), or a needed phrase starts at a word ("balance sheet")
        if all(any(token.startswith(word) for token in tokens)
               or re.search(rf"\b{re.escape(word)}", words) for word in needed):
            return rule
    return None


# a form's label in the owner's words: "Our business: ...", "My turnover: ..."
_OWN_LABEL = re.compile(r"(?:our|my)\s+[A-Za-z]+(?:\s+[A-Za-z]+)?", re.I)
# An office's, an accountant's or an invoice's address, which is not the site: kept as such
_OFFICE_LABEL = re.compile(
    r"(?:registered|head|main|sales)\s+office(?:\s+address)?|registered\s+address|hq|"
    r"headquarters|(?:invoice|invoicing|billing|correspondence|postal)\s+address|"
    r"accountants?(?:\s+address)?")


# A sentence of its own before a dash, not a form's label: "We've not opened the doors yet -".
_A_CLAUSE = re.compile(r"\s*(?:we|i|our|my|it|they|you|he|she|there)\b|.*n't\b|.*'(?:re|ve|m)\b",
                       re.I)


def _form_segment(segment: str) -> str:
    match = _LABELLED.match(segment)
    if not match or (_A_CLAUSE.match(match["label"]) and not (
            _OWN_LABEL.fullmatch(match["label"].strip())
            and segment[match.end("label"):].lstrip().startswith(":"))) or \
            len([w for w in re.sub(r"\([^)]*\)", "", match["label"]).split()
                 if re.search(r"[A-Za-z]", w)]) > 5:  # ("Liquidation / CVA?": 2 words)
        return segment
    office = _OFFICE_LABEL.fullmatch(_words(match["label"]))
    rule = _rule(match["label"])
    if rule is None and office is None:
        return segment
    # the value ends with its sentence: "Insolvency: none. Are we eligible?"
    value, rest = match["value"], ""
    if end := _VALUE_END.search(value):
        value, rest = value[:end.start()], value[end.start():]
    # (an office's address is kept as one, in the label's own words)
    sentence = f"our {office[0]} is {value.strip()}" if office is not None \
        else rule(value.strip()) if rule is not None else None
    if sentence is None:
        return segment
    return f"{match['lead']}{sentence}{rest}."


def _forms(text: str) -> str:
    parts = _SEGMENT_BREAK.split(text)
    # split keeps the separators at odd positions
    return "".join(part if i % 2 else _form_segment(part) for i, part in enumerate(parts))


# --- shorthand -------------------------------------------------------------------------------

_COUNTED_US = re.compile(r"\b(?:there\s+are|there's|we\s+are|we're)\s+(?:about\s+|around\s+)?$",
                         re.I)
_PART_OF_TOTAL = re.compile(r"\b(?:including|incl|inc|counting|among\s+them|of\s+whom)\s+"
                            r"(?:the\s+)?$", re.I)
_SHORTHAND: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"\bt/o\b|\bt\.o\.(?=\s)", re.I), "turnover"),
    # "30+ yrs": at least 30 years
    (re.compile(r"(?<=\d)\+(?=\s*(?:years?|yrs?|months?|mths?)\b)", re.I), ""),
    (re.compile(r"\bbal(?:\.|ance)?\s*sh(?:ee)?t\b|\bb/s(?=\s*[:=]?\s*[£€\d])", re.I),
     "balance sheet"),
    (re.compile(r"(?<=\d)\s*yrs?\b|(?<=\d\s)\s*yrs?\b", re.I), " years"),
    (re.compile(r"(?<=\d)\s*(?:mths?|mnths?|mos)\b", re.I), " months"),
    (re.compile(r"(?<=\d)\s*ftes?\b(?!\s+(?:staff|employees|people|workers))", re.I), " FTE staff"),
    # "205 full-time-equivalent employees": staff counted in full-time equivalents
    (re.compile(r"(?<=\d)\s+full[\s-]time[\s-]equivalents?(?:\s+(?:staff|employees|"
                r"people|heads|workers))?\b", re.I), " staff"),
    (re.compile(r"(?<=\d)\s*(?:ppl|peeps)\b", re.I), " people"),  # "23 ppl"
    # "since '09": a year in two figures (this century's, unless it is yet to come)
    (re.compile(r"(?:(?<=since\s)|(?<=from\s)|(?<=in\s)|(?<=est\s)|(?<=est\.\s))['’](\d\d)\b",
                re.I),
     lambda m: ("20" if int(m[1]) <= date.today().year % 100 else "19") + m[1]),
    (re.compile(rf"\best(?:\.|'?d)?\s+(?:in\s+)?(?=(?:{_MONTH}\.?\s+)?{_YEAR}\b)", re.I),
     "established in "),
    (re.compile(r"(?<=\d)\s*(?:mill|mil|mio)\b\.?", re.I), " million"),
    (re.compile(r"\bdate\s+of\s+incorporation\b", re.I), "incorporated"),
    (re.compile(r"\b(\d+)\s*-?\s*odd\b", re.I), r"about \1"),  # "40-odd" -> "about 40"
    # "both directors are hands-on": two of them
    (re.compile(r"\bboth\s+(?=(?:of\s+the\s+|the\s+|my\s+|our\s+)?(?:co-?)?(?:founders|directors|"
                r"partners|owners|shareholders)\b)", re.I), "2 "),
    # "us two plus a fitter", "both of us and 3 lads": the working owners, before the staff
    (re.compile(r"\b(?:us\s+(?P<n>\d)|both\s+of\s+us)(?=\s*,?\s*(?:plus|\+|&|and)\s+(?:\d|an?\b))",
                re.I), lambda m: f"the {m['n'] or 2} of us"),
    # "a welder full time": one person, counted as a full-timer
    (re.compile(r"\b(?:a|an)\s+(?=(?!(?:job|role|post|position|week|day|basis|contract)\b)"
                r"[a-z-]+\s+(?:full[\s-]?time|f/t)\b(?![\s-]+(?:job|role|post|basis|contract)))",
                re.I), "1 "),
    (re.compile(r"~\s*(?=[£€\d])"), "about "),
    # abbreviations whose full stop would end the sentence: "46 on payroll incl. 6 part-time"
    (re.compile(r"\bincl\.?(?=\s)", re.I), "including"),
    (re.compile(r"\bexcl\.?(?=\s)", re.I), "excluding"),
    (re.compile(r"\bapprox\.?(?=\s)", re.I), "about"),
    (re.compile(r"\b(?:reg'?d|regd\.?)(?=\s)", re.I), "registered"),
    (re.compile(r"(?<=\d)\s*(?:days?|d)\s*/\s*(?:wk|week)\b", re.I), " days a week"),
    (re.compile(r"(?<=\d)\s*(?:hrs?|hours?|h)\s*/\s*(?:wk|week)\b", re.I), " hours a week"),
    (re.compile(r"\bp/t\b", re.I), "part-time"),
    # "6 on half hours", "two working half days": each works half the full-time week
    (re.compile(r"\b(?:on|working|doing|work)\s+half[\s-](?:hours|days)\b", re.I), "on half time"),
    # "18 FT staff", "12 FT + 3 PT": capitals after a count, or before the people
    (re.compile(r"(?<=\d\s)(?-i:PT)\b|\b(?-i:PT)(?=\s+(?:staff|employees|people|workers)\b)"),
     "part-time"),
    (re.compile(r"(?<=\d\s)(?-i:FT)\b|"
                r"\b(?-i:FT)(?=\s+(?:staff|employees|people|workers)\b)"), "full-time"),
    (re.compile(r"\bf/t\b(?!\s*(?:and|&|\+|plus))", re.I), "full-time"),
    (re.compile(r"\bim\b(?=\s+(?:an?|the|just|only|self|sole|in|based|from|running|a)\b)", re.I),
     "i'm"),  # "im a joiner"
    (re.compile(r"\b(\d+(?:\.\d+)?)\s?k\s+(?=(?:people|staff|employees|workers)\b)", re.I),
     lambda m: f"{float(m[1]) * 1000:g} "),
    (re.compile(r"(?<!\bby\s)(?<!\bby\sthe\s)(?<!\bbetween\s)(?<!\bbetween\sthe\s)"
                r"\b(?:(?<=\bplus\s)the\s+|(?<=\band\s)the\s+|(?<=\+\s)the\s+)?"
                r"(\d+)\s+of\s+us\b(?!\s*,?\s*(?:\d+\s*/\s*\d+|\d+\s*-\s*\d+\b|\d+\s*%|"
                r"equally|each\s+(?:own|hold|with)))(?!\s+(?:own|hold|are\s+(?:director|shareholder|owner)|"
                r"who\s+(?:own|founded|started|set|run|hold)))", re.I),
     # ... nor after words about who owns it: "no other shareholders, only the 2 of us"
     # (though "there are 30 of us" counts, whatever comes before)
     # nor a part of a total told before it: "a team of 9, counting the 2 of us"
     lambda m: m[0] if (OWNING_BEFORE.search(m.string, max(0, m.start() - 60), m.start()) and
                        not _COUNTED_US.search(m.string, max(0, m.start() - 20), m.start())) or
     _PART_OF_TOTAL.search(m.string, max(0, m.start() - 20), m.start()) else f"{m[1]} staff"),
    (re.compile(r"\b(?:it's\s+|there's\s+)?(?:just|only)\s+me\b"
                # not the owner: "only me who holds shares"
                r"(?!\s*(?:and|&|\+|plus|own|hold|full|f/t|(?:that|who)\s+(?:owns?|holds?)|"
                # "just me as owner", "only me as a shareholder": who owns it
                r"as\s+(?:the\s+|an?\s+)?(?:only\s+|sole\s+)?(?:owner|shareholder|director)))",
                re.I), "1 staff"),
    # "only me and two apprentices": the owner works full time beside the others
    (re.compile(r"\b(?:it's\s+|there's\s+)?(?:(?:just|only)\s+me(?:\s+(?:full[\s-]?time|f/t))?|"
                r"me\s+(?:full[\s-]?time|f/t))"
                r"\s+(?:and|&|\+|plus)\s+"
                r"(?=(?:one|two|three|a|an|\d+)\s+(?:part|full|f/t|p/t|staff|employee|apprentice|"
                r"other|worker|person|people))", re.I), "1 full-timer and "),
    (re.compile(r"\bone[\s-]+(?:man|woman|person)[\s-]+(?:band|business|company|firm)\b", re.I),
     "1 staff"),
    (re.compile(r"\b(own|owns|owning|hold|holds|holding|has|have|having)\s+(?:a|one)\s+third\b",
                re.I), r"\1 33.3%"),
    (re.compile(r"\b(own|owns|owning|hold|holds|holding|has|have|having)\s+two[\s-]+thirds\b",
                re.I), r"\1 66.7%"),
    (re.compile(r"\b(own|owns|owning|hold|holds|holding|has|have|having)\s+(?:a|one)\s+quarter\b",
                re.I), r"\1 25%"),
    (re.compile(r"\b(own|owns|owning|hold|holds|holding|has|have|having)\s+three[\s-]+quarters\b",
                re.I), r"\1 75%"),
)

# "£40-50k", "£40k-£50k", "20-25 staff", "between £1m and £1.5m"
_MULTIPLIER = r"(?:k|m|bn|million|thousand|billion)"
_RANGE = re.compile(
    # "headcount fluctuates between 40 and 55": staff named before the range
    r"(?P<who>\b(?:head\s*count|staff\s+numbers?|staff\s+count|staffing|workforce|team\s+size)"
    r"\s+(?:[a-z]+\s+){0,2}?(?:(?:anywhere\s+)?from\s+)?(?=between\b|\d))?"
    rf"(?:\b(?P<between>between)\s+(?:(?:about|around|roughly|approximately|some)\s+)?)?"
    # (not the digit of a code: "DY4 - 17 people" is a postcode district, then a count)
    rf"(?P<pre>[£€])?\s*(?<![A-Za-z\d.,])(?P<a>{_NUMBER})\s*(?P<ma>{_MULTIPLIER})?\s*"
    rf"(?P<joint>-|–|to|and)\s*(?P<pre2>[£€])?\s*(?P<b>{_NUMBER})\s*(?P<mb>{_MULTIPLIER})?\b"
    r"(?P<after>\s*(?:staff|employees|people|workers|members\s+of\s+staff|ftes?\b|"
    r"full[\s-]time\s+equivalents?|awus?\b|annual\s+work\s+units?))?", re.I)


RangeEnd = Literal["middle", "low", "high"]


def _range(match: re.Match[str], end: RangeEnd = "middle") -> str:
    money = bool(match["pre"] or match["pre2"])
    staff = bool(match["after"] or match["who"])
    if not (money or staff) or (money and staff):
        return match[0]
    if match["joint"].lower() == "and" and not match["between"]:
        return match[0]  # "grants of £10k and £20k" are two amounts, not a range
    a, b = float(match["a"].replace(",", "")), float(match["b"].replace(",", ""))
    scale_a = SCALES.get((match["ma"] or match["mb"] or "").lower(), 1.0)
    scale_b = SCALES.get((match["mb"] or "").lower(), scale_a)
    low, high = a * scale_a, b * scale_b
    if not low < high or (not money and match["ma"]):
        return match[0]
    middle = {"middle": (low + high) / 2, "low": low, "high": high}[end]
    whole = match[0]
    lead = whole[:len(whole) - len(whole.lstrip())]  # the spaces the pattern took around it
    trail = whole[len(whole.rstrip()):]
    if match["who"] and not match["after"]:
        return f"{lead}{match['who']}{middle:g}{trail}"
    if staff:
        return f"{lead}{match['who'] or ''}{middle:g} {match['after'].strip()}"
    return f"{lead}{match['pre'] or match['pre2']}{middle:,.0f}{trail}"


# --- misspellings ----------------------------------------------------------------------------

_VOCABULARY = ("staff", "employees", "employ", "turnover", "trading", "traded", "administration",
               "insolvent", "insolvency", "liquidation", "receivership", "apprentices",
               "million", "thousand", "established", "engineering", "manufacturing",
               "business", "company", "postcode", "months", "years", "people")
_NOT_TYPOS = frozenset({
    "administrative", "administrator", "administrators", "apprentice", "bears", "busiest",
    "businesses", "companies", "company", "employed", "employee", "employer", "employers",
    "employing", "engineer", "engineered", "engineers", "establish", "established", "grading",
    "heading", "insolence", "insolvently", "leading", "liquidator", "liquidators", "loading",
    "manufacture", "manufactured", "manufacturer", "million", "millions", "millionth", "monthly",
    "months", "monts", "mouths", "peopled", "peoples", "postcodes", "raiding", "reading",
    "receiver", "receivers", "shading", "staffs", "stall", "staple", "start", "state", "stay",
    "steel", "stiff", "stuff", "stuffs", "tears", "thousands", "thousandth", "tracing", "trade",
    "trader", "traders", "trades", "tradition", "trailing", "training", "turner", "turners",
    "yearly", "years", "yeast"
})
_WORD = re.compile(r"[A-Za-z]{4,}")


def _spelling(text: str) -> str:
    def fix(match: re.Match[str]) -> str:
        word = match[0]
        lower = word.lower()
        if lower in _VOCABULARY or lower in _NOT_TYPOS:
            return word
        close = difflib.get_close_matches(lower, _VOCABULARY, n=1, cutoff=0.86)
        if not close or abs(len(close[0]) - len(lower)) > 1:
            return word
        target = close[0]
        # an inflection ("employs", "month") is a word, not a misspelling
        if lower.startswith(target) or target == lower + "s":
            return word
        return target
    return _WORD.sub(fix, text)


# An adviser writing for a client: "I'm a bookkeeper acting for a client. They're a glazing
# firm ..." speaks of the client's business in the third person.
_FOR_A_CLIENT = re.compile(
    r"(?:(?:\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?|^\W*)"
    r"(?:accountants?|advis[eo]rs?|consultants?|bookkeepers?|brokers?|agents?|solicitors?|"
    r"lawyers?)\b(?:\s+here\b)?|"
    # "we're emailing for a customer of ours", "I am asking for a client"
    # (or with no "I'm" at the start: "Emailing for a client of ours, ...")
    r"(?:\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+|^\W*)(?:writing|asking|enquiring|emailing|"
    r"getting\s+in\s+touch|contacting\s+you|making\s+(?:an|this)\s+enquiry))[^.!?\n]*?"
    r"\b(?:client|on\s+behalf\s+of)\b(?P<tail>[^.;!?\n]*)[.;!?]?\s*", re.I)
# The client described in the same sentence: "for a client - an insurance broker in B91", "a
# client who runs a bakery in Walsall".
_CLIENT_IS = re.compile(r"^\s*(?:[-–,:(]\s*"
                        # the client's name first: "a client, Hollis Joinery Ltd, a joiner"
                        r"(?:(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z&])[\w&'.-]*){0,4}\s*[,–-]\s*)?|"
                        r"\s+(?:who|which|that)\s+(?:is|are)\s+)"
                        r"(?P<what>(?:an?|the)\s.*)$", re.I)
_CLIENT_DOES = re.compile(r"^\s*,?\s*(?:who|which|that)\s+(?P<verb>[a-z]+)\b(?P<rest>.*)$",
                          re.I)
_CLIENT_VOICE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), replacement) for pattern, replacement in (
        # "owns 30% of the client": of us
        (r"\b(of|in|by|into)\s+(?:my|our|the)\s+client\b(?!'s|s\b)", r"\1 us"),
        # "the client also holds 60% of ...": we hold
        (r"\b(?:my|our|the)\s+client\s+((?:in\s+turn|also|itself|now|currently|still)\s+)?"
         r"(own|hold|employ|make|manufacture|sell|run|operate|trade|turn|export|design|"
         r"build|use|want|need|plan)s\b", r"we \1\2"),
        # "Client: 28 AWU, turnover £4m": the client's own figures, as a label
        (r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:the\s+|my\s+|our\s+)?client\s*:", "Our figures:"),
        (r"\b(?:my|our|the)\s+client\s+is\b|\bthey\s+are\b|\bthey're\b", "we are"),
        (r"\bis\s+(?:my|our|the)\s+client\b", "are we"),  # "what size band is the client?"
        (r"\b(?:my|our|the)\s+client\s+has\b|\bthey\s+have\b|\bthey've\b", "we have"),
        (r"\b(?:my|our|the)\s+client(?:'s)?\s+(?=\w)|\btheir\b", "our "),
        (r"\bthey\b", "we"), (r"\bthem\b", "us")))


_THEY_OPENING = re.compile(r"\s*(?:they're|they\s+are)\s+(?:an?|owned|based|located|wholly|"
                           r"fully|partly|jointly|family[\s-]owned)\b", re.I)


def client_voice(text: str) -> str:
    """A message written for a client, told as the client would tell it: the adviser's own
    introduction left out and "they" made "we"; any other message as it is."""
    intro = _FOR_A_CLIENT.search(text)
    if intro is not None:
        text = text[:intro.start()] + _client_described(intro["tail"]) + text[intro.end():]
    elif not _THEY_OPENING.match(text):
        return text  # a reply that opens "They're owned by ..." speaks for the client too
    # (not "They have 500 staff": in a reply that is the holder just asked about)
    return first_person(text)


def _client_described(tail: str) -> str:
    """What the adviser's introduction says of the client, as the client would say it."""
    tail = re.sub(r"^\s*(?:(?:an?|my|our|the)\s+client(?:s|'s)?\b|'s|s\b)", "", tail,
                  flags=re.I)
    if is_ := _CLIENT_IS.match(tail):
        return f"We are {is_['what'].strip()}. "
    if does := _CLIENT_DOES.match(tail):
        verb = does["verb"].lower()
        verb = {"has": "have", "is": "are", "does": "do"}.get(
            verb, re.sub(r"(?<=[^s])s$", "", verb))
        return f"We {verb}{does['rest'].rstrip()}. "
    return ""


# "the client fabricates structural steel": any verb the client is said to do
_CLIENT_VERB = re.compile(
    r"\b(?:my|our|the)\s+client\s+((?:in\s+turn|also|itself|now|currently|still|mainly|"
    r"mostly)\s+)?(?!(?:is|has|was|does|needs|wants|asks|asked)\b)(?P<verb>[a-z]{3,}s)\b(?!')",
    re.I)


def _we_do(match: re.Match[str]) -> str:
    verb = match["verb"]
    if verb.endswith("ies"):
        verb = verb[:-3] + "y"
    elif re.search(r"(?:ss|sh|ch|x|z|o)es$", verb):
        verb = verb[:-2]
    else:
        verb = verb[:-1]
    return f"we {match[1] or ''}{verb}"


def first_person(text: str) -> str:
    """Words about a business in the third person ("they're", "their", "the client has") as
    the business would say them ("we're", "our", "we have")."""
    text = _CLIENT_VERB.sub(_we_do, text)
    for pattern, replacement in _CLIENT_VOICE:
        text = pattern.sub(replacement, text)
    return re.sub(r"\s{2,}", " ", text)


# "owned 100% by the founders" is "100% owned by the founders"
_SHARE_INSIDE = re.compile(r"\b(owned|held|controlled)\s+"
                           r"(\d+(?:\.\d+)?\s*(?:%|per\s*cent\b|percent\b))\s+by\b", re.I)


# A list opened by a colon, one item a line: "to check properly:\n- 205 full-time\n- 22 apprentices"
_BULLETED = re.compile(r"(?<=:)[ \t]*\n((?:[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t]+[^\n]+(?:\n|$))+)")
_BULLET = re.compile(r"^[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t]+")
_LABELLED_ITEM = re.compile(r"^[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t]+[A-Za-z][\w /&'()-]{0,30}:")


def _bullets_joined(text: str) -> str:
    """A list of items opened by a colon as one sentence, its items joined by semicolons, as an
    owner writes it inline; a list of labelled lines ("- Staff: 35") stays a form."""
    def joined(match: re.Match[str]) -> str:
        lines = [line for line in match[1].splitlines() if line.strip()]
        if any(_LABELLED_ITEM.match(line) for line in lines):
            return match[0]
        items = [_BULLET.sub("", line).strip().rstrip(";,") for line in lines]
        end = "" if items[-1].endswith((".", "!", "?")) else "."
        return " " + "; ".join(items) + end + "\n"
    text = _BULLETED.sub(joined, text)
    # items that each open with a figure, after a line that does not end in a colon:
    # "People on the payroll: 270\n- 150 full time\n- 96 part time ...": the line's list
    # (after a bullet of its own, items of one list: "- press shop\n- 8 staff")
    return _COUNTED_BULLETS.sub(
        lambda m: ("," if _BULLET.match(text, text.rfind("\n", 0, m.start()) + 1) else ":")
        + joined(m), text)


_COUNTED_BULLETS = re.compile(r"(?<=[^:\s])[ \t]*\n((?:[ \t]*[-*•·][ \t]+[£€]?\d[^\n]*(?:\n|$))+)")


def rewrite(text: str, range_end: RangeEnd = "middle") -> str:
    """The message with form lines and shorthand written out (see the module doc); a range
    ("£40-50k", "between 40 and 60 staff") as its middle, or as the end asked for."""
    text = _forms(words_to_digits(_spelling(client_voice(_bullets_joined(text)))))
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    text = _DATED_BY_EVENT.sub(_event_dated, text)
    text = _SHARE_INSIDE.sub(r"\2 \1 by", text)
    text = _the_rest(text)
    # the band of control a Companies House register gives a person (a share of the shares
    # between two percentages), as its upper end: the holder's share is at most that
    text = _SHARE_BAND.sub(lambda m: f"({m['top'] or m['top2']}%)", text)
    if _SHARES_TOLD.search(text):
        # "the remaining 55% is ours: me (40%) and my son (15%)": each holder's own
        text = _HELD_BY_LIST.sub("", text)
        text = _SHARE_IN_BRACKETS.sub(
            lambda m: f"I hold {m[2]}%" if m[1].lower() in {"me", "myself"}
            else f"{m[1]} holds {m[2]}%", text)
    return _RANGE.sub(lambda m: _range(m, range_end), text)


# A start dated by a public event, as owners often date it: "since the Millennium", "opened
# the week before lockdown", "founded the year of decimalisation". Each event's month and year
# (public facts); the month where the event had one, else the year alone.
_EVENTS: tuple[tuple[str, str], ...] = (
    (r"(?:new\s+)?millenn?ium(?:\s+year)?|y2k", "2000"),
    (r"(?:queen'?s\s+)?silver\s+jubilee", "1977"),
    (r"(?:queen'?s\s+)?golden\s+jubilee", "2002"),
    (r"(?:queen'?s\s+)?diamond\s+jubilee", "2012"),
    (r"(?:queen'?s\s+)?platinum\s+jubilee", "2022"),
    (r"decimali[sz]ation", "1971"),
    (r"(?:london\s+)?(?:2012\s+)?olympics", "2012"),
    (r"(?:birmingham\s+)?(?:2022\s+)?commonwealth\s+games", "2022"),
    (r"euro\s*'?96", "1996"),
    (r"(?:first\s+)?(?:covid(?:-19)?\s+)?lockdown", "March 2020"),
    (r"(?:2008\s+)?(?:financial\s+crash|credit\s+crunch|banking\s+crisis)", "2008"),
    (r"brexit\s+(?:vote|referendum)", "June 2016"),
    (r"(?:king'?s\s+)?coronation", "May 2023"),
)
_DATED_BY_EVENT = re.compile(
    r"\b(?P<lead>since|from|in|during|around|founded|established|started|opened|began|"
    r"launched|set\s+up|incorporated|formed|went\s+live)\s+"
    r"(?P<mod>(?:(?:just|shortly|right|not\s+long|a\s+bit|soon|a\s+little|a\s+year|a\s+month)\s+)?"
    r"(?:the\s+(?:week|weekend|day|days|month|months|fortnight|summer|spring|autumn|winter|"
    r"year)\s+(?:of\s+)?)?(?:before\s+|after\s+)?)"
    r"(?:the\s+)?(?P<event>" + "|".join(f"(?:{e})" for e, _ in _EVENTS) + r")"
    r"(?:\s+(?:summer|year|spring|autumn|winter))?\b", re.I)


def _event_dated(match: re.Match[str]) -> str:
    """ "since the Millennium" as "since 2000"; a start near the event ("the week before
    lockdown") as in its month or year."""
    event = match["event"]
    when = next(year for pattern, year in _EVENTS if re.fullmatch(pattern, event, re.I))
    lead = match["lead"]
    if lead.lower() in {"since", "from"} or (lead.lower() in {"in", "during", "around"}
                                             and not match["mod"].strip()):
        return f"{lead} {when}"  # ("since before the Olympics": at least that long)
    keep = "" if lead.lower() in {"in", "during", "around"} else f"{lead} "
    return f"{keep}in {when}"


# "two shareholders: me (60%) and Tata Steel (40%)": each holder's share in brackets
_SHARE_BAND = re.compile(
    r"\(\s*ownership\s+of\s+shares\s*[-–—:]?\s*(?:more\s+than\s+\d{1,2}%\s+but\s+(?:not\s+more|less)\s+than\s+"
    r"(?P<top>\d{1,3})%|(?P<top2>75)%\s+or\s+more)\s*\)", re.IGNORECASE)
_SHARES_TOLD = re.compile(r"\b(?:shareholders?|shareholding|owned\s+by|held\s+by|owners|ownership|"
                          r"significant\s+control|"
                          r"stakes?|equity)\b", re.IGNORECASE)
# the words that open a list of holders each with a share in brackets, to be left out
_HELD_BY_LIST = re.compile(
    r"\b(?:(?:the\s+)?(?:other|remaining|rest|balance)\s+(?:of\s+(?:the\s+)?(?:shares|equity)\s+)?"
    r"(?:\d{1,3}(?:\.\d+)?\s*%\s+)?|\d{1,3}(?:\.\d+)?\s*%\s+|(?:the|our|its)\s+(?:shares|equity|"
    r"company|business|firm)\s+)(?:is|are)\s+(?:held|owned|split)\s+(?:by|between)\s+"
    r"(?=[^.;()]{1,40}\(\s*\d{1,3}(?:\.\d+)?\s*%\s*\)[^.;]{0,12}?(?:,|\band\b|&)[^.;()]{1,40}"
    r"\(\s*\d{1,3}(?:\.\d+)?\s*%\s*\))", re.IGNORECASE)
_SHARE_IN_BRACKETS = re.compile(
    r"((?-i:(?:[A-Z][\w&'.-]*\s+){0,3}[A-Z][\w&'.-]*)|\bme|\bmyself|\bmy\s+[a-z]+|"
    # "the 2 founders (70%)", "our investors (20%)"
    r"\b(?:the|our|his|her|their)\s+(?:\d+\s+)?(?:[a-z-]+\s+)?[a-z-]+)"
    r"\s*\(\s*(\d{1,3}(?:\.\d+)?)\s*%\s*\)", re.IGNORECASE)


# "I own 60% and the rest belongs to ...": the share left, written as a share
_THE_REST = re.compile(r"\b(?:the\s+(?:rest|remainder|balance|remaining(?:\s+(?:shares|stake))?|"
                       r"other\s+shares))(?:\s+(?P<with>(?:is|are)\s+with|belongs?\s+to|"
                       r"(?:sits?|lies|rests)\s+with|goes\s+to|went\s+to)\b|"
                       r"(?=\s+(?:is|are|held|owned|by)\b))", re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent\b)", re.IGNORECASE)


# "the rest is mine", "the remainder is ours": the share left is the owner's own
_REST_OWN = re.compile(r"\b(the\s+(?:rest|remainder|balance|remaining(?:\s+(?:shares|stake))?|"
                       r"other\s+shares)\s+(?:is|are))\s+(?:all\s+)?(?:(mine|my\s+own)|"
                       r"(ours|our\s+own))\b", re.IGNORECASE)


_OTHER_SHARE_OWN = re.compile(
    r"\bthe\s+(?:other|remaining)\s+(?P<share>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent)\s+(?:is|are)\s+"
    r"(?:all\s+)?(?:(?P<mine>mine|my\s+own)|ours|our\s+own)\b", re.IGNORECASE)


def _the_rest(text: str) -> str:
    """"the rest" of the shares after those stated before it, in the same sentence, as the
    share it is: "I own 60% and the rest is held by X" has X holding 40%."""
    def share(match: re.Match[str]) -> str:
        start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start()), 0)
        stated = sum(float(p) for p in _PERCENT.findall(text, start, match.start()))
        if not 0 < stated < 100:
            return match[0]
        rest = f"the other {100 - stated:g}%"
        return f"{rest} is held by" if match["with"] else rest
    text = _REST_OWN.sub(lambda m: f"{m[1]} with {'me' if m[2] else 'the owners'}", text)
    # "the other 60% is mine": the owner's share, told
    text = _OTHER_SHARE_OWN.sub(
        lambda m: f"{'I hold' if m['mine'] else 'the owners hold'} {m['share']}%", text)
    return _THE_REST.sub(share, text)
