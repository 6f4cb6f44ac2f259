"""The eligibility engine on small policies built here, and on the bundled policy.

The test policy is a made-up programme in a made-up area, so nothing here depends on the
bundled content: the engine must get every rule from the policy it is given.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from assistant.business import Facts, Holding, Money
from assistant.eligibility import (
    Assessment,
    EligibilityEngine,
    UnknownProgrammeError,
    classify_size,
    outward_code,
    to_reply,
)
from assistant.reply import Citation
from knowledge.index import bundled_knowledge_dir
from knowledge.policy import (
    Area,
    Award,
    ClauseRef,
    CostCap,
    Criterion,
    District,
    FundingRound,
    OutputRatio,
    OutsidePointer,
    Policy,
    Programme,
    Rates,
    Sector,
    SectorList,
    load_policy,
)

RULES = "guidance/rules.md"


def clause(number: str) -> ClauseRef:
    return ClauseRef(source=RULES, clause=number)


AREA = Area(
    id="midshire",
    name="the Midshire area",
    councils=["Brookley", "Castleton", "Ashford Vale"],
    towns={"Little Brook": "Brookley"},
    districts=[
        District(district="AB1", status="inside", places="Brookley centre",
                 authorities=["Brookley"]),
        District(district="AB2", status="inside", places="Ashford", authorities=["Ashford Vale"]),
        District(district="AB3", status="mixed", places="Castle Hill, Dunfield",
                 authorities=["Castleton", "Dunmore"]),
        District(district="ZZ9", status="outside", places="Dunfield", authorities=["Dunmore"]),
        District(district="ZY4", status="outside", places="Eastwick", authorities=["Eastmoor"]),
        # a place across two districts, both inside, named without its council
        District(district="AB5", status="inside", places="Kings Meadow",
                 authorities=["Brookley"]),
        District(district="AB6", status="inside", places="Kings Meadow (north), Oldacre",
                 authorities=["Castleton"]),
    ],
    outside=[
        OutsidePointer(authority="Dunmore", growth_hub="the Dunmore Growth Hub"),
        OutsidePointer(authority="Eastmoor", growth_hub="the Eastmoor Business Gateway"),
    ],
    clause=clause("2.1"),
)

EXCLUDED = SectorList(
    id="excluded", name="the excluded sectors", clause=clause("2.28"),
    sectors=[
        Sector(id="agriculture", name="primary agricultural production",
               keywords=["farming", "agriculture"], sic=["01.1-01.6", "01.7"],
               reason="Farm support comes from other schemes."),
        Sector(id="fisheries", name="fisheries and aquaculture",
               keywords=["fishing", "aquaculture", "fish farm"], sic=["03"]),
        Sector(id="finance", name="banking and insurance", keywords=["bank", "insurance"],
               sic=["64-66"]),
        Sector(id="weapons", name="weapons and ammunition", keywords=["ammunition"],
               sic=["25.4"]),
    ],
)

MEDTECH = SectorList(
    id="medtech", name="the medical technologies sector", clause=clause("4.10"),
    sectors=[Sector(id="devices", name="medical devices",
                    keywords=["medical device", "diagnostics"], sic=["32.5", "26.6"])],
    outside=[Sector(id="medicines", name="developing medicines",
                    keywords=["drug discovery", "generic medicines"], sic=["21"],
                    reason="Medicines are outside the sector (4.12).")],
)


def size_criterion(priority: int = 10) -> Criterion:
    return Criterion(id="sme", label="An SME", fact="sme_band", op="in",
                     value=["micro", "small", "medium"], clause=clause("3.2"),
                     priority=priority,
                     question="How many staff does the business have, and what is its "
                              "turnover?")


def area_criterion(priority: int = 20, **texts: str) -> Criterion:
    return Criterion(id="area", label="Site in the area", fact="area_status", op="eq",
                     value="inside", area="midshire", clause=clause("3.3"), priority=priority,
                     question="What is the postcode of the site?", **texts)


BOOSTER = Programme(
    id="booster", name="Growth Booster", kind="grant", summary="Grants for SMEs.",
    criteria=[
        size_criterion(),
        area_criterion(),
        Criterion(id="trading", label="Trading for 6 months", fact="months_trading", op="gte",
                  value=6, clause=clause("3.4"), priority=30),
        Criterion(id="sector", label="Not in an excluded sector", fact="excluded_sector",
                  op="eq", value=False, sectors="excluded", clause=clause("3.5"), priority=40),
        Criterion(id="insolvency", label="Not insolvent", fact="insolvent", op="eq",
                  value=False, clause=clause("3.6"), priority=60),
        Criterion(id="public", label="Under 25% public ownership", fact="public_body_share",
                  op="lt", value=25, clause=clause("2.24"), priority=70),
        Criterion(id="mfa", label="MFA headroom", fact="mfa_after_award", op="lte",
                  value=315_000, clause=clause("3.7"), priority=80,
                  confirmed_at_application=True),
    ],
    award=Award(
        intervention_rate={"micro": 0.5, "small": 0.45, "medium": 0.35},
        min_award_gbp=10_000, max_award_gbp=100_000, clause=clause("3.8"),
        cost_caps=[CostCap(category="consultancy", max_share=0.3, clause=clause("3.10"))],
        output_ratios=[OutputRatio(name="jobs", gbp_per_unit=25_000,
                                   unit="new or safeguarded job", clause=clause("3.11"))],
    ),
    rounds=[
        FundingRound(name="Round 1", opens=date(2026, 1, 12), closes=date(2026, 3, 27),
                     clause=clause("3.14")),
        FundingRound(name="Round 2", opens=date(2026, 9, 7),
                     closes=datetime(2027, 1, 29, 12, 0), clause=clause("3.14")),
        FundingRound(name="Round 3", opens=date(2027, 5, 4), closes=date(2027, 7, 30),
                     clause=clause("3.14")),
    ],
)

HUB = Programme(
    id="medhub", name="Medical Hub", kind="hub", summary="Support for medtech SMEs.",
    criteria=[
        size_criterion(),
        area_criterion(),
        Criterion(id="fit", label="In the medtech sector", fact="sector_fit", op="eq",
                  value=True, sectors="medtech", clause=clause("4.10"), priority=30),
    ],
)

FUTURES = Programme(
    id="futures", name="Futures Analytics", kind="service", summary="Free analytics.",
    criteria=[area_criterion(met_text="Your site is {value} the area, as required.",
                             not_met_text="Your site is {value} the area; it must be "
                                          "{limit}.",
                             unknown_text="We need to know where your site is.")],
)

POLICY = Policy(
    rates=Rates(eur_to_gbp=0.86, clause=clause("2.15"), mfa_limit_gbp=315_000,
                mfa_clause=clause("2.30")),
    programmes=[BOOSTER, HUB, FUTURES],
    areas=[AREA],
    sector_lists=[EXCLUDED, MEDTECH],
)

IN_ROUND_2 = datetime(2026, 10, 1, 9, 0)


def gbp(amount: float) -> Money:
    return Money(amount=amount)


def eur(amount: float) -> Money:
    return Money(amount=amount, currency="EUR")


def complete(**changes: object) -> Facts:
    """An eligible small business, with every fact the test programme asks about."""
    values: dict[str, object] = dict(
        employees=20, turnover=gbp(3_000_000), postcode="AB1 2CD",
        sector_text="precision engineering", months_trading=36, insolvent=False,
        prior_public_support=gbp(0),
    )
    values.update(changes)
    return Facts(**values)


def engine(today: date | datetime = IN_ROUND_2, policy: Policy = POLICY) -> EligibilityEngine:
    return EligibilityEngine(policy, today=lambda: today)


def booster(facts: Facts, **options: object) -> Assessment:
    return engine().assess_one(facts, "booster", **options)  # type: ignore[arg-type]


def criterion(assessment: Assessment, criterion_id: str):
    return next(result for result in assessment.criteria if result.id == criterion_id)


def group(share: float, direction: str = "owns_us", kind: str = "enterprise",
          **figures: object) -> Holding:
    return Holding(share_percent=share, holder="Acme Group", holder_kind=kind,
                   direction=direction, **figures)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- verdicts
# (facts, expected decision, expected band, expected failing criteria)

CASES = {
    "complete small business": (complete(), "eligible", "small", []),
    "micro business": (complete(employees=6, turnover=gbp(500_000)), "eligible", "micro", []),
    "medium business": (complete(employees=120, turnover=gbp(20_000_000)), "eligible",
                        "medium", []),
    "250 staff is large": (complete(employees=250), "ineligible", "large", ["sme"]),
    "249.5 AWU is still medium": (complete(employees=249.5, turnover=gbp(20_000_000)),
                                  "eligible", "medium", []),
    "part-time staff to 9.5 AWU is micro": (complete(employees=9.5, turnover=gbp(1_000_000)),
                                            "eligible", "micro", []),
    "10 AWU is no longer micro": (complete(employees=10, turnover=gbp(1_000_000)), "eligible",
                                  "small", []),
    "both financial ceilings exceeded is large": (
        complete(employees=100, turnover=gbp(60_000_000), balance_sheet=gbp(45_000_000)),
        "ineligible", "large", ["sme"]),
    "balance sheet alone makes it small": (
        complete(employees=30, turnover=gbp(12_000_000), balance_sheet=gbp(5_000_000)),
        "eligible", "small", []),
    "balance sheet alone keeps it an SME": (
        complete(employees=100, turnover=gbp(50_000_000), balance_sheet=gbp(30_000_000)),
        "eligible", "medium", []),
    "euro turnover within the micro ceiling": (
        complete(employees=5, turnover=eur(1_900_000), balance_sheet=eur(1_000_000)),
        "eligible", "micro", []),
    "the same figure in pounds is above it": (
        complete(employees=5, turnover=gbp(1_900_000), balance_sheet=gbp(1_900_000)),
        "eligible", "small", []),
    "linked group of 1,000 makes it large": (
        complete(employees=40, holdings=[group(60, employees=1000)]),
        "ineligible", "large", ["sme"]),
    "linked subsidiary added in full": (
        complete(employees=40, turnover=gbp(5_000_000),
                 holdings=[group(70, "we_own", employees=15, turnover=gbp(2_000_000))]),
        "eligible", "medium", []),
    "partner and linked, the guidance example": (
        complete(employees=30, turnover=gbp(5_000_000), holdings=[
            group(40, employees=60, turnover=gbp(9_000_000)),
            Holding(share_percent=60, holder="its subsidiary", holder_kind="enterprise",
                    direction="we_own", employees=12, turnover=gbp(1_500_000))]),
        "eligible", "medium", []),
    "holding under 25% ignored": (complete(holdings=[group(20, employees=5000)]), "eligible",
                                  "small", []),
    "investor's 40% not added": (complete(holdings=[group(40, kind="investor",
                                                          employees=500)]),
                                 "eligible", "small", []),
    "public body holds 30%": (
        complete(holdings=[Holding(share_percent=30, holder="an NHS trust",
                                   holder_kind="public_body")]),
        "ineligible", "small", ["public"]),
    "public body holds 20%": (
        complete(holdings=[Holding(share_percent=20, holder="a council",
                                   holder_kind="public_body")]),
        "eligible", "small", []),
    "two public bodies add up to 30%": (
        complete(holdings=[Holding(share_percent=15, holder="a council",
                                   holder_kind="public_body"),
                           Holding(share_percent=15, holder="a hospital trust",
                                   holder_kind="public_body")]),
        "ineligible", "small", ["public"]),
    "mixed district without a council": (complete(postcode="AB3 1XY"), "need_more_info",
                                         "small", []),
    "mixed district, council inside": (complete(postcode="AB3 1XY", local_authority="Castleton"),
                                       "eligible", "small", []),
    "mixed district, council outside": (complete(postcode="AB3 1XY",
                                                 local_authority="Dunmore"),
                                        "ineligible", "small", ["area"]),
    "outside district": (complete(postcode="ZZ9 4AA"), "ineligible", "small", ["area"]),
    "outward code alone": (complete(postcode="AB2"), "eligible", "small", []),
    "unknown district": (complete(postcode="QQ1 1AA"), "need_more_info", "small", []),
    "council alone decides": (complete(postcode=None,
                                       local_authority="Brookley Metropolitan Borough Council"),
                              "eligible", "small", []),
    "town names its council": (complete(postcode=None, local_authority="Little Brook"),
                               "eligible", "small", []),
    "council outside the area": (complete(postcode=None, local_authority="Eastmoor"),
                                 "ineligible", "small", ["area"]),
    "no site given": (complete(postcode=None), "need_more_info", "small", []),
    "agriculture by SIC range": (complete(sic_codes=["01.13"]), "ineligible", "small",
                                 ["sector"]),
    "agriculture by five-digit SIC": (complete(sic_codes=["01500"]), "ineligible", "small",
                                      ["sector"]),
    "finance by SIC division range": (complete(sic_codes=["65.12"]), "ineligible", "small",
                                      ["sector"]),
    "weapons by SIC group prefix": (complete(sic_codes=["25.40"]), "ineligible", "small",
                                    ["sector"]),
    "metal machining SIC next to weapons": (complete(sic_codes=["25.62"]), "eligible", "small",
                                            []),
    "fisheries by keyword": (complete(sector_text="a trout fish farm"), "ineligible", "small",
                             ["sector"]),
    "insurance by keyword in capitals": (complete(sector_text="INSURANCE broker"),
                                         "ineligible", "small", ["sector"]),
    "keyword must be a whole word": (complete(sector_text="a cafe on Bankside"), "eligible",
                                     "small", []),
    "sector not given": (complete(sector_text=None), "need_more_info", "small", []),
    "in administration": (complete(insolvent=True), "ineligible", "small", ["insolvency"]),
    "insolvency not known": (complete(insolvent=None), "need_more_info", "small", []),
    "trading 4 months": (complete(months_trading=4), "ineligible", "small", ["trading"]),
    "trading exactly 6 months": (complete(months_trading=6), "eligible", "small", []),
    "MFA over the limit": (complete(prior_public_support=gbp(300_000),
                                    project_cost=gbp(100_000)),
                           "ineligible", "small", ["mfa"]),
    "MFA within the limit": (complete(prior_public_support=gbp(100_000),
                                      project_cost=gbp(100_000)),
                             "eligible", "small", []),
    "MFA not known is confirmed at application": (complete(prior_public_support=None),
                                                  "eligible", "small", []),
    "MFA over with any grant at all": (complete(prior_public_support=gbp(310_000)),
                                       "ineligible", "small", ["mfa"]),
    "MFA unsettled without a project cost does not block": (
        complete(prior_public_support=gbp(250_000)), "eligible", "small", []),
    "several failures at once": (
        complete(employees=400, postcode="ZZ9 4AA", insolvent=True), "ineligible", "large",
        ["sme", "area", "insolvency"]),
    "nothing known": (Facts(), "need_more_info", None, []),
    "staff without turnover": (complete(turnover=None), "need_more_info", None, []),
    "300 staff without turnover is large": (complete(employees=300, turnover=None),
                                            "ineligible", "large", ["sme"]),
    "huge figures without staff are large": (
        complete(employees=None, turnover=gbp(90_000_000), balance_sheet=gbp(80_000_000)),
        "ineligible", "large", ["sme"]),
    "turnover over 50m, balance sheet unknown": (
        complete(employees=100, turnover=eur(60_000_000)), "need_more_info", None, []),
    "linked parent with no figures": (complete(holdings=[group(60)]), "need_more_info", None,
                                      []),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_verdict_for_each_described_business(name: str) -> None:
    facts, decision, band, failing = CASES[name]
    assessment = booster(facts)
    assert assessment.decision == decision, assessment.criteria
    assert assessment.band == band, assessment.band_working
    assert sorted(assessment.failing) == sorted(failing)


def test_there_are_at_least_45_described_businesses() -> None:
    assert len(CASES) >= 45


# --------------------------------------------------------------------------- size band


def test_band_working_shows_both_currencies_and_the_deciding_ceiling() -> None:
    working = " ".join(booster(complete(employees=45, turnover=gbp(2_100_000))).band_working)
    assert "45 staff in annual work units" in working
    assert "£2.1m (€2,441,860)" in working
    assert "€1 = £0.86" in working
    assert "the small ceiling of €10m (£8.6m)" in working
    assert "It is not micro: staff of 45 AWU is not under 10." in working


def test_balance_sheet_route_is_explained() -> None:
    finding = classify_size(Facts(employees=30, turnover=gbp(12_000_000),
                                  balance_sheet=gbp(5_000_000)), 0.86)
    assert finding.band == "small"
    assert "the balance sheet total of £5m" in finding.summary
    assert "only one of the two needs to be within" in finding.summary


def test_linked_enterprise_is_added_in_full_and_unknown_figures_are_said() -> None:
    finding = classify_size(Facts(employees=40, turnover=gbp(3_000_000),
                                  holdings=[group(60, employees=1000)]), 0.86)
    working = " ".join(finding.working)
    assert finding.band == "large"
    assert "linked enterprise, so its figures are added in full: 1,000 AWU" in working
    assert "Its turnover and balance sheet total were not given" in working
    assert "1,040 AWU" in working
    assert "250 or more" in finding.summary


def test_partner_enterprise_is_added_pro_rata() -> None:
    finding = classify_size(Facts(employees=30, turnover=gbp(5_000_000), holdings=[
        group(40, employees=60, turnover=gbp(9_000_000)),
        group(60, "we_own", employees=12, turnover=gbp(1_500_000))]), 0.86)
    working = " ".join(finding.working)
    assert "partner enterprise, so 40% of its figures are added: 24 AWU (of its 60 AWU)" in \
        working
    assert "turnover £3.6m" in working
    assert "Combined figures: 66 AWU, turnover £10.1m" in working
    assert finding.band == "medium"


def test_an_enterprise_stake_of_unknown_size_leaves_the_band_open_and_asks() -> None:
    stake = Holding(share_percent=None, holder="a larger rival", holder_kind="enterprise")
    finding = classify_size(Facts(employees=30, turnover=gbp(2_000_000), holdings=[stake]), 0.86)
    assert finding.band is None
    assert "holdings" in finding.missing_facts
    assert "What share of the business does a larger rival hold" in finding.question
    assert "a size not given" in " ".join(finding.working)
    assessment = booster(complete(holdings=[stake]))
    assert assessment.decision == "need_more_info"
    assert criterion(assessment, "sme").met is None


def test_a_business_of_the_same_owner_is_linked_not_held() -> None:
    sister = Holding(share_percent=100, holder="a sister joinery in Derby",
                     holder_kind="enterprise", direction="we_own", same_owner=True,
                     employees=200)
    finding = classify_size(Facts(employees=60, turnover=gbp(4_000_000), holdings=[sister]), 0.86)
    working = " ".join(finding.working)
    assert "A sister joinery in Derby has the same owner as the business: a linked enterprise" \
        in working
    assert "holds 100%" not in working
    assert finding.band == "large"


def test_one_financial_figure_gives_a_working_band_and_says_what_could_lower_it() -> None:
    finding = classify_size(Facts(employees=40, turnover=eur(14_000_000)), 0.86)
    assert finding.band == "medium"
    assert finding.possible_bands == ["small", "medium"]
    assert "small if its balance sheet total is no more than €10m (£8.6m)" in finding.summary
    assessment = booster(complete(employees=40, turnover=eur(14_000_000)))
    assert criterion(assessment, "sme").met is True


def test_staff_alone_leaves_the_band_open_and_asks_for_turnover() -> None:
    assessment = booster(complete(turnover=None))
    assert assessment.possible_bands == ["small", "medium", "large"]
    assert assessment.missing_facts == ["turnover", "sme_band"]
    assert assessment.next_questions == [
        "How many staff does the business have, and what is its turnover?"]


def test_balance_sheet_is_asked_for_when_turnover_is_above_the_medium_ceiling() -> None:
    assessment = booster(complete(employees=100, turnover=eur(60_000_000)))
    assert assessment.missing_facts == ["balance_sheet", "sme_band"]
    assert "balance sheet total" in assessment.next_questions[0]


def test_linked_parent_without_figures_asks_about_that_parent() -> None:
    assessment = booster(complete(holdings=[group(60)]))
    assert "holdings" in assessment.missing_facts
    assert "Acme Group" in assessment.next_questions[0]


# --------------------------------------------------------------------------- area


def test_mixed_district_asks_for_the_local_authority() -> None:
    assessment = booster(complete(postcode="AB3 1XY"))
    area = criterion(assessment, "area")
    assert area.met is None
    assert "partly inside and partly outside" in area.explanation
    assert assessment.missing_facts == ["local_authority", "area_status"]
    assert assessment.next_questions[0].startswith("Which local authority")


def test_a_place_the_districts_name_is_placed_by_them() -> None:
    from knowledge.policy import district_places
    assert district_places(AREA) == ["Castle Hill", "Kings Meadow"]
    inside = criterion(booster(complete(postcode=None, local_authority="Kings Meadow")), "area")
    assert inside.met is True and "AB5 and AB6" in inside.explanation
    mixed = booster(complete(postcode=None, local_authority="Castle Hill"))
    assert criterion(mixed, "area").met is None
    assert mixed.next_questions[0].startswith("Which local authority")


def test_outside_district_points_to_its_own_growth_hub() -> None:
    dunfield = criterion(booster(complete(postcode="ZZ9 4AA")), "area").explanation
    eastwick = criterion(booster(complete(postcode="ZY4 1BB")), "area").explanation
    assert "ZZ9, is outside the Midshire area; it covers Dunfield" in dunfield
    assert "the Dunmore Growth Hub" in dunfield and "Eastmoor" not in dunfield
    assert "the Eastmoor Business Gateway" in eastwick and "Dunmore" not in eastwick


def test_council_outside_the_area_points_to_its_growth_hub() -> None:
    area = criterion(booster(complete(postcode="AB3 1XY", local_authority="Dunmore")), "area")
    assert "not one of the councils of the Midshire area" in area.explanation
    assert "the Dunmore Growth Hub" in area.explanation


def test_unknown_district_is_said_plainly() -> None:
    area = criterion(booster(complete(postcode="QQ1 1AA")), "area")
    assert area.met is None
    assert "I don't recognise the postcode district QQ1" in area.explanation


def test_unreadable_postcode_asks_for_the_postcode_again() -> None:
    assessment = booster(complete(postcode="HELLO"))
    assert assessment.missing_facts == ["postcode", "area_status"]
    assert "HELLO" in criterion(assessment, "area").explanation


@pytest.mark.parametrize(("postcode", "outward"), [
    ("B15 2TT", "B15"), ("b152tt", "B15"), ("CV7", "CV7"), ("EC1A 1BB", "EC1A"),
    ("W1A0AX", "W1A"), ("12345", None), ("HELLO", None)])
def test_outward_code(postcode: str, outward: str | None) -> None:
    assert outward_code(postcode) == outward


# --------------------------------------------------------------------------- sectors


def test_excluded_sector_names_the_sector_and_why() -> None:
    sector = criterion(booster(complete(sic_codes=["01.13"])), "sector")
    assert sector.met is False
    assert "primary agricultural production" in sector.explanation
    assert "SIC 01.13 is in 01.1-01.6" in sector.explanation
    assert "Farm support comes from other schemes." in sector.explanation


def test_sector_fit_for_a_hub() -> None:
    hub = engine()
    assert hub.assess_one(complete(sector_text="we make a medical device"),
                          "medhub").decision == "eligible"
    assert hub.assess_one(complete(sic_codes=["32.50"], sector_text=None),
                          "medhub").decision == "eligible"



def test_a_trade_the_list_does_not_name_is_asked_about_not_turned_away() -> None:
    # no list of words names every trade in a field: "we make pressure-relief cushions"
    unnamed = engine().assess_one(complete(sector_text="furniture making"), "medhub")
    assert unnamed.decision == "need_more_info"
    fit = criterion(unnamed, "fit")
    assert fit.met is None and fit.missing_facts == ["sector_fit"]
    assert "furniture making" in fit.explanation
    assert unnamed.next_questions == [
        "Is the business's work, or the work it wants support for, in the medical technologies "
        "sector (medical devices)? If so, how?"]


@pytest.mark.parametrize(("facts", "met"), [
    # the owner's own answer to the question
    ({"sector_text": "furniture making", "fields_said": {"medtech": True}}, True),
    ({"sector_text": "furniture making", "fields_said": {"medtech": False}}, False),
    # an answer about another field settles nothing here
    ({"sector_text": "furniture making", "fields_said": {"quantum": True}}, None),
    # what the rules put outside the field: the trade, its SIC code, or the work said anywhere
    ({"sector_text": "drug discovery company"}, False),
    ({"sector_text": "a lab", "sic_codes": ["21.20"]}, False),
    ({"sector_text": "a lab", "sector_mentions": ["generic medicines"]}, False),
    # the field's own words come first: a device maker that also names medicines
    ({"sector_text": "we make a medical device", "sector_mentions": ["generic medicines"]},
     True),
])
def test_a_field_is_settled_by_the_owner_or_by_what_the_rules_put_outside(
        facts: dict[str, object], met: bool | None) -> None:
    fit = criterion(engine().assess_one(complete(**facts), "medhub"), "fit")
    assert fit.met is met
    if met is False and "fields_said" not in facts:
        assert "developing medicines" in fit.explanation
        assert "Medicines are outside the sector (4.12)." in fit.explanation


# --------------------------------------------------------------------------- MFA


def test_mfa_within_the_limit_states_the_headroom() -> None:
    mfa = criterion(booster(complete(prior_public_support=gbp(100_000),
                                     project_cost=gbp(100_000))), "mfa")
    assert mfa.met is True
    assert "Earlier support of £100,000 plus this grant of £45,000 comes to £145,000" in \
        mfa.explanation
    assert "The headroom is £315,000 - £100,000 = £215,000." in mfa.explanation


def test_mfa_over_the_limit_is_not_met() -> None:
    mfa = criterion(booster(complete(prior_public_support=gbp(300_000),
                                     project_cost=gbp(100_000))), "mfa")
    assert mfa.met is False
    assert "£345,000" in mfa.explanation
    assert "no more than £315,000" in mfa.explanation


def _reducing() -> Policy:
    """The test policy with an award that may be reduced to fit under the limit."""
    criteria = [c.model_copy(update={"reduce_to_fit": True}) if c.id == "mfa" else c
                for c in BOOSTER.criteria]
    return POLICY.model_copy(update={"programmes": [
        BOOSTER.model_copy(update={"criteria": criteria}), HUB, FUTURES]})


@pytest.mark.parametrize(("prior", "cost", "met", "words"), [
    # a £45,000 grant over £300,000 goes over; £15,000 of headroom still takes a reduced one
    (300_000, 100_000, True, "the grant reduced from £45,000 to £15,000 to fit"),
    # no project cost: any grant up to the headroom
    (300_000, None, True, "a grant of at most £15,000"),
    # £7,000 of headroom is less than the smallest grant
    (308_000, 100_000, False, "£353,000"),
    (308_000, None, False, "the smallest grant (£10,000)"),
])
def test_an_award_that_may_be_reduced_fits_while_the_headroom_holds_its_minimum(
        prior: float, cost: float | None, met: bool, words: str) -> None:
    facts = complete(prior_public_support=gbp(prior),
                     project_cost=gbp(cost) if cost is not None else None)
    mfa = criterion(engine(policy=_reducing()).assess_one(facts, "booster"), "mfa")
    assert mfa.met is met
    assert words in mfa.explanation


def test_only_a_limit_on_subsidy_is_reduced_to_fit() -> None:
    with pytest.raises(ValueError, match="reduce_to_fit"):
        Criterion(id="staff", label="Under 250 staff", fact="employees", op="lt", value=250,
                  clause=clause("2.1"), reduce_to_fit=True)


def test_unknown_mfa_is_confirmed_at_application_with_the_rule_stated() -> None:
    assessment = booster(complete(prior_public_support=None, project_cost=gbp(100_000)))
    mfa = criterion(assessment, "mfa")
    assert mfa.met is None
    assert "confirmed at application" in mfa.explanation
    assert "must not exceed £315,000" in mfa.explanation
    assert "earlier support of up to £270,000 leaves room" in mfa.explanation
    assert assessment.missing_facts == [] and assessment.next_questions == []


def test_raw_figures_can_be_tested_directly() -> None:
    raw = [
        Criterion(id="staff", label="Under 100 staff", fact="employees", op="lt", value=100,
                  clause=clause("9.1")),
        Criterion(id="turnover", label="Turnover up to £1m", fact="turnover_gbp", op="lte",
                  value=1_000_000, clause=clause("9.2")),
        Criterion(id="balance", label="Balance sheet over £100k", fact="balance_sheet_gbp",
                  op="gt", value=100_000, clause=clause("9.3")),
    ]
    programme = FUTURES.model_copy(update={"criteria": raw})
    policy = POLICY.model_copy(update={"programmes": [programme]})
    assessment = EligibilityEngine(policy).assess_one(
        Facts(employees=120, turnover=eur(1_000_000)), "futures")
    assert [r.met for r in assessment.criteria] == [False, True, None]
    assert "€1m (£860,000)" in assessment.criteria[1].explanation
    assert assessment.decision == "ineligible" and assessment.missing_facts == ["balance_sheet"]


# --------------------------------------------------------------------------- questions


def test_questions_follow_priority_and_never_exceed_two() -> None:
    assessment = booster(Facts())
    assert assessment.decision == "need_more_info"
    assert assessment.next_questions == [
        "How many staff does the business have, and what is its turnover?",
        "What is the postcode of the site?"]
    assert {"employees", "turnover", "postcode", "months_trading", "sector_text",
            "insolvent"} <= set(assessment.missing_facts)
    assert "prior_public_support" not in assessment.missing_facts


def test_no_question_once_a_criterion_fails() -> None:
    assessment = booster(Facts(employees=400, months_trading=2))
    assert assessment.decision == "ineligible"
    assert assessment.next_questions == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_at_most_two_questions_and_none_when_ineligible(name: str) -> None:
    assessment = booster(CASES[name][0])
    assert len(assessment.next_questions) <= 2
    if assessment.decision == "ineligible":
        assert assessment.next_questions == []
    if assessment.decision == "need_more_info":
        assert assessment.next_questions


def test_later_questions_come_from_lower_priority_criteria() -> None:
    assessment = booster(complete(months_trading=None, insolvent=None, sector_text=None))
    assert assessment.next_questions == [
        "How long has the business been trading?",
        "What does the business do? A SIC code helps too."]


# --------------------------------------------------------------------------- award


def award_for(**facts: object):
    assessment = booster(complete(**facts))
    assert assessment.award is not None
    return assessment.award


def working(award) -> str:
    return " ".join(line.text for line in award.lines)


def test_award_working_for_a_small_business() -> None:
    award = award_for(project_cost=gbp(100_000))
    assert (award.rate, award.eligible_costs_gbp, award.grant_gbp) == (0.45, 100_000, 45_000)
    assert [(o.name, o.units) for o in award.outputs] == [("jobs", 2)]
    assert award.mfa_headroom_gbp == 315_000 and award.fits_mfa_headroom is True
    text = working(award)
    assert "Rate for a small business: 45% of eligible costs." in text
    assert "Grant: 45% x £100,000 = £45,000." in text
    assert "at least 2 new or safeguarded jobs (one for every £25,000 of grant" in text
    assert award.lines[0].clause == clause("3.8")


def test_consultancy_within_its_cap_all_counts() -> None:
    award = award_for(project_cost=gbp(100_000), consultancy_cost=gbp(20_000))
    assert award.eligible_costs_gbp == 100_000
    assert "£20,000 is within the cap" in working(award)


def test_consultancy_above_its_cap_is_cut_to_the_cap_share() -> None:
    award = award_for(project_cost=gbp(120_000), consultancy_cost=gbp(50_000))
    assert award.eligible_costs_gbp == 100_000
    assert award.grant_gbp == 45_000
    assert ("Consultancy may be at most 30% of eligible costs: with £70,000 of other costs, "
            "at most £30,000 of the £50,000 counts (30% of £100,000)") in working(award)


def test_grant_is_clamped_to_the_maximum() -> None:
    award = award_for(employees=5, turnover=gbp(400_000), project_cost=gbp(300_000))
    assert (award.calculated_gbp, award.grant_gbp, award.limited_by) == (
        150_000, 100_000, "maximum")
    assert "above the maximum grant of £100,000" in working(award)
    assert award.outputs[0].units == 4


def test_grant_below_the_minimum_says_how_big_the_project_must_be() -> None:
    award = award_for(employees=5, turnover=gbp(400_000), project_cost=gbp(15_000))
    assert award.calculated_gbp == 7_500
    assert award.grant_gbp is None and award.limited_by == "minimum"
    assert "below the minimum grant of £10,000" in working(award)
    assert "eligible costs of at least £20,000 would be needed" in working(award)


def test_smaller_requested_amount_is_the_grant() -> None:
    award = award_for(project_cost=gbp(100_000), requested_amount=gbp(30_000))
    assert (award.grant_gbp, award.limited_by, award.outputs[0].units) == (
        30_000, "requested", 2)
    assert "You asked for £30,000, less than that" in working(award)


def test_requested_amount_argument_overrides_the_facts() -> None:
    assessment = booster(complete(project_cost=gbp(100_000), requested_amount=gbp(30_000)),
                         requested_award_gbp=20_000)
    assert assessment.award is not None and assessment.award.grant_gbp == 20_000


def test_requested_amount_without_project_cost_shows_the_costs_needed() -> None:
    award = award_for(requested_amount=gbp(50_000))
    assert award.grant_gbp == 50_000
    assert "eligible costs of at least £111,111.11" in working(award)


def test_medium_rate_and_euro_project_cost() -> None:
    award = award_for(employees=120, turnover=gbp(20_000_000), project_cost=eur(100_000))
    assert (award.rate, award.eligible_costs_gbp, award.grant_gbp) == (0.35, 86_000, 30_100)


def test_no_award_figure_without_a_band() -> None:
    award = award_for(turnover=None, project_cost=gbp(100_000))
    assert award.rate is None and award.grant_gbp is None
    assert "size band, which is not settled yet" in working(award)


def test_award_that_does_not_fit_the_headroom() -> None:
    award = award_for(project_cost=gbp(100_000), prior_public_support=gbp(300_000))
    assert (award.mfa_headroom_gbp, award.fits_mfa_headroom) == (15_000, False)
    assert "does not fit" in working(award)


def test_award_without_project_cost_gives_the_range() -> None:
    award = award_for()
    assert award.grant_gbp is None
    assert award.missing_facts == ["project_cost"]
    assert "between £10,000 and £100,000" in working(award)


# --------------------------------------------------------------------------- rounds


@pytest.mark.parametrize(("today", "state", "current", "coming"), [
    (date(2025, 12, 1), "upcoming", None, "Round 1"),
    (date(2026, 2, 1), "open", "Round 1", "Round 2"),
    (date(2026, 3, 27), "open", "Round 1", "Round 2"),  # a closing date runs to its end
    (date(2026, 5, 1), "upcoming", None, "Round 2"),
    (datetime(2027, 1, 29, 11, 59), "open", "Round 2", "Round 3"),
    (datetime(2027, 1, 29, 12, 1), "upcoming", None, "Round 3"),
    (datetime(2026, 10, 1, 9, 0, tzinfo=UTC), "open", "Round 2", "Round 3"),
    (date(2028, 1, 1), "closed", None, None),
])
def test_round_status_on_injected_dates(today: date | datetime, state: str,
                                        current: str | None, coming: str | None) -> None:
    status = engine(today).assess_one(complete(), "booster").round_status
    assert status is not None
    assert status.state == state
    assert (status.current.name if status.current else None) == current
    assert (status.next.name if status.next else None) == coming


def test_closed_round_is_stated_without_changing_the_verdict() -> None:
    assessment = engine(date(2026, 5, 1)).assess_one(complete(), "booster")
    assert assessment.decision == "eligible"
    assert assessment.round_status is not None
    assert assessment.round_status.text == (
        "Round 1 closed on 27 March 2026. Applications are closed now; the next round, "
        "Round 2, opens on 7 September 2026 and closes at 12:00 on 29 January 2027.")


def test_open_and_finished_round_texts() -> None:
    open_now = engine(date(2026, 2, 1)).assess_one(complete(), "booster").round_status
    finished = engine(date(2028, 1, 1)).assess_one(complete(), "booster").round_status
    assert open_now is not None and finished is not None
    assert "closes on 27 March 2026" in open_now.text
    assert "no further round" in finished.text and "30 July 2027" in finished.text


def test_programme_without_rounds_has_no_round_status() -> None:
    assert engine().assess_one(complete(), "futures").round_status is None


# --------------------------------------------------------------------------- wording


def test_explanations_use_policy_templates() -> None:
    futures = engine()
    inside = futures.assess_one(complete(), "futures").criteria[0]
    outside = futures.assess_one(complete(postcode="ZZ9 4AA"), "futures").criteria[0]
    unknown = futures.assess_one(complete(postcode=None), "futures").criteria[0]
    assert inside.explanation == (
        "Your site is inside the area, as required. The site's postcode district, AB1, is "
        "inside the Midshire area; it covers Brookley centre.")
    assert outside.explanation.startswith("Your site is outside the area; it must be inside.")
    assert "the Dunmore Growth Hub" in outside.explanation
    assert unknown.explanation == "We need to know where your site is."


def test_template_values_are_bare_numbers_and_money_has_its_sign() -> None:
    trading = Criterion(id="x", label="Trading", fact="months_trading", op="gte", value=6,
                        clause=clause("1"), not_met_text="{value} months; {limit} needed.")
    mfa = Criterion(id="y", label="MFA", fact="mfa_after_award", op="lte", value=315_000,
                    clause=clause("1"), met_text="{value} is within {limit}.")
    programme = BOOSTER.model_copy(update={"criteria": [trading, mfa]})
    policy = POLICY.model_copy(update={"programmes": [programme]})
    assessment = EligibilityEngine(policy).assess_one(
        complete(months_trading=4, prior_public_support=gbp(1_000), project_cost=gbp(100_000)),
        "booster")
    assert assessment.criteria[0].explanation == "4 months; 6 needed."
    assert assessment.criteria[1].explanation.startswith("£46,000 is within £315,000.")


def test_generated_explanations_carry_the_values() -> None:
    assessment = booster(complete(months_trading=4))
    assert criterion(assessment, "trading").explanation == (
        "The business has been trading for 4 months. The requirement is at least 6 months, "
        "so this is not met.")
    assert "so the business is small" in criterion(assessment, "sme").explanation
    assert criterion(assessment, "public").explanation.endswith(
        "That meets the requirement (less than 25%).")


def test_every_criterion_carries_its_clause() -> None:
    assessment = booster(complete())
    assert [r.clause.clause for r in assessment.criteria] == [
        "3.2", "3.3", "3.4", "3.5", "3.6", "2.24", "3.7"]


def test_assess_covers_every_programme_or_the_ones_asked() -> None:
    every = engine().assess(complete())
    assert [a.programme_id for a in every] == ["booster", "medhub", "futures"]
    assert [a.programme_name for a in engine().assess(complete(), ["futures"])] == [
        "Futures Analytics"]


def test_unknown_programme_is_refused_with_the_known_ones() -> None:
    with pytest.raises(UnknownProgrammeError, match=r"'nope'.*booster, medhub, futures"):
        engine().assess(complete(), ["nope"])


def test_to_reply_carries_decision_criteria_and_citations() -> None:
    def cite(ref: ClauseRef) -> Citation | None:
        if ref.clause == "3.4":
            return Citation(n=1, title="Rules", source=ref.source, locator=ref.clause)
        return None

    reply = to_reply(booster(complete(months_trading=4)), cite)
    assert (reply.programme, reply.decision) == ("Growth Booster", "ineligible")
    trading = next(c for c in reply.criteria if c.id == "trading")
    assert trading.met is False and trading.citation is not None
    assert trading.citation.locator == "3.4"
    assert next(c for c in reply.criteria if c.id == "sme").citation is None


# --------------------------------------------------------------------------- policy checks


def policy_with(bad: Criterion) -> Policy:
    programme = BOOSTER.model_copy(update={"criteria": [bad]})
    return POLICY.model_copy(update={"programmes": [programme]})


@pytest.mark.parametrize(("bad", "message"), [
    (Criterion(id="x", label="x", fact="area_status", op="eq", value="inside", area="nowhere",
               clause=clause("1")), "area: 'nowhere'"),
    (Criterion(id="x", label="x", fact="excluded_sector", op="eq", value=False,
               sectors="missing", clause=clause("1")), "sectors: 'missing'"),
])
def test_engine_refuses_a_policy_whose_references_it_cannot_follow(bad: Criterion,
                                                                   message: str) -> None:
    with pytest.raises(ValueError, match=message) as error:
        EligibilityEngine(policy_with(bad))
    assert "criterion 'x'" in str(error.value)


# --------------------------------------------------------------------------- bundled policy


@pytest.fixture(scope="module")
def bundled_engine() -> EligibilityEngine:
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    return EligibilityEngine(policy, today=lambda: date(2026, 5, 1))


def birmingham_engineer(**changes: object) -> Facts:
    values: dict[str, object] = dict(
        employees=45, turnover=gbp(2_100_000), postcode="B15 2TT",
        sector_text="precision engineering", months_trading=30, insolvent=False,
        project_cost=gbp(120_000), consultancy_cost=gbp(50_000))
    values.update(changes)
    return Facts(**values)


def test_bundled_booster_for_a_small_birmingham_engineer(bundled_engine) -> None:
    assessment = bundled_engine.assess_one(birmingham_engineer(), "productivity-booster")
    assert (assessment.decision, assessment.band) == ("eligible", "small")
    assert assessment.award is not None
    assert (assessment.award.eligible_costs_gbp, assessment.award.grant_gbp) == (
        100_000, 45_000)
    assert assessment.round_status is not None
    assert assessment.round_status.state == "upcoming"
    assert "29 January 2027" in assessment.round_status.text


def test_bundled_booster_outside_the_area_points_to_the_right_growth_hub(
        bundled_engine) -> None:
    assessment = bundled_engine.assess_one(birmingham_engineer(postcode="CV8 1JD"),
                                           "productivity-booster")
    assert assessment.decision == "ineligible"
    assert assessment.failing == ["benefiting-site"]
    site = criterion(assessment, "benefiting-site")
    assert "Coventry & Warwickshire Growth Hub" in site.explanation
    assert "Worcestershire" not in site.explanation


def test_bundled_mixed_district_is_settled_by_the_council(bundled_engine) -> None:
    mixed = bundled_engine.assess_one(birmingham_engineer(postcode="B62 8AA"),
                                      "productivity-booster")
    assert mixed.decision == "need_more_info"
    assert mixed.missing_facts == ["local_authority", "area_status"]
    assert len(mixed.next_questions) == 1
    inside = bundled_engine.assess_one(
        birmingham_engineer(postcode="B62 8AA", local_authority="Dudley"),
        "productivity-booster")
    outside = bundled_engine.assess_one(
        birmingham_engineer(postcode="B62 8AA", local_authority="Bromsgrove"),
        "productivity-booster")
    assert (inside.decision, outside.decision) == ("eligible", "ineligible")
    assert "Worcestershire Growth Hub" in criterion(outside, "benefiting-site").explanation


def test_bundled_exclusions_and_ownership(bundled_engine) -> None:
    farm = bundled_engine.assess_one(birmingham_engineer(sector_text="a dairy farm"),
                                     "productivity-booster")
    assert farm.failing == ["excluded-sector"]
    owned = bundled_engine.assess_one(
        birmingham_engineer(holdings=[Holding(share_percent=60, holder="a 1,000-person group",
                                              holder_kind="enterprise", employees=1000)]),
        "productivity-booster")
    assert owned.band == "large" and owned.failing == ["sme"]


def test_bundled_programmes_all_answer_with_at_most_two_questions(bundled_engine) -> None:
    for facts in (Facts(), birmingham_engineer(), Facts(employees=12, postcode="DY1 1AA"),
                  birmingham_engineer(employees=400, insolvent=True)):
        assessments = bundled_engine.assess(facts)
        assert {a.programme_id for a in assessments} >= {
            "productivity-booster", "medtech-hub", "business-futures"}
        for assessment in assessments:
            assert len(assessment.next_questions) <= 2
            assert all(result.explanation for result in assessment.criteria)


# --------------------------------------------------------------------------- what is not exact


def test_a_business_moving_into_a_hub_field_fits_by_the_words_it_used() -> None:
    facts = complete(sector_text="machine shop", sector_mentions=["medical device"])
    fit = criterion(engine().assess_one(facts, "medhub"), "fit")
    assert fit.met is True
    assert "in what you told me" in fit.explanation


def test_an_excluded_trade_naming_what_it_sells_does_not_fit_a_hub() -> None:
    facts = complete(sector_text="insurance broker", sector_mentions=["medical device"])
    assert criterion(engine().assess_one(facts, "medhub"), "fit").met is False


def test_words_used_never_make_a_business_excluded() -> None:
    facts = complete(sector_text="machine shop", sector_mentions=["insurance"])
    assert criterion(booster(facts), "sector").met is True


def test_part_timers_of_unknown_hours_leave_a_ceiling_inside_their_range_open() -> None:
    # 225 full-timers and 60 part-timers counted as halves: 225 to 285 AWU spans 250
    open_band = classify_size(complete(employees=255, part_timers_unknown=60), 0.86)
    assert open_band.possible_bands == ["medium", "large"]
    assert "part-time staff's hours" in open_band.summary
    # 30 full-time and 4 part-time: 30 to 34 AWU, small either way
    settled = classify_size(complete(employees=32, part_timers_unknown=4), 0.86)
    assert settled.possible_bands == ["small"]


def test_a_range_that_spans_the_subsidy_limit_leaves_the_verdict_open() -> None:
    facts = complete(prior_public_support=gbp(285_000), requested_amount=gbp(45_000),
                     ranges={"prior_public_support": [250_000, 320_000]})
    assessment = booster(facts)
    assert assessment.decision == "need_more_info"
    mfa = criterion(assessment, "mfa")
    assert mfa.met is None and "£250,000 to £320,000" in mfa.explanation
    assert "earlier public funding" in assessment.next_questions[0]


def test_a_range_inside_one_verdict_changes_nothing() -> None:
    facts = complete(prior_public_support=gbp(35_000), requested_amount=gbp(45_000),
                     ranges={"prior_public_support": [20_000, 50_000]})
    assert booster(facts).decision == booster(
        complete(prior_public_support=gbp(35_000), requested_amount=gbp(45_000))).decision


def test_staff_not_counted_near_a_ceiling_leave_the_size_open_and_ask_for_them() -> None:
    facts = complete(employees=240, staff_uncounted=True, ranges={"employees": [240, 264]})
    assessment = booster(facts)
    assert assessment.decision == "need_more_info"
    size = criterion(assessment, "sme")
    assert size.met is None and "not given" in size.explanation
    assert "sme_band" in assessment.missing_facts
    assert "part-time or seasonal" in assessment.next_questions[0]
    # far below the ceiling, they change nothing
    small = complete(employees=30, staff_uncounted=True, ranges={"employees": [30, 33]})
    assert booster(small).decision == "eligible"


def test_one_rate_for_every_size_works_the_award_out_before_the_band_is_settled() -> None:
    flat = BOOSTER.award.model_copy(update={"intervention_rate": {"micro": 0.5, "small": 0.5,
                                                                  "medium": 0.5}})
    policy = POLICY.model_copy(update={"programmes": [
        BOOSTER.model_copy(update={"award": flat}), HUB, FUTURES]})
    facts = complete(employees=None, turnover=None, project_cost=gbp(40_000))
    assessment = engine(policy=policy).assess_one(facts, "booster")
    assert assessment.award is not None and assessment.award.grant_gbp == 20_000


def _with_a_food_field(users_fit: bool = False) -> Policy:
    food = SectorList(id="food", name="food and drink (Food Programme)", clause=clause("5.1"),
                      sectors=[Sector(id="bakery", name="baking", keywords=["bakery"])])
    food_programme = Programme(
        id="foodpre", name="Food Programme", kind="service", summary="Food support.",
        criteria=[Criterion(id="fit", label="In food and drink", fact="sector_fit", op="eq",
                            value=True, sectors="food", clause=clause("5.1"))])
    medtech = MEDTECH.model_copy(update={"users_fit": users_fit})
    return POLICY.model_copy(update={"programmes": [BOOSTER, HUB, FUTURES, food_programme],
                                     "sector_lists": [EXCLUDED, medtech, food]})


def test_a_trade_another_field_names_is_outside_unless_the_field_takes_its_users() -> None:
    bakery = complete(sector_text="family bakery")
    fit = criterion(engine(policy=_with_a_food_field()).assess_one(bakery, "medhub"), "fit")
    assert fit.met is False
    assert "(\"family bakery\") is in food and drink" in fit.explanation
    # a field that takes businesses of any trade wanting to use its technology asks instead
    users = engine(policy=_with_a_food_field(users_fit=True))
    assert criterion(users.assess_one(bakery, "medhub"), "fit").met is None
    # and the owner's own answer settles it in both
    said = bakery.model_copy(update={"fields_said": {"medtech": True}})
    assert criterion(engine(policy=_with_a_food_field()).assess_one(said, "medhub"),
                     "fit").met is True
    # the field's own words said anywhere still fit: a bakery moving into devices
    moving = bakery.model_copy(update={"sector_mentions": ["medical device"]})
    assert criterion(engine(policy=_with_a_food_field()).assess_one(moving, "medhub"),
                     "fit").met is True


def test_a_rate_known_while_the_band_is_not_names_no_band() -> None:
    # 120 staff, 70% owned by a group whose figures are not given: medium or large, so the
    # rate (medium's) is known but the band is not
    assessment = booster(complete(employees=120, turnover=gbp(12_000_000),
                                  holdings=[group(70)]))
    assert assessment.award is not None
    text = assessment.award.summary.text
    assert "None" not in text and "35% of eligible costs" in text
