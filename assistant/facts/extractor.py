"""Facts about a business read from one message, by rule.

`FactExtractor.extract(text)` turns what a business says about itself ("we employ 45 people in
Smethwick, turnover £2.1m, 60% owned by a 1,000-person group") into `Facts`. It is deterministic
and does not guess: a fact the message does not state stays unknown. Within one message the last
statement of a fact wins, so a correction replaces ("we have 40, sorry, 45 staff" is 45); prior
public support is the exception (separate awards are added up, see `money`).

`FactExtractor` only coordinates: each kind of fact has its reader in a module of its own, and
the judgements a reader makes are written in that module's doc. The readers run in a fixed
order, since each claims the words it reads and a later one does not read them again: SIC codes
(`activity`), the postcode (`postcodes`), holdings (`ownership`), percentages (claimed, so that
no later reader takes one for a count), months trading (`trading`), money (`money`), staff
(`staff`), the local authority (`places`) and insolvency (`insolvency`); then what the business
does (`activity`), and last a bare answer to the question just asked (`answers`).

Place names, councils and the postcode districts a programme knows come from the policy
(`FactExtractor.from_policy`). Only generic language knowledge lives in this package: number
words, units, the UK postcode format, and the vocabulary of staffing, money, ownership and
insolvency.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import get_args

from assistant.business import RANGED_FACTS, Facts, Holding, Money
from assistant.facts.activity import SectorReader, read_sic_codes, sic_class
from assistant.facts.answers import answer_to
from assistant.facts.common import NUM, NUM_START, PERCENT, AskedFact, Message, lowered_article
from assistant.facts.forms import RangeEnd, first_person, rewrite
from assistant.facts.insolvency import read_insolvent
from assistant.facts.money import InKind, MoneyField, read_money
from assistant.facts.numbers import to_float, words_to_digits
from assistant.facts.ownership import read_holdings, read_referred_figures, read_stated_share
from assistant.facts.places import Places
from assistant.facts.postcodes import read_postcode, valid_outward_code
from assistant.facts.staff import SEASONAL, read_employees, read_stated_band
from assistant.facts.trading import MONTH, month_number, read_months_trading
from knowledge.policy import Policy, district_place_words, district_places, keyword_found

# The names this module has always offered, wherever they are defined now.
__all__ = ["AskedFact", "FactExtractor", "MoneyField", "sic_class", "valid_outward_code",
           "words_to_digits"]


def _initials(name: str) -> str:
    """ "Research Aid Limit" -> "RAL"; "" for a name of fewer than two words."""
    words = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _areas_of(policy: Policy,
              places: Mapping[str, str]) -> Callable[[str], frozenset[str] | None]:
    """The areas a local authority read from a message lies wholly in: none for one outside
    them all. A place that only the districts name lies in an area when every district of that
    area naming it is inside, and outside it when every one is outside ("Upper Marsh", named by
    three districts all inside); else (None) the council it is in decides."""
    inside = {council.lower(): frozenset(a.id for a in policy.areas
                                         if council in a.councils)
              for area in policy.areas for council in area.councils}
    undecided = {name for name, value in places.items()
                 if name == value.lower() and name not in inside and not any(
                     name == p.authority.lower() for a in policy.areas for p in a.outside)}

    def by_districts(place: str) -> frozenset[str] | None:
        within: set[str] = set()
        for area in policy.areas:
            statuses = {d.status for d in area.districts_of(place)}
            if not statuses or len(statuses) > 1 or statuses == {"mixed"}:
                return None
            if statuses == {"inside"}:
                within.add(area.id)
        return frozenset(within)

    def areas_of(authority: str) -> frozenset[str] | None:
        key = authority.lower()
        if key in inside:
            return inside[key]
        return by_districts(key) if key in undecided else frozenset()
    return areas_of


# the day the owner says it is: "today's 28 July", "today is 3 March 2027"
_TODAY_IS = re.compile(
    r"\btoday(?:'s|\s+is|\s*:)\s+(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<month>{MONTH})\b(?:,?\s+(?P<year>20\d\d))?", re.IGNORECASE)


def _stated_today(text: str, today: date) -> date:
    """The date the message says today is, when it says one, so that times are counted to it
    ("the first sale was on 5 May, and today is 1 September"); else `today`."""
    match = _TODAY_IS.search(text)
    if match is None:
        return today
    try:
        return date(int(match["year"] or today.year), month_number(match["month"]),
                    int(match["day"]))
    except ValueError:
        return today


def _round_opens(policy: Policy) -> dict[str, date]:
    """The day each round opens, by its name; a name two programmes share, the first's."""
    opens: dict[str, date] = {}
    for programme in policy.programmes:
        for found in programme.rounds:
            day = found.opens.date() if isinstance(found.opens, datetime) else found.opens
            opens.setdefault(found.name, day)
    return opens


