"""The eligibility policy of a knowledge folder: programmes, criteria, awards, rounds, areas,
sectors. Declarative data in `policy/*.yaml`, typed here and validated at load, with errors
that name the file and the line.

Only the data model and its loading live here (knowledge layer); the engine that applies a
policy to a business's facts is `assistant.eligibility`.

Layout of `policy/` (the knowledge folder's README, section 5, documents every field):

    programme.yaml            programme name and contact (read by `knowledge.programme`)
    rates.yaml                `Rates`: currency rate and the subsidy limit
    areas.yaml                `areas:` a list of `Area`
    sectors.yaml              `sector_lists:` a list of `SectorList`
    programmes/<id>.yaml      one `Programme` each; the file name is the programme id
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, get_args

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from knowledge.errors import PolicyError

Band = Literal["micro", "small", "medium", "large"]
AreaStatus = Literal["inside", "mixed", "outside"]

# The facts a criterion can test. Raw facts come from what the business says; derived facts
# are computed by the engine from raw ones (and from the policy's areas and sectors).
FactName = Literal[
    # derived
    "sme_band",  # micro | small | medium | large, after linked and partner aggregation
    "area_status",  # inside | mixed | outside, for the criterion's `area`
    "excluded_sector",  # true when the business's sector is in the criterion's sector list
    "sector_fit",  # true when the business's sector is in the criterion's sector list
    "public_body_share",  # percent of capital or votes held by public bodies
    "mfa_after_award",  # prior subsidy (current + 2 previous financial years) + award, GBP
    # raw
    "employees",  # annual work units
    "turnover_gbp",
    "balance_sheet_gbp",
    "months_trading",
    "insolvent",  # in administration, liquidation, receivership or similar
]

Operator = Literal["eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in"]

# What kind of value each fact takes, so that a criterion comparing it can be checked at load.
BOOLEAN_FACTS = frozenset({"excluded_sector", "sector_fit", "insolvent"})
CATEGORY_FACTS: dict[str, tuple[str, ...]] = {
    "sme_band": get_args(Band),
    "area_status": get_args(AreaStatus),
}
AREA_FACTS = frozenset({"area_status"})
SECTOR_FACTS = frozenset({"excluded_sector", "sector_fit"})
ORDER_OPERATORS = frozenset({"lt", "lte", "gt", "gte"})
LIST_OPERATORS = frozenset({"in", "not_in"})
TEXT_PLACEHOLDERS = frozenset({"value", "limit"})

# An outward code: the part of a UK postcode before the space ("B15", "CV7", "WS10").
OUTWARD_CODE_RE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")
# A SIC 2007 code: a division ("64"), group ("01.1"), class ("25.40") or subclass ("25.40/1"
# is not used: subclasses are written as classes), or a range of two of them ("01.1-01.6").
SIC_CODE_RE = re.compile(r"^\d{2}(?:\.\d{1,2})?$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClauseRef(_Strict):
    """Where the guidance states a rule: a file of the knowledge folder and a clause id in it
    (or a heading, for documents without numbered clauses)."""

    source: str  # path within the knowledge folder, forward slashes: "guidance/rules/x.pdf"
    clause: str  # "3.4", or a heading such as "The excluded sectors"

    @field_validator("source")
    @classmethod
    def _relative_path(cls, source: str) -> str:
        parts = source.split("/")
        if not source or source.startswith("/") or "\\" in source or ".." in parts:
            raise ValueError(
                f"source must be a path inside the knowledge folder with forward slashes, "
                f"such as guidance/rules/ssr-eligibility-rules.pdf; got {source!r}"
            )
        return source

    @field_validator("clause")
    @classmethod
    def _not_blank(cls, clause: str) -> str:
        if not clause.strip():
            raise ValueError("clause must be a clause id such as 3.4, or a heading")
        return clause.strip()


def _placeholders_known(text: str) -> str:
    """Explanations are filled in with str.format: only {value} and {limit} may appear."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise ValueError(f"{exc} in {text!r} (write a literal brace as {{{{ or }}}})") from exc
    unknown = sorted(names - TEXT_PLACEHOLDERS)
    if unknown:
        raise ValueError(
            f"unknown placeholder {{{unknown[0]}}} in {text!r}; only {{value}} and {{limit}} "
            f"are filled in"
        )
    return text


