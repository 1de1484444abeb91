r"""nkquotes: structured, attributed, stance-labelled quotations from raw news text.

Examples:
    >>> import nkquotes
    >>> article = nkquotes.parse_article("Headline\n\nBody text here.")
    >>> all(p.span.text for p in article.paragraphs)
    True
"""

import importlib as _importlib
from typing import TYPE_CHECKING

from nkquotes._errors import (
    ConfigurationError,
    InputError,
    ModelError,
    NkQuotesError,
    SchemaError,
    SpanError,
)
from nkquotes._version import __version__

if TYPE_CHECKING:
    from nkquotes._batch import BatchResult, extract_many
    from nkquotes._dates import DateResolution, resolve_dates
    from nkquotes._deserialize import from_json, loads
    from nkquotes._model import (
        Agency,
        Article,
        Boilerplate,
        BoilerplateKind,
        Byline,
        Cue,
        Dateline,
        DateSource,
        Document,
        Entity,
        EntityKind,
        Paragraph,
        PartialDate,
        Problem,
        PublishedLine,
        Quote,
        QuoteDate,
        QuoteKind,
        Span,
        Speaker,
        StanceResult,
    )
    from nkquotes._pipeline import Pipeline, Stage, extract
    from nkquotes._quotes import QuoteFinding, QuoteOptions, find_quotes
    from nkquotes._rows import entity_rows, quote_rows, write_csv
    from nkquotes._sentences import split_sentences
    from nkquotes._serialize import SCHEMA_VERSION, dumps, json_schema, to_json
    from nkquotes._speakers import SpeakerResolution, resolve_speakers
    from nkquotes._structure import StructureOptions, parse_article
    from nkquotes.stance import (
        Chain,
        Constant,
        LexiconCue,
        NaiveBayesStanceModel,
        RuleStanceModel,
        StanceInput,
        StanceModel,
        Target,
        Vote,
        apply_stance,
        builtin_target,
        default_model,
        load_target,
        stance_of,
    )

#: Where each public name lives. ``import nkquotes`` loads none of these modules: the first
#: use of a name loads its module (and what that module needs), so a program that only reads
#: results, or the command line's ``--help``, does not pay for the whole pipeline.
_LAZY: dict[str, tuple[str, ...]] = {
    "nkquotes._batch": (
        "BatchResult",
        "extract_many",
    ),
    "nkquotes._dates": (
        "DateResolution",
        "resolve_dates",
    ),
    "nkquotes._deserialize": (
        "from_json",
        "loads",
    ),
    "nkquotes._model": (
        "Agency",
        "Article",
        "Boilerplate",
        "BoilerplateKind",
        "Byline",
        "Cue",
        "Dateline",
        "DateSource",
        "Document",
        "Entity",
        "EntityKind",
        "Paragraph",
        "PartialDate",
        "Problem",
        "PublishedLine",
        "Quote",
        "QuoteDate",
        "QuoteKind",
        "Span",
        "Speaker",
        "StanceResult",
    ),
    "nkquotes._pipeline": (
        "Pipeline",
        "Stage",
        "extract",
    ),
    "nkquotes._quotes": (
        "QuoteFinding",
        "QuoteOptions",
        "find_quotes",
    ),
    "nkquotes._rows": (
        "entity_rows",
        "quote_rows",
        "write_csv",
    ),
    "nkquotes._sentences": ("split_sentences",),
    "nkquotes._serialize": (
        "SCHEMA_VERSION",
        "dumps",
        "json_schema",
        "to_json",
    ),
    "nkquotes._speakers": (
        "SpeakerResolution",
        "resolve_speakers",
    ),
    "nkquotes._structure": (
        "StructureOptions",
        "parse_article",
    ),
    "nkquotes.stance": (
        "Chain",
        "Constant",
        "LexiconCue",
        "NaiveBayesStanceModel",
        "RuleStanceModel",
        "StanceInput",
        "StanceModel",
        "Target",
        "Vote",
        "apply_stance",
        "builtin_target",
        "default_model",
        "load_target",
        "stance_of",
    ),
}
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}
#: Public subpackages, reachable as attributes like the names above.
_SUBMODULES = frozenset({"stance"})


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is not None:
        value: object = getattr(_importlib.import_module(module), name)
    elif name in _SUBMODULES:
        value = _importlib.import_module(f"nkquotes.{name}")
    else:
        raise AttributeError(f"module 'nkquotes' has no attribute {name!r}")
    globals()[name] = value  # later lookups find it without calling this
    return value


def __dir__() -> list[str]:
    return sorted(set(__all__) | _SUBMODULES)


__all__ = [
    "Agency",
    "Article",
    "BatchResult",
    "Boilerplate",
    "BoilerplateKind",
    "Byline",
    "Chain",
    "ConfigurationError",
    "Constant",
    "Cue",
    "DateResolution",
    "DateSource",
    "Dateline",
    "Document",
    "Entity",
    "EntityKind",
    "InputError",
    "LexiconCue",
    "ModelError",
    "NaiveBayesStanceModel",
    "NkQuotesError",
    "Paragraph",
    "PartialDate",
    "Pipeline",
    "Problem",
    "PublishedLine",
    "Quote",
    "QuoteDate",
    "QuoteFinding",
    "QuoteKind",
    "QuoteOptions",
    "RuleStanceModel",
    "SCHEMA_VERSION",
    "SchemaError",
    "Span",
    "SpanError",
    "Speaker",
    "SpeakerResolution",
    "Stage",
    "StanceInput",
    "StanceModel",
    "StanceResult",
    "StructureOptions",
    "Target",
    "Vote",
    "__version__",
    "apply_stance",
    "builtin_target",
    "default_model",
    "dumps",
    "entity_rows",
    "extract",
    "extract_many",
    "find_quotes",
    "from_json",
    "json_schema",
    "load_target",
    "loads",
    "parse_article",
    "quote_rows",
    "resolve_dates",
    "resolve_speakers",
    "split_sentences",
    "stance_of",
    "to_json",
    "write_csv",
]
