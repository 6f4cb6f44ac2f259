"""Criteria written as rules (policy format 2): expressions over facts, combined with all_of,
any_of and not, evaluated in three values (met, not met, unknown).

An expression is evaluated by simpleeval, never `eval`. Its names are facts:
- built in, read by the engine: `employees` (AWU), `turnover_gbp`, `balance_sheet_gbp`,
  `months_trading`, `insolvent`, `sme_band`, `public_body_share`, `project_cost_gbp`,
  `consultancy_cost_gbp`, `requested_gbp`, `prior_support_gbp`, `award_gbp`;
- declared in `policy/facts.yaml` and read from messages by the extractor library;
- derived there, as expressions over the others.
An expression with an unknown name is unknown, and the names it lacks are what to ask.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from simpleeval import EvalWithCompoundTypes, InvalidExpression

from assistant.business import Facts, Money
from assistant.eligibility.observation import Observation
from assistant.eligibility.results import AwardCalculation, CriterionResult, SizeFinding
from assistant.eligibility.wording import QUESTIONS, joined, number
from assistant.facts.trading import months_since
from knowledge.policy import Criterion, Policy
from knowledge.policy.rules import Rule, expression_names

# Built-in names and the Facts field whose question settles each.
BUILT_IN_FACTS: dict[str, str] = {  # keys: knowledge.policy.rules.BUILT_IN_NAMES
    "employees": "employees", "turnover_gbp": "turnover", "balance_sheet_gbp": "balance_sheet",
    "months_trading": "months_trading", "insolvent": "insolvent", "sme_band": "employees",
    "public_body_share": "holdings", "project_cost_gbp": "project_cost",
    "consultancy_cost_gbp": "consultancy_cost", "requested_gbp": "requested_amount",
    "prior_support_gbp": "prior_public_support", "award_gbp": "project_cost",
}


@dataclass
class RuleFacts:
    """The value of every name a rule can read, for one business on one day."""

    policy: Policy
    facts: Facts
    size: SizeFinding
    award: AwardCalculation | None
    requested_gbp: float | None
    today: date
    _derived: dict[str, Any] = field(default_factory=dict)
    _deriving: set[str] = field(default_factory=set)

    def value(self, name: str) -> Any:
        """The fact's value, or None when it is not known."""
        if name in self.policy.facts.derived:
            return self._derive(name)
        if name in self.policy.facts.facts:
            return self.facts.declared.get(name)
        return self._built_in(name)

    def _gbp(self, money: Money | None) -> float | None:
        return None if money is None else round(money.in_gbp(self.policy.rates.eur_to_gbp), 2)

    def _built_in(self, name: str) -> Any:
        facts = self.facts
        match name:
            case "employees" | "months_trading" | "insolvent":
                return getattr(facts, name)
            case "turnover_gbp":
                return self._gbp(facts.turnover)
            case "balance_sheet_gbp":
                return self._gbp(facts.balance_sheet)
            case "sme_band":
                settled = self.size.band is not None and len(self.size.possible_bands) == 1
                return self.size.band if settled else None
            case "public_body_share":
                shares = [h.share_percent for h in facts.holdings
                          if h.holder_kind == "public_body" and h.direction == "owns_us"]
                if any(s is None for s in shares):
                    return None  # a public body's stake of a size not said
                return sum(s for s in shares if s is not None)
            case "project_cost_gbp":
                return self._gbp(facts.project_cost)
            case "consultancy_cost_gbp":
                return self._gbp(facts.consultancy_cost)
            case "requested_gbp":
                return self.requested_gbp
            case "prior_support_gbp":
                return self._gbp(facts.prior_public_support)
            case "award_gbp":
                return self.award.grant_gbp if self.award else None
        return None

    def _derive(self, name: str) -> Any:
        if name in self._derived:
            return self._derived[name]
        if name in self._deriving:
            return None  # a cycle: the policy checks reject it, so this is never reached
        self._deriving.add(name)
        expression = self.policy.facts.derived[name]
        value = None
        if all(self.value(n) is not None for n in expression_names(expression)):
            value = self.evaluate(expression)
        self._deriving.discard(name)
        self._derived[name] = value
        return value

    def evaluate(self, expression: str) -> Any:
        names = {n: self.value(n) for n in expression_names(expression)}
        evaluator = EvalWithCompoundTypes(names=names, functions=self._functions())
        try:
            return evaluator.eval(expression)
        except (InvalidExpression, TypeError, ValueError, ZeroDivisionError):
            return None

    def _functions(self) -> dict[str, Callable[..., Any]]:
        tables = self.policy.facts.tables

        def since(when: str | date) -> float:
            day = date.fromisoformat(when) if isinstance(when, str) else when
            return months_since(day, self.today)

        def lookup(table: str, key: object, default: object = None) -> object:
            return tables.get(table, {}).get(str(key), default)

        def contains(items: object, item: object) -> bool:
            return isinstance(items, list | tuple | set | str) and item in items

        def total(records: list[dict[str, Any]], item: str | None = None) -> float:
            return float(sum(r.get("amount", 0) for r in records
                             if item is None or r.get("item") == item))

        def count(records: list[Any], item: str | None = None) -> int:
            return sum(1 for r in records if item is None or
                       (isinstance(r, dict) and r.get("item") == item) or r == item)

        return {"min": min, "max": max, "abs": abs, "round": round,
                "months_since": since,
                "years_since": lambda when: since(when) / 12,
                "lookup": lookup, "contains": contains, "total": total, "count": count}


