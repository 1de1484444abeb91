"""Sentence splitting for news English.

A boundary is a run of ``.``, ``!``, ``?`` or ``…`` (optionally closed by quotation marks
or brackets), then whitespace, then something that can open a sentence: a capital, a digit,
an opening quotation mark or bracket. Candidates are then vetoed when the word before the
period is a title or name abbreviation (``Sen.``, ``Gov.``, ``Jr.``), an initial (``J.``),
``No.`` before a number, a month before a day (``Dec. 3``), or a dotted acronym (``U.S.``,
``a.m.``) that is not followed by a typical sentence opener. Boundaries need whitespace, so
URLs and numbers (``3.5``, ``example.com/a.b``) are never split.

Everything is linear: one compiled pattern, and each veto looks at a bounded window.
"""

from __future__ import annotations

import re

from nkquotes import _lazyregex
from nkquotes._model import SET_END, SET_START, SET_TEXT, Span

__all__ = ["split_inside", "split_sentences"]

# Whitespace as news pages give it: NBSP, tabs, zero-width characters and BOMs included.
_SPACE_CHARS = " \t\n\r\f\v\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\x85"

#: The boundary as one pattern (the reference :func:`split_sentences` must equal).
_BOUNDARY = _lazyregex.compile(
    r"(?<![.!?…])(?P<end>[.!?…]++[\"'”’»)\]]{0,3})"
    rf"(?P<space>[{_SPACE_CHARS}]++)"
    r"(?=[\"'“‘«(\[]{0,2}[\p{Lu}\p{Lt}\p{N}])",
)

# The same candidates, found by ``re`` (about twice as fast as ``regex`` over a paragraph):
# the first mark, then a look back that it follows no mark (the pattern begins with a plain
# class, which ``re`` skips to quickly). The look-ahead for an opening capital is done in
# Python at each candidate: ``re`` has no ``\p{Lu}``.
_CANDIDATE = re.compile(r"([.!?…](?<![.!?…].)[.!?…]*+[\"'”’»)\]]{0,3})" rf"[{_SPACE_CHARS}]++")
# The same where the text holds no ``!``, ``?`` or ``…`` (most paragraphs): opening with a
# literal, it is found by ``re``'s tight loop over characters rather than a class test at
# each (about half the cost of a sentence's split). The look-behind is the same: it may read
# a mark before the window.
_PERIOD = re.compile(r"(\.(?<![.!?…].)[.!?…]*+[\"'”’»)\]]{0,3})" rf"[{_SPACE_CHARS}]++")
_OPENING_MARKS = frozenset("\"'“‘«([")
_OPENS = _lazyregex.compile(r"[\p{Lu}\p{Lt}\p{N}]")


def wordset(words: str) -> frozenset[str]:
    """The whitespace-separated words of *words* as a frozen set (for word lists)."""
    return frozenset(words.split())


_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
#: What :func:`is_blank` accepts: every ``str.isspace`` character (``tests/test_sentences.py``
#: checks them over all of Unicode) and the zero-width ones; one set lookup, not two tests.
_BLANK = (
    _ZERO_WIDTH
    | frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000")
    | frozenset(map(chr, range(0x2000, 0x200B)))
)
# Abbreviations that are (almost) never the last word of a sentence: titles before names.
_TITLES = wordset(
    """
        mr mrs ms mx dr prof sen sens rep reps gov govt gen lt col maj capt cpt sgt cpl pvt
        adm cmdr cmdt brig amb pres vice rev fr hon atty supt insp det st ste mt ft no nos
        vol vols art sec para fig figs op pp ch approx dept est del assemblyman
        """
)

# Month abbreviations: no split before a day number; otherwise treated like acronyms.
_MONTHS = wordset(
    """
        jan feb mar apr jun jul aug sep sept oct nov dec
        """
)

