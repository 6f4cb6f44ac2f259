"""Shared fixtures. The embedding model is loaded once per test session, never per test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"  # before anything can import the hub client
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from assistant.factory import Components, build, configure_runtime
from assistant.settings import Settings
from knowledge.embeddings import SentenceTransformerEmbedder
from knowledge.index import bundled_knowledge_dir

TESTS = Path(__file__).resolve().parent


def make_settings(data_dir: Path, **values: object) -> Settings:
    """Settings for a test: nothing from the developer's environment or .env file."""
    return Settings(_env_file=None, data_dir=data_dir, **values)  # type: ignore[call-arg]


@pytest.fixture(name="make_settings", scope="session")
def make_settings_fixture():
    return make_settings


@pytest.fixture(scope="session")
def embedder() -> SentenceTransformerEmbedder:
    model = SentenceTransformerEmbedder()
    model.warm_up()
    return model


@pytest.fixture(scope="session")
def bundled(tmp_path_factory: pytest.TempPathFactory,
            embedder: SentenceTransformerEmbedder) -> Components:
    """The bundled knowledge base, indexed once for the session."""
    settings = make_settings(tmp_path_factory.mktemp("bundled-data"))
    configure_runtime(settings)
    components = build(settings, progress=False, embedder=embedder)
    report = components.ingestor.ingest()
    assert report.ok, report.failed
    return components


@pytest.fixture
def small_knowledge(tmp_path: Path) -> Path:
    """A knowledge folder of a few real bundled files in several formats, free to modify."""
    source = bundled_knowledge_dir()
    root = tmp_path / "knowledge"
    picks = [
        "guidance/faq/frequently-asked-questions.md",
        "guidance/applying/how-to-apply.html",
        "guidance/policies/complaints-procedure.txt",
        "guidance/productivity-booster/productivity-booster-guidance.docx",
        "catalogue/expert-teams.yaml",
        "policy/programme.yaml",
    ]
    for relative in picks:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / relative, target)
    return root
