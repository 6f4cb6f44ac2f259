"""Checks across objects and files, after each file has validated on its own: duplicate ids,
areas and sector lists that criteria name, rates for every band, clause sources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from knowledge.policy.files import ParsedFile, Problem
from knowledge.policy.places import Area, AreasFile, District, SectorsFile
from knowledge.policy.rules import BUILT_IN_NAMES, Rule, expression_names
from knowledge.policy.schema import Loc, Policy, Programme, iter_clause_refs

# Only these folders are indexed, so a clause can be cited only from a file inside them.
CITABLE_FOLDERS = ("guidance", "catalogue")


def cross_check(policy: Policy, knowledge_dir: Path,
                programmes: list[tuple[ParsedFile, Programme]], *, rates_file: ParsedFile,
                areas_file: ParsedFile | None, sectors_file: ParsedFile | None,
                facts_file: ParsedFile | None = None) -> list[Problem]:
    problems: list[Problem] = []
    names = _fact_names(policy)
    if facts_file is not None:
        problems += _facts_problems(facts_file, policy, names)
    area_ids = {a.id for a in policy.areas}
    list_ids = {s.id for s in policy.sector_lists}
    problems += _clause_sources(rates_file, policy.rates, knowledge_dir)
    if areas_file is not None:
        problems += _duplicates(areas_file, [(("areas", n, "id"), a.id)
                                             for n, a in enumerate(policy.areas)], "area id")
        for n, area in enumerate(policy.areas):
            problems += [Problem(areas_file, ("areas", n, *loc), message)
                         for loc, message in _area_problems(area)]
        problems += _clause_sources(areas_file, AreasFile(areas=policy.areas), knowledge_dir)
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
            sectors_file, SectorsFile(sector_lists=policy.sector_lists), knowledge_dir)
    for parsed, programme in programmes:
        problems += _programme_problems(parsed, programme, area_ids, list_ids)
        problems += _rule_problems(parsed, programme, policy, names)
        problems += _clause_sources(parsed, programme, knowledge_dir)
    return problems


def _duplicates(parsed: ParsedFile, items: list[tuple[Loc, str]], what: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for loc, value in items:
        if value in seen:
            problems.append(Problem(parsed, loc, f"the {what} {value!r} is used twice"))
        seen.add(value)
    return problems


def _programme_problems(parsed: ParsedFile, programme: Programme, area_ids: set[str],
                        list_ids: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    stem = Path(parsed.relative).stem
    if programme.id != stem:
        problems.append(Problem(parsed, ("id",),
                                 f"the id {programme.id!r} must match the file name ({stem!r})"))
    problems += _duplicates(parsed, [(("criteria", n, "id"), c.id)
                                     for n, c in enumerate(programme.criteria)], "criterion id")
    problems += _duplicates(parsed, [(("rounds", n, "name"), r.name)
                                     for n, r in enumerate(programme.rounds)], "round name")
    if not programme.criteria:
        problems.append(Problem(parsed, ("criteria",), "a programme needs at least one "
                                 "criterion, even if it is only the area"))
    for n, criterion in enumerate(programme.criteria):
        if criterion.area and criterion.area not in area_ids:
            problems.append(Problem(
                parsed, ("criteria", n, "area"),
                f"no area has the id {criterion.area!r} (areas: {_listed(area_ids)})"))
        if criterion.sectors and criterion.sectors not in list_ids:
            problems.append(Problem(
                parsed, ("criteria", n, "sectors"),
                f"no sector list has the id {criterion.sectors!r} "
                f"(sector lists: {_listed(list_ids)})"))
    problems += _bands_without_rate(parsed, programme)
    return problems


def _bands_without_rate(parsed: ParsedFile, programme: Programme) -> list[Problem]:
    """A band the programme admits but its award gives no rate for cannot be calculated."""
    if programme.award is None:
        return []
    problems = []
    for n, criterion in enumerate(programme.criteria):
        if criterion.fact == "sme_band" and criterion.op == "in" and \
                isinstance(criterion.value, list):
            missing = [b for b in criterion.value if b not in programme.award.intervention_rate]
            if missing:
                problems.append(Problem(
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


def _clause_sources(parsed: ParsedFile, model: BaseModel, knowledge_dir: Path) -> list[Problem]:
    """Every cited file must exist in an indexed folder, or the citation cannot be shown."""
    problems = []
    for loc, ref in iter_clause_refs(model):
        top = ref.source.split("/", 1)[0]
        if top not in CITABLE_FOLDERS:
            problems.append(Problem(parsed, (*loc, "source"), (
                f"{ref.source!r} is not in {' or '.join(f'{f}/' for f in CITABLE_FOLDERS)}, "
                f"the folders that are indexed and can be cited")))
        elif not (knowledge_dir / ref.source).is_file():
            problems.append(Problem(parsed, (*loc, "source"),
                                     f"no file {ref.source!r} in the knowledge folder"))
    return problems


def _listed(ids: set[str]) -> str:
    return ", ".join(sorted(ids)) or "none"


# --- format 2: rules over declared, derived and built-in facts -------------------------------

def _fact_names(policy: Policy) -> set[str]:
    return {*BUILT_IN_NAMES, *policy.facts.facts, *policy.facts.derived}


def _unknown_names(expression_or_rule: str | Rule, names: set[str]) -> list[str]:
    used = (expression_names(expression_or_rule) if isinstance(expression_or_rule, str)
            else expression_or_rule.names())
    return sorted(used - names)


def _facts_problems(parsed: ParsedFile, policy: Policy, names: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    facts = policy.facts
    for name in facts.derived:
        if name in facts.facts or name in BUILT_IN_NAMES:
            problems.append(Problem(parsed, ("derived", name),
                                    f"{name!r} is already a fact; a derived fact needs a name "
                                    "of its own"))
    for name, expression in facts.derived.items():
        unknown = _unknown_names(expression, names)
        if unknown:
            problems.append(Problem(parsed, ("derived", name),
                                    f"{name} reads {unknown[0]!r}, which is not a fact "
                                    f"(facts: {_listed(names)})"))
    for name in facts.derived:
        if _cycle(name, facts.derived):
            problems.append(Problem(parsed, ("derived", name),
                                    f"{name} is derived from itself, through the other "
                                    "derived facts"))
    return problems


def _cycle(start: str, derived: dict[str, str]) -> bool:
    seen: set[str] = set()
    todo = list(expression_names(derived[start]))
    while todo:
        name = todo.pop()
        if name == start:
            return True
        if name in derived and name not in seen:
            seen.add(name)
            todo.extend(expression_names(derived[name]))
    return False


def _rule_problems(parsed: ParsedFile, programme: Programme, policy: Policy,
                   names: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    for n, criterion in enumerate(programme.criteria):
        if criterion.rule is None:
            continue
        unknown = _unknown_names(criterion.rule, names)
        if unknown:
            problems.append(Problem(parsed, ("criteria", n, "rule"),
                                    f"the rule reads {unknown[0]!r}, which is not a fact: "
                                    f"declare it in policy/facts.yaml, or use one of "
                                    f"{_listed(names)}"))
    award = programme.award
    for n, cap in enumerate(award.cost_caps if award else []):
        declared = policy.facts.facts.get(cap.fact) if cap.fact else None
        if cap.fact and (declared is None or declared.type != "money"):
            problems.append(Problem(parsed, ("award", "cost_caps", n, "fact"),
                                    f"{cap.fact!r} is not a money fact declared in "
                                    "policy/facts.yaml"))
    return problems
