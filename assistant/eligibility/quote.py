"""Direct answers to "what would the award be?" and "what subsidy headroom remains?", worked
out from the policy's award rules for the figures the question gives (a project cost, a size
band, earlier subsidy), figure first, with the clause each figure comes from.

The working itself is `awards.calculate_award`'s; this module only says the result in a
sentence or two, the way a person asking "how much" wants to hear it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.eligibility.results import Assessment, AwardCalculation, CriterionResult
from assistant.eligibility.wording import (
    AWARD_NOUN,
    capitalised,
    joined,
    money_text,
    number,
    percent,
    plural,
    pounds,
    with_a,
)
from knowledge.policy import Award, ClauseRef, Policy, RiseOutput
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
        lines.extend(_headroom_cap(offer, calc, stated_band))
    return lines


def _headroom_cap(offer: Offer, calc: AwardCalculation, stated_band: str | None
                  ) -> list[QuoteLine]:
    """The subsidy headroom, when earlier support leaves less than the award worked out: the
    most that could be offered is then the headroom."""
    headroom, prior = calc.mfa_headroom_gbp, calc.prior_support_gbp
    if headroom is None or not prior or calc.eligible_costs_gbp is None:
        return []
    amounts = [_amount(offer.award, rate, calc.eligible_costs_gbp)[0]
               for rate in _rates(offer.award, calc, stated_band,
                                  offer.assessment.possible_bands)]
    top = max((a for a in amounts if a is not None), default=None)
    if top is None or headroom >= top:
        return []
    clause = next((line.clause for line in calc.lines
                   if line.clause is not None and "headroom" in line.text.lower()),
                  offer.award.clause)
    working = (f"{pounds(calc.mfa_limit_gbp)} - {pounds(prior)} = {pounds(max(headroom, 0))}")
    minimum = offer.award.min_award_gbp
    if minimum is not None and headroom < minimum:
        return [QuoteLine(f"Earlier support of {pounds(prior)} leaves {pounds(max(headroom, 0))} "
                          f"of headroom under the subsidy limit ({working}), less than the "
                          f"minimum award of {pounds(minimum)}.", clause)]
    return [QuoteLine(f"Earlier support of {pounds(prior)} leaves {pounds(headroom)} of headroom "
                      f"under the subsidy limit ({working}), so the most that could be offered "
                      f"is {pounds(headroom)}.", clause)]


def band_difference_quote(offers: Sequence[Offer], first: str, second: str) -> list[QuoteLine]:
    """What an award would pay the same project at two sizes, and the difference: "if we're
    funded as micro rather than small, how much more is that?"."""
    for offer in offers:
        calc, rates = offer.assessment.award, offer.award.intervention_rate
        if calc is None or calc.eligible_costs_gbp is None or first not in rates or \
                second not in rates:
            continue
        amounts = {band: _amount(offer.award, rates[band], calc.eligible_costs_gbp)[0]
                   for band in (first, second)}
        if None in amounts.values():
            continue
        a, b = amounts[first], amounts[second]
        assert a is not None and b is not None
        gap = abs(a - b)
        which = first if a >= b else second
        text = (f"{pounds(gap)} {'more' if gap else 'difference'}"
                f"{' for ' + _BAND_WORDS.get(which, which) if gap else ''}: "
                f"{offer.name} would be {pounds(a)} for {_BAND_WORDS.get(first, first)} "
                f"({percent(rates[first])}) and {pounds(b)} for "
                f"{_BAND_WORDS.get(second, second)} ({percent(rates[second])}), on "
                f"{pounds(calc.eligible_costs_gbp)} of eligible costs.")
        return [QuoteLine(text, offer.award.clause)]
    return []


def rate_quote(offers: Sequence[Offer], band: str | None, own: bool = False) -> list[QuoteLine]:
    """The share of eligible costs an award pays, from the policy: for the size asked about
    ("what it pays a micro firm"), else for every size. `own`: the question asks what the
    business pays itself, which is said first."""
    lines = []
    for offer in offers:
        rates = offer.award.intervention_rate
        if band not in rates and len(set(rates.values())) == 1:
            # one rate for every size: "70% of eligible costs, whatever the size"
            rate = next(iter(rates.values()))
            text = (f"{percent(1 - rate)} of eligible costs: {offer.name} pays {percent(rate)} "
                    f"whatever the business's size, and the business pays the other "
                    f"{percent(1 - rate)}." if own else
                    f"{capitalised(offer.name)} pays {percent(rate)} of eligible costs, whatever "
                    "the business's size.")
        elif band in rates and own:
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


