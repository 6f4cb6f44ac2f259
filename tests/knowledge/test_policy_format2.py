"""Policy format 2, as another programme writes it: declared facts, rules as expressions, derived
facts and tables, the SME test as data, awards with caps in pounds, excluded costs, places and
shared limits, areas of any country, aliases and clause ids of any shape. Each mistake in a
policy is reported with its file and line, and nothing is evaluated by `eval`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge.clauses import is_clause_id
from knowledge.errors import PolicyError
from knowledge.loaders.common import clause_of
from knowledge.policy import load_policy

DATA = Path(__file__).resolve().parents[1] / "data"
PORTS = DATA / "other-programme" / "knowledge"
IRELAND = DATA / "other-country" / "knowledge"


@pytest.fixture
def ports(tmp_path: Path) -> Path:
    """A copy of the ports programme's folder, free to break."""
    root = tmp_path / "knowledge"
    shutil.copytree(PORTS, root)
    return root


def _replace(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def _error(root: Path) -> str:
    with pytest.raises(PolicyError) as caught:
        load_policy(root)
    return str(caught.value)


# --- the two sample folders load ------------------------------------------------------------


def test_the_ports_programme_writes_four_strands_with_the_new_constructs():
    policy = load_policy(PORTS)
    assert policy is not None
    by_id = {p.id: p for p in policy.programmes}
    assert set(by_id) == {"net-zero-diagnostic", "clean-growth-capital-grant",
                          "feasibility-voucher", "green-skills"}
    assert "the diagnostic" in by_id["net-zero-diagnostic"].aliases
    assert by_id["feasibility-voucher"].kind == "voucher"
    grant = by_id["clean-growth-capital-grant"]
    rules = [c for c in grant.criteria if c.rule is not None]
    assert {c.id for c in rules} >= {"E3", "E4", "E5", "E6", "C2", "C7"}
    assert {c.clause.clause for c in grant.criteria} >= {"E2", "E8", "C2", "2.3"}
    assert grant.award is not None
    assert {c.category: c.max_gbp for c in grant.award.cost_caps}["metering"] == 10000
    assert [e.item for e in grant.award.excluded_costs] == ["vehicles", "land and buildings"]
    assert grant.award.shared_with_linked
    assert by_id["feasibility-voucher"].award.places_per_year == 40  # type: ignore[union-attr]
    assert policy.rates.sme.currency == "GBP"
    assert [b.band for b in policy.rates.sme.bands] == ["small", "medium"]
    assert policy.time_zone == "Europe/London"
    assert policy.facts.facts["co2e_saving_tonnes"].type == "number"
    assert policy.facts.derived["grant_per_tonne_gbp"] == "award_gbp / co2e_saving_tonnes"
    assert policy.areas[0].postcode_areas == ["HU", "DN", "YO"]


def test_the_irish_programme_writes_its_area_by_county_and_eircode():
    policy = load_policy(IRELAND)
    assert policy is not None
    area = policy.areas[0]
    assert area.councils == ["Limerick", "Clare", "North Tipperary"]
    assert area.authority_word == "county"
    assert area.postcode_pattern
    assert {d.district for d in area.districts} >= {"V94", "E34", "T12"}
    assert policy.programmes[0].time_zone == "Europe/Dublin"


def test_clause_ids_without_a_dot_are_clause_ids():
    assert all(is_clause_id(c) for c in ("E8", "D2", "3.4", "E2.4", "(3.2)"))
    assert not is_clause_id("The excluded sectors")
    assert clause_of("E1. The business must be an SME.") == "E1"
    assert clause_of("**E8.** All support counts.") == "E8"
    assert clause_of("CO2 emissions fell.") is None
    assert clause_of("M6 junction 10 is near.") is None


# --- mistakes are named with their file and line ----------------------------------------------


def test_a_rule_reading_an_undeclared_fact_names_file_and_line(ports: Path):
    path = ports / "policy" / "programmes" / "clean-growth-capital-grant.yaml"
    text = _replace(path, "rule: not double_funded", "rule: not double_funding")
    message = _error(ports)
    assert "policy/programmes/clean-growth-capital-grant.yaml" in message
    assert f"line {_line(text, 'not double_funding')}" in message
    assert "'double_funding'" in message and "facts.yaml" in message


def test_a_rule_that_is_not_an_expression_names_file_and_line(ports: Path):
    path = ports / "policy" / "programmes" / "green-skills.yaml"
    text = _replace(path, "rule: employees < 250", "rule: employees < < 250")
    message = _error(ports)
    assert "green-skills.yaml" in message and "not an expression" in message
    assert f"line {_line(text, 'employees < < 250')}" in message


@pytest.mark.parametrize("expression", ['__import__("os").system("true")', "open('x')",
                                        "employees.__class__", "(lambda: 1)()"])
def test_a_rule_cannot_call_what_rules_do_not_offer(ports: Path, expression: str):
    path = ports / "policy" / "programmes" / "green-skills.yaml"
    _replace(path, "rule: employees < 250", f"rule: '{expression}'" if '"' in expression
             else f'rule: "{expression}"')
    message = _error(ports)
    assert "green-skills.yaml" in message
    assert "calls a function" in message or "write facts by name" in message


def test_a_derived_fact_that_depends_on_itself_is_refused(ports: Path):
    path = ports / "policy" / "facts.yaml"
    text = _replace(path, "grant_per_tonne_gbp: award_gbp / co2e_saving_tonnes",
                    "grant_per_tonne_gbp: award_gbp / tonnes\n  tonnes: grant_per_tonne_gbp * 2")
    message = _error(ports)
    assert "policy/facts.yaml" in message and "derived from itself" in message
    assert f"line {_line(text, 'grant_per_tonne_gbp: award_gbp')}" in message


def test_a_declared_fact_of_an_unknown_type_names_the_types(ports: Path):
    path = ports / "policy" / "facts.yaml"
    text = _replace(path, "    type: number\n", "    type: tonnes\n")
    message = _error(ports)
    assert "policy/facts.yaml" in message and "'number'" in message
    assert f"line {_line(text, 'type: tonnes')}" in message


def test_a_choice_fact_needs_its_choices(ports: Path):
    path = ports / "policy" / "facts.yaml"
    _replace(path, "    choices: [heat pump installation, electric vehicle maintenance, energy "
                   "management, hydrogen safety]\n", "")
    assert "choices" in _error(ports)


def test_a_cost_cap_needs_a_share_or_an_amount(ports: Path):
    path = ports / "policy" / "programmes" / "clean-growth-capital-grant.yaml"
    _replace(path, "{category: metering, max_gbp: 10000,", "{category: metering,")
    message = _error(ports)
    assert "clean-growth-capital-grant.yaml" in message and "max_share, max_gbp" in message


def test_a_cost_cap_reading_a_fact_that_is_not_money_is_refused(ports: Path):
    path = ports / "policy" / "programmes" / "clean-growth-capital-grant.yaml"
    _replace(path, "fact: metering_cost", "fact: carbon_baseline")
    assert "'carbon_baseline' is not a money fact" in _error(ports)


def test_a_size_test_with_bands_out_of_order_is_refused(ports: Path):
    path = ports / "policy" / "rates.yaml"
    text = _replace(path, "staff_below: 50,", "staff_below: 500,")
    message = _error(ports)
    assert "policy/rates.yaml" in message and "smallest up" in message
    assert f"line {_line(text, 'bands:')}" in message


def test_a_criterion_with_both_a_rule_and_a_fact_is_refused(ports: Path):
    path = ports / "policy" / "programmes" / "green-skills.yaml"
    _replace(path, "rule: employees < 250", "rule: employees < 250\n    fact: employees")
    assert "either a rule or fact, op and value" in _error(ports)


def test_a_postcode_pattern_that_is_not_a_pattern_is_refused(tmp_path: Path):
    root = tmp_path / "knowledge"
    shutil.copytree(IRELAND, root)
    _replace(root / "policy" / "areas.yaml", "postcode_pattern: '", "postcode_pattern: '((")
    message = _error(root)
    assert "policy/areas.yaml" in message and "regular expression" in message
