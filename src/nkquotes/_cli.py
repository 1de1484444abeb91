"""The ``nkquotes`` command line (placeholder: replaced by the pipeline work)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import resources

from nkquotes._quotes import find_quotes
from nkquotes._structure import parse_article

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] != ["demo"]:
        print("usage: nkquotes demo", file=sys.stderr)
        return 2
    text = resources.files("nkquotes").joinpath("data/example.txt").read_text(encoding="utf-8")
    article = parse_article(text)
    finding = find_quotes(text, article)
    for quote in finding.quotes:
        print(f"{quote.kind.value}: {quote.text}")
    print(f"{len(finding.quotes)} quotes", file=sys.stderr)
    return 0
