"""Speaker mentions next to a cue: the words that name who spoke, found without a parser.

A mention is a short run of name-like tokens (capitalised words, titles, ``(R-CO)``,
possessives) or a determiner with a speaker noun (``the minister``, ``North Korean
officials``) or a pronoun. An appositive between the speaker and the cue
(``Vipin Narang, a professor at MIT, said``) is stepped over. Every scan is bounded to a
short window, so the cost per cue is constant.
"""

from __future__ import annotations

from nkquotes import _lazyregex
from nkquotes._quotes_fast import HSPACE
from nkquotes._quotes_guards import RELATIVE_BACK, no_aux, postmodifier_back
from nkquotes._quotes_modifiers import LISTENER, skip_listener, skip_modifiers
from nkquotes._quotes_tokens import token_back, token_fwd
from nkquotes._quotes_wordclass import (
    _C_CONNECT,
    _C_CONNECT_AFTER,
    _C_CONNECT_IN_OUT,
    _C_DETERMINER,
    _C_IN_OUT,
    _C_LOWER,
    _C_NAME,
    _C_NUMBER,
    _C_OF,
    _C_PAREN,
    _C_PRONOUN,
    _C_SPEAKER,
    _C_STOP,
    _C_TIME,
    _C_TITLE,
    _CLASSES,
    _CONNECT,
    _CONNECT_AFTER_NOUN,
    _DETERMINERS,
    _STOP,
    _TIME_WORDS,
    _classify,
    _is_name,
    _is_number,
    _word_class,
)
from nkquotes._quotes_words import PRONOUNS, SPEAKER_NOUNS
from nkquotes._sentences import wordset

__all__ = [
    "LISTENER",
    "PRONOUNS",
    "aux_before",
    "may_pp_back",
    "mention_after",
    "mention_before",
    "skip_listener",
    "skip_modifiers",
]

#: Irregular past tenses, verbs wherever they follow a noun ("the event brought back …").
_PAST = wordset(
    "brought said told made took gave went came found thought knew saw began became"
    " sought fought spoke wrote won lost sent spent left met"
)
_WINDOW = 160
_MAX_TOKENS = 12

_PREPOSITIONS = wordset("in of on at to from by for about over under into through against like")
_POSSESSIVE = ("’s", "'s", "s’", "s'")
_OBJECT_PRONOUNS = wordset("him her them us me it")
_LOOSE_DETERMINERS = wordset("the a an another one this that his her their its our my")
_QUANTIFIER_PRONOUNS = wordset(
    "some many others several most both all few those three-quarters two-thirds"
)
_ATTACHING = wordset("in of at for from with")
_ABBREV = wordset(
    "Sen Rep Gov Mr Mrs Ms Dr Gen Lt Col Sgt Prof St Jr Sr Rev Amb Adm Capt Maj Cpl Pvt"
    " Pres Sec Dept Corp Inc Co Ltd No Mt Ft"
)

_AUX_BACK = _lazyregex.compile(
    r"(?r)(?:(?<![\w-])(?:has|have|had|did|does|do|also|then|later|instead|too|reportedly|"
    r"repeatedly|"
    r"now|still|long|always|already|even|just|first|initially|originally|"
    r"previously|"
    r"recently|once|again|further|earlier|publicly|privately|separately|similarly|likewise|"
    r"often|frequently|quickly|immediately|subsequently|simply|flatly|[a-z]+ly|"
    r"(?:on[^\S\n]+|last[^\S\n]+|this[^\S\n]+|earlier[^\S\n]+|late[^\S\n]+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday|"
    r"(?:last|this)[^\S\n]+(?:week|month|year)|"
    r"(?:in|on)[^\S\n]+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|\d{4}))[^\S\n]+)+"
)
_PP_BACK = _lazyregex.compile(
    r"(?r)[^\S\n]+(?:in[^\S\n]+(?:response|reaction|reply)[^\S\n]+to|in[^\S\n]+a[^\S\n]+"
    r"(?:statement|tweet|post|speech|interview))\b[^,.;:\n\"“”]{0,70}?[^\S\n]+\Z"
)
_HAVE = _lazyregex.compile(r"(?:has|have|had)\b")
#: Every match of ``_PP_BACK`` holds one of these words.
_PP_WORDS = ("respon", "reaction", "reply", "statement", "tweet", "post", "speech", "interview")


def may_pp_back(text: str, start: int, end: int) -> bool:
    """Whether ``_PP_BACK`` can match ``text[start:end]``: a test by ``str`` search that
    spares most cues the pattern."""
    window = text[start:end]
    for word in _PP_WORDS:  # noqa: SIM110 (any() over a generator is twice as slow)
        if word in window:
            return True
    return False


#: The words that end every match of ``RELATIVE_BACK``.
_RELATIVES = ("who", "which")