# Abbreviations that can also end a sentence: split only before a typical sentence opener.
_SOMETIMES_FINAL = wordset(
    """
        jr sr inc ltd corp co bros etc al esq plc llc
        """
)

# Words that typically open a sentence; after ``U.S.`` or ``Jr.`` they signal a boundary.
_OPENERS = wordset(
    """
        the a an he she it they we i you his her its their our this that these those there
        but and so yet or however meanwhile still also in on at for after before when while
        if as since although though despite during by with from to mr mrs ms dr
        some many most no not one what who why how where then now
        """
)

# What follows ``p.m.`` inside a sentence: a weekday, a time zone, a month.
_TIME_FOLLOWERS = wordset(
    """
        monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
        est edt et cst cdt pst pdt gmt utc kst jst bst cet local eastern pacific central
        jan feb mar apr may jun jul aug sep sept oct nov dec january february march april
        june july august september october november december
        """
)
_ABBREVIATIONS = _TITLES | _MONTHS | _SOMETIMES_FINAL
_TAIL_WORD = _lazyregex.compile(r"[\p{L}\p{N}.]+$")
_ACRONYM = _lazyregex.compile(r"(?:\p{L}\.)*\p{L}")
_WORD_AFTER = _lazyregex.compile(r"[\"'“‘«(\[]{0,2}([\p{L}\p{N}]+)")
_SPEECH_AFTER = _lazyregex.compile(
    r"(?:[\p{Lu}][\p{L}'’-]*\s+){0,3}(?:said|says|asked|asks|added|adds|told|wrote|replied"
    r"|shouted|continued|stated|noted|insisted|warned|explained|recalled)\b"
    r"|(?:he|she|they|it|we|I)\s+\p{Ll}"
)


def _is_boundary(text: str, end_start: int, end_stop: int, next_start: int) -> bool:
    """Whether the punctuation ``text[end_start:end_stop]`` really ends a sentence."""
    punct = text[end_start:end_stop]
    if punct[0] in "?!" or (len(punct) > 1 and punct[1] in "?!"):
        # ``"Why?" Trump asked.``: a quoted question inside a sentence.
        quoted = bool(punct.rstrip(".!?…"))
        window = min(len(text), next_start + 80)
        return not (quoted and _SPEECH_AFTER.match(text, next_start, window))
    if punct[0] != ".":
        return True  # an ellipsis character before a capital
    if punct.startswith(".."):
        return True
    token = _token_before(text, max(0, end_start - 80), end_start)
    if "://" in token or token.lower().startswith("www."):
        return True  # a URL that ends the sentence
    if token.isascii() and token.isalnum():
        word = token  # what _TAIL_WORD finds, without running it
    else:
        tail = _TAIL_WORD.search(token)
        word = tail.group() if tail is not None else ""
    if not word:
        return True
    low = word.lower()
    if low in ("a.m", "p.m"):
        # ``at 5 p.m. Officials left.``, but not ``at 5 p.m. Monday``.
        return _next_word(text, next_start).lower() not in _TIME_FOLLOWERS
    if "." not in word and word.isascii():
        acronym = len(word) == 1 and word.isalpha()  # what _ACRONYM says of a plain word
    else:
        acronym = _ACRONYM.fullmatch(word) is not None
    if acronym:
        # A dotted acronym (U.S., a.m.) or a lone initial (J.).
        if len(word) == 1 and word.isupper():
            return False
        return _next_word(text, next_start).lower() in _OPENERS
    if len(word) == 1 and word.isalpha():
        return _next_word(text, next_start).lower() in _OPENERS
    if low in _TITLES:
        return False
    if low in _MONTHS:
        next_word = _next_word(text, next_start)
        return not next_word[:1].isdigit() and next_word.lower() in _OPENERS
    if low in _SOMETIMES_FINAL:
        return _next_word(text, next_start).lower() in _OPENERS
    return True


