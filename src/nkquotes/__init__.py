"""nkquotes: structured, attributed, stance-labelled quotations from raw news text.

>>> import nkquotes
>>> article = nkquotes.parse_article("Headline\n\nBody text here.")
>>> all(p.span.text for p in article.paragraphs)
True
"""

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
from nkquotes._pipeline import extract
from nkquotes._quotes import QuoteFinding, QuoteOptions, find_quotes
from nkquotes._sentences import split_sentences
from nkquotes._speakers import SpeakerResolution, resolve_speakers
from nkquotes._structure import StructureOptions, parse_article
from nkquotes._version import __version__

__all__ = [
    "Agency",
    "Article",
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
    "Problem",
    "PublishedLine",
    "Quote",
    "QuoteDate",
    "QuoteFinding",
    "QuoteKind",
    "QuoteOptions",
    "SchemaError",
    "Span",
    "SpanError",
    "Speaker",
    "SpeakerResolution",
    "StanceResult",
    "StructureOptions",
    "__version__",
    "extract",
    "find_quotes",
    "parse_article",
    "resolve_dates",
    "resolve_speakers",
    "split_sentences",
]
