"""Catalogue records (facilities, expert teams) from CSV, JSON and YAML.

Every record needs a name; every other field is kept, and searchable. A list is a JSON or
YAML list, or a cell with values separated by ';'. Each record becomes one document whose
text lists its fields, so it can be found by meaning and by any word in any field.

A source may name its fields its own way. `catalogue/schema.yaml` maps them to ours (name,
partner, location, postcode, capabilities, sectors, equipment, access_route, serves,
description, url), for every file or file by file:

    fields:                 # every file
      name: title
    files:
      equipment.csv:        # this file (a path under catalogue/, or a glob)
        name: Facility
        partner: Organisation
        postcode: Site postcode

Without a mapping, common synonyms are recognised (team, title, facility, organisation,
institution, site, ...). A record with no name field gets an error naming the file and the
fields it has.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import json
from functools import lru_cache
from pathlib import Path, PurePosixPath

import yaml

from knowledge.documents import Block, DocType, LoadedDocument
from knowledge.errors import LoaderError
from knowledge.loaders.common import clean

FieldValue = str | list[str]

# Fields shown first, in this order, when a record has them; the rest follow as found.
_LEADING = ["kind", "partner", "description", "capabilities", "equipment", "sectors", "serves",
            "location", "postcode", "access_route"]
_NOT_IN_TEXT = {"name", "url"}

SCHEMA_FILES = ("schema.yaml", "schema.yml")  # in catalogue/: the field mapping, not records
CANONICAL = ("name", "partner", "location", "postcode", "capabilities", "sectors", "equipment",
             "access_route", "serves", "description", "url", "kind")
# Our field <- the names other sources give it, recognised without a mapping (lower case).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("title", "facility", "facility name", "team", "team name", "lab", "laboratory",
             "centre", "center", "resource", "resource name", "equipment name", "service name",
             "expert team", "group", "research group", "unit"),
    "partner": ("organisation", "organization", "institution", "university", "provider",
                "owner", "host", "partner organisation", "partner name", "operator"),
    "location": ("site", "address", "located", "site address"),
    "postcode": ("post code", "postal code", "zip", "zip code", "eircode", "site postcode"),
    "capabilities": ("capability", "services", "expertise", "specialisms", "specialism",
                     "skills", "offer", "what we offer", "areas of expertise"),
    "sectors": ("sector", "industries", "industry", "markets", "market sectors"),
    "equipment": ("kit", "machines", "machinery", "assets", "key equipment", "instruments"),
    "access_route": ("access", "how to access", "access route", "booking", "how to book"),
    "serves": ("programme", "programmes", "strand", "strands"),
    "description": ("summary", "about", "overview", "details"),
    "url": ("link", "website", "web", "web page", "webpage"),
}


def load_csv(path: Path, source: str) -> list[LoadedDocument]:
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise LoaderError(source, "line 1: the file has no header row")
    mapping = mapping_for(path, source)
    header = {f.strip().lower() for f in reader.fieldnames if f}
    if "name" not in _renamed(dict.fromkeys(header, ""), mapping):
        raise LoaderError(source, f"line 1: {_no_name(sorted(header))}")
    records = []
    for row in reader:
        line = reader.line_num
        fields = {
            (key or "").strip().lower(): _split(value)
            for key, value in row.items()
            if key is not None and value is not None
        }
        records.append(_record(_renamed(fields, mapping), source, f"line {line}"))
    return records


def load_json(path: Path, source: str) -> list[LoadedDocument]:
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise LoaderError(source, f"line {exc.lineno}: not valid JSON ({exc.msg})") from exc
    items = _record_list(data, source)
    mapping = mapping_for(path, source)
    return [_record(_renamed(_fields(item, source, f"record {n}"), mapping), source,
                    f"record {n}")
            for n, item in enumerate(items, start=1)]


def load_yaml(path: Path, source: str) -> list[LoadedDocument]:
    text = path.read_bytes().decode("utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", exc)
        raise LoaderError(source, f"{where}not valid YAML ({problem})") from exc
    items = _record_list(data, source)
    lines = _item_lines(node)
    mapping = mapping_for(path, source)
    return [_record(_renamed(_fields(item, source, f"line {line}"), mapping), source,
                    f"line {line}")
            for item, line in zip(items, lines, strict=False)]


def _record_list(data: object, source: str) -> list[object]:
    """A list of records, or a mapping holding exactly one such list (e.g. {"facilities": []})."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        lists = [value for value in data.values() if isinstance(value, list)]
        if len(lists) == 1:
            return lists[0]
    raise LoaderError(source, "expected a list of records (or a mapping holding one list)")


def _item_lines(node: yaml.Node | None) -> list[int]:
    if isinstance(node, yaml.MappingNode):
        lists = [value for _, value in node.value if isinstance(value, yaml.SequenceNode)]
        node = lists[0] if len(lists) == 1 else node
    if isinstance(node, yaml.SequenceNode):
        return [item.start_mark.line + 1 for item in node.value]
    return []


def _fields(item: object, source: str, where: str) -> dict[str, FieldValue]:
    if not isinstance(item, dict):
        raise LoaderError(source, f"{where}: a record must be a mapping of fields")
    return {str(key).strip().lower(): _value(value) for key, value in item.items()}


