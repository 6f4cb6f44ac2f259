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
        report.warnings = _unfound_clauses(components)
        reports.append(report)
        if not as_json:
            _print_ingest(report)
    if as_json:
        payload = [r.as_dict() for r in reports]
        click.echo(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2))
    if any(not r.ok for r in reports):
        sys.exit(EXIT_FAILED)


def _unfound_clauses(components: Any) -> list[str]:
    """The policy's citations that its documents, as indexed, do not hold."""
    from knowledge.clauses import unfound_clauses

    policy = components.assistant.policy  # loaded once, when the components were built
    return unfound_clauses(policy, components.index) if policy else []


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
    for line in report.warnings:
        click.echo(f"  warning: policy citation {line}", err=True)


@cli.command()
@click.argument("question")
@click.option("--conversation", "conversation_id", default=None,
              help="Continue this conversation (its id is printed after each answer).")
@click.option("--json", "as_json", is_flag=True, help="Print the reply object as JSON.")
@click.pass_context
def ask(ctx: click.Context, question: str, conversation_id: str | None, as_json: bool) -> None:
    """Answer one QUESTION from the knowledge folder, with numbered sources."""
    problem = _text_problem(question)
    if problem:
        raise CliError(f"the question {problem}")
    components = _ready_components(ctx)
    reply = _with_progress(lambda: components.assistant.ask(question, conversation_id),
                           show=not as_json)
    if as_json:
        click.echo(reply.model_dump_json(indent=2))
        return
    _print_reply(reply)
    click.echo(f"\n(conversation {reply.conversation_id}: continue with "
               f"--conversation {reply.conversation_id})", err=True)


QUIT_COMMANDS = {"/quit", "/exit", "/q"}


@cli.command()
@click.option("--conversation", "conversation_id", default=None,
              help="Continue an earlier conversation.")
@click.pass_context
def chat(ctx: click.Context, conversation_id: str | None) -> None:
    """Talk to the assistant in the terminal (/quit or Ctrl-D ends the chat)."""
    from assistant.errors import InputError

    components = _ready_components(ctx)
    click.echo("Ask about the programme, or describe your business to check eligibility. "
               "Type /quit or press Ctrl-D to end.")
    while True:
        try:
            message = click.prompt("\nyou", default="", show_default=False,
                                   prompt_suffix="> ")
        except (EOFError, click.Abort):
            break
        if message.strip().lower() in QUIT_COMMANDS:
            break
        if not message.strip():
            continue
        problem = _text_problem(message)
        if problem:
            click.echo(f"error: that message {problem}; please type it again.", err=True)
            continue
        try:
            reply = _with_progress(
                lambda text=message, cid=conversation_id: components.assistant.ask(text, cid))
        except InputError as exc:
            click.echo(f"error: {exc}", err=True)
            continue
        conversation_id = reply.conversation_id
        click.echo("")
        _print_reply(reply)
    if conversation_id:
        click.echo(f"\n(conversation {conversation_id})", err=True)


