"""The bundled sector lists, checked with the engine's own matching rule.

A sector list names a business's own activity. A supplier to an excluded sector is not excluded
(guidance/public-facts/excluded-sectors.md), so "milking parlour equipment for dairy farmers"
must not match primary agriculture while "a dairy farm" must. Each phrase below is written the
way a business describes what it does, and goes through `EligibilityEngine`: every sector of the
bundled policy becomes a one-sector `sector_fit` criterion, so a criterion met is a sector the
phrase matches, by the same whole-word, any-case rule that decides real verdicts.
"""

from __future__ import annotations

from functools import cache

import pytest

from assistant.business import Facts
from assistant.eligibility import EligibilityEngine
from knowledge.index import bundled_knowledge_dir
from knowledge.policy import Criterion, Policy, Programme, SectorList, load_policy


@cache
def bundled_policy() -> Policy:
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    return policy


def one_sector_lists(sector_list: SectorList) -> list[SectorList]:
    return [SectorList(id=f"{sector_list.id}/{sector.id}", name=sector.name, sectors=[sector],
                       clause=sector_list.clause)
            for sector in sector_list.sectors]


def sector_probe(sector_list: SectorList) -> Programme:
    """A programme named after the list, with one criterion per sector: met when the business's
    activity is in that sector."""
    criteria = [Criterion(id=sector.id, label=f"In {sector.name}", fact="sector_fit", op="eq",
                          value=True, sectors=f"{sector_list.id}/{sector.id}",
                          clause=sector_list.clause)
                for sector in sector_list.sectors]
    return Programme(id=sector_list.id, name=sector_list.name, kind="service",
                     summary=f"Which of {sector_list.name} a business is in.", criteria=criteria)


@cache
def probe_engine() -> EligibilityEngine:
    bundled = bundled_policy()
    policy = Policy(
        rates=bundled.rates, areas=bundled.areas,
        sector_lists=[one for sector_list in bundled.sector_lists
                      for one in one_sector_lists(sector_list)],
        programmes=[sector_probe(sector_list) for sector_list in bundled.sector_lists])
    return EligibilityEngine(policy)


def sectors_matched(list_id: str, activity: str) -> set[str]:
    assessment = probe_engine().assess_one(Facts(sector_text=activity), list_id)
    return {result.id for result in assessment.criteria if result.met}


# (list, what the business says it does, the sectors of that list it is in)
EXCLUDED_BUSINESSES = [
    ("a chartered financial planner's practice", {"financial-services"}),
    ("we give advice on pensions and investments to families", {"financial-services"}),
    ("a bookmaker's office where punters bet on racing", {"gambling"}),
    ("dairy farm on the edge of Solihull", {"primary-agriculture"}),
    ("family-run arable farm", {"primary-agriculture"}),
    ("beef and sheep farmer", {"primary-agriculture"}),
    ("tenant farmer", {"primary-agriculture"}),
    ("free-range poultry farm", {"primary-agriculture"}),
    ("arable farming business", {"primary-agriculture"}),
    ("farm sheep and beef cattle on 300 acres", {"primary-agriculture"}),
    ("grow wheat and oilseed rape", {"primary-agriculture"}),
    ("grow salad crops under glass", {"primary-agriculture"}),
    ("rear beef cattle and sheep", {"primary-agriculture"}),
    ("agricultural contractor", {"primary-agriculture"}),
    ("market garden", {"primary-agriculture"}),
    ("commercial fishing business", {"fisheries-aquaculture"}),
    ("fishing fleet", {"fisheries-aquaculture"}),
    ("trout farm", {"fisheries-aquaculture"}),
    ("shellfish farm", {"fisheries-aquaculture"}),
    ("independent insurance broker", {"financial-services"}),
    ("specialist insurer", {"financial-services"}),
    ("mortgage broker", {"financial-services"}),
    ("firm of independent financial advisers", {"financial-services"}),
    ("credit union", {"financial-services"}),
    ("wealth management firm", {"financial-services"}),
    ("betting shop", {"gambling"}),
    ("independent bookmaker", {"gambling"}),
    ("online casino", {"gambling"}),
    ("bingo hall", {"gambling"}),
    ("amusement arcade", {"gambling"}),
    ("cigarette manufacturer", {"tobacco"}),
    ("manufacture cigarettes and rolling tobacco", {"tobacco"}),
    ("tobacco wholesaler", {"retail-wholesale"}),
    ("gunmaker in the Gun Quarter", {"weapons"}),
    ("make shotgun cartridges", {"weapons"}),
    ("firearms manufacturer", {"weapons"}),
    ("opencast coal mine", {"coal-mining"}),
    ("coal mining company", {"coal-mining"}),
    ("property developer", {"real-estate"}),
    ("estate agency", {"real-estate"}),
    ("lettings agency", {"real-estate"}),
    ("property management company", {"real-estate"}),
    ("buy-to-let landlord", {"real-estate"}),
    ("convenience store", {"retail-wholesale"}),
    ("online retailer of phone cases", {"retail-wholesale"}),
    ("wholesaler of plumbing supplies", {"retail-wholesale"}),
    ("cash and carry", {"retail-wholesale"}),
    ("car dealership", {"retail-wholesale"}),
    ("newsagent", {"retail-wholesale"}),
    ("import garden tools and resell them to hardware shops", {"retail-wholesale"}),
    ("buy in and sell refurbished laptops", {"retail-wholesale"}),
    ("two shops selling vapes and e-liquids", {"retail-wholesale"}),
    ("a bike store selling new and used bicycles", {"retail-wholesale"}),
    ("primary school", {"schools"}),
    ("multi-academy trust", {"schools"}),
]