def needed_cost_quote(offers: Sequence[Offer], band: str | None, target_gbp: float | None,
                      lowest: bool = False) -> list[QuoteLine]:
    """The eligible costs it takes to reach an award: `target_gbp`, or without it the largest
    award (the smallest with `lowest`), divided by the rate for the band asked about, else for
    every band the figures known allow."""
    lines = []
    for offer in offers:
        award = offer.award
        target = target_gbp if target_gbp is not None else \
            award.min_award_gbp if lowest else award.max_award_gbp
        noun = _noun(offer)
        what = (f"the maximum {noun} of {pounds(target)}" if target == award.max_award_gbp else
                f"the minimum {noun} of {pounds(target)}" if target == award.min_award_gbp else
                f"{with_a(noun)} of {pounds(target)}")
        if not award.min_award_gbp <= target <= award.max_award_gbp:
            lines.append(QuoteLine(
                f"{capitalised(offer.name)} is between {pounds(award.min_award_gbp)} and "
                f"{pounds(award.max_award_gbp)}, so no project reaches {pounds(target)}.",
                award.limits_clause or award.clause))
            continue
        rates = award.intervention_rate
        if band in rates:
            by_rate = {rates[band]: [band]}
        else:
            possible = offer.assessment.possible_bands
            by_rate = {}
            for each, rate in rates.items():
                if each in possible or not possible:
                    by_rate.setdefault(rate, []).append(each)
        if not by_rate:
            continue
        if len(by_rate) == 1:
            (rate, bands), = by_rate.items()
            who = "a business" if len(set(rates.values())) == 1 else \
                joined([_BAND_WORDS.get(b, b) for b in bands], "or")
            need = pounds(target / rate)
            lines.append(QuoteLine(
                f"{capitalised(who)} needs {need} of eligible costs to reach {what}: "
                f"{pounds(target)} / {percent(rate)} = {need}.", award.clause))
            continue
        parts = [f"{joined([_BAND_WORDS.get(b, b) for b in bands], 'or')} needs "
                 f"{pounds(target / rate)} ({pounds(target)} / {percent(rate)})"
                 for rate, bands in by_rate.items()]
        lines.append(QuoteLine(f"To reach {what}, the eligible costs needed depend on the "
                               f"business's size: {joined(parts)}.", award.clause))
    return lines


def sme_quote(assessment: Assessment, band: str | None = None,
              negated: bool = False) -> list[QuoteLine]:
    """ "Are we an SME?", "do we count as small?" (`band`): the size test's verdict on the
    figures given, with its working. `negated`: asked the other way round ("so we're not
    micro?"), which a Yes or a No answers the other way too."""
    criterion = _sme_criterion(assessment)
    if criterion is None:
        return []
    public = next((c for c in assessment.criteria if c.fact == "public_body_share"), None)
    if band is None and public is not None and public.met is False:
        return [QuoteLine(f"No: {_mid_sentence(public.explanation)}", public.clause)]
    holdings = [line for line in assessment.band_working if _HOLDING_LINE.search(line)]
    if band is None and criterion.met is None and holdings and \
            all(_NOT_ADDED.search(line) for line in holdings):
        # "an angel has 40% of the shares; does that change our size?"
        return [QuoteLine(f"Yes, as far as the shareholding goes: {' '.join(holdings)} "
                          f"{criterion.explanation}", criterion.clause)]
    if band is None:
        opening = "Yes" if criterion.met is True else "No" if criterion.met is False else \
            "Not settled yet"
    elif assessment.band is not None:
        opening = "Yes" if assessment.band == band else "No"
    else:
        opening = "Not settled yet" if band in assessment.possible_bands else "No"
    if negated:
        opening = {"Yes": "No", "No": "Yes"}.get(opening, opening)
    return [QuoteLine(f"{opening}: {_mid_sentence(criterion.explanation)}", criterion.clause)]


# the size test's working on a holding, and whether it leaves the business's figures alone
_HOLDING_LINE = re.compile(r"\b(?:not\s+counted|no\s+figures\s+are\s+added|figures\s+are\s+"
                           r"(?:not\s+)?added|public-ownership\s+rule)\b")
