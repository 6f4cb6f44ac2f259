"""Signposting: from a need an SME describes to the facilities and expert teams that can meet it.

Every catalogue record is a candidate. Structured filters (partner, programme served, sector,
location) narrow the candidates; the rest are ranked by how well their indexed text matches the
need (hybrid retrieval over catalogue chunks) plus a bonus for the need's own words found in
what the record offers (its capabilities and equipment). Each match says why it fits, in words
taken from the record, how to get access, and which programme it serves fits the need best.

Catalogue field names differ between knowledge folders, so each role (partner, location,
capabilities, ...) is read from every field name catalogues commonly use for it; a record
without any of them simply contributes nothing for that role.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from assistant.reply import Signpost
from knowledge.manifest import CatalogueRecord
from knowledge.retrieval import HybridRetriever
from knowledge.stores import Filters
from knowledge.words import stems

# Field names catalogues use for each role (keys are lower-cased by the catalogue loader).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "partner": ("partner", "partners", "organisation", "organization", "provider", "institution"),
    "location": ("location", "locations", "site", "host_site", "address", "town", "city",
                 "clinic_locations"),
    "postcode": ("postcode", "post_code", "postal_code"),
    "sectors": ("sectors", "sector", "industries", "industry", "suitable_for", "markets"),
    "serves": ("serves", "programme", "programmes", "hub", "hubs", "strand", "strands"),
    "capabilities": ("capabilities", "capability", "specialisms", "specialities", "expertise",
                     "services", "skills"),
    "equipment": ("equipment", "methods", "tools", "instruments"),
    "access": ("access_route", "access", "how_to_access"),
    "url": ("url", "link", "website", "web"),
}
SEMANTIC_POOL_PER_RECORD = 3  # a record's text may be split over a few chunks
MAX_SEMANTIC_POOL = 400
WORD_BONUS = 0.5  # weight of the capability/equipment word overlap next to the fused score (0..1)
TALK_TO_MIN_SHARE = 0.5  # matches scoring under this share of the best one do not pick the hub
GUIDANCE_POOL = 15  # guidance passages read to learn which programmes the need is about
WHY_CAPABILITIES = 3
WHY_EQUIPMENT = 2

_WORD = re.compile(r"[a-z0-9]+")
_FULL_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?[0-9][A-Z]{2}$")
_OUTWARD_CODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
_POSTCODE_AREA = re.compile(r"^[A-Z]{1,2}$")
_POSTCODE_IN_TEXT = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?[0-9][A-Z]{2}\b")


@dataclass(frozen=True)
class SignpostMatch:
    record: CatalogueRecord
    score: float
    why: str  # one sentence naming what the record offers that matches the need
    access: str  # how an SME gets access (the record's access route), or ""
    hub: str | None  # display name of the programme it serves that best fits the need


@dataclass(frozen=True)
class SignpostResult:
    need: str
    matches: list[SignpostMatch]
    talk_to: str | None  # the programme most served by the matches, or None


@dataclass(frozen=True)
class _Candidate:
    record: CatalogueRecord
    semantic: float
    words: float

    @property
    def score(self) -> float:
        return self.semantic + WORD_BONUS * self.words


class Signposter:
    """Ranks catalogue records for a described need.

    `programmes` maps a catalogue `serves` value to the programme's display name; when given,
    only those programmes are named as the hub to talk to. Without it every served value is a
    programme, named by the value itself.
    """

    def __init__(self, retriever: HybridRetriever,
                 programmes: dict[str, str] | None = None) -> None:
        if programmes is not None:
            blank = [slug for slug, name in programmes.items() if not slug.strip() or
                     not name.strip()]
            if blank:
                raise ValueError(f"programme slugs and names must not be blank, got {blank!r} "
                                 f"in {programmes!r}")
        self._retriever = retriever
        self._programmes = ({slug.lower(): name for slug, name in programmes.items()}
                            if programmes is not None else None)

    def signpost(self, need: str, k: int = 3, partner: str | None = None,
                 serves: str | None = None, sector: str | None = None,
                 location: str | None = None) -> SignpostResult:
        if not need.strip():
            raise ValueError("describe what the business needs help with to find a facility "
                             "or expert team")
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        records = [r for r in self._retriever.records()
                   if _passes(r, partner, self._serves_slug(serves), sector, location)]
        if not records:
            return SignpostResult(need=need, matches=[], talk_to=None)
        need_stems = set(stems(need))
        idf = _idf(records)
        top = self._rank(need, need_stems, records, idf)[:k]
        affinity = self._programme_affinity(need)
        matches = [self._match(c, need, need_stems, idf, affinity) for c in top]
        return SignpostResult(need=need, matches=matches,
                              talk_to=self._talk_to(matches, affinity))

    # ranking

    def _rank(self, need: str, need_stems: set[str], records: list[CatalogueRecord],
              idf: dict[str, float]) -> list[_Candidate]:
        semantic = self._semantic_scores(need, len(records))
        candidates = [
            _Candidate(r, semantic.get((r.source, r.name), 0.0), _word_overlap(need_stems, r, idf))
            for r in records
        ]
        # ties (no semantic hit, no shared word) keep catalogue order, so results are repeatable
        return sorted(candidates, key=lambda c: c.score, reverse=True)

    def _semantic_scores(self, need: str, n_records: int) -> dict[tuple[str, str], float]:
        pool = min(max(n_records * SEMANTIC_POOL_PER_RECORD, 10), MAX_SEMANTIC_POOL)
        best: dict[tuple[str, str], float] = {}
        for hit in self._retriever.search(need, k=pool, filters=Filters(doc_type="catalogue")):
            key = (hit.chunk.source, hit.chunk.title)
            best[key] = max(best.get(key, 0.0), hit.score)
        return best

    # programmes

    def _serves_slug(self, serves: str | None) -> str | None:
        """The slug for a `serves` filter given as a slug or as a programme's display name."""
        if not serves:
            return None
        wanted = serves.strip().lower()
        for slug, name in (self._programmes or {}).items():
            if wanted == name.lower():
                return slug
        return wanted

    def _programme_affinity(self, need: str) -> dict[str, float]:
        """How strongly the guidance written for each programme matches the need (0..1).

        Guidance passages carry the programmes they are about; the programme whose own pages
        best match the need is the one whose staff will understand it.
        """
        totals: defaultdict[str, float] = defaultdict(float)
        hits = self._retriever.search(need, k=GUIDANCE_POOL, filters=Filters(doc_type="guidance"))
        for hit in hits:
            for slug in hit.chunk.programme.split(","):
                if slug.strip():
                    totals[slug.strip().lower()] += hit.score
        top = max(totals.values(), default=0.0)
        return {slug: value / top for slug, value in totals.items()} if top > 0 else {}

    def _programmes_of(self, record: CatalogueRecord) -> list[str]:
        """The record's served programmes that can be named, in the record's own order."""
        slugs = list(dict.fromkeys(s.strip() for s in _values(record, "serves") if s.strip()))
        if self._programmes is None:
            return slugs
        return [s for s in slugs if s.lower() in self._programmes]

    def _name(self, slug: str) -> str:
        return (self._programmes or {}).get(slug.lower(), slug)

    def _hub(self, record: CatalogueRecord, affinity: dict[str, float]) -> str | None:
        slugs = self._programmes_of(record)
        if not slugs:
            return None
        # max keeps the first of equals, and a record lists its main programme first
        return self._name(max(slugs, key=lambda s: affinity.get(s.lower(), 0.0)))

    def _talk_to(self, matches: list[SignpostMatch], affinity: dict[str, float]) -> str | None:
        """The programme most served by the good matches, weighted by how well each fits.

        Where two programmes are served equally, the one whose guidance fits the need wins.
        When the best match serves no programme that can be named, there is none to name: a
        weaker match's programme would send the business to the wrong people.
        """
        if not matches or not self._programmes_of(matches[0].record):
            return None
        floor = matches[0].score * TALK_TO_MIN_SHARE
        votes: defaultdict[str, float] = defaultdict(float)
        shown: dict[str, str] = {}  # first spelling seen, in match order
        for match in (m for m in matches if m.score >= floor):
            for slug in self._programmes_of(match.record):
                key = slug.lower()
                votes[key] += max(match.score, 1e-6) * (1.0 + affinity.get(key, 0.0))
                shown.setdefault(key, slug)
        return self._name(shown[max(shown, key=lambda key: votes[key])])

    # explaining

    def _match(self, candidate: _Candidate, need: str, need_stems: set[str],
               idf: dict[str, float], affinity: dict[str, float]) -> SignpostMatch:
        record = candidate.record
        return SignpostMatch(
            record=record,
            score=round(candidate.score, 4),
            why=self._why(record, need, need_stems, idf),
            access="; ".join(_values(record, "access")),
            hub=self._hub(record, affinity),
        )

    def _why(self, record: CatalogueRecord, need: str, need_stems: set[str],
             idf: dict[str, float]) -> str:
        capabilities = _values(record, "capabilities")
        equipment = _values(record, "equipment")
        offered = _best_items(capabilities, need_stems, idf, WHY_CAPABILITIES)
        kit = _best_items(equipment, need_stems, idf, WHY_EQUIPMENT)
        if not offered and not kit:
            # no word in common: name what is closest in meaning instead
            offered = self._closest_items(need, capabilities or _list_values(record), 2)
        return _sentence(offered, kit, record)

    def _closest_items(self, need: str, items: list[str], n: int) -> list[str]:
        if not items:
            return []
        vectors = self._retriever.embedder.embed([need, *items])
        similarity = vectors[1:] @ vectors[0]
        best = np.argsort(-similarity, kind="stable")[:n]
        return [items[i] for i in sorted(best)]


