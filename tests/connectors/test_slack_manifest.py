"""The app manifests ask for exactly what the bot uses: the scopes its events and Web API calls
need, the events it listens to, its one command; and the two modes differ only in transport."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCES = "\n".join(p.read_text(encoding="utf-8")
                    for p in sorted((ROOT / "connectors" / "slack").glob("*.py")))

# what each event subscription and Web API method needs (Slack's scope reference)
EVENT_SCOPES = {"app_mention": "app_mentions:read", "message.channels": "channels:history",
                "message.groups": "groups:history", "message.im": "im:history"}
METHOD_SCOPES = {"chat_postMessage": "chat:write", "chat_update": "chat:write",
                 "chat_postEphemeral": "chat:write", "views_open": None}


def _manifest(name: str) -> dict:
    return yaml.safe_load((ROOT / "docs" / "slack" / name).read_text(encoding="utf-8"))


def test_scopes_events_and_command_are_exactly_those_used() -> None:
    manifest = _manifest("manifest.yaml")
    methods = set(re.findall(r"client\.(\w+)\(", SOURCES)) | set(
        re.findall(r"self\._client\.(\w+)\(", SOURCES))
    assert methods == set(METHOD_SCOPES), "a Web API method without a known scope"
    listened = set(re.findall(r'app\.event\("([a-z_]+)"', SOURCES))
    assert listened == {"app_mention", "message"}
    # messages are answered in direct messages and in threads of public and private channels
    events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    assert events == {"app_mention", "message.channels", "message.groups", "message.im"}

    needed = {EVENT_SCOPES[e] for e in events} | {s for s in METHOD_SCOPES.values() if s}
    needed.add("commands")
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == needed
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/ssr"]
    assert 'command: str = "ssr"' in SOURCES
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True


def test_the_http_manifest_differs_only_in_transport() -> None:
    socket, http = _manifest("manifest.yaml"), _manifest("manifest-http.yaml")
    url = "https://ssr.example.org/slack/events"
    assert http["settings"]["socket_mode_enabled"] is False
    assert http["settings"]["event_subscriptions"].pop("request_url") == url
    assert http["settings"]["interactivity"].pop("request_url") == url
    assert http["features"]["slash_commands"][0].pop("url") == url
    http["settings"]["socket_mode_enabled"] = True
    assert http == socket
