"""Questions as owners type them: question words without their apostrophe, a question inside a
sentence with no question mark, a fragment that states one fact, a facility's hours or prices,
the programme office's own matters, how to reach the team, a town before its postcode district,
proceedings said to be over. Sentences written here, none from an eval set."""

from __future__ import annotations

import pytest

from assistant.composer.policy_view import view_of
from assistant.composer.structured import StructuredAnswers
from assistant.facts import FactExtractor
from assistant.questions import names_beyond, read_question
from assistant.routing import Router
from knowledge.programme import Contact
from tests.assistant.test_composer_structured import KINDS, _Policy


@pytest.mark.parametrize(("text", "kind"), [
    ("whats the maximum voucher", "amount"),
    ("wheres the nearest office", "where"),
    ("hows the money paid", "how"),
    ("small workshop, 4 of us - roughly how much could the scheme put in", "amount"),
    ("Does the grant come to 45% = £112.5k?", "yes_no"),
    ("We got £90k of grants last year - does that count against us?", "yes_no"),
    ("What are the opening hours of the test lab?", "when"),
    ("what's the biggest award going", "amount"),
    ("what would the voucher come to on a £9k study", "amount"),
    # no subject after the negative: the owner says what they lack, and asks nothing
    ("don't know the exact code, we're near the canal", "statement"),
    ("Doesn't the voucher cover travel?", "yes_no"),
    # a question asked inside another, or after why it is asked
    ("do you know who chairs the panel?", "who"),
    ("For our minutes, could you tell me how much the voucher is?", "amount"),
    ("which ministry or agency is backing the scheme?", "who"),
])
def test_the_kind_of_question_as_owners_type_it(text: str, kind: str) -> None:
    assert read_question(text).kind == kind


@pytest.fixture(scope="module")
def router() -> Router:
    return Router(None)


def route(router: Router, text: str) -> str:
    facts = FactExtractor().extract(text).known() - {"stated_band"}
    return router.route(text, facts=facts).route


@pytest.mark.parametrize("text", [
    "8-person joinery",
    "Headcount: 41.",
    "Telford TF3",
    "We were in administration years ago but that ended in 2016 and we're fine now",
])
def test_a_fragment_stating_a_fact_starts_the_check(router: Router, text: str) -> None:
    assert route(router, text) == "eligibility"


@pytest.mark.parametrize("text", [
    "How much does a day on the wind tunnel cost?",
    "What time does the metrology lab shut on Fridays?",
    "Is there parking at the battery testing facility?",
    "What's the day rate for the clean room?",
    "Is there a weight limit for parts in the scanner lab?",  # what it can take
])
def test_a_facility_s_hours_or_prices_are_asked_of_the_guidance(router: Router,
                                                                text: str) -> None:
    assert route(router, text) == "programme_question"


@pytest.mark.parametrize("text", [
    "who can I talk to about a complaint over how my claim was handled?",
    "who do we ask for the personal data you keep on us?",
])
def test_the_office_s_own_matters_are_not_a_search_for_experts(router: Router,
                                                                text: str) -> None:
    assert route(router, text) != "signposting"


def test_a_facility_need_is_still_signposted(router: Router) -> None:
    assert route(router, "We need a lab to test our battery packs - who can help?") == \
        "signposting"


CONTACT = Contact(team="the Valley Scheme team", email="hello@valley.example",
                  phone="0113 496 0000", hours="weekdays 9-5")


@pytest.mark.parametrize(("text", "answered"), [
    ("whats your email address?", True),
    ("How do I get hold of someone on the team?", True),
    ("what number do I ring?", True),
    ("who do I contact about a complaint?", False),  # the guidance may give another address
    ("What's the maximum grant?", False),
])
def test_how_to_reach_the_team_comes_from_the_programme_file(text: str, answered: bool) -> None:
    answers = StructuredAnswers(view_of(_Policy()), "The Valley Scheme", KINDS, CONTACT)
    from datetime import UTC, datetime
    lead = answers.answer(text, datetime(2026, 12, 1, tzinfo=UTC), lambda ref: None)
    assert bool(lead) == answered
    if answered:
        assert "hello@valley.example" in lead[0].text and "0113 496 0000" in lead[0].text
        assert lead[0].evidence == ("hello@valley.example", "0113 496 0000")


