"""The release gate: a report's metrics against the thresholds in a config file.

`evals/thresholds.yaml` names, overall and per category, the least a metric may score (for
latency and errors, the most). A null value is not enforced, and the gate says which are not.
A metric with a threshold that the run did not measure (no case in scope sets the field)
fails: a gate that cannot see a metric does not pass it. With `split: test` at the top of the
file, every threshold is read on the test half of the datasets only (the cases whose `split`
is "test"), so that the gate never scores what was tuned on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from evals.dataset import CATEGORIES, SPLITS
from evals.errors import GateConfigError
from evals.metrics import METRICS
from evals.report import RunReport

DEFAULT_THRESHOLDS = Path(__file__).resolve().parent / "thresholds.yaml"


@dataclass(frozen=True)
class Threshold:
    scope: str  # "overall" or a category
    metric: str
    value: float | None  # None: not enforced
    split: str | None = None  # read on this half of the datasets only; None: every case

    @property
    def is_maximum(self) -> bool:
        return not METRICS[self.metric].higher_is_better

    @property
    def where(self) -> str:
        return f"{self.split} half, {self.scope}" if self.split else self.scope

    def describe(self) -> str:
        bound = "at most" if self.is_maximum else "at least"
        shown = "null" if self.value is None else f"{self.value:g}"
        return f"{self.where} {self.metric} {bound} {shown}"


@dataclass(frozen=True)
class GateFailure:
    threshold: Threshold
    measured: float | None  # None: the run did not measure it

    @property
    def message(self) -> str:
        t = self.threshold
        if self.measured is None:
            return f"{t.where} {t.metric}: not measured by this run (threshold {t.value:g})"
        bound = "maximum" if t.is_maximum else "minimum"
        return f"{t.where} {t.metric}: {self.measured:.3f}, {bound} {t.value:g}"


@dataclass
class GateResult:
    failures: list[GateFailure] = field(default_factory=list)
    met: list[Threshold] = field(default_factory=list)
    not_enforced: list[Threshold] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures

    def lines(self, source: str = "") -> list[str]:
        """What the gate says, for a terminal: failures, then a summary."""
        where = f" in {source}" if source else ""
        out = [f"gate: FAILED {f.message}" for f in self.failures]
        verdict = "failed" if self.failures else "passed"
        out.append(f"gate: {verdict}: {len(self.failures)} below threshold, "
                   f"{len(self.met)} met, {len(self.not_enforced)} not enforced")
        if self.not_enforced:
            out.append(f"gate: not enforced (null{where}, to be set from measured results): "
                       + ", ".join(f"{t.scope}.{t.metric}" for t in self.not_enforced))
        if not self.failures and not self.met:
            out.append("gate: no threshold is set, so nothing was enforced")
        return out


def load_thresholds(path: Path = DEFAULT_THRESHOLDS) -> list[Threshold]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GateConfigError(f"{path}: no such thresholds file") from None
    except yaml.YAMLError as exc:
        raise GateConfigError(f"{path}: not valid YAML: {exc}") from None
    if raw is None:
        return []
    if not isinstance(raw, dict):
        raise GateConfigError(f"{path}: expected a mapping with 'overall' and 'categories'")
    unknown = set(raw) - {"split", "overall", "categories"}
    if unknown:
        raise GateConfigError(f"{path}: unknown key(s) {', '.join(sorted(map(str, unknown)))} "
                              "(allowed: split, overall, categories)")
    split = raw.get("split")
    if split is not None and split not in SPLITS:
        raise GateConfigError(f"{path}: split: one of {', '.join(SPLITS)} or left out, "
                              f"got {split!r}")
    thresholds = _scope(path, "overall", raw.get("overall"))
    categories = raw.get("categories") or {}
    if not isinstance(categories, dict):
        raise GateConfigError(f"{path}: categories: expected a mapping of category to metrics")
    for category, metrics in categories.items():
        if category not in CATEGORIES:
            raise GateConfigError(f"{path}: categories.{category}: unknown category "
                                  f"(one of: {', '.join(CATEGORIES)})")
        thresholds += _scope(path, str(category), metrics, f"categories.{category}")
    return [Threshold(t.scope, t.metric, t.value, split) for t in thresholds]


def _scope(path: Path, scope: str, metrics: Any, key: str | None = None) -> list[Threshold]:
    key = key or scope
    if metrics is None:
        return []
    if not isinstance(metrics, dict):
        raise GateConfigError(f"{path}: {key}: expected a mapping of metric to value")
    return [_threshold(path, scope, f"{key}.{name}", str(name), value)
            for name, value in metrics.items()]


def _threshold(path: Path, scope: str, key: str, metric: str, value: Any) -> Threshold:
    if metric not in METRICS:
        raise GateConfigError(f"{path}: {key}: unknown metric (one of: {', '.join(METRICS)})")
    if value is None:
        return Threshold(scope, metric, None)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise GateConfigError(f"{path}: {key}: expected a number or null, got {value!r}")
    if METRICS[metric].ratio and not 0 <= value <= 1:
        raise GateConfigError(f"{path}: {key}: a ratio between 0 and 1, got {value!r}")
    if value < 0:
        raise GateConfigError(f"{path}: {key}: must not be negative, got {value!r}")
    return Threshold(scope, metric, float(value))


def evaluate(report: RunReport, thresholds: list[Threshold]) -> GateResult:
    result = GateResult()
    for threshold in thresholds:
        if threshold.value is None:
            result.not_enforced.append(threshold)
            continue
        measured = report.value(threshold.scope, threshold.metric, threshold.split)
        if measured is None or _below(threshold, measured):
            result.failures.append(GateFailure(threshold, measured))
        else:
            result.met.append(threshold)
    return result


def check(report: RunReport, thresholds: list[Threshold] | None = None) -> list[GateFailure]:
    """The thresholds the report fails (those in `evals/thresholds.yaml` unless given)."""
    if thresholds is None:
        thresholds = load_thresholds()
    return evaluate(report, thresholds).failures


def _below(threshold: Threshold, measured: float) -> bool:
    assert threshold.value is not None
    if threshold.is_maximum:
        return measured > threshold.value
    return measured < threshold.value
