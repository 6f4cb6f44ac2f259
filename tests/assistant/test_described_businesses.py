"""A business told in one breath, as owners write it: a question that describes a business
("Is a ... with ... eligible?"), terse lists, the kind of business named anywhere, holders listed
with their shares, a group the business belongs to, trading told as "years' trading" or "... ago
we started". Sentences written here, none from an eval set."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.business import Facts
from assistant.facts import FactExtractor

TODAY = date(2026, 6, 15)


def read(text: str) -> Facts:
    return FactExtractor().extract(text, today=TODAY)


@pytest.mark.parametrize(("text", "sector"), [
    ("Would a Dudley joinery workshop with 7 staff and £600k of sales qualify?",
     "joinery workshop"),
    ("Is a 25-person plastics moulder at DY4 7ZZ with £3m turnover eligible?", "plastics moulder"),
    ("Can a Telford-based circuit-board assembler with 60 staff apply?",
     "circuit-board assembler"),
    ("brass foundry, 33 staff, £4m, 20 yrs, not insolvent", "brass foundry"),
    ("b70 1aa, sign making, 9 staff, £700k, 5 yrs", "sign making"),
    ("b66 2aa, 18 staff, aluminium castings, £2m", "aluminium castings"),
    ("We've been in commercial printing for 12 years, 15 staff", "commercial printing"),
    ("We do precision grinding, 22 staff", "precision grinding"),
    ("14 staff, revenue of £1.2m from calibration services", "calibration services"),
    ("We were founded in 2024 to develop battery coatings; 6 staff",
     "develop battery coatings"),
])
def test_the_kind_of_business_is_read_wherever_it_is_named(text: str, sector: str) -> None:
    assert read(text).sector_text == sector


@pytest.mark.parametrize("text", [
    "Is a florist eligible? We have 3 staff",  # a kind asked about, not this business
    "We have 30 staff; one of our clients, a big car maker, wants us to expand",
    "We sell to a large aerospace manufacturer, 40 staff",
])
def test_a_kind_asked_about_or_another_business_is_not_read(text: str) -> None:
    sector = read(text).sector_text
    assert sector is None or ("maker" not in sector and "florist" not in sector)


@pytest.mark.parametrize(("text", "insolvent"), [
    ("Is a 12-person print shop in WS1 1AA, trading 5 years and not insolvent, eligible?", False),
    ("Could a 9-staff bakery with no insolvency get a grant?", False),
    ("Is administration a problem? We have 9 staff in B1 1AA", None),
    ("Trading for 10 years, nothing insolvent.", False),
])
def test_insolvency_in_a_question_that_describes_a_business(text: str,
                                                            insolvent: bool | None) -> None:
    assert read(text).insolvent is insolvent


@pytest.mark.parametrize(("text", "months"), [
    ("A tile importer in WS9 with 8 staff, seven years' trading, not insolvent", 84),
    ("a 40-year-old family printing firm? no - the firm is 40 years old, 20 staff", 480),
    ("Six months ago my partner and I started making gin at B9 4AA; 3 staff", 6),
    ("We refurbish forklifts at DY2 and have done for 14 years; 11 staff", 168),
    # the business bought whole: trading, as its owner now, since the purchase
    ("We bought the business and its assets from the receivers 9 months ago; 16 staff", 9),
])
def test_how_long_a_business_has_traded_told_as_owners_tell_it(text: str, months: float) -> None:
    assert read(text).months_trading == months


def test_a_person_s_age_is_not_the_business_s() -> None:
    assert read("I'm 52 years old and run a cafe with 4 staff").months_trading is None


def test_turning_over_is_the_turnover_not_more_than_it() -> None:
    turnover = read("a 20-person firm turning over £3.4m").turnover
    assert turnover is not None and turnover.amount == 3_400_000


def test_a_balance_sheet_in_shorthand() -> None:
    facts = read("260 staff, t/o 52m, bal sheet 30m, 25 yrs")
    assert facts.balance_sheet is not None and facts.balance_sheet.amount == 30_000_000


@pytest.mark.parametrize(("text", "holders"), [
    ("bakery, 12 staff, £1m, owner 60% + a supplier co 40% (80 staff, £9m)",
     {("owner", 60.0), ("a supplier co", 40.0)}),
    ("Ownership: county council 20%, directors 80%", {("county council", 20.0),
                                                      ("directors", 80.0)}),
    ("The regional fund kept 35% when we were set up; the founders have the remaining 65%.",
     {("The regional fund", 35.0), ("the founders", 65.0)}),
    ("60% director-owned, 40% owned by a local investor", {("director", 60.0),
                                                           ("a local investor", 40.0)}),
    ("The borough council bought 30% of our recycling works in 2019.",
     {("The borough council", 30.0)}),
])
def test_holders_listed_with_their_shares(text: str, holders: set[tuple[str, float]]) -> None:
    assert {(h.holder, h.share_percent) for h in read(text).holdings} == holders


def test_a_listed_holder_s_figures_in_brackets_are_its_own() -> None:
    facts = read("12 staff, £1m turnover, owner 60% + a supplier co 40% (80 staff, £9m)")
    supplier = next(h for h in facts.holdings if h.holder == "a supplier co")
    assert supplier.employees == 80
    assert supplier.turnover is not None and supplier.turnover.amount == 9_000_000
    assert facts.turnover is not None and facts.turnover.amount == 1_000_000


def test_percentages_that_are_not_shares_are_no_holders() -> None:
    assert read("We export 35% and grew 10% last year, 14 staff").holdings == []
    # half of someone's time is no share of the company
    assert read("8 fitters, and me (I'm on the vans half the time), 9 staff").holdings == []


@pytest.mark.parametrize("text", [
    "We bought a new press 2 years ago; 14 staff",
    "We acquired a small plating company 3 years ago and have 60 staff",  # we traded before
])
def test_a_purchase_by_a_trading_business_is_not_when_it_began(text: str) -> None:
    assert read(text).months_trading is None


def test_the_whole_company_s_headcount_after_the_words_between() -> None:
    text = "6 of them are on the vans; the whole firm, warehouse and office too, is 31 people"
    assert read(text).employees == 31


def test_a_parent_owning_all_of_the_shares() -> None:
    facts = read("We employ 30; Acme Holdings owns all of us.")
    assert [(h.holder, h.share_percent) for h in facts.holdings] == [("Acme Holdings", 100.0)]


def test_part_of_a_group_counts_the_rest_of_the_group() -> None:
    facts = read("We're a 45-person company but belong to a group with 300 employees.")
    assert facts.employees == 45
    rest = [h for h in facts.holdings if h.holder == "the rest of the group"]
    assert rest and rest[0].employees == 255


def test_a_one_word_trade_opening_the_message_is_the_business() -> None:
    assert read("Glaziers at DY1 4AA, 7 staff, £800k").sector_text == "glaziers"
    assert read("Suppliers in B1 1AA, 7 staff").sector_text is None


@pytest.mark.parametrize("text", [
    "When it was founded, the district council bought a stake in the business; 8 staff",
    "We're partly owned by a county council, 40 staff",
])
def test_a_public_stake_told_without_its_size_is_kept_without_one(text: str) -> None:
    holdings = read(text).holdings
    assert [(h.holder_kind, h.share_percent) for h in holdings] == [("public_body", None)]


@pytest.mark.parametrize("text", [
    "A county council has a stake in our landlord; 8 staff",  # a stake in another business
    "Our founder has a big share of the company; 8 staff",  # not a public body
])
def test_no_unknown_stake_is_read_where_none_is_the_business_s_public_one(text: str) -> None:
    assert all(h.share_percent is not None for h in read(text).holdings)


@pytest.mark.parametrize(("text", "share"), [
    ("about a quarter I'd guess, 25%", 25.0),
    ("they hold a third", pytest.approx(33.3, abs=0.1)),
    ("12 per cent", 12.0),
    ("no idea", None),
])
def test_the_share_given_in_reply(text: str, share: object) -> None:
    assert FactExtractor().stated_share(text) == share


@pytest.mark.parametrize(("text", "field", "value"), [
    ("scaffolding firm, 31 on the books, £3m", "employees", 31),
    ("Tile importer here. 9 people, t/o £800k, since 2014", "employees", 9),
    ("joinery, 9 staff, ltd since 2015", "months_trading", 131),
    ("We opened our bakehouse in Kings Heath in May 2023; 6 staff", "months_trading", 36),
])
def test_more_ways_owners_give_staff_and_trading(text: str, field: str, value: float) -> None:
    assert getattr(read(text), field) == value


@pytest.mark.parametrize(("text", "months"), [
    ("We registered in 2019 but only began trading in April this year; 3 staff", 2),
    ("we started in April", None),  # a month alone could be any year's: asked about
    # a day of a month is the latest one gone
    ("we opened on the 9th of August", 9),  # from mid-August 2025: 9 whole months
    ("we may open in April this year", None),
])
def test_a_month_with_its_year_in_words(text: str, months: float | None) -> None:
    assert read(text).months_trading == months


@pytest.mark.parametrize(("text", "sector"), [
    ("Hello - Tipton-based glazier & double-glazing fitter here. 8 staff, £700k",
     "glazier & double-glazing fitter"),
    ("I run two vintage furniture shops in Moseley. 5 staff, £400k", "vintage furniture shops"),
    ("We turn used cooking oil into biodiesel, 11 staff, £2m", "turn used cooking oil into "
                                                                "biodiesel"),
    ("A co-operative (4 members, all working in it) running a bicycle workshop in Digbeth. "
     "7 of us, £300k", "bicycle workshop"),
])
def test_the_kind_of_business_in_more_places(text: str, sector: str) -> None:
    assert read(text).sector_text == sector


def _placed(text: str) -> Facts:
    """Read with the bundled policy's places, as the engine reads."""
    from knowledge.index import bundled_knowledge_dir
    from knowledge.policy.loader import load_policy
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    return FactExtractor.from_policy(policy).extract(text, today=TODAY)