@pytest.mark.parametrize(("text", "postcode"), [
    ("Shrewsbury SY1", "SY1"),
    ("we're out at Sutton Coldfield, B73", "B73"),
    ("Our CO2 output is high", None),
])
def test_a_district_after_a_town_is_read(text: str, postcode: str | None) -> None:
    assert FactExtractor().extract(text).postcode == postcode


def test_a_who_question_is_answered_by_names_it_does_not_ask_about() -> None:
    question = "Who leads the Valley Scheme?"
    assert names_beyond(question, "The Valley Scheme is a grant for small firms.") == []
    assert names_beyond(question, "The Valley Scheme is led by Leeds Beckett University.") == \
        ["Leeds Beckett University"]


@pytest.mark.parametrize(("text", "insolvent"), [
    ("We had a CVA but it finished in 2021.", False),
    ("We came out of administration in 2019.", False),
    ("We're still in a CVA, the first stage is completed.", True),
])
def test_proceedings_said_to_be_over_are_not_current(text: str, insolvent: bool) -> None:
    assert FactExtractor().extract(text).insolvent is insolvent


@pytest.mark.parametrize(("text", "field", "value"), [
    ("sales are about three and a half million", "turnover", 3_500_000),
    ("turnover of half a million", "turnover", 500_000),
    ("Sheet metal shop, 20-24 staff, £2m turnover", "employees", 22),
    ("CNC machine shop in Tipton, 14 staff, £1.8m, 9 years", "turnover", 1_800_000),
    ("Accounting software house, 30 staff, £3.1m, 12 years", "turnover", 3_100_000),
])
def test_figures_as_owners_list_them(text: str, field: str, value: float) -> None:
    found = getattr(FactExtractor().extract(text), field)
    amount = getattr(found, "amount", found)
    assert amount == value
    if field == "turnover":
        assert FactExtractor().extract(text).project_cost is None  # a trade, not a purchase


def test_a_known_district_in_lower_case_after_a_place_is_read() -> None:
    from knowledge.index import bundled_knowledge_dir
    from knowledge.policy import load_policy
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    extractor = FactExtractor.from_policy(policy)
    assert extractor.extract("a bakery in smethwik b66, 9 of us").postcode == "B66"
    assert extractor.extract("print shop based in walsall (ws1)").postcode == "WS1"


@pytest.mark.parametrize(("activity", "excluded"), [
    ("independent mortgage brokers", True),  # the trade in the plural: the business itself
    ("we're bookmakers with two shops", True),
    ("we write software for mortgage brokers", False),  # its customers
    ("supplying estate agents with signboards", False),
])
def test_a_trade_in_the_plural_is_the_business_unless_it_is_the_customers(
        activity: str, excluded: bool) -> None:
    from datetime import date

    from assistant.business import Facts, Money
    from assistant.eligibility import EligibilityEngine
    from knowledge.index import bundled_knowledge_dir
    from knowledge.policy import load_policy
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    engine = EligibilityEngine(policy, today=lambda: date(2026, 12, 1))
    facts = Facts(employees=9, turnover=Money(amount=1_000_000), postcode="B17 9AA",
                  months_trading=60, insolvent=False, sector_text=activity)
    result = next(r for r in engine.assess_one(facts, "productivity-booster").criteria
                  if r.id == "excluded-sector")
    assert result.met is (not excluded)


