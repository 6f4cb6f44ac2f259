"""Staff numbers, size and amounts as owners write them: a size before a trade, part-timers by
days or hours a week, amounts listed together, and the size an owner gives the business."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.facts import FactExtractor


@pytest.mark.parametrize(("text", "staff"), [
    ("We are a 30-person steel fabricator in Grimsby.", 30),
    ("a 12-person haulier in Scunthorpe", 12),
    ("I run a 6-person joinery contractor, based in Hull", 6),
    ("we have a 10-person customer service team and 40 staff overall", 40),
    ("our 4-person sales team is growing", None),
])
def test_a_size_before_a_trade_is_the_business_size(text: str, staff: float | None):
    assert FactExtractor().extract(text).employees == staff


@pytest.mark.parametrize(("text", "staff"), [
    ("We have 10 full-timers and 4 people who work 3 days of a 5-day week all year.", 12.4),
    ("12 staff plus 2 on 3 days a week", 13.2),
    ("8 full time and 3 part time (2 days a week)", 9.2),
    ("We are open 6 days a week with 9 employees", 9),
])
def test_part_timers_by_days_a_week_count_as_fractions(text: str, staff: float):
    assert FactExtractor().extract(text).employees == staff


@pytest.mark.parametrize(("text", "staff"), [
    ("We have 12 full-time staff and 3 people on 15 hours of a 37.5-hour week.", 13.2),
    ("we have 10 staff plus 2 people working 20 hours a week", 11.07),
    ("We have 10 full-time and 4 people working 18 hours against a 36 hour week.", 12),
])
def test_people_on_some_hours_a_week_count_as_fractions(text: str, staff: float):
    assert FactExtractor().extract(text).employees == staff


@pytest.mark.parametrize(("text", "total"), [
    ("Over the last two years we got £12,500, £8,000 and £3,000 of state aid.", 23_500),
    ("We had grants of £10k and £20k last year", 30_000),
])
def test_amounts_listed_together_share_their_role(text: str, total: float):
    support = FactExtractor().extract(text).prior_public_support
    assert support is not None and support.amount == total


def test_two_amounts_joined_by_and_are_a_range_only_after_between():
    facts = FactExtractor().extract("Turnover is between £4m and £5m.")
    assert facts.turnover is not None and facts.turnover.amount == 4_500_000


@pytest.mark.parametrize(("text", "band"), [
    ("We're a micro business with a £60k project.", "micro"),
    ("As a small business, what would we get?", "small"),
    ("I run a medium-sized manufacturer in Coventry.", "medium"),
    ("Do we still count as a micro business?", None),
    ("Can a small company apply?", None),
    ("Our parent is a medium-sized company.", None),
])
def test_the_size_an_owner_gives_the_business_in_words(text: str, band: str | None):
    assert FactExtractor().extract(text).stated_band == band


def test_a_stated_size_gives_the_awards_rate_but_not_the_band():
    from assistant.business import Facts, Money
    from assistant.eligibility import EligibilityEngine
    from knowledge.index import bundled_knowledge_dir
    from knowledge.policy import load_policy

    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    facts = Facts(stated_band="micro", project_cost=Money(amount=60_000))
    assessment = EligibilityEngine(policy).assess_one(facts, "productivity-booster")
    assert assessment.band is None  # the figures decide the band
    assert assessment.award is not None and assessment.award.grant_gbp == 30_000
    assert "as you describe it" in assessment.award.lines[0].text


def test_a_holding_with_words_before_its_share_is_read():
    holdings = FactExtractor().extract("The county council still holds exactly 25% of us.").holdings
    assert [(h.share_percent, h.holder_kind) for h in holdings] == [(25.0, "public_body")]


@pytest.mark.parametrize(("text", "project"), [
    ("We'd spend £60k on a robot and £15k on consultancy to set it up.", 75_000),
    ("The project costs £90k, of which £40k is consultancy.", 90_000),
    ("A £120,000 project including £30,000 of consultancy.", 120_000),
])
def test_a_cost_stated_beside_consultancy_is_added_to_it(text: str, project: float):
    facts = FactExtractor().extract(text)
    assert facts.project_cost is not None and facts.project_cost.amount == project


@pytest.mark.parametrize(("text", "months"), [
    ("A glazing firm in Tipton, 14 staff, £1.1m, 9 years, owned by the two of us.", 108),
    ("We need the machine for 3 years.", None),
    ("10 staff; the warranty runs 5 years", None),
])
def test_a_duration_listed_with_the_business_facts_is_its_trading_time(text: str,
                                                                         months: float | None):
    assert FactExtractor().extract(text).months_trading == months


@pytest.mark.parametrize(("text", "activity"), [
    ("The unit where the new press would go is our factory in Bilston, 12 staff.", "factory"),
    ("Our machine shop is in Willenhall.", "machine shop"),
    ("Do we need a workshop in Walsall?", None),
])
def test_the_businesss_own_works_say_it_makes_things(text: str, activity: str | None):
    assert FactExtractor().extract(text).sector_text == activity


@pytest.mark.parametrize(("text", "staff"), [
    ("Both founders also work full time, plus five full-timers and 2 staff on 3 days each "
     "week.",
     7 + 1.2),
    ("Three partners, who all work full time, and 6 full-time fitters.", 9),
    ("Eleven full-timers, 2 staff doing 1 day a week, 4 seasonal packers for 3 months.",
     11 + 0.4 + 1.0),
])
def test_working_owners_and_day_workers_in_annual_work_units(text: str, staff: float) -> None:
    assert FactExtractor().extract(text).employees == pytest.approx(staff)


def test_a_size_said_with_a_short_word_for_company() -> None:
    from assistant.facts.staff import read_supposed_band
    assert read_supposed_band("what grant would a small co get on £30k?") == "small"


def test_half_timers_count_as_half() -> None:
    assert FactExtractor().extract("14 full-time and 4 working half-time").employees == 16


@pytest.mark.parametrize(("text", "staff"), [
    # groups by where they work, working owners and one person's days, added up
    ("Workforce: 11 in the workshop full time, the 3 of us directors every day, and Priya who "
     "handles payroll 2 days a week.", 14.4),
    ("We've got 6 fitters, 2 in the office and a cleaner 1 day a week.", 8.2),
    ("Four of us on the tools, plus me, and my nephew drives the van two days a week.", 5.4),
    ("Sixteen full-timers plus a part-time buyer three days a week.", 16.6),
    # a total first, then those among it who work part of the week
    ("We have 30 staff, 6 of whom work 3 days a week.", 27.6),
])
def test_a_workforce_told_in_groups_adds_up(text: str, staff: float):
    assert FactExtractor().extract(text).employees == pytest.approx(staff)


@pytest.mark.parametrize(("text", "staff"), [
    ("5 at the benches, me and the missus, plus an apprentice", 7),
    ("6 on the tools, 3 in admin, me and my son", 11),
    ("we have 3 bakers, me and my husband", 5),
    ("9 welders, me and my sister own it", 9),
    ("We are 4 co-founders writing vision software", 4),
    ("only the three of us so far", 3),
])
def test_staff_told_in_pieces_add_up_with_the_owners_who_work(text: str, staff: float):
    assert FactExtractor().extract(text).employees == staff


def test_part_timers_with_no_hours_are_counted_as_halves_and_noted():
    facts = FactExtractor().extract("140 full-time staff and 30 part-timers whose hours vary.")
    assert facts.employees == 155 and facts.part_timers_unknown == 30
    stated = FactExtractor().extract("10 full time and 4 part-time on 15 of 30 hours")
    assert stated.employees == 12 and stated.part_timers_unknown == 0
    in_words = FactExtractor().extract("90 full-timers and 20 part-timers working half the week")
    assert in_words.employees == 100 and in_words.part_timers_unknown == 0


def test_a_range_keeps_both_its_ends():
    facts = FactExtractor().extract("We received between £180k and £260k of grants since "
                                    "2024, and have 12 staff.")
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 220_000
    assert facts.ranges == {"prior_public_support": [180_000, 260_000]}


def test_amounts_listed_with_the_date_each_came_share_their_role():
    facts = FactExtractor().extract("State aid so far: £30,000 in June 2025, £12,000 in 2026 "
                                    "and £5,000 in March 2026.", date(2026, 12, 5))
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 47_000


@pytest.mark.parametrize(("text", "field", "amount"), [
    ("we'd like a £12k plasma table for the workshop", "project_cost", 12_000),
    ("we want £35k towards the new line", "requested_amount", 35_000),
])
def test_a_price_named_with_its_thing_is_a_cost_not_the_award(text: str, field: str,
                                                              amount: float):
    money = getattr(FactExtractor().extract(text), field)
    assert money is not None and money.amount == amount


def test_a_sole_trader_is_one_person_and_may_give_a_size_in_passing():
    facts = FactExtractor().extract("I'm a sole trader making candles (so micro, clearly).")
    assert facts.employees == 1 and facts.stated_band == "micro"
    assert FactExtractor().extract("I'm a sole trader with 3 employees").employees == 3


@pytest.mark.parametrize(("text", "staff"), [
    # the full week in brackets after the hours
    ("40 full-time employees, plus 6 people on 15 hours weekly (full time is 30)", 43),
    # people on leave and apprentices listed beside the full-timers are besides them
    ("18 full-time staff, 1 on maternity leave and 2 apprentices", 18),
    # the owner working full time, a trade on days, a seasonal hand for months
    ("3 full timers, 2 fitters doing 2 days each week, me full time, with one seasonal picker "
     "that does 6 months full time", 5.3),
    # a holder's staff in brackets, its share after them
    ("Headcount: 112 employees.\nOwners: the founders 82%; a Korean trading house (c. 30,000 "
     "staff worldwide) 18%.", 112),
    ("Staff: 64. Owned by the family (70%) and a Danish group (around 8,000 people "
     "globally), 30%.", 64),
    # founders said to be full-timers, with no other staff
    ("Three founders, all full time, and we make drones.", 3),
])
def test_a_workforce_told_in_groups(text: str, staff: float):
    assert FactExtractor().extract(text).employees == staff


def test_a_list_of_dated_amounts_takes_its_role_from_the_words_after_it():
    facts = FactExtractor().extract("We got £20k in May 2025 and £15k in January 2026, all of "
                                    "it state aid.", date(2026, 12, 5))
    assert facts.prior_public_support is not None
    assert facts.prior_public_support.amount == 35_000


@pytest.mark.parametrize("text", [
    "Roughly £60k of grants over the past two years.",
    "Somewhere between £40k and £70k of public money in three years.",
])
def test_support_over_a_past_period_is_earlier_support(text: str):
    assert FactExtractor().extract(text).prior_public_support is not None


@pytest.mark.parametrize("text", [
    "There's me, working full time, plus 4 welders full time and 2 part-timers, 2 days weekly.",
    "Me (I'm the director, full time), 4 welders full time and 2 part-timers, 2 days weekly.",
])
def test_the_owner_listed_first_beside_part_timers(text: str) -> None:
    assert FactExtractor().extract(text).employees == pytest.approx(5.8)


def test_a_worker_on_a_seasonal_contract_and_the_owner_beside_full_timers() -> None:
    text = ("6 full timers all year, a packer on a seasonal contract for 3 months, plus me, "
            "owner, full time")
    assert FactExtractor().extract(text).employees == pytest.approx(7.25)


def test_a_size_word_before_a_trade_opening_the_message() -> None:
    assert FactExtractor().extract("Small cabinet maker in Tipton, 9 staff.").stated_band == \
        "small"


@pytest.mark.parametrize(("text", "staff"), [
    # a ceiling crossed in one period only: the period before sizes the business
    ("We had 236 staff the year before; the latest accounts show 258 staff because of a "
     "single huge order.", 236),
    ("We normally employ about 235 people; last year a big contract took us to 262 FTE for "
     "the first time.", 235),
    ("Our team was 44 people in 2024. In 2025 it was 53 employees, a one-off while we built "
     "the new line.", 44),
    ("Staff: 12 (temporary increase to 15 over christmas)", 12),
    # ... but growth that is not said to be one period's stays
    ("We had 40 staff in 2022, after a big contract we now have 65 staff.", 65),
    ("We have 45 staff, up from 30 last year.", 45),
    ("it went up to 258 staff for the first time this year", 258),
    # a headcount come back: "back around 240", but not "down about 20" (by how many)
    ("Headcount sat near 230 AWU for years, rose to 258 AWU last year, and we expect to be "
     "back around 240 this year.", 240),
    ("We were 60 staff but we're down about 20 since covid", 60),
    # the one period said of the figure before, not of the one come back after it
    ("Normally 228 employees; a one-off job pushed us to 262 employees in 2025, but we "
     "should be back around 245 by spring.", 245),
])
def test_a_headcount_of_one_period_only_does_not_size_the_business(text: str, staff: float):
    assert FactExtractor().extract(text).employees == staff


@pytest.mark.parametrize(("text", "staff"), [
    ("We're two geologists who set up a survey consultancy in May.", 2),
    ("We are 3 ex-teachers who started an edtech firm.", 3),
    ("we're 4 friends who run a brewery", 4),
])
def test_the_founders_who_are_the_business_are_its_staff(text: str, staff: float) -> None:
    assert FactExtractor().extract(text).employees == staff


@pytest.mark.parametrize(("text", "place"), [
    ("Me and my three business partners roast coffee in Walsall.", "Walsall"),
    ("My partners and I run a joinery in Dudley.", "Dudley"),
    # partners that may be other firms: their place is not the business's
    ("Our partners make the castings in Dudley and we machine them.", None),
])
def test_the_owner_s_partners_are_the_business_not_another(text: str,
                                                           place: str | None) -> None:
    from knowledge.index import bundled_knowledge_dir
    from knowledge.policy.loader import load_policy
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    assert FactExtractor.from_policy(policy).extract(text).local_authority == place


@pytest.mark.parametrize(("text", "staff"), [
    # a headcount that varies, told with its average over the year: the average
    ("Staff numbers go from 35 in January to 80 by Christmas; across the year the average is 48.",
     48),
    ("Staff: 20-70 with the seasons, 41 on average.", 41),
    # an average of something else is not the staff
    ("We have 26 employees and on average we dispatch 900 parcels a week.", 26),
    # a qualifier written onto its figure
    ("Head count c.150, turnover around £20m.", 150),
])
def test_the_average_headcount_and_a_joined_qualifier(text: str, staff: float):
    assert FactExtractor().extract(text).employees == staff


@pytest.mark.parametrize(("text", "staff"), [
    # people an agency employs, counted among a total, are taken off it; beside it, not added
    ("Payroll of 48, 8 of whom are agency temps over the busy season.", 40),
    ("70 staff including 12 agency workers on the night shift.", 58),
    ("We have 33 staff and bring in 4 agency labour at peaks.", 33),
])
def test_agency_workers_are_the_agency_s_staff(text: str, staff: float):
    assert FactExtractor().extract(text).employees == staff


def test_owners_named_by_their_role_are_not_the_headcount_beside_one():
    facts = FactExtractor().extract("Head count of 36. £3m turnover, two directors, no debts.")
    assert facts.employees == 36
    # alone, they are the people the business has
    assert FactExtractor().extract("Two directors, £300k turnover.").employees == 2


@pytest.mark.parametrize(("text", "staff"), [
    # owners who work full time, then the people they employ: all of them count
    ("Tile shop in Solihull: 2 partners both working full time, plus 4 fitters and 1 in the "
     "showroom.", 7),
    ("Bike repairs, three co-owners all full time and 3 mechanics.", 6),
    # people named by a work the roles above do not list, beside ones that are
    ("Crew of 2 directors, both full time, and 5 baristas; sales £310k.", 7),
    ("4 upholsterers, 3 foam shapers and me.", 8),
    # things counted beside the staff are not staff
    ("5 machinists and 3 lathes, that's the shop.", 5),
    ("We have 3 welders and 2 printers running.", 3),
])
def test_working_owners_and_unlisted_roles_join_the_staff_list(text: str, staff: float):
    assert FactExtractor().extract(text).employees == staff


@pytest.mark.parametrize(("text", "staff"), [
    # seasonal staff for some weeks count for those weeks of the year
    ("Turkey farm shop: 12 staff all year, plus 52 seasonal pluckers for the 4 weeks before "
     "Christmas.", 16),
    ("We have 30 permanent staff and 60 temporary workers for 13 weeks each summer.", 45),
    # ... besides the staff told before, even when the staff are fewer
    ("20 staff plus 40 seasonal packers for 3 months.", 30),
])
def test_seasonal_staff_for_weeks(text: str, staff: float):
    assert FactExtractor().extract(text).employees == staff


@pytest.mark.parametrize(("text", "staff"), [
    ("Press shop in Darlaston with 38 staff; we supply Corvell Trucks, who employ 12,000.", 38),
    ("Our 15 people make seats for Anwick Rail, which has 6,000 staff.", 15),
])
def test_a_customer_s_staff_in_a_relative_clause(text: str, staff: float):
    assert FactExtractor().extract(text).employees == staff


@pytest.mark.parametrize(("text", "staff"), [
    # two owners working beside their staff, one of the staff on part of the week
    ("My wife and me own it and both work in it, then 3 fitters full time and a lad in the "
     "workshop 1 day a week.", 5.2),
    ("My brother and me both do a full week here, plus 4 joiners.", 6),
])
def test_owners_working_in_it_before_the_staff(text: str, staff: float):
    assert FactExtractor().extract(text).employees == pytest.approx(staff)
