"""Plain-text guidance: the first line is the title; numbered lines are section headings.

Recognised conventions, all optional: a `Programme: slug` line and a `URL: ...` line near the top;
headings as numbered short lines ("2. Who we share your data with") or short ALL-CAPS lines;
paragraphs separated by blank lines; clause ids at the start of a paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.documents import LIST_MARKS, Block, DocType, LoadedDocument
from knowledge.loaders.common import clause_of, clean, title_from_filename

_TAG_RE = re.compile(r"^(programme|url)\s*:\s*(\S.*)$", re.IGNORECASE)
_NUMBERED_HEADING_RE = re.compile(r"^(\d{1,2})\.?\s+([A-Z][^.!?]{1,80})$")


def load(path: Path, source: str) -> list[LoadedDocument]:
    raw = path.read_text(encoding="utf-8")
    paragraphs = [p for p in re.split(r"\n\s*\n", raw.replace("\r\n", "\n")) if p.strip()]
    tags: dict[str, str] = {}
    title = ""
    blocks: list[Block] = []
    heading: tuple[str, ...] = ()
    for paragraph in paragraphs:
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        body: list[str] = []
        for line in lines:
            tag = _TAG_RE.match(line)
            if tag and not blocks:
                tags[tag.group(1).lower()] = tag.group(2).strip()
            elif not title:
                title = clean(line)
            elif _is_heading(line) and not body:
                heading = (clean(line),)
            else:
                body.append(line)
        for item in _split_items(body):
            text = clean(" ".join(item))
            if text and not set(text) <= set("=-_*~ "):
                blocks.append(Block(text=text, heading_path=heading, clause=clause_of(text)))
    return [
        LoadedDocument(
            source=source,
            title=title or title_from_filename(path),
            doc_type=DocType.GUIDANCE,
            blocks=blocks,
            programme=tags.get("programme", ""),
            url=tags.get("url", ""),
        )
    ]


def _is_heading(line: str) -> bool:
    if _NUMBERED_HEADING_RE.match(line):
        return True
    letters = [c for c in line if c.isalpha()]
    return 3 <= len(line) <= 80 and bool(letters) and all(c.isupper() for c in letters)


def _split_items(lines: list[str]) -> list[list[str]]:
    """Split a paragraph where a new clause or bullet starts on its own line."""
    items: list[list[str]] = []
    for line in lines:
        starts_item = clause_of(line) is not None or line.startswith(LIST_MARKS)
        if starts_item or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return items
