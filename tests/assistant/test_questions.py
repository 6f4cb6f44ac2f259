"""Reading what a message asks: the kind of question and the kind of answer it wants."""

from __future__ import annotations

import pytest

from assistant.questions import answer_present, read_question


@pytest.mark.parametrize(("message", "kind"), [
    ("How do I apply?", "how"),
    ("Can you tell me how claims are paid?", "how"),
    ("What is the Productivity Booster?", "definition"),
    ("What's the difference between a grant and a voucher?", "definition"),
    ("Is Leeds in the programme area?", "yes_no"),
    ("Can a registered charity apply?", "yes_no"),
    ("Which centres does the programme run?", "list"),
    ("What kinds of project can the grant pay for?", "list"),
    ("Could you list the excluded sectors?", "list"),
    ("What are the three hubs?", "list"),
    ("How much could a small business get?", "amount"),
    ("What is the intervention rate for a medium-sized business?", "amount"),
    ("How many quotes do I need?", "amount"),
    ("When does Round 2 close?", "when"),
    ("How long does an appraisal take?", "when"),
    ("Who leads the robotics centre?", "who"),
    ("Which universities run the coatings centre?", "who"),
    ("What organisations sit behind the accelerator?", "who"),
    ("Which ministry or public body pays for the kiln scheme?", "who"),
    ("Where is the programme office?", "where"),
    ("Why was my application turned down?", "why"),
    ("and for a medium company?", "statement"),
    ("what about the quantum centre?", "statement"),
    ("We have 45 staff in Dudley.", "statement"),
    ("Hi, we make biscuits. How do we apply?", "how"),
    # a value asked of a thing named in hyphenated words
    ("What is a sub-centre mentoring day worth?", "amount"),
    # a figure inside a clause of a yes/no question is the clause's: it asks yes or no
    ("Are directors counted when you total how many people we have on the books?", "yes_no"),
    ("Does the deadline move if we post the form late?", "when"),
    ("Must we keep under some ceiling on how much is claimed if we buy two machines?",
     "amount"),
])
def test_the_kind_of_question(message: str, kind: str) -> None:
    assert read_question(message).kind == kind


def test_the_last_asking_sentence_is_the_question() -> None:
    question = read_question("We have 40 staff and a £6m turnover. What is the maximum grant?")
    assert question.text == "What is the maximum grant?"
    assert question.answer_type == "figure" and question.asks
    assert "maximum" in " ".join(question.words) or "maxim" in " ".join(question.words)


@pytest.mark.parametrize(("answer_type", "text", "present"), [
    ("figure", "The grant is £45,000.", True),
    ("figure", "Twelve days of support.", True),
    ("figure", "The panel decides.", False),
    ("date", "It closes at 12:00 noon on 29 January 2027.", True),
    ("date", "An adviser calls you within 5 working days.", True),
    ("date", "Send three quotes.", False),
    ("name", "The hub is led by the University of Birmingham.", True),
    ("name", "it is led by the university.", False),
    ("list", "You need:\n- three quotes\n- your accounts", True),
    ("any", "Anything.", True),
])
def test_whether_a_text_holds_the_kind_of_answer_asked_for(answer_type: str, text: str,
                                                          present: bool) -> None:
    assert answer_present(answer_type, text) is present  # type: ignore[arg-type]


def test_a_question_after_a_dash_is_asked() -> None:
    from assistant.questions import read_question
    assert read_question("firm based in Ludlow - who do we speak to then").kind == "who"
    assert read_question("Client's unit is in DY5. In or out?").kind == "yes_no"


@pytest.mark.parametrize(("message", "kind", "text"), [
    ("our press is 85k, how much would the grant be", "amount", "how much would the grant be"),
    ("we sit right by the Dudley border so are we covered", "yes_no", "are we covered"),
    ("We have 14 staff, what we make is furniture", "statement",
     "We have 14 staff, what we make is furniture"),
])
def test_a_question_in_the_last_clause_is_read_without_a_question_mark(
        message: str, kind: str, text: str) -> None:
    question = read_question(message)
    assert (question.kind, question.text) == (kind, text)


def test_a_question_joined_by_and_after_a_request_keeps_its_kind() -> None:
    question = read_question("could you tell me, the makerspace membership, what it includes, "
                             "and how much is the fee per month")
    assert (question.kind, question.answer_type) == ("amount", "figure")


def test_a_question_after_its_condition_is_read_without_a_comma() -> None:
    question = read_question("lab trial question - if the work runs to 9 grand how much is met "
                             "by a voucher")
    assert (question.kind, question.text) == ("amount", "how much is met by a voucher")
    question = read_question("we're a bakery in Stroud. if the scheme is not for us where "
                             "could we go instead")
    assert (question.kind, question.text) == ("where", "where could we go instead")


