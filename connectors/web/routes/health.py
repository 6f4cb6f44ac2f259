"""`GET /healthz` (the process answers) and `GET /readyz` (a turn can be answered)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from connectors.web.deps import Runtime
from connectors.web.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="Liveness")
async def healthz() -> Health:
    return Health(status="ok")


@router.get("/readyz", response_model=Health,
            responses={503: {"model": Health, "description": "Still warming up, or failed."}},
            summary="Readiness")
async def readyz(runtime: Runtime) -> JSONResponse:
    """200 once the model, indexes, router and database have answered a warm-up turn."""
    readiness = runtime.readiness
    body = Health(status=readiness.state, detail=readiness.detail)
    return JSONResponse(body.model_dump(), status_code=200 if readiness.state == "ok" else 503)
