"""Hybrid retrieval: dense and lexical results fused into one ranking.

Dense search finds paraphrases; lexical search finds the exact words, numbers and codes
(postcodes, SIC codes, figures) that embeddings blur.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from knowledge.documents import LIST_MARKS, Chunk
from knowledge.embeddings import Embedder
from knowledge.index import KnowledgeIndex
from knowledge.manifest import CatalogueRecord
from knowledge.stores import Filters, Hit
from knowledge.words import stems

RRF_C = 60


@dataclass(frozen=True)
class ScoredChunk:
    chunk: Chunk
    score: float  # fused score (see `fuse`)
    dense_score: float | None = None  # cosine similarity, when the dense search found it
    lexical_score: float | None = None  # BM25, when the lexical search found it
    dense_rank: int | None = None
    lexical_rank: int | None = None


@dataclass(frozen=True)
class RetrievalConfig:
    k: int = 5
    candidates: int = 30  # taken from each index before fusion
    fusion: str = "relative"  # or "rrf"
    weights: dict[str, float] = field(default_factory=lambda: {"dense": 0.5, "lexical": 0.5})
    # at most this many passages from one section of one document (its rows or chunks), so
    # that a long table does not crowd out the rest; 0: no limit
    per_section: int = 3

    def __post_init__(self) -> None:
        if self.k < 1 or self.candidates < self.k:
            raise ValueError(f"need 1 <= k <= candidates, got k={self.k}, "
                             f"candidates={self.candidates}")
        if self.fusion not in {"relative", "rrf"}:
            raise ValueError(f"fusion must be 'relative' or 'rrf', got {self.fusion!r}")


def _varied(ranked: list[ScoredChunk], k: int, per_section: int) -> list[ScoredChunk]:
    """The first `k` of a ranking with at most `per_section` from any one section, the rest
    filled from further down; as ranked when there are not enough others."""
    if per_section <= 0:
        return ranked[:k]
    counts: Counter[tuple[str, str]] = Counter()
    kept: list[ScoredChunk] = []
    held: list[ScoredChunk] = []
    for item in ranked:
        key = (item.chunk.source, item.chunk.locator)
        if counts[key] < per_section:
            counts[key] += 1
            kept.append(item)
        else:
            held.append(item)
        if len(kept) == k:
            return kept
    return sorted(kept + held[:k - len(kept)], key=ranked.index)


class HybridRetriever:
    def __init__(self, index: KnowledgeIndex, embedder: Embedder,
                 config: RetrievalConfig | None = None) -> None:
        self._index = index
        self._embedder = embedder
        self._config = config or RetrievalConfig()
        self._rarity: tuple[int, dict[str, float]] | None = None
        self._stemmed: tuple[int, list[str]] | None = None
        self._names: tuple[int, tuple[str, ...]] | None = None
        self._words: tuple[int, frozenset[str]] | None = None
        self._lock = threading.Lock()

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
        ranked = fuse(dense, lexical, self._config.fusion, self._config.weights)
        return _varied(ranked, k, self._config.per_section)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """The texts as the index's embedder sees them (normalised vectors, one row each)."""
        return self._embedder.embed(list(texts))

    def following(self, chunk: Chunk) -> Chunk | None:
        """The chunk after this one in its file, if any: an introduction's continuation."""
        return next((c for c in self._index.lexical.chunks_of(chunk.source)
                     if c.index == chunk.index + 1), None)

    def with_list_continued(self, chunk: Chunk, limit: int = 3) -> tuple[Chunk, list[str]]:
        """The chunk with the rest of the list it ends in, when the size limit cut that list
        across the next chunks of the same section (a seven-step list in two chunks), and the
        ids of the chunks joined on (none when the chunk is returned as it is). At most
        `limit` chunks are joined on."""
        text, current, joined = chunk.text, chunk, []
        for _ in range(limit):
            lines = text.rstrip().splitlines()
            if not lines or not lines[-1].lstrip().startswith(LIST_MARKS):
                break
            after = self.following(current)
            if after is None or after.locator != chunk.locator or \
                    not after.text.lstrip().startswith(LIST_MARKS):
                break
            text, current = f"{text.rstrip()}\n{after.text}", after
            joined.append(after.id)
        return (replace(chunk, text=text) if joined else chunk), joined

    def with_section_continued(self, chunk: Chunk) -> tuple[Chunk, list[str]]:
        """The chunk with the next chunk of the same section joined on, when the size limit cut
        the section after it ("You have the right to: ..." and, in the next chunk, "To make a
        request, email ..."), and the id joined on (none when the section ends here)."""
        after = self.following(chunk)
        if after is None or after.locator != chunk.locator:
            return chunk, []
        return replace(chunk, text=f"{chunk.text.rstrip()}\n{after.text}"), [after.id]

    def word_rarity(self) -> dict[str, float]:
        """How rare each content word (stemmed, `knowledge.words`) is across the indexed chunks:
        inverse document frequency, from 0 for a word in every chunk up to log(n + 1) for a
        word in one. Worked out again when the index changes."""
        with self._lock:
            count, texts = self._stemmed_chunks()
            if self._rarity is None or self._rarity[0] != count:
                frequency: Counter[str] = Counter()
                for text in texts:
                    frequency.update(set(text.split()))
                n = max(count, 1)
                self._rarity = (count, {word: math.log((n + 1) / (df + 0.5))
                                        for word, df in frequency.items()})
            return self._rarity[1]

    def mentions(self, phrase: str) -> bool:
        """Whether any indexed chunk has the phrase's words together, stemmed ("parish
        councils" finds "parish council"); worked out again when the index changes."""
        wanted = " ".join(stems(phrase))
        if not wanted:
            return False
        with self._lock:
            _, texts = self._stemmed_chunks()
            return any(f" {wanted} " in f" {text} " for text in texts)

    def _stemmed_chunks(self) -> tuple[int, list[str]]:
        """Every indexed chunk's words, stemmed and space-separated, read once for each state of
        the index (the caller holds the lock)."""
        lexical = self._index.lexical
        count = lexical.count()
        if self._stemmed is None or self._stemmed[0] != count:
            self._stemmed = (count, [" ".join(stems(chunk.embed_text))
                                     for source in lexical.source_counts()
                                     for chunk in lexical.chunks_of(source)])
        return self._stemmed

    def words(self) -> frozenset[str]:
        """Every word of the indexed chunks, lower case and as written (not stemmed); worked
        out again when the index changes."""
        with self._lock:
            count = self._index.lexical.count()
            if self._words is None or self._words[0] != count:
                self._words = (count, frozenset(
                    word for source in self._index.lexical.source_counts()
                    for chunk in self._index.lexical.chunks_of(source)
                    for word in re.findall(r"[a-z]+", chunk.text.lower())))
            return self._words[1]

    def record_names(self) -> tuple[str, ...]:
        """The names of the catalogue's facilities and teams, read again when the index
        changes (as `word_rarity` is), not on every call."""
        with self._lock:
            count = self._index.lexical.count()
            if self._names is None or self._names[0] != count:
                self._names = (count, tuple(r.name for r in self._index.manifest.records()))
            return self._names[1]

    def records(self, **fields: str) -> list[CatalogueRecord]:
        """Catalogue records whose fields contain every given value (case-insensitive).

        `records(partner="Acme", sectors="food")` matches list fields by element and text
        fields by substring.
        """
        wanted = {key.lower(): value.lower() for key, value in fields.items()}
        return [r for r in self._index.manifest.records() if _matches(r, wanted)]