def judge(rule: Rule, values: RuleFacts) -> tuple[bool | None, list[str]]:
    """Met (True), not met (False) or unknown (None), with the unknown names that would
    settle it."""
    if rule.expression is not None:
        unknown = sorted(n for n in expression_names(rule.expression)
                         if values.value(n) is None)
        if unknown:
            return None, unknown
        result = values.evaluate(rule.expression)
        return (None, []) if result is None else (bool(result), [])
    if rule.not_ is not None:
        met, missing = judge(rule.not_, values)
        return (None if met is None else not met), missing
    parts = [judge(r, values) for r in (rule.all_of or rule.any_of or [])]
    outcomes = [met for met, _ in parts]
    missing = list(dict.fromkeys(n for met, names in parts if met is None for n in names))
    if rule.all_of is not None:
        if False in outcomes:
            return False, []
        return (True, []) if all(outcomes) else (None, missing)
    if True in outcomes:
        return True, []
    return (False, []) if all(o is False for o in outcomes) else (None, missing)


def _shown(name: str, value: Any, policy: Policy) -> str:
    declared = policy.facts.facts.get(name)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        text = number(value)
        if name.endswith("_gbp") or (declared is not None and declared.type == "money"):
            return f"£{text}"
        if declared is not None and declared.type == "percentage":
            return f"{text}%"
        if declared is not None and declared.type == "duration":
            return f"{text} months"
        return f"{text} {declared.unit}" if declared is not None and declared.unit else text
    if isinstance(value, list):
        return joined([f"{v.get('item')} (£{number(float(v.get('amount', 0)))})"
                       if isinstance(v, dict) else str(v) for v in value]) or "none"
    if declared is not None and declared.type == "date":
        try:
            day = date.fromisoformat(str(value))
        except ValueError:
            return str(value)
        return f"{day.day} {day:%B %Y}"
    return str(value)


# How explanations name the engine's own facts.
_BUILT_IN_LABELS = {
    "employees": "the staff numbers", "turnover_gbp": "the turnover",
    "balance_sheet_gbp": "the balance sheet total", "months_trading": "how long it has traded",
    "insolvent": "whether it is in insolvency proceedings", "sme_band": "the size band",
    "public_body_share": "the share public bodies hold", "project_cost_gbp": "the project cost",
    "consultancy_cost_gbp": "the consultancy cost", "requested_gbp": "the amount asked for",
    "prior_support_gbp": "earlier public support", "award_gbp": "the award",
}


def _label(name: str, policy: Policy) -> str:
    declared = policy.facts.facts.get(name)
    if declared is not None and declared.label:
        return declared.label
    return _BUILT_IN_LABELS.get(name, name.replace("_gbp", "").replace("_", " "))


def judge_criterion(criterion: Criterion, values: RuleFacts
                    ) -> tuple[CriterionResult, Observation]:
    """A rule criterion's result, explained with the facts it read, and its observation (for
    the question to ask)."""
    assert criterion.rule is not None
    policy = values.policy
    met, missing = judge(criterion.rule, values)
    names = sorted(criterion.rule.names())
    known = {n: values.value(n) for n in names}
    shown = {n: _shown(n, v, policy) for n, v in known.items() if v is not None}
    used = "; ".join(f"{_label(n, policy)}: {text}" for n, text in shown.items())
    fill = {n: shown.get(n, "not known") for n in names}
    fill |= {"value": next(iter(shown.values()), "not known"), "limit": ""}
    if met is None:
        lacking = "; ".join(_label(n, policy) for n in missing)
        text = (criterion.unknown_text.format(**fill) if criterion.unknown_text else
                f"Not known yet: {lacking or 'enough to decide'}.")
        if used:
            text += f" Known so far: {used}."
    else:
        template = criterion.met_text if met else criterion.not_met_text
        text = template.format(**fill) if template else (
            f"{criterion.label}: {'met' if met else 'not met'}.")
        if used:
            text += f" ({used}.)"
    question = ""
    fields: list[str] = []
    for name in missing:
        declared = policy.facts.facts.get(name)
        if declared is not None:
            question = question or declared.question
            fields.append(name)
        elif name in BUILT_IN_FACTS:
            fields.append(BUILT_IN_FACTS[name])
            question = question or QUESTIONS.get(BUILT_IN_FACTS[name], "")
        else:  # a derived fact: ask for what it is derived from
            inner = [n for n in expression_names(policy.facts.derived.get(name, ""))
                     if values.value(n) is None]
            for n in inner:
                if n in policy.facts.facts:
                    question = question or policy.facts.facts[n].question
                fields.append(BUILT_IN_FACTS.get(n, n))
    fields = list(dict.fromkeys(fields))
    observation = Observation(missing=tuple(fields), question=criterion.question or question)
    result = CriterionResult(
        id=criterion.id, label=criterion.label, fact=names[0] if names else "rule", met=met,
        explanation=text, clause=criterion.clause,
        confirmed_at_application=criterion.confirmed_at_application,
        missing_facts=fields if met is None else [])
    return result, observation