_NOT_ADDED = re.compile(r"\b(?:not\s+counted|no\s+figures\s+are\s+added|figures\s+are\s+not\s+"
                        r"added)\b")


def _mid_sentence(explanation: str) -> str:
    """An explanation after an opening word: "With any partner ..." -> "with any partner ..."."""
    if explanation[:2].istitle():
        return explanation[0].lower() + explanation[1:]
    return explanation


def staff_quote(assessment: Assessment, staff: float) -> list[QuoteLine]:
    """The staff count in annual work units, as the size test counts it."""
    criterion = _sme_criterion(assessment)
    return [QuoteLine(
        f"{number(staff)} annual work units (AWU): a full-timer counts as 1, a part-timer as the "
        "share of a full-time week they work, and seasonal staff as the share of the year they "
        "work; apprentices and staff on maternity or parental leave are not counted.",
        criterion.clause if criterion else None)]


# the criteria that the facts a question gives decide
_DECIDED_BY = {"employees": {"sme_band"}, "turnover": {"sme_band"}, "balance_sheet": {"sme_band"},
               "holdings": {"sme_band", "public_body_share"},
               "months_trading": {"months_trading"}, "insolvent": {"insolvent"},
               "postcode": {"area_status"}, "local_authority": {"area_status"},
               "sector_text": {"excluded_sector", "sector_fit"},
               "sic_codes": {"excluded_sector", "sector_fit"},
               "prior_public_support": {"mfa_after_award"}}


def supposed_quote(assessment: Assessment, given: set[str], name: str) -> list[QuoteLine]:
    """For a business a question supposes ("can a company with 300 staff apply?"): "No" with
    the first condition its facts fail, or "yes, as far as" the conditions they meet; nothing
    when they decide none."""
    facts = set().union(*(_DECIDED_BY.get(fact, set()) for fact in given))
    decided = [c for c in assessment.criteria if c.met is not None and c.fact in facts]
    failed = [c for c in decided if c.met is False]
    if failed:
        return [QuoteLine(f"No, not for {name}: {_continued(failed[0].explanation)}",
                          failed[0].clause)]
    if not decided:
        return []
    labels = joined([c.label[:1].lower() + c.label[1:] for c in decided])
    verb = "go" if len(decided) > 1 else "goes"
    working = _continued(decided[0].explanation)
    return [QuoteLine(f"As far as {labels} {verb}, yes: {working} The other conditions for "
                      f"{name} still apply.", decided[0].clause)]


def _continued(sentence: str) -> str:
    """A sentence carried on after a colon: "With any partner ..." as "with any partner ..."."""
    first = sentence.split(" ", 1)[0]
    return sentence[:1].lower() + sentence[1:] if first in {"With", "The", "A", "An", "It",
                                                             "Its", "This", "On"} else sentence


def awu_quote(assessment: Assessment | None, awu: float, working: str) -> list[QuoteLine]:
    """One person's count in annual work units, with the working."""
    criterion = _sme_criterion(assessment) if assessment is not None else None
    return [QuoteLine(
        f"{number(awu)} annual work units (AWU): {working}. A part-timer counts as the share of "
        "a full-time week they work, and seasonal staff as the share of the year they work.",
        criterion.clause if criterion else None)]


def size_quote(assessment: Assessment) -> list[QuoteLine]:
    """The figures the size test counts once partner and linked enterprises are added: the
    combined figures first, then what each holding adds."""
    combined = [line for line in assessment.band_working if line.startswith("Combined figures")]
    added = [line for line in assessment.band_working
             if not line.startswith(("Combined figures", "The business's own figures", "On the "))]
    criterion = _sme_criterion(assessment)
    return [QuoteLine(" ".join([*combined, *added]), criterion.clause if criterion else None)] \
        if combined else []


def _sme_criterion(assessment: Assessment) -> CriterionResult | None:
    """The size test's result among the programme's criteria, if it has one."""
    return next((c for c in assessment.criteria if c.fact == "sme_band"), None)


