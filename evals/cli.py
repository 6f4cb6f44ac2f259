"""`eval`: the answer-quality suite on the command line, and `eval export-feedback`.

Mount it on the main command with `register(cli, settings_factory)` (or `cli.add_command(
eval_group)`, which reads settings itself). Errors are one line and a non-zero exit: 2 for bad
input, 1 when the gate fails.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from assistant.errors import AssistantError
from assistant.settings import Settings
from evals.errors import EvalError
from knowledge.errors import KnowledgeError

if TYPE_CHECKING:  # the heavy modules are imported when a command runs, not at start-up
    from assistant.composer import RefusalModel
    from evals.dataset import Case, Vocabulary
    from evals.judge import Judge
    from evals.report import RunReport
    from evals.results import DatasetInfo
    from evals.targets import Target
    from knowledge.embeddings import Embedder, SentenceTransformerEmbedder

SettingsFactory = Callable[[click.Context], Settings]

EXIT_GATE_FAILED = 1
EXIT_USAGE = 2


class EvalCliError(click.ClickException):
    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


@contextmanager
def _one_line_errors() -> Iterator[None]:
    try:
        yield
    except (EvalError, KnowledgeError, AssistantError) as exc:
        raise EvalCliError(str(exc)) from exc


def default_settings(ctx: click.Context) -> Settings:
    """Settings from the environment, with the main command's --knowledge and --data-dir."""
    from assistant.factory import configure_runtime
    from assistant.settings import load_settings

    obj = ctx.find_root().obj
    given = obj if isinstance(obj, dict) else {}
    settings = load_settings(knowledge_dir=given.get("knowledge"), data_dir=given.get("data_dir"))
    configure_runtime(settings)
    return settings


class _EvalGroup(click.Group):
    """`eval [DATASET ...]` runs the suite; a first word naming a subcommand runs that."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands:
            args = ["run", *args]
        return super().parse_args(ctx, args)


class _DefaultCommand(click.Command):
    """The group's default command: its usage line reads `eval [OPTIONS] ...`."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        path = ctx.parent.command_path if ctx.parent else ctx.command_path
        formatter.write_usage(path, " ".join(self.collect_usage_pieces(ctx)))


