"""Reports: JSON that reads back, a self-contained HTML page, and the baseline comparison."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest
from eval_factories import ScriptedTarget, case, make_reply, write_jsonl

from assistant.reply import Reply
from evals.dataset import load_dataset
from evals.errors import ReportError
from evals.html import render_html
from evals.report import (
    REPORT_FORMAT,
    RunReport,
    build_report,
    classify,
    read_report,
    summary_table,
    write_report,
)
from evals.results import EvalRun
from evals.runner import EvalRunner


def _run(tmp_path: Path, answers: dict[str, str], name: str = "set.jsonl") -> RunReport:
    rows = [
        case("f1", "fees?", answer_contains=["free"], sources=["faq.md"]),
        case("f2", "grant?", answer_contains=["£50,000"]),
        case("o1", "weather?", category="out_of_scope", refuse=True),
    ]
    cases = load_dataset(write_jsonl(tmp_path / name, rows))

    def respond(message: str, conversation_id: str | None) -> Reply:
        if message == "weather?" and message not in answers:
            return make_reply("Sorry, I can only help with the programme.", route="out_of_scope",
                              grounded=False)
        text = answers[message]
        if text == "crash":
            raise RuntimeError("boom <b>")
        return make_reply(text, sources=["guidance/faq.md"],
                          conversation_id=conversation_id or uuid.uuid4().hex)

    target = ScriptedTarget(respond, retrieved={"fees?": ["guidance/faq.md"]})
    return build_report(EvalRunner(target, progress=False).run(cases, knowledge_dir="kb"))


def test_the_json_report_reads_back_with_metrics_and_checks(tmp_path: Path) -> None:
    report = _run(tmp_path, {"fees?": "It is free [1].", "grant?": "Up to £50,000 [1]."})
    json_path, html_path = write_report(report, tmp_path / "out")
    raw = json.loads(json_path.read_text(encoding="utf-8"))
    assert raw["format"] == REPORT_FORMAT
    assert raw["overall"]["pass_rate"] == {"value": 1.0, "n": 3}
    assert set(raw["categories"]) == {"factual", "out_of_scope"}
    first = raw["cases"][0]
    assert first["passed"] is True and first["reply"]["answer"] == "It is free [1]."
    assert [c["name"] for c in first["checks"]] == ["answer_contains", "retrieval", "citations"]
    again = read_report(json_path)
    assert again.overall == report.overall and again.cases[0].passed
    assert html_path.exists()


def test_the_html_page_is_self_contained_and_escapes_content(tmp_path: Path) -> None:
    report = _run(tmp_path, {"fees?": "<script>alert(1)</script> free", "grant?": "crash"})
    page = render_html(report)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for outside in ("src=", "<link", "@import", "url(", 'href="http', "http://", "https://"):
        assert outside not in page, outside
    assert page.count("<svg") == 1 + len(report.categories)  # overall and one per category
    assert "error: RuntimeError: boom &lt;b&gt;" in page
    # failures come first in the case table
    rows = re.findall(r'<tr id="case-([^"]+)" class="(\w+)"', page)
    assert rows[0] == ("f2", "failed") and rows[-1][1] == "passed"
    assert "✓ answer_contains" in page and "✗ answer_contains" in page


def test_against_a_baseline_the_regressions_come_first(tmp_path: Path) -> None:
    baseline = _run(tmp_path, {"fees?": "It is free.", "grant?": "It is unknown."}, "a.jsonl")
    current = _run(tmp_path, {"fees?": "It costs money.", "grant?": "Up to £50,000.",
                              "weather?": "Sunny [1]."}, "b.jsonl")
    report = build_report(EvalRun(metadata=current.metadata, cases=current.cases), baseline,
                          "base/report.json")
    comparison = report.comparison
    assert comparison is not None and comparison.baseline == "base/report.json"
    assert [(c.id, c.checks) for c in comparison.case_regressions] == [
        ("f1", ["answer_contains"]), ("o1", ["refuse"])]
    assert [c.id for c in comparison.case_fixes] == ["f2"]
    regressed = {(c.scope, c.metric) for c in comparison.regressions}
    assert {("overall", "pass_rate"), ("overall", "refusal_recall"),
            ("out_of_scope", "refusal_recall")} <= regressed
    assert comparison.regressions[0].scope == "overall"  # overall first, then categories
    assert ("factual", "answer_contains") not in regressed  # one broken, one fixed

    page = render_html(report)
    assert page.index("Regressions") < page.index("Improvements") < page.index("Per category")
    assert 'href="#case-f1"' in page and 'href="#case-o1"' in page


def test_metric_direction_and_latency_noise() -> None:
    assert classify("recall_at_k", 0.8, 0.7) == "regression"
    assert classify("recall_at_k", 0.7, 0.8) == "improvement"
    assert classify("recall_at_k", 0.7, 0.7) == "unchanged"
    assert classify("errors", 0, 1) == "regression"
    assert classify("latency_ms_p95", 100, 120) == "unchanged"  # within 25%
    assert classify("latency_ms_p95", 100, 130) == "regression"
    assert classify("latency_ms_p95", 100, 70) == "improvement"


def test_a_summary_table_has_a_row_per_category_and_overall(tmp_path: Path) -> None:
    report = _run(tmp_path, {"fees?": "It is free.", "grant?": "Up to £50,000."})
    lines = summary_table(report).splitlines()
    assert lines[0].split()[:3] == ["category", "cases", "passed"]
    assert [line.split()[0] for line in lines[2:]] == ["factual", "out_of_scope",
                                                       lines[4].split()[0], "overall"]
    assert lines[-1].split()[1:3] == ["3", "1.00"]


def test_a_bad_baseline_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="no such report file"):
        read_report(tmp_path / "missing.json")
    other = tmp_path / "other.json"
    other.write_text('{"some": "json"}', encoding="utf-8")
    with pytest.raises(ReportError, match="not an eval report"):
        read_report(other)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ReportError, match="not a JSON report"):
        read_report(broken)
