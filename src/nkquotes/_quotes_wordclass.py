"""Word lists of the speaker-mention look-back, and each token's classes as bits.

:func:`nkquotes._quotes_mention._noun_phrase_and_last` reads the same words over and over
(names, titles, "the", "of"); :func:`_word_class` answers its dozen string and set tests on
a token with one dict look-up (``tests/test_quotes_phrase.py`` compares it with the tests).
"""

from __future__ import annotations

from nkquotes._quotes_words import PRONOUNS, SPEAKER_NOUNS
from nkquotes._sentences import wordset

_DETERMINERS = wordset(
    "the a an another one some several many most two three four both other others its his"
    " her their our this these those all each few any"
)
_STOP = wordset("""
    that which who whom whose when where while because as if but or so than then to is are
    was were be been being not no nor what why how into onto upon about against over under
    after before during with without from by on in at since until unless though although
    whether also there here this said says say saying told tells tell added adds asked
    ask according yet however meanwhile moreover instead still even just only already
    ago week month year yesterday today tonight earlier later monday tuesday wednesday
    thursday friday saturday sunday last next morning afternoon evening night weekend
    familiar did does do has have had will would could should may might can must
    reportedly repeatedly
    """)
_TITLE_WORDS = wordset(
    "former then current acting deputy senior top chief late fellow incoming outgoing"
)
_NUMBER_WORDS = wordset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty"
    " fifty sixty seventy eighty ninety hundred half third quarter three-quarters"
    " two-thirds most many some several"
)
_CONNECT = wordset("of for at to and & de von van el al bin ibn da du dos der le la")
_CONNECT_IN_OUT = _CONNECT | {"in", "out"}
_CONNECT_AFTER_NOUN = wordset("for at to")
_TIME_WORDS = wordset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April"
    " May June July August September October November December Jan Feb Mar Apr Jun Jul Aug"
    " Sep Sept Oct Nov Dec"
)


def _is_name(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1].isdigit() or tok.startswith("(")


def _is_number(tok: str) -> bool:
    low = tok.lower()
    return tok.isdigit() or low in _NUMBER_WORDS or low.split("-")[0] in _NUMBER_WORDS


# The word classes _noun_phrase_and_last tests, as bits: one dict look-up per token instead
# of a lowercase copy and a dozen set and string tests (phrases are read over and over).
_C_NAME = 1 << 0  # _is_name
_C_LOWER = 1 << 1  # str.islower
_C_CONNECT = 1 << 2
_C_CONNECT_AFTER = 1 << 3
_C_IN_OUT = 1 << 4  # "in" or "out", any case
_C_TIME = 1 << 5  # in _TIME_WORDS (case kept)
_C_STOP = 1 << 6
_C_DETERMINER = 1 << 7
_C_PRONOUN = 1 << 8  # lowercased, in PRONOUNS
_C_SPEAKER = 1 << 9  # lowercased, in SPEAKER_NOUNS
_C_TITLE = 1 << 10
_C_PAREN = 1 << 11  # opens with "("
_C_CONNECT_IN_OUT = 1 << 12
_C_NUMBER = 1 << 13  # _is_number
_C_OF = 1 << 14  # "of", any case
_CLASSES: dict[str, int] = {}
#: Distinct tokens kept at most (hostile text may hold millions): the cache then restarts.
_MAX_CLASSES = 50_000


def _classify(tok: str) -> int:
    """The word classes of *tok* (see the ``_C_`` bits), remembered for the next time."""
    low = tok.lower()
    f = 0
    if _is_name(tok):
        f |= _C_NAME
    if tok.islower():
        f |= _C_LOWER
    if low in _CONNECT:
        f |= _C_CONNECT
    if low in _CONNECT_AFTER_NOUN:
        f |= _C_CONNECT_AFTER
    if low in ("in", "out"):
        f |= _C_IN_OUT
    if tok in _TIME_WORDS:
        f |= _C_TIME
    if low in _STOP:
        f |= _C_STOP
    if low in _DETERMINERS:
        f |= _C_DETERMINER
    if low in PRONOUNS:
        f |= _C_PRONOUN
    if low in SPEAKER_NOUNS:
        f |= _C_SPEAKER
    if low in _TITLE_WORDS:
        f |= _C_TITLE
    if tok.startswith("("):
        f |= _C_PAREN
    if low in _CONNECT_IN_OUT:
        f |= _C_CONNECT_IN_OUT
    if _is_number(tok):
        f |= _C_NUMBER
    if low == "of":
        f |= _C_OF
    if len(_CLASSES) >= _MAX_CLASSES:
        _CLASSES.clear()
    _CLASSES[tok] = f
    return f


def _word_class(tok: str) -> int:
    f = _CLASSES.get(tok)
    return _classify(tok) if f is None else f
