"""A trainable stance model in pure Python: naive Bayes over word n-grams and lexicon features.

Features of a quote: its words (lower-cased; bigrams too with ``bigrams=True``), the words of
its sentence outside the quote with ``sentence_words=True`` (``s:said``, ``s:urged``), and what
the target's lexicon finds in context (``cue:pressure``, ``cue:relief:q`` when inside the
quote). Leave-one-article-out on the nk gold preferred words and cues alone. Counts are
binary per quote; smoothing is additive (*alpha*). Training on a few hundred quotes takes
about a second.

The model saves to and loads from a JSON file holding its per-label feature counts; features
seen fewer than *min_count* times in training are dropped, so the file holds common n-grams,
not sentences.
"""

from __future__ import annotations

import itertools
import json
import math
import operator
from collections.abc import Iterable
from functools import reduce
from operator import add
from pathlib import Path
from typing import Any

import attrs

from nkquotes._errors import ModelError
from nkquotes._model import Quote, Span, StanceResult, inner_span, slot_setters
from nkquotes.stance._apply import QUICK, StanceInput
from nkquotes.stance._reading import WORD as _WORD
from nkquotes.stance._reading import Segment, offsets_read, segments_read
from nkquotes.stance._rules import CueMatch, find_cues
from nkquotes.stance._target import Target

__all__ = ["NaiveBayesStanceModel", "stance_features"]

_FORMAT = "nkquotes-stance-naive-bayes"
#: The slot setters of a :class:`StanceResult` (see :func:`nkquotes._model.slot_setters`).
_RESULT_SETTERS = slot_setters(StanceResult, ("target", "label", "score", "evidence"))
_new_object = object.__new__
_call = operator.call
_repeat = itertools.repeat
#: No cue features (shared, never changed).
_NO_CUES: dict[str, tuple[int, int]] = {}


def _features(
    item: StanceInput, target: Target, bigrams: bool, sentence_words: bool
) -> dict[str, tuple[int, int]]:
    """Feature names, each with the offsets of its first occurrence."""
    text = item.text
    features: dict[str, tuple[int, int]] = {}
    previous: tuple[str, int] | None = None
    for segment in item.quote.segments:
        for m in _WORD.finditer(text, segment.start, segment.end):
            word = m.group().lower()
            start, end = m.span()
            features.setdefault(word, (start, end))
            if bigrams and previous is not None:
                features.setdefault(f"{previous[0]} {word}", (previous[1], end))
            previous = (word, start)
    sentence = item.sentence
    if sentence is not None and sentence_words:
        segments = item.quote.segments
        for m in _WORD.finditer(text, sentence.start, sentence.end):
            if not any(seg.start <= m.start() < seg.end for seg in segments):
                features.setdefault(f"s:{m.group().lower()}", m.span())
    for match in find_cues(text, target, item.quote.segments, sentence):
        if match.weight <= 0 or match.label == target.neutral:
            continue
        where = (match.span.start, match.span.end)
        features.setdefault(f"cue:{match.label}", where)
        if match.in_quote:
            features.setdefault(f"cue:{match.label}:q", where)
    return features


def _cue_names(item: StanceInput, target: Target) -> dict[str, tuple[int, int]]:
    """The lexicon features (``cue:relief``, ``cue:relief:q``), each with its first offsets."""
    return _cue_names_of(find_cues(item.text, target, item.quote.segments, item.sentence), target)


def _cue_names_of(matches: tuple[CueMatch, ...], target: Target) -> dict[str, tuple[int, int]]:
    """:func:`_cue_names` from the cues found."""
    names: dict[str, tuple[int, int]] = {}
    for match in matches:
        if match.weight <= 0 or match.label == target.neutral:
            continue
        where = (match.span.start, match.span.end)
        names.setdefault(f"cue:{match.label}", where)
        if match.in_quote:
            names.setdefault(f"cue:{match.label}:q", where)
    return names