def test_figures_for_the_whole_group_are_the_business_s_figures() -> None:
    facts = FactExtractor().extract(
        "A holding company owns 100% of us. Group-wide there are 70 employees and "
        "£8m of sales.")
    assert (facts.employees, facts.turnover and facts.turnover.amount) == (70, 8_000_000)
    # the parent is counted in the totals, not again
    assert [(h.employees, h.turnover and h.turnover.amount) for h in facts.holdings] == [(0, 0)]


def test_group_totals_beside_the_business_s_own_add_the_rest_of_the_group() -> None:
    facts = FactExtractor().extract(
        "We're 30 people with £4m turnover. Across the whole group it's 400 staff and £60m.")
    assert (facts.employees, facts.turnover and facts.turnover.amount) == (30, 4_000_000)
    rest = facts.holdings[-1]
    assert (rest.holder, rest.share_percent, rest.employees) == ("the rest of the group", 100, 370)


@pytest.mark.parametrize(("text", "months"), [
    ("We have not started trading yet - opening is pencilled in for June. 2 founders.", 0),
    ("Trading - 4 years", 48),
    ("We opened in 2026, two of us.", None),  # this year alone: January or last week
    ("We opened in June 2026, two of us.", 5),
    ("We opened in 2024, two of us.", 29),
])
def test_trading_time_as_owners_give_it(text: str, months: float | None) -> None:
    from datetime import date
    assert FactExtractor().extract(text, today=date(2026, 12, 4)).months_trading == months


def test_a_figure_after_a_common_word_is_not_a_numbered_name() -> None:
    from assistant.composer.refusal import Evidence, signals
    question = read_question("Does the 0.86 rate still hold for Round 3 applications?")
    evidence = Evidence(question=question, selected=["Round 3 opens in May."],
                        passages=["Round 3 opens in May. The rate is reviewed each April."],
                        best_similarity=0.6, best_passage=0.6)
    assert signals(evidence)["named"] == 1.0  # "Round 3" is found; "the 0.86" names nothing
    missing = Evidence(question=read_question("When does Round 7 open?"), selected=[],
                       passages=["Round 3 opens in May."], best_similarity=0.6,
                       best_passage=0.6)
    assert signals(missing)["named"] == 0.0


def test_a_rough_headcount_on_a_ceiling_is_asked_about_not_decided() -> None:
    from datetime import date

    from assistant.business import Facts, Money
    from assistant.eligibility import EligibilityEngine
    from knowledge.index import bundled_knowledge_dir
    from knowledge.policy import load_policy
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    engine = EligibilityEngine(policy, today=lambda: date(2026, 12, 1))
    rough = FactExtractor().extract("we're roughly 50 people, give or take")
    assert (rough.employees, rough.employees_approx) == (50, True)
    base = dict(turnover=Money(amount=6_000_000), postcode="WS2 7AA", months_trading=100,
                insolvent=False, sector_text="gearbox repairs")
    sized = engine.assess_one(Facts(employees=50, employees_approx=True, **base),
                              "productivity-booster")
    assert sized.band is None and {"small", "medium"} <= set(sized.possible_bands)
    exact = engine.assess_one(Facts(employees=50, **base), "productivity-booster")
    assert exact.band == "medium"
    far = engine.assess_one(Facts(employees=30, employees_approx=True, **base),
                            "productivity-booster")
    assert far.band == "small"  # "about 30" is small whichever way it is rounded
    # a later message without a headcount keeps it rough
    later = Facts(employees=50, employees_approx=True).merged_with(Facts(months_trading=12))
    assert later.employees_approx is True


@pytest.mark.parametrize(("text", "follows"), [
    ("What is the Valley Scheme?", False),  # names its own subject
    ("Is Tipton in the area?", False),
    ("Is it open now?", True),  # refers back
    ("what's the maximum?", True),  # names nothing: it continues
    ("And for the Valley Scheme?", True),  # an opener that continues
])
def test_a_short_question_naming_its_own_subject_is_not_a_follow_up(router: Router, text: str,
                                                                     follows: bool) -> None:
    assert router.route(text, has_context=True).follow_up is follows


