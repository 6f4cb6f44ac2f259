"""What the engine understood about the business, as short phrases the user can check.

`understood(facts, sources, earlier)` lists each known fact with a phrase ("45 staff", "£6m
turnover", "trading 8 years") and the words it was read from, so that a misreading is visible
and can be corrected; `understood_line` puts the main ones in one sentence that starts an
eligibility reply: "I understood: 45 staff, £6m turnover, Dudley (DY1 1AA), trading 8 years."
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.business import DeclaredValue, Facts, Holding, Money
from assistant.facts.common import lowered_article
from assistant.reply import Understood
from knowledge.policy.rules import DeclaredFact

# The facts shown in the one-line summary, in this order.
_LINE_ORDER = ("stated_band", "employees", "turnover", "balance_sheet", "place", "months_trading",
               "insolvent", "holdings", "prior_public_support")


_BUILT_IN = frozenset(Facts.model_fields) | {"place"}


def money_phrase(money: Money) -> str:
    symbol = "€" if money.currency == "EUR" else "£"
    amount = money.amount
    if amount >= 1_000_000:
        return f"{symbol}{amount / 1_000_000:.2f}".rstrip("0").rstrip(".") + "m"
    if amount >= 10_000:
        return f"{symbol}{amount / 1000:.1f}".rstrip("0").rstrip(".") + "k"
    return f"{symbol}{amount:,.0f}"


def _number(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def _duration(months: float) -> str:
    if months < 12:
        whole = round(months)
        return f"{whole} month{'s' if whole != 1 else ''}"
    years = months / 12
    whole = int(years) if years - int(years) < 0.75 else int(years) + 1
    return f"{whole} year{'s' if whole != 1 else ''}"


# the owner speaking of themselves, said back to them: "which I own 100%" is "held by you"
_SPEAKER = {"i": "you", "me": "you", "myself": "you", "we": "you", "us": "you",
            "ourselves": "you"}


def _holding(holding: Holding) -> str:
    holder = _SPEAKER.get(holding.holder.lower(), lowered_article(holding.holder))
    # "my wife", "our MD": the owner's own people, said back to them
    holder = re.sub(r"^(?:my|our)\b", "your", holder, flags=re.IGNORECASE)
    holding = holding.model_copy(update={"holder": holder})
    if holding.share_percent is None:
        return f"a stake held by {holding.holder} (its size not given)"
    size = []
    if holding.employees is not None:
        size.append(f"{'about ' if holding.employees_approx else ''}"
                    f"{_number(holding.employees)} staff")
    if holding.turnover is not None:
        size.append(f"{money_phrase(holding.turnover)} turnover")
    extra = f" ({', '.join(size)})" if size else ""
    if holding.direction == "we_own":
        if holding.same_owner:
            return f"{holding.holder}, under the same owner{extra}"
        return f"you own {_number(holding.share_percent)}% of {holding.holder}{extra}"
    return f"{_number(holding.share_percent)}% held by {holding.holder}{extra}"


def _phrases(facts: Facts) -> dict[str, str]:
    phrases: dict[str, str] = {}
    if facts.stated_band is not None:
        phrases["stated_band"] = f"a {facts.stated_band} business, as you describe it"
    if facts.employees is not None:
        if facts.staff_uncounted and "employees" in facts.ranges:
            phrases["employees"] = (f"{_number(facts.ranges['employees'][0])} staff, plus others "
                                    "not counted")
        elif "employees" in facts.ranges:
            low, high = facts.ranges["employees"]
            phrases["employees"] = f"{_number(low)} to {_number(high)} staff"
        elif facts.part_timers_unknown:
            phrases["employees"] = (f"about {_number(facts.employees)} staff (hours of "
                                    f"{_number(facts.part_timers_unknown)} part-timers not "
                                    "given)")
        else:
            phrases["employees"] = f"{_number(facts.employees)} staff"
    for name, label in (("turnover", "turnover"), ("balance_sheet", "balance sheet total"),
                        ("prior_public_support", "earlier public funding"),
                        ("requested_amount", "asked for"), ("project_cost", "project cost"),
                        ("consultancy_cost", "consultancy cost")):
        money = getattr(facts, name)
        if money is not None and name in facts.ranges:
            low, high = (money.model_copy(update={"amount": end}) for end in facts.ranges[name])
            phrases[name] = f"{money_phrase(low)} to {money_phrase(high)} {label}"
        elif money is not None:
            phrases[name] = f"{money_phrase(money)} {label}"
    if facts.project_cost is not None and facts.project_cost_net_of_vat and \
            "project_cost" in phrases:
        phrases["project_cost"] += " before VAT (the VAT you recover is not a cost)"
    if facts.local_authority:
        phrases["local_authority"] = facts.local_authority
    if facts.postcode:
        phrases["postcode"] = facts.postcode
    if facts.months_trading is not None:
        phrases["months_trading"] = f"trading {_duration(facts.months_trading)}"
    if facts.insolvent is not None:
        phrases["insolvent"] = ("in insolvency proceedings" if facts.insolvent
                                else "not insolvent")
    if facts.holdings:
        phrases["holdings"] = "; ".join(_holding(h) for h in facts.holdings)
    if facts.sector_text:
        phrases["sector_text"] = facts.sector_text
    if facts.sic_codes:
        phrases["sic_codes"] = "SIC " + ", ".join(facts.sic_codes)
    return phrases


def _declared_phrase(value: DeclaredValue, fact: DeclaredFact | None) -> str:
    """ "40 tonnes of CO2e a year", "a carbon baseline: yes", "£12k training cost"."""
    label = (fact.label if fact and fact.label else "").strip()
    if isinstance(value, bool):
        return f"{label}: {'yes' if value else 'no'}" if label else ("yes" if value else "no")
    if isinstance(value, list):
        shown = ", ".join(f"{v.get('item')} {money_phrase(Money(amount=float(v.get('amount', 0))))}"
                          if isinstance(v, dict) else str(v) for v in value)
    elif isinstance(value, int | float):
        kind = fact.type if fact else "number"
        shown = (money_phrase(Money(amount=value)) if kind == "money" else
                 f"{_number(value)}%" if kind == "percentage" else
                 _duration(value) if kind == "duration" else
                 f"{_number(value)} {fact.unit}".strip() if fact else _number(value))
        if kind == "number" and fact and fact.unit:
            return shown
    else:
        shown = str(value)
    return f"{label}: {shown}" if label else shown


def understood(facts: Facts, sources: dict[str, str],
               earlier: list[Understood] | None = None,
               declared: Mapping[str, DeclaredFact] | None = None) -> list[Understood]:
    """Each known fact with its phrase and the words it came from: this message's words for
    what it stated, else the words an earlier turn recorded. Facts the policy declares are
    phrased with their labels."""
    before = {item.fact: item.text for item in earlier or []}
    phrases = _phrases(facts)
    phrases |= {name: _declared_phrase(value, (declared or {}).get(name))
                for name, value in facts.declared.items()}
    return [Understood(fact=fact, value=value, text=sources.get(fact, before.get(fact, "")))
            for fact, value in phrases.items()]


def understood_line(items: list[Understood]) -> str:
    """ "I understood: 45 staff, £6m turnover, Dudley (DY1 1AA), trading 8 years." or ""."""
    by_fact = {item.fact: item.value for item in items}
    place = by_fact.get("local_authority")
    if by_fact.get("postcode"):
        place = f"{place} ({by_fact['postcode']})" if place else by_fact["postcode"]
    parts = []
    for fact in _LINE_ORDER:
        value = place if fact == "place" else by_fact.get(fact)
        if value:
            parts.append(value)
    parts += [item.value for item in items if item.fact not in _BUILT_IN]
    if not parts:
        return ""
    return f"I understood: {', '.join(parts)}. Tell me if any of that is wrong."
