"""Clause references of the policy resolved to citations from the indexed guidance.

A policy criterion cites a clause ("3.4" of the eligibility rules) or, in a document without
numbered clauses, a heading ("The excluded sectors"). `ClauseIndex` finds the indexed passage
that holds it and returns what a citation needs: the document's title, the file, a locator, the
link and the clause's own words. Nothing is resolved from the policy's own text: a reference
that the index cannot find is reported as missing (None), never invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.documents import Chunk
from knowledge.index import KnowledgeIndex
from knowledge.loaders.common import CLAUSE_RE, clean
from knowledge.policy import ClauseRef, Policy, iter_clause_refs

QUOTE_MAX_CHARS = 600  # a citation quotes a clause, not a page
HEADING_SEPARATOR = " > "

_SENTENCE_END_RE = re.compile(r"(?<=[.!?:;])\s+")
# A lone section number left over at the end of a passage ("4B."), from a heading that the
# document's text runs straight on into.
_SECTION_NUMBER_RE = re.compile(r"^\(?[A-Z]{0,4}[-/]?\d{1,2}[A-Z]?(?:\.\d{1,3})*\)?\.?$")


@dataclass(frozen=True)
class ClauseRecord:
    """A policy reference resolved against the index, ready to be shown as a citation."""

    title: str
    source: str  # path within the knowledge folder
    locator: str  # "clause 3.4, page 4", or a heading path
    url: str
    quote: str  # the clause's own sentences, starting at its id


class ClauseIndex:
    """Finds the passage behind a ClauseRef in a knowledge folder's index."""

    def __init__(self, index: KnowledgeIndex) -> None:
        self._index = index

    def resolve(self, ref: ClauseRef) -> ClauseRecord | None:
        """The citation for `ref`, or None when its file or clause is not in the index."""
        chunks = self._index.lexical.chunks_of(ref.source)
        if not chunks:
            return None
        if is_clause_id(ref.clause):
            return _by_clause(chunks, ref.clause)
        return _by_heading(chunks, ref.clause)


def unfound_clauses(policy: Policy, index: KnowledgeIndex) -> list[str]:
    """One line for each clause the policy cites that its document, as indexed, does not hold:
    "programmes > my-grant > criteria > trading > clause: clause '3.77' is not in
    guidance/rules.md". A citation that cannot be shown is the programme team's to fix."""
    clauses = ClauseIndex(index)
    lines: list[str] = []
    seen: set[tuple[str, str]] = set()
    for loc, ref in iter_clause_refs(policy):
        if (ref.source, ref.clause) in seen or clauses.resolve(ref) is not None:
            continue
        seen.add((ref.source, ref.clause))
        lines.append(f"{_named_path(policy, loc)}: clause {ref.clause!r} is not in {ref.source}")
    return lines


def _named_path(model: object, loc: tuple[str | int, ...]) -> str:
    """A location in the policy with each list item named by its id where it has one."""
    parts: list[str] = []
    for step in loc:
        model = model[step] if isinstance(step, int) else getattr(model, str(step))  # type: ignore[index]
        parts.append(str(getattr(model, "id", step)) if isinstance(step, int) else str(step))
    return " > ".join(parts)


def is_clause_id(text: str) -> bool:
    """True for "3.4", "2.14.1", "(3.2)", "E2.4" or "E8"; False for a heading such as
    "2. The limit"."""
    wanted = text.strip()
    for ending in (" x", ". x"):  # the pattern expects text after the id
        match = CLAUSE_RE.match(wanted + ending)
        if match is not None and match.end() == len(wanted) + len(ending) - 1:
            return True
    return False


def _by_clause(chunks: list[Chunk], clause: str) -> ClauseRecord | None:
    wanted = clause.strip().strip("()").rstrip(".")
    chunk = next((c for c in chunks if wanted in c.clauses), None)
    if chunk is None:
        return None
    locator = f"clause {wanted}" + (f", page {chunk.page}" if chunk.page else "")
    return _record(chunk, locator, clause_quote(chunk.text, wanted))


