"""Another programme's folder, with catalogue sources that name their fields their own way,
ingests through the real command line and answers from its own catalogue."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

OTHER = Path(__file__).parent / "data" / "other-programme" / "knowledge"

pytestmark = pytest.mark.slow


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "connectors.cli", "--knowledge", str(OTHER), "--data-dir",
         str(data_dir), *args],
        capture_output=True, text=True, timeout=600, check=False,
        cwd=Path(__file__).parents[1])


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("other-programme-data")
    result = _cli(folder, "ingest")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "schema.yaml" not in result.stdout + result.stderr
    return folder


def test_a_rig_from_a_mapped_csv_is_found_with_its_partner(data_dir: Path) -> None:
    result = _cli(data_dir, "ask", "--json",
                  "Is there a rig that can check valves for hydrogen leaks?")
    assert result.returncode == 0, result.stderr
    reply = json.loads(result.stdout)
    text = json.dumps(reply)
    assert "Hydrogen leak-tightness chamber" in text
    assert "Estuary Hydrogen Lab" in text


def test_a_team_named_in_a_team_field_is_found(data_dir: Path) -> None:
    result = _cli(data_dir, "ask", "--json",
                  "Which research team could help us size shore power for our port?")
    assert result.returncode == 0, result.stderr
    assert "Port Decarbonisation Analytics Group" in result.stdout
