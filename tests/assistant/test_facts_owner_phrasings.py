"""Facts read from the ways owners write that the first readers missed: forms, shorthand,
ranges, number words, past insolvency, activities without a lead, a holder's own figures."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.facts import FactExtractor
from assistant.facts.forms import rewrite
from knowledge.index import bundled_knowledge_dir
from knowledge.policy import load_policy


@pytest.fixture(scope="module")
def extractor() -> FactExtractor:
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    return FactExtractor.from_policy(policy)


FORM = ("Business: contract furniture upholstery\nHeadcount: 27\nAnnual turnover: £3.1m\n"
        "Site post code: dy2 9ab\nYear established: 2004\nInsolvency proceedings: none")


def test_a_form_gives_every_fact(extractor: FactExtractor) -> None:
    facts = extractor.extract(FORM)
    assert facts.employees == 27
    assert facts.turnover is not None and facts.turnover.amount == 3_100_000
    assert facts.postcode == "DY2 9AB"
    assert facts.months_trading is not None and facts.months_trading > 200
    assert facts.insolvent is False
    assert facts.sector_text and "upholstery" in facts.sector_text


@pytest.mark.parametrize(("text", "employees"), [
    ("No. of staff: 64 | T/O: £5m", 64),
    ("Employees - 19", 19),
    ("There are 9 of us, all full time.", 9),
    ("Thirty-odd of us work here.", 30),
    ("It's just me at the moment, turnover £40k.", 1),
    ("We have 31 FTE.", 31),
    ("We employ 1.2k people across two sites.", 1200),
    ("we have 20 staf and turnover of 2 mill", 20),
    # an abbreviation's full stop ends no sentence; the part-timers are among the total
    ("Workforce 30 incl. 4 p/t (2.5 days/wk).", 28),
    ("Approx. 12 staff.", 12),
    ("We have 2 hundred people on the books.", 200),
    # another firm's size, told loosely, is not the business's headcount
    ("28 employees; an investor with a few hundred staff owns 30% of us.", 28),
])
def test_staff_as_owners_write_it(extractor: FactExtractor, text: str, employees: float) -> None:
    assert extractor.extract(text).employees == employees


@pytest.mark.parametrize(("text", "amount"), [
    ("t/o 2.4m, 15 staff", 2_400_000),
    ("Our T/O is about £900k.", 900_000),
    ("Turnover is somewhere between £200k and £300k.", 250_000),
    ("turnover £60-80k", 70_000),
    ("We generally do around 650 grand a year.", 650_000),
    ("revenue of one point two million pounds", 1_200_000),
    ("We're 22 staff, £3.5m, trading 11 years.", 3_500_000),
    ("sales last year were roughly 720 thousand pound", 720_000),
])
def test_turnover_as_owners_write_it(extractor: FactExtractor, text: str, amount: float) -> None:
    turnover = extractor.extract(text).turnover
    assert turnover is not None and turnover.amount == amount


@pytest.mark.parametrize(("text", "insolvent"), [
    ("Insolvency: N/A", False),
    ("Any insolvency? No", False),
    # proceedings said to be over say the business is not in them now
    ("We went through a CVA back in 2017 and exited it in 2019.", False),
    ("We were in a CVA from 2018 to 2020 but it's all finished.", False),
    ("We had a CVA in 2019.", None),  # over or not, it does not say
    ("We're in a CVA now and still paying it.", True),
    ("We have been in administration since 2024.", True),
    ("The bank appointed an administrator last month.", True),
    ("never gone bust in 30 years", False),
    ("Nobody here is insolvent.", False),
    # an owner's way of saying the business is sound
    ("We're a 9-person joinery and the books are in good shape financially.", False),
    ("A 20-strong team with a healthy balance sheet.", False),
    ("The firm is comfortably profitable, 14 staff.", False),
    ("12 staff, and the firm is not in money difficulties.", False),
    ("We were profitable for years; in May an administrator was appointed.", True),
    # bought out of proceedings, the business left them; hoping to be is still in them
    ("9 staff. Receivership in 2023, then an investor bought the business.", False),
    ("9 staff. We are in receivership and waiting to be bought out.", True),
    # a winding-up petition is not yet an order: asked, unless it was dismissed
    ("12 staff. One supplier went to court for a winding-up petition over a single invoice.",
     None),
    ("12 staff. A winding up petition was brought against us and later dismissed.", False),
    ("12 staff. The court made a winding-up order last week.", True),
    # a negation carried along a list of proceedings, over "subject to" and "procedure"
    ("We aren't subject to insolvency procedures or a company voluntary arrangement.", False),
    # the name of the proceedings put in doubt by the owner: asked
    ("We owe the bank and we've agreed something - a CVA? or maybe just a repayment plan, I'm "
     "not sure.", None),
])
def test_insolvency_now_and_then(extractor: FactExtractor, text: str,
                                 insolvent: bool | None) -> None:
    assert extractor.extract(text).insolvent is insolvent


@pytest.mark.parametrize(("text", "at_least", "at_most"), [
    ("We've been fitting kitchens for 12 years.", 140, 150),
    ("Making garden furniture since 2001, 6 staff.", 280, 310),
    ("We print labels and have done since 2015.", 120, 140),
    ("Est. 2010. 14 staff.", 180, 200),
    ("Years trading: 6", 70, 74),
    ("Family firm, trading since 1888.", 1650, 1670),
    ("My aunt set us up in 2012 and we still make tiles.", 165, 175),
    ("Ltd co reg'd in 2020.", 70, 80),
    # the business is at least as old as its owners' hold on it
    ("Owned by the three founders since 2009; 11 staff.", 200, 216),
    # as some owners write it
    ("We start the business in 2012, now 7 staff.", 160, 175),
    # from the first sale, whenever the company was registered
    ("Registered in 2018, dormant until our first order came in 5 months ago.", 5, 5),
    ("the very first batch went on sale two months ago", 2, 2),
])
def test_trading_time(extractor: FactExtractor, text: str, at_least: float,
                      at_most: float) -> None:
    months = extractor.extract(text).months_trading
    assert months is not None and at_least <= months <= at_most


@pytest.mark.parametrize(("text", "at_least", "at_most"), [
    # a decade: from its last year, the least it can be
    ("My father set the firm up in the seventies; we still make valves.", 560, 570),
    ("Trading since the late 80s, 9 staff.", 440, 450),
    # a long time told without a figure: the least it can mean
    ("We've been at it donkey's years, fixing vans.", 60, 60),
    ("A fourth-generation family firm, we make brushes.", 900, 900),
    # a month named as last year's, counted to the month's middle
    ("We started trading last June, 3 staff.", 5, 6),
    ("We opened our doors last February.", 9, 10),
])
def test_trading_time_told_in_words(extractor: FactExtractor, text: str, at_least: float,
                                    at_most: float) -> None:
    months = extractor.extract(text, today=date(2026, 12, 1)).months_trading
    assert months is not None and at_least <= months <= at_most


@pytest.mark.parametrize(("text", "at_least", "at_most"), [
    # a start dated by a public event
    ("We've cut keys and mended shoes since the millennium.", 310, 320),
    ("Our salon opened the week before lockdown, 4 staff.", 80, 81),
    ("Founded the year of the Platinum Jubilee; we upholster chairs.", 47, 59),
    ("Been trading since before the Commonwealth Games.", 47, 59),
    # a start told after an aside, a decade without "the", an anniversary
    ("Grandad started the firm when he left the army in the 60s; we still forge hooks.",
     680, 690),
    ("The shop has been running since 1990s under three owners.", 320, 325),
    ("We mark our 30th anniversary this spring, making brushes.", 360, 360),
    # a first sale by its day and month, counted to the day the owner says it is
    ("Our first paying customer came on 4 March, and today's 20 August.", 5, 5),
    ("We start business 3 years ago, we sew curtains.", 36, 36),
    # a long time told loosely, the least it can mean; an age; a year told loosely
    ("We've been glazing windows quite a few years now.", 24, 24),
    ("Trading getting on for a decade, 6 staff.", 96, 96),
    ("The firm turned 12 in the spring.", 144, 144),
    ("Registered with Companies House in 2016, trading ever since.", 120, 130),
    ("Been around since 2003ish; since around 2003 in fact.", 280, 290),
])
def test_trading_time_dated_by_events_and_asides(extractor: FactExtractor, text: str,
                                                 at_least: float, at_most: float) -> None:
    months = extractor.extract(text, today=date(2026, 12, 1)).months_trading
    assert months is not None and at_least <= months <= at_most


def test_a_career_of_decades_is_not_the_business_age(extractor: FactExtractor) -> None:
    facts = extractor.extract("I've been a toolmaker for decades; my own firm began 4 months ago.")
    assert facts.months_trading == 4


@pytest.mark.parametrize(("text", "words"), [
    ("We're cabinet makers in Walsall, 8 staff.", "cabinet makers"),
    ("We shot-blast and powder-coat steel frames, 12 staff.", "powder-coat steel frames"),
    ("Founded 1999. Industrial laundry, 40 staff, DY4 7AA.", "industrial laundry"),
    ("12 staff, B6 4AA. Commercial cleaning contractors.", "commercial cleaning contractors"),
    ("We've built racing car chassis for 20 years, 30 staff.", "built racing car chassis"),
])
def test_what_the_business_does(extractor: FactExtractor, text: str, words: str) -> None:
    sector = extractor.extract(text).sector_text
    assert sector is not None and words in sector.lower()


def test_a_holders_own_figures_told_after_it(extractor: FactExtractor) -> None:
    facts = extractor.extract(
        "We have 60 staff and £7m turnover. A Swedish group owns 40% of our shares - they "
        "employ about 900 people and turn over €150m.")
    assert facts.employees == 60
    assert facts.turnover is not None and facts.turnover.amount == 7_000_000
    [holding] = facts.holdings
    assert holding.share_percent == 40 and holding.employees == 900
    assert holding.turnover is not None and holding.turnover.currency == "EUR"


def test_a_third_owned_by_the_council(extractor: FactExtractor) -> None:
    [holding] = extractor.extract("The council owns a third of the company.").holdings
    assert holding.holder_kind == "public_body" and round(holding.share_percent) == 33


def test_a_place_some_way_off_is_not_the_site(extractor: FactExtractor) -> None:
    assert extractor.extract("We're in Redditch, 20 minutes from Birmingham.").local_authority \
        != "Birmingham"


@pytest.mark.parametrize("text", [
    "We employ 45 people and turnover is £6m.",
    "The company employs 12 staff.",
    "Our team of engineers is growing.",
])
def test_rewrite_leaves_plain_sentences_alone(text: str) -> None:
    assert rewrite(text) == text


def test_a_registered_office_is_not_the_site_when_another_is_meant(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Our registered office is in Birmingham, B1 2AA, but the new "
                              "machine would go at our other site. 30 staff.")
    assert facts.postcode is None and facts.local_authority is None


@pytest.mark.parametrize("text", ["A private equity firm bought 70% of us last year.",
                                  "An investor acquired 40% of the shares in 2022."])
def test_a_stake_bought_is_a_holding(extractor: FactExtractor, text: str) -> None:
    [holding] = extractor.extract(text).holdings
    assert holding.holder_kind == "investor"


@pytest.mark.parametrize(("text", "months"), [
    ("We're a 4-year-old company that makes signage.", 48),
    ("I run a two-year-old joinery business in Dudley.", 24),
    # the owner's name for the business, then its years: the holder does not swallow them
    ("We're a bakery, the shares held by my aunt, trading since 2016.", None),
    ("The firm only began trading properly 5 months ago.", 5),
    ("my uncle had been making gates since the seventies before I took it on", None),
])
def test_the_age_of_the_business_in_owners_words(extractor: FactExtractor, text: str,
                                                 months: float | None) -> None:
    found = extractor.extract(text, date(2026, 12, 5)).months_trading
    if months is None:
        assert found is not None and found > 12 * 9
    else:
        assert found == months


@pytest.mark.parametrize(("text", "insolvent"), [
    ("20 staff, and the firm is nowhere near insolvency.", False),
    ("There was a CVA in 2021; I believe it's finished, not sure about the paperwork.",
     None),
])
def test_insolvency_said_loosely(extractor: FactExtractor, text: str,
                                 insolvent: bool | None) -> None:
    assert extractor.extract(text).insolvent is insolvent


def test_a_relatives_company_holding_shares_is_an_enterprise(extractor: FactExtractor) -> None:
    holdings = extractor.extract("My brother's company has 30% of the shares; I hold the rest.",
                                 ).holdings
    assert (holdings[0].share_percent, holdings[0].holder_kind) == (30, "enterprise")


def test_owners_named_by_role_are_not_the_headcount(extractor: FactExtractor) -> None:
    assert extractor.extract("22 staff, £2m turnover, three partners own it").employees == 22


@pytest.mark.parametrize(("text", "holder", "share"), [
    ("My brother and I have 65% between us; the remainder sits with Corvex Group Ltd.",
     "Corvex Group Ltd", 35),
    ("Directors own 80 per cent and the rest is owned by a supplier with 120 employees.",
     "a supplier", 20),
])
def test_the_rest_of_the_shares_is_the_share_left(extractor: FactExtractor, holder: str,
                                                   text: str, share: float) -> None:
    facts = extractor.extract(text)
    held = {h.holder: h.share_percent for h in facts.holdings}
    assert held.get(holder) == share
    assert facts.employees is None  # the holder's staff are not the business's


@pytest.mark.parametrize(("text", "employees"), [
    ("apologies, I should have said 180 people", 180),
    ("whoops - 14 staff not 12", 14),
])
def test_a_correction_gives_the_new_count_and_no_trade(extractor: FactExtractor, text: str,
                                                       employees: float) -> None:
    facts = extractor.extract(text)
    assert facts.employees == employees
    assert facts.sector_text is None  # "whoops" is no trade


@pytest.mark.parametrize(("text", "holder", "share"), [
    ("Our owners: my partner (45%) and Brindley Forge Ltd (55%).", "Brindley Forge Ltd", 55),
    ("I keep 70% and Halcyon Metals holds 30%.", "Halcyon Metals", 30),
])
def test_each_holder_of_a_list_is_read_with_its_own_share(extractor: FactExtractor, text: str,
                                                          holder: str, share: float) -> None:
    held = {h.holder: h.share_percent for h in extractor.extract(text).holdings}
    assert held.get(holder) == share


def test_earlier_grants_date_no_trading(extractor: FactExtractor) -> None:
    assert extractor.extract("We've had two vouchers since 2025.").months_trading is None


@pytest.mark.parametrize(("text", "trade"), [
    ("Hiya, spring maker in Redditch Road, 9 staff", "spring maker"),
    ("Good afternoon - a cabinet maker in Bilston, six of us", "cabinet maker"),
])
def test_a_greeting_before_the_trade_hides_nothing(extractor: FactExtractor, text: str,
                                                   trade: str) -> None:
    assert extractor.extract(text).sector_text == trade


@pytest.mark.parametrize(("text", "kind"), [
    ("A bigger steel company bought into us last spring and took a stake in the business.",
     "enterprise"),
    ("We're partly owned by a German machinery group.", "enterprise"),
    ("Some years back a venture fund took a minority stake in us.", "investor"),
])
def test_a_stake_of_no_size_by_an_enterprise_is_kept_to_be_asked(
        extractor: FactExtractor, text: str, kind: str) -> None:
    holdings = extractor.extract(f"{text} 25 staff.").holdings
    assert [(h.share_percent, h.holder_kind) for h in holdings] == [(None, kind)]
    assert not holdings[0].holder[:1].isupper()


@pytest.mark.parametrize("text", [
    "My uncle has a stake in the business. 25 staff.",
    "We hold a stake in our main supplier. 25 staff.",
])
def test_a_person_or_a_stake_we_hold_elsewhere_is_no_unknown_holding(
        extractor: FactExtractor, text: str) -> None:
    assert extractor.extract(text).holdings == []


@pytest.mark.parametrize(("text", "trade"), [
    ("I am owner of little firm sewing school uniforms in Aston, 14 workers.", "sewing"),
    ("I'm the joint owner of a company printing labels. 9 staff, B7.", "printing labels"),
    ("We're manufacturing at Darlaston, WS10 8AA, 33 staff.", "manufacturing"),
    ("Our only factory is in Bilston and has 60 staff.", "factory"),
])
def test_the_trade_is_read_after_the_owner_speaks_or_from_the_premises(
        extractor: FactExtractor, text: str, trade: str) -> None:
    assert trade in (extractor.extract(text).sector_text or "")


def test_a_bare_duration_ending_a_sentence_of_listed_facts_is_the_trading_time(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Sheet metal, WS10, 21 staff, £2.2m, 14 yrs. Can we apply?")
    assert facts.months_trading == 14 * 12
    assert facts.turnover is not None and facts.turnover.amount == 2_200_000


def test_the_owners_other_company_named_after_their_share_is_linked(
        extractor: FactExtractor) -> None:
    facts = extractor.extract(
        "We're a 60-person die-casting firm in Willenhall. Mrs Okafor owns 100% of the business "
        "and also 75% of Okafor Tooling Ltd, which supplies the same car makers.")
    linked = [h for h in facts.holdings if h.same_owner]
    assert [(h.share_percent, h.direction, h.holder_kind) for h in linked] == [
        (100.0, "we_own", "enterprise")]
    assert linked[0].holder.startswith("Okafor Tooling Ltd")


def test_digits_then_a_scale_word_then_more_words_add_up(extractor: FactExtractor) -> None:
    assert extractor.extract("We're 2 hundred and forty strong now").employees == 240


@pytest.mark.parametrize(("text", "rest"), [
    ("We're part of the Brindley Castings Group, which employs 320 people; our company has 45 "
     "staff.", 275),
    ("We belong to the Hartfield Group with 500 employees. Our company has 60 staff.", 440),
])
def test_a_named_group_and_its_size_make_the_rest_of_the_group_linked(
        extractor: FactExtractor, text: str, rest: int) -> None:
    linked = extractor.extract(text).holdings
    assert [(h.share_percent, h.employees) for h in linked] == [(100, rest)]


@pytest.mark.parametrize("text", ["We are part of the Kestrel Group. 35 staff.",
                                  "our firm is a subsidiary of a larger group, 35 staff"])
def test_a_group_named_without_its_size_is_a_linked_enterprise_to_ask_about(
        extractor: FactExtractor, text: str) -> None:
    linked = extractor.extract(text).holdings
    assert [(h.share_percent, h.holder_kind, h.employees) for h in linked] == [
        (100, "enterprise", None)]


def test_a_group_of_people_is_not_a_parent(extractor: FactExtractor) -> None:
    assert extractor.extract("We're in a buying group with other joiners. 35 staff.").holdings \
        == []


@pytest.mark.parametrize("text", [
    "Our workforce swings between 30 and 70 with the seasons.",
    "headcount varies from 30 to 70 depending on contracts, sales around £3m",
])
def test_a_headcount_told_as_a_range_before_the_numbers_keeps_both_ends(
        extractor: FactExtractor, text: str) -> None:
    facts = extractor.extract(text)
    assert facts.ranges.get("employees") == [30, 70]


@pytest.mark.parametrize(("text", "staff"), [("We're 18 strong.", 18), ("A crew of 11.", 11),
                                             ("The team is now 26-strong, based in Aston.", 26)])
def test_a_team_so_many_strong_is_a_headcount(extractor: FactExtractor, text: str,
                                              staff: int) -> None:
    assert extractor.extract(text).employees == staff


@pytest.mark.parametrize("text", ["We started trading on 14 February 2025.",
                                  "Incorporated on the 14th of February 2025, 6 staff.",
                                  "trading since 14 Feb 2025"])
def test_a_start_date_with_its_day_dates_the_trading(extractor: FactExtractor,
                                                     text: str) -> None:
    facts = extractor.extract(text, today=date(2026, 2, 20))
    assert facts.months_trading is not None and 12 <= facts.months_trading <= 12.3


def test_a_grant_the_business_qualifies_for_is_the_award_not_past_support(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("We've had £90,000 of public support already and would qualify "
                              "for a £45,000 grant.")
    assert facts.prior_public_support is not None and facts.prior_public_support.amount == 90_000
    assert facts.requested_amount is not None and facts.requested_amount.amount == 45_000


def test_owners_who_are_siblings_are_people_not_a_sister_company(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Our aunt started the shop; today it's 100% held by my cousin "
                              "and my sister now.")
    assert [h.holder_kind for h in facts.holdings] == ["individual"]
    assert not any(h.same_owner for h in facts.holdings)


def test_a_holding_company_with_nobody_on_its_books_counts_no_staff(
        extractor: FactExtractor) -> None:
    facts = extractor.extract(
        "A family holdco owns 100% of us. The holdco employs no one, but it holds our sister "
        "company as well, a laser cutter with 9 staff and £800k sales. We employ 25 and turn "
        "over £3.1m.")
    holdco = next(h for h in facts.holdings if h.direction == "owns_us")
    sister = next(h for h in facts.holdings if h.same_owner)
    assert holdco.employees == 0
    assert sister.employees == 9


@pytest.mark.parametrize("text", [
    "My first business went bust in 2012; this one started in 2018 and has not once gone into "
    "administration. Will that earlier collapse count against us?",
    "An old company of mine was wound up years ago. Does the previous liquidation matter? We "
    "have never been insolvent.",
])
def test_an_earlier_business_going_under_is_not_this_one_insolvent(
        extractor: FactExtractor, text: str) -> None:
    assert extractor.extract(text).insolvent is False


def test_a_stake_by_suppliers_of_no_size_is_asked_and_the_rest_has_no_share(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("One of our customers bought a stake in us in the spring; the "
                              "remainder is still held by my husband and me.")
    assert [(h.holder_kind, h.share_percent) for h in facts.holdings] == [("enterprise", None)]
    assert facts.holdings[0].holder.startswith("one of our customers")


@pytest.mark.parametrize(("text", "words"), [
    ("Salaam. My cousin and I run a hardware shop in Sparkbrook, 3 staff.", "hardware shop"),
    ("I set up the present company from nothing in 2016 and we machine valve parts.",
     "machine valve parts"),
])
def test_the_trade_after_a_greeting_or_two_owners(extractor: FactExtractor, text: str,
                                                  words: str) -> None:
    sector = extractor.extract(text).sector_text or ""
    assert words in sector
    assert "salaam" not in sector.lower()


def test_starting_the_present_business_from_scratch_dates_the_trading(
        extractor: FactExtractor) -> None:
    months = extractor.extract("We started the present firm from the ground up in 2015.")
    assert months.months_trading is not None and months.months_trading > 100


@pytest.mark.parametrize(("text", "authority"), [
    ("Our works is in Halesowen, 12 staff.", "Halesowen"),  # a place whose council decides
    ("Halesowen Springs Ltd, 12 staff, B63 2AA.", None),  # a name, not where the site is
])
def test_a_one_word_place_of_the_districts_is_read_where_a_site_is_put(
        extractor: FactExtractor, text: str, authority: str | None) -> None:
    assert extractor.extract(text).local_authority == authority


def test_a_headcount_before_the_turnover_and_turning_over_is_no_trade(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("17 people and we turn over roughly £1.8m")
    assert facts.employees == 17
    assert facts.sector_text is None or "turn over" not in facts.sector_text
    assert "brass" in (extractor.extract("we turn brass bushes").sector_text or "")


def test_a_town_with_its_postcode_is_where_not_what(extractor: FactExtractor) -> None:
    assert extractor.extract("Wednesbury WS10 8AA").sector_text is None


def test_the_owners_counted_after_the_staff_are_added(extractor: FactExtractor) -> None:
    assert extractor.extract("6 employees and the 3 of us").employees == 9


def test_owners_sharing_the_business_are_not_its_headcount(extractor: FactExtractor) -> None:
    facts = extractor.extract("We employ 7 bakers. Ownership is only the two of us, 60/40.")
    assert facts.employees == 7


def test_part_timers_told_as_each_doing_some_hours(extractor: FactExtractor) -> None:
    facts = extractor.extract("Ten full-time welders and two women who each do 15 hours a "
                              "week in the office.")
    assert facts.employees is not None and 10.5 < facts.employees < 11


def test_never_having_money_trouble_is_solvent(extractor: FactExtractor) -> None:
    assert extractor.extract("We've never had any financial problems.").insolvent is False


@pytest.mark.parametrize("text", ["Our first paying customers came in late 2020.",
                                  "We opened in mid-2020."])
def test_trading_from_the_first_sales_or_a_part_of_a_year(extractor: FactExtractor,
                                                           text: str) -> None:
    months = extractor.extract(text).months_trading
    assert months is not None and months > 60


def test_a_sole_trader_s_trade_and_years_told_in_asides(extractor: FactExtractor) -> None:
    facts = extractor.extract("We're a partnership - picture framing and mirror making - been "
                              "running it 12 years out of a yard in Oldbury.")
    assert "picture framing" in (facts.sector_text or "")
    assert facts.months_trading == 144


def test_where_the_rates_bill_comes_from_is_no_trade(extractor: FactExtractor) -> None:
    facts = extractor.extract("Our business rates letter goes to Sandwell Council.")
    assert facts.sector_text is None


def test_an_award_supposed_is_not_one_received(extractor: FactExtractor) -> None:
    facts = extractor.extract("Suppose we won a £60k grant, what would we owe in outputs?")
    assert facts.prior_public_support is None
    assert facts.requested_amount is not None and facts.requested_amount.amount == 60_000
    dated = extractor.extract("If we got a £30k grant in 2024, does it count against us?")
    assert dated.prior_public_support is not None


def test_the_award_aimed_at_is_the_amount_after_to_get_the_full(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("What outlay would we need to receive the maximum 90k?")
    assert facts.requested_amount is not None and facts.requested_amount.amount == 90_000
    assert facts.project_cost is None


def test_a_deposit_or_discount_is_no_stake(extractor: FactExtractor) -> None:
    assert extractor.extract("We put down a 30% deposit on the press already.").holdings == []
    assert extractor.extract("The dealer gave us a 10% discount.").holdings == []


def test_a_programme_named_is_not_the_trade(extractor: FactExtractor) -> None:
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    for alias in (a for p in policy.programmes for a in p.aliases):
        facts = extractor.extract(f"We'd like £40k from the {alias} please")
        assert facts.sector_text is None, alias


def test_staff_besides_those_counted_leave_the_count_open_above(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("There are 180 on the payroll full time, and some seasonal "
                              "temps in the run-up to Christmas.")
    assert facts.employees == 180 and facts.staff_uncounted
    low, high = facts.ranges["employees"]
    assert low == 180 and high > 190
    counted = extractor.extract("There are 18 full time and 3 part-timers on 20 hours.")
    assert not counted.staff_uncounted and "employees" not in counted.ranges


def test_a_total_after_its_parts_is_the_headcount(extractor: FactExtractor) -> None:
    facts = extractor.extract("Six welders, two drivers and the office girls - 11 people in "
                              "total. Turnover £900k.")
    assert facts.employees == 11
    trainees = extractor.extract("Fitters, drivers and office - 20 people altogether, 3 of "
                                 "them apprentices.")
    assert trainees.employees == 17  # apprentices are not counted


def test_a_denial_naming_a_council_is_no_stake(extractor: FactExtractor) -> None:
    assert extractor.extract("Neither the council nor any bank has shares in us.").holdings == []
    stake = extractor.extract("The borough council took shares in exchange for a loan.")
    assert [h.holder_kind for h in stake.holdings] == ["public_body"]


def test_owners_named_together_lead_to_the_trade(extractor: FactExtractor) -> None:
    facts = extractor.extract("My wife and I restore antique rocking horses in a barn.")
    assert "restore antique rocking horses" in (facts.sector_text or "")


def test_the_owner_first_in_a_list_of_staff_and_money_coming_in(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Sole trader, wedding cake maker. Me plus 1 part-timer on 2 "
                              "days a week. About £70k a year coming in.")
    assert facts.employees == 1.4
    assert facts.turnover is not None and facts.turnover.amount == 70_000
    assert facts.project_cost is None
    assert "wedding cake maker" in (facts.sector_text or "")


def test_only_me_as_owner_is_who_owns_it_not_the_headcount(extractor: FactExtractor) -> None:
    assert extractor.extract("31 staff, ten years trading, only me as the shareholder."
                             ).employees == 31


def test_an_arrangement_with_creditors_still_being_paid_is_current(
        extractor: FactExtractor) -> None:
    assert extractor.extract("We agreed a formal deal with our creditors in 2024 and we pay "
                             "into it each month; it goes on until 2029.").insolvent is True
    # not said to be formal (a CVA) or informal: asked, not guessed into "not eligible"
    assert extractor.extract("We agreed a deal with our creditors in 2024 and we pay into it "
                             "each month; it goes on until 2029.").insolvent is None
    assert extractor.extract("We had an arrangement with our creditors in 2015 but came out "
                             "of it in 2018.").insolvent is False


def test_the_parent_named_before_a_pronoun_is_the_holder(extractor: FactExtractor) -> None:
    facts = extractor.extract("We are a subsidiary of an Italian packaging group, and they "
                              "hold 70% of us. 40 staff in Walsall.")
    assert [(h.holder, h.share_percent) for h in facts.holdings] == [
        ("an Italian packaging group", 70.0)]


def test_an_act_supposed_is_not_the_trade(extractor: FactExtractor) -> None:
    assert extractor.extract("When we sell the business, do we repay the grant?"
                             ).sector_text is None
    assert extractor.extract("If I make an appeal, who hears it?").sector_text is None


def test_a_second_company_of_the_same_owner_is_linked(extractor: FactExtractor) -> None:
    told = extractor.extract("We make timber windows, 30 staff, £3m turnover. I also own a "
                             "glazing company on the same estate - 12 staff, £1.1m.")
    assert told.employees == 30 and told.turnover is not None \
        and told.turnover.amount == 3_000_000
    assert [(h.holder, h.employees, h.same_owner) for h in told.holdings] == [
        ("a glazing company on the same estate", 12, True)]
    lettered = extractor.extract("We are the owners of two firms. Company A does laser cutting "
                                 "- 25 staff, £2m turnover. Company B does powder coating for "
                                 "the same clients - 10 staff, £800k.")
    assert lettered.sector_text == "laser cutting"
    assert [(h.holder, h.employees) for h in lettered.holdings] == [("Company B", 10)]


def test_the_councils_of_a_region_are_no_council(extractor: FactExtractor) -> None:
    facts = extractor.extract("You only fund firms in the Black Country council areas, right?")
    assert facts.local_authority is None


def test_a_trade_done_under_contract_leaves_the_months_traded(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("I started my own contract packing business - we've been going "
                              "for five months now.")
    assert facts.months_trading == 5
    assert facts.sector_text is not None and "contract packing" in facts.sector_text


def test_years_first_and_a_year_s_sale(extractor: FactExtractor) -> None:
    facts = extractor.extract("Eleven years we are trading. Sale last year £2.3 million.")
    assert facts.months_trading == 132
    assert facts.turnover is not None and facts.turnover.amount == 2_300_000


def test_a_range_with_about_inside_it(extractor: FactExtractor) -> None:
    facts = extractor.extract("Our staff numbers move between roughly 40 and 60 people.")
    assert facts.ranges.get("employees") == [40, 60]


def test_a_family_s_other_firm_is_linked_and_the_owner_s_own_share_is_no_holding(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("I hold 100% of the business. My daughter and I also jointly "
                              "own a second company in Tipton, with the same buyers - that one "
                              "has 120 staff and £14m turnover.")
    assert facts.employees is None and facts.turnover is None
    assert [(h.holder, h.employees, h.same_owner) for h in facts.holdings] == [
        ("a second company in Tipton", 120, True)]


@pytest.mark.parametrize("text", [
    "We have 35 staff and £3m turnover. Our chairman also owns all of a sister business (70 "
    "staff, £9m).",
    "We have 35 staff and £3m turnover. The proprietor has another firm with 70 staff and £9m.",
])
def test_the_owner_s_other_business_keeps_its_own_figures(extractor: FactExtractor,
                                                         text: str) -> None:
    facts = extractor.extract(text)
    assert (facts.employees, facts.turnover and facts.turnover.amount) == (35, 3_000_000)
    assert [(h.employees, h.same_owner) for h in facts.holdings] == [(70, True)]


def test_people_named_in_a_share_list_are_individuals_and_a_trading_name_is_not(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Share register: Aled Price 45%, Ffion Price 35%, Orbit "
                              "Components 20%.")
    assert [(h.holder, h.holder_kind) for h in facts.holdings] == [
        ("Aled Price", "individual"), ("Ffion Price", "individual"),
        ("Orbit Components", "unknown")]


@pytest.mark.parametrize(("text", "authority"), [
    # a place in a company's name is not where it is
    ("Coventry Gauge Ltd here, our unit is in Tamworth.", "Tamworth"),
    # a postal town is not a council
    ("The postal town on our letters is Stourbridge; the council I couldn't say.", None),
])
def test_a_company_name_or_postal_town_is_not_the_council(
        extractor: FactExtractor, text: str, authority: str | None) -> None:
    assert extractor.extract(text).local_authority == authority


def test_an_adviser_s_message_and_typed_shorthand_read_as_the_business(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Emailing for a client of mine. The client anodises aluminium "
                              "extrusions in Oldbury, 18 full time equal, since 2011.")
    assert facts.sector_text and "anodise aluminium" in facts.sector_text
    assert facts.employees == 18 and facts.local_authority == "Sandwell"
    typed = extractor.extract("hiya, were toolmakers in bilston, 9 staff")
    assert typed.sector_text == "toolmakers"


def test_owners_with_their_shares_are_not_the_headcount_and_debts_said_fine(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("The shares: just me and my brother, 60 40. No issues with "
                              "creditors, no liquidation.")
    assert facts.employees is None
    assert facts.insolvent is False


def test_mending_and_selling_on_is_a_trade(extractor: FactExtractor) -> None:
    facts = extractor.extract("We fix up second-hand forklifts and resell them, 9 staff.")
    assert facts.sector_text is not None and "forklifts" in facts.sector_text


def test_a_cost_quoted_with_vat_the_business_recovers_is_read_without_it(
        extractor: FactExtractor) -> None:
    net = extractor.extract("The robot cell is £60,000 incl. VAT and we reclaim the VAT.")
    assert net.project_cost is not None and net.project_cost.amount == 50_000
    assert net.project_cost_net_of_vat
    kept = extractor.extract("The robot cell is £60,000 incl. VAT; we can't claim it back.")
    assert kept.project_cost is not None and kept.project_cost.amount == 60_000
    plain = extractor.extract("The robot cell is £60,000 plus VAT and we reclaim the VAT.")
    assert plain.project_cost is not None and plain.project_cost.amount == 60_000


def test_a_holder_described_by_they_keeps_its_own_figures(extractor: FactExtractor) -> None:
    facts = extractor.extract("I hold 70% and Kessel Tools GmbH holds 30%. They're a "
                              "family-owned group: 400 staff, sales €60m.")
    assert facts.employees is None and facts.turnover is None
    assert [(h.holder, h.share_percent, h.employees) for h in facts.holdings
            if h.holder_kind != "individual"] == [("Kessel Tools GmbH", 30.0, 400)]
    assert all(h.holder != "family" for h in facts.holdings)


def test_loading_goods_is_a_trade(extractor: FactExtractor) -> None:
    facts = extractor.extract("We load bird seed into bags and also make feeders, 6 staff.")
    assert facts.sector_text is not None and "feeders" in facts.sector_text


def test_a_form_answer_with_more_after_none_and_a_label_with_a_note(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Insolvency: none at all\nSales (FY to 31/03/26): £2.2m")
    assert facts.insolvent is False
    assert facts.turnover is not None and facts.turnover.amount == 2_200_000


def test_an_arrangement_told_over_two_sentences_still_running(extractor: FactExtractor) -> None:
    facts = extractor.extract("We entered a CVA last year. It lasts for four years and we have "
                              "never missed a payment.")
    assert facts.insolvent is True


def test_a_trade_done_a_way_and_years_at_it(extractor: FactExtractor) -> None:
    facts = extractor.extract("We bead blast and spray paint alloy wheels round the corner from "
                              "the station - been at it nine years.")
    assert facts.sector_text is not None and "bead blast" in facts.sector_text
    assert facts.months_trading == 108


def test_owners_before_an_aside_then_the_staff_where_they_work(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("It's me and my husband, both working full time as directors, "
                              "five packers in the warehouse, and six drivers on the road.")
    assert facts.employees == 13
    assert extractor.extract("4 joiners in the workshop full time plus me and my son"
                             ).employees == 6


def test_the_two_of_us_after_who_owns_it_are_the_owners(extractor: FactExtractor) -> None:
    facts = extractor.extract("40 staff. No one else has shares, just the two of us.")
    assert facts.employees == 40
    counted = extractor.extract("The shares are split with my partner, we've traded six "
                                "years, and there are 17 of us on the payroll.")
    assert counted.employees == 17


def test_a_machine_s_age_is_not_how_long_the_business_has_traded(
        extractor: FactExtractor) -> None:
    assert extractor.extract("We've found a second hand press brake, 4 yrs old, at half the "
                             "price of a new one.").months_trading is None
    assert extractor.extract("Bakery in Oldbury, 22 staff, 12 years old, no debts."
                             ).months_trading == 144


def test_a_long_form_label_answered_no(extractor: FactExtractor) -> None:
    facts = extractor.extract("Employees: 12\nIn receivership/administration/any other "
                              "insolvency process: No")
    assert facts.insolvent is False


def test_a_denial_of_public_shares_after_another_clause(extractor: FactExtractor) -> None:
    facts = extractor.extract("We have never been insolvent and no local authority holds "
                              "shares.")
    assert facts.holdings == []
    assert facts.insolvent is False


def test_a_holder_named_again_by_its_first_word_with_its_figures(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Our own figures: 30 staff, turnover £3m. Halden Tooling Ltd holds "
                              "40%; Halden has 90 staff and turnover of £12m, and is itself "
                              "family-owned.")
    assert facts.employees == 30
    holder = next(h for h in facts.holdings if "Halden" in h.holder)
    assert holder.share_percent == 40 and holder.employees == 90
    assert not any(h.holder == "family" for h in facts.holdings)


def test_we_in_turn_own_a_share_of_another_firm(extractor: FactExtractor) -> None:
    facts = extractor.extract("We in turn own 60% of Brook Coatings Ltd (12 staff, £0.9m "
                              "turnover).")
    assert [(h.holder, h.direction, h.employees) for h in facts.holdings] == [
        ("Brook Coatings Ltd", "we_own", 12)]
    assert facts.employees is None


@pytest.mark.parametrize(("text", "trade"), [
    ("we're bookies, two shops in Dudley, 9 staff", "bookies"),
    ("we're electricians, 6 of us, based in WS3", "electricians"),
    ("hi quick one - joinery workshop in tipton, 8 staff", "joinery workshop"),
])
def test_more_ways_to_say_the_trade(extractor: FactExtractor, text: str, trade: str) -> None:
    assert extractor.extract(text).sector_text == trade


def test_we_are_two_companies_is_not_a_trade(extractor: FactExtractor) -> None:
    assert extractor.extract("we are two companies under one owner").sector_text is None


def test_a_headcount_in_shorthand_with_how_long_they_work(extractor: FactExtractor) -> None:
    assert extractor.extract("laser cutting in DY4 - 17 ppl, all on full time").employees == 17


def test_a_thing_wanted_then_its_price_is_the_project(extractor: FactExtractor) -> None:
    facts = extractor.extract("want a new press brake ~95k. booster?")
    assert facts.project_cost is not None and facts.project_cost.amount == 95_000
    assert facts.requested_amount is None


@pytest.mark.parametrize(("text", "months"), [
    ("I started Hollis Signs in a lock-up in 2014.", 149),  # from mid-2014
    ("We've made brass and copper fittings here since 2001.", 305),
])
def test_started_by_name_and_made_since(extractor: FactExtractor, text: str,
                                        months: float) -> None:
    facts = extractor.extract(text, today=date(2026, 12, 1))
    assert facts.months_trading == pytest.approx(months, abs=1)


def test_another_firm_of_the_same_owners_with_its_staff_told_after(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Also, my wife and I also own another joinery company in Tipton. "
                              "About 25 staff, not sure of its turnover.")
    assert facts.employees is None
    assert [(h.direction, h.same_owner, h.employees) for h in facts.holdings] == [
        ("we_own", True, 25)]


def test_a_holding_company_with_nothing_of_its_own(extractor: FactExtractor) -> None:
    facts = extractor.extract("We are wholly owned by Marlow Holdings Ltd, a holding company "
                              "only with no staff and no trading.")
    holder = facts.holdings[0]
    assert holder.employees == 0 and holder.turnover is not None and holder.turnover.amount == 0


def test_shares_written_before_their_holders_on_a_form(extractor: FactExtractor) -> None:
    facts = extractor.extract("Ownership: 70% me, 30% Tanner Engineering Group Ltd")
    assert [(h.holder, h.share_percent) for h in facts.holdings] == [
        ("me", 70), ("Tanner Engineering Group Ltd", 30)]


def test_a_parent_named_as_what_the_business_is_part_of_with_its_figures(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("As the UK plant of a Swedish group, which holds all our shares - "
                              "80 staff in Walsall, and the group has 4,000 staff and €1bn sales - "
                              "could we apply?")
    assert facts.employees == 80
    assert facts.turnover is None
    holder = facts.holdings[0]
    assert "Swedish group" in holder.holder and holder.employees == 4000


def test_a_stake_told_inside_brackets_after_other_details(extractor: FactExtractor) -> None:
    facts = extractor.extract("Our spin-out (four staff, no sales yet, the University holds 25% "
                              "and the founders the rest) makes sensors.")
    assert facts.employees == 4
    assert [h.holder for h in facts.holdings][:1] == ["the University"]


def test_goods_bought_in_and_sold_on_after_a_place(extractor: FactExtractor) -> None:
    facts = extractor.extract("We source kitchen gadgets from Vietnam and then sell them through "
                              "our own web shop. 6 staff in B12.")
    assert facts.sector_text == "source and sell kitchen gadgets"


def test_an_adviser_s_figures_for_the_client_and_its_holders(extractor: FactExtractor) -> None:
    facts = extractor.extract("Accountant asking for a client. Client: 30 AWU, turnover £3m. A "
                              "supplier owns 40% of the client, and that firm has 60 AWU. The "
                              "client also owns 80% of a distributor with 10 AWU.")
    assert facts.employees == 30
    assert sorted((h.direction, h.share_percent, h.employees) for h in facts.holdings) == [
        ("owns_us", 40, 60), ("we_own", 80, 10)]


def test_a_linked_firm_s_full_time_staff_and_its_share(extractor: FactExtractor) -> None:
    facts = extractor.extract("We're 11 staff. We hold 70% of a sister business which has 4 "
                              "full-time staff and £300k of sales.")
    assert facts.employees == 11
    [holding] = facts.holdings
    assert (holding.direction, holding.share_percent, holding.employees) == ("we_own", 70, 4)
    assert facts.sector_text is None  # "sister business" says nothing of the trade


def test_a_firm_the_business_owns_told_after_and_we(extractor: FactExtractor) -> None:
    facts = extractor.extract("We have 60 people at our works in Darlaston and we hold 75% of a "
                              "paint shop in Stafford that employs 14.")
    assert facts.employees == 60 and facts.local_authority == "Walsall"
    [holding] = facts.holdings
    assert (holding.direction, holding.share_percent, holding.employees) == ("we_own", 75, 14)


def test_a_plant_the_business_owns_with_its_figures_not_to_hand(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Cable makers, 90 staff. We hold 60% of a finishing plant in "
                              "Hungary - I'll have to check its headcount with our accountant.")
    assert facts.employees == 90
    [holding] = facts.holdings
    assert (holding.direction, holding.share_percent, holding.employees) == ("we_own", 60, None)


def test_the_owner_after_which_holds_the_business(extractor: FactExtractor) -> None:
    facts = extractor.extract("We trade as Bluebell Mouldings Ltd, which I own 100%, with 9 staff.")
    assert [(h.holder_kind, h.share_percent) for h in facts.holdings] == [("individual", 100)]


@pytest.mark.parametrize(("text", "months"), [
    # the first sales start the trading, whenever the company was formed
    ("The company was registered three years ago but did nothing; we only began trading "
     "five months ago.", 5),
    ("I started afresh in 2019 with a new company.", 90),
    ("Owner-managed since 2001, 14 staff.", 300),
])
def test_when_trading_began(extractor: FactExtractor, text: str, months: float) -> None:
    got = extractor.extract(text, today=date(2026, 12, 1)).months_trading
    assert got is not None and abs(got - months) <= 6


def test_part_timers_named_after_the_people_with_the_firm_s_own_week(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Also 10 people on part-time contracts, 18 hours of our 36-hour "
                              "week.")
    assert facts.employees == 5
    assert facts.employees_added


def test_a_range_of_full_time_equivalents(extractor: FactExtractor) -> None:
    facts = extractor.extract("We run at 45 to 55 full-time equivalents through the year.")
    assert facts.ranges.get("employees") == [45, 55]


def test_staff_left_out_before_are_added_to_the_earlier_count(
        extractor: FactExtractor) -> None:
    first = extractor.extract("We have 100 full-time staff in Walsall.")
    later = first.merged_with(extractor.extract(
        "I forgot the part-timers: 8 more on half-time contracts."))
    assert later.employees == 104
    assert not later.employees_added
    replaced = first.merged_with(extractor.extract("Sorry, it's 90 staff, not 100."))
    assert replaced.employees == 90
    # people said to be outside the count given before are added to it
    owners = first.merged_with(extractor.extract(
        "My wife and I both work here full time too; we aren't counted in the 100."))
    assert owners.employees == 102


def test_support_dated_by_month_against_the_window(extractor: FactExtractor) -> None:
    # on 1 December 2026 the window opens on 1 April 2024: March 2024 is out, May 2024 in
    facts = extractor.extract("We received £30,000 from a council fund in March 2024, £25,000 "
                              "in May 2024 and 4 Technical Support days last spring.",
                              today=date(2026, 12, 1))
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 25_000 + 4 * 1_200


def test_more_days_of_support_with_their_name_left_out(extractor: FactExtractor) -> None:
    facts = extractor.extract("Earlier help: we used 3 Technical Support days in spring 2025, "
                              "then 4 more over the summer.", today=date(2026, 12, 1))
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 7 * 1_200
    # more of something else is not more days
    facts = extractor.extract("We've had 2 Technical Support days, and 5 more staff joined.")
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 2 * 1_200


def test_a_long_named_thing_wanted_then_its_price(extractor: FactExtractor) -> None:
    facts = extractor.extract("We'd like a twin-spindle lathe with bar feeder and robot loading, "
                              "£180k.")
    assert facts.project_cost is not None and facts.project_cost.amount == 180_000
    assert facts.requested_amount is None


def test_two_working_owners_after_part_timers(extractor: FactExtractor) -> None:
    facts = extractor.extract("Our payroll: 7 full-time machinists, 4 part-timers on 15 of 30 "
                              "hours, and me and my husband work in it full time too.")
    assert facts.employees == 11


def test_two_sites_counted_then_the_one_the_work_is_for(extractor: FactExtractor) -> None:
    both = extractor.extract("We run three units, one in Dudley and one in Kidderminster, plus "
                             "a yard. Is a Pre-Hub open to us?")
    assert both.local_authority is None and both.postcode is None  # which one benefits is asked
    later = extractor.extract("The trials would be for the Kidderminster unit; Dudley only "
                              "does dispatch.")
    assert later.local_authority == "Wyre Forest"
    assert later.sector_text is None  # "The trials would be ...": no trade told


@pytest.mark.parametrize(("text", "authority"), [
    # two places the business works at, one inside the area and one outside: asked
    ("Our foundry is in Dudley and our depot in Stafford.", None),
    ("We've a press shop in Bilston plus a distribution unit in Telford.", None),
    # ... unless the words say which one the work is for
    ("Our depot is in Stafford but the new robot cell will go in our Dudley foundry.", "Dudley"),
    ("A press shop in Bilston and a unit in Telford; the investment is for Bilston.",
     "Wolverhampton"),
    # both inside: either one is in the area, so the reading stands
    ("Our foundry is in Dudley and our depot in Walsall.", "Walsall"),
    # making named before the place, an office after it
    ("Machining in Coventry, with a sales office in Rugby.", "Coventry"),
])
def test_two_working_places_that_stand_differently_are_asked_about(
        extractor: FactExtractor, text: str, authority: str | None) -> None:
    assert extractor.extract(text).local_authority == authority


@pytest.mark.parametrize(("text", "authority"), [
    # a site besides the business's own is not its site
    ("Based in Coseley; we also rent a store in Kidderminster.", "Dudley"),
    ("We're in Bloxwich with a second unit over in Stafford.", "Walsall"),
    # ... and named alone it does not say where the site is
    ("Forgot to say: we also have a yard in Shifnal.", None),
    # the place the new kit is said to go, after the place or after the site it names
    ("Office in Rugby and a workshop in Allesley, where the laser cutter would go.", "Coventry"),
    ("We're in Aldridge, but the kiln would sit in our other workshop in Kidderminster.",
     "Wyre Forest"),
    # the business called a group of its own trade is the business
    ("Our family company is a plating group in Bloxwich, 30 staff.", "Walsall"),
    # an office's or an invoice's address written as a form line is not the site
    ("Invoice address: Bromsgrove B60 1AA\nWorks: Unit 2, Oldbury", "Sandwell"),
    # a place the business was at before, or where people live
    ("We're at Pelsall now; previously we were in Burntwood.", "Walsall"),
    ("Our works is in Wednesfield. Most of the team live in Cannock.", "Wolverhampton"),
    ("We run a small sheet metal shop on the Pensnett estate in Kingswinford, I live out in "
     "Tamworth myself.", "Dudley"),
    ("Our unit's in Willenhall; my business partner lives up in Stafford.", "Walsall"),
])
def test_other_places_than_the_site(extractor: FactExtractor, text: str,
                                    authority: str | None) -> None:
    assert extractor.extract(text).local_authority == authority


def test_the_business_told_apart_from_another_by_what_it_does(extractor: FactExtractor) -> None:
    facts = extractor.extract("We have two firms. This one - powder coating, in Tipton - has 9 "
                              "staff; the other does signage.")
    assert facts.sector_text == "powder coating"


def test_priced_items_listed_with_commas_add_up(extractor: FactExtractor) -> None:
    facts = extractor.extract("Costs: a press brake £52,000, a fume extractor £8,000, and "
                              "training £2,500.")
    assert facts.project_cost is not None and facts.project_cost.amount == 62_500
    alternatives = extractor.extract("We have quotes for the oven of £30k, or £34k.")
    assert alternatives.project_cost is not None and alternatives.project_cost.amount == 34_000


def test_an_item_named_before_its_price_after_and(extractor: FactExtractor) -> None:
    facts = extractor.extract("We're buying a bandsaw at £14,000 and a new extraction system "
                              "at £9,500.")
    assert facts.project_cost is not None and facts.project_cost.amount == 23_500
    asked = extractor.extract("The lathe is £14,000 and the grant we hope for is £6,000.")
    assert asked.project_cost is not None and asked.project_cost.amount == 14_000


def test_a_funding_record_with_each_date_before_its_amount(extractor: FactExtractor) -> None:
    facts = extractor.extract("Our public funding history: January 2023, £40,000 capital "
                              "grant; May 2025, £30,000; March 2026, £10,000.",
                              today=date(2026, 12, 6))
    # counted from the start of the financial year two years back: 1 April 2024
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 40_000


def test_the_speaker_called_a_supplier_is_the_business(extractor: FactExtractor) -> None:
    facts = extractor.extract("We are a tier-two aerospace supplier with 140 employees.")
    assert facts.employees == 140
    other = extractor.extract("Our biggest customer is a supplier with 900 employees.")
    assert other.employees is None


def test_solvent_said_with_it_s_and_were_typed_for_we_re(extractor: FactExtractor) -> None:
    assert extractor.extract("I own all of it and it's solvent.").insolvent is False
    assert extractor.extract("a creditor threatened us with a petition but it was dropped so "
                             "were not in any insolvency").insolvent is False


def test_a_total_including_the_owners_is_not_the_owners_alone(
        extractor: FactExtractor) -> None:
    assert extractor.extract("A print shop: 9 people, counting the two of us.").employees == 9
    assert extractor.extract("a joinery, 6 ppl inc me and the wife").employees == 6


def test_lower_case_holders_with_shares_in_brackets(extractor: FactExtractor) -> None:
    facts = extractor.extract("Our shareholders are the three directors (60%) and Dudley "
                              "Council (40%).")
    kinds = {h.holder_kind: h.share_percent for h in facts.holdings}
    assert kinds == {"individual": 60, "public_body": 40}


@pytest.mark.parametrize("holder", ["The hospital trust",
                                    "University Hospitals Coventry NHS Trust"])
def test_a_health_service_trust_is_a_public_body(extractor: FactExtractor, holder: str) -> None:
    facts = extractor.extract(f"The founders have 70% and {holder} has the remaining 30%.")
    kinds = {h.holder_kind: h.share_percent for h in facts.holdings}
    assert kinds == {"individual": 70, "public_body": 30}


def test_a_council_holding_part_of_the_ordinary_shares(extractor: FactExtractor) -> None:
    facts = extractor.extract("The borough council holds 26% of the ordinary shares and the "
                              "founder holds the rest.")
    assert any(h.holder_kind == "public_body" and h.share_percent == 26 for h in facts.holdings)


def test_a_partner_named_after_shares_held_between_them(extractor: FactExtractor) -> None:
    facts = extractor.extract("Our figures: 30 staff, turnover £3m. The two founders hold 70% of "
                              "the shares between them and Harrow Castings Ltd holds 30%. Harrow's "
                              "accounts show 120 staff and turnover £15m.")
    assert facts.employees == 30
    partner = next(h for h in facts.holdings if h.holder_kind == "enterprise")
    assert partner.share_percent == 30 and partner.employees == 120


def test_an_adviser_asking_for_a_client(extractor: FactExtractor) -> None:
    facts = extractor.extract("We're emailing for a client of the bank, a toolmaker. They have "
                              "traded since 2012.", today=date(2026, 12, 6))
    assert facts.months_trading is not None and facts.months_trading > 150


def test_part_timers_against_the_firm_s_standard_week(extractor: FactExtractor) -> None:
    facts = extractor.extract("We have 10 part-time employees each working 15 hours of our "
                              "standard 37.5-hour week.")
    assert facts.employees == 4


def test_a_workforce_listed_across_semicolons(extractor: FactExtractor) -> None:
    facts = extractor.extract("Staffing: 120 full-time employees, of whom 4 were on maternity "
                              "leave; 10 part-time employees on 20 of 40 hours; and 6 "
                              "apprentices.")
    assert facts.employees == 121


def test_a_correction_that_breaks_the_payroll_down(extractor: FactExtractor) -> None:
    facts = extractor.extract("Sorry, the 140 I gave is everybody employed. That includes 8 "
                              "apprentices, and 10 of the others are part-time.")
    assert facts.employees == 127


def test_trading_dated_from_the_first_sale_not_the_incorporation(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("The company was registered in January 2026 but stayed dormant; "
                              "our first order came in on 1 October 2026.",
                              today=date(2026, 12, 6))
    assert facts.months_trading is not None and facts.months_trading < 6


def test_an_amount_with_the_time_it_was_taken_in_is_the_turnover(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Candle making in Bilston. 3 staff, £45k so far, not insolvent. "
                              "Booster?")
    assert facts.turnover is not None and facts.turnover.amount == 45_000
    assert facts.prior_public_support is None


def test_the_business_s_own_staff_time_is_not_a_project_item(extractor: FactExtractor) -> None:
    facts = extractor.extract("Costs: a lathe £70,000, and roughly £5,000 of our own fitters' "
                              "time.")
    assert facts.project_cost is not None and facts.project_cost.amount == 70_000


def test_a_holder_split_told_after_the_owners_and_no_investors(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("It's owned by my cousin and me, 70/30 - there are no outside "
                              "shareholders.")
    assert facts.holdings and all(h.holder_kind == "individual" for h in facts.holdings)


def test_a_workforce_with_the_firm_s_week_told_apart(extractor: FactExtractor) -> None:
    facts = extractor.extract("It's me, working full time at the bench; 2 full-time polishers "
                              "(our normal week is 35 hours); 3 part-timers that each work 14 "
                              "hours; 4 seasonal packers for the 6 christmas months.")
    # 1 + 2 + 3 x 14/35 + 4 x 6/12
    assert facts.employees == 6.2


def test_working_at_the_site_since_a_year_is_trading_that_long(extractor: FactExtractor) -> None:
    facts = extractor.extract("We've been printing on these premises since 2005.",
                              today=date(2026, 12, 6))
    assert facts.months_trading is not None and facts.months_trading > 200
    assert extractor.extract("We've been at this unit since 2025.").months_trading is None


def test_a_range_of_staff_with_a_caveat_after_it(extractor: FactExtractor) -> None:
    facts = extractor.extract("Anywhere from 30 to 34 people depending on the season.")
    assert facts.employees == 32 and facts.ranges["employees"] == [30, 34]


def test_a_parent_owning_the_business_named_with_a_word_more(extractor: FactExtractor) -> None:
    facts = extractor.extract("Vantor Inc owns 100% of the British company.")
    assert [h.share_percent for h in facts.holdings] == [100]


def test_part_way_through_an_arrangement_is_in_it_now(extractor: FactExtractor) -> None:
    assert extractor.extract("We are in year two of a three-year voluntary arrangement agreed "
                             "in 2025; payments are all up to date.").insolvent is True
    assert extractor.extract("We entered an arrangement with our creditors in 2022. I believe "
                             "it's still running, though it might have ended by now, I'd need "
                             "to ask.").insolvent is None


def test_trading_begun_this_year_after_a_dormant_spell_is_asked(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Company formed in 2017, dormant for ages; we began selling this "
                              "year.", today=date(2026, 12, 6))
    assert facts.months_trading is None


def test_a_year_said_in_words(extractor: FactExtractor) -> None:
    facts = extractor.extract("Established in nineteen eighty-eight.", today=date(2026, 12, 6))
    assert facts.months_trading is not None and facts.months_trading > 400


def test_staff_plus_the_working_directors_named_after_them(extractor: FactExtractor) -> None:
    facts = extractor.extract("Six employees, plus my brother and me, the two directors, who work "
                              "in the business full time.")
    assert facts.employees == 8


def test_a_later_breakdown_of_the_figure_given_before(extractor: FactExtractor) -> None:
    facts = extractor.extract("About the headcount: the 20 includes 3 apprentices, and Sam, who "
                              "is on paternity leave. Also four of the others work two days a "
                              "week.")
    assert facts.employees == 13.6 and not facts.employees_added


def test_the_owners_named_in_the_plural_also_owning_another_firm(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Both directors also own another firm, a toolmaker in Dudley, "
                              "which supplies the same customers.")
    assert [(h.same_owner, h.direction) for h in facts.holdings] == [(True, "we_own")]


def test_a_cost_word_that_leads_to_the_next_amount_is_that_amount_s(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Project costs: a router £30,000, dust extraction £6,000, and a "
                              "consultant charging £15,000 for the layout study.")
    assert facts.project_cost is not None and facts.project_cost.amount == 51_000
    assert facts.consultancy_cost is not None and facts.consultancy_cost.amount == 15_000


def test_a_first_item_without_a_cost_word_of_its_own(extractor: FactExtractor) -> None:
    facts = extractor.extract("We'd buy a glass kiln at £20k, new software at £5k and a "
                              "consultant who's quoted £9k.")
    assert facts.project_cost is not None and facts.project_cost.amount == 34_000


def test_a_buyer_named_without_an_article_who_owns_all_of_us(extractor: FactExtractor) -> None:
    facts = extractor.extract("We employ 45 in Tipton. In 2023 we were acquired by Fjordline "
                              "Holding ASA, who own 100% of us; they have around 2,000 staff and "
                              "sales of €600m.")
    [holding] = facts.holdings
    assert holding.holder == "Fjordline Holding ASA" and holding.share_percent == 100
    assert holding.employees == 2000 and facts.employees == 45


def test_a_buyer_then_a_pronoun_and_its_own_staff(extractor: FactExtractor) -> None:
    facts = extractor.extract("We were bought by a Belgian group two years ago. They own 100% "
                              "of us and have 700 staff.")
    [holding] = facts.holdings
    assert holding.holder == "a Belgian group" and holding.employees == 700


@pytest.mark.parametrize("holder", ["a former colleague", "my two cousins", "an old university "
                                    "friend", "our neighbour"])
def test_people_the_owner_knows_are_individuals(extractor: FactExtractor, holder: str) -> None:
    facts = extractor.extract(f"12 staff. I own 65% and {holder} holds 35%.")
    assert [h.holder_kind for h in facts.holdings] == ["individual"]


def test_half_time_hours_are_no_half_share(extractor: FactExtractor) -> None:
    facts = extractor.extract("We have 40 full-time staff and 10 part-timers who each do half-time "
                              "hours.")
    assert facts.holdings == [] and facts.employees == 45


def test_a_decade_of_an_earlier_century(extractor: FactExtractor) -> None:
    facts = extractor.extract("Nine staff, trading since the 1890s.", today=date(2026, 12, 6))
    assert facts.months_trading is not None and facts.months_trading > 1500


def test_a_list_of_staff_one_a_line_after_a_colon(extractor: FactExtractor) -> None:
    facts = extractor.extract("Headcount, as our payroll has it:\n- 150 full-time\n- 20 "
                              "part-timers on half-time hours\n- 12 apprentices\n- 4 full-timers "
                              "who are on maternity or paternity leave (not in the 150)\n"
                              "Turnover is £30m.")
    assert facts.employees == 160
    assert facts.turnover is not None and facts.turnover.amount == 30_000_000


def test_labelled_lines_in_a_list_stay_a_form(extractor: FactExtractor) -> None:
    facts = extractor.extract("Our details:\n- Staff: 22\n- Turnover: £2.5m\n- Postcode: WS2 8LH")
    assert facts.employees == 22 and facts.postcode == "WS2 8LH"
    assert facts.turnover is not None and facts.turnover.amount == 2_500_000


def test_shares_that_belong_to_another_company(extractor: FactExtractor) -> None:
    facts = extractor.extract("We have 28 staff and £3m turnover. 55% of the equity belongs to "
                              "Brackwell Group plc, with 900 employees; the founder holds the "
                              "rest.")
    assert facts.holdings[0].share_percent == 55 and facts.holdings[0].employees == 900
    assert facts.employees == 28


@pytest.mark.parametrize("text", [
    "Our accountant is talking to the creditors about a voluntary arrangement, but it has not "
    "been signed yet.",
    "We are considering a CVA with help from an insolvency practitioner.",
    "There is an arrangement with creditors on the table; I can't say whether we've formally "
    "entered it.",
])
def test_proceedings_that_may_not_have_begun_are_not_known(extractor: FactExtractor,
                                                           text: str) -> None:
    assert extractor.extract(f"We have 15 staff in Walsall. {text}").insolvent is None


def test_seasonal_staff_for_a_time_not_said_leave_the_count_open(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("We employ 230 people all year, and around 60 temporary packers "
                              "join us for the summer rush; I'd have to look up for how long.")
    assert facts.employees == 230 and facts.staff_uncounted
    assert facts.ranges["employees"] == [230, 290]


def test_another_firm_told_by_what_it_does_going_bust_is_not_the_business(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("The firm that operated the foundry next door went into "
                              "administration. We have 12 staff in Tipton.")
    assert facts.insolvent is None


@pytest.mark.parametrize(("text", "employees", "turnover"), [
    ("A headcount north of 240 and sales of £30m.", 241, 30_000_000),
    ("Staff just south of 250; turnover comfortably north of £44m.", 249, 44_000_001),
])
def test_north_of_and_south_of_are_bounds(extractor: FactExtractor, text: str, employees: float,
                                         turnover: float) -> None:
    facts = extractor.extract(text)
    assert facts.employees == employees
    assert facts.turnover is not None and facts.turnover.amount == turnover


@pytest.mark.parametrize("text", ["We have 60 staff and sales of $48m last year.",
                                  "60 staff; turnover was 48 million US dollars."])
def test_an_amount_in_dollars_is_not_taken_for_pounds(extractor: FactExtractor,
                                                      text: str) -> None:
    facts = extractor.extract(text)
    assert facts.employees == 60 and facts.turnover is None


@pytest.mark.parametrize(("text", "prior"), [
    # each award with its day: the ones since the window opened count
    ("Earlier support: £30,000 on 4 February 2025 and £12,500 on 19 August 2025.", 42_500),
    ("Grants of £8k on 02/09/2023 and £6k on 15/01/2025.", 6_000),
    ("We had a £20,000 grant on 28/02/2024.", 0),
])
def test_dated_awards_each_count_in_their_financial_year(extractor: FactExtractor, text: str,
                                                         prior: float) -> None:
    facts = extractor.extract(text, today=date(2026, 12, 1))
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == prior


def test_awards_count_in_the_years_of_the_round_the_business_will_apply_in(
        extractor: FactExtractor) -> None:
    text = ("We intend to apply in Round 3. Public support so far: £50,000 in February 2025 and "
            "£20,000 in October 2025.")
    facts = extractor.extract(text, today=date(2026, 12, 1))
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 20_000  # Round 3 opens in 2027-28
    today = extractor.extract("Public support so far: £50,000 in February 2025 and £20,000 in "
                              "October 2025.", today=date(2026, 12, 1))
    assert today.prior_public_support is not None
    assert today.prior_public_support.amount == 70_000


@pytest.mark.parametrize(("text", "insolvent", "employees"), [
    ("Trading name: Acme Bakes\nIn administration?: no\nHow many staff?: 14", False, 14),
    ("Any CVA or liquidation? - none\nStaff: 9", False, 9),
])
def test_a_form_label_asked_as_a_question(extractor: FactExtractor, text: str,
                                          insolvent: bool, employees: float) -> None:
    facts = extractor.extract(text)
    assert facts.insolvent is insolvent and facts.employees == employees


@pytest.mark.parametrize("text", ["Shareholders: CEO 60%, CFO 40%.",
                                  "The FD holds 35% and the MD the rest."])
def test_officers_named_by_their_initials_are_people(extractor: FactExtractor,
                                                    text: str) -> None:
    facts = extractor.extract(text)
    assert facts.holdings and all(h.holder_kind == "individual" for h in facts.holdings)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("We have been trading since summer 2018.", 95, 105),
    ("Established in the autumn of 2020.", 70, 80),
    ("We are working already 4 years, small company.", 48, 48),
])
def test_a_season_or_years_of_working_date_the_business(extractor: FactExtractor, text: str,
                                                        low: float, high: float) -> None:
    facts = extractor.extract(text, today=date(2026, 12, 1))
    assert facts.months_trading is not None and low <= facts.months_trading <= high


def test_working_months_on_a_design_is_not_the_age_of_the_business(
        extractor: FactExtractor) -> None:
    assert extractor.extract("We have been working 5 months on the prototype.").months_trading \
        is None


def test_a_shareholder_named_before_a_relative_clause(extractor: FactExtractor) -> None:
    facts = extractor.extract("It was founded with Dudley Metropolitan Borough Council, which "
                              "keeps 28% of the shares; the rest is mine.")
    council = [h for h in facts.holdings if h.holder_kind == "public_body"]
    assert council and council[0].share_percent == 28


@pytest.mark.parametrize(("text", "employees"), [
    ("Employees 31", 31),
    ("Employees 12, plus me and my husband working full time.", 14),
    ("Number of employees 44", 44),
    ("We have 52 staff. Employees 2021: 47", 52),
    ("There are 120 full-time staff. In addition there are three owner-directors, each "
     "working full time in the company.", 123),
    ("Headcount was 240 for years, then it rose to 258 for one contract. Now we are back to "
     "about 241.", 241),
])
def test_more_ways_of_giving_the_staff(extractor: FactExtractor, text: str,
                                       employees: float) -> None:
    assert extractor.extract(text).employees == employees


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("Turnover last year 3,7 milion euro.", 3_700_000, "EUR"),
    ("Annual sales £1,5m.", 1_500_000, "GBP"),
])
def test_a_decimal_comma_and_a_misspelt_million(extractor: FactExtractor, text: str,
                                                amount: float, currency: str) -> None:
    facts = extractor.extract(text)
    assert facts.turnover is not None
    assert (facts.turnover.amount, facts.turnover.currency) == (amount, currency)


def test_two_questions_answered_in_one_reply(extractor: FactExtractor) -> None:
    facts, _ = extractor.read("roughly 25, and the site is in Tipton", asked="postcode",
                              also_asked=["employees"])
    assert facts.employees == 25 and facts.local_authority == "Sandwell"
    # a short "no" answers the insolvency question; a longer clause that opens with "no" does not
    facts, _ = extractor.read("Dudley, no", asked="postcode", also_asked=["insolvent"])
    assert facts.insolvent is False
    facts, _ = extractor.read("Dudley, no council shareholders", asked="postcode",
                              also_asked=["insolvent"])
    assert facts.insolvent is None


def test_an_advisers_client_is_the_business_and_another_company_is_not(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("My client is a rubber moulder in Walsall (WS2 9QX) with 70 "
                              "staff. Its owner also owns a controlling interest in a second "
                              "moulding company in Shrewsbury.")
    assert facts.employees == 70 and facts.postcode == "WS2 9QX"
    assert facts.local_authority == "Walsall"
    assert [h.same_owner for h in facts.holdings] == [True]


def test_a_financial_year_is_not_a_postcode(extractor: FactExtractor) -> None:
    facts = extractor.extract("Our works are in Bilston (WV14); sales were £6m in FY25.")
    assert facts.postcode == "WV14" and facts.local_authority == "Wolverhampton"


def test_a_place_said_to_be_only_the_office_is_not_the_site(extractor: FactExtractor) -> None:
    facts = extractor.extract("The machines are at our yard in Darlaston, WS10 8JD. Cannock is "
                              "just the registered office.")
    assert facts.postcode == "WS10 8JD" and facts.local_authority == "Walsall"


@pytest.mark.parametrize("text", [
    "We anodise in Tipton, Stafford is where the two of us live.",
    "Our press shop is in Tipton, Stafford was our old address.",
    "Tipton, Stafford is where we started out.",
])
def test_a_place_said_after_it_not_to_be_the_site_is_not_taken(extractor: FactExtractor,
                                                               text: str) -> None:
    assert extractor.extract(text).local_authority == "Sandwell"


@pytest.mark.parametrize("text", ["Nobody besides us has a stake of 25% or more.",
                                  "No one else owns more than 10%."])
def test_nobody_is_no_shareholder(extractor: FactExtractor, text: str) -> None:
    assert extractor.extract(text).holdings == []


@pytest.mark.parametrize("text", ["Any receivership / liquidation / CVA: none",
                                  "Any administration, liquidation or CVA: no"])
def test_a_label_listing_proceedings_answered_no(extractor: FactExtractor, text: str) -> None:
    assert extractor.extract(text).insolvent is False


def test_a_ceiling_quoted_from_the_guidance_is_not_the_turnover(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Turnover: £51m. Is that over the £43m limit you mention?")
    assert facts.turnover is not None and facts.turnover.amount == 51_000_000


@pytest.mark.parametrize("text", [
    "We make springs in Redditch, 40 staff and £5m turnover. A shareholder is Varga plc, which "
    "has 3,100 staff and about £600m turnover.",
    "We make springs in Redditch, 40 staff and £5m turnover. We used to be part of Varga Group "
    "(3,100 staff, turnover about £600m).",
])
def test_another_companys_figures_in_a_relative_clause_or_brackets(
        extractor: FactExtractor, text: str) -> None:
    facts = extractor.extract(text)
    assert facts.employees == 40
    assert facts.turnover is not None and facts.turnover.amount == 5_000_000


def test_a_holders_figures_in_brackets_after_its_share(extractor: FactExtractor) -> None:
    facts = extractor.extract("Brannock Holdings Ltd owns 35% of the shares (Brannock: 90 AWU, "
                              "turnover £12m); the rest is the founders'.")
    brannock = [h for h in facts.holdings if h.holder.startswith("Brannock")]
    assert brannock and brannock[0].employees == 90
    assert brannock[0].turnover is not None and brannock[0].turnover.amount == 12_000_000


def test_an_amount_a_year_with_no_other_word_is_the_turnover(extractor: FactExtractor) -> None:
    facts = extractor.extract("9 of us, a print shop in Bloxwich, around 700k a year.")
    assert facts.turnover is not None and facts.turnover.amount == 700_000


def test_a_cva_running_at_the_moment_after_a_past_year(extractor: FactExtractor) -> None:
    assert extractor.extract("Our CVA began in 2023 and is ongoing, with three years of "
                             "payments to go.").insolvent is True


def test_a_bare_phrase_naming_goods_is_the_activity(extractor: FactExtractor) -> None:
    facts = extractor.extract("Grant enquiry. 12 FTE, site dy4. Pressed steel brackets for "
                              "trailers. Ltd since 2014.")
    assert facts.sector_text == "pressed steel brackets for trailers"


def test_a_postcode_district_before_a_dash_is_no_range(extractor: FactExtractor) -> None:
    facts = extractor.extract("machine shop in tipton dy4 - 31 staff, turnover £3m")
    assert facts.employees == 31 and facts.postcode == "DY4"


def test_a_business_the_family_has_run(extractor: FactExtractor) -> None:
    facts = extractor.extract("My parents have run a garden nursery in Meriden since 1988; 9 of "
                              "us work there.")
    assert facts.sector_text is not None and facts.sector_text.startswith("garden nursery")


@pytest.mark.parametrize(("text", "insolvent"), [
    ("Enquiry. 9 FTE. Liquidation / CVA / administration: none. Turnover £1m.", False),
    ("Insolvency? - no", False),
    ("We went into administration - no choice in the end.", True),
])
def test_proceedings_answered_no_inline(extractor: FactExtractor, text: str,
                                        insolvent: bool) -> None:
    assert extractor.extract(text).insolvent is insolvent


def test_a_site_word_before_a_district_marks_it_as_the_postcode(
        extractor: FactExtractor) -> None:
    assert extractor.extract("Grant enquiry. 11 FTE, site dy2. Ltd since 2016.").postcode == "DY2"


@pytest.mark.parametrize(("text", "trade"), [
    # the kind of business without an article, as a newcomer to English may write it
    ("We are owners of family butchers in Oldbury, 6 staff.", "butchers"),
    ("i have clothes shop near the bus station in Walsall", "clothes shop"),
    ("We have a small bakery in Bearwood with two ovens.", "bakery"),
])
def test_a_shop_or_a_bakery_the_owner_has_is_the_trade(extractor: FactExtractor, text: str,
                                                       trade: str) -> None:
    assert trade in (extractor.extract(text).sector_text or "")


@pytest.mark.parametrize("text", [
    # a place where work is done, not the trade
    "Could we book the test welding bay for a day next month?",
    "Is the spray painting booth at the centre free in May?",
])
def test_a_room_named_for_its_work_is_no_trade(extractor: FactExtractor, text: str) -> None:
    assert extractor.extract(text).sector_text is None


def test_a_workshop_the_owner_has_leaves_the_trade_to_what_is_made_there(
        extractor: FactExtractor) -> None:
    trade = extractor.extract("We have a workshop in Tipton where we powder coat railings.")
    assert "powder coat" in (trade.sector_text or "")


@pytest.mark.parametrize(("text", "trade"), [
    # a bare phrase naming the trade as a later sentence, its head before a place
    ("Trading 7 years, 9 staff. Independent record shop in Moseley.", "record shop"),
    ("We have 6 staff and have traded since 2015. Pet grooming parlour.", "pet grooming parlour"),
    ("Started in 2012, 14 people. Vintage furniture restoration on an industrial estate.",
     "vintage furniture restoration"),
    # the company by its name, then what it does
    ("Hollybank Gates Ltd designs, welds and fits iron gates. 11 staff.",
     "designs, welds and fits iron gates"),
    # a label for the trade
    ("Staff: 5. Nature of business: picture framing.", "picture framing"),
    # what it did before proceedings, said in the past
    ("We were a carpet retailer until the administrators came in last month.",
     "carpet retailer"),
    # the business opened, named by its kind
    ("We opened the tearoom in 2019 and now have 8 staff.", "tearoom"),
])
def test_the_trade_told_as_owners_tell_it(extractor: FactExtractor, text: str,
                                          trade: str) -> None:
    assert trade in (extractor.extract(text).sector_text or ""), extractor.extract(text)


@pytest.mark.parametrize(("text", "months"), [
    ("Staff 12. 4 yrs 7 months trading.", 55),
    ("We have been going for exactly eight years, 20 staff.", 96),
    ("Trading for nearly three decades now, 40 staff.", 360),
    ("Date started trading: 06/2020. 5 employees.", None),  # worked from today below
])
def test_trading_times_in_more_shapes(extractor: FactExtractor, text: str,
                                      months: float | None) -> None:
    got = extractor.extract(text).months_trading
    if months is None:
        assert got is not None and got >= 70
    else:
        assert got == months


def test_a_start_dated_by_a_holiday_or_told_before_the_verb(extractor: FactExtractor) -> None:
    assert (extractor.extract("The cafe opened just after Christmas 2018, 7 staff.")
            .months_trading or 0) >= 80
    assert (extractor.extract("In March 2016 my brother and I set up our own plumbing firm. "
                              "12 staff.").months_trading or 0) >= 120
    assert (extractor.extract("We bought the bakery on 3 May 2021 from the retiring owner. 6 "
                              "staff.").months_trading or 0) >= 60


@pytest.mark.parametrize(("text", "insolvent"), [
    # a customer's failure, told as the sentence's subject
    ("Our biggest client, a national retailer, went into administration in June. 18 staff.",
     None),
    # proceedings feared or weighed, not entered
    ("We are not in any insolvency process, though we may have to consider one next year.",
     False),
    ("We thought about a CVA in the spring but the bank extended our overdraft instead. "
     "We're not in any insolvency process.", False),
    ("Any administration or liquidation? No, none at all.", False),
])
def test_proceedings_of_others_or_not_entered_are_not_ours(
        extractor: FactExtractor, text: str, insolvent: bool | None) -> None:
    assert extractor.extract(text).insolvent is insolvent


@pytest.mark.parametrize(("text", "employees"), [
    ("A physiotherapy clinic with 5 therapists and 2 receptionists.", 7),
    ("We employ 30 support workers and 4 office staff.", 34),
])
def test_staff_named_by_their_work(extractor: FactExtractor, text: str,
                                   employees: float) -> None:
    assert extractor.extract(text).employees == employees


@pytest.mark.parametrize(("text", "months", "trade"), [
    ("I opened a small print shop in Harborne some 9 months ago.", 9, "print shop"),
    ("We own small firm for kitchen fitting, started 2019.", None, "kitchen fitting"),
    ("Illustrator here, been freelance for about 14 months.", 14, None),
])
def test_a_young_business_told_in_a_few_words(extractor: FactExtractor, text: str,
                                              months: float | None, trade: str | None) -> None:
    facts = extractor.extract(text)
    if months is not None:
        assert facts.months_trading == months
    if trade is not None:
        assert trade in (facts.sector_text or "")


def test_a_place_inside_a_start_told_ago_is_still_the_site(extractor: FactExtractor) -> None:
    facts = extractor.extract("I opened a small print shop in Harborne some 9 months ago.")
    assert (facts.months_trading, facts.local_authority) == (9, "Birmingham")


def test_a_holder_named_beside_its_kind_is_found_by_its_name_later(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Our biggest customer, Halden Plastics Ltd, owns 30% of us and "
                              "the rest is mine. Halden employs 90 people and turns over £11m. "
                              "We have 18 staff.")
    (holder,) = [h for h in facts.holdings if h.holder_kind == "enterprise"]
    assert holder.share_percent == 30
    assert holder.employees == 90
    assert holder.turnover is not None and holder.turnover.amount == 11_000_000
    assert facts.employees == 18


def test_another_party_s_proceedings_are_not_the_business_s(extractor: FactExtractor) -> None:
    facts = extractor.extract("One of our distributors collapsed into liquidation in the "
                              "spring and we're named as a creditor in their liquidation. "
                              "Nothing of that sort is running for us.")
    assert facts.insolvent is False
    # a petition against the business, dismissed in the sentence after
    petition = extractor.extract("We make signs in Oldbury. A winding-up petition was issued "
                                 "against us in May. It was dismissed at the first hearing.")
    assert petition.insolvent is False
    # the business's own proceedings are still read
    own = extractor.extract("We make signs in Oldbury and we went into administration in "
                            "June; the administrators now run the firm.")
    assert own.insolvent is True


def test_places_of_customers_listed_together_are_not_the_site(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("Our workshop is in Wednesbury. Most customers are in "
                              "Kidderminster, Bromsgrove and Redditch.")
    assert facts.local_authority == "Sandwell"


def test_the_code_of_the_site_the_project_is_for(extractor: FactExtractor) -> None:
    facts = extractor.extract("We have a warehouse in Kidderminster (DY11 7QT) and a factory "
                              "in Tipton (DY4 7AB). The new press is for the Tipton factory.")
    assert facts.postcode == "DY4 7AB"


@pytest.mark.parametrize(("text", "staff"), [
    ("A sheet metal shop with 14 FT staff and 2 PT on half hours.", 15),
    ("We employ 120 people; on a busy day there are 180 in the building.", 120),
    ("We have 60 employees plus 15 agency workers on site.", 60),
    ("We have 190 staff on the payroll. My finance director reckons we're nearly 300 people.",
     190),
    ("There are 30 permanent staff. Each summer we bring in 12 seasonal packers for 4 months.",
     34),
    ("Headcount 50\n- 40 full time\n- 20 part time on 15 out of 30 hours\n", 50),
    ("22 full time and 4 on half hours.", 24),
    ("Payroll: 90 full-time-equivalent employees.", 90),
    # what someone says to do is no count of theirs
    ("We have 90 people on the books, but my bookkeeper says to count properly:\n- 70 full "
     "time\n- 20 part time on half hours\n", 80),
])
def test_the_staff_the_business_employs(extractor: FactExtractor, text: str,
                                        staff: float) -> None:
    assert extractor.extract(text).employees == staff


def test_holders_each_with_a_share_in_brackets(extractor: FactExtractor) -> None:
    facts = extractor.extract("The equity is held by me (70%) and my stepdad (30%).")
    assert [(h.holder, h.share_percent, h.holder_kind) for h in facts.holdings] == [
        ("my stepdad", 30.0, "individual")]
    staff = extractor.extract("I have 70% and my head chef owns 30%.")
    assert [h.holder_kind for h in staff.holdings] == ["individual"]


def test_the_trade_begun_in_a_year(extractor: FactExtractor) -> None:
    facts = extractor.extract("We began roasting coffee in 2018.", today=date(2026, 12, 1))
    assert facts.months_trading is not None and 100 <= facts.months_trading <= 110
    assert extractor.extract("We started exporting in 2019.").months_trading is None


def test_a_client_named_then_its_trade(extractor: FactExtractor) -> None:
    facts = extractor.extract("I'm the accountant for a client, Hollis Joinery Ltd, a joinery "
                              "workshop making sash windows.")
    assert facts.sector_text is not None and "joinery" in facts.sector_text
    showroom = extractor.extract("We make kitchens. We also run a showroom in Solihull.")
    assert showroom.sector_text is not None and "showroom" not in showroom.sector_text


@pytest.mark.parametrize(("text", "insolvent"), [
    # ended, as the sentence after says
    ("We make cabinets in Bilston. We entered a CVA when the pandemic hit. Every payment was "
     "made and it was completed last spring.", False),
    # named again in a question, not a second state
    ("We make cabinets in Bilston and have been in a CVA since June, paying monthly. Does the "
     "CVA stop us applying?", True),
    ("We make cabinets in Bilston. Does a CVA stop a business applying?", None),
    # another's, in a numbered list, then the business's own word
    ("We make cabinets in Bilston.\n1. Last year our biggest customer folded and went into "
     "administration owing us £60k.\n2. We are not insolvent ourselves.", False),
    # a credit report's lines
    ("Cabinet maker, Bilston. Winding-up petitions: 1, presented March 2025. Status: DISMISSED "
     "May 2025. Current insolvency events: None.", False),
    # the Insolvency Act's company moratorium, running
    ("We make cabinets in Bilston. Our board obtained a Part A1 moratorium under the "
     "Insolvency Act 1986 on 2 December. It is still in its initial period.", True),
])
def test_insolvency_told_over_several_sentences(extractor: FactExtractor, text: str,
                                                insolvent: bool | None) -> None:
    assert extractor.extract(text).insolvent is insolvent


def test_a_register_s_band_of_control(extractor: FactExtractor) -> None:
    facts = extractor.extract("Persons with significant control: Mrs Jane Hale (ownership of "
                              "shares – 75% or more)")
    assert [(h.holder, h.share_percent, h.holder_kind) for h in facts.holdings] == [
        ("Mrs Jane Hale", 75.0, "individual")]
    banded = extractor.extract("Significant control: Dr Omar Said (ownership of shares – more "
                               "than 50% but less than 75%)")
    assert [(h.holder, h.share_percent) for h in banded.holdings] == [("Dr Omar Said", 75.0)]


def test_the_council_the_business_rates_go_to_settles_the_site(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("The registered address is our bookkeeper's, in Walsall (WS1). "
                              "The works itself is out near Cheslyn Hay and we pay our "
                              "business rates to South Staffordshire Council.")
    assert facts.local_authority == "South Staffordshire"
    # ... over the postcode of an address, which a wholly-inside district would otherwise decide
    assert facts.postcode is None


@pytest.mark.parametrize(("text", "insolvent"), [
    # another's petition against the business, its outcome not known
    ("We make cabinets in Bilston. A haulier we fell out with served a winding-up petition "
     "on the company. I'm not sure whether it got dismissed at the hearing. No other "
     "insolvency.", None),
    ("We make cabinets in Bilston. A haulier we fell out with served a winding-up petition "
     "on the company; it was withdrawn a week later. No other insolvency.", False),
])
def test_a_petition_brought_by_another_against_the_business(
        extractor: FactExtractor, text: str, insolvent: bool | None) -> None:
    assert extractor.extract(text).insolvent is insolvent


def test_the_trade_named_before_the_works(extractor: FactExtractor) -> None:
    facts = extractor.extract("Hello, asking about a grant for our shot blasting plant.")
    assert facts.sector_text is not None and "shot blasting" in facts.sector_text
    assert extractor.extract("The press goes into our Oldbury works.").sector_text is None


@pytest.mark.parametrize(("text", "trade"), [
    ("Our company, Barlow Signs, makes illuminated shop signs.", "illuminated shop signs"),
    ("We're into powder coating, mostly for gate makers.", "powder coating"),
    ("Ridgeway Plastics here - vacuum forming for the caravan trade, 14 staff.",
     "vacuum forming"),
])
def test_the_trade_after_the_business_s_name(extractor: FactExtractor, text: str,
                                             trade: str) -> None:
    facts = extractor.extract(text)
    assert facts.sector_text is not None and trade in facts.sector_text


@pytest.mark.parametrize(("text", "months"), [
    ("Panel beaters, going since '14.", 12 * 12 + 11),
    ("Our grandmother set the bakery up after the war, in 1949.", 77 * 12 + 11),
    ("A small foundry dating back to 1958.", 68 * 12 + 11),
    ("Date of incorporation: 1 June 2024", 30),
])
def test_when_the_business_began(extractor: FactExtractor, text: str, months: float) -> None:
    facts = extractor.extract(text, today=date(2026, 12, 7))
    assert facts.months_trading is not None and abs(facts.months_trading - months) <= 6


@pytest.mark.parametrize("text", ["Staffing: 212 FTE (roughly 265 heads on the books).",
                                  "Headcount of about 270; in work units that is 214 AWU."])
def test_work_units_over_heads(extractor: FactExtractor, text: str) -> None:
    assert extractor.extract(text).employees in (212, 214)


def test_a_business_named_by_a_letter_keeps_its_letter() -> None:
    # "Company B" is another business than "Company A": its name is not "Company"
    from assistant.facts.extractor import _short_name
    assert _short_name("Company B") == "Company B"
    assert _short_name("Ashby Transmissions Ltd in Nuneaton") == "Ashby Transmissions"
    assert _short_name("our parent company") == ""


def test_a_petition_thrown_out_by_the_court(extractor: FactExtractor) -> None:
    facts = extractor.extract("We bend tube in Walsall. A customer put a winding up petition "
                              "on us in the spring; at the hearing the judge threw it out.")
    assert facts.insolvent is False


def test_the_day_of_an_application_does_not_make_its_grant_one_had(
        extractor: FactExtractor) -> None:
    facts = extractor.extract("We had £40k from the council on 3 June 2025. If we apply for a "
                              "£70k grant on 1 May 2026, what's left under the limit?")
    assert facts.requested_amount is not None and facts.requested_amount.amount == 70_000
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 40_000


@pytest.mark.parametrize(("text", "share"), [
    ("no idea exactly - 15%, maybe more", None),
    ("at least a third, I think", None),
    ("15%, could well be higher", None),
    ("about 15%", 15.0),
])
def test_a_share_given_as_the_least_it_may_be_is_no_share(extractor: FactExtractor, text: str,
                                                          share: float | None) -> None:
    assert extractor.stated_share(text) == share


@pytest.mark.parametrize(("text", "trade"), [
    # the work told with its own verb
    ("We fit shopfronts and roller shutters round Bilston, 5 staff.", "fit shopfronts"),
    ("Mainly we erect steel portal frames for farm buildings.", "erect steel portal frames"),
    # the people of the business doing it
    ("Our engineers service forklifts for warehouses in Tyseley.", "service forklifts"),
    # what it was set up to do
    ("Set it up two years ago to help care homes plan their rotas.", "help care homes"),
])
def test_the_trade_told_by_a_verb_of_the_work(extractor: FactExtractor, text: str,
                                              trade: str) -> None:
    assert trade in (extractor.extract(text).sector_text or "")


def test_a_thing_that_fits_is_not_a_trade(extractor: FactExtractor) -> None:
    assert extractor.extract("Do we fit the Booster's rules, do you think?").sector_text is None


@pytest.mark.parametrize(("text", "months"), [
    # trading begins with the first job paid for, or the first invoice sent
    ("Kitchen unit in Aston, 2 staff. The first paying job was 14th September.", 2),
    ("Two of us in Bilston. First invoices were sent in early June this year.", 5),
    # a day of a month is the latest one gone
    ("Bike repairs in Kings Heath, 3 staff; we started trading on 2nd February.", 10),
])
def test_trading_from_the_first_paid_work(extractor: FactExtractor, text: str,
                                          months: float) -> None:
    assert extractor.extract(text, today=date(2026, 12, 8)).months_trading == months


@pytest.mark.parametrize("text", [
    "Print shop in Acocks Green, 6 staff, absolutely solvent.",
    "Print shop in Acocks Green, 6 staff. We are certainly solvent.",
])
def test_solvent_with_a_word_of_degree(extractor: FactExtractor, text: str) -> None:
    assert extractor.extract(text).insolvent is False


def test_a_holder_s_own_figures_in_brackets_before_its_stake(extractor: FactExtractor) -> None:
    facts = extractor.extract("Gaskets made in Willenhall, 22 staff, £2.1m turnover. Corran "
                              "Seals (around 900 staff, £110m sales) has long held shares in us.")
    assert facts.employees == 22
    assert facts.turnover is not None and facts.turnover.amount == 2_100_000


def test_an_office_s_code_is_not_the_site_named_just_before_it(extractor: FactExtractor) -> None:
    facts = extractor.extract("The unit is in Tamworth, though our registered office is in "
                              "Walsall, WS1. The lathe is for the Tamworth unit.")
    assert facts.postcode is None
    assert facts.local_authority == "Tamworth"


@pytest.mark.parametrize(("text", "amount"), [
    ("Sign writers, 5 staff; we turned over a million last year.", 1_000_000),
    ("Sign writers, 5 staff; turnover was just shy of £2m.", 1_999_999),  # under it
])
def test_a_million_and_just_shy_of_it(extractor: FactExtractor, text: str, amount: int) -> None:
    facts = extractor.extract(text)
    assert facts.turnover is not None and facts.turnover.amount == amount


def test_the_sole_owner_told_as_a_fact_is_not_another_business(extractor: FactExtractor) -> None:
    facts = extractor.extract("Dry cleaners, 7 staff, £400k, sole owner, 12 years, solvent.")
    assert facts.months_trading == 144
