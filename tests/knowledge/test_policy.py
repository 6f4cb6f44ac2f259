"""The policy format: the bundled SSR policy, the loader's errors, and clause citations."""

from __future__ import annotations

import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from knowledge.clauses import ClauseIndex, clause_quote, is_clause_id
from knowledge.errors import PolicyError
from knowledge.index import bundled_knowledge_dir
from knowledge.policy import ClauseRef, iter_clause_refs, load_policy
from knowledge.policy.places import keyword_found

BUNDLED_PROGRAMMES = {
    "productivity-booster", "net-zero-heat-hub", "medtech-hub", "transport-hub",
    "quantum-prehub", "food-prehub", "circular-economy-prehub", "ai-robotics-prehub",
    "business-futures",
}

RATES = """\
eur_to_gbp: 0.86
clause: {source: guidance/rules.md, clause: "1.1"}
mfa_limit_gbp: 315000
mfa_clause: {source: guidance/rules.md, clause: "1.2"}
"""

AREAS = """\
areas:
  - id: city
    name: the city area
    clause: {source: guidance/rules.md, clause: "1.1"}
    councils: [Northtown, Southtown]
    towns: {Riverside: Northtown, Hilltop: Eastshire}
    districts:
      - {district: NT1, status: inside, authorities: [Northtown]}
      - {district: NT2, status: mixed, authorities: [Northtown], borders: [Eastshire]}
      - {district: ES1, status: outside, authorities: [Eastshire]}
    outside:
      - {authority: Eastshire, growth_hub: Eastshire Growth Hub, county: Eastshire}
"""

SECTORS = """\
sector_lists:
  - id: excluded
    name: excluded sectors
    clause: {source: guidance/rules.md, clause: Excluded sectors}
    sectors:
      - id: farming
        name: primary agriculture
        keywords: [farming]
        sic: ["01.1-01.6"]
"""

PROGRAMME = """\
id: test-grant
name: Test Grant
kind: grant
summary: A small grant.
criteria:
  - id: site
    label: Site in the city
    fact: area_status
    op: eq
    value: inside
    area: city
    clause: {source: guidance/rules.md, clause: "1.1"}
  - id: trading
    label: Trading for a year
    fact: months_trading
    op: gte
    value: 12
    clause: {source: guidance/rules.md, clause: "1.2"}
  - id: sector
    label: Not excluded
    fact: excluded_sector
    op: eq
    value: false
    sectors: excluded
    clause: {source: guidance/rules.md, clause: "1.2"}
award:
  intervention_rate: {micro: 0.5, small: 0.4}
  min_award_gbp: 1000
  max_award_gbp: 5000
  clause: {source: guidance/rules.md, clause: "1.2"}
rounds:
  - name: Round 1
    opens: 2026-01-12
    closes: 2026-03-27
"""

GUIDANCE = """\
---
title: Test rules
programme: test
---

# Test rules

## Who can apply

1.1 The site must be in the city.

1.2 The business must have traded for a year.

## Excluded sectors

Farming is excluded.
"""


def write_policy(root: Path, **replaced: str) -> Path:
    """A small valid knowledge folder; `replaced` swaps a policy file's text by its name."""
    files = {"rates": RATES, "areas": AREAS, "sectors": SECTORS, "test-grant": PROGRAMME}
    files.update(replaced)
    (root / "guidance").mkdir(parents=True)
    (root / "guidance" / "rules.md").write_text(GUIDANCE, encoding="utf-8")
    (root / "policy" / "programmes").mkdir(parents=True)
    for name, text in files.items():
        folder = root / "policy" / ("programmes" if name == "test-grant" else "")
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line of `text` containing `needle`."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def load_error(root: Path) -> str:
    with pytest.raises(PolicyError) as caught:
        load_policy(root)
    return str(caught.value)


# --- the bundled policy ------------------------------------------------------------------------

def test_bundled_policy_loads_with_every_programme():
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    assert {p.id for p in policy.programmes} == BUNDLED_PROGRAMMES
    for programme in policy.programmes:
        assert programme.criteria, programme.id
        assert programme.hub_slug == programme.id
        assert all(c.question for c in programme.criteria), programme.id