def make_eval_group(settings_factory: SettingsFactory = default_settings) -> click.Group:
    @click.group("eval", cls=_EvalGroup)
    def group() -> None:
        """Run answer-quality suites; export rated-down answers as draft cases."""

    @group.command("run", cls=_DefaultCommand, hidden=True,
                   epilog="See also: eval export-feedback --help")
    @click.argument("datasets", nargs=-1, type=click.Path(path_type=Path))
    @click.option("--knowledge", type=click.Path(path_type=Path), default=None,
                  help="Evaluate this knowledge folder (indexed first, incrementally); "
                  "with --against, only its policy is read, to check programme names.")
    @click.option("--against", "url", default=None, metavar="URL",
                  help="A deployed API (POST URL/v1/chat) instead of the engine in process.")
    @click.option("--out", type=click.Path(path_type=Path), default=None,
                  help="Folder for report.json and report.html "
                  "[DATA_DIR/eval-runs/<timestamp>].")
    @click.option("--baseline", type=click.Path(path_type=Path), default=None,
                  metavar="RUN_JSON", help="An earlier run's report.json to compare with.")
    @click.option("--gate", is_flag=True, help="Exit non-zero below the thresholds.")
    @click.option("--thresholds", type=click.Path(path_type=Path), default=None,
                  help="Thresholds file for --gate [evals/thresholds.yaml].")
    @click.option("--split", type=click.Choice(["dev", "test"]), default=None,
                  help="Run only this half of the datasets (cases whose `split` is it).")
    @click.option("--k", "k", type=click.IntRange(1, 50), default=None,
                  help="Passages for recall@k and MRR [the retrieval k setting].")
    @click.option("--judge", is_flag=True,
                  help="Judge faithfulness and relevance with the configured language model.")
    @click.option("--quiet", "-q", is_flag=True, help="No progress bars.")
    @click.pass_context
    def run(ctx: click.Context, datasets: tuple[Path, ...], knowledge: Path | None,
            url: str | None, out: Path | None, baseline: Path | None, gate: bool,
            thresholds: Path | None, split: str | None, k: int | None, judge: bool,
            quiet: bool) -> None:
        """Run the answer-quality suite on DATASET ... [the bundled golden set].

        Prints metrics per category and writes report.json and report.html.
        """
        settings = settings_factory(ctx)
        with _one_line_errors():
            passed = run_eval(settings, EvalOptions(
                datasets=list(datasets), knowledge=knowledge, url=url, out=out,
                baseline=baseline, gate=gate, thresholds=thresholds, split=split, k=k,
                judge=judge, progress=not quiet))
        if not passed:
            ctx.exit(EXIT_GATE_FAILED)

    @group.command("fit-refusal")
    @click.argument("datasets", nargs=-1, type=click.Path(path_type=Path))
    @click.option("--out", "model_out", type=click.Path(path_type=Path), default=None,
                  help="Write the fitted model (YAML) here [standard output].")
    @click.option("--run", "run_dir", type=click.Path(path_type=Path), default=None,
                  help="Folder for the run's report [DATA_DIR/eval-runs/<timestamp>].")
    @click.option("--quiet", "-q", is_flag=True, help="No progress bars.")
    @click.pass_context
    def fit_refusal_command(ctx: click.Context, datasets: tuple[Path, ...],
                            model_out: Path | None, run_dir: Path | None, quiet: bool) -> None:
        """Fit the refusal decision on the dev half of DATASET ... [the golden set]; report its
        ROC on the test half. Copy the YAML to assistant/composer/refusal.yaml to use it."""
        settings = settings_factory(ctx)
        with _one_line_errors():
            text = fit_refusal(settings, EvalOptions(datasets=list(datasets), out=run_dir,
                                                     progress=not quiet),
                               echo=lambda line: click.echo(line, err=True))
        if model_out is None:
            click.echo(text, nl=False)
        else:
            model_out.parent.mkdir(parents=True, exist_ok=True)
            model_out.write_text(text, encoding="utf-8")

    @group.command("export-feedback")
    @click.option("--out", type=click.Path(path_type=Path), default=None,
                  help="Write the draft cases to this JSONL file [standard output].")
    @click.pass_context
    def export_feedback(ctx: click.Context, out: Path | None) -> None:
        """Turn answers rated "not helpful" into draft cases (JSONL) for a person to review."""
        from assistant.conversations import SqlConversationStore
        from evals.feedback import drafts_from_feedback

        settings = settings_factory(ctx)
        with _one_line_errors():
            drafts = drafts_from_feedback(SqlConversationStore(settings.conversations_url()))
        text = "".join(d.jsonl() + "\n" for d in drafts)
        if out is None:
            click.echo(text, nl=False)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
        click.echo(f"{len(drafts)} draft case(s) from answers rated down"
                   + (f" written to {out}" if out else "")
                   + "; each needs a category and expected fields, then remove needs_review",
                   err=True)

    return group


def register(group: click.Group, settings_factory: SettingsFactory) -> None:
    """Add `eval` to the main command, with the main command's way of reading settings."""
    group.add_command(make_eval_group(settings_factory))


eval_group = make_eval_group()


# --------------------------------------------------------------------------- a run


@dataclass
class EvalOptions:
    datasets: list[Path] = field(default_factory=list)  # empty: the bundled golden set
    knowledge: Path | None = None
    url: str | None = None
    out: Path | None = None  # None: <data directory>/eval-runs/<timestamp>
    baseline: Path | None = None
    gate: bool = False
    thresholds: Path | None = None
    split: str | None = None  # run only this half of the datasets
    k: int | None = None
    judge: bool = False
    progress: bool = True

    def __post_init__(self) -> None:
        from evals.dataset import DEFAULT_DATASET

        self.datasets = list(self.datasets) or [DEFAULT_DATASET]

    def place_output(self, data_dir: Path) -> Path:
        """The run's folder: `--out`, or a new one under the data directory (never inside
        the checkout the command happens to run in)."""
        if self.out is None:
            self.out = data_dir / "eval-runs" / datetime.now().strftime("%Y%m%d-%H%M%S")
        return self.out

    @property
    def out_dir(self) -> Path:
        if self.out is None:
            raise EvalError("no output folder chosen for the run")
        return self.out


