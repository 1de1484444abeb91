"""The entities of one article while it is read: :class:`Record` values (mutable, frozen
into :class:`~nkquotes.Entity` at the end) and what is read off names and titles (gender,
countries, the key a full name is indexed under). :mod:`nkquotes._registry` indexes them.
"""

from __future__ import annotations

import functools

import attrs

from nkquotes._model import EntityKind
from nkquotes._names import (
    HEAD_SYNONYMS,
    HONORIFICS,
    TITLE_WORDS,
    country_key,
    fold,
)

__all__ = [
    "Record",
    "countries_in",
    "gender_of",
    "name_key",
    "split_title",
    "titles_match",
]

_PREPOSITIONS = frozenset({"of", "for", "to", "at", "with", "by", "from", "on", "in"})
_MALE = frozenset(
    {
        "mr",
        "sir",
        "mister",
        "spokesman",
        "congressman",
        "chairman",
        "king",
        "prince",
        "brother",
        "husband",
        "son",
        "uncle",
        "emperor",
    }
)
_FEMALE = frozenset(
    {
        "ms",
        "mrs",
        "miss",
        "dame",
        "madam",
        "spokeswoman",
        "congresswoman",
        "chairwoman",
        "queen",
        "princess",
        "sister",
        "wife",
        "daughter",
        "aunt",
        "lady",
    }
)


@attrs.define(eq=False)
class Record:
    """A mutable entity under construction; :meth:`Registry.entities` freezes them."""

    kind: EntityKind
    name: str
    first: int
    titles: list[str] = attrs.Factory(list)
    affiliation: str | None = None
    party: str | None = None
    gender: str | None = None
    spoke: bool = False
    country: bool = False
    document: bool = False
    starts: list[int] = attrs.Factory(list)
    #: The end of the first mention recorded at each start.
    ends: dict[int, int] = attrs.Factory(dict)
    #: The other mentions, (start, end), at starts that ``ends`` has with another end. The
    #: mentions are kept as offsets: spans are made for the entities that are output.
    extra: set[tuple[int, int]] | None = None
    # title_keys() and what it was computed from (titles are only ever appended).
    _keys: tuple[tuple[int, str | None], frozenset[str]] | None = attrs.field(
        default=None, init=False, repr=False
    )

    def add_title(self, title: str) -> None:
        """Record *title* once (case-insensitively) and learn a gender from it."""
        title = title.strip(" ,")
        if title and fold(title) not in {fold(t) for t in self.titles}:
            self.titles.append(title)
        self.learn_gender(title)

    def learn_gender(self, words: str) -> None:
        """Take a gender from honorifics or gendered role words in *words*."""
        if self.gender is None:
            self.gender = gender_of(words)

    def title_keys(self) -> frozenset[str]:
        """Folded words of the titles and affiliation."""
        state = (len(self.titles), self.affiliation)
        cached = self._keys
        if cached is not None and cached[0] == state:
            return cached[1]
        keys: set[str] = set()
        for title in (*self.titles, self.affiliation or ""):
            keys.update(w for w in fold(title).replace("-", " ").split())
            keys.update(fold(title).split())
        self._keys = (state, frozenset(keys))
        return self._keys[1]

    def countries(self) -> set[str]:
        """Countries named in the titles or affiliation."""
        found: set[str] = set()
        for title in (*self.titles, self.affiliation or ""):
            found.update(countries_in(title))
        return found


@functools.lru_cache(maxsize=4096)
def gender_of(words: str) -> str | None:
    """``male`` or ``female`` from honorifics or gendered role words in *words*, or None.

    Only the words before a preposition count: ``pollster for Mr. Trump`` says nothing of the
    pollster.
    """
    keys: set[str] = set()
    for key in fold(words).split():
        if key in _PREPOSITIONS:
            break
        keys.add(key)
    if keys & _MALE:
        return "male"
    if keys & _FEMALE:
        return "female"
    return None


def countries_in(phrase: str) -> set[str]:
    """Countries a phrase names or implies (``North Korea's``, ``US``, ``Japanese``)."""
    words = fold(phrase).replace("'s", "").split()
    found: set[str] = set()
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            key = country_key(" ".join(words[i : i + size]))
            if key:
                found.add(key)
    return found


@functools.lru_cache(maxsize=4096)
def split_title(phrase: str) -> tuple[str | None, str | None]:
    """Split ``US Secretary of State`` into affiliation ``US`` and title ``Secretary of State``."""
    words = phrase.split()
    for i, word in enumerate(words):
        key = fold(word).rstrip("'s")
        if key in TITLE_WORDS or key in HONORIFICS:
            affiliation = " ".join(words[:i]).strip() or None
            if affiliation and affiliation.endswith(("'s", "’s")):
                affiliation = affiliation[:-2]
            title = " ".join(w for w in words[i:] if fold(w) not in HONORIFICS)
            return affiliation, title or None
    return (phrase.strip() or None), None


@functools.lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """A person's lookup key: folded words without initials (``Donald J. Trump``)."""
    words = fold(name).replace("-", " ").split()
    return " ".join(w for w in words if len(w) > 1) or " ".join(words)


def titles_match(record: Record, phrase: str) -> bool:
    """Whether a title phrase (``President``, ``the minister``) fits *record*'s titles."""
    words = [w for w in fold(phrase).replace("'s", "").split() if w not in HONORIFICS]
    heads = [w for w in words if w in TITLE_WORDS and w not in _MODIFIERS]
    if not heads:
        return True
    keys = record.title_keys()
    if not keys:
        return True
    head = heads[-1]
    return bool(HEAD_SYNONYMS.get(head, frozenset({head})) & keys)


_MODIFIERS = frozenset(
    [
        "top",
        "senior",
        "chief",
        "former",
        "current",
        "special",
        "new",
        "acting",
        "deputy",
        "assistant",
        "vice",
        "foreign",
        "national",
        "security",
        "first",
    ]
)
