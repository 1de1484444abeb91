"""``make`` in a paragraph without quotations against the general path it skips."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes._cues import CueEntry
from nkquotes._model import QuoteKind
from nkquotes._quotes_content import cut_asides
from nkquotes._quotes_draft import Attribution, Draft, ParagraphQuotes
from nkquotes._quotes_orders import _kind_and_segments, make
from tests.strategies import any_text, newsy_text

_ASIDY = st.lists(
    st.sampled_from(
        [
            *("Kim Jong Un", "said the", "talks stalled", ", who was there,", " — an aside — "),
            *(" - as he put it - ", ", which", " ", ","),
        ]
    ),
    max_size=12,
).map("".join)


def _make_reference(
    text: str, pq: ParagraphQuotes, segs: list[tuple[int, int]], entry: CueEntry, claim: bool
) -> Draft | None:
    """``make`` before the fast path: every paragraph through ``_kind_and_segments``."""
    kinded = _kind_and_segments(text, pq, cut_asides(text, pq, segs))
    if kinded is None:
        return None
    kind, segs = kinded
    if "mixedonly" in entry.flags and kind is QuoteKind.INDIRECT and not claim:
        return None
    if "direct" in entry.flags and kind is not QuoteKind.DIRECT:
        return None
    attr = Attribution(0, 4, entry.lemma, (0, 1), 4)
    confidence = 0.8 if kind is not QuoteKind.INDIRECT else 0.7
    return Draft(segs, kind, pq.index, attr, confidence=confidence, anchor=2)


@settings(max_examples=200, deadline=None)
@given(
    _ASIDY | newsy_text | any_text,
    st.data(),
    st.sets(st.sampled_from(["mixedonly", "direct", "that"])),
    st.booleans(),
)
def test_make_without_quotations_equals_the_general_path(
    text: str, data: st.DataObject, flags: set[str], claim: bool
) -> None:
    segs = []
    for _ in range(data.draw(st.integers(1, 3))):
        s = data.draw(st.integers(0, len(text)))
        segs.append((s, data.draw(st.integers(s, len(text)))))
    pq = ParagraphQuotes(3, 0, len(text), [])
    entry = CueEntry("said", "say", frozenset(flags), False, False)
    got = make(text, pq, list(segs), entry, 0, 4, (0, 1), 2, claim=claim)
    assert got == _make_reference(text, pq, list(segs), entry, claim)