@pytest.mark.parametrize(("question", "passages", "unknown"), [
    ("When does Phase 3 of the scheme start?", ["Phase 1 ran in 2025.", "Phase 2 opens soon."],
     "Phase 3"),
    ("When does phase 2 open?", ["Phase 2 opens soon."], None),
    ("What does clause 4.2 say?", ["4.2 The applicant must ..."], None),  # by its number
    ("What does clause 9.9 say?", ["4.2 The applicant must ..."], "clause 9.9"),
    ("How many staff can we have?", ["Fewer than 250 staff."], None),  # names no part
])
def test_a_numbered_part_the_guidance_never_mentions(question: str, passages: list[str],
                                                     unknown: str | None) -> None:
    from assistant.composer.refusal import unknown_part
    assert unknown_part(question, passages) == unknown


@pytest.mark.parametrize(("text", "kind"), [
    ("what would the Valley Scheme give us?", "amount"),
    ("what could we get", "amount"),
    ("What would the grant pay for?", "list"),  # what it covers, not how much
    ("What can I get help with?", "list"),
])
def test_what_an_award_would_give_is_an_amount(text: str, kind: str) -> None:
    assert read_question(text).kind == kind


def test_a_length_answers_how_long_a_thing_is() -> None:
    from assistant.composer.refusal import _holds_answer
    asked = read_question("How long is the runway at the proving ground?")
    assert _holds_answer(asked, "The runway is 1.6 km long.")
    assert not _holds_answer(asked, "The runway is next to the hangar.")


@pytest.mark.parametrize(("question", "holds"), [
    # a business's size is no measure of length
    ("What exchange rate turns the SME size limits into pounds?",
     "The programme converts at EUR 1 = GBP 0.86."),
    # what the postcode is for is not the place
    ("Foundry Lab - I need the postcode for my satnav please",
     "Foundry Lab; Location: Canal Street, Tipton DY4 7AA"),
])
def test_words_like_a_measure_asked_do_not_ask_one(question: str, holds: str) -> None:
    from assistant.composer.refusal import _holds_answer
    assert _holds_answer(read_question(question), holds)


@pytest.mark.parametrize(("question", "holds", "lacks"), [
    ("How heavy a prototype can the rolling road take?", "It takes vehicles up to 3.5 tonnes.",
     "The rolling road is 40 m from the workshop."),
    ("What's the tallest machine the test cell fits?", "The cell has a ceiling height of 6 m.",
     "The test cell has 2 bays."),
    # asked as whether there is one: still a weight or a length, not any figure
    ("Is there a maximum size and weight of mould the press shop takes?",
     "Moulds up to 800 kg fit the press.", "The press shop offers 5 days of support."),
    ("Any size limit for samples in the furnace?", "Samples up to 300 mm wide fit.",
     "The furnace is booked for 2 days at a time."),
    ("How much is the wind tunnel's daily rate after the discount?",
     "The wind tunnel costs £1,200 per day.", "The partners bid £460m over four years."),
    # a postcode on a line naming the place asked about, not another place's
    ("What's the postcode for the Foundry Lab? I want to visit.",
     "Foundry Lab; Location: Canal Street, Tipton DY4 7AA",
     "Foundry Lab: melting and casting trials.\nPrint Centre; Location: Ansty, CV7 9JU"),
    ("Who keeps the IP from a joint study?", "The IP from a joint study stays with the business.",
     "A joint study pairs the business with the University of Warwick."),
    ("How long does the free onboarding period at the incubator last?",
     "The onboarding period lasts 3 months.", "Projects must finish within 12 months."),
    ("How long is the discounted trial membership at the makerspace?",
     "The trial membership lasts 6 weeks.", "Projects must finish within 12 months."),
    ("What are the opening hours of the materials lab?",
     "The materials lab is open weekdays 8:30 to 17:00.",
     "Applications for round 2 close at 12:00 on 29 January."),
    # most of the thing's words, not one they share
    ("How long can a joint research study run for?", "A joint research study runs for 9 months.",
     "A grant project must be finished within 12 months."),
])
def test_a_measure_or_a_thing_held_is_answered_only_by_one(question: str, holds: str,
                                                           lacks: str) -> None:
    from assistant.composer.refusal import _holds_answer
    asked = read_question(question)
    assert _holds_answer(asked, holds)
    assert not _holds_answer(asked, lacks)