# when the business will apply: "we aim to apply to Round 3", "we'll go for round 3"
_APPLYING_IN = re.compile(
    r"\b(?:apply|applying|application|submit|submitting|go\s+for|going\s+for|bid|bidding)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:in|for|to|into|under)\s+(?:the\s+)?(?:(?:round|rd)\s*(?P<round>\d)\b|"
    rf"(?P<month>{MONTH})\s+(?P<year>20\d\d)\b)", re.IGNORECASE)
# the parts of a reply that answers two questions: "roughly 25, and the site is in Tipton"
# (not a comma inside a figure: "£150,000" is one answer, not "£150" and "000")
_ANSWER_PARTS = re.compile(r"\s*(?:(?:,(?!\d)|;)\s*(?:and\s+)?|\s+and\s+)\s*", re.IGNORECASE)


_QUALIFIER_JOINED = re.compile(r"(?<![\w.])(c\.|ca\.|approx\.|est\.)(?=[£€$]?\d)", re.I)


_YEAR_QUALIFIED = re.compile(r"\b(since|from)\s+(?:about|around|roughly|approx\.?|"
                             r"approximately|circa|c\.)\s+(?=(?:19|20)\d\d\b)", re.I)
_YEAR_ISH = re.compile(r"\b((?:19|20)\d\d)\s*-?ish\b", re.I)
_FULL_TIME_EQUAL = re.compile(r"\bfull[\s-]?time\s+equal(?:s|ent)?\b", re.I)
# "were sheet metal fabricators", typed for "we're": "were" opening a clause, lower case, and
# not a question ("were there any ...", "were you ...")
_WERE_FOR_WE_ARE = re.compile(
    r"((?:^|[.!?;,:]\s+|\s-\s|\b(?:and|but|so|hi|hello)\s+))were(?=\s+(?!(?:you|we|they|there|"
    r"these|those|the|any|all|it|he|she|i|not\s+sure)\b)[a-z])")


def _normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    # a scale word misspelt ("2.4 milion") and a decimal comma before one, as in much of
    # Europe ("2,4 million euro"): a comma before one or two digits groups no thousands
    text = _MISSPELT_MILLION.sub("million", text)
    # "c.240 staff", "approx.£3m": the qualifier set apart from its figure
    text = _QUALIFIER_JOINED.sub(r"\1 ", text)
    # "since about 2005", "2010ish": the year
    text = _YEAR_QUALIFIED.sub(r"\1 ", text)
    text = _YEAR_ISH.sub(r"\1", text)
    # as some owners write "full-time equivalent" and "we're"
    text = _FULL_TIME_EQUAL.sub("full-time equivalent", text)
    text = _WERE_FOR_WE_ARE.sub(r"\1we're", text)
    return _DECIMAL_COMMA.sub(r"\1.\2", text)


# (and "mln", "mio", as much of Europe abbreviates it)
_MISSPELT_MILLION = re.compile(r"(?<=\d\s)(?:milion|millon|milllion|milions|millons|miliion|mln|"
                               r"mio)\b\.?|"
                               r"(?<=\d)(?:milion|millon|milllion|milions|millons|miliion|mln|"
                               r"mio)\b\.?",
                               re.IGNORECASE)
_DECIMAL_COMMA = re.compile(
    r"(?<![\d,.])(\d{1,3}),(\d{1,2})(?=\s?(?:m|mn|bn|million|billion|mil)\b)", re.IGNORECASE)


# staff besides those counted, with no number: "plus some part-timers", "and the seasonal crew"
_UNCOUNTED_STAFF = re.compile(
    r"\b(?:plus|and|as\s+well\s+as|also|on\s+top\s+of\s+(?:that|them))\s+"
    r"(?:(?:a\s+(?:fair|good|large|small|decent|certain)\s+number\s+of|a\s+(?:few|handful\s+of|"
    r"bunch\s+of|load\s+of|number\s+of)|some|several|various|quite\s+a\s+few|lots\s+of|"
    r"loads\s+of|a\s+lot\s+of|many|our|the|other)\s+)?"
    r"(?:(?:occasional|regular|casual|seasonal|summer|christmas|xmas|holiday|weekend|evening|"
    r"temporary)\s+)?(?:part[\s-]?timers|part[\s-]time\s+(?:staff|workers|employees|people|"
    r"helpers)|temps|casuals|(?:staff|workers|crew|pickers|packers|helpers)(?=\s+(?:who|that)\s+"
    r"(?:come|work)|\s+(?:at|over|in)\s+(?:christmas|xmas|peak|harvest|the\s+summer)))\b"
    r"|\b(?:plus|and|also)\s+(?:some\s+|the\s+|our\s+)?(?:seasonal|summer|christmas|xmas|"
    r"holiday|temporary|casual)\s+(?:staff|workers|crew|pickers|packers|helpers|temps)\b",
    re.IGNORECASE)
