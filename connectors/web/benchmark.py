"""`ssr-assistant benchmark --web`: the web API's latency and throughput, measured over HTTP.

The API runs as `ssr-assistant serve` in a process of its own (as deployed, so the client
here does not share its interpreter), on the configured knowledge and index. Questions are
the golden set's programme questions (factual and numeric), each in a new conversation.

- time to ready: from starting `serve` to `/readyz` answering 200 (index already built)
- one client: POST /v1/chat one after another; p50 and p95 per round
- eight clients: as many requests as they complete in a fixed time; requests per second
Each is measured over several rounds and reported as the median of the rounds. The first
pass over the questions is reported on its own: it fills the composer's sentence cache.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from evals.benchmark import percentiles
from evals.dataset import DEFAULT_DATASET

PROGRAMME_CATEGORIES = {"factual", "numeric"}


def programme_questions(dataset: Path | None = None) -> list[str]:
    path = dataset or DEFAULT_DATASET
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        if case.get("category") in PROGRAMME_CATEGORIES and case.get("question"):
            questions.append(case["question"])
    return questions


def run_web_benchmark(cli_args: list[str], rounds: int = 3, clients: int = 8,
                      seconds: float = 10.0, workers: int = 1,
                      log: Callable[[str], None] = print) -> dict[str, Any]:
    """`cli_args` are the global options for `ssr-assistant` (knowledge and data folders)."""
    questions = programme_questions()
    port = _free_port()
    env = {**os.environ, "SSR_RATE_LIMIT_PER_MINUTE": "100000", "SSR_ENGINE_QUEUE": "256"}
    log(f"starting the API on port {port} ...")
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "connectors.cli", *cli_args, "serve", "--port", str(port),
         "--workers", str(workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        ready_s = _wait_ready(base, server, started)
        log(f"ready in {ready_s:.1f} s; first pass over {len(questions)} questions ...")
        with httpx.Client(base_url=base, timeout=60) as client:
            first = [_timed_ask(client, q) for q in questions]
            one_client = []
            for n in range(rounds):
                log(f"one client, round {n + 1} of {rounds} ...")
                one_client.append(percentiles([_timed_ask(client, q) for q in questions]))
        throughput = []
        for n in range(rounds):
            log(f"{clients} clients for {seconds:g} s, round {n + 1} of {rounds} ...")
            throughput.append(_throughput(base, questions, clients, seconds))
    finally:
        _stop(server)
    return {
        "questions": len(questions),
        "cores": os.cpu_count(),
        "workers": workers,
        "load_average_1m": round(os.getloadavg()[0], 2),
        "serve_time_to_ready_s": round(ready_s, 2),
        "first_pass_ms": percentiles(first),
        "one_client_ms": {
            "p50": round(statistics.median(r["p50"] for r in one_client), 1),
            "p95": round(statistics.median(r["p95"] for r in one_client), 1),
            "rounds": one_client,
        },
        "concurrent": {
            "clients": clients,
            "seconds_per_round": seconds,
            "requests_per_s": round(statistics.median(r["requests_per_s"] for r in throughput),
                                    1),
            "rounds": throughput,
        },
    }


def _stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def _wait_ready(base: str, server: subprocess.Popen[bytes], started: float) -> float:
    while True:
        if server.poll() is not None:
            error = server.stderr.read().decode(errors="replace") if server.stderr else ""
            raise RuntimeError(f"the API stopped before it was ready: {error[-500:]}")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            pass
        if time.perf_counter() - started > 600:
            raise RuntimeError("the API was not ready after 600 s")
        time.sleep(0.05)


def _timed_ask(client: httpx.Client, question: str) -> float:
    started = time.perf_counter()
    response = client.post("/v1/chat", json={"message": question})
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"POST /v1/chat answered {response.status_code}: {response.text}")
    return elapsed


def _throughput(base: str, questions: list[str], clients: int,
                seconds: float) -> dict[str, float]:
    counts = [0] * clients
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors: list[str] = []
    start = threading.Barrier(clients + 1)
    deadline = [0.0]

    def client_loop(n: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            start.wait()
            i = n
            while time.perf_counter() < deadline[0]:
                try:
                    latencies[n].append(_timed_ask(client, questions[i % len(questions)]))
                    counts[n] += 1
                except (RuntimeError, httpx.HTTPError) as error:
                    errors.append(str(error)[:200])
                i += clients

    threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline[0] = began + seconds
    start.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    done = sum(counts)
    every = [value for values in latencies for value in values]
    return {"requests": done, "errors": len(errors), "seconds": round(elapsed, 2),
            "requests_per_s": round(done / elapsed, 1), **{
                f"latency_{k}_ms": v for k, v in percentiles(every).items() if k != "n"}}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
