"""Sums the guidance leaves to the reader: a count in the question times the value of one."""

from __future__ import annotations

import pytest

from assistant.composer.arithmetic import date_after, raised_figure, worked_sum

_VALUES = ["Site visits are charged at £180 per visit, travel included.",
           "Every licence seat costs €95.",
           "Each day of lab access in a partner facility is valued at GBP 800."]


@pytest.mark.parametrize(("question", "expected", "sentence"), [
    ("We had 3 site visits, what do they cost?", "3 visits at £180 each come to £540.", 0),
    ("how much for twelve licence seats", "12 seats at €95 each come to €1,140.", 1),
    ("If we take 4 of the lab access days, how much is that worth?",
     "4 days at £800 each come to £3,200.", 2),
])
def test_the_count_is_multiplied_by_the_value_of_one(question: str, expected: str,
                                                      sentence: int) -> None:
    found = worked_sum(question, _VALUES)
    assert found is not None
    worked, index = found
    assert (worked.text, index) == (expected, sentence)


@pytest.mark.parametrize("question", [
    "What does a site visit cost?",          # no count
    "We have 14 staff, what does a visit cost?",  # a count of something else
    "Is 1 day of lab access enough?",        # one of them is the value itself
])
def test_nothing_is_worked_out_without_a_count_of_the_unit(question: str) -> None:
    assert worked_sum(question, _VALUES) is None


def test_a_bare_number_is_no_price() -> None:
    assert worked_sum("We need 6 days", ["Support is limited to 12 for each day."]) is None


def test_all_of_them_takes_the_count_the_guidance_gives() -> None:
    sentences = ["A member can book up to 6 lab days a year.",
                 "Each lab day is valued at £800 for subsidy purposes.",
                 "A Pre-Hub member can book up to 2 lab days."]
    found = worked_sum("What would every one of our lab days be worth in total?", sentences)
    assert found is not None
    worked, index = found
    assert (worked.text, index, worked.count_from) == \
        ("All 6 days at £800 each come to £4,800.", 1, 0)
    assert worked_sum("What is one lab day worth?", sentences) is None


def test_what_is_left_of_an_allowance_is_worked_out() -> None:
    sentences = ["Each member can book up to 10 mentoring sessions.",
                 "Every mentoring session is valued at £450."]
    found = worked_sum("We've had 3 of the mentoring sessions so far; what are the ones still "
                       "left worth?", sentences)
    assert found is not None
    assert found[0].text == "7 sessions left (10 less the 3 used) at £450 each come to £3,150."
    assert worked_sum("We have 12 staff: what are the sessions left worth?", sentences) is None


def test_the_count_used_may_come_in_the_sentence_before_the_question() -> None:
    sentences = ["Each member can book up to 10 mentoring sessions.",
                 "Every mentoring session is valued at £450."]
    message = "We booked 6 of our mentoring sessions in the spring. What are the rest worth?"
    found = worked_sum("What are the rest worth?", sentences, message)
    assert found is not None
    assert found[0].text == "4 sessions left (10 less the 6 used) at £450 each come to £1,800."


def test_the_count_may_be_told_before_the_question() -> None:
    sentences = ["Every mentoring session is valued at £450."]
    found = worked_sum("what does that add up to", sentences,
                       "we had 5 mentoring sessions last spring, what does that add up to")
    assert found is not None
    assert found[0].text == "5 sessions at £450 each come to £2,250."


_PERIODS = ["Claims are paid within 30 days of approval.",
            "The report must be delivered within 6 months of the kick-off meeting.",
            "Queries are answered within 5 working days of receipt.",
            "Equipment must stay in use for at least the period ending within two years of "
            "installation.",
            "Appeals are heard within 8 weeks of the event."]


@pytest.mark.parametrize(("question", "expected", "sentence"), [
    ("Our kick-off meeting was on 14 January 2027 - when is the report due?",
     "6 months after 14 January 2027 is 14 July 2027.", 1),
    ("approval came through on 20/11/2026 - claim paid by which date?",
     "30 days after 20 November 2026 is 20 December 2026.", 0),
    ("Installation finished on 1 Sept 2027 - when does that period end?",
     "2 years after 1 September 2027 is 1 September 2029.", 3),
    # a start said of whatever happened that day
    ("The inspector turned our kiln down on 2 February 2027. When must an appeal be heard by?",
     "8 weeks after 2 February 2027 is 30 March 2027.", 4),
])
def test_the_day_a_period_ends_is_worked_from_the_day_it_starts(question: str, expected: str,
                                                                 sentence: int) -> None:
    found = date_after(question, _PERIODS)
    assert found is not None
    worked, index = found
    assert (worked.text, index) == (expected, sentence)


@pytest.mark.parametrize("question", [
    "When is the report due?",                                      # no day given
    "Our kick-off was on 14 January 2027. How long is the report?",  # no date asked
    "We sent a query on 2 March 2027, when will we hear back?",      # working days: not counted
    "We moved site on 3 May 2027, when is the claim paid?",          # another event's day
])
def test_no_date_is_worked_out_without_the_day_and_its_event(question: str) -> None:
    assert date_after(question, _PERIODS) is None


_CHANGES = ["Projects must deliver a rise of 15% in output per machine hour within a year.",
            "The retrofit should cut heating bills by 20% in the first winter."]


@pytest.mark.parametrize(("question", "expected", "sentence"), [
    ("Output per machine hour is £120 today. Which figure must it hit?",
     "£120 raised by 15% is £138.", 0),
    ("Our heating bills are £40,000 a year - what is the target after the retrofit?",
     "£40,000 lowered by 20% is £32,000.", 1),
])
def test_a_figure_is_moved_by_the_share_the_guidance_sets(question: str, expected: str,
                                                          sentence: int) -> None:
    found = raised_figure(question, _CHANGES)
    assert found is not None
    worked, index = found
    assert (worked.text, index) == (expected, sentence)


@pytest.mark.parametrize("question", [
    "What rise in output per machine hour is needed?",            # no figure of ours
    "Output per machine hour is £120. Is that good?",            # no target asked
    "Our rent is £9,000 - which level must it hit?",              # a measure the rules don't set
])
def test_no_figure_is_moved_without_its_measure_and_a_target(question: str) -> None:
    assert raised_figure(question, _CHANGES) is None


def test_the_value_of_those_used_is_given_beside_the_rest_when_both_are_asked() -> None:
    sentences = ["Each member can book up to 10 mentoring sessions.",
                 "Every mentoring session is valued at £450."]
    found = worked_sum("We've used 3 of the mentoring sessions. What do those come to, and the "
                       "ones still left?", sentences)
    assert found is not None
    assert found[0].text == ("The 3 sessions used at £450 each come to £1,350. 7 sessions left "
                             "(10 less the 3 used) at £450 each come to £3,150.")
