"""Facts read from free text by rule: many phrasings of each fact, and what must not be read."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.business import Facts, Money
from assistant.facts import FactExtractor, sic_class, valid_outward_code, words_to_digits
from knowledge.policy import Area, ClauseRef, District, OutsidePointer, Policy, Rates

TODAY = date(2026, 3, 15)
PLACES = {"smethwick": "Sandwell", "kenilworth": "Warwick", "coventry": "Coventry",
          "birmingham": "Birmingham", "dudley": "Dudley", "walsall": "Walsall",
          "sandwell": "Sandwell", "west bromwich": "Sandwell", "four oaks": "Birmingham"}
DISTRICTS = {"B15", "B66", "CV4", "WS1", "DY1", "B12"}


@pytest.fixture(scope="module")
def extractor() -> FactExtractor:
    return FactExtractor(places=PLACES, known_districts=DISTRICTS,
                         subsidy_names=["Minimal Financial Assistance"])  # as the policy names it


def read(extractor: FactExtractor, text: str) -> Facts:
    return extractor.extract(text, today=TODAY)


# --- headcount -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "employees"), [
    ("45 staff", 45),
    ("We employ 12 people.", 12),
    ("we're a team of 8", 8),
    ("a headcount of 230", 230),
    ("Headcount: 230", 230),
    ("120 employees across two sites", 120),
    ("12 full-time and 6 part-time on 20 of 40 hours", 15),
    ("10 full-time and 4 part-time", 12),
    ("12 full-time staff and 6 part-timers working 15 hours a week", 14.4),
    ("45 staff, 10 of whom are part-time", 40),
    ("our headcount is 45 (including 5 part-time)", 42.5),
    ("8 staff plus 3 part-time", 9.5),
    ("3 FTE", 3),
    ("2.5 full-time equivalents", 2.5),
    ("two hundred staff", 200),
    ("we employ forty-five people", 45),
    ("one hundred and twenty workers", 120),
    ("sorry, 350 staff", 350),
    ("we have 40, sorry, 45 staff", 45),
    ("we have 40 staff, sorry, 45", 45),
    ("a 12-person company", 12),
    ("there are 6 of us", 6),
    ("we have under 250 employees", 249),
    ("In 2019 we had 30 staff; we now employ 45.", 45),
    ("We're a 600-person automotive interiors manufacturer", 600),
    ("a 40-strong family-run foundry", 40),
    ("we are a 25-employee precision toolmaker", 25),
    ("a 90 person contract electronics company", 90),
])
def test_headcount_phrasings(extractor: FactExtractor, text: str, employees: float) -> None:
    assert read(extractor, text).employees == pytest.approx(employees)


@pytest.mark.parametrize("text", [
    "we've been trading since 2019",
    "our site is B15 2TT",
    "turnover of £45k",
    "we grew 30% last year",
    "we serve 2,000 people a week",
    "our parent company has 300 employees",
    "the project will take 12 months",
    "we have a 10-person sales team",
])
def test_years_postcodes_money_percentages_and_others_are_not_headcount(
        extractor: FactExtractor, text: str) -> None:
    assert read(extractor, text).employees is None


@pytest.mark.parametrize(("text", "employees"), [
    ("12 people on the payroll, 3 of them apprentices", 9),
    ("we have 45 staff including 2 apprentices", 43),
    ("20 employees, two of whom are apprentices", 18),
    ("Staff: 30 (4 are apprentices)", 26),
    ("15 staff, one of whom is on maternity leave", 14),
    ("our headcount is 15 (2 on parental leave)", 13),
    ("12 staff including an apprentice and 1 on maternity leave", 10),
    ("a team of 9, 2 of them students on vocational training contracts", 7),
    ("we have 10 staff plus 2 apprentices", 10),
    ("we have 8 staff and 2 apprentices", 8),
    ("we employ 20 people as well as 3 apprentices", 20),
])
def test_apprentices_and_staff_on_leave_are_not_counted(
        extractor: FactExtractor, text: str, employees: float) -> None:
    # EU SME definition, SSR Eligibility Rules 2.14: they are not annual work units
    assert read(extractor, text).employees == pytest.approx(employees)


@pytest.mark.parametrize("text", [
    "we have 3 apprentices", "2 staff on maternity leave", "our supplier has 40 apprentices",
])
def test_uncounted_people_alone_are_no_headcount(extractor: FactExtractor, text: str) -> None:
    assert read(extractor, text).employees is None


# --- money -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "field", "money"), [
    ("£2.1m turnover", "turnover", Money(amount=2_100_000)),
    ("turnover of 850k", "turnover", Money(amount=850_000)),
    ("€14 million turnover", "turnover", Money(amount=14_000_000, currency="EUR")),
    ("sales of £12,500,000", "turnover", Money(amount=12_500_000)),
    ("annual revenue of EUR 5m", "turnover", Money(amount=5_000_000, currency="EUR")),
    ("we turn over £2m", "turnover", Money(amount=2_000_000)),
    ("turnover of £1.2bn", "turnover", Money(amount=1_200_000_000)),
    ("2.5 million pounds of turnover", "turnover", Money(amount=2_500_000)),
    ("£750k revenue", "turnover", Money(amount=750_000)),
    ("Turnover: 2,100,000", "turnover", Money(amount=2_100_000)),
    ("Our turnover? About £2m.", "turnover", Money(amount=2_000_000)),
    ("turnover just under £2m", "turnover", Money(amount=1_999_999)),
    ("Turnover last year was £2.1m, up from £1.8m", "turnover", Money(amount=2_100_000)),
    ("balance sheet total of £3m", "balance_sheet", Money(amount=3_000_000)),
    ("a balance sheet of 14 million euros", "balance_sheet",
     Money(amount=14_000_000, currency="EUR")),
    ("we'd like a grant of £40,000", "requested_amount", Money(amount=40_000)),
    ("we want to apply for £60k", "requested_amount", Money(amount=60_000)),
    ("the project costs £120,000", "project_cost", Money(amount=120_000)),
    ("we need a £90k machine", "project_cost", Money(amount=90_000)),
    ("£20k of consultancy", "consultancy_cost", Money(amount=20_000)),
    ("we received £50,000 of MFA last year", "prior_public_support", Money(amount=50_000)),
    ("a £200k Innovate UK grant in 2024", "prior_public_support", Money(amount=200_000)),
    ("no previous public funding", "prior_public_support", Money(amount=0)),
    ("we've never received a grant", "prior_public_support", Money(amount=0)),
    ("A £12,000 innovation voucher in 2025, that's all", "prior_public_support",
     Money(amount=12_000)),
    ("we got a £5k voucher from the council last year", "prior_public_support",
     Money(amount=5_000)),
    ("we had £8,000 of public money in 2024", "prior_public_support", Money(amount=8_000)),
    ("we'd like a £10k innovation voucher", "requested_amount", Money(amount=10_000)),
    # a grant asked of costs: the amount is the costs, though "grant" is nearer
    ("the voucher on £70,000 of qualifying spend - how much?", "project_cost",
     Money(amount=70_000)),
])
def test_money_phrasings(extractor: FactExtractor, text: str, field: str, money: Money) -> None:
    assert getattr(read(extractor, text), field) == money


def test_amounts_in_one_sentence_go_to_what_each_is_for(extractor: FactExtractor) -> None:
    facts = read(extractor, "We're looking for £50k to buy a CNC lathe costing £110k, and "
                            "the project costs £150k including £20k of consultancy.")
    assert facts.requested_amount == Money(amount=50_000)
    assert facts.project_cost == Money(amount=150_000)
    assert facts.consultancy_cost == Money(amount=20_000)


def test_an_amount_with_nothing_near_it_does_not_replace_a_stated_one(
        extractor: FactExtractor) -> None:
    facts = read(extractor, "Turnover is £3m. Separately, about £90k.")
    assert facts.turnover == Money(amount=3_000_000)


def test_prior_awards_add_up_and_a_correction_replaces(extractor: FactExtractor) -> None:
    both = read(extractor, "we received £50,000 of MFA last year and a £30k grant in 2025")
    assert both.prior_public_support == Money(amount=80_000)
    corrected = read(extractor, "We had £40k of MFA, sorry, £60k")
    assert corrected.prior_public_support == Money(amount=60_000)


def test_a_loan_is_not_prior_support_at_its_face_value(extractor: FactExtractor) -> None:
    # only a loan's subsidy element counts as MFA, and the lender states it
    assert read(extractor, "we had a £50k loan from the council in 2025").prior_public_support \
        is None


def test_prior_award_before_the_three_financial_years_does_not_count(
        extractor: FactExtractor) -> None:
    # on 15 March 2026 the window starts on 1 April 2023
    assert read(extractor, "we got £50k of MFA in 2019").prior_public_support == Money(amount=0)
    assert read(extractor, "£50k of MFA in 2023").prior_public_support == Money(amount=50_000)


# --- postcodes and places --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "postcode"), [
    ("our site is at B15 2TT", "B15 2TT"),
    ("postcode b152tt", "B15 2TT"),
    ("CV4 7AL", "CV4 7AL"),
    ("WS1", "WS1"),
    ("we're in DY1", "DY1"),
    ("we're in M1", "M1"),  # valid format, not a district the policy knows: still returned
    ("our factory is in DY1 but our customer is in CV1", "DY1"),
    ("W1A 1AA", "W1A 1AA"),
    ("B66 is where we are", "B66"),  # a known district, in capitals
])
def test_postcodes_are_validated_and_normalised(extractor: FactExtractor, text: str,
                                                postcode: str) -> None:
    assert read(extractor, text).postcode == postcode


@pytest.mark.parametrize("text", [
    "we sell B2B", "a SE10-like layout", "we cut CO2 by 30%", "just off the M6", "QQ1 1AA",
])
def test_words_that_look_like_postcodes_are_not(extractor: FactExtractor, text: str) -> None:
    assert read(extractor, text).postcode is None


@pytest.mark.parametrize(("text", "authority"), [
    ("we're based in Smethwick", "Sandwell"),
    ("in Birmingham", "Birmingham"),
    ("we're in smethwick", "Sandwell"),
    ("a Coventry-based firm", "Coventry"),
    ("our unit in West Bromwich", "Sandwell"),
    ("a team of 8 in Four Oaks", "Birmingham"),
    ("Warwick District Council area", "Warwick"),
    ("we pay rates to Bromsgrove District Council", "Bromsgrove"),
    ("we're in Dudley, not Walsall", "Dudley"),
    ("We sell to customers in Coventry from our site in Walsall", "Walsall"),
    ("we work with the University of Birmingham and are based in Dudley", "Dudley"),
])
def test_local_authority_from_place_names(extractor: FactExtractor, text: str,
                                          authority: str) -> None:
    assert read(extractor, text).local_authority == authority


@pytest.mark.parametrize("text", ["near Kenilworth", "a metal fabricator near Birmingham",
                                  "just off Coventry ring road", "close to Walsall"])
def test_near_a_place_is_not_in_it(extractor: FactExtractor, text: str) -> None:
    """Near a place may be either side of a boundary: the site is asked, never guessed."""
    assert read(extractor, text).local_authority is None


def test_place_names_match_whole_words_only(extractor: FactExtractor) -> None:
    assert read(extractor, "we make Birminghamshire widgets").local_authority is None


# --- sector ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "sector_text"), [
    ("We are a precision engineering firm making aerospace brackets",
     "precision engineering firm making aerospace brackets"),
    ("We are a precision engineering firm in Smethwick with 45 staff",
     "precision engineering firm"),
    ("I run a bakery in dudley", "bakery"),
    ("we make bespoke furniture, and employ 9", "make bespoke furniture"),
    ("We specialise in wire harnesses for electric vehicles",
     "wire harnesses for electric vehicles"),
    ("We're in the food manufacturing sector", "food manufacturing sector"),
    ("We're a Coventry-based start-up making robotic grippers",
     "Coventry-based start-up making robotic grippers"),
    ("We write claims-handling software for insurance companies",
     "write claims-handling software for insurance companies"),
    ("We refurbish hospital beds for the NHS", "refurbish hospital beds for the NHS"),
    ("we cast aluminium housings, and employ 30", "cast aluminium housings"),
    ("We create e-learning content for schools", "create e-learning content for schools"),
    ("we mainly haul containers to the ports", "haul containers to the ports"),
])
def test_sector_text_is_the_activity_phrase(extractor: FactExtractor, text: str,
                                            sector_text: str) -> None:
    assert read(extractor, text).sector_text == sector_text


@pytest.mark.parametrize(("text", "trade"), [
    # a relative clause, a form and place before the trade, an adviser's client, a founding
    ("we're a small practice in Erdington (B23) that designs kitchens for housebuilders",
     "designs kitchens for housebuilders"),
    ("we're a social enterprise (CIC) in Aston doing bike repairs, 5 staff", "bike repairs"),
    ("My client is a foundry in Tipton, 30 staff", "foundry"),
    ("Last spring we incorporated our soap company, 2 staff", "soap company"),
])
def test_the_trade_told_after_other_words_is_read(extractor: FactExtractor, text: str,
                                                  trade: str) -> None:
    assert trade in (read(extractor, text).sector_text or "")


@pytest.mark.parametrize(("text", "sector_text"), [
    ("We're a toolmaker in Tyseley making press tools for the automotive industry",
     "toolmaker making press tools for the automotive industry"),
    ("I run a bakery in dudley making sourdough bread", "bakery making sourdough bread"),
    ("We're a firm of heating engineers based in Walsall, WS1 2AB, installing heat pumps",
     "firm of heating engineers installing heat pumps"),
    ("We are a foundry at Unit 4, Kingsbury Road casting pump housings",
     "foundry casting pump housings"),
    ("a bakery in Walsall and Dudley baking bread for cafes", "bakery baking bread for cafes"),
])
def test_an_activity_continues_past_the_place_that_interrupts_it(
        extractor: FactExtractor, text: str, sector_text: str) -> None:
    assert read(extractor, text).sector_text == sector_text


@pytest.mark.parametrize(("text", "sector_text"), [
    ("my dad started the business in 1986 making brass fittings for plumbers' merchants",
     "making brass fittings for plumbers' merchants"),
    ("Since 1990 producing precision turned parts for the rail sector",
     "producing precision turned parts for the rail sector"),
    ("Twenty years designing control panels for lifts", "designing control panels for lifts"),
    ("We've been manufacturing garden furniture since 1995", "manufacturing garden furniture"),
    ("We're a bakery. Baking bread since 1990, 12 staff.", "bakery; baking bread"),
])
def test_an_activity_told_by_a_participle_alone(extractor: FactExtractor, text: str,
                                                sector_text: str) -> None:
    assert read(extractor, text).sector_text == sector_text


@pytest.mark.parametrize("text", [
    "we're interested in developing new products",
    "we need a machine for making pallets",
    "we are making a loss this year",
    "the grant would go towards making the line faster",
    "our customers are farms producing milk",
    "we are considering exporting to France",
])
def test_a_participle_that_is_not_the_business_activity_is_no_sector(
        extractor: FactExtractor, text: str) -> None:
    assert read(extractor, text).sector_text is None


@pytest.mark.parametrize(("text", "sector_text"), [
    ("Powder coating firm, DY1 3UP. 22 staff, £2.6m turnover.", "powder coating firm"),
    ("Family bakery in Walsall, 12 staff", "family bakery"),
    ("Precision engineers in Smethwick, 45 staff, £3.2m turnover", "precision engineers"),
    ("A commercial printer, B12 0AA, 30 employees", "commercial printer"),
    ("Walsall bakery, 12 staff", "Walsall bakery"),
    ("Contract manufacturing for the aerospace sector, 40 staff",
     "contract manufacturing for the aerospace sector"),
])
def test_a_message_opening_with_a_bare_noun_phrase_names_the_business(
        extractor: FactExtractor, text: str, sector_text: str) -> None:
    assert read(extractor, text).sector_text == sector_text


@pytest.mark.parametrize("text", [
    "Hi there, 45 staff in Walsall",
    "Quick question: 45 staff in Walsall",
    "Good afternoon, we have 45 staff",
    "Acme Group Ltd, 45 staff",  # a name that says no trade (one that does: its trade)
    "Walsall, 12 staff",
    "Same again but 30 staff",
    "Is a bakery eligible? We have 12 staff",
    "Solvent, trading since 2012",
    "Powder coating firm.",  # nothing else said: not read as a description
])
def test_an_opening_that_is_not_a_description_is_no_sector(extractor: FactExtractor,
                                                           text: str) -> None:
    assert read(extractor, text).sector_text is None


@pytest.mark.parametrize("text", [
    "we are a start-up", "We're a small family business", "we are a team of 8",
    "we are a wholly owned subsidiary of Acme plc",
])
def test_words_that_do_not_say_what_a_business_does_are_no_sector(
        extractor: FactExtractor, text: str) -> None:
    assert read(extractor, text).sector_text is None


@pytest.mark.parametrize(("text", "codes"), [
    ("SIC 25620", ["25.62"]),
    ("SIC code 01.11", ["01.11"]),
    ("SIC 2562", ["25.62"]),
    ("our SIC codes are 25620 and 28990", ["25.62", "28.99"]),
    ("SIC 2007 code 25.62/1", ["25.62"]),
    ("SIC: 01110", ["01.11"]),
])
def test_sic_codes_are_normalised_to_classes(extractor: FactExtractor, text: str,
                                             codes: list[str]) -> None:
    facts = read(extractor, text)
    assert facts.sic_codes == codes
    assert facts.employees is None


@pytest.mark.parametrize(("code", "normal"), [
    ("25620", "25.62"), ("2562", "25.62"), ("25.62/1", "25.62"), ("01110", "01.11"),
    ("011", "01.1"), ("01.1", "01.1"), ("64", "64"),
])
def test_sic_class(code: str, normal: str) -> None:
    assert sic_class(code) == normal


# --- time trading ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "months"), [
    ("we've been trading for 3 years", 36),
    ("trading for two and a half years", 30),
    ("founded in 2019", 80),  # from the middle of 2019 to 15 March 2026
    ("we started trading in June 2025", 9),
    ("started 4 months ago", 4),
    ("we're a start-up, launched last month", 1),
    ("established 18 months", 18),
    ("The company is 3 years old", 36),
    ("5 years of trading", 60),
    ("we're pre-revenue", 0),
    ("not yet trading", 0),
    ("Our parent group has been trading for 40 years; we started last year.", 12),
    ("my dad started the business in 2019", 80),
    ("I set up the company back in 2019", 80),
    ("we founded the firm 3 years ago", 36),
    ("she started it in June 2025", 9),
    ("Set up by my uncle in June 2025.", 9),  # who started it, between the verb and the date
    ("we've been roasting since summer 2025", 8),  # a season before the year
    ("Three months ago I sold my van and opened a café", 3),  # the subject's second verb
    ("the firm was founded by two sisters in 2019", 80),
])
def test_months_trading(extractor: FactExtractor, text: str, months: float) -> None:
    assert read(extractor, text).months_trading == pytest.approx(months)


@pytest.mark.parametrize("text", [
    "the project is running for 12 months", "our parent has been trading for 40 years",
    "the machine is 3 years old", "we started the project in 2024",
])
def test_durations_of_other_things_are_not_time_trading(extractor: FactExtractor,
                                                        text: str) -> None:
    assert read(extractor, text).months_trading is None


def test_founding_year_is_dated_from_the_day_given(extractor: FactExtractor) -> None:
    assert extractor.extract("founded in 2019", today=date(2020, 1, 10)).months_trading == 6


# --- ownership -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("60% owned by a 1,000-person group",
     {"share_percent": 60, "holder": "a 1,000-person group", "holder_kind": "enterprise",
      "direction": "owns_us", "employees": 1000}),
    ("an NHS trust holds 30%",
     {"share_percent": 30, "holder": "an NHS trust", "holder_kind": "public_body"}),
    ("the council owns 25%", {"share_percent": 25, "holder_kind": "public_body"}),
    ("a university holds 20%", {"share_percent": 20, "holder_kind": "university"}),
    ("we own 40% of a supplier with 30 staff",
     {"share_percent": 40, "holder": "a supplier", "holder_kind": "enterprise",
      "direction": "we_own", "employees": 30}),
    ("a venture capital fund holds 35%", {"share_percent": 35, "holder_kind": "investor"}),
    ("we are owned by two directors",
     {"share_percent": 100, "holder": "2 directors", "holder_kind": "individual"}),
    ("The other 40% is held by Midlands Ventures Fund",
     {"share_percent": 40, "holder_kind": "investor"}),
    ("a 500-employee firm owns 30% of us",
     {"share_percent": 30, "holder_kind": "enterprise", "employees": 500}),
    ("we are a wholly owned subsidiary of Acme plc",
     {"share_percent": 100, "holder": "Acme plc", "holder_kind": "enterprise"}),
    ("we are a family-owned business", {"share_percent": 100, "holder_kind": "individual"}),
    ("forty per cent owned by a private equity house",
     {"share_percent": 40, "holder_kind": "investor"}),
])
def test_holdings(extractor: FactExtractor, text: str, expected: dict[str, object]) -> None:
    holdings = read(extractor, text).holdings
    assert len(holdings) == 1
    got = holdings[0].model_dump()
    assert {k: got[k] for k in expected} == expected


def test_other_enterprise_figures_belong_to_the_holding_not_the_business(
        extractor: FactExtractor) -> None:
    facts = read(extractor, "We're 60% owned by Acme Group, which has 1,000 staff and a "
                            "turnover of £200m. We have 45 employees and turn over £3m.")
    holding = facts.holdings[0]
    assert (holding.holder, holding.employees) == ("Acme Group", 1000)
    assert holding.turnover == Money(amount=200_000_000)
    assert facts.employees == 45
    assert facts.turnover == Money(amount=3_000_000)


def test_two_holders_in_one_sentence(extractor: FactExtractor) -> None:
    holdings = read(extractor, "A VC fund holds 35% and the council owns 25%.").holdings
    assert [(h.holder, h.share_percent, h.holder_kind) for h in holdings] == [
        ("A VC fund", 35, "investor"), ("the council", 25, "public_body")]


@pytest.mark.parametrize("text", [
    "A larger toolmaker holds 40% of us. Here we are 31 people with sales of £3.5m; they have "
    "90 people and sales of £14m.",
    "A larger toolmaker holds 40% of us. Our side: 31 people, sales £3.5m. They have 90 people "
    "and sales of £14m.",
])
def test_they_after_the_business_s_own_figures_is_the_holder(extractor: FactExtractor,
                                                             text: str) -> None:
    facts = read(extractor, text)
    assert (facts.employees, facts.turnover.amount if facts.turnover else None) == (31, 3.5e6)
    holding = facts.holdings[0]
    assert (holding.employees, holding.turnover.amount if holding.turnover else None) == (90, 14e6)


def test_they_after_another_party_is_not_the_holder(extractor: FactExtractor) -> None:
    holding = read(extractor, "A larger toolmaker holds 40% of us. We are 31 people and supply "
                              "a carmaker; they have 9,000 people.").holdings[0]
    assert holding.employees is None


@pytest.mark.parametrize(("text", "holder"), [
    ("A trust fund has 15% of the company and the rest is mine.", "me"),
    ("Dudley Council took 10%, the remainder is ours.", "the owners"),
])
def test_the_rest_told_as_the_owner_s_own_is_held_by_a_person(extractor: FactExtractor,
                                                              text: str, holder: str) -> None:
    rest = read(extractor, text).holdings[-1]
    assert (rest.holder, rest.holder_kind) == (holder, "individual")
    assert rest.share_percent in {85, 90}


@pytest.mark.parametrize("text", [
    "We have 22 on the payroll. Our biggest customer, a van maker, employs 9,000 people.",
    "We have 22 on the payroll. Our biggest customer, a van maker, has 9,000 staff.",
])
def test_figures_after_another_business_set_between_commas_are_its_own(
        extractor: FactExtractor, text: str) -> None:
    # the verb after the words between commas goes with the subject before them; and a
    # number's tail ("000 people") is never a headcount of its own
    assert read(extractor, text).employees == 22


def test_a_holder_described_between_commas_keeps_its_name(extractor: FactExtractor) -> None:
    facts = read(extractor, "We have 22 staff. Our parent, a Dutch group, has 700 staff and "
                            "owns 70% of us.")
    holding = facts.holdings[0]
    assert (holding.holder, holding.share_percent, holding.employees) == ("Our parent", 70, 700)
    assert facts.employees == 22


def test_figures_in_european_abbreviations(extractor: FactExtractor) -> None:
    facts = read(extractor, "Our figures: 30 workers, turnover 4,6 mln EUR, balance sum 2 mio "
                            "EUR.")
    assert facts.turnover == Money(amount=4_600_000, currency="EUR")
    assert facts.balance_sheet == Money(amount=2_000_000, currency="EUR")


def test_a_parent_s_share_of_bare_shares_with_its_figures_after_a_comma(
        extractor: FactExtractor) -> None:
    facts = read(extractor, "We are 30 workers, turnover 4 mln EUR. Our parent in Austria has "
                            "90% of shares, they have 70 workers and turnover 12 mln EUR, "
                            "balance 6 mln EUR.")
    assert facts.turnover == Money(amount=4_000_000, currency="EUR")
    holding = facts.holdings[0]
    assert (holding.share_percent, holding.employees, holding.turnover, holding.balance_sheet) \
        == (90, 70, Money(amount=12_000_000, currency="EUR"),
            Money(amount=6_000_000, currency="EUR"))


def test_money_paid_for_a_stake_is_no_earlier_support(extractor: FactExtractor) -> None:
    facts = read(extractor, "A council-backed fund invested £250k for a 25% stake in 2024; "
                            "the council also gave us a £20k grant last year.")
    assert facts.prior_public_support == Money(amount=20_000)


def test_a_bank_balance_is_no_balance_sheet(extractor: FactExtractor) -> None:
    assert read(extractor, "our bank balance is £40k, turnover £1m").balance_sheet is None


def test_an_adviser_s_the_client_is_the_business(extractor: FactExtractor) -> None:
    facts = read(extractor, "The client, a Walsall toolmaker, has 40 staff; sales are £5m.")
    assert (facts.employees, facts.turnover) == (40, Money(amount=5_000_000))


def test_a_priced_thing_is_the_project_cost(extractor: FactExtractor) -> None:
    facts = read(extractor, "We're 15 people, £1.8m sales. The new laser cutter is £120,000 "
                            "delivered. What grant?")
    assert facts.project_cost == Money(amount=120_000)
    assert facts.turnover == Money(amount=1_800_000)


def test_a_priced_thing_with_vat_claimed_back_is_net() -> None:
    extractor = FactExtractor(places=PLACES, known_districts=DISTRICTS, vat_rate=0.2)
    facts = read(extractor, "Six staff, £700k turnover. We want a tube bender that's £48,000 "
                            "including VAT, which we reclaim.")
    assert facts.project_cost == Money(amount=40_000)


@pytest.mark.parametrize("text", [
    "We have 20 staff and the group is £40m.",
    "The loan is £50,000 and we have 12 staff.",
    "Our biggest order is £90k.",
])
def test_money_of_another_kind_is_no_project_cost(extractor: FactExtractor, text: str) -> None:
    assert read(extractor, text).project_cost is None


def test_a_part_restated_later_is_no_new_headcount(extractor: FactExtractor) -> None:
    facts = read(extractor, "We have 100 full-timers and 20 part-timers on 20 of 40 hours. "
                            "Our bookkeeper says we only have 100 full-timers, so we're fine.")
    assert facts.employees == 110


@pytest.mark.parametrize("text", [
    "Staff: us two plus a welder full time and a cleaner 2 days a week.",
    "Both of us plus a welder full time, and a cleaner 2 days a week.",
])
def test_the_owners_counted_before_the_staff(extractor: FactExtractor, text: str) -> None:
    assert read(extractor, text).employees == pytest.approx(3.4)


def test_a_founding_year_in_brackets_after_an_aside(extractor: FactExtractor) -> None:
    facts = read(extractor, "We set the firm up just after the Olympics (2012).")
    assert facts.months_trading == read(extractor, "We set the firm up in 2012.").months_trading


def test_a_holder_s_figures_after_an_aside(extractor: FactExtractor) -> None:
    facts = read(extractor, "40 staff, £5m turnover. A Danish firm has 30% of our shares (I "
                            "keep 70%); across the group they have 600 staff and €90m "
                            "turnover.")
    assert facts.employees == 40 and facts.turnover == Money(amount=5_000_000)
    holding = facts.holdings[0]
    assert (holding.share_percent, holding.employees, holding.turnover) == \
        (30, 600, Money(amount=90_000_000, currency="EUR"))


def test_holders_chained_after_owned_by(extractor: FactExtractor) -> None:
    holdings = read(extractor, "We are 55% owned by my brother and 45% by a packaging "
                               "group.").holdings
    assert [(h.share_percent, h.holder, h.holder_kind) for h in holdings] == [
        (55, "my brother", "individual"), (45, "a packaging group", "enterprise")]


def test_figures_after_a_chained_holder_are_the_business_s(extractor: FactExtractor) -> None:
    facts = read(extractor, "A lab start-up, 40% held by a local university and 60% by the "
                            "two scientists, with 8 staff and £900k sales.")
    assert (facts.employees, facts.turnover) == (8, Money(amount=900_000))
    assert [h.employees for h in facts.holdings] == [None, None]


def test_a_listed_holder_with_of_in_its_name(extractor: FactExtractor) -> None:
    holdings = read(extractor, "Shareholders: the directors 80%, Borough of Telford "
                               "Council 20%.").holdings
    assert (20, "public_body") in [(h.share_percent, h.holder_kind) for h in holdings]


def test_a_university_partner_named_by_its_city_is_not_the_site(extractor: FactExtractor) -> None:
    assert read(extractor, "We're 6 people in Dudley and run a trial with Coventry on it."
                ).local_authority == "Dudley"
    assert read(extractor, "We make pumps, with Walsall as our base.").local_authority == "Walsall"


def test_a_landmark_near_the_site_does_not_move_it(extractor: FactExtractor) -> None:
    facts = read(extractor, "Our works is in Smethwick, just by the Dudley station.")
    assert facts.local_authority == "Sandwell"


def test_a_site_between_two_places_is_asked(extractor: FactExtractor) -> None:
    assert read(extractor, "The unit sits between Kenilworth and Four Oaks.").local_authority \
        is None


def test_the_other_share_said_to_be_the_owner_s(extractor: FactExtractor) -> None:
    holdings = read(extractor, "A supplier holds 35% of our shares; the other 65% is "
                               "mine.").holdings
    assert [(h.share_percent, h.holder_kind) for h in holdings] == [(35, "enterprise")]


def test_a_council_sharing_the_shares_unsized_is_asked(extractor: FactExtractor) -> None:
    holdings = read(extractor, "The equity is divided among me, my sister and Walsall "
                               "Council; no idea of the council's percentage.").holdings
    assert [(h.share_percent, h.holder_kind) for h in holdings] == [(None, "public_body")]


def test_one_person_on_part_hours(extractor: FactExtractor) -> None:
    assert read(extractor, "10 full-timers and one guy on 15 hours of a 30 hour week."
                ).employees == 10.5


def test_one_seasonal_person_by_a_plain_word(extractor: FactExtractor) -> None:
    assert read(extractor, "4 full-timers and a seasonal guy for 3 months.").employees == 4.25


def test_an_award_s_maximum_named_by_its_figure_is_no_cost(extractor: FactExtractor) -> None:
    assert read(extractor, "what would we spend to reach the £150k max?").project_cost is None


def test_a_wanted_thing_priced_in_brackets_is_the_cost(extractor: FactExtractor) -> None:
    facts = read(extractor, "We want a powder coating oven (about £38k). What grant?")
    assert facts.project_cost == Money(amount=38_000) and facts.requested_amount is None


def test_what_others_may_think_the_business_is_is_not_its_trade(
        extractor: FactExtractor) -> None:
    text = read(extractor, "We brew cider; because we sell at markets they might call us "
                           "market traders. 5 staff.").sector_text or ""
    assert "trader" not in text


@pytest.mark.parametrize("text", [
    "we have 45% of the UK market", "our top customer has 30% of our sales",
    "we are partly owned by our staff",
])
def test_shares_of_other_things_are_not_holdings(extractor: FactExtractor, text: str) -> None:
    assert read(extractor, text).holdings == []


# --- insolvency ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "insolvent"), [
    ("we're in administration", True),
    ("the company is in liquidation", True),
    ("we agreed a CVA with creditors", True),
    ("we went into receivership", True),
    ("we are insolvent", True),
    ("we're entering administration next month", True),
    ("we are not in administration", False),
    ("no insolvency proceedings", False),
    ("we are solvent", False),
    ("we have no CVA and are not in administration", False),
    ("we were in administration in 2020 but we're solvent now", False),
    ("our customer went into administration", None),
    ("Can companies in administration apply?", None),
    ("we make industrial solvents", None),
    ("solvent.", False),
    ("Solvent, trading since 2012", False),
    ("22 staff, £2.6m turnover, solvent.", False),
    ("we're solvent", False),
    ("we use solvent-based paints", None),
    ("we recover solvent from waste oil", None),
    # unsure whether it has ended: asked, not guessed
    ("there was a CVA some while ago, no idea if it has ended or is still in place", None),
])
def test_insolvency(extractor: FactExtractor, text: str, insolvent: bool | None) -> None:
    assert read(extractor, text).insolvent is insolvent


# --- whole messages, corrections, answers ----------------------------------------------------

def test_a_whole_description(extractor: FactExtractor) -> None:
    facts = read(extractor, (
        "We are a precision engineering firm in Smethwick (B66 1AA) with 12 full-time and 6 "
        "part-time staff on 20 of 40 hours. Turnover is £2.1m, balance sheet £1.4m, and we've "
        "been trading since 2015. We're 30% owned by a venture capital fund. We'd like a grant "
        "of £40,000 towards a £90k machine, and we've had no previous public funding. "
        "We are not in administration."))
    assert facts.employees == 15
    assert facts.postcode == "B66 1AA"
    assert facts.local_authority == "Sandwell"
    assert facts.sector_text == "precision engineering firm"
    assert facts.turnover == Money(amount=2_100_000)
    assert facts.balance_sheet == Money(amount=1_400_000)
    assert facts.months_trading == 128
    assert [(h.share_percent, h.holder_kind) for h in facts.holdings] == [(30, "investor")]
    assert facts.requested_amount == Money(amount=40_000)
    assert facts.project_cost == Money(amount=90_000)
    assert facts.prior_public_support == Money(amount=0)
    assert facts.insolvent is False


def test_a_later_message_corrects_an_earlier_one(extractor: FactExtractor) -> None:
    first = read(extractor, "We have 45 staff and £2m turnover")
    merged = first.merged_with(read(extractor, "sorry, 350 staff"))
    assert merged.employees == 350
    assert merged.turnover == Money(amount=2_000_000)


@pytest.mark.parametrize(("text", "asked", "field", "value"), [
    ("45", "employees", "employees", 45),
    ("about 2.1 million", "turnover", "turnover", Money(amount=2_100_000)),
    ("£850k", "balance_sheet", "balance_sheet", Money(amount=850_000)),
    ("none", "prior_public_support", "prior_public_support", Money(amount=0)),
    ("3 years", "months_trading", "months_trading", 36),
    ("no", "insolvent", "insolvent", False),
    # a no said strongly, and a business doing fine, asked about insolvency
    ("Lord no, thankfully", "insolvent", "insolvent", False),
    ("absolutely not", "insolvent", "insolvent", False),
    ("we're doing fine", "insolvent", "insolvent", False),
    ("it's all good there", "insolvent", "insolvent", False),
    ("b15", "postcode", "postcode", "B15"),
])
def test_a_bare_answer_fills_the_fact_asked_for(extractor: FactExtractor, text: str,
                                                asked: str, field: str, value: object) -> None:
    facts = extractor.extract(text, today=TODAY, asked=asked)  # type: ignore[arg-type]
    assert getattr(facts, field) == value


def test_a_bare_number_with_nothing_asked_is_no_fact(extractor: FactExtractor) -> None:
    assert read(extractor, "45").known() == set()


def test_an_unknown_asked_fact_is_refused(extractor: FactExtractor) -> None:
    with pytest.raises(ValueError, match="'colour'"):
        extractor.extract("blue", asked="colour")  # type: ignore[arg-type]


# --- building blocks -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "digits"), [
    ("two hundred staff", "200 staff"),
    ("one hundred and twenty", "120"),
    ("three thousand five hundred", "3500"),
    ("a dozen people", "12 people"),
    ("forty-five", "45"),
    ("twelve and six", "12 and 6"),
    ("two million pounds", "2 million pounds"),
    # a scale with an article, and parts of it
    ("a million pounds", "1 million pounds"),
    ("a quarter of a million", "0.25 million"),
    ("three quarters of a million", "0.75 million"),
    ("often", "often"),
])
def test_number_words(text: str, digits: str) -> None:
    assert words_to_digits(text) == digits


@pytest.mark.parametrize(("code", "valid"), [
    ("B15", True), ("CV4", True), ("W1A", True), ("EC1A", True), ("M1", True),
    ("B2B", False), ("QQ1", False), ("CV", False), ("B1234", False),
])
def test_outward_code_format(code: str, valid: bool) -> None:
    assert valid_outward_code(code) is valid


def _clause() -> ClauseRef:
    return ClauseRef(source="guidance/rules.md", clause="1.1")


def test_from_policy_takes_councils_towns_outside_authorities_and_districts() -> None:
    area = Area(
        id="wmca", name="WMCA", councils=["Sandwell", "Coventry"],
        towns={"Smethwick": "Sandwell", "Four Oaks": "Birmingham"},
        districts=[District(district="B66", status="inside", authorities=["Sandwell"]),
                   District(district="CV8", status="outside", authorities=["Warwick"])],
        outside=[OutsidePointer(authority="Warwick", growth_hub="a growth hub")],
        clause=_clause())
    policy = Policy(rates=Rates(eur_to_gbp=0.86, clause=_clause(), mfa_limit_gbp=315_000,
                                mfa_clause=_clause()),
                    programmes=[], areas=[area], sector_lists=[])
    extractor = FactExtractor.from_policy(policy)
    assert extractor.extract("based in smethwick").local_authority == "Sandwell"
    assert extractor.extract("in Four Oaks").local_authority == "Birmingham"
    assert extractor.extract("Coventry").local_authority == "Coventry"
    assert extractor.extract("based in Warwick").local_authority == "Warwick"
    assert extractor.extract("our unit: CV8").postcode == "CV8"  # known, so no cue needed


@pytest.mark.parametrize(("places", "districts", "message"), [
    ({"": "Sandwell"}, None, "place name"),
    ({"smethwick": " "}, None, "'smethwick'"),
    (None, {"B2B"}, "'B2B' is not a UK postcode outward code"),
])
def test_constructor_says_what_was_wrong(places: dict[str, str] | None,
                                         districts: set[str] | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FactExtractor(places=places, known_districts=districts)


def test_a_fields_words_are_noted_wherever_the_owner_uses_them_but_not_in_a_programme_name():
    reader = FactExtractor(field_keywords=["sauces", "implant", "food"],
                           programme_names=["Food Innovation Pre-Hub"],
                           programme_kinds=["pre_hub", "hub"])
    facts = reader.extract("We're a machine shop; an implant maker wants parts from us. "
                           "Would the Food Innovation Pre-Hub or the food hub be right?")
    assert facts.sector_mentions == ["implant"]
    assert reader.extract("My cousin and I launched a hot sauce label").sector_mentions == \
        ["sauces"]
    assert reader.extract("Do you help food firms?").sector_mentions == []  # not of itself


def test_a_figure_with_a_thousands_comma_is_no_bare_answer_in_parts(
        extractor: FactExtractor) -> None:
    # asked for the staff, a reply about a cost is not "£150" and a headcount of "000"
    facts, _ = extractor.read("The kit we want is £240,000, what could we get?", TODAY,
                              asked="employees")
    assert facts.employees is None
    assert facts.project_cost == Money(amount=240_000)
