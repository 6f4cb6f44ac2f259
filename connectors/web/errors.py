"""Errors as the API answers them: JSON `{"error": {"code", "message"}}` with a 4xx status for
anything the client can fix, 503 when the service cannot answer now, and 500 only for a bug.

Messages never repeat what the client sent: a body may hold personal data (a referral) and
error messages end up in logs.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.conversations import (
    StoreError,
    UnknownConversation,
    UnknownMessage,
    VersionConflict,
)
from assistant.errors import AssistantError, InputError

log = logging.getLogger("ssr.web")


class ApiError(Exception):
    """An error with its HTTP status, a stable code for scripts and a message for people."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = headers or {}


class NotFound(ApiError):
    status, code = 404, "not_found"


class Unauthorised(ApiError):
    status, code = 401, "unauthorised"


class Forbidden(ApiError):
    status, code = 403, "forbidden"


class RateLimited(ApiError):
    status, code = 429, "rate_limited"

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(
            f"Too many requests from this client; please wait {retry_after_s} s and try again.",
            headers={"Retry-After": str(retry_after_s)})
        self.retry_after_s = retry_after_s


class Busy(ApiError):
    status, code = 503, "busy"

    def __init__(self, message: str = "The assistant is answering as many questions as it "
                 "can; please try again in a few seconds.", retry_after_s: int = 5) -> None:
        super().__init__(message, headers={"Retry-After": str(retry_after_s)})


class NotReady(ApiError):
    status, code = 503, "starting"

    def __init__(self, message: str = "The assistant is starting up (loading its model and "
                 "indexes); please try again in a few seconds.") -> None:
        super().__init__(message, headers={"Retry-After": "5"})


class PayloadTooLarge(ApiError):
    status, code = 413, "too_large"


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def as_api_error(error: Exception) -> ApiError | None:
    """The API's answer to an error of the assistant layer, or None for a bug."""
    if isinstance(error, ApiError):
        return error
    if isinstance(error, (UnknownConversation, UnknownMessage)):
        return NotFound(str(error))
    if isinstance(error, VersionConflict):
        conflict = ApiError("The conversation kept changing while this message was being "
                            "answered; please send it again.")
        conflict.status, conflict.code = 409, "conflict"
        return conflict
    if isinstance(error, StoreError):
        log.error("store unavailable: %s", error)
        return Busy("The assistant cannot reach its database just now; please try again "
                    "shortly.", retry_after_s=10)
    if isinstance(error, InputError):
        invalid = ApiError(str(error))
        invalid.code = "invalid_message"
        return invalid
    return None


_STATUS_CODES = {400: "bad_request", 401: "unauthorised", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed", 406: "not_acceptable", 413: "too_large",
                 415: "unsupported_media_type", 422: "invalid_request"}


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_request", describe_validation(error.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(error.status_code, "error")
        message = error.detail if isinstance(error.detail, str) else code.replace("_", " ")
        if error.status_code == 404:
            message = "There is nothing at this address."
        return error_response(error.status_code, code, message,
                              headers=getattr(error, "headers", None))

    async def known_error(request: Request, error: Exception) -> JSONResponse:
        known = as_api_error(error)
        if known is None:
            return await any_error(request, error)
        return error_response(known.status, known.code, known.message, known.headers)

    app.add_exception_handler(ApiError, known_error)
    app.add_exception_handler(AssistantError, known_error)

    @app.exception_handler(Exception)
    async def any_error(request: Request, error: Exception) -> JSONResponse:
        log.error("unexpected error on %s %s", request.method, request.url.path,
                  exc_info=error)
        return error_response(500, "internal_error",
                              "Something went wrong on our side; it has been logged.")


def describe_validation(errors: Any) -> str:
    """One sentence per problem, naming the field and the rule, never the value sent."""
    parts = []
    for error in list(errors)[:3]:
        location = [str(part) for part in error.get("loc", ()) if part != "body"]
        field = ".".join(location) or "the request body"
        kind = str(error.get("type", ""))
        if kind == "json_invalid":
            parts.append("the body is not valid JSON")
        elif kind == "missing":
            parts.append(f"{field} is required")
        else:
            message = str(error.get("msg", "is not valid"))
            parts.append(f"{field}: {message[:1].lower()}{message[1:]}")
    return "; ".join(parts) or "the request is not valid"
