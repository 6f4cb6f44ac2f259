"""Token-aware chunking that follows headings and never exceeds the embedder's limit.

A chunk is packed from consecutive blocks under the same heading path, up to a target size;
a block too long on its own is split by langchain's recursive splitter using the embedder's
own tokenizer. The bound is checked on the final text the model sees (title and heading path
in front of the passage, special tokens included), so no chunk is ever silently truncated.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from knowledge.documents import Block, Chunk, LoadedDocument

TokenCounter = Callable[[str], int]


@dataclass(frozen=True)
class ChunkingConfig:
    max_tokens: int = 256  # the embedder's maximum sequence length, special tokens included
    target_tokens: int = 180  # pack blocks up to this size; smaller chunks cite more precisely
    overlap_tokens: int = 24  # only when one block has to be split

    def __post_init__(self) -> None:
        if not 32 <= self.target_tokens <= self.max_tokens:
            raise ValueError(
                f"target_tokens must be between 32 and max_tokens ({self.max_tokens}), "
                f"got {self.target_tokens}"
            )


class Chunker:
    def __init__(
        self,
        count_tokens: TokenCounter,
        config: ChunkingConfig | None = None,
        count_prompt_tokens: TokenCounter | None = None,
    ) -> None:
        self._count = count_tokens
        self._config = config or ChunkingConfig()
        self._count_prompt = count_prompt_tokens

    @property
    def config(self) -> ChunkingConfig:
        return self._config

    def chunk(self, document: LoadedDocument, file_hash: str) -> list[Chunk]:
        chunks: list[Chunk] = []
        for heading_path, blocks in _group_by_heading(document.blocks):
            context = " > ".join([document.title, *heading_path])
            for texts in self._pack(context, blocks):
                chunks.append(self._make_chunk(document, file_hash, context, heading_path,
                                               texts, len(chunks)))
        return chunks

    def fits(self, chunk: Chunk) -> bool:
        return self._count(chunk.embed_text) <= self._config.max_tokens

    def _pack(self, context: str, blocks: list[Block]) -> list[list[Block]]:
        """Group consecutive blocks while the whole embedded text stays within the target.

        Word pieces never span whitespace, so a group's size is the sum of its blocks' sizes
        (each counted once); the final text of every group is then counted exactly.
        """
        base = self._count(context + "\n")  # [CLS] and [SEP] included
        hard = self._config.max_tokens - base
        if hard < 16:
            raise ValueError(f"heading path too long to leave room for text: {context[:80]!r}")
        groups: list[list[Block]] = []
        current: list[Block] = []
        size = base
        for block in self._fit_blocks(context, blocks, hard):
            block_size = self._count(block.text) - 2  # without [CLS] and [SEP]
            if current and size + block_size > self._config.target_tokens:
                groups.append(current)
                current, size = [], base
            current.append(block)
            size += block_size
        if current:
            groups.append(current)
        return [part for group in groups for part in self._exact(context, group)]

    def _exact(self, context: str, group: list[Block]) -> list[list[Block]]:
        """The group, or its halves, so that the text the model sees is within the maximum."""
        if len(group) == 1 or self._count(context + "\n" + _join(group)) <= self._config.max_tokens:
            return [group]
        middle = len(group) // 2
        return self._exact(context, group[:middle]) + self._exact(context, group[middle:])

    def _fit_blocks(self, context: str, blocks: list[Block], hard: int) -> list[Block]:
        """Split any block longer than the hard budget into pieces that fit."""
        fitted: list[Block] = []
        for block in blocks:
            if self._count(context + "\n" + block.text) <= self._config.max_tokens:
                fitted.append(block)
                continue
            size = hard
            while True:
                pieces = self._splitter(size).split_text(block.text)
                if all(self._count(context + "\n" + p) <= self._config.max_tokens
                       for p in pieces):
                    break
                size -= 8
            fitted.extend(
                Block(text=p, heading_path=block.heading_path, page=block.page,
                      clause=block.clause if n == 0 else None)
                for n, p in enumerate(pieces)
            )
        return fitted

    def _splitter(self, size: int) -> RecursiveCharacterTextSplitter:
        return RecursiveCharacterTextSplitter(
            chunk_size=max(8, size - 2),
            chunk_overlap=min(self._config.overlap_tokens, max(0, size // 4)),
            length_function=self._count,
            separators=["\n\n", "\n", ". ", "; ", ", ", " ", ""],
            keep_separator="end",
        )

    def _make_chunk(self, document: LoadedDocument, file_hash: str, context: str,
                    heading_path: tuple[str, ...], blocks: list[Block], index: int) -> Chunk:
        text = _join(blocks)
        clauses = tuple(dict.fromkeys(b.clause for b in blocks if b.clause))
        pages = [b.page for b in blocks if b.page]
        chunk_id = hashlib.sha1(f"{document.source}\0{file_hash}\0{index}".encode()).hexdigest()
        return Chunk(
            id=chunk_id,
            source=document.source,
            title=document.title,
            doc_type=document.doc_type,
            text=text,
            context=context,
            locator=_locator(heading_path, clauses, pages[0] if pages else None)
            or document.locator,
            index=index,
            page=pages[0] if pages else None,
            clauses=clauses,
            programme=document.programme,
            partner=document.partner,
            url=document.url,
            prompt_tokens=self._count_prompt(context + "\n" + text) if self._count_prompt else 0,
        )


def _join(blocks: list[Block]) -> str:
    return "\n".join(b.text for b in blocks)


def _group_by_heading(blocks: list[Block]) -> list[tuple[tuple[str, ...], list[Block]]]:
    groups: list[tuple[tuple[str, ...], list[Block]]] = []
    for block in blocks:
        if groups and groups[-1][0] == block.heading_path:
            groups[-1][1].append(block)
        else:
            groups.append((block.heading_path, [block]))
    return groups


def _locator(heading_path: tuple[str, ...], clauses: tuple[str, ...], page: int | None) -> str:
    """What a citation points at: clause ids when there are any, else the heading path; page."""
    parts = []
    if clauses:
        parts.append(("clause " if len(clauses) == 1 else "clauses ") +
                     (clauses[0] if len(clauses) == 1 else f"{clauses[0]}–{clauses[-1]}"))
    elif heading_path:
        parts.append(" > ".join(heading_path))
    if page:
        parts.append(f"page {page}")
    return ", ".join(parts)