def _by_heading(chunks: list[Chunk], heading: str) -> ClauseRecord | None:
    wanted = _normal(heading)
    chunk = next((c for c in chunks if _heading_matches(heading_path(c), wanted)), None)
    if chunk is None:
        return None
    return _record(chunk, chunk.locator, _opening(chunk.text))


def _record(chunk: Chunk, locator: str, quote: str) -> ClauseRecord:
    return ClauseRecord(title=chunk.title, source=chunk.source, locator=locator, url=chunk.url,
                        quote=quote)


def heading_path(chunk: Chunk) -> list[str]:
    """The headings above a passage: its context without the document title in front."""
    prefix = chunk.title + HEADING_SEPARATOR
    if not chunk.context.startswith(prefix):
        return []
    return chunk.context[len(prefix):].split(HEADING_SEPARATOR)


def _heading_matches(path: list[str], wanted: str) -> bool:
    """A heading reference names the section's own heading, or its path from any level
    ("Who the service is for", or "What the service offers > Technical Support")."""
    normal = [_normal(h) for h in path]
    return any(HEADING_SEPARATOR.join(normal[n:]) == wanted for n in range(len(normal)))


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def clause_quote(text: str, clause: str) -> str:
    """The clause's own words from a passage: from the line that opens with its id up to the
    next clause that is not one of its sub-clauses ("3.9" keeps "3.9.1" to "3.9.4")."""
    lines = text.split("\n")
    start = next((n for n, line in enumerate(lines) if _opening_clause(line) == clause), None)
    if start is None:
        return _opening(text)
    kept = [lines[start]]
    for line in lines[start + 1:]:
        opened = _opening_clause(line)
        if opened is not None and not opened.startswith(clause + "."):
            break
        kept.append(line)
    return _shorten(_without_trailing_heading(clean(" ".join(kept))))


def _opening_clause(line: str) -> str | None:
    match = CLAUSE_RE.match(line)
    return match.group(1) if match else None


def _without_trailing_heading(text: str) -> str:
    """Drop a heading that the document's text ran on into the clause ("... in Cork. 4B. Green
    Heat Centre"): trailing words with no closing punctuation, and a bare number."""
    sentences = _SENTENCE_END_RE.split(text)
    while len(sentences) > 1 and (not _ends_sentence(sentences[-1])
                                  or _SECTION_NUMBER_RE.match(sentences[-1])):
        sentences.pop()
    return " ".join(sentences)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":", ";", ")"))


def _opening(text: str) -> str:
    """The start of a section, for a reference to a heading rather than a clause: its first
    paragraphs or table rows, as many whole ones as fit in a quote."""
    lines = [clean(line) for line in text.split("\n") if line.strip()]
    if not lines:
        return ""
    kept = [lines[0]]
    for line in lines[1:]:
        if len(" ".join([*kept, line])) > QUOTE_MAX_CHARS:
            break
        kept[-1] = _closed(kept[-1], line)
        kept.append(line)
    return _shorten(" ".join(kept))


def _closed(line: str, following: str) -> str:
    """Table rows ("Sector: Gambling; SIC 2007 codes: 92") have no closing full stop: give
    one to a line that ends in a word when the next starts a new sentence, so that rows quoted
    together stay apart. A list item running on ("...; and") is left alone."""
    if line[-1:].isalnum() and following[:1].isupper():
        return line + "."
    return line


def _shorten(text: str) -> str:
    """At most QUOTE_MAX_CHARS, cut after a whole sentence where there is one."""
    if len(text) <= QUOTE_MAX_CHARS:
        return text
    sentences = _SENTENCE_END_RE.split(text)
    kept = ""
    for sentence in sentences:
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > QUOTE_MAX_CHARS:
            break
        kept = candidate
    return kept or text[:QUOTE_MAX_CHARS].rsplit(" ", 1)[0] + " ..."
