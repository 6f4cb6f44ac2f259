"""The eligibility engine: a programme's policy applied to what is known about a business.

Every decision and figure here comes from the policy's rules and the business's stated facts
(DESIGN principle 1): nothing is retrieved and no model is asked. Each criterion comes out
met, not met or unknown, with a plain-English explanation that shows the figures it used and
the clause of the guidance that states the rule. Unknown is never guessed: it becomes one of
the (at most two) questions worth asking next, unless the policy says the fact is confirmed
at application.

Programme content (areas, sectors, rates, amounts, dates) comes from the policy. What is
written here in code is public, general knowledge: the EU SME definition's ceilings
(Commission Recommendation 2003/361/EC), the UK postcode format and the SIC code format.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Literal

from pydantic import BaseModel, Field

from assistant.business import Facts, Holding, Money
from assistant.errors import AssistantError
from assistant.reply import Citation, EligibilityResult
from assistant.reply import Criterion as ReplyCriterion
from knowledge.policy import (
    BOOLEAN_FACTS,
    OUTWARD_CODE_RE,
    Area,
    Award,
    Band,
    ClauseRef,
    Criterion,
    FactName,
    FundingRound,
    Policy,
    Programme,
    Sector,
    SectorList,
)

Decision = Literal["eligible", "ineligible", "need_more_info"]
RoundState = Literal["open", "closed", "upcoming"]
AwardLimit = Literal["maximum", "minimum", "requested"]


# --------------------------------------------------------------------------- results


class CriterionResult(BaseModel):
    id: str
    label: str
    fact: FactName
    met: bool | None  # None: not known yet
    explanation: str  # plain English, with the figures used
    clause: ClauseRef
    confirmed_at_application: bool = False
    missing_facts: list[str] = Field(default_factory=list)  # Facts field names that settle it


class WorkingLine(BaseModel):
    """One step of a calculation, with the clause that sets its rule."""

    text: str
    clause: ClauseRef | None = None


class OutputRequirement(BaseModel):
    name: str  # "jobs"
    units: int  # at least this many
    unit: str  # "new or safeguarded job"
    gbp_per_unit: float


class AwardCalculation(BaseModel):
    kind: Literal["grant", "voucher", "in_kind"]
    band: Band | None
    rate: float | None  # share of eligible costs paid
    project_cost_gbp: float | None
    eligible_costs_gbp: float | None
    calculated_gbp: float | None  # rate x eligible costs, before the minimum and maximum
    requested_gbp: float | None
    grant_gbp: float | None  # what could be offered; None when it cannot be worked out
    limited_by: AwardLimit | None = None
    outputs: list[OutputRequirement] = Field(default_factory=list)
    mfa_limit_gbp: float
    prior_support_gbp: float | None
    mfa_headroom_gbp: float | None  # limit - prior support
    fits_mfa_headroom: bool | None
    missing_facts: list[str] = Field(default_factory=list)
    lines: list[WorkingLine]


class RoundInfo(BaseModel):
    name: str
    opens: date | datetime  # a date means the start of that day
    closes: date | datetime  # a date means the end of that day
    state: RoundState
    clause: ClauseRef | None = None


class RoundStatus(BaseModel):
    state: RoundState  # open now; none open but one to come; all closed
    current: RoundInfo | None = None
    next: RoundInfo | None = None
    last_closed: RoundInfo | None = None
    rounds: list[RoundInfo]
    text: str

    @property
    def accepting_applications(self) -> bool:
        return self.state == "open"


class SizeFinding(BaseModel):
    """The business's size band under the EU SME definition, with the working."""

    band: Band | None  # None while the figures leave the band open
    possible_bands: list[Band]  # every band the unknown figures still allow
    working: list[str]
    summary: str  # one sentence with the figures, for explanations
    missing_facts: list[str] = Field(default_factory=list)
    question: str = ""  # a sharper question than the criterion's, when one fits


class Assessment(BaseModel):
    programme_id: str
    programme_name: str
    decision: Decision
    band: Band | None
    possible_bands: list[Band]
    band_working: list[str]
    criteria: list[CriterionResult]
    missing_facts: list[str]
    next_questions: list[str]  # at most two
    award: AwardCalculation | None = None
    round_status: RoundStatus | None = None

    @property
    def failing(self) -> list[str]:
        return [result.id for result in self.criteria if result.met is False]

    @property
    def unknown(self) -> list[str]:
        return [result.id for result in self.criteria if result.met is None]


class UnknownProgrammeError(AssistantError):
    """A programme id that the policy does not define."""


MAX_QUESTIONS = 2

# --------------------------------------------------------------------------- wording
# The engine's fixed sentences. Programme-specific wording comes from the policy's
# met_text / not_met_text / unknown_text / question fields instead.

QUESTIONS: dict[str, str] = {
    "employees": (
        "How many people work for the business? Count part-time staff as fractions: someone "
        "on 20 of 40 hours counts as a half."
    ),
    "turnover": "What is the business's annual turnover (or its balance sheet total)?",
    "balance_sheet": "What is the business's balance sheet total?",
    "holdings": (
        "Who owns 25% or more of the business, or of which enterprises does the business own "
        "25% or more?"
    ),
    "postcode": "What is the postcode of the site that would benefit from the support?",
    "local_authority": "Which local authority (council) is the site in?",
    "sector_text": "What does the business do? A SIC code helps too.",
    "months_trading": "How long has the business been trading?",
    "insolvent": (
        "Is the business in administration, liquidation, receivership or any other insolvency "
        "proceedings?"
    ),
    "prior_public_support": (
        "How much public support (grants, vouchers, subsidised services) has the business "
        "received in this financial year and the two before?"
    ),
    "project_cost": "What is the total cost of the project, and how much of it is consultancy?",
}

_UNKNOWN: dict[str, str] = {
    "employees": "I don't know yet how many staff the business has.",
    "turnover_gbp": "I don't know the business's turnover yet.",
    "balance_sheet_gbp": "I don't know the business's balance sheet total yet.",
    "months_trading": "I don't know yet how long the business has been trading.",
    "insolvent": "I don't know yet whether the business is in any insolvency proceedings.",
    "area_status": "I don't know yet where the benefiting site is.",
    "excluded_sector": "I don't know yet what the business does.",
    "sector_fit": "I don't know yet what the business does.",
    "mfa_after_award": "I don't know yet how much public support the business has had.",
}

CONFIRMED_AT_APPLICATION = "This is confirmed at application, so it doesn't hold up this check."
MET = "This requirement is met."
NOT_MET = "This requirement is not met."

_OP_WORDS = {
    "lt": "less than {}", "lte": "no more than {}", "gt": "more than {}", "gte": "at least {}",
    "eq": "{}", "ne": "not {}", "in": "{}", "not_in": "not {}",
}
_AWARD_NOUN = {"grant": "grant", "voucher": "voucher", "in_kind": "award"}

# --------------------------------------------------------------------------- formatting


def _number(value: float) -> str:
    """45 -> "45", 8.25 -> "8.25", 1000 -> "1,000"."""
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _exact(amount: float, symbol: str = "£") -> str:
    """An amount to the penny, pence shown only when there are any: £45,000, £22,222.22."""
    pennies = round(amount * 100)
    if pennies % 100 == 0:
        return f"{symbol}{pennies // 100:,}"
    return f"{symbol}{pennies / 100:,.2f}"