def test_a_site_among_several_is_asked_about() -> None:
    facts = _placed("Two workshops, one in Lichfield and one in Dudley, 20 staff, £2m")
    assert facts.local_authority is None and facts.postcode is None


@pytest.mark.parametrize("text", [
    "We've a unit in Tamworth plus another over in Bilston, 25 staff.",
    "We have a plant in Dudley and a second one in Kidderminster.",
    "One workshop in Lichfield and one in Walsall, 8 staff.",
])
def test_a_second_site_told_in_other_words_is_asked_about(text: str) -> None:
    assert _placed(text).local_authority is None
    assert _placed(text.split(" and ")[0].split(" plus ")[0]).local_authority is not None


def test_the_works_not_the_office_is_the_site() -> None:
    assert _placed("We have a factory in Walsall and an office in Lichfield.") \
        .local_authority == "Walsall"
    assert _placed("Our office is in Lichfield and the works is in Dudley, 40 staff.") \
        .local_authority == "Dudley"


def test_a_head_office_among_two_sites_is_not_the_benefiting_site() -> None:
    facts = read("Two sites: head office in Lichfield, and the new line goes in at DY2 9AA")
    assert facts.postcode == "DY2 9AA" and facts.local_authority != "Lichfield"


@pytest.mark.parametrize(("text", "employees"), [
    ("only me and two part-timers working 2 days of 5, £90k", 1.8),
    ("1 full-timer and 1 part-timer", 1.5),
])
def test_the_owner_working_beside_part_timers(text: str, employees: float) -> None:
    assert read(text).employees == pytest.approx(employees)