def test_bundled_productivity_booster_figures_match_the_rules():
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    booster = policy.programme("productivity-booster")
    assert booster is not None and booster.award is not None
    criteria = {c.fact: c for c in booster.criteria}
    assert criteria["sme_band"].value == ["micro", "small", "medium"]
    assert criteria["area_status"].value == "inside" and criteria["area_status"].area == "wmca"
    assert (criteria["months_trading"].op, criteria["months_trading"].value) == ("gte", 6)
    assert criteria["excluded_sector"].sectors == "excluded"
    assert criteria["insolvent"].value is False
    assert (criteria["public_body_share"].op, criteria["public_body_share"].value) == ("lt", 25)
    assert criteria["mfa_after_award"].value == 315000
    assert criteria["mfa_after_award"].confirmed_at_application
    assert booster.award.intervention_rate == {"micro": 0.5, "small": 0.45, "medium": 0.35}
    assert (booster.award.min_award_gbp, booster.award.max_award_gbp) == (10000, 100000)
    assert booster.award.cost_caps[0].max_share == 0.30
    assert booster.award.output_ratios[0].gbp_per_unit == 25000
    round_2 = booster.rounds[1]
    assert round_2.closes_at == datetime(2027, 1, 29, 12, 0)
    assert booster.rounds[0].closes_at.date().isoformat() == "2026-03-27"
    assert policy.rates.eur_to_gbp == 0.86 and policy.rates.mfa_limit_gbp == 315000


def test_every_bundled_programme_for_smes_applies_the_public_body_rule():
    # The SME definition (rules clauses 2.7 to 2.25) includes 2.24: 25% or more held by public
    # bodies means not an SME, whatever the size.
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    for_smes = [p for p in policy.programmes if any(c.fact == "sme_band" for c in p.criteria)]
    assert {p.id for p in for_smes} == BUNDLED_PROGRAMMES - {"business-futures"}
    for programme in for_smes:
        public = [c for c in programme.criteria if c.fact == "public_body_share"]
        assert len(public) == 1, programme.id
        assert (public[0].op, public[0].value) == ("lt", 25), programme.id
        assert public[0].clause == ClauseRef(source="guidance/rules/ssr-eligibility-rules.pdf",
                                             clause="2.24"), programme.id


def test_bundled_sector_keywords_are_unique_within_each_list():
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    for sector_list in policy.sector_lists:
        keywords = [" ".join(k.lower().split()) for s in sector_list.sectors for k in s.keywords]
        repeated = sorted({k for k in keywords if keywords.count(k) > 1})
        assert not repeated, (sector_list.id, repeated)


def test_bundled_area_copies_the_postcode_table():
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    area = policy.area("wmca")
    assert area is not None
    districts = {d.district: d for d in area.districts}
    assert districts["B15"].status == "inside"
    assert districts["B14"].status == "mixed" and districts["B14"].borders == ["Bromsgrove"]
    assert districts["CV8"].status == "outside"
    assert districts["CV7"].authorities == [
        "Solihull", "Rugby", "North Warwickshire", "Nuneaton and Bedworth"]
    assert area.towns["Kenilworth"] == "Warwick"
    assert area.towns["Cannock"] == "Cannock Chase"
    hubs = {p.authority: p.growth_hub for p in area.outside}
    assert hubs["Bromsgrove"] == "Worcestershire Growth Hub"


def test_knowledge_folder_without_policy_gives_none(tmp_path: Path):
    (tmp_path / "guidance").mkdir()
    assert load_policy(tmp_path) is None
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "programme.yaml").write_text("name: Other\n", encoding="utf-8")
    assert load_policy(tmp_path) is None


def test_small_policy_loads(tmp_path: Path):
    policy = load_policy(write_policy(tmp_path))
    assert policy is not None
    assert [p.id for p in policy.programmes] == ["test-grant"]
    assert len(list(iter_clause_refs(policy))) == 8


# --- loader errors name the file and the line ---------------------------------------------------

