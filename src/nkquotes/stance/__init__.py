"""Stance of quotes toward a target: targets as data, rule, learned and composed models.

The pipeline uses :class:`Target`, :class:`StanceInput`, the :class:`StanceModel` protocol,
:func:`builtin_target`, :func:`default_model` and :func:`apply_stance`. Any object with a
``predict(item, target) -> StanceResult | None`` method is a stance model (``None`` means
abstain).

>>> from nkquotes.stance import builtin_target, stance_of
>>> stance_of("The sanctions should be eased.", target=builtin_target()).label
'relief'
"""

from __future__ import annotations

from nkquotes.stance._apply import StanceInput, apply_stance, sentence_of, stance_of
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
    "CueMatch",
    "LexiconCue",
    "RuleStanceModel",
    "StanceInput",
    "StanceModel",
    "Target",
    "apply_stance",
    "builtin_target",
    "default_model",
    "find_cues",
    "load_target",
    "sentence_of",
    "stance_of",
    "target_from_dict",
]


def default_model() -> StanceModel:
    """The default stance model."""
    return RuleStanceModel()
