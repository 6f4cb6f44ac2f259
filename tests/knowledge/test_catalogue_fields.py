"""Catalogue field mapping: a schema, a file's own mapping, common names, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.errors import LoaderError
from knowledge.loaders import load_file
from knowledge.loaders.fields import CatalogueSchema, load_schema

OTHER = Path(__file__).resolve().parents[1] / "data" / "other-programme" / "knowledge"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / "catalogue" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _load(path: Path, schema: CatalogueSchema | None = None):
    return load_file(path, f"catalogue/{path.name}", "catalogue", schema)


def test_common_names_give_the_name_partner_and_postcode(tmp_path: Path) -> None:
    path = _write(tmp_path, "labs.csv",
                  "Facility,Organisation,Site postcode,Town,Services\n"
                  "Bend test rig,Acme Labs,HU1 1AA,Hull,bend testing;fatigue\n")
    [record] = _load(path)
    assert record.title == "Bend test rig"
    assert record.partner == "Acme Labs"
    assert record.fields["postcode"] == "HU1 1AA"
    assert record.fields["location"] == "Hull"
    assert record.fields["capabilities"] == ["bend testing", "fatigue"]
    text = "\n".join(b.text for b in record.blocks)
    assert "Partner: Acme Labs" in text and "Postcode: HU1 1AA" in text


def test_json_records_naming_the_team(tmp_path: Path) -> None:
    path = _write(tmp_path, "teams.json", json.dumps(
        [{"team": "Data team", "institution": "A University", "site": "Cork",
          "expertise": ["forecasting"], "access": "Book a call"}]))
    [record] = _load(path)
    assert (record.title, record.partner) == ("Data team", "A University")
    assert record.fields["access_route"] == "Book a call"
    assert record.fields["location"] == "Cork"


def test_the_role_field_itself_wins_over_a_common_name(tmp_path: Path) -> None:
    path = _write(tmp_path, "people.json", json.dumps(
        [{"name": "Dr A", "title": "Senior engineer", "organisation": "Acme"}]))
    [record] = _load(path)
    assert record.title == "Dr A"
    assert record.fields["title"] == "Senior engineer"


def test_schema_maps_the_files_it_names(tmp_path: Path) -> None:
    schema_path = _write(tmp_path, "schema.yaml",
                         "files:\n"
                         "  courses.yaml:\n"
                         "    name: course\n"
                         "    partner: Run by the college\n"
                         "    capabilities: [covers, topics]\n")
    path = _write(tmp_path, "courses.yaml",
                  "- course: Welding basics\n"
                  "  run by the college: City College\n"
                  "  topics: [MIG, TIG]\n"
                  "  name: internal code W1\n")
    schema = load_schema(schema_path, "catalogue/schema.yaml")
    [record] = _load(path, schema)
    assert (record.title, record.partner) == ("Welding basics", "City College")
    assert record.fields["capabilities"] == ["MIG", "TIG"]
    assert record.fields["original_name"] == "internal code W1"  # displaced, still kept
    other = _write(tmp_path, "other.yaml", "- course: Not mapped here\n")
    with pytest.raises(LoaderError, match="fields seen: 'course'"):
        _load(other, schema)


def test_a_file_can_carry_its_own_mapping(tmp_path: Path) -> None:
    path = _write(tmp_path, "kit.json", json.dumps(
        {"fields": {"name": "asset", "partner": "lender"},
         "items": [{"asset": "Thermal camera", "lender": "Hub"}]}))
    [record] = _load(path)
    assert (record.title, record.partner) == ("Thermal camera", "Hub")
    assert "fields" not in record.fields


def test_no_name_field_names_the_file_and_the_fields_it_saw(tmp_path: Path) -> None:
    path = _write(tmp_path, "odd.csv", "Kit item,Owner org\nDrill,Acme\n")
    with pytest.raises(LoaderError) as caught:
        _load(path)
    message = str(caught.value)
    assert message.startswith("catalogue/odd.csv: line 1:")
    assert "'kit item'" in message and "'owner org'" in message and "schema.yaml" in message
    path = _write(tmp_path, "odd.json", json.dumps([{"label": "X", "kind": "facility"}]))
    with pytest.raises(LoaderError, match=r"catalogue/odd.json: record 1: .*'label', 'kind'"):
        _load(path)


def test_a_mapping_to_a_field_that_is_missing_says_which_mapping(tmp_path: Path) -> None:
    schema_path = _write(tmp_path, "schema.yaml",
                         "# every file\nfields:\n  name: course_title\n")
    path = _write(tmp_path, "c.csv", "course,partner\nA,B\n")
    schema = load_schema(schema_path, "catalogue/schema.yaml")
    with pytest.raises(LoaderError, match=r"no field 'course_title' .*schema.yaml, line 2"):
        _load(path, schema)


@pytest.mark.parametrize(("text", "problem"), [
    ("- fields: {name: a}\n", "line 1: expected 'fields:'"),
    ("fields: {name: a}\nfile: {x.csv: {name: b}}\n", "line 2: expected 'fields:'"),
    ("fields:\n  nmae: a\n", "line 1: 'nmae' is not one of the fields"),
    ("files:\n  a.csv: {name: a}\n  b.csv: {name: [a, 3]}\n", "line 3: 'name' must name"),
    ("files:\n  a.csv:\n", "line 2: expected a mapping of our fields"),
    ("files: [a.csv]\n", "line 1: 'files' must map a file name"),
    ("fields: [\n", "not valid YAML"),
])
def test_schema_errors_name_the_file_and_line(tmp_path: Path, text: str, problem: str) -> None:
    path = _write(tmp_path, "schema.yaml", text)
    with pytest.raises(LoaderError) as caught:
        load_schema(path, "catalogue/schema.yaml")
    assert str(caught.value).startswith("catalogue/schema.yaml: ")
    assert problem in str(caught.value)


def test_schema_patterns_that_match_no_file_are_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "schema.yaml",
                  "files:\n  courses.yaml: {name: a}\n  'kit/*.csv': {name: b}\n")
    schema = load_schema(path, "catalogue/schema.yaml")
    assert schema.unmatched(["catalogue/courses.yaml", "catalogue/kit/a.csv"]) == []
    assert schema.unmatched(["catalogue/course.yaml"]) == [
        "catalogue/schema.yaml: line 2: 'courses.yaml' matches no catalogue file",
        "catalogue/schema.yaml: line 3: 'kit/*.csv' matches no catalogue file"]


def test_the_other_programme_catalogue_reads_with_its_schema() -> None:
    schema = load_schema(OTHER / "catalogue" / "schema.yaml", "catalogue/schema.yaml")
    names = {}
    for path in sorted((OTHER / "catalogue").iterdir()):
        if path.name != "schema.yaml":
            for record in _load(path, schema):
                names[record.title] = record.partner
    assert names["Estuary Decarbonisation Data Team"] == "Estuary Growth Partnership"
    assert names["Quayside battery swap test bay"] == "Humber Terminal Operators Ltd"
    assert names["Wind turbine blade repair technician course"] == "Holm Composite Services"