_UNCOUNTED_SHARE = 0.1
# a time said in other words: "four months", "from September to December"
_A_TIME_SAID = re.compile(rf"\b\d+\s*(?:months?|weeks?)\b|\bfrom\s+{MONTH}\s+(?:to|until|till|"
                          rf"through)\s+{MONTH}\b", re.IGNORECASE)
# seasonal staff counted, for a time not said: "about 120 seasonal operatives at the peaks"
_SEASONAL_UNTIMED = re.compile(
    rf"{NUM_START}(?P<n>{NUM})\s+(?:[\w-]+\s+)?(?:seasonal|temporary|temp|summer|christmas|"
    r"casual|peak)\s+(?:staff|workers?|employees?|people|pickers?|packers?|operatives?|hands?|"
    r"temps?)\b", re.IGNORECASE)
# a cost quoted with the tax in: "£96k including VAT", "£12,000 inc. VAT", "VAT inclusive"
_WITH_VAT = re.compile(r"\b(?:inc(?:l(?:uding|usive(?:\s+of)?)?)?\.?|with)\s+vat\b|"
                       r"\bvat\s+(?:inc(?:l(?:uded|usive)?)?\.?|included)(?!\w)", re.I)
# ... and the tax got back: "we're VAT registered", "we claim that back", "we reclaim the VAT"
_VAT_RECOVERED = re.compile(
    r"\bvat[\s-]registered\b|\bregistered\s+for\s+vat\b|\b(?:claim|reclaim|recover|get)"
    r"(?:s|ed|ing)?\s+(?:the\s+|that\s+|it\s+|all\s+(?:of\s+)?(?:the\s+|it\s+)?)?(?:vat\s+)?back\b|"
    r"\b(?:reclaim|recover)(?:s|ed|ing)?\s+(?:the\s+|all\s+the\s+)?vat\b|"
    # "..., which we reclaim": the VAT just named
    r"\b(?:which|and)\s+we\s+(?:can\s+|do\s+)?(?:reclaim|recover)\b", re.I)
_VAT_NOT_RECOVERED = re.compile(
    r"\b(?:not|n't|can't|cannot|unable\s+to)\s+(?:\w+\s+){0,2}?(?:vat[\s-]registered|registered\s+"
    r"for\s+vat|claim|reclaim|recover)", re.I)
# A headcount given roughly: "about 250", "somewhere around 250", "250 or so".
_APPROXIMATE = re.compile(
    r"\b(?:about|around|roughly|approximately|approx|circa|somewhere|in\s+the\s+region\s+of|"
    r"give\s+or\s+take|or\s+so|ish|depending)\b|~", re.IGNORECASE)

# Figures for the whole group: "across the whole group", "group-wide", "the group as a whole".
_GROUP_TOTAL = re.compile(
    r"\b(?:across|for|in|throughout)\s+the\s+(?:whole\s+|entire\s+|wider\s+)?group\b|"
    r"\bgroup[\s-]wide\b|\bthe\s+(?:whole\s+)?group\s+(?:as\s+a\s+whole|in\s+total|"
    r"altogether|combined)\b|\b(?:in\s+total|altogether)\s+across\s+(?:the\s+)?(?:group|"
    r"companies|businesses)\b", re.IGNORECASE)
# "we belong to a group with 900 employees": the group's size, in the words up to the clause's end
_PART_OF_A_GROUP = re.compile(
    r"\b(?:part\s+of|(?:a\s+)?member\s+of|belong(?:s|ing)?\s+to)\s+(?:an?|the)\s+"
    r"(?:(?:larger|bigger|wider|international|global|uk|european)\s+)?"
    # "the Acme Group which has 400 employees"
    r"(?:(?-i:[A-Z][\w&'-]*)\s+){0,3}?"
    r"group\s*,?\s+(?:of|with|employing|that\s+(?:has|employs)|which\s+(?:has|employs)|"
    r"who\s+(?:have|employ))\s+"
    r"[^.;,()]*?(?=[.;,()]|\s[-–]\s|\s+and\s+(?:we|our|the|it)\b|$)", re.IGNORECASE)


# "we're part of the Acme Group", "a subsidiary of a bigger group": the group the business is in
_IN_A_GROUP = re.compile(
    r"\b(?:we(?:'re|\s+are)|(?:the|our)\s+(?:company|business|firm)\s+is|it's|it\s+is)\s+"
    r"(?:now\s+|also\s+)?(?:part\s+of|a\s+member\s+of|a\s+subsidiary\s+of)\s+"
    r"(?P<group>(?:an?|the)\s+(?:(?:larger|bigger|wider|international|global|uk|european|"
    r"family|private)\s+)?(?:(?-i:[A-Z][\w&'-]*)\s+){0,3}?group)\b(?!\s+(?:of|with)\s+\d)",
    re.IGNORECASE)

