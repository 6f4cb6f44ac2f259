"""The extractive answer composer: answers built only from sentences of retrieved passages.

Each candidate sentence is scored by its similarity to the question (and its passage's);
the best few are kept, near-duplicates dropped, and they are shown in retrieval order, each
followed by the number of the passage it came from. Nothing is written that is not in a
passage, so every sentence is supported by the citation beside it.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.guards import is_instruction_to_assistant
from assistant.reply import Citation
from knowledge.embeddings import Embedder
from knowledge.retrieval import ScoredChunk

_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[\"“(£€]?[A-Z0-9])")
_ABBREVIATIONS = {"e.g.", "i.e.", "etc.", "ss.", "s.", "no.", "approx.", "art.", "para.",
                  "vs.", "dr.", "mr.", "ms.", "mrs.", "st.", "ltd.", "co."}


@dataclass(frozen=True)
class ComposerConfig:
    max_sentences: int = 4
    min_similarity: float = 0.45  # below this, the best sentence does not answer the question
    margin: float = 0.15  # keep sentences within this of the best one
    duplicate_similarity: float = 0.9
    passage_weight: float = 0.25  # how much the whole passage's match counts for a sentence
    cache_size: int = 20_000  # sentence vectors kept between questions


@dataclass(frozen=True)
class Sentence:
    text: str
    passage: int  # index into the retrieved passages
    position: int
    score: float = 0.0


@dataclass(frozen=True)
class Composition:
    answer: str
    citations: list[Citation]
    sentences: list[Sentence]
    best_score: float

    @property
    def found(self) -> bool:
        return bool(self.sentences)


class ExtractiveComposer:
    def __init__(self, embedder: Embedder, config: ComposerConfig | None = None) -> None:
        self._embedder = embedder
        self._config = config or ComposerConfig()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def compose(self, question: str, passages: list[ScoredChunk],
                decisions: Sequence[str] = ()) -> Composition:
        """The answer from the passages' own sentences. `decisions` (the eligibility engine's
        verdicts) are for composers that write; quoting passages needs none."""
        candidates = [
            Sentence(text=text, passage=p, position=n)
            for p, passage in enumerate(passages)
            for n, text in enumerate(split_sentences(passage.chunk.text))
            if not is_instruction_to_assistant(text)  # passages are data, never orders
        ]
        if not candidates:
            return Composition("", [], [], 0.0)
        query = self._embedder.embed([question])[0]
        sentence_vecs = self._sentence_vectors([c.text for c in candidates])
        passage_sims = self._passage_similarities(query, passages)
        w = self._config.passage_weight
        scored = [
            Sentence(c.text, c.passage, c.position,
                     float((1 - w) * (sentence_vecs[i] @ query) + w * passage_sims[c.passage]))
            for i, c in enumerate(candidates)
        ]
        chosen = self._choose(scored, sentence_vecs)
        best = max(s.score for s in scored)
        if best < self._config.min_similarity:
            return Composition("", [], [], best)
        return self._render(chosen, passages, best)

    def _sentence_vectors(self, texts: list[str]) -> np.ndarray:
        """Vectors for short sentences, remembered across questions (passages recur often).

        The lock guards the cache only: the model runs outside it, so turns answered at once
        embed at once instead of queueing behind each other's sentences."""
        with self._lock:
            known = {t: self._cache[t] for t in texts if t in self._cache}
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            # small batches: sentences vary in length, and padding a batch to its longest
            # sentence costs more than the extra batches
            vectors = self._embedder.embed(missing, batch_size=8)
            known.update(zip(missing, vectors, strict=True))
            with self._lock:
                for text, vector in zip(missing, vectors, strict=True):
                    self._cache[text] = vector
                while len(self._cache) > self._config.cache_size:
                    self._cache.popitem(last=False)
        return np.stack([known[t] for t in texts])

    def _passage_similarities(self, query: np.ndarray,
                              passages: list[ScoredChunk]) -> np.ndarray:
        """The dense search's cosine where it found the passage; computed for the others."""
        sims = np.array([p.dense_score if p.dense_score is not None else np.nan
                         for p in passages], dtype=np.float32)
        missing = [i for i, value in enumerate(sims) if np.isnan(value)]
        if missing:
            vectors = self._embedder.embed([passages[i].chunk.embed_text for i in missing])
            sims[missing] = vectors @ query
        return sims

    def _choose(self, scored: list[Sentence], vectors: np.ndarray) -> list[Sentence]:
        config = self._config
        order = sorted(range(len(scored)), key=lambda i: scored[i].score, reverse=True)
        best = scored[order[0]].score
        kept: list[int] = []
        for i in order:
            sentence = scored[i]
            if len(kept) == config.max_sentences or sentence.score < best - config.margin:
                break
            if sentence.score < config.min_similarity:
                break
            if any(float(vectors[i] @ vectors[j]) > config.duplicate_similarity for j in kept):
                continue
            kept.append(i)
        return sorted((scored[i] for i in kept), key=lambda s: (s.passage, s.position))

    def _render(self, chosen: list[Sentence], passages: list[ScoredChunk],
                best: float) -> Composition:
        numbers: dict[int, int] = {}
        citations: list[Citation] = []
        paragraphs: list[list[str]] = []
        for sentence in chosen:
            if sentence.passage not in numbers:
                numbers[sentence.passage] = len(numbers) + 1
                chunk = passages[sentence.passage].chunk
                citations.append(Citation(
                    n=numbers[sentence.passage], title=chunk.title, source=chunk.source,
                    locator=chunk.locator, url=chunk.url, quote=sentence.text[:300],
                ))
                paragraphs.append([])
            paragraphs[-1].append(f"{sentence.text} [{numbers[sentence.passage]}]")
        answer = "\n\n".join(_join_sentences(p) for p in paragraphs)
        return Composition(answer, citations, chosen, best)


def _join_sentences(sentences: list[str]) -> str:
    """Running text, except that list items stand on lines of their own."""
    lines: list[str] = []
    for sentence in sentences:
        if lines and not sentence.startswith("- ") and not lines[-1].startswith("- "):
            lines[-1] = f"{lines[-1]} {sentence}"
        else:
            lines.append(sentence)
    return "\n".join(lines)


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage; each line (list item, table row) stands alone."""
    sentences: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
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