@pytest.mark.parametrize(("question", "holds", "lacks"), [
    ("Climate chamber: what does one day's booking cost us?", "Booking is £650 a day.",
     "The climate chamber is booked through the hub."),
    ("What's the incubator's desk rent?", "Desks are free for members.",
     "The incubator has 40 desks."),
    ("How many hours make up a consultancy day?", "A consultancy day is 7.5 hours.",
     "Each consultancy day counts at £900 towards the limit."),
])
def test_a_price_or_a_count_is_answered_only_by_one(question: str, holds: str,
                                                    lacks: str) -> None:
    from assistant.composer.refusal import _holds_answer
    asked = read_question(question)
    assert _holds_answer(asked, holds)
    assert not _holds_answer(asked, lacks)


def test_a_table_row_is_told_from_a_sentence() -> None:
    from assistant.composer.extractive import _TABLE_ROW
    assert _TABLE_ROW.match("DY9; Main places: Pedmore, Wollescote; Local authority: Dudley")
    assert not _TABLE_ROW.match("If the site is in Dudley, it is inside the area.")


def test_the_policy_s_named_rounds_mark_a_question_as_the_programme_s(embedder) -> None:
    from assistant.factory import _named_things
    from knowledge.index import bundled_knowledge_dir
    from knowledge.policy import load_policy
    words = _named_things(["booster"], load_policy(bundled_knowledge_dir()))
    assert "booster" in words and "Round 3" in words and "Productivity Booster" in words
    assert Router(embedder, programme_words=words).route(
        "When does Round 3 open?").route != "out_of_scope"
    # ("round" is business language of its own now: a name the policy gives shows it too)
    question = "When does Spring Sprint open?"
    assert Router(embedder, programme_words=["booster"]).route(question).route == "out_of_scope"
    assert Router(embedder, programme_words=["booster", "Spring Sprint"]).route(
        question).route != "out_of_scope"


@pytest.mark.parametrize(("question", "selected", "refused"), [
    ("What's the mean voucher value handed out last year?", [], False),  # no record word
    ("On average, how big are the vouchers that have been given?",
     ["Vouchers are worth £2,000 to £9,000."], True),
    ("How many farms have been helped by the scheme so far?",
     ["The scheme helps farms of any size."], True),
    ("How many farms have been helped by the scheme so far?",
     ["To date, 140 farms have been helped."], False),
    ("How many farms did the plan say the scheme would help?",
     ["The plan aimed to help 300 farms."], False),  # a figure planned, not a record
    ("How long does a decision take on average?", ["Decisions typically take 6 weeks."], False),
    ("What share of bids to the scheme end up funded?", ["Bids are scored by a panel."], True),
    ("How many growers got a voucher in the first call?", ["Calls open twice a year."], True),
    ("Is the spring call less competitive than the autumn one?",
     ["The spring call opens in March."], True),
    ("The scheme runs 4 sub-centres.", ["The scheme runs 4 sub-centres."], False),
    ("We've received £45,000 so far; what headroom remains?",
     ["The limit is £315,000."], False),  # the business's own record, not the programme's
    ("About what proportion are successful?", ["Bids are scored by a panel."], True),
    ("What proportion of the machine's price is funded?", ["The grant pays 40%."], False),
    ("Could you email me the names of the firms that won vouchers last spring?",
     ["Vouchers are worth £2,000 to £9,000."], True),
    ("Can you list the labs that offer fatigue testing?", ["Lab A offers fatigue testing."],
     False),
    # a person's name asked for, by the post they hold
    ("Please send me the finance director's name.",
     ["The finance director signs every offer."], True),
    ("Tell me the name of the centre's head.", ["Dr Ruth Akande heads the centre."], False),
    # how something is now, which only a sentence about now answers
    ("Is the wind tunnel taking bookings right now?", ["The tunnel tests cars and drones."],
     True),
    ("Is the wind tunnel running at the moment?", ["The tunnel is currently closed for "
                                                    "upgrades."], False),
    ("Is the call for applications open right now?", ["Calls open each spring."], False),
])
def test_a_record_of_the_programme_is_answered_only_when_reported(
        question: str, selected: list[str], refused: bool) -> None:
    from assistant.composer.refusal import unreported_record
    assert unreported_record(question, selected) is refused


