"""Seconds per MB of the full pipeline on hostile inputs of about 1 MB each.

Usage::

    python benchmarks/bench_robustness.py [--size-mb 1.0]

Each input must finish in at most 2 s per MB and return valid results or raise an
``NkQuotesError``; the script prints one line per input and exits non-zero when one fails.
Patterns are compiled lazily on first use (the stance lexicon alone takes about half a
second), so a short warm-up article runs first and its time is reported on its own line
instead of being charged to whichever hostile input happens to come first.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

import nkquotes

#: A short article that reaches every stage, so each lazy pattern is compiled before timing.
WARM_UP = (
    "Talks resume\n\nSEOUL, April 10 (Yonhap) -- Foreign Minister Kim Min-su said Wednesday"
    ' that sanctions on North Korea must stay. "We will keep up the pressure," he told'
    " reporters, according to the ministry.\n"
)


def hostile_inputs(size: int) -> dict[str, str]:
    rng = random.Random(7)
    sentence = 'Kim said "we will not yield," and officials said the talks stalled. '

    def fill(unit: str) -> str:
        return (unit * (size // max(len(unit), 1) + 1))[:size]

    return {
        "prose": fill(sentence + "\n\n"),
        "single_line": fill("word "),
        "quote_marks": fill('"'),
        "alternating_marks": fill("\"“”‘’'«»„"),
        "nested_marks": fill('"‘“')[: size // 2] + fill('”’"')[: size // 2],
        "control_chars": fill("".join(chr(c) for c in range(32))),
        "lone_surrogates": fill('he said \ud800 "x" \udfff '),
        "random_unicode": "".join(chr(rng.randrange(0x110000)) for _ in range(size)),
        "said_said": fill("said "),
        "unbalanced": fill('He said "this never closes. '),
        "capitalised_names": fill("Kim Jong Un Moon Jae In Said Told "),
        # Found by fuzzing: a name every 13 characters, bylines without a body, clock times,
        # and prose with one word per line.
        "name_list": fill("Kim Jong Un, "),
        "byline_lines": fill("By Kim Jong\n"),
        "clock_times": fill("12:30 p.m. "),
        "word_per_line": fill(sentence).replace(" ", "\n"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    args = parser.parse_args()
    size = int(args.size_mb * 1_000_000)
    failed = False
    start = time.perf_counter()
    nkquotes.extract(WARM_UP)
    print(f"{'warm-up':18} {time.perf_counter() - start:7.3f} s (first call: lazy compilation)")
    for name, text in hostile_inputs(size).items():
        start = time.perf_counter()
        try:
            document = nkquotes.extract(text)
            outcome = f"{len(document.quotes)} quotes"
        except nkquotes.NkQuotesError as error:
            outcome = f"NkQuotesError: {error}"
        except Exception as error:  # report any other crash
            outcome = f"CRASH {type(error).__name__}: {error}"
            failed = True
        per_mb = (time.perf_counter() - start) / (len(text) / 1_000_000)
        slow = per_mb > 2.0
        failed = failed or slow
        flag = "SLOW" if slow else "ok"
        print(f"{name:18} {per_mb:7.3f} s/MB  {flag:4}  {outcome[:60]}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