# Suppliers to excluded sectors, and businesses whose words only sound like one.
NOT_EXCLUDED = [
    # shops named as customers, not as the business
    "hand-make soaps and sell them through 150 independent gift shops",
    "design and build milking parlour equipment for dairy farmers",
    "make hydraulic cylinders for agricultural machinery",
    "make animal feed for livestock farmers",
    "supply veterinary medicines to dairy farms",
    "write software for precision farming",
    "make nets for the fishing industry",
    "make shop fittings for retailers",
    "write claims-handling software for insurance companies",
    "build CRM software for estate agents",
    "asset management software for water utilities",
    "make power banks",
    "make EPOS systems for betting shops",
    "make anti-gambling software",
    "make packaging for the tobacco industry",
    "make e-cigarettes and vaping devices",
    "precision machining for defence customers",
    "make mining equipment",
    "groundworks contractor for property developers",
    "design websites for letting agents",
    "make display stands for supermarkets",
    "make candles and sell them through our online shop",
    "food manufacturer",
    "family-run bakery",
    "commercial training provider",
    "driving school",
    "supply free school meals",
    "make school uniforms",
    "wind farm maintenance",
    "server farm",
]

SECTOR_FIT = [
    ("net-zero-heat", "firm of heating engineers", {"heat-installation-retrofit"}),
    ("net-zero-heat", "install and service heat pumps", {"heating-technology"}),
    ("net-zero-heat", "heat network developer", {"heat-networks-storage"}),
    ("net-zero-heat", "cavity wall insulation installer", {"heat-installation-retrofit"}),
    ("net-zero-heat", "make electrical insulation materials", set()),
    ("net-zero-heat", "retrofit buses with electric drivetrains", set()),
    ("net-zero-heat", "office refurbishment contractor", set()),
    ("medtech", "medical device company making wound-care dressings", {"medical-devices"}),
    ("medtech", "contract manufacturer of surgical instruments", {"medical-devices"}),
    ("medtech", "develop lateral flow tests", {"diagnostics"}),
    ("medtech", "digital health start-up", {"digital-health"}),
    ("medtech", "make pharmaceutical tablets", set()),
    ("transport", "commercial vehicle bodybuilder", {"automotive"}),
    ("transport", "toolmaker making press tools for the automotive industry", {"automotive"}),
    ("transport", "start-up making e-bike battery packs", {"electrification"}),
    ("transport", "make seating for rolling stock", {"rail"}),
    ("transport", "railway signalling", {"rail"}),
    ("transport", "make brackets for aerospace", {"aerospace"}),
    ("transport", "logistics and warehousing company", {"logistics"}),
    ("transport", "make DIN rail enclosures", set()),
    ("transport", "make curtain rails", set()),
    ("transport", "make battery-powered garden tools", set()),
    ("transport", "vehicle repair garage", set()),
    ("quantum", "develop quantum gravity sensors for surveying", {"quantum-technology"}),
    ("quantum", "photonics start-up", {"quantum-technology"}),
    ("quantum", "software company", set()),
    ("food", "family-run bakery", {"food-drink-manufacturing"}),
    ("food", "coffee roaster", {"food-drink-manufacturing"}),
    ("food", "develop plant-based cheeses", {"food-drink-manufacturing"}),
    ("food", "craft brewery", {"food-drink-manufacturing"}),
    ("food", "make food packaging", {"food-drink-manufacturing", "food-technology"}),
    ("food", "make ingredients for cosmetics", set()),
    ("circular-economy", "plastics recycler", {"recycling-recovery"}),
    ("circular-economy", "remanufacture gearboxes", {"remanufacturing-repair"}),
    ("circular-economy", "refurbish and resell laptops", {"remanufacturing-repair"}),
    ("circular-economy", "scrap metal merchant", {"recycling-recovery"}),
    ("circular-economy", "office refurbishment contractor", set()),
    ("circular-economy", "car repair garage", set()),
    ("circular-economy", "roof repair", set()),
    ("ai-robotics", "develop machine vision software", {"ai"}),
    ("ai-robotics", "robotics integrator", {"robotics-automation"}),
    ("ai-robotics", "AI start-up", {"ai"}),
    ("ai-robotics", "joinery company", set()),
    # the field in everyday words
    ("net-zero-heat", "fit ground source systems to farmhouses", {"heating-technology"}),
    ("net-zero-heat", "manufacture unvented cylinders", {"heating-technology"}),
    ("medtech", "design seating for wheelchair users", {"medical-devices"}),
    ("medtech", "machine parts for knee replacement implants", {"medical-devices"}),
    ("medtech", "an app that sends patients medication reminders", {"digital-health"}),
    ("transport", "assemble wiring harnesses for buses", {"automotive"}),
    ("transport", "convert farm machinery into electric tractors", {"electrification"}),
    ("quantum", "build magnetic field sensors", {"quantum-technology"}),
    ("food", "halal butchers supplying restaurants", {"food-drink-manufacturing"}),
    ("food", "small-batch gin distillery", {"food-drink-manufacturing"}),
    ("circular-economy", "retread van tyres", {"remanufacturing-repair"}),
    ("circular-economy", "dismantling end-of-life cars for parts", {"recycling-recovery"}),
    ("ai-robotics", "build vision systems for packing lines", {"ai"}),
    ("ai-robotics", "install palletisers in warehouses", {"robotics-automation"}),
    # ... and what only looks like it
    ("net-zero-heat", "supply car radiators", set()),
    ("medtech", "solicitors handling clinical negligence claims", set()),
    ("ai-robotics", "CCTV installer", set()),
]


