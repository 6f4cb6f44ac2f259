"""The extractive composer: sentences chosen and shaped for the kind of question, each cited."""

from __future__ import annotations

import pytest

from assistant.composer import SIGNALS, ExtractiveComposer, Lead, RefusalModel
from assistant.composer.extractive import compared_subjects
from assistant.questions import read_question
from assistant.reply import Citation
from knowledge.documents import Chunk, DocType
from knowledge.embeddings import SentenceTransformerEmbedder
from knowledge.retrieval import ScoredChunk


def _passage(text: str, locator: str = "", source: str = "guidance/guide.md",
             title: str = "Grant guide", doc_type: DocType = DocType.GUIDANCE,
             partner: str = "", n: int = 0) -> ScoredChunk:
    context = " > ".join(part for part in (title, locator) if part)
    chunk = Chunk(id=f"{source}#{n}", source=source, title=title, doc_type=doc_type, text=text,
                  context=context, locator=locator, index=n, partner=partner)
    return ScoredChunk(chunk=chunk, score=1.0)


@pytest.fixture(scope="module")
def composer(embedder: SentenceTransformerEmbedder) -> ExtractiveComposer:
    return ExtractiveComposer(embedder)


def test_a_list_question_keeps_the_list(composer: ExtractiveComposer) -> None:
    passages = [_passage("The grant supports three kinds of investment:\n- capital equipment;\n"
                         "- digital technology;\n- specialist consultancy.", "Types of project"),
                _passage("Grants are paid in arrears.", "Payments", n=1)]
    found = composer.compose("What kinds of project can the grant pay for?", passages)
    lines = found.answer.splitlines()
    assert lines[0] == "The grant supports three kinds of investment: [1]"
    assert lines[1:4] == ["- capital equipment; [1]", "- digital technology; [1]",
                          "- specialist consultancy. [1]"]


def test_a_how_much_question_leads_with_the_figure(composer: ExtractiveComposer) -> None:
    passages = [_passage("The grant pays a share of the eligible costs that depends on the "
                         "size of the business.", "Grant rates"),
                _passage("Small businesses receive 45% of eligible costs.", "Grant rates", n=1)]
    found = composer.compose("What rate does a small business get?", passages)
    assert found.answer.startswith("Small businesses receive 45% of eligible costs. [1]")


def test_an_item_alone_is_shown_under_its_heading(composer: ExtractiveComposer) -> None:
    passages = [_passage("- Vehicles for use on public roads.\n- Second-hand equipment, unless "
                         "an independent valuation shows a fair price.", "Ineligible costs")]
    found = composer.compose("Can we buy second-hand equipment?", passages)
    assert found.answer.startswith("Ineligible costs: Second-hand equipment, unless")


def test_a_catalogue_answer_names_the_facility_without_raw_field_labels(
        composer: ExtractiveComposer) -> None:
    record = _passage("Kind: facility\nPartner: University of Birmingham\nDescription: Pilot "
                      "equipment that recovers rare-earth magnets from scrapped hard drives.\n"
                      "Postcode: B15 2TT", source="catalogue/facilities.json",
                      title="Magnet Recycling Pilot Line", doc_type=DocType.CATALOGUE,
                      partner="University of Birmingham")
    found = composer.compose("Who can recover magnets from old hard drives?", [record])
    assert found.answer.startswith("**Magnet Recycling Pilot Line** (University of Birmingham):")
    assert "Description:" not in found.answer and "Postcode" not in found.answer


def test_a_direct_answer_leads_and_one_sentence_supports_it(
        composer: ExtractiveComposer) -> None:
    lead = Lead("Yes: Leeds is inside the area.",
                Citation(n=0, title="Rules", source="guidance/rules.pdf", locator="A1"))
    passages = [_passage("Leeds and Bradford make up the area. Both councils take part. "
                         "Each has a growth team.", "The area")]
    found = composer.compose("Is Leeds in the area?", passages, lead=[lead])
    assert found.answer.startswith("Yes: Leeds is inside the area. [1]")
    assert found.answer.count("[2]") == 1 and found.found
    assert [c.n for c in found.citations] == [1, 2]