def sterling_quote(policy: Policy, euros: Sequence[float]) -> list[QuoteLine]:
    """Euro amounts converted to pounds at the programme's own rate."""
    rate = policy.rates.eur_to_gbp
    parts = [f"{money_text(amount, '€')} is {money_text(amount * rate)}" for amount in euros]
    return [QuoteLine(f"{capitalised(joined(parts))}, at the programme's rate of €1 = "
                      f"£{number(rate)}.", policy.rates.clause)] if parts else []


def euro_quote(policy: Policy, pounds_given: Sequence[float]) -> list[QuoteLine]:
    """Amounts in pounds in euros, at the programme's rate: "what's £5m in euros?"."""
    rate = policy.rates.eur_to_gbp
    parts = [f"{money_text(amount)} is {money_text(amount / rate, '€')}" for amount in pounds_given]
    return [QuoteLine(f"{capitalised(joined(parts))}, at the programme's rate of €1 = "
                      f"£{number(rate)}.", policy.rates.clause)] if parts else []


def limit_quote(policy: Policy) -> list[QuoteLine]:
    """The subsidy limit, from the policy: "what is the subsidy limit?"."""
    rates = policy.rates
    return [QuoteLine(f"The {rates.subsidy_name} limit is {pounds(rates.mfa_limit_gbp)}: "
                      f"{rates.subsidy_name} received in {rates.subsidy_window}, plus the new "
                      f"award, must not exceed {pounds(rates.mfa_limit_gbp)}.",
                      rates.mfa_clause)]


def cap_quote(award: Award, category_asked: str, other_costs_gbp: float,
              stated_gbp: float | None = None) -> list[QuoteLine]:
    """How much of a capped kind of cost can count, beside `other_costs_gbp` of other eligible
    costs: the most of the advisers' fees that is allowed; with the fees `stated_gbp`, how much
    of them counts and how much is left out."""
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
        text = (f"At most {pounds(allowed)} of {cap.category} can count as eligible: "
                f"{cap.category} may be at most {joined(limits)}.")
        if stated_gbp is not None and stated_gbp > allowed:
            text += (f" Of the {pounds(stated_gbp)} of {cap.category}, {pounds(allowed)} counts "
                     f"and {pounds(stated_gbp - allowed)} is left out, so the eligible costs "
                     f"are {pounds(other_costs_gbp + allowed)}.")
        elif stated_gbp is not None:
            text += (f" All {pounds(stated_gbp)} of the {cap.category} counts, so the "
                     f"eligible costs are {pounds(other_costs_gbp + stated_gbp)}.")
        lines.append(QuoteLine(text, cap.clause))
    return lines


def outputs_quote(offers: Sequence[Offer], grant_gbp: float | None,
                  band: str | None = None) -> list[QuoteLine]:
    """What an award of `grant_gbp` (or, without it, the award worked out, for the size `band`
    the question gives when the figures leave it open) commits the business to deliver, by the
    policy's output ratios."""
    lines = []
    for offer in offers:
        calc = offer.assessment.award
        amount = grant_gbp if grant_gbp is not None else calc.grant_gbp if calc else None
        if amount is None and calc is not None and calc.eligible_costs_gbp is not None and \
                band in offer.award.intervention_rate:
            amount, _ = _amount(offer.award, offer.award.intervention_rate[band],
                                calc.eligible_costs_gbp)
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


def quotes_needed_quote(offers: Sequence[Offer], prices_gbp: Sequence[float]) -> list[QuoteLine]:
    """How many written quotes the items priced need altogether, by the first offer whose
    rules say how many each item needs."""
    for offer in offers:
        rule = offer.award.quotes
        if rule is None or not prices_gbp:
            continue
        over = [p for p in prices_gbp if p > rule.above_gbp]
        under = [p for p in prices_gbp if p <= rule.above_gbp]
        total = len(over) * rule.above + len(under) * rule.otherwise
        parts = []
        if over:
            parts.append(f"{rule.above} {plural('quotation', rule.above)} for each item over "
                         f"{pounds(rule.above_gbp)} "
                         f"({joined([pounds(p) for p in over])}: {len(over)} x {rule.above} = "
                         f"{len(over) * rule.above})")
        if under:
            parts.append(f"{rule.otherwise} {plural('quotation', rule.otherwise)} for each item "
                         f"of {pounds(rule.above_gbp)} or less "
                         f"({joined([pounds(p) for p in under])}: {len(under)} x "
                         f"{rule.otherwise} = {len(under) * rule.otherwise})")
        text = (f"{number(total)} written {plural('quotation', total)} altogether for "
                f"{offer.name}: {' and '.join(parts)}.")
        return [QuoteLine(text, rule.clause)]
    return []