def test_a_holder_named_again_by_its_noun_keeps_its_kind() -> None:
    facts = read("We were set up with a Welsh health board, and the board holds 35%; 9 staff")
    assert [(h.holder_kind, h.share_percent) for h in facts.holdings] == [("public_body", 35.0)]


@pytest.mark.parametrize(("text", "employees"), [
    ("We have 4 full-timers and one seasonal packer who works 3 months a year.", 4.25),
    ("6 full-time staff plus 2 summer workers for 6 months", 7.0),
])
def test_seasonal_staff_count_for_their_part_of_the_year(text: str, employees: float) -> None:
    assert read(text).employees == pytest.approx(employees)


@pytest.mark.parametrize(("text", "field", "value"), [
    ("No council owns any of us, 12 staff", "local_authority", None),
    ("Business start 2015. 12 staff", "months_trading", 131),
    ("We opened the doors and started trading at the end of April this year. 3 staff",
     "months_trading", 2),
    ("35 on payroll, £2m turnover", "employees", 35),
    ("Our bank has sent in an insolvency practitioner to advise us. 12 staff", "insolvent",
     None),
    ("owned by the three of us who started it, 14 staff", "employees", 14),
    ("Headcount is 60 but in FTE terms it's 48.5", "employees", 48.5),
])
def test_owners_phrasings_of_single_facts(text: str, field: str, value: object) -> None:
    assert getattr(read(text), field) == value


def test_a_general_trading_company_says_nothing_of_what_it_does() -> None:
    assert read("Ours is a trading company in Acocks Green, 7 staff").sector_text is None


def test_a_share_split_between_people() -> None:
    facts = read("Ownership: the founder 70% and 30% split between two engineers, 9 staff")
    assert {(h.holder, h.share_percent) for h in facts.holdings} == {
        ("the founder", 70.0), ("2 engineers", 30.0)}


def test_a_parent_s_group_headcount() -> None:
    facts = read("We're wholly owned by a Swedish group (group headcount 3,200). 70 staff")
    assert facts.holdings[0].employees == 3200


@pytest.mark.parametrize("text", [
    "We're on an estate between Tipton and Bilston, 10 staff",
    "It's near Halesowen but I'm not sure which council we pay rates to; 10 staff",
])
def test_a_site_the_words_do_not_settle(text: str) -> None:
    assert read(text).local_authority is None


@pytest.mark.parametrize(("text", "insolvent"), [
    ("no, the firm has never gone into any administration, 8 staff", False),
    ("The previous owners' company went into receivership; a buyer took the business out of "
     "administration in 2021 and we have traded ever since. 26 staff", False),
    ("Administrators run us right now; we are in administration, 26 staff", True),
])
def test_proceedings_left_behind_are_not_current(text: str, insolvent: bool | None) -> None:
    assert read(text).insolvent is insolvent


def test_a_business_set_up_with_the_verb_split() -> None:
    assert read("Two friends and I set the business up three years ago; 5 staff"
                ).months_trading == 36.0
    assert read("We started the firm up in 2020, 5 staff").months_trading == \
        read("We started the firm in 2020, 5 staff").months_trading is not None


@pytest.mark.parametrize(("text", "employees"), [
    ("Just me f/t plus two part-timers on 15 hours, where full time is 30; "
     "framing shop in Solihull", 2.0),
    ("16 on the payroll, including one welder on maternity leave and two apprentices", 13.0),
])
def test_owner_and_part_timers_with_their_own_full_week(text: str, employees: float) -> None:
    assert read(text).employees == employees


def test_an_adviser_writing_for_a_client_describes_the_client() -> None:
    facts = read("I'm a business adviser; this is for a client. They're a picture framing "
                 "workshop at B30 2AA, 6 staff, £400k turnover.")
    assert facts.sector_text is not None and "framing" in facts.sector_text
    assert "adviser" not in facts.sector_text
    assert facts.postcode == "B30 2AA"


@pytest.mark.parametrize(("text", "holder", "kind", "share"), [
    ("Founders hold 70% and a health board holds exactly 30% in exchange for data access",
     "a health board", "public_body", 30.0),
    ("They are wholly... sorry, owned 100% by the three engineers who started it, no council",
     "the 3 engineers", "individual", 100.0),
    ("Entirely owned by us two, 4 staff", "us 2", "individual", 100.0),
    # a noun for the kind of holder, then its name: the name
    ("Our parent, Ferris Cable Holdings, owns 60% of us.", "Ferris Cable Holdings", "enterprise",
     60.0),
    ("We are 75% owned by another company - Norland Plastics, which has 300 staff.",
     "Norland Plastics", "enterprise", 75.0),
    ("A second company, Kestrel, owns 35% of the shares.", "Kestrel", "enterprise", 35.0),
])
def test_holders_in_the_ways_owners_name_them(text: str, holder: str, kind: str,
                                              share: float) -> None:
    found = {(h.holder, h.holder_kind, h.share_percent) for h in read(text).holdings}
    assert (holder, kind, share) in found


def test_a_kind_after_a_short_introduction() -> None:
    facts = read("Family firm here, upholstery & soft furnishings workshop in Oldbury, 9 staff")
    assert facts.sector_text == "upholstery & soft furnishings workshop"


@pytest.mark.parametrize(("text", "own", "other"), [
    ("Between us my sister and I own both companies, which make kitchen worktops. This one "
     "sits in Walsall, WS2 9AA: 70 staff, £6m turnover. The other company (Stafford) has "
     "140 staff and £12m.",
     70.0, 140.0),
    ("We supply car makers from our Tipton press shop - 45 staff, £5m - and a sister "
     "stamping plant in Derby with 230 staff and £30m turnover.", 45.0, 230.0),
])
def test_a_business_of_the_same_owner_is_linked_with_its_own_figures(
        text: str, own: float, other: float) -> None:
    facts = read(text)
    assert facts.employees == own
    assert [(h.share_percent, h.direction, h.employees) for h in facts.holdings] == [
        (100.0, "we_own", other)]


