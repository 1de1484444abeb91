"""``nkquotes evaluate``: the command-line face of :mod:`nkquotes.evaluation`.

The command line module calls :func:`configure` on its ``evaluate`` sub-parser and
:func:`run` with the parsed arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nkquotes._errors import NkQuotesError
from nkquotes.evaluation._run import FORMATS, evaluate_dataset, load_dataset

__all__ = ["configure", "run"]


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a count of zero or more, not {value!r}")
    return number


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``evaluate`` arguments to *parser*."""
    parser.description = (
        "Measure nkquotes against annotated articles: recall by kind, precision, speakers, "
        "stance, dates, structure and throughput."
    )
    parser.add_argument(
        "format",
        choices=FORMATS,
        help="gold: gold JSON (NAME.gold.json beside NAME.txt, or gold/ and articles/); "
        "polnear: a PolNeAR compartment (text/ and attributions/)",
    )
    parser.add_argument("path", type=Path, help="the dataset folder")
    parser.add_argument("--errors", action="store_true", help="list the errors of each article")
    parser.add_argument("--json", action="store_true", help="print a machine-readable report")
    parser.add_argument(
        "--limit", type=_count, default=None, metavar="N", help="evaluate the first N articles"
    )


def run(args: argparse.Namespace) -> int:
    """Evaluate the dataset *args* name and print the report; returns the exit status."""
    try:
        articles = load_dataset(args.format, args.path)
        name = f"{args.format} {args.path}"
        report = evaluate_dataset(articles, name=name, limit=args.limit)
    except NkQuotesError as error:
        print(f"nkquotes evaluate: {error}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(report.to_dict(errors=args.errors), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report.format(errors=args.errors))
    return 0
