"""The lines of an article held column by column, with their roles.

:class:`Slots` keeps a list per field (start, end, text, word count, role, kind, date stamp);
a line is an index into each. An object per line would cost its construction and the garbage
collector's visits, and a hostile text can have 170,000 lines per megabyte.
"""

from __future__ import annotations

import enum
import operator
from itertools import compress, count, repeat
from operator import is_

from nkquotes._model import BoilerplateKind
from nkquotes._structure_lines import gap_before
from nkquotes._structure_meta import DateLine

__all__ = ["SMALL", "LineClass", "Role", "Slots", "positions"]

K = BoilerplateKind


class Role(enum.Enum):
    BODY = "body"
    BOILER = "boiler"
    CAPTION = "caption"
    TITLE = "title"
    BYLINE = "byline"
    DATELINE = "dateline"
    DROP = "drop"  # the second copy of a caption printed twice


#: What :func:`classify` says of a line: role, kind, whether classified, a date stamp.
LineClass = tuple[Role, BoilerplateKind, bool, DateLine | None]
_ROLE, _KIND, _CLASSIFIED, _DATE = (operator.itemgetter(i) for i in range(4))


class Slots:
    """The trimmed lines of a text and their roles, one list per field; line *i* is index *i*
    of each. Roles start as body, unclassified."""

    __slots__ = (
        "classified",
        "counts",
        "counts_of",
        "dates",
        "ends",
        "kinds",
        "pieces",
        "repeats",
        "roles",
        "segs",
        "starts",
        "text",
    )

    def __init__(
        self,
        text: str,
        starts: list[int],
        ends: list[int],
        segs: list[str],
        counts_of: dict[str, int],
    ) -> None:
        size = len(segs)
        self.text = text
        #: where each line starts and ends in *text* (see ``split_lines_and_text``)
        self.starts = starts
        self.ends = ends
        #: ``text[start:end]``
        self.segs = segs
        #: ``len(words(seg))`` of each distinct line text, in order of first appearance (a
        #: hostile text may repeat one line tens of thousands of times)
        self.counts_of = counts_of
        #: ``len(words(seg))`` (the words themselves are rarely needed), looked up in C
        self.counts = list(map(counts_of.__getitem__, segs))
        #: the lines whose text is the previous line's (see ``_structure_repeats``)
        self.repeats: list[int] | None = None
        self.roles = [Role.BODY] * size
        self.kinds = [K.OTHER] * size
        self.classified = [False] * size
        self.dates: list[DateLine | None] = [None] * size
        #: a title line that holds more (its pieces by index)
        self.pieces: dict[int, list[tuple[str, int, int]]] = {}

    def __len__(self) -> int:
        return len(self.segs)

    def gap_before(self, index: int) -> bool:
        """Whether a blank line (or the start of the text) precedes line *index*."""
        return gap_before(self.text, self.starts, self.ends, index)

    def set_classes(self, classes: list[LineClass]) -> None:
        """Take each line's class from *classes* (what :func:`classify` said of it)."""
        # Four passes in C (``itemgetter``) rather than one in Python.
        self.roles = list(map(_ROLE, classes))
        self.kinds = list(map(_KIND, classes))
        self.classified = list(map(_CLASSIFIED, classes))
        self.dates = list(map(_DATE, classes))

    def set_role(self, index: int, role: Role, kind: BoilerplateKind = K.OTHER) -> None:
        self.roles[index] = role
        self.kinds[index] = kind
        self.classified[index] = True

    def body(self) -> list[int]:
        """The indices of the lines that are still body."""
        return positions(self.roles, Role.BODY)


#: Fewer lines than this are read by a loop in Python: a pass in C costs a few iterators
#: more to set up, and pays off on longer texts only (a news page has a few dozen lines).
SMALL = 64


def positions(column: list[Role], value: Role) -> list[int]:
    """The indices of *column*'s items that are *value*, in order (found in C on a long
    column: a hostile text can have 170,000 lines per megabyte)."""
    if len(column) < SMALL:
        return [index for index, item in enumerate(column) if item is value]
    return list(compress(count(), map(is_, column, repeat(value))))