@pytest.mark.parametrize("text", [
    "Our parent holdco owns 100% of us; the holdco has no employees. 22 staff",
    "A holding company owns 60%, which employs nobody itself. 22 staff",
])
def test_a_holder_with_nobody_on_its_books_adds_no_staff(text: str) -> None:
    facts = read(text)
    assert facts.employees == 22 and [h.employees for h in facts.holdings] == [0.0]


@pytest.mark.parametrize(("text", "insolvent"), [
    ("Printers in Hockley, 6 staff, no cash-flow problems", False),
    ("We are debt-free, 6 staff", False),
    ("We have money worries and 6 staff", None),
])
def test_a_business_said_to_be_sound(text: str, insolvent: bool | None) -> None:
    assert read(text).insolvent is insolvent


@pytest.mark.parametrize(("text", "employees"), [
    ("Me plus 3 lads, we lay resin floors in Tipton.", 4.0),
    ("just me and 2 others, making dog beds", 3.0),
    ("me and my husband plus 5 fitters", 7.0),
    ("11 sewing machinists and 3 office staff, turnover £800k", 14.0),
    ("We have 5 toolmakers, 2 in the office and me.", 8.0),
    ("60 staff, 20 engineers and 40 operators", 60.0),
    ("9 technicians, sales about £700k a year", 9.0),
    ("We took on the site and kept on 17 of the staff.", 17.0),
])
def test_staff_listed_by_their_work_are_added_up(text: str, employees: float) -> None:
    assert read(text).employees == pytest.approx(employees)


@pytest.mark.parametrize("text", [
    "we train about 300 engineers a year on our courses",
    "our kit is used by 40 installers across the country",
])
def test_people_the_business_serves_are_not_its_staff(text: str) -> None:
    assert read(text).employees is None


@pytest.mark.parametrize(("text", "turnover"), [
    ("sole trader, took roughly 55k last year", 55_000),
    ("the cafe brings in about £260k a year", 260_000),
    ("We bought the firm in 2024 and turnover since the takeover is running at £1.8m a year",
     1_800_000),
])
def test_money_taken_over_a_year_is_the_turnover(text: str, turnover: float) -> None:
    money = read(text).turnover
    assert money is not None and money.amount == turnover


def test_money_spent_once_is_not_the_turnover() -> None:
    assert read("it took £30k to fit out the unit").turnover is None


def test_the_second_award_of_a_list_received_is_earlier_support() -> None:
    facts = read("We've had a £20,000 council grant this year and a £6,000 skills voucher "
                 "in May.")
    assert facts.requested_amount is None
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 26_000


def test_started_at_the_work_months_ago() -> None:
    assert read("We began roasting and selling coffee beans about 5 months ago."
                ).months_trading == pytest.approx(5)


def test_a_bought_business_s_old_company_is_not_the_buyer() -> None:
    facts = read("We bought a foundry's business and assets out of receivership last year. "
                 "The old company was wound up afterwards. 25 staff.")
    assert facts.insolvent is False


def test_a_group_called_they_gives_the_group_s_figures() -> None:
    facts = read("We're the UK plant of an Austrian valve maker, about 40 people here. "
                 "Group-wide they have roughly 650 staff and EUR 110m of sales.")
    assert facts.employees == 40
    assert [(h.holder, h.employees) for h in facts.holdings] == [("the rest of the group", 610)]


def test_people_at_the_site() -> None:
    assert read("There's a Coventry site with 35 people on site.").employees == 35
    assert read("About 18 people here, making springs.").employees == 18


def test_two_founders_and_nothing_sold_yet() -> None:
    facts = read("Only me and a friend so far - we've just started making hot sauce in a "
                 "shared kitchen, and we have not sold one jar yet.")
    assert facts.employees == 2
    assert facts.turnover is not None and facts.turnover.amount == 0
    assert facts.sector_text == "making hot sauce in a shared kitchen"


def test_two_owners_named_as_owners_are_not_the_headcount() -> None:
    assert read("Me and my sister own all the shares; we employ 31.").employees == 31


def test_a_holder_s_own_details_in_brackets_stay_with_the_holder() -> None:
    facts = read("Since the takeover, Brandt Hydraulics GmbH (Germany, some 3,200 staff) holds "
                 "75% and our two directors hold the rest. Headcount here: 40.")
    holder = facts.holdings[0]
    assert (holder.holder, holder.holder_kind, holder.share_percent, holder.employees) == \
        ("Brandt Hydraulics GmbH", "enterprise", 75.0, 3200.0)
    assert facts.employees == 40


def test_a_short_form_with_a_full_stop_does_not_end_the_sentence() -> None:
    facts = read("Ferro Castings Ltd. (a sister business) is not involved; Acme Corp. owns 60% "
                 "of us and has 900 staff")
    assert any(h.holder == "Acme Corp." and h.employees == 900 for h in facts.holdings)


def test_a_client_described_in_the_adviser_s_own_sentence() -> None:
    facts = read("I'm a bookkeeper emailing for a client - a family-run printing firm. 16 staff, "
                 "fee income roughly £1.3m, trading since 2009.")
    assert facts.sector_text is not None and "printing firm" in facts.sector_text
    assert facts.employees == 16
    assert facts.turnover is not None and facts.turnover.amount == 1_300_000
    runs = read("Consultant here, acting for a client who runs a laser cutting shop; they "
                "employ 9.")
    assert runs.sector_text is not None and "laser cutting" in runs.sector_text


def test_starting_told_without_a_subject() -> None:
    facts = read("Small candle workshop, B30. Began pouring and selling candles three and a half "
                 "months ago, two of us.")
    assert facts.months_trading == 3.5


