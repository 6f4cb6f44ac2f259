"""Another programme's eligibility, written in policy format 2, applied with no code change:
the ports programme's four strands (tests/data/other-programme) and the Irish programme's area
(tests/data/other-country). Facts are given as the readers would give them; the declared
facts' readers are tested on sentences of their own.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from assistant.business import Facts, Holding, Money
from assistant.eligibility import Assessment, EligibilityEngine
from assistant.facts import FactExtractor
from assistant.facts.declared import DeclaredReader
from knowledge.policy import Policy, load_policy

DATA = Path(__file__).resolve().parents[1] / "data"
TODAY = datetime(2026, 12, 4, 10, 0)


@pytest.fixture(scope="module")
def ports() -> Policy:
    policy = load_policy(DATA / "other-programme" / "knowledge")
    assert policy is not None
    return policy


@pytest.fixture(scope="module")
def ireland() -> Policy:
    policy = load_policy(DATA / "other-country" / "knowledge")
    assert policy is not None
    return policy


def _engine(policy: Policy, today: datetime = TODAY) -> EligibilityEngine:
    return EligibilityEngine(policy, today=lambda: today)


# A haulier in Grimsby that meets every rule of the capital grant it can be asked about in chat.
GOOD = dict(
    employees=30, turnover=Money(amount=3_000_000), local_authority="North East Lincolnshire",
    months_trading=72, insolvent=False, sector_text="road haulage",
    declared={"registered": True, "actively_trading": True, "grant_arrears": False,
              "co2e_saving_tonnes": 40.0, "carbon_baseline": True},
)


def _grant(policy: Policy, **changes: object) -> Assessment:
    facts = Facts(**{**GOOD, **changes})  # type: ignore[arg-type]
    return _engine(policy).assess_one(facts, "clean-growth-capital-grant")


def _criterion(assessment: Assessment, criterion_id: str):
    return next(c for c in assessment.criteria if c.id == criterion_id)


# --- rules over declared facts -----------------------------------------------------------


def test_a_business_meeting_every_rule_is_eligible(ports: Policy):
    assessment = _grant(ports)
    assert assessment.decision == "eligible", [(c.id, c.met, c.explanation)
                                               for c in assessment.criteria]
    assert _criterion(assessment, "C2").met is True
    assert "40 tonnes of CO2e a year" in _criterion(assessment, "C2").explanation


def test_a_saving_below_the_minimum_is_not_met_and_says_why(ports: Policy):
    declared = {**GOOD["declared"], "co2e_saving_tonnes": 6.0}  # type: ignore[dict-item]
    assessment = _grant(ports, declared=declared)
    assert assessment.decision == "ineligible"
    assert assessment.failing == ["C2"]
    assert "6 tonnes of CO2e a year" in _criterion(assessment, "C2").explanation


def test_all_of_is_unknown_until_every_part_is_known_and_asks_the_declared_question(
        ports: Policy):
    declared = {k: v for k, v in GOOD["declared"].items()  # type: ignore[attr-defined]
                if k != "registered"}
    assessment = _grant(ports, declared=declared)
    assert assessment.decision == "need_more_info"
    assert _criterion(assessment, "E3").met is None
    assert _criterion(assessment, "E3").missing_facts == ["registered"]
    assert ports.facts.facts["registered"].question in assessment.next_questions


def test_all_of_fails_on_one_part_even_with_another_unknown(ports: Policy):
    declared = {**GOOD["declared"], "grant_arrears": True}  # type: ignore[dict-item]
    assessment = _grant(ports, declared=declared, insolvent=None)
    assert _criterion(assessment, "E4").met is False
    assert assessment.decision == "ineligible"


def test_the_share_capital_test_exempts_a_business_under_three_years(ports: Policy):
    declared = {**GOOD["declared"], "lost_half_share_capital": True}  # type: ignore[dict-item]
    young = _grant(ports, declared=declared, months_trading=24)
    assert _criterion(young, "E5").met is True
    old = _grant(ports, declared=declared, months_trading=48)
    assert _criterion(old, "E5").met is False
    assert old.decision == "ineligible"


def test_a_rule_confirmed_at_application_does_not_hold_up_the_check(ports: Policy):
    assessment = _grant(ports)
    double = _criterion(assessment, "E6")
    assert double.met is None and double.confirmed_at_application
    assert "double_funded" not in assessment.missing_facts


def test_a_derived_fact_and_a_lookup_by_band(ports: Policy):
    facts = Facts(**{**GOOD, "project_cost": Money(amount=100_000)})  # type: ignore[arg-type]
    assessment = _engine(ports).assess_one(facts, "clean-growth-capital-grant")
    assert assessment.award is not None and assessment.award.grant_gbp == 40_000
    # £40,000 for 40 tonnes: £1,000 a tonne, under the £4,000 ceiling of a small business
    assert _criterion(assessment, "C7").met is True
    declared = {**GOOD["declared"], "co2e_saving_tonnes": 11.0}  # type: ignore[dict-item]
    facts = Facts(**{**GOOD, "project_cost": Money(amount=200_000), "declared": declared})
    over = _engine(ports).assess_one(facts, "clean-growth-capital-grant")
    assert over.award is not None and over.award.grant_gbp == 50_000  # the maximum
    assert _criterion(over, "C7").met is False  # £4,545 a tonne


def test_a_diagnostic_within_24_months_must_wait(ports: Policy):
    base = {"employees": 12, "turnover": Money(amount=1_200_000),
            "local_authority": "North Lincolnshire"}
    recent = Facts(**base, declared={"had_diagnostic": True, "last_diagnostic": "2025-03-01"})
    old = Facts(**base, declared={"had_diagnostic": True, "last_diagnostic": "2024-06-01"})
    never = Facts(**base, declared={"had_diagnostic": False})
    engine = _engine(ports)
    assert engine.assess_one(recent, "net-zero-diagnostic").decision == "ineligible"
    assert engine.assess_one(old, "net-zero-diagnostic").decision == "eligible"
    assert engine.assess_one(never, "net-zero-diagnostic").decision == "eligible"
    unknown = engine.assess_one(Facts(**base, declared={"had_diagnostic": True}),
                                "net-zero-diagnostic")
    assert unknown.decision == "need_more_info"
    assert ports.facts.facts["last_diagnostic"].question in unknown.next_questions


def test_a_choice_fact_in_a_list(ports: Policy):
    facts = Facts(employees=8, local_authority="Hull",
                  declared={"training_topic": "hydrogen safety"})
    assert _engine(ports).assess_one(facts, "green-skills").decision == "eligible"
    facts = Facts(employees=300, local_authority="Hull",
                  declared={"training_topic": "hydrogen safety"})
    assert _engine(ports).assess_one(facts, "green-skills").failing == ["S-size"]


# --- the SME test as data -----------------------------------------------------------------------


def test_the_size_test_is_the_programmes_own_in_pounds(ports: Policy):
    engine = _engine(ports)
    medium = engine.assess_one(Facts(**{**GOOD, "employees": 60,
                                        "turnover": Money(amount=43_000_000)}),
                               "clean-growth-capital-grant")
    assert medium.band == "medium"
    assert "£44m" in " ".join(medium.band_working)
    large = engine.assess_one(Facts(**{**GOOD, "employees": 60,
                                       "turnover": Money(amount=45_000_000),
                                       "balance_sheet": Money(amount=39_000_000)}),
                              "clean-growth-capital-grant")
    assert large.band == "large" and large.failing == ["E1"]
    small = engine.assess_one(Facts(**GOOD), "clean-growth-capital-grant")  # type: ignore[arg-type]
    assert small.band == "small"  # no micro band in this programme's test


def test_an_exempt_investor_up_to_half_is_not_a_partner(ports: Policy):
    holding = Holding(share_percent=45, holder="a venture capital fund", holder_kind="investor",
                      employees=900, turnover=Money(amount=80_000_000))
    assessment = _grant(ports, holdings=[holding])
    assert assessment.band == "small"
    assert any("does not on its own stop the business being autonomous" in line
               for line in assessment.band_working)
    partner = Holding(share_percent=45, holder="a larger group", holder_kind="enterprise",
                      employees=900, turnover=Money(amount=80_000_000))
    assert _grant(ports, holdings=[partner]).band == "large"


# --- awards -----------------------------------------------------------------------------------


def test_a_cap_in_percent_and_a_cap_in_pounds(ports: Policy):
    declared = {**GOOD["declared"], "training_cost": 20_000.0,  # type: ignore[dict-item]
                "metering_cost": 15_000.0}
    facts = Facts(**{**GOOD, "project_cost": Money(amount=100_000), "declared": declared})
    award = _engine(ports).assess_one(facts, "clean-growth-capital-grant").award
    assert award is not None
    text = "\n".join(line.text for line in award.lines)
    assert "Training may be at most 10% of eligible costs" in text
    assert "Metering may be at most £10,000" in text
    assert "the other £5,000 is not eligible" in text
    assert award.eligible_costs_gbp == pytest.approx(88_888.89)
    assert "Not eligible costs: vehicles." in text
    assert "linked enterprises receive, together" in text


def test_a_voucher_with_places_a_year(ports: Policy):
    facts = Facts(employees=5, turnover=Money(amount=400_000), local_authority="Hull",
                  project_cost=Money(amount=8_000))
    award = _engine(ports).assess_one(facts, "feasibility-voucher").award
    assert award is not None and award.grant_gbp == 6_000
    assert any("40 vouchers a year" in line.text for line in award.lines)


def test_a_round_closes_at_noon_local_time_whatever_the_servers_zone(ports: Policy):
    facts = Facts(**GOOD)  # type: ignore[arg-type]
    chicago = timezone(timedelta(hours=-6))
    before = datetime(2027, 2, 26, 5, 30, tzinfo=chicago)  # 11:30 in London
    after = datetime(2027, 2, 26, 6, 30, tzinfo=chicago)  # 12:30 in London
    status = _engine(ports, before).assess_one(facts, "clean-growth-capital-grant")
    assert status.round_status is not None and status.round_status.state == "open"
    status = _engine(ports, after).assess_one(facts, "clean-growth-capital-grant")
    assert status.round_status is not None and status.round_status.state == "closed"


# --- areas of any country ----------------------------------------------------------------------


def test_a_district_of_a_postcode_area_the_programme_does_not_reach_is_outside(ports: Policy):
    engine = _engine(ports)
    leeds = engine.assess_one(Facts(**{**GOOD, "local_authority": None, "postcode": "LS1 4AP"}),
                              "clean-growth-capital-grant")
    site = _criterion(leeds, "E2")
    assert site.met is False and "LS" in site.explanation
    assert "the Growth Hub for your own area" in site.explanation
    york = engine.assess_one(Facts(**{**GOOD, "local_authority": None, "postcode": "YO30 4XY"}),
                             "clean-growth-capital-grant")
    assert _criterion(york, "E2").met is False
    mixed = engine.assess_one(Facts(**{**GOOD, "local_authority": None, "postcode": "DN14 5AB"}),
                              "clean-growth-capital-grant")
    assert _criterion(mixed, "E2").met is None


def test_an_eircode_is_read_and_placed(ireland: Policy):
    extractor = FactExtractor.from_policy(ireland)
    facts = extractor.extract("Our workshop is at v94t9px, we make bicycle parts.",
                              today=date(2026, 12, 4))
    assert facts.postcode == "V94 T9PX"
    engine = _engine(ireland)
    inside = engine.assess_one(facts, "innovation-grant")
    assert _criterion(inside, "area").met is True
    cork = extractor.extract("We're at T12 X2Y3.", today=date(2026, 12, 4))
    outside = _criterion(engine.assess_one(cork, "innovation-grant"), "area")
    assert outside.met is False and "Local Enterprise Office in Cork" in outside.explanation


def test_a_county_is_named_with_the_areas_own_word(ireland: Policy):
    facts = FactExtractor.from_policy(ireland).extract("We make furniture in Ennis.",
                                                       today=date(2026, 12, 4))
    site = _criterion(_engine(ireland).assess_one(facts, "innovation-grant"), "area")
    assert site.met is True and "one of the counties of the Mid-West" in site.explanation


# --- the declared facts' readers --------------------------------------------------------------


@pytest.fixture(scope="module")
def reader(ports: Policy) -> DeclaredReader:
    return DeclaredReader(ports.facts.facts)


@pytest.mark.parametrize(("text", "expected"), [
    ("The new kiln should save roughly 45 tonnes of CO2e every year.",
     {"co2e_saving_tonnes": 45.0}),
    ("We're a limited company and still trading, no arrears on anything.",
     {"registered": True, "actively_trading": True, "grant_arrears": False}),
    ("We haven't had a diagnostic before.", {"had_diagnostic": False}),
    ("We had an energy audit in June 2024 from the council.",
     {"had_diagnostic": True, "last_diagnostic": "2024-06-01"}),
    ("Of the £90k, about £12k is training and £8k is sub-meters.",
     {"training_cost": 12_000.0, "metering_cost": 8_000.0}),
    ("We'd like places on the hydrogen safety course.", {"training_topic": "hydrogen safety"}),
    ("We've got a carbon baseline for last year.", {"carbon_baseline": True}),
])
def test_declared_facts_are_read_near_their_words(reader: DeclaredReader, text: str,
                                                   expected: dict[str, object]):
    found, sources = reader.read(text, today=date(2026, 12, 4))
    assert {k: found[k] for k in expected if k in found} == expected, found
    assert set(expected) <= set(sources)


def test_a_bare_answer_is_read_as_the_fact_just_asked(reader: DeclaredReader):
    assert reader.read("yes", asked="carbon_baseline")[0] == {"carbon_baseline": True}
    assert reader.read("No.", asked="grant_arrears")[0] == {"grant_arrears": False}
    assert reader.read("about 25", asked="co2e_saving_tonnes")[0] == {
        "co2e_saving_tonnes": 25.0}
    assert reader.read("no idea", asked="co2e_saving_tonnes")[0] == {}


def test_a_message_without_the_facts_words_gives_nothing(reader: DeclaredReader):
    assert reader.read("We make steel brackets for wind turbines in Hull.")[0] == {}


def test_what_was_understood_names_declared_facts_with_their_labels(ports: Policy):
    from assistant.understood import understood, understood_line

    facts = Facts(employees=30, declared={"co2e_saving_tonnes": 40.0, "carbon_baseline": True,
                                          "training_cost": 12_000.0})
    items = understood(facts, {"co2e_saving_tonnes": "we'd save 40 tonnes of CO2e"},
                       declared=ports.facts.facts)
    by_fact = {item.fact: item for item in items}
    assert by_fact["co2e_saving_tonnes"].value == "40 tonnes of CO2e a year"
    assert by_fact["co2e_saving_tonnes"].text == "we'd save 40 tonnes of CO2e"
    assert by_fact["carbon_baseline"].value == "a carbon baseline: yes"
    assert by_fact["training_cost"].value == "the training cost: £12k"
    line = understood_line(items)
    assert line.startswith("I understood: 30 staff, ") and "40 tonnes of CO2e a year" in line


def test_a_yes_or_no_fact_is_not_read_from_a_question(reader: DeclaredReader):
    assert reader.read("Do we need a carbon baseline before applying?")[0] == {}
    assert reader.read("Is being in arrears a problem?")[0] == {}



def test_a_list_of_records_is_read_item_by_item(reader: DeclaredReader):
    found, _ = reader.read("The heat pump is £60,000, metering £8k and two vans at £45,000.")
    assert found["cost_items"] == [{"item": "heat pump", "amount": 60_000.0},
                                   {"item": "metering", "amount": 8_000.0},
                                   {"item": "vans", "amount": 45_000.0}]


def test_a_rule_over_records_takes_off_the_excluded_items(ports: Policy):
    items = [{"item": "heat pump", "amount": 10_000.0}, {"item": "vans", "amount": 45_000.0}]
    assessment = _grant(ports, declared={**GOOD["declared"],  # type: ignore[dict-item]
                                         "cost_items": items})
    rule = _criterion(assessment, "C8")
    assert rule.met is False  # £55,000 listed, £45,000 of it vans: £10,000 eligible
    assert assessment.decision == "ineligible"
    items[0]["amount"] = 20_000.0
    assessment = _grant(ports, declared={**GOOD["declared"],  # type: ignore[dict-item]
                                         "cost_items": items})
    assert _criterion(assessment, "C8").met is True
    assert _criterion(_grant(ports), "C8").met is None  # not known: confirmed at application


def test_a_postcode_district_wholly_outside_decides_over_a_postal_town(ports: Policy):
    facts = Facts(**{**GOOD, "local_authority": "Hull", "postcode": "YO30 4XY"})  # type: ignore
    site = _criterion(_engine(ports).assess_one(facts, "clean-growth-capital-grant"), "E2")
    assert site.met is False
    mixed = Facts(**{**GOOD, "local_authority": "East Riding of Yorkshire",  # type: ignore
                     "postcode": "DN14 5AB"})
    assert _criterion(_engine(ports).assess_one(mixed, "clean-growth-capital-grant"),
                      "E2").met is True  # a mixed district: the council named decides
