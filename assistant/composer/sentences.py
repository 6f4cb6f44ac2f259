"""Sentences of a passage, and the shapes a passage's lines come in: prose, list items, table
rows ("District: WS2; Status: inside") and catalogue fields ("Description: ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.documents import LIST_MARKS
from knowledge.words import stems

_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[\"“(£€]?[A-Z0-9])")
_ABBREVIATIONS = {"e.g.", "i.e.", "etc.", "ss.", "s.", "no.", "approx.", "art.", "para.",
                  "vs.", "dr.", "mr.", "ms.", "mrs.", "st.", "ltd.", "co."}
_CELL_RE = re.compile(r"^\s*([A-Za-z][^:;]{0,40}?):\s+(.+?)\s*$")
_LABEL_RE = re.compile(r"^([A-Z][A-Za-z ()'/-]{1,30}):\s+(.+)$")
# catalogue fields whose value is prose worth quoting without its label
PROSE_FIELDS = frozenset({"description", "summary", "about", "overview", "what it does",
                          "details"})
# catalogue fields that say nothing a question is answered by on their own
_QUIET_FIELDS = {"kind", "type", "partner", "postcode", "url", "link", "website", "id"}


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage; each line (list item, table row) stands alone, and a table row
    is never cut at the full stops inside its cells."""
    sentences: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if table_row(line) is not None or (is_list_item(line) and len(line.split()) <= 80):
            sentences.append(line)  # a row or a list item is one unit, whatever its stops
            continue
        parts = _SENTENCE_END_RE.split(line)
        merged: list[str] = []
        for part in parts:
            if merged and merged[-1].rsplit(" ", 1)[-1].lower() in _ABBREVIATIONS:
                merged[-1] = f"{merged[-1]} {part}"
            else:
                merged.append(part)
        sentences.extend(p for p in merged if len(p) > 2)
    return sentences


def is_list_item(sentence: str) -> bool:
    return sentence.startswith(LIST_MARKS)


def introduces_list(sentence: str) -> bool:
    return sentence.rstrip().endswith(":") and not is_list_item(sentence)


@dataclass(frozen=True)
class Row:
    """A table row kept as "column: value" cells."""

    cells: tuple[tuple[str, str], ...]

    def shown(self, question: str, keep: int = 2) -> str | None:
        """The row's first cell (what the row is about) and the cells that best match the
        question: "Battery Hub; Lead partner(s): North Lab; Estuary University".
        A column named by the question counts most; words the first cell already has, least."""
        first, rest = self.cells[0], self.cells[1:]
        wanted = set(stems(question)) - set(stems(first[1]))

        def fit(i: int) -> int:
            label, value = rest[i]
            return 2 * len(wanted & set(stems(label))) + len(wanted & set(stems(value)))

        ranked = sorted(range(len(rest)), key=lambda i: -fit(i))
        chosen = sorted(i for i in ranked[:keep] if fit(i) > 0)
        if not chosen:
            return None  # no column the question asks about
        cells = [f"{rest[i][0]}: {rest[i][1]}" for i in chosen]
        return "; ".join([first[1], *cells])


def table_row(sentence: str) -> Row | None:
    """The cells of a "column: value; column: value" line, or None for anything else. A
    caption in front of the first cell ("The programmes at a glance: Programme: ...") is left
    out."""
    parts = sentence.split("; ")
    if len(parts) < 2:
        return None
    if parts[0].count(": ") >= 2:
        parts[0] = parts[0].split(": ", 1)[1]
    cells: list[tuple[str, str]] = []
    for part in parts:
        match = _CELL_RE.match(part)
        if match is None:
            if not cells:
                return None
            label, value = cells[-1]  # a value that itself holds "; " ("North Lab; South Lab")
            cells[-1] = (label, f"{value}; {part}")
            continue
        cells.append((match.group(1), match.group(2)))
    return Row(tuple(cells)) if len(cells) >= 2 else None


def is_labelled(line: str) -> bool:
    """Whether a line opens with a field's label ("Location: ...")."""
    return _LABEL_RE.match(line.strip()) is not None


def catalogue_line(line: str) -> tuple[str, str] | None:
    """A catalogue field line as (field, text to quote), or None when it is not worth quoting
    alone. A description loses its label; a list field keeps it ("Capabilities: ...")."""
    match = _LABEL_RE.match(line.strip())
    if match is None:
        return None
    label, value = match.group(1).strip(), match.group(2).strip()
    key = label.lower()
    if key in _QUIET_FIELDS:
        return None
    if key in PROSE_FIELDS:
        return key, value
    return key, line.strip()
