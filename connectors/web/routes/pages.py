"""The chat page (`/`), the embeddable widget (`/widget.js`) and the privacy notice."""

from __future__ import annotations

import html
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

STATIC = Path(__file__).resolve().parent.parent / "static"

router = APIRouter(include_in_schema=False)


def _page(name: str, request: Request) -> HTMLResponse:
    runtime = request.app.state.runtime
    programme = runtime.assistant.programme
    text = (STATIC / name).read_text(encoding="utf-8")
    values = {
        "programme": html.escape(programme.name),
        "contact": html.escape(programme.contact.sentence()),
        "privacy_url": html.escape(runtime.settings.privacy_url, quote=True),
    }
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return HTMLResponse(text, headers={"Cache-Control": "no-cache"})


@router.get("/")
async def chat_page(request: Request) -> HTMLResponse:
    return _page("index.html", request)


@router.get("/privacy")
async def privacy_page(request: Request) -> HTMLResponse:
    return _page("privacy.html", request)


@router.get("/widget.js")
async def widget() -> Response:
    # Loaded by partner sites: any origin may fetch the script itself.
    return Response((STATIC / "widget.js").read_bytes(), media_type="text/javascript",
                    headers={"Cache-Control": "public, max-age=300",
                             "Cross-Origin-Resource-Policy": "cross-origin"})
