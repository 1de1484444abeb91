"""Measuring nkquotes (or any extractor) against annotated articles.

Two gold formats are read: brat standoff attributions as in PolNeAR (:func:`load_polnear`) and
the gold JSON of the nkquotes annotation guide (:func:`load_gold_json`). Both give
:class:`GoldArticle` records whose quotes are :class:`GoldQuote` offsets.
:func:`evaluate_quotes` applies the matching rule to plain offsets, so any extractor can be
measured; :func:`evaluate_dataset` runs an extractor over gold articles and returns a
:class:`DatasetReport`.

>>> from nkquotes.evaluation import GoldQuote, PredictedQuote, evaluate_quotes
>>> text = 'Kim said "talks are over." Lee left.'
>>> gold = [GoldQuote(segments=[(10, 25)], kind="direct", speaker="Kim")]
>>> match = evaluate_quotes(text, gold, [PredictedQuote(segments=[(9, 26)], speaker="Kim")])
>>> match.recalled, match.speaker_correct
((True,), (True,))
"""

from nkquotes.evaluation._brat import load_polnear, parse_brat, polnear_kind
from nkquotes.evaluation._dataset import GoldArticle, GoldStructure
from nkquotes.evaluation._gold_json import load_gold_json, parse_gold_json
from nkquotes.evaluation._matching import (
    GoldQuote,
    PredictedQuote,
    QuoteMatch,
    characters,
    evaluate_quotes,
    normalise_name,
    speaker_matches,
    trim,
)
from nkquotes.evaluation._report import DatasetReport, KindScores, StanceScores, StructureScores
from nkquotes.evaluation._run import Extractor, evaluate_dataset, load_dataset
from nkquotes.evaluation._scoring import (
    ArticleResult,
    StructureResult,
    evaluate_article,
    predicted_quotes,
)

__all__ = [
    "ArticleResult",
    "DatasetReport",
    "Extractor",
    "GoldArticle",
    "GoldQuote",
    "GoldStructure",
    "KindScores",
    "PredictedQuote",
    "QuoteMatch",
    "StanceScores",
    "StructureResult",
    "StructureScores",
    "characters",
    "evaluate_article",
    "evaluate_dataset",
    "evaluate_quotes",
    "load_dataset",
    "load_gold_json",
    "load_polnear",
    "normalise_name",
    "parse_brat",
    "parse_gold_json",
    "polnear_kind",
    "predicted_quotes",
    "speaker_matches",
    "trim",
]
