"""Dependencies point down only: knowledge <- assistant <- evals <- connectors."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RANK = {"knowledge": 0, "assistant": 1, "evals": 2, "connectors": 3}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("layer", sorted(RANK))
def test_no_module_imports_a_higher_layer(layer: str) -> None:
    offenders = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        for imported in _imports(path):
            if imported in RANK and RANK[imported] > RANK[layer]:
                offenders.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert not offenders, "upward imports:\n" + "\n".join(offenders)


def test_the_layering_check_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from connectors.cli import main\nimport assistant.engine\n")
    assert _imports(module) == {"connectors", "assistant"}