@pytest.mark.parametrize(("question", "holds", "lacks"), [
    ("Is there a cap on mentoring sessions per firm?",
     "Each business can have up to 6 mentoring sessions.",
     "Mentoring sessions are booked through your adviser."),
    ("Is there a deadline for the innovation call?", "The call closes on 12 March 2027.",
     "The innovation call funds joint research."),
    ("Is there a fee for the diagnostic?", "The diagnostic is free.",
     "The diagnostic takes half a day."),
    # a limit on a count is a number of those things, not a sum of money or a clause number
    ("Is there a cap on how many mentoring sessions one firm can have?",
     "Each firm can have up to 6 mentoring sessions.",
     "4.1 Mentoring sessions are worth £400 each."),
    ("Is there a page limit for the business plan?", "The plan must be no longer than 10 pages.",
     "The business plan is scored out of 100."),
])
def test_is_there_a_limit_needs_the_limit(question: str, holds: str, lacks: str) -> None:
    from assistant.composer.refusal import _holds_answer
    asked = read_question(question)
    assert _holds_answer(asked, holds)
    assert not _holds_answer(asked, lacks)


@pytest.mark.parametrize(("question", "scheme"), [
    ("What's the most we could get from Northern Catalyst?", "Northern Catalyst"),
    ("Is a Skyline Growth grant bigger than yours?", "Skyline Growth"),
    ("How much is the Skills Fund grant at most?", None),  # the passages speak of it
    ("Could Acme Ltd get a grant?", None),  # the business's own name
    ("How much grant for a lathe from Hurco?", None),  # a supplier, not a funder
])
def test_a_scheme_no_passage_mentions(question: str, scheme: str | None) -> None:
    from assistant.composer.refusal import unknown_scheme
    passages = ["The Skills Fund grant pays up to £20,000 towards training.",
                "Grants are paid in arrears."]
    assert unknown_scheme(question, passages) == scheme


@pytest.mark.parametrize(("question", "passages", "form"), [
    ("Could a church hall trust put in a bid?", ["Limited companies in the region can apply."],
     None),  # asks no "can a ... apply"
    ("Can a housing association apply for the innovation call?",
     ["Limited companies in the region can apply."], "housing association"),
    ("Are co-operatives eligible for mentoring?", ["Any SME may apply."], "co-operatives"),
    ("Can a sole trader apply?", ["Sole traders and partnerships can apply."], None),
    ("Could our partnership qualify?", ["Any SME may apply."], None),  # the business itself
    # the applicant asked about in other words: "itself", "allowed to"
    ("We run a shop as a trust. Can the trust itself join the scheme?", ["Any SME may apply."],
     "trust"),
    ("Are social enterprises allowed to apply for mentoring?", ["Any SME may apply."],
     "social enterprises"),
    ("Are we allowed to apply twice?", ["Any SME may apply."], None),
])
def test_an_applicant_the_guidance_never_names_is_not_answered_for(
        question: str, passages: list[str], form: str | None) -> None:
    from assistant.composer.refusal import unnamed_applicant
    assert unnamed_applicant(question, passages) == form


