"""Where the benefiting site is: inside, outside or partly inside the programme area, by
postcode district or by local authority, and where to point a business outside."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.business import Facts
from assistant.eligibility.observation import Observation
from assistant.eligibility.wording import QUESTIONS, joined
from knowledge.policy import (
    OUTWARD_CODE_RE,
    Area,
)

_PLACE_FILLER = {"city", "of", "council", "metropolitan", "borough", "district", "county",
                 "the", "mbc"}


def outward_code(postcode: str) -> str | None:
    """The outward code of a UK postcode ("B15 2TT" -> "B15"), or None if it is not one."""
    parts = postcode.upper().split()
    compact = "".join(parts)
    candidate = parts[0] if len(parts) > 1 else (compact[:-3] if len(compact) > 4 else compact)
    return candidate if OUTWARD_CODE_RE.match(candidate) else None


def _place_words(name: str) -> frozenset[str]:
    words = re.sub(r"[^a-z0-9]+", " ", name.lower().replace("&", " and ")).split()
    return frozenset(word for word in words if word not in _PLACE_FILLER)


def _same_place(a: str, b: str) -> bool:
    return bool(_place_words(a)) and _place_words(a) == _place_words(b)


def _plural(word: str) -> str:
    """ "council" -> "councils", "local authority" -> "local authorities"."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    return word if word.endswith("s") else word + "s"


def _the(name: str) -> str:
    return name if name.lower().startswith("the ") else f"the {name}"


def _council_named(area: Area, place: str) -> str | None:
    """The council a place names: a council itself, or the council of one of the area's
    towns (which may lie outside the area)."""
    council = next((name for name in area.councils if _same_place(name, place)), None)
    if council is None:
        council = next((c for town, c in area.towns.items() if _same_place(town, place)), None)
    return council


def _known_outside(area: Area, place: str) -> bool:
    names = [p.authority for p in area.outside] + [p.county for p in area.outside if p.county]
    for district in area.districts:
        names.extend(district.authorities + district.borders)
    return any(_same_place(name, place) for name in names)


def _growth_hub_text(area: Area, authorities: Sequence[str]) -> str:
    """Where a business outside the area should go, for the councils (or counties) given."""
    hubs: dict[str, list[str]] = {}
    for authority in authorities:
        words = _place_words(authority)
        for pointer in area.outside:
            theirs = [_place_words(pointer.authority), _place_words(pointer.county)]
            if any(t and (t <= words or words <= t) for t in theirs):
                places = hubs.setdefault(pointer.growth_hub, [])
                if authority not in places:
                    places.append(authority)
    if hubs:
        return " ".join(f"For a site in {joined(places, 'or')}, the place to go is {_the(hub)}."
                        for hub, places in hubs.items())
    if area.refer_outside:
        return f"A business outside {area.name} can go to {area.refer_outside}."
    every: dict[str, list[str]] = {}
    for pointer in area.outside:
        where = every.setdefault(pointer.growth_hub, [])
        if (pointer.county or pointer.authority) not in where:
            where.append(pointer.county or pointer.authority)
    if not every:
        return ""
    options = joined([f"{_the(hub)} ({joined(where)})" for hub, where in every.items()], "or")
    return f"A business outside {area.name} can get local business support from {options}."


def observe_area(area: Area, facts: Facts) -> Observation:
    note = ""
    if facts.postcode and facts.local_authority:
        # A postcode district wholly inside or outside decides: a town named with it may be
        # only the postal town ("Coleshill, Birmingham B46" is in North Warwickshire). A mixed
        # or unknown district leaves it to the council named.
        by_postcode = _area_by_postcode(area, facts.postcode)
        if by_postcode.value is not None:
            return by_postcode
    if facts.local_authority:
        by_council = _area_by_authority(area, facts.local_authority)
        if by_council is not None:
            return by_council
        # A name we cannot place: the postcode may still settle it.
        note = f"I don't recognise {facts.local_authority} as a local authority. "
    found = _area_by_postcode(area, facts.postcode) if facts.postcode else Observation(
        missing=("postcode",))
    if note and found.value is None:
        reason = found.unknown_reason or "I don't know where the site is yet."
        return replace(found, unknown_reason=note + reason)
    return found