class Criterion(_Strict):
    id: str
    label: str  # "Benefiting site in the programme area"
    fact: FactName
    op: Operator
    value: bool | int | float | str | list[str]
    clause: ClauseRef
    area: str | None = None  # for area_status: the area id
    sectors: str | None = None  # for excluded_sector / sector_fit: the sector list id
    question: str = ""  # what to ask when the fact is unknown
    priority: int = 50  # lower is asked first
    confirmed_at_application: bool = False  # not asked in chat; unknown does not block
    met_text: str = ""  # plain-English explanations; {value} and {limit} are filled in
    not_met_text: str = ""
    unknown_text: str = ""

    @field_validator("value")
    @classmethod
    def _value_fits_fact(cls, value: Any, info: ValidationInfo) -> Any:
        fact, op = info.data.get("fact"), info.data.get("op")
        if fact is None or op is None:
            return value  # already reported as a problem with `fact` or `op`
        problem = _value_problem(str(fact), str(op), value)
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("met_text", "not_met_text", "unknown_text")
    @classmethod
    def _texts(cls, text: str) -> str:
        return _placeholders_known(text)

    @model_validator(mode="after")
    def _area_and_sectors(self) -> Criterion:
        if self.fact in AREA_FACTS and not self.area:
            raise ValueError(f"a criterion on {self.fact} needs `area`: the id of an area")
        if self.fact not in AREA_FACTS and self.area:
            raise ValueError(f"`area` is only used by area_status criteria, not {self.fact}")
        if self.fact in SECTOR_FACTS and not self.sectors:
            raise ValueError(
                f"a criterion on {self.fact} needs `sectors`: the id of a sector list"
            )
        if self.fact not in SECTOR_FACTS and self.sectors:
            raise ValueError(
                f"`sectors` is only used by excluded_sector and sector_fit criteria, "
                f"not {self.fact}"
            )
        return self


