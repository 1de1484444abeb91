"""Measuring nkquotes (or any extractor) against annotated articles.

Two gold formats are read: brat standoff attributions as in PolNeAR (:func:`load_polnear`) and
the gold JSON of the nkquotes annotation guide (:func:`load_gold_json`). Both give
:class:`GoldArticle` records whose quotes are :class:`GoldQuote` offsets, and
:func:`evaluate_quotes` applies the matching rule to plain offsets, so any extractor can be
measured.
"""

from nkquotes.evaluation._brat import load_polnear, parse_brat, polnear_kind
from nkquotes.evaluation._dataset import GoldArticle, GoldStructure
from nkquotes.evaluation._gold_json import load_gold_json, parse_gold_json
from nkquotes.evaluation._matching import (
    THRESHOLD,
    GoldQuote,
    PredictedQuote,
    QuoteMatch,
    characters,
    evaluate_quotes,
    normalise_name,
    speaker_matches,
    trim,
)

__all__ = [
    "THRESHOLD",
    "GoldArticle",
    "GoldQuote",
    "GoldStructure",
    "PredictedQuote",
    "QuoteMatch",
    "characters",
    "evaluate_quotes",
    "load_gold_json",
    "load_polnear",
    "normalise_name",
    "parse_brat",
    "parse_gold_json",
    "polnear_kind",
    "speaker_matches",
    "trim",
]