def _strip_period(tok: str) -> tuple[str, bool]:
    """Drop a sentence-final period from *tok*; report whether one was dropped."""
    if not tok.endswith(".") or len(tok) < 2:
        return tok, False
    core = tok[:-1]
    if "." in core or core in _ABBREV or (len(core) == 1 and core.isupper()):
        return tok, False
    return core, True


def _valid_head(tokens: list[str], loose: bool = False) -> bool:
    """Whether the last token can end a speaker mention.

    A lowercase head must be a known speaker noun, unless *loose* and the mention opens
    with a determiner (``the New York businessman``).
    """
    head = tokens[-1].rstrip(".")
    low = head.lower()
    if low.endswith(_POSSESSIVE):
        return False
    if head in PRONOUNS or head.startswith("("):
        return len(tokens) == 1 or head.startswith("(") or head[:1].isupper()
    if head[:1].isupper():
        if head in _TIME_WORDS:  # "Theresa May" is a name, "last May" is not
            return len(tokens) > 1 and tokens[-2][:1].isupper() and tokens[-2] not in _TIME_WORDS
        return low not in _DETERMINERS
    if len(tokens) == 1 and low in _QUANTIFIER_PRONOUNS:
        return True  # "with some suggesting …"
    if head.isdigit():
        return len(tokens) >= 3 and tokens[-2] in ("in", "of")
    if low in SPEAKER_NOUNS or low.rstrip("s") in SPEAKER_NOUNS:
        return True
    return (
        loose
        and len(tokens) >= 2
        and tokens[0].lower() in _LOOSE_DETERMINERS
        and low.replace("-", "").isalnum()
        and low not in _STOP
    )


def aux_before(text: str, lo: int, cue_start: int) -> tuple[int, int]:
    """``(mention_end, cue_start)``: the cue grows left over ``has``/``have``/``had``.

    Adverbs and auxiliaries between the speaker and the cue (``has repeatedly``) are
    skipped; when they hold ``has``/``have``/``had`` they join the cue span.
    """
    a = max(lo, cue_start - 60)
    m = None if no_aux(text, a, cue_start) else _AUX_BACK.match(text, a, cue_start)
    if m is None:
        b = max(lo, cue_start - 100)
        if may_pp_back(text, b, cue_start):
            pp = _PP_BACK.match(text, b, cue_start)
            if pp is not None:
                return pp.start(), cue_start  # "the minister in response to the test says"
        return cue_start, cue_start
    words = m.group()
    have = _HAVE.search(words)
    new_cue = m.start() + have.start() if have else cue_start
    return m.start(), new_cue


def mention_before(
    text: str,
    lo: int,
    end: int,
    *,
    appositive: bool = True,
    object_ok: bool = False,
    loose: bool = False,
) -> tuple[int, int] | None:
    """The speaker mention ending at *end* (white space allowed before *end*), or ``None``.

    Steps over an appositive (``Name, a professor, [said]``), a dashed aside, and a
    relative pronoun (``Name, who [said]``). A noun phrase right after a preposition is an
    object, not a speaker, unless it grows into a subject (``a report in a paper``).
    """
    lo = max(lo, end - _WINDOW)
    pos = end
    while pos > lo and text[pos - 1] in " \t":
        pos -= 1
    if pos > lo and text[pos - 1] in "—–" and appositive:
        dash = max(text.rfind("—", lo, pos - 1), text.rfind("–", lo, pos - 1))
        if dash > lo and pos - dash < 120:
            return mention_before(text, lo, dash, appositive=False, loose=loose)
    if appositive and pos > lo and text[pos - 1] == ",":
        return _appositive(text, lo, pos - 1, object_ok, loose)
    # relative_back, inlined: "who" or "which" must end the window before white space
    p = pos
    while p > lo and text[p - 1] in HSPACE:
        p -= 1
    rel = RELATIVE_BACK.match(text, lo, pos) if text.endswith(_RELATIVES, lo, p) else None
    if rel is not None:
        # "Liu Pengyu, spokesman for the embassy, who said": the antecedent speaks.
        if rel.group("comma") is None:
            # "a U.S. president who insists": the noun phrase right before "who"
            return mention_before(
                text, lo, rel.start(), appositive=False, object_ok=True, loose=True
            )
        comma = rel.start() + 1
        found = _appositive(text, lo, comma - 1, True, loose)
        if found is None:
            found = mention_before(
                text, lo, comma - 1, appositive=False, object_ok=True, loose=loose
            )
        return found
    found, last = _noun_phrase_and_last(text, lo, pos, loose)
    pronoun_only = found is None and not object_ok
    if pronoun_only and last is not None and text[last[0] : last[1]].lower() in _OBJECT_PRONOUNS:
        found = last  # an object pronoun ("those close to him"): only with a post-modifier
    if found is None:
        return None
    start, stop = found
    if not object_ok:
        post = postmodifier_back(text, max(lo, start - 40), start)
        if post is None and pronoun_only:
            return None
        if post is not None:
            # "The statement carried by KCNA [accused]", "sources close to her campaign
            # [say]": the noun phrase with its modifier speaks, not the modifier's object.
            head = _noun_phrase_before(text, lo, post.start(), loose)
            if head is None:
                head = _those_before(text, lo, post.start())  # "those close to him [say]"
            if head is not None:
                return head[0], stop
    for _ in range(2):
        before = token_back(text, lo, start)
        if before is None:
            return start, stop
        prep = text[before[0] : before[1]].lower()
        if object_ok or prep not in _PREPOSITIONS:
            return start, stop
        if prep == "about" and _is_number(text[start:stop].split()[0]):
            return start, stop  # "about half of the voters"
        if prep not in _ATTACHING and prep != "to":
            return None
        # "An earlier report in a New Hampshire paper [said]": grow over the preposition.
        grown = _noun_phrase_before(text, lo, before[0], True)
        if grown is None:
            return None
        if prep == "to" and text[grown[0] : grown[1]].split()[-1].lower() not in SPEAKER_NOUNS:
            return None  # only "the ambassador to the UN", not "talked to the UN"
        start = grown[0]
    return None  # "in the wake of media [reports]": an object, not a subject