def run_eval(settings: Settings, options: EvalOptions,
             echo: Callable[[str], None] = click.echo,
             embedder: SentenceTransformerEmbedder | None = None) -> bool:
    """Run, report, compare and gate; False when the gate fails.

    Everything that can be wrong with the input (datasets, thresholds, baseline, judge
    settings) is checked before the model is loaded or anything is indexed.
    """
    from evals import gate as gating
    from evals.report import read_report, summary_table, write_report

    thresholds = gating.load_thresholds(options.thresholds or gating.DEFAULT_THRESHOLDS) \
        if options.gate else []
    baseline = read_report(options.baseline) if options.baseline else None
    report = _run_report(settings, options, embedder, baseline)
    _add_refusal_section(report)
    json_path, html_path = write_report(report, options.out_dir)
    echo(summary_table(report))
    for half in report.splits:
        if len(report.splits) > 1 or options.split is None:
            echo(f"\n{half} half:")
            echo(summary_table(report, split=half))
    _echo_comparison(report, echo)
    for section in report.sections:
        echo(f"\n{section.title}:")
        echo("  " + "  ".join(section.columns))
        for row in section.rows:
            echo("  " + "  ".join(row))
    echo(f"\nreport: {json_path}\n        {html_path}")
    if not options.gate:
        return True
    result = gating.evaluate(report, thresholds)
    for line in result.lines(str(options.thresholds or gating.DEFAULT_THRESHOLDS)):
        echo(line)
    return result.passed


def _run_report(settings: Settings, options: EvalOptions,
                embedder: SentenceTransformerEmbedder | None,
                baseline: RunReport | None = None) -> RunReport:
    """Check the input, run the cases, and build the report (not yet written)."""
    from assistant.factory import knowledge_dir
    from evals.dataset import load_datasets
    from evals.report import build_report
    from evals.runner import EvalRunner

    folder = options.knowledge or knowledge_dir(settings)
    options.place_output(settings.data_dir)
    cases = load_datasets(options.datasets, _vocabulary(folder))
    if options.split is not None:
        cases = [case for case in cases if case.split == options.split]
        if not cases:
            raise EvalError(f"no case of the datasets is in the {options.split} half "
                            f"(cases say which with \"split\": \"{options.split}\")")
    judge = _judge(settings) if options.judge else None
    target, similarity, composer = _target(settings, folder, options, embedder)
    runner = EvalRunner(target, k=options.k or settings.retrieval_k, embedder=similarity,
                        judge=judge, progress=options.progress)
    run = runner.run(cases, knowledge_dir=str(folder), datasets=_dataset_info(options, cases),
                     composer=composer, version=_version())
    return build_report(run, baseline, str(options.baseline or ""))


def fit_refusal(settings: Settings, options: EvalOptions,
                echo: Callable[[str], None] = click.echo,
                embedder: SentenceTransformerEmbedder | None = None) -> str:
    """Run the datasets in process, fit the refusal decision on the development half only, and
    report it on the test half; the fitted model as YAML."""
    import yaml

    from evals import refusal
    from evals.report import write_report

    report = _run_report(settings, options, embedder)
    found = refusal.samples(report.cases)
    dev = [s for s in found if s.split == "dev"]
    test = [s for s in found if s.split == "test"]
    if not dev:
        raise EvalError("no development-half case reached the refusal decision: the cases "
                        "need \"split\": \"dev\" and \"refuse\" set")
    digest = ", ".join(f"{_shown_path(d.path)} ({d.sha256[:12]})"
                       for d in report.metadata.datasets)
    decided = {s.id for s in dev}
    answerable = [c for c in report.cases if c.split == "dev" and c.expected.refuse is False
                  and c.refused is not None]
    elsewhere = sum(bool(c.refused) for c in answerable if c.id not in decided)
    model = refusal.fit(dev, source=f"the dev half of {digest}", answerable=len(answerable),
                        refused_elsewhere=elsewhere)
    report.sections.append(refusal.section(model, {"dev": dev, "test": test}))
    json_path, html_path = write_report(report, options.out_dir)
    for row in report.sections[-1].rows:
        half, positives, negatives, auc, threshold, tpr, fpr = row
        echo(f"{half}: {positives} unanswerable, {negatives} answerable; AUC {auc}; at "
             f"threshold {threshold}: true refusal rate {tpr}, false refusal rate {fpr}")
    echo(f"report: {json_path}\n        {html_path}")
    header = ("# The refusal decision's model (assistant/composer/refusal.py), written by\n"
              "# `ssr-assistant eval fit-refusal`: fitted on the development halves of "
              + ", ".join(_shown_path(d.path) for d in report.metadata.datasets)
              + " only.\n")
    return header + yaml.safe_dump(model.model_dump(), sort_keys=False, allow_unicode=True)