def _text_problem(text: str) -> str | None:
    """Why a message cannot be read as text (bytes that are not UTF-8 arrive as lone
    surrogates), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return (f"is not valid UTF-8 text (an undecodable byte at character {error.start + 1}); "
                "check the terminal's or file's encoding")
    return None


def _with_progress(work: Any, show: bool = True, after_s: float = 0.4) -> Any:
    """Run `work()`; if it takes longer than `after_s`, show on stderr that it is working
    (a spinner on a terminal, one line otherwise) until it is done."""
    import threading

    if not show:
        return work()
    done = threading.Event()
    result: dict[str, Any] = {}
    error: list[BaseException] = []

    def run() -> None:
        try:
            result["value"] = work()
        except BaseException as failure:
            error.append(failure)
        finally:
            done.set()

    worker = threading.Thread(target=run, name="turn", daemon=True)
    worker.start()
    if not done.wait(after_s):
        _show_working(done)
    worker.join()
    if error:
        raise error[0]
    return result["value"]


def _show_working(done: Any) -> None:
    stream = sys.stderr
    if not stream.isatty():
        click.echo("working on an answer...", err=True)
        done.wait()
        return
    frames = "|/-\\"
    n = 0
    while not done.wait(0.12):
        stream.write(f"\r{frames[n % len(frames)]} working on an answer...")
        stream.flush()
        n += 1
    stream.write("\r" + " " * 32 + "\r")
    stream.flush()


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
@click.option("--web", is_flag=True,
              help="Measure the web API instead: time to ready, /v1/chat latency for one "
              "client and requests per second for several (the index must exist or is built).")
@click.option("--clients", default=8, show_default=True, type=click.IntRange(1, 64),
              help="With --web: concurrent clients.")
@click.option("--rounds", default=3, show_default=True, type=click.IntRange(1, 20),
              help="With --web: rounds of each measurement (medians are reported).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 16),
              help="With --web: API worker processes.")
@click.pass_context
def benchmark(ctx: click.Context, queries: int, out: Path | None, web: bool, clients: int,
              rounds: int, workers: int) -> None:
    """Measure encoder and ingest throughput, re-ingest time and query latency (JSON)."""
    log = lambda m: click.echo(m, err=True)  # noqa: E731
    if web:
        from connectors.web.benchmark import run_web_benchmark

        _ready_components(ctx)
        options = [arg for name in ("knowledge", "data_dir") if ctx.obj[name] is not None
                   for arg in (f"--{name.replace('_', '-')}", str(ctx.obj[name]))]
        result = run_web_benchmark(options, rounds=rounds, clients=clients, workers=workers,
                                   log=log)
    else:
        from evals.benchmark import run_benchmark

        result = run_benchmark(_settings(ctx), queries=queries, log=log)
    text = json.dumps(result, indent=2)
    click.echo(text)
    if out:
        out.write_text(text + "\n", encoding="utf-8")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (share rate limits through SSR_REDIS_URL).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, workers: int) -> None:
    """Serve the web API and the chat page at http://HOST:PORT/ (API docs at /docs)."""
    import os

    import uvicorn

    _ready_components(ctx)  # settings checked, and the knowledge indexed on first start
    # Each worker builds its own engine from the environment: pass the options on.
    for option, variable in (("knowledge", "SSR_KNOWLEDGE_DIR"), ("data_dir", "SSR_DATA_DIR")):
        if ctx.obj[option] is not None:
            os.environ[variable] = str(Path(ctx.obj[option]).resolve())
    click.echo(f"Serving the chat page at http://{host}:{port}/ (API docs at /docs); "
               "Ctrl-C stops.", err=True)
    uvicorn.run("connectors.web.main:app_from_settings", factory=True, host=host, port=port,
                workers=workers, proxy_headers=True, timeout_graceful_shutdown=10,
                log_level="info")


@cli.command()
@click.pass_context
def slack(ctx: click.Context) -> None:
    """Run the Slack bot over Socket Mode (its HTTP mode is served by `serve` at /slack/events).

    Needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN; see the Slack section of the README."""
    from connectors.slack.config import slack_config
    from connectors.slack.socket import run_socket_mode

    slack_config(_settings(ctx), "socket")  # a missing credential is told before the model loads
    components = _ready_components(ctx)
    components.assistant.warm_up()  # the first question is answered as fast as the rest
    run_socket_mode(components.assistant, _settings(ctx),
                    say=lambda message: click.echo(message, err=True))


def _mount_eval() -> None:
    from evals.cli import register

    register(cli, _settings)


_mount_eval()


def main() -> None:
    debug = "--debug" in sys.argv
    as_json = "--json" in sys.argv[1:]
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        _fail("aborted", "aborted", 130, as_json)
    except click.ClickException as exc:
        if as_json:
            _fail("usage", exc.format_message(), exc.exit_code, as_json)
        exc.show()
        sys.exit(exc.exit_code)
    except (KnowledgeError, AssistantError) as exc:
        if debug:
            raise
        _fail("invalid_input", str(exc), EXIT_USAGE, as_json)
    except Exception as exc:  # a bug: say so in one line; --debug shows the traceback
        if debug:
            raise
        _fail("internal_error", f"unexpected {type(exc).__name__}: {exc} (run with --debug "
              "for the traceback)", EXIT_FAILED, as_json)


def _fail(code: str, message: str, exit_code: int, as_json: bool) -> None:
    """One line: `error: ...` on stderr, or with --json a JSON error object on stdout."""
    if as_json:
        click.echo(json.dumps({"error": {"code": code, "message": message}}))
    else:
        click.echo(message if code == "aborted" else f"error: {message}", err=True)
    sys.exit(exit_code)


if __name__ == "__main__":
    main()
