"""The composition root of a web worker: settings from the environment, the engine built,
the app made. `ssr-assistant serve` runs `app_from_settings` in each uvicorn worker."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI

from connectors.web.app import create_app


def app_from_settings() -> FastAPI:
    from assistant.factory import build, configure_runtime
    from assistant.settings import load_settings

    settings = load_settings()
    configure_runtime(settings)
    _log_to_stderr()
    components = build(settings, progress=False)

    def reindex() -> dict[str, Any]:
        return components.ingestor.ingest().as_dict()

    return create_app(components.assistant, settings, reindex=reindex)


def _log_to_stderr() -> None:
    logger = logging.getLogger("ssr")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
