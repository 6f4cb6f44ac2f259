"""Direct answers to "what would the award be?" and "what subsidy headroom remains?", worked
out from the policy's award rules for the figures the question gives (a project cost, a size
band, earlier subsidy), figure first, with the clause each figure comes from.

The working itself is `awards.calculate_award`'s; this module only says the result in a
sentence or two, the way a person asking "how much" wants to hear it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.eligibility.results import Assessment, AwardCalculation
from assistant.eligibility.wording import (
    AWARD_NOUN,
    capitalised,
    joined,
    number,
    percent,
    plural,
    pounds,
    with_a,
)
from knowledge.policy import Award, ClauseRef, Policy
from knowledge.policy.schema import ExcludedCost

_BAND_WORDS = {"micro": "a micro business", "small": "a small business",
               "medium": "a medium-sized business", "large": "a large business"}


@dataclass(frozen=True)
class QuoteLine:
    text: str
    clause: ClauseRef | None


@dataclass(frozen=True)
class Offer:
    """A programme's award as the quote names it: "the <programme> grant", or, for programmes
    of one kind whose awards are the same, "a voucher from any <kind>"."""

    name: str
    award: Award
    assessment: Assessment


def award_quote(offers: Sequence[Offer], stated_band: str | None = None,
                described: bool = True) -> list[QuoteLine]:
    """What each offer would pay for the project cost known, figure first; [] when the cost is
    not known (the checklist's working then says what is missing). `stated_band` is the size
    the business gives itself, or the size of the business a question supposes ("a micro
    business with £400k of costs", with `described` False), used while the figures leave the
    band open."""
    lines: list[QuoteLine] = []
    for offer in offers:
        calc = offer.assessment.award
        if calc is None or calc.eligible_costs_gbp is None:
            continue
        lines.extend(_offer_lines(offer, calc, stated_band, described))
    return lines


def rate_quote(offers: Sequence[Offer], band: str | None, own: bool = False) -> list[QuoteLine]:
    """The share of eligible costs an award pays, from the policy: for the size asked about
    ("what it pays a micro firm"), else for every size. `own`: the question asks what the
    business pays itself, which is said first."""
    lines = []
    for offer in offers:
        rates = offer.award.intervention_rate
        if band in rates and own:
            text = (f"{percent(1 - rates[band])} of eligible costs: {offer.name} pays "
                    f"{percent(rates[band])} for {_BAND_WORDS[band]}, and the business pays the "
                    f"other {percent(1 - rates[band])}.")
        elif band in rates:
            text = (f"{capitalised(offer.name)} pays {percent(rates[band])} of eligible costs "
                    f"for {_BAND_WORDS[band]}.")
        else:
            parts = [f"{percent(rate)} for {_BAND_WORDS.get(b, b)}" for b, rate in rates.items()]
            text = (f"{capitalised(offer.name)} pays a share of eligible costs that depends on "
                    f"the business's size: {joined(parts)}.")
        lines.append(QuoteLine(text, offer.award.clause))
    return lines


def range_quote(offers: Sequence[Offer], asks_minimum: bool) -> list[QuoteLine]:
    """The smallest or largest award, from the policy: "what's the biggest voucher?"."""
    lines = []
    for offer in offers:
        award = offer.award
        low, high = pounds(award.min_award_gbp), pounds(award.max_award_gbp)
        text = (f"{'At least ' + low if asks_minimum else 'At most ' + high}: {offer.name} "
                f"is between {low} and {high}.")
        if award.shared_with_linked:
            text += (f" The maximum counts every {_noun(offer)} the business and its linked "
                     "enterprises receive, together.")
        lines.append(QuoteLine(text, award.limits_clause or award.clause))
    return lines


def limit_quote(policy: Policy) -> list[QuoteLine]:
    """The subsidy limit, from the policy: "what is the subsidy limit?"."""
    rates = policy.rates
    return [QuoteLine(f"The {rates.subsidy_name} limit is {pounds(rates.mfa_limit_gbp)}: "
                      f"{rates.subsidy_name} received in {rates.subsidy_window}, plus the new "
                      f"award, must not exceed {pounds(rates.mfa_limit_gbp)}.",
                      rates.mfa_clause)]


def cap_quote(award: Award, category_asked: str, other_costs_gbp: float) -> list[QuoteLine]:
    """How much of a capped kind of cost can count, beside `other_costs_gbp` of other eligible
    costs: the most of the advisers' fees that is allowed."""
    lines = []
    for cap in award.cost_caps:
        if cap.category.casefold() != category_asked.casefold():
            continue
        limits = []
        allowed: float | None = None
        if cap.max_share is not None and cap.max_share < 1:
            allowed = round(other_costs_gbp * cap.max_share / (1 - cap.max_share), 2)
            limits.append(f"{percent(cap.max_share)} of eligible costs, so with "
                          f"{pounds(other_costs_gbp)} of other costs the most is "
                          f"{pounds(other_costs_gbp)} x {number(cap.max_share * 100)} / "
                          f"{number(100 - cap.max_share * 100)} = {pounds(allowed)}")
        if cap.max_gbp is not None:
            allowed = cap.max_gbp if allowed is None else min(allowed, cap.max_gbp)
            limits.append(f"no more than {pounds(cap.max_gbp)}")
        if allowed is None:
            continue
        lines.append(QuoteLine(
            f"At most {pounds(allowed)} of {cap.category} can count as eligible: "
            f"{cap.category} may be at most {joined(limits)}.", cap.clause))
    return lines


def outputs_quote(offers: Sequence[Offer], grant_gbp: float | None) -> list[QuoteLine]:
    """What an award of `grant_gbp` (or, without it, the award worked out) commits the business
    to deliver, by the policy's output ratios."""
    lines = []
    for offer in offers:
        calc = offer.assessment.award
        amount = grant_gbp if grant_gbp is not None else calc.grant_gbp if calc else None
        for ratio in offer.award.output_ratios:
            rule = f"one {ratio.unit} for every {pounds(ratio.gbp_per_unit)} of {_noun(offer)}"
            if amount is None:
                lines.append(QuoteLine(f"{capitalised(offer.name)} asks for {rule}.",
                                       ratio.clause))
                continue
            units = math.ceil(round(amount / ratio.gbp_per_unit, 9))
            lines.append(QuoteLine(
                f"For {with_a(_noun(offer))} of {pounds(amount)}, at least {units} "
                f"{plural(ratio.unit, units)}: {rule}, rounded up "
                f"({pounds(amount)} / {pounds(ratio.gbp_per_unit)} = "
                f"{number(round(amount / ratio.gbp_per_unit, 2))}).", ratio.clause))
    return lines


def _noun(offer: Offer) -> str:
    return AWARD_NOUN[offer.award.kind]


def excluded_cost_quote(name: str, excluded: ExcludedCost) -> list[QuoteLine]:
    """ "Can the grant pay for <an excluded cost>?": No first, with the exception the guidance
    makes, if any."""
    if excluded.unless:
        return [QuoteLine(f"No, not as a rule: {name} does not pay for {excluded.item}, unless "
                          f"{excluded.unless}.", excluded.clause)]
    return [QuoteLine(f"No: {name} does not pay for {excluded.item}.", excluded.clause)]


def headroom_quote(policy: Policy, prior_gbp: float, ask: str | None = None,
                   minimum_gbp: float | None = None) -> list[QuoteLine]:
    """The subsidy headroom left after `prior_gbp` of earlier support. `ask` is the yes/no
    question's direction: "stops" ("does that stop us?") or "allows" ("can we still apply?"),
    so the answer opens with the right Yes or No."""
    rates = policy.rates
    limit = rates.mfa_limit_gbp
    headroom = max(round(limit - prior_gbp, 2), 0.0)
    name = rates.subsidy_name
    working = f"{pounds(limit)} - {pounds(prior_gbp)} = {pounds(headroom)}"
    rule = (f"{capitalised(name)} received in {rates.subsidy_window}, plus the new award, must "
            f"not exceed {pounds(limit)}.")
    if ask is None:
        return [QuoteLine(f"The {name} headroom left is {pounds(headroom)} ({working}). "
                          f"{rule}", rates.mfa_clause)]
    if headroom <= 0:
        stopped = True
        text = (f"with {pounds(prior_gbp)} already received, there is no headroom left for a "
                f"new award ({working}). {rule}")
    elif minimum_gbp is not None and headroom < minimum_gbp:
        stopped = True
        text = (f"with {pounds(prior_gbp)} already received, the headroom left ({working}) is "
                f"less than the minimum award of {pounds(minimum_gbp)}. {rule}")
    else:
        stopped = False
        text = (f"with {pounds(prior_gbp)} already received, {pounds(headroom)} of headroom is "
                f"left ({working}), so an award of up to {pounds(headroom)} could still fit. "
                f"{rule}")
    # a "yes" speaks for the subsidy limit only: the other conditions are checked apart
    opening = ("Yes" if stopped else "No, not on its own") if ask == "stops" else \
        ("No" if stopped else "As far as the subsidy limit goes, yes")
    return [QuoteLine(f"{opening}: {text}", rates.mfa_clause)]


def _offer_lines(offer: Offer, calc: AwardCalculation, stated_band: str | None,
                 described: bool) -> list[QuoteLine]:
    award = offer.award
    eligible = calc.eligible_costs_gbp
    assert eligible is not None
    limits = award.limits_clause or award.clause
    costs = f"{pounds(eligible)} of eligible costs"
    if calc.project_cost_gbp is not None and calc.project_cost_gbp > eligible:
        costs = (f"a {pounds(calc.project_cost_gbp)} project ({pounds(eligible)} of it "
                 "eligible)")
    rates = _rates(award, calc, stated_band)
    if not rates:
        return []
    if len(rates) == 1:
        (rate, bands), = rates.items()
        who = "" if len(bands) != 1 or len(set(award.intervention_rate.values())) == 1 \
            else f" for {_BAND_WORDS.get(bands[0], bands[0])}"
        if described and stated_band and calc.band is None and bands == [stated_band]:
            who += " (as you describe it)"
        amount, note = _amount(award, rate, eligible)
        if amount is None:
            return [QuoteLine(f"{capitalised(offer.name)}{who} would be too small for "
                              f"{costs}: {note}.", limits)]
        text = f"{capitalised(offer.name)}{who} would be {pounds(amount)} for {costs}: {note}."
        lines = [QuoteLine(text, award.clause if note.startswith(percent(rate)) and
                           "maximum" not in note else limits)]
        lines += _cap_lines(award, calc)
        if calc.project_cost_gbp is not None and calc.project_cost_gbp > amount:
            lines.append(QuoteLine(f"The business pays the other "
                                   f"{pounds(calc.project_cost_gbp - amount)} of the "
                                   f"{pounds(calc.project_cost_gbp)} itself.", award.clause))
        return lines
    parts = []
    for rate, bands in rates.items():
        amount, _ = _amount(award, rate, eligible)
        who = joined([_BAND_WORDS.get(b, b) for b in bands], "or")
        parts.append(f"{who} would get {pounds(amount)} ({percent(rate)})" if amount is not None
                     else f"{who} would be below the minimum ({percent(rate)})")
    text = (f"{capitalised(offer.name)} for {costs} depends on the business's size: "
            f"{joined(parts)}, within the {pounds(award.min_award_gbp)} minimum and "
            f"{pounds(award.max_award_gbp)} maximum.")
    return [QuoteLine(text, award.clause), *_cap_lines(award, calc)]


def _cap_lines(award: Award, calc: AwardCalculation) -> list[QuoteLine]:
    """The working of a cost cap that left part of the project out of the eligible costs."""
    if calc.eligible_costs_gbp is None or calc.project_cost_gbp is None or \
            calc.eligible_costs_gbp >= calc.project_cost_gbp:
        return []
    caps = {cap.clause for cap in award.cost_caps}
    return [QuoteLine(line.text, line.clause) for line in calc.lines if line.clause in caps]


def _rates(award: Award, calc: AwardCalculation,
           stated_band: str | None) -> dict[float, list[str]]:
    """The rates that may apply, each with its bands: the band's own when it is settled (or
    stated and possible), else every band's."""
    if calc.rate is not None:
        return {calc.rate: [calc.band or stated_band or ""]}
    if stated_band in award.intervention_rate:
        return {award.intervention_rate[stated_band]: [stated_band]}
    bands = [b for b in award.intervention_rate]
    by_rate: dict[float, list[str]] = {}
    for band in bands:
        by_rate.setdefault(award.intervention_rate[band], []).append(band)
    return by_rate


def _amount(award: Award, rate: float, eligible: float) -> tuple[float | None, str]:
    calculated = round(rate * eligible, 2)
    if calculated > award.max_award_gbp:
        return award.max_award_gbp, (f"{percent(rate)} of {pounds(eligible)} is "
                                     f"{pounds(calculated)}, above the maximum of "
                                     f"{pounds(award.max_award_gbp)}")
    if calculated < award.min_award_gbp:
        return None, (f"{percent(rate)} of {pounds(eligible)} is {pounds(calculated)}, below "
                      f"the minimum of {pounds(award.min_award_gbp)}")
    return calculated, f"{percent(rate)} of {pounds(eligible)}"


def offer_name(award: Award, programme_name: str) -> str:
    noun = AWARD_NOUN[award.kind]
    return f"the {programme_name} {noun}"