def _value_problem(fact: str, op: str, value: object) -> str:
    """Why `value` cannot be compared with `fact` by `op`, or "" when it can."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if op in LIST_OPERATORS:
        if fact not in CATEGORY_FACTS:
            return f"{op} compares against a list of names, which only " \
                   f"{' and '.join(CATEGORY_FACTS)} take; {fact} needs another operator"
        if not isinstance(value, list) or not value:
            return f"{op} needs a list of values, such as [micro, small]; got {value!r}"
        return _category_problem(fact, value)
    if op in ORDER_OPERATORS and (fact in BOOLEAN_FACTS or fact in CATEGORY_FACTS):
        return f"{op} needs a number, but {fact} is not a number; use eq, ne, in or not_in"
    if fact in BOOLEAN_FACTS:
        return "" if isinstance(value, bool) else f"{fact} is true or false; got {value!r}"
    if fact in CATEGORY_FACTS:
        if not isinstance(value, str):
            return f"{fact} {op} needs one name; got {value!r}"
        return _category_problem(fact, [value])
    return "" if is_number else f"{fact} is a number; got {value!r}"


def _category_problem(fact: str, values: list[str]) -> str:
    allowed = CATEGORY_FACTS[fact]
    wrong = [v for v in values if v not in allowed]
    if wrong:
        return f"{fact} is one of {', '.join(allowed)}; got {wrong[0]!r}"
    return ""


class CostCap(_Strict):
    category: str  # "consultancy"
    max_share: float = Field(gt=0, le=1)  # of eligible project costs
    clause: ClauseRef


class OutputRatio(_Strict):
    name: str  # "jobs"
    gbp_per_unit: float = Field(gt=0)  # one unit per this much grant, rounded up
    unit: str  # "new or safeguarded job"
    clause: ClauseRef


Rate = Annotated[float, Field(gt=0, le=1)]  # a share: 0.45 is 45%


class Award(_Strict):
    kind: Literal["grant", "voucher", "in_kind"] = "grant"
    intervention_rate: dict[Band, Rate]  # share of eligible costs paid, by SME band
    min_award_gbp: float = Field(ge=0)
    max_award_gbp: float = Field(gt=0)
    cost_caps: list[CostCap] = Field(default_factory=list)
    output_ratios: list[OutputRatio] = Field(default_factory=list)
    clause: ClauseRef  # where the intervention rates are stated
    limits_clause: ClauseRef | None = None  # where the minimum and maximum are, if elsewhere

    @field_validator("intervention_rate")
    @classmethod
    def _some_rate(cls, rates: dict[str, float]) -> dict[str, float]:
        if not rates:
            raise ValueError("give a rate for at least one band, such as micro: 0.5")
        return rates

    @field_validator("max_award_gbp")
    @classmethod
    def _max_not_below_min(cls, maximum: float, info: ValidationInfo) -> float:
        minimum = info.data.get("min_award_gbp")
        if minimum is not None and maximum < minimum:
            raise ValueError(f"the maximum ({maximum:g}) is below the minimum ({minimum:g})")
        return maximum


def _naive(moment: date | datetime) -> date | datetime:
    if isinstance(moment, datetime) and moment.tzinfo is not None:
        raise ValueError(
            f"write round times as local time without a timezone, such as "
            f"2027-01-29T12:00:00; got {moment.isoformat()}"
        )
    return moment


class FundingRound(_Strict):
    name: str
    opens: date | datetime  # a date means the start of that day
    closes: date | datetime  # a date means the end of that day
    clause: ClauseRef | None = None

    @field_validator("opens")
    @classmethod
    def _opens_naive(cls, opens: date | datetime) -> date | datetime:
        return _naive(opens)

    @field_validator("closes")
    @classmethod
    def _closes_after_opens(cls, closes: date | datetime,
                            info: ValidationInfo) -> date | datetime:
        closes = _naive(closes)
        opens = info.data.get("opens")
        if opens is not None and _end(closes) <= _start(opens):
            raise ValueError(
                f"the round closes ({closes.isoformat()}) before it opens ({opens.isoformat()})"
            )
        return closes

    @property
    def opens_at(self) -> datetime:
        """The first moment the round accepts applications (local time)."""
        return _start(self.opens)

    @property
    def closes_at(self) -> datetime:
        """The last moment the round accepts applications (local time)."""
        return _end(self.closes)


def _start(moment: date | datetime) -> datetime:
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time.min)


def _end(moment: date | datetime) -> datetime:
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time.max)


class Programme(_Strict):
    id: str  # the programme slug used in guidance tags: "capital-grant"
    name: str
    kind: Literal["grant", "hub", "pre_hub", "service"]
    summary: str
    hub_slug: str | None = None  # the catalogue `serves` value for signposting
    criteria: list[Criterion]
    award: Award | None = None
    rounds: list[FundingRound] = Field(default_factory=list)
    contact: str = ""  # who to talk to about this programme; "" means the programme contact


class District(_Strict):
    district: str  # outward code: "B15", "CV7"
    status: AreaStatus
    places: str = ""
    authorities: list[str] = Field(default_factory=list)  # councils the district lies in
    borders: list[str] = Field(default_factory=list)  # councils it runs up to ("borders ...")

    @field_validator("district")
    @classmethod
    def _outward_code(cls, district: str) -> str:
        code = district.strip().upper()
        if not OUTWARD_CODE_RE.match(code):
            raise ValueError(
                f"a district is the outward part of a postcode, such as B15 or WS10; "
                f"got {district!r}"
            )
        return code


class OutsidePointer(_Strict):
    authority: str  # "Warwickshire", "Bromsgrove" ...
    growth_hub: str  # where a business there should go instead
    county: str = ""  # "Worcestershire": lets a business that names only its county be helped


class Area(_Strict):
    id: str  # "city-region"
    name: str
    councils: list[str]  # local authorities wholly inside
    towns: dict[str, str] = Field(default_factory=dict)  # town or place name -> council
    districts: list[District]
    outside: list[OutsidePointer] = Field(default_factory=list)
    clause: ClauseRef


def _sic_code(code: object) -> object:
    if isinstance(code, int | float) and not isinstance(code, bool):
        raise ValueError(
            f"write SIC codes in quotes, such as \"01.1\" or \"64-66\": unquoted, YAML reads "
            f"them as numbers (got {code!r})"
        )
    return code


def _sic_range(code: str) -> str:
    ends = code.split("-")
    if len(ends) > 2 or not all(SIC_CODE_RE.match(end) for end in ends):
        raise ValueError(
            f"a SIC code is a division (\"64\"), a group (\"01.1\"), a class (\"25.40\") or a "
            f"range of two (\"01.1-01.6\"); got {code!r}"
        )
    if len(ends) == 2 and sic_key(ends[1]) < sic_key(ends[0]):
        raise ValueError(f"the SIC range {code!r} ends before it starts")
    return code


def sic_key(code: str) -> tuple[int, ...]:
    """A SIC code as numbers, for ordering: "01.1" gives (1, 1), "25.40" gives (25, 40)."""
    division, _, rest = code.partition(".")
    return (int(division), int(rest)) if rest else (int(division),)


SicCode = Annotated[str, BeforeValidator(_sic_code)]


class Sector(_Strict):
    id: str
    name: str
    keywords: list[str] = Field(default_factory=list)  # matched as whole words, any case
    sic: list[SicCode] = Field(default_factory=list)  # "01.1", "01.1-01.6", "64-66"
    reason: str = ""

    @field_validator("sic")
    @classmethod
    def _sic_ranges(cls, codes: list[str]) -> list[str]:
        for code in codes:
            _sic_range(code)
        return codes

    @field_validator("keywords")
    @classmethod
    def _keywords(cls, keywords: list[str]) -> list[str]:
        blank = [k for k in keywords if not k.strip()]
        if blank:
            raise ValueError("a keyword is empty")
        return [k.strip() for k in keywords]


class SectorList(_Strict):
    id: str  # "excluded", "medtech"
    name: str
    sectors: list[Sector]
    clause: ClauseRef


class Rates(_Strict):
    eur_to_gbp: float = Field(gt=0)  # GBP per EUR
    clause: ClauseRef
    mfa_limit_gbp: float = Field(gt=0)
    mfa_clause: ClauseRef
    # what the subsidy limit is called where the programme runs, as in a sentence
    subsidy_name: str = Field(default="public subsidy", min_length=1)


class Policy(_Strict):
    rates: Rates
    programmes: list[Programme]
    areas: list[Area]
    sector_lists: list[SectorList]

    def programme(self, programme_id: str) -> Programme | None:
        return next((p for p in self.programmes if p.id == programme_id), None)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def sector_list(self, list_id: str) -> SectorList | None:
        return next((s for s in self.sector_lists if s.id == list_id), None)


Loc = tuple[str | int, ...]


def iter_clause_refs(model: object, path: Loc = ()) -> Iterator[tuple[Loc, ClauseRef]]:
    """Every ClauseRef inside a policy object, with its path (field names and list indexes)."""
    if isinstance(model, ClauseRef):
        yield path, model
    elif isinstance(model, BaseModel):
        for name in type(model).model_fields:
            yield from iter_clause_refs(getattr(model, name), (*path, name))
    elif isinstance(model, list):
        for n, item in enumerate(model):
            yield from iter_clause_refs(item, (*path, n))
    elif isinstance(model, dict):
        for key, item in model.items():
            yield from iter_clause_refs(item, (*path, str(key)))


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------

POLICY_DIR = "policy"
PROGRAMME_FILE = "programme.yaml"  # the programme's name and contact: knowledge.programme
RATES_FILE = "rates"
AREAS_FILE = "areas"
SECTORS_FILE = "sectors"
PROGRAMMES_DIR = "programmes"
YAML_SUFFIXES = (".yaml", ".yml")
# Only these folders are indexed, so a clause can be cited only from a file inside them.
CITABLE_FOLDERS = ("guidance", "catalogue")


class _AreasFile(_Strict):
    areas: list[Area]


class _SectorsFile(_Strict):
    sector_lists: list[SectorList]


@dataclass(frozen=True)
class _Parsed:
    """One policy file: its path for messages, its YAML node tree (for line numbers) and data."""

    relative: str  # "policy/areas.yaml"
    node: yaml.Node | None
    data: object


@dataclass(frozen=True)
class _Problem:
    file: _Parsed
    loc: Loc
    message: str


def load_policy(knowledge_dir: Path) -> Policy | None:
    """The policy in `knowledge_dir/policy/`, or None when it holds no policy files.

    Raises PolicyError naming the file and line of the first problem found.
    """
    files = _policy_files(knowledge_dir / POLICY_DIR)
    if not files:
        return None
    parsed = {path: _parse(path, knowledge_dir) for path in files}
    rates_path = _named(files, RATES_FILE)
    if rates_path is None:
        raise PolicyError(
            f"{POLICY_DIR}/{RATES_FILE}.yaml is missing: a policy needs it (the euro rate and "
            f"the subsidy limit)"
        )
    programme_paths = [p for p in files if p.parent.name == PROGRAMMES_DIR]
    if not programme_paths:
        raise PolicyError(
            f"{POLICY_DIR}/{PROGRAMMES_DIR}/ has no programme files: a policy needs at least "
            f"one, such as {POLICY_DIR}/{PROGRAMMES_DIR}/my-grant.yaml"
        )
    rates = _validate(Rates, parsed[rates_path])
    areas_path, sectors_path = _named(files, AREAS_FILE), _named(files, SECTORS_FILE)
    areas = _validate(_AreasFile, parsed[areas_path]).areas if areas_path else []
    sectors = _validate(_SectorsFile, parsed[sectors_path]).sector_lists if sectors_path else []
    programmes = [(parsed[p], _validate(Programme, parsed[p])) for p in programme_paths]
    policy = Policy(rates=rates, programmes=[p for _, p in programmes], areas=areas,
                    sector_lists=sectors)
    problems = _cross_check(
        policy, knowledge_dir, programmes,
        rates_file=parsed[rates_path],
        areas_file=parsed[areas_path] if areas_path else None,
        sectors_file=parsed[sectors_path] if sectors_path else None,
    )
    if problems:
        first = problems[0]
        raise PolicyError(_message(first.file, first.loc, first.message, len(problems) - 1,
                                   "in the policy"))
    return policy


def _policy_files(folder: Path) -> list[Path]:
    """The policy's YAML files, in a stable order; unknown names are refused, not ignored."""
    if not folder.is_dir():
        return []
    found: list[Path] = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith((".", "_")) for part in relative.parts):
            continue  # drafts and hidden files, as in guidance/
        if path.is_dir() or path.name.startswith("README") or relative == Path(PROGRAMME_FILE):
            continue
        if path.suffix not in YAML_SUFFIXES:
            continue
        if not _known_place(relative):
            raise PolicyError(
                f"{POLICY_DIR}/{relative.as_posix()}: not a policy file. {POLICY_DIR}/ holds "
                f"{PROGRAMME_FILE}, {RATES_FILE}.yaml, {AREAS_FILE}.yaml, {SECTORS_FILE}.yaml "
                f"and {PROGRAMMES_DIR}/<programme id>.yaml"
            )
        found.append(path)
    stems = Counter((p.parent, p.stem) for p in found)
    twice = next((p for p in found if stems[(p.parent, p.stem)] > 1), None)
    if twice is not None:
        raise PolicyError(
            f"{POLICY_DIR}/{twice.relative_to(folder).with_suffix('').as_posix()} is written "
            f"twice, as .yaml and .yml: keep one"
        )
    return found


