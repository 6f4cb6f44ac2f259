"""`eval` and `eval export-feedback`, mounted on a main command the way the product mounts it."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from eval_factories import case, make_reply, write_jsonl

from assistant.business import Facts
from assistant.conversations import SqlConversationStore
from evals.cli import register
from evals.dataset import load_dataset
from evals.errors import DatasetError


@pytest.fixture
def main(make_settings) -> click.Group:
    """A main command like the product's: global --data-dir, settings made by the caller."""

    @click.group()
    @click.option("--data-dir", type=click.Path(path_type=Path), required=True)
    @click.pass_context
    def cli(ctx: click.Context, data_dir: Path) -> None:
        ctx.obj = {"knowledge": None, "data_dir": data_dir, "debug": False}

    register(cli, lambda ctx: make_settings(ctx.obj["data_dir"]))
    return cli


def _invoke(main: click.Group, tmp_path: Path, *args: str):
    return CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "eval", *args])


def test_help_reads_as_eval_with_datasets_and_names_the_subcommand(main: click.Group,
                                                                   tmp_path: Path) -> None:
    out = _invoke(main, tmp_path, "--help")
    assert out.exit_code == 0, out.output
    assert "eval [OPTIONS] [DATASETS]..." in out.output
    for option in ("--knowledge", "--against", "--out", "--baseline", "--gate", "--k",
                   "--judge"):
        assert option in out.output
    assert "export-feedback" in out.output
    sub = _invoke(main, tmp_path, "export-feedback", "--help")
    assert sub.exit_code == 0 and "rated" in sub.output


def test_a_bad_dataset_is_one_line_naming_file_and_line(main: click.Group,
                                                        tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", [case("q1"), case("q2", category="trivia")])
    out = _invoke(main, tmp_path, str(path))
    assert out.exit_code == 2
    assert out.output.strip().splitlines() == [
        f"error: {path}:2: unknown category 'trivia' (one of: factual, numeric, eligibility, "
        "signposting, multi_turn, out_of_scope, adversarial, unanswerable, time_bound)"]


def test_an_unknown_programme_is_checked_against_the_policy(main: click.Group,
                                                            tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", [
        case("q1", category="eligibility", eligibility={"programme": "Growth Voucher"})])
    out = _invoke(main, tmp_path, str(path))
    assert out.exit_code == 2
    assert f"error: {path}:1: expected.eligibility.programme 'Growth Voucher'" in out.output
    assert "Productivity Booster" in out.output


@pytest.mark.parametrize(("args", "message"), [
    (["--baseline", "{tmp}/missing.json"], "missing.json: no such report file"),
    (["--gate", "--thresholds", "{tmp}/none.yaml"], "none.yaml: no such thresholds file"),
    (["--judge"], "--judge needs a language model: set SSR_LLM_BASE_URL and SSR_LLM_MODEL"),
])
def test_bad_options_fail_before_anything_is_indexed(main: click.Group, tmp_path: Path,
                                                     args: list[str], message: str) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", [case("q1")])
    out = _invoke(main, tmp_path, str(path), *[a.format(tmp=tmp_path) for a in args])
    assert out.exit_code == 2 and message in out.output
    assert not (tmp_path / "data").exists()


def _rated_conversation(url: str) -> tuple[str, str]:
    """A conversation of two turns, the second rated down, the first rated up."""
    store = SqlConversationStore(url)
    conversation = store.create()
    first = make_reply("It is a grant.", conversation_id=conversation.id)
    second = make_reply("Anyone can apply.", conversation_id=conversation.id)
    store.append_turn(conversation.id, "What is the Productivity Booster?", first, Facts(), [])
    store.append_turn(conversation.id, "and who can apply?", second, Facts(), [])
    store.add_feedback(first.message_id, "up")
    store.add_feedback(second.message_id, "down", "It left out the SME rule")
    other = store.create()
    single = make_reply("Nine hubs.", conversation_id=other.id)
    store.append_turn(other.id, "How many hubs are there?", single, Facts(), [])
    store.add_feedback(single.message_id, "down")
    store.close()
    return second.message_id, single.message_id


