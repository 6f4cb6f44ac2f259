"""The catalogue answer's lines: each record named once, with where it is, its reason and its
access route, cited."""

from __future__ import annotations

from assistant.answers import CitationList, signpost_answer
from assistant.reply import Citation
from assistant.signposting import SignpostMatch, SignpostResult
from knowledge.manifest import CatalogueRecord


def _record(name: str, partner: str, location: str) -> CatalogueRecord:
    return CatalogueRecord(name=name, source="catalogue/labs.csv", locator=name,
                           fields={"partner": partner, "location": location})


def _answer(*records: CatalogueRecord) -> str:
    result = SignpostResult(need="testing", talk_to=None, matches=[
        SignpostMatch(record=r, score=1.0, why=f"{r.name} tests parts.", access="", hub=None)
        for r in records])
    return signpost_answer(result, CitationList(), lambda r: Citation(
        n=0, title=r.name, source=r.source, locator=r.locator))


def test_a_partner_the_location_names_is_not_said_twice() -> None:
    answer = _answer(_record("Fatigue Lab", "Northgate Institute",
                             "Northgate Institute, Science Park, Ayton"))
    assert "(Northgate Institute, Science Park, Ayton)" in answer
    assert "Northgate Institute, Northgate Institute" not in answer


def test_a_partner_the_location_does_not_name_comes_first() -> None:
    answer = _answer(_record("Paint Line", "NRC", "Innovation Park, Beeford"))
    assert "**Paint Line** (NRC, Innovation Park, Beeford)" in answer
