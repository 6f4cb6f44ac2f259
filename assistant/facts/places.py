"""Local authorities: the councils and towns the policy names, and a council named in capitals.

`Places` maps place, town and council names (any case) to the local authority they are in. A
council named by capitalised words ("Warwick District Council") is read as itself even when the
policy does not name it. Of several places, the business's own site is taken, as for postcodes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from assistant.facts.common import Found, Message
from assistant.facts.numbers import words_to_digits
from assistant.facts.postcodes import best_location

# a site not yet chosen: "we haven't decided where it goes", "it's undecided which unit"
_UNDECIDED = re.compile(r"\b(?:(?:haven't|hasn't|have\s+not|has\s+not|not)\s+(?:yet\s+)?"
                        r"(?:decided|chosen|settled|picked)|yet\s+to\s+(?:decide|choose)|"
                        r"undecided|not\s+(?:sure|certain)\s+yet)\b[^.;!?]{0,30}\b(?:where|which|"
                        r"whether)\b", re.I)
_HEDGED_BEFORE = re.compile(r"\b(?:probably|maybe|perhaps|possibly)\s+(?:in\s+|at\s+|the\s+)?$",
                            re.I)
_MAYBE_MOVING = re.compile(r"\b(?:might|may|could|thinking\s+(?:of|about)|considering|hope\s+to|"
                           r"hoping\s+to)\s+(?:be\s+)?(?:mov|relocat)\w*\b[^.;!?]{0,60}$", re.I)
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s|/)\s*", re.I)
_COUNCIL = re.compile(r"\s*\b(?:(?:metropolitan\s+)?borough\s+|district\s+|city\s+|county\s+)?"
                      # not the councils of a region: "the West Mids council areas"
                      r"council\b(?!\s+(?:areas|boundaries|districts|regions))", re.I)
_CAPITALISED_NAME = re.compile(r"(?:[A-Z][a-z'&-]+\s+){0,2}[A-Z][a-z'&-]+$")
_NOT_A_COUNCIL_NAME = frozenset({"our", "the", "local", "a", "my", "your", "their", "this",
                                 "that", "city", "town", "parish", "county", "district", "no",
                                 "not", "any", "none", "which", "what", "whose", "every"})
_UNIVERSITY_AFTER = re.compile(r"\s+(?:city\s+)?university\b", re.I)
# a place named as the landmark the site is near: "just by the Bull Ring centre"
_NEAR_THE = re.compile(r"\b(?:by|near|beside|opposite|behind|next\s+to|close\s+to|round\s+the\s+"
                       r"corner\s+from|across\s+from)\s+the\s+$", re.I)
_LANDMARK = re.compile(r"\s+(?:shopping\s+)?(?:centre|center|retail\s+park|station|stadium|airport|"
                       r"hospital|campus|arena|ground|mall|island|roundabout)\b", re.I)
# a place named only to say where the site is from it: "just over the border from Cannock", "a
# few miles from Lichfield", "down the road from Tamworth"
_FROM_IT = re.compile(r"\b(?:(?:over|across)\s+the\s+(?:border|boundary|line)|(?:a\s+)?"
                      r"(?:few\s+|couple\s+of\s+|\d+\s+)?(?:miles?|minutes?|mins?)|"
                      r"(?:down|up)\s+the\s+road|not\s+far|a\s+stone'?s\s+throw)\s+"
                      r"(?:away\s+)?from\s+$|"
                      r"\b(?:bordering|borders?|neighbouring|next\s+door\s+to)\s+$", re.I)
# ... or a partner named by its city: "a project with Birmingham", "working alongside Warwick"
_PARTNER_BEFORE = re.compile(r"\b(?:with|alongside)\s+$", re.I)
_PARTNER_END = re.compile(r"\s*(?:[.,;:!?)]|$|\s(?:at|on|for|to|and|or|who|which)\b)", re.I)


# a street named after a place: "by the Tamworth Road", "on Walsall Street" - not the place
_STREET_AFTER = re.compile(r"\s+(?:road|rd|street|st|lane|ln|avenue|ave|(?-i:Way)|drive|close|"
                           r"crescent|terrace|row|parade|gardens?|grove|place|boulevard|bypass|"
                           r"expressway|ring\s+road|high\s+street)\b\.?", re.I)
# a place's name opening an organisation's: "Warwick Manufacturing Group", "Warwick Crop
# Centre", "Walsall Manor Hospital" - who it is, not where the business is
_ORGANISATION_AFTER = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}\s+(?-i:Group|Centre|Center|School|Institute|College|"
    r"Hospital|Trust|Labs?|Laborator(?:y|ies)|Hub|Foundation|Partnership|Chamber|Society|"
    r"Association|Academy|Catapult)\b")
# ... or in lower case, a body that only a place's name opens: "the Walsall chamber of commerce"
_BODY_AFTER = re.compile(r"\s+(?:chamber\s+of\s+commerce|chamber|college|university|hospital|"
                         r"growth\s+hub|football\s+club|fc)\b", re.I)
# a place that says whose the businesses after it are: "our Dudley customers", "Walsall and
# Solihull clients", "the Coventry market"
_THEIRS_AFTER = re.compile(r"\s+(?:based\s+|area\s+|local\s+)?(?:customers?|clients?|"
                           r"suppliers?|buyers?|retailers?|wholesalers?|distributors?|"
                           r"dealers?|stockists?|markets?|shops|stores|schools|hospitals)\b",
                           re.I)
_COMPANY_NAME_AFTER = re.compile(r"(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}\s+(?:Ltd|Limited|LLP|PLC|plc)\b")
_POSTAL_BEFORE = re.compile(r"\b(?:postal\s+(?:address|town)|(?:the|our|my)\s+(?:post|mail|"
                           r"letters|address)\s+(?:just\s+|only\s+|all\s+)?(?:says?|reads?|"
                           r"shows?|goes\s+to|(?:is|are|comes?)\s+addressed\s+to))\b[^.;]{0,30}$",
                           re.I)

# the council the business rates go to, which settles the site's council (not council tax)
_RATES_TO = re.compile(r"\b(?:business\s+rates|non-domestic\s+rates|rates\s+(?:bill|demand)|"
                       r"(?:our\s+|the\s+)?rates\s+(?:are\s+|go\s+|get\s+)?(?:paid\s+)?to|"
                       r"rated\s+by|ratepayer)\b", re.I)
# ... or a place the owner is unsure of: "not sure if we count as Devon or Cornwall"
_UNSURE = re.compile(r"\b(?:not\s+sure|unsure|don't\s+know|do\s+not\s+know|no\s+idea)\b",
                     re.IGNORECASE)
_OR_BEFORE = re.compile(r"\bor\s*$", re.IGNORECASE)
_EITHER_AFTER = re.compile(r"\s*(?:or|/)\s", re.IGNORECASE)
# two places offered as alternatives: "Devon or Cornwall", "Dudley/Sandwell"
_EITHER = re.compile(r"\s*(?:or|/|or\s+maybe|or\s+perhaps)\s*", re.IGNORECASE)


class Places:
    """The place, town and council names the policy knows (any case), each with the local
    authority it is in, and the patterns that find them in a message."""

    def __init__(self, places: dict[str, str], sited: Sequence[str] = (),
                 areas_of: Callable[[str], frozenset[str] | None] | None = None) -> None:
        """`sited`: one-word place names (each as itself), found only in capitals after words
        that place a site there ("based in Halesowen"), as a one-word name is as often a
        person's or a brand's. `areas_of`: the areas an authority lies wholly in (None when
        that is for its districts to say)."""
        self._areas_of = areas_of
        self._authorities: dict[str, str] = {}
        for name, authority in places.items():
            if not isinstance(name, str) or not name.strip():
                raise ValueError(f"a place name must be non-empty text; got {name!r}")
            if not isinstance(authority, str) or not authority.strip():
                raise ValueError(f"place {name!r} must map to a local authority name; "
                                 f"got {authority!r}")
            self._authorities[" ".join(words_to_digits(name).lower().split())] = authority.strip()
        names = sorted(self._authorities, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
        self.pattern = (re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)
                        if names else None)
        self._at_end = (re.compile(rf"(?<!\w)(?:{alternatives})$", re.I)
                        if names else None)
        sited_names = sorted({n.strip() for n in sited if n.strip()}, key=len, reverse=True)
        self._sited = (re.compile(
            r"\b(?:in|at|near|outside|(?:based|located|situated)\s+(?:in|at))\s+"
            rf"(?P<name>{'|'.join(map(re.escape, sited_names))})(?![\w-])", re.I)
            if sited_names else None)

    def local_authority(self, msg: Message) -> str | None:
        found: list[Found[str]] = []
        if self.pattern is not None:
            for match in self.pattern.finditer(msg.text):
                if msg.claimed(*match.span()) or _UNIVERSITY_AFTER.match(msg.text, match.end()):
                    continue
                # "Walsall Wood Racking Ltd": a company's name, not where it is; "our postal
                # address is Coventry": a postal town, which is not a council
                if _COMPANY_NAME_AFTER.match(msg.text, match.end()) or \
                        _ORGANISATION_AFTER.match(msg.text, match.end()) or \
                        _BODY_AFTER.match(msg.text, match.end()) or \
                        _STREET_AFTER.match(msg.text, match.end()) or _POSTAL_BEFORE.search(
                        msg.text, max(0, match.start() - 40), match.start()):
                    continue
                if _PARTNER_BEFORE.search(msg.text, max(0, match.start() - 12), match.start()) \
                        and _PARTNER_END.match(msg.text, match.end()):
                    continue
                name = " ".join(match[0].lower().split())
                found.append(Found(match.start(), match.end(), self._authorities[name]))
        # "our Walsall and Dudley customers": the places say whose the customers are
        theirs: list[Found[str]] = []
        for f in reversed(found):
            if _THEIRS_AFTER.match(msg.text, f.end) or (theirs and _JOINED.fullmatch(
                    msg.text, f.end, theirs[-1].start)):
                theirs.append(f)
        found = [f for f in found if f not in theirs]
        # "not decided where the press goes; probably Walsall": not yet where the site is
        found = [f for f in found
                 if not _UNDECIDED.search(msg.text, *msg.sentence(f.start))
                 and not _HEDGED_BEFORE.search(msg.text, max(0, f.start - 30), f.start)
                 # "we might move the paint shop to Cannock next year": a move not made
                 and not _MAYBE_MOVING.search(msg.text, msg.sentence(f.start)[0], f.start)]
        # "in Digbeth, near the Bull Ring centre": the landmark only says where near
        landmarks = [f for f in found
                     if _NEAR_THE.search(msg.text, max(0, f.start - 30), f.start)
                     and _LANDMARK.match(msg.text, f.end)]
        if landmarks and len(landmarks) < len(found):
            found = [f for f in found if f not in landmarks]
        # "Willenhall, just over the border from Cannock": the place the site is measured from
        # is not where it is (and alone, it leaves where that is untold)
        found = [f for f in found if not _FROM_IT.search(msg.text, max(0, f.start - 40), f.start)]
        # "not sure if we count as Devon or Cornwall": neither is said to be the place
        undecided = {i for i, (a, b) in enumerate(itertools.pairwise(found))
                     if a.value != b.value and _EITHER.fullmatch(msg.text, a.end, b.start)}
        found = [f for i, f in enumerate(found) if i not in undecided and i - 1 not in undecided
                 and not (_UNSURE.search(msg.text, msg.clause(f.start)[0], f.start) and (
                     _OR_BEFORE.search(msg.text, msg.clause(f.start)[0], f.start)
                     or _EITHER_AFTER.match(msg.text, f.end)))]
        rated: list[Found[str]] = []
        for council in _COUNCIL.finditer(msg.text):
            if msg.claimed(*council.span()):
                continue
            named = self._council_named(msg.text[:council.start()].rstrip())
            if named:
                found = [f for f in found if f.end <= council.start() - len(named[1]) - 1
                         or f.start >= council.end()]
                found.append(Found(council.start() - len(named[1]), council.end(), named[0]))
                if _RATES_TO.search(msg.text, *msg.sentence(council.start())) and \
                        not msg.about_another_business(council.start()):
                    # "the rates are billed by Cannock Chase Council": the
                    # council of the site, whatever offices or addresses are named
                    rated = [found[-1]]
        if rated:
            msg.council_from_rates = True
            return msg.took("local_authority", rated)
        if not found:  # the weakest reading, when the message names no other place
            found = [Found(m.start("name"), m.end("name"), m["name"])
                     for m in (self._sited.finditer(msg.text) if self._sited else ())
                     if m["name"][0].isupper() and not msg.claimed(*m.span("name"))]
        return best_location(msg, found, "local_authority",
                             self._alike if self._areas_of is not None else None)

    def _alike(self, authorities: set[str]) -> bool:
        """True when the authorities all lie in the same areas, each of them known."""
        assert self._areas_of is not None
        standing = {self._areas_of(a) for a in authorities}
        return None not in standing and len(standing) == 1

    def _council_named(self, before: str) -> tuple[str, str] | None:
        """(authority, the words naming it) for "... Warwick District Council"."""
        if self._at_end is not None and (known := self._at_end.search(before)):
            return self._authorities[" ".join(known[0].lower().split())], known[0]
        name = _CAPITALISED_NAME.search(before)
        if name and name[0].split()[0].lower() not in _NOT_A_COUNCIL_NAME:
            return name[0], name[0]
        return None
