"""Markdown guidance: YAML front matter for title and tags, headings, paragraphs, lists, tables."""

from __future__ import annotations

from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from knowledge.documents import Block, DocType, LoadedDocument
from knowledge.errors import LoaderError
from knowledge.loaders.common import (
    clause_of,
    clean,
    table_rows,
    title_from_filename,
    update_heading_path,
)

_PARSER = MarkdownIt("commonmark").enable("table")


def load(path: Path, source: str) -> list[LoadedDocument]:
    raw = path.read_text(encoding="utf-8")
    front, body = split_front_matter(raw, source)
    blocks, first_heading = parse_blocks(body)
    title = str(front.get("title") or first_heading or title_from_filename(path))
    return [
        LoadedDocument(
            source=source,
            title=title,
            doc_type=DocType.GUIDANCE,
            blocks=blocks,
            programme=str(front.get("programme", "")),
            url=str(front.get("url", "")),
        )
    ]


def split_front_matter(raw: str, source: str) -> tuple[dict[str, object], str]:
    """Separate a leading `---` YAML block from the Markdown body."""
    if not raw.startswith("---"):
        return {}, raw
    end = raw.find("\n---", 3)
    if end == -1:
        return {}, raw
    try:
        front = yaml.safe_load(raw[3:end]) or {}
    except yaml.YAMLError as exc:
        raise LoaderError(source, f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(front, dict):
        raise LoaderError(source, "front matter must be a mapping of keys to values")
    body_start = raw.find("\n", end + 4)
    return front, raw[body_start + 1 :] if body_start != -1 else ""


def parse_blocks(body: str) -> tuple[list[Block], str]:
    """Walk the Markdown tokens; returns blocks and the first top-level heading (for a title)."""
    tokens = _PARSER.parse(body)
    blocks: list[Block] = []
    headings: list[str] = []
    first_heading = ""
    list_depth = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            level = int(token.tag[1])
            heading = clean(tokens[i + 1].content)
            if level == 1 and not first_heading:
                first_heading = heading
                headings.clear()
            else:
                update_heading_path(headings, level - 1 if first_heading else level, heading)
            i += 3
            continue
        if token.type == "table_open":
            end = _closing(tokens, i, "table_close")
            header, rows = _table(tokens[i:end])
            for line in table_rows(header, rows):
                blocks.append(Block(text=line, heading_path=tuple(h for h in headings if h)))
            i = end + 1
            continue
        if token.type in {"bullet_list_open", "ordered_list_open"}:
            list_depth += 1
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            list_depth -= 1
        elif token.type == "inline" and tokens[i - 1].type == "paragraph_open":
            text = clean(" ".join(token.content.splitlines()))
            if text:
                blocks.append(
                    Block(
                        text=f"- {text}" if list_depth else text,
                        heading_path=tuple(h for h in headings if h),
                        clause=clause_of(text),
                    )
                )
        i += 1
    return blocks, first_heading


def _closing(tokens: list[Token], start: int, kind: str) -> int:
    for j in range(start, len(tokens)):
        if tokens[j].type == kind:
            return j
    return len(tokens) - 1


def _table(tokens: list[Token]) -> tuple[list[str], list[list[str]]]:
    header: list[str] = []
    rows: list[list[str]] = []
    current: list[str] = []
    in_head = False
    for token in tokens:
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            current = []
        elif token.type == "inline":
            current.append(token.content)
        elif token.type == "tr_close":
            if in_head:
                header = current
            else:
                rows.append(current)
    return header, rows
