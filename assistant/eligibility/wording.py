"""The engine's fixed sentences and how figures, dates and lists are written in them.

Programme-specific wording comes from the policy (met_text, not_met_text, unknown_text,
question) instead."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from knowledge.policy.schema import Award
from knowledge.words import plain_words

# --------------------------------------------------------------------------- wording
# The engine's fixed sentences. Programme-specific wording comes from the policy's
# met_text / not_met_text / unknown_text / question fields instead.

# A fact given as a range, named in the sentence that says the range decides a criterion.
RANGE_WORDS: dict[str, str] = {
    "employees": "the number of staff",
    "turnover": "turnover",
    "balance_sheet": "the balance sheet total",
    "requested_amount": "the amount asked for",
    "project_cost": "the project's cost",
    "consultancy_cost": "the consultancy cost",
    "prior_public_support": "earlier public funding",
}

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

UNKNOWN_TEXTS: dict[str, str] = {
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

OP_WORDS = {
    "lt": "less than {}", "lte": "no more than {}", "gt": "more than {}", "gte": "at least {}",
    "eq": "{}", "ne": "not {}", "in": "{}", "not_in": "not {}",
}
AWARD_NOUN = {"grant": "grant", "voucher": "voucher", "in_kind": "award"}


def award_short_name(award: Award) -> str:
    """The award's name less its noun, in plain words ("design sprint" for a Design-Sprint
    voucher), when that is two words or more; "" otherwise."""
    name = plain_words(award.name or "").split()
    if name and name[-1] in {AWARD_NOUN[award.kind], AWARD_NOUN[award.kind] + "s"}:
        name = name[:-1]
    return " ".join(name) if len(name) >= 2 else ""

# --------------------------------------------------------------------------- formatting


def number(value: float) -> str:
    """45 -> "45", 8.25 -> "8.25", 1000 -> "1,000"."""
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def pounds(amount: float, symbol: str = "£") -> str:
    """An amount to the penny, pence shown only when there are any: £45,000, £22,222.22."""
    pennies = round(amount * 100)
    if pennies % 100 == 0:
        return f"{symbol}{pennies // 100:,}"
    return f"{symbol}{pennies / 100:,.2f}"


def money_text(amount: float, symbol: str = "£") -> str:
    """A large figure as people say it when that is exact (£2.1m), otherwise in full."""
    if abs(amount) >= 1_000_000:
        millions = amount / 1_000_000
        if abs(millions * 100 - round(millions * 100)) < 1e-6:
            return f"{symbol}{millions:,.2f}".rstrip("0").rstrip(".") + "m"
        return f"{symbol}{round(amount):,}"
    return pounds(round(amount), symbol)


def percent(share: float) -> str:
    return number(share * 100) + "%"


def joined(items: Sequence[str], word: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def with_a(word: str) -> str:
    return f"an {word}" if word[:1].lower() in "aeiou" else f"a {word}"


def _day(value: date | datetime) -> str:
    text = f"{value.day} {value:%B %Y}"
    if isinstance(value, datetime) and value.time() != time.min:
        return f"{value:%H:%M} on {text}"
    return text


def on_day(value: date | datetime) -> str:
    """"on 27 March 2026", or "at 12:00 on 29 January 2027"."""
    timed = isinstance(value, datetime) and value.time() != time.min
    return ("at " if timed else "on ") + _day(value)


def plural(unit: str, count: int) -> str:
    return unit if count == 1 else unit + ("es" if unit.endswith(("s", "sh", "ch", "x")) else "s")
