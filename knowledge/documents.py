"""Typed objects passed between the stages of ingestion and retrieval."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

LIST_MARKS = ("- ", "* ", "• ")  # how a loaded passage starts a list item


class DocType(StrEnum):
    GUIDANCE = "guidance"
    CATALOGUE = "catalogue"


@dataclass(frozen=True)
class Block:
    """One unit of text as the loader found it: a paragraph, a list item or a table row.

    `heading_path` is the chain of headings above the block; `clause` is the clause id that
    starts the paragraph ("3.2.1"), when there is one; `page` is 1-based for paged formats.
    """

    text: str
    heading_path: tuple[str, ...] = ()
    page: int | None = None
    clause: str | None = None


@dataclass
class LoadedDocument:
    """A file read by a loader: its title, tags and blocks in reading order."""

    source: str  # path relative to the knowledge folder, with forward slashes
    title: str
    doc_type: DocType
    blocks: list[Block]
    programme: str = ""
    partner: str = ""
    url: str = ""
    locator: str = ""  # where in the file, when the document is one record of several
    fields: dict[str, object] = field(default_factory=dict)  # catalogue records only


@dataclass(frozen=True)
class Chunk:
    """A piece of a document small enough for the embedder, with its citation locator.

    `text` is the passage itself; `context` is the document title and heading path, which
    `embed_text` puts in front of the passage for the dense and lexical indexes.
    """

    id: str
    source: str
    title: str
    doc_type: DocType
    text: str
    context: str
    locator: str
    index: int
    page: int | None = None
    clauses: tuple[str, ...] = ()
    programme: str = ""
    partner: str = ""
    url: str = ""
    prompt_tokens: int = 0

    @property
    def embed_text(self) -> str:
        return f"{self.context}\n{self.text}" if self.context else self.text

    def metadata(self) -> dict[str, str | int]:
        """Flat metadata as the vector store and lexical index keep it (scalars only)."""
        return {
            "source": self.source,
            "title": self.title,
            "doc_type": self.doc_type.value,
            "context": self.context,
            "locator": self.locator,
            "index": self.index,
            "page": self.page or 0,
            "clauses": ",".join(self.clauses),
            "programme": self.programme,
            "partner": self.partner,
            "url": self.url,
            "prompt_tokens": self.prompt_tokens,
        }

    @classmethod
    def from_metadata(cls, chunk_id: str, text: str, meta: dict[str, object]) -> Chunk:
        clauses = str(meta.get("clauses") or "")
        return cls(
            id=chunk_id,
            source=str(meta["source"]),
            title=str(meta.get("title", "")),
            doc_type=DocType(str(meta.get("doc_type", DocType.GUIDANCE.value))),
            text=text,
            context=str(meta.get("context", "")),
            locator=str(meta.get("locator", "")),
            index=_int(meta.get("index")),
            page=_int(meta.get("page")) or None,
            clauses=tuple(c for c in clauses.split(",") if c),
            programme=str(meta.get("programme", "")),
            partner=str(meta.get("partner", "")),
            url=str(meta.get("url", "")),
            prompt_tokens=_int(meta.get("prompt_tokens")),
        )


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | float | str) and str(value).strip() else 0
