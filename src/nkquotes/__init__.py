"""nkquotes: structured, attributed, stance-labelled quotations from raw news text.

>>> import nkquotes
>>> article = nkquotes.parse_article("Headline\n\nBody text here.")
>>> all(p.span.text for p in article.paragraphs)
True
"""

from nkquotes._batch import BatchResult, extract_many
from nkquotes._dates import DateResolution, resolve_dates
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
from nkquotes._serialize import SCHEMA_VERSION, dumps, from_json, json_schema, loads, to_json
from nkquotes._speakers import SpeakerResolution, resolve_speakers
from nkquotes._structure import StructureOptions, parse_article
from nkquotes._version import __version__

__all__ = [
    "Agency",
    "Article",
    "BatchResult",
    "Boilerplate",
    "BoilerplateKind",
    "Byline",
    "ConfigurationError",
    "Cue",
    "DateResolution",
    "DateSource",
    "Dateline",
    "Document",
    "Entity",
    "EntityKind",
    "InputError",
    "ModelError",
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
    "SCHEMA_VERSION",
    "SchemaError",
    "Span",
    "SpanError",
    "Speaker",
    "SpeakerResolution",
    "Stage",
    "StanceResult",
    "StructureOptions",
    "__version__",
    "dumps",
    "entity_rows",
    "extract",
    "extract_many",
    "find_quotes",
    "from_json",
    "json_schema",
    "loads",
    "parse_article",
    "quote_rows",
    "resolve_dates",
    "resolve_speakers",
    "split_sentences",
    "to_json",
    "write_csv",
]
