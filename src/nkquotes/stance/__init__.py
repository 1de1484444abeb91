"""Stance of quotes toward a target: targets as data, rule, learned and composed models.

The pipeline uses :class:`Target`, :class:`StanceInput`, the :class:`StanceModel` protocol,
:func:`builtin_target`, :func:`default_model` and :func:`apply_stance`. Any object with a
``predict(item, target) -> StanceResult | None`` method is a stance model (``None`` means
abstain).

Examples:
    >>> from nkquotes.stance import builtin_target, stance_of
    >>> stance_of("The sanctions should be eased.", target=builtin_target()).label
    'relief'
"""

from __future__ import annotations

import functools
from importlib import resources

import attrs

from nkquotes.stance._apply import StanceInput, apply_stance, sentence_of, stance_of
from nkquotes.stance._compose import Chain, Constant, Vote
from nkquotes.stance._evaluate import (
    Evaluation,
    GoldItem,
    cross_validate,
    evaluate,
    load_gold_items,
)
from nkquotes.stance._learned import NaiveBayesStanceModel, stance_features
from nkquotes.stance._protocol import StanceModel
from nkquotes.stance._rules import CueMatch, RuleStanceModel, find_cues
from nkquotes.stance._target import (
    LexiconCue,
    Target,
    builtin_target,
    load_target,
    target_from_dict,
)

__all__ = [
    "Chain",
    "Constant",
    "CueMatch",
    "Evaluation",
    "GoldItem",
    "LexiconCue",
    "NaiveBayesStanceModel",
    "RuleStanceModel",
    "StanceInput",
    "StanceModel",
    "Target",
    "Vote",
    "apply_stance",
    "builtin_learned_model",
    "builtin_target",
    "cross_validate",
    "default_model",
    "evaluate",
    "find_cues",
    "load_gold_items",
    "load_target",
    "sentence_of",
    "stance_features",
    "stance_of",
    "target_from_dict",
]

#: The shipped naive Bayes model for the built-in target (retrain: benchmarks/train_stance.py).
BUILTIN_MODEL_FILE = "data/models/nk-sanctions-nb.json"


@functools.lru_cache(maxsize=1)
def builtin_learned_model() -> NaiveBayesStanceModel:
    """The shipped naive Bayes model for ``nk-sanctions`` (loaded once, on first use).

    It abstains below its stored ``min_score`` and on any other target.
    """
    with resources.as_file(resources.files("nkquotes").joinpath(BUILTIN_MODEL_FILE)) as path:
        model = NaiveBayesStanceModel.load(path)
    return attrs.evolve(model, other_targets_abstain=True)


@functools.lru_cache(maxsize=1)
def default_model() -> StanceModel:
    """The default stance model: the rules first, the shipped naive Bayes model where they
    abstain (only when it is confident, and only for the built-in target).

    Examples:
        >>> from nkquotes.stance import StanceInput, builtin_target
        >>> default_model().predict(StanceInput.from_text("Ease the sanctions."),
        ...                         builtin_target()).label
        'relief'
    """
    return Chain([RuleStanceModel(), builtin_learned_model()])