def _known_place(relative: Path) -> bool:
    if len(relative.parts) == 1:
        return relative.stem in (RATES_FILE, AREAS_FILE, SECTORS_FILE)
    return len(relative.parts) == 2 and relative.parts[0] == PROGRAMMES_DIR


def _named(files: list[Path], stem: str) -> Path | None:
    return next((p for p in files if p.stem == stem and p.parent.name == POLICY_DIR), None)


def _parse(path: Path, knowledge_dir: Path) -> _Parsed:
    relative = path.relative_to(knowledge_dir).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{relative}: cannot be read as UTF-8 text ({exc})") from exc
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise PolicyError(f"{relative}{_yaml_problem(exc)}") from exc
    except yaml.YAMLError as exc:
        raise PolicyError(f"{relative}: not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    parsed = _Parsed(relative=relative, node=node, data={} if data is None else data)
    duplicate = _duplicate_key(node)
    if duplicate is not None:
        key = duplicate
        raise PolicyError(
            f"{relative}, line {key.start_mark.line + 1}: {key.value!r} is written twice in the "
            f"same mapping; YAML would silently keep only the last one"
        )
    return parsed


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    """", line 12: not valid YAML: ..." with, when the mistake started earlier (an unclosed
    bracket), the line where the construct it broke began."""
    mark = exc.problem_mark or exc.context_mark
    where = f", line {mark.line + 1}" if mark is not None else ""
    text = f"{where}: not valid YAML: {exc.problem or exc.context or 'syntax error'}"
    start = exc.context_mark
    if exc.problem and exc.context and start is not None and mark is not None \
            and start.line != mark.line:
        text += f" ({exc.context} started on line {start.line + 1})"
    return text


def _duplicate_key(node: yaml.Node | None) -> yaml.ScalarNode | None:
    """The second occurrence of a key repeated within one mapping, anywhere in the tree."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    return key
                seen.add(key.value)
            found = _duplicate_key(value)
            if found is not None:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _duplicate_key(item)
            if found is not None:
                return found
    return None


M = TypeVar("M", bound=BaseModel)


def _validate(model: type[M], parsed: _Parsed) -> M:
    try:
        return model.model_validate(parsed.data)
    except ValidationError as exc:
        errors = _grouped(exc)
        loc, message = errors[0]
        raise PolicyError(_message(parsed, loc, message, len(errors) - 1, "in this file")) from exc


def _grouped(exc: ValidationError) -> list[tuple[Loc, str]]:
    """Pydantic's errors, one per place. A union reports one error per member it tried
    ("value.bool", "value.int", ...): those are merged into one message at the field."""
    places: dict[Loc, list[dict[str, Any]]] = {}
    for error in exc.errors():
        places.setdefault(_data_loc(error), []).append(dict(error))
    return [(loc, _merged(errs)) for loc, errs in places.items()]


def _data_loc(error: Any) -> Loc:
    """The error's location without the union member tags pydantic adds ("list[str]")."""
    return tuple(part for part in error["loc"] if not _is_type_tag(part))


def _is_type_tag(part: str | int) -> bool:
    return isinstance(part, str) and (
        part in ("bool", "int", "float", "str", "date", "datetime", "[key]")
        or "[" in part or part.startswith("function-")
    )


def _merged(errors: list[dict[str, Any]]) -> str:
    messages = list(dict.fromkeys(_wording(e) for e in errors))
    if len(messages) == 1:
        return messages[0] + _got(errors[0])
    options = [m.removeprefix("Input should be ") for m in messages]
    return "Input should be " + ", ".join(options[:-1]) + " or " + options[-1] + \
        _got(errors[0])


def _wording(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required, but missing"
    if kind == "extra_forbidden":
        return "not a field here (check the spelling)"
    return str(error["msg"]).removeprefix("Value error, ")


def _got(error: dict[str, Any]) -> str:
    if error["type"] in ("missing", "extra_forbidden", "value_error"):
        return ""
    value = error.get("input")
    if isinstance(value, str | int | float | bool | date):
        return f" (got {value!r})" if not isinstance(value, date) else f" (got {value})"
    return ""


def _message(parsed: _Parsed, loc: Loc, problem: str, more: int, scope: str) -> str:
    line, shown = _locate(parsed.node, loc)
    where = f"{parsed.relative}, line {line}"
    field = ".".join(str(part) for part in shown)
    text = f"{where}: {field}: {problem}" if field else f"{where}: {problem}"
    if more:
        text += f" (and {more} more problem{'s' if more > 1 else ''} {scope})"
    return text


def _locate(node: yaml.Node | None, loc: Loc) -> tuple[int, list[str | int]]:
    """The line of the YAML key (or list item) at `loc`, and the part of `loc` shown to the
    user. A missing key is reported at the line of the mapping that should hold it."""
    line = node.start_mark.line + 1 if node is not None else 1
    shown: list[str | int] = []
    for n, part in enumerate(loc):
        child = _child(node, part)
        if child is None:
            if n == len(loc) - 1:
                shown.append(part)  # a missing key: named, at its parent's line
            break
        key, node = child
        line = key.start_mark.line + 1
        shown.append(part)
    return line, shown


def _child(node: yaml.Node | None, part: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    """(the node whose line to report, the node to descend into) for one step of a path."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return key, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and \
            0 <= part < len(node.value):
        return node.value[part], node.value[part]
    return None


# ---------------------------------------------------------------------------------------------
# Checks across objects and files, after each file has validated on its own
# ---------------------------------------------------------------------------------------------

def _cross_check(policy: Policy, knowledge_dir: Path,
                 programmes: list[tuple[_Parsed, Programme]], *, rates_file: _Parsed,
                 areas_file: _Parsed | None, sectors_file: _Parsed | None) -> list[_Problem]:
    problems: list[_Problem] = []
    area_ids = {a.id for a in policy.areas}
    list_ids = {s.id for s in policy.sector_lists}
    problems += _clause_sources(rates_file, policy.rates, knowledge_dir)
    if areas_file is not None:
        problems += _duplicates(areas_file, [(("areas", n, "id"), a.id)
                                             for n, a in enumerate(policy.areas)], "area id")
        for n, area in enumerate(policy.areas):
            problems += [_Problem(areas_file, ("areas", n, *loc), message)
                         for loc, message in _area_problems(area)]
        problems += _clause_sources(areas_file, _AreasFile(areas=policy.areas), knowledge_dir)
    if sectors_file is not None:
        problems += _duplicates(sectors_file, [(("sector_lists", n, "id"), s.id)
                                               for n, s in enumerate(policy.sector_lists)],
                                "sector list id")
        for n, sector_list in enumerate(policy.sector_lists):
            problems += _duplicates(
                sectors_file,
                [(("sector_lists", n, "sectors", m, "id"), s.id)
                 for m, s in enumerate(sector_list.sectors)], "sector id")
        problems += _clause_sources(
            sectors_file, _SectorsFile(sector_lists=policy.sector_lists), knowledge_dir)
    for parsed, programme in programmes:
        problems += _programme_problems(parsed, programme, area_ids, list_ids)
        problems += _clause_sources(parsed, programme, knowledge_dir)
    return problems


def _duplicates(parsed: _Parsed, items: list[tuple[Loc, str]], what: str) -> list[_Problem]:
    seen: set[str] = set()
    problems = []
    for loc, value in items:
        if value in seen:
            problems.append(_Problem(parsed, loc, f"the {what} {value!r} is used twice"))
        seen.add(value)
    return problems


def _programme_problems(parsed: _Parsed, programme: Programme, area_ids: set[str],
                        list_ids: set[str]) -> list[_Problem]:
    problems: list[_Problem] = []
    stem = Path(parsed.relative).stem
    if programme.id != stem:
        problems.append(_Problem(parsed, ("id",),
                                 f"the id {programme.id!r} must match the file name ({stem!r})"))
    problems += _duplicates(parsed, [(("criteria", n, "id"), c.id)
                                     for n, c in enumerate(programme.criteria)], "criterion id")
    problems += _duplicates(parsed, [(("rounds", n, "name"), r.name)
                                     for n, r in enumerate(programme.rounds)], "round name")
    if not programme.criteria:
        problems.append(_Problem(parsed, ("criteria",), "a programme needs at least one "
                                 "criterion, even if it is only the area"))
    for n, criterion in enumerate(programme.criteria):
        if criterion.area and criterion.area not in area_ids:
            problems.append(_Problem(
                parsed, ("criteria", n, "area"),
                f"no area has the id {criterion.area!r} (areas: {_listed(area_ids)})"))
        if criterion.sectors and criterion.sectors not in list_ids:
            problems.append(_Problem(
                parsed, ("criteria", n, "sectors"),
                f"no sector list has the id {criterion.sectors!r} "
                f"(sector lists: {_listed(list_ids)})"))
    problems += _bands_without_rate(parsed, programme)
    return problems


def _bands_without_rate(parsed: _Parsed, programme: Programme) -> list[_Problem]:
    """A band the programme admits but its award gives no rate for cannot be calculated."""
    if programme.award is None:
        return []
    problems = []
    for n, criterion in enumerate(programme.criteria):
        if criterion.fact == "sme_band" and criterion.op == "in" and \
                isinstance(criterion.value, list):
            missing = [b for b in criterion.value if b not in programme.award.intervention_rate]
            if missing:
                problems.append(_Problem(
                    parsed, ("award", "intervention_rate"),
                    f"no rate for {missing[0]}, which criterion {criterion.id!r} "
                    f"(criteria.{n}) admits"))
    return problems


def _area_problems(area: Area) -> Iterator[tuple[Loc, str]]:
    """An area's districts, towns and pointers must agree with its list of councils."""
    councils = set(area.councils)
    pointed = {p.authority for p in area.outside}
    known = councils | pointed
    seen: set[str] = set()
    for n, district in enumerate(area.districts):
        if district.district in seen:
            yield ("districts", n, "district"), f"the district {district.district} is listed twice"
        seen.add(district.district)
        named = [*district.authorities, *district.borders]
        unknown = [a for a in named if a not in known]
        if unknown:
            yield ("districts", n, "authorities"), (
                f"{unknown[0]!r} is neither one of the area's councils nor an authority in "
                f"`outside`")
            continue
        yield from _status_problems(district, n, councils)
    for name, council in area.towns.items():
        if council not in known:
            yield ("towns", name), (
                f"{name} is mapped to {council!r}, which is neither one of the area's councils "
                f"nor an authority in `outside`")
    for n, pointer in enumerate(area.outside):
        if pointer.authority in councils:
            yield ("outside", n, "authority"), (
                f"{pointer.authority!r} is one of the area's councils, so it needs no pointer "
                f"outside the area")


def _status_problems(district: District, n: int,
                     councils: set[str]) -> Iterator[tuple[Loc, str]]:
    named = [*district.authorities, *district.borders]
    if not named:
        yield ("districts", n), "name the local authorities the district lies in"
        return
    inside = [a for a in named if a in councils]
    outside = [a for a in named if a not in councils]
    where = ("districts", n, "status")
    fits = "mixed" if inside and outside else ("inside" if inside else "outside")
    if district.status == "inside" and outside:
        yield where, (f"{district.district} is marked inside, but {outside[0]!r} is not one of "
                      f"the area's councils; mark it {fits}")
    elif district.status == "outside" and inside:
        yield where, (f"{district.district} is marked outside, but {inside[0]!r} is one of the "
                      f"area's councils; mark it {fits}")
    elif district.status == "mixed" and (not inside or not outside):
        side = "inside" if not outside else "outside"
        yield where, (f"{district.district} is marked mixed, but every authority it names is "
                      f"{side} the area; mark it {side}")


def _clause_sources(parsed: _Parsed, model: BaseModel, knowledge_dir: Path) -> list[_Problem]:
    """Every cited file must exist in an indexed folder, or the citation cannot be shown."""
    problems = []
    for loc, ref in iter_clause_refs(model):
        top = ref.source.split("/", 1)[0]
        if top not in CITABLE_FOLDERS:
            problems.append(_Problem(parsed, (*loc, "source"), (
                f"{ref.source!r} is not in {' or '.join(f'{f}/' for f in CITABLE_FOLDERS)}, "
                f"the folders that are indexed and can be cited")))
        elif not (knowledge_dir / ref.source).is_file():
            problems.append(_Problem(parsed, (*loc, "source"),
                                     f"no file {ref.source!r} in the knowledge folder"))
    return problems


def _listed(ids: set[str]) -> str:
    return ", ".join(sorted(ids)) or "none"
