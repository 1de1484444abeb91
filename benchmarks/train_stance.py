"""Retrain the shipped stance model and print cross-validated figures.

    python benchmarks/train_stance.py /work/shared/data/nk/gold \
        --articles /work/shared/data/nk/articles [--save] [--markdown]

Prints macro-F1 and the confusion matrix, leave-one-article-out (LOAO), for: the rules
alone (not trained, but note the lexicon was written by people who had read this gold), the
naive Bayes model alone, and the default model (rules, then naive Bayes where they abstain).
With ``--save`` the naive Bayes model is retrained on every gold quote and written to
``src/nkquotes/data/models/nk-sanctions-nb.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from nkquotes.stance import (
    Chain,
    Evaluation,
    GoldItem,
    NaiveBayesStanceModel,
    RuleStanceModel,
    StanceModel,
    builtin_target,
    cross_validate,
    evaluate,
    load_gold_items,
    stance_features,
)
from nkquotes.stance._evaluate import predict_label

MODEL_FILE = (
    Path(__file__).resolve().parent.parent / "src/nkquotes/data/models/nk-sanctions-nb.json"
)

#: The naive Bayes settings chosen by LOAO on the nk gold (see docs/stance.md).
ALPHA = 1.0
MIN_COUNT = 1
MIN_SCORE = 0.9


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="folder of NAME.gold.json files")
    parser.add_argument("--articles", type=Path, help="folder of NAME.txt (default: gold)")
    parser.add_argument("--save", action="store_true", help="write the retrained model")
    parser.add_argument("--markdown", action="store_true", help="confusion matrices as tables")
    args = parser.parse_args(argv)

    target = builtin_target()
    items = load_gold_items(args.gold, args.articles)
    if not items:
        print(f"no gold quotes under {args.gold}", file=sys.stderr)
        return 1
    features = {id(g): stance_features(g.item, target) for g in items}
    rules = RuleStanceModel()

    def learned(train: Sequence[GoldItem], min_score: float = 0.0) -> NaiveBayesStanceModel:
        return NaiveBayesStanceModel.fit_features(
            [(features[id(g)], g.label) for g in train],
            target,
            alpha=ALPHA,
            min_count=MIN_COUNT,
            min_score=min_score,
        )

    def default(train: Sequence[GoldItem]) -> StanceModel:
        return Chain([rules, learned(train, MIN_SCORE)])

    def report(name: str, result: Evaluation) -> None:
        print(f"\n{name}: macro-F1 {result.macro_f1:.3f}, accuracy {result.accuracy:.3f}")
        if args.markdown:
            print()
            print(result.table())
        else:
            print("  " + " ".join(f"{label:>9}" for label in result.labels) + "   <- predicted")
            for label, row in zip(result.labels, result.confusion, strict=True):
                cells = " ".join(f"{n:>9}" for n in row)
                print(f"  {cells}   gold {label} (F1 {result.f1(label):.3f})")

    articles = len({g.article for g in items})
    print(f"{dt.date.today()}: {len(items)} gold quotes in {articles} articles from {args.gold}")
    started = time.perf_counter()
    gold = [g.label for g in items]
    report(
        "rules alone (no training)",
        evaluate(target.labels, gold, [predict_label(rules, g.item, target) for g in items]),
    )
    report("naive Bayes alone, LOAO", cross_validate(items, target, learned))
    report("default (rules, then naive Bayes), LOAO", cross_validate(items, target, default))
    print(f"\n(cross-validation took {time.perf_counter() - started:.1f} s)")

    if args.save:
        started = time.perf_counter()
        model = learned(items, MIN_SCORE)
        elapsed = time.perf_counter() - started
        model.save(MODEL_FILE)
        print(f"trained on {len(items)} quotes in {elapsed:.2f} s; saved {MODEL_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
