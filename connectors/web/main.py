"""The composition root of a web worker: settings from the environment, the engine built,
the app made. `ssr-assistant serve` runs `app_from_settings` in each uvicorn worker."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import Any

import numpy as np
from fastapi import FastAPI

from connectors.web.app import create_app
from knowledge.embeddings import SentenceTransformerEmbedder


def app_from_settings() -> FastAPI:
    from assistant.factory import build, configure_runtime
    from assistant.settings import load_settings

    settings = load_settings()
    configure_runtime(settings)
    _log_to_stderr()
    _limit_model_threads(settings.model_threads)
    components = build(settings, progress=False, embedder=QuestionCachingEmbedder())

    def reindex() -> dict[str, Any]:
        return components.ingestor.ingest().as_dict()

    return create_app(components.assistant, settings, reindex=reindex)


def _limit_model_threads(threads: int) -> None:
    """Each turn's model calls on `threads` threads: turns run side by side in the engine's
    pool, and intra-op threads on top of that oversubscribe the cores (measured on 2 cores:
    a question embedded in 28 ms with one thread, 123 ms with two, under load)."""
    import torch

    torch.set_num_threads(threads)


def _log_to_stderr() -> None:
    # The connectors log under "ssr."; the engine under its module names ("assistant.referrals").
    for name in ("ssr", "assistant"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(levelname)s:     %(name)s: %(message)s"))
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)


class QuestionCachingEmbedder(SentenceTransformerEmbedder):
    """The embedder, remembering the vectors of the last single texts it embedded.

    One turn embeds its question up to three times (routing, the search, the composer); the
    model runs once and the others read the remembered vector (about 20 ms a turn on 2 cores).
    It is kept small, enough for the turns being answered at once: it saves work within a
    turn, not across turns. Batches (ingest, sentences) go straight to the model.
    """

    def __init__(self, size: int = 32) -> None:
        super().__init__()
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()
        self._size = size
        self._recent_lock = threading.Lock()

    def embed(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        if len(texts) != 1:
            return super().embed(texts, batch_size=batch_size)
        with self._recent_lock:
            known = self._recent.get(texts[0])
            if known is not None:
                self._recent.move_to_end(texts[0])
                return known[None, :].copy()
        vectors = super().embed(texts, batch_size=batch_size)
        with self._recent_lock:
            self._recent[texts[0]] = vectors[0]
            while len(self._recent) > self._size:
                self._recent.popitem(last=False)
        return vectors