def to_signposts(result: SignpostResult) -> list[Signpost]:
    """The matches as the reply's signposts; the access route follows the why-sentence."""
    signposts = []
    for match in result.matches:
        record = match.record
        why = f"{match.why} How to get access: {_end(match.access)}" if match.access else match.why
        signposts.append(Signpost(
            name=record.name,
            partner=", ".join(_values(record, "partner")),
            location=location_of(record),
            why=why,
            url=next(iter(_values(record, "url")), ""),
            source=record.source,
        ))
    return signposts


def location_of(record: CatalogueRecord) -> str:
    """Where the record is, from its location fields, with its postcode when not already shown."""
    parts: list[str] = []
    for value in _values(record, "location"):
        if not any(value.lower() in part.lower() for part in parts):
            parts.append(value)
    place = ", ".join(parts)
    for postcode in _values(record, "postcode"):
        if postcode.lower() not in place.lower():
            place = f"{place} {postcode}".strip()
    return place




def _offer_stems(record: CatalogueRecord) -> set[str]:
    items = _values(record, "capabilities") + _values(record, "equipment")
    return {s for item in (items or _list_values(record)) for s in stems(item)}


def _idf(records: list[CatalogueRecord]) -> dict[str, float]:
    """Inverse document frequency of each word over what the records offer.

    A word most records offer ("testing") says little about which record fits; a rare one
    ("magnet") says a lot.
    """
    frequency: Counter[str] = Counter()
    for record in records:
        frequency.update(_offer_stems(record))
    n = len(records)
    return {word: math.log((n + 1) / (df + 0.5)) for word, df in frequency.items()}


