"""The two indexes a knowledge folder is searched through, behind protocols.

`VectorStore`: dense vectors (Chroma on disk, or a Chroma server). `LexicalIndex`: BM25 over
stemmed words (SQLite FTS5 with the Porter stemmer, so "quotes" finds "quote" and "quoting").
Both hold whole chunks with their metadata and are emptied or filled per source file.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

import numpy as np

from knowledge.documents import Chunk
from knowledge.errors import IndexStateError


@dataclass(frozen=True)
class Filters:
    """Metadata filters shared by both indexes. Empty fields filter nothing."""

    doc_type: str = ""
    programme: str = ""  # matches one of the chunk's comma-separated programmes
    partner: str = ""
    sources: tuple[str, ...] = ()

    def accepts(self, chunk: Chunk) -> bool:
        if self.doc_type and chunk.doc_type.value != self.doc_type:
            return False
        if self.programme and self.programme not in chunk.programme.split(","):
            return False
        if self.partner and chunk.partner.lower() != self.partner.lower():
            return False
        return not self.sources or chunk.source in self.sources


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float  # cosine similarity for dense hits, BM25 (higher is better) for lexical hits


class VectorStore(Protocol):
    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None: ...
    def delete_source(self, source: str) -> None: ...
    def source_counts(self) -> Counter[str]: ...
    def count(self) -> int: ...
    def search(self, vector: np.ndarray, k: int, filters: Filters) -> list[Hit]: ...
    def chunks_of(self, source: str) -> list[Chunk]: ...
    def reset(self) -> None: ...


class LexicalIndex(Protocol):
    def add(self, chunks: Sequence[Chunk]) -> None: ...
    def delete_source(self, source: str) -> None: ...
    def source_counts(self) -> Counter[str]: ...
    def count(self) -> int: ...
    def search(self, query: str, k: int, filters: Filters) -> list[Hit]: ...
    def chunks_of(self, source: str) -> list[Chunk]: ...
    def reset(self) -> None: ...


class ChromaVectorStore:
    """A Chroma collection holding our own embeddings (never Chroma's default embedder)."""

    def __init__(self, collection_name: str, path: Path | None = None,
                 server_url: str | None = None) -> None:
        if len(collection_name) < 3:
            raise ValueError(f"Chroma collection names need 3+ characters: {collection_name!r}")
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if server_url:
            url = urlparse(server_url)
            self._client = chromadb.HttpClient(
                host=url.hostname or "localhost", port=url.port or 8000,
                ssl=url.scheme == "https", settings=settings,
            )
        elif path is not None:
            path.mkdir(parents=True, exist_ok=True)
            self._client = chromadb.PersistentClient(path=str(path), settings=settings)
        else:
            raise ValueError("ChromaVectorStore needs a path or a server URL")
        self._name = collection_name
        self._collection = self._open()

    def _open(self) -> Any:
        return self._client.get_or_create_collection(
            self._name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
        )

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        for start in range(0, len(chunks), 1000):
            part = chunks[start : start + 1000]
            self._collection.upsert(
                ids=[c.id for c in part],
                embeddings=vectors[start : start + 1000],
                documents=[c.text for c in part],
                metadatas=[c.metadata() for c in part],
            )

    def delete_source(self, source: str) -> None:
        self._collection.delete(where={"source": source})

    def source_counts(self) -> Counter[str]:
        result = self._collection.get(include=["metadatas"])
        return Counter(str(m["source"]) for m in result["metadatas"] or [])

    def count(self) -> int:
        return int(self._collection.count())

    def search(self, vector: np.ndarray, k: int, filters: Filters) -> list[Hit]:
        total = self.count()
        if total == 0:
            return []
        where = _chroma_where(filters)
        # programme is a list inside one string, so it is checked after the query: fetch more
        fetch = min(total, k * 4 if filters.programme else k)
        result = self._collection.query(
            query_embeddings=[vector], n_results=fetch, where=where,
            include=["documents", "metadatas", "distances"],
        )
        hits = []
        for chunk_id, text, meta, distance in zip(
            result["ids"][0], result["documents"][0], result["metadatas"][0],
            result["distances"][0], strict=True,
        ):
            chunk = Chunk.from_metadata(chunk_id, text or "", dict(meta))
            if filters.accepts(chunk):
                hits.append(Hit(chunk=chunk, score=1.0 - float(distance)))
        return hits[:k]

    def chunks_of(self, source: str) -> list[Chunk]:
        """Every chunk of one file, in reading order."""
        result = self._collection.get(where={"source": source},
                                      include=["documents", "metadatas"])
        chunks = [
            Chunk.from_metadata(chunk_id, text or "", dict(meta))
            for chunk_id, text, meta in zip(result["ids"], result["documents"] or [],
                                            result["metadatas"] or [], strict=True)
        ]
        return sorted(chunks, key=lambda c: c.index)

    def reset(self) -> None:
        self._client.delete_collection(self._name)
        self._collection = self._open()


def _chroma_where(filters: Filters) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if filters.doc_type:
        clauses.append({"doc_type": filters.doc_type})
    if filters.partner:
        clauses.append({"partner": filters.partner})
    if filters.sources:
        clauses.append({"source": {"$in": list(filters.sources)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


_WORD_RE = re.compile(r"\w+", re.UNICODE)
# Function words match nearly every chunk: left in an OR query they lift passages that share
# only "how", "do" and "your" with the question above ones that share its subject.
STOPWORDS = frozenset("""
a about after all also am an and any are as at be been being both but by can could did do does
doing during each either for from had has have having he her here hers him his how i if in into
is it its itself just me might more most must my no nor not now of off on once only or other
our ours out over own per please same shall she should so some such than that the their theirs
them then there these they this those through to too under until up us very was we were what
when where whether which while who whom why will with would yes yet you your yours
""".split())


def query_terms(query: str) -> list[str]:
    """The words a lexical search should look for: content words, or all words if none."""
    words = list(dict.fromkeys(w.lower() for w in _WORD_RE.findall(query)))
    content = [w for w in words if w not in STOPWORDS]
    return content or words


class SqliteLexicalIndex:
    """BM25 over SQLite FTS5, Porter-stemmed, with metadata columns for filtering."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path = path
        with closing(self._connect()) as db, db:
            db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS chunks USING fts5("
                "body, chunk_id UNINDEXED, source UNINDEXED, text UNINDEXED, meta UNINDEXED, "
                "tokenize='porter unicode61 remove_diacritics 2')"
            )

    def _connect(self) -> sqlite3.Connection:
        try:
            return sqlite3.connect(self._path, timeout=30)
        except sqlite3.Error as exc:
            raise IndexStateError(f"cannot open the lexical index {self._path}: {exc}") from exc

    def add(self, chunks: Sequence[Chunk]) -> None:
        with closing(self._connect()) as db, db:
            db.executemany(
                "INSERT INTO chunks (body, chunk_id, source, text, meta) VALUES (?, ?, ?, ?, ?)",
                [(c.embed_text, c.id, c.source, c.text, json.dumps(c.metadata())) for c in chunks],
            )

    def delete_source(self, source: str) -> None:
        with closing(self._connect()) as db, db:
            db.execute("DELETE FROM chunks WHERE source = ?", (source,))

    def source_counts(self) -> Counter[str]:
        with closing(self._connect()) as db:
            rows = db.execute("SELECT source, count(*) FROM chunks GROUP BY source").fetchall()
        return Counter({source: int(n) for source, n in rows})

    def count(self) -> int:
        with closing(self._connect()) as db:
            return int(db.execute("SELECT count(*) FROM chunks").fetchone()[0])

    def search(self, query: str, k: int, filters: Filters) -> list[Hit]:
        words = query_terms(query)
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        filtered = filters != Filters()
        with closing(self._connect()) as db:
            rows = db.execute(
                "SELECT chunk_id, text, meta, bm25(chunks) AS rank FROM chunks "
                "WHERE chunks MATCH ? ORDER BY rank LIMIT ?",
                (match, max(k * 4, 50) if filtered else k),
            ).fetchall()
        hits = []
        for chunk_id, text, meta, rank in rows:
            chunk = Chunk.from_metadata(chunk_id, text, json.loads(meta))
            if filters.accepts(chunk):
                hits.append(Hit(chunk=chunk, score=-float(rank)))
        return hits[:k]

    def chunks_of(self, source: str) -> list[Chunk]:
        """Every chunk of one file, in reading order."""
        with closing(self._connect()) as db:
            rows = db.execute("SELECT chunk_id, text, meta FROM chunks WHERE source = ?",
                              (source,)).fetchall()
        chunks = [Chunk.from_metadata(chunk_id, text, json.loads(meta))
                  for chunk_id, text, meta in rows]
        return sorted(chunks, key=lambda c: c.index)

    def reset(self) -> None:
        with closing(self._connect()) as db, db:
            db.execute("DELETE FROM chunks")
