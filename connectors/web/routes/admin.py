"""Admin routes, behind `SSR_ADMIN_API_KEY`: re-index the knowledge folder."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from connectors.web.deps import AdminKey, Runtime
from connectors.web.errors import ApiError

router = APIRouter(tags=["admin"])


@router.post("/v1/admin/reindex", dependencies=[AdminKey],
             responses={401: {"description": "No key, or the wrong one."},
                        403: {"description": "The admin routes are off (no key configured)."}},
             summary="Re-index the knowledge folder")
async def reindex(runtime: Runtime) -> dict[str, Any]:
    """Index what changed in the knowledge folder (incremental) and report documents and
    chunks added, updated, removed and unchanged. Needs `Authorization: Bearer KEY`."""
    if runtime.reindex is None:
        unavailable = ApiError("Re-indexing is not available in this deployment.")
        unavailable.status, unavailable.code = 503, "unavailable"
        raise unavailable
    if runtime.reindexing.locked():
        running = ApiError("A re-index is already running; try again when it has finished.")
        running.status, running.code = 409, "conflict"
        raise running
    async with runtime.reindexing:
        return await runtime.runner.run(runtime.reindex)
