"""What the facts say about one criterion's fact: the shared `Observation`, and the
observations of staff, money, trading time, insolvency, public ownership, size and the
subsidy limit."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.business import Facts, Money
from assistant.eligibility.results import AwardCalculation, SizeFinding
from assistant.eligibility.wording import (
    AWARD_NOUN,
    capitalised,
    joined,
    money_text,
    number,
    pounds,
)
from knowledge.policy import Criterion, FactName, Programme, Rates

# --------------------------------------------------------------------------- observations


@dataclass(frozen=True)
class Observation:
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




def observe_public_share(facts: Facts) -> Observation:
    holders = [h for h in facts.holdings
               if h.holder_kind == "public_body" and h.direction == "owns_us"]
    if any(h.share_percent is None for h in holders):
        return Observation(missing=("holdings",))  # "the county council has a holding": how much?
    share = sum(h.share_percent or 0.0 for h in holders)
    if not holders:
        sentence = "No public body shareholder has been mentioned, so I've taken this as 0%."
    else:
        named = joined([f"{h.holder} ({number(h.share_percent or 0.0)}%)" for h in holders])
        sentence = f"Public bodies hold {number(share)}% of the business: {named}."
    return Observation(value=share, shown=number(share), sentence=sentence,
                        evidence=sentence)


def _money_fact(money: Money | None, eur_to_gbp: float, missing: str,
                words: str) -> Observation:
    if money is None:
        return Observation(missing=(missing,))
    gbp = round(money.in_gbp(eur_to_gbp), 2)
    shown = (f"{money_text(money.amount, '€')} ({money_text(gbp)})" if money.currency == "EUR"
             else money_text(gbp))
    return Observation(value=gbp, shown=shown, sentence=f"{words} {shown}.")


def observe_raw(fact: FactName, facts: Facts, eur_to_gbp: float) -> Observation:
    if fact == "employees":
        if facts.employees is None:
            return Observation(missing=("employees",))
        return Observation(value=facts.employees, shown=number(facts.employees),
                            sentence=f"The business has {number(facts.employees)} staff in "
                                     "annual work units.")
    if fact == "turnover_gbp":
        return _money_fact(facts.turnover, eur_to_gbp, "turnover",
                           "The business's turnover is")
    if fact == "balance_sheet_gbp":
        return _money_fact(facts.balance_sheet, eur_to_gbp, "balance_sheet",
                           "The business's balance sheet total is")
    if fact == "months_trading":
        if facts.months_trading is None:
            return Observation(missing=("months_trading",))
        months = f"{number(facts.months_trading)} month" + (
            "" if facts.months_trading == 1 else "s")
        return Observation(value=facts.months_trading, shown=number(facts.months_trading),
                            sentence=f"The business has been trading for {months}.")
    # insolvent
    if facts.insolvent is None:
        return Observation(missing=("insolvent",))
    return Observation(
        value=facts.insolvent, shown="yes" if facts.insolvent else "no",
        sentence=("The business is in administration, liquidation, receivership or other "
                  "insolvency proceedings." if facts.insolvent else
                  "The business is not in administration, liquidation, receivership or any "
                  "other insolvency proceedings."))


def observe_size(size: SizeFinding) -> Observation:
    if size.band is not None and len(size.possible_bands) == 1:
        return Observation(value=size.band, shown=size.band, sentence=size.summary,
                            evidence=size.summary)
    return Observation(value=None, candidates=tuple(size.possible_bands),
                        shown=size.band or "not settled", sentence=size.summary,
                        evidence=size.summary, unknown_reason=size.summary,
                        missing=tuple(size.missing_facts), question=size.question)


def observe_mfa(criterion: Criterion, facts: Facts, programme: Programme,
                award: AwardCalculation | None, requested_gbp: float | None,
                rates: Rates) -> Observation:
    eur_to_gbp = rates.eur_to_gbp
    limit = float(criterion.value)  # type: ignore[arg-type]  # a number: the model checks
    noun = AWARD_NOUN[programme.award.kind] if programme.award else "support"
    amounts: tuple[float, ...]
    if award is not None and award.grant_gbp is not None:
        amounts, this = (award.grant_gbp,), f"this {noun} of {pounds(award.grant_gbp)}"
    elif requested_gbp is not None:
        amounts, this = (requested_gbp,), f"the {pounds(requested_gbp)} asked for"
    elif programme.award is not None:
        low, high = programme.award.min_award_gbp, programme.award.max_award_gbp
        amounts = (low, high)
        this = f"this {noun} ({pounds(low)} to {pounds(high)})"
    else:
        amounts, this = (0.0,), "this support"
    rule = (f"{capitalised(rates.subsidy_name)} received in {rates.subsidy_window} plus {this} "
            f"must not exceed {pounds(limit)}")
    if facts.prior_public_support is None:
        room = (f", so earlier support of up to {pounds(max(limit - amounts[0], 0))} leaves "
                "room" if len(amounts) == 1 else "")
        return Observation(detail=f"The rule: {rule}{room}.",
                            missing=("prior_public_support",))
    prior = round(facts.prior_public_support.in_gbp(eur_to_gbp), 2)
    headroom = limit - prior
    minimum = programme.award.min_award_gbp if programme.award else 0.0
    if criterion.reduce_to_fit and headroom > 0:
        # "we may offer a smaller grant that fits": reduced to the headroom, not refused, as
        # long as it is still the smallest award or more
        if len(amounts) == 1 and amounts[0] > headroom >= minimum:
            amounts, this = (headroom,), (f"the {noun} reduced from {pounds(amounts[0])} to "
                                          f"{pounds(headroom)} to fit")
        elif len(amounts) == 2:
            low, high = amounts
            amounts, this = ((min(high, headroom),), f"a {noun} of at most "
                             f"{pounds(min(high, headroom))}") if headroom >= low else \
                ((low,), f"the smallest {noun} ({pounds(low)})")
    totals = tuple(round(prior + amount, 2) for amount in amounts)
    detail = (f"The headroom is {pounds(limit)} - {pounds(prior)} = {pounds(headroom)}."
              if headroom > 0 else
              f"Earlier support of {pounds(prior)} leaves no headroom under {pounds(limit)}.")
    together = (pounds(totals[0]) if len(totals) == 1
                else f"{pounds(totals[0])} to {pounds(totals[-1])}")
    sentence = f"Earlier support of {pounds(prior)} plus {this} comes to {together}."
    return Observation(
        value=totals[0] if len(totals) == 1 else None, candidates=totals, shown=together,
        sentence=sentence, evidence=sentence,
        unknown_reason=(f"Earlier support of {pounds(prior)} plus {this} comes to {together}, "
                        f"so it depends on the size of the {noun}."),
        detail=detail, missing=("project_cost",) if len(totals) > 1 else ())
