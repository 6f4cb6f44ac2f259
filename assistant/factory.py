"""The composition root: settings in, wired components out. Nothing else reads settings."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from assistant.composer import ExtractiveComposer
from assistant.engine import Assistant
from assistant.settings import Settings
from knowledge.chunking import Chunker, ChunkingConfig
from knowledge.embeddings import SentenceTransformerEmbedder
from knowledge.index import KnowledgeIndex, bundled_knowledge_dir, open_index
from knowledge.ingest import Ingestor
from knowledge.programme import load_programme
from knowledge.retrieval import HybridRetriever, RetrievalConfig
from knowledge.tokens import enable_offline_tiktoken, prompt_encoding


def configure_runtime(settings: Settings) -> None:
    """Process-wide switches that keep the assistant offline. Call once, before any model use."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    enable_offline_tiktoken(settings.data_dir / "tiktoken")


@dataclass
class Components:
    knowledge_dir: Path
    index: KnowledgeIndex
    embedder: SentenceTransformerEmbedder
    ingestor: Ingestor
    retriever: HybridRetriever
    assistant: Assistant


def knowledge_dir(settings: Settings) -> Path:
    return settings.knowledge_dir or bundled_knowledge_dir()


def build(settings: Settings, knowledge: Path | None = None, progress: bool = True,
          embedder: SentenceTransformerEmbedder | None = None) -> Components:
    """Wire the components for one knowledge folder (the configured one unless given)."""
    root = knowledge or knowledge_dir(settings)
    index = open_index(root, settings.data_dir, settings.chroma_url)
    embedder = embedder or SentenceTransformerEmbedder()
    encoding = prompt_encoding()
    chunker = Chunker(
        embedder.count_tokens,
        ChunkingConfig(max_tokens=embedder.max_tokens),
        count_prompt_tokens=lambda text: len(encoding.encode(text, disallowed_special=())),
    )
    retriever = HybridRetriever(index, embedder, RetrievalConfig(k=settings.retrieval_k))
    assistant = Assistant(retriever, ExtractiveComposer(embedder), load_programme(index.root),
                          k=settings.retrieval_k)
    return Components(index.root, index, embedder,
                      Ingestor(index, embedder, chunker, progress=progress), retriever, assistant)
