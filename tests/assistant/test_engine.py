"""One turn through the engine over the bundled knowledge: grounded answers or a plain no."""

from __future__ import annotations

import re

import pytest

from assistant.composer import split_sentences
from assistant.errors import InputError
from assistant.factory import Components

pytestmark = pytest.mark.slow


def test_answer_sentences_come_from_cited_passages(bundled: Components) -> None:
    reply = bundled.assistant.ask("How many quotes do I need for equipment costing £12,000?")
    assert reply.grounded
    assert reply.citations
    assert "three" in reply.answer.lower()
    for line in reply.answer.splitlines():
        for sentence, n in re.findall(r"(.+?) \[(\d+)\]", line):
            quote = sentence.strip().removeprefix("- ")
            citation = reply.citations[int(n) - 1]
            assert citation.n == int(n)
            passages = bundled.retriever.search(quote, k=10)
            assert any(quote in p.chunk.text and p.chunk.source == citation.source
                       for p in passages), quote


def test_citations_name_source_relative_to_the_knowledge_folder(bundled: Components) -> None:
    reply = bundled.assistant.ask("What is the maximum Productivity Booster grant?")
    assert reply.citations
    for citation in reply.citations:
        assert not citation.source.startswith("/")
        assert (bundled.knowledge_dir / citation.source).is_file()
        assert citation.title and citation.locator and citation.quote
    assert "100,000" in reply.answer


def test_off_topic_question_is_declined_with_the_contact(bundled: Components) -> None:
    reply = bundled.assistant.ask("What is a good recipe for lasagne?")
    assert reply.route == "out_of_scope"
    assert not reply.grounded
    assert reply.citations == []
    assert "enquiries@speedtoscale.example" in reply.answer


def test_a_question_the_guidance_does_not_answer_gets_a_plain_no(bundled: Components) -> None:
    reply = bundled.assistant.ask("Does the programme pay for staff Christmas parties?")
    assert reply.route == "programme_question"
    assert not reply.grounded
    assert reply.citations == []
    assert "couldn't find" in reply.answer
    assert "enquiries@speedtoscale.example" in reply.answer


def test_a_business_told_in_full_with_a_question_gets_the_verdict_and_the_answer(
        bundled: Components) -> None:
    reply = bundled.assistant.ask(
        "We're a powder coating firm in Tipton, DY4 7AA, 14 staff, turnover £1.6m, trading "
        "since 2012, owned by the two directors, not insolvent. We want an automated booth. "
        "How do we apply?")
    assert reply.route == "eligibility"
    booster = next(r for r in reply.eligibility if r.programme == "Productivity Booster")
    assert booster.decision == "eligible"
    # the verdict first, then the steps, every citation number shown and listed once
    assert reply.answer.index("Productivity Booster") < reply.answer.index("adviser")
    shown = {int(n) for n in re.findall(r"\[(\d+)\]", reply.answer)}
    assert shown == {c.n for c in reply.citations}
    assert reply.answer.count("I understood") == 1


def test_a_business_told_in_full_with_a_need_gets_the_verdict(bundled: Components) -> None:
    reply = bundled.assistant.ask(
        "Sheet metal shop at WS2 8AB, 9 staff, sales about £60k a month, going since 2010, "
        "family owned, no insolvency. Looking for support with a new press brake.")
    assert reply.route == "eligibility"
    assert any(r.programme == "Productivity Booster" for r in reply.eligibility)
    assert "£720k turnover" in reply.answer  # twelve months' sales


def test_an_allowance_asked_with_the_check_is_answered_after_the_verdict(
        bundled: Components) -> None:
    reply = bundled.assistant.ask("We design heat pump controllers. How many days of engineering "
                                  "help could our firm get from the heat hub?")
    assert reply.route == "eligibility" and reply.eligibility
    assert "12 days" in reply.answer
    shown = {int(n) for n in re.findall(r"\[(\d+)\]", reply.answer)}
    assert shown == {c.n for c in reply.citations}


def test_a_question_whether_something_counts_against_the_business_gets_no_bare_yes(
        bundled: Components) -> None:
    reply = bundled.assistant.ask(
        "We machine valve bodies in Tipton DY4, 22 staff, £3m turnover, trading since 2011, "
        "not insolvent, owned by the two directors. Would our age stop us getting the booster?")
    assert reply.route == "eligibility"
    assert "\n**Productivity Booster: you look eligible.**" in reply.answer
    assert "**Yes." not in reply.answer and "**No." not in reply.answer


