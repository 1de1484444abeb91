"""The cue lexicon: reporting verbs and phrases, their inflections, lemmas and flags.

The bundled lexicon is ``nkquotes/data/cues.tsv``; its header documents the format. A user
file in the same format extends it (:attr:`QuoteOptions.extra_cues`). Lexicons are read
lazily and cached, and the matcher is a single ``regex`` named-list pattern, so finding
every cue in a paragraph is one linear scan.
"""

from __future__ import annotations

import bisect
import functools
import importlib.resources
import itertools
import operator
import re
from pathlib import Path

import attrs

from nkquotes._errors import InputError

__all__ = ["CueEntry", "CueIndex", "CueLexicon", "CueMatch", "inflect", "load_lexicon"]

FLAGS = frozenset(
    {"that", "obj", "to", "for", "on", "whether", "after", "direct", "doc", "noun", "mixedonly"}
)


@attrs.frozen
class CueEntry:
    """One surface form of a cue: its lemma, flags and whether it is an ``-ing`` form."""

    form: str
    lemma: str
    flags: frozenset[str]
    ing: bool
    base: bool
    form_s: bool = False


def inflect(lemma: str) -> tuple[str, ...]:
    """The regular forms of *lemma* (base, -s, -ed, -ing); only the first word inflects."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("ee"):
        forms = (head, head + "s", head + "d", head + "ing")
    elif head.endswith("e"):
        forms = (head, head + "s", head + "d", head[:-1] + "ing")
    elif head.endswith("y") and len(head) > 1 and head[-2] not in "aeiou":
        forms = (head, head[:-1] + "ies", head[:-1] + "ied", head + "ing")
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = (head, head + "es", head + "ed", head + "ing")
    else:
        forms = (head, head + "s", head + "ed", head + "ing")
    return tuple(f + tail for f in forms)


def _parse(text: str, source: str) -> list[CueEntry]:
    entries: list[CueEntry] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in raw.split("\t")]
        if len(parts) < 2 or not parts[0]:
            raise InputError(f"{source}:{number}: expected 'lemma<TAB>forms[<TAB>flags]'")
        lemma = parts[0]
        forms = inflect(lemma) if parts[1] in ("", "-") else tuple(parts[1].split(","))
        flags = (
            frozenset(f.strip() for f in parts[2].split(",") if f.strip())
            if len(parts) > 2
            else frozenset()
        )
        unknown = flags - FLAGS
        if unknown:
            raise InputError(f"{source}:{number}: unknown flags {sorted(unknown)}")
        for form in forms:
            form = " ".join(form.split())
            if form:
                head = form.split(" ", 1)[0]
                base_head = lemma.split(" ", 1)[0]
                third = head != base_head and head.endswith("s") and not head.endswith("ss")
                entries.append(
                    CueEntry(form, lemma, flags, head.endswith("ing"), form == lemma, third)
                )
    return entries


@attrs.frozen
class CueMatch:
    """A cue form found in the text."""

    start: int
    end: int
    entry: CueEntry


@attrs.frozen
class CueLexicon:
    """Cue forms and a matcher that finds them (lowercase, or capitalised sentence-first).

    The matcher is a character trie compiled with the standard library's ``re``: on this
    hot path it runs several times faster than an equivalent ``regex`` pattern, and a
    trie of literals cannot backtrack catastrophically.
    """

    entries: dict[str, CueEntry]
    pattern: re.Pattern[str]
    #: ``pattern`` led by the character before the cue (see :func:`_build`), or ``None``.
    led: re.Pattern[str] | None = None

    def lookup(self, form: str) -> CueEntry | None:
        """The entry of a matched *form* (case of the first letter ignored)."""
        entry = self.entries.get(form)
        if entry is None and form[:1].isupper():
            entry = self.entries.get(form[:1].lower() + form[1:])
        return entry

    def scan(self, text: str, start: int, end: int, limit: int | None = None) -> list[CueMatch]:
        """Every cue form in ``text[start:end]``, in text order (the first *limit* only)."""
        found: list[CueMatch] = []
        cap = len(text) if limit is None else limit
        entries = self.entries
        size = len(text)
        for m in self.pattern.finditer(text, start, end):
            s, e = m.span()
            entry = self._entry(text, m.group(), s, e, size, entries)
            if entry is not None:
                found.append(CueMatch(s, e, entry))
                if len(found) >= cap:
                    break
        return found

    def _entry(
        self, text: str, form: str, s: int, e: int, size: int, entries: dict[str, CueEntry]
    ) -> CueEntry | None:
        """The entry of the form matched at ``[s, e)``, unless a hyphen or an apostrophe
        glues it to a longer word (``re-said``, ``said'``)."""
        if (s > 0 and text[s - 1] in _GLUE) or (e < size and text[e] in _GLUE):
            return None
        entry = entries.get(form)
        return self.lookup(form) if entry is None else entry

    def scan_many(self, text: str, bounds: list[tuple[int, int, int]]) -> list[CueMatch]:
        """``scan(text, start, end, limit)`` of every ``(start, end, limit)`` in *bounds*,
        concatenated, with one ``finditer`` per run of paragraphs.

        Paragraphs are joined into one run when the gap between them is white space holding
        a line break: no cue form spans a line break, and ``\b`` at the paragraph end sees
        white space either way, so the matches are exactly the per-paragraph ones. A
        paragraph that reaches its limit ends its run, as the per-paragraph scan stops there.
        A run is read with ``led`` after a cue at its start: the same matches as ``pattern``.
        """
        found: list[CueMatch] = []
        get = self.entries.get
        size = len(text)
        led = self.led
        finditer = (self.pattern if led is None else led).finditer
        opening = None if led is None else self.pattern.match
        # matches are filled slot by slot, as attrs would, without its per-field setattr
        new = _new_object
        set_start, set_end, set_entry = _MATCH_SETTERS
        n = len(bounds)
        i = 0
        while i < n:
            j = i
            while j + 1 < n:
                gap = text[bounds[j][1] : bounds[j + 1][0]]
                if not gap or "\n" not in gap or not gap.isspace():
                    break
                j += 1
            k = i
            end_k = bounds[k][1]
            count = 0
            nxt = j + 1
            run_start, run_end = bounds[i][0], bounds[j][1]
            # a cue at the run's start has no character of the run before it for `led`
            first = None if opening is None else opening(text, run_start, run_end)
            rest = finditer(text, first.end() if first is not None else run_start, run_end)
            for m in rest if first is None else itertools.chain((first,), rest):
                s, e = m.span(1)
                while s >= end_k:  # the gaps are white space: a match lies in one paragraph
                    k += 1
                    end_k = bounds[k][1]
                    count = 0
                # _entry, inlined: this loop runs for every cue of every article
                if (s > 0 and text[s - 1] in _GLUE) or (e < size and text[e] in _GLUE):
                    continue
                form = m.group(1)
                entry = get(form)
                if entry is None and form[:1].isupper():
                    entry = get(form[:1].lower() + form[1:])
                if entry is not None:
                    match = new(CueMatch)
                    set_start(match, s)
                    set_end(match, e)
                    set_entry(match, entry)
                    found.append(match)
                    count += 1
                    if count >= bounds[k][2]:
                        nxt = k + 1  # the rest of this paragraph is not read
                        break
            i = nxt
        return found


_new_object = object.__new__
_MATCH_SETTERS = tuple(CueMatch.__dict__[name].__set__ for name in ("start", "end", "entry"))
#: Characters that glue a cue form to a longer word: "re-said", "said'".
_GLUE = "-'’"


class CueIndex:
    """The cue matches of one article, searchable by position without rescanning."""

    __slots__ = ("disjoint", "matches", "starts")

    def __init__(self, matches: list[CueMatch]) -> None:
        self.matches = matches
        self.starts = [m.start for m in matches]
        # one scan's matches never overlap; a hand-built list might
        ends = [m.end for m in matches]
        self.disjoint = all(map(operator.le, ends[:-1], self.starts[1:]))

    def between(self, start: int, end: int) -> list[CueMatch]:
        """Matches lying wholly inside ``[start, end)``."""
        starts = self.starts
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)
        if i == j:
            return []
        found = self.matches[i:j]
        if not self.disjoint:
            return [m for m in found if m.end <= end]
        if found[-1].end > end:  # disjoint and in order: only the last can reach past end
            found.pop()
        return found

    def first(self, start: int, end: int) -> CueMatch | None:
        """The first match inside ``[start, end)``."""
        i = bisect.bisect_left(self.starts, start)
        matches = self.matches
        while i < len(matches) and matches[i].start < end:
            if matches[i].end <= end:
                return matches[i]
            i += 1
        return None

    def at(self, start: int) -> CueMatch | None:
        """The match starting exactly at *start*."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.matches) and self.matches[i].start == start:
            return self.matches[i]
        return None


def _trie(words: list[str]) -> str:
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(k) + build(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return (body + "?") if len(alts) == 1 and len(alts[0]) == 1 else f"(?:{body})?"
        return body

    return build(root)


def _build(entries: list[CueEntry]) -> CueLexicon:
    table: dict[str, CueEntry] = {}
    for entry in entries:
        old = table.get(entry.form)
        if old is None:
            table[entry.form] = entry
        else:  # the same form under two lemmas: keep the first lemma, merge flags
            table[entry.form] = attrs.evolve(old, flags=old.flags | entry.flags)
    forms = list(table)
    capital = [f[:1].upper() + f[1:] for f in forms if f.endswith("ing") or " " in f]
    words = sorted(set(forms + capital))
    firsts = re.escape("".join(sorted({w[0] for w in words})))
    trie = _trie(words)
    # (the group is the whole match: scan_many reads `pattern` and `led` matches alike)
    pattern = re.compile(r"\b(?=[" + firsts + "])(" + trie + r")\b")
    if not all(w[0].isalnum() or w[0] == "_" for w in words):
        return CueLexicon(table, pattern)  # "\b" before a non-word first character differs
    # Every form opens with a word character, so "\b" before it is a non-word character
    # before it (or the run's start). Matching that character first lets ``re`` skip to
    # candidates with its fast first-character scan ([^0-9A-Za-z_] is a bitmap test; the
    # lookbehind settles the non-ASCII word characters) instead of trying every offset;
    # the first-letter test before the lookbehind turns white space runs away cheaply.
    led = re.compile(r"[^0-9A-Za-z_](?=[" + firsts + r"])(?<!\w)(" + trie + r")\b")
    return CueLexicon(table, pattern, led)


@functools.lru_cache(maxsize=1)
def _builtin_text() -> str:
    return (importlib.resources.files("nkquotes") / "data" / "cues.tsv").read_text("utf-8")


@functools.lru_cache(maxsize=8)
def load_lexicon(extra: str | None = None) -> CueLexicon:
    """The bundled lexicon, extended by the file at *extra* when given."""
    entries = _parse(_builtin_text(), "cues.tsv")
    if extra is not None:
        path = Path(extra)
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise InputError(f"cannot read cue lexicon {path}: {exc}") from exc
        entries = _parse(text, str(path)) + entries
    return _build(entries)
