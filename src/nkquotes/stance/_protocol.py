"""The stance model protocol: anything with ``predict(item, target)`` is a stance model."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from nkquotes._model import StanceResult
    from nkquotes.stance._apply import StanceInput
    from nkquotes.stance._target import Target

__all__ = ["StanceModel"]


@runtime_checkable
class StanceModel(Protocol):
    """Anything that labels a quote's stance toward a target.

    ``predict`` returns a :class:`~nkquotes.StanceResult` (label, score in ``[0, 1]`` and the
    evidence spans that decided it, all offsets into ``item.text``), or ``None`` to abstain,
    which lets a :class:`~nkquotes.stance.Chain` ask the next model; the pipeline turns a
    final abstention into the target's neutral label.
    """

    def predict(self, item: StanceInput, target: Target) -> StanceResult | None: ...
