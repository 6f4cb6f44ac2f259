"""What the assistant knows about the business it is talking to: facts from the conversation.

Facts are extracted deterministically from each message (`assistant.facts`) and merged into
the conversation: a fact stated again (a correction) replaces the earlier one.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Currency = Literal["GBP", "EUR"]
# A declared fact's value; a record is {"item": ..., "amount": ...} (a cost item and its price)
StatedBand = Literal["micro", "small", "medium"]
DeclaredValue = bool | float | str | list[str] | list[dict[str, str | float]]


class Money(BaseModel):
    amount: float  # in units of the currency (not thousands)
    currency: Currency = "GBP"

    def in_gbp(self, eur_to_gbp: float) -> float:
        return self.amount * eur_to_gbp if self.currency == "EUR" else self.amount


HolderKind = Literal["enterprise", "public_body", "individual", "investor", "university",
                     "unknown"]


class Holding(BaseModel):
    """Someone holding a share of the business (or of whom the business holds a share)."""

    # None: a holding named without its size ("the county council has a holding"), to be asked about
    share_percent: float | None = Field(ge=0, le=100)
    holder: str  # as the user put it: "a 1,000-person group", "an NHS trust"
    holder_kind: HolderKind = "unknown"
    direction: Literal["owns_us", "we_own"] = "owns_us"
    employees: float | None = None  # of the other enterprise, when stated
    employees_approx: bool = False  # "maybe 100 or so": not an exact count
    same_owner: bool = False  # a business of the same owner (a "sister company"), not held by us
    turnover: Money | None = None
    balance_sheet: Money | None = None


# Fields that qualify another fact rather than state one.
_QUALIFIERS = frozenset({"employees_approx", "part_timers_unknown", "staff_uncounted",
                         "employees_added", "project_cost_net_of_vat", "sector_mentions",
                         "ranges"})
# Facts a range can be given for ("£250k to £320k", "40-60 staff").
RANGED_FACTS = ("employees", "turnover", "balance_sheet", "requested_amount", "project_cost",
                "consultancy_cost", "prior_public_support")


class Facts(BaseModel):
    """Everything is optional: unknown is None (or empty), never a guess."""

    employees: float | None = None  # annual work units: part-timers as fractions
    employees_approx: bool = False  # given as "about", "around" ...: not an exact count
    # part-timers whose hours were not given, each counted as half a full-timer in
    # `employees`: the true count lies anywhere within half a unit each way of theirs
    part_timers_unknown: float = 0.0
    # more staff said to work besides those counted, without a number ("plus some
    # part-timers"): `employees` is a floor, and `ranges` holds how far above it they may go
    staff_uncounted: bool = False
    # the staff counted are more besides those told before ("I forgot the weekend crew: 6
    # more on half-time"): added to an earlier count, not put in its place
    employees_added: bool = False
    turnover: Money | None = None
    balance_sheet: Money | None = None
    postcode: str | None = None  # normalised: "B15 2TT", or an outward code alone: "B15"
    local_authority: str | None = None  # a council named, or the council of a town named
    sector_text: str | None = None  # the words that described the business's activity
    sic_codes: list[str] = Field(default_factory=list)  # "25.62", "01.1"
    # the words of a field the programmes serve, wherever the owner used them ("an implant
    # maker asked us to quote"): a business moving into a Hub's sector; never its own trade
    sector_mentions: list[str] = Field(default_factory=list)
    # the owner's own yes or no, asked whether the business or its project is in a field a
    # programme serves, by the field's sector list ({"medtech": True})
    fields_said: dict[str, bool] = Field(default_factory=dict)
    # the owner's answer, in their words, to which part of a business that trades and also
    # works on goods itself the project is for ("for the coating line")
    project_part: str | None = None
    months_trading: float | None = None
    holdings: list[Holding] = Field(default_factory=list)
    insolvent: bool | None = None
    prior_public_support: Money | None = None  # subsidy in the current and 2 previous years
    requested_amount: Money | None = None
    project_cost: Money | None = None
    # the cost was quoted with VAT that the business recovers, and is held here without it
    project_cost_net_of_vat: bool = False
    consultancy_cost: Money | None = None
    # the size the owner gives the business in words ("we're a small company"): used for an
    # award's rate while the figures have not settled the band, never to decide the band
    stated_band: StatedBand | None = None
    # a fact given as a range: its two ends (AWU, or the amount in the fact's currency); the
    # fact itself holds the middle. A verdict the two ends disagree on is left open.
    ranges: dict[str, list[float]] = Field(default_factory=dict)
    # facts the policy declares (policy/facts.yaml), by name; dates as ISO text
    declared: dict[str, DeclaredValue] = Field(default_factory=dict)

    def merged_with(self, newer: Facts) -> Facts:
        """These facts updated by a later message: anything the later one states replaces."""
        update = {name: value for name, value in newer if value not in (None, [], {})}
        if newer.project_cost is None:  # so does how the cost was read
            update.pop("project_cost_net_of_vat", None)
        if newer.employees is None:  # how exact the headcount is goes with the headcount
            update.pop("employees_approx", None)
            update.pop("part_timers_unknown", None)
            update.pop("staff_uncounted", None)
        update.pop("employees_added", None)
        if newer.employees_added and newer.employees is not None and self.employees is not None:
            update["employees"] = self.employees + newer.employees
            if "employees" in self.ranges and "employees" not in newer.ranges:
                update["ranges"] = {**self.ranges, "employees": [
                    end + newer.employees for end in self.ranges["employees"]]}
        # a site named anew replaces the whole location: a council alone ("we're in Solihull")
        # does not keep the postcode of the site named before, nor a postcode the old council
        for one, other in (("local_authority", "postcode"), ("postcode", "local_authority")):
            if one in update and other not in update:
                update[other] = None
        if newer.sector_mentions:
            update["sector_mentions"] = list(dict.fromkeys(
                [*self.sector_mentions, *newer.sector_mentions]))
        if newer.fields_said:
            update["fields_said"] = {**self.fields_said, **newer.fields_said}
        if newer.declared:
            update["declared"] = {**self.declared, **newer.declared}
        # a fact stated again drops the range given for it before
        ranges = {name: ends for name, ends in self.ranges.items() if name not in update}
        update["ranges"] = {**ranges, **newer.ranges, **update.get("ranges", {})}
        return self.model_copy(update=update)

    def at_range_end(self, end: int) -> Facts:
        """These facts with each range at one of its ends (0: low, 1: high)."""
        update: dict[str, object] = {}
        for name, ends in self.ranges.items():
            current = getattr(self, name, None)
            if isinstance(current, Money):
                update[name] = current.model_copy(update={"amount": ends[end]})
            elif current is not None:
                update[name] = ends[end]
        return self.model_copy(update=update)

    def known(self) -> set[str]:
        return {name for name, value in self
                if value not in (None, [], {}) and name not in _QUALIFIERS}
