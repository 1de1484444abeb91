"""The evaluation report of a dataset: figures by kind, stance, dates, structure, speed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs

from nkquotes.evaluation._scoring import (
    STRUCTURE_FIELDS,
    ArticleResult,
    date_pairs,
    stance_pairs,
)

__all__ = ["DatasetReport", "KindScores", "StanceScores", "StructureScores", "summarise"]

#: Gold kinds, in report order; other kinds found in gold follow them.
KINDS = ("direct", "mixed", "indirect")
#: Stance labels, in report order; other labels found follow them.
STANCE_LABELS = ("pressure", "relief", "none")
_PREVIEW = 90


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def _pct(value: float | None) -> str:
    return "    -" if value is None else f"{100 * value:5.1f}%"


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@attrs.frozen(kw_only=True)
class KindScores:
    """Counts for the gold quotes of one kind (or ``all``)."""

    kind: str
    gold: int = 0
    recalled: int = 0
    speaker_judged: int = 0
    speaker_correct: int = 0
    end_to_end: int = 0
    merged: int = 0

    @property
    def recall(self) -> float | None:
        """Recalled gold contents / gold contents."""
        return _ratio(self.recalled, self.gold)

    @property
    def speaker_accuracy(self) -> float | None:
        """Right speakers / recalled gold contents that have a speaker."""
        return _ratio(self.speaker_correct, self.speaker_judged)

    @property
    def end_to_end_rate(self) -> float | None:
        """Gold contents recalled with the right speaker (when they have one) / gold."""
        return _ratio(self.end_to_end, self.gold)


@attrs.frozen(kw_only=True)
class StanceScores:
    """Stance of recalled gold quotes: a confusion matrix, rows gold and columns predicted."""

    labels: tuple[str, ...]
    matrix: tuple[tuple[int, ...], ...]

    @property
    def total(self) -> int:
        """How many quotes were compared."""
        return sum(map(sum, self.matrix))

    @property
    def accuracy(self) -> float | None:
        """Share of compared quotes with the gold label."""
        return _ratio(sum(self.matrix[i][i] for i in range(len(self.labels))), self.total)

    @property
    def macro_f1(self) -> float | None:
        """Mean F1 over the labels present in gold or predictions."""
        scores = []
        for i in range(len(self.labels)):
            gold = sum(self.matrix[i])
            predicted = sum(row[i] for row in self.matrix)
            if not gold and not predicted:
                continue
            hit = self.matrix[i][i]
            scores.append(2 * hit / (gold + predicted))
        return sum(scores) / len(scores) if scores else None


@attrs.frozen(kw_only=True)
class StructureScores:
    """Structure over the articles that annotate it: fields right, caption and boilerplate
    characters (``(gold, predicted, both)`` non-space character counts)."""

    articles: int
    correct: tuple[tuple[str, int], ...]
    captions: tuple[int, int, int]
    boilerplate: tuple[int, int, int]

    def accuracy(self, field: str) -> float | None:
        """Share of articles whose *field* is right."""
        return _ratio(dict(self.correct)[field], self.articles)

    @staticmethod
    def precision_recall(counts: tuple[int, int, int]) -> tuple[float | None, float | None]:
        """Character precision and recall from ``(gold, predicted, both)``."""
        gold, predicted, both = counts
        return _ratio(both, predicted), _ratio(both, gold)


def _sum3(values: Sequence[tuple[int, int, int]]) -> tuple[int, int, int]:
    return (sum(v[0] for v in values), sum(v[1] for v in values), sum(v[2] for v in values))


@attrs.frozen(kw_only=True)
class DatasetReport:
    """The evaluation of one dataset; :meth:`format` prints it, :meth:`to_dict` serialises it."""

    name: str
    articles: tuple[ArticleResult, ...] = attrs.field(repr=False)
    kinds: tuple[KindScores, ...]
    predicted: int
    strict_hits: int
    lenient_hits: int
    stance: StanceScores
    dates_judged: int
    dates_correct: int
    structure: StructureScores | None
    characters: int
    seconds: float
    speech_kinds: tuple[KindScores, ...] = ()

    @property
    def overall(self) -> KindScores:
        """The scores over every kind."""
        return next(k for k in self.kinds if k.kind == "all")

    def kind(self, kind: str) -> KindScores:
        """The scores of *kind* (empty scores when the dataset has none of it)."""
        return next((k for k in self.kinds if k.kind == kind), KindScores(kind=kind))

    @property
    def precision_strict(self) -> float | None:
        """Predictions assigned to a recalled gold / all predictions."""
        return _ratio(self.strict_hits, self.predicted)

    @property
    def precision_lenient(self) -> float | None:
        """Predictions assigned to any gold / all predictions."""
        return _ratio(self.lenient_hits, self.predicted)

    @property
    def date_accuracy(self) -> float | None:
        """Right dates / recalled gold quotes that have a gold date."""
        return _ratio(self.dates_correct, self.dates_judged)

    def metrics(self) -> dict[str, float]:
        """Flat named figures (the quality floors' keys); undefined figures are left out."""
        out: dict[str, float | None] = {}
        for k in self.kinds:
            out[f"recall.{k.kind}"] = k.recall
            out[f"speaker.{k.kind}"] = k.speaker_accuracy
            out[f"end_to_end.{k.kind}"] = k.end_to_end_rate
        for k in self.speech_kinds:
            out[f"speech.recall.{k.kind}"] = k.recall
        out["precision.strict"] = self.precision_strict
        out["precision.lenient"] = self.precision_lenient
        out["stance.macro_f1"] = self.stance.macro_f1
        out["stance.accuracy"] = self.stance.accuracy
        out["dates.accuracy"] = self.date_accuracy
        if self.structure is not None:
            for field in STRUCTURE_FIELDS:
                out[f"structure.{field}"] = self.structure.accuracy(field)
            for part in ("captions", "boilerplate"):
                p, r = StructureScores.precision_recall(getattr(self.structure, part))
                out[f"structure.{part}.precision"] = p
                out[f"structure.{part}.recall"] = r
        return {k: round(v, 4) for k, v in sorted(out.items()) if v is not None}

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """A JSON-ready record of the report (with per-article errors when *errors*)."""
        record: dict[str, Any] = {
            "dataset": self.name,
            "articles": len(self.articles),
            "metrics": self.metrics(),
            "counts": {
                "kinds": [attrs.asdict(k) for k in self.kinds],
                "speech_kinds": [attrs.asdict(k) for k in self.speech_kinds],
                "predicted": self.predicted,
                "strict_hits": self.strict_hits,
                "lenient_hits": self.lenient_hits,
                "dates_judged": self.dates_judged,
                "dates_correct": self.dates_correct,
            },
            "stance": {
                "labels": list(self.stance.labels),
                "confusion": [list(row) for row in self.stance.matrix],
            },
            "throughput": {
                "seconds": round(self.seconds, 3),
                "characters": self.characters,
                "articles_per_second": _round(_ratio(len(self.articles), self.seconds)),
                "characters_per_second": _round(_ratio(self.characters, self.seconds)),
            },
        }
        if errors:
            record["errors"] = [_article_errors(a) for a in self.articles]
        return record

    def format(self, *, errors: bool = False) -> str:
        """The report as text (with per-article errors when *errors*)."""
        lines = [
            f"nkquotes evaluation: {self.name}",
            f"{len(self.articles)} articles, {self.overall.gold} gold quotes, "
            f"{self.predicted} predictions",
            "",
            *_kind_table(self.kinds),
        ]
        if self.speech_kinds:
            lines += [
                "",
                "gold with a cue of speaking or writing only (beliefs, intentions and findings "
                "left out):",
                *_kind_table(self.speech_kinds),
            ]
        lines += [
            "",
            f"precision  strict {_pct(self.precision_strict).strip()} "
            f"({self.strict_hits}/{self.predicted}), "
            f"lenient {_pct(self.precision_lenient).strip()} "
            f"({self.lenient_hits}/{self.predicted})",
        ]
        lines += self._format_stance()
        lines.append(
            f"dates      {_pct(self.date_accuracy).strip()} "
            f"({self.dates_correct}/{self.dates_judged} recalled quotes with a gold date)"
        )
        lines += self._format_structure()
        rate = _ratio(len(self.articles), self.seconds)
        chars = _ratio(self.characters, self.seconds)
        speed = (
            f": {rate:.1f} articles/s, {chars / 1000:.0f}k characters/s" if rate and chars else ""
        )
        lines += [
            "",
            f"throughput {len(self.articles)} articles, {self.characters:,} characters "
            f"in {self.seconds:.2f} s{speed}",
        ]
        if errors:
            lines += ["", "errors by article"]
            for article in self.articles:
                lines += _format_errors(article)
        return "\n".join(lines) + "\n"

    def _format_stance(self) -> list[str]:
        s = self.stance
        if not s.total:
            return ["stance     - (no recalled quote with a gold stance)"]
        lines = [
            f"stance     macro-F1 {s.macro_f1 or 0:.3f}, accuracy {_pct(s.accuracy).strip()} "
            f"({s.total} recalled quotes); rows gold, columns predicted",
            "  " + " " * 10 + "".join(f"{label:>10}" for label in s.labels),
        ]
        for label, row in zip(s.labels, s.matrix, strict=True):
            lines.append(f"  {label:<10}" + "".join(f"{n:>10}" for n in row))
        return lines

    def _format_structure(self) -> list[str]:
        st = self.structure
        if st is None:
            return []
        fields = ", ".join(f"{f} {_pct(st.accuracy(f)).strip()}" for f in STRUCTURE_FIELDS)
        parts = []
        for part in ("captions", "boilerplate"):
            p, r = StructureScores.precision_recall(getattr(st, part))
            parts.append(f"{part} P {_pct(p).strip()} R {_pct(r).strip()}")
        return [f"structure  {st.articles} articles: {fields}", "           " + "; ".join(parts)]


def _kind_table(kinds: Sequence[KindScores]) -> list[str]:
    lines = [
        f"{'kind':<10}{'gold':>6}{'recalled':>10}{'recall':>8}"
        f"{'speaker':>10}{'end-to-end':>12}{'merged':>8}"
    ]
    for k in kinds:
        lines.append(
            f"{k.kind:<10}{k.gold:>6}{k.recalled:>10}{_pct(k.recall):>8}"
            f"{_pct(k.speaker_accuracy):>10}{_pct(k.end_to_end_rate):>12}{k.merged:>8}"
        )
    return lines


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _preview(text: str, segments: Sequence[tuple[int, int]]) -> str:
    joined = " | ".join(text[s:e] for s, e in segments).replace("\n", " ")
    return joined if len(joined) <= _PREVIEW else joined[: _PREVIEW - 1] + "…"


def _article_errors(result: ArticleResult) -> dict[str, Any]:
    match, text = result.match, result.text
    missed = [
        {
            "kind": g.kind,
            "content": _preview(text, g.segments),
            "speaker": g.speaker,
            "covered": round(match.coverage[i], 3),
        }
        for i, g in enumerate(match.gold)
        if not match.recalled[i]
    ]
    false_positives = [
        {"content": _preview(text, p.segments), "speaker": p.speaker}
        for p, g in zip(match.predicted, match.assigned, strict=True)
        if g is None
    ]
    speakers = []
    for i, g in enumerate(match.gold):
        head = match.first[i]
        if match.speaker_correct[i] is False and head is not None:
            p = match.predicted[head]
            mention = text[p.mention[0] : p.mention[1]] if p.mention else None
            gold_speaker = g.speaker or " / ".join(text[s:e] for s, e in g.sources)
            speakers.append(
                {
                    "content": _preview(text, g.segments),
                    "gold": gold_speaker,
                    "predicted": p.speaker,
                    "mention": mention,
                }
            )
    structure = []
    if result.structure is not None:
        for name, gold, predicted in result.structure.fields:
            if not result.structure.correct(name):
                structure.append({"field": name, "gold": gold, "predicted": predicted})
    return {
        "article": result.id,
        "missed": missed,
        "false_positives": false_positives,
        "wrong_speakers": speakers,
        "structure": structure,
    }


def _format_errors(result: ArticleResult) -> list[str]:
    errors = _article_errors(result)
    if not any(errors[k] for k in ("missed", "false_positives", "wrong_speakers", "structure")):
        return []
    lines = [f"== {result.id}"]
    lines += [
        f"  missed {e['kind']}"
        + (f" ({100 * e['covered']:.0f}% covered)" if e["covered"] else "")
        + f": {e['content']}"
        for e in errors["missed"]
    ]
    lines += [f"  false positive: {e['content']}" for e in errors["false_positives"]]
    lines += [
        f"  speaker {e['predicted']!r} (mention {e['mention']!r}), gold {e['gold']!r}: "
        f"{e['content']}"
        for e in errors["wrong_speakers"]
    ]
    lines += [
        f"  {e['field']}: {e['predicted']!r}, gold {e['gold']!r}" for e in errors["structure"]
    ]
    return lines


def _kind_scores(
    results: Sequence[ArticleResult], *, speech_only: bool = False
) -> tuple[KindScores, ...]:
    counts: dict[str, Counter[str]] = {}
    for result in results:
        match = result.match
        for i, gold in enumerate(match.gold):
            if speech_only and gold.speech is False:
                continue
            for kind in (gold.kind, "all"):
                c = counts.setdefault(kind, Counter())
                c["gold"] += 1
                c["recalled"] += match.recalled[i]
                c["speaker_judged"] += match.speaker_correct[i] is not None
                c["speaker_correct"] += match.speaker_correct[i] is True
                c["end_to_end"] += match.end_to_end(i)
                c["merged"] += bool(match.merged) and match.merged[i]
    order = [*KINDS, *sorted(set(counts) - {*KINDS, "all"}), "all"]
    return tuple(KindScores(kind=k, **counts.get(k, Counter())) for k in order)


def _stance(results: Sequence[ArticleResult]) -> StanceScores:
    pairs = [pair for result in results for pair in stance_pairs(result)]
    seen = {label for pair in pairs for label in pair}
    labels = (*STANCE_LABELS, *sorted(seen - set(STANCE_LABELS)))
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for gold, predicted in pairs:
        matrix[index[gold]][index[predicted]] += 1
    return StanceScores(labels=labels, matrix=tuple(tuple(row) for row in matrix))


def _structure(results: Sequence[ArticleResult]) -> StructureScores | None:
    annotated = [r.structure for r in results if r.structure is not None]
    if not annotated:
        return None
    return StructureScores(
        articles=len(annotated),
        correct=tuple((f, sum(s.correct(f) for s in annotated)) for f in STRUCTURE_FIELDS),
        captions=_sum3([s.captions for s in annotated]),
        boilerplate=_sum3([s.boilerplate for s in annotated]),
    )


def summarise(name: str, results: Sequence[ArticleResult]) -> DatasetReport:
    """The report of the scored articles *results* of dataset *name*."""
    dates = [pair for result in results for pair in date_pairs(result)]
    # The speech-only table is shown only when some gold is a belief or a finding.
    excluded = any(g.speech is False for r in results for g in r.match.gold)
    return DatasetReport(
        name=name,
        articles=tuple(results),
        kinds=_kind_scores(results),
        predicted=sum(len(r.match.predicted) for r in results),
        strict_hits=sum(r.match.strict_hits for r in results),
        lenient_hits=sum(r.match.lenient_hits for r in results),
        stance=_stance(results),
        dates_judged=len(dates),
        dates_correct=sum(gold == predicted for gold, predicted in dates),
        structure=_structure(results),
        characters=sum(len(r.text) for r in results),
        seconds=sum(r.seconds for r in results),
        speech_kinds=_kind_scores(results, speech_only=True) if excluded else (),
    )