def test_a_question_in_a_clause_keeps_the_words_its_pronoun_points_back_to() -> None:
    question = read_question("the assessor never came back to us. we'd like to appeal in "
                             "writing, who do we address it to")
    assert question.kind == "who"
    assert question.text == "we'd like to appeal in writing, who do we address it to"


def test_the_owner_s_guess_at_the_answer_is_not_the_question_s_topic() -> None:
    question = read_question("Who runs the test track? Is it the council or the unis?")
    assert question.kind == "who"
    assert not {"council", "univers"} & {w[:7] for w in question.words}
    assert "track" in question.words
    # the thing asked about, taken up by "one"
    question = read_question("When do the makers' clinics run? Is the next one in Tipton?")
    assert (question.kind, question.text) == ("when", "When do the makers' clinics run?")
    # an example of the answer after a yes/no question
    question = read_question("Might there be a cap on kiln sessions booked? Say four a month?")
    assert question.text == "Might there be a cap on kiln sessions booked?"


def test_which_team_does_the_work_asks_who() -> None:
    assert read_question("which team at the university does the modelling for the "
                         "reports").kind == "who"


@pytest.mark.parametrize(("message", "kind"), [
    # a condition first, then the question after the comma
    ("When you mention reduced rates at the labs, what discount is that in percent?", "amount"),
    ("If the panel turns us down, which independent body could we appeal to?", "who"),
    # a word or two offered as the answer after the question
    ("How much of the day rate is covered? A third?", "amount"),
    # a statement that opens with "need" after the question
    ("So when is the next round opening? need to plan our cash flow", "when"),
])
def test_what_is_asked_past_conditions_guesses_and_telegraphic_statements(
        message: str, kind: str) -> None:
    assert read_question(message).kind == kind


def test_a_phrasal_verb_is_read_as_the_plain_verb_guidance_uses() -> None:
    assert "keep" in read_question("How long will you hold on to our accounts?").words


def test_a_body_named_by_its_role_answers_who() -> None:
    from assistant.questions import roles_beyond
    assert roles_beyond("Who signs off our claim?", "Claims are checked by the finance officer.") \
        == ["officer"]
    assert roles_beyond("What does the panel look at?", "It is reviewed by the panel.") == []


def test_plain_verbs_for_phrasal_ones() -> None:
    from assistant.questions import plain_verbs
    assert plain_verbs("Do you hang onto CVs?") == "Do you keep CVs?"
    assert plain_verbs("Where can we get hold of a form?") == "Where can we get hold of a form?"


@pytest.mark.parametrize("message", [
    "Who runs the welding course? Would love to send two apprentices on it",
    "Is there a deadline for claims? Will send the invoices once the kit arrives",
])
def test_a_statement_with_its_subject_dropped_after_a_question_is_no_question(
        message: str) -> None:
    assert read_question(message).text == message.split("?")[0] + "?"


@pytest.mark.parametrize(("message", "asked"), [
    # the owner's case for the answer after the question
    ("Could the grant cover a forklift? It would free up two people, so surely that helps "
     "productivity?", "Could the grant cover a forklift?"),
    # the question asked again by a comparison
    ("How long does a voucher project take? Is it like the grant, a year?",
     "How long does a voucher project take?"),
])
def test_the_question_is_the_one_before_an_argument_or_a_comparison(message: str,
                                                                    asked: str) -> None:
    assert read_question(message).text == asked


@pytest.mark.parametrize("text", ["Records are kept for at least five years.",
                                  "The review takes two weeks."])
def test_a_time_in_words_answers_how_long(text: str) -> None:
    assert answer_present("date", text)


def test_a_length_in_hours_answers_how_long() -> None:
    from assistant.questions import answer_present
    assert read_question("How long is one mentoring session, in hours?").kind == "when"
    assert answer_present("date", "A mentoring session is 3.5 hours with an adviser.")
    assert not answer_present("date", "A mentoring session is held with an adviser.")


def test_a_clause_prefix_is_no_name() -> None:
    from assistant.questions import names_beyond
    assert names_beyond("Who signs the offer letter?",
                        "You must accept the offer within 30 days (rule AB-3.15).") == []
    assert names_beyond("Who signs the offer letter?",
                        "The offer is signed by the CEO of the fund.") == ["CEO"]


def test_what_a_booking_would_cost_asks_an_amount() -> None:
    assert read_question("What would a week's hire of the small test cell cost a "
                         "business?").kind == "amount"