def test_goods_bought_in_and_sold_on_are_read_as_the_activity() -> None:
    facts = read("We import and sell bathroom fittings from our unit, 6 staff")
    assert facts.sector_text is not None and "import and sell" in facts.sector_text
    bought = read("4 staff; we buy them in wholesale and resell via our web shop")
    assert bought.sector_text is not None and "buy them in" in bought.sector_text


def test_annual_work_units_given_as_such() -> None:
    facts = read("We are 27 AWU with a turnover of £3.5m; a supplier holds 30% of us and has "
                 "40 annual work units.")
    assert facts.employees == 27
    assert facts.holdings[0].employees == 40


@pytest.mark.parametrize(("text", "cost"), [
    ("We want two laser cutters at £45k each and £10k of extraction, how much grant?", 100_000),
    ("Quote is £52,000 plus VAT for the press and £8,000 for installation.", 60_000),
    ("A £50k press and a £20k robot, £70k in all.", 70_000),
    ("The project is £90k, including £15k of training.", 90_000),
])
def test_the_items_of_a_project_are_added_up(text: str, cost: float) -> None:
    facts = read(text)
    assert facts.project_cost is not None and facts.project_cost.amount == cost


def test_the_noun_an_amount_qualifies_says_what_it_is() -> None:
    facts = read("what grant on a £75,000 automation project?")
    assert facts.project_cost is not None and facts.project_cost.amount == 75_000
    assert facts.requested_amount is None


def test_the_owners_named_are_not_the_kind_of_business_or_its_staff() -> None:
    facts = read("Distribution company in Bilston, turnover £2m, and the shares are owned by "
                 "me and my sister.")
    assert facts.sector_text is None or "sister" not in facts.sector_text
    assert facts.employees is None


def test_an_office_address_is_not_the_site_when_the_works_are_elsewhere() -> None:
    facts = read("Our registered address is our accountant's office in B3, whereas the factory "
                 "is somewhere else entirely. 20 staff.")
    assert facts.postcode is None


@pytest.mark.parametrize("text", ["nope, not insolvent, no public money or public shareholders",
                                  "yep, 12 staff, all full time", "nah, none at all"])
def test_a_bare_answer_s_first_word_is_no_trade(text: str) -> None:
    assert read(text).sector_text is None


def test_trading_since_then_opening_the_next_sentence() -> None:
    facts = read("The firm was bought by its managers in 2017. Since then, we've been trading "
                 "from the same yard.")
    assert facts.months_trading is not None and facts.months_trading > 100


def test_trading_ever_since_the_year_named_before() -> None:
    facts = read("The previous owners retired in 2016; we bought the firm from them and have "
                 "been trading ever since.")
    assert facts.months_trading is not None and facts.months_trading > 100


def test_a_holder_named_again_with_a_possessive_keeps_its_figures() -> None:
    facts = read("We're 120 AWU with turnover £14m. Marlow Engineering Group has held 35% of us "
                 "since 2015. Marlow's group accounts show 500 staff and turnover £60m.")
    assert facts.employees == 120
    holder = facts.holdings[0]
    assert (holder.share_percent, holder.employees) == (35.0, 500.0)


def test_a_holder_named_again_after_the_other_holders_keeps_its_figures() -> None:
    facts = read("Brackley Group Ltd holds 30 per cent of the company; two directors have the "
                 "rest. Brackley has 200 employees, turnover £25m. We have 35 staff.")
    assert facts.employees == 35
    holder = facts.holdings[0]
    assert (holder.holder, holder.employees) == ("Brackley Group Ltd", 200.0)
    assert holder.turnover is not None and holder.turnover.amount == 25_000_000
    # ... or by its kind, after a sentence about the business
    facts = read("Our Swiss parent owns 70% of us. Here we're 40 people making valves in "
                 "Dudley. The wider group employs about 1,500, with €200m turnover.")
    assert facts.turnover is None  # the group's, not the business's
    assert facts.holdings[0].employees == 1500
    # ... but not a sentence later by a word that is not its name
    facts = read("A supplier holds 30 per cent of the company; two directors have the rest. "
                 "The site has 200 employees, turnover £25m.")
    assert facts.holdings[0].employees is None


@pytest.mark.parametrize(("text", "check"), [
    ("it's only me that owns it, 6 staff", lambda f: f.employees == 6),
    ("we've got a hardware shop in Bilston, 5 staff", lambda f: f.sector_text is not None
     and "hardware shop" in f.sector_text),
    ("We started Copper & Clay, a pottery studio, five months ago.",
     lambda f: f.months_trading == 5),
    ("im a plasterer, self-employed since 2015", lambda f: f.months_trading is not None
     and f.months_trading > 100 and f.sector_text == "plasterer"),
    ("Run by my brother and me; my sister is the other director", lambda f: not f.holdings),
])
def test_owners_own_turns_of_phrase(text: str, check) -> None:
    assert check(read(text))


def test_support_from_last_financial_year_is_earlier_support() -> None:
    facts = read("A council grant paid out £120k to us last financial year, then vouchers "
                 "worth £30k this year, both counted as MFA. We'd like a £40k grant.")
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 150_000
    assert facts.requested_amount is not None and facts.requested_amount.amount == 40_000


def test_a_firm_that_went_bust_owing_the_business_is_not_the_business() -> None:
    facts = read("A CVA back in 2018 after our main contractor collapsed into liquidation owing "
                 "us £200k; it ended in 2021 and trade is good. 30 staff.")
    assert facts.insolvent is not True  # the contractor's liquidation is not the business's


def test_a_holder_s_staff_of_its_own_after_its_share() -> None:
    facts = read("A trade buyer has 70% of the shares and 900 staff of its own; we employ 55.")
    assert facts.employees == 55
    assert facts.holdings[0].employees == 900