def _value(value: object) -> FieldValue:
    if isinstance(value, list):
        return [clean(str(v)) for v in value if v is not None and clean(str(v))]
    if value is None:
        return ""
    return _split(str(value))


def _split(cell: str) -> FieldValue:
    if ";" in cell:
        return [clean(part) for part in cell.split(";") if clean(part)]
    return clean(cell)


def _record(fields: dict[str, FieldValue], source: str, where: str) -> LoadedDocument:
    name = fields.get("name")
    if not name or not isinstance(name, str):
        if "name" in fields:
            raise LoaderError(source, f"{where}: the record has no 'name'")
        raise LoaderError(source, f"{where}: {_no_name(sorted(fields))}")
    ordered = [k for k in _LEADING if k in fields] + [
        k for k in fields if k not in _LEADING and k not in _NOT_IN_TEXT
    ]
    lines = []
    for key in ordered:
        value = fields[key]
        shown = ", ".join(value) if isinstance(value, list) else value
        if shown:
            lines.append(f"{key.replace('_', ' ').capitalize()}: {shown}")
    partner = fields.get("partner", "")
    serves = fields.get("serves") or fields.get("programme") or ""
    return LoadedDocument(
        source=source,
        title=name,
        doc_type=DocType.CATALOGUE,
        blocks=[Block(text=line) for line in lines],
        partner=partner if isinstance(partner, str) else ", ".join(partner),
        programme=serves if isinstance(serves, str) else ",".join(serves),
        url=str(fields.get("url", "")),
        locator=where,
        fields=dict(fields),
    )


# --- field mapping ---------------------------------------------------------------------------

def _no_name(seen: list[str]) -> str:
    return (f"no field gives the record's name; fields seen: {', '.join(seen) or 'none'}. "
            "Name one of them in catalogue/schema.yaml (fields: name: <field>), or call it "
            "'name'")


def _renamed(fields: dict[str, FieldValue], mapping: dict[str, str]) -> dict[str, FieldValue]:
    """The record's fields under our names: the mapping's first, then known synonyms; a field
    that is neither keeps its own name."""
    renamed: dict[str, FieldValue] = {}
    taken: set[str] = set()
    for ours, theirs in mapping.items():
        if theirs in fields:
            renamed[ours] = fields[theirs]
            taken.add(theirs)
    for ours in CANONICAL:
        if ours in renamed:
            continue
        if ours in fields and ours not in taken:
            renamed[ours] = fields[ours]
            taken.add(ours)
            continue
        for synonym in SYNONYMS.get(ours, ()):
            if synonym in fields and synonym not in taken and synonym not in CANONICAL:
                renamed[ours] = fields[synonym]
                taken.add(synonym)
                break
    for key, value in fields.items():
        if key not in taken and key not in renamed:
            renamed[key] = value
    return renamed


def mapping_for(path: Path, source: str) -> dict[str, str]:
    """Our field -> the source's field, for the catalogue file at `path` (`source` is its path
    in the knowledge folder, e.g. "catalogue/labs/equipment.csv")."""
    parts = PurePosixPath(source).parts
    if len(parts) < 2:
        return {}
    folder = path.parents[len(parts) - 2]  # the catalogue/ folder
    schema = next((folder / name for name in SCHEMA_FILES if (folder / name).is_file()), None)
    if schema is None:
        return {}
    files, default = _schema(schema, schema.stat().st_mtime_ns)
    inside = PurePosixPath(*parts[1:]).as_posix()
    for pattern, mapping in files.items():
        if inside == pattern or fnmatch.fnmatch(inside, pattern):
            return {**default, **mapping}
    return dict(default)


@lru_cache(maxsize=8)
def _schema(schema: Path, _mtime: int) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    where = f"catalogue/{schema.name}"
    try:
        data = yaml.safe_load(schema.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise LoaderError(where, f"{line}not valid YAML ({getattr(exc, 'problem', exc)})") \
            from exc
    if not isinstance(data, dict) or set(data) - {"fields", "files"}:
        raise LoaderError(where, "expected a mapping with 'fields' and/or 'files'")
    default = _field_map(data.get("fields") or {}, where, "fields")
    files_data = data.get("files") or {}
    if not isinstance(files_data, dict):
        raise LoaderError(where, "'files' must map a file name (or glob) to its fields")
    files = {str(name): _field_map(fields or {}, where, f"files: {name}")
             for name, fields in files_data.items()}
    return files, default


def _field_map(data: object, where: str, at: str) -> dict[str, str]:
    if not isinstance(data, dict):
        raise LoaderError(where, f"{at}: expected our field -> the source's field")
    mapping: dict[str, str] = {}
    for ours, theirs in data.items():
        key = str(ours).strip().lower()
        if key not in CANONICAL:
            raise LoaderError(where, f"{at}: {ours!r} is not one of our fields "
                                     f"({', '.join(CANONICAL)})")
        if not isinstance(theirs, str) or not theirs.strip():
            raise LoaderError(where, f"{at}: {ours} must name one of the source's fields")
        mapping[key] = theirs.strip().lower()
    return mapping
