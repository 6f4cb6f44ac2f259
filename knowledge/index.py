"""A knowledge folder's index: where it lives in the data directory, and its stores.

Each knowledge folder gets its own index under `<data dir>/indexes/`, so pointing the
assistant at another folder never mixes its content with the bundled one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from knowledge.errors import KnowledgeFolderError
from knowledge.manifest import Manifest
from knowledge.stores import ChromaVectorStore, LexicalIndex, SqliteLexicalIndex, VectorStore

SECTIONS = ("guidance", "catalogue")


def bundled_knowledge_dir() -> Path:
    """The sample knowledge base shipped inside the package."""
    return Path(__file__).resolve().parent / "bundled"


def check_knowledge_dir(root: Path) -> Path:
    """The folder, resolved, or a clear error when it is not a knowledge folder."""
    root = root.expanduser().resolve()
    if not root.is_dir():
        raise KnowledgeFolderError(f"knowledge folder not found: {root}")
    if not any((root / section).is_dir() for section in SECTIONS):
        raise KnowledgeFolderError(
            f"{root} is not a knowledge folder: expected a guidance/ or catalogue/ folder inside"
        )
    return root


@dataclass
class KnowledgeIndex:
    root: Path
    directory: Path
    vectors: VectorStore
    lexical: LexicalIndex
    manifest: Manifest

    def is_empty(self) -> bool:
        return not self.manifest.files()


def index_key(root: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", root.name.lower()).strip("-") or "knowledge"
    return f"{slug[:40]}-{hashlib.sha1(str(root).encode()).hexdigest()[:10]}"


def open_index(root: Path, data_dir: Path, chroma_url: str | None = None) -> KnowledgeIndex:
    root = check_knowledge_dir(root)
    key = index_key(root)
    directory = data_dir.expanduser().resolve() / "indexes" / key
    directory.mkdir(parents=True, exist_ok=True)
    if chroma_url:
        vectors: VectorStore = ChromaVectorStore(f"ssr-{key}"[:63], server_url=chroma_url)
    else:
        vectors = ChromaVectorStore("chunks", path=directory / "chroma")
    return KnowledgeIndex(
        root=root,
        directory=directory,
        vectors=vectors,
        lexical=SqliteLexicalIndex(directory / "lexical.sqlite3"),
        manifest=Manifest(directory / "manifest.sqlite3"),
    )