@pytest.mark.parametrize(("activity", "sectors"), EXCLUDED_BUSINESSES,
                         ids=[activity for activity, _ in EXCLUDED_BUSINESSES])
def test_an_excluded_business_matches_its_sector(activity: str, sectors: set[str]):
    assert sectors_matched("excluded", activity) == sectors


@pytest.mark.parametrize("activity", NOT_EXCLUDED)
def test_a_supplier_or_lookalike_is_not_excluded(activity: str):
    assert sectors_matched("excluded", activity) == set()


@pytest.mark.parametrize(("list_id", "activity", "sectors"), SECTOR_FIT,
                         ids=[f"{list_id}: {activity}" for list_id, activity, _ in SECTOR_FIT])
def test_sector_fit_takes_the_sector_and_not_its_lookalikes(list_id: str, activity: str,
                                                            sectors: set[str]):
    assert sectors_matched(list_id, activity) == sectors


def test_every_keyword_matches_its_own_sector():
    for sector_list in bundled_policy().sector_lists:
        for sector in sector_list.sectors:
            for keyword in sector.keywords:
                assert sector.id in sectors_matched(sector_list.id, keyword), (
                    sector_list.id, sector.id, keyword)


def test_every_sector_list_is_probed():
    probed = {list_id for list_id, _, _ in SECTOR_FIT} | {"excluded"}
    assert probed == {sector_list.id for sector_list in bundled_policy().sector_lists}


def test_a_pair_of_verbs_is_found_in_the_forms_a_business_uses() -> None:
    from knowledge.policy import keyword_found
    assert keyword_found("repair and refurbish", "we repairs and refurbishes old printers")
    assert keyword_found("repair and refurbish", "repairing and refurbishing forklifts")
    assert not keyword_found("repair and refurbish", "we repair forklifts")


def test_a_trade_named_as_the_users_of_a_product_is_not_the_business() -> None:
    from knowledge.policy import keyword_found
    assert not keyword_found("insurance broker", "apps that insurance brokers use for quotes")
    assert keyword_found("insurance broker", "we are insurance brokers, 6 staff")


