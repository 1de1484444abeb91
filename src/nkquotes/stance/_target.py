"""Stance targets as data: a name, its labels and a cue lexicon, loadable from JSON.

A target file looks like this (``labels`` lists every label, ``neutral`` is one of them,
``opposites`` says what a negated cue of a label supports)::

    {
      "name": "nk-sanctions",
      "labels": ["pressure", "relief", "none"],
      "neutral": "none",
      "opposites": {"pressure": "relief", "relief": "pressure"},
      "cues": [
        {"phrase": "tighten* ~ sanction*", "label": "pressure", "weight": 2.0},
        {"phrase": "lift*|eas* ~ sanction*", "label": "relief", "weight": 2.0},
        {"phrase": "hostile policy", "label": "relief", "kind": "judgement"}
      ]
    }

A cue *phrase* is a sequence of space-separated tokens matched case-insensitively against
whole words: ``word`` matches that word, ``word*`` any word starting with ``word`` (at
least three letters), ``a|b*`` either alternative, ``~`` a gap of up to four words and
``~~`` a gap of up to eight words, never across ``.;:!?``. Hyphens and apostrophes inside a
word are part of it (``counter-productive``). A cue's optional ``kind`` (``act``,
``judgement`` or ``name``) says how its context reads it (see :class:`LexiconCue`).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from nkquotes._errors import ConfigurationError, SchemaError

#: How context reads a cue (see :class:`LexiconCue`).
CUE_KINDS = ("act", "judgement", "name")

__all__ = ["CUE_KINDS", "LexiconCue", "Target", "builtin_target", "load_target", "target_from_dict"]


@attrs.frozen(kw_only=True)
class LexiconCue:
    """A phrase of the target's lexicon, the label it supports and how strongly.

    *kind* says how context reads it: ``"act"`` (the default) is a policy act that
    negation and opposition reverse (``lift sanctions``, ``stop lifting sanctions``);
    ``"judgement"`` already judges (``hostile policy``, ``counter-productive``), so opposing
    words around it (``accused … of hostility``) do not reverse it, only negation does;
    ``"name"`` names a policy (``maximum pressure``) and counts little when it is only
    quoted as a name (``the wind has gone out of 'maximum pressure'``).
    """

    phrase: str
    label: str
    weight: float = 1.0
    kind: str = "act"


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _cues(value: Iterable[LexiconCue]) -> tuple[LexiconCue, ...]:
    return tuple(value)


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), str(v)) for k, v in value.items()))
    return tuple((str(k), str(v)) for k, v in value)


@attrs.frozen(kw_only=True, cache_hash=True)
class Target:
    """What stance is taken toward: a name, its labels, the neutral label and a cue lexicon.

    Examples:
        >>> t = Target(name="t", labels=("for", "against", "none"),
        ...            cues=(LexiconCue(phrase="support*", label="for"),))
        >>> t.neutral, t.opposite("for")
        ('none', 'none')
    """

    name: str
    labels: tuple[str, ...] = attrs.field(converter=_strings)
    neutral: str = "none"
    cues: tuple[LexiconCue, ...] = attrs.field(default=(), converter=_cues)
    opposites: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)
    description: str = ""

    def __attrs_post_init__(self) -> None:
        if not self.name:
            raise ConfigurationError("a target needs a name")
        if len(set(self.labels)) != len(self.labels) or len(self.labels) < 2:
            raise ConfigurationError(f"target {self.name!r}: labels must be >= 2 distinct names")
        if self.neutral not in self.labels:
            raise ConfigurationError(
                f"target {self.name!r}: neutral label {self.neutral!r} is not in {self.labels}"
            )
        for cue in self.cues:
            if cue.label not in self.labels or cue.label == self.neutral:
                raise ConfigurationError(
                    f"target {self.name!r}: cue {cue.phrase!r} has label {cue.label!r}, "
                    f"which is not a non-neutral label of {self.labels}"
                )
            if cue.kind not in CUE_KINDS:
                raise ConfigurationError(
                    f"target {self.name!r}: cue {cue.phrase!r} has kind {cue.kind!r}, "
                    f"not one of {CUE_KINDS}"
                )
            if not (math.isfinite(cue.weight) and cue.weight > 0):
                raise ConfigurationError(
                    f"target {self.name!r}: cue {cue.phrase!r} needs a positive weight"
                )
        for key, value in self.opposites:
            if key not in self.labels or value not in self.labels:
                raise ConfigurationError(
                    f"target {self.name!r}: opposite {key!r} -> {value!r} uses unknown labels"
                )

    def opposite(self, label: str) -> str:
        """The label a negated cue of *label* supports (the neutral label if none is given)."""
        for key, value in self.opposites:
            if key == label:
                return value
        return self.neutral

    @property
    def polar_labels(self) -> tuple[str, ...]:
        """Every label except the neutral one."""
        return tuple(label for label in self.labels if label != self.neutral)

    def to_dict(self) -> dict[str, Any]:
        """The target as JSON-ready data (the inverse of :func:`target_from_dict`)."""
        return {
            "name": self.name,
            "description": self.description,
            "labels": list(self.labels),
            "neutral": self.neutral,
            "opposites": dict(self.opposites),
            "cues": [
                {"phrase": c.phrase, "label": c.label, "weight": c.weight}
                | ({} if c.kind == "act" else {"kind": c.kind})
                for c in self.cues
            ],
        }


def target_from_dict(data: Mapping[str, Any]) -> Target:
    """Build a :class:`Target` from parsed JSON; raises :class:`SchemaError` if malformed."""
    if not isinstance(data, Mapping):
        raise SchemaError("a target must be a JSON object")
    try:
        labels = data["labels"]
        name = data["name"]
    except KeyError as exc:
        raise SchemaError(f"a target needs {exc.args[0]!r}") from None
    if not isinstance(name, str) or not isinstance(labels, list):
        raise SchemaError("a target's name must be a string and its labels a list")
    raw_cues = data.get("cues", [])
    if not isinstance(raw_cues, list):
        raise SchemaError("a target's cues must be a list")
    cues = []
    for raw in raw_cues:
        if not isinstance(raw, Mapping) or not isinstance(raw.get("phrase"), str):
            raise SchemaError(f"a cue must be an object with a phrase: {raw!r}")
        weight = raw.get("weight", 1.0)
        if not isinstance(weight, (int, float)) or isinstance(weight, bool):
            raise SchemaError(f"cue {raw['phrase']!r}: weight must be a number")
        cues.append(
            LexiconCue(
                phrase=raw["phrase"],
                label=str(raw.get("label")),
                weight=float(weight),
                kind=str(raw.get("kind", "act")),
            )
        )
    opposites = data.get("opposites", {})
    if not isinstance(opposites, Mapping):
        raise SchemaError("a target's opposites must be an object")
    return Target(
        name=name,
        labels=tuple(str(label) for label in labels),
        neutral=str(data.get("neutral", "none")),
        cues=tuple(cues),
        opposites=_pairs(opposites),
        description=str(data.get("description", "")),
    )


def load_target(path: str | Path) -> Target:
    """Load a target from a JSON file (see the module docstring for the format)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigurationError(f"cannot read target file {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise SchemaError(f"target file {path} is not valid JSON: {exc}") from exc
    return target_from_dict(data)


@functools.lru_cache(maxsize=1)
def builtin_target() -> Target:
    """The built-in target: sanctions and pressure on North Korea (``nk-sanctions``).

    Examples:
        >>> builtin_target().labels
        ('pressure', 'relief', 'none')
    """
    raw = resources.files("nkquotes").joinpath("data/targets/nk-sanctions.json").read_text("utf-8")
    return target_from_dict(json.loads(raw))
