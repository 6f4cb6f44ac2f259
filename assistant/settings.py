"""One typed settings tree, read once at the composition root (environment and `.env`)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated

from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Values a deployment must not keep as its admin key: they are in every example.
_PLACEHOLDER_KEYS = {"changeme", "change-me", "changethis", "secret", "password", "admin",
                     "your-api-key", "xxx", "test"}
ADMIN_KEY_MIN_CHARS = 16

SLACK_API_URL = "https://slack.com/api/"
# The shapes of Slack's credentials: a value of another shape is a copy-paste slip or a
# placeholder, and is refused at start rather than at the first event.
_SLACK_SHAPES = {
    "slack_bot_token": (re.compile(r"xoxb-[0-9]+-[0-9]+-[A-Za-z0-9]+"),
                        "a bot token starting xoxb- (OAuth & Permissions > Bot User OAuth Token)"),
    "slack_app_token": (re.compile(r"xapp-[0-9]+-[A-Za-z0-9]+-[0-9]+-[A-Za-z0-9]+"),
                        "an app-level token starting xapp- (Basic Information > App-Level "
                        "Tokens)"),
    "slack_signing_secret": (re.compile(r"[0-9a-f]{16,}"),
                             "the hexadecimal Signing Secret (Basic Information > App "
                             "Credentials)"),
}
_SLACK_CHANNEL = re.compile(r"[CG][A-Z0-9]{2,20}|#[a-z0-9][a-z0-9_-]{0,79}")


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "ssr-assistant"


class Settings(BaseSettings):
    """Every setting is optional: the defaults run fully offline on the bundled knowledge."""

    model_config = SettingsConfigDict(env_prefix="SSR_", env_file=".env", extra="ignore")

    knowledge_dir: Path | None = Field(
        default=None, description="Knowledge folder (default: the bundled sample)."
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

    # Slack: the token names are Slack's own, without the SSR_ prefix
    slack_bot_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("slack_bot_token", "SLACK_BOT_TOKEN"),
        description="The bot's token (xoxb-...), from OAuth & Permissions.")
    slack_signing_secret: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("slack_signing_secret", "SLACK_SIGNING_SECRET"),
        description="Verifies requests to /slack/events, from Basic Information.")
    slack_app_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("slack_app_token", "SLACK_APP_TOKEN"),
        description="The app-level token (xapp-...) with connections:write, for Socket Mode.")
    slack_api_url: str = Field(default=SLACK_API_URL,
                               description="Slack's Web API base URL (another for tests, staging).")
    referral_channel: str | None = Field(
        default=None, description="The Slack channel (an id such as C0123ABCD, or #name) where "
        "referrals from the website are posted.")

    # -- the web API ----------------------------------------------------------------------
    admin_api_key: SecretStr | None = Field(
        default=None, description="Key for the admin routes (re-index); unset: they are off.")
    redis_url: str | None = Field(
        default=None, description="Redis (redis://host:port/db) for rate limits shared by "
        "every API worker; unset: limits are kept in each process.")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Origins (comma-separated) whose pages may call the "
        "API and embed the chat widget, e.g. https://www.example.org.")
    rate_limit_per_minute: int = Field(
        default=30, ge=1, le=100_000, description="Chat requests per client per minute.")
    write_limit_per_minute: int = Field(
        default=10, ge=1, le=100_000,
        description="Feedback and referral requests per client per minute.")
    max_body_bytes: int = Field(default=64 * 1024, ge=1024, le=10 * 1024 * 1024,
                                description="Largest request body accepted.")
    engine_threads: int = Field(default=2, ge=1, le=64,
                                description="Turns answered at once by one API worker.")
    engine_queue: int = Field(default=32, ge=0, le=10_000,
                              description="Turns waiting for a thread before the API "
                              "answers 503 (busy).")
    model_threads: int = Field(
        default=1, ge=1, le=64,
        description="Threads each model call may use in an API worker. One: the API already "
        "answers several turns at once, and model calls that each want every core spin against "
        "each other.")
    privacy_url: str = Field(default="/privacy",
                             description="The privacy notice the referral form links to.")

    def conversations_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'conversations.sqlite3'}"

    @field_validator("chroma_url", "llm_base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError(f"must start with http:// or https://, got {value!r}")
        return value or None

    @field_validator("slack_api_url")
    @classmethod
    def _slack_api_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"must start with http:// or https://, got {value!r}")
        return value if value.endswith("/") else value + "/"

    @field_validator("slack_bot_token", "slack_app_token", "slack_signing_secret")
    @classmethod
    def _slack_credential(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        shape, expected = _SLACK_SHAPES[str(info.field_name)]
        if not shape.fullmatch(value.get_secret_value().strip()):
            # never echo the value: it may be a real secret pasted into the wrong variable
            raise ValueError(f"is not {expected}")
        return SecretStr(value.get_secret_value().strip())

    @field_validator("referral_channel")
    @classmethod
    def _referral_channel(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not _SLACK_CHANNEL.fullmatch(value.strip()):
            raise ValueError(f"must be a channel id such as C0123ABCD or a #channel-name, "
                             f"got {value!r}")
        return value.strip()

    @field_validator("admin_api_key")
    @classmethod
    def _real_admin_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        key = value.get_secret_value()
        if key.strip().lower() in _PLACEHOLDER_KEYS or len(key) < ADMIN_KEY_MIN_CHARS:
            raise ValueError(
                f"must be a real secret of at least {ADMIN_KEY_MIN_CHARS} characters, not a "
                "placeholder (for example: python -c 'import secrets; "
                "print(secrets.token_urlsafe(32))')"
            )
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError(f"must start with redis://, rediss:// or unix://, got "
                             f"{value.split('@')[-1]!r}")
        return value or None

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _origins(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list):
            origins = [str(origin).rstrip("/") for origin in value]
            for origin in origins:
                if origin != "*" and not (origin.startswith(("http://", "https://"))
                                          and origin.count("/") == 2):
                    raise ValueError(f"each origin is scheme://host[:port] with no path, "
                                     f"got {origin!r}")
            return origins
        return value

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
        message = error["msg"].removeprefix("Value error, ")
        raise SettingsError(f"setting {_ENV_NAMES.get(where, where)}: {message}") from exc


# Settings read from variables named other than SSR_<FIELD>: errors name the variable
_ENV_NAMES = {"slack_bot_token": "SLACK_BOT_TOKEN", "slack_signing_secret": "SLACK_SIGNING_SECRET",
              "slack_app_token": "SLACK_APP_TOKEN"}