def rise_quote(name: str, output: RiseOutput, parts: Sequence[tuple[str, float]],
               employees: float) -> list[QuoteLine]:
    """The figure per employee now and the one the output asks for, worked from the parts of
    it the business gives: "GVA per employee is £45,000 now ...; a 10% rise is £49,500"."""
    total = sum(value for _, value in parts)
    now = total / employees
    target = now * (1 + output.rise)
    added = " + ".join(pounds(value) for _, value in parts)
    told = joined([part for part, _ in parts])
    within = f" {output.within}" if output.within else ""
    return [QuoteLine(
        f"To meet {name}'s {output.name} output you would need to reach {pounds(target)}{within}: "
        f"a {number(round(output.rise * 100, 2))}% rise on {pounds(now)} now "
        f"(({added}) / {number(employees)} employees, adding {told}; {pounds(now)} x "
        f"{number(round(1 + output.rise, 4))} = {pounds(target)}).", output.clause)]


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
                   minimum_gbp: float | None = None,
                   requested_gbp: float | None = None) -> list[QuoteLine]:
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
    elif requested_gbp is not None and requested_gbp > headroom:
        # "could we still get £30k?" with £25k left: not that much, a smaller award may fit
        text = (f"with {pounds(prior_gbp)} already received, {pounds(headroom)} of headroom is "
                f"left ({working}), less than the {pounds(requested_gbp)} asked about, so an "
                f"award of up to {pounds(headroom)} could still fit. {rule}")
        opening = (f"Yes, for {pounds(requested_gbp)}" if ask == "stops" else
                   f"Not for {pounds(requested_gbp)}")
        return [QuoteLine(f"{opening}: {text}", rates.mfa_clause)]
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
    rates = _rates(award, calc, stated_band, offer.assessment.possible_bands)
    if not rates:
        return []
    if len(rates) == 1:
        (rate, bands), = rates.items()
        who = "" if len(bands) != 1 or not bands[0] or \
            len(set(award.intervention_rate.values())) == 1 \
            else f" for {_BAND_WORDS.get(bands[0], bands[0])}"
        if described and stated_band and calc.band is None and bands == [stated_band]:
            who += " (as you describe it)"
        amount, note = _amount(award, rate, eligible)
        if amount is None:
            text = f"{capitalised(offer.name)}{who} would be too small for {costs}: {note}."
            if award.min_award_gbp and rate and award.min_award_gbp / rate > eligible:
                # what the project would need to be for the minimum award
                needed = award.min_award_gbp / rate
                text += (f" The eligible costs would need to be at least "
                         f"{pounds(needed)} for the minimum grant of "
                         f"{pounds(award.min_award_gbp)} ({percent(rate)} of "
                         f"{pounds(needed)}), {pounds(needed - eligible)} more than the "
                         f"{pounds(eligible)}.")
            return [QuoteLine(text, limits)]
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
        if amount is not None:
            parts.append(f"{who} would get {pounds(amount)} ({percent(rate)})")
        elif award.min_award_gbp and rate and award.min_award_gbp / rate > eligible:
            # below the minimum: what it would take to reach it
            needed = award.min_award_gbp / rate
            parts.append(f"{who} would be below the minimum ({percent(rate)} of "
                         f"{pounds(eligible)} is {pounds(rate * eligible)}; {pounds(needed)} of "
                         f"eligible costs, {pounds(needed - eligible)} more, would reach it)")
        else:
            parts.append(f"{who} would be below the minimum ({percent(rate)})")
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


def _rates(award: Award, calc: AwardCalculation, stated_band: str | None,
           possible: Sequence[str] = ()) -> dict[float, list[str]]:
    """The rates that may apply, each with its bands: the band's own when it is settled (or
    stated and possible), else those of every band the figures known still allow (22 staff
    rule out micro)."""
    if calc.rate is not None:
        return {calc.rate: [calc.band or stated_band or ""]}
    if stated_band in award.intervention_rate:
        return {award.intervention_rate[stated_band]: [stated_band]}
    bands = [b for b in award.intervention_rate if b in possible or not possible]
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
