"""Catalogue field mapping: which of a source's fields give a record's name, partner, location...

Catalogues name their fields as their owners like (`team`, `Facility`, `Site postcode`). Each
record's fields are mapped to the roles the assistant reads (`ROLES`):

1. a mapping in the file itself (a JSON or YAML file whose top level holds `fields:` beside its
   list of records), else
2. `catalogue/schema.yaml`: its `fields:` apply to every file, and the first of its `files:`
   (a path under `catalogue/`, or a glob) that matches the file adds to them;
3. a role the mapping leaves out is found from the common names for it (`SYNONYMS`).

    fields:                 # every file
      name: title
    files:
      equipment.csv:        # this file
        name: Facility
        partner: Organisation
        postcode: Site postcode

Field names are compared in lower case with spaces and punctuation as "_" ("Site postcode" is
`site_postcode`). A mapped field is renamed to the role's own name; every other field is kept
under its own name.
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
SCHEMA_FILES = (SCHEMA_FILE, "schema.yml")

ROLES = ("name", "partner", "location", "postcode", "capabilities", "sectors", "equipment",
         "access", "serves", "description", "url", "kind")
# the field a role is stored as, when not the role's own name (the bundled files' `access_route`)
STORED_AS = {"access": "access_route"}

# Common names for each role, after `field_key` (lower case, words joined by "_"), in the order
# they are tried when a record lacks the role's own field.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("name", "title", "team", "team_name", "facility", "facility_name", "lab",
             "laboratory", "lab_name", "centre", "center", "expert", "expert_name", "asset",
             "asset_name", "equipment_name", "resource", "resource_name", "service_name",
             "record_name", "expert_team", "research_group", "group", "unit"),
    "partner": ("partner", "partners", "organisation", "organization", "institution",
                "provider", "host_organisation", "host_organization", "operator", "owner",
                "run_by", "delivered_by", "university", "partner_organisation", "partner_name",
                "host"),
    "location": ("location", "locations", "site", "host_site", "site_name", "address",
                 "site_address", "located", "venue", "campus", "town", "city"),
    "postcode": ("postcode", "post_code", "postal_code", "site_postcode", "eircode",
                 "site_eircode", "zip", "zip_code"),
    "capabilities": ("capabilities", "capability", "specialisms", "specialities", "specialties",
                     "expertise", "areas_of_expertise", "services", "skills", "offer",
                     "specialism", "what_we_offer", "research_areas"),
    "sectors": ("sectors", "sector", "industries", "industry", "suitable_for", "markets",
                "market_sectors"),
    "equipment": ("equipment", "kit", "machines", "machinery", "key_equipment", "assets",
                  "instruments", "tools", "methods"),
    "access": ("access_route", "access", "how_to_access", "how_to_book", "booking",
               "booking_route"),
    "serves": ("serves", "programme", "programmes", "program", "programs", "hub", "hubs",
               "strand", "strands", "theme", "themes"),
    "description": ("description", "summary", "about", "overview", "details"),
    "url": ("url", "link", "website", "web", "web_page", "webpage"),
    "kind": ("kind", "type", "record_type"),
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
        keys: dict[str, str] = {}  # compared form -> the record's own key (the first one)
        for key in record:
            keys.setdefault(field_key(key), key)
        renamed: dict[str, str] = {}  # the record's key -> the role's field name
        for role in ROLES:
            target = stored_name(role)
            explicit = self.fields.get(role)
            if explicit is None and target in record:
                continue
            for candidate in explicit or SYNONYMS[role]:
                found = keys.get(candidate)
                if found is not None and found not in renamed:
                    if found != target:
                        renamed[found] = target
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
        return any(field_key(key) in self.name_fields() for key in keys)

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
    pattern: str  # a path under catalogue/, or a glob
    mapping: FieldMapping
    line: int


@dataclass(frozen=True)
class CatalogueSchema:
    """`catalogue/schema.yaml`: a mapping for every file, and mappings for some files."""

    every_file: FieldMapping = SYNONYMS_ONLY
    entries: tuple[_Entry, ...] = ()
    source: str = f"catalogue/{SCHEMA_FILE}"

    def mapping_for(self, source: str) -> FieldMapping:
        """The mapping for a catalogue file, given by its path in the knowledge folder."""
        relative = source.split("/", 1)[1] if source.startswith("catalogue/") else source
        for entry in self.entries:
            if _matches(relative, entry.pattern):
                return FieldMapping({**self.every_file.fields, **entry.mapping.fields},
                                    entry.mapping.origin)
        return self.every_file

    def unmatched(self, sources: list[str]) -> list[str]:
        """Problems with file names that match none of the catalogue files (a typo, usually)."""
        relatives = [s.split("/", 1)[1] for s in sources if s.startswith("catalogue/")]
        return [f"{self.source}: line {entry.line}: {entry.pattern!r} matches no catalogue file"
                for entry in self.entries if not any(_matches(r, entry.pattern) for r in relatives)]


def _matches(relative: str, pattern: str) -> bool:
    return relative == pattern or fnmatch.fnmatchcase(relative, pattern)


def parse_mapping(data: object, where: str) -> FieldMapping:
    """A `fields:` mapping (role -> source field name, or a list of them). `where` names it."""
    if not isinstance(data, dict) or not data:
        raise ValueError("expected a mapping of our fields to the source's, such as 'name: team'")
    fields: dict[str, tuple[str, ...]] = {}
    for role, value in data.items():
        key = field_key(role)
        key = "access" if key == "access_route" else key
        if key not in ROLES:
            raise ValueError(f"{role!r} is not one of the fields a catalogue maps "
                             f"({', '.join(ROLES)})")
        names = value if isinstance(value, list) else [value]
        if not names or any(not isinstance(n, str) or not n.strip() for n in names):
            raise ValueError(f"{role!r} must name one of the source's fields, or a list of them")
        fields[key] = tuple(field_key(n) for n in names)
    return FieldMapping(fields, where)


def find_schema(path: Path, source: str) -> CatalogueSchema | None:
    """The schema of the catalogue folder that holds the file at `path` (`source` is its path in
    the knowledge folder, "catalogue/labs/kit.csv"), or None when it has none."""
    parts = Path(source).parts
    if len(parts) < 2:
        return None
    folder = path.parents[len(parts) - 2]
    for name in SCHEMA_FILES:
        if (folder / name).is_file():
            return load_schema(folder / name, f"catalogue/{name}")
    return None


def read_yaml(path: Path, source: str) -> tuple[yaml.Node | None, object]:
    """A YAML file's node tree (for line numbers) and its data; a `LoaderError` names the file
    and the line of a syntax error."""
    text = path.read_bytes().decode("utf-8")
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader), yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise LoaderError(source, f"{where}not valid YAML ({getattr(exc, 'problem', exc)})") \
            from exc


def load_schema(path: Path, source: str) -> CatalogueSchema:
    """Read `catalogue/schema.yaml`; a `LoaderError` names the file and line of a problem."""
    node, data = read_yaml(path, source)
    lines = _key_lines(node)
    if not isinstance(data, dict) or not data or set(data) - {"fields", "files"}:
        unknown = sorted(set(data) - {"fields", "files"}) if isinstance(data, dict) else []
        line = lines.get(unknown[0], 1) if unknown else 1
        raise LoaderError(source, f"line {line}: expected 'fields:' (for every file) and/or "
                                  "'files:' (file name or glob: its fields)")
    every_file = SYNONYMS_ONLY
    if data.get("fields") is not None:
        every_file = _mapping(data["fields"], source, lines.get("fields", 1))
    files = data.get("files") or {}
    if not isinstance(files, dict):
        raise LoaderError(source, f"line {lines.get('files', 1)}: 'files' must map a file name "
                                  "(or glob) to its fields")
    file_lines = _key_lines(_value_node(node, "files"))
    entries = []
    for pattern, fields in files.items():
        line = file_lines.get(str(pattern), lines.get("files", 1))
        entries.append(_Entry(str(pattern).strip(), _mapping(fields, source, line), line))
    return CatalogueSchema(every_file, tuple(entries), source)


def _mapping(data: object, source: str, line: int) -> FieldMapping:
    try:
        return parse_mapping(data, f"{source}, line {line}")
    except ValueError as exc:
        raise LoaderError(source, f"line {line}: {exc}") from exc


def _value_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if getattr(name, "value", None) == key:
                return value
    return None


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    """Each key of a YAML mapping node -> the line it is on (1-based)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(name.value): name.start_mark.line + 1 for name, _ in node.value}