def _area_by_postcode(area: Area, postcode: str) -> Observation:
    outward = outward_code(postcode)
    if outward is None:
        return Observation(unknown_reason=f"I can't read \"{postcode}\" as a UK postcode.",
                            missing=("postcode",))
    district = next((d for d in area.districts if d.district.upper() == outward), None)
    letters = re.match(r"[A-Z]+", outward)
    if district is None and letters and area.postcode_areas and \
            letters.group() not in {a.upper() for a in area.postcode_areas}:
        sentence = (f"The site's postcode district, {outward}, is outside {area.name}: its "
                    f"postcode area, {letters.group()}, is not one the area reaches.")
        return Observation(value="outside", shown="outside", sentence=sentence,
                           evidence=sentence, detail=_growth_hub_text(area, []))
    if district is None:
        return Observation(
            shown=outward,
            unknown_reason=(f"I don't recognise the postcode district {outward}, so I can't "
                            f"tell whether the site is in {area.name}."),
            missing=("local_authority",), question=QUESTIONS["local_authority"])
    covers = f"; it covers {district.places}" if district.places else ""
    if district.status == "inside":
        sentence = f"The site's postcode district, {outward}, is inside {area.name}{covers}."
        return Observation(value="inside", shown="inside", sentence=sentence,
                            evidence=sentence)
    if district.status == "outside":
        sentence = f"The site's postcode district, {outward}, is outside {area.name}{covers}."
        return Observation(value="outside", shown="outside", sentence=sentence,
                            evidence=sentence,
                            detail=_growth_hub_text(area, district.authorities))
    lies = f" It lies in {joined(district.authorities)}" if district.authorities else ""
    if district.borders:
        lies += (" and runs up to " if lies else " It runs up to ") + joined(district.borders)
    return _council_decides(
        area, outward, f"The postcode district {outward} is partly inside and partly outside "
        f"{area.name}{covers}.{lies}{'.' if lies else ''} Whether the site is inside depends on "
        "the local authority it is in.")


def _council_decides(area: Area, where: str, reason: str) -> Observation:
    """Partly inside, partly outside: the council the site is in decides, and is asked for."""
    return Observation(
        value=None, shown="mixed", unknown_reason=reason, missing=("local_authority",),
        question=(f"Which local authority (council) is the site in? Part of {where} is inside "
                  f"{area.name} and part is outside."))


def _area_by_district_places(area: Area, place: str) -> Observation | None:
    """Where a place lies that the districts name ("Upper Marsh"): inside when every district
    naming it is inside, outside when every one is outside; otherwise the council decides."""
    districts = area.districts_of(place)
    if not districts:
        return None
    codes = joined([d.district for d in districts])
    statuses = {d.status for d in districts}
    if statuses == {"inside"}:
        sentence = (f"The site is in {place}, which lies in postcode district"
                    f"{'s' if len(districts) > 1 else ''} {codes}, inside {area.name}.")
        return Observation(value="inside", shown="inside", sentence=sentence, evidence=sentence)
    if statuses == {"outside"}:
        sentence = (f"The site is in {place}, which lies in postcode district"
                    f"{'s' if len(districts) > 1 else ''} {codes}, outside {area.name}.")
        authorities = [a for d in districts for a in d.authorities]
        return Observation(value="outside", shown="outside", sentence=sentence,
                           evidence=sentence, detail=_growth_hub_text(area, authorities))
    return _council_decides(
        area, place, f"{place} lies partly inside and partly outside {area.name} (postcode "
        f"districts {codes}): whether the site is inside depends on the local authority it is in.")


def _area_by_authority(area: Area, authority: str) -> Observation | None:
    council = _council_named(area, authority)
    if council is None and (by_place := _area_by_district_places(area, authority)):
        return by_place
    if council is not None and any(_same_place(council, c) for c in area.councils):
        named = council if _same_place(council, authority) else f"{authority} ({council})"
        sentence = (f"The site is in {named}, one of the {_plural(area.authority_word)} of "
                    f"{area.name}.")
        return Observation(value="inside", shown="inside", sentence=sentence,
                            evidence=sentence)
    if council is None and not _known_outside(area, authority):
        return None
    council = council or authority
    named = council if _same_place(council, authority) else f"{authority} ({council})"
    sentence = (f"The site is in {named}, which is not one of the "
                f"{_plural(area.authority_word)} of {area.name}: {joined(area.councils)}.")
    return Observation(value="outside", shown="outside", sentence=sentence, evidence=sentence,
                        detail=_growth_hub_text(area, [council]))
