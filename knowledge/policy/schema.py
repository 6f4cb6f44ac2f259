"""The policy's data model: programmes, criteria, awards, rounds, areas, sectors and rates,
as strict pydantic models that check each file on its own."""

from __future__ import annotations

import string
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from knowledge.policy.base import AreaStatus, Band, ClauseRef, Strict
from knowledge.policy.places import Area, SectorList
from knowledge.policy.rules import FactsFile, Rule, SmeTest

# The facts a criterion can test. Raw facts come from what the business says; derived facts
# are computed by the engine from raw ones (and from the policy's areas and sectors).
FactName = Literal[
    # derived
    "sme_band",  # micro | small | medium | large, after linked and partner aggregation
    "area_status",  # inside | mixed | outside, for the criterion's `area`
    "excluded_sector",  # true when the business's sector is in the criterion's sector list
    "sector_fit",  # true when the business's sector is in the criterion's sector list
    "public_body_share",  # percent of capital or votes held by public bodies
    "mfa_after_award",  # prior subsidy (current + 2 previous financial years) + award, GBP
    # raw
    "employees",  # annual work units
    "turnover_gbp",
    "balance_sheet_gbp",
    "months_trading",
    "insolvent",  # in administration, liquidation, receivership or similar
]

Operator = Literal["eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in"]

# What kind of value each fact takes, so that a criterion comparing it can be checked at load.
BOOLEAN_FACTS = frozenset({"excluded_sector", "sector_fit", "insolvent"})
CATEGORY_FACTS: dict[str, tuple[str, ...]] = {
    "sme_band": get_args(Band),
    "area_status": get_args(AreaStatus),
}
AREA_FACTS = frozenset({"area_status"})
SECTOR_FACTS = frozenset({"excluded_sector", "sector_fit"})
ORDER_OPERATORS = frozenset({"lt", "lte", "gt", "gte"})
LIST_OPERATORS = frozenset({"in", "not_in"})
TEXT_PLACEHOLDERS = frozenset({"value", "limit"})





