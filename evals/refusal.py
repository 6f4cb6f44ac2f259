"""The refusal decision, fitted and measured: a logistic model over the composer's signals
(`assistant/composer/refusal.py`), fitted on the development half of a run and reported on
its test half with the ROC curve.

A sample is a case that sets `refuse` and whose last turn reached the refusal decision (a
question answered from the guidance; messages that routing refuses outright, such as
off-topic ones, never get there), and that no rule decided first (a numbered part the guidance
never mentions, advice it does not give: `refusal.py`). Positive: the case expects a refusal.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape

import numpy as np

from assistant.composer import SIGNALS, RefusalModel
from evals.report import ReportSection
from evals.results import CaseResult

L2 = 1.0  # ridge penalty on the standardised weights: a few signals, a hundred samples
# The operating point on the dev half: the most answerable questions refused. The gate allows 5%
# on the test half; the margin is for the half the model was not fitted on.
MAX_FALSE_REFUSALS = 0.03


@dataclass(frozen=True)
class Sample:
    id: str
    split: str | None
    values: dict[str, float]
    refuse: bool  # what the case expects
    probability: float | None  # what the deployed model said, if it said anything


def samples(cases: Sequence[CaseResult]) -> list[Sample]:
    found = []
    for case in cases:
        trace = case.trace
        if case.expected.refuse is None or trace is None:
            continue
        if not all(name in trace.refusal for name in SIGNALS) or \
                "probability" not in trace.refusal:  # no decision made (a direct answer)
            continue
        if trace.refusal.get("ruled"):  # refused by a rule whatever the model says
            continue
        found.append(Sample(id=case.id, split=case.split,
                            values={name: trace.refusal[name] for name in SIGNALS},
                            refuse=case.expected.refuse,
                            probability=trace.refusal.get("probability")))
    return found


def fit(train: Sequence[Sample], source: str = "", answerable: int | None = None,
        refused_elsewhere: int = 0) -> RefusalModel:
    """Logistic regression (Newton's method, ridge-penalised) on standardised signals, and the
    threshold that refuses the most unanswerable questions while refusing at most
    MAX_FALSE_REFUSALS of the answerable ones, all on `train` alone.

    The share is of every answerable case of the half (`answerable`, default: those in
    `train`), less those already refused before the decision (`refused_elsewhere`): the
    false refusal rate the release gate reads counts them all."""
    if not any(s.refuse for s in train) or all(s.refuse for s in train):
        raise ValueError("fitting the refusal decision needs both answerable and unanswerable "
                         f"cases that reach it; got {len(train)} sample(s)")
    x = np.array([[s.values[n] for n in SIGNALS] for s in train], dtype=float)
    y = np.array([float(s.refuse) for s in train])
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales < 1e-6] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - means) / scales])
    w = np.zeros(z.shape[1])
    penalty = np.diag([0.0] + [L2] * len(SIGNALS))
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        gradient = z.T @ (p - y) + penalty @ w
        hessian = z.T @ (z * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    provisional = RefusalModel(weights=dict(zip(SIGNALS, map(float, w[1:]), strict=True)),
                               bias=float(w[0]), means=dict(zip(SIGNALS, map(float, means),
                                                                strict=True)),
                               scales=dict(zip(SIGNALS, map(float, scales), strict=True)),
                               threshold=0.5)
    scores = [provisional.probability(s.values) for s in train]
    total = answerable if answerable is not None else sum(not s.refuse for s in train)
    allowed = max(math.floor(MAX_FALSE_REFUSALS * total) - refused_elsewhere, 0)
    threshold = _operating_threshold(scores, [s.refuse for s in train], allowed)
    positives = sum(s.refuse for s in train)
    return provisional.model_copy(update={
        "threshold": threshold,
        "fitted": {"on": source or "the development half", "samples": len(train),
                   "unanswerable": positives, "answerable": len(train) - positives,
                   "l2": L2, "max_false_refusals": MAX_FALSE_REFUSALS,
                   "answerable_in_half": total, "false_refusals_allowed": allowed,
                   "date": datetime.now(UTC).date().isoformat()}})


def _operating_threshold(scores: Sequence[float], labels: Sequence[bool], allowed: int) -> float:
    """Halfway between the score of the last answerable case allowed to be refused and the next
    one down, so that the threshold does not sit on a training case."""
    negatives = sorted((s for s, refuse in zip(scores, labels, strict=True) if not refuse),
                       reverse=True)
    above = negatives[allowed] if allowed < len(negatives) else 0.0  # the first kept answered
    below = negatives[allowed - 1] if allowed >= 1 else 1.0
    threshold = (above + below) / 2 if allowed >= 1 else above + (1.0 - above) / 2
    return float(min(max(threshold, 1e-4), 1 - 1e-4))


@dataclass(frozen=True)
class Roc:
    points: list[tuple[float, float, float]]  # (threshold, false refusal rate, true refusal rate)
    auc: float
    positives: int
    negatives: int

    def at(self, threshold: float) -> tuple[float, float]:
        """(true refusal rate, false refusal rate) when refusing at or above `threshold`."""
        chosen = [p for p in self.points if p[0] >= threshold]
        point = min(chosen, key=lambda p: p[0]) if chosen else (1.0, 0.0, 0.0)
        return point[2], point[1]


def roc(scored: Sequence[tuple[float, bool]]) -> Roc:
    """The ROC curve of scores against labels (True: should refuse), and its area."""
    positives = sum(label for _, label in scored)
    negatives = len(scored) - positives
    thresholds = sorted({score for score, _ in scored}, reverse=True)
    points = [(1.0 + 1e-9, 0.0, 0.0)]
    for t in thresholds:
        tp = sum(score >= t and label for score, label in scored)
        fp = sum(score >= t and not label for score, label in scored)
        points.append((t, fp / negatives if negatives else 0.0,
                       tp / positives if positives else 0.0))
    area = 0.0
    for (_, x0, y0), (_, x1, y1) in itertools.pairwise(points):
        area += (x1 - x0) * (y0 + y1) / 2
    if points[-1][1] < 1.0:
        area += (1.0 - points[-1][1]) * points[-1][2]
    return Roc(points=points, auc=area, positives=positives, negatives=negatives)


def section(model: RefusalModel, by_split: dict[str, list[Sample]]) -> ReportSection:
    """The decision's ROC on each half, with the operating point: for the report."""
    rows: list[list[str]] = []
    curves: dict[str, Roc] = {}
    for half, found in by_split.items():
        scored = [(model.probability(s.values), s.refuse) for s in found]
        if not scored:
            continue
        curve = roc(scored)
        curves[half] = curve
        tpr, fpr = curve.at(model.threshold)
        rows.append([half, str(curve.positives), str(curve.negatives), f"{curve.auc:.3f}",
                     f"{model.threshold:.3f}", f"{tpr:.3f}", f"{fpr:.3f}"])
    fitted = model.fitted
    text = (f"A logistic model over {', '.join(SIGNALS)}; fitted on {fitted.get('on', '?')} "
            f"({fitted.get('samples', '?')} cases that reached the decision), threshold chosen "
            f"there to refuse at most {MAX_FALSE_REFUSALS:.0%} of that half's answerable "
            "questions, counting those refused before the decision. True "
            "refusal rate: the unanswerable questions refused; false refusal rate: the "
            "answerable ones refused. Cases refused by routing (off-topic, unsafe) never "
            "reach this decision and are not counted here.")
    return ReportSection(title="Refusal decision: ROC", text=text,
                         columns=["half", "unanswerable", "answerable", "AUC", "threshold",
                                  "true refusal rate", "false refusal rate"],
                         rows=rows, svg=_svg(curves, model.threshold))


def _svg(curves: dict[str, Roc], threshold: float, size: int = 260) -> str:
    if not curves:
        return ""
    pad = 30
    inner = size - 2 * pad
    colours = {"dev": "#8c959f", "test": "#0969da"}

    def xy(fpr: float, tpr: float) -> str:
        return f"{pad + fpr * inner:.1f},{size - pad - tpr * inner:.1f}"

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
             f'role="img" aria-label="ROC curve">',
             f'<rect x="{pad}" y="{pad}" width="{inner}" height="{inner}" fill="none" '
             f'stroke="#d0d7de"/>',
             f'<line x1="{pad}" y1="{size - pad}" x2="{size - pad}" y2="{pad}" '
             f'stroke="#d0d7de" stroke-dasharray="4 3"/>']
    for n, (half, curve) in enumerate(curves.items()):
        colour = colours.get(half, "#1a7f37")
        line = " ".join(xy(fpr, tpr) for _, fpr, tpr in curve.points)
        parts.append(f'<polyline points="{line} {xy(1.0, curve.points[-1][2])}" fill="none" '
                     f'stroke="{colour}" stroke-width="2"/>')
        tpr, fpr = curve.at(threshold)
        x, y = xy(fpr, tpr).split(",")
        parts.append(f'<circle cx="{x}" cy="{y}" r="4" fill="{colour}"/>')
        parts.append(f'<text x="{pad + 6}" y="{pad + 14 + 14 * n}" font-size="11" '
                     f'fill="{colour}">{escape(half)}: AUC {curve.auc:.2f}</text>')
    parts.append(f'<text x="{size / 2}" y="{size - 6}" font-size="11" text-anchor="middle">'
                 "false refusal rate</text>")
    parts.append(f'<text x="10" y="{size / 2}" font-size="11" text-anchor="middle" '
                 f'transform="rotate(-90 10 {size / 2})">true refusal rate</text>')
    parts.append("</svg>")
    return "".join(parts)