def _shown_path(path: str) -> str:
    """A dataset's path as the model's provenance gives it: inside the checkout, from its top
    ("evals/datasets/golden.jsonl"); elsewhere, as given."""
    root = Path(__file__).resolve().parent.parent
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return path


def _add_refusal_section(report: RunReport, model: RefusalModel | None = None) -> None:
    """The refusal decision's ROC on each half, from the signals in the run's traces."""
    from assistant.composer import RefusalModel
    from evals import refusal

    found = refusal.samples(report.cases)
    if not found:
        return
    model = model or RefusalModel.bundled()
    halves = {half: [s for s in found if s.split == half] for half in ("dev", "test")}
    halves = {half: items for half, items in halves.items() if items} or {"all": found}
    report.sections.append(refusal.section(model, halves))


def _target(settings: Settings, folder: Path, options: EvalOptions,
            embedder: SentenceTransformerEmbedder | None) -> tuple[Target, Embedder, str]:
    """The target, the embedder for similarity, and a description of the composer."""
    if options.url:
        from evals.targets import HttpTarget
        from knowledge.embeddings import SentenceTransformerEmbedder

        target = HttpTarget(options.url)
        target.preflight()
        return target, embedder or SentenceTransformerEmbedder(), "as deployed"
    return _in_process(settings, folder, options, embedder)


def _in_process(settings: Settings, folder: Path, options: EvalOptions,
                embedder: SentenceTransformerEmbedder | None) -> tuple[Target, Embedder, str]:
    from assistant.factory import build
    from evals.targets import InProcessTarget

    # The run's conversations go to a database of its own beside the report, never into the
    # conversations of a deployment that shares the data directory.
    options.out_dir.mkdir(parents=True, exist_ok=True)
    database = f"sqlite:///{(options.out_dir / 'conversations.sqlite3').resolve()}"
    components = build(settings.model_copy(update={"database_url": database}), folder,
                       progress=options.progress, embedder=embedder)
    click.echo(f"Indexing {components.knowledge_dir} (only what changed) ...", err=True)
    ingested = components.ingestor.ingest()
    for line in ingested.failed:
        click.echo(f"  failed: {line}", err=True)
    composer = f"language model {settings.llm_model}" if settings.llm_base_url else "extractive"
    target = InProcessTarget(components.assistant,
                             name=f"in process ({components.knowledge_dir})")
    return target, components.embedder, composer


def _judge(settings: Settings) -> Judge:
    from assistant.llm import ChatClient
    from evals.judge import LLMJudge

    if not settings.llm_base_url or not settings.llm_model:
        raise EvalError("--judge needs a language model: set SSR_LLM_BASE_URL and SSR_LLM_MODEL")
    return LLMJudge(ChatClient(settings.llm_base_url, settings.llm_model,
                               settings.llm_api_key or None, timeout_s=settings.llm_timeout_s))


def _vocabulary(folder: Path) -> Vocabulary | None:
    from evals.dataset import Vocabulary
    from knowledge.policy import load_policy

    policy = load_policy(folder) if folder.is_dir() else None
    return Vocabulary.from_policy(policy) if policy else None


def _dataset_info(options: EvalOptions, cases: Sequence[Case]) -> list[DatasetInfo]:
    from evals.results import DatasetInfo

    info = []
    for path in options.datasets:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        count = sum(case.file == str(path) for case in cases)
        info.append(DatasetInfo(path=str(path), cases=count, sha256=digest))
    return info


def _echo_comparison(report: RunReport, echo: Callable[[str], None]) -> None:
    comparison = report.comparison
    if comparison is None:
        return
    echo(f"\nagainst {comparison.baseline}:")
    if not comparison.has_regressions:
        echo("  no regressions")
    for change in comparison.regressions:
        echo(f"  REGRESSION {change.scope} {change.metric}: {change.before:.3f} -> "
             f"{change.after:.3f}")
    for case in comparison.case_regressions:
        echo(f"  REGRESSION case {case.id} ({case.category}) now fails"
             + (f": {', '.join(case.checks)}" if case.checks else ""))
    echo(f"  {len(comparison.improvements)} metric(s) improved, "
         f"{len(comparison.case_fixes)} case(s) fixed")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ssr-assistant")
    except PackageNotFoundError:
        return ""