def test_the_refusal_decision_turns_an_unanswered_question_into_not_found(
        embedder: SentenceTransformerEmbedder) -> None:
    always = RefusalModel(weights=dict.fromkeys(SIGNALS, 0.0), bias=5.0,
                          means=dict.fromkeys(SIGNALS, 0.0), scales=dict.fromkeys(SIGNALS, 1.0),
                          threshold=0.5)
    composer = ExtractiveComposer(embedder, refusal=always)
    found = composer.compose("What is the day rate for the lab?",
                             [_passage("The lab is in Coventry.", "Labs")])
    assert not found.found and found.refused
    assert found.refusal_probability is not None and found.refusal_probability > 0.9
    assert set(found.signals) >= {"similarity", "coverage", "missing", "answer_type"}
    assert found.signals["answer_type"] == 0.0  # "what is the day rate" wants a figure


def test_a_count_times_the_value_of_one_is_worked_out(composer: ExtractiveComposer) -> None:
    passages = [_passage("Each mentoring session is valued at £450 and counts towards the "
                         "subsidy total.", "Mentoring"),
                _passage("Sessions are booked through your adviser.", "Booking", n=1)]
    found = composer.compose("We used five mentoring sessions, how much does that add to our "
                             "subsidy total?", passages)
    assert found.answer.startswith("5 sessions at £450 each come to £2,250. [1]")
    assert found.citations[0].quote.startswith("Each mentoring session is valued at £450")


def test_a_count_of_something_else_is_not_multiplied(composer: ExtractiveComposer) -> None:
    passages = [_passage("Each mentoring session is valued at £450.", "Mentoring")]
    found = composer.compose("We have five staff, how much is the grant?", passages)
    assert "come to" not in found.answer


def test_a_sentence_that_names_by_pronoun_is_read_with_the_one_before(
        composer: ExtractiveComposer) -> None:
    passages = [_passage("The Valley Scheme helps local firms adopt new coatings. It is led by "
                         "the Northfield Institute and Riverside University.", "About the scheme"),
                _passage("The Valley Scheme is one of four schemes in the region.", "Overview",
                         n=1)]
    found = composer.compose("Who is behind the Valley Scheme?", passages)
    assert found.answer.startswith("The Valley Scheme helps local firms adopt new coatings. [1] "
                                   "It is led by the Northfield Institute and Riverside "
                                   "University. [1]")


def test_a_period_counted_from_an_event_comes_with_when_the_event_is(
        composer: ExtractiveComposer) -> None:
    passages = [_passage("- The inspector visits your site within 15 working days of the "
                         "registration.", "Inspections", source="guidance/inspections.md"),
                _passage("Send the form to the registry. We confirm your registration within "
                         "5 working days. The fee is not refundable.", "Registering",
                         source="guidance/inspections.md", n=1)]
    found = composer.compose("Once I've applied, how soon will the inspector come out?",
                             passages)
    assert "5 working days" in found.answer and "15 working days" in found.answer
    assert found.answer.index("5 working days") < found.answer.index("15 working days")


def test_a_question_the_guidance_asks_itself_comes_with_its_answer(
        composer: ExtractiveComposer) -> None:
    passages = [_passage("Can the licence be moved to a new owner? Only with the board's "
                         "written consent. Licences last five years.", "Common questions")]
    found = composer.compose("Can the licence be moved to a new owner if we sell?", passages)
    assert "moved to a new owner?" in found.answer
    assert "Only with the board's written consent." in found.answer


@pytest.mark.parametrize(("question", "subjects"), [
    ("What's the difference between a grant and a loan?", ("grant", "loan")),
    ("How does the Skills Fund differ from the Growth Fund?", ("Skills Fund", "Growth Fund")),
    ("mentoring vs coaching - which suits a start-up?", ("mentoring", "coaching")),
    ("compare the north lab with the south lab", ("north lab", "south lab")),
    ("What does the grant pay for?", None),
])
def test_the_two_things_a_question_compares(question: str,
                                            subjects: tuple[str, str] | None) -> None:
    assert compared_subjects(question) == subjects


