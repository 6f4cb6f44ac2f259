"""The report of a run: metrics per category and overall, every case with its checks, and,
against a baseline run, what got worse (listed first) and what got better.

Written as `report.json` (read back as a baseline) and `report.html` (one self-contained
page: inline CSS and SVG, no scripts, nothing fetched).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from evals.dataset import SPLITS
from evals.errors import ReportError
from evals.metrics import METRICS, aggregate, by_category
from evals.results import CaseResult, EvalRun, MetricValue, RunMetadata

REPORT_FORMAT = "ssr-assistant-eval-report/1"
LATENCY_TOLERANCE = 0.25  # a latency is a regression only when it grows by more than this share
_EPSILON = 1e-9
_NOT_COMPARED = {"cases"}

Change = Literal["regression", "improvement", "unchanged"]


class MetricChange(BaseModel):
    scope: str  # "overall" or a category
    metric: str
    before: float
    after: float
    change: Change

    @property
    def delta(self) -> float:
        return self.after - self.before


class CaseChange(BaseModel):
    id: str
    category: str
    change: Literal["regression", "fixed"]  # passed before and fails now, or the reverse
    checks: list[str] = Field(default_factory=list)  # the checks that flipped
    error: str | None = None


class Comparison(BaseModel):
    baseline: str  # where the baseline report was read from
    baseline_started_at: str = ""
    regressions: list[MetricChange] = Field(default_factory=list)  # worst first
    case_regressions: list[CaseChange] = Field(default_factory=list)
    improvements: list[MetricChange] = Field(default_factory=list)
    case_fixes: list[CaseChange] = Field(default_factory=list)
    unchanged: int = 0
    new_cases: list[str] = Field(default_factory=list)  # in this run only
    dropped_cases: list[str] = Field(default_factory=list)  # in the baseline only

    @property
    def has_regressions(self) -> bool:
        return bool(self.regressions or self.case_regressions)


class Metrics(BaseModel):
    """The metrics of a set of cases, overall and per category."""

    overall: dict[str, MetricValue]
    categories: dict[str, dict[str, MetricValue]]

    @classmethod
    def of(cls, cases: list[CaseResult]) -> Metrics:
        return cls(overall=aggregate(cases), categories=by_category(cases))

    def value(self, scope: str, metric: str) -> float | None:
        metrics = self.overall if scope == "overall" else self.categories.get(scope, {})
        found = metrics.get(metric)
        return found.value if found else None


class ReportSection(BaseModel):
    """An analysis added to a report: a title, a paragraph, a table, an optional SVG figure."""

    title: str
    text: str = ""
    columns: list[str] = Field(default_factory=list)
    rows: list[list[str]] = Field(default_factory=list)
    svg: str = ""


class RunReport(BaseModel):
    format: str = REPORT_FORMAT
    metadata: RunMetadata
    overall: dict[str, MetricValue]
    categories: dict[str, dict[str, MetricValue]]
    # the same metrics for each half of the datasets ("dev", "test") that the run had cases of
    splits: dict[str, Metrics] = Field(default_factory=dict)
    cases: list[CaseResult]
    comparison: Comparison | None = None
    sections: list[ReportSection] = Field(default_factory=list)  # extra analyses, such as ROC

    def value(self, scope: str, metric: str, split: str | None = None) -> float | None:
        if split is not None:
            half = self.splits.get(split)
            return half.value(scope, metric) if half else None
        metrics = self.overall if scope == "overall" else self.categories.get(scope, {})
        found = metrics.get(metric)
        return found.value if found else None


def build_report(run: EvalRun, baseline: RunReport | None = None,
                 baseline_path: str = "") -> RunReport:
    report = RunReport(metadata=run.metadata, overall=aggregate(run.cases),
                       categories=by_category(run.cases), cases=run.cases,
                       splits={half: Metrics.of([c for c in run.cases if c.split == half])
                               for half in SPLITS if any(c.split == half for c in run.cases)})
    if baseline is not None:
        report.comparison = compare(report, baseline, baseline_path)
    return report


# --------------------------------------------------------------------------- comparison


def compare(current: RunReport, baseline: RunReport, baseline_path: str = "") -> Comparison:
    changes = [c for scope in ["overall", *current.categories]
               for c in _metric_changes(scope, current, baseline)]
    regressions = sorted((c for c in changes if c.change == "regression"), key=_severity)
    before = {c.id: c for c in baseline.cases}
    after = {c.id: c for c in current.cases}
    case_changes = [_case_change(before[i], after[i]) for i in after if i in before]
    return Comparison(
        baseline=baseline_path,
        baseline_started_at=baseline.metadata.started_at.isoformat(),
        regressions=regressions,
        case_regressions=[c for c in case_changes if c and c.change == "regression"],
        improvements=[c for c in changes if c.change == "improvement"],
        case_fixes=[c for c in case_changes if c and c.change == "fixed"],
        unchanged=sum(c.change == "unchanged" for c in changes),
        new_cases=[i for i in after if i not in before],
        dropped_cases=[i for i in before if i not in after],
    )


def _metric_changes(scope: str, current: RunReport, baseline: RunReport) -> list[MetricChange]:
    changes = []
    for metric in METRICS:
        now, then = current.value(scope, metric), baseline.value(scope, metric)
        if metric in _NOT_COMPARED or now is None or then is None:
            continue
        changes.append(MetricChange(scope=scope, metric=metric, before=then, after=now,
                                    change=classify(metric, then, now)))
    return changes


def classify(metric: str, before: float, after: float) -> Change:
    """Better, worse or the same, in the metric's direction; latency has a noise margin."""
    spec = METRICS[metric]
    margin = abs(before) * LATENCY_TOLERANCE if metric.startswith("latency_ms") else _EPSILON
    gain = (after - before) if spec.higher_is_better else (before - after)
    if gain < -margin:
        return "regression"
    if gain > margin:
        return "improvement"
    return "unchanged"


