"""What the pipeline costs next to the C-level passes any pure-Python extractor must make.

Usage::

    python benchmarks/bench_floor.py [DIR ...] [--repeat N]

DIR defaults to PolNeAR dev under $NKQUOTES_DATA. For each article, in the same run and as CPU
time (best of N), it times the five stages of the default pipeline and a set of single passes
over the text that cost no Python per character: lower-casing, a white-space split, a word
split by ``re``, a search for reporting verbs, and building as many ``Span`` objects as the
pipeline's output holds. It prints each per article and as a share of the time per article
that 300 articles per second allows (3.33 ms), so that the floor of the design can be read
off: the passes the pipeline cannot do without, against what is left for its rules.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs
from bench_pipeline import default_dirs, load_texts, reference_seconds

from nkquotes import Span, find_quotes, parse_article, resolve_dates, resolve_speakers
from nkquotes.stance import apply_stance, builtin_target, default_model

BUDGET_MS = 1000 / 300

_WORD = re.compile(r"([A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*)")
_CUES = re.compile(
    r"\b(?:said|says|told|added|according to|stated|announced|warned|noted|insisted|claimed"
    r"|explained|argued|wrote|tweeted|asked|urged|called)\b"
)


def count_spans(value: object) -> int:
    """The number of :class:`Span` objects reachable from *value* (attrs objects, tuples)."""
    if isinstance(value, Span):
        return 1
    if isinstance(value, tuple | list):
        return sum(map(count_spans, value))
    if attrs.has(type(value)):
        return sum(count_spans(getattr(value, f.name)) for f in attrs.fields(type(value)))
    return 0


def pipeline_steps(texts: list[str]) -> tuple[dict[str, Callable[[], object]], int]:
    """Each stage over *texts*, on the inputs the stage before gave (computed once here), and
    the number of spans in the pipeline's output (article, stanced quotes, entities)."""
    model, target = default_model(), builtin_target()
    articles = [parse_article(t) for t in texts]
    found = [find_quotes(t, a).quotes for t, a in zip(texts, articles, strict=True)]
    spoken = [resolve_speakers(t, a, q) for t, a, q in zip(texts, articles, found, strict=True)]
    dated = [
        resolve_dates(t, a, s.quotes).quotes
        for t, a, s in zip(texts, articles, spoken, strict=True)
    ]
    rows = list(zip(texts, articles, found, dated, strict=True))
    spans = sum(
        count_spans(a)
        + count_spans(s.entities)
        + count_spans(apply_stance(t, d, model=model, target=target, article=a))
        for (t, a, _, d), s in zip(rows, spoken, strict=True)
    )
    steps: dict[str, Callable[[], object]] = {
        "structure": lambda: [parse_article(t) for t in texts],
        "quotes": lambda: [find_quotes(t, a) for t, a, _, _ in rows],
        "speakers": lambda: [resolve_speakers(t, a, q) for t, a, q, _ in rows],
        "dates": lambda: [resolve_dates(t, a, q) for t, a, q, _ in rows],
        "stance": lambda: [
            apply_stance(t, d, model=model, target=target, article=a) for t, a, _, d in rows
        ],
    }
    return steps, spans


def pass_steps(texts: list[str], spans: int) -> dict[str, Callable[[], object]]:
    per_text = max(1, spans // len(texts))
    return {
        "lower-case": lambda: [t.lower() for t in texts],
        "white-space split": lambda: [t.split() for t in texts],
        "re word split": lambda: [_WORD.split(t) for t in texts],
        "re cue search": lambda: [_CUES.findall(t) for t in texts],
        f"{per_text} Span.of": lambda: [[Span.of(t, 0, 1) for _ in range(per_text)] for t in texts],
    }


def best_ms(step: Callable[[], object], repeat: int, count: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        step()
        best = min(best, time.process_time() - start)
    return 1000 * best / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.repeat < 1:
        sys.exit("bench_floor: --repeat must be at least 1")
    texts = load_texts(args.dirs or default_dirs())
    count = len(texts)
    print(f"{count} articles, {sum(map(len, texts)) / count:,.0f} characters on average")
    print(f"machine reference: 5M-step Python loop in {reference_seconds():.3f} s of CPU")
    print(f"budget at 300 articles/s: {BUDGET_MS:.2f} ms per article\n")
    total = 0.0
    print(f"{'pipeline stage':<22}{'ms/article':>11}{'of budget':>11}")
    steps, spans = pipeline_steps(texts)
    for name, step in steps.items():
        ms = best_ms(step, args.repeat, count)
        total += ms
        print(f"{name:<22}{ms:>11.3f}{ms / BUDGET_MS:>11.0%}")
    print(f"{'all stages':<22}{total:>11.3f}{total / BUDGET_MS:>11.0%}")
    print(f"  -> {1000 / total:.0f} articles/s\n")
    print(f"{'single C-level pass':<22}{'ms/article':>11}{'of budget':>11}")
    for name, step in pass_steps(texts, spans).items():
        ms = best_ms(step, args.repeat, count)
        print(f"{name:<22}{ms:>11.3f}{ms / BUDGET_MS:>11.0%}")


if __name__ == "__main__":
    main()
