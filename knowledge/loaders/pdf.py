"""PDF guidance: text per page with section numbers and clause ids kept.

PDF text comes as visual lines. Lines repeated on most pages (running headers and footers,
page numbers) are dropped; lines are joined back into paragraphs; a short numbered line with
no closing full stop ("3. Capital Grants") is a heading; a paragraph opening with a
number ("3.2 The site must ...") is a clause.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from knowledge.documents import Block, DocType, LoadedDocument
from knowledge.errors import LoaderError
from knowledge.loaders.common import (
    clause_of,
    clean,
    section_number,
    title_from_filename,
    update_heading_path,
)

_DIGITS_RE = re.compile(r"\d+")
_BULLET_RE = re.compile(r"^[•\-–\u25aa\u25cf]\s*")
_HEADING_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+([A-Z][^.;:!?]{1,90})$")


def load(path: Path, source: str) -> list[LoadedDocument]:
    with _library_messages() as messages:
        try:
            reader = PdfReader(str(path))
            pages = [page.extract_text() or "" for page in reader.pages]
        except (PdfReadError, ValueError, KeyError, TypeError) as exc:
            said = f"; {'; '.join(dict.fromkeys(messages))}" if messages else ""
            raise LoaderError(source, f"not a readable PDF ({exc}{said})") from exc
    if not any(p.strip() for p in pages):
        raise LoaderError(source, "the PDF has no text layer (scanned pages are not supported)")
    meta: dict[str, object] = dict(reader.metadata or {})
    title = clean(str(meta.get("/Title") or "")) or title_from_filename(path)
    programme = clean(str(meta.get("/Subject") or ""))
    if " " in programme:  # a free-text subject is not a programme tag
        programme = ""
    page_lines = [[clean(line) for line in page.splitlines()] for page in pages]
    repeated = _running_lines(page_lines)
    blocks: list[Block] = []
    headings: list[str] = []
    for number, lines in enumerate(page_lines, start=1):
        kept = [line for line in lines if line and _shape(line) not in repeated]
        for kind, text in _paragraphs(kept, title):
            if kind == "heading":
                level = (section_number(text) or "1").count(".") + 1
                update_heading_path(headings, level, text)
            else:
                blocks.append(
                    Block(text=text, heading_path=tuple(headings), page=number,
                          clause=clause_of(text))
                )
    return [
        LoadedDocument(source=source, title=title, doc_type=DocType.GUIDANCE, blocks=blocks,
                       programme=programme)
    ]


@contextmanager
def _library_messages() -> Iterator[list[str]]:
    """Keep pypdf's warnings ("EOF marker not found") off the terminal: they are collected,
    and a file that fails names them in its one error line instead."""
    messages: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("pypdf")
    handler = _Collect(level=logging.WARNING)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield messages
        messages.extend(str(w.message) for w in caught)
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _shape(line: str) -> str:
    return _DIGITS_RE.sub("#", line.lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines (digits ignored) that appear on at least half the pages of a multi-page PDF."""
    if len(pages) < 3:
        return set()
    counts = Counter(shape for lines in pages for shape in {_shape(line) for line in lines if line})
    return {shape for shape, n in counts.items() if n >= max(2, len(pages) // 2)}


def _paragraphs(lines: list[str], title: str):
    """Join visual lines into ("heading" | "text", text) paragraphs."""
    current: list[str] = []
    for i, line in enumerate(lines):
        if line == title:
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if _is_heading(line, following):
            if current:
                yield "text", clean(" ".join(current))
                current = []
            yield "heading", line
            continue
        starts_new = clause_of(line) is not None or _BULLET_RE.match(line) is not None
        ends_sentence = bool(current) and current[-1].endswith((".", ":")) and line[:1].isupper()
        if current and (starts_new or ends_sentence):
            yield "text", clean(" ".join(current))
            current = []
        current.append(line)
    if current:
        yield "text", clean(" ".join(current))


def _is_heading(line: str, following: str) -> bool:
    """A short numbered line with no closing punctuation, followed by the start of a paragraph.

    "3.2 Eligible costs" followed by "3.2.1 Capital ..." is a heading; "3.2 The site must be in
    one of the" followed by "seven councils ..." is the first line of a clause.
    """
    if not _HEADING_RE.match(line) or len(line) > 70:
        return False
    return not following or not following[:1].islower()
