"""The command line as a user meets it: JSON reply shape, summaries, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from connectors.cli import cli

REPLY_KEYS = {"conversation_id", "message_id", "route", "answer", "citations", "eligibility",
              "signposts", "follow_up", "grounded", "understood"}
CITATION_KEYS = {"n", "title", "source", "locator", "url", "quote"}


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command, as a user runs it."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "connectors.cli", *args], capture_output=True,
                          text=True, env=full_env, timeout=600, check=False)


def test_help_does_not_load_the_model() -> None:
    code = ("import sys; from connectors.cli import cli; "
            "assert 'sentence_transformers' not in sys.modules; "
            "assert 'torch' not in sys.modules; assert 'chromadb' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


@pytest.mark.slow
def test_ask_json_indexes_a_new_folder_first_and_prints_the_reply(
        small_knowledge: Path, tmp_path: Path) -> None:
    result = _run("--knowledge", str(small_knowledge), "--data-dir", str(tmp_path / "data"),
                  "ask", "How many supplier quotes do I need?", "--json")
    assert result.returncode == 0, result.stderr
    assert "Indexing" in result.stderr
    reply = json.loads(result.stdout)
    assert set(reply) == REPLY_KEYS
    assert reply["route"] == "programme_question"
    assert reply["grounded"] is True
    assert reply["eligibility"] == [] and reply["signposts"] == []
    assert reply["citations"] and all(set(c) == CITATION_KEYS for c in reply["citations"])
    assert all((small_knowledge / c["source"]).is_file() for c in reply["citations"])


@pytest.mark.slow
def test_ingest_prints_a_summary_and_fails_on_a_broken_file(small_knowledge: Path,
                                                            tmp_path: Path) -> None:
    (small_knowledge / "guidance" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    args = ["--data-dir", str(tmp_path / "data"), "ingest", str(small_knowledge), "--quiet"]
    first = _run(*args)
    assert first.returncode == 1
    assert "documents: 5 added, 0 updated, 0 removed, 0 unchanged, 1 failed" in first.stdout
    assert "failed: guidance/broken.pdf: not a readable PDF" in first.stderr
    assert "Traceback" not in first.stderr

    (small_knowledge / "guidance" / "broken.pdf").unlink()
    second = _run(*args, "--json")
    assert second.returncode == 0
    summary = json.loads(second.stdout)
    assert summary["documents"]["unchanged"] == 5 and summary["embedded"] == 0


@pytest.mark.parametrize(("args", "message"), [
    (["--knowledge", "/nonexistent/folder", "ask", "hello"], "knowledge folder not found"),
    (["ingest", "/"], "is not a knowledge folder"),
])
def test_bad_input_is_one_line_and_a_non_zero_exit(args: list[str], message: str,
                                                   tmp_path: Path) -> None:
    result = _run("--data-dir", str(tmp_path), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")


def test_bad_setting_is_named(tmp_path: Path) -> None:
    result = _run("--data-dir", str(tmp_path), "ingest",
                  env={"SSR_CHROMA_URL": "localhost:8000"})
    assert result.returncode == 2
    assert result.stderr.startswith("error: setting chroma_url:")


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["frobnicate"])
    assert result.exit_code == 2
    assert "No such command" in result.output


@pytest.mark.slow
def test_ask_continues_a_conversation_and_chat_talks_in_turns(small_knowledge: Path,
                                                              tmp_path: Path) -> None:
    base = ["--knowledge", str(small_knowledge), "--data-dir", str(tmp_path / "data")]
    first = json.loads(_run(*base, "ask", "How many supplier quotes do I need?", "--json").stdout)
    second = _run(*base, "ask", "And for small items?", "--conversation",
                  first["conversation_id"], "--json")
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout)["conversation_id"] == first["conversation_id"]

    unknown = _run(*base, "ask", "Hello", "--conversation", "f" * 32)
    assert unknown.returncode == 2
    assert "no conversation" in unknown.stderr and "Traceback" not in unknown.stderr

    chat = subprocess.run(
        [sys.executable, "-m", "connectors.cli", *base, "chat"],
        input="Hello\nHow many supplier quotes do I need?\n\n", capture_output=True,
        text=True, timeout=600, check=False)
    assert chat.returncode == 0, chat.stderr
    assert "I can answer questions" in chat.stdout
    assert "Sources:" in chat.stdout
    assert "conversation" in chat.stderr


def _run_bytes(*args: bytes | str, stdin: bytes = b"",
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "connectors.cli", *args], input=stdin,
                          capture_output=True, env=full_env, timeout=600, check=False)


def test_a_question_that_is_not_utf8_is_refused_in_one_line(tmp_path: Path) -> None:
    result = _run_bytes("--data-dir", str(tmp_path), "ask", b"hello \xff\xfe world")
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.startswith("error: the question is not valid UTF-8 text") and err.count("\n") == 1
    assert "Traceback" not in err


def test_errors_under_json_are_json(tmp_path: Path) -> None:
    bad_text = _run_bytes("--data-dir", str(tmp_path), "ask", b"\xff", "--json")
    assert bad_text.returncode == 2
    error = json.loads(bad_text.stdout)["error"]
    assert error["code"] == "usage" and "UTF-8" in error["message"]
    missing = _run("--knowledge", "/nonexistent/folder", "--data-dir", str(tmp_path), "ask",
                   "hello", "--json")
    assert missing.returncode == 2
    assert json.loads(missing.stdout)["error"]["code"] == "invalid_input"
    assert missing.stderr == ""


def test_serve_is_a_command_with_host_port_and_workers() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--workers"):
        assert option in result.output
    assert CliRunner().invoke(cli, ["serve", "--port", "70000"]).exit_code == 2


@pytest.mark.slow
def test_chat_goes_on_past_empty_lines_and_bad_bytes_and_ends_on_quit(
        small_knowledge: Path, tmp_path: Path) -> None:
    base = ["--knowledge", str(small_knowledge), "--data-dir", str(tmp_path / "data")]
    chat = _run_bytes(*base, "chat", stdin=b"Hello\n\n\xff\xfe oops\nHow many supplier quotes "
                      b"do I need?\n/quit\nWhat is the Productivity Booster?\n")
    out, err = chat.stdout.decode(), chat.stderr.decode()
    assert chat.returncode == 0, err
    assert "I can answer questions" in out and "Sources:" in out
    assert "that message is not valid UTF-8 text" in err
    assert out.count("you> ") == 5  # the line after /quit is never read as a message
    assert "Traceback" not in err