def test_export_feedback_writes_draft_cases_a_person_must_review(main: click.Group,
                                                                 tmp_path: Path,
                                                                 make_settings) -> None:
    url = make_settings(tmp_path / "data").conversations_url()
    rated, single = _rated_conversation(url)
    out_file = tmp_path / "drafts" / "feedback.jsonl"
    out = _invoke(main, tmp_path, "export-feedback", "--out", str(out_file))
    assert out.exit_code == 0, out.output
    assert "2 draft case(s) from answers rated down" in out.output
    first, second = (json.loads(line) for line in out_file.read_text().splitlines())
    assert first["id"] == f"feedback-{rated[:12]}"
    assert first["turns"] == ["What is the Productivity Booster?", "and who can apply?"]
    assert "question" not in first and first["category"] is None
    assert first["needs_review"] is True and first["expected"] == {}
    assert first["feedback"]["comment"] == "It left out the SME rule"
    assert first["feedback"]["answer"] == "Anyone can apply."
    assert second["question"] == "How many hubs are there?" and "turns" not in second
    assert second["feedback"]["message_id"] == single
    with pytest.raises(DatasetError, match=r"feedback.jsonl:1: "):
        load_dataset(out_file)  # no category, and flagged: nothing scores until reviewed

    printed = _invoke(main, tmp_path, "export-feedback")
    assert printed.exit_code == 0
    assert json.loads(printed.output.splitlines()[0])["id"] == first["id"]


def test_export_feedback_with_nothing_rated_down(main: click.Group, tmp_path: Path) -> None:
    out = _invoke(main, tmp_path, "export-feedback")
    assert out.exit_code == 0 and "0 draft case(s)" in out.output


# --------------------------------------------------------------------------- slow


@pytest.mark.slow
def test_eval_in_process_on_another_knowledge_folder(main: click.Group, tmp_path: Path,
                                                     small_knowledge: Path) -> None:
    """A new folder and its own dataset, evaluated with one command."""
    path = write_jsonl(tmp_path / "set.jsonl", [
        case("c1", "How do I make a complaint?", sources=["complaints-procedure.txt"]),
        case("c2", "What is the capital of France?", category="out_of_scope", refuse=True),
        {"id": "c3", "turns": ["How do I apply?", "and how long does it take?"],
         "category": "multi_turn", "expected": {"sources": ["how-to-apply.html"]}},
    ])
    out_dir = tmp_path / "run"
    # another programme's release gate has thresholds of its own
    gate_file = tmp_path / "thresholds.yaml"
    gate_file.write_text("overall:\n  completed: 1.0\n  latency_ms_p95: null\n",
                         encoding="utf-8")
    out = _invoke(main, tmp_path, str(path), "--knowledge", str(small_knowledge),
                  "--out", str(out_dir), "--gate", "--thresholds", str(gate_file),
                  "--k", "3", "-q")
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    table = lines[lines.index(next(line for line in lines if line.startswith("category"))):]
    assert [line.split()[0] for line in table[2:5]] == ["factual", "multi_turn", "out_of_scope"]
    assert "gate: passed" in out.output and "not enforced" in out.output
    report = json.loads((out_dir / "report.json").read_text())
    assert report["metadata"]["k"] == 3
    assert report["metadata"]["knowledge_dir"] == str(small_knowledge)
    assert report["overall"]["completed"]["value"] == 1.0
    assert (out_dir / "report.html").read_text().startswith("<!DOCTYPE html>")
    assert (out_dir / "conversations.sqlite3").exists()  # never the deployment's database


def test_a_run_without_out_writes_under_the_data_directory_not_the_current_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evals.cli import EvalOptions

    monkeypatch.chdir(tmp_path)
    chosen = EvalOptions().place_output(tmp_path / "data")
    assert chosen.parent == tmp_path / "data" / "eval-runs"
    assert EvalOptions(out=tmp_path / "mine").place_output(tmp_path / "data") == \
        tmp_path / "mine"
    assert not (tmp_path / "eval-runs").exists()
