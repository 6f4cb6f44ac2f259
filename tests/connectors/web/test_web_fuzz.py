"""Every endpoint fuzzed from the OpenAPI schema (schemathesis, property-based): whatever is
sent, the API never answers 500, and its answers match the schema it publishes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from assistant.engine import Assistant
from assistant.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture
def api_schema(fresh_engine: Assistant, make_app: Callable[..., FastAPI],
               web_settings: Callable[..., Settings]) -> Any:
    app = make_app(fresh_engine, settings=web_settings(admin_api_key="f" * 32),
                   reindex=lambda: {"documents": {}})
    # some real ids, so generated requests also reach stored conversations and answers
    reply = fresh_engine.ask("How do I apply?")
    fresh_engine.ask("We have 40 staff in Dudley", reply.conversation_id)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


OPERATIONS = [
    ("POST", "/v1/chat"), ("POST", "/v1/chat/stream"),
    ("GET", "/v1/conversations/{conversation_id}"),
    ("DELETE", "/v1/conversations/{conversation_id}"),
    ("POST", "/v1/feedback"), ("POST", "/v1/referrals"),
    ("GET", "/healthz"), ("GET", "/readyz"), ("POST", "/v1/admin/reindex"),
]


def test_the_fuzzed_operations_are_all_the_operations(api_schema: Any) -> None:
    published = {(op.ok().method.upper(), op.ok().path)
                 for op in api_schema.get_all_operations()}
    assert published == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_request_makes_the_api_answer_500(api_schema: Any, method: str, path: str) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        response = case.call()
        assert response.status_code < 500 or response.status_code == 503, response.text
        case.validate_response(response, checks=[not_a_server_error])
        content_type = (response.headers.get("content-type") or [""])[0]
        if response.status_code >= 400 and content_type.startswith("application/json"):
            error = response.json()["error"]
            assert error["code"] and error["message"]

    check()
