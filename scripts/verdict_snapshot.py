"""Write every eval case's replies (route, answer, verdicts, criteria, award figures) as JSON lines.

Run before and after a change that should not alter answers, and compare the two files:

    python scripts/verdict_snapshot.py DATA_DIR before.jsonl
    ... change ...
    python scripts/verdict_snapshot.py DATA_DIR after.jsonl && diff before.jsonl after.jsonl

DATA_DIR is a scratch data directory; the bundled knowledge is indexed into it when it is empty.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"

from assistant.factory import build, configure_runtime
from assistant.settings import Settings
from evals.dataset import DEFAULT_DATASET, load_dataset

DATASETS = DEFAULT_DATASET.parent


def main(data_dir: str, out: str) -> None:
    settings = Settings(_env_file=None, data_dir=Path(data_dir))  # type: ignore[call-arg]
    configure_runtime(settings)
    components = build(settings, progress=False)
    components.ingestor.ingest()
    assistant = components.assistant
    with open(out, "w", encoding="utf-8") as sink:
        for name in ("golden", "robustness", "phrasings"):
            for case in load_dataset(DATASETS / f"{name}.jsonl"):
                conversation = None
                for n, message in enumerate(case.turns):
                    reply = assistant.ask(message, conversation)
                    conversation = reply.conversation_id
                    row = {
                        "case": f"{case.id}/{n}", "route": reply.route, "answer": reply.answer,
                        "grounded": reply.grounded,
                        "eligibility": [r.model_dump(mode="json") for r in reply.eligibility],
                        "understood": [u.model_dump(mode="json") for u in reply.understood],
                        "signposts": [s.model_dump(mode="json") for s in reply.signposts],
                        "follow_up": reply.follow_up,
                    }
                    sink.write(json.dumps(row, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
