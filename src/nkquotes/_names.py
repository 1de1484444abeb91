"""Word lists and name shapes for speaker resolution (titles, groups, media, pronouns).

Everything here is general English-news vocabulary, never one article's wording. The long
lists live in ``nkquotes/data/{titles,groups,names}*.txt`` and are read on first use, never
at import; the small mappings (countries, nationalities, synonyms) are literals here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from importlib import resources

import regex

from nkquotes import _lazyregex

__all__ = [
    "ABBREVIATIONS",
    "COUNTRY_ALIASES",
    "DOCUMENT_WORDS",
    "EAST_ASIAN_SURNAMES",
    "GROUP_NOUNS",
    "HEAD_SYNONYMS",
    "HONORIFICS",
    "NATIONALITIES",
    "ORG_WORDS",
    "PLACES",
    "PRONOUNS",
    "ROLE_NOUNS",
    "STOP_CAPS",
    "TITLE_WORDS",
    "TOKEN",
    "WordList",
    "country_key",
    "fold",
    "media_names",
    "strip_determiner",
]

#: A word token: dotted acronyms (``U.S.``), words with inner hyphens or apostrophes.
TOKEN = _lazyregex.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{M}\d]+(?:[-'’][\p{L}\p{M}\d]+)*")

_DETERMINER = _lazyregex.compile(r"^(?:the|a|an)\s+", regex.IGNORECASE)
_SPACES = _lazyregex.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def strip_determiner(text: str) -> str:
    """*text* without a leading ``the``, ``a`` or ``an`` and outer spaces."""
    return _DETERMINER.sub("", text.strip())


# Sized for the distinct words and names of a few hundred articles (4,096 thrashed on the
# 84 PolNeAR dev articles run in a loop: every call missed).
@functools.lru_cache(maxsize=32768)
def fold(text: str) -> str:
    """A comparison key: case-folded, dots dropped, curly apostrophes straightened."""
    key = text.replace(".", "").replace("’", "'").casefold()
    if key.isalnum():  # one plain word (the usual case): no spaces to squeeze or strip
        return key
    if key.isprintable():  # its only white space is " ": what str.split() splits on too
        return " ".join(key.split())
    return _SPACES.sub(" ", key).strip()


class WordList:
    """A lower-case word list read from ``nkquotes/data`` on first use (never at import)."""

    __slots__ = ("_filename", "_words")

    def __init__(self, filename: str) -> None:
        self._filename = filename
        self._words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        """The words of the list."""
        words = self._words
        if words is None:
            words = self._words = _load(self._filename)
        return words

    def __contains__(self, word: object) -> bool:
        words = self._words  # the hot path: one call, no property
        if words is None:
            words = self.words
        return word in words

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __and__(self, other: AbstractSet[str]) -> frozenset[str]:
        return self.words & other

    __rand__ = __and__

    def __or__(self, other: WordList | AbstractSet[str]) -> frozenset[str]:
        words = other.words if isinstance(other, WordList) else other
        return self.words | words


@functools.cache
def _load(filename: str) -> frozenset[str]:
    text = (
        resources.files("nkquotes").joinpath("data").joinpath(filename).read_text(encoding="utf-8")
    )
    return frozenset(
        word for line in text.splitlines() if not line.startswith("#") for word in line.split()
    )


@functools.cache
def media_names() -> tuple[str, ...]:
    """Known news outlets as usually written, longest first."""
    path = resources.files("nkquotes").joinpath("data").joinpath("groups_media.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return tuple(sorted(names, key=len, reverse=True))


#: Abbreviations that keep their full stop inside a name or title (``Sen.``).
ABBREVIATIONS = WordList("titles_abbreviations.txt")
#: Honorifics before a name (``Mr``, ``Ms``).
HONORIFICS = WordList("titles_honorifics.txt")
#: Words that make a phrase a title or role.
TITLE_WORDS = WordList("titles.txt")
#: Head nouns of role descriptions (``the minister``, ``the top envoy``).
ROLE_NOUNS = WordList("titles_roles.txt")
#: Plural or collective nouns that make an unnamed group speaker.
GROUP_NOUNS = WordList("groups.txt")
#: Nouns for what a source wrote rather than who (``the statement said``).
DOCUMENT_WORDS = WordList("groups_documents.txt")
#: Words that make a capitalised run an organisation rather than a person.
ORG_WORDS = WordList("groups_organisations.txt")
#: Capitalised words that are places, never a person's name.
PLACES = WordList("names_places.txt")
#: Capitalised words that begin sentences or name days and months, not people.
STOP_CAPS = WordList("names_stop.txt")
#: Surnames written first in Korean and Chinese names (``Kim Jong-un``, ``Wang Yi``).
EAST_ASIAN_SURNAMES = WordList("names_surnames_east_asian.txt")

#: Head nouns that name the same role (``the leader`` may be a president or a chairman).
HEAD_SYNONYMS: dict[str, frozenset[str]] = {
    "leader": frozenset({"leader", "president", "chairman", "premier", "ruler", "dictator"}),
    "dictator": frozenset({"leader", "chairman", "dictator", "ruler"}),
    "envoy": frozenset({"envoy", "negotiator", "representative", "ambassador", "delegate"}),
    "negotiator": frozenset({"envoy", "negotiator", "representative", "delegate"}),
    "diplomat": frozenset({"envoy", "negotiator", "ambassador", "diplomat", "minister"}),
    "spokesman": frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    "spokeswoman": frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    "spokesperson": frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    "adviser": frozenset({"adviser", "advisor", "aide"}),
    "advisor": frozenset({"adviser", "advisor", "aide"}),
    "aide": frozenset({"adviser", "advisor", "aide"}),
    "lawmaker": frozenset({"lawmaker", "senator", "congressman", "congresswoman", "rep"}),
    "senator": frozenset({"senator", "sen"}),
    "chief": frozenset({"chief", "director", "head", "chairman"}),
    "head": frozenset({"chief", "director", "head", "chairman"}),
}


#: Countries, their capitals used as metonyms, and blocs (lower-case key -> country key).
COUNTRY_ALIASES: dict[str, str] = {
    "north korea": "north korea",
    "the north": "north korea",
    "pyongyang": "north korea",
    "dprk": "north korea",
    "n korea": "north korea",
    "south korea": "south korea",
    "the south": "south korea",
    "seoul": "south korea",
    "rok": "south korea",
    "s korea": "south korea",
    "korea": "korea",
    "us": "united states",
    "usa": "united states",
    "united states": "united states",
    "america": "united states",
    "washington": "united states",
    "china": "china",
    "beijing": "china",
    "japan": "japan",
    "tokyo": "japan",
    "russia": "russia",
    "moscow": "russia",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "united kingdom": "united kingdom",
    "london": "united kingdom",
    "france": "france",
    "paris": "france",
    "germany": "germany",
    "berlin": "germany",
    "iran": "iran",
    "tehran": "iran",
    "india": "india",
    "sweden": "sweden",
    "stockholm": "sweden",
    "vietnam": "vietnam",
    "taiwan": "taiwan",
    "israel": "israel",
    "syria": "syria",
    "ukraine": "ukraine",
    "canada": "canada",
    "australia": "australia",
    "eu": "european union",
    "european union": "european union",
    "un": "united nations",
    "united nations": "united nations",
    "nato": "nato",
    "asean": "asean",
    "iaea": "iaea",
}

#: Nationality adjectives (lower-case key -> country key).
NATIONALITIES: dict[str, str] = {
    "north korean": "north korea",
    "south korean": "south korea",
    "korean": "korea",
    "american": "united states",
    "chinese": "china",
    "japanese": "japan",
    "russian": "russia",
    "british": "united kingdom",
    "french": "france",
    "german": "germany",
    "iranian": "iran",
    "indian": "india",
    "swedish": "sweden",
    "vietnamese": "vietnam",
    "taiwanese": "taiwan",
    "israeli": "israel",
    "syrian": "syria",
    "ukrainian": "ukraine",
    "canadian": "canada",
    "australian": "australia",
    "european": "european union",
    "western": "west",
    "u.s.": "united states",
    "u.n.": "united nations",
}


#: Pronouns that can name a speaker, with their gender or number.
PRONOUNS: dict[str, str] = {
    "he": "male",
    "she": "female",
    "they": "plural",
    "it": "neuter",
    "we": "plural",
    "i": "self",
}


@functools.lru_cache(maxsize=4096)
def country_key(words: str) -> str | None:
    """The country a name, metonym or nationality stands for (``Seoul`` -> south korea)."""
    key = fold(words)
    if key.endswith("'s"):
        key = key[:-2]
    if key in _ACRONYMS and not words.replace(".", "").removesuffix("'s").isupper():
        return None
    return COUNTRY_ALIASES.get(key) or NATIONALITIES.get(key)


_ACRONYMS = frozenset({"us", "un", "uk", "eu", "usa", "rok", "dprk", "nato", "asean", "iaea"})