@pytest.mark.parametrize(("text", "prior", "requested", "cost"), [
    # the last noun of the phrase an amount qualifies says what it is
    ("In 2025 we won a £45,000 Smart Packaging Project grant from the county.", 45_000, None,
     None),
    ("We're after a £30k robot cell grant.", None, 30_000, None),
    ("What would you give towards a £80k paint line upgrade?", None, None, 80_000),
])
def test_the_head_noun_of_a_long_phrase_names_the_amount(text: str, prior: float | None,
                                                         requested: float | None,
                                                         cost: float | None) -> None:
    facts = read(text)
    assert (facts.prior_public_support.amount if facts.prior_public_support else None) == prior
    assert (facts.requested_amount.amount if facts.requested_amount else None) == requested
    assert (facts.project_cost.amount if facts.project_cost else None) == cost


@pytest.mark.parametrize("text", [
    "Since 2025 we have had two council vouchers, £8k and £6k.",
    "Since 2023 I have worked as the finance director of a foundry.",
])
def test_support_or_a_career_since_a_year_is_not_trading(text: str) -> None:
    assert read(text).months_trading is None


def test_making_things_since_a_year_is_trading() -> None:
    months = read("Since 2016 we have made oak staircases.").months_trading
    assert months is not None and months > 100


def test_days_of_support_in_kind_are_valued_by_the_policy() -> None:
    from knowledge.index import bundled_knowledge_dir
    from knowledge.policy import load_policy

    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    (day,) = policy.rates.in_kind
    read = FactExtractor.from_policy(policy).extract
    facts = read(f"We've used 5 {day.kind} {day.unit}s, and in 2026 the council gave us £11k.",
                 TODAY)
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 5 * day.value_gbp + 11_000
    facts = read(f"We had 3 {day.unit}s of {day.kind} last spring.", TODAY)
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 3 * day.value_gbp
    # the days used of an allowance; a year is no count of days
    facts = read(f"A £7k grant in 2025 and 2 of our 12 {day.kind} {day.unit}s used.", TODAY)
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 7_000 + 2 * day.value_gbp
    # the value said with them is not counted twice
    facts = read(f"We had 4 {day.kind} {day.unit}s (worth £4,000 or so).", TODAY)
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 4_000


@pytest.mark.parametrize(("text", "insolvent"), [
    ("We have never been near insolvency, 20 staff.", False),
    ("No insolvency problems ever. 8 staff in Tipton.", False),
    ("We were in administration in 2015 and never since.", None),
])
def test_never_in_insolvency_is_not_insolvent(text: str, insolvent: bool | None) -> None:
    assert read(text).insolvent is insolvent


@pytest.mark.parametrize(("text", "employees", "holding_staff"), [
    ("Company figures: 64 staff in total, sales £8m.", 64, None),
    ("Group facts: 140 staff, sales £19m, balance sheet £6m; family owned.", 140, None),
    ("We employ 25. Group figures: 300 staff, £41m turnover.", 25, 275),
])
def test_a_heading_over_the_figures_is_no_trade(text: str, employees: float,
                                                holding_staff: float | None) -> None:
    facts = read(text)
    assert facts.employees == employees
    assert facts.sector_text is None
    groups = [h.employees for h in facts.holdings if h.holder_kind == "enterprise"]
    assert groups == ([holding_staff] if holding_staff else [])


@pytest.mark.parametrize(("text", "employees"), [
    ("We have 13 in the workshop and 2 in the office.", 15),
    ("We have 7 at the benches, 3 in dispatch and me.", 11),
    ("Eighteen in production and four in sales.", 22),
])
def test_staff_counted_where_they_work(text: str, employees: float) -> None:
    assert read(text).employees == employees


@pytest.mark.parametrize(("text", "sector"), [
    ("We're Calder Springs, wire spring makers in Walsall, 18 staff.", "wire spring makers"),
    ("Hello, we are Orme & Daughters Ltd, a contract bindery with 9 staff.", "contract bindery"),
])
def test_the_trade_after_the_business_s_own_name(text: str, sector: str) -> None:
    assert read(text).sector_text == sector


def test_a_name_then_a_clause_is_no_trade() -> None:
    assert read("We're Calder Springs, and we have 18 staff.").sector_text is None


@pytest.mark.parametrize(("text", "holder", "kind", "share"), [
    ("We spun out of an NHS trust, which keeps 30% of the shares.", "NHS trust",
     "public_body", 30),
    ("Last year we sold a stake to a Dutch group, who now hold 55%.", "Dutch group", "enterprise",
     55),
])
def test_a_holder_named_before_which_or_who(text: str, holder: str, kind: str,
                                            share: float) -> None:
    (holding,) = read(text).holdings
    assert (holding.holder, holding.holder_kind, holding.share_percent) == (holder, kind, share)


@pytest.mark.parametrize(("text", "check"), [
    ("Surveying practice, fees of about £520k a year, 6 staff.",
     lambda f: f.turnover is not None and f.turnover.amount == 520_000 and f.project_cost is None),
    ("A family firm for 25+ yrs, 14 staff.", lambda f: f.months_trading == 300),
    ("We've been a family business for 40 years.", lambda f: f.months_trading == 480),
])
def test_more_of_owners_own_turns_of_phrase(text: str, check) -> None:
    assert check(read(text))


@pytest.mark.parametrize(("text", "council"), [
    ("Our yard is on the boundary, no idea if we count as Dudley or Sandwell. 8 staff.", None),
    ("We're on the Walsall/Wolverhampton line and unsure which one has us.", None),
    ("Not sure if this matters, but we're in Walsall with 12 staff.", "Walsall"),
    ("We have sites in Dudley and in Walsall; the project is in Walsall.", "Walsall"),
])
def test_a_place_the_owner_is_unsure_of_is_not_the_place(text: str, council: str | None) -> None:
    from knowledge.index import bundled_knowledge_dir
    from knowledge.policy import load_policy

    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    assert FactExtractor.from_policy(policy).extract(text, TODAY).local_authority == council


