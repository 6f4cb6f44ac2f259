"""Staff numbers as owners write them: a size before a trade, and part-timers by days a week."""

from __future__ import annotations

import pytest

from assistant.facts import FactExtractor


@pytest.mark.parametrize(("text", "staff"), [
    ("We are a 30-person steel fabricator in Grimsby.", 30),
    ("a 12-person haulier in Scunthorpe", 12),
    ("I run a 6-person joinery contractor, based in Hull", 6),
    ("we have a 10-person customer service team and 40 staff overall", 40),
    ("our 4-person sales team is growing", None),
])
def test_a_size_before_a_trade_is_the_business_size(text: str, staff: float | None):
    assert FactExtractor().extract(text).employees == staff


@pytest.mark.parametrize(("text", "staff"), [
    ("We have 10 full-timers and 4 people who work 3 days of a 5-day week all year.", 12.4),
    ("12 staff plus 2 on 3 days a week", 13.2),
    ("8 full time and 3 part time (2 days a week)", 9.2),
    ("We are open 6 days a week with 9 employees", 9),
])
def test_part_timers_by_days_a_week_count_as_fractions(text: str, staff: float):
    assert FactExtractor().extract(text).employees == staff
