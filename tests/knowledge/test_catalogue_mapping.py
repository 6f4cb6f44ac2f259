"""A catalogue source that names its fields its own way: catalogue/schema.yaml, synonyms, and
an error that names the fields seen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.errors import LoaderError
from knowledge.loaders import load_file


def _catalogue(root: Path, files: dict[str, str]) -> Path:
    folder = root / "catalogue"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_schema_maps_a_files_fields_to_ours(tmp_path: Path) -> None:
    folder = _catalogue(tmp_path, {
        "schema.yaml": "files:\n  kit.csv:\n    name: Rig\n    partner: Run by\n"
                       "    postcode: Where (postcode)\n",
        "kit.csv": "Rig,Run by,Where (postcode),Notes\n"
                   "Salt-spray chamber,Coastal Test Labs,H91 X2Y3,corrosion testing\n",
    })
    [record] = load_file(folder / "kit.csv", "catalogue/kit.csv", "catalogue")
    assert record.title == "Salt-spray chamber"
    assert record.partner == "Coastal Test Labs"
    assert record.fields["postcode"] == "H91 X2Y3"
    assert record.fields["notes"] == "corrosion testing"
    assert "Partner: Coastal Test Labs" in "\n".join(b.text for b in record.blocks)


def test_schema_fields_apply_to_every_file_and_a_glob_to_some(tmp_path: Path) -> None:
    folder = _catalogue(tmp_path, {
        "schema.yaml": "fields:\n  name: label\nfiles:\n  'teams/*.json':\n    name: lead\n",
        "a.json": json.dumps([{"label": "Furnace", "organisation": "Forge Works"}]),
        "teams/b.json": json.dumps([{"lead": "Dr Ng's group", "label": "ignored here"}]),
    })
    [furnace] = load_file(folder / "a.json", "catalogue/a.json", "catalogue")
    assert (furnace.title, furnace.partner) == ("Furnace", "Forge Works")
    [team] = load_file(folder / "teams" / "b.json", "catalogue/teams/b.json", "catalogue")
    assert team.title == "Dr Ng's group"


@pytest.mark.parametrize("field", ["team", "title", "facility", "Facility Name"])
def test_common_names_for_the_name_need_no_mapping(tmp_path: Path, field: str) -> None:
    folder = _catalogue(tmp_path, {
        "x.json": json.dumps({"records": [{field: "Battery lab", "institution": "Uni X"}]})})
    [record] = load_file(folder / "x.json", "catalogue/x.json", "catalogue")
    assert (record.title, record.partner) == ("Battery lab", "Uni X")


def test_no_name_field_names_the_file_and_the_fields_seen(tmp_path: Path) -> None:
    folder = _catalogue(tmp_path, {"x.csv": "Kit,Owner org\nLathe,Acme\n"})
    with pytest.raises(LoaderError) as error:
        load_file(folder / "x.csv", "catalogue/x.csv", "catalogue")
    message = str(error.value)
    assert "catalogue/x.csv" in message and "kit" in message and "owner org" in message
    assert "schema.yaml" in message


def test_a_bad_schema_names_itself(tmp_path: Path) -> None:
    folder = _catalogue(tmp_path, {"schema.yaml": "fields:\n  title: name\n",
                                   "x.csv": "name\nLathe\n"})
    with pytest.raises(LoaderError, match=r"catalogue/schema.yaml.*'title' is not one of"):
        load_file(folder / "x.csv", "catalogue/x.csv", "catalogue")
