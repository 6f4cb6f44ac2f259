"""Direct answers from the policy: places in the area, programmes of a kind, funding rounds.

The policy here is a small object in policy format 2's shape (areas with `authorities`, `towns`,
`districts` and `outside` pointers with `refer_to`; programmes with `aliases`, a free-text
`kind` and rounds in the policy's `time_zone`), built in the test: `policy_view` is the one
place that reads those names."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import pytest

from assistant.composer.policy_view import view_of
from assistant.composer.structured import StructuredAnswers
from assistant.reply import Citation
from knowledge.policy import ClauseRef
from knowledge.programme import KindWords

RULES = "guidance/rules/scheme-rules.pdf"
AREA_CLAUSE = ClauseRef(source=RULES, clause="A1")
ROUNDS_CLAUSE = ClauseRef(source=RULES, clause="R2")


@dataclass
class _District:
    district: str
    status: str
    places: str = ""
    authorities: list[str] = field(default_factory=list)


@dataclass
class _Pointer:
    authority: str
    refer_to: str
    county: str = ""


@dataclass
class _Area:
    name: str = "the North Valley area"
    clause: ClauseRef = AREA_CLAUSE
    authorities: list[str] = field(default_factory=lambda: ["Leeds", "Bradford"])
    authority_word: str = "council"
    towns: dict[str, str] = field(default_factory=lambda: {"Pudsey": "Leeds",
                                                           "Ilkley": "Bradford",
                                                           "Harrogate": "North Yorkshire"})
    districts: list[_District] = field(default_factory=lambda: [
        _District("LS1", "inside", "Leeds centre", ["Leeds"]),
        _District("LS21", "mixed", "Otley", ["Leeds", "North Yorkshire"]),
        _District("HG1", "outside", "Harrogate", ["North Yorkshire"])])
    outside: list[_Pointer] = field(default_factory=lambda: [
        _Pointer("North Yorkshire", "York and North Yorkshire Growth Service", "Yorkshire")])
    refer_outside: str = "its local growth service"


@dataclass
class _Round:
    name: str
    opens: date | datetime
    closes: date | datetime
    clause: ClauseRef | None = ROUNDS_CLAUSE


@dataclass
class _Programme:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    rounds: list[_Round] = field(default_factory=list)
    time_zone: str | None = None


@dataclass
class _Policy:
    areas: list[_Area] = field(default_factory=lambda: [_Area()])
    programmes: list[_Programme] = field(default_factory=lambda: [
        _Programme("capital-grant", "Capital Grant", "grant", aliases=["the grant"], rounds=[
            _Round("Round 1", date(2026, 1, 12), date(2026, 3, 27)),
            _Round("Round 2", date(2026, 9, 7), datetime(2027, 1, 29, 12, 0)),
            _Round("Round 3", date(2027, 5, 4), date(2027, 7, 30))]),
        _Programme("food-centre", "Food Centre", "centre"),
        _Programme("ai-centre", "AI Centre", "centre"),
        _Programme("diagnostic", "Energy Diagnostic", "service")])
    time_zone: str = "Europe/London"


KINDS = {"centre": KindWords(one="Centre", many="Centres", words=["centre", "centres"])}
NOW = datetime(2026, 11, 27, 10, 0)


def _cite(ref: ClauseRef) -> Citation:
    return Citation(n=0, title="Scheme rules", source=ref.source, locator=ref.clause)


@pytest.fixture
def answers() -> StructuredAnswers:
    return StructuredAnswers(view_of(_Policy()), "The Valley Scheme", KINDS)


def _texts(answers: StructuredAnswers, message: str, now: datetime = NOW) -> list[str]:
    return [lead.text for lead in answers.answer(message, now, _cite)]


def test_a_council_of_the_area_is_yes_with_the_area_clause(answers: StructuredAnswers) -> None:
    leads = answers.answer("Is Bradford in the programme area?", NOW, _cite)
    assert [lead.text for lead in leads] == ["Yes: Bradford is inside the North Valley area."]
    assert leads[0].citation is not None and leads[0].citation.locator == "A1"


def test_a_town_is_placed_by_its_council(answers: StructuredAnswers) -> None:
    assert _texts(answers, "Does Pudsey count?") == [
        "Yes: Pudsey, in Leeds, is inside the North Valley area."]


def test_a_place_outside_is_no_with_where_to_go_instead(answers: StructuredAnswers) -> None:
    assert _texts(answers, "Can a business in Harrogate apply?") == [
        "No: Harrogate, in North Yorkshire, is outside the North Valley area, which covers "
        "Leeds and Bradford.",
        "A business there can go to the York and North Yorkshire Growth Service instead."]


def test_postcode_districts_inside_mixed_and_outside(answers: StructuredAnswers) -> None:
    assert _texts(answers, "Is LS1 4AP in the area?")[0].startswith(
        "Yes: the postcode district LS1 (Leeds centre) is inside")
    assert _texts(answers, "Is LS21 covered?")[0].startswith("Partly: the postcode district "
                                                              "LS21 (Otley) is partly inside")
    assert _texts(answers, "is hg1 within the area?")[0].startswith("No: the postcode district "
                                                                     "HG1")


def test_no_place_or_no_area_question_is_left_to_the_guidance(
        answers: StructuredAnswers) -> None:
    assert _texts(answers, "Is the grant taxable?") == []
    assert _texts(answers, "We are based in Leeds.") == []  # a statement, not a question
    # the place's council asked about as a body: its own schemes are not the area's
    assert _texts(answers, "Does Leeds City Council give out its own grants?") == []


def test_the_programmes_of_a_kind_are_listed_from_the_policy(
        answers: StructuredAnswers) -> None:
    (lead,) = answers.answer("Which centres does the scheme run?", NOW, _cite)
    assert lead.text == "The Valley Scheme runs two Centres: Food Centre and AI Centre."
    assert lead.citation is None and lead.evidence == ("Food", "AI")  # cited from guidance
    assert _texts(answers, "How many different centres are there?")[0].startswith(
        "The Valley Scheme runs two Centres")


def test_a_count_of_something_else_is_not_a_list_of_programmes(
        answers: StructuredAnswers) -> None:
    # the kind is named at the end, but the people are what is counted
    assert _texts(answers, "how many staff work in the office that looks after the centres") \
        == []


def test_a_round_named_is_answered_with_yes_or_no_and_the_next_round(
        answers: StructuredAnswers) -> None:
    assert _texts(answers, "Is Round 1 still open?") == [
        "No: Round 1 of the Capital Grant closed on 27 March 2026.",
        "Round 2 of the Capital Grant is open now: it opened on 7 September 2026 and closes "
        "at 12:00 on 29 January 2027."]
    assert _texts(answers, "Is Round 2 open?")[0].startswith("Yes: Round 2 of the Capital "
                                                             "Grant is open now")
    next_round, current = _texts(answers, "So when is the next round opening?")
    assert next_round == ("Round 3 of the Capital Grant has not opened yet: it opens on "
                          "4 May 2027 and closes on 30 July 2027.")
    assert current.startswith("Round 2 of the Capital Grant is open now")


def test_the_rounds_are_counted_and_listed_with_their_dates(answers: StructuredAnswers) -> None:
    expected = ("The Capital Grant has three funding rounds listed: Round 1, from 12 January "
                "2026 to 27 March 2026, now closed; Round 2, from 7 September 2026 to 12:00 on "
                "29 January 2027, open now; Round 3, from 4 May 2027 to 30 July 2027.")
    assert _texts(answers, "How many application rounds does the grant have?") == [expected]
    assert _texts(answers, "Can you list the rounds?") == [expected]


def test_a_round_s_closing_time_asked_with_a_worry_about_it(answers: StructuredAnswers) -> None:
    (closing, *_) = _texts(answers, "at what time on the final day does Round 2 shut? I'd "
                                    "hate to be a few minutes late, need to know exactly")
    assert "closes at 12:00 on 29 January 2027" in closing


def test_rounds_close_in_the_programme_time_zone(answers: StructuredAnswers) -> None:
    # 12:30 UTC on 29 January is 12:30 in London (no summer time): Round 2 has closed
    after = datetime(2027, 1, 29, 12, 30, tzinfo=UTC)
    assert _texts(answers, "Is Round 2 still open?", after)[0].startswith("No: Round 2")
    before = datetime(2027, 1, 29, 11, 30, tzinfo=UTC)
    assert _texts(answers, "Is Round 2 still open?", before)[0].startswith("Yes: Round 2")


def test_a_round_without_a_clause_to_cite_gives_no_direct_answer() -> None:
    policy = _Policy()
    policy.programmes[0].rounds = [_Round("Round 1", date(2026, 1, 1), date(2026, 12, 31),
                                          clause=None)]
    answers = StructuredAnswers(view_of(policy), "The Valley Scheme", KINDS)
    assert answers.answer("Is Round 1 open?", NOW, _cite) == []


def test_a_moment_the_question_names_is_when_the_rounds_are_read(
        answers: StructuredAnswers) -> None:
    late, following = _texts(answers, "If I submit at 3pm on 29 January 2027, will it be "
                                      "considered in Round 2?")
    assert late.startswith("At 15:00 on 29 January 2027, Round 2 of the Capital Grant will "
                           "have closed")
    assert following.startswith("At 15:00 on 29 January 2027, Round 3")
    assert _texts(answers, "Can I send an application in February 2027?")[0].startswith(
        "In February 2027, Round 3 of the Capital Grant will not have opened yet")


def test_a_question_that_only_names_a_round_is_left_to_the_guidance(
        answers: StructuredAnswers) -> None:
    assert _texts(answers, "What is the total budget for Round 2?") == []
    assert _texts(answers, "Will there be a Round 4?") == []  # not a round the policy lists
    # nor when the words before the question name rounds that it does list
    assert _texts(answers, "Round 2 and Round 3 are too early for us. When is Round 6 open?") \
        == []
    assert _texts(answers, "Does the euro rate change if I apply before Round 2 closes?") == []


def _sized(currency: str = "EUR") -> StructuredAnswers:
    from types import SimpleNamespace

    from knowledge.policy.rules import SizeBand, SmeTest
    bands = [SizeBand(band="micro", staff_below=10, turnover_max=2_000_000,
                      balance_sheet_max=2_000_000),
             SizeBand(band="small", staff_below=50, turnover_max=10_000_000,
                      balance_sheet_max=8_000_000)]
    size_clause = ClauseRef(source="guidance/scheme-rules.md", clause="4.1")
    programme = SimpleNamespace(id="capital-grant", name="Capital Grant", kind="grant",
                                rounds=[], criteria=[SimpleNamespace(fact="sme_band",
                                                                     clause=size_clause)])
    policy = SimpleNamespace(areas=[], programmes=[programme], time_zone="",
                             rates=SimpleNamespace(eur_to_gbp=0.9, sme=SmeTest(
                                 currency=currency, bands=bands)))
    return StructuredAnswers(view_of(policy), "The Valley Scheme", KINDS)


def test_a_band_s_ceiling_is_given_in_both_currencies_with_the_size_clause() -> None:
    leads = _sized().answer("What's the most turnover a small firm can have, in pounds?", NOW,
                            _cite)
    assert [lead.text for lead in leads] == [
        "The turnover ceiling for a small business is €10m (£9m), at the programme's rate of "
        "€1 = £0.9; it may meet the balance sheet ceiling of €8m (£7.2m) instead, and it must "
        "have fewer than 50 staff, counted in annual work units."]
    assert leads[0].citation is not None and leads[0].citation.locator == "4.1"


def test_what_counts_as_a_band_gives_all_its_ceilings() -> None:
    assert _texts(_sized("GBP"), "What counts as a micro business?") == [
        "To count as a micro business, a business has fewer than 10 staff, counted in annual "
        "work units, and a turnover of no more than £2m or a balance sheet total of no more "
        "than £2m."]


@pytest.mark.parametrize("message", [
    "With 8 people and sales of £1.5m, do we count as micro?",  # to be sized
    "How do small businesses apply?",  # no ceiling asked
])
def test_no_ceiling_answer_for_other_questions(message: str) -> None:
    assert _texts(_sized(), message) == []


def test_the_time_left_in_the_open_round(answers: StructuredAnswers) -> None:
    texts = _texts(answers, "How many days are left until the capital grant deadline?")
    assert len(texts) == 1 and texts[0].endswith("From today that is 63 days, about 9 weeks.")
    # the time left said with no timing word but "left" and getting the form in
    texts = _texts(answers, "capital grant, this round: how many weeks have I got left to get "
                            "our application in?")
    assert texts and texts[0].endswith("From today that is 63 days, about 9 weeks.")


def test_the_business_s_own_site_asked_about_after_it_was_named(
        answers: StructuredAnswers) -> None:
    texts = _texts(answers, "Our workshop is in Ilkley. Are we within the programme area?")
    assert texts and texts[0].startswith("Yes: Ilkley")


def test_who_to_talk_to_from_outside_the_area(answers: StructuredAnswers) -> None:
    message = "Our dairy is near Harrogate. Who should we talk to about support?"
    assert _texts(answers, message) == [
        "No: Harrogate, in North Yorkshire, is outside the North Valley area, which covers Leeds "
        "and Bradford.", "A business there can go to the York and North Yorkshire Growth "
        "Service instead."]
    assert answers.outside_pointer(message)
    assert not answers.outside_pointer("Our dairy is in Ilkley. Who should we talk to?")
    # the question's words in a statement's order, as some owners write
    assert answers.outside_pointer("We brew beer in Harrogate. Where I can turn for advice?")
    # asked after a yes/no question, in a sentence of its own
    assert answers.outside_pointer("Does the scheme cover a bakery in Harrogate? If it doesn't, "
                                   "who can help us")
    assert _texts(answers, "We bake in Harrogate. Is that in? If not, who can help us")[1] == \
        "A business there can go to the York and North Yorkshire Growth Service instead."


def _with_subsidy() -> StructuredAnswers:
    from types import SimpleNamespace
    base = _Policy()
    policy = SimpleNamespace(areas=base.areas, programmes=base.programmes,
                             time_zone=base.time_zone, rates=SimpleNamespace(
                                 subsidy_name="Small Aid", subsidy_window="this year and the "
                                 "previous two", mfa_clause=ClauseRef(source=RULES,
                                                                       clause="S3")))
    return StructuredAnswers(view_of(policy), "The Valley Scheme", KINDS)


def test_the_subsidy_s_financial_years_today_and_when_a_round_opens() -> None:
    answers = _with_subsidy()
    assert _texts(answers, "What financial year is it now, for Small Aid?") == [
        "Today (27 November 2026), the financial year is 2026-27 (1 April 2026 to 31 March "
        "2027), so the Small Aid that counts is what was received from 1 April 2024, this year "
        "and the previous two."]
    leads = answers.answer("If we wait for Round 3 of the capital grant, how far back does "
                           "the subsidy go?", NOW, _cite)
    assert [lead.text[:60] for lead in leads] == [
        "When Round 3 opens (4 May 2027), the financial year is 2027-"]
    assert "from 1 April 2025" in leads[0].text and leads[0].citation.locator == "S3"


def test_the_subsidy_s_financial_years_in_the_month_the_business_will_apply() -> None:
    answers = _with_subsidy()
    texts = _texts(answers, "We expect to apply in August 2028: from when does Small Aid count?")
    assert texts[0].startswith("Applying in August 2028, the financial year is 2028-29")
    assert "from 1 April 2026" in texts[0]
    # a month already past is today's window
    assert _texts(answers, "We applied in May 2026; which years of Small Aid count?")[0] \
        .startswith("Today (27 November 2026)")


def test_the_days_until_the_next_round_opens(answers: StructuredAnswers) -> None:
    texts = _texts(answers, "Capital grant: how long till Round 3 opens?")
    assert texts[0].endswith("From today that is 158 days, about 22 weeks.")
    assert not texts[1].endswith("weeks.")  # the open round is said, without its time left


def test_the_days_until_a_round_opens_from_a_date_given(answers: StructuredAnswers) -> None:
    texts = _texts(answers, "Say it's 1 March 2027: how many more days till the capital grant's "
                            "Round 3 opens?")
    assert texts[0].endswith("From that date that is 64 days, about 9 weeks.")


def test_the_hours_left_on_a_round_s_last_day(answers: StructuredAnswers) -> None:
    texts = _texts(answers, "Quarter past ten (10:15am) on 29 January 2027 here, form not "
                            "sent. Time remaining before the capital grant's Round 2 shuts?")
    assert texts[0].endswith("From then that is 1 hour 45 minutes.")
    # from the clock, in the programme's time zone, when the question gives no time
    morning = datetime(2027, 1, 28, 14, 15, tzinfo=UTC)
    assert _texts(answers, "Capital grant: how long until Round 2 closes?", morning)[0] \
        .endswith("From now that is 21 hours 45 minutes.")
    # a day named without a time of day is counted in days
    assert _texts(answers, "On 29 January 2027, how long until the capital grant's Round 2 "
                           "closes?")[0].endswith("From that date that is 0 days.")


def test_in_or_out_asks_about_the_place_named_before(answers: StructuredAnswers) -> None:
    texts = _texts(answers, "Helping a client with a unit in Pudsey. In or out?")
    assert texts and texts[0].startswith("Yes: Pudsey")


def test_the_round_the_question_names_not_the_one_told_before_it(
        answers: StructuredAnswers) -> None:
    texts = _texts(answers, "Capital grant: Round 2 is too close for us to prepare. How long "
                            "till Round 3 opens?")
    assert texts[0].startswith("Round 3") and texts[0].endswith("about 22 weeks.")



@dataclass
class _Criterion:
    fact: str
    op: str
    value: float
    clause: ClauseRef


TRADING_CLAUSE = ClauseRef(source=RULES, clause="T4")


def _with_trading_rule() -> StructuredAnswers:
    policy = _Policy()
    setattr(policy.programmes[0], "criteria",  # noqa: B010  (the dataclass has no such field)
            [_Criterion("months_trading", "gte", 6, TRADING_CLAUSE)])
    return StructuredAnswers(view_of(policy), "The Valley Scheme", KINDS)


def test_the_first_round_open_once_the_business_has_traded_long_enough() -> None:
    answers = _with_trading_rule()
    rule, first = _texts(answers, "We started trading on 20 October 2026. Which round of the "
                                  "Capital Grant could we apply in?")
    assert rule == ("The Capital Grant asks for at least 6 months of trading: a business that "
                    "started on 20 October 2026 reaches that on 20 April 2027.")
    assert first == ("Round 2 closes at 12:00 on 29 January 2027, before then, so the first "
                     "round it could apply in is Round 3, which opens on 4 May 2027 and closes "
                     "on 30 July 2027.")
    # long enough before a round closes: from that day
    _, open_now = _texts(answers, "Set up in July 2026 - when can we apply for the grant?")
    assert open_now == ("The first round it could apply in is Round 2, from 1 January 2027, "
                        "until it closes at 12:00 on 29 January 2027.")


def test_no_round_listed_after_the_trading_time_is_said() -> None:
    rule, none = _texts(_with_trading_rule(), "We began trading on 1 March 2027: which round "
                                              "can we go for?")
    assert "1 September 2027" in rule
    assert none == ("No round listed is still open by then: the last, Round 3, closes on "
                    "30 July 2027.")


def test_a_round_s_own_date_told_back_is_not_the_day_asked_from(
        answers: StructuredAnswers) -> None:
    texts = _texts(answers, "So the capital grant round closes on 29 January 2027 - how many "
                            "days are left until then?")
    assert texts and texts[0].endswith("From today that is 63 days, about 9 weeks.")


def test_what_follows_a_move_is_not_asked_of_the_area(answers: StructuredAnswers) -> None:
    assert _texts(answers, "If we moved the workshop to Harrogate mid-way, what happens to the "
                           "grant we were paid?") == []


def test_qualifying_for_a_tax_relief_is_not_asked_of_the_area(answers: StructuredAnswers) -> None:
    assert _texts(answers, "Does our mill in Pudsey qualify for rates relief?") == []
    assert _texts(answers, "Does our mill in Pudsey qualify?")[0].startswith("Yes")


def test_a_shortened_month_dates_the_question(answers: StructuredAnswers) -> None:
    texts = _texts(answers, "It's 3rd Feb 2027 today. Is Round 3 open yet, and when does it close?")
    assert texts and "3 February 2027" in texts[0]


@dataclass
class _Sector:
    name: str


@dataclass
class _SectorList:
    id: str
    sectors: list[_Sector]
    clause: ClauseRef | None = None


@dataclass
class _SectorCriterion:
    fact: str
    sectors: str | None = None


@dataclass
class _ExcludingProgramme(_Programme):
    criteria: list[_SectorCriterion] = field(default_factory=list)


def _excluding_policy(names: list[str]) -> _Policy:
    policy = _Policy()
    policy.programmes = [_ExcludingProgramme(
        "capital-grant", "Capital Grant", "grant",
        criteria=[_SectorCriterion("excluded_sector", "barred")])]
    setattr(policy, "sector_lists", [_SectorList(  # noqa: B010  (no such field)
        "barred", [_Sector(n) for n in names], ClauseRef(source="sectors.md", clause="List"))])
    return policy


def test_the_excluded_sectors_are_listed_and_counted() -> None:
    answers = StructuredAnswers(view_of(_excluding_policy(
        ["quarrying", "pawnbroking", "nightclubs"])), "The Valley Scheme", KINDS)
    for message in ("Which industries are barred from the Capital Grant?",
                    "how many excluded sectors are there"):
        leads = answers.answer(message, NOW, _cite)
        assert [lead.text for lead in leads] == [
            "Three sectors are excluded from the Capital Grant: quarrying; pawnbroking; "
            "nightclubs."]
        assert leads[0].citation is not None and leads[0].citation.source == "sectors.md"
    # whether one trade is excluded is the guidance's to answer, with the business's words
    assert _texts(answers, "Is pawnbroking excluded?") == []
    many = StructuredAnswers(view_of(_excluding_policy([f"s{i}" for i in range(12)])),
                             "The Valley Scheme", KINDS)
    assert _texts(many, "How many sectors can't apply?")[0].startswith("12 sectors are excluded")


def test_a_place_of_the_customers_is_not_asked_of_the_area(answers: StructuredAnswers) -> None:
    assert _texts(answers, "Would it count for anything that our clients sit in Pudsey?") == []
    assert _texts(answers, "Does our mill in Pudsey qualify?")[0].startswith("Yes")
