"""Where a business must be and what it may do: areas (authorities, towns, postcode districts,
pointers outside) and sector lists (keywords and SIC codes), as `areas.yaml` and
`sectors.yaml` write them."""

from __future__ import annotations

import functools
import re
from typing import Annotated

from pydantic import AliasChoices, BeforeValidator, Field, field_validator

from knowledge.policy.base import OUTWARD_CODE_RE, SIC_CODE_RE, AreaStatus, ClauseRef, Strict


class District(Strict):
    district: str  # outward code: "B15", "CV7"
    status: AreaStatus
    places: str = ""
    authorities: list[str] = Field(default_factory=list)  # councils the district lies in
    borders: list[str] = Field(default_factory=list)  # councils it runs up to ("borders ...")

    @field_validator("district")
    @classmethod
    def _outward_code(cls, district: str) -> str:
        code = district.strip().upper()
        if not OUTWARD_CODE_RE.match(code):
            raise ValueError(
                f"a district is the outward part of a postcode, such as B15 or WS10; "
                f"got {district!r}"
            )
        return code


class OutsidePointer(Strict):
    model_config = Strict.model_config | {"populate_by_name": True}

    authority: str  # "Warwickshire", "Bromsgrove" ...
    # where a business there should go instead (format 1 called it growth_hub)
    growth_hub: str = Field(validation_alias=AliasChoices("refer_to", "growth_hub"))
    county: str = ""  # "Worcestershire": lets a business that names only its county be helped


class Area(Strict):
    model_config = Strict.model_config | {"populate_by_name": True}

    id: str  # "city-region"
    name: str
    # local authorities wholly inside (format 1 called them councils)
    councils: list[str] = Field(validation_alias=AliasChoices("authorities", "councils"))
    authority_word: str = "council"  # what it calls its authorities: "county", "local authority"
    # the postcode areas whose districts are all listed: a district of any other is outside
    postcode_areas: list[str] = Field(default_factory=list)
    refer_outside: str = ""  # where a business outside goes when no pointer names its place
    # another country's postal code, as a regular expression, when it is not a UK postcode:
    # the first three characters are the district ("V94 T9PX" is in district V94)
    postcode_pattern: str = ""

    @field_validator("postcode_pattern")
    @classmethod
    def _a_pattern(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"postcode_pattern is not a regular expression ({exc})") from exc
        return pattern
    towns: dict[str, str] = Field(default_factory=dict)  # town or place name -> council
    districts: list[District]
    outside: list[OutsidePointer] = Field(default_factory=list)
    clause: ClauseRef

    def districts_of(self, place: str) -> list[District]:
        """The districts whose `places` name the place, or a part of it (a place may span
        three districts; "Upper Marsh (east)" is a part of Upper Marsh)."""
        wanted = " ".join(place.lower().split())
        return [d for d in self.districts if wanted in _places_named(d)]


def _places_named(district: District) -> set[str]:
    """A district's places, lower-cased, a part's qualifier dropped: "upper marsh"."""
    text = _QUALIFIER.sub("", district.places)
    return {" ".join(p.lower().split()) for p in text.split(",") if p.strip()}


_QUALIFIER = re.compile(r"\s*\([^()]*\)")
# a proper place name of two or more words: "Upper Marsh", "Long Heath"; not a description
# ("the villages around", "city centre") or an institution ("University of ...")
_PROPER_PLACE = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+$")


def district_places(area: Area) -> list[str]:
    """The places of two or more words that the area's districts name ("Upper Marsh", "Long
    Heath"): where such a place lies is for its districts to say. A one-word name is as often a
    person's or a brand's, so it is left to the towns list."""
    found: dict[str, str] = {}
    for district in area.districts:
        for place in _QUALIFIER.sub("", district.places).split(","):
            name = " ".join(place.split())
            if _PROPER_PLACE.match(name) and name.lower() not in found:
                found[name.lower()] = name
    return list(found.values())