def _severity(change: MetricChange) -> tuple[int, float]:
    # overall first, then the biggest relative loss
    scale = max(abs(change.before), 1.0) if not METRICS[change.metric].ratio else 1.0
    return (change.scope != "overall", -abs(change.delta) / scale)


def _case_change(before: CaseResult, after: CaseResult) -> CaseChange | None:
    if before.passed == after.passed:
        return None
    was = {c.name: c.passed for c in before.checks}
    flipped = [c.name for c in after.checks
               if c.passed is not None and c.name in was and was[c.name] != c.passed]
    return CaseChange(id=after.id, category=after.category,
                      change="fixed" if after.passed else "regression", checks=flipped,
                      error=after.error)


# --------------------------------------------------------------------------- files


def write_report(report: RunReport, out_dir: Path) -> tuple[Path, Path]:
    """report.json and report.html in `out_dir` (created if missing)."""
    from evals.html import render_html

    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out_dir / "report.json", out_dir / "report.html"
    json_path.write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")
    html_path.write_text(render_html(report), encoding="utf-8")
    return json_path, html_path


def read_report(path: Path) -> RunReport:
    """A report written by `write_report`, say a baseline run."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReportError(f"{path}: no such report file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ReportError(f"{path}: not a JSON report ({exc})") from None
    if not isinstance(raw, dict) or raw.get("format") != REPORT_FORMAT:
        raise ReportError(f"{path}: not an eval report (expected \"format\": "
                          f"\"{REPORT_FORMAT}\"); give the report.json of an earlier run")
    try:
        return RunReport.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ReportError(f"{path}: {where}: {first['msg']}") from None


# --------------------------------------------------------------------------- terminal

SUMMARY_COLUMNS = ["cases", "pass_rate", "recall_at_k", "mrr", "citation_precision",
                   "answer_contains", "refusal_precision", "refusal_recall",
                   "false_refusal_rate",
                   "eligibility_decision_accuracy", "signpost_hit_at_3", "semantic_similarity",
                   "latency_ms_p50", "latency_ms_p95"]


def summary_table(report: RunReport, columns: list[str] | None = None,
                  split: str | None = None) -> str:
    """Metrics per category and overall as a plain-text table ("-": not measured); for one
    half of the datasets when `split` is given."""
    columns = columns or SUMMARY_COLUMNS
    metrics = report.splits[split] if split is not None else Metrics(
        overall=report.overall, categories=report.categories)
    header = ["category", *(METRICS[c].label for c in columns)]
    rows = [[scope, *(_cell(c, values[c]) for c in columns)]
            for scope, values in [*metrics.categories.items(), ("overall", metrics.overall)]]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows[:-1]), rule, line(rows[-1])])


def _cell(metric: str, value: MetricValue) -> str:
    if value.value is None:
        return "-"
    if metric in {"cases", "errors"} or metric.startswith("latency_ms"):
        return f"{value.value:.0f}"
    return f"{value.value:.2f}"
