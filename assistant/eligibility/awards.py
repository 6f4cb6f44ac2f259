"""The award a business could get, with the working: rate by band, cost caps, minimum and
maximum, outputs per pound and the subsidy headroom."""

from __future__ import annotations

import math

from assistant.business import Facts, Money
from assistant.eligibility.results import (
    AwardCalculation,
    AwardLimit,
    OutputRequirement,
    SizeFinding,
    WorkingLine,
)
from assistant.eligibility.wording import (
    AWARD_NOUN,
    capitalised,
    joined,
    percent,
    plural,
    pounds,
    with_a,
)
from knowledge.policy import Award, ClauseRef, CostCap, Policy

# --------------------------------------------------------------------------- award


class _AwardWorking:
    def __init__(self, award: Award, size: SizeFinding, facts: Facts,
                 requested_gbp: float | None, policy: Policy) -> None:
        self.award, self.size, self.facts = award, size, facts
        self.requested = requested_gbp
        self.rates = policy.rates
        self.noun = AWARD_NOUN[award.kind]
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
            self.line(f"{capitalised(self.noun)}: {percent(rate)} x {pounds(eligible)} = "
                      f"{pounds(calculated)}.", self.award.clause)
        grant, limited_by = self._limits(calculated, rate)
        self._shared_and_places()
        outputs = self._outputs(grant)
        prior, headroom, fits = self._mfa(grant)
        summary = self._summary(rate, eligible, grant, limited_by, headroom, fits)
        return AwardCalculation(
            kind=self.award.kind, band=self.size.band, rate=rate, project_cost_gbp=project,
            eligible_costs_gbp=eligible, calculated_gbp=calculated, requested_gbp=self.requested,
            grant_gbp=grant, limited_by=limited_by, outputs=outputs,
            mfa_limit_gbp=self.rates.mfa_limit_gbp, prior_support_gbp=prior,
            mfa_headroom_gbp=headroom, fits_mfa_headroom=fits, missing_facts=self.missing,
            lines=self.lines, summary=summary)

    def _summary(self, rate: float | None, eligible: float | None, grant: float | None,
                 limited_by: AwardLimit | None, headroom: float | None,
                 fits: bool | None) -> WorkingLine:
        """The award in one sentence: the amount when it can be worked out, else the rate and
        the range."""
        award, noun = self.award, self.noun
        span = (f"{with_a(noun)} of {pounds(award.min_award_gbp)} to "
                f"{pounds(award.max_award_gbp)}")
        who = ""
        band = self.size.band or self.facts.stated_band
        if rate is not None and len(set(award.intervention_rate.values())) > 1 and band:
            # (the rate may be known while the band is not: every band still possible pays it)
            who = f", for {with_a(str(band))} business" + (
                ", as you describe it" if self.size.band is None else "")
        if grant is not None and rate is not None and eligible is not None:
            why = {"maximum": ", the maximum", "requested": ", the amount you asked for"}.get(
                limited_by or "", "")
            text = (f"{capitalised(with_a(noun))} of {pounds(grant)}{why}: {percent(rate)} of "
                    f"{pounds(eligible)} of eligible costs{who}.")
        elif limited_by == "minimum" and rate is not None and eligible is not None:
            text = (f"No {noun} as the project stands: {percent(rate)} of {pounds(eligible)} is "
                    f"below the minimum {noun} of {pounds(award.min_award_gbp)}.")
        elif rate is not None:
            text = f"{percent(rate)} of eligible costs{who}; {span}."
        else:
            by_rate: dict[float, list[str]] = {}
            possible = set(self.size.possible_bands)
            for band, value in award.intervention_rate.items():
                if band in possible or not possible:
                    by_rate.setdefault(value, []).append(band)
            parts = [f"{percent(value)} for {with_a(joined(bands, 'or'))} business"
                     for value, bands in by_rate.items()]
            text = (f"{capitalised(joined(parts, 'or'))}, of eligible costs, once the size band "
                    f"is settled; {span}.")
        if fits is False and headroom is not None:
            text += (f" Earlier support leaves {pounds(max(headroom, 0))} of "
                     f"{self.rates.subsidy_name} headroom, so the {noun} would have to fit "
                     "within it.")
        return WorkingLine(text=text, clause=award.clause)

    def _rate(self) -> float | None:
        band, rates = self.size.band, self.award.intervention_rate
        stated = self.facts.stated_band
        if band is None and stated in rates and stated in self.size.possible_bands:
            self.line(f"Rate for {with_a(stated)} business, as you describe it (the staff and "
                      f"turnover figures confirm the band): {percent(rates[stated])} of "
                      "eligible costs.", self.award.clause)
            return rates[stated]
        if band is None:
            possible = self.size.possible_bands
            same = {value for b, value in rates.items() if b in possible or not possible}
            if len(same) == 1:
                # one rate for every size the business may be: no need to settle the band
                rate = same.pop()
                self.line(f"Rate: {percent(rate)} of eligible costs, whatever the size band.",
                          self.award.clause)
                return rate
            self.line("The rate depends on the size band, which is not settled yet.",
                      self.award.clause)
            return None
        if band not in rates:
            self.line(f"There is no rate for {with_a(band)} business, so no {self.noun} can be "
                      "worked out.", self.award.clause)
            return None
        text = f"Rate for {with_a(band)} business: {percent(rates[band])} of eligible costs."
        others = [b for b in self.size.possible_bands if b != band and b in rates]
        if others:
            text += " " + capitalised(joined(
                [f"{with_a(b)} business would get {percent(rates[b])}" for b in others],
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
        text = f"Project cost: {pounds(project)}"
        self.line(text + (f", of which consultancy {pounds(consultancy)}." if consultancy
                          is not None else "."))
        eligible = project
        for cap in self.award.cost_caps:
            amount = self._category_cost(cap, consultancy)
            result = self._apply_cap(cap, project, amount)
            if result is None:
                return project, None
            eligible = min(eligible, result)
        for excluded in self.award.excluded_costs:
            unless = f", unless {excluded.unless}" if excluded.unless else ""
            self.line(f"Not eligible costs: {excluded.item}{unless}.", excluded.clause)
        self.line(f"Eligible costs: {pounds(eligible)}.")
        return project, eligible

    def _category_cost(self, cap: CostCap, consultancy: float | None) -> float | None:
        """What the business spends on a capped category: consultancy is read by the engine,
        any other from the declared money fact the cap names."""
        if cap.fact:
            value = self.facts.declared.get(cap.fact)
            return float(value) if isinstance(value, int | float) and \
                not isinstance(value, bool) else None
        return consultancy if cap.category.casefold() == "consultancy" else None

    def _apply_cap(self, cap: CostCap, project: float, amount: float | None) -> float | None:
        category, share, clause = cap.category, cap.max_share, cap.clause
        limits = ([f"{percent(share)} of eligible costs"] if share is not None else []) + (
            [pounds(cap.max_gbp)] if cap.max_gbp is not None else [])
        rule = f"{capitalised(category)} may be at most {joined(limits, 'and at most')}"
        if amount is None:
            self.line(f"{rule}; no {category} cost was given, so this cap does not reduce "
                      "them.", clause)
            return project
        if amount > project:
            self.line(f"The {category} cost ({pounds(amount)}) is more than the whole project "
                      f"cost ({pounds(project)}), so the eligible costs can't be worked out: "
                      "please check the two figures.", clause)
            return None
        other = project - amount
        # A share cap is a share of the eligible costs themselves: allowed = share x (other +
        # allowed), so allowed = other x share / (1 - share).
        allowed = amount
        if share is not None and share < 1:
            allowed = round(other * share / (1 - share), 2)
        by_share = allowed
        if cap.max_gbp is not None:
            allowed = min(allowed, cap.max_gbp)
        if amount <= allowed:
            self.line(f"{rule}: {pounds(amount)} is within the cap, so all of it counts.",
                      clause)
            return project
        eligible = round(other + allowed, 2)
        why = (f"({percent(share)} of {pounds(eligible)})" if share is not None and
               allowed == by_share else f"(the {pounds(allowed)} cap)")
        self.line(f"{rule}: with {pounds(other)} of other costs, at most {pounds(allowed)} of "
                  f"the {pounds(amount)} counts {why}; the other {pounds(amount - allowed)} is "
                  "not eligible.", clause)
        return eligible

    def _limits(self, calculated: float | None,
                rate: float | None) -> tuple[float | None, AwardLimit | None]:
        award, noun = self.award, self.noun
        clause = award.limits_clause or award.clause
        amount: float | None = calculated
        limited_by: AwardLimit | None = None
        if amount is not None and amount > award.max_award_gbp:
            amount, limited_by = award.max_award_gbp, "maximum"
            self.line(f"That is above the maximum {noun} of {pounds(award.max_award_gbp)}, so "
                      f"the {noun} is {pounds(amount)}.", clause)
        if self.requested is not None:
            amount, limited_by = self._requested(amount, limited_by, rate)
        if amount is None:
            if self.requested is None and calculated is None:
                self.line(f"The {noun} is between {pounds(award.min_award_gbp)} and "
                          f"{pounds(award.max_award_gbp)}; it can be worked out once the "
                          "figures above are known.", clause)
            return None, limited_by
        if amount < award.min_award_gbp:
            needed = (f": at {percent(rate)}, eligible costs of at least "
                      f"{pounds(award.min_award_gbp / rate)} would be needed"
                      if rate else "")
            self.line(f"{pounds(amount)} is below the minimum {noun} of "
                      f"{pounds(award.min_award_gbp)}, so the project is too small for "
                      f"{with_a(noun)} as it stands{needed}.", clause)
            return None, "minimum"
        if limited_by is None:
            self.line(f"That is within the {pounds(award.min_award_gbp)} minimum and "
                      f"{pounds(award.max_award_gbp)} maximum {noun}.", clause)
        return amount, limited_by

    def _shared_and_places(self) -> None:
        award, noun = self.award, self.noun
        if award.shared_with_linked:
            self.line(f"The maximum of {pounds(award.max_award_gbp)} counts every {noun} the "
                      "business and its linked enterprises receive, together.",
                      award.limits_clause or award.clause)
        if award.places_per_year:
            self.line(f"There are {award.places_per_year} {plural(noun, award.places_per_year)} "
                      "a year, so an eligible business may still not get one.",
                      award.places_clause or award.clause)

    def _requested(self, amount: float | None, limited_by: AwardLimit | None,
                   rate: float | None) -> tuple[float | None, AwardLimit | None]:
        award, noun, requested = self.award, self.noun, self.requested
        clause = award.limits_clause or award.clause
        assert requested is not None
        if amount is None:
            capped = min(requested, award.max_award_gbp)
            text = f"You asked for {pounds(requested)}."
            if requested > award.max_award_gbp:
                text += (f" That is above the maximum {noun} of {pounds(award.max_award_gbp)}, "
                         f"so the most is {pounds(capped)}.")
                limited_by = "maximum"
            if rate:
                text += (f" At {percent(rate)}, that needs eligible costs of at least "
                         f"{pounds(capped / rate)}.")
            self.line(text, clause)
            return capped, limited_by
        if requested < amount:
            self.line(f"You asked for {pounds(requested)}, less than that, so the {noun} is "
                      f"{pounds(requested)}.")
            return requested, "requested"
        return amount, limited_by

    def _outputs(self, grant: float | None) -> list[OutputRequirement]:
        outputs = []
        for ratio in self.award.output_ratios:
            if grant is None:
                self.line(f"{capitalised(ratio.name)}: one {ratio.unit} for every "
                          f"{pounds(ratio.gbp_per_unit)} of {self.noun}.", ratio.clause)
                continue
            units = math.ceil(round(grant / ratio.gbp_per_unit, 9))
            outputs.append(OutputRequirement(name=ratio.name, units=units, unit=ratio.unit,
                                             gbp_per_unit=ratio.gbp_per_unit))
            self.line(f"{capitalised(ratio.name)}: at least {units} "
                      f"{plural(ratio.unit, units)} (one for every "
                      f"{pounds(ratio.gbp_per_unit)} of {self.noun}, rounded up).", ratio.clause)
        return outputs

    def _mfa(self, grant: float | None) -> tuple[float | None, float | None, bool | None]:
        limit, clause = self.rates.mfa_limit_gbp, self.rates.mfa_clause
        prior = self._gbp(self.facts.prior_public_support)
        if prior is None:
            self.line(f"{capitalised(self.rates.subsidy_name)}: earlier support in "
                      f"{self.rates.subsidy_window} plus this {self.noun} must not exceed "
                      f"{pounds(limit)}; earlier support is confirmed at application.", clause)
            return None, None, None
        headroom = round(limit - prior, 2)
        text = (f"{capitalised(self.rates.subsidy_name)} headroom: {pounds(limit)} - "
                f"{pounds(prior)} "
                f"earlier support = {pounds(max(headroom, 0))}")
        if grant is None:
            self.line(text + ".", clause)
            return prior, headroom, None
        fits = grant <= headroom
        text += (f"; the {self.noun} of {pounds(grant)} fits." if fits else
                 f"; the {self.noun} of {pounds(grant)} does not fit, so it would have to be "
                 "reduced to fit, or could not be given.")
        self.line(text, clause)
        return prior, headroom, fits


def calculate_award(award: Award, size: SizeFinding, facts: Facts, policy: Policy,
                    requested_gbp: float | None = None) -> AwardCalculation:
    """The award a business could get, with the working, from the policy's award rules."""
    return _AwardWorking(award, size, facts, requested_gbp, policy).run()