_ONE_WORD_PLACE = re.compile(r"^[A-Z][a-z]{3,}$")


def district_place_words(area: Area) -> list[str]:
    """The one-word places the area's districts name ("Halesowen", "Cradley"): read as a place
    only where the words around say it is one ("a unit in Halesowen")."""
    found: dict[str, str] = {}
    for district in area.districts:
        for place in _QUALIFIER.sub("", district.places).split(","):
            name = place.strip()
            if _ONE_WORD_PLACE.match(name):
                found.setdefault(name.lower(), name)
    return list(found.values())


def _sic_code(code: object) -> object:
    if isinstance(code, int | float) and not isinstance(code, bool):
        raise ValueError(
            f"write SIC codes in quotes, such as \"01.1\" or \"64-66\": unquoted, YAML reads "
            f"them as numbers (got {code!r})"
        )
    return code


def _sic_range(code: str) -> str:
    ends = code.split("-")
    if len(ends) > 2 or not all(SIC_CODE_RE.match(end) for end in ends):
        raise ValueError(
            f"a SIC code is a division (\"64\"), a group (\"01.1\"), a class (\"25.40\") or a "
            f"range of two (\"01.1-01.6\"); got {code!r}"
        )
    if len(ends) == 2 and sic_key(ends[1]) < sic_key(ends[0]):
        raise ValueError(f"the SIC range {code!r} ends before it starts")
    return code


def sic_key(code: str) -> tuple[int, ...]:
    """A SIC code as numbers, for ordering: "01.1" gives (1, 1), "25.40" gives (25, 40)."""
    division, _, rest = code.partition(".")
    return (int(division), int(rest)) if rest else (int(division),)


SicCode = Annotated[str, BeforeValidator(_sic_code)]


class Sector(Strict):
    id: str
    name: str
    keywords: list[str] = Field(default_factory=list)  # matched as whole words, any case
    sic: list[SicCode] = Field(default_factory=list)  # "01.1", "01.1-01.6", "64-66"
    reason: str = ""
    # another activity which, told beside a match, leaves the matter to the project: a
    # wholesaler that also makes what it sells ("make", "assemble")
    unless: list[str] = Field(default_factory=list)

    @field_validator("sic")
    @classmethod
    def _sic_ranges(cls, codes: list[str]) -> list[str]:
        for code in codes:
            _sic_range(code)
        return codes

    @field_validator("keywords", "unless")
    @classmethod
    def _keywords(cls, keywords: list[str]) -> list[str]:
        blank = [k for k in keywords if not k.strip()]
        if blank:
            raise ValueError("a keyword is empty")
        return [k.strip() for k in keywords]


class SectorList(Strict):
    id: str  # "excluded", "medtech"
    name: str
    sectors: list[Sector]
    clause: ClauseRef
    # for a list the business must fit: what the rules put outside the field, as sectors are
    # written ("pharmaceutical development of medicines"). The business's own activity, or
    # the work it says it wants support for, in one of them is "not met"; an activity in
    # neither these nor `sectors` is asked about, never guessed to be outside
    outside: list[Sector] = Field(default_factory=list)
    # for a list the business must fit: whether a business of any trade fits when it wants to
    # use the field's technology in its own operations. When not, a business whose own trade
    # another field's list names, and that says nothing of this field, is outside it
    users_fit: bool = False


# a verb, then what it is done to: "buy stock in" is also "buy our stock in"
_VERBS_BEFORE_WHAT = frozenset("buy buying buys bought let lets letting rent rents renting import "
                               "imports importing source sources sourcing sell sells selling "
                               "resell resells reselling".split())
_DETERMINER = r"the|our|their|its|all\s+the|all\s+our|all|some\s+of\s+the"


