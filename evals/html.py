"""The report as one self-contained HTML page: inline CSS and SVG charts, no scripts, no links
to anything outside the page, so it opens the same from a CI artefact or an email."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from evals.metrics import METRICS
from evals.report import CaseChange, Comparison, MetricChange, Metrics, ReportSection, RunReport
from evals.results import CaseResult, Check, MetricValue

_CHART_METRICS = [name for name, spec in METRICS.items()
                  if spec.ratio and name not in {"completed"}]
_TABLE_METRICS = [name for name in METRICS if name not in {"completed"}]

_CSS = """
:root { --ok: #1a7f37; --bad: #cf222e; --muted: #57606a; --line: #d0d7de; --bar: #0969da; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
       margin: 0 auto; padding: 24px; max-width: 1400px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; }
h3 { font-size: 15px; margin: 0 0 6px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.meta td:first-child { color: var(--muted); width: 180px; }
.muted { color: var(--muted); }
.pass { color: var(--ok); font-weight: 600; } .fail { color: var(--bad); font-weight: 600; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; margin: 1px 2px;
         font-size: 12px; border: 1px solid var(--line); white-space: nowrap; }
.badge.pass { background: #dafbe1; border-color: #aceebb; color: #116329; }
.badge.fail { background: #ffebe9; border-color: #ffcecb; color: #a40e26; }
.badge.info { background: #ddf4ff; border-color: #b6e3ff; color: #0a3069; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
.chart { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.answer { white-space: pre-wrap; max-width: 520px; max-height: 360px; overflow-y: auto; }
td.measures { white-space: nowrap; font-size: 13px; }
.question { max-width: 300px; }
.checks { max-width: 360px; }
.detail { display: block; color: var(--muted); font-size: 12px; }
tr.failed td:first-child { border-left: 4px solid var(--bad); }
tr.passed td:first-child { border-left: 4px solid var(--ok); }
.regressions { border: 2px solid var(--bad); border-radius: 6px; padding: 8px 12px; }
.note { background: #fff8c5; border: 1px solid #eac54f; padding: 6px 10px; border-radius: 6px; }
ol.citations { margin: 0; padding-left: 18px; }
.scroll { overflow-x: auto; }
table.metrics th, table.metrics td { padding: 3px 6px; font-size: 13px; }
"""


def render_html(report: RunReport) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>SSR Assistant answer-quality report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>SSR Assistant answer-quality report</h1>",
        _metadata(report),
        _comparison(report.comparison) if report.comparison else "",
        _summary(report),
        _categories(report),
        *(_categories(report, half) for half in report.splits),
        *(_section(section) for section in report.sections),
        _cases(report.cases),
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p)


# --------------------------------------------------------------------------- sections


def _metadata(report: RunReport) -> str:
    meta = report.metadata
    duration = ""
    if meta.finished_at is not None:
        duration = f"{(meta.finished_at - meta.started_at).total_seconds():.1f} s"
    datasets = "; ".join(f"{d.path} ({d.cases} cases)" for d in meta.datasets)
    rows = [
        ("target", meta.target), ("knowledge folder", meta.knowledge_dir),
        ("datasets", datasets), ("started", meta.started_at.isoformat(timespec="seconds")),
        ("duration", duration), ("k", str(meta.k)), ("composer", meta.composer),
        ("similarity model", meta.similarity_model or "not measured"),
        ("judge", meta.judge or "off"), ("version", meta.version),
    ]
    body = "".join(f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows if v)
    note = f'<p class="note">{escape(meta.retrieval_note)}</p>' if (
        meta.retrieval_basis == "citations") else (
        f'<p class="muted">{escape(meta.retrieval_note)}</p>')
    return f'<table class="meta">{body}</table>{note}'


def _summary(report: RunReport) -> str:
    o = report.overall
    cases, errors = _int(o["cases"]), _int(o["errors"])
    passed = round((o["pass_rate"].value or 0) * cases)
    return (
        "<h2>Overall</h2>"
        f'<p><span class="pass">{passed}</span> of {cases} cases passed every check; '
        f'<span class="{"fail" if errors else "muted"}">{errors} raised an error</span>. '
        f"Latency p50 {_fmt('latency_ms_p50', o['latency_ms_p50'])} ms, "
        f"p95 {_fmt('latency_ms_p95', o['latency_ms_p95'])} ms.</p>"
        f'<div class="charts">{_chart("overall", o)}</div>'
    )


def _categories(report: RunReport, split: str | None = None) -> str:
    metrics = report.splits[split] if split else Metrics(overall=report.overall,
                                                         categories=report.categories)
    shown = [m for m in _TABLE_METRICS
             if any(v[m].value is not None for v in metrics.categories.values())]
    head = "".join(f'<th class="num" title="{escape(m)}">{escape(METRICS[m].label)}</th>'
                   for m in shown)
    rows = []
    for scope, values in [*metrics.categories.items(), ("overall", metrics.overall)]:
        cells = "".join(f'<td class="num">{_fmt(m, values[m])}</td>' for m in shown)
        label = f"<strong>{escape(scope)}</strong>" if scope == "overall" else escape(scope)
        rows.append(f"<tr><td>{label}</td>{cells}</tr>")
    if split:  # the halves: the table only, the charts are the whole run's
        return (f"<h2>Per category, {escape(split)} half</h2>"
                f'<div class="scroll"><table class="metrics"><tr><th>category</th>{head}</tr>'
                f"{''.join(rows)}</table></div>")
    charts = "".join(_chart(scope, values) for scope, values in metrics.categories.items())
    return (
        "<h2>Per category</h2>"
        f'<div class="scroll"><table class="metrics"><tr><th>category</th>{head}</tr>'
        f"{''.join(rows)}</table></div>"
        '<p class="muted">A blank cell: no case in that category sets the field. '
        "n for each value is in report.json.</p>"
        f'<div class="charts">{charts}</div>'
    )


def _section(section: ReportSection) -> str:
    """An analysis added to the report (say, the refusal decision's ROC): its SVG is built by
    the report's own code from numbers, never taken from a case."""
    head = "".join(f"<th>{escape(c)}</th>" for c in section.columns)
    rows = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
                   for row in section.rows)
    table = f'<table class="metrics"><tr>{head}</tr>{rows}</table>' if section.rows else ""
    figure = f'<div class="chart">{section.svg}</div>' if section.svg else ""
    text = f"<p>{escape(section.text)}</p>" if section.text else ""
    return f"<h2>{escape(section.title)}</h2>{text}{figure}{table}"


def _comparison(comparison: Comparison) -> str:
    title = f"Against the baseline {escape(comparison.baseline)}"
    if comparison.baseline_started_at:
        title += f" (run {escape(comparison.baseline_started_at[:19])})"
    if comparison.has_regressions:
        regressions = (
            f'<div class="regressions"><h3 class="fail">Regressions</h3>'
            f"{_change_table(comparison.regressions)}"
            f"{_case_changes(comparison.case_regressions, 'Cases that passed and now fail')}"
            "</div>"
        )
    else:
        regressions = '<p class="pass">No regressions.</p>'
    improvements = ""
    if comparison.improvements or comparison.case_fixes:
        improvements = ("<h3>Improvements</h3>" + _change_table(comparison.improvements)
                        + _case_changes(comparison.case_fixes, "Cases that failed and now pass"))
    extra = []
    if comparison.new_cases:
        extra.append(f"{len(comparison.new_cases)} case(s) not in the baseline")
    if comparison.dropped_cases:
        extra.append(f"{len(comparison.dropped_cases)} baseline case(s) not run: "
                     + ", ".join(comparison.dropped_cases[:20]))
    extra.append(f"{comparison.unchanged} metric value(s) unchanged")
    return (f"<h2>{title}</h2>{regressions}{improvements}"
            f'<p class="muted">{escape("; ".join(extra))}.</p>')


def _change_table(changes: Sequence[MetricChange]) -> str:
    if not changes:
        return ""
    rows = "".join(
        f"<tr><td>{escape(c.scope)}</td><td>{escape(METRICS[c.metric].label)} "
        f'<span class="muted">({escape(c.metric)})</span></td>'
        f'<td class="num">{_number(c.metric, c.before)}</td>'
        f'<td class="num">{_number(c.metric, c.after)}</td>'
        f'<td class="num {"fail" if c.change == "regression" else "pass"}">'
        f"{_delta(c.metric, c.delta)}</td></tr>"
        for c in changes)
    return ('<table><tr><th>scope</th><th>metric</th><th class="num">baseline</th>'
            f'<th class="num">now</th><th class="num">change</th></tr>{rows}</table>')


def _case_changes(changes: Sequence[CaseChange], title: str) -> str:
    if not changes:
        return ""
    items = "".join(
        f'<li><a href="#case-{escape(c.id)}">{escape(c.id)}</a> ({escape(c.category)})'
        + (f": {escape(', '.join(c.checks))}" if c.checks else "")
        + (f' <span class="fail">error: {escape(c.error)}</span>' if c.error else "")
        + "</li>"
        for c in changes)
    return f"<p><strong>{escape(title)}</strong></p><ul>{items}</ul>"


def _cases(cases: Sequence[CaseResult]) -> str:
    ordered = sorted(cases, key=lambda c: (c.error is None, c.passed))  # errors, failures first
    rows = "".join(_case_row(c) for c in ordered)
    failed = sum(not c.passed for c in cases)
    return (
        f"<h2>Cases</h2><p>{failed} of {len(cases)} failed; failures are listed first.</p>"
        '<div class="scroll"><table><tr><th>case</th><th>question</th><th>answer</th>'
        f"<th>citations</th><th>checks</th><th>measures</th></tr>{rows}</table></div>"
    )


def _case_row(case: CaseResult) -> str:
    state = "passed" if case.passed else "failed"
    reply = case.reply
    turns = "".join(f"<div>{escape(t)}</div>" for t in case.turns[:-1])
    question = (f'<div class="muted">{turns}</div>' if turns else "") + escape(case.question)
    if case.error:
        answer = f'<span class="fail">error: {escape(case.error)}</span>'
    elif reply is not None:
        answer = (f'<span class="detail">route {escape(reply.route)}; '
                  f'{"grounded" if reply.grounded else "not grounded"}</span>'
                  f"{escape(reply.answer)}")
    else:
        answer = ""
    reference = (f'<span class="detail">reference: {escape(case.reference)}</span>'
                 if case.reference else "")
    return (
        f'<tr id="case-{escape(case.id)}" class="{state}">'
        f'<td><strong>{escape(case.id)}</strong><br>{escape(case.category)}'
        f'<span class="detail">{escape(case.file.rsplit("/", 1)[-1])}:{case.line}</span></td>'
        f'<td class="question">{question}</td>'
        f'<td><div class="answer">{answer}</div>{reference}</td>'
        f"<td>{_citations(case)}</td>"
        f'<td class="checks">{"".join(_badge(c) for c in case.checks)}</td>'
        f'<td class="measures">{_measures(case.measures)}</td></tr>'
    )


def _citations(case: CaseResult) -> str:
    if case.reply is None or not case.reply.citations:
        return '<span class="muted">none</span>'
    items = "".join(
        f"<li>{escape(c.title)} <span class=\"muted\">{escape(c.source)}"
        f"{(' · ' + escape(c.locator)) if c.locator else ''}</span></li>"
        for c in case.reply.citations)
    return f'<ol class="citations">{items}</ol>'


def _badge(check: Check) -> str:
    kind = {True: "pass", False: "fail", None: "info"}[check.passed]
    mark = {True: "✓", False: "✗", None: "·"}[check.passed]
    score = f" {check.score:.2f}" if check.score is not None and check.passed is None else ""
    return (f'<span class="badge {kind}" title="{escape(check.detail)}">{mark} '
            f"{escape(check.name)}{score}</span>"
            f'<span class="detail">{escape(check.detail)}</span>')


_MEASURE_LABELS = {"recall_at_k": "recall@k", "reciprocal_rank": "RR",
                   "citation_precision": "cite prec", "criterion_agreement": "criteria",
                   "semantic_similarity": "similarity", "faithfulness": "faithful",
                   "answer_relevance": "relevance", "latency_ms": "latency"}


def _measures(measures: dict[str, float]) -> str:
    lines = []
    for name, value in measures.items():
        shown = f"{value:.0f} ms" if name == "latency_ms" else f"{value:.2f}"
        label = _MEASURE_LABELS.get(name, name.replace("_", " "))
        lines.append(f'<div title="{escape(name)}">{escape(label)}: {shown}</div>')
    return "".join(lines)


# --------------------------------------------------------------------------- charts


def _chart(title: str, values: dict[str, MetricValue]) -> str:
    """Horizontal bars, 0 to 1, for the ratio metrics this scope measured."""
    bars = [(m, values[m].value) for m in _CHART_METRICS if values[m].value is not None]
    if not bars:
        return ""
    label_w, bar_w, row_h = 110, 180, 18
    height = row_h * len(bars) + 8
    rows = "".join(_bar(i, METRICS[m].label, float(v or 0.0), label_w, bar_w, row_h)
                   for i, (m, v) in enumerate(bars))
    n = _int(values["cases"])
    return (
        f'<div class="chart"><h3>{escape(title)} <span class="muted">({n} cases)</span></h3>'
        f'<svg width="{label_w + bar_w + 50}" '
        f'height="{height}" role="img" aria-label="{escape(title)} metrics">{rows}</svg></div>'
    )


def _bar(i: int, label: str, value: float, label_w: int, bar_w: int, row_h: int) -> str:
    y = 4 + i * row_h
    width = max(0.0, min(1.0, value)) * bar_w
    colour = "#1a7f37" if value >= 0.8 else "#bf8700" if value >= 0.5 else "#cf222e"
    return (
        f'<text x="{label_w - 6}" y="{y + 12}" font-size="11" text-anchor="end" '
        f'fill="#57606a">{escape(label)}</text>'
        f'<rect x="{label_w}" y="{y + 2}" width="{bar_w}" height="{row_h - 6}" fill="#eaeef2"/>'
        f'<rect x="{label_w}" y="{y + 2}" width="{width:.1f}" height="{row_h - 6}" '
        f'fill="{colour}"/>'
        f'<text x="{label_w + bar_w + 4}" y="{y + 12}" font-size="11">{value:.2f}</text>'
    )


# --------------------------------------------------------------------------- numbers


def _fmt(metric: str, value: MetricValue) -> str:
    return "" if value.value is None else _number(metric, value.value)


def _number(metric: str, value: float) -> str:
    if metric.startswith("latency_ms"):
        return f"{value:.0f}"
    if metric in {"cases", "errors"}:
        return f"{value:.0f}"
    return f"{value:.2f}"


def _delta(metric: str, value: float) -> str:
    if metric.startswith("latency_ms") or metric in {"cases", "errors"}:
        return f"{value:+.0f}"
    return f"{value:+.3f}"


def _int(value: MetricValue) -> int:
    return int(value.value or 0)