def _placeholders_known(text: str, allowed: frozenset[str] | set[str] = TEXT_PLACEHOLDERS) -> str:
    """Explanations are filled in with str.format: {value} and {limit}, and in a rule's texts
    the facts the rule reads."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise ValueError(f"{exc} in {text!r} (write a literal brace as {{{{ or }}}})") from exc
    unknown = sorted(names - allowed)
    if unknown:
        raise ValueError(
            f"unknown placeholder {{{unknown[0]}}} in {text!r}; only "
            f"{', '.join('{' + n + '}' for n in sorted(allowed))} are filled in"
        )
    return text


class Criterion(Strict):
    """A requirement: a built-in fact compared with a value (`fact`, `op`, `value`), or a
    `rule` over any facts, built-in, declared or derived (format 2)."""

    id: str
    label: str  # "Benefiting site in the programme area"
    fact: FactName | None = None
    op: Operator | None = None
    value: bool | int | float | str | list[str] | None = None
    rule: Rule | None = None
    clause: ClauseRef
    area: str | None = None  # for area_status: the area id
    sectors: str | None = None  # for excluded_sector / sector_fit: the sector list id
    question: str = ""  # what to ask when the fact is unknown
    priority: int = 50  # lower is asked first
    confirmed_at_application: bool = False  # not asked in chat; unknown does not block
    # for mfa_after_award: an award that would go over the limit is reduced to fit under it,
    # down to the award's minimum, instead of refused ("we may offer a smaller grant")
    reduce_to_fit: bool = False
    met_text: str = ""  # plain-English explanations; {value} and {limit} are filled in
    not_met_text: str = ""
    unknown_text: str = ""

    @field_validator("value")
    @classmethod
    def _value_fits_fact(cls, value: Any, info: ValidationInfo) -> Any:
        fact, op = info.data.get("fact"), info.data.get("op")
        if fact is None or op is None or value is None:
            return value  # reported as a problem with `fact`, `op` or the rule's shape
        problem = _value_problem(str(fact), str(op), value)
        if problem:
            raise ValueError(problem)
        return value

    @model_validator(mode="after")
    def _fact_or_rule(self) -> Criterion:
        if self.rule is not None:
            if self.fact is not None or self.op is not None or self.value is not None:
                raise ValueError("a criterion has either a rule or fact, op and value, not both")
            names = TEXT_PLACEHOLDERS | self.rule.names()
            for text in (self.met_text, self.not_met_text, self.unknown_text):
                _placeholders_known(text, names)
            return self
        absent = [k for k in ("fact", "op", "value") if getattr(self, k) is None]
        if absent:
            raise ValueError(f"a criterion needs a rule, or fact, op and value; "
                             f"{', '.join(absent)} missing")
        for text in (self.met_text, self.not_met_text, self.unknown_text):
            _placeholders_known(text)
        return self

    @model_validator(mode="after")
    def _reduced_only_under_a_limit(self) -> Criterion:
        if self.reduce_to_fit and (self.fact != "mfa_after_award" or self.op not in {"lt", "lte"}):
            raise ValueError("`reduce_to_fit` is only used by a criterion that keeps "
                             "mfa_after_award under a limit (op lt or lte)")
        return self

    @model_validator(mode="after")
    def _area_and_sectors(self) -> Criterion:
        if self.fact in AREA_FACTS and not self.area:
            raise ValueError(f"a criterion on {self.fact} needs `area`: the id of an area")
        if self.fact not in AREA_FACTS and self.area:
            raise ValueError(f"`area` is only used by area_status criteria, not {self.fact}")
        if self.fact in SECTOR_FACTS and not self.sectors:
            raise ValueError(
                f"a criterion on {self.fact} needs `sectors`: the id of a sector list"
            )
        if self.fact not in SECTOR_FACTS and self.sectors:
            raise ValueError(
                f"`sectors` is only used by excluded_sector and sector_fit criteria, "
                f"not {self.fact}"
            )
        return self


def _value_problem(fact: str, op: str, value: object) -> str:
    """Why `value` cannot be compared with `fact` by `op`, or "" when it can."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if op in LIST_OPERATORS:
        if fact not in CATEGORY_FACTS:
            return f"{op} compares against a list of names, which only " \
                   f"{' and '.join(CATEGORY_FACTS)} take; {fact} needs another operator"
        if not isinstance(value, list) or not value:
            return f"{op} needs a list of values, such as [micro, small]; got {value!r}"
        return _category_problem(fact, value)
    if op in ORDER_OPERATORS and (fact in BOOLEAN_FACTS or fact in CATEGORY_FACTS):
        return f"{op} needs a number, but {fact} is not a number; use eq, ne, in or not_in"
    if fact in BOOLEAN_FACTS:
        return "" if isinstance(value, bool) else f"{fact} is true or false; got {value!r}"
    if fact in CATEGORY_FACTS:
        if not isinstance(value, str):
            return f"{fact} {op} needs one name; got {value!r}"
        return _category_problem(fact, [value])
    return "" if is_number else f"{fact} is a number; got {value!r}"


def _category_problem(fact: str, values: list[str]) -> str:
    allowed = CATEGORY_FACTS[fact]
    wrong = [v for v in values if v not in allowed]
    if wrong:
        return f"{fact} is one of {', '.join(allowed)}; got {wrong[0]!r}"
    return ""


class CostCap(Strict):
    """A cost category capped at a share of eligible costs, at an amount in pounds, or both
    (the lower applies)."""

    category: str  # "consultancy", "metering"
    max_share: float | None = Field(default=None, gt=0, le=1)  # of eligible project costs
    max_gbp: float | None = Field(default=None, gt=0)
    clause: ClauseRef
    fact: str = ""  # the declared money fact holding its cost; consultancy is built in

    @model_validator(mode="after")
    def _some_cap(self) -> CostCap:
        if self.max_share is None and self.max_gbp is None:
            raise ValueError(f"the cap on {self.category} needs max_share, max_gbp or both")
        return self