# A business a question supposes ("a company with 300 staff", "an engineering firm that turns
# over £60m"), and what the question says of it (`rest`)
SUPPOSED_BUSINESS = re.compile(
    r"\b(?:a|an|any)\s+(?:[\w-]+\s+){0,3}?(?:company|companies|business|businesses|firm|firms|sme|"
    r"manufacturer|enterprise|start-?up|employer|maker|supplier|organi[sz]ation)\s+"
    r"(?P<rest>(?:with|that\s+has|which\s+has|having|employing|that\s+employs|which\s+employs|"
    r"turning\s+over|that\s+turns\s+over|that\s+has\s+been|trading\s+for|that's\s+been)\b"
    r"[^?!]*?)(?=\s+(?:apply|get|join|qualify|be\s+(?:eligible|an?\s+sme)|receive|take\s+part|"
    r"count|still|be\s+considered)\b|\s*[?!]|\s*$)", re.IGNORECASE)
_ASKING_OPENING = re.compile(r"^\W*(?:can|could|would|may|might|is|are|does|do|will|should)\s+",
                             re.IGNORECASE)
_ASKER = re.compile(r"\b(?:we|we're|we've|we'd|our|ours|us|i|i'm|i've|i'd|my|mine)\b",
                    re.IGNORECASE)


# The asker's own business supposed otherwise: "what if we grew to 280 people?", "suppose we'd been
# trading a year", "if we took on 40 more people, would we still qualify?"
_OWN_SUPPOSED = re.compile(
    r"\b(?:(?P<what>what\s+(?:if|about\s+if)|suppose|supposing|imagine|hypothetically(?:\s+"
    r"speaking)?,?(?:\s+if)?|in\s+theory,?\s+if)|(?P<bare>if))\s+(?:we|i|the\s+business|the\s+"
    r"company|our\s+(?:business|company|firm))\s*(?:'d|\s+had|\s+were|\s+was|\s+grew|\s+hired|"
    r"\s+took\s+on|\s+employed|\s+turned\s+over|\s+doubled|\s+reached|\s+went\s+over|"
    r"\s+moved|\s+became|\s+got\s+bigger)\b", re.IGNORECASE)
# ... a bare "if" asks about another case only with a conditional after it: "..., would we
# still qualify?"; "if we had an IVA in 2017, does it matter?" tells a real past
_WOULD_AFTER = re.compile(r"\b(?:would|could|might)\b[^.?!]*\?|\bstill\b", re.IGNORECASE)
_TOLD_AS_PAST = re.compile(r"\b(?:ago|last\s+(?:financial\s+)?year|(?:19|20)\d\d)\b",
                           re.IGNORECASE)


def supposes_own(text: str) -> bool:
    """Whether a message asks about the asker's business as it is not ("what if we grew to
    280 people?"): its figures answer that question only, and are not the business's own."""
    for match in _OWN_SUPPOSED.finditer(text):
        rest = text[match.end():]
        if match["what"]:
            return True
        if _WOULD_AFTER.search(rest) and not _TOLD_AS_PAST.search(rest.split("?")[0]):
            return True
    return False


def supposed_business(text: str) -> re.Match[str] | None:
    """The business a one-sentence question supposes, as its subject ("Could a firm with 40
    staff apply?"), when the question says nothing of the asker's own; None otherwise."""
    sentence = text.strip()
    opening = _ASKING_OPENING.match(sentence)
    if opening is None or not sentence.endswith("?") or re.search(r"[.!?]\s", sentence) or \
            _ASKER.search(sentence):
        return None
    return SUPPOSED_BUSINESS.match(sentence, opening.end())


@dataclass(frozen=True)
class _GroupTotals:
    employees: float | None
    turnover: Money | None
    balance_sheet: Money | None
    sentence: str  # the words the totals were read from

    def applied_to(self, facts: Facts) -> Facts:
        """The group's totals as the business's figures when its own are not given; beside
        its own, the rest of the group as a linked enterprise. A linked holder with no figures
        of its own given is counted in them (its own figures would count twice)."""
        assert self.employees is not None
        holdings = [h.model_copy(update={"employees": 0.0, "turnover": Money(amount=0)})
                    if (h.share_percent or 0) > 50 and h.employees is None
                    and h.turnover is None
                    else h for h in facts.holdings]
        own = facts.employees
        if own is None or own == self.employees:
            return facts.model_copy(update={
                "employees": self.employees, "turnover": self.turnover or facts.turnover,
                "balance_sheet": self.balance_sheet or facts.balance_sheet,
                "holdings": holdings})
        if own > self.employees:
            return facts
        rest_turnover = None
        if self.turnover is not None and facts.turnover is not None and \
                self.turnover.currency == facts.turnover.currency:
            rest_turnover = Money(amount=max(self.turnover.amount - facts.turnover.amount, 0),
                                  currency=self.turnover.currency)
        rest = Holding(share_percent=100, holder="the rest of the group",
                       holder_kind="enterprise", employees=self.employees - own,
                       turnover=rest_turnover)
        return facts.model_copy(update={"holdings": [*holdings, rest]})