def test_a_comparison_speaks_of_both_things(composer: ExtractiveComposer) -> None:
    passages = [_passage("A Cluster is a mature group of firms with the widest offer: up to 10 "
                         "funded days and shared test equipment. A Pre-Cluster is a newer group "
                         "that is growing towards becoming a Cluster; it offers 3 funded days "
                         "and events.", "Clusters and Pre-Clusters"),
                _passage("Pre-Clusters run quarterly events for their members.", "Events", n=1)]
    found = composer.compose("What is the difference between a Cluster and a Pre-Cluster?",
                             passages)
    assert "A Cluster is a mature group" in found.answer
    assert "A Pre-Cluster is a newer group" in found.answer


def test_a_definition_says_what_the_offer_is_worth(composer: ExtractiveComposer) -> None:
    passages = [_passage("The Skills Fund is the region's training grant for small employers. "
                         "It pays for courses that help staff run new equipment. "
                         "Most courses last between one and five days. "
                         "Courses are booked through an adviser, who checks they fit the plan. "
                         "Awards run from £2,000 to £20,000 for each business.", "The Skills Fund"),
                _passage("Colleges deliver most of the courses.", "Providers", n=1)]
    found = composer.compose("What is the Skills Fund?", passages)
    assert found.answer.startswith("The Skills Fund is the region's training grant")
    assert "£2,000 to £20,000" in found.answer


def _always_refusing(embedder: SentenceTransformerEmbedder) -> ExtractiveComposer:
    return ExtractiveComposer(embedder, refusal=RefusalModel(
        weights=dict.fromkeys(SIGNALS, 0.0), bias=5.0, means=dict.fromkeys(SIGNALS, 0.0),
        scales=dict.fromkeys(SIGNALS, 1.0), threshold=0.5))


def test_the_address_asked_for_on_its_topic_is_an_answer(
        embedder: SentenceTransformerEmbedder) -> None:
    composer = _always_refusing(embedder)
    passages = [_passage("Tell us about an appeal within a month of the decision. Send your "
                         "appeal in writing to appeals@fund.example with your reference number.",
                         "2. Appeals")]
    found = composer.compose("Which email address should a formal appeal go to?", passages)
    assert not found.refused
    assert "Send your appeal in writing to appeals@fund.example" in found.answer


def test_an_address_on_another_topic_is_no_answer(embedder: SentenceTransformerEmbedder) -> None:
    composer = _always_refusing(embedder)
    passages = [_passage("The chair reviews appeals. Write to appeals@fund.example, saying why "
                         "you disagree.", "3. Review by the chair")]
    found = composer.compose("What is the chair's own email address?", passages)
    assert found.refused


def test_where_to_send_it_is_answered_by_the_address(embedder: SentenceTransformerEmbedder) -> None:
    composer = _always_refusing(embedder)
    passages = [_passage("Tell us about an appeal within a month of the decision. Send your "
                         "appeal in writing to appeals@fund.example with your reference number.",
                         "2. Appeals")]
    found = composer.compose("They turned us down last week. We want to make a formal appeal, "
                             "where do we send it?", passages)
    assert not found.refused
    assert "appeals@fund.example" in found.answer


def test_the_policy_s_answer_is_not_given_for_another_scheme(
        composer: ExtractiveComposer) -> None:
    lead = Lead("At most £50,000: the Growth grant is between £5,000 and £50,000.",
                Citation(n=0, title="Rules", source="guidance/rules.pdf", locator="B2"))
    passages = [_passage("Growth grants run from £5,000 to £50,000. They pay half the eligible "
                         "costs of new equipment.", "Growth grants")]
    other = composer.compose("What's the most we could get from Northern Catalyst?", passages,
                             lead=[lead])
    assert not other.answer.startswith("At most £50,000")
    # support the business has had from it is its own history: the policy still answers
    had = composer.compose("We had £20k of Northern Catalyst grants last year. What's the most "
                           "we could get from the Growth grant?", passages, lead=[lead])
    assert had.answer.startswith("At most £50,000")


@pytest.mark.parametrize(("question", "sentence", "answered"), [
    ("Who should we contact about a late claim?", "Email claims@example.org with the details.",
     True),
    ("Who do I speak to about the lab?", "Call the lab team on 0121 555 0199.", True),
    ("Who do I speak to about the lab?", "The lab is run by the physics department.", False),
    ("Who leads the lab?", "Email lab@example.org to book.", False),  # a leader, not a contact
])
def test_who_to_contact_is_answered_by_an_address_or_a_number(question: str, sentence: str,
                                                              answered: bool) -> None:
    from assistant.composer.extractive import _contact_answered
    assert _contact_answered(question, sentence) is answered