def test_advice_is_answered_only_where_a_passage_says_the_phrase() -> None:
    from assistant.composer.refusal import adjacent_advice
    passages = ["The business must have been trading for a year.", "Rates of grant vary."]
    assert adjacent_advice("Do we get business rates relief on the new unit?", passages)
    assert adjacent_advice("Is there business rates relief?",
                           ["Business rates relief is not part of the scheme."]) is None


@pytest.mark.parametrize(("question", "holds", "lacks"), [
    # the holder of a post, named beside the post
    ("Who's the managing director of the foundry centre?",
     "The centre's managing director is Tom Okafor, who joined in 2022.",
     "The foundry centre is run by the Northgate Institute."),
    # the members of a body, said to be its members
    ("Who sits on the investment committee?",
     "Committee members include representatives of the Regional Council and two investors.",
     "The investment committee meets every six weeks."),
    # the date of the next event, beside the event
    ("When is the next supplier showcase?", "The next supplier showcase is on 9 March 2027.",
     "A showcase gives suppliers 20 minutes each with buyers."),
    # when the programme itself ends: a day on the calendar, not a project's span
    ("When will the scheme be ending?", "The scheme runs until March 2029.",
     "Projects must finish within 18 months of the offer."),
    # what follows from a case: a sentence on that case, as a condition
    ("What happens if a delivery slips past the deadline?",
     "If a delivery slips, tell us and we will agree a new date.",
     "Deliveries are booked through the portal."),
    # whether money goes back: a sentence about returning it
    ("Suppose the new line is late - would they claw any of the grant back?",
     "If outputs are not met the scheme may recover part of the grant.",
     "Each project agrees its outputs before the offer is signed."),
])
def test_who_holds_a_post_or_when_an_event_is_needs_it_said(question: str, holds: str,
                                                             lacks: str) -> None:
    from assistant.composer.refusal import _holds_answer
    asked = read_question(question)
    assert _holds_answer(asked, holds)
    assert not _holds_answer(asked, lacks)


@pytest.mark.parametrize(("text", "asked"), [
    ("Who hosts the battery lab? Is it the council or a university?", "Who hosts the battery lab?"),
    ("What does the voucher cover. Or is that down to the hub?", "What does the voucher cover."),
    ("Can we apply now? Is it open all year?", "Is it open all year?"),  # two yes/no questions
])
def test_a_guess_at_the_answer_leaves_the_question_before_it(text: str, asked: str) -> None:
    assert read_question(text).text == asked


def test_questions_as_owners_follow_them_up_or_soften_them() -> None:
    asked = read_question("Who chairs the investment committee? Anyone from industry on it?")
    assert asked.text == "Who chairs the investment committee?"
    costed = read_question("The prototype run will cost £9,000. Roughly what would the voucher "
                           "cover?")
    assert costed.kind == "amount"
    assert read_question("What would the voucher cover?").kind == "list"  # no costs given
    named = read_question("The kiln costs £40k. What would the Firing Fund give?")
    assert named.kind == "amount"  # the offer by its name


@pytest.mark.parametrize(("question", "holds", "lacks"), [
    ("How much time with the engineers can the centre give us?",
     "Members get up to 4 days of engineering time.",
     "The centre's engineers charge £600 a day."),
])
def test_how_much_time_is_answered_by_a_span(question: str, holds: str, lacks: str) -> None:
    from assistant.composer.refusal import _holds_answer
    asked = read_question(question)
    assert _holds_answer(asked, holds)
    assert not _holds_answer(asked, lacks)


def test_levies_and_wage_rules_are_advice_the_guidance_does_not_give() -> None:
    from assistant.composer.refusal import adjacent_advice
    passages = ["The grant pays 40% of eligible costs."]
    assert adjacent_advice("Can the levy pay for the training days?", passages)
    assert adjacent_advice("Must we pay the living wage to get a grant?", passages)