def stance_features(
    item: StanceInput, target: Target, *, bigrams: bool = False, sentence_words: bool = False
) -> dict[str, Span]:
    """The features of *item* for *target*, each with the span of its first occurrence.

    Examples:
        >>> from nkquotes.stance import builtin_target
        >>> sorted(stance_features(StanceInput.from_text("Lift sanctions"), builtin_target()))
        ['cue:relief', 'cue:relief:q', 'lift', 'sanctions']
    """
    text = item.text
    return {
        name: Span.of(text, start, end)
        for name, (start, end) in _features(item, target, bigrams, sentence_words).items()
    }


@attrs.frozen(kw_only=True)
class NaiveBayesStanceModel:
    """Multinomial naive Bayes over binary n-gram and lexicon features.

    Build one with :meth:`fit` or :meth:`load`; it predicts for the target it was trained
    on (by name). *min_score* makes it abstain when its best posterior is lower; asked about
    another target it raises :class:`~nkquotes.ModelError`, or abstains with
    *other_targets_abstain*. Use :func:`attrs.evolve` to change either on a loaded model.

    Examples:
        >>> from nkquotes.stance import StanceInput, builtin_target
        >>> target = builtin_target()
        >>> data = [(StanceInput.from_text("lift the sanctions now"), "relief"),
        ...         (StanceInput.from_text("tighten the sanctions now"), "pressure"),
        ...         (StanceInput.from_text("the weather is fine"), "none")]
        >>> model = NaiveBayesStanceModel.fit(data, target)
        >>> model.predict(StanceInput.from_text("they will lift sanctions"), target).label
        'relief'
    """

    target: str
    labels: tuple[str, ...]
    #: feature -> count of training quotes with it, per label (in :attr:`labels` order)
    counts: dict[str, tuple[int, ...]] = attrs.field(eq=False, repr=False)
    #: training quotes per label
    documents: tuple[int, ...]
    alpha: float = 1.0
    min_score: float = 0.0
    bigrams: bool = False
    sentence_words: bool = False
    #: abstain, rather than raise :class:`ModelError`, when asked about another target
    other_targets_abstain: bool = False
    _cache: dict[str, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Log-probabilities of bad numbers fail deep inside predict (or give NaN scores).
        if not (math.isfinite(self.alpha) and self.alpha > 0):
            raise ModelError(f"alpha must be a positive number, not {self.alpha!r}")
        if not (math.isfinite(self.min_score) and 0.0 <= self.min_score <= 1.0):
            raise ModelError(f"min_score must be between 0 and 1, not {self.min_score!r}")
        if any(n < 0 for n in self.documents):
            raise ModelError(f"document counts must not be negative: {self.documents}")
        for feature, row in self.counts.items():
            if any(n < 0 for n in row):
                raise ModelError(f"counts of {feature!r} must not be negative: {row}")

    @classmethod
    def fit(
        cls,
        data: Iterable[tuple[StanceInput, str]],
        target: Target,
        *,
        alpha: float = 1.0,
        min_count: int = 1,
        min_score: float = 0.0,
        bigrams: bool = False,
        sentence_words: bool = False,
    ) -> NaiveBayesStanceModel:
        """Train on ``(item, gold label)`` pairs for *target*."""
        rows = (
            (stance_features(item, target, bigrams=bigrams, sentence_words=sentence_words), label)
            for item, label in data
        )
        return cls.fit_features(
            rows,
            target,
            alpha=alpha,
            min_count=min_count,
            min_score=min_score,
            bigrams=bigrams,
            sentence_words=sentence_words,
        )

    @classmethod
    def fit_features(
        cls,
        rows: Iterable[tuple[Iterable[str], str]],
        target: Target,
        *,
        alpha: float = 1.0,
        min_count: int = 1,
        min_score: float = 0.0,
        bigrams: bool = False,
        sentence_words: bool = False,
    ) -> NaiveBayesStanceModel:
        """Train on ``(features, gold label)`` pairs (features from :func:`stance_features`),
        so cross-validation computes each quote's features once."""
        labels = target.labels
        index = {label: i for i, label in enumerate(labels)}
        counts: dict[str, list[int]] = {}
        documents = [0] * len(labels)
        for features, label in rows:
            if label not in index:
                raise ModelError(f"label {label!r} is not one of {labels}")
            k = index[label]
            documents[k] += 1
            for feature in set(features):
                counts.setdefault(feature, [0] * len(labels))[k] += 1
        if not any(documents):
            raise ModelError("cannot train a stance model on no data")
        kept = {f: tuple(c) for f, c in sorted(counts.items()) if sum(c) >= min_count}
        return cls(
            target=target.name,
            labels=labels,
            counts=kept,
            documents=tuple(documents),
            alpha=alpha,
            min_score=min_score,
            bigrams=bigrams,
            sentence_words=sentence_words,
        )

    def features(self, item: StanceInput, target: Target) -> dict[str, Span]:
        """The features this model reads from *item*."""
        return stance_features(
            item, target, bigrams=self.bigrams, sentence_words=self.sentence_words
        )

    def _tables(self) -> tuple[dict[str, tuple[float, ...]], tuple[float, ...]]:
        if "loglik" not in self._cache:
            n = len(self.labels)
            total = [sum(c[k] for c in self.counts.values()) for k in range(n)]
            vocabulary = len(self.counts) + 1
            denominators = [math.log(total[k] + self.alpha * vocabulary) for k in range(n)]
            loglik = {
                f: tuple(math.log(c[k] + self.alpha) - denominators[k] for k in range(n))
                for f, c in self.counts.items()
            }
            all_docs = sum(self.documents)
            priors = tuple(math.log((d + 1) / (all_docs + n)) for d in self.documents)
            self._cache["loglik"] = loglik
            self._cache["priors"] = priors
        return self._cache["loglik"], self._cache["priors"]

    def probabilities(self, item: StanceInput, target: Target) -> dict[str, float]:
        """The posterior of each label for *item*."""
        return self._posterior(_features(item, target, self.bigrams, self.sentence_words))

    def _posterior(self, features: Iterable[str]) -> dict[str, float]:
        loglik, _priors = self._tables()
        rows = [row for row in map(loglik.get, features) if row is not None]
        return dict(zip(self.labels, self._normalise(rows), strict=True))

    def _normalise(
        self, rows: list[tuple[float, ...]], priors: tuple[float, ...] | None = None
    ) -> list[float]:
        """The posterior of each label from the log-likelihood rows of the features, given in
        feature order (*priors*: those of :meth:`_tables`, when the caller has them)."""
        if priors is None:
            priors = self._tables()[1]
        # Each label's sum runs in feature order from its prior, as a running total would.
        if len(priors) == 3:  # the usual labels, summed without building columns
            s0, s1, s2 = priors
            for r0, r1, r2 in rows:
                s0 += r0
                s1 += r1
                s2 += r2
            scores = [s0, s1, s2]
        elif rows:
            columns = zip(*rows, strict=True)
            scores = [reduce(add, col, prior) for prior, col in zip(priors, columns, strict=True)]
        else:
            scores = list(priors)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        z = sum(exps)
        return [e / z for e in exps]

    def _margins(self, k: int, features: list[str]) -> list[tuple[float, str]]:
        """``(-margin, feature)`` for the *features* that argue for label *k*: how far their
        log-likelihood for it is above the best other label (see :meth:`_margin_row`)."""
        rows: dict[str, tuple[float, ...]] = self._cache.setdefault("margin_rows", {})
        out = []
        for feature in features:
            row = rows.get(feature)
            if row is None:
                row = rows[feature] = self._margin_row(feature)
            if row[k] > 0:
                out.append((-row[k], feature))
        return out

    def _checked(self, target: Target) -> tuple[dict[str, Any], tuple[float, ...]] | None:
        """The log-likelihood table and priors for *target*, or ``None`` to abstain; raises
        :class:`ModelError` for another target unless told to abstain. A target that passed
        is remembered by identity (targets are frozen), so the check runs once."""
        cache = self._cache
        if cache.get("target") is not target:
            if target.name != self.target or tuple(target.labels) != self.labels:
                if self.other_targets_abstain:
                    return None
                raise ModelError(
                    f"this model was trained for target {self.target!r} {self.labels}, "
                    f"not {target.name!r} {target.labels}"
                )
            cache["tables"] = self._tables()
            cache["target"] = target
        tables: tuple[dict[str, Any], tuple[float, ...]] = cache["tables"]
        return tables

    def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
        """The most probable label, with the n-grams that argued most for it as evidence."""
        reads_item = self.bigrams or self.sentence_words
        return self._predict_quote(
            item.text, item.quote, item.sentence, target, item if reads_item else None
        )

    def _predict_quote(
        self,
        text: str,
        quote: Quote,
        sentence: Span | None,
        target: Target,
        item: StanceInput | None = None,
    ) -> StanceResult | None:
        """:meth:`predict` for the :class:`StanceInput` of *text*, *quote* and *sentence*
        (given as *item* when the model reads bigrams or sentence words; a unigram model is
        called so by apply_stance, with no input built)."""
        cache = self._cache
        if cache.get("target") is target:
            loglik, priors = cache["tables"]  # :meth:`_checked` passed this target before
        else:
            tables = self._checked(target)
            if tables is None:
                return None
            loglik, priors = tables
        features: dict[str, tuple[int, int]] | None = None
        cues: dict[str, tuple[int, int]] = _NO_CUES
        read: list[Segment] = []
        if item is not None:
            features = _features(item, target, self.bigrams, self.sentence_words)
            known = list(filter(loglik.__contains__, features))
        else:
            segments = quote.segments
            matches = find_cues(text, target, segments, sentence)
            if matches:
                cues = _cue_names_of(matches, target)
            words: list[str] = []
            read = segments_read(text, segments, words)
            # The known unigrams, in feature order: filtered first, then deduplicated
            # (the same names in the same order, fewer to hash).
            contains = loglik.__contains__
            known = list(dict.fromkeys(filter(contains, words)))
            if cues:
                known += filter(contains, cues)  # "cue:…" names are never words
        if len(priors) == 3:
            # _normalise inlined for the usual three labels: the same operations in the
            # same order (each label's running sum in feature order from its prior).
            s0, s1, s2 = priors
            for r0, r1, r2 in map(loglik.__getitem__, known):
                s0 += r0
                s1 += r1
                s2 += r2
            top = max(s0, s1, s2)
            e0, e1, e2 = math.exp(s0 - top), math.exp(s1 - top), math.exp(s2 - top)
            z = sum((e0, e1, e2))
            p0, p1, p2 = e0 / z, e1 / z, e2 / z
            # The first most probable label.
            if p1 > p0:
                k, score = (2, p2) if p2 > p1 else (1, p1)
            else:
                k, score = (2, p2) if p2 > p0 else (0, p0)
        else:
            probabilities = self._normalise(list(map(loglik.__getitem__, known)), priors)
            k = 0  # the first most probable label
            for j, p in enumerate(probabilities):
                if p > probabilities[k]:
                    k = j
            score = probabilities[k]
        if score < self.min_score:
            return None
        # The three features that argue most for the label (names are unique: a total order).
        shown = self._shown(k, known)
        where = features if features is not None else offsets_read(text, read, cues, shown)
        # (offsets of the text's own words: no bounds to check)
        evidence = tuple(
            [inner_span(text, start, end) for start, end in sorted({where[f] for f in shown})]
        )
        if _RESULT_SETTERS is None:
            return StanceResult(
                target=target.name, label=self.labels[k], score=score, evidence=evidence
            )
        result = _new_object(StanceResult)
        any(
            map(
                _call,
                _RESULT_SETTERS,
                _repeat(result),
                (target.name, self.labels[k], score, evidence),
            )
        )
        return result

    def _shown(self, k: int, features: list[str]) -> list[str]:
        """:meth:`_strongest`, read from the per-label margin tables (see
        :meth:`_margin_tables`): one lookup per feature, no row built."""
        tables: list[dict[str, float]] | None = self._cache.get("margin_tables")
        if tables is None:
            if len(self.labels) < 2:
                return self._strongest(k, features)  # no other label to be above
            tables = self._margin_tables()
        margins = tables[k]
        get = margins.get
        ranked = sorted([(m, f) for f in features if (m := get(f)) is not None])
        if len(ranked) > 3:
            del ranked[3:]
        return [feature for _m, feature in ranked]

    def _margin_tables(self) -> list[dict[str, float]]:
        """For each label, ``feature -> -margin`` for the features of the vocabulary whose
        :meth:`_margin_row` is positive for it (made once, like the log-likelihood table)."""
        tables: list[dict[str, float]] = [{} for _ in self.labels]
        for feature in self._tables()[0]:
            for k, margin in enumerate(self._margin_row(feature)):
                if margin > 0:
                    tables[k][feature] = -margin
        self._cache["margin_tables"] = tables
        return tables

    def _strongest(self, k: int, features: list[str]) -> list[str]:
        """The (at most three) *features* that argue most for label *k*: largest margin
        first, then by name (what sorting :meth:`_margins` gives)."""
        rows: dict[str, tuple[float, ...]] | None = self._cache.get("margin_rows")
        if rows is None:
            rows = self._cache["margin_rows"] = {}
        ranked = []
        for feature in features:
            row = rows.get(feature)
            if row is None:
                row = rows[feature] = self._margin_row(feature)
            margin = row[k]
            if margin > 0:
                ranked.append((-margin, feature))
        ranked.sort()
        return [feature for _m, feature in ranked[:3]]

    def _margin_row(self, feature: str) -> tuple[float, ...]:
        """For each label, how far *feature*'s log-likelihood for it is above the best other
        label's (computed when a feature is first met: a model used for a few quotes does
        not pay for its whole vocabulary)."""
        row = self._tables()[0][feature]
        return tuple(row[k] - max(v for j, v in enumerate(row) if j != k) for k in range(len(row)))

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data."""
        return {
            "format": _FORMAT,
            "version": 1,
            "target": self.target,
            "labels": list(self.labels),
            "alpha": self.alpha,
            "min_score": self.min_score,
            "bigrams": self.bigrams,
            "sentence_words": self.sentence_words,
            "documents": list(self.documents),
            "counts": {f: list(c) for f, c in self.counts.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NaiveBayesStanceModel:
        """The inverse of :meth:`to_dict`; raises :class:`ModelError` if malformed."""
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise ModelError(f"not a {_FORMAT} model")
        try:
            labels = tuple(str(x) for x in data["labels"])
            counts = {str(f): tuple(int(x) for x in c) for f, c in data["counts"].items()}
            model = cls(
                target=str(data["target"]),
                labels=labels,
                counts=counts,
                documents=tuple(int(x) for x in data["documents"]),
                alpha=float(data.get("alpha", 1.0)),
                min_score=float(data.get("min_score", 0.0)),
                bigrams=bool(data.get("bigrams", False)),
                sentence_words=bool(data.get("sentence_words", False)),
            )
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            raise ModelError(f"malformed {_FORMAT} model: {exc}") from exc
        if len(model.documents) != len(labels) or any(
            len(c) != len(labels) for c in counts.values()
        ):
            raise ModelError("model counts do not match its labels")
        return model

    def save(self, path: str | Path) -> None:
        """Write the model to a JSON file."""
        Path(path).write_text(
            json.dumps(self.to_dict(), separators=(",", ":"), sort_keys=True) + "\n",
            encoding="utf-8",
        )

    @classmethod
    def load(cls, path: str | Path) -> NaiveBayesStanceModel:
        """Read a model written by :meth:`save`."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ModelError(f"cannot load stance model {path}: {exc}") from exc
        return cls.from_dict(data)


#: The quick entry (see :data:`nkquotes.stance._apply.QUICK`), for unigram models.
QUICK[NaiveBayesStanceModel] = lambda model: (
    None if model.bigrams or model.sentence_words else model._predict_quote
)
