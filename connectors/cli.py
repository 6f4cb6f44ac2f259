"""`ssr-assistant`: the command line. Commands translate to and from the engine; errors become
one line on stderr and a non-zero exit, never a traceback (unless --debug)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from assistant.errors import AssistantError
from knowledge.errors import KnowledgeError

EXIT_FAILED = 1  # the command ran but some of its work failed (say, a file could not be read)
EXIT_USAGE = 2  # bad input or settings: nothing was done


class CliError(click.ClickException):
    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--knowledge", "knowledge", type=click.Path(path_type=Path), default=None,
              envvar="SSR_KNOWLEDGE_DIR", show_envvar=True,
              help="Knowledge folder (default: the bundled SSR sample).")
@click.option("--data-dir", type=click.Path(path_type=Path), default=None,
              envvar="SSR_DATA_DIR", show_envvar=True,
              help="Where indexes and databases are kept.")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, knowledge: Path | None, data_dir: Path | None, debug: bool) -> None:
    """SSR Assistant: answers SMEs' questions about the Speed to Scale Region programme."""
    ctx.obj = {"knowledge": knowledge, "data_dir": data_dir, "debug": debug}


def _settings(ctx: click.Context):
    from assistant.factory import configure_runtime
    from assistant.settings import load_settings

    settings = load_settings(knowledge_dir=ctx.obj["knowledge"], data_dir=ctx.obj["data_dir"])
    configure_runtime(settings)
    return settings


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Drop the index and embed everything again.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], rebuild: bool, as_json: bool,
           quiet: bool) -> None:
    """Index knowledge folder(s): PATH ... (default: the configured one). Incremental."""
    from assistant.factory import build, knowledge_dir

    settings = _settings(ctx)
    folders = list(paths) or [knowledge_dir(settings)]
    reports = []
    embedder = None
    for folder in folders:
        components = build(settings, folder, progress=not quiet and not as_json,
                           embedder=embedder)
        embedder = components.embedder
        if not as_json:
            click.echo(f"Indexing {components.knowledge_dir}", err=True)
        report = components.ingestor.ingest(rebuild=rebuild)
        reports.append(report)
        if not as_json:
            _print_ingest(report)
    if as_json:
        payload = [r.as_dict() for r in reports]
        click.echo(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2))
    if any(not r.ok for r in reports):
        sys.exit(EXIT_FAILED)


def _print_ingest(report: Any) -> None:
    d, c = report.documents, report.chunks
    if report.rebuilt:
        click.echo("  index rebuilt from scratch")
    click.echo(f"  documents: {d.added} added, {d.updated} updated, {d.removed} removed, "
               f"{d.unchanged} unchanged, {len(report.failed)} failed")
    click.echo(f"  chunks:    {c.added} added, {c.updated} updated, {c.removed} removed, "
               f"{c.unchanged} unchanged ({report.embedded} embedded in {report.seconds:.1f} s)")
    for line in report.skipped:
        click.echo(f"  skipped: {line}")
    for line in report.failed:
        click.echo(f"  failed: {line}", err=True)


@cli.command()
@click.argument("question")
@click.option("--conversation", "conversation_id", default=None,
              help="Continue this conversation (its id is printed after each answer).")
@click.option("--json", "as_json", is_flag=True, help="Print the reply object as JSON.")
@click.pass_context
def ask(ctx: click.Context, question: str, conversation_id: str | None, as_json: bool) -> None:
    """Answer one QUESTION from the knowledge folder, with numbered sources."""
    components = _ready_components(ctx)
    reply = components.assistant.ask(question, conversation_id)
    if as_json:
        click.echo(reply.model_dump_json(indent=2))
        return
    _print_reply(reply)
    click.echo(f"\n(conversation {reply.conversation_id}: continue with "
               f"--conversation {reply.conversation_id})", err=True)


@cli.command()
@click.option("--conversation", "conversation_id", default=None,
              help="Continue an earlier conversation.")
@click.pass_context
def chat(ctx: click.Context, conversation_id: str | None) -> None:
    """Talk to the assistant in the terminal (an empty line or Ctrl-D ends the chat)."""
    from assistant.errors import InputError

    components = _ready_components(ctx)
    click.echo("Ask about the programme, or describe your business to check eligibility. "
               "An empty line ends the chat.")
    while True:
        try:
            message = click.prompt("\nyou", default="", show_default=False,
                                   prompt_suffix="> ")
        except (EOFError, click.Abort):
            break
        if not message.strip():
            break
        try:
            reply = components.assistant.ask(message, conversation_id)
        except InputError as exc:
            click.echo(f"error: {exc}", err=True)
            continue
        conversation_id = reply.conversation_id
        click.echo("")
        _print_reply(reply)
    if conversation_id:
        click.echo(f"\n(conversation {conversation_id})", err=True)


def _ready_components(ctx: click.Context) -> Any:
    """The wired components, with the knowledge folder indexed first if it never was."""
    from assistant.factory import build

    components = build(_settings(ctx), progress=False)
    if components.index.is_empty():
        click.echo(f"Indexing {components.knowledge_dir} first (one-off)...", err=True)
        report = components.ingestor.ingest()
        for line in report.failed:
            click.echo(f"  failed: {line}", err=True)
    return components


def _print_reply(reply: Any) -> None:
    click.echo(reply.answer)
    if reply.citations:
        click.echo("\nSources:")
        for c in reply.citations:
            where = f", {c.locator}" if c.locator else ""
            click.echo(f"  [{c.n}] {c.title} ({c.source}{where})")


@cli.command()
@click.option("--queries", default=40, show_default=True, help="Questions to time.")
@click.option("--out", type=click.Path(path_type=Path), help="Also write the JSON here.")
@click.pass_context
def benchmark(ctx: click.Context, queries: int, out: Path | None) -> None:
    """Measure encoder and ingest throughput, re-ingest time and query latency (JSON)."""
    from evals.benchmark import run_benchmark

    settings = _settings(ctx)
    result = run_benchmark(settings, queries=queries, log=lambda m: click.echo(m, err=True))
    text = json.dumps(result, indent=2)
    click.echo(text)
    if out:
        out.write_text(text + "\n", encoding="utf-8")


def _mount_eval() -> None:
    from evals.cli import register

    register(cli, _settings)


_mount_eval()


def main() -> None:
    debug = "--debug" in sys.argv
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (KnowledgeError, AssistantError) as exc:
        if debug:
            raise
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # a bug: say so in one line; --debug shows the traceback
        if debug:
            raise
        click.echo(f"error: unexpected {type(exc).__name__}: {exc} (run with --debug for "
                   "the traceback)", err=True)
        sys.exit(EXIT_FAILED)


if __name__ == "__main__":
    main()