def test_a_place_asked_about_after_another_is_placed(bundled: Components) -> None:
    first = bundled.assistant.ask("Is Dudley in the area?")
    assert first.answer.startswith("Yes")
    then = bundled.assistant.ask("What about Lichfield?", first.conversation_id)
    assert then.answer.startswith("No: Lichfield")


def test_an_award_asked_about_before_is_the_one_quoted_after(bundled: Components) -> None:
    first = bundled.assistant.ask("What can a Proof-of-Concept voucher be spent on?")
    then = bundled.assistant.ask("If the lab work comes to £10,000, how much would we get?",
                                 first.conversation_id)
    assert "£7,000" in then.answer and "Productivity Booster grant" not in then.answer


def test_empty_and_oversized_messages_are_refused(bundled: Components) -> None:
    with pytest.raises(InputError, match="type a question"):
        bundled.assistant.ask("   ")
    with pytest.raises(InputError, match="characters long"):
        bundled.assistant.ask("word " * 2000)


def test_sentence_splitting_keeps_abbreviations_and_list_items() -> None:
    text = ("Support is limited by ss. 36-37 of the Act. It applies e.g. to grants.\n"
            "- items over £5,000: three quotes\nThe end.")
    assert split_sentences(text) == [
        "Support is limited by ss. 36-37 of the Act.",
        "It applies e.g. to grants.",
        "- items over £5,000: three quotes",
        "The end.",
    ]


def test_a_long_programme_name_is_known_by_its_initials() -> None:
    from assistant.engine import _aliases

    assert "sgf" in _aliases("skills-growth-fund", "Skills Growth Fund")
    assert "sf" not in _aliases("skills-fund", "Skills Fund")  # two letters say too little


def test_a_programme_is_named_by_its_leading_words_and_what_its_kind_is_called() -> None:
    from assistant.engine import _aliases

    assert "skills grant" in _aliases("skills-booster", "Skills Booster",
                                      own_kind=["grant", "grants"])
    # a lead word that names nothing in particular is not enough
    assert "business service" not in _aliases("business-futures", "Business Futures",
                                               own_kind=["service"])


def test_what_an_offer_is_says_what_it_is_worth(bundled: Components) -> None:
    reply = bundled.assistant.ask("What's the Productivity Booster?")
    assert "£10,000" in reply.answer and "£100,000" in reply.answer


def test_the_address_that_closes_a_section_cut_in_two_is_found(bundled: Components) -> None:
    # the privacy notice's rights are a list, and the address to ask is after it, in the next
    # chunk of the same section
    reply = bundled.assistant.ask("Who should I email to ask for the records you keep about me?")
    assert reply.grounded, reply.answer
    assert reply.answer.startswith("To make a request, email dataprotection@speedtoscale.example")


def test_a_business_supposed_otherwise_is_answered_and_not_kept(bundled: Components) -> None:
    assistant = bundled.assistant
    first = assistant.ask("We run a print shop in Walsall, WS1 1AA: 12 staff, turnover £900k, "
                          "the two founders own it, trading since 2015, not insolvent. Can we "
                          "get a Productivity Booster grant?")
    assert first.eligibility and first.eligibility[0].decision == "eligible"
    supposed = assistant.ask("Just wondering: what if we grew to 400 staff, would we "
                             "still qualify?", first.conversation_id)
    assert supposed.answer.startswith("Supposing 400 staff: the business would not qualify")
    assert supposed.eligibility[0].decision == "eligible"  # the verdict stays its own
    after = assistant.conversation(first.conversation_id)
    assert after is not None and after.facts.employees == 12


def test_a_reply_that_reads_like_small_talk_continues_the_check(bundled: Components) -> None:
    assistant = bundled.assistant
    first = assistant.ask("We've a unit in Tamworth plus another over in Bilston. 25 staff, "
                          "turnover £3m, family owned, never insolvent, trading since 2001. "
                          "We make garden furniture. Could we have Booster money towards a "
                          "CNC router?")
    assert first.eligibility and first.eligibility[0].decision == "need_more_info"
    reply = assistant.ask("honestly not sure yet, we'll see which one has a bit more room for "
                          "it after christmas i guess", first.conversation_id)
    assert reply.route == "eligibility", reply.answer
    assert reply.eligibility[0].decision == "need_more_info"
