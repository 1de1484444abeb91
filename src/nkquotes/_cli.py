"""The ``nkquotes`` command line: ``extract``, ``demo``, ``evaluate``.

Every error is one line on standard error, ``nkquotes: error: <input>: <what>``; the exit
status is 0 on success, 1 when an input failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from typing import IO, NoReturn

__all__ = ["build_parser", "main"]

PROG = "nkquotes"
FORMATS = ("json", "jsonl", "csv", "text")
EVALUATION_MODULE = "nkquotes.evaluation._command"


class UsageError(Exception):
    """A command line that cannot be run (exit status 2)."""


class Unavailable(UsageError):
    """A subcommand whose module is not installed (exit status 2, no usage hint)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {value!r} (expected YYYY-MM-DD)") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return number


def _configure_extract(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article text files, or JSONL corpora with --input-format jsonl "
        "(default, or '-': standard input)",
    )
    parser.add_argument(
        "--published",
        type=_date,
        metavar="DATE",
        help="publication date YYYY-MM-DD for inputs that give none",
    )
    parser.add_argument(
        "-f", "--format", choices=FORMATS, default="json", help="output format (default: json)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.add_argument(
        "--input-format",
        choices=("text", "jsonl"),
        default="text",
        help='text: each input is one article; jsonl: one {"id", "text", "published"} '
        "record per line",
    )
    parser.add_argument(
        "-j", "--jobs", type=_positive, default=1, metavar="N", help="worker processes"
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="never show the progress bar on stderr"
    )


def _wants(argv: Sequence[str], command: str) -> bool:
    positional = [a for a in argv if not a.startswith("-")]
    return positional[:1] == [command]


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The argument parser; the evaluate subcommand is configured only when it is asked for."""
    from nkquotes._version import __version__

    parser = _Parser(
        prog=PROG, description="Structured, attributed, stance-labelled quotations from news text."
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    extract = commands.add_parser(
        "extract", help="extract quotes from files, standard input or a JSONL corpus"
    )
    _configure_extract(extract)
    commands.add_parser("demo", help="print the quotes of the bundled example article")
    evaluate = commands.add_parser("evaluate", help="score the extraction against gold data")
    if _wants(argv, "evaluate"):
        _evaluation().configure(evaluate)
    return parser


def _evaluation() -> argparse.Namespace:
    import importlib
    import importlib.util

    try:
        found = importlib.util.find_spec(EVALUATION_MODULE) is not None
    except ModuleNotFoundError:
        found = False
    if not found:
        raise Unavailable("evaluate: not available (nkquotes.evaluation._command is missing)")
    module = importlib.import_module(EVALUATION_MODULE)
    return argparse.Namespace(configure=module.configure, run=module.run)


def _error(stream: IO[str], where: str, what: str) -> None:
    stream.write(f"{PROG}: error: {where}: {what}\n" if where else f"{PROG}: error: {what}\n")
    stream.flush()


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _open_output(path: str | None) -> IO[str]:
    if path is None or path == "-":
        return sys.stdout
    return open(path, "w", encoding="utf-8", newline="")


def _run_extract(args: argparse.Namespace) -> int:
    from nkquotes._batch import _stream
    from nkquotes._cli_io import Progress, Writer, read_inputs

    err = sys.stderr
    paths: list[str] = args.paths
    if not paths and _is_terminal(sys.stdin):
        raise UsageError("extract: no input: give PATH arguments or pipe text into standard input")
    text_input = args.input_format == "text"
    try:
        out = _open_output(args.output)
    except OSError as exc:
        _error(err, args.output, f"cannot write ({exc.strerror or exc})")
        return 1
    total = max(len(paths), 1) if text_input else None
    writer = Writer(out, args.format, single=text_input and total == 1)
    progress = Progress(err, total, enabled=not args.no_progress and err.isatty())
    failed = 0
    try:
        for result in _stream(
            read_inputs(paths, args.input_format),
            jobs=args.jobs,
            published=args.published,
            pipeline=None,
            chunksize=4,
        ):
            if result.ok:
                problem = writer.write(result)
            else:
                problem = result.error or "failed"
                writer.write(result)  # JSON keeps a record of the failure
            if problem is not None:
                failed += 1
                progress.clear()
                _error(err, result.label, problem)
            progress.update(failed)
        writer.close()
    finally:
        progress.clear()
        if out is not sys.stdout:
            out.close()
    if failed and progress.done > 1:
        err.write(f"{PROG}: {failed} of {progress.done} inputs failed\n")
    return 1 if failed else 0


def _run_demo() -> int:
    from importlib import resources

    from nkquotes._cli_io import format_document
    from nkquotes._pipeline import extract

    text = resources.files("nkquotes").joinpath("data/example.txt").read_text(encoding="utf-8")
    sys.stdout.write(format_document(extract(text), "example.txt"))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            args = build_parser(args_list).parse_args(args_list)
        except SystemExit as exc:  # --help and --version
            return exc.code if isinstance(exc.code, int) else 0
        if args.command == "extract":
            return _run_extract(args)
        if args.command == "demo":
            return _run_demo()
        code: int = _evaluation().run(args)
        return code
    except Unavailable as exc:
        _error(sys.stderr, "", str(exc))
        return 2
    except UsageError as exc:
        _error(sys.stderr, "", f"{exc} (see '{PROG} --help')")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write(f"\n{PROG}: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, without a traceback at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
