"""What the engine understood, as phrases with the words they came from, and the one line
that starts an eligibility reply."""

from __future__ import annotations

from assistant.business import Facts, Holding, Money
from assistant.facts import FactExtractor
from assistant.reply import Understood
from assistant.understood import understood, understood_line


def test_each_fact_has_a_phrase_and_its_words() -> None:
    facts, sources = FactExtractor(places={"dudley": "Dudley"}).read(
        "We're a 45-person toolmaker in Dudley, DY1 1AA, t/o 6m, trading since 2017.")
    items = {item.fact: item for item in understood(facts, sources)}
    assert items["employees"].value == "45 staff"
    assert "45" in items["employees"].text
    assert items["turnover"].value == "£6m turnover" and "6m" in items["turnover"].text
    assert items["postcode"].value == "DY1 1AA"
    assert items["local_authority"].value == "Dudley"
    assert items["months_trading"].value.startswith("trading ")


def test_the_line_names_the_main_facts_in_order() -> None:
    facts = Facts(employees=45, turnover=Money(amount=6_000_000), local_authority="Dudley",
                  postcode="DY1 1AA", months_trading=98, insolvent=False,
                  holdings=[Holding(share_percent=30, holder="a VC", holder_kind="investor")])
    line = understood_line(understood(facts, {}))
    assert line.startswith("I understood: 45 staff, £6m turnover, Dudley (DY1 1AA), "
                           "trading 8 years, not insolvent, 30% held by a VC")


def test_words_from_an_earlier_turn_are_kept() -> None:
    earlier = [Understood(fact="employees", value="45 staff", text="a team of 45")]
    items = understood(Facts(employees=45, postcode="B1 1AA"), {"postcode": "B1 1AA"}, earlier)
    assert {i.fact: i.text for i in items} == {"employees": "a team of 45", "postcode": "B1 1AA"}


def test_nothing_known_gives_no_line() -> None:
    assert understood_line(understood(Facts(), {})) == ""


def test_a_bare_answer_keeps_its_words() -> None:
    facts, sources = FactExtractor().read("about 45", asked="employees")
    assert facts.employees == 45 and sources["employees"] == "about 45"


def test_a_business_of_the_same_owner_is_shown_with_its_figures() -> None:
    facts, sources = FactExtractor().read(
        "Our Oldbury bakery has 30 staff and £2m; a sister bakery in Leicester has roughly "
        "90 staff and £7m turnover.")
    items = {item.fact: item.value for item in understood(facts, sources)}
    assert items["holdings"] == ("a sister bakery in Leicester, under the same owner (about 90 "
                                 "staff, £7m turnover)")


def test_the_owner_s_own_people_are_said_back_as_theirs() -> None:
    facts = Facts(holdings=[
        Holding(share_percent=50, holder="My partner", holder_kind="individual"),
        Holding(share_percent=50, holder="I", holder_kind="individual")])
    line = understood_line(understood(facts, {}))
    assert "50% held by your partner; 50% held by you" in line