def _value(facts: Facts, name: str) -> float | None:
    value = getattr(facts, name)
    return value.amount if isinstance(value, Money) else value


# staff told as more besides a count told before, and a total that says they are not
_MORE_BESIDES = re.compile(r"\b(?:also|as\s+well|in\s+addition|on\s+top\s+of|besides|left\s+out|"
                           r"forgot|forgotten|missed\s+out|didn't\s+mention|did\s+not\s+mention)\b",
                           re.I)
# people left out of the count given before: "the two of us aren't counted in that 40"
_LEFT_OUT_OF = re.compile(r"(?:\bnot|n't)\s+(?:been\s+)?(?:included|counted|part\s+of|in)\s+"
                          r"(?:in\s+)?(?:the|that|those|your)\s+(?:\d[\d,.]*|figure|number|"
                          r"head\s*count|count|total)\b", re.I)
_IN_TOTAL = re.compile(r"\b(?:in\s+total|altogether|in\s+all|all\s+told|total\s+of)\b|"
                       # the figure given before, broken down: "the 12 includes ...", "two of
                       # the others", "that 90 is everybody"
                       r"\bthe\s+\d+\s+(?:(?:i|we)\s+gave\s+)?(?:includes|included)\b|"
                       r"\bof\s+the\s+(?:others|rest)\b|\b(?:is|are)\s+(?:everyone|everybody)\b",
                       re.I)


def _uncounted_staff(msg: Message, counted: float) -> float | None:
    """How many more staff there may be than those counted, when the message says there are
    others without their number or their time: "140 on the payroll and some weekend casuals"
    (a tenth more, two at the least, would not be a surprise); "120 seasonal operatives for the
    peaks, I don't know for how many months" (none of them, or all of them all year)."""
    if _UNCOUNTED_STAFF.search(msg.text):
        return max(2.0, round(counted * _UNCOUNTED_SHARE))
    untimed = _SEASONAL_UNTIMED.search(msg.text)
    if untimed is None or SEASONAL.search(msg.text, *msg.sentence(untimed.start())) or \
            _A_TIME_SAID.search(msg.text, *msg.sentence(untimed.start())):
        return None
    return to_float(untimed["n"])


def _short_name(holder: str) -> str:
    """The first two words of a business's name, when it has one ("Ashby Transmissions Ltd
    in Nuneaton" gives "Ashby Transmissions"); "" for a holder told by a common noun."""
    words = re.findall(r"(?-i:[A-Z][\w&'-]*)", holder.split(" in ")[0])
    return " ".join(words[:2]) if words and holder.strip()[:1].isupper() and \
        words[0].lower() not in {"the", "our", "my", "a", "an"} else ""


