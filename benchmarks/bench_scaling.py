"""Throughput of nkquotes.spark (local[2]) and nkquotes.dask (2 processes) against the
single-process batch API, on the same articles; checks that all three give the same rows.

    python benchmarks/bench_scaling.py --data /path/to/shared     # PolNeAR, 924 articles
    python benchmarks/bench_scaling.py --synthetic 1000           # no data needed

Needs ``nkquotes[spark,dask]`` and Java. Engine start-up (the JVM, worker processes and
their imports) is done by a warm-up run on a few articles and is not timed: on a real
corpus it is paid once per job, not per article.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import csv
import multiprocessing
import os
import random
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

Article = tuple[str, str, str | None]

SINGLE = "single process (extract_many, jobs=1)"


def polnear(shared: Path, limit: int | None) -> list[Article]:
    root = shared / "data" / "polnear"
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        dates = {
            r["filename"]: r["publication_date"] for r in csv.DictReader(handle, delimiter="\t")
        }
    paths = sorted(root.glob("*/text/*.txt"))[:limit]
    return [(p.stem, p.read_text(encoding="utf-8"), dates.get(p.stem) or None) for p in paths]


def synthetic(count: int) -> list[Article]:
    rng = random.Random(10)
    names = ["Kim Yo Jong", "Moon Jae-in", "Mike Pompeo", "Chung Eui-yong"]
    sayings = [
        "We will not give up our nuclear deterrent",
        "The talks were productive and frank",
        "Sanctions must remain until we see concrete steps",
    ]
    articles = []
    for n in range(count):
        paragraphs = [f"Headline {n}"]
        for _ in range(rng.randint(3, 12)):
            name, saying = rng.choice(names), rng.choice(sayings)
            paragraphs.append(f"“{saying},” {name} said on Tuesday. The meeting lasted an hour.")
        articles.append((f"syn-{n}", "\n\n".join(paragraphs), "2018-06-12"))
    return articles


def timed(
    label: str, run: Callable[[], list[dict[str, Any]]]
) -> tuple[float, list[dict[str, Any]]]:
    start = time.perf_counter()
    rows = run()
    seconds = time.perf_counter() - start
    print(f"  {label}: {seconds:.1f} s", file=sys.stderr)
    return seconds, rows


def batch_api(articles: list[Article], jobs: int = 1) -> list[dict[str, Any]]:
    from nkquotes._batch import extract_many
    from nkquotes._rows import quote_rows

    records = [{"id": a, "text": t, "published": p} for a, t, p in articles]
    rows: list[dict[str, Any]] = []
    for result in extract_many(records, jobs=jobs):
        assert result.document is not None, result.error
        rows.extend(quote_rows(result.document, result.id))
    return rows


def spark_runner(partitions: int) -> tuple[Callable[[list[Article]], list[dict[str, Any]]], Any]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas")
    from pyspark.sql import SparkSession

    from nkquotes.spark import extract_quotes

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")

    def run(articles: list[Article]) -> list[dict[str, Any]]:
        frame = spark.createDataFrame(articles, "id string, text string, published string")
        quotes = extract_quotes(frame.repartition(partitions), published_column="published")
        return [row.asDict() for row in quotes.collect()]

    return run, spark


def dask_runner(
    partitions: int, pool: concurrent.futures.Executor
) -> Callable[[list[Article]], list[dict[str, Any]]]:
    import dask.bag as db

    from nkquotes.dask import extract_quotes_bag

    def run(articles: list[Article]) -> list[dict[str, Any]]:
        records = [{"id": a, "text": t, "published": p} for a, t, p in articles]
        bag = db.from_sequence(records, npartitions=partitions)
        rows: list[dict[str, Any]] = extract_quotes_bag(bag, published_key="published").compute(
            scheduler="processes", pool=pool
        )
        return rows

    return run


def grouped(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row["article_id"], []).append(row)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=os.environ.get("NKQUOTES_DATA"))
    parser.add_argument("--articles", type=int, default=None, help="at most this many")
    parser.add_argument("--synthetic", type=int, default=0, help="use N synthetic articles")
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    if args.synthetic or args.data is None:
        articles = synthetic(args.synthetic or 1000)
        corpus = f"{len(articles)} synthetic articles"
    else:
        articles = polnear(Path(args.data), args.articles)
        corpus = f"{len(articles)} PolNeAR articles"
    chars = sum(len(t) for _, t, _ in articles)
    print(f"{corpus}, {chars / len(articles):.0f} characters on average; cpus: {os.cpu_count()}")
    print(f"load average before: {os.getloadavg()[0]:.2f}")

    warm = articles[:8]
    batch_api(warm)
    results = {SINGLE: timed("single", lambda: batch_api(articles))}
    results["extract_many, jobs=2 (same machine)"] = timed(
        "jobs=2", lambda: batch_api(articles, jobs=2)
    )

    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
        run_dask = dask_runner(args.partitions, pool)
        run_dask(articles[:16])
        results["dask bag, 2 processes"] = timed("dask", lambda: run_dask(articles))

    run_spark, spark = spark_runner(args.partitions)
    try:
        run_spark(articles[:16])
        results["spark local[2], mapInArrow"] = timed("spark", lambda: run_spark(articles))
    finally:
        spark.stop()

    base_seconds, base_rows = results[SINGLE]
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print(f"{'engine':40} {'seconds':>8} {'articles/s':>11} {'vs single':>10}  same rows")
    for label, (seconds, rows) in results.items():
        same = grouped(rows) == grouped(base_rows)
        print(
            f"{label:40} {seconds:8.1f} {len(articles) / seconds:11.1f} "
            f"{base_seconds / seconds:9.2f}x  {same} ({len(rows)} quotes)"
        )


if __name__ == "__main__":
    main()
