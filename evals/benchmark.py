"""`ssr-assistant benchmark`: throughput and latency figures, measured and printed as JSON.

Ingest throughput is compared with the raw encoder's, measured in the same run on the same
chunk texts with the same batch size, so the ratio shows what ingestion adds on top of
embedding (loading, chunking, writing both indexes). The model is loaded before any timing.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from assistant.factory import build
from assistant.settings import Settings


def run_benchmark(settings: Settings, queries: int = 40,
                  log: Callable[[str], None] = print) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="ssr-bench-") as tmp:
        bench_settings = settings.model_copy(update={"data_dir": Path(tmp)})
        components = build(bench_settings, progress=False)
        embedder = components.embedder
        started = time.perf_counter()
        embedder.warm_up()
        embedder.embed(["warm-up sentence"] * 8)
        load_s = time.perf_counter() - started

        log("cold ingest ...")
        cold = components.ingestor.ingest()
        texts = [c.embed_text for c in _all_chunks(components)]
        log(f"raw encoder on the same {len(texts)} chunk texts (twice) ...")
        encoder_runs = [_encode_seconds(embedder, texts) for _ in range(2)]
        encoder_s = statistics.median(encoder_runs)

        log("no-change re-ingest (3 runs) ...")
        noop_runs = [components.ingestor.ingest().seconds for _ in range(3)]

        log(f"{queries} queries ...")
        search_ms, ask_ms = _latencies(components, texts, queries)

    ingest_rate = cold.embedded / cold.seconds if cold.seconds else 0.0
    encoder_rate = len(texts) / encoder_s if encoder_s else 0.0
    noop_s = statistics.median(noop_runs)
    return {
        "knowledge_dir": str(components.knowledge_dir),
        "documents": cold.documents.added,
        "chunks": len(texts),
        "failed_files": cold.failed,
        "model_load_s": round(load_s, 2),
        "encoder_chunks_per_s": round(encoder_rate, 2),
        "encoder_runs_s": [round(s, 2) for s in encoder_runs],
        "ingest_chunks_per_s": round(ingest_rate, 2),
        "ingest_to_encoder_ratio": round(ingest_rate / encoder_rate, 3) if encoder_rate else None,
        "cold_ingest_s": round(cold.seconds, 2),
        "cold_ingest_phases_s": {k: round(v, 2) for k, v in cold.phases.items()},
        "noop_reingest_s": round(noop_s, 3),
        "noop_reingest_runs_s": [round(s, 3) for s in noop_runs],
        "noop_to_cold_ratio": round(noop_s / cold.seconds, 4) if cold.seconds else None,
        "search_latency_ms": percentiles(search_ms),
        "ask_latency_ms": percentiles(ask_ms),
    }


def _all_chunks(components):
    from knowledge.stores import Filters

    index = components.index
    total = index.vectors.count()
    vector = components.embedder.embed(["programme"])[0]
    return [hit.chunk for hit in index.vectors.search(vector, total, Filters())]


def _encode_seconds(embedder, texts: list[str]) -> float:
    started = time.perf_counter()
    embedder.embed(texts, batch_size=64)
    return time.perf_counter() - started


def _latencies(components, texts: list[str], n: int) -> tuple[list[float], list[float]]:
    """Time searches and whole answers for questions made from the indexed headings."""
    rng = random.Random(7)
    headings = sorted({t.split("\n", 1)[0].split(" > ")[-1] for t in texts})
    questions = [f"What does the guidance say about {h.lower()}?"
                 for h in rng.sample(headings, min(n, len(headings)))]
    search_ms, ask_ms = [], []
    for question in questions:
        started = time.perf_counter()
        components.retriever.search(question)
        search_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        components.assistant.ask(question)
        ask_ms.append((time.perf_counter() - started) * 1000)
    return search_ms, ask_ms


def percentiles(values: list[float]) -> dict[str, float]:
    """The median and 95th percentile of timings (nearest rank), and how many there were."""
    if not values:
        return {}
    ordered = sorted(values)
    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 1)
    return {"p50": at(0.5), "p95": at(0.95), "n": len(values)}
