"""The parts of a knowledge folder's policy that direct answers read (areas, programmes and their
kinds and aliases, funding rounds), as plain values: the one place that knows the policy's
field names, so that `structured.py` depends only on `PolicyView`.

Written against policy format 2 (areas with `authorities`, `towns`, `districts`, `outside`
pointers with `refer_to`; programmes with `aliases`, a free-text `kind` and rounds in the
policy's `time_zone`). Until that format is the bundled one, `view_of` also reads format 1's
names for the same things (`councils`, `growth_hub`); `_first` marks each such place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any

from knowledge.policy import ClauseRef


@dataclass(frozen=True)
class DistrictView:
    code: str  # "B14"
    status: str  # inside, mixed, outside
    places: str = ""
    authorities: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutsideView:
    authority: str
    refer_to: str  # where a business there should go instead
    county: str = ""


@dataclass(frozen=True)
class AreaView:
    name: str
    clause: ClauseRef
    authorities: tuple[str, ...]  # wholly inside
    authority_word: str = "local authority"
    towns: Mapping[str, str] = field(default_factory=dict)  # place -> its authority
    districts: Mapping[str, DistrictView] = field(default_factory=dict)  # by code
    outside: tuple[OutsideView, ...] = ()
    refer_outside: str = ""


@dataclass(frozen=True)
class RoundView:
    name: str
    opens: datetime  # local time in the programme's time zone
    closes: datetime
    clause: ClauseRef | None = None


@dataclass(frozen=True)
class ProgrammeView:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    rounds: tuple[RoundView, ...] = ()
    time_zone: str = ""
    # the least trading time it asks for, in months, and the clause that says so
    min_months_trading: float | None = None
    trading_clause: ClauseRef | None = None


@dataclass(frozen=True)
class SizeBandView:
    band: str  # "micro", "small", "medium"
    staff_below: float
    turnover_max: float  # in the test's currency
    balance_sheet_max: float


@dataclass(frozen=True)
class SizeView:
    """The size test's ceilings, the currency they are in and the rate to pounds."""

    bands: tuple[SizeBandView, ...]
    currency: str  # "EUR" or "GBP"
    eur_to_gbp: float
    clause: ClauseRef | None = None  # where the guidance asks for the size


@dataclass(frozen=True)
class SubsidyView:
    """The subsidy limit's name, the period it counts over, and where the guidance says so."""

    name: str  # "Small Aid"
    window: str  # "the current and two previous financial years"
    clause: ClauseRef


@dataclass(frozen=True)
class ExclusionView:
    """A list of sectors that programmes' criteria exclude, and where the guidance lists them."""

    sectors: tuple[str, ...]  # each sector's name: "primary agricultural production"
    programmes: tuple[str, ...]  # the programmes that exclude them
    clause: ClauseRef | None = None


@dataclass(frozen=True)
class PolicyView:
    areas: tuple[AreaView, ...] = ()
    programmes: tuple[ProgrammeView, ...] = ()
    time_zone: str = ""  # "" : the server's local time
    sizes: SizeView | None = None
    subsidy: SubsidyView | None = None
    exclusions: tuple[ExclusionView, ...] = ()


def view_of(policy: Any) -> PolicyView:
    """The view of a loaded policy (`knowledge.policy.Policy`)."""
    zone = str(getattr(policy, "time_zone", "") or "")
    return PolicyView(
        areas=tuple(_area(a) for a in policy.areas),
        programmes=tuple(_programme(p, zone) for p in policy.programmes),
        time_zone=zone,
        sizes=_sizes(policy),
        subsidy=_subsidy(policy),
        exclusions=_exclusions(policy),
    )


def _exclusions(policy: Any) -> tuple[ExclusionView, ...]:
    """The sector lists that a programme's criterion excludes (fact `excluded_sector`)."""
    views = []
    for sector_list in getattr(policy, "sector_lists", ()) or ():
        programmes = tuple(p.name for p in policy.programmes
                           if any(getattr(c, "fact", None) == "excluded_sector"
                                  and getattr(c, "sectors", None) == sector_list.id
                                  for c in getattr(p, "criteria", ())))
        if programmes and sector_list.sectors:
            views.append(ExclusionView(sectors=tuple(str(s.name) for s in sector_list.sectors),
                                       programmes=programmes,
                                       clause=getattr(sector_list, "clause", None)))
    return tuple(views)


def _subsidy(policy: Any) -> SubsidyView | None:
    rates = getattr(policy, "rates", None)
    clause = getattr(rates, "mfa_clause", None)
    if rates is None or clause is None:
        return None
    return SubsidyView(name=str(getattr(rates, "subsidy_name", "") or "public subsidy"),
                       window=str(getattr(rates, "subsidy_window", "") or ""), clause=clause)


def _sizes(policy: Any) -> SizeView | None:
    rates = getattr(policy, "rates", None)
    test = getattr(rates, "sme", None)
    if rates is None or test is None:
        return None
    clause = next((c.clause for p in policy.programmes for c in getattr(p, "criteria", ())
                   if getattr(c, "fact", None) == "sme_band" and getattr(c, "clause", None)),
                  None)
    return SizeView(
        bands=tuple(SizeBandView(str(b.band), b.staff_below, b.turnover_max,
                                 b.balance_sheet_max) for b in test.bands),
        currency=str(test.currency), eur_to_gbp=float(rates.eur_to_gbp), clause=clause)


def _first(item: Any, *names: str, default: Any = None) -> Any:
    """The first of the named attributes the item has (format 2's name first)."""
    for name in names:
        value = getattr(item, name, None)
        if value is not None:
            return value
    return default


def _area(area: Any) -> AreaView:
    districts = {}
    for d in area.districts:
        code = str(d.district).upper()
        districts[code] = DistrictView(code=code, status=str(d.status),
                                       places=str(d.places or ""),
                                       authorities=tuple(d.authorities))
    outside = tuple(
        OutsideView(authority=o.authority, county=str(getattr(o, "county", "") or ""),
                    refer_to=str(_first(o, "refer_to", "growth_hub", default="")))
        for o in getattr(area, "outside", ()))
    return AreaView(
        name=area.name, clause=area.clause,
        authorities=tuple(_first(area, "authorities", "councils", default=())),
        authority_word=str(getattr(area, "authority_word", "") or "local authority"),
        towns=dict(area.towns), districts=districts, outside=outside,
        refer_outside=str(getattr(area, "refer_outside", "") or ""))


def _programme(programme: Any, zone: str) -> ProgrammeView:
    trading = next((c for c in getattr(programme, "criteria", ())
                    if getattr(c, "fact", None) == "months_trading"
                    and getattr(c, "op", None) in {"gte", "gt"}
                    and isinstance(getattr(c, "value", None), int | float)), None)
    return ProgrammeView(
        id=programme.id, name=programme.name, kind=str(programme.kind),
        aliases=tuple(getattr(programme, "aliases", ()) or ()),
        rounds=tuple(RoundView(name=r.name, opens=_moment(r.opens, start=True),
                               closes=_moment(r.closes, start=False), clause=r.clause)
                     for r in programme.rounds),
        time_zone=str(getattr(programme, "time_zone", "") or zone),
        min_months_trading=float(trading.value) if trading is not None else None,
        trading_clause=trading.clause if trading is not None else None)


def _moment(value: Any, start: bool) -> datetime:
    """A round's date or date and time as local time: a date alone is the whole day."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime.combine(value, time.min if start else time.max)
