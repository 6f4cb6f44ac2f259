"""The eligibility policy of a knowledge folder: programmes, criteria, awards, rounds, areas,
sectors. Declarative data in `policy/*.yaml`, typed here and validated at load, with errors
that name the file and the line.

Only the data model and its loading live here (knowledge layer); the engine that applies a
policy to a business's facts is `assistant.eligibility`.

- `schema`: the data model (`Policy`, `Programme`, `Criterion`, `Award`, `Rates`, ...).
- `places`: areas (authorities, towns, postcode districts) and sector lists.
- `rules`: format 2: declared and derived facts, rules as expressions, the size test.
- `base`: strict models, bands, code formats and the clause reference they all use.
- `loader`: `load_policy`, which finds, reads, validates and cross-checks the files.
- `files`: YAML read with line numbers, and messages that name the file and the line.
- `checks`: the checks across files (ids, areas and sector lists named, clause sources).

Layout of `policy/` (the knowledge folder's README, section 5, documents every field):

    programme.yaml            programme name and contact (read by `knowledge.programme`)
    rates.yaml                `Rates`: currency rate and the subsidy limit
    areas.yaml                `areas:` a list of `Area`
    sectors.yaml              `sector_lists:` a list of `SectorList`
    programmes/<id>.yaml      one `Programme` each; the file name is the programme id
"""

from knowledge.policy.base import OUTWARD_CODE_RE, Band, ClauseRef
from knowledge.policy.loader import load_policy
from knowledge.policy.places import (
    Area,
    District,
    OutsidePointer,
    Sector,
    SectorList,
    district_place_words,
    district_places,
    keyword_found,
)
from knowledge.policy.schema import (
    BOOLEAN_FACTS,
    Award,
    CostCap,
    Criterion,
    FactName,
    FundingRound,
    InKindSupport,
    OutputRatio,
    Policy,
    Programme,
    Rates,
    RiseOutput,
    iter_clause_refs,
)

__all__ = ["BOOLEAN_FACTS", "OUTWARD_CODE_RE", "Area", "Award", "Band", "ClauseRef", "CostCap",
           "Criterion", "District", "FactName", "FundingRound", "InKindSupport", "OutputRatio",
           "OutsidePointer", "Policy", "Programme", "Rates", "RiseOutput", "Sector", "SectorList",
           "district_place_words", "district_places", "iter_clause_refs", "keyword_found",
           "load_policy"]
