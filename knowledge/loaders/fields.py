"""Catalogue field mapping: which of a source's fields give a record's name, partner, location...

Catalogues name their fields as their owners like (`team`, `Facility`, `Site postcode`). Each
record's fields are mapped to the roles the assistant reads (`ROLES`):

1. a mapping in the file itself (a JSON or YAML file whose top level holds `fields:` beside its
   list of records), else
2. the first entry of `catalogue/schema.yaml` whose `files` match the file, else nothing;
3. a role the mapping leaves out is found from the common names for it (`SYNONYMS`).

A mapped field is renamed to the role's own name; every other field is kept as it is.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from knowledge.errors import LoaderError

FieldValue = str | list[str]

SCHEMA_FILE = "schema.yaml"  # in catalogue/: read as the mapping, never indexed as records

ROLES = ("name", "partner", "location", "postcode", "capabilities", "sectors", "equipment",
         "access", "serves")
# the field a role is stored as, when not the role's own name (the bundled files' `access_route`)
STORED_AS = {"access": "access_route"}

# Common names for each role, after `field_key` (lower case, words joined by "_"), in the order
# they are tried when a record lacks the role's own field.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("name", "title", "team", "team_name", "facility", "facility_name", "lab",
             "laboratory", "lab_name", "centre", "center", "expert", "expert_name", "asset",
             "asset_name", "equipment_name", "resource", "service_name", "record_name"),
    "partner": ("partner", "partners", "organisation", "organization", "institution",
                "provider", "host_organisation", "host_organization", "operator", "owner",
                "run_by", "delivered_by", "university", "partner_organisation"),
    "location": ("location", "locations", "site", "host_site", "site_name", "address",
                 "site_address", "venue", "campus", "town", "city"),
    "postcode": ("postcode", "post_code", "postal_code", "site_postcode", "eircode",
                 "site_eircode", "zip", "zip_code"),
    "capabilities": ("capabilities", "capability", "specialisms", "specialities", "specialties",
                     "expertise", "areas_of_expertise", "services", "skills", "offer",
                     "what_we_offer", "research_areas"),
    "sectors": ("sectors", "sector", "industries", "industry", "suitable_for", "markets"),
    "equipment": ("equipment", "kit", "instruments", "tools", "methods"),
    "access": ("access_route", "access", "how_to_access", "how_to_book", "booking",
               "booking_route"),
    "serves": ("serves", "programme", "programmes", "program", "programs", "hub", "hubs",
               "strand", "strands", "theme", "themes"),
}

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def field_key(name: object) -> str:
    """A field's name as records keep it: "Site postcode" gives "site_postcode"."""
    return _NOT_WORD.sub("_", str(name).strip().lower()).strip("_")


def stored_name(role: str) -> str:
    return STORED_AS.get(role, role)


@dataclass(frozen=True)
class FieldMapping:
    """For each role it names, the source fields that give it (the first one present wins)."""

    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    origin: str = ""  # where the mapping was written ("catalogue/schema.yaml, line 4"), if anywhere

    def apply(self, record: dict[str, FieldValue]) -> dict[str, FieldValue]:
        """The record with each role's field under the role's own name, in the record's order."""
        renamed: dict[str, str] = {}  # source field -> the role's field name
        for role in ROLES:
            target = stored_name(role)
            explicit = self.fields.get(role)
            if explicit is None and target in record:
                continue
            for candidate in explicit or SYNONYMS[role]:
                if candidate in record and candidate not in renamed:
                    if candidate != target:
                        renamed[candidate] = target
                    break
        if not renamed:
            return dict(record)
        taken = set(renamed.values())
        mapped: dict[str, FieldValue] = {}
        for key, value in record.items():
            if key in renamed:
                mapped[renamed[key]] = value
            elif key in taken:  # a field of the role's name that the mapping displaces
                mapped[f"original_{key}"] = value
            else:
                mapped[key] = value
        return mapped

    def name_fields(self) -> tuple[str, ...]:
        return self.fields.get("name") or SYNONYMS["name"]

    def has_name(self, keys: list[str]) -> bool:
        return any(key in keys for key in self.name_fields())

    def missing_name(self, keys: list[str]) -> str:
        """Why no record can have a name, naming the fields that were seen."""
        seen = ", ".join(repr(k) for k in keys) or "none"
        if "name" in self.fields:
            wanted = " or ".join(repr(k) for k in self.fields["name"])
            return (f"no field {wanted} for the record's name ({self.origin} names it); "
                    f"fields seen: {seen}")
        return (f"no field gives the record's name (such as 'name', 'title', 'team' or "
                f"'facility'); fields seen: {seen}. Say which one does in catalogue/"
                f"{SCHEMA_FILE} (fields: name: ...)")


