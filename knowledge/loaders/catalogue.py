"""Catalogue records (facilities, expert teams) from CSV, JSON and YAML.

Every record needs a name, from a field the file's mapping names or a common one (`name`,
`title`, `team`, `facility`, ...: see `knowledge.loaders.fields`); every other field is kept,
and searchable. A list is a JSON or YAML list, or a cell with values separated by ';'. Each
record becomes one document whose text lists its fields, so it can be found by meaning and by
any word in any field.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml

from knowledge.documents import Block, DocType, LoadedDocument
from knowledge.errors import LoaderError
from knowledge.loaders.common import clean
from knowledge.loaders.fields import (
    SYNONYMS_ONLY,
    FieldMapping,
    FieldValue,
    parse_mapping,
    read_yaml,
)

IN_FILE_MAPPING = "fields"  # a JSON or YAML file's own mapping, beside its list of records

# Fields shown first, in this order, when a record has them; the rest follow as found.
_LEADING = ["kind", "partner", "description", "capabilities", "equipment", "sectors", "serves",
            "location", "postcode", "access_route"]
_NOT_IN_TEXT = {"name", "url"}


def load_csv(path: Path, source: str,
             mapping: FieldMapping = SYNONYMS_ONLY) -> list[LoadedDocument]:
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [_key(f) for f in reader.fieldnames or [] if f is not None and f.strip()]
    if not mapping.has_name(columns):
        raise LoaderError(source, f"line 1: {mapping.missing_name(columns)}")
    records = []
    for row in reader:
        line = reader.line_num
        fields = {
            _key(key): _split(value)
            for key, value in row.items()
            if key is not None and key.strip() and value is not None
        }
        records.append(_record(mapping.apply(fields), mapping, source, f"line {line}"))
    return records


def load_json(path: Path, source: str,
              mapping: FieldMapping = SYNONYMS_ONLY) -> list[LoadedDocument]:
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise LoaderError(source, f"line {exc.lineno}: not valid JSON ({exc.msg})") from exc
    mapping = _own_mapping(data, source, mapping)
    items = _record_list(data, source)
    return [_record(mapping.apply(_fields(item, source, f"record {n}")), mapping, source,
                    f"record {n}")
            for n, item in enumerate(items, start=1)]


def load_yaml(path: Path, source: str,
              mapping: FieldMapping = SYNONYMS_ONLY) -> list[LoadedDocument]:
    node, data = read_yaml(path, source)
    mapping = _own_mapping(data, source, mapping)
    items = _record_list(data, source)
    lines = _item_lines(node)
    return [_record(mapping.apply(_fields(item, source, f"line {line}")), mapping, source,
                    f"line {line}")
            for item, line in zip(items, lines, strict=False)]


def _own_mapping(data: object, source: str, mapping: FieldMapping) -> FieldMapping:
    """The file's own `fields:` mapping when it has one, else the mapping it was given."""
    if not isinstance(data, dict) or IN_FILE_MAPPING not in data:
        return mapping
    try:
        return parse_mapping(data[IN_FILE_MAPPING], f"its own '{IN_FILE_MAPPING}:' mapping")
    except ValueError as exc:
        raise LoaderError(source, f"'{IN_FILE_MAPPING}': {exc}") from exc


def _record_list(data: object, source: str) -> list[object]:
    """A list of records, or a mapping holding exactly one such list (e.g. {"facilities": []})."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        lists = [value for key, value in data.items()
                 if isinstance(value, list) and key != IN_FILE_MAPPING]
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
    return {_key(key): _value(value) for key, value in item.items()}


def _key(name: object) -> str:
    """A field's name as the record keeps it: in lower case ("Site postcode" is "site postcode")."""
    return str(name).strip().lower()


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


def _record(fields: dict[str, FieldValue], mapping: FieldMapping, source: str,
            where: str) -> LoadedDocument:
    name = fields.get("name")
    if isinstance(name, list) and len(name) == 1:
        name = name[0]
    if not name or not isinstance(name, str):
        raise LoaderError(source, f"{where}: {mapping.missing_name(list(fields))}"
                          if "name" not in fields else f"{where}: the record has no 'name'")
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
