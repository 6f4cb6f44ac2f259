"""One typed settings tree, read once at the composition root (environment and `.env`)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, field_validator, model_validator
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
    database_url: str | None = Field(
        default=None,
        description="Conversations database: sqlite:///FILE or postgresql://... "
        "(default: a SQLite file in the data directory).",
    )
    llm_base_url: str | None = Field(
        default=None, description="An OpenAI-compatible endpoint; unset: the extractive composer."
    )
    llm_model: str | None = Field(default=None, description="Model name at the LLM endpoint.")
    llm_api_key: str | None = Field(default=None, description="API key for the LLM endpoint.")
    llm_timeout_s: float = Field(default=20.0, gt=0, le=300)

    def conversations_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'conversations.sqlite3'}"

    @field_validator("chroma_url", "llm_base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError(f"must start with http:// or https://, got {value!r}")
        return value or None

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("sqlite:///", "postgresql://", "postgresql+psycopg://")):
            raise ValueError(
                f"must start with sqlite:/// or postgresql://, got {value.split('@')[-1]!r}"
            )
        return value or None

    @model_validator(mode="after")
    def _llm_needs_a_model(self) -> Settings:
        if self.llm_base_url and not self.llm_model:
            raise ValueError("SSR_LLM_BASE_URL is set but SSR_LLM_MODEL is not: name the model")
        return self


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment and `.env`, with explicit values (CLI options) on top.

    A bad value raises `SettingsError` naming the setting, for a one-line message.
    """
    from pydantic import ValidationError

    from assistant.errors import SettingsError

    given = {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings(**given)  # type: ignore[arg-type]
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(map(str, error["loc"])) or "settings"
        raise SettingsError(f"setting {where}: {error['msg']}") from exc