SYNONYMS_ONLY = FieldMapping()


@dataclass(frozen=True)
class _Entry:
    patterns: tuple[str, ...]  # relative to catalogue/; empty means every file
    mapping: FieldMapping
    line: int


@dataclass(frozen=True)
class CatalogueSchema:
    """The mappings of `catalogue/schema.yaml`, each for the files it names."""

    entries: tuple[_Entry, ...] = ()
    source: str = f"catalogue/{SCHEMA_FILE}"

    def mapping_for(self, source: str) -> FieldMapping:
        """The mapping for a catalogue file, given by its path in the knowledge folder."""
        relative = source.split("/", 1)[1] if source.startswith("catalogue/") else source
        for entry in self.entries:
            if not entry.patterns or any(_matches(relative, p) for p in entry.patterns):
                return entry.mapping
        return SYNONYMS_ONLY

    def unmatched(self, sources: list[str]) -> list[str]:
        """Problems with patterns that match none of the catalogue files (a typo, usually)."""
        relatives = [s.split("/", 1)[1] for s in sources if s.startswith("catalogue/")]
        return [f"{self.source}: line {entry.line}: {pattern!r} matches no catalogue file"
                for entry in self.entries for pattern in entry.patterns
                if not any(_matches(r, pattern) for r in relatives)]


def _matches(relative: str, pattern: str) -> bool:
    return fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(
        relative.rsplit("/", 1)[-1], pattern)


def parse_mapping(data: object, where: str) -> FieldMapping:
    """A `fields:` mapping (role -> source field name, or a list of them). `where` names it."""
    if not isinstance(data, dict) or not data:
        raise ValueError("'fields' must map roles to field names, such as 'name: team'")
    fields: dict[str, tuple[str, ...]] = {}
    for role, value in data.items():
        key = field_key(role)
        key = "access" if key == "access_route" else key
        if key not in ROLES:
            raise ValueError(f"{role!r} is not a role a catalogue maps; the roles are "
                             f"{', '.join(ROLES)}")
        names = value if isinstance(value, list) else [value]
        if not names or any(not isinstance(n, str) or not n.strip() for n in names):
            raise ValueError(f"{role!r} must name a field, or a list of fields")
        fields[key] = tuple(field_key(n) for n in names)
    return FieldMapping(fields, where)


def load_schema(path: Path, source: str) -> CatalogueSchema:
    """Read `catalogue/schema.yaml`; a `LoaderError` names the file and line of a problem."""
    text = path.read_bytes().decode("utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise LoaderError(source, f"{where}not valid YAML ({getattr(exc, 'problem', exc)})") \
            from exc
    if not isinstance(data, dict) or not isinstance(data.get("mappings"), list):
        raise LoaderError(source, "line 1: expected 'mappings:' with a list of mappings, each "
                                  "with 'fields:' and optionally 'files:'")
    lines = _entry_lines(node)
    entries = []
    for n, item in enumerate(data["mappings"]):
        line = lines[n] if n < len(lines) else 1
        entries.append(_entry(item, source, line))
    return CatalogueSchema(tuple(entries), source)


def _entry(item: object, source: str, line: int) -> _Entry:
    if not isinstance(item, dict):
        raise LoaderError(source, f"line {line}: a mapping needs 'fields:' (and may have 'files:')")
    unknown = set(item) - {"files", "fields"}
    if unknown:
        raise LoaderError(source, f"line {line}: unknown key(s) {sorted(unknown)}; a mapping has "
                                  "'files' and 'fields'")
    files = item.get("files", [])
    patterns = files if isinstance(files, list) else [files]
    if any(not isinstance(p, str) or not p.strip() for p in patterns):
        raise LoaderError(source, f"line {line}: 'files' must be a file name or a list of them")
    try:
        mapping = parse_mapping(item.get("fields"), f"{source}, line {line}")
    except ValueError as exc:
        raise LoaderError(source, f"line {line}: {exc}") from exc
    return _Entry(tuple(p.strip() for p in patterns), mapping, line)


def _entry_lines(node: yaml.Node | None) -> list[int]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if getattr(key, "value", None) == "mappings" and isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return []
