"""The one-call look-back of a cue against the chain of helpers it stands in for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes._quotes_content import comma_at, prev_word
from nkquotes._quotes_lookback import cue_back
from nkquotes._quotes_mention import aux_before
from tests.strategies import any_text, newsy_text

#: What stands before a cue in news prose: speakers, adverbs, auxiliaries, dates, commas,
#: closing marks, non-ASCII letters and long runs of white space (the windows are 40, 60
#: and 100 characters long).
_PIECES = st.sampled_from(
    [
        *("Kim", "he", "officials", "has", "have", "had", "also", "repeatedly", "ly", "fly"),
        *("not", "didn’t", "to", "as", "by", "with", "and", "who", ", who", "Ünal", "café"),
        *("on Monday", "last week", "in 2016", "in January", "in １９９９", "Theresa May"),
        *("in response to the test", "in a statement on Friday", "in an interview", "tweet"),
        *(",", ",”", ",’", ",''", "—", "–", "''", '"', "(R-Ky.)", "O'Brien", "x_y", "3"),
        *(" ", "  ", "\t", "\u00a0", "\u2009", "\n", " " * 41, " " * 61, "\t" * 30),
    ]
)
_SHAPED = st.lists(_PIECES, max_size=14).map(" ".join) | st.lists(_PIECES, max_size=14).map("".join)


def _chain(text: str, lo: int, cs: int) -> tuple[str, int, int, int]:
    """The reference: the helpers the speech pass called one by one."""
    return (prev_word(text, lo, cs), *aux_before(text, lo, cs), comma_at(text, lo, cs))


@settings(max_examples=500, deadline=None)
@given(_SHAPED | newsy_text | any_text, st.data())
def test_cue_back_answers_as_the_chain(text: str, data: st.DataObject) -> None:
    cs = data.draw(st.just(len(text)) | st.integers(0, len(text)))
    lo = data.draw(st.just(0) | st.integers(0, cs))
    assert cue_back(text, lo, cs) == _chain(text, lo, cs)


@settings(max_examples=300, deadline=None)
@given(_SHAPED, _SHAPED)
def test_cue_back_before_a_cue_word(before: str, after: str) -> None:
    text = before + " said " + after
    cs = len(before) + 1
    for lo in (0, max(0, cs - 45), max(0, cs - 70)):
        assert cue_back(text, lo, cs) == _chain(text, lo, cs)
