"""Policy format 2: facts a programme declares, rules written as expressions over facts, and
the SME test as data.

- `DeclaredFact`: a fact the engine does not know by itself ("tonnes of CO2e saved a year"),
  with its type, the question that asks for it, the words people use for it and the reader
  (from the engine's library) that takes it from a message.
- `Rule`: an expression over facts ("co2e_saving_tonnes >= 10"), or `all_of`, `any_of` and
  `not` of rules. Expressions are evaluated by simpleeval (a safe evaluator, not `eval`):
  comparisons, arithmetic, `and`/`or`/`not`, `in`, and the functions in `RULE_FUNCTIONS`.
- `SmeTest`: the size bands and their ceilings, the currency the ceilings are in, the
  holdings that make a partner or linked enterprise and the holders exempt from them. The
  defaults are the EU definition (Commission Recommendation 2003/361/EC).
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from knowledge.policy.base import Band, Strict

FactType = Literal["number", "money", "percentage", "duration", "date", "yes_no", "choice",
                   "text", "list", "records"]
# The readers the engine provides; a declared fact names one, or takes its type's default.
EXTRACTORS: dict[str, tuple[FactType, ...]] = {
    "number": ("number",),
    "money": ("money",),
    "percentage": ("percentage",),
    "duration": ("duration",),
    "date": ("date",),
    "yes_no": ("yes_no",),
    "choice": ("choice", "list"),
    "text": ("text",),
    "items": ("list",),
    "records": ("records",),
}
DEFAULT_EXTRACTOR: dict[str, str] = {
    "number": "number", "money": "money", "percentage": "percentage", "duration": "duration",
    "date": "date", "yes_no": "yes_no", "choice": "choice", "text": "text", "list": "items",
    "records": "records",
}
# Functions an expression may call, besides the operators. `months_since(a_date)` counts
# from the day of the assessment; `lookup(table, key)` reads a table of `facts.yaml`.
RULE_FUNCTIONS = ("min", "max", "abs", "round", "months_since", "years_since", "lookup",
                  "contains", "total", "count")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# The facts the engine reads by itself, which any rule may use (see the knowledge README).
BUILT_IN_NAMES = ("employees", "turnover_gbp", "balance_sheet_gbp", "months_trading",
                  "insolvent", "sme_band", "public_body_share", "project_cost_gbp",
                  "consultancy_cost_gbp", "requested_gbp", "prior_support_gbp", "award_gbp")


@lru_cache(maxsize=1024)
def expression_names(expression: str) -> frozenset[str]:
    """The fact names an expression reads (not the functions it calls); SyntaxError when it
    is not an expression."""
    tree = ast.parse(expression, mode="eval")
    called = {node.func.id for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    return frozenset(node.id for node in ast.walk(tree)
                     if isinstance(node, ast.Name) and node.id not in called
                     and node.id not in ("True", "False", "None"))


def _expression(text: str) -> str:
    text = " ".join(str(text).split())
    if not text:
        raise ValueError("a rule needs an expression, such as months_trading >= 6")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"{text!r} is not an expression ({exc.msg})") from exc
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name)
                                               and node.func.id in RULE_FUNCTIONS):
            raise ValueError(f"{text!r} calls a function rules cannot use; they can use "
                             f"{', '.join(RULE_FUNCTIONS)}")
        if isinstance(node, ast.Attribute | ast.Lambda | ast.Subscript):
            raise ValueError(f"{text!r}: write facts by name; attributes, indexing and "
                             "lambdas are not part of rules")
    return text


class Rule(Strict):
    """An expression, or all_of / any_of / not of rules (written `not:` in YAML)."""

    expression: str | None = None
    all_of: list[Rule] | None = None
    any_of: list[Rule] | None = None
    not_: Rule | None = Field(default=None, alias="not")

    model_config = Strict.model_config | {"populate_by_name": True}

    @model_validator(mode="before")
    @classmethod
    def _from_yaml(cls, data: Any) -> Any:
        if isinstance(data, str | int | float | bool):
            return {"expression": _expression(str(data))}
        if isinstance(data, dict):
            given = [k for k in ("expression", "all_of", "any_of", "not") if k in data]
            if len(given) != 1:
                raise ValueError("a rule is an expression, or one of all_of, any_of or not; "
                                 f"got {', '.join(map(str, data)) or 'nothing'}")
            if "expression" in data:
                return {"expression": _expression(data["expression"])}
        return data

    @field_validator("all_of", "any_of")
    @classmethod
    def _not_empty(cls, rules: list[Rule] | None) -> list[Rule] | None:
        if rules is not None and not rules:
            raise ValueError("all_of and any_of need at least one rule")
        return rules

    def names(self) -> set[str]:
        """Every fact name the rule reads."""
        if self.expression is not None:
            return set(expression_names(self.expression))
        found: set[str] = set()
        for rule in [*(self.all_of or []), *(self.any_of or []),
                     *([self.not_] if self.not_ else [])]:
            found |= rule.names()
        return found


class DeclaredFact(Strict):
    type: FactType
    question: str  # what the assistant asks when the fact is needed and unknown
    label: str = ""  # how an explanation names it: "the CO2e saving"; the name by default
    synonyms: list[str] = Field(default_factory=list)  # words that introduce it in a message
    extractor: str = ""  # one of EXTRACTORS; the type's default when empty
    choices: list[str] = Field(default_factory=list)  # choice and list: the values allowed
    unit: str = ""  # said after a number: "tonnes of CO2e"

    @model_validator(mode="after")
    def _fits(self) -> DeclaredFact:
        reader = self.extractor or DEFAULT_EXTRACTOR[self.type]
        if reader not in EXTRACTORS:
            raise ValueError(f"extractor {self.extractor!r} is not one the engine provides: "
                             f"{', '.join(EXTRACTORS)}")
        if self.type not in EXTRACTORS[reader]:
            raise ValueError(f"the {reader} extractor reads "
                             f"{' or '.join(EXTRACTORS[reader])} facts, not {self.type}")
        if self.type in ("choice", "records") and not self.choices:
            raise ValueError(f"a {self.type} fact needs `choices`: the "
                             + ("values it can take" if self.type == "choice" else
                                "kinds of item its records name"))
        if not self.synonyms and self.type not in ("yes_no",):
            pass  # read only as an answer to its question
        return self

    @property
    def reader(self) -> str:
        return self.extractor or DEFAULT_EXTRACTOR[self.type]


class FactsFile(Strict):
    """`policy/facts.yaml`: declared facts, derived facts and lookup tables."""

    facts: dict[str, DeclaredFact] = Field(default_factory=dict)
    derived: dict[str, str] = Field(default_factory=dict)  # name -> expression over facts
    tables: dict[str, dict[str, float | str | bool]] = Field(default_factory=dict)

    @field_validator("facts", "derived", "tables")
    @classmethod
    def _names(cls, items: dict[str, Any]) -> dict[str, Any]:
        bad = [name for name in items if not NAME_RE.match(name)]
        if bad:
            raise ValueError(f"{bad[0]!r} is not a fact name: use lower case letters, digits "
                             "and underscores, starting with a letter (co2e_saving_tonnes)")
        return items

    @field_validator("derived")
    @classmethod
    def _expressions(cls, derived: dict[str, str]) -> dict[str, str]:
        return {name: _expression(text) for name, text in derived.items()}


class SizeBand(Strict):
    band: Band
    staff_below: float = Field(gt=0)  # annual work units
    turnover_max: float = Field(gt=0)  # in the test's currency
    balance_sheet_max: float = Field(gt=0)


def _eu_bands() -> list[SizeBand]:
    return [SizeBand(band="micro", staff_below=10, turnover_max=2_000_000,
                     balance_sheet_max=2_000_000),
            SizeBand(band="small", staff_below=50, turnover_max=10_000_000,
                     balance_sheet_max=10_000_000),
            SizeBand(band="medium", staff_below=250, turnover_max=50_000_000,
                     balance_sheet_max=43_000_000)]


HolderType = Literal["investor", "university", "public_body", "enterprise", "individual"]


class SmeTest(Strict):
    """The size test. A business is in the first band whose staff ceiling it is below and
    whose turnover or balance sheet it is within; above every band it is large."""

    currency: Literal["EUR", "GBP"] = "EUR"  # the ceilings' currency (EUR: at eur_to_gbp)
    bands: list[SizeBand] = Field(default_factory=_eu_bands)
    partner_from_percent: float = Field(default=25.0, ge=0, le=100)  # added pro rata
    linked_above_percent: float = Field(default=50.0, ge=0, le=100)  # added in full
    # holders whose stake up to `exempt_up_to_percent` does not make a partner enterprise
    exempt_holders: list[HolderType] = Field(
        default_factory=lambda: list[HolderType](["investor", "university"]))
    exempt_up_to_percent: float = Field(default=50.0, ge=0, le=100)

    @field_validator("bands")
    @classmethod
    def _ordered(cls, bands: list[SizeBand]) -> list[SizeBand]:
        if not bands:
            raise ValueError("give at least one band, such as micro with its ceilings")
        if any(b.band == "large" for b in bands):
            raise ValueError("large is what is above every band; list the bands below it")
        staff = [b.staff_below for b in bands]
        if staff != sorted(staff) or len(set(staff)) != len(staff):
            raise ValueError("list the bands from the smallest up, each with a higher "
                             "staff ceiling")
        return bands

    @model_validator(mode="after")
    def _partner_below_linked(self) -> SmeTest:
        if self.partner_from_percent > self.linked_above_percent:
            raise ValueError(f"partner_from_percent ({self.partner_from_percent:g}) is above "
                             f"linked_above_percent ({self.linked_above_percent:g})")
        return self