def test_a_negation_carries_along_a_list_of_proceedings() -> None:
    text = ("Press shop in WS10, 18 staff, and we are not in receivership, administration or "
            "any other insolvency process.")
    assert read(text).insolvent is False


def test_owners_in_brackets_are_no_holder() -> None:
    facts = read("11 of us full time including the partners (we own half each), £900k sales")
    assert facts.holdings == [] and facts.employees == 11



def test_we_are_the_company_that_does_it() -> None:
    assert _placed("We are the firm that operates the heat scheme in Coventry city centre "
                   "(CV1). 14 staff.").postcode == "CV1"
    assert _placed("The company that ran the test centre in Dudley went bust.") \
        .local_authority is None


@pytest.mark.parametrize("text", [
    "we bake bread in Leek, 9 staff, family owned, solvent, nothing held by any council.",
    "Family firm, 14 staff; none of it owned by a public body.",
])
def test_a_holding_said_not_to_be_is_none(text: str) -> None:
    assert not [h for h in read(text).holdings if h.holder_kind == "public_body"]


@pytest.mark.parametrize(("text", "share"), [
    ("We are the fully owned trading arm of the borough council.", 100.0),
    ("We're a council-owned company running the town's car parks.", None),
    ("We're a wholly council-owned trading company.", 100.0),
])
def test_a_business_owned_by_a_public_body_in_few_words(text: str, share: float | None) -> None:
    (holding,) = read(text).holdings
    assert (holding.holder_kind, holding.share_percent) == ("public_body", share)


def test_not_owned_by_a_public_body_is_no_stake() -> None:
    assert not read("We are not council-owned, 14 staff.").holdings


@pytest.mark.parametrize("text", [
    "We're a council-owned company, 14 staff.",
    "Brackley Group Ltd has a 30 per cent stake. 35 employees, and turnover of £4m.",
    "we buy in old phones from trade-in schemes and sell them on. 31 staff",
])
def test_words_that_name_no_work_are_no_trade(text: str) -> None:
    sector = read(text).sector_text or ""
    assert sector not in {"council", "turnover", "in schemes"} and not sector.startswith("in ")


def test_the_business_s_own_staff_after_its_parent_s_name() -> None:
    facts = read("Our firm is a fully owned subsidiary of Kestrel Holdings plc, 22 people here.")
    assert facts.employees == 22 and facts.holdings[0].employees is None
    facts = read("Our firm is a fully owned subsidiary of Kestrel Holdings plc, which has 900 "
                 "staff.")
    assert facts.holdings[0].employees == 900


@pytest.mark.parametrize(("text", "sector"), [
    # nothing else says what the business does: the trade in its name
    ("Company: Kestrel Forgings Ltd\nSite: Tipton DY4\nHeadcount: 80", "forgings"),
    ("We're Marlowe Fasteners Ltd, 60 staff, Dudley.", "fasteners"),
    # a name that says no trade, or another company's name
    ("Hartley Group Ltd, 40 staff, Dudley.", None),
    ("Brindley Engineering Ltd holds 30% of us. We have 40 staff in Dudley.", None),
    ("has Kestrel Tooling Ltd had a grant? they're a rival of ours in Dudley", None),
])
def test_the_trade_in_the_company_s_name(text: str, sector: str | None) -> None:
    assert read(text).sector_text == sector


def test_trading_begins_with_the_first_sales_not_the_company_s_forming() -> None:
    facts = read("Formed the company in June 2023 but we didn't really start trading until "
                 "about 4 months ago.")
    assert facts.months_trading == 4
    assert read("We opened the doors 7 months ago, a small bike workshop.").months_trading == 7


def test_two_holders_each_with_the_share() -> None:
    facts = read("Dudley Council and Sandwell Council each hold 14% of the company.")
    assert [(h.holder, h.holder_kind, h.share_percent) for h in facts.holdings] == [
        ("Dudley Council", "public_body", 14.0), ("Sandwell Council", "public_body", 14.0)]
    assert sum(h.share_percent or 0 for h in facts.holdings
               if h.holder_kind == "public_body") == 28


def test_an_arrangement_with_creditors_not_known_to_be_formal_is_asked() -> None:
    text = ("Our adviser is working out an arrangement with the creditors - don't know if it's a "
            "formal one.")
    assert read(text).insolvent is None
    assert read("In May we entered a formal arrangement with the creditors.").insolvent


@pytest.mark.parametrize("text", [
    # a street named after a place
    "We're just off the Tamworth Road, past the roundabout.",
    "Our unit is on Stafford Street.",
    # a place's name opening an organisation's
    "Could the Coventry Materials Group look at our seals?",
    "We did a trial with the Dudley Robotics Centre last year.",
])
def test_a_place_s_name_inside_another_name_is_not_the_site(text: str) -> None:
    assert _placed(text).local_authority is None
    assert _placed(f"{text} Our unit is in Walsall.").local_authority == "Walsall"


@pytest.mark.parametrize(("text", "council"), [
    # a place the site is measured from
    ("Willenhall, just over the border from Cannock Chase.", "Walsall"),
    ("We sit just across the border from Sandwell.", None),
    # the head office's place, then where the work is done
    ("Head office is at Lichfield but the works are in Brownhills.", "Walsall"),
])
def test_the_site_among_places_named_for_other_reasons(text: str, council: str | None) -> None:
    assert _placed(text).local_authority == council


def test_a_trade_given_as_a_bullet_of_its_own() -> None:
    facts = read("- press shop\n- 14 people\n- sales £1.6m")
    assert facts.sector_text == "press shop" and facts.employees == 14
    assert read("- powder coating\n- 14 people\n- sales £1.6m").sector_text == "powder coating"



