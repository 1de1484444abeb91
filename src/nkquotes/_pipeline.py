"""Composing the stages into a pipeline.

A :class:`Stage` is a plain callable ``(Document) -> Document`` with a *name* and the
capabilities it *requires* and *provides*. A :class:`Pipeline` checks, when it is built,
that every stage's requirements are provided by an earlier stage (``"text"`` is always
available), so a wrongly ordered or incomplete pipeline fails before it sees any text.

The built-in stages and what they declare:

========== ===================== ===========================
stage      requires              provides
========== ===================== ===========================
structure  text                  article
quotes     article               quotes, problems
speakers   article, quotes       speakers, entities
dates      article, quotes       dates, published
stance     quotes                stance
========== ===================== ===========================
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from nkquotes._errors import ConfigurationError, InputError
from nkquotes._model import Article, Document

if TYPE_CHECKING:
    from nkquotes._quotes import QuoteOptions
    from nkquotes._structure import StructureOptions
    from nkquotes.stance import StanceModel, Target

__all__ = ["Pipeline", "Stage", "coerce_published", "extract"]

#: The capability every pipeline starts with.
TEXT = "text"

StageFunc = Callable[[Document], Document]


def _names(value: Iterable[str] | str) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset({value})
    return frozenset(value)


@attrs.frozen
class Stage:
    """One step of a :class:`Pipeline`: a callable with declared inputs and outputs.

    Examples:
        >>> from nkquotes import Document
        >>> shout = Stage("shout", lambda doc: doc, requires=["text"], provides=["loud"])
        >>> shout.name, sorted(shout.provides)
        ('shout', ['loud'])
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    func: StageFunc = attrs.field(validator=attrs.validators.is_callable())
    requires: frozenset[str] = attrs.field(default=frozenset(), converter=_names)
    provides: frozenset[str] = attrs.field(default=frozenset(), converter=_names)

    def __call__(self, document: Document) -> Document:
        return self.func(document)