def _word_overlap(need_stems: set[str], record: CatalogueRecord, idf: dict[str, float]) -> float:
    """Share (0..1, by rarity) of the need's catalogue words that the record offers."""
    known = [s for s in need_stems if s in idf]
    total = sum(idf[s] for s in known)
    if total <= 0:
        return 0.0
    offered = _offer_stems(record)
    return sum(idf[s] for s in known if s in offered) / total


def _best_items(items: list[str], need_stems: set[str], idf: dict[str, float],
                n: int) -> list[str]:
    """Up to n items sharing the most telling words with the need, in the record's order."""
    scored = [(sum(idf.get(s, 0.0) for s in set(stems(item)) & need_stems), i)
              for i, item in enumerate(items)]
    chosen = sorted((pair for pair in scored if pair[0] > 0), key=lambda p: -p[0])[:n]
    return [items[i] for _, i in sorted(chosen, key=lambda p: p[1])]


def _sentence(offered: list[str], kit: list[str], record: CatalogueRecord) -> str:
    # the record's name as the subject reads right for a facility, a team and a person alike
    if offered and kit:
        return f"{record.name} offers {_join(offered)}, with {_join(kit)}."
    if offered:
        return f"{record.name} offers {_join(offered)}."
    if kit:
        return f"{record.name} has {_join(kit)}."
    description = " ".join(_values(record, "description"))
    first = re.split(r"(?<=[.!?])\s+", description.strip(), maxsplit=1)[0]
    return _end(first) if first else "Its catalogue entry is the closest match to the need."


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