def fuse(dense: list[Hit], lexical: list[Hit], method: str = "relative",
         weights: dict[str, float] | None = None) -> list[ScoredChunk]:
    """Merge the two ranked lists.

    "relative" (the default): each list's scores are scaled to 0..1 over its candidates and
    summed with the weights, so a passage that one index finds far better than the rest keeps
    that lead. "rrf": reciprocal rank fusion, 1 / (60 + rank) per list, which uses ranks only.
    """
    weights = weights or {"dense": 0.5, "lexical": 0.5}
    found: dict[str, dict[str, Any]] = {}
    for name, hits in (("dense", dense), ("lexical", lexical)):
        scaled = _rank_scores(hits) if method == "rrf" else _min_max(hits)
        for rank, (hit, value) in enumerate(zip(hits, scaled, strict=True), start=1):
            entry = found.setdefault(hit.chunk.id, {"chunk": hit.chunk, "score": 0.0})
            entry["score"] += weights[name] * value
            entry[f"{name}_score"] = hit.score
            entry[f"{name}_rank"] = rank
    fused = [ScoredChunk(**entry) for entry in found.values()]
    return sorted(fused, key=lambda s: s.score, reverse=True)


def _min_max(hits: list[Hit]) -> list[float]:
    if not hits:
        return []
    low, high = min(h.score for h in hits), max(h.score for h in hits)
    if high - low < 1e-9:
        return [1.0 for _ in hits]
    return [(h.score - low) / (high - low) for h in hits]


def _rank_scores(hits: list[Hit]) -> list[float]:
    return [1.0 / (RRF_C + rank) for rank in range(1, len(hits) + 1)]


def _matches(record: CatalogueRecord, wanted: dict[str, str]) -> bool:
    for key, value in wanted.items():
        field_value = record.name if key == "name" else record.get(key)
        if isinstance(field_value, list):
            if not any(value in item.lower() for item in field_value):
                return False
        elif value not in str(field_value).lower():
            return False
    return True
