"""Catalogue records (facilities, expert teams) from CSV, JSON and YAML.

Every record needs a `name`; every other field is kept, and searchable. A list is a JSON or
YAML list, or a cell with values separated by ';'. Each record becomes one document whose
text lists its fields, so it can be found by meaning and by any word in any field.
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

FieldValue = str | list[str]

# Fields shown first, in this order, when a record has them; the rest follow as found.
_LEADING = ["kind", "partner", "description", "capabilities", "equipment", "sectors", "serves",
            "location", "postcode", "access_route"]
_NOT_IN_TEXT = {"name", "url"}


def load_csv(path: Path, source: str) -> list[LoadedDocument]:
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "name" not in [f.strip().lower() for f in reader.fieldnames]:
        raise LoaderError(source, "line 1: the header has no 'name' column")
    records = []
    for row in reader:
        line = reader.line_num
        fields = {
            (key or "").strip().lower(): _split(value)
            for key, value in row.items()
            if key is not None and value is not None
        }
        records.append(_record(fields, source, f"line {line}"))
    return records


def load_json(path: Path, source: str) -> list[LoadedDocument]:
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise LoaderError(source, f"line {exc.lineno}: not valid JSON ({exc.msg})") from exc
    items = _record_list(data, source)
    return [_record(_fields(item, source, f"record {n}"), source, f"record {n}")
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
    return [_record(_fields(item, source, f"line {line}"), source, f"line {line}")
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
        raise LoaderError(source, f"{where}: the record has no 'name'")
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
