"""What the business does against a sector list: SIC codes at the entry's precision and
keywords in the description."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.business import Facts
from assistant.eligibility.observation import Observation
from assistant.eligibility.wording import joined
from knowledge.policy import (
    Sector,
    SectorList,
    keyword_found,
)


@dataclass(frozen=True)
class _SectorMatch:
    sector: Sector
    how: str  # "SIC 64.19 is in 64-66", "the word \"bank\""
    # the other activity told beside it ("assemble"), which leaves the matter to the project
    besides: str = ""


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


def _sector_matches(sector_list: SectorList, facts: Facts, mentions: bool = False,
                    outside: bool = False) -> list[_SectorMatch]:
    """The sectors the business's activity is in; with `mentions`, the sectors whose words
    the owner used anywhere (a product, a customer's field, a market it moves into); with
    `outside`, the list's sectors put outside its field instead of its own."""
    matches = []
    for sector in sector_list.outside if outside else sector_list.sectors:
        if mentions:
            keyword = next((k for k in sector.keywords
                            if any(keyword_found(k, m) for m in facts.sector_mentions)), None)
            how = f"\"{keyword}\" in what you told me" if keyword else None
        else:
            how = next((f"SIC {code} is in {entry}" for code in facts.sic_codes
                        for entry in sector.sic if _sic_in(code, entry)), None)
            if how is None and facts.sector_text:
                keyword = next((k for k in sector.keywords
                                if keyword_found(k, facts.sector_text)), None)
                how = f"\"{keyword}\" in the description" if keyword else None
        if how:
            besides = "" if mentions else next(
                (u for u in sector.unless if _said_besides(u, facts.sector_text or "")), "")
            matches.append(_SectorMatch(sector, how, besides))
    return matches


def _said_besides(word: str, text: str) -> bool:
    """The other activity said, not denied: "we also assemble ...", not "we don't make
    anything"."""
    # (in any of its forms: "makes" is denied by "don't make")
    root = re.escape(word[:max(3, len(word) - 2)])
    return keyword_found(word, text) and not re.search(
        rf"\b(?:don't|dont|do\s+not|doesn't|does\s+not|never|not|no)\s+(?:\w+\s+)?"
        rf"{root}\w*", text, re.IGNORECASE)


# the trading side of a business named in an answer: "the buying-in side", "what we resell"
_TRADING = re.compile(r"\b(?:buy\w*|bought|sell\w*|sold|resell\w*|resale|trad(?:e|ing)|"
                      r"wholesal\w*|retail\w*|distribut\w*|import\w*|stock|shop|warehouse)\b",
                      re.IGNORECASE)


def _project_part(matches: list[_SectorMatch], answer: str) -> bool | None:
    """Which part of the business the owner says the project is for: True for the work it
    does itself (in the sector's own words of that work, `Sector.unless`: "for the coating
    line"), False for the part that buys in and sells on, None when the answer says neither
    or both."""
    own = any(_said_besides(word, answer) for m in matches for word in m.sector.unless)
    trading = _TRADING.search(answer) is not None
    return None if own == trading else own


def in_sector_list(sector_list: SectorList, facts: Facts) -> bool:
    """Whether the business's own activity (its words or SIC codes) is in the list."""
    return bool(_sector_matches(sector_list, facts))


def _activity(facts: Facts) -> str:
    parts = []
    if facts.sector_text:
        parts.append(f"\"{facts.sector_text}\"")
    if facts.sic_codes:
        parts.append("SIC " + ", ".join(facts.sic_codes))
    return joined(parts)


def observe_sector(sector_list: SectorList, facts: Facts, fit: bool = False,
                   elsewhere: Callable[[], Sequence[SectorList]] = tuple) -> Observation:
    """Whether the business is in the list. With `fit` (a list the business must fit, and an
    activity not itself excluded), the sector's words anywhere in what the owner said also fit
    it: "an implant maker wants parts from us" is a business moving into medical
    technologies. An excluded sector is only ever the business's own activity. `elsewhere`:
    the other fields whose lists name the business's own activity, looked for only when this
    list's words are not found."""
    matches = _sector_matches(sector_list, facts)
    if not matches and fit:
        matches = _sector_matches(sector_list, facts, mentions=True)
    if not matches and fit:
        return _not_in_the_list(sector_list, facts, elsewhere)
    if not (facts.sic_codes or facts.sector_text or matches):
        return Observation(missing=("sector_text",))
    if not matches:
        sentence = (f"The business's activity ({_activity(facts)}) matches nothing in "
                    f"{sector_list.name}.")
        return Observation(value=False, shown=_activity(facts), sentence=sentence,
                            evidence=sentence)
    if not fit and all(m.besides for m in matches):
        # "we buy in and resell hinges, besides a small anodising line": in the
        # sector for what it buys in, not for what it makes, so the project decides
        names = joined([m.sector.name for m in matches])
        said = joined([f"\"{m.besides}\"" for m in matches])
        part = _project_part(matches, facts.project_part or "")
        if part is not None:
            which = "the work the business does itself" if part else \
                "the part that buys in and sells on"
            sentence = (f"The project is for {which} (\"{facts.project_part}\"), so the "
                        f"business is {'not ' if part else ''}treated as in {names} for it.")
            return Observation(value=not part, shown=names if not part else _activity(facts),
                               sentence=sentence, evidence=sentence)
        reason = (f"The business's activity matches {names} in {sector_list.name}, but it "
                  f"also does other work ({said}), so it depends on which part of the "
                  "business the project is for.")
        return Observation(missing=("project_part",), unknown_reason=reason,
                           question="Is the project for the work the business does itself "
                                    "(making, assembling or processing), or for the part that "
                                    "buys in and sells on?")
    names = joined([m.sector.name for m in matches])
    reasons = " ".join(m.sector.reason for m in matches if m.sector.reason)
    sentence = (f"The business's activity matches {names} in {sector_list.name} ("
                + "; ".join(m.how for m in matches) + ").")
    return Observation(value=True, shown=names, sentence=sentence, evidence=sentence,
                        detail=reasons)


def _field(sector_list: SectorList) -> str:
    """The list's field without the programme named after it: "medical technologies"."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", sector_list.name) or sector_list.name


def _not_in_the_list(sector_list: SectorList, facts: Facts,
                     elsewhere: Callable[[], Sequence[SectorList]]) -> Observation:
    """A business the list's words do not name: outside the field only where the rules put
    what it does, or the work it wants support for, outside (`SectorList.outside`), where its
    own trade is another field's and this field takes no users of its technology from other
    trades, or where the owner said so; otherwise asked. A list of words cannot name every
    trade in a field ("we make pressure-relief cushions for wheelchair users"), so a trade it
    does not name is no reason to turn a business away."""
    field = _field(sector_list)
    outside = (_sector_matches(sector_list, facts, outside=True)
               or _sector_matches(sector_list, facts, mentions=True, outside=True))
    if outside:
        names = joined([m.sector.name for m in outside])
        sentence = (f"What the business does, or wants support for, is {names} ("
                    + "; ".join(m.how for m in outside) + f"), which is outside {field}.")
        reasons = " ".join(m.sector.reason for m in outside if m.sector.reason)
        return Observation(value=False, shown=names, sentence=sentence, evidence=sentence,
                           detail=reasons)
    others = [] if sector_list.users_fit or sector_list.id in facts.fields_said else elsewhere()
    if others:
        names = joined([_field(other) for other in others])
        sentence = (f"The business's activity ({_activity(facts)}) is in {names}, and nothing "
                    f"said points to work in {field}.")
        return Observation(value=False, shown=_activity(facts), sentence=sentence,
                           evidence=sentence)
    said = facts.fields_said.get(sector_list.id)
    if said is not None:
        sentence = (f"You said that the business, or the work it wants support for, "
                    f"{'is' if said else 'is not'} in {field}.")
        return Observation(value=said, shown=field if said else _activity(facts),
                           sentence=sentence, evidence=sentence)
    if not (facts.sic_codes or facts.sector_text):
        return Observation(missing=("sector_text",))
    examples = joined([sector.name for sector in sector_list.sectors], "or")
    reason = (f"From {_activity(facts)} I can't tell whether the business, or the work it "
              f"wants support for, is in {field}: the words of the field's list don't name it, "
              f"and nothing said puts it outside the field, so I ask rather than guess.")
    return Observation(missing=("sector_fit",), unknown_reason=reason,
                       question=f"Is the business's work, or the work it wants support for, in "
                                f"{field} ({examples})? If so, how?")
