"""Patterns compiled once, on first use rather than at import.

The ``regex`` module takes milliseconds to compile a large alternation, and nkquotes has
well over a hundred patterns: compiling them at import would make ``import nkquotes`` slow
for programs that use one stage or none. :func:`compile` returns a :class:`LazyPattern` that
compiles on its first call and then forwards to the compiled pattern, so module-level
constants keep the ``_NAME = compile(...)`` shape and cost nothing until used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex

__all__ = ["LazyPattern", "compile"]


class LazyPattern:
    """A ``regex`` pattern compiled on first use (a race only compiles it twice, harmlessly).

    The first call compiles the pattern and binds the compiled pattern's own methods on the
    instance, so every later call goes straight to ``regex`` with no wrapper in between.
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None

    def _compile(self) -> regex.Pattern[str]:
        compiled = regex.compile(self._source, self._flags)
        self._compiled = compiled
        # Instance attributes shadow the class's methods from now on.
        self.__dict__.update(
            search=compiled.search,
            match=compiled.match,
            fullmatch=compiled.fullmatch,
            finditer=compiled.finditer,
            findall=compiled.findall,
            sub=compiled.sub,
            split=compiled.split,
        )
        return compiled

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        return self._compiled if self._compiled is not None else self._compile()

    @property
    def pattern(self) -> str:
        """The pattern's source text."""
        return self._source

    def search(
        self, string: str, pos: int = 0, endpos: int | None = None, **kwargs: Any
    ) -> regex.Match[str] | None:
        return self._compile().search(string, pos, endpos, **kwargs)

    def match(
        self, string: str, pos: int = 0, endpos: int | None = None, **kwargs: Any
    ) -> regex.Match[str] | None:
        return self._compile().match(string, pos, endpos, **kwargs)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int | None = None, **kwargs: Any
    ) -> regex.Match[str] | None:
        return self._compile().fullmatch(string, pos, endpos, **kwargs)

    def finditer(
        self, string: str, pos: int = 0, endpos: int | None = None, **kwargs: Any
    ) -> Iterator[regex.Match[str]]:
        return self._compile().finditer(string, pos, endpos, **kwargs)

    def findall(
        self, string: str, pos: int = 0, endpos: int | None = None, **kwargs: Any
    ) -> list[Any]:
        return self._compile().findall(string, pos, endpos, **kwargs)

    def sub(
        self,
        repl: str | Callable[[regex.Match[str]], str],
        string: str,
        count: int = 0,
        **kwargs: Any,
    ) -> str:
        return self._compile().sub(repl, string, count, **kwargs)

    def split(self, string: str, maxsplit: int = 0, **kwargs: Any) -> list[str | Any]:
        return self._compile().split(string, maxsplit, **kwargs)

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"LazyPattern({self._source[:40]!r}, {state})"


def compile(source: str, flags: int = 0) -> LazyPattern:  # mirrors regex.compile
    """A pattern that compiles on first use (see :class:`LazyPattern`)."""
    return LazyPattern(source, flags)
