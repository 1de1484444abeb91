"""Peak memory of streaming many articles through the batch API, and nkquotes' import time.

Usage::

    python benchmarks/bench_memory.py [DIR] [--articles 10000] [--jobs 1]

Cycles the articles of DIR (default: PolNeAR dev under $NKQUOTES_DATA) lazily until
--articles have gone through ``nkquotes.extract_many``, keeping nothing but counts, and
prints the peak resident memory. Then it measures ``python -X importtime -c "import nkquotes"``
and the same followed by a first call of ``nkquotes.extract`` (which loads every stage), and
prints the import time of nkquotes' own modules and of all imports, each the best of 5 runs.
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


#: What ``import nkquotes`` loads, and what a program that runs the pipeline loads: the
#: package's public names are loaded on first use, so both are measured.
IMPORT_ONLY = "import nkquotes"
#: The stages are imported when the pipeline first runs, so the second one runs it once.
IMPORT_AND_PIPELINE = (
    "import nkquotes; nkquotes.extract('Headline\\n\\nBody text.'); nkquotes.extract_many"
)


def nkquotes_import_ms(code: str = IMPORT_ONLY, runs: int = 5) -> tuple[float, float]:
    """Milliseconds of running *code* under ``-X importtime``, best of *runs*: the self time
    of nkquotes' own modules, and the cumulative time of the top-level imports that *code*
    causes (the interpreter's start-up imports, those of ``python -c pass``, left out).

    Bytecode is written first (PYTHONDONTWRITEBYTECODE would make every run recompile).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-X", "importtime", "-c", code]
    startup = subprocess.run([*command[:-1], "pass"], capture_output=True, text=True, env=env)
    skip = {line.split("|")[-1].strip() for line in startup.stderr.splitlines()}
    subprocess.run(command, capture_output=True, check=True, env=env)
    best_own = best_total = float("inf")
    for _ in range(runs):
        result = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
        own = total = 0
        for line in result.stderr.splitlines():
            parts = line.split("|")
            if len(parts) != 3 or not parts[0].split(":")[-1].strip().isdigit():
                continue
            name = parts[2].rstrip()
            if name.strip() == "nkquotes" or name.strip().startswith("nkquotes."):
                own += int(parts[0].split(":")[-1])
            if not name[1:].startswith(" ") and name.strip() not in skip:  # top level
                total += int(parts[1])
        best_own, best_total = min(best_own, own / 1000), min(best_total, total / 1000)
    return best_own, best_total


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
    for code in (IMPORT_ONLY, IMPORT_AND_PIPELINE):
        own, total = nkquotes_import_ms(code)
        print(
            f"{code!r} (best of 5): {own:.1f} ms in nkquotes' own modules, "
            f"{total:.1f} ms of imports in all"
        )


if __name__ == "__main__":
    main()