@pytest.mark.parametrize(("text", "staff"), [
    # a business the owner deals with, sized before it is named
    ("Pattern makers, 9 staff. We sell to a 400-person engine maker in Derby.", 9),
    # a headcount the business once had
    ("Upholsterers with 11 staff; we had 150 people back in the 80s.", 11),
])
def test_staff_of_another_business_or_of_the_past_are_not_the_business_s(text: str,
                                                                         staff: int) -> None:
    assert read(text).employees == staff


def test_a_turnover_aimed_at_is_not_the_turnover() -> None:
    facts = read("Sign shop, 6 staff, £450k turnover; our turnover target is £2m by 2031.")
    assert facts.turnover is not None and facts.turnover.amount == 450_000
    facts = read("we aim to get a £40k grant")
    assert facts.requested_amount is not None and facts.requested_amount.amount == 40_000


def test_a_part_of_the_business_started_later_does_not_date_it() -> None:
    facts = read("Screen printers trading since 2013. Our new product range launched 3 months "
                 "ago.")
    assert facts.months_trading is not None and facts.months_trading > 100


@pytest.mark.parametrize(("text", "council"), [
    # the places of the business's customers, suppliers and the like
    ("Plenty of our buyers sit in Solihull town centre and Walsall.", None),
    ("We send most orders to our Dudley and Coventry clients.", None),
    ("A lot of our pallets go to a wholesaler in Cannock.", None),
    ("We joined the Wolverhampton chamber of commerce last spring.", None),
    ("Our press shop is in Oldbury and we sell to Lichfield stockists.", "Sandwell"),
    # a council's name after a place, as the address's post town
    ("Unit 4, Ansty Park, Coventry CV7 9JU", "Rugby"),
    ("Unit 12, Balsall Common, Coventry", "Solihull"),
    # ... not a list of places
    ("We have units in Meriden, Coventry and Walsall.", "Walsall"),
    # the post's town is not the council
    ("Not sure of the council; the letters are addressed to Coventry.", None),
])
def test_places_said_of_others_or_of_the_post_are_not_the_site(text: str,
                                                               council: str | None) -> None:
    assert _placed(text).local_authority == council


@pytest.mark.parametrize(("text", "place"), [
    # a place every district of which is inside: the council does not matter
    ("Great Barr, no idea which council.", "Great Barr"),
    ("Our yard sits where Walsall, Sandwell and Birmingham meet.", "Walsall"),
    # ... but it does where the places stand differently
    ("Halesowen, no idea which council.", None),
    ("Our yard sits where Dudley, Sandwell and Bromsgrove meet.", None),
    # between two places, the site may lie in neither
    ("The barn is out in the fields between Walsall and Dudley somewhere.", None),
])
def test_a_council_left_unsure_matters_only_where_it_decides(text: str,
                                                             place: str | None) -> None:
    assert _placed(text).local_authority == place


def test_nobody_in_proceedings_is_not_insolvent() -> None:
    assert read("Nobody's in liquidation here, we're fine.").insolvent is False


@pytest.mark.parametrize("text", ["Glaziers: 6 people and £700k turnover.",
                                  "We're 6 people and a £700k turnover, Walsall based."])
def test_people_before_a_sum_of_turnover(text: str) -> None:
    assert read(text).employees == 6


@pytest.mark.parametrize(("text", "sector"), [
    # a bare trade opening a list of facts that ends in a question
    ("Patternmaker, Walsall WS2, 4 staff, £300k t/o, since 2008 - any grant for a CNC router?",
     "patternmaker"),
    # after a label, and with a 3D in it
    ("Business: 3D scanning bureau, B9, 5 staff.", "3D scanning bureau"),
    # an adviser's client, named without "my"
    ("Hub adviser here. Client is a small upholsterer in Oldbury, 7 staff.", "small upholsterer"),
])
def test_the_trade_told_in_few_words(text: str, sector: str) -> None:
    assert read(text).sector_text == sector


def test_an_adviser_s_client_is_sited_where_it_is() -> None:
    assert _placed("Client is a joinery shop in Oldbury, 7 staff.").local_authority == "Sandwell"


def test_a_shareholding_listed_under_its_heading() -> None:
    facts = read("Shareholding: 70% the directors, 30% Walsall Council.")
    assert [(h.holder, h.holder_kind, h.share_percent) for h in facts.holdings] == [
        ("the directors", "individual", 70.0), ("Walsall Council", "public_body", 30.0)]


def test_trading_from_the_first_sales_of_the_trade() -> None:
    text = ("Registered the company in 2022, nothing happened for ages; we began baking and "
            "selling only three months ago.")
    assert read(text).months_trading == 3


@pytest.mark.parametrize(("text", "council"), [
    # where the equipment goes is not settled yet
    ("Still not decided which unit the lathe goes in, maybe Cannock.", None),
    # a move that may or may not happen
    ("We work from Willenhall now but could relocate the machine shop to Stafford.", "Walsall"),
])
def test_a_site_not_yet_chosen_is_not_the_site(text: str, council: str | None) -> None:
    assert _placed(text).local_authority == council


@pytest.mark.parametrize("text", [
    "Eyeing a powder booth with fitting, £75,000 all in (ex VAT).",
    "The paint robot would be £75k installed.",
])
def test_a_price_told_as_one_is_the_project_s(text: str) -> None:
    facts = read(text)
    assert facts.project_cost is not None and facts.project_cost.amount == 75_000


@pytest.mark.parametrize(("text", "staff"), [
    # someone on leave told with "who has been"
    ("6 full-time fitters, and one fitter who has been on parental leave since spring.", 6),
    # the owner who works full time, then the staff
    ("I run it, working full time myself, plus 4 full-time fitters.", 5),
])
def test_people_counted_in_work_units_and_those_not(text: str, staff: float) -> None:
    assert read(text).employees == staff
