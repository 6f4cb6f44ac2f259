"""Hybrid retrieval: dense and lexical results fused by reciprocal rank fusion (RRF).

Dense search finds paraphrases; lexical search finds the exact words, numbers and codes
(postcodes, SIC codes, figures) that embeddings blur. RRF needs no score calibration between
the two: each list contributes 1 / (c + rank).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.documents import Chunk
from knowledge.embeddings import Embedder
from knowledge.index import KnowledgeIndex
from knowledge.manifest import CatalogueRecord
from knowledge.stores import Filters, Hit

RRF_C = 60


@dataclass(frozen=True)
class ScoredChunk:
    chunk: Chunk
    score: float  # fused RRF score
    dense_score: float | None = None  # cosine similarity, when the dense search found it
    lexical_score: float | None = None  # BM25, when the lexical search found it
    dense_rank: int | None = None
    lexical_rank: int | None = None


@dataclass(frozen=True)
class RetrievalConfig:
    k: int = 5
    candidates: int = 30  # taken from each index before fusion
    weights: dict[str, float] = field(default_factory=lambda: {"dense": 1.0, "lexical": 1.0})

    def __post_init__(self) -> None:
        if self.k < 1 or self.candidates < self.k:
            raise ValueError(f"need 1 <= k <= candidates, got k={self.k}, "
                             f"candidates={self.candidates}")


class HybridRetriever:
    def __init__(self, index: KnowledgeIndex, embedder: Embedder,
                 config: RetrievalConfig | None = None) -> None:
        self._index = index
        self._embedder = embedder
        self._config = config or RetrievalConfig()

    @property
    def embedder(self) -> Embedder:
        return self._embedder

    def search(self, query: str, k: int | None = None,
               filters: Filters | None = None) -> list[ScoredChunk]:
        k = k or self._config.k
        filters = filters or Filters()
        pool = max(self._config.candidates, k)
        vector = self._embedder.embed([query])[0]
        dense = self._index.vectors.search(vector, pool, filters)
        lexical = self._index.lexical.search(query, pool, filters)
        return fuse(dense, lexical, self._config.weights)[:k]

    def records(self, **fields: str) -> list[CatalogueRecord]:
        """Catalogue records whose fields contain every given value (case-insensitive).

        `records(partner="WMG", sectors="medtech")` matches list fields by element and text
        fields by substring.
        """
        wanted = {key.lower(): value.lower() for key, value in fields.items()}
        return [r for r in self._index.manifest.records() if _matches(r, wanted)]


def fuse(dense: list[Hit], lexical: list[Hit],
         weights: dict[str, float] | None = None) -> list[ScoredChunk]:
    weights = weights or {"dense": 1.0, "lexical": 1.0}
    found: dict[str, dict[str, object]] = {}
    for name, hits in (("dense", dense), ("lexical", lexical)):
        for rank, hit in enumerate(hits, start=1):
            entry = found.setdefault(hit.chunk.id, {"chunk": hit.chunk, "score": 0.0})
            entry["score"] = float(entry["score"]) + weights[name] / (RRF_C + rank)  # type: ignore[arg-type]
            entry[f"{name}_score"] = hit.score
            entry[f"{name}_rank"] = rank
    fused = [ScoredChunk(**entry) for entry in found.values()]  # type: ignore[arg-type]
    return sorted(fused, key=lambda s: s.score, reverse=True)


def _matches(record: CatalogueRecord, wanted: dict[str, str]) -> bool:
    for key, value in wanted.items():
        field_value = record.name if key == "name" else record.get(key)
        if isinstance(field_value, list):
            if not any(value in item.lower() for item in field_value):
                return False
        elif value not in str(field_value).lower():
            return False
    return True