class ExcludedCost(Strict):
    """A cost item the award never pays for, with the words that name it."""

    item: str  # "vehicles"
    words: list[str] = Field(default_factory=list)  # "van", "car", "forklift"
    clause: ClauseRef
    # the exception the guidance makes, if any: "minor works needed to install equipment"
    unless: str = ""


class OutputRatio(Strict):
    name: str  # "jobs"
    gbp_per_unit: float = Field(gt=0)  # one unit per this much grant, rounded up
    unit: str  # "new or safeguarded job"
    clause: ClauseRef


class RiseOutput(Strict):
    """An output committed to as a rise in a figure per employee, worked from the business's
    accounts: "a 10% rise in GVA per employee within two years"."""

    name: str  # "gross value added (GVA) per employee"
    # the figures from the accounts that are added up, each as the guidance calls it; the sum is
    # divided by the number of employees
    parts: list[str] = Field(min_length=1)  # ["operating profit", "employee costs", ...]
    rise: float = Field(gt=0)  # 0.10 is a 10% rise
    within: str = ""  # "within two years of completing the project"
    clause: ClauseRef


class QuotesRule(Strict):
    """How many written quotes each item of spending needs: `above` for an item costing more
    than `above_gbp`, `otherwise` for one costing that or less."""

    above_gbp: float = Field(gt=0)
    above: int = Field(ge=1)
    otherwise: int = Field(ge=0)
    clause: ClauseRef


Rate = Annotated[float, Field(gt=0, le=1)]  # a share: 0.45 is 45%


class Award(Strict):
    kind: Literal["grant", "voucher", "in_kind"] = "grant"
    # what the guidance calls the award, where it has a name of its own ("Hub Innovation
    # Project"): a question naming it is about this programme's kind of offer
    name: str | None = None
    intervention_rate: dict[Band, Rate]  # share of eligible costs paid, by SME band
    min_award_gbp: float = Field(ge=0)
    max_award_gbp: float = Field(gt=0)
    cost_caps: list[CostCap] = Field(default_factory=list)
    excluded_costs: list[ExcludedCost] = Field(default_factory=list)
    output_ratios: list[OutputRatio] = Field(default_factory=list)
    rise_outputs: list[RiseOutput] = Field(default_factory=list)
    quotes: QuotesRule | None = None  # the supplier quotes each item needs, if the rules say
    clause: ClauseRef  # where the intervention rates are stated
    limits_clause: ClauseRef | None = None  # where the minimum and maximum are, if elsewhere
    # the maximum counts everything the business and its linked enterprises receive
    shared_with_linked: bool = False
    places_per_year: int | None = Field(default=None, gt=0)  # awards made a year, if limited
    places_clause: ClauseRef | None = None

    @field_validator("intervention_rate")
    @classmethod
    def _some_rate(cls, rates: dict[str, float]) -> dict[str, float]:
        if not rates:
            raise ValueError("give a rate for at least one band, such as micro: 0.5")
        return rates

    @field_validator("max_award_gbp")
    @classmethod
    def _max_not_below_min(cls, maximum: float, info: ValidationInfo) -> float:
        minimum = info.data.get("min_award_gbp")
        if minimum is not None and maximum < minimum:
            raise ValueError(f"the maximum ({maximum:g}) is below the minimum ({minimum:g})")
        return maximum


def _naive(moment: date | datetime) -> date | datetime:
    if isinstance(moment, datetime) and moment.tzinfo is not None:
        raise ValueError(
            f"write round times as local time without a timezone, such as "
            f"2027-01-29T12:00:00; got {moment.isoformat()}"
        )
    return moment


class FundingRound(Strict):
    name: str
    opens: date | datetime  # a date means the start of that day
    closes: date | datetime  # a date means the end of that day
    clause: ClauseRef | None = None

    @field_validator("opens")
    @classmethod
    def _opens_naive(cls, opens: date | datetime) -> date | datetime:
        return _naive(opens)

    @field_validator("closes")
    @classmethod
    def _closes_after_opens(cls, closes: date | datetime,
                            info: ValidationInfo) -> date | datetime:
        closes = _naive(closes)
        opens = info.data.get("opens")
        if opens is not None and _end(closes) <= _start(opens):
            raise ValueError(
                f"the round closes ({closes.isoformat()}) before it opens ({opens.isoformat()})"
            )
        return closes

    @property
    def opens_at(self) -> datetime:
        """The first moment the round accepts applications (local time)."""
        return _start(self.opens)

    @property
    def closes_at(self) -> datetime:
        """The last moment the round accepts applications (local time)."""
        return _end(self.closes)


