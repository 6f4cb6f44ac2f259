"""Eval datasets: JSONL files, one case a line, read into typed, validated cases.

A case asks one question (`question`) or holds a conversation (`turns`, the last one scored),
names its category, and sets the expected fields it wants scored (see DESIGN, "Eval dataset").
Every problem is reported with the file and line it is on, so a person can fix the file:
malformed JSON, an unknown category or field, a wrong type, both or neither of `question` and
`turns`, a duplicate id, or a programme (or criterion) the policy does not have.

An empty list in `expected` means the same as leaving the field out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from evals.errors import DatasetError
from knowledge.policy import Policy

Category = Literal["factual", "numeric", "eligibility", "signposting", "multi_turn",
                   "out_of_scope", "adversarial", "unanswerable", "time_bound"]
CATEGORIES: tuple[str, ...] = get_args(Category)
Decision = Literal["eligible", "ineligible", "need_more_info"]
# Which half of a dataset a case is in: "dev" cases may be looked at and tuned on; "test" cases
# only measure (the release gate reads them). Assigned once per case, never re-drawn.
Split = Literal["dev", "test"]
SPLITS: tuple[str, ...] = get_args(Split)

DEFAULT_DATASET = Path(__file__).resolve().parent / "datasets" / "golden.jsonl"


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be blank")
    return text


Text = Annotated[str, AfterValidator(_not_blank)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ExpectedEligibility(_Strict):
    programme: Text  # the programme's name as the policy gives it (or its id)
    decision: Decision | None = None
    failing_rules: list[Text] | None = None  # criterion ids expected to be not met
    missing_facts: list[Text] | None = None  # facts the result must list as missing


class Expected(_Strict):
    answer_contains: list[Text] | None = None  # every one, case-insensitive
    answer_contains_any: list[Annotated[list[Text], Field(min_length=1)]] | None = None
    answer_must_not_contain: list[Text] | None = None
    sources: list[Text] | None = None  # file names; folders are ignored
    refuse: bool | None = None
    eligibility: ExpectedEligibility | None = None
    signposts: list[Text] | None = None  # catalogue record names, any in the first three

    @field_validator("answer_contains", "answer_contains_any", "answer_must_not_contain",
                     "sources", "signposts", mode="after")
    @classmethod
    def _empty_is_unset(cls, value: list[Any] | None) -> list[Any] | None:
        return value or None

    def fields_set(self) -> list[str]:
        """The expected fields this case scores, in declaration order."""
        return [name for name in type(self).model_fields if getattr(self, name) is not None]


class _CaseLine(_Strict):
    """One line of a dataset file, as written."""

    id: Text
    question: Text | None = None
    turns: Annotated[list[Text], Field(min_length=1)] | None = None
    category: Category
    split: Split | None = None
    expected: Expected = Field(default_factory=Expected)
    reference: str = ""
    notes: str = ""  # for people: why the expected answer is right (the clauses it rests on)
    tags: list[Text] = Field(default_factory=list)  # labels to select or count cases by
    needs_review: bool = False  # set on drafts made from feedback, until a person checks them
    feedback: dict[str, Any] | None = None  # where a draft came from (kept for the record)

    @model_validator(mode="after")
    def _question_or_turns(self) -> _CaseLine:
        if self.question is not None and self.turns is not None:
            raise ValueError("give either 'question' or 'turns', not both")
        if self.question is None and self.turns is None:
            raise ValueError("give 'question' (one message) or 'turns' (a conversation)")
        return self


class Case(BaseModel):
    """A validated case: its messages in order (one for a single question) and where it is."""

    model_config = ConfigDict(frozen=True)

    id: str
    category: Category
    turns: tuple[str, ...]
    expected: Expected
    reference: str = ""
    split: Split | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()
    file: str = ""
    line: int = 0

    @property
    def question(self) -> str:
        """The message whose reply is scored: the only one, or the last turn."""
        return self.turns[-1]

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Vocabulary:
    """What the policy calls its programmes and their criteria, to check cases against.

    `programmes` maps each accepted spelling (name or id, case-folded) to the name the engine
    reports in an eligibility result; `criteria` maps that name to its criterion ids.
    """

    programmes: Mapping[str, str]
    criteria: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of_names(cls, names: Iterable[str]) -> Vocabulary:
        return cls({name.casefold(): name for name in names})

    @classmethod
    def from_policy(cls, policy: Policy) -> Vocabulary:
        programmes: dict[str, str] = {}
        criteria: dict[str, frozenset[str]] = {}
        for programme in policy.programmes:
            programmes[programme.name.casefold()] = programme.name
            programmes[programme.id.casefold()] = programme.name
            criteria[programme.name] = frozenset(c.id for c in programme.criteria)
        return cls(programmes, criteria)

    def programme(self, given: str) -> str | None:
        return self.programmes.get(given.strip().casefold())

    def names(self) -> list[str]:
        return sorted(set(self.programmes.values()))


# --------------------------------------------------------------------------- loading


def load_datasets(paths: Sequence[Path],
                  programmes: Vocabulary | Iterable[str] | None = None) -> list[Case]:
    """The cases of every file in order. Ids must be unique across all the files."""
    if not paths:
        raise DatasetError("no dataset given")
    vocabulary = _vocabulary(programmes)
    cases: list[Case] = []
    first_seen: dict[str, str] = {}
    for path in paths:
        for case in load_dataset(path, vocabulary):
            if case.id in first_seen:
                raise DatasetError(f"{case.where}: duplicate id {case.id!r} "
                                   f"(first used at {first_seen[case.id]})")
            first_seen[case.id] = case.where
            cases.append(case)
    return cases


def load_dataset(path: Path, programmes: Vocabulary | Iterable[str] | None = None) -> list[Case]:
    """The cases of one JSONL file; blank lines are skipped."""
    vocabulary = _vocabulary(programmes)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(f"{path}: no such dataset file") from None
    except IsADirectoryError:
        raise DatasetError(f"{path}: is a folder, not a JSONL dataset file") from None
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{path}: not UTF-8 text ({exc.reason})") from None
    cases = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            cases.append(parse_case(line, str(path), number, vocabulary))
    if not cases:
        raise DatasetError(f"{path}: has no cases (one JSON object a line)")
    return cases


def parse_case(line: str, file: str, number: int, vocabulary: Vocabulary | None = None) -> Case:
    where = f"{file}:{number}"
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{where}: not valid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(raw, dict):
        raise DatasetError(f"{where}: a case is a JSON object, got {_json_kind(raw)}")
    try:
        parsed = _CaseLine.model_validate(raw)
    except ValidationError as exc:
        raise DatasetError(f"{where}: {describe_validation_error(exc)}") from None
    if parsed.needs_review:
        raise DatasetError(f"{where}: case {parsed.id!r} is a draft (needs_review is true): "
                           "check its question, category and expected fields, then remove "
                           "the flag")
    expected = _checked_eligibility(parsed.expected, vocabulary, where)
    return Case(id=parsed.id, category=parsed.category,
                turns=tuple(parsed.turns or [parsed.question or ""]), expected=expected,
                reference=parsed.reference, split=parsed.split, notes=parsed.notes,
                tags=tuple(parsed.tags), file=file, line=number)


def _checked_eligibility(expected: Expected, vocabulary: Vocabulary | None,
                         where: str) -> Expected:
    """The programme named as the engine reports it; unknown programmes and criteria refused."""
    wanted = expected.eligibility
    if wanted is None or vocabulary is None:
        return expected
    name = vocabulary.programme(wanted.programme)
    if name is None:
        raise DatasetError(f"{where}: expected.eligibility.programme {wanted.programme!r} is not "
                           f"a programme of the policy (known: {', '.join(vocabulary.names())})")
    known = vocabulary.criteria.get(name)
    unknown = [r for r in wanted.failing_rules or [] if known is not None and r not in known]
    if unknown:
        raise DatasetError(f"{where}: expected.eligibility.failing_rules names "
                           f"{', '.join(map(repr, unknown))}, not criteria of {name} "
                           f"(its criteria: {', '.join(sorted(known or []))})")
    eligibility = wanted.model_copy(update={"programme": name})
    return expected.model_copy(update={"eligibility": eligibility})


def _vocabulary(programmes: Vocabulary | Iterable[str] | None) -> Vocabulary | None:
    if programmes is None or isinstance(programmes, Vocabulary):
        return programmes
    return Vocabulary.of_names(programmes)


# --------------------------------------------------------------------------- messages

_MODELS: dict[tuple[str, ...], type[BaseModel]] = {
    (): _CaseLine,
    ("expected",): Expected,
    ("expected", "eligibility"): ExpectedEligibility,
}


def describe_validation_error(exc: ValidationError) -> str:
    """The first problem in words a dataset author can act on, and how many more there are."""
    errors = exc.errors(include_url=False)
    first = _describe(errors[0])
    more = len(errors) - 1
    return first if not more else f"{first} (and {more} more problem{'s' * (more > 1)})"


def _describe(error: Any) -> str:
    loc = tuple(str(part) for part in error["loc"])
    path = ".".join(loc)
    kind = error["type"]
    given = error.get("input")
    if kind == "extra_forbidden":
        allowed = ", ".join(_MODELS.get(loc[:-1], _CaseLine).model_fields)
        return f"unknown field {path!r} (allowed here: {allowed})"
    if kind == "missing":
        return f"field {path!r} is missing"
    if loc == ("category",) and kind == "literal_error":
        return f"unknown category {given!r} (one of: {', '.join(CATEGORIES)})"
    if loc == ("split",) and kind == "literal_error":
        return f"unknown split {given!r} (one of: {', '.join(SPLITS)})"
    message = str(error["msg"]).removeprefix("Value error, ")
    if not loc:
        return message
    return f"{path}: {message}, got {_short_json(given)}"


def _short_json(value: Any, limit: int = 60) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def _json_kind(value: Any) -> str:
    kinds = {list: "an array", str: "a string", bool: "true or false", int: "a number",
             float: "a number", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)
