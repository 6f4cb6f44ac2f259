"""Chunks follow headings and never exceed the embedder's maximum sequence length."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.chunking import Chunker, ChunkingConfig
from knowledge.documents import Block, DocType, LoadedDocument
from knowledge.embeddings import bundled_model_path
from knowledge.index import SECTIONS, bundled_knowledge_dir
from knowledge.loaders import load_file, loader_for
from knowledge.tokens import WordPieceCounter, enable_offline_tiktoken

MAX = 256  # all-MiniLM-L6-v2's max_seq_length, special tokens included


@pytest.fixture(scope="module")
def count() -> WordPieceCounter:
    return WordPieceCounter(bundled_model_path() / "tokenizer.json")


def _bundled_documents() -> list[LoadedDocument]:
    root = bundled_knowledge_dir()
    documents = []
    for section in SECTIONS:
        for path in sorted((root / section).rglob("*")):
            if path.is_file() and loader_for(section, path) and not path.name.startswith("README"):
                documents += load_file(path, path.relative_to(root).as_posix(), section)
    return documents


def test_no_bundled_chunk_exceeds_the_model_limit(count: WordPieceCounter) -> None:
    chunker = Chunker(count, ChunkingConfig(max_tokens=MAX))
    chunks = [c for doc in _bundled_documents() for c in chunker.chunk(doc, "hash")]
    assert len(chunks) > 300
    too_long = [(c.source, c.locator, count(c.embed_text)) for c in chunks
                if count(c.embed_text) > MAX]
    assert not too_long


def test_a_long_paragraph_is_split_and_its_tail_survives(count: WordPieceCounter) -> None:
    words = [f"word{n}" for n in range(3000)]
    document = LoadedDocument(
        source="guidance/long.md", title="A long document", doc_type=DocType.GUIDANCE,
        blocks=[Block(text=" ".join(words), heading_path=("Section",))],
    )
    chunks = Chunker(count, ChunkingConfig(max_tokens=MAX)).chunk(document, "h")
    assert len(chunks) > 10
    assert all(count(c.embed_text) <= MAX for c in chunks)
    assert "word2999" in chunks[-1].text
    covered = set(" ".join(c.text for c in chunks).split())
    assert set(words) <= covered


def test_chunks_follow_headings_and_carry_title_and_path(count: WordPieceCounter) -> None:
    document = LoadedDocument(
        source="guidance/rules.md", title="Rules", doc_type=DocType.GUIDANCE,
        blocks=[
            Block("2.1 The site must be in the area.", ("2. Location",), clause="2.1"),
            Block("2.2 Mixed districts need the council.", ("2. Location",), clause="2.2"),
            Block("3.1 Fewer than 250 staff.", ("3. Size",), clause="3.1"),
        ],
    )
    chunks = Chunker(count).chunk(document, "h")
    assert [c.context for c in chunks] == ["Rules > 2. Location", "Rules > 3. Size"]
    assert chunks[0].clauses == ("2.1", "2.2")
    assert chunks[0].locator == "clauses 2.1–2.2"
    assert chunks[1].locator == "clause 3.1"
    assert chunks[0].embed_text.startswith("Rules > 2. Location\n2.1 The site")


def test_chunk_ids_change_with_content_and_are_stable_otherwise(count: WordPieceCounter) -> None:
    document = LoadedDocument("guidance/a.md", "A", DocType.GUIDANCE, [Block("Some text.")])
    chunker = Chunker(count)
    assert chunker.chunk(document, "h1")[0].id == chunker.chunk(document, "h1")[0].id
    assert chunker.chunk(document, "h1")[0].id != chunker.chunk(document, "h2")[0].id


def test_a_target_above_the_maximum_is_refused() -> None:
    with pytest.raises(ValueError, match="target_tokens must be between"):
        ChunkingConfig(max_tokens=128, target_tokens=200)


def test_tiktoken_cl100k_loads_from_the_bundled_file(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TIKTOKEN_CACHE_DIR", raising=False)
    cache = enable_offline_tiktoken(tmp_path / "tiktoken")
    assert cache == tmp_path / "tiktoken"
    assert len(list(cache.iterdir())) == 1
    import tiktoken

    encoding = tiktoken.get_encoding("cl100k_base")
    assert encoding.encode("hello world") == [15339, 1917]


def test_prompt_encoding_needs_no_cache_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from knowledge.tokens import prompt_encoding

    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", "/nonexistent/never-created")
    prompt_encoding.cache_clear()
    encoding = prompt_encoding()
    assert encoding.name == "cl100k_base"
    assert encoding.encode("hello world") == [15339, 1917]
