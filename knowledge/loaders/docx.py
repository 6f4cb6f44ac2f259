"""Word documents: paragraphs and tables in document order, Word heading styles as headings."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from knowledge.documents import Block, DocType, LoadedDocument
from knowledge.errors import LoaderError
from knowledge.loaders.common import (
    clause_of,
    clean,
    table_rows,
    title_from_filename,
    update_heading_path,
)

_HEADING_STYLE_RE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def load(path: Path, source: str) -> list[LoadedDocument]:
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
        raise LoaderError(source, f"not a readable Word document ({exc})") from exc
    props = document.core_properties
    title = clean(props.title or "")
    programme = clean(props.subject or "")
    if " " in programme:
        programme = ""
    blocks: list[Block] = []
    headings: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = clean(item.text)
            if not text:
                continue
            style = (item.style.name if item.style is not None else "") or ""
            level = _heading_level(style)
            if style.lower() == "title":
                title = title or text
            elif level:
                update_heading_path(headings, level, text)
            else:
                bullet = "- " if "list" in style.lower() else ""
                blocks.append(Block(text=bullet + text, heading_path=tuple(headings),
                                    clause=clause_of(text)))
        elif isinstance(item, Table):
            header, rows = _table(item)
            for line in table_rows(header, rows):
                blocks.append(Block(text=line, heading_path=tuple(headings)))
    return [
        LoadedDocument(
            source=source,
            title=title or title_from_filename(path),
            doc_type=DocType.GUIDANCE,
            blocks=blocks,
            programme=programme,
        )
    ]


def _heading_level(style: str) -> int:
    match = _HEADING_STYLE_RE.match(style.strip())
    return int(match.group(1)) if match else 0


def _table(table: Table) -> tuple[list[str], list[list[str]]]:
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    if not rows:
        return [], []
    return rows[0], rows[1:]
