"""Fixtures for the Slack bot: a Slack stand-in per test, a real SQLite store, the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_api import SlackWebAPI
from slack_harness import ScriptedAssistant, SlackHarness, slack_settings

from assistant.conversations import SqlConversationStore, sqlite_url


@pytest.fixture
def slack_api() -> Iterator[SlackWebAPI]:
    with SlackWebAPI() as api:
        yield api


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlConversationStore]:
    found = SqlConversationStore(sqlite_url(tmp_path / "conversations.sqlite3"))
    yield found
    found.close()


@pytest.fixture
def scripted(store: SqlConversationStore) -> ScriptedAssistant:
    return ScriptedAssistant(store)


@pytest.fixture
def slack(slack_api: SlackWebAPI, scripted: ScriptedAssistant, store: SqlConversationStore,
          tmp_path: Path) -> SlackHarness:
    return SlackHarness(slack_api, scripted, store, slack_settings(tmp_path, slack_api))
