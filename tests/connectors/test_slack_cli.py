"""`ssr-assistant slack` as an operator meets it: a missing or malformed credential is one line
and exit status 2, before any model is loaded."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _slack(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("SLACK_", "SSR_"))}
    return subprocess.run(
        [sys.executable, "-m", "connectors.cli", "--data-dir", str(tmp_path / "data"), "slack"],
        capture_output=True, text=True, env={**clean, **env}, cwd=tmp_path, timeout=120,
        check=False)


@pytest.mark.parametrize(("env", "says"), [
    ({}, "error: SLACK_BOT_TOKEN is not set: install the app and copy its Bot User OAuth "
         "Token"),
    ({"SLACK_BOT_TOKEN": "xoxb-100-200-abc"}, "error: SLACK_APP_TOKEN is not set: Socket Mode "
                                              "needs an app-level token"),
    ({"SLACK_BOT_TOKEN": "xoxb-paste-here"}, "error: setting SLACK_BOT_TOKEN: is not a bot "
                                             "token starting xoxb-"),
])
def test_a_missing_or_malformed_credential_is_one_line(tmp_path: Path, env: dict[str, str],
                                                       says: str) -> None:
    started = time.monotonic()
    result = _slack(tmp_path, **env)
    assert result.returncode == 2
    assert result.stderr.startswith(says)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert time.monotonic() - started < 60  # no model was loaded to say so