class FactExtractor:
    """Reads `Facts` from one message by rule (the judgements made are in each reader's module).

    `places` maps place, town and council names (any case) to the local authority they are in;
    `known_districts` are the postcode outward codes the policy knows. A postcode of valid UK
    format that is not known is still returned (the engine says it does not recognise it).
    """

    def __init__(self, places: dict[str, str] | None = None,
                 known_districts: set[str] | None = None,
                 subsidy_names: list[str] | None = None,
                 postcode_patterns: list[str] | None = None,
                 in_kind: Sequence[InKind] = (),
                 field_keywords: Sequence[str] = (),
                 programme_names: Sequence[str] = (),
                 programme_kinds: Sequence[str] = (),
                 sited_places: Sequence[str] = (),
                 vat_rate: float | None = None,
                 round_opens: Mapping[str, date] | None = None,
                 areas_of: Callable[[str], frozenset[str] | None] | None = None) -> None:
        """`in_kind`: support given in kind and its value a unit, read as earlier support.
        `field_keywords`: the words of the fields a programme's business must work in, noted
        wherever an owner uses them (`Facts.sector_mentions`), outside the `programme_names`
        and the words naming a programme of one of the `programme_kinds` (a programme named
        after its field says nothing of the business). `sited_places`: one-word place names
        read only where the words before say a site is there ("a yard at Halesowen").
        `round_opens`: the day each funding round opens, by its name ("Round 3"), for a
        business that says which round it will apply in. `areas_of`: the areas a local
        authority lies wholly in (none for one outside them all; None when its districts must
        decide), so that two places of the business that stand differently are asked about."""
        self._places = Places(places or {}, sited_places, areas_of)
        self._round_opens = {" ".join(name.lower().split()): day
                             for name, day in (round_opens or {}).items()}
        self._vat_rate = vat_rate
        # another country's postal codes (an Eircode), from the policy's areas
        self._local_codes = [re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I)
                             for p in postcode_patterns or []]
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
        self._sector = SectorReader(self._places.pattern)
        self._in_kind = tuple(in_kind)
        self._field_keywords = tuple(dict.fromkeys(field_keywords))
        names = sorted({n for n in programme_names if n.strip()}, key=len, reverse=True)
        kinds = sorted({r"[\s_-]?".join(re.escape(w) for w in re.split(r"[\s_-]+", k.strip()))
                        for k in programme_kinds if k.strip()}, key=len, reverse=True)
        # a programme named loosely by its field and its kind: "the <field> <kind>"
        by_kind = (r"(?:[\w&-]+\s+){1,3}(?:" + "|".join(kinds) + r")s?\b") if kinds else ""
        alternatives = [re.escape(n) for n in names] + ([by_kind] if by_kind else [])
        self._programme_re = (re.compile(r"(?:" + "|".join(alternatives) + r")", re.I)
                              if alternatives else None)

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
        for area in policy.areas:
            for place in district_places(area):
                # a place the districts name, as itself: where it lies is the districts' to say
                places.setdefault(place.lower(), place)
        sited = [place for area in policy.areas for place in district_place_words(area)
                 if place.lower() not in places]
        districts = {d.district.upper() for area in policy.areas for d in area.districts}
        patterns = [area.postcode_pattern for area in policy.areas if area.postcode_pattern]
        fit_lists = {c.sectors for p in policy.programmes for c in p.criteria
                     if c.fact == "sector_fit" and c.sectors}
        # (and the words of what the rules put outside a field: "only buy renewable
        # electricity" is a project outside it, wherever it is said)
        keywords = [k for sector_list in policy.sector_lists if sector_list.id in fit_lists
                    for sector in [*sector_list.sectors, *sector_list.outside]
                    for k in sector.keywords]
        return cls(places=places, known_districts={d for d in districts
                                                   if valid_outward_code(d)},
                   subsidy_names=[policy.rates.subsidy_name], postcode_patterns=patterns,
                   in_kind=[InKind.of(item.kind, item.unit, item.value_gbp)
                            for item in policy.rates.in_kind],
                   field_keywords=keywords,
                   programme_names=[n for p in policy.programmes for n in (p.name, *p.aliases)],
                   programme_kinds=[p.kind for p in policy.programmes
                                    if any(c.fact == "sector_fit" for c in p.criteria)],
                   sited_places=sited, vat_rate=policy.rates.vat_rate,
                   round_opens=_round_opens(policy), areas_of=_areas_of(policy, places))

    def _not_a_programme(self, sector: str | None) -> str | None:
        """The activities read, without a programme's own name read as one ("£50k from the
        <programme>")."""
        if sector is None or self._programme_re is None:
            return sector
        kept = [p for p in sector.split("; ")
                if not self._programme_re.fullmatch(re.sub(r"^(?:the|a|an)\s+", "", p.strip(),
                                                           flags=re.I))]
        return "; ".join(kept) or None

    def _sector_mentions(self, text: str) -> list[str]:
        """The fields' words an owner uses of the business, anywhere in the message, the
        programmes' own names left out."""
        if not self._field_keywords or not _ASKER.search(text):
            return []
        plain = self._programme_re.sub(" ", text) if self._programme_re else text
        return [k for k in self._field_keywords if keyword_found(k, plain)]

    def _local_postcode(self, msg: Message) -> str | None:
        """A postal code of the policy's own pattern, written as district and the rest
        ("v94t9px" -> "V94 T9PX"): the district is its first three characters."""
        for pattern in self._local_codes:
            match = pattern.search(msg.text)
            if match is not None:
                msg.claim(*match.span())
                code = "".join(match.group().split()).upper()
                return f"{code[:3]} {code[3:]}".strip()
        return None

    def _group_totals(self, text: str, today: date) -> _GroupTotals | None:
        """Figures given for the whole group the business belongs to ("group-wide we employ
        140 and sell £17m a year"): under the SME definition the figures of linked
        enterprises are added, so the group's totals are the business's figures."""
        if part := _PART_OF_A_GROUP.search(text):
            sentence = part.group()
            figures = self.extract(re.sub(r"^.*?\bgroup\b", " ", sentence, flags=re.I), today)
            if figures.employees is not None:
                return _GroupTotals(figures.employees, figures.turnover, figures.balance_sheet,
                                    sentence)
        match = _GROUP_TOTAL.search(text)
        if match is None:
            return None
        lo = max(text.rfind(".", 0, match.start()), text.rfind(";", 0, match.start())) + 1
        ends = [i for i in (text.find(".", match.end()), text.find(";", match.end())) if i >= 0]
        sentence = text[lo:min(ends) if ends else len(text)]
        # "group-wide they're 900 staff": here "they" is the group, whose figures count
        words = _GROUP_TOTAL.sub(" ", sentence)
        figures = self.extract(first_person(words), today)
        if figures.employees is None:
            return None
        return _GroupTotals(figures.employees, figures.turnover, figures.balance_sheet,
                            sentence)

    def stated_share(self, text: str) -> float | None:
        """The one share a reply gives for a holding named before without its size."""
        return read_stated_share(Message(words_to_digits(self._written_out(text))))

    def referred_holder(self, text: str) -> Holding | None:
        """The figures a reply gives for the shareholder named before ("It employs about 700
        and sells £95m a year"), as a holding with no share; None when it gives none."""
        return read_referred_figures(Message(words_to_digits(self._written_out(text))))

    def _written_out(self, text: str, range_end: RangeEnd = "middle") -> str:
        """The message with its form lines, shorthand and the subsidy's own name written out,
        as every reader reads it."""
        original = rewrite(_normalise(text), range_end)
        if self._subsidy_re is not None:
            original = self._subsidy_re.sub("state aid", original)
        return original

    def supposed(self, text: str, today: date | None = None) -> Facts | None:
        """The facts of the business a question supposes ("can a company with 300 staff
        apply?"), for its answer only; None when it supposes none. Its trade is not said."""
        found = supposed_business(text)
        if found is None:
            return None
        return self.extract(f"We have {found['rest']}.", today).model_copy(
            update={"sector_text": None, "sic_codes": [], "sector_mentions": []})

    def extract(self, text: str, today: date | None = None,
                asked: AskedFact | None = None) -> Facts:
        """The facts one message states (see `read`)."""
        return self.read(text, today, asked)[0]

    def read(self, text: str, today: date | None = None,
             asked: AskedFact | None = None, also_asked: Sequence[AskedFact] = ()
             ) -> tuple[Facts, dict[str, str]]:
        """The facts one message states, and for each the words it was read from (as the
        readers saw them: shorthand written out). `today` dates "founded in 2019" and the
        financial years of prior support; `asked` is the fact the conversation has just asked
        for, so that a bare answer ("45", "about £2m", "no") is read as it; `also_asked` the
        facts of the other questions asked with it, answered in a part of the message of its
        own ("roughly 25, and the site is in Tipton")."""
        facts, sources = self._read(text, today, asked)
        facts = self._answered_in_parts(text, today, [*([asked] if asked else []),
                                                      *also_asked], facts, sources)
        if facts.known() and self._written_out(text, "low") != self._written_out(text):
            # a range ("£250k to £320k"): the facts at both its ends, kept where they differ
            low = self._read(text, today, asked, "low")[0]
            high = self._read(text, today, asked, "high")[0]
            ranges: dict[str, list[float]] = {}
            for name in RANGED_FACTS:
                ends = [_value(low, name), _value(high, name)]
                if None not in ends and ends[0] != ends[1] and _value(facts, name) is not None:
                    ranges[name] = ends  # type: ignore[assignment]
            if ranges:
                facts = facts.model_copy(update={"ranges": ranges})
        return facts, sources

    def _application_day(self, text: str) -> date | None:
        """The day the business says it will apply, when it says: the opening of the round it
        names ("we aim to go for Round 3"), or the first of the month it names
        ("applying in June 2027")."""
        match = _APPLYING_IN.search(text)
        if match is None:
            return None
        if match["round"]:
            return self._round_opens.get(f"round {match['round']}")
        return date(int(match["year"]), month_number(match["month"]), 1)

    def _answered_in_parts(self, text: str, today: date | None, asked: Sequence[AskedFact],
                           facts: Facts, sources: dict[str, str]) -> Facts:
        """The facts asked that the message answers in a part of its own, when it answers
        more than one question: each part is read as a bare answer to the first fact asked
        that it answers and nothing has read."""
        if not asked:
            return facts
        parts = [part for part in _ANSWER_PARTS.split(words_to_digits(self._written_out(text)))
                 if part.strip()]
        if len(parts) < 2:
            return facts
        for part in parts:
            for fact in asked:
                if fact in facts.known() or (fact == "insolvent" and len(part.split()) > 2):
                    continue  # ("no council stake" is no answer on insolvency)
                answered = answer_to(fact, Message(part), facts, [], today or date.today())
                if fact in answered.known():
                    facts = answered
                    sources[fact] = part.strip()
                    break
        return facts

    def _read(self, text: str, today: date | None, asked: AskedFact | None,
              range_end: RangeEnd = "middle") -> tuple[Facts, dict[str, str]]:
        if not isinstance(text, str):
            raise TypeError(f"a message must be text; got {type(text).__name__}")
        if asked is not None and asked not in get_args(AskedFact):
            raise ValueError(f"cannot read an answer to {asked!r}; facts that can be asked: "
                             f"{', '.join(get_args(AskedFact))}")
        today = _stated_today(text, today or date.today())
        if asked is None and supposed_business(text) is not None:
            # "Can a company with 300 staff apply?": a business the question supposes, for its
            # answer only; none of it is the asker's
            return Facts(), {}
        original = self._written_out(text, range_end)
        msg = Message(words_to_digits(original))

        sic_codes = read_sic_codes(msg)
        postcode = read_postcode(msg, asked, self._known_districts)
        if postcode is None:
            postcode = self._local_postcode(msg)
        holdings = read_holdings(msg)
        msg.other_names = [_short_name(h.holder) for h in holdings
                           if (h.direction == "we_own" or h.same_owner or
                               h.holder_kind in ("enterprise", "investor"))
                           and _short_name(h.holder)]
        for match in PERCENT.finditer(msg.text):
            msg.claim(*match.span())
        months = read_months_trading(msg, today)
        money, unassigned = read_money(msg, today, self._in_kind,
                                       award_day=self._application_day(msg.text))
        employees = read_employees(msg, unassigned)
        local_authority = self._places.local_authority(msg)
        if msg.council_from_rates:
            # the council the rates go to decides, whatever postcode an address has (the
            # area guidance: the rates bill shows the local authority the site is in)
            postcode = None
        insolvent = read_insolvent(msg, describes_business=any(
            v is not None for v in (employees, postcode, local_authority, months,
                                    *money.values())))
        # an opening noun phrase is read as the business only in a message describing it
        stated = [employees, postcode, local_authority, months, insolvent, *sic_codes,
                  *holdings, *money.values()]
        facts = Facts(
            employees=employees,
            postcode=postcode,
            local_authority=local_authority,
            sector_text=self._not_a_programme(self._sector.sector_text(
                original, describes_business=any(v is not None for v in stated),
                with_figures=any(v is not None for v in (employees, postcode, months,
                                                          *money.values())))),
            sic_codes=sic_codes,
            months_trading=months,
            holdings=holdings,
            insolvent=insolvent,
            stated_band=read_stated_band(msg),
            sector_mentions=self._sector_mentions(original),
            **money,  # type: ignore[arg-type]  # Money fields only
        )
        if totals := self._group_totals(original, today):
            # the business's own figures are those stated outside the group's sentence
            own = self.extract(original.replace(totals.sentence, " "), today)
            facts = totals.applied_to(facts.model_copy(update={
                "employees": own.employees, "turnover": own.turnover,
                "balance_sheet": own.balance_sheet}))
        elif not facts.holdings and (group := _IN_A_GROUP.search(original)):
            # "we're part of the Acme Group": a linked enterprise whose figures are not given
            holder = lowered_article(group["group"])
            facts = facts.model_copy(update={"holdings": [Holding(
                share_percent=100, holder=holder, holder_kind="enterprise")]})
            msg.sources["holdings"] = group.group()
        if asked:
            facts = answer_to(asked, msg, facts, unassigned, today)
            if asked in facts.known() and asked not in msg.sources:
                msg.sources[asked] = msg.text.strip()
        if employees is not None and facts.employees == employees and \
                (unknown := sum(msg.part_timers_unknown.values())):
            facts = facts.model_copy(update={"part_timers_unknown": unknown})
        if facts.project_cost is not None and self._vat_rate and \
                _WITH_VAT.search(msg.sources.get("project_cost", "")) and \
                _VAT_RECOVERED.search(msg.text) and not _VAT_NOT_RECOVERED.search(msg.text):
            # "£96k including VAT, which we claim back": the cost to the business is without it
            net = round(facts.project_cost.amount / (1 + self._vat_rate), 2)
            facts = facts.model_copy(update={
                "project_cost": facts.project_cost.model_copy(update={"amount": net}),
                "project_cost_net_of_vat": True})
        if facts.employees is not None and not facts.part_timers_unknown and \
                "employees" not in facts.ranges and \
                (more := _uncounted_staff(msg, facts.employees)) is not None:
            facts = facts.model_copy(update={
                "staff_uncounted": True,
                "ranges": {**facts.ranges, "employees": [facts.employees,
                                                         facts.employees + more]}})
        if facts.employees is not None and _APPROXIMATE.search(msg.sources.get("employees", "")):
            facts = facts.model_copy(update={"employees_approx": True})
        if facts.employees is not None and (told := msg.sources.get("employees")) and \
                (at := msg.text.find(told)) >= 0 and \
                (_MORE_BESIDES.search(msg.text, max(0, at - 60), at + len(told)) or
                 _LEFT_OUT_OF.search(msg.text)) and \
                not _IN_TOTAL.search(msg.text):
            # "I forgot the weekend crew: 6 more on half-time": more staff
            facts = facts.model_copy(update={"employees_added": True})
        if insolvent is not None:
            msg.sources.setdefault("insolvent", "")
        if holdings:
            msg.sources["holdings"] = "; ".join(h.holder for h in holdings)
        if facts.sector_text:
            msg.sources["sector_text"] = facts.sector_text
        known = facts.known()
        return facts, {k: v for k, v in msg.sources.items() if k in known and v}

