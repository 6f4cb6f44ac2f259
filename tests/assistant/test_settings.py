"""Settings for the web API: typed, validated, and refusing placeholder secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import SettingsError
from assistant.settings import Settings, load_settings


def test_origins_come_comma_separated_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    monkeypatch.setenv("SSR_CORS_ORIGINS", "https://www.example.org, http://localhost:8080/")
    monkeypatch.setenv("SSR_REDIS_URL", "redis://127.0.0.1:6379/0")
    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    assert settings.cors_origins == ["https://www.example.org", "http://localhost:8080"]
    assert settings.redis_url == "redis://127.0.0.1:6379/0"
    assert settings.admin_api_key is None and settings.engine_threads >= 1


@pytest.mark.parametrize(("name", "value", "message"), [
    ("admin_api_key", "changeme", "not a placeholder"),
    ("admin_api_key", "short", "at least 16"),
    ("redis_url", "localhost:6379", "redis://"),
    ("cors_origins", "https://example.org/path", "no path"),
    ("rate_limit_per_minute", "0", "greater than or equal to 1"),
])
def test_bad_web_settings_are_named(monkeypatch: pytest.MonkeyPatch, name: str, value: str,
                                    message: str) -> None:
    monkeypatch.setenv(f"SSR_{name.upper()}", value)
    with pytest.raises(SettingsError, match=f"setting {name}:.*{message}"):
        load_settings()


def test_the_admin_key_is_never_shown(tmp_path: Path) -> None:
    key = "a-real-secret-of-enough-length"
    settings = Settings(_env_file=None, data_dir=tmp_path, admin_api_key=key)  # type: ignore[call-arg]
    assert key not in repr(settings) and key not in str(settings.model_dump())
    assert settings.admin_api_key is not None
    assert settings.admin_api_key.get_secret_value() == key
