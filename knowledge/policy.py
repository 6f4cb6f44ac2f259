"""The eligibility policy of a knowledge folder: programmes, criteria, awards, rounds, areas,
sectors. Declarative data in `policy/*.yaml`, typed here and validated at load, with errors
that name the file and the line.

Only the data model and its loading live here (knowledge layer); the engine that applies a
policy to a business's facts is `assistant.eligibility`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Band = Literal["micro", "small", "medium", "large"]

# The facts a criterion can test. Raw facts come from what the business says; derived facts
# are computed by the engine from raw ones (and from the policy's areas and sectors).
FactName = Literal[
    # derived
    "sme_band",  # micro | small | medium | large, after linked and partner aggregation
    "area_status",  # inside | mixed | outside, for the criterion's `area`
    "excluded_sector",  # true when the business's sector is in the criterion's sector list
    "sector_fit",  # true when the business's sector is in the criterion's sector list
    "public_body_share",  # percent of capital or votes held by public bodies
    "mfa_after_award",  # prior MFA (current + 2 previous financial years) + this award, GBP
    # raw
    "employees",  # annual work units
    "turnover_gbp",
    "balance_sheet_gbp",
    "months_trading",
    "insolvent",  # in administration, liquidation, receivership or similar
]

Operator = Literal["eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClauseRef(_Strict):
    """Where the guidance states a rule: a file of the knowledge folder and a clause id in it
    (or a heading, for documents without numbered clauses)."""

    source: str
    clause: str


class Criterion(_Strict):
    id: str
    label: str  # "Benefiting site in the WMCA area"
    fact: FactName
    op: Operator
    value: bool | int | float | str | list[str]
    clause: ClauseRef
    area: str | None = None  # for area_status: the area id
    sectors: str | None = None  # for excluded_sector / sector_fit: the sector list id
    question: str = ""  # what to ask when the fact is unknown
    priority: int = 50  # lower is asked first
    confirmed_at_application: bool = False  # not asked in chat; unknown does not block
    met_text: str = ""  # plain-English explanations; {value} and {limit} are filled in
    not_met_text: str = ""
    unknown_text: str = ""


class CostCap(_Strict):
    category: str  # "consultancy"
    max_share: float = Field(gt=0, le=1)  # of eligible project costs
    clause: ClauseRef


class OutputRatio(_Strict):
    name: str  # "jobs"
    gbp_per_unit: float = Field(gt=0)  # one unit per this much grant, rounded up
    unit: str  # "new or safeguarded job"
    clause: ClauseRef


class Award(_Strict):
    kind: Literal["grant", "voucher", "in_kind"] = "grant"
    intervention_rate: dict[Band, float]  # share of eligible costs paid, by SME band
    min_award_gbp: float = Field(ge=0)
    max_award_gbp: float = Field(gt=0)
    cost_caps: list[CostCap] = Field(default_factory=list)
    output_ratios: list[OutputRatio] = Field(default_factory=list)
    clause: ClauseRef


class FundingRound(_Strict):
    name: str
    opens: date | datetime
    closes: date | datetime  # a date means the end of that day
    clause: ClauseRef | None = None


class Programme(_Strict):
    id: str  # the programme slug used in guidance tags: "productivity-booster"
    name: str
    kind: Literal["grant", "hub", "pre_hub", "service"]
    summary: str
    hub_slug: str | None = None  # the catalogue `serves` value for signposting
    criteria: list[Criterion]
    award: Award | None = None
    rounds: list[FundingRound] = Field(default_factory=list)
    contact: str = ""  # who to talk to about this programme


class District(_Strict):
    district: str  # outward code: "B15", "CV7"
    status: Literal["inside", "mixed", "outside"]
    places: str = ""
    authorities: list[str] = Field(default_factory=list)


class OutsidePointer(_Strict):
    authority: str  # "Warwickshire", "Bromsgrove" ...
    growth_hub: str  # where a business there should go instead


class Area(_Strict):
    id: str  # "wmca"
    name: str
    councils: list[str]  # local authorities wholly inside
    towns: dict[str, str] = Field(default_factory=dict)  # town or place name -> council
    districts: list[District]
    outside: list[OutsidePointer] = Field(default_factory=list)
    clause: ClauseRef


class Sector(_Strict):
    id: str
    name: str
    keywords: list[str] = Field(default_factory=list)  # matched as whole words, any case
    sic: list[str] = Field(default_factory=list)  # "01.1", "01.1-01.6", "64-66"
    reason: str = ""


class SectorList(_Strict):
    id: str  # "excluded", "medtech"
    name: str
    sectors: list[Sector]
    clause: ClauseRef


class Rates(_Strict):
    eur_to_gbp: float = Field(gt=0)  # GBP per EUR
    clause: ClauseRef
    mfa_limit_gbp: float = Field(gt=0)
    mfa_clause: ClauseRef


class Policy(_Strict):
    rates: Rates
    programmes: list[Programme]
    areas: list[Area]
    sector_lists: list[SectorList]

    def programme(self, programme_id: str) -> Programme | None:
        return next((p for p in self.programmes if p.id == programme_id), None)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def sector_list(self, list_id: str) -> SectorList | None:
        return next((s for s in self.sector_lists if s.id == list_id), None)
