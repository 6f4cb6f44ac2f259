"""`load_policy`: the policy files of a knowledge folder found, read, validated and checked
against each other."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from knowledge.errors import PolicyError
from knowledge.policy.checks import cross_check
from knowledge.policy.files import located_message, parse_file, validate_file
from knowledge.policy.places import AreasFile, SectorsFile
from knowledge.policy.rules import FactsFile
from knowledge.policy.schema import Policy, Programme, Rates

# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------

POLICY_DIR = "policy"
PROGRAMME_FILE = "programme.yaml"  # the programme's name and contact: knowledge.programme
RATES_FILE = "rates"
AREAS_FILE = "areas"
SECTORS_FILE = "sectors"
FACTS_FILE = "facts"  # format 2: declared and derived facts, lookup tables
PROGRAMMES_DIR = "programmes"
YAML_SUFFIXES = (".yaml", ".yml")


def load_policy(knowledge_dir: Path) -> Policy | None:
    """The policy in `knowledge_dir/policy/`, or None when it holds no policy files.

    Raises PolicyError naming the file and line of the first problem found.
    """
    files = _policy_files(knowledge_dir / POLICY_DIR)
    if not files:
        return None
    parsed = {path: parse_file(path, knowledge_dir) for path in files}
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
    rates = validate_file(Rates, parsed[rates_path])
    areas_path, sectors_path = _named(files, AREAS_FILE), _named(files, SECTORS_FILE)
    areas = validate_file(AreasFile, parsed[areas_path]).areas if areas_path else []
    sectors = validate_file(SectorsFile, parsed[sectors_path]).sector_lists if sectors_path else []
    facts_path = _named(files, FACTS_FILE)
    facts = validate_file(FactsFile, parsed[facts_path]) if facts_path else FactsFile()
    programmes = [(parsed[p], validate_file(Programme, parsed[p])) for p in programme_paths]
    policy = Policy(rates=rates, programmes=[p for _, p in programmes], areas=areas,
                    sector_lists=sectors, facts=facts)
    problems = cross_check(
        policy, knowledge_dir, programmes,
        rates_file=parsed[rates_path],
        areas_file=parsed[areas_path] if areas_path else None,
        sectors_file=parsed[sectors_path] if sectors_path else None,
        facts_file=parsed[facts_path] if facts_path else None,
    )
    if problems:
        first = problems[0]
        raise PolicyError(located_message(first.file, first.loc, first.message,
                                          len(problems) - 1, "in the policy"))
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
                f"{PROGRAMME_FILE}, {RATES_FILE}.yaml, {AREAS_FILE}.yaml, {SECTORS_FILE}.yaml, "
                f"{FACTS_FILE}.yaml and {PROGRAMMES_DIR}/<programme id>.yaml"
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
        return relative.stem in (RATES_FILE, AREAS_FILE, SECTORS_FILE, FACTS_FILE)
    return len(relative.parts) == 2 and relative.parts[0] == PROGRAMMES_DIR


def _named(files: list[Path], stem: str) -> Path | None:
    return next((p for p in files if p.stem == stem and p.parent.name == POLICY_DIR), None)