def _noun_phrase_before(text: str, lo: int, pos: int, loose: bool) -> tuple[int, int] | None:
    return _noun_phrase_and_last(text, lo, pos, loose)[0]


def _noun_phrase_and_last(
    text: str, lo: int, pos: int, loose: bool
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The noun phrase ending at *pos*, and the span of the token ending there (if any)."""
    tokens: list[tuple[int, int, str, int]] = []  # (start, end, token, its word classes)
    classes = _CLASSES
    last = span = token_back(text, lo, pos)
    while span is not None and len(tokens) < _MAX_TOKENS:
        ts, te = span
        tok = text[ts:te]
        f = classes.get(tok)
        if f is None:
            f = _classify(tok)
        # `span` becomes the token before this one once a test needs it (read once)
        looked = False
        if f & _C_CONNECT and tokens:
            if f & _C_CONNECT_AFTER:
                # "spokesman for the ministry": keep only after a speaker noun.
                span = token_back(text, lo, ts)
                looked = True
                if span is None or not _word_class(text[span[0] : span[1]]) & _C_SPEAKER:
                    break
            elif not tokens[-1][3] & _C_NAME and not f & _C_OF:
                break
            tokens.append((ts, te, tok, f))
            if not looked:
                span = token_back(text, lo, ts)
            continue
        if f & _C_IN_OUT and tokens and tokens[-1][3] & _C_NUMBER:
            span = token_back(text, lo, ts)
            looked = True
            if span is not None:
                nxt = text[span[0] : span[1]]
                if _word_class(nxt) & _C_NUMBER or nxt == "of":
                    tokens.append((ts, te, tok, f))  # "six in 10 voters", "four out of five"
                    continue
        surname = False
        if f & _C_TIME and not tokens:
            # a month name ending the mention is a surname after a name: "Theresa May"
            if not looked:
                span = token_back(text, lo, ts)
                looked = True
            if span is not None:
                nxt = text[span[0] : span[1]]
                surname = nxt[:1].isupper() and not _word_class(nxt) & (_C_TIME | _C_STOP)
        if f & (_C_STOP | _C_TIME) and not surname:
            break
        if not f & (_C_NAME | _C_DETERMINER | _C_PRONOUN | _C_LOWER):
            break
        if (
            f & _C_LOWER
            and not f & (_C_DETERMINER | _C_SPEAKER | _C_TITLE)
            and tokens
            and tokens[-1][3] & (_C_NAME | _C_PAREN) == _C_NAME
        ):
            break  # "out-brutalizing [Ted Cruz]": a verb, not a title
        tokens.append((ts, te, tok, f))
        if f & _C_PRONOUN:
            break
        if not looked:
            span = token_back(text, lo, ts)
        if f & _C_DETERMINER and (span is None or not _word_class(text[span[0] : span[1]]) & _C_OF):
            break  # "three-quarters of the voters": a determiner after "of" does not end the NP
    # Drop connectors left dangling at the front ("of", "and").
    while tokens and tokens[-1][3] & _C_CONNECT_IN_OUT:
        tokens.pop()
    if not tokens:
        return None, last
    tokens.reverse()
    words = [t[2] for t in tokens]
    if not _valid_head(words, loose):
        return None, last
    if words[-1] in PRONOUNS and len(words) > 1:
        tokens = tokens[-1:]
    return (tokens[0][0], tokens[-1][1]), last


def _those_before(text: str, lo: int, pos: int) -> tuple[int, int] | None:
    """The span of a lone ``those`` ending at *pos*: the head of ``those familiar with``."""
    span = token_back(text, lo, pos)
    if span is None or text[span[0] : span[1]].lower() != "those":
        return None
    return span


#: Words opening an aside between a speaker and the cue: "Clinton, at a later press gaggle,
#: said", "Tillerson, in a statement, said".
_ASIDE_OPENERS = wordset("who which in at during on after before from with")

_PARTY_TAG = _lazyregex.compile(r"\(?[RDI]-[A-Z][A-Za-z.]{1,12}\)?")


def _is_name_run(words: list[str]) -> bool:
    """Whether *words* are a capitalised name of two to four words (``Peter Cook``)."""
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _appositive(
    text: str, lo: int, comma: int, object_ok: bool, loose: bool
) -> tuple[int, int] | None:
    """``Name, an appositive, [cue]``: the mention before the appositive's first comma.

    The appositive may itself hold commas (``Marley Anderson, 21, a junior, said``).
    """
    right = comma
    for attempt in range(3):
        start = text.rfind(",", lo, right)
        if start < 0:
            return None
        right = start
        inner = text[start + 1 : comma].strip()
        if not inner or "\n" in inner:
            return None
        words = inner.split()
        if len(words) > 18:
            return None
        first = words[0]
        titled = any(w.lower().strip(",.") in SPEAKER_NOUNS for w in words)
        if _PARTY_TAG.fullmatch(inner):
            titled = True  # "Sen. Rand Paul, R-Ky., [told]"
        elif (
            attempt == 0
            and _is_name_run(words)
            and text[lo:start].strip()
            and not any(c in text[lo:start] for c in ';:.?!"“”')
        ):
            # "Carter's press secretary, Peter Cook, [told]": the name inside speaks when
            # the description before it opens the sentence
            found = _noun_phrase_before(text, lo, comma, False)
            if found is not None and text[found[0] : found[1]] == inner:
                return found
        if not (first.islower() or first in ("A", "An", "The") or titled or first[0].isdigit()):
            continue  # "…, a salesman from Sumter, South Carolina, [says]": look further left
        if first in _STOP and first not in _ASIDE_OPENERS:
            return None  # "…, as he said, [said]": a clause, not an appositive
        found = mention_before(text, lo, start, appositive=False, object_ok=object_ok, loose=loose)
        if found is not None and not text[found[0] : found[1]][:1].isdigit():
            head = text[found[0] : found[1]].split()[-1]
            if first.endswith("ing") and not (_is_name(head) or head.lower() in SPEAKER_NOUNS):
                return None  # "…, maintaining peace, [said]": a clause, not an appositive
            return found
    return None


def mention_after(text: str, start: int, hi: int, *, loose: bool = False) -> tuple[int, int] | None:
    """The speaker mention starting at *start* (after white space), or ``None``."""
    hi = min(hi, start + _WINDOW)
    pos = start
    tokens: list[tuple[int, int, str]] = []
    while len(tokens) < _MAX_TOKENS:
        span = token_fwd(text, pos, hi)
        if span is None:
            break
        ts, pos = span  # the match ends with its token
        tok = text[ts:pos]
        low = tok.lower()
        if low in _CONNECT and tokens:
            if low in _CONNECT_AFTER_NOUN and tokens[-1][2].lower() not in SPEAKER_NOUNS:
                break
            tokens.append((ts, pos, tok))
            continue
        if (low in _STOP and low not in _DETERMINERS) or tok in _TIME_WORDS:
            break
        if not (_is_name(tok) or low in _DETERMINERS or low in PRONOUNS or tok.islower()):
            break
        if (
            tok.islower()
            and low not in _DETERMINERS
            and low not in SPEAKER_NOUNS
            and not (low.rstrip("s") in SPEAKER_NOUNS or (tokens and low not in PRONOUNS))
        ):
            break
        if (
            tok.islower()
            and (low.endswith("ed") or low in _PAST)
            and tokens
            and (_is_name(tokens[-1][2]) or tokens[-1][2].endswith("ly") or low in _PAST)
        ):
            # "North Korea announced …", "Mr. Schultz generally supported …", "the event
            # brought …": a verb after the name ends the mention
            break
        core, final = _strip_period(tok)
        tokens.append((ts, ts + len(core), core))
        if final or low in PRONOUNS:
            break
    while tokens and (tokens[-1][2].lower() in _CONNECT or tokens[-1][2].lower() in _DETERMINERS):
        tokens.pop()
    # a lowercase adjective tail ("officials familiar") is cut back to the last noun
    while tokens and not _valid_head([t[2] for t in tokens], loose):
        tokens.pop()
    if not tokens:
        return None
    return tokens[0][0], tokens[-1][1]
