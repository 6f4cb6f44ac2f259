"""One typed settings tree, read once at the composition root (environment and `.env`)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "ssr-assistant"


class Settings(BaseSettings):
    """Every setting is optional: the defaults run fully offline on the bundled knowledge."""

    model_config = SettingsConfigDict(env_prefix="SSR_", env_file=".env", extra="ignore")

    knowledge_dir: Path | None = Field(
        default=None, description="Knowledge folder (default: the bundled SSR sample)."
    )
    data_dir: Path = Field(default_factory=default_data_dir,
                           description="Where indexes and databases are kept.")
    chroma_url: str | None = Field(
        default=None, description="A Chroma server (http://host:port) instead of Chroma on disk."
    )
    retrieval_k: int = Field(default=5, ge=1, le=50, description="Passages retrieved per question.")

    @field_validator("chroma_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError(f"must start with http:// or https://, got {value!r}")
        return value or None