def test_a_made_thing_with_describing_words_between() -> None:
    from knowledge.policy import keyword_found
    assert keyword_found("make rifles", "we make bespoke hunting rifles")
    assert keyword_found("grow tomatoes", "growing organic tomatoes under glass")
    assert not keyword_found("make guns", "we make glue guns for hobbyists")
    assert not keyword_found("make guns", "we make springs for guns")
    # the singular naming what a thing made is for: the thing is what is made
    assert not keyword_found("make rifles", "we make rifle slings and cases")
    assert not keyword_found("make guns", "we make gun safes")
    assert keyword_found("make guns", "we make gun parts for the trade")


@pytest.mark.parametrize(("message", "sector"), [
    ("Three of us in Bilston; we arrange cover for taxi drivers and sell insurance to them.",
     "financial-services"),
    ("We rent out flats and two shops in Smethwick, 3 staff.", "real-estate"),
    ("6 staff in Tividale. We take bets on football and racing at our shop.", "gambling"),
    # the verb in the third person, with a quantity before the thing
    ("Our company owns and rents out 12 houses in Tipton, 2 staff.", "real-estate"),
    ("We're a firm in Sutton that arranges mortgages for landlords, 4 staff.",
     "financial-services"),
])
def test_a_trade_told_by_what_it_does_is_read_and_matched(message: str, sector: str) -> None:
    from assistant.facts import FactExtractor
    facts = FactExtractor.from_policy(bundled_policy()).extract(message)
    assert facts.sector_text is not None
    assert sector in sectors_matched("excluded", facts.sector_text)


def test_let_is_a_trade_only_with_what_is_let() -> None:
    from assistant.facts import FactExtractor
    facts = FactExtractor.from_policy(bundled_policy()).extract(
        "We let our landlord know about the new press last month. We make hinges in Willenhall, "
        "14 staff.")
    assert facts.sector_text == "make hinges"


@pytest.mark.parametrize(("activity", "met"), [
    # a trader that also makes or processes goods itself: the project decides, so it is asked
    ("import and sell door handles; run our own powder coating line", None),
    ("wholesaler of garden tools; assemble our own range of wheelbarrows", None),
    # ... not one that says it makes nothing
    ("buy in and sell cleaning products; we don't make anything", False),
    ("wholesaler of garden tools", False),
])
def test_a_trader_that_also_makes_is_asked_about_the_project(activity: str,
                                                             met: bool | None) -> None:
    engine = EligibilityEngine(bundled_policy())
    booster = next(p for p in bundled_policy().programmes if p.name == "Productivity Booster")
    result = engine.assess_one(Facts(sector_text=activity), booster.id)
    (excluded,) = [c for c in result.criteria if c.fact == "excluded_sector"]
    assert excluded.met is met


@pytest.mark.parametrize(("answer", "met"), [
    # the work it does itself, in the sector's own words of that work
    ("it's for the coating side, a new curing oven", True),
    ("mainly the assembling of the wheelbarrows", True),
    # the part that buys in and sells on
    ("a bigger warehouse for what we buy in", False),
    # neither, or both: still asked
    ("new software", None),
    ("the coating line and the stock we resell", None),
])
def test_which_part_the_project_is_for_settles_a_trader_that_also_makes(
        answer: str, met: bool | None) -> None:
    engine = EligibilityEngine(bundled_policy())
    booster = next(p for p in bundled_policy().programmes if p.name == "Productivity Booster")
    facts = Facts(sector_text="import and sell door handles; run our own powder coating line; "
                              "assemble wheelbarrows", project_part=answer)
    result = engine.assess_one(facts, booster.id)
    (excluded,) = [c for c in result.criteria if c.fact == "excluded_sector"]
    assert excluded.met is met
    if met is not None:
        assert answer in excluded.explanation


def test_a_thing_made_is_found_after_describing_words_joined_by_hyphens() -> None:
    from knowledge.policy import keyword_found
    assert keyword_found("make kites", "we make hand-stitched made-to-order kites")
    assert keyword_found("make kites", "we make two-line stunt-grade kites")
    assert not keyword_found("make kites", "we make kite-string spools")


@pytest.mark.parametrize(("keyword", "text", "found"), [
    # a verb, then what it is done to, with a word that points at it between
    ("buy stock in", "we buy all our stock in from two distributors", True),
    ("let flats", "the company lets the flats above the shops", True),
    # not any word between
    ("buy stock in", "we buy cheap stock in bulk", False),
])
def test_a_verb_and_what_it_is_done_to_with_a_pointing_word_between(keyword: str, text: str,
                                                                     found: bool) -> None:
    from knowledge.policy import keyword_found
    assert keyword_found(keyword, text) is found