def coerce_published(value: object, *, what: str = "published") -> dt.date | None:
    """A publication date from ``None``, a :class:`datetime.date` or an ISO ``YYYY-MM-DD`` string.

    Raises :class:`InputError` for anything else.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(f"invalid {what} date {value!r} (expected YYYY-MM-DD)") from None
    raise InputError(
        f"invalid {what} date of type {type(value).__name__} (expected a date or YYYY-MM-DD)"
    )


def _article(document: Document, stage: str) -> Article:
    if document.article is None:
        raise ConfigurationError(f"stage {stage!r} needs an article, but the document has none")
    return document.article


# The built-in steps are module-level classes (not closures) so a pipeline can be pickled
# and sent to worker processes.


@attrs.frozen
class _StructureStep:
    options: StructureOptions | None = None

    def __call__(self, document: Document) -> Document:
        from nkquotes._structure import parse_article

        article = parse_article(document.text, options=self.options)
        return attrs.evolve(document, article=article)


@attrs.frozen
class _QuotesStep:
    options: QuoteOptions | None = None

    def __call__(self, document: Document) -> Document:
        from nkquotes._quotes import find_quotes

        finding = find_quotes(document.text, _article(document, "quotes"), options=self.options)
        return attrs.evolve(
            document, quotes=finding.quotes, problems=document.problems + finding.problems
        )


@attrs.frozen
class _SpeakersStep:
    def __call__(self, document: Document) -> Document:
        from nkquotes._speakers import resolve_speakers

        resolution = resolve_speakers(
            document.text, _article(document, "speakers"), document.quotes
        )
        return attrs.evolve(document, quotes=resolution.quotes, entities=resolution.entities)


@attrs.frozen
class _DatesStep:
    default_to_published: bool = False

    def __call__(self, document: Document) -> Document:
        from nkquotes._dates import resolve_dates

        resolution = resolve_dates(
            document.text,
            _article(document, "dates"),
            document.quotes,
            published=document.published,
            default_to_published=self.default_to_published,
        )
        return attrs.evolve(document, quotes=resolution.quotes, published=resolution.published)


@attrs.frozen
class _StanceStep:
    model: StanceModel | None = None
    target: Target | None = None

    def __call__(self, document: Document) -> Document:
        from nkquotes.stance import apply_stance, builtin_target

        quotes = apply_stance(
            document.text,
            document.quotes,
            model=self.model if self.model is not None else _cached_default_model(),
            target=self.target if self.target is not None else builtin_target(),
            article=document.article,
        )
        return attrs.evolve(document, quotes=quotes)


@functools.lru_cache(maxsize=1)
def _cached_default_model() -> StanceModel:
    from nkquotes.stance import default_model

    return default_model()


def _check(stages: tuple[Stage, ...]) -> None:
    available = {TEXT}
    seen: set[str] = set()
    for stage in stages:
        if not isinstance(stage, Stage):
            raise ConfigurationError(
                f"pipeline stages must be Stage objects, not {type(stage).__name__}"
            )
        if stage.name in seen:
            raise ConfigurationError(f"pipeline has two stages named {stage.name!r}")
        seen.add(stage.name)
        missing = sorted(stage.requires - available)
        if missing:
            raise ConfigurationError(
                f"stage {stage.name!r} requires {', '.join(map(repr, missing))}, "
                "which no earlier stage provides"
            )
        available |= stage.provides


@attrs.frozen(init=False)
class Pipeline:
    """An ordered, validated sequence of stages; build it once, call it on many articles.

    Examples:
        >>> pipeline = Pipeline.default().without("stance")
        >>> pipeline.names
        ('structure', 'quotes', 'speakers', 'dates')
        >>> document = pipeline("Headline\\n\\nBody text.", published="2019-04-11")
        >>> document.published
        datetime.date(2019, 4, 11)
    """

    stages: tuple[Stage, ...]

    def __init__(self, stages: Iterable[Stage]) -> None:
        built = tuple(stages)
        _check(built)
        self.__attrs_init__(built)

    @classmethod
    def default(
        cls,
        *,
        target: Target | None = None,
        stance_model: StanceModel | None = None,
        default_to_published: bool = False,
        structure_options: StructureOptions | None = None,
        quote_options: QuoteOptions | None = None,
    ) -> Pipeline:
        """The built-in pipeline: structure, quotes, speakers, dates and stance."""
        return cls(
            [
                Stage("structure", _StructureStep(structure_options), [TEXT], ["article"]),
                Stage("quotes", _QuotesStep(quote_options), ["article"], ["quotes", "problems"]),
                Stage("speakers", _SpeakersStep(), ["article", "quotes"], ["speakers", "entities"]),
                Stage(
                    "dates",
                    _DatesStep(default_to_published),
                    ["article", "quotes"],
                    ["dates", "published"],
                ),
                Stage("stance", _StanceStep(stance_model, target), ["quotes"], ["stance"]),
            ]
        )

    @property
    def names(self) -> tuple[str, ...]:
        """The stage names, in order."""
        return tuple(stage.name for stage in self.stages)

    @property
    def provides(self) -> frozenset[str]:
        """Every capability the pipeline provides (``"text"`` included)."""
        return frozenset({TEXT}).union(*(stage.provides for stage in self.stages))

    def __iter__(self) -> Iterator[Stage]:
        return iter(self.stages)

    def __len__(self) -> int:
        return len(self.stages)

    def stage(self, name: str) -> Stage:
        """The stage called *name*; :class:`ConfigurationError` if there is none."""
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise ConfigurationError(f"pipeline has no stage named {name!r} (it has {self._listing()})")

    def _listing(self) -> str:
        return ", ".join(self.names) or "no stages"

    def replace(self, name: str, stage: Stage | StageFunc) -> Pipeline:
        """A new pipeline with stage *name* replaced.

        *stage* is a :class:`Stage`, or a plain callable that takes over the replaced
        stage's name, requirements and capabilities.
        """
        old = self.stage(name)
        if not isinstance(stage, Stage):
            if not callable(stage):
                raise ConfigurationError(
                    f"replacement for stage {name!r} must be a Stage or a callable"
                )
            stage = Stage(old.name, stage, old.requires, old.provides)
        return Pipeline(stage if s.name == name else s for s in self.stages)

    def without(self, name: str) -> Pipeline:
        """A new pipeline without stage *name* (checked again: dependants make it fail)."""
        self.stage(name)
        return Pipeline(s for s in self.stages if s.name != name)

    def insert_after(self, name: str, stage: Stage) -> Pipeline:
        """A new pipeline with *stage* inserted right after stage *name*."""
        self.stage(name)
        out: list[Stage] = []
        for s in self.stages:
            out.append(s)
            if s.name == name:
                out.append(stage)
        return Pipeline(out)

    def append(self, stage: Stage) -> Pipeline:
        """A new pipeline with *stage* added at the end."""
        return Pipeline((*self.stages, stage))

    def __call__(
        self, text: str, *, published: dt.date | str | None = None, id: str | None = None
    ) -> Document:
        """Run every stage on *text*; *published* is a date or ``YYYY-MM-DD`` string."""
        if not isinstance(text, str):
            raise InputError(f"text must be str, not {type(text).__name__}")
        document = Document(text=text, published=coerce_published(published), id=id)
        for stage in self.stages:
            result: Any = stage(document)
            if not isinstance(result, Document):
                raise ConfigurationError(
                    f"stage {stage.name!r} returned {type(result).__name__}, not a Document"
                )
            if result.text != text:
                raise ConfigurationError(f"stage {stage.name!r} changed the document text")
            document = result
        return document


@functools.lru_cache(maxsize=8)
def _default_pipeline(target: Target | None) -> Pipeline:
    return Pipeline.default(target=target)


def extract(
    text: str, *, published: dt.date | str | None = None, target: Target | None = None
) -> Document:
    """Run the default pipeline on *text* and return the document.

    *published* is the article's publication date (a :class:`datetime.date` or an ISO
    ``YYYY-MM-DD`` string); *target* the stance target (default: the built-in one).

    Examples:
        >>> document = extract("Headline\\n\\nBody text.", published="2019-04-11")
        >>> document.published.isoformat()
        '2019-04-11'
    """
    return _default_pipeline(target)(text, published=published)
