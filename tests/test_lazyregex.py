"""Lazily compiled patterns behave like compiled ones and compile only when used."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from nkquotes import _lazyregex

SOURCE = r"(?i)\b(said|told)\b"


def test_compiles_only_on_first_use() -> None:
    pattern = _lazyregex.compile(SOURCE)
    assert "not compiled yet" in repr(pattern)
    assert pattern.search("He said so") is not None
    assert "not compiled yet" not in repr(pattern)
    assert pattern.pattern == SOURCE
    # After the first call the compiled pattern's own methods answer, with no wrapper.
    assert pattern.search == pattern.compiled.search
    assert pattern.finditer == pattern.compiled.finditer


def test_every_method_compiles_on_first_use() -> None:
    inputs = {"search": "He said so", "match": "said so", "fullmatch": "told"}
    for method in ("search", "match", "fullmatch", "finditer", "findall", "split"):
        pattern = _lazyregex.compile(SOURCE)
        result = getattr(pattern, method)(inputs.get(method, "He said so"))
        assert "not compiled yet" not in repr(pattern), method
        assert result is not None
    pattern = _lazyregex.compile(SOURCE)
    assert pattern.sub("X", "He said so") == "He X so"


@given(st.text(st.sampled_from(list("saidtoldSAID x.")), max_size=40))
def test_methods_agree_with_regex(text: str) -> None:
    lazy = _lazyregex.compile(SOURCE)
    eager = regex.compile(SOURCE)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.sub("X", text) == eager.sub("X", text)
    assert lazy.split(text) == eager.split(text)
    assert bool(lazy.match(text)) == bool(eager.match(text))
    assert bool(lazy.fullmatch(text)) == bool(eager.fullmatch(text))
    found = lazy.search(text, 1)
    expected = eager.search(text, 1)
    assert (found.span() if found else None) == (expected.span() if expected else None)