# fields and filters

def _values(record: CatalogueRecord, role: str) -> list[str]:
    """Every value the record gives for a role, across the field names used for it."""
    names = FIELD_NAMES.get(role, (role,))
    found: list[str] = []
    for name in names:
        for value in record.values(name):
            text = str(value).strip()
            if text and text not in found:
                found.append(text)
    return found


def _list_values(record: CatalogueRecord) -> list[str]:
    """Items of every list field: what a record offers when it has no capability fields."""
    return [str(item) for value in record.fields.values() if isinstance(value, list)
            for item in value]


def _passes(record: CatalogueRecord, partner: str | None, serves: str | None,
            sector: str | None, location: str | None) -> bool:
    return ((not partner or _partner_matches(record, partner))
            and (not serves or serves in {s.lower() for s in _values(record, "serves")})
            and (not sector or _sector_matches(record, sector))
            and (not location or _location_matches(record, location)))


def _partner_matches(record: CatalogueRecord, partner: str) -> bool:
    wanted = set(_WORD.findall(partner.lower()))
    return any(wanted <= set(_WORD.findall(value.lower())) for value in _values(record, "partner"))


def _sector_matches(record: CatalogueRecord, sector: str) -> bool:
    wanted = set(stems(sector))
    return bool(wanted) and any(wanted <= set(stems(value)) for value in _values(record, "sectors"))


def _location_matches(record: CatalogueRecord, location: str) -> bool:
    """A town or place named in the record's location, or a postcode area, district or code."""
    code = re.sub(r"\s+", " ", location.strip().upper())
    postcodes = _postcodes(record)
    full = _FULL_POSTCODE.match(code)
    if full:
        return any(_outward(p) == full.group(1) for p in postcodes)
    if _OUTWARD_CODE.match(code):
        return any(_outward(p) == code for p in postcodes)
    if _POSTCODE_AREA.match(code):
        return any(_area(p) == code for p in postcodes)
    place = re.compile(rf"\b{re.escape(location.strip())}\b", re.IGNORECASE)
    return any(place.search(value) for value in _values(record, "location"))


def _postcodes(record: CatalogueRecord) -> list[str]:
    texts: Iterable[str] = [*_values(record, "postcode"), *_values(record, "location")]
    found = []
    for text in texts:
        for match in _POSTCODE_IN_TEXT.finditer(re.sub(r"\s+", " ", text.upper())):
            found.append(match.group(0))
    return found


def _outward(postcode: str) -> str:
    return postcode.replace(" ", "")[:-3]


def _area(postcode: str) -> str:
    return re.sub(r"[0-9].*", "", postcode)
