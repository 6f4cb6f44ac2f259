"""What the business does against a sector list: SIC codes at the entry's precision and
keywords in the description."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from assistant.business import Facts
from assistant.eligibility.observation import Observation
from assistant.eligibility.wording import joined
from knowledge.policy import (
    Sector,
    SectorList,
)


@dataclass(frozen=True)
class _SectorMatch:
    sector: Sector
    how: str  # "SIC 64.19 is in 64-66", "the word \"bank\""


def _sic_digits(code: str) -> str:
    return re.sub(r"\D", "", code)


def _sic_in(code: str, entry: str) -> bool:
    """A SIC code inside an entry ("25.4", "01.1-01.6", "64-66") at the entry's precision."""
    digits = _sic_digits(code)
    low, _, high = entry.partition("-")
    low, high = _sic_digits(low), _sic_digits(high or low)
    if not (digits and low and high):
        return False
    n, m = min(len(digits), len(low)), min(len(digits), len(high))
    return int(low[:n]) <= int(digits[:n]) and int(digits[:m]) <= int(high[:m])


@functools.lru_cache(maxsize=4096)
def _keyword_pattern(keyword: str, plural: bool = False) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in keyword.split())
    ending = r"(?:s|es)" if plural else ""
    return re.compile(rf"(?<!\w){words}{ending}(?!\w)", re.IGNORECASE)


# Words before a trade in the plural that make it the business's customers: "software for
# estate agents", "supplying dairy farmers".
_FOR_OTHERS = re.compile(r"\b(?:for|to|with|serving|serve|supply\w*|sell\w*|help\w*|"
                         r"support\w*|customers?|clients?)\b", re.IGNORECASE)


def _keyword_found(keyword: str, text: str) -> bool:
    """The keyword in the text; or its plural naming the business itself ("independent
    financial advisers, 9 staff"), not its customers ("software for estate agents")."""
    if _keyword_pattern(keyword).search(text):
        return True
    if not keyword[-1:].isalpha() or keyword.endswith("s"):
        return False
    match = _keyword_pattern(keyword, plural=True).search(text)
    return match is not None and not _FOR_OTHERS.search(text, 0, match.start())


def _sector_matches(sector_list: SectorList, facts: Facts) -> list[_SectorMatch]:
    matches = []
    for sector in sector_list.sectors:
        how = next((f"SIC {code} is in {entry}" for code in facts.sic_codes
                    for entry in sector.sic if _sic_in(code, entry)), None)
        if how is None and facts.sector_text:
            keyword = next((k for k in sector.keywords
                            if _keyword_found(k, facts.sector_text)), None)
            how = f"\"{keyword}\" in the description" if keyword else None
        if how:
            matches.append(_SectorMatch(sector, how))
    return matches


def _activity(facts: Facts) -> str:
    parts = []
    if facts.sector_text:
        parts.append(f"\"{facts.sector_text}\"")
    if facts.sic_codes:
        parts.append("SIC " + ", ".join(facts.sic_codes))
    return joined(parts)


def observe_sector(sector_list: SectorList, facts: Facts) -> Observation:
    if not (facts.sic_codes or facts.sector_text):
        return Observation(missing=("sector_text",))
    matches = _sector_matches(sector_list, facts)
    if not matches:
        sentence = (f"The business's activity ({_activity(facts)}) matches nothing in "
                    f"{sector_list.name}.")
        return Observation(value=False, shown=_activity(facts), sentence=sentence,
                            evidence=sentence)
    names = joined([m.sector.name for m in matches])
    reasons = " ".join(m.sector.reason for m in matches if m.sector.reason)
    sentence = (f"The business's activity matches {names} in {sector_list.name} ("
                + "; ".join(m.how for m in matches) + ").")
    return Observation(value=True, shown=names, sentence=sentence, evidence=sentence,
                        detail=reasons)