def _ascii_boundary(text: str, token: str, next_start: int, opener: int) -> bool:
    """:func:`_is_boundary` for a single period after *token*, an ASCII word without blanks
    that follows a space; *opener* is where the capital or digit after the boundary is.

    On ASCII, ``\\p{L}`` and ``\\p{N}`` are letters and digits: the patterns become string
    methods (a hostile text can hold a ``p.m.`` every eleven characters)."""
    if "://" in token or token.lower().startswith("www."):
        return True
    word = token if token.isalnum() else token[len(token.rstrip(_ASCII_TAIL)) :]
    if not word:
        return True
    low = word.lower()
    if low in ("a.m", "p.m"):
        return _ascii_next_word(text, next_start, opener).lower() not in _TIME_FOLLOWERS
    if "." not in word:
        acronym = len(word) == 1 and word.isalpha()
    else:  # ``_ACRONYM``: letters, each but the last followed by a period
        acronym = (
            len(word) % 2 == 1 and word[1::2] == "." * (len(word) // 2) and word[::2].isalpha()
        )
    if acronym:
        if len(word) == 1 and word.isupper():
            return False
        return _ascii_next_word(text, next_start, opener).lower() in _OPENERS
    if low in _TITLES:
        return False
    if low in _MONTHS:
        next_word = _ascii_next_word(text, next_start, opener)
        return not next_word[:1].isdigit() and next_word.lower() in _OPENERS
    if low in _SOMETIMES_FINAL:
        return _ascii_next_word(text, next_start, opener).lower() in _OPENERS
    return True


_ASCII_TAIL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789."
#: ``a.m`` and ``p.m`` in every case (what ``low in ("a.m", "p.m")`` accepts).
_CLOCK = frozenset(f"{h}.{m}" for h in "aApP" for m in "mM")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def _ascii_next_word(text: str, next_start: int, opener: int) -> str:
    """:func:`_next_word` as the word lists see it, given that the word opens at *opener*
    (after the marks ``_WORD_AFTER`` skips): an ASCII run not followed by another letter or
    digit, or "" for a number (the months test reads it as no day: the same answer)."""
    if "0" <= text[opener] <= "9":
        # A number: no word list holds one (they are all letters), and "" is in none either.
        return ""
    limit = min(len(text), next_start + 60)
    run = _ASCII_WORD.match(text, opener, limit)
    if run is None or (run.end() < limit and text[run.end()] >= "\x80"):
        return _next_word(text, next_start)
    return run.group()


def _next_word(text: str, next_start: int) -> str:
    """The word opening the text after a candidate boundary (quotes and brackets skipped)."""
    after = _WORD_AFTER.match(text, next_start, min(len(text), next_start + 60))
    return after.group(1) if after else ""


def _token_before(text: str, limit: int, end: int) -> str:
    """The characters before *end* back to the last blank (or to *limit*)."""
    if end <= limit or is_blank(text[end - 1]):
        return ""
    window = text[limit:end]
    if not window.isascii() and any(c in window for c in _ZERO_WIDTH):
        start = end
        while start > limit and not is_blank(text[start - 1]):
            start -= 1
        return text[start:end]
    return window.rsplit(None, 1)[-1]  # str.split's whitespace is str.isspace


def split_sentences(text: str, start: int = 0, end: int | None = None) -> tuple[Span, ...]:
    """Split ``text[start:end]`` into sentence spans, offsets into *text*, trimmed.

    Examples:
        >>> text = 'Sen. Ed Markey (D-MA) spoke. "We will see," he said. Then he left.'
        >>> [s.text for s in split_sentences(text)]
        ['Sen. Ed Markey (D-MA) spoke.', '"We will see," he said.', 'Then he left.']
    """
    stop = len(text) if end is None else min(end, len(text))
    return split_inside(text, max(0, start), stop)


def split_inside(text: str, start: int, stop: int) -> tuple[Span, ...]:
    """:func:`split_sentences` of ``text[start:stop]`` for ``0 <= start <= stop <= len(text)``
    (the bounds are not clamped: callers that know them skip a call)."""
    spans: list[Span] = []
    pos = start
    if pos < stop and text[pos] in _BLANK:
        pos, _ = trim(text, start, stop)  # blanks end before the first mark
    opening, opens = _OPENING_MARKS, _OPENS.match
    new, set_start, set_end, set_text = object.__new__, SET_START, SET_END, SET_TEXT
    # The hottest loop of the library (every stage splits sentences): ``regs`` gives all the
    # group spans at once, and trimming and building the span are inlined.
    candidates = (
        _PERIOD
        if text.find("?", start, stop) < 0
        and text.find("!", start, stop) < 0
        and text.find("…", start, stop) < 0
        else _CANDIDATE
    )
    for match in candidates.finditer(text, start, stop):
        (_, after), (end_start, end_stop) = match.regs
        # What ``_BOUNDARY`` looks ahead for: at most two opening marks, then a capital or
        # a digit, all before *stop*.
        if after >= stop:
            continue
        first, char = after, text[after]
        if char in opening:
            first += 1
            if first < stop and text[first] in opening:
                first += 1
            if first >= stop:
                continue
            char = text[first]
        if not (
            ("A" <= char <= "Z" or "0" <= char <= "9")
            or (char >= "\x80" and opens(char) is not None)
        ):
            continue
        # Most candidates are a period after a plain word (``left.``): that word runs back to
        # a space, and ``_is_boundary`` would accept it unless it is an abbreviation.
        if text[end_start] == "." and (
            end_stop - end_start == 1 or text[end_start + 1] not in ".?!"
        ):
            space = text.rfind(" ", end_start - 81 if end_start > 81 else 0, end_start)
            word = text[space + 1 : end_start] if space >= 0 else ""
            if len(word) >= 2 and word.isascii() and word.isalnum():
                # (Printable, and no time: the third branch below cannot take it.)
                boundary = word.lower() not in _ABBREVIATIONS or _ascii_boundary(
                    text, word, after, first
                )
            elif not (word and word.isascii() and word.isprintable()):
                boundary = _is_boundary(text, end_start, end_stop, after)
            elif "0" <= char <= "9" and word in _CLOCK:
                # ``5 p.m. 6 p.m.``: before a number no word is read, and none follows a time
                # (``_ascii_boundary``'s answer; a hostile text can hold one every 11 characters).
                boundary = True
            else:
                # An ASCII word without blanks after a space is ``_token_before``'s token.
                boundary = _ascii_boundary(text, word, after, first)
        else:
            boundary = _is_boundary(text, end_start, end_stop, after)
        if boundary:
            # The sentence is trimmed already: it ends with a mark, and starts at *start*
            # trimmed or after a boundary, at an opening mark or a capital.
            span = new(Span)
            set_start(span, pos)
            set_end(span, end_stop)
            set_text(span, text[pos:end_stop])
            spans.append(span)
            pos = after
    if pos < stop:
        # The rest, trimmed (``trim`` only when it has blanks to cut, as a paragraph has not).
        if text[stop - 1] in _BLANK or text[pos] in _BLANK:
            pos, stop = trim(text, pos, stop)
        if stop > pos:
            span = new(Span)
            set_start(span, pos)
            set_end(span, stop)
            set_text(span, text[pos:stop])
            spans.append(span)
    return tuple(spans)


_split = split_inside


def is_blank(char: str) -> bool:
    """Whether *char* is whitespace or an invisible zero-width character."""
    return char.isspace() or char in _ZERO_WIDTH


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without leading and trailing whitespace or zero-width characters."""
    while start < end:
        char = text[start]
        if not (char.isspace() or char in _ZERO_WIDTH):
            break
        start += 1
    while end > start:
        char = text[end - 1]
        if not (char.isspace() or char in _ZERO_WIDTH):
            break
        end -= 1
    return start, end
