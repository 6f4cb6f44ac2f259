"""Programme vocabulary lives in the knowledge folder, never in the engine's Python: replacing
the folder re-targets the assistant with no code change (DESIGN principle 5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Words of the bundled programme, its partners and its regime. Matched case-sensitively, so
# that a common word ("hub" in "Hugging Face Hub") is not taken for the programme's.
WORDS = [r"\bSSR\b", r"\bWMCA\b", r"Growth Hubs?\b", r"Pre-?Hubs?\b", r"\bMFA\b",
         r"Minimal Financial Assistance", r"West Midlands", r"Productivity Booster",
         r"Speed to Scale", r"\bMTC\b", r"\bWMG\b", r"Business Futures", r"Net Zero Carbon Heat",
         r"Medical Technologies Hub", r"Transport and Connectivity Hub", r"ssr:programme",
         r"speedtoscale", r"Technical Support days?", r"Proof-of-Concept voucher"]
PATTERN = re.compile("|".join(WORDS))
FILES = sorted(p for folder in ("assistant", "knowledge") for p in (ROOT / folder).rglob("*.py"))


def test_the_list_covers_the_engine() -> None:
    assert len(FILES) > 50


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_programme_words_in_python(path: Path) -> None:
    found = [(n, m.group(0)) for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             for m in PATTERN.finditer(line)]
    assert not found, f"{path.relative_to(ROOT)}: programme words {found}"