@functools.lru_cache(maxsize=4096)
def _with_pointing_word(keyword: str) -> re.Pattern[str] | None:
    """A verb keyword with a pointing word before what it is done to ("buy our stock in" for
    "buy stock in"); None for a keyword that does not open with such a verb."""
    first, _, rest = keyword.partition(" ")
    if not rest or first.lower() not in _VERBS_BEFORE_WHAT:
        return None
    return re.compile(rf"(?<!\w){re.escape(first)}(?:s|es)?\s+(?:{_DETERMINER})\s+"
                      + r"\s+".join(re.escape(word) for word in rest.split()) + r"(?!\w)",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _keyword_pattern(keyword: str, plural: bool = False,
                     compound: bool = True) -> re.Pattern[str]:
    """`compound`: also found as the first part of a compound ("robot-assisted")."""
    # words apart are also words hyphenated: "machine vision" in "machine-vision software"
    words = r"(?:\s+|\s*-\s*)".join(re.escape(word) for word in keyword.split())
    ending = r"(?:s|es)" if plural else ""
    after = r"(?!\w)" if compound else r"(?![\w-])"
    return re.compile(rf"(?<!\w){words}{ending}{after}", re.IGNORECASE)


def _singular(keyword: str) -> str | None:
    """The keyword with its last word in the singular ("sauces" -> "sauce", "batteries" ->
    "battery"), or None when it does not read as a plural."""
    head, _, last = keyword.rpartition(" ")
    lower = last.lower()
    if len(lower) < 4 or not lower.endswith("s") or lower.endswith(("ss", "us", "is", "ics")):
        return None
    if lower.endswith("ies"):
        one = last[:-3] + "y"
    elif lower.endswith(("ches", "shes", "xes", "sses")):
        one = last[:-2]
    else:
        one = last[:-1]
    return f"{head} {one}" if head else one


# Words before a trade in the plural that make it the business's customers: "software for
# estate agents", "supplying dairy farmers".
_FOR_OTHERS = re.compile(r"\b(?:for|to|with|serving|serve|supply\w*|sell\w*|help\w*|"
                         r"support\w*|customers?|clients?|"
                         # what others use: "apps that mortgage brokers rely on",
                         # "tools used by estate agents"
                         r"that|which|by)\b", re.IGNORECASE)


# A keyword that is a verb and what it makes: "make shotguns", "grow tomatoes". A business
# says it with a word or two describing the thing between ("we make sporting shotguns", "growing
# heritage tomatoes"); a describing word reads as one (sporting, hand-built, traditional,
# bespoke), not a noun that makes another thing of it ("toy guns", "nail guns").
# a noun after the singular of the thing made, which it then only describes
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|for|to|in|at|with|from|on|by|that|which|who|we|as|"
                         r"parts?|components?)\b)[a-z]", re.IGNORECASE)
_MAKING_VERBS = frozenset("make manufacture produce build assemble grow breed rear brew "
                          "distil raise".split())
# (a compound with hyphens describes too: "side-by-side", "made-to-measure")
_DESCRIBING = (r"(?:[a-z]{3,}(?:ing|ed|al|ful|ive|ic|ous|able|ible)|[a-z]+(?:-[a-z]+)+|bespoke|"
               r"custom|fine|high-end|luxury|premium|handmade|quality|classic|modern|specialist|"
               r"small-batch|artisan|organic|heritage|british|english)")


@functools.lru_cache(maxsize=4096)
def _with_describing_words(keyword: str) -> re.Pattern[str]:
    """The pattern for a verb-and-thing keyword with its verb in any form and up to two
    describing words before the thing; one that never matches for other keywords."""
    verb, _, thing = keyword.partition(" ")
    if verb.lower() not in _MAKING_VERBS or not thing:
        return re.compile(r"(?!)")
    stem_ = verb[:-1] if verb.endswith("e") else verb
    forms = rf"(?:{re.escape(verb)}s?|{re.escape(verb)}es|{re.escape(stem_)}ing)"
    rest = r"(?:\s+|\s*-\s*)".join(re.escape(word) for word in thing.split())
    return re.compile(rf"(?<!\w){forms}\s+(?:{_DESCRIBING}\s+){{1,2}}{rest}(?!\w)",
                      re.IGNORECASE)