def test_bad_operator_names_file_and_line(tmp_path: Path):
    broken = PROGRAMME.replace("op: gte", "op: greater")
    message = load_error(write_policy(tmp_path, **{"test-grant": broken}))
    line = line_of(broken, "op: greater")
    assert message.startswith(f"policy/programmes/test-grant.yaml, line {line}: criteria.1.op:")
    assert "'gte'" in message and "(got 'greater')" in message


def test_unknown_area_reference_names_file_and_line(tmp_path: Path):
    broken = PROGRAMME.replace("area: city", "area: county")
    message = load_error(write_policy(tmp_path, **{"test-grant": broken}))
    line = line_of(broken, "area: county")
    assert message.startswith(f"policy/programmes/test-grant.yaml, line {line}: criteria.0.area:")
    assert "'county'" in message and "city" in message


def test_unknown_sector_list_reference_names_file_and_line(tmp_path: Path):
    broken = PROGRAMME.replace("sectors: excluded", "sectors: banned")
    message = load_error(write_policy(tmp_path, **{"test-grant": broken}))
    assert f"line {line_of(broken, 'sectors: banned')}: criteria.2.sectors:" in message


def test_missing_required_key_names_file_and_line(tmp_path: Path):
    broken = PROGRAMME.replace("    label: Trading for a year\n", "")
    message = load_error(write_policy(tmp_path, **{"test-grant": broken}))
    line = line_of(broken, "- id: trading")
    assert message.startswith(
        f"policy/programmes/test-grant.yaml, line {line}: criteria.1.label: required")


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path):
    broken = RATES.replace("mfa_limit_gbp: 315000", "mfa_limit_gbp: [315000")
    message = load_error(write_policy(tmp_path, rates=broken))
    assert message.startswith("policy/rates.yaml, line ")
    assert "not valid YAML" in message


def test_clause_ref_to_missing_file_names_file_and_line(tmp_path: Path):
    broken = PROGRAMME.replace(
        'clause: {source: guidance/rules.md, clause: "1.1"}',
        'clause: {source: guidance/missing.md, clause: "1.1"}')
    message = load_error(write_policy(tmp_path, **{"test-grant": broken}))
    line = line_of(broken, "guidance/missing.md")
    assert message.startswith(
        f"policy/programmes/test-grant.yaml, line {line}: criteria.0.clause.source:")
    assert "guidance/missing.md" in message


def test_round_closing_before_it_opens_names_file_and_line(tmp_path: Path):
    broken = PROGRAMME.replace("closes: 2026-03-27", "closes: 2025-12-01")
    message = load_error(write_policy(tmp_path, **{"test-grant": broken}))
    line = line_of(broken, "closes: 2025-12-01")
    assert message.startswith(
        f"policy/programmes/test-grant.yaml, line {line}: rounds.0.closes:")
    assert "closes (2025-12-01) before it opens (2026-01-12)" in message


def test_intervention_rate_above_one_is_refused(tmp_path: Path):
    broken = PROGRAMME.replace("micro: 0.5", "micro: 50")
    message = load_error(write_policy(tmp_path, **{"test-grant": broken}))
    assert "award.intervention_rate.micro" in message and "(got 50)" in message


def test_malformed_and_unquoted_sic_codes_are_refused(tmp_path: Path):
    backwards = SECTORS.replace('"01.1-01.6"', '"01.6-01.1"')
    message = load_error(write_policy(tmp_path / "a", sectors=backwards))
    assert message.startswith(f"policy/sectors.yaml, line {line_of(backwards, '01.6-01.1')}:")
    assert "ends before it starts" in message
    unquoted = SECTORS.replace('"01.1-01.6"', "01.1")
    message = load_error(write_policy(tmp_path / "b", sectors=unquoted))
    assert "sector_lists.0.sectors.0.sic.0" in message and "in quotes" in message


def test_value_that_does_not_fit_the_fact_is_refused(tmp_path: Path):
    broken = PROGRAMME.replace("value: inside", "value: nearby")
    message = load_error(write_policy(tmp_path, **{"test-grant": broken}))
    assert f"line {line_of(broken, 'value: nearby')}: criteria.0.value:" in message
    assert "inside, mixed, outside" in message