def _start(moment: date | datetime) -> datetime:
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time.min)


def _end(moment: date | datetime) -> datetime:
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time.max)


class Programme(Strict):
    id: str  # the programme slug used in guidance tags: "capital-grant"
    name: str
    kind: str  # one of programme.yaml's kinds: grant, hub, pre_hub, service, voucher, ...
    summary: str
    aliases: list[str] = Field(default_factory=list)  # what users call it: "the diagnostic"
    time_zone: str = ""  # where its rounds' dates are local, if not the policy's
    hub_slug: str | None = None  # the catalogue `serves` value for signposting
    criteria: list[Criterion]
    award: Award | None = None
    rounds: list[FundingRound] = Field(default_factory=list)
    contact: str = ""  # who to talk to about this programme; "" means the programme contact


class InKindSupport(Strict):
    """Support given in kind that counts towards the subsidy limit at a set value a unit:
    "Expert Help day", valued at GBP 900. The last word of `name` is the unit."""

    name: str = Field(min_length=3)
    value_gbp: float = Field(gt=0)
    clause: ClauseRef

    @property
    def unit(self) -> str:
        return self.name.split()[-1]

    @property
    def kind(self) -> str:
        """The words before the unit ("Expert Help"), or the unit when it stands alone."""
        return " ".join(self.name.split()[:-1]) or self.name


class Rates(Strict):
    eur_to_gbp: float = Field(gt=0)  # GBP per EUR
    clause: ClauseRef
    mfa_limit_gbp: float = Field(gt=0)
    mfa_clause: ClauseRef
    # what the subsidy limit is called where the programme runs, as in a sentence
    subsidy_name: str = Field(default="public subsidy", min_length=1)
    # the period the subsidy limit counts over, as in a sentence
    subsidy_window: str = Field(default="the current and two previous financial years",
                                min_length=1)
    sme: SmeTest = Field(default_factory=SmeTest)  # the size test; the EU definition if absent
    time_zone: str = ""  # where round dates and times are local: "Europe/London"
    in_kind: list[InKindSupport] = Field(default_factory=list)  # counted at a value a unit
    # the standard rate of sales tax (0.2 for 20%), to take the tax a business recovers out of
    # a cost it quotes with the tax included; without it such a cost is read as given
    vat_rate: float | None = Field(default=None, ge=0, lt=1)


class Policy(Strict):
    rates: Rates
    programmes: list[Programme]
    areas: list[Area]
    sector_lists: list[SectorList]
    facts: FactsFile = Field(default_factory=FactsFile)  # declared and derived facts

    @property
    def time_zone(self) -> str:
        return self.rates.time_zone

    def programme(self, programme_id: str) -> Programme | None:
        return next((p for p in self.programmes if p.id == programme_id), None)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def sector_list(self, list_id: str) -> SectorList | None:
        return next((s for s in self.sector_lists if s.id == list_id), None)


Loc = tuple[str | int, ...]


def iter_clause_refs(model: object, path: Loc = ()) -> Iterator[tuple[Loc, ClauseRef]]:
    """Every ClauseRef inside a policy object, with its path (field names and list indexes)."""
    if isinstance(model, ClauseRef):
        yield path, model
    elif isinstance(model, BaseModel):
        for name in type(model).model_fields:
            yield from iter_clause_refs(getattr(model, name), (*path, name))
    elif isinstance(model, list):
        for n, item in enumerate(model):
            yield from iter_clause_refs(item, (*path, n))
    elif isinstance(model, dict):
        for key, item in model.items():
            yield from iter_clause_refs(item, (*path, str(key)))


