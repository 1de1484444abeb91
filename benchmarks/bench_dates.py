"""How much of the pipeline's time goes to dates, with and without dateparser being reached.

Usage::

    python benchmarks/bench_dates.py [--data DIR] [--repeat N] [--gold]

DIR defaults to $NKQUOTES_DATA. Runs the default stages on every article of data/nk/articles
(publication dates from index.tsv, as a caller would pass them) and prints per-stage seconds
and the share of the dates stage, in three modes:

- ``fast``: as shipped; compiled patterns decide and dateparser is reached only when they
  cannot (the run reports how often that happened);
- ``dateparser``: the fast path switched off, so every time expression goes to dateparser
  (imported beforehand, cache cleared before the run, so the figure includes its misses);
- ``import``: the one-off cost of importing dateparser, measured in a fresh interpreter;
- ``carry``: the dates stage with and without carrying dates across sentences
  (:mod:`nkquotes._dates_carry`), on the same upstream output, the two interleaved article by
  article and timed in process CPU time, so other load on the machine cancels out; the share
  without carrying is derived from the ``fast`` run's other stages.

With --gold it also prints how many gold dates (data/nk/gold) are reproduced, how many are
wrong, and how many of the right ones were carried from another sentence, on quotes built from
the gold annotations (with and without defaulting to the publication date, and without
carrying) and on the quotes the pipeline itself finds (matched to gold by content overlap).

Because the quote finder may still find few quotes, the dates stage is also timed on quotes
built from the gold annotations (data/nk/gold), which is the realistic dates workload.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import regex

from nkquotes import (
    Article,
    DateSource,
    _dates,
    _timex,
    find_quotes,
    parse_article,
    resolve_dates,
    resolve_speakers,
)
from nkquotes.stance import apply_stance, builtin_target, default_model

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests._dates_gold import gold_quotes

STAGES = ("structure", "quotes", "speakers", "dates", "stance")
_NEVER = regex.compile(r"(?!)")


def load(root: Path) -> list[tuple[str, str, dt.date | None]]:
    folder = root / "data" / "nk" / "articles"
    if not folder.is_dir():
        sys.exit(f"bench_dates: {folder}: not a directory")
    published: dict[str, dt.date] = {}
    index = folder / "index.tsv"
    if index.is_file():
        for line in index.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            if len(cells) > 3 and cells[3]:
                published[cells[0]] = dt.date.fromisoformat(cells[3])
    return [
        (p.stem, p.read_text(encoding="utf-8"), published.get(p.stem))
        for p in sorted(folder.glob("*.txt"))
    ]


@contextmanager
def fast_path(enabled: bool) -> Iterator[None]:
    """Switch the compiled fast path off, so every expression reaches dateparser."""
    saved = _timex._WHOLE
    if not enabled:
        _timex._WHOLE = _NEVER
    try:
        yield
    finally:
        _timex._WHOLE = saved


@contextmanager
def carrying(enabled: bool) -> Iterator[None]:
    """Switch carrying dates across sentences off (quotes keep only their own expressions)."""
    saved = _dates.carry_dates
    if not enabled:
        _dates.carry_dates = lambda text, article, quotes, reference: quotes
    try:
        yield
    finally:
        _dates.carry_dates = saved


def run_pipeline(
    articles: list[tuple[str, str, dt.date | None]], repeat: int
) -> tuple[dict[str, float], int, int]:
    clock = time.perf_counter
    model, target = default_model(), builtin_target()
    totals = dict.fromkeys(STAGES, 0.0)
    quotes = dated = 0
    for _ in range(repeat):
        for _name, text, published in articles:
            t0 = clock()
            article = parse_article(text)
            t1 = clock()
            finding = find_quotes(text, article)
            t2 = clock()
            speakers = resolve_speakers(text, article, finding.quotes)
            t3 = clock()
            dates = resolve_dates(text, article, speakers.quotes, published=published)
            t4 = clock()
            apply_stance(text, dates.quotes, model=model, target=target, article=article)
            t5 = clock()
            for stage, seconds in zip(
                STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True
            ):
                totals[stage] += seconds
            quotes += len(dates.quotes)
            dated += sum(1 for q in dates.quotes if q.date is not None)
    return totals, quotes // repeat, dated // repeat


def run_gold_dates(root: Path, repeat: int) -> tuple[float, int, int]:
    """Seconds of resolve_dates on gold-built quotes, quotes dated, quotes in all."""
    work = []
    for path in sorted((root / "data" / "nk" / "gold").glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (root / "data" / "nk" / "articles" / f"{path.name[:-10]}.txt").read_text("utf-8")
        published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        quotes = tuple(q for q, _ in gold_quotes(text, gold))
        work.append((text, quotes, published))
    start = time.perf_counter()
    dated = total = 0
    for _ in range(repeat):
        for text, quotes, published in work:
            result = resolve_dates(text, Article(), quotes, published=published)
            dated += sum(1 for q in result.quotes if q.date is not None)
            total += len(quotes)
    return time.perf_counter() - start, dated // repeat, total // repeat


def gold_quality(root: Path) -> None:
    """Gold dates reproduced: on quotes built from gold, and on the pipeline's own quotes."""
    import nkquotes

    gold_dir = root / "data" / "nk" / "gold"
    modes = {"gold quotes": (False, True), "gold quotes, defaulted": (True, True)}
    modes["gold quotes, not carried"] = (False, False)
    counts = {label: [0, 0, 0, 0] for label in (*modes, "pipeline")}
    for path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (root / "data" / "nk" / "articles" / f"{path.name[:-10]}.txt").read_text("utf-8")
        published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        pairs = gold_quotes(text, gold)
        built = tuple(q for q, _ in pairs)
        document = nkquotes.extract(text, published=published)
        for label, (default, carry) in modes.items():
            with carrying(carry):
                result = resolve_dates(
                    text, Article(), built, published=published, default_to_published=default
                )
            for quote, (_, expected) in zip(result.quotes, pairs, strict=True):
                if expected is not None:
                    got = quote.date.date if quote.date else None
                    counts[label][0] += got == expected
                    counts[label][1] += 1
                    counts[label][2] += got is not None and got != expected
                    counts[label][3] += got == expected and _carried(quote.date)
        for quote, (_, expected) in zip(built, pairs, strict=True):
            if expected is None:
                continue
            counts["pipeline"][1] += 1
            best = max(
                document.quotes,
                key=lambda q: max(
                    (min(s.end, quote.segments[0].end) - max(s.start, quote.segments[0].start))
                    for s in q.segments
                ),
                default=None,
            )
            if best is None or not any(s.overlaps(quote.segments[0]) for s in best.segments):
                continue
            got = best.date.date if best.date else None
            counts["pipeline"][0] += got == expected
            counts["pipeline"][2] += got is not None and got != expected
            counts["pipeline"][3] += got == expected and _carried(best.date)
    for label, (reproduced, total, wrong, carried) in counts.items():
        print(
            f"[gold] {label}: {reproduced}/{total} gold dates reproduced "
            f"({carried} carried), {wrong} wrong"
        )


