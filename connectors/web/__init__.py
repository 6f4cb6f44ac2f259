"""The web channel: the HTTP API (FastAPI, served by uvicorn), the chat page and the widget.

- `app.create_app(assistant, settings)`: the app over a built engine
- `main.app_from_settings()`: the composition root `ssr-assistant serve` runs in each worker
- `routes/`: thin routes; `deps`: their dependencies; `runner`: the engine's thread pool;
  `limits`: rate limits (in process or Redis); `streaming`: server-sent events;
  `middleware`: body cap and security headers; `static/`: the page and widget, no build step
"""

from connectors.web.app import create_app

__all__ = ["create_app"]
