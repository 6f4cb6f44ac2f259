"""The verdict as the answer says it: short (the verdict, what is not met or not known, the award
in a line, at most two questions, one line for the other programmes), with the whole checklist
left to the reply's `eligibility`; in a conversation, only what changed."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answers import CitationList, eligibility_answer
from assistant.business import Facts, Holding, Money
from assistant.eligibility import EligibilityEngine, to_reply
from assistant.reply import Citation
from knowledge.index import bundled_knowledge_dir
from knowledge.policy import ClauseRef, load_policy


@pytest.fixture(scope="module")
def engine() -> EligibilityEngine:
    policy = load_policy(bundled_knowledge_dir())
    assert policy is not None
    return EligibilityEngine(policy, today=lambda: date(2026, 12, 1))


def cite(ref: ClauseRef) -> Citation:
    return Citation(n=0, title=ref.source, source=ref.source, locator=ref.clause)


def gbp(amount: float) -> Money:
    return Money(amount=amount)


def toolmaker(**changes: object) -> Facts:
    values: dict[str, object] = dict(
        employees=22, turnover=gbp(2_400_000), postcode="DY1 4AA",
        sector_text="press tools and dies", months_trading=110, insolvent=False)
    values.update(changes)
    return Facts(**values)


def render(engine: EligibilityEngine, facts: Facts, before=None) -> str:
    assessments = engine.assess(facts)
    primary = next(a for a in assessments if a.programme_id == "productivity-booster")
    others = [a for a in assessments if a is not primary]
    return eligibility_answer(primary, others, cite, CitationList(), before)


def test_an_eligible_verdict_is_a_few_lines_with_the_award_line(engine) -> None:
    text = render(engine, toolmaker(project_cost=gbp(80_000)))
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0] == "**Productivity Booster: you look eligible.**"
    assert lines[1].startswith("✅ Met: benefiting site in the WMCA area; an SME")
    award = next(line for line in lines if line.startswith("**What you could receive:**"))
    assert "A grant of £36,000: 45% of £80,000 of eligible costs, for a small business" in award
    assert len(lines) <= 7
    assert not any(line.startswith("- ✅") for line in lines)  # met criteria: one line only
    assert lines[-1].startswith("**Other support:**")


def test_what_is_not_known_is_listed_with_at_most_two_questions(engine) -> None:
    text = render(engine, Facts(employees=30, postcode="WV10 9RU"))
    assert "**Productivity Booster: I need a little more information.**" in text
    assert "- ❔ **An SME under the EU definition**" in text
    questions = text.split("To complete the check")[1].splitlines()
    assert len([q for q in questions if q.startswith("- ")]) <= 2
    # the size band is not settled, so the award line gives every band's rate
    assert "45% for a small business or 35% for a medium business, of eligible costs" in text
    assert "micro business" not in text  # 30 staff: not micro, whatever the turnover
    assert "What is the business's annual turnover" in text  # the staff are known


def test_an_ineligible_verdict_says_what_is_not_met_and_no_award(engine) -> None:
    text = render(engine, toolmaker(employees=400, turnover=gbp(90_000_000)))
    assert "not eligible as things stand" in text
    assert "- ❌ **An SME under the EU definition**" in text
    assert "What you could receive" not in text
    # nothing not known yet is listed: it would change nothing
    assert "❔" not in render(engine, Facts(postcode="SY1 1AA"))


def test_a_later_verdict_repeats_only_what_changed(engine) -> None:
    first = engine.assess_one(Facts(employees=22, postcode="DY1 4AA"), "productivity-booster")
    before = to_reply(first, cite)
    text = render(engine, toolmaker(), before)
    assert "Met:" not in text  # the area was shown as met before
    assert "- ✅ **An SME under the EU definition**" in text  # newly met
    assert "Benefiting site in the WMCA area" not in text


def test_the_whole_checklist_stays_in_the_reply(engine) -> None:
    assessment = engine.assess_one(toolmaker(), "productivity-booster")
    result = to_reply(assessment, cite)
    assert len(result.criteria) == len(assessment.criteria) >= 6
    assert all(c.explanation for c in result.criteria)


def test_a_size_worked_with_a_linked_firm_shows_the_working(engine) -> None:
    # 9 staff alone would be micro; the firm it controls adds 6, so it is small
    linked = Holding(share_percent=75, holder="a sign-making firm", holder_kind="enterprise",
                     direction="we_own", employees=6, turnover=gbp(400_000))
    text = render(engine, toolmaker(employees=9, turnover=gbp(900_000), holdings=[linked]))
    line = next(line for line in text.splitlines() if "An SME under the EU definition" in line)
    assert line.startswith("- ✅")
    assert "a linked enterprise, so its figures are added in full" in line
    assert "Combined figures: 15 AWU" in line
    assert "for a small business" in text
    # with no other firm counted, the size stays folded into the one line of what is met
    assert "Combined figures" not in render(engine, toolmaker())


def test_a_large_business_is_told_a_programme_without_the_size_test_is_open_to_it(
        engine) -> None:
    assessments = engine.assess(Facts(employees=1200, postcode="CV1 2AA"))
    primary = next(a for a in assessments if a.programme_id == "business-futures")
    others = [a for a in assessments if a is not primary]
    text = eligibility_answer(primary, others, cite, CitationList())
    assert "Business Futures is open to businesses of any size" in text
    booster = next(a for a in assessments if a.programme_id == "productivity-booster")
    assert "any size" not in eligibility_answer(booster, [], cite, CitationList())