def test_a_list_of_what_is_allowed_is_not_answered_by_what_is_not(
        composer: ExtractiveComposer) -> None:
    passages = [_passage("Costs the fund will not pay:\n- rent;\n- staff wages;\n- vehicles.",
                         "Ineligible costs"),
                _passage("Costs the fund pays:\n- new machinery;\n- software licences;\n"
                         "- training courses.", "Eligible costs", n=1)]
    allowed = composer.compose("What can we spend the fund on?", passages).answer
    assert "new machinery" in allowed and "rent" not in allowed
    barred = composer.compose("What can't we spend the fund on?", passages).answer
    assert "rent" in barred


def _offers_composer(embedder: SentenceTransformerEmbedder) -> ExtractiveComposer:
    return ExtractiveComposer(embedder, offers={"Southgate Grant": "grant",
                                                "Riverside Lab": "hub",
                                                "Discovery voucher": "hub"})


def test_a_sentence_about_another_kind_of_offer_does_not_answer(
        embedder: SentenceTransformerEmbedder) -> None:
    composer = _offers_composer(embedder)
    passages = [_passage("Southgate Grant projects must finish within 12 months of the offer.",
                         "Timescale"),
                _passage("Discovery vouchers pay 70% of a feasibility study's costs.",
                         "Vouchers", n=1)]
    found = composer.compose("How long can a Discovery voucher project run?", passages)
    assert "12 months" not in found.answer
    # the offer named in a condition before the question
    supposed = composer.compose("Assuming we win a Discovery voucher how long do we get to "
                                "finish the project", passages)
    assert "12 months" not in supposed.answer
    both = composer.compose("Does a Southgate Grant project run as long as a Discovery voucher "
                            "one?", passages)
    assert "12 months" in both.answer  # both named: either may answer
    # ... but the offer it is likened to is not the one asked about
    for question in ("Like a Southgate Grant project, must a Discovery voucher one finish inside "
                     "a year?",
                     "Must a Discovery voucher project end in a year, as a Southgate Grant "
                     "project must?",
                     "Must a Discovery voucher project end in twelve months, the way Southgate "
                     "Grant projects do?"):
        assert "12 months" not in composer.compose(question, passages).answer, question


def test_a_sentence_under_another_offers_heading_does_not_answer(
        embedder: SentenceTransformerEmbedder) -> None:
    composer = _offers_composer(embedder)
    passages = [_passage("Projects must finish within 12 months of the offer.",
                         "Southgate Grant guidance > Timescale"),
                _passage("Discovery vouchers pay 70% of a feasibility study's costs.",
                         "Vouchers", n=1)]
    found = composer.compose("How long can a Discovery voucher project run?", passages)
    assert "12 months" not in found.answer
    same = composer.compose("How long can a Southgate Grant project run?", passages)
    assert "12 months" in same.answer


def test_a_sentence_naming_only_another_kind_does_not_answer(
        embedder: SentenceTransformerEmbedder) -> None:
    from knowledge.programme import KindWords

    composer = ExtractiveComposer(embedder, kinds={
        "studio": KindWords(one="Studio", many="Studios", words=["studio", "studios"]),
        "sub_studio": KindWords(one="Sub-Studio", many="Sub-Studios",
                                words=["sub-studio", "sub-studios"])})
    passages = [_passage("Each mentoring hour in a Studio is valued at £450.", "Mentoring"),
                _passage("Sub-Studio members may book the kiln twice a month.", "Kilns", n=1)]
    asked = composer.compose("What is a Sub-Studio mentoring hour valued at?", passages)
    assert "£450" not in asked.answer
    # "studio" alone is said of either kind, so it keeps the sentence
    either = composer.compose("What is a studio mentoring hour valued at?", passages)
    assert "£450" in either.answer