def _carried(date: object) -> bool:
    return getattr(date, "source", None) is DateSource.CARRIED


def carry_cost(articles: list[tuple[str, str, dt.date | None]], repeat: int) -> tuple[float, float]:
    """CPU seconds of the dates stage with and without carrying, interleaved per article."""
    work = []
    for _name, text, published in articles:
        article = parse_article(text)
        quotes = resolve_speakers(text, article, find_quotes(text, article).quotes).quotes
        work.append((text, article, quotes, published))
    clock = time.process_time
    spent = {True: 0.0, False: 0.0}
    for _ in range(repeat):
        for text, article, quotes, published in work:
            for enabled in (True, False):
                with carrying(enabled):
                    start = clock()
                    resolve_dates(text, article, quotes, published=published)
                    spent[enabled] += clock() - start
    return spent[True], spent[False]


def import_cost() -> float:
    code = (
        "import time; t = time.perf_counter(); import dateparser; "
        "dateparser.parse('3 days ago', languages=['en']); print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def report(mode: str, totals: dict[str, float], quotes: int, dated: int) -> float:
    whole = sum(totals.values())
    share = totals["dates"] / whole if whole else 0.0
    info = _timex.dateparser_cache_info()
    stages = "  ".join(f"{s}={totals[s] * 1000:.1f}ms" for s in STAGES)
    print(f"[{mode}] pipeline {whole * 1000:.1f} ms  {stages}")
    print(
        f"[{mode}]   dates share {share:.2%}; quotes {quotes}, dated {dated}; "
        f"dateparser calls (cache misses) {info.misses}, hits {info.hits}"
    )
    return totals["dates"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=os.environ.get("NKQUOTES_DATA"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--gold", action="store_true", help="also print gold date quality")
    args = parser.parse_args()
    if args.data is None:
        sys.exit("bench_dates: give --data or set NKQUOTES_DATA")
    articles = load(args.data)
    print(f"{len(articles)} articles, repeat {args.repeat}")
    run_pipeline(articles[:3], 1)  # warm-up: models, caches of other stages

    _timex._dateparser_resolve.cache_clear()
    fast_totals, quotes, dated = run_pipeline(articles, args.repeat)
    fast_dates = report("fast", fast_totals, quotes, dated)
    gold_fast, gold_dated, gold_total = run_gold_dates(args.data, args.repeat)
    fast_misses = _timex.dateparser_cache_info().misses
    print(
        f"[fast]   dates on gold quotes: {gold_fast * 1000:.1f} ms for {gold_total} quotes "
        f"x{args.repeat} ({gold_dated} dated); dateparser reached {fast_misses} times"
    )

    # Import dateparser outside the timed run: its one-off import cost is reported apart.
    _timex._dateparser_resolve("3 days ago", dt.date(2000, 1, 1))
    _timex._dateparser_resolve.cache_clear()
    with fast_path(enabled=False):
        slow_totals, quotes, dated = run_pipeline(articles, args.repeat)
        slow_dates = report("dateparser", slow_totals, quotes, dated)
        _timex._dateparser_resolve.cache_clear()
        gold_slow, gold_dated, _ = run_gold_dates(args.data, args.repeat)
    print(f"[dateparser]   dates on gold quotes: {gold_slow * 1000:.1f} ms ({gold_dated} dated)")
    if fast_dates > 0:
        print(f"ratio dates stage, dateparser / fast (pipeline): {slow_dates / fast_dates:.1f}x")
    if gold_fast > 0:
        print(f"ratio dates on gold quotes, dateparser / fast: {gold_slow / gold_fast:.1f}x")
    print(f"[import] dateparser import + first parse: {import_cost() * 1000:.0f} ms (one-off)")
    with_carry, without = carry_cost(articles, args.repeat)
    whole = sum(fast_totals.values())
    others = whole - fast_totals["dates"]
    scale = fast_totals["dates"] / with_carry if with_carry else 0.0
    plain_share = without * scale / (others + without * scale) if others else 0.0
    print(
        f"[carry] dates stage CPU {with_carry * 1000:.1f} ms with carrying, "
        f"{without * 1000:.1f} ms without ({with_carry / without:.2f}x); "
        f"dates share {fast_totals['dates'] / whole:.2%} with, about {plain_share:.2%} without"
    )
    if args.gold:
        gold_quality(args.data)


if __name__ == "__main__":
    main()
