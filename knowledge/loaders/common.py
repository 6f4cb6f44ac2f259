"""Helpers shared by the loaders: clause ids, whitespace, table rows and titles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

# A clause id at the start of a paragraph: "3.2", "3.2.1", "E2.4", optionally in brackets or
# followed by a full stop. A lone "3." is a section number and belongs to headings.
# A clause id opening a paragraph: numbered ("3.4", "2.14.1", "E2.4"), or letters and a number
# with no dot ("E8", "D2"), which must be followed by ".", ":" or ")" so that "CO2 emissions"
# or "M6 junction" is not taken for one; bold markers around the id are allowed.
# a clause's id opening its line: "3.4", "2.14.1", "(3.2)", "E2.4", "TF-3.2", "CD/2.1", "E8."
CLAUSE_RE = re.compile(r"^(?:\*\*|__)?\(?((?:[A-Z]{1,4}[-/]?)?\d{1,2}(?:\.\d{1,3}){1,3}|"
                       r"[A-Z]{1,4}[-/]?\d{1,3}(?=[.:)]))\)?[.:]?(?:\*\*|__)?\s+(?=\S)")
SECTION_NUMBER_RE = re.compile(r"^((?:[A-Z]{1,4}[-/]?)?\d{1,2}(?:\.\d{1,3}){0,3})\.?\s+\S")
_SPACE_RE = re.compile(r"[ \t\u00a0\u2009\u202f]+")


def clean(text: str) -> str:
    """Collapse runs of spaces, drop soft hyphens, trim."""
    text = text.replace("\u00ad", "")
    return _SPACE_RE.sub(" ", text).strip()


def clause_of(paragraph: str) -> str | None:
    """The clause id that opens a paragraph, if any."""
    match = CLAUSE_RE.match(paragraph)
    return match.group(1) if match else None


def section_number(heading: str) -> str | None:
    """The number in front of a heading ("3. Capital Grants" gives "3")."""
    match = SECTION_NUMBER_RE.match(heading)
    return match.group(1) if match else None


def table_rows(
    header: Sequence[str], rows: Sequence[Sequence[str]], caption: str = ""
) -> list[str]:
    """Each table row as "column: value; column: value" so a row stands on its own in search."""
    lines = []
    header = [clean(h) for h in header]
    for row in rows:
        cells = [clean(c) for c in row]
        if not any(cells):
            continue
        if header and len(header) == len(cells):
            parts = [f"{h}: {c}" if h else c for h, c in zip(header, cells, strict=True) if c]
        else:
            parts = [c for c in cells if c]
        line = "; ".join(parts)
        lines.append(f"{caption}: {line}" if caption else line)
    return lines


def title_from_filename(path: Path) -> str:
    """A readable title when a document states none: "how-to-apply.html" gives "How to apply"."""
    words = re.sub(r"[_\-]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else path.name


def update_heading_path(path: list[str], level: int, heading: str) -> None:
    """Set `heading` at `level` (1-based), dropping deeper headings."""
    del path[level - 1 :]
    while len(path) < level - 1:
        path.append("")
    path.append(heading)
