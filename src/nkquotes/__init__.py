r"""nkquotes: structured, attributed, stance-labelled quotations from raw news text.

>>> import nkquotes
>>> article = nkquotes.parse_article("Headline\n\nBody text here.")
>>> all(p.span.text for p in article.paragraphs)
True
"""

from nkquotes._batch import BatchResult, extract_many
from nkquotes._dates import DateResolution, resolve_dates
from nkquotes._deserialize import from_json, loads
from nkquotes._errors import (
    ConfigurationError,
    InputError,
    ModelError,
    NkQuotesError,
    SchemaError,
    SpanError,
)
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
from nkquotes._version import __version__
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
