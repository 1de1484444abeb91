"""Evaluating stance models on gold files: items, macro-F1, confusion matrix, cross-validation.

Gold quotes are built straight from the gold files (content segments located in the article
text, the sentence taken around the first segment), independently of the quote finder.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

from nkquotes._model import Quote, QuoteKind, Span
from nkquotes._sentences import split_sentences
from nkquotes.stance._apply import StanceInput
from nkquotes.stance._protocol import StanceModel
from nkquotes.stance._target import Target

__all__ = [
    "Evaluation",
    "GoldItem",
    "cross_validate",
    "evaluate",
    "load_gold_items",
]


@attrs.frozen(kw_only=True)
class GoldItem:
    """One gold quote ready for a stance model: its input, gold label and article name."""

    item: StanceInput
    label: str
    article: str


def _sentence_around(text: str, start: int, end: int) -> Span:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    sentences = [s for s in split_sentences(text, line_start, line_end) if s.end > start]
    first = next((s for s in sentences if s.start <= start < s.end), None)
    if first is None:
        return Span.of(text, line_start, line_end)
    last = next((s for s in sentences if s.start < end <= s.end), first)
    return Span.of(text, first.start, max(first.end, last.end))


def _locate(text: str, needle: str, after: int) -> int:
    pos = text.find(needle, after)
    if pos < 0:
        pos = text.find(needle)
    return pos


def gold_items_from(text: str, gold: dict[str, object], name: str) -> list[GoldItem]:
    """The gold quotes of one article as :class:`GoldItem` values (unlocatable ones skipped)."""
    out: list[GoldItem] = []
    quotes = gold.get("quotes")
    if not isinstance(quotes, list):
        return out
    # Skip the headline: gold quotes are body quotes.
    body = text.find("\n") + 1
    for number, record in enumerate(quotes):
        segments: list[Span] = []
        cursor = body
        for piece in record.get("content") or ():
            pos = _locate(text, piece, cursor)
            if pos < 0:
                segments = []
                break
            segments.append(Span.of(text, pos, pos + len(piece)))
            cursor = pos + len(piece)
        if not segments or record.get("stance") is None:
            continue
        first = segments[0]
        sentence = _sentence_around(text, first.start, first.end)
        quote = Quote(
            id=f"{name}-{number}",
            segments=tuple(segments),
            kind=QuoteKind(record.get("kind") or "indirect"),
            sentence=sentence,
        )
        item = StanceInput(text=text, quote=quote, sentence=sentence)
        out.append(GoldItem(item=item, label=str(record["stance"]), article=name))
    return out


def load_gold_items(folder: str | Path, articles: str | Path | None = None) -> list[GoldItem]:
    """Every gold quote under *folder* (``NAME.gold.json`` with ``NAME.txt`` beside it or in
    *articles*), in file order."""
    folder = Path(folder)
    text_dir = Path(articles) if articles is not None else folder
    out: list[GoldItem] = []
    for path in sorted(folder.glob("*.gold.json")):
        name = path.name[: -len(".gold.json")]
        text_path = text_dir / f"{name}.txt"
        if not text_path.exists():
            text_path = folder / f"{name}.txt"
        text = text_path.read_text(encoding="utf-8")
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.extend(gold_items_from(text, gold, name))
    return out


@attrs.frozen(kw_only=True)
class Evaluation:
    """Predicted against gold labels: the confusion matrix and per-label and macro F1."""

    labels: tuple[str, ...]
    #: ``confusion[i][j]``: items with gold label ``labels[i]`` predicted ``labels[j]``.
    confusion: tuple[tuple[int, ...], ...]

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.confusion)

    @property
    def accuracy(self) -> float:
        correct = sum(self.confusion[i][i] for i in range(len(self.labels)))
        return correct / self.total if self.total else 0.0

    def f1(self, label: str) -> float:
        """F1 of one label."""
        i = self.labels.index(label)
        tp = self.confusion[i][i]
        predicted = sum(row[i] for row in self.confusion)
        gold = sum(self.confusion[i])
        if tp == 0:
            return 0.0
        precision, recall = tp / predicted, tp / gold
        return 2 * precision * recall / (precision + recall)

    @property
    def macro_f1(self) -> float:
        """The unweighted mean F1 over the labels."""
        return sum(self.f1(label) for label in self.labels) / len(self.labels)

    def table(self) -> str:
        """The confusion matrix as a Markdown table (rows gold, columns predicted)."""
        head = "| gold \\ predicted | " + " | ".join(self.labels) + " | F1 |"
        rule = "|---" * (len(self.labels) + 2) + "|"
        rows = [
            f"| {label} | "
            + " | ".join(str(n) for n in self.confusion[i])
            + f" | {self.f1(label):.3f} |"
            for i, label in enumerate(self.labels)
        ]
        return "\n".join([head, rule, *rows])


def evaluate(labels: Sequence[str], gold: Iterable[str], predicted: Iterable[str]) -> Evaluation:
    """Compare *predicted* with *gold* labels over *labels*."""
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g]][index[p]] += 1
    return Evaluation(labels=tuple(labels), confusion=tuple(tuple(r) for r in matrix))


def predict_label(model: StanceModel, item: StanceInput, target: Target) -> str:
    """The label *model* gives *item*, the neutral one when it abstains."""
    result = model.predict(item, target)
    return target.neutral if result is None else result.label


def cross_validate(
    items: Sequence[GoldItem],
    target: Target,
    build: Callable[[Sequence[GoldItem]], StanceModel],
) -> Evaluation:
    """Leave-one-article-out: for each article, *build* a model on the others and predict it."""
    articles = sorted({g.article for g in items})
    gold: list[str] = []
    predicted: list[str] = []
    for article in articles:
        train = [g for g in items if g.article != article]
        model = build(train)
        for g in items:
            if g.article == article:
                gold.append(g.label)
                predicted.append(predict_label(model, g.item, target))
    return evaluate(target.labels, gold, predicted)