# Two verbs in their base form, joined: "repair and refurbish", "buy and sell"
_VERB_PAIR = re.compile(r"([a-z]+)\s+and\s+([a-z]+)((?:\s+\S+)*)")


def _verb_forms(keyword: str) -> list[str]:
    """A pair of verbs as a business says it of itself: "repair and refurbish" as "repairs
    and refurbishes" and "repairing and refurbishing"."""
    pair = _VERB_PAIR.fullmatch(keyword)
    if pair is None or any(w.endswith(("s", "ing", "ed")) for w in pair.group(1, 2)):
        return []
    first, second, rest = pair.group(1, 2, 3)
    return [f"{_third(first)} and {_third(second)}{rest}",
            f"{_ing(first)} and {_ing(second)}{rest}"]


def _third(verb: str) -> str:
    """The verb as "it" does it: "repairs", "finishes"."""
    return verb + ("es" if verb.endswith(("sh", "ch", "x", "s", "o")) else "s")


def _ing(verb: str) -> str:
    """The verb's "-ing" form: "refurbishing", "making"."""
    return (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"


_QUANTITY = r"(?:\d[\d,]*|a\s+few|several|some|many|two|three|four|five|six|ten|dozens\s+of)"


@functools.lru_cache(maxsize=4096)
def _told_of_itself(keyword: str) -> re.Pattern[str]:
    """A verb-and-thing keyword as a business says it of itself: "rent out flats" in "rents out
    40 flats", "arrange mortgages" in "arranges mortgages"; one that never matches for a
    keyword of one word or one whose first word is not a verb's base form."""
    words = keyword.split()
    verb = words[0].lower()
    if len(words) < 2 or not verb.isalpha() or verb.endswith(("s", "ing", "ed")):
        return re.compile(r"(?!)")
    forms = rf"(?:{re.escape(_third(verb))}|{re.escape(_ing(verb))})"
    middle = "".join(rf"\s+{re.escape(w)}" for w in words[1:-1])
    return re.compile(rf"(?<!\w){forms}{middle}\s+(?:{_QUANTITY}\s+)?{re.escape(words[-1])}"
                      r"(?!\w)", re.IGNORECASE)


def keyword_found(keyword: str, text: str) -> bool:
    """A sector keyword in the text, as whole words in any case; a plural keyword in the
    singular too ("sauces": "a chilli sauce brand"); a singular one in the plural when it names
    the business itself ("mortgage brokers, 6 staff"), not its customers
    ("software for estate agents"); a pair of verbs in the forms a business uses of itself
    ("repairs and refurbishes")."""
    if _keyword_pattern(keyword).search(text):
        return True
    if any(_keyword_pattern(form).search(text) for form in _verb_forms(keyword)):
        return True
    if _with_describing_words(keyword).search(text):
        return True
    if _told_of_itself(keyword).search(text):
        return True
    if (pointed := _with_pointing_word(keyword)) is not None and pointed.search(text):
        return True  # "buy the stock in" for "buy stock in"
    one = _singular(keyword)
    if one is not None:  # not "battery-powered" for "batteries"
        found = _keyword_pattern(one, compound=False).search(text)
        if found is not None and keyword.split()[0].lower() in _MAKING_VERBS and \
                _NOUN_AFTER.match(text, found.end()):
            # "make shotgun cleaning kits", "make rifle scopes": the thing made is the kits or
            # the scopes, which the singular only describes
            return False
        return found is not None
    if not keyword[-1:].isalpha() or keyword.endswith("s"):
        return False
    match = _keyword_pattern(keyword, plural=True).search(text)
    return match is not None and not _FOR_OTHERS.search(text, 0, match.start())



class AreasFile(Strict):
    """`policy/areas.yaml`."""

    areas: list[Area]


class SectorsFile(Strict):
    """`policy/sectors.yaml`."""

    sector_lists: list[SectorList]