@pytest.mark.parametrize(("question", "text", "answered"), [
    ("What is a kiln session worth?", "Each kiln session is valued at £80.", True),
    ("What is a kiln session worth?", "Bench vouchers are worth £500 to £2,000.", False),
    ("We use the Clay Sub-Studio. What does each of our kiln sessions count as?",
     "Bench vouchers are worth £500 to £2,000.", False),
    ("how much is one of the 4 kiln sessions counted at", "A kiln session counts at £80.",
     True),
    ("What would one kiln session be worth?",
     "Clay Sub-Studio; Offer: 4 kiln sessions; bench vouchers of £500 to £2,000", False),
    ("what's the value of one glaze test, roughly?",
     "Studios > Are glaze tests really free?\nGlaze tests count towards the support total.",
     False),
])
def test_the_worth_of_a_thing_is_a_sum_said_of_it(question: str, text: str,
                                                  answered: bool) -> None:
    from assistant.composer.refusal import _holds_answer

    assert _holds_answer(read_question(question), text) is answered


@pytest.mark.parametrize(("question", "answered"), [
    ("When does the glaze clinic meet next?", False),
    ("When does the glaze clinic meet?", True),
])
def test_the_next_meeting_is_a_day_not_how_often(question: str, answered: bool) -> None:
    from assistant.composer.refusal import _holds_answer

    text = "Studios > Glaze clinic\nThe glaze clinic meets monthly at the Clay Sub-Studio."
    assert _holds_answer(read_question(question), text) is answered


def test_a_definition_stops_before_a_sentence_about_the_document(
        composer: ExtractiveComposer) -> None:
    passages = [_passage("The Harbour Fund is a grant for small boatyards on the estuary. It "
                         "part-funds new slipways and lifting gear. This guidance explains how "
                         "to apply and what you must report.", "About the Harbour Fund")]
    found = composer.compose("What is the Harbour Fund?", passages)
    assert "slipways" in found.answer
    assert "This guidance" not in found.answer


def test_a_byline_does_not_support_a_direct_answer(composer: ExtractiveComposer) -> None:
    lead = Lead("No: a firm with 400 staff is not an SME.",
                Citation(n=0, title="Rules", source="guidance/rules.pdf", locator="S2"))
    passages = [_passage("Valley Scheme Office, March 2026.", "", n=1),
                _passage("An SME has fewer than 250 staff and a small turnover.", "SMEs", n=2)]
    found = composer.compose("Can a firm with 400 staff apply?", passages, lead=[lead])
    assert "fewer than 250 staff" in found.answer
    assert "Office, March" not in found.answer


@pytest.mark.parametrize(("text", "answered"), [
    ("The appeals panel is chaired by an independent member.", True),
    ("The appeals panel has five members and meets monthly.", False),
])
def test_who_chairs_is_answered_only_by_the_chair(text: str, answered: bool) -> None:
    from assistant.composer.refusal import _holds_answer
    assert _holds_answer(read_question("Who chairs the appeals panel?"), text) is answered


def test_the_way_to_ask_closing_a_section_answers_whom_to_email(
        embedder: SentenceTransformerEmbedder) -> None:
    composer = _always_refusing(embedder)
    passages = [_passage("You have the right to:\n- see the records we keep about you;\n- have "
                         "wrong records corrected.\nTo make a request, email records@fund.example.",
                         "7. Your rights")]
    found = composer.compose("Who do I email to see the records you keep about me?", passages)
    assert not found.refused
    assert "To make a request, email records@fund.example." in found.answer


def test_a_team_asked_for_by_its_kind_is_answered_by_the_catalogue_record(
        composer: ExtractiveComposer) -> None:
    passages = [
        _passage("Analysts at the university model the regional economy for the reports.",
                 "Who runs it"),
        _passage("Name: Regional Economy Institute\nDescription: An institute that models the "
                 "regional economy and its supply chains for the service's reports.", "",
                 source="catalogue/teams.yaml",
                 title="Regional Economy Institute", doc_type=DocType.CATALOGUE,
                 partner="Midland University", n=1),
    ]
    found = composer.compose("Which team at the university models the regional economy for the "
                             "reports?", passages)
    # the team first, before the sentence that only says who delivers the service
    assert found.answer.index("Regional Economy Institute") < found.answer.index("Analysts at")
