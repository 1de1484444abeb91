"""The entity registry of one article: people, organisations, groups and outlets.

A :class:`Registry` holds :class:`~nkquotes._entities.Record` values and the indexes to find
them: full names (without initials), the first and last words of names (surnames, given
names, Korean and Chinese surnames written first), and organisation, group and outlet names.
Every lookup is a dictionary lookup or a bisection. :mod:`nkquotes._speakers_scan` fills it
from the text.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Sequence
from itertools import repeat

from nkquotes._entities import Record, name_key
from nkquotes._gcpause import MANY, collector_paused
from nkquotes._model import SET_END, SET_START, SET_TEXT, Entity, EntityKind, Span
from nkquotes._names import EAST_ASIAN_SURNAMES, fold

__all__ = ["Registry"]

_START = operator.itemgetter(0)
_END = operator.itemgetter(1)
#: Above this many new mentions, re-sorting all of them beats inserting each one.
_MERGE_BY_SORT = 32


class Registry:
    """The entities of one article and the indexes to find them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.records: list[Record] = []
        self._full: dict[str, Record] = {}
        self._short: dict[str, list[Record]] = {}
        self._named: dict[str, Record] = {}
        # Mentions in text order (stable: equal starts in the order recorded), their starts,
        # and the mentions recorded since they were last put in order.
        self._mention_pos: list[int] = []
        self._mention_rec: list[tuple[int, Record, bool]] = []
        self._pending: list[tuple[int, Record, bool]] = []
        # Mentions recorded in bulk (a name list), kept as columns until a lookup needs them:
        # (where in _pending they belong, starts, record, quoted flags or None for none).
        self._blocks: list[tuple[int, list[int], Record, list[bool] | None]] = []
        self.quoted: list[tuple[int, int]] = []
        self.documents: list[Record] = []

    # -- building -------------------------------------------------------------------------

    def person(self, name: str, start: int, end: int) -> Record:
        """The person called *name* (two or more words, ``text[start:end]``), created on first
        sight."""
        record = self.full_name(name, start)
        # self.mention_at(record, start, end), written out for its usual case: a new start
        # after the others (a name repeated in a list costs little more than this).
        ends = record.ends
        if start in ends or start < record.first or (record.starts and record.starts[-1] > start):
            self.mention_at(record, start, end)
            return record
        ends[start] = end
        record.starts.append(start)
        quoted = self.quoted
        inside = False
        if quoted:
            index = bisect.bisect_right(quoted, (start, len(self.text) + 1)) - 1
            inside = index >= 0 and quoted[index][0] < start < quoted[index][1]
        self._pending.append((start, record, inside))
        return record

    def full_name(self, name: str, start: int) -> Record:
        """The person called *name* (two or more words, first seen at *start*), created and
        indexed under its name's ends on first sight; no mention is recorded."""
        key = name_key(name)
        record = self._full.get(key)
        if record is None:
            record = Record(kind=EntityKind.PERSON, name=name, first=start)
            self._full[key] = record
            self.records.append(record)
            words = fold(name).split()
            surname_first = words[0] in EAST_ASIAN_SURNAMES and (
                len(words) > 2 or "-" in words[-1] or words[-1] not in EAST_ASIAN_SURNAMES
            )
            keys = [words[0], words[-1]] if surname_first else [words[-1], words[0]]
            for short in dict.fromkeys(keys):
                self._short.setdefault(short, []).append(record)
        elif len(name) > len(record.name):
            record.name = name
        return record

    def persons(self, record: Record, name: str, starts: list[int], length: int) -> None:
        """``self.person(name, start, start + length)`` for each of *starts* (increasing), as
        one step: *record* is what ``person(name, …)`` returned last (a name list)."""
        if not starts:
            return
        first = starts[0]
        mentioned = record.starts
        if not mentioned or mentioned[-1] >= first or first < record.first:
            for start in starts:  # not after the others: each on its own
                self.person(name, start, start + length)
            return
        # Every start is new and after the others: person()'s usual case, for all at once.
        record.ends.update(zip(starts, map(length.__add__, starts), strict=True))
        mentioned.extend(starts)
        quoted = self.quoted
        last = len(self.text) + 1
        if quoted:
            index = bisect.bisect_right(quoted, (first, last)) - 1
            if index != bisect.bisect_right(quoted, (starts[-1], last)) - 1 or (
                index >= 0 and quoted[index][1] > first
            ):
                # Some may be inside a quotation: person()'s test for each.
                inside = []
                for start in starts:
                    index = bisect.bisect_right(quoted, (start, last)) - 1
                    inside.append(index >= 0 and quoted[index][0] < start < quoted[index][1])
                self._blocks.append((len(self._pending), starts, record, inside))
                return
        self._blocks.append((len(self._pending), starts, record, None))

    def single(self, name: str, start: int, end: int) -> Record:
        """A person known only by one word (``Psaki``, ``text[start:end]``)."""
        record = Record(kind=EntityKind.PERSON, name=name, first=start)
        self.records.append(record)
        self._short.setdefault(fold(name), []).append(record)
        self.mention_at(record, start, end)
        return record

    def named(self, name: str, kind: EntityKind, span: Span | None) -> Record:
        """The organisation, group or outlet called *name*, created on first sight."""
        key = fold(name)
        record = self._named.get(key)
        if record is None:
            first = span.start if span is not None else len(self.text)
            record = Record(kind=kind, name=name, first=first)
            self._named[key] = record
            self.records.append(record)
        elif kind is EntityKind.MEDIA:
            record.kind = kind
        if span is not None:
            self.mention_at(record, span.start, span.end)
        return record

    def mention(self, record: Record, span: Span) -> None:
        """Record that *span* names *record*."""
        self.mention_at(record, span.start, span.end)

    def mention_at(self, record: Record, start: int, end: int) -> None:
        """Record that ``text[start:end]`` names *record* (once: a repeat is ignored)."""
        ends = record.ends
        known = ends.get(start)
        if known is None:
            ends[start] = end
        elif known == end:
            return
        else:  # a rare second end at one start
            extra = record.extra
            if extra is None:
                extra = record.extra = set()
            elif (start, end) in extra:
                return
            extra.add((start, end))
        if start < record.first:
            record.first = start
        starts = record.starts
        if not starts or starts[-1] <= start:
            starts.append(start)  # mentions mostly come in text order
        else:
            bisect.insort(starts, start)
        quoted = self.quoted
        inside = False
        if quoted:  # is_quoted(start), written out: this runs for every mention
            index = bisect.bisect_right(quoted, (start, len(self.text) + 1)) - 1
            inside = index >= 0 and quoted[index][0] < start < quoted[index][1]
        self._pending.append((start, record, inside))

    # -- lookups --------------------------------------------------------------------------

    def has_people(self) -> bool:
        """Whether a person has been registered under a full name."""
        return bool(self._full)

    def full(self, name: str) -> Record | None:
        """The person whose first and last name words match *name*."""
        return self._full.get(name_key(name))

    def short(self, word: str) -> list[Record]:
        """People one of whose name ends is *word*."""
        return list(self._short.get(fold(word), ()))

    def has_short(self, word: str) -> bool:
        """Whether :meth:`short` of *word* finds anyone."""
        return fold(word) in self._short

    def by_name(self, name: str) -> Record | None:
        """The organisation, group or outlet called *name*."""
        return self._named.get(fold(name))

    def is_quoted(self, pos: int) -> bool:
        """Whether *pos* lies inside a quotation-mark pair."""
        index = bisect.bisect_right(self.quoted, (pos, len(self.text) + 1)) - 1
        return index >= 0 and self.quoted[index][0] < pos < self.quoted[index][1]

    def mentions_between(self, start: int, end: int) -> list[tuple[int, Record, bool]]:
        """Mentions starting in ``[start, end)``, in text order: (start, record, quoted)."""
        if self._pending or self._blocks:
            self._merge_pending()
        lo = bisect.bisect_left(self._mention_pos, start)
        hi = bisect.bisect_left(self._mention_pos, end)
        return self._mention_rec[lo:hi]

    def _merge_pending(self) -> None:
        pending, positions, ordered = self._pending, self._mention_pos, self._mention_rec
        if self._blocks:  # the bulk mentions, each block where it was recorded
            spliced: list[tuple[int, Record, bool]] = []
            done = 0
            for at, starts, record, inside in self._blocks:
                spliced.extend(pending[done:at])
                flags = repeat(False) if inside is None else inside
                spliced.extend(zip(starts, repeat(record), flags))
                done = at
            spliced.extend(pending[done:])
            pending[:] = spliced
            self._blocks.clear()
        if len(pending) > _MERGE_BY_SORT:  # many (while the article is read): one sort
            ordered.extend(pending)
            ordered.sort(key=_START)
            self._mention_pos = list(map(_START, ordered))
        else:  # a few (while quotes are resolved): insert each after its equals
            for entry in pending:
                index = bisect.bisect_right(positions, entry[0])
                positions.insert(index, entry[0])
                ordered.insert(index, entry)
        pending.clear()

    def last_mention_before(self, record: Record, pos: int) -> int:
        """Start of *record*'s last mention before *pos*, or -1."""
        index = bisect.bisect_left(record.starts, pos)
        return record.starts[index - 1] if index else -1

    def pick(self, candidates: Sequence[Record], pos: int) -> Record | None:
        """The candidate mentioned most recently before *pos*; None when none was."""
        if len(candidates) == 1:
            return candidates[0]
        scored = [(self.last_mention_before(r, pos), r) for r in candidates]
        scored = [s for s in scored if s[0] >= 0]
        if not scored:
            return None
        scored.sort(key=lambda s: s[0])
        return scored[-1][1]

    def entities(self, ids: dict[int, str], keep: Iterable[Record]) -> tuple[Entity, ...]:
        """Freeze *keep* into :class:`Entity` values, ids taken from *ids* by ``id()``."""
        out = []
        text = self.text
        for record in keep:
            ends = record.ends
            if record.extra:
                offsets = sorted(ends.items())
                offsets.extend(record.extra)
                offsets.sort()
                mentions = _spans(text, list(map(_START, offsets)), list(map(_END, offsets)))
            else:  # one end per start: sorted by start (ints sort faster than pairs)
                starts = sorted(ends)
                mentions = _spans(text, starts, list(map(ends.__getitem__, starts)))
            out.append(
                Entity(
                    id=ids[id(record)],
                    name=record.name,
                    kind=record.kind,
                    titles=tuple(record.titles),
                    affiliation=record.affiliation,
                    party=record.party,
                    mentions=mentions,
                )
            )
        return tuple(out)


def _spans(text: str, starts: list[int], ends: list[int]) -> tuple[Span, ...]:
    """``inner_span`` of each start and end, written out: a name repeated in a list has a
    mention every few words, and a call per mention cost more than filling its slots."""
    if len(starts) > MANY:  # a name list: made with the collector paused (see _gcpause)
        with collector_paused():
            return _span_tuple(text, starts, ends)
    return _span_tuple(text, starts, ends)


def _span_tuple(text: str, starts: list[int], ends: list[int]) -> tuple[Span, ...]:
    spans: list[Span] = []
    append = spans.append
    for start, end in zip(starts, ends, strict=True):
        span = _NEW(Span)
        SET_START(span, start)
        SET_END(span, end)
        SET_TEXT(span, text[start:end])
        append(span)
    return tuple(spans)


_NEW = object.__new__