@pytest.mark.parametrize("text", ["What's left?", "what remains of the limit?",
                                  "So what is still available to us?"])
def test_what_is_left_asks_for_an_amount(text: str) -> None:
    assert read_question(text).kind == "amount"


@pytest.mark.parametrize(("question", "selected", "refused"), [
    # a named firm's award: the guidance never says who was funded
    ("Did Hartley Pressings of Oldbury win a growth voucher last spring?",
     ["Vouchers are awarded in each round."], True),
    # the budget: only a sentence that states one answers it
    ("What is the size of the pot for the spring round?",
     ["The spring round opens on 3 March."], True),
    ("What is the size of the pot for the spring round?",
     ["The spring round has a budget of £2 million."], False),
    # a person by name: only a sentence naming someone answers it
    ("Could I have the name of the welding specialist at the lab?",
     ["The lab offers welding trials."], True),
    ("Could I have the name of the welding specialist at the lab?",
     ["Trials are led by Dr Alice Fenn."], False),
])
def test_a_named_firm_a_budget_or_a_persons_name_is_answered_only_when_stated(
        question: str, selected: list[str], refused: bool) -> None:
    from assistant.composer.refusal import unreported_record
    assert unreported_record(question, selected) is refused


@pytest.mark.parametrize(("question", "holds", "lacks"), [
    # a period, not a quantity of something
    ("What is the longest a feasibility study is allowed to run?",
     "Feasibility studies run for up to 9 months.",
     "Each study includes up to 4 days of engineer time and a £2,000 budget."),
    ("How far in advance should we book the wind tunnel?",
     "Bookings need at least 6 weeks' notice.",
     "The tunnel comes with 2 days of technician support."),
    # a date, not how often
    ("Which date is the next review board?", "The next review board sits on 14 May.",
     "The review board meets quarterly."),
    ("What discount do members get on the test rig?", "Members pay 40% less.",
     "Members may book the test rig at reduced rates."),
    ("What is the maximum project length for a feasibility grant?",
     "Feasibility projects must finish within 12 months.",
     "Feasibility grants pay 60% of costs up to £20,000."),
    ("Who is the account manager for firms in Dudley?",
     "Firms in Dudley work with their account manager, Priya Shah, at the growth hub.",
     "Firms in Dudley can apply if their site is inside the area."),
])
def test_a_period_a_date_a_discount_or_a_post_needs_one_said(question: str, holds: str,
                                                             lacks: str) -> None:
    from assistant.composer.refusal import _holds_answer
    asked = read_question(question)
    assert _holds_answer(asked, holds)
    assert not _holds_answer(asked, lacks)


def test_a_question_opening_with_when_and_a_verb_asks_without_a_question_mark() -> None:
    asked = read_question("when is the open evening and how do we book a place")
    assert asked.kind == "when"
    assert asked.text.lower().startswith("when is")


def test_a_period_counted_from_an_event_is_a_period() -> None:
    from assistant.composer.refusal import _holds_answer
    asked = read_question("How long will an appeal take to be decided?")
    assert _holds_answer(asked, "We reply within 15 working days of receiving the appeal.")


def test_when_a_decision_comes_is_answered_by_a_date_of_the_decision() -> None:
    from assistant.composer.refusal import _holds_answer
    asked = read_question("The call closes in May - when will we find out if we've won?")
    assert not _holds_answer(asked, "The call closes on 30 May 2027.")
    assert _holds_answer(asked, "We tell applicants the panel's decision within 6 weeks.")


def test_the_size_of_a_discount_is_answered_only_by_a_discount() -> None:
    from assistant.composer.refusal import _holds_answer
    asked = read_question("How much cheaper is lab time for members - what percent off?")
    assert not _holds_answer(asked, "Members get lab time at reduced rates. Grants cover 40%.")
    assert _holds_answer(asked, "Members get 25% off the commercial day rate.")
