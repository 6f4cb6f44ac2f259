"""Direct answers to "how much would we get?" and "how much headroom is left?": worked out from
the policy for the figures the question gives, figure first, on the bundled policy and on
another programme's folder (whose awards, kinds and limits are its own)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.business import Facts
from assistant.eligibility import EligibilityEngine
from assistant.facts import FactExtractor
from assistant.quotes import AwardQuotes, Quote
from knowledge.index import bundled_knowledge_dir
from knowledge.policy import load_policy
from knowledge.programme import load_programme

OTHER = Path(__file__).parents[1] / "data" / "other-programme" / "knowledge"


def _quotes(root: Path) -> tuple[AwardQuotes, FactExtractor]:
    policy = load_policy(root)
    assert policy is not None
    engine = EligibilityEngine(policy, today=lambda: date(2026, 12, 1))
    return (AwardQuotes(policy, engine, load_programme(root).kinds),
            FactExtractor.from_policy(policy))


@pytest.fixture(scope="module")
def ssr() -> tuple[AwardQuotes, FactExtractor]:
    return _quotes(bundled_knowledge_dir())


@pytest.fixture(scope="module")
def other() -> tuple[AwardQuotes, FactExtractor]:
    return _quotes(OTHER)


def ask(pair: tuple[AwardQuotes, FactExtractor], text: str, focus: list[str] | None = None,
        before: Facts | None = None) -> Quote:
    quotes, extractor = pair
    new = extractor.extract(text)
    facts = (before or Facts()).merged_with(new)
    return quotes.quote(text, new, facts, focus or [])


def answer(quote: Quote) -> str:
    return " ".join(line.text for line in quote.lines)


def test_the_figure_comes_first_and_the_maximum_applies(ssr) -> None:
    quote = ask(ssr, "We're a medium sized company with a £400k upgrade planned - how much "
                     "grant might we get?")
    text = answer(quote)
    assert text.startswith("The Productivity Booster grant for a medium-sized business")
    assert "£100,000" in text and "35% of £400,000 is £140,000" in text
    assert "pays the other £300,000" in text
    assert quote.programme_ids == ["productivity-booster"]


def test_the_headroom_asked_beside_the_award_comes_first(ssr) -> None:
    text = answer(ask(ssr, "Small firm, £150,000 of eligible costs, and £240,000 of MFA "
                           "received since 2025. What headroom do we have and what grant?"))
    assert text.startswith("The Minimal Financial Assistance headroom left is £75,000")
    assert "£67,500" in text


def test_without_a_size_every_band_is_quoted(ssr) -> None:
    text = answer(ask(ssr, "Our project costs £50,000. How much funding could we receive?"))
    assert "depends on the business's size" in text
    assert "£25,000 (50%)" in text and "£22,500 (45%)" in text and "£17,500 (35%)" in text


def test_a_supposed_business_is_quoted_without_becoming_a_fact(ssr) -> None:
    text = "For a small firm spending £200,000 on a Hub project, what grant is possible?"
    assert FactExtractor().extract(text).stated_band is None
    quoted = answer(ask(ssr, text))
    assert quoted.startswith("A grant from any Hub for a small business would be £100,000")
    assert "as you describe it" not in quoted


def test_programmes_with_the_same_award_are_quoted_once_by_their_noun(ssr) -> None:
    quote = ask(ssr, "If a proof of concept costs us £9,000, what would the voucher pay and "
                     "what's our share?")
    text = answer(quote)
    assert text.startswith("A voucher from any Pre-Hub would be £6,300")
    assert "pays the other £2,700" in text
    assert len(quote.lines) == 2


def test_an_award_named_without_its_noun(ssr) -> None:
    text = answer(ask(ssr, "Our proof of concept pilot runs to £11,000. How much do we pay?"))
    assert text.startswith("A voucher from any Pre-Hub would be £7,700"), text


def test_a_project_below_the_minimum_says_so(ssr) -> None:
    text = answer(ask(ssr, "We are a small business with a £15k project, how much could the "
                           "Productivity Booster give?"))
    assert "too small" in text and "below the minimum of £10,000" in text
    # and how big the eligible costs would need to be: £10,000 at 45%
    assert "would need to be at least £22,222.22" in text


def test_the_consultancy_cap_is_shown_when_it_cuts_the_costs(ssr) -> None:
    text = answer(ask(ssr, "We are a small company. £35k on a new press and £40k on "
                           "consultants: how much would we be awarded?"))
    assert "of it eligible" in text
    assert "at most £15,000 of the £40,000 counts" in text


@pytest.mark.parametrize(("text", "opening", "figure"), [
    ("We've had £150k of council and government grants in the last two years - does that "
     "stop us getting help?", "No, not on its own", "£165,000"),
    ("We got £310,000 of minimal financial assistance over three years, can we still apply?",
     "No", "£5,000"),
    ("Received £120,000 of MFA so far. Are we still able to apply?",
     "As far as the subsidy limit goes, yes", "£195,000"),
    ("With £320k of subsidy already, would that rule us out?", "Yes", "no headroom"),
])
def test_earlier_subsidy_is_answered_with_the_headroom(ssr, text: str, opening: str,
                                                       figure: str) -> None:
    quoted = answer(ask(ssr, text))
    assert quoted.startswith(opening + ":") and figure in quoted


def test_headroom_asked_for_as_an_amount(ssr) -> None:
    quoted = answer(ask(ssr, "We've received £30,000 and £12,500 of MFA. How much room is "
                             "left under the limit?"))
    assert quoted.startswith("The Minimal Financial Assistance headroom left is £272,500")


def test_outputs_for_a_grant_amount(ssr) -> None:
    quoted = answer(ask(ssr, "Say the Productivity Booster gives us £80k - how many jobs would "
                             "we have to create?"))
    assert quoted.startswith("For a grant of £80,000, at least 4 new or safeguarded jobs")


def test_a_question_without_figures_gets_no_quote(ssr) -> None:
    assert ask(ssr, "How much can the Productivity Booster give?").lines == []
    assert ask(ssr, "We have 20 staff in Dudley. How do we apply?").lines == []


def test_another_programme_quotes_its_own_awards(other) -> None:
    quote = ask(other, "We're a medium-sized business. The new furnace costs £120,000: what "
                       "would the capital grant come to?")
    text = answer(quote)
    assert text.startswith("The Clean Growth Capital Grant for a medium-sized business")
    assert "£36,000" in text
    voucher = answer(ask(other, "How much would the voucher cover of an £8,000 study?"))
    assert voucher.startswith("The Feasibility Voucher would be £6,000")


@pytest.mark.parametrize(("text", "start"), [
    ("what's the largest voucher a Pre-Hub can give?",
     "At most £15,000: a voucher from any Pre-Hub"),
    ("Minimum grant on the Productivity Booster - how much is it?",
     "At least £10,000: the Productivity Booster grant"),
    ("how big can a Hub grant be at most?", "At most £150,000: a grant from any Hub"),
])
def test_the_ends_of_an_award_s_range_come_from_the_policy(ssr, text: str, start: str) -> None:
    assert answer(ask(ssr, text)).startswith(start)


def test_a_count_asked_with_a_maximum_is_not_the_award_s_top(ssr) -> None:
    # the largest number of them a firm may join is a count, not a sum of money
    assert not answer(ask(ssr, "What's the largest number of Pre-Hubs one firm can be in?"))


def test_the_subsidy_limit_comes_from_the_policy(ssr, other) -> None:
    assert answer(ask(ssr, "what is the MFA limit?")).startswith(
        "The Minimal Financial Assistance limit is £315,000")
    assert answer(ask(other, "Is there a cap on subsidy overall - how much?")).startswith(
        "The Minimal Financial Assistance limit is £315,000")
    assert answer(ask(ssr, "how much is the largest state aid one firm may hold?")).startswith(
        "The Minimal Financial Assistance limit is £315,000")


# --- costs the award does not pay for ---------------------------------------------------------

@pytest.mark.parametrize(("text", "item"), [
    ("Would the grant cover a reconditioned press brake?", "second-hand equipment"),
    ("could we spend some of the grant on a delivery van", "vehicles licensed for use on public"),
    ("Can the booster pay for our rent?", "salaries and overheads"),
    # a cost put into the bid, rather than paid for
    ("Can we add a pickup truck to our booster application?", "vehicles licensed for use on"),
])
def test_a_cost_the_award_does_not_pay_for_is_answered_no_first(ssr, text: str,
                                                                item: str) -> None:
    quote = ask(ssr, text)
    said = answer(quote)
    assert said.startswith("No"), said
    assert item in said
    assert quote.lines[0].clause is not None
    assert quote.lines[0].clause.clause == "Ineligible costs"


def test_the_exception_the_guidance_makes_is_said(ssr) -> None:
    said = answer(ask(ssr, "Is a pre-owned laser cutter an eligible cost?"))
    assert "unless an independent valuation" in said


@pytest.mark.parametrize("text", [
    "Can the grant be used to buy a new robot cell?",  # nothing excluded named
    "How does the van hire scheme work?",  # not a question about what the award pays for
])
def test_no_exclusion_is_quoted_when_none_is_asked_about(ssr, text: str) -> None:
    assert ask(ssr, text).lines == []


def test_another_programme_s_excluded_costs_are_its_own(other) -> None:
    said = answer(ask(other, "Can the capital grant pay for a forklift?"))
    assert said.startswith("No: ") and "vehicles" in said


# --- the rate --------------------------------------------------------------------------------

def test_the_rate_for_the_size_asked_about(ssr) -> None:
    quote = ask(ssr, "what share of costs would the grant fund for a micro firm?")
    assert answer(quote) == ("The Productivity Booster grant pays 50% of eligible costs for a "
                             "micro business.")
    assert quote.lines[0].clause is not None


def test_every_size_s_rate_when_no_size_is_asked(ssr) -> None:
    said = answer(ask(ssr, "What percentage does the grant pay?"))
    assert "50% for a micro business" in said and "35% for a medium-sized business" in said


def test_the_quotes_a_list_of_items_needs_are_counted_item_by_item(ssr) -> None:
    said = answer(ask(ssr, "Booster spend: a bandsaw £3,900, a welding set at exactly £5,000 "
                           "and a plasma table for £18,500; total £27,400. How many quotations "
                           "must we get?"))
    assert said.startswith("5 written quotations altogether")
    assert "£18,500: 1 x 3 = 3" in said and "£3,900 and £5,000: 2 x 1 = 2" in said
    assert "27,400" not in said  # the total is no item


def test_no_count_of_quotes_without_a_rule_on_them(other) -> None:
    assert ask(other, "How many quotes for a £9,000 camera and a £2,000 lens?").lines == []


def test_another_rate_is_not_the_award_s(ssr) -> None:
    assert ask(ssr, "What is the success rate of grant bids?").lines == []


def test_the_business_s_own_share_first_when_that_is_asked(ssr) -> None:
    said = answer(ask(ssr, "As a medium firm, what share of a robot's price do we fund "
                           "ourselves under the grant?"))
    assert said.startswith("65% of eligible costs")


@pytest.mark.parametrize("text", [
    "What percentage of applications get funded by the grant?",
    "What proportion of SMEs get a grant?",
    # a share of the award returned is not the share of costs it pays
    "What percentage of the grant is repaid if the machine is sold early?",
    "If we miss the output, what share of the grant must we pay back?",
])
def test_a_share_of_something_else_is_not_the_rate(ssr, text: str) -> None:
    assert ask(ssr, text).lines == []


# --- working back from an award, sizes, currencies --------------------------------------------

@pytest.mark.parametrize(("text", "figure"), [
    ("Medium-sized manufacturer: what outlay takes the booster grant to its ceiling?",
     "£285,714.29 of eligible costs to reach the maximum grant of £100,000"),
    ("We're micro. Least outlay needed to reach the minimum Productivity Booster grant?",
     "£20,000 of eligible costs to reach the minimum grant of £10,000"),
    ("Offer letter from the booster: £27,000. Small company. Which eligible costs was it "
     "worked from?", "£60,000 of eligible costs to reach a grant of £27,000"),
    ("Small firm here. How large would our total costs have to be to receive the full 60k "
     "from the booster grant?", "£133,333.33 of eligible costs to reach a grant of £60,000"),
])
def test_the_costs_an_award_takes_are_worked_back(ssr, text: str, figure: str) -> None:
    assert figure in answer(ask(ssr, text))


def test_working_back_without_a_size_gives_every_band(ssr) -> None:
    text = answer(ask(ssr, "What project budget reaches the top Productivity Booster grant?"))
    assert text.startswith("To reach the maximum grant of £100,000, the eligible costs needed "
                           "depend on the business's size")
    assert "a micro business needs £200,000" in text
    assert "needs £285,714.29 (£100,000 / 35%)" in text


def test_working_back_uses_another_programme_s_own_rates(other) -> None:
    text = answer(ask(other, "We're medium-sized: what spend would we need for the full "
                             "capital grant?"))
    assert "£166,666.67 of eligible costs to reach the maximum grant of £50,000" in text


def test_a_maximum_grant_question_is_not_worked_back(ssr) -> None:
    assert answer(ask(ssr, "Largest booster grant one project can get?")).startswith(
        "At most £100,000")


def test_a_staff_count_rules_out_the_bands_it_cannot_be(ssr) -> None:
    text = answer(ask(ssr, "31 on the payroll, £70,000 of qualifying spend. What would the "
                           "booster grant be?"))
    assert "micro" not in text
    assert "a small business would get £31,500" in text


def test_the_size_test_figures_with_a_partner_added(ssr) -> None:
    text = answer(ask(ssr, "We employ 60 and an engineering group holds 40% of our shares, "
                           "with 25 staff of its own. Which staff figure goes into the size test?"))
    assert text.startswith("Combined figures: 70 AWU")
    assert "40% of its figures are added: 10 AWU" in text


def test_euros_are_given_in_pounds_at_the_programme_s_rate(ssr, other) -> None:
    assert answer(ask(ssr, "Our balance sheet is €4m - what is that in sterling?")) == \
        "€4m is £3.44m, at the programme's rate of €1 = £0.86."
    policy = load_policy(OTHER)
    assert policy is not None
    assert f"£{policy.rates.eur_to_gbp:g}" in answer(
        ask(other, "convert our €2m turnover to pounds please"))


def test_outputs_for_the_size_the_question_gives(ssr) -> None:
    text = answer(ask(ssr, "Micro firm, £120,000 project, all eligible: jobs needed for the "
                           "booster grant?"))
    assert text.startswith("For a grant of £60,000, at least 3 new or safeguarded jobs")


def test_items_bought_are_added_up(ssr) -> None:
    text = answer(ask(ssr, "Small firm here, buying 3 welding robots at £18k each and a £6k "
                           "fume extractor. Booster grant on that?"))
    assert "would be £27,000 for £60,000 of eligible costs" in text


def test_an_award_asked_about_beyond_the_headroom_is_not_for_that_amount(ssr) -> None:
    text = answer(ask(ssr, "The county council gave us £300k of subsidy in the last two years; "
                           "would a £20k booster grant fit?"))
    assert text.startswith("Not for £20,000: with £300,000 already received, £15,000 of "
                           "headroom is left")


def test_what_the_voucher_pays_is_an_amount(ssr) -> None:
    text = answer(ask(ssr, "Feasibility trial priced at £9,000: what does the voucher pay, and "
                           "the rest is ours?"))
    assert text.startswith("A voucher from any Pre-Hub would be £6,300")
    assert "pays the other £2,700" in text


@pytest.mark.parametrize(("text", "opening"), [
    ("A group holds 70% of us and has 400 staff; we employ 30 people. Are we an SME?", "No: "),
    ("Twenty employees, sales £2.5m. Do we count as small?", "Yes: "),
    ("Twenty employees, sales £2.5m. Are we micro?", "No: "),
    ("We're 8 people, turnover unknown yet - are we micro?", "Not settled yet: "),
    # a holding that does not count, with no figures yet: the holding answered
    ("An angel investor owns 45% of the company. Could we still be classed as an SME?",
     "Yes, as far as the shareholding goes: "),
    ("The county council owns 40% of the firm; is the firm an SME?", "No: "),
    ("A supplier owns 35% of us. Are we an SME?", "Not settled yet: "),
    # asked the other way round: the answer turns with it
    ("Nine staff and a £1.6m balance sheet but £2.1m of sales, so we're not micro then?",
     "No: "),
    ("40 staff and £6m turnover: we'd still be small?", "Yes: "),
])
def test_whether_the_business_is_an_sme_or_a_band(ssr, text: str, opening: str) -> None:
    assert answer(ask(ssr, text)).startswith(opening)


def test_the_business_s_own_figure_in_annual_work_units(ssr) -> None:
    text = answer(ask(ssr, "Three full-timers, two people doing 2 days each week, plus a "
                           "christmas temp for 2 months: so our AWU is?"))
    assert text.startswith("3.97 annual work units (AWU)")


@pytest.mark.parametrize(("text", "opening"), [
    ("New hire, full time from the beginning of month 9 of our year. AWU for her?", "0.33 "),
    ("What does a full-timer who quit at the end of the fifth month count as, in AWU?",
     "0.42 "),
    ("Annual work units for a half-time starter (20 hrs out of 40) taken on at the start of "
     "the 7th month?", "0.25 "),
])
def test_a_starter_or_leaver_counts_for_the_months_worked(ssr, text: str, opening: str) -> None:
    assert answer(ask(ssr, text)).startswith(opening + "annual work units (AWU)")


@pytest.mark.parametrize("text", [
    "Medium firm. Robot £60k, integration consultants £20k. Grant?",
    "we're a medium company: £60k on a robot plus £20k of consultancy - what would the booster "
    "pay?",
])
def test_kit_and_consultancy_side_by_side_are_added(ssr, text: str) -> None:
    assert "would be £28,000 for £80,000 of eligible costs" in answer(ask(ssr, text))


def test_days_left_of_an_allowance_are_not_the_subsidy_headroom(ssr) -> None:
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    day = policy.rates.in_kind[0]
    used = f"We have used 3 of our {day.kind} {day.unit}s."
    assert "headroom" not in answer(ask(ssr, f"{used} What are the {day.unit}s we have left "
                                             "worth?"))
    assert "headroom" in answer(ask(ssr, f"{used} How much subsidy headroom is left?"))


@pytest.mark.parametrize(("text", "opening"), [
    ("Medium or small: with £150,000 of costs, how much extra would a small firm get?",
     "£15,000 more for a small business: "),
    ("£60k project. What's the difference in grant between micro and medium?",
     "£9,000 more for a micro business: "),
])
def test_the_award_at_two_sizes_and_the_difference(ssr, text: str, opening: str) -> None:
    text = answer(ask(ssr, text))
    assert text.startswith(opening)


@pytest.mark.parametrize(("text", "start"), [
    ("A welder does 30 hours a week where full time is 37.5 hours. How many AWU?",
     "0.8 annual work units"),
    ("How many annual work units is a picker who works 3 months of the year full time?",
     "0.25 annual work units"),
    ("What is someone on 4 days out of a 5-day week for 6 months of the year in AWU?",
     "0.4 annual work units"),
])
def test_one_person_s_annual_work_units_are_worked_out(ssr, text: str, start: str) -> None:
    assert answer(ask(ssr, text)).startswith(start)


def test_one_person_s_hours_without_the_full_week_are_not_worked_out(ssr) -> None:
    assert not ask(ssr, "Someone works 20 hours a week. How many AWU is that?").lines


def test_the_costs_for_the_largest_grant_asked_after_it(ssr) -> None:
    text = answer(ask(ssr, "For a small firm to hit the top Booster grant, what eligible spend "
                           "would it need?"))
    assert text.startswith("A small business needs £222,222.22 of eligible costs")


@pytest.mark.parametrize(("text", "start"), [
    ("Can a manufacturer with 420 staff apply for the Booster?",
     "No, not for the Productivity Booster grant: with any partner and linked companies "
     "counted, the business is large"),
    ("Could a company that has been trading for 2 months apply for the Booster?",
     "No, not for the Productivity Booster grant: the business has been trading for 2 months"),
])
def test_a_business_a_question_supposes_is_answered_for_itself(ssr, text: str,
                                                                start: str) -> None:
    _, extractor = ssr
    assert extractor.extract(text).employees is None  # not the asker's business
    assert answer(ask(ssr, text)).startswith(start)


def test_one_rate_for_every_size_is_said_once(ssr) -> None:
    text = answer(ask(ssr, "How much of the cost of a voucher project do we put in ourselves?"))
    assert text.startswith("30% of eligible costs:") and "whatever the business's size" in text


def test_the_value_of_support_told_is_not_asked_as_headroom(ssr) -> None:
    # "how much is that?" asks what the days count as, which the guidance's day value works out
    assert ask(ssr, "The heat hub gave us 6 days of Technical Support. How much subsidy is "
                    "that?").lines == []
    assert answer(ask(ssr, "£90,000 of MFA came our way in 2025 - what headroom remains?")) \
        .startswith("The Minimal Financial Assistance headroom left is £225,000")


@pytest.mark.parametrize(("text", "expected"), [
    # the size given at the opening, the one amount in another sentence
    ("Small engineering firm here. The new saw and extractor come to £50k. What would the "
     "booster pay?", "would be £22,500 for £50,000"),
    # the award still to come is not earlier support
    ("Should the grant come to £60k, how many jobs have we got to create?", "at least 3"),
    ("We've had £290k of MFA and the booster offer would be £40k - how much can they pay us?",
     "headroom left is £25,000"),
    # a figure asked in a word
    ("Subsidy so far: £100k, £45k and £30k. Headroom?", "headroom left is £140,000"),
    # the consultancy stated beside the rest: how much of it counts
    ("Equipment £56k and £40k of consultants - what part of their fees is allowed?",
     "£24,000 counts and £16,000 is left out"),
    # one person's share of a week given as a part of a whole
    ("a packer on 3 days out of 5 all year, what's that in AWU?", "0.6 annual work units"),
])
def test_figures_asked_in_owners_words(ssr, text: str, expected: str) -> None:
    assert expected in answer(ask(ssr, text))


def test_the_size_band_asked_with_a_partner_and_a_subsidiary(ssr) -> None:
    text = answer(ask(ssr, "We employ 12 and turn over £1m. A larger firm holds 30% of us. That "
                           "firm employs 40 and sells £6m. Also we hold 60% in a subsidiary with "
                           "5 staff and £0.5m turnover. Which size band are we?"))
    assert "29 AWU" in text and "small" in text


def test_the_costs_an_award_aimed_at_needs_are_worked_back(ssr) -> None:
    quoted = answer(ask(ssr, "Small company. To receive the whole £90k, how large does the "
                             "investment have to be?"))
    assert quoted.startswith("A small business needs £200,000 of eligible costs")


def test_the_rate_for_the_band_a_business_s_figures_give(ssr) -> None:
    quoted = answer(ask(ssr, "We have 70 people and £9m of sales - what percentage would the "
                             "Productivity Booster pay us?"))
    assert quoted == ("The Productivity Booster grant pays 35% of eligible costs for a "
                      "medium-sized business.")


def test_pounds_in_euros_at_the_programme_rate(ssr) -> None:
    quoted = answer(ask(ssr, "Our balance sheet is £1.72m - what is that in euros?"))
    assert quoted.startswith("£1.72m is €2m,")


def test_a_workforce_described_is_counted_in_annual_work_units(ssr) -> None:
    quoted = answer(ask(ssr, "Eight people work full time and 2 do 3 days out of 5. "
                             "What does that come to in AWU?"))
    assert quoted.startswith("9.2 annual work units")


@pytest.mark.parametrize("text", [
    # the item told before a question that points back to it
    "We've been offered a secondhand folding machine at a good price. Can the grant go "
    "towards it?",
    "We have already paid a deposit on the laser. Is that purchase still fundable?",
    # a share of the cost asked about
    "Can the booster part-fund an ex-demo router?",
])
def test_an_excluded_item_told_before_the_question_is_answered_no(ssr, text: str) -> None:
    said = answer(ask(ssr, text))
    assert said.startswith("No"), said


def test_an_item_told_before_a_question_about_another_is_not_quoted(ssr) -> None:
    assert ask(ssr, "We sold our old van last year. Can the grant pay for a robot?").lines == []


def test_an_advisers_price_is_consultancy(ssr) -> None:
    quote = ask(ssr, "We're a micro business: £40k of machinery plus an energy consultant who "
                     "has quoted £30k. So how big is the grant?")
    said = answer(quote)
    assert "£17,142.86" in said, said  # 3/7 of £40,000 counted: 50% of £57,142.86
    assert "£28,571.43" in said, said


def test_support_days_shortened_count_towards_the_limit(ssr) -> None:
    said = answer(ask(ssr, "We had £20,000 of council support this year and used 5 tech support "
                           "days. How much headroom is left under the limit?"))
    assert "£289,000" in said, said  # 315,000 - 20,000 - 5 x 1,200


def test_a_rise_per_employee_is_worked_from_the_accounts_given(ssr) -> None:
    quote = ask(ssr, "Accounts for last year: operating profit £80k, employee costs £400k, "
                     "depreciation £20k, amortisation nil, 10 employees. If we go for the GVA "
                     "output, what figure per head must we get to?")
    said = answer(quote)
    assert "£55,000" in said and "£50,000" in said, said  # (80 + 400 + 20) / 10, then +10%
    assert quote.lines[0].clause is not None and quote.lines[0].clause.clause == "3.11.2"


def test_a_rise_needs_the_accounts_and_the_headcount(ssr) -> None:
    assert ask(ssr, "Which GVA per head is our target?").lines == []
    assert ask(ssr, "Operating profit £80k, employee costs £400k. Which GVA per head is our "
                    "target?").lines == []  # no headcount to divide by


def test_the_smallest_project_for_the_minimum_with_a_smaller_one_told(ssr) -> None:
    said = answer(ask(ssr, "Small firm. Our booster project is £15k, which only gives about £7k. "
                           "What is the lowest project cost that would still get the minimum "
                           "grant?"))
    assert "£22,222.22" in said, said  # £10,000 / 45%


def test_an_adviser_asks_the_client_s_size_band(ssr) -> None:
    said = answer(ask(ssr, "Bookkeeper writing for a client in Dudley. Client: 20 AWU, turnover "
                           "£2m. A supplier owns 30% of the "
                           "client; that company has 100 AWU and £10m turnover. Which size band "
                           "is the client?"))
    assert "medium" in said and "50 AWU" in said, said  # 20 + 30% of 100


def test_a_rise_per_employee_reads_a_part_by_another_name_and_says_what_it_assumed(ssr) -> None:
    said = answer(ask(ssr, "Operating profit £60k, wage bill £300k, depreciation £40k, 10 "
                           "employees. For the GVA output, what figure per head must we reach?"))
    assert "£44,000" in said and "amortisation (not given: taken as none)" in said, said
    assert ask(ssr, "Operating profit £60k, depreciation £40k, 10 employees. For the GVA output, "
                    "what figure per head must we reach?").lines == []  # two parts not told


def test_the_costs_for_an_award_asked_with_must_be(ssr) -> None:
    text = answer(ask(ssr, "We're after £36k from the grant and we're a small firm; how big must "
                           "our eligible costs be?"))
    assert text.startswith("A small business needs £80,000 of eligible costs to reach a grant "
                           "of £36,000")


def test_the_most_that_could_be_offered_is_the_subsidy_headroom_left(ssr) -> None:
    text = answer(ask(ssr, "Small firm, Productivity Booster project with £220,000 of "
                           "eligible costs. We have received £260,000 of Minimal Financial "
                           "Assistance this year. What is the largest grant possible?"))
    assert "£99,000" in text  # 45% of £220,000, below the £100,000 maximum
    assert "the most that could be offered is £55,000" in text


def test_the_offer_named_wins_over_a_kind_word_in_another_offer_s_name(ssr) -> None:
    text = answer(ask(ssr, "Our costs for the Productivity Booster come to £90,000; we also had "
                           "4 days from a Hub last spring. What would the grant be?",
                      focus=["productivity-booster"]))
    assert text.startswith("The Productivity Booster grant")


def test_listed_items_the_award_does_not_pay_for_are_left_out(ssr) -> None:
    quote = ask(ssr, "We're a small firm (20 staff, £2m). The plan: a press brake £40,000, "
                     "a delivery van £25,000 and software £10,000. How big a grant is that?")
    text = answer(quote)
    assert text.startswith("The Productivity Booster grant for a small business")
    assert "would be £22,500 for £50,000 of eligible costs" in text
    assert "delivery van (£25,000) is left out" in text and "vehicles" in text


def test_a_long_list_is_read_whole_and_the_business_s_own_time_left_out(ssr) -> None:
    text = answer(ask(ssr, "Small firm, 30 people. Shopping list for the grant: tube laser £70k, "
                           "workshop extension £40k, MES software £20k, and £10k of our own "
                           "staff time on installation. What would the grant amount be?"))
    assert "would be £40,500 for £90,000 of eligible costs" in text
    assert "The workshop extension (£40,000) is left out" in text
    assert "Our own staff time (£10,000) is left out" in text


def test_the_business_s_own_time_priced_is_neither_the_award_nor_a_cost(ssr) -> None:
    text = answer(ask(ssr, "We are micro, 7 people. We want a plasma cutter £30k, a pickup "
                           "£20k and our own staff time £4k. What grant?"))
    assert "would be £15,000 for £30,000 of eligible costs" in text
    assert "pickup (£20,000) is left out" in text


def test_listed_items_left_out_by_another_programme_s_words(other) -> None:
    text = answer(ask(other, "Medium firm. We want to buy a heat pump for £60,000 and a forklift "
                             "for £20,000. How much Clean Growth Capital Grant could we get?"))
    assert "forklift (£20,000) is left out" in text
    assert "£18,000 for £60,000 of eligible costs" in text


@pytest.mark.parametrize(("text", "opening"), [
    ("Our firm is medium sized and we are after the top Productivity Booster award. So what "
     "would the eligible spend have to be?", "A medium-sized business needs £285,714.29 "),
    ("I run a small company and we'd be happy with the lowest Productivity Booster grant "
     "going. What spend does that take?", "A small business needs £22,222.22 "),
])
def test_the_end_of_the_range_aimed_at_told_before_the_question(ssr, text: str,
                                                                opening: str) -> None:
    assert answer(ask(ssr, text)).startswith(opening)


def test_a_project_below_the_minimum_says_how_much_more_is_needed(ssr) -> None:
    text = answer(ask(ssr, "We're micro, 4 of us. The project is £15,000 of eligible costs. "
                           "By how much must it grow to get the smallest grant?"))
    assert "at least £20,000" in text and "£5,000 more" in text


def test_each_size_below_the_minimum_says_what_would_reach_it(ssr) -> None:
    text = answer(ask(ssr, "For a Hub Innovation Project costing £40,000, how much would the "
                           "grant be?"))
    assert "£50,000 of eligible costs, £10,000 more, would reach it" in text


def test_the_costs_a_wanted_award_needs(ssr) -> None:
    text = answer(ask(ssr, "We're small, 30 staff and £4m sales. We'd like a £45,000 booster "
                           "grant: what do our costs need to come to?"))
    assert "£100,000" in text


def test_the_owner_s_bit_of_a_voucher(ssr) -> None:
    text = answer(ask(ssr, "A shelf-life trial is £12,000. Say the proof of concept voucher "
                           "is ours, what's our bit?"))
    assert "pays the other £3,600" in text


def test_insurance_on_the_kit_is_not_the_grant_on_it(ssr) -> None:
    assert answer(ask(ssr, "How much insurance cover do we need on the £80k robot the grant "
                           "buys?")) == ""


def test_the_spend_for_the_maximum_named_by_its_figure(ssr) -> None:
    text = answer(ask(ssr, "Medium firm. On the productivity booster, what total spend would "
                           "we need for the 100k max?"))
    assert "£285,714.29" in text


def test_the_rest_of_an_allowance_is_not_the_subsidy_headroom(ssr) -> None:
    text = answer(ask(ssr, "We've had 3 Technical Support days. Under MFA what is our unused "
                           "allowance worth?"))
    assert "headroom" not in text


def test_how_much_bigger_a_budget_must_be_with_the_budget_told(ssr) -> None:
    text = answer(ask(ssr, "We have 120 employees; our hub innovation project is £50,000. Is "
                           "that enough, and if not how much larger must our budget be?"))
    assert "£62,500" in text and "£12,500 more" in text
    assert " for  " not in text and "Hub for would" not in text


def test_a_count_of_quotes_for_an_item_is_no_award(ssr) -> None:
    quote = ask(ssr, "How many supplier quotes must I get for a £2,500 scanner bought with a "
                     "Proof-of-Concept voucher?")
    assert "70% of £2,500" not in answer(quote)


def test_the_level_of_spend_for_the_top_award(ssr) -> None:
    text = answer(ask(ssr, "Medium firm here. For the top Productivity Booster award, what sum of "
                           "eligible spend would we require?"))
    assert "£285,714.29" in text


@pytest.mark.parametrize(("text", "focus", "expected"), [
    # "grant" alone, said of the award the conversation is about, names no other
    ("We're a small firm; our part of the project is £80,000. How much grant comes of that?",
     ["medtech-hub", "net-zero-heat-hub", "transport-hub"], "£40,000"),  # 50%
    ("Micro company, and the pilot is £6,000. How much grant?",
     ["quantum-prehub"], "£4,200"),  # 70%
])
def test_a_noun_alone_keeps_the_award_in_focus(ssr, text: str, focus: list[str],
                                               expected: str) -> None:
    assert expected in answer(ask(ssr, text, focus=focus))