def test_duplicate_criterion_ids_are_refused(tmp_path: Path):
    broken = PROGRAMME.replace("- id: trading", "- id: site")
    message = load_error(write_policy(tmp_path, **{"test-grant": broken}))
    assert "criteria.1.id" in message and "used twice" in message


def test_district_status_must_agree_with_the_councils(tmp_path: Path):
    broken = AREAS.replace("{district: NT2, status: mixed", "{district: NT2, status: inside")
    message = load_error(write_policy(tmp_path, areas=broken))
    assert message.startswith(f"policy/areas.yaml, line {line_of(broken, 'NT2')}:")
    assert "mark it mixed" in message


def test_programme_id_must_match_its_file_name(tmp_path: Path):
    broken = PROGRAMME.replace("id: test-grant", "id: other-grant")
    message = load_error(write_policy(tmp_path, **{"test-grant": broken}))
    assert "line 1: id:" in message and "file name" in message


def test_unknown_policy_file_is_refused(tmp_path: Path):
    root = write_policy(tmp_path)
    (root / "policy" / "rate.yaml").write_text(RATES, encoding="utf-8")
    assert load_error(root).startswith("policy/rate.yaml: not a policy file")


def test_missing_rates_file_is_named(tmp_path: Path):
    root = write_policy(tmp_path)
    (root / "policy" / "rates.yaml").unlink()
    assert "policy/rates.yaml is missing" in load_error(root)


def test_repeated_yaml_key_is_refused(tmp_path: Path):
    broken = PROGRAMME.replace("    op: gte\n", "    op: gte\n    op: lt\n")
    message = load_error(write_policy(tmp_path, **{"test-grant": broken}))
    assert f"line {line_of(broken, 'op: lt')}" in message and "twice" in message


# --- clause quotes ------------------------------------------------------------------------------

def test_clause_quote_keeps_sub_clauses_and_stops_at_the_next_clause():
    text = textwrap.dedent("""\
        3.8 The minimum grant is GBP 10,000.
        3.9 The rate depends on the band:
        3.9.1 Micro businesses: 50%.
        3.9.2 Small businesses: 45%.
        3.10 Consultancy may make up at most 30%.""")
    assert clause_quote(text, "3.9") == (
        "3.9 The rate depends on the band: 3.9.1 Micro businesses: 50%. "
        "3.9.2 Small businesses: 45%.")
    assert clause_quote(text, "3.9.1") == "3.9.1 Micro businesses: 50%."


def test_clause_quote_drops_a_heading_run_into_the_clause():
    text = "4.7 Every project must involve a partner. 4B. Net Zero Carbon Heat Hub\n4.8 Next."
    assert clause_quote(text, "4.7") == "4.7 Every project must involve a partner."


def test_clause_ids_are_told_from_headings():
    assert all(is_clause_id(t) for t in ("3.4", "2.14.1", "(3.2)", "E2.4", "TF-3.15", "CD/2.1",
                                         "RULE-4.2"))
    assert not any(is_clause_id(t) for t in ("2. The limit", "The excluded sectors", "3"))


# --- every citation of the bundled policy is real ------------------------------------------------

@pytest.mark.slow
def test_every_bundled_clause_ref_resolves_to_its_clause(bundled):
    policy = load_policy(bundled.knowledge_dir)
    assert policy is not None
    clauses = ClauseIndex(bundled.index)
    refs = {ref for _, ref in iter_clause_refs(policy)}
    unresolved = [ref for ref in refs if clauses.resolve(ref) is None]
    assert not unresolved
    for ref in refs:
        record = clauses.resolve(ref)
        assert record is not None and record.source == ref.source and record.title
        if is_clause_id(ref.clause):
            assert record.quote.startswith(ref.clause + " "), (ref, record.quote)
            assert record.locator.startswith(f"clause {ref.clause}")
        else:
            assert ref.clause in record.locator and record.quote