def _money(amount: float, symbol: str = "£") -> str:
    """A large figure as people say it when that is exact (£2.1m), otherwise in full."""
    if abs(amount) >= 1_000_000:
        millions = amount / 1_000_000
        if abs(millions * 100 - round(millions * 100)) < 1e-6:
            return f"{symbol}{millions:,.2f}".rstrip("0").rstrip(".") + "m"
        return f"{symbol}{round(amount):,}"
    return _exact(round(amount), symbol)


def _percent(share: float) -> str:
    return _number(share * 100) + "%"


def _join(items: Sequence[str], word: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _article(word: str) -> str:
    return f"an {word}" if word[:1].lower() in "aeiou" else f"a {word}"


def _day(value: date | datetime) -> str:
    text = f"{value.day} {value:%B %Y}"
    if isinstance(value, datetime) and value.time() != time.min:
        return f"{value:%H:%M} on {text}"
    return text


def _on_day(value: date | datetime) -> str:
    """"on 27 March 2026", or "at 12:00 on 29 January 2027"."""
    timed = isinstance(value, datetime) and value.time() != time.min
    return ("at " if timed else "on ") + _day(value)


def _plural(unit: str, count: int) -> str:
    return unit if count == 1 else unit + ("es" if unit.endswith(("s", "sh", "ch", "x")) else "s")


# --------------------------------------------------------------------------- size band
# The EU SME definition (Commission Recommendation 2003/361/EC, annex, article 2): public,
# not programme content. The GBP/EUR rate is the policy's.


@dataclass(frozen=True)
class _Ceiling:
    band: Band
    staff_below: float  # annual work units
    turnover_eur: float
    balance_sheet_eur: float


EU_CEILINGS: tuple[_Ceiling, ...] = (
    _Ceiling("micro", 10, 2_000_000, 2_000_000),
    _Ceiling("small", 50, 10_000_000, 10_000_000),
    _Ceiling("medium", 250, 50_000_000, 43_000_000),
)
BANDS: tuple[Band, ...] = ("micro", "small", "medium", "large")
PARTNER_FROM_PERCENT = 25.0  # a holding of 25% to 50%: partner enterprise, added pro rata
LINKED_ABOVE_PERCENT = 50.0  # more than 50%: linked enterprise, added in full
# Holders whose 25-50% stake does not on its own stop a business being autonomous
# (the Recommendation's exceptions: universities, investors, business angels...).
_EXEMPT_HOLDERS = {"investor": "an investor", "university": "a university"}


def _tri_and(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    return True if a is True and b is True else None


def _tri_or(a: bool | None, b: bool | None) -> bool | None:
    if a is True or b is True:
        return True
    return False if a is False and b is False else None


@dataclass
class _Total:
    """A combined figure: exact, or only a lower bound while some part of it is unknown."""

    value: float = 0.0  # AWU for staff; EUR for money
    gbp: float = 0.0  # money only
    exact: bool = True
    any_known: bool = False

    def add(self, value: float, gbp: float = 0.0) -> None:
        self.value += value
        self.gbp += gbp
        self.any_known = True

    def below(self, ceiling: float) -> bool | None:
        if self.value >= ceiling:
            return False
        return True if self.exact and self.any_known else None

    def within(self, ceiling: float) -> bool | None:
        if round(self.value, 2) > ceiling:
            return False
        return True if self.exact and self.any_known else None


@dataclass
class _Figures:
    staff: _Total = field(default_factory=_Total)
    turnover: _Total = field(default_factory=_Total)
    balance_sheet: _Total = field(default_factory=_Total)


def _add_money(total: _Total, money: Money | None, factor: float, eur_to_gbp: float) -> None:
    if money is None:
        total.exact = False
        return
    gbp = money.in_gbp(eur_to_gbp) * factor
    eur = (money.amount if money.currency == "EUR" else money.amount / eur_to_gbp) * factor
    total.add(eur, gbp)


def _both(total: _Total) -> str:
    return f"{_money(total.gbp)} ({_money(total.value, '€')})"


def _money_both(money: Money, eur_to_gbp: float, factor: float = 1.0) -> str:
    total = _Total()
    _add_money(total, money, factor, eur_to_gbp)
    return _both(total)


def _ceiling_text(eur: float, eur_to_gbp: float) -> str:
    return f"{_money(eur, '€')} ({_money(eur * eur_to_gbp)})"


class _SizeWorking:
    """Builds the combined figures and the sentences that explain them."""

    def __init__(self, facts: Facts, eur_to_gbp: float) -> None:
        self.facts = facts
        self.rate = eur_to_gbp
        self.figures = _Figures()
        self.lines: list[str] = []
        self.missing: list[str] = []
        self.question = ""
        self.counted = 0

    def run(self) -> SizeFinding:
        self._own_figures()
        self._holdings()
        if self.counted:
            self.lines.append(self._combined_line())
        possible = self._possible_bands()
        band = self._reported_band(possible)
        missing = self._missing_facts() if len(possible) > 1 else []
        if len(possible) == 1:
            summary = self._decided(possible[0], settled=True)
        elif band is not None:
            summary = self._decided(band, settled=False) + " " + self._lower_bands(possible,
                                                                                 band)
        else:
            summary = self._open(possible, missing)
        self.lines.append(summary)
        return SizeFinding(band=band, possible_bands=list(possible), working=self.lines,
                           summary=summary, missing_facts=missing,
                           question=self.question if missing else "")

    # -- figures

    def _own_figures(self) -> None:
        facts, figures = self.facts, self.figures
        if facts.employees is None:
            figures.staff.exact = False
            staff = "staff not given"
        else:
            figures.staff.add(facts.employees)
            staff = (f"{_number(facts.employees)} staff in annual work units (AWU; part-time "
                     "staff count as fractions)")
        _add_money(figures.turnover, facts.turnover, 1.0, self.rate)
        _add_money(figures.balance_sheet, facts.balance_sheet, 1.0, self.rate)
        turnover = (f"turnover {_money_both(facts.turnover, self.rate)}" if facts.turnover
                    else "turnover not given")
        balance = (f"balance sheet total {_money_both(facts.balance_sheet, self.rate)}"
                   if facts.balance_sheet else "balance sheet total not given")
        self.lines.append(f"The business's own figures: {staff}, {turnover}, {balance} "
                          f"(euro figures at €1 = £{_number(self.rate)}).")

    def _holdings(self) -> None:
        if not self.facts.holdings:
            self.lines.append("No holding of 25% or more was mentioned, so the business is "
                              "treated as autonomous and its own figures are used.")
            return
        for holding in self.facts.holdings:
            self.lines.append(self._holding_line(holding))
        if not self.counted:
            self.lines.append("No holding counts towards the business's size, so its own "
                              "figures are used.")

    def _holding_line(self, holding: Holding) -> str:
        share = holding.share_percent
        who = (f"{holding.holder} holds {_number(share)}% of the business"
               if holding.direction == "owns_us"
               else f"the business holds {_number(share)}% of {holding.holder}")
        who = _capitalised(who)
        if share < PARTNER_FROM_PERCENT:
            return f"{who}: under 25%, so it is not counted."
        if holding.holder_kind == "individual":
            return f"{who}: a person, not an enterprise, so no figures are added."
        if holding.holder_kind == "public_body":
            return (f"{who}: a public body, so the holding is tested under the public-ownership "
                    "rule rather than added to the business's figures.")
        if holding.holder_kind in _EXEMPT_HOLDERS and share <= LINKED_ABOVE_PERCENT:
            return (f"{who}: a holding of 25% to 50% by {_EXEMPT_HOLDERS[holding.holder_kind]} "
                    "does not on its own stop the business being autonomous, so its figures "
                    "are not added.")
        self.counted += 1
        if share > LINKED_ABOVE_PERCENT:
            return (f"{who} (more than 50%): a linked enterprise, so its figures are added in "
                    f"full{self._add_holding(holding, 1.0)}")
        return (f"{who} (25% to 50%): a partner enterprise, so {_number(share)}% of its figures "
                f"are added{self._add_holding(holding, share / 100)}")

    def _add_holding(self, holding: Holding, factor: float) -> str:
        figures = self.figures
        stated = [value is not None for value in
                  (holding.employees, holding.turnover, holding.balance_sheet)]
        if not any(stated):
            figures.staff.exact = figures.turnover.exact = figures.balance_sheet.exact = False
            self.missing.append("holdings")
            self.question = (f"How many staff does {holding.holder} have, and what are its "
                             "turnover and balance sheet total? They count towards the "
                             "business's size.")
            return ", but none of them were given, so the combined figures are incomplete."
        parts, absent = [], []
        if holding.employees is not None:
            figures.staff.add(holding.employees * factor)
            parts.append(self._part(_number(holding.employees * factor) + " AWU",
                                    _number(holding.employees) + " AWU", factor))
        else:
            absent.append("staff")
        for name, money, total in (("turnover", holding.turnover, figures.turnover),
                                   ("balance sheet total", holding.balance_sheet,
                                    figures.balance_sheet)):
            if money is None:
                absent.append(name)
                continue
            total.add(*self._eur_gbp(money, factor))
            parts.append(self._part(f"{name} {_money_both(money, self.rate, factor)}",
                                    _money_both(money, self.rate), factor))
        text = ": " + _join(parts) + "."
        if absent:
            text += (f" Its {_join(absent)} {'was' if len(absent) == 1 else 'were'} not given, "
                     "so only the figures stated are added.")
        return text

    def _eur_gbp(self, money: Money, factor: float) -> tuple[float, float]:
        eur = money.amount if money.currency == "EUR" else money.amount / self.rate
        return eur * factor, money.in_gbp(self.rate) * factor

    @staticmethod
    def _part(added: str, whole: str, factor: float) -> str:
        return added if factor == 1.0 else f"{added} (of its {whole})"

    def _combined_line(self) -> str:
        staff = self.figures.staff
        parts = [f"{_number(staff.value)} AWU" if staff.any_known else "staff not known"]
        for name, total in (("turnover", self.figures.turnover),
                            ("balance sheet total", self.figures.balance_sheet)):
            parts.append(f"{name} {_both(total)}" if total.any_known
                         else f"{name} not known")
        text = "Combined figures: " + _join(parts) + "."
        if not (staff.exact and (self.figures.turnover.exact or
                                 self.figures.balance_sheet.exact)):
            text += " Some parts are not known, so these are lower limits."
        return text

    # -- bands

    def _qualifies(self, ceiling: _Ceiling) -> bool | None:
        figures = self.figures
        money = _tri_or(figures.turnover.within(ceiling.turnover_eur),
                        figures.balance_sheet.within(ceiling.balance_sheet_eur))
        return _tri_and(figures.staff.below(ceiling.staff_below), money)

    def _possible_bands(self) -> tuple[Band, ...]:
        # Each ceiling contains the ones below it, so a band is possible when the business
        # might qualify for it and might not qualify for the band below.
        qualifies = [self._qualifies(ceiling) for ceiling in EU_CEILINGS] + [True]
        return tuple(band for i, band in enumerate(BANDS)
                     if qualifies[i] is not False and (i == 0 or qualifies[i - 1] is not True))

    @staticmethod
    def _reported_band(possible: tuple[Band, ...]) -> Band | None:
        if len(possible) == 1:
            return possible[0]
        # Open only between SME bands: the band on the figures given (the largest) is a
        # safe working band; open between an SME band and large, it is not settled.
        return possible[-1] if "large" not in possible else None

    def _staff_text(self) -> str:
        return f"{_number(self.figures.staff.value)} AWU"

    def _decided(self, band: Band, settled: bool) -> str:
        figures = self.figures
        if band == "large":
            if figures.staff.below(EU_CEILINGS[-1].staff_below) is False:
                return (f"Staff of {self._staff_text()} is 250 or more, so the business is large "
                        "(not an SME), whatever its turnover or balance sheet.")
            top = EU_CEILINGS[-1]
            return (f"Turnover of {_both(figures.turnover)} is above the "
                    f"{_ceiling_text(top.turnover_eur, self.rate)} ceiling and the balance "
                    f"sheet total of {_both(figures.balance_sheet)} is above the "
                    f"{_ceiling_text(top.balance_sheet_eur, self.rate)} ceiling; one of the two "
                    "must be within its ceiling, so the business is large (not an SME).")
        index = BANDS.index(band)
        ceiling = EU_CEILINGS[index]
        text = (f"Staff of {self._staff_text()} is under {_number(ceiling.staff_below)} and "
                f"{self._money_route(ceiling)}, so the business is {band}.")
        if index > 0 and settled:
            text += " " + self._not_smaller(EU_CEILINGS[index - 1])
        return text

    def _money_route(self, ceiling: _Ceiling) -> str:
        figures = self.figures
        limit = f"the {ceiling.band} ceiling of "
        if figures.turnover.within(ceiling.turnover_eur):
            return (f"turnover of {_both(figures.turnover)} is within {limit}"
                    f"{_ceiling_text(ceiling.turnover_eur, self.rate)}")
        text = (f"the balance sheet total of {_both(figures.balance_sheet)} is within "
                f"{limit}{_ceiling_text(ceiling.balance_sheet_eur, self.rate)}")
        if figures.turnover.any_known:
            text += (f" (turnover of {_both(figures.turnover)} is above its ceiling, "
                     "but only one of the two needs to be within)")
        return text

    def _not_smaller(self, smaller: _Ceiling) -> str:
        figures = self.figures
        if figures.staff.below(smaller.staff_below) is False:
            return (f"It is not {smaller.band}: staff of {self._staff_text()} is not under "
                    f"{_number(smaller.staff_below)}.")
        return (f"It is not {smaller.band}: turnover of {_both(figures.turnover)} is "
                f"above {_ceiling_text(smaller.turnover_eur, self.rate)} and the balance sheet "
                f"total of {_both(figures.balance_sheet)} is above "
                f"{_ceiling_text(smaller.balance_sheet_eur, self.rate)}.")

    def _lower_bands(self, possible: tuple[Band, ...], band: Band) -> str:
        """The smaller bands an unknown figure could still give, and what it would take."""
        unknown_is_turnover = not self.figures.turnover.any_known
        name = "turnover" if unknown_is_turnover else "balance sheet total"
        options = []
        for lower in reversed(possible[:-1]):
            ceiling = EU_CEILINGS[BANDS.index(lower)]
            eur = ceiling.turnover_eur if unknown_is_turnover else ceiling.balance_sheet_eur
            options.append(f"{lower} if its {name} is no more than "
                           f"{_ceiling_text(eur, self.rate)}")
        return (f"On the figures given it is {band}; it would be " + _join(options, "or")
                + ".")

    def _open(self, possible: tuple[Band, ...], missing: list[str]) -> str:
        words = {"employees": "the number of staff",
                 "holdings": "the figures of the linked or partner enterprises",
                 "turnover": "the turnover or balance sheet total",
                 "balance_sheet": "the balance sheet total"}
        needed = _join([words[name] for name in missing if name in words])
        return (f"On the figures given the business could be {_join(possible, 'or')}, so the "
                f"band is not settled yet" + (f": {needed} would settle it." if needed else "."))

    def _missing_facts(self) -> list[str]:
        missing = []
        if self.facts.employees is None:
            missing.append("employees")
        missing.extend(self.missing)
        figures = self.figures
        if figures.staff.exact or not (figures.turnover.any_known or
                                       figures.balance_sheet.any_known):
            if self.facts.turnover is None and self.facts.balance_sheet is None:
                missing.append("turnover")
            elif self.facts.balance_sheet is None:
                missing.append("balance_sheet")
            elif self.facts.turnover is None:
                missing.append("turnover")
        if missing == ["balance_sheet"] and not self.question:
            self.question = ("What is the business's balance sheet total? With turnover above "
                             "a ceiling, it decides the size band.")
        return missing


def classify_size(facts: Facts, eur_to_gbp: float) -> SizeFinding:
    """The business's band under the EU SME definition, linked and partner enterprises added."""
    if eur_to_gbp <= 0:
        raise ValueError(f"The GBP per EUR rate must be positive, not {eur_to_gbp}.")
    return _SizeWorking(facts, eur_to_gbp).run()


# --------------------------------------------------------------------------- observations


@dataclass(frozen=True)
class _Observation:
    """What the facts say about one criterion's fact."""

    value: object = None  # None: unknown
    candidates: tuple[object, ...] = ()  # unknown but bounded: every value it could take
    shown: str = "not known"  # the value as a reader sees it ({value} in templates)
    sentence: str = ""  # the known value in a sentence, with the figures
    evidence: str = ""  # the figures behind a policy's template sentence
    unknown_reason: str = ""  # why it is unknown, when that is more than "not told"
    detail: str = ""  # said after the verdict (a pointer, the headroom)
    missing: tuple[str, ...] = ()  # Facts fields that would settle it
    question: str = ""  # sharper than the criterion's question


_PLACE_FILLER = {"city", "of", "council", "metropolitan", "borough", "district", "county",
                 "the", "mbc"}


def outward_code(postcode: str) -> str | None:
    """The outward code of a UK postcode ("B15 2TT" -> "B15"), or None if it is not one."""
    parts = postcode.upper().split()
    compact = "".join(parts)
    candidate = parts[0] if len(parts) > 1 else (compact[:-3] if len(compact) > 4 else compact)
    return candidate if OUTWARD_CODE_RE.match(candidate) else None


def _place_words(name: str) -> frozenset[str]:
    words = re.sub(r"[^a-z0-9]+", " ", name.lower().replace("&", " and ")).split()
    return frozenset(word for word in words if word not in _PLACE_FILLER)


def _same_place(a: str, b: str) -> bool:
    return bool(_place_words(a)) and _place_words(a) == _place_words(b)


def _the(name: str) -> str:
    return name if name.lower().startswith("the ") else f"the {name}"


def _council_named(area: Area, place: str) -> str | None:
    """The council a place names: a council itself, or the council of one of the area's
    towns (which may lie outside the area)."""
    council = next((name for name in area.councils if _same_place(name, place)), None)
    if council is None:
        council = next((c for town, c in area.towns.items() if _same_place(town, place)), None)
    return council


def _known_outside(area: Area, place: str) -> bool:
    names = [p.authority for p in area.outside] + [p.county for p in area.outside if p.county]
    for district in area.districts:
        names.extend(district.authorities + district.borders)
    return any(_same_place(name, place) for name in names)


def _growth_hub_text(area: Area, authorities: Sequence[str]) -> str:
    """Where a business outside the area should go, for the councils (or counties) given."""
    hubs: dict[str, list[str]] = {}
    for authority in authorities:
        words = _place_words(authority)
        for pointer in area.outside:
            theirs = [_place_words(pointer.authority), _place_words(pointer.county)]
            if any(t and (t <= words or words <= t) for t in theirs):
                places = hubs.setdefault(pointer.growth_hub, [])
                if authority not in places:
                    places.append(authority)
    if hubs:
        return " ".join(f"For a site in {_join(places, 'or')}, the place to go is {_the(hub)}."
                        for hub, places in hubs.items())
    every: dict[str, list[str]] = {}
    for pointer in area.outside:
        where = every.setdefault(pointer.growth_hub, [])
        if (pointer.county or pointer.authority) not in where:
            where.append(pointer.county or pointer.authority)
    if not every:
        return ""
    options = _join([f"{_the(hub)} ({_join(where)})" for hub, where in every.items()], "or")
    return f"A business outside {area.name} can get local business support from {options}."


def _observe_area(area: Area, facts: Facts) -> _Observation:
    note = ""
    if facts.local_authority:
        by_council = _area_by_authority(area, facts.local_authority)
        if by_council is not None:
            return by_council
        # A name we cannot place: the postcode may still settle it.
        note = f"I don't recognise {facts.local_authority} as a local authority. "
    found = _area_by_postcode(area, facts.postcode) if facts.postcode else _Observation(
        missing=("postcode",))
    if note and found.value is None:
        reason = found.unknown_reason or "I don't know where the site is yet."
        return replace(found, unknown_reason=note + reason)
    return found


def _area_by_postcode(area: Area, postcode: str) -> _Observation:
    outward = outward_code(postcode)
    if outward is None:
        return _Observation(unknown_reason=f"I can't read \"{postcode}\" as a UK postcode.",
                            missing=("postcode",))
    district = next((d for d in area.districts if d.district.upper() == outward), None)
    if district is None:
        return _Observation(
            shown=outward,
            unknown_reason=(f"I don't recognise the postcode district {outward}, so I can't "
                            f"tell whether the site is in {area.name}."),
            missing=("local_authority",), question=QUESTIONS["local_authority"])
    covers = f"; it covers {district.places}" if district.places else ""
    if district.status == "inside":
        sentence = f"The site's postcode district, {outward}, is inside {area.name}{covers}."
        return _Observation(value="inside", shown="inside", sentence=sentence,
                            evidence=sentence)
    if district.status == "outside":
        sentence = f"The site's postcode district, {outward}, is outside {area.name}{covers}."
        return _Observation(value="outside", shown="outside", sentence=sentence,
                            evidence=sentence,
                            detail=_growth_hub_text(area, district.authorities))
    lies = f" It lies in {_join(district.authorities)}" if district.authorities else ""
    if district.borders:
        lies += (" and runs up to " if lies else " It runs up to ") + _join(district.borders)
    return _Observation(
        value=None, shown="mixed",
        unknown_reason=(f"The postcode district {outward} is partly inside and partly outside "
                        f"{area.name}{covers}.{lies}{'.' if lies else ''} Whether the site is "
                        "inside depends on the local authority it is in."),
        missing=("local_authority",),
        question=(f"Which local authority (council) is the site in? Part of {outward} is inside "
                  f"{area.name} and part is outside."))


def _area_by_authority(area: Area, authority: str) -> _Observation | None:
    council = _council_named(area, authority)
    if council is not None and any(_same_place(council, c) for c in area.councils):
        named = council if _same_place(council, authority) else f"{authority} ({council})"
        sentence = f"The site is in {named}, one of the councils of {area.name}."
        return _Observation(value="inside", shown="inside", sentence=sentence,
                            evidence=sentence)
    if council is None and not _known_outside(area, authority):
        return None
    council = council or authority
    named = council if _same_place(council, authority) else f"{authority} ({council})"
    sentence = (f"The site is in {named}, which is not one of the councils of {area.name}: "
                f"{_join(area.councils)}.")
    return _Observation(value="outside", shown="outside", sentence=sentence, evidence=sentence,
                        detail=_growth_hub_text(area, [council]))


@dataclass(frozen=True)
class _SectorMatch:
    sector: Sector
    how: str  # "SIC 64.19 is in 64-66", "the word \"bank\""


def _sic_digits(code: str) -> str:
    return re.sub(r"\D", "", code)


def _sic_in(code: str, entry: str) -> bool:
    """A SIC code inside an entry ("25.4", "01.1-01.6", "64-66") at the entry's precision."""
    digits = _sic_digits(code)
    low, _, high = entry.partition("-")
    low, high = _sic_digits(low), _sic_digits(high or low)
    if not (digits and low and high):
        return False
    n, m = min(len(digits), len(low)), min(len(digits), len(high))
    return int(low[:n]) <= int(digits[:n]) and int(digits[:m]) <= int(high[:m])


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in keyword.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _sector_matches(sector_list: SectorList, facts: Facts) -> list[_SectorMatch]:
    matches = []
    for sector in sector_list.sectors:
        how = next((f"SIC {code} is in {entry}" for code in facts.sic_codes
                    for entry in sector.sic if _sic_in(code, entry)), None)
        if how is None and facts.sector_text:
            keyword = next((k for k in sector.keywords
                            if _keyword_pattern(k).search(facts.sector_text)), None)
            how = f"\"{keyword}\" in the description" if keyword else None
        if how:
            matches.append(_SectorMatch(sector, how))
    return matches


def _activity(facts: Facts) -> str:
    parts = []
    if facts.sector_text:
        parts.append(f"\"{facts.sector_text}\"")
    if facts.sic_codes:
        parts.append("SIC " + ", ".join(facts.sic_codes))
    return _join(parts)


def _observe_sector(sector_list: SectorList, facts: Facts) -> _Observation:
    if not (facts.sic_codes or facts.sector_text):
        return _Observation(missing=("sector_text",))
    matches = _sector_matches(sector_list, facts)
    if not matches:
        sentence = (f"The business's activity ({_activity(facts)}) matches nothing in "
                    f"{sector_list.name}.")
        return _Observation(value=False, shown=_activity(facts), sentence=sentence,
                            evidence=sentence)
    names = _join([m.sector.name for m in matches])
    reasons = " ".join(m.sector.reason for m in matches if m.sector.reason)
    sentence = (f"The business's activity matches {names} in {sector_list.name} ("
                + "; ".join(m.how for m in matches) + ").")
    return _Observation(value=True, shown=names, sentence=sentence, evidence=sentence,
                        detail=reasons)


def _observe_public_share(facts: Facts) -> _Observation:
    holders = [h for h in facts.holdings
               if h.holder_kind == "public_body" and h.direction == "owns_us"]
    share = sum(h.share_percent for h in holders)
    if not holders:
        sentence = "No public body shareholder has been mentioned, so I've taken this as 0%."
    else:
        named = _join([f"{h.holder} ({_number(h.share_percent)}%)" for h in holders])
        sentence = f"Public bodies hold {_number(share)}% of the business: {named}."
    return _Observation(value=share, shown=_number(share), sentence=sentence,
                        evidence=sentence)


def _money_fact(money: Money | None, eur_to_gbp: float, missing: str,
                words: str) -> _Observation:
    if money is None:
        return _Observation(missing=(missing,))
    gbp = round(money.in_gbp(eur_to_gbp), 2)
    shown = (f"{_money(money.amount, '€')} ({_money(gbp)})" if money.currency == "EUR"
             else _money(gbp))
    return _Observation(value=gbp, shown=shown, sentence=f"{words} {shown}.")


def _observe_raw(fact: FactName, facts: Facts, eur_to_gbp: float) -> _Observation:
    if fact == "employees":
        if facts.employees is None:
            return _Observation(missing=("employees",))
        return _Observation(value=facts.employees, shown=_number(facts.employees),
                            sentence=f"The business has {_number(facts.employees)} staff in "
                                     "annual work units.")
    if fact == "turnover_gbp":
        return _money_fact(facts.turnover, eur_to_gbp, "turnover",
                           "The business's turnover is")
    if fact == "balance_sheet_gbp":
        return _money_fact(facts.balance_sheet, eur_to_gbp, "balance_sheet",
                           "The business's balance sheet total is")
    if fact == "months_trading":
        if facts.months_trading is None:
            return _Observation(missing=("months_trading",))
        months = f"{_number(facts.months_trading)} month" + (
            "" if facts.months_trading == 1 else "s")
        return _Observation(value=facts.months_trading, shown=_number(facts.months_trading),
                            sentence=f"The business has been trading for {months}.")
    # insolvent
    if facts.insolvent is None:
        return _Observation(missing=("insolvent",))
    return _Observation(
        value=facts.insolvent, shown="yes" if facts.insolvent else "no",
        sentence=("The business is in administration, liquidation, receivership or other "
                  "insolvency proceedings." if facts.insolvent else
                  "The business is not in administration, liquidation, receivership or any "
                  "other insolvency proceedings."))


def _observe_size(size: SizeFinding) -> _Observation:
    if size.band is not None and len(size.possible_bands) == 1:
        return _Observation(value=size.band, shown=size.band, sentence=size.summary,
                            evidence=size.summary)
    return _Observation(value=None, candidates=tuple(size.possible_bands),
                        shown=size.band or "not settled", sentence=size.summary,
                        evidence=size.summary, unknown_reason=size.summary,
                        missing=tuple(size.missing_facts), question=size.question)


def _observe_mfa(criterion: Criterion, facts: Facts, programme: Programme,
                 award: AwardCalculation | None, requested_gbp: float | None,
                 eur_to_gbp: float, subsidy: str) -> _Observation:
    limit = float(criterion.value)  # type: ignore[arg-type]  # a number: the model checks
    noun = _AWARD_NOUN[programme.award.kind] if programme.award else "support"
    amounts: tuple[float, ...]
    if award is not None and award.grant_gbp is not None:
        amounts, this = (award.grant_gbp,), f"this {noun} of {_exact(award.grant_gbp)}"
    elif requested_gbp is not None:
        amounts, this = (requested_gbp,), f"the {_exact(requested_gbp)} asked for"
    elif programme.award is not None:
        low, high = programme.award.min_award_gbp, programme.award.max_award_gbp
        amounts = (low, high)
        this = f"this {noun} ({_exact(low)} to {_exact(high)})"
    else:
        amounts, this = (0.0,), "this support"
    rule = (f"{_capitalised(subsidy)} received in the current and two previous financial "
            f"years plus {this} must not exceed {_exact(limit)}")
    if facts.prior_public_support is None:
        room = (f", so earlier support of up to {_exact(max(limit - amounts[0], 0))} leaves "
                "room" if len(amounts) == 1 else "")
        return _Observation(detail=f"The rule: {rule}{room}.",
                            missing=("prior_public_support",))
    prior = round(facts.prior_public_support.in_gbp(eur_to_gbp), 2)
    totals = tuple(round(prior + amount, 2) for amount in amounts)
    headroom = limit - prior
    detail = (f"The headroom is {_exact(limit)} - {_exact(prior)} = {_exact(headroom)}."
              if headroom > 0 else
              f"Earlier support of {_exact(prior)} leaves no headroom under {_exact(limit)}.")
    together = (_exact(totals[0]) if len(totals) == 1
                else f"{_exact(totals[0])} to {_exact(totals[-1])}")
    sentence = f"Earlier support of {_exact(prior)} plus {this} comes to {together}."
    return _Observation(
        value=totals[0] if len(totals) == 1 else None, candidates=totals, shown=together,
        sentence=sentence, evidence=sentence,
        unknown_reason=(f"Earlier support of {_exact(prior)} plus {this} comes to {together}, "
                        f"so it depends on the size of the {noun}."),
        detail=detail, missing=("project_cost",) if len(totals) > 1 else ())


# --------------------------------------------------------------------------- criteria


def _same(actual: object, expected: object) -> bool:
    if isinstance(actual, str) and isinstance(expected, str):
        return actual.casefold() == expected.casefold()
    if isinstance(actual, bool) or isinstance(expected, bool):
        return actual is expected
    if isinstance(actual, int | float) and isinstance(expected, int | float):
        return math.isclose(actual, expected, abs_tol=1e-9)
    return actual == expected


def _holds(op: str, actual: object, expected: object) -> bool:
    if op in ("in", "not_in"):
        inside = any(_same(actual, item) for item in expected)  # type: ignore[attr-defined]
        return inside if op == "in" else not inside
    if op == "eq":
        return _same(actual, expected)
    if op == "ne":
        return not _same(actual, expected)
    a, b = float(actual), float(expected)  # type: ignore[arg-type]
    return {"lt": a < b, "lte": a <= b, "gt": a > b, "gte": a >= b}[op]


def _met(criterion: Criterion, observation: _Observation) -> bool | None:
    if observation.value is not None:
        return _holds(criterion.op, observation.value, criterion.value)
    outcomes = {_holds(criterion.op, c, criterion.value) for c in observation.candidates}
    return outcomes.pop() if len(outcomes) == 1 else None


_MONEY_FACTS = {"turnover_gbp", "balance_sheet_gbp", "mfa_after_award"}
_UNITS = {"public_body_share": "{}%", "months_trading": "{} months", "employees": "{} AWU"}


def _limit_value(criterion: Criterion) -> str:
    """The criterion's value as templates get it ({limit}): money with its sign, other
    numbers bare (the template says "{limit} months", "{limit}%")."""
    value = criterion.value
    if isinstance(value, list):
        return _join([str(item) for item in value], "or")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return _exact(value) if criterion.fact in _MONEY_FACTS else _number(value)
    return str(value)


def _requirement(criterion: Criterion) -> str:
    """The rule in words for a generated sentence: "at least 6 months", "less than 25%"."""
    if criterion.fact in BOOLEAN_FACTS or criterion.fact == "area_status":
        return ""
    limit = _limit_value(criterion)
    if not isinstance(criterion.value, bool | list | str):
        limit = _UNITS.get(criterion.fact, "{}").format(limit)
    return _OP_WORDS[criterion.op].format(limit)


def _explain(criterion: Criterion, observation: _Observation, met: bool | None) -> str:
    fill = {"value": observation.shown, "limit": _limit_value(criterion)}
    if met is None:
        template = criterion.unknown_text
        reason = observation.unknown_reason
        if template:
            text = " ".join(filter(None, [template.format(**fill), reason]))
        else:
            text = reason or _UNKNOWN.get(criterion.fact,
                                          f"I don't know the {criterion.label.lower()} yet.")
            if criterion.confirmed_at_application:
                text += " " + CONFIRMED_AT_APPLICATION
    else:
        template = criterion.met_text if met else criterion.not_met_text
        if template:
            # The policy's sentence, then the figures it rests on.
            text = " ".join(filter(None, [template.format(**fill), observation.evidence]))
        else:
            requirement = _requirement(criterion)
            verdict = (MET if met else NOT_MET) if not requirement else (
                f"That meets the requirement ({requirement})." if met
                else f"The requirement is {requirement}, so this is not met.")
            text = f"{observation.sentence} {verdict}"
    if observation.detail and not (met is True and criterion.fact == "area_status"):
        text += " " + observation.detail
    return text


def _question(criterion: Criterion, observation: _Observation) -> str:
    if observation.question:
        return observation.question
    if criterion.question:
        return criterion.question
    first = observation.missing[0] if observation.missing else ""
    return QUESTIONS.get(first, f"Can you tell me about the {criterion.label.lower()}?")


# --------------------------------------------------------------------------- award


class _AwardWorking:
    def __init__(self, award: Award, size: SizeFinding, facts: Facts,
                 requested_gbp: float | None, policy: Policy) -> None:
        self.award, self.size, self.facts = award, size, facts
        self.requested = requested_gbp
        self.rates = policy.rates
        self.noun = _AWARD_NOUN[award.kind]
        self.lines: list[WorkingLine] = []
        self.missing: list[str] = []

    def line(self, text: str, clause: ClauseRef | None = None) -> None:
        self.lines.append(WorkingLine(text=text, clause=clause))

    def run(self) -> AwardCalculation:
        rate = self._rate()
        project, eligible = self._eligible_costs()
        calculated = None
        if rate is not None and eligible is not None:
            calculated = round(rate * eligible, 2)
            self.line(f"{_capitalised(self.noun)}: {_percent(rate)} x {_exact(eligible)} = "
                      f"{_exact(calculated)}.", self.award.clause)
        grant, limited_by = self._limits(calculated, rate)
        outputs = self._outputs(grant)
        prior, headroom, fits = self._mfa(grant)
        return AwardCalculation(
            kind=self.award.kind, band=self.size.band, rate=rate, project_cost_gbp=project,
            eligible_costs_gbp=eligible, calculated_gbp=calculated, requested_gbp=self.requested,
            grant_gbp=grant, limited_by=limited_by, outputs=outputs,
            mfa_limit_gbp=self.rates.mfa_limit_gbp, prior_support_gbp=prior,
            mfa_headroom_gbp=headroom, fits_mfa_headroom=fits, missing_facts=self.missing,
            lines=self.lines)

    def _rate(self) -> float | None:
        band, rates = self.size.band, self.award.intervention_rate
        if band is None:
            self.line("The rate depends on the size band, which is not settled yet.",
                      self.award.clause)
            return None
        if band not in rates:
            self.line(f"There is no rate for {_article(band)} business, so no {self.noun} can be "
                      "worked out.", self.award.clause)
            return None
        text = f"Rate for {_article(band)} business: {_percent(rates[band])} of eligible costs."
        others = [b for b in self.size.possible_bands if b != band and b in rates]
        if others:
            text += " " + _capitalised(_join(
                [f"{_article(b)} business would get {_percent(rates[b])}" for b in others],
                "or")) + "."
        self.line(text, self.award.clause)
        return rates[band]

    def _gbp(self, money: Money | None) -> float | None:
        return None if money is None else round(money.in_gbp(self.rates.eur_to_gbp), 2)

    def _eligible_costs(self) -> tuple[float | None, float | None]:
        project = self._gbp(self.facts.project_cost)
        consultancy = self._gbp(self.facts.consultancy_cost)
        if project is None:
            self.missing.append("project_cost")
            self.line("The project cost is not known yet.")
            return None, None
        text = f"Project cost: {_exact(project)}"
        self.line(text + (f", of which consultancy {_exact(consultancy)}." if consultancy
                          is not None else "."))
        eligible = project
        for cap in self.award.cost_caps:
            result = self._apply_cap(cap.category, cap.max_share, project, consultancy,
                                     cap.clause)
            if result is None:
                return project, None
            eligible = min(eligible, result)
        self.line(f"Eligible costs: {_exact(eligible)}.")
        return project, eligible

    def _apply_cap(self, category: str, share: float, project: float,
                   consultancy: float | None, clause: ClauseRef) -> float | None:
        rule = f"{_capitalised(category)} may be at most {_percent(share)} of eligible costs"
        # Facts carry one capped category, consultancy; any other category is not known.
        amount = consultancy if category.casefold() == "consultancy" else None
        if amount is None:
            self.line(f"{rule}; no {category} cost was given, so this cap does not reduce "
                      "them.", clause)
            return project
        if amount > project:
            self.line(f"The {category} cost ({_exact(amount)}) is more than the whole project "
                      f"cost ({_exact(project)}), so the eligible costs can't be worked out: "
                      "please check the two figures.", clause)
            return None
        other = project - amount
        # The cap is a share of the eligible costs themselves: allowed = share x (other +
        # allowed), so allowed = other x share / (1 - share).
        allowed = amount if share >= 1 else round(other * share / (1 - share), 2)
        if amount <= allowed:
            self.line(f"{rule}: {_exact(amount)} is within the cap, so all of it counts.",
                      clause)
            return project
        eligible = round(other + allowed, 2)
        self.line(f"{rule}: with {_exact(other)} of other costs, at most {_exact(allowed)} of "
                  f"the {_exact(amount)} counts ({_percent(share)} of {_exact(eligible)}); "
                  f"the other {_exact(amount - allowed)} is not eligible.", clause)
        return eligible

    def _limits(self, calculated: float | None,
                rate: float | None) -> tuple[float | None, AwardLimit | None]:
        award, noun = self.award, self.noun
        clause = award.limits_clause or award.clause
        amount: float | None = calculated
        limited_by: AwardLimit | None = None
        if amount is not None and amount > award.max_award_gbp:
            amount, limited_by = award.max_award_gbp, "maximum"
            self.line(f"That is above the maximum {noun} of {_exact(award.max_award_gbp)}, so "
                      f"the {noun} is {_exact(amount)}.", clause)
        if self.requested is not None:
            amount, limited_by = self._requested(amount, limited_by, rate)
        if amount is None:
            if self.requested is None and calculated is None:
                self.line(f"The {noun} is between {_exact(award.min_award_gbp)} and "
                          f"{_exact(award.max_award_gbp)}; it can be worked out once the "
                          "figures above are known.", clause)
            return None, limited_by
        if amount < award.min_award_gbp:
            needed = (f": at {_percent(rate)}, eligible costs of at least "
                      f"{_exact(award.min_award_gbp / rate)} would be needed"
                      if rate else "")
            self.line(f"{_exact(amount)} is below the minimum {noun} of "
                      f"{_exact(award.min_award_gbp)}, so the project is too small for "
                      f"{_article(noun)} as it stands{needed}.", clause)
            return None, "minimum"
        if limited_by is None:
            self.line(f"That is within the {_exact(award.min_award_gbp)} minimum and "
                      f"{_exact(award.max_award_gbp)} maximum {noun}.", clause)
        return amount, limited_by

    def _requested(self, amount: float | None, limited_by: AwardLimit | None,
                   rate: float | None) -> tuple[float | None, AwardLimit | None]:
        award, noun, requested = self.award, self.noun, self.requested
        clause = award.limits_clause or award.clause
        assert requested is not None
        if amount is None:
            capped = min(requested, award.max_award_gbp)
            text = f"You asked for {_exact(requested)}."
            if requested > award.max_award_gbp:
                text += (f" That is above the maximum {noun} of {_exact(award.max_award_gbp)}, "
                         f"so the most is {_exact(capped)}.")
                limited_by = "maximum"
            if rate:
                text += (f" At {_percent(rate)}, that needs eligible costs of at least "
                         f"{_exact(capped / rate)}.")
            self.line(text, clause)
            return capped, limited_by
        if requested < amount:
            self.line(f"You asked for {_exact(requested)}, less than that, so the {noun} is "
                      f"{_exact(requested)}.")
            return requested, "requested"
        return amount, limited_by

    def _outputs(self, grant: float | None) -> list[OutputRequirement]:
        outputs = []
        for ratio in self.award.output_ratios:
            if grant is None:
                self.line(f"{_capitalised(ratio.name)}: one {ratio.unit} for every "
                          f"{_exact(ratio.gbp_per_unit)} of {self.noun}.", ratio.clause)
                continue
            units = math.ceil(round(grant / ratio.gbp_per_unit, 9))
            outputs.append(OutputRequirement(name=ratio.name, units=units, unit=ratio.unit,
                                             gbp_per_unit=ratio.gbp_per_unit))
            self.line(f"{_capitalised(ratio.name)}: at least {units} "
                      f"{_plural(ratio.unit, units)} (one for every "
                      f"{_exact(ratio.gbp_per_unit)} of {self.noun}, rounded up).", ratio.clause)
        return outputs

    def _mfa(self, grant: float | None) -> tuple[float | None, float | None, bool | None]:
        limit, clause = self.rates.mfa_limit_gbp, self.rates.mfa_clause
        prior = self._gbp(self.facts.prior_public_support)
        if prior is None:
            self.line(f"{_capitalised(self.rates.subsidy_name)}: earlier support in the "
                      f"current and two "
                      f"previous financial years plus this {self.noun} must not exceed "
                      f"{_exact(limit)}; earlier support is confirmed at application.", clause)
            return None, None, None
        headroom = round(limit - prior, 2)
        text = (f"{_capitalised(self.rates.subsidy_name)} headroom: {_exact(limit)} - "
                f"{_exact(prior)} "
                f"earlier support = {_exact(max(headroom, 0))}")
        if grant is None:
            self.line(text + ".", clause)
            return prior, headroom, None
        fits = grant <= headroom
        text += (f"; the {self.noun} of {_exact(grant)} fits." if fits else
                 f"; the {self.noun} of {_exact(grant)} does not fit, so it would have to be "
                 "reduced to fit, or could not be given.")
        self.line(text, clause)
        return prior, headroom, fits


def calculate_award(award: Award, size: SizeFinding, facts: Facts, policy: Policy,
                    requested_gbp: float | None = None) -> AwardCalculation:
    """The award a business could get, with the working, from the policy's award rules."""
    return _AwardWorking(award, size, facts, requested_gbp, policy).run()


# --------------------------------------------------------------------------- rounds


def _as_naive(value: date | datetime) -> datetime:
    # Round times are local wall-clock times; an aware "today" is read on its own clock.
    moment = value if isinstance(value, datetime) else datetime.combine(value, time.min)
    return moment.replace(tzinfo=None) if moment.tzinfo else moment


def _round_state(funding_round: FundingRound, now: datetime) -> RoundState:
    if now < funding_round.opens_at:
        return "upcoming"
    return "open" if now <= funding_round.closes_at else "closed"


def round_status(rounds: Sequence[FundingRound], now: datetime) -> RoundStatus | None:
    """Whether applications are open on `now`, from the policy's funding rounds."""
    if not rounds:
        return None
    infos = [RoundInfo(name=r.name, opens=r.opens, closes=r.closes, state=_round_state(r, now),
                       clause=r.clause)
             for r in sorted(rounds, key=lambda r: r.opens_at)]
    current = next((r for r in infos if r.state == "open"), None)
    coming = next((r for r in infos if r.state == "upcoming"), None)
    closed = [r for r in infos if r.state == "closed"]
    last = closed[-1] if closed else None
    if current is not None:
        state: RoundState = "open"
        text = (f"Applications are open: {current.name} opened {_on_day(current.opens)} and "
                f"closes {_on_day(current.closes)}.")
    elif coming is not None:
        state = "upcoming"
        text = (f"{last.name} closed {_on_day(last.closes)}. " if last else "") + (
            f"Applications are closed now; the next round, {coming.name}, opens "
            f"{_on_day(coming.opens)} and closes {_on_day(coming.closes)}.")
    else:
        state = "closed"
        assert last is not None
        text = (f"Applications are closed: the last round, {last.name}, closed "
                f"{_on_day(last.closes)}, and no further round has been announced.")
    return RoundStatus(state=state, current=current, next=coming, last_closed=last,
                       rounds=infos, text=text)


# --------------------------------------------------------------------------- engine


def _check_criterion(policy: Policy, programme: Programme, criterion: Criterion) -> None:
    """The references a criterion makes to the rest of the policy (the model checks the
    criterion on its own)."""
    where = f"Programme '{programme.id}', criterion '{criterion.id}'"
    if criterion.fact == "area_status" and policy.area(criterion.area or "") is None:
        raise ValueError(f"{where} tests area_status but names no area the policy defines "
                         f"(area: {criterion.area!r}).")
    if criterion.fact in ("excluded_sector", "sector_fit") and policy.sector_list(
            criterion.sectors or "") is None:
        raise ValueError(f"{criterion.fact} needs a sector list the policy defines: {where} "
                         f"names sectors: {criterion.sectors!r}.")


def _check_policy(policy: Policy) -> None:
    if not isinstance(policy, Policy):
        raise TypeError(f"EligibilityEngine needs a Policy, not {type(policy).__name__}.")
    for programme in policy.programmes:
        for criterion in programme.criteria:
            _check_criterion(policy, programme, criterion)


class EligibilityEngine:
    """Applies the policy's programmes to a business's facts: a verdict per programme, each
    criterion explained and cited, the size band, the award working and the funding round."""

    def __init__(self, policy: Policy,
                 today: Callable[[], date | datetime] = datetime.now) -> None:
        _check_policy(policy)
        self._policy = policy
        self._today = today

    @property
    def policy(self) -> Policy:
        return self._policy

    def assess(self, facts: Facts, programme_ids: list[str] | None = None,
               requested_award_gbp: float | None = None) -> list[Assessment]:
        programmes = self._programmes(programme_ids)
        size = classify_size(facts, self._policy.rates.eur_to_gbp)
        now = _as_naive(self._today())
        return [self._assess(programme, facts, size, requested_award_gbp, now)
                for programme in programmes]

    def assess_one(self, facts: Facts, programme_id: str,
                   requested_award_gbp: float | None = None) -> Assessment:
        return self.assess(facts, [programme_id], requested_award_gbp)[0]

    def _programmes(self, programme_ids: list[str] | None) -> list[Programme]:
        if programme_ids is None:
            return list(self._policy.programmes)
        programmes = []
        for programme_id in programme_ids:
            programme = self._policy.programme(programme_id)
            if programme is None:
                known = ", ".join(p.id for p in self._policy.programmes)
                raise UnknownProgrammeError(
                    f"There is no programme '{programme_id}'; the programmes are: {known}.")
            programmes.append(programme)
        return programmes

    def _requested(self, facts: Facts, requested_award_gbp: float | None) -> float | None:
        if requested_award_gbp is not None:
            return requested_award_gbp
        if facts.requested_amount is None:
            return None
        return round(facts.requested_amount.in_gbp(self._policy.rates.eur_to_gbp), 2)

    def _assess(self, programme: Programme, facts: Facts, size: SizeFinding,
                requested_award_gbp: float | None, now: datetime) -> Assessment:
        requested = self._requested(facts, requested_award_gbp)
        award = (calculate_award(programme.award, size, facts, self._policy, requested)
                 if programme.award else None)
        evaluated = [self._evaluate(criterion, programme, facts, size, award, requested)
                     for criterion in programme.criteria]
        results = [result for result, _ in evaluated]
        decision = _decision(results)
        missing = _unique(fact for result in results
                          if result.met is None and not result.confirmed_at_application
                          for fact in result.missing_facts)
        questions = [] if decision == "ineligible" else _next_questions(
            programme.criteria, evaluated)
        return Assessment(
            programme_id=programme.id, programme_name=programme.name, decision=decision,
            band=size.band, possible_bands=size.possible_bands, band_working=size.working,
            criteria=results, missing_facts=missing, next_questions=questions, award=award,
            round_status=round_status(programme.rounds, now))

    def _observe(self, criterion: Criterion, programme: Programme, facts: Facts,
                 size: SizeFinding, award: AwardCalculation | None,
                 requested: float | None) -> _Observation:
        policy, rate = self._policy, self._policy.rates.eur_to_gbp
        match criterion.fact:
            case "sme_band":
                return _observe_size(size)
            case "area_status":
                return _observe_area(policy.area(criterion.area or ""), facts)  # type: ignore
            case "excluded_sector" | "sector_fit":
                sectors = policy.sector_list(criterion.sectors or "")
                return _observe_sector(sectors, facts)  # type: ignore[arg-type]
            case "public_body_share":
                return _observe_public_share(facts)
            case "mfa_after_award":
                return _observe_mfa(criterion, facts, programme, award, requested, rate,
                                    policy.rates.subsidy_name)
            case _:
                return _observe_raw(criterion.fact, facts, rate)

    def _evaluate(self, criterion: Criterion, programme: Programme, facts: Facts,
                  size: SizeFinding, award: AwardCalculation | None,
                  requested: float | None) -> tuple[CriterionResult, _Observation]:
        observation = self._observe(criterion, programme, facts, size, award, requested)
        met = _met(criterion, observation)
        result = CriterionResult(
            id=criterion.id, label=criterion.label, fact=criterion.fact, met=met,
            explanation=_explain(criterion, observation, met), clause=criterion.clause,
            confirmed_at_application=criterion.confirmed_at_application,
            missing_facts=list(observation.missing) if met is None else [])
        return result, observation


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _decision(results: Sequence[CriterionResult]) -> Decision:
    if any(result.met is False for result in results):
        return "ineligible"
    if any(result.met is None and not result.confirmed_at_application for result in results):
        return "need_more_info"
    return "eligible"


def _next_questions(criteria: Sequence[Criterion],
                    evaluated: Sequence[tuple[CriterionResult, _Observation]]) -> list[str]:
    """The most useful questions: the open criteria in priority order, one question each,
    none that repeats a fact already asked about, never more than two."""
    open_ones = sorted(
        ((criterion.priority, index, criterion, observation)
         for index, (criterion, (result, observation)) in enumerate(zip(criteria, evaluated,
                                                                         strict=True))
         if result.met is None and not result.confirmed_at_application),
        key=lambda item: (item[0], item[1]))
    questions: list[str] = []
    asked: set[str] = set()
    for _, _, criterion, observation in open_ones:
        text = _question(criterion, observation)
        if text in questions or (observation.missing and set(observation.missing) <= asked):
            continue
        questions.append(text)
        asked.update(observation.missing)
        if len(questions) == MAX_QUESTIONS:
            break
    return questions


# --------------------------------------------------------------------------- reply


def to_reply(assessment: Assessment,
             cite: Callable[[ClauseRef], Citation | None]) -> EligibilityResult:
    """The assessment as the reply object carries it, each criterion with its citation."""
    return EligibilityResult(
        programme=assessment.programme_name,
        decision=assessment.decision,
        criteria=[ReplyCriterion(id=result.id, met=result.met, explanation=result.explanation,
                                 citation=cite(result.clause))
                  for result in assessment.criteria],
        missing_facts=assessment.missing_facts,
    )
