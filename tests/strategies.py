"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

from hypothesis import strategies as st

from nkquotes import Span

#: Text of any shape: every Unicode category, lone surrogates included.
any_text = st.text(st.characters(codec=None), max_size=400)

#: Text shaped like news prose, with quotation marks and line breaks.
newsy_text = st.lists(
    st.sampled_from(list("abcdeKLMN .,;:-\n\"'“”‘’«»()0123456789"))
    | st.sampled_from(
        ["said", "told reporters", "he", "Kim", "Sen.", "U.S.", "according to", " that "]
    ),
    max_size=80,
).map("".join)


@st.composite
def text_and_span(draw: st.DrawFn) -> tuple[str, Span]:
    """A text and a valid span into it."""
    text = draw(any_text)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, Span.of(text, start, end)