@pytest.mark.slow
def test_clause_index_returns_none_for_what_is_not_there(bundled):
    clauses = ClauseIndex(bundled.index)
    rules = "guidance/rules/ssr-eligibility-rules.pdf"
    assert clauses.resolve(ClauseRef(source=rules, clause="9.99")) is None
    assert clauses.resolve(ClauseRef(source=rules, clause="No such heading")) is None
    assert clauses.resolve(ClauseRef(source="guidance/none.md", clause="1.1")) is None
    record = clauses.resolve(ClauseRef(source=rules, clause="3.4"))
    assert record is not None
    assert record.quote == ("3.4 The applicant must have been trading for at least 6 months on "
                            "the date of application.")
    assert record.locator.endswith(", page 4")


@pytest.mark.slow
def test_both_stores_list_the_same_chunks_of_a_source(bundled):
    source = "guidance/public-facts/excluded-sectors.md"
    lexical = bundled.index.lexical.chunks_of(source)
    dense = bundled.index.vectors.chunks_of(source)
    assert lexical and [c.id for c in lexical] == [c.id for c in dense]
    assert [c.index for c in lexical] == sorted(c.index for c in lexical)


# --- support in kind --------------------------------------------------------------------------

IN_KIND = """\
in_kind:
  - name: Mentor visit
    value_gbp: 650
    clause: {source: guidance/rules.md, clause: "1.2"}
"""


def test_support_in_kind_is_valued_a_unit_and_read_as_earlier_support(tmp_path: Path):
    from datetime import date

    from assistant.facts import FactExtractor

    policy = load_policy(write_policy(tmp_path, rates=RATES + IN_KIND))
    assert policy is not None
    (item,) = policy.rates.in_kind
    assert (item.unit, item.kind, item.value_gbp) == ("visit", "Mentor", 650)
    read = FactExtractor.from_policy(policy).extract
    facts = read("We have had 3 mentor visits and a £2,000 grant from the city in 2026.",
                 date(2026, 9, 1))
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 3 * 650 + 2_000
    # visits asked about, not had, are no earlier support
    assert read("What are 4 mentor visits worth?", date(2026, 9, 1)).prior_public_support is None


def test_support_in_kind_without_a_value_names_file_and_line(tmp_path: Path):
    broken = RATES + IN_KIND.replace("    value_gbp: 650\n", "")
    message = load_error(write_policy(tmp_path, rates=broken))
    assert message.startswith(f"policy/rates.yaml, line {line_of(broken, '- name: Mentor')}: "
                              "in_kind.0.value_gbp: required")


@pytest.mark.slow
def test_a_citation_its_document_does_not_hold_is_named(bundled):
    from knowledge.clauses import unfound_clauses

    policy = load_policy(bundled.knowledge_dir)
    assert policy is not None
    assert unfound_clauses(policy, bundled.index) == []
    booster = next(p for p in policy.programmes if p.id == "productivity-booster")
    first = booster.criteria[0]
    moved = first.model_copy(update={"clause": first.clause.model_copy(update={"clause": "9.77"})})
    broken = policy.model_copy(update={"programmes": [
        booster.model_copy(update={"criteria": [moved, *booster.criteria[1:]]})]})
    (line,) = unfound_clauses(broken, bundled.index)
    assert line == (f"programmes > productivity-booster > criteria > {first.id} > clause: "
                    f"clause '9.77' is not in {first.clause.source}")


@pytest.mark.parametrize(("keyword", "text", "found"), [
    ("machine vision", "we build machine-vision inspection software", True),
    ("machine vision", "a machine - vision start-up", True),
    ("heat pump", "heat-pump enclosures", True),
    ("heat pump", "heat-pumped", False),
])
def test_a_keyword_of_several_words_is_found_hyphenated(keyword: str, text: str,
                                                        found: bool) -> None:
    assert keyword_found(keyword, text) is found


@pytest.mark.parametrize("paragraph", [
    "CD/2.1 The site must be in one of the partner council areas.",
    "TF-3.15 You must accept an offer within 30 days.",
])
def test_a_clause_id_of_another_shape_opens_its_paragraph(paragraph):
    from knowledge.loaders.common import clause_of
    assert clause_of(paragraph) == paragraph.split()[0]
