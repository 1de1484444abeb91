"""Peak memory of streaming many articles through the batch API, and nkquotes' import time.

Usage::

    python benchmarks/bench_memory.py [DIR] [--articles 10000] [--jobs 1]

Cycles the articles of DIR (default: PolNeAR dev under $NKQUOTES_DATA) lazily until
--articles have gone through ``nkquotes.extract_many``, keeping nothing but counts, and
prints the peak resident memory. Then it measures ``python -X importtime -c "import nkquotes"``
and prints the cumulative import time of nkquotes' own modules.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import nkquotes


def articles(folder: Path, count: int) -> Iterator[str]:
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        sys.exit(f"bench_memory: no .txt articles in {folder}")
    for path in itertools.islice(itertools.cycle(paths), count):
        yield path.read_text(encoding="utf-8")


def nkquotes_import_ms() -> tuple[float, float]:
    """Milliseconds of ``import nkquotes``: nkquotes' own modules (self time) and in all.

    Bytecode is written first (PYTHONDONTWRITEBYTECODE would make every run recompile).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-X", "importtime", "-c", "import nkquotes"]
    subprocess.run(command, capture_output=True, check=True, env=env)
    result = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    own = total = 0
    for line in result.stderr.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not parts[0].split(":")[-1].strip().isdigit():
            continue
        name = parts[2].strip()
        if name == "nkquotes" or name.startswith("nkquotes."):
            own += int(parts[0].split(":")[-1])
        if name == "nkquotes":
            total = int(parts[1])
    return own / 1000, total / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    folder = args.dir
    if folder is None:
        root = os.environ.get("NKQUOTES_DATA") or sys.exit(
            "bench_memory: give DIR or set NKQUOTES_DATA"
        )
        folder = Path(root) / "data" / "polnear" / "dev" / "text"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    done = failed = quotes = 0
    for result in nkquotes.extract_many(articles(folder, args.articles), jobs=args.jobs):
        done += 1
        if result.document is None:
            failed += 1
        else:
            quotes += len(result.document.quotes)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{done} articles ({failed} failed, {quotes} quotes) in {seconds:.1f} s, "
        f"{done / seconds:,.0f} articles/s with jobs={args.jobs}"
    )
    print(f"peak memory (max RSS of this process): {peak:.0f} MB (before the run: {before:.0f} MB)")
    own, total = nkquotes_import_ms()
    print(f"import nkquotes: {own:.1f} ms in nkquotes' own modules, {total:.1f} ms in all")


if __name__ == "__main__":
    main()
