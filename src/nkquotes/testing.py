"""Helpers for testing code that uses nkquotes: a fake stance model that records its calls.

>>> from nkquotes.stance import StanceInput, builtin_target
>>> fake = FakeStanceModel("pressure")
>>> fake.predict(StanceInput.from_text("anything"), builtin_target()).label
'pressure'
>>> len(fake.calls)
1
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from nkquotes._errors import ConfigurationError
from nkquotes._model import StanceResult
from nkquotes.stance import StanceInput, Target

__all__ = ["FakeStanceModel"]


@attrs.define
class FakeStanceModel:
    """A stance model for tests: a fixed label, or labels looked up per quote.

    *label* is one label for every quote, or a mapping from a quote's id or its text
    (:attr:`nkquotes.Quote.text`) to a label; a quote the mapping does not name, or
    ``label=None``, gets an abstention (``None``), which the pipeline turns into the neutral
    label. Every call is appended to :attr:`calls` as ``(item, target)``. The evidence is
    the quote's first segment.
    """

    label: str | Mapping[str, str] | None = None
    score: float = 1.0
    calls: list[tuple[StanceInput, Target]] = attrs.field(factory=list)

    def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
        """The configured label for *item* (recorded in :attr:`calls`), or ``None``."""
        self.calls.append((item, target))
        if self.label is None:
            return None
        if isinstance(self.label, str):
            label: str | None = self.label
        else:
            label = self.label.get(item.quote.id, self.label.get(item.quote.text))
        if label is None:
            return None
        if label not in target.labels:
            raise ConfigurationError(f"{label!r} is not a label of target {target.name!r}")
        return StanceResult(
            target=target.name,
            label=label,
            score=self.score,
            evidence=(item.quote.segments[0],),
        )

    def reset(self) -> None:
        """Forget the recorded calls."""
        self.calls.clear()
